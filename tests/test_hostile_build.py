"""A hostile corpus builds: every good report published, everything else on `rejected`
with its reason, and no report text or sources.csv value reaches a sink unescaped."""

from __future__ import annotations

import csv
import gzip
import os
import shutil
from pathlib import Path

import pytest

from builder.build import build
from builder.datasets.schema import FORMULA_TRIGGERS
from builder.extraction import layout
from builder.extraction.corpus import read_path
from builder.extraction.pipeline import Options
from builder.limits import Limits
from builder.reading.sources import parse_sources, read_sources

from .conftest import CORPUS

GOOD = CORPUS / "000_3c99cf29d2b59166.txt"
LONG_NAME = "银川市" + "庄" * 36 + "局"
HOSTILE_NAME = "=1+2@@CONTENT@@{%}\\"
CR_NAME = "泾源县\r报告.txt"  # a carriage return in a file's name: unquoted in a CSV, it split the row in two
SOURCES = (
    "file,url,retrieved,archive,listing_url,note\n"
    "001_497777d1f7d5736d.txt,javascript:alert(1),2024-01-05,,,\n"
    "002_ca7c6a4c8b1a7e82.txt,https://www.example.gov.cn/a.html,2024-13-45,,,\n"
    "003_22aab187490cdc1c.txt,https://www.nxlongde.gov.cn/zfxxgk/2023.html,2024-02-01,copies/003.pdf,"
    "https://www.nxlongde.gov.cn/zfxxgk/,=cmd|' /C calc'!A0 隆德县\n"
    "004_13e53bba648087dd.txt,https://www.pengyang.gov.cn/ndbg.html,2023-03-01,,http://x.gov.cn/list,说明\n"
    "004_13e53bba648087dd.txt,https://www.pengyang.gov.cn/other.html,2023-03-01,,,\n"
    "2022/missing.txt,https://www.example.gov.cn/b.html,2024-01-05,,,\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("sources.csv"))
    (corpus / "sources.csv").write_bytes(SOURCES.encode("gb18030"))  # a GBK sources.csv
    (corpus / "copies").mkdir()
    (corpus / "copies" / ".keep").write_text("")
    (corpus / "copies" / "003.pdf").write_bytes(b"not really a PDF")
    text = GOOD.read_text(encoding="utf-8")
    # Hostile text before the title's name (page chrome: stripped from the name) and at the start of a
    # prose sentence (kept verbatim: it must stay text on the page and in every CSV).
    hostile = text.replace("固原市人民政府办公室 2019", HOSTILE_NAME + "固原市人民政府办公室 2019", 1)
    hostile = hostile.replace("规范申请答复。2019年", "规范申请答复。" + HOSTILE_NAME + "2019年", 1)
    (corpus / GOOD.name).write_text(hostile, encoding="utf-8")
    (corpus / "crash.txt").write_text(text.replace("固原市", "海原县") + "\nCRASH-HERE\n", encoding="utf-8")
    (corpus / "hang.txt").write_text(text.replace("固原市", "西吉县") + "\nHANG-HERE\n", encoding="utf-8")
    (corpus / ".hidden.txt").write_text(text, encoding="utf-8")
    # A name of 38 characters: its slug (yinchuan-shi-zhuang-zhuang-…) passed the 255 bytes of a folder name.
    (corpus / "long.txt").write_text(text.replace("固原市人民政府办公室", LONG_NAME), encoding="utf-8")
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / CR_NAME).write_text(text.replace("固原市", "泾源县"), encoding="utf-8")
    os.mkfifo(corpus / "pipe")
    original = layout.split_headings

    def misbehave(lines):
        if any("CRASH-HERE" in line for line in lines):
            raise OverflowError("int too large to convert to float")
        if any("HANG-HERE" in line for line in lines):
            while True:  # never reaches a checkpoint: the alarm must stop it
                pass
        return original(lines)

    read_path(str(GOOD), GOOD.name)  # warm up (imports, caches) before the clock matters
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(layout, "split_headings", misbehave)
        summary = build(corpus, root / "site", say=lambda _: None, options=Options(bounds=Limits(time_limit=3)))
    return root / "site", summary


def read_csv(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_good_report_is_published_and_every_other_entry_rejected(built):
    site, summary = built
    reports = read_csv(site / "data" / "reports.csv")
    assert summary.reports == len(reports) == 7
    assert CR_NAME in {r["source_file"] for r in reports}
    assert LONG_NAME in {r["agency_name"] for r in reports}
    for report in reports:
        assert (site / "reports" / report["report_id"] / "index.html").exists()
    rejected = {row["file"]: row["reason"] for row in read_csv(site / "data" / "rejected.csv")}
    assert rejected == {
        ".hidden.txt": "hidden file (name starts with a dot): not read",
        "copies/.keep": "hidden file (name starts with a dot): not read",
        "copies/003.pdf": "not a government information disclosure annual report: "
                          "no report title, form tables or report sections found; "
                          "named .pdf, but its bytes are not a PDF",
        "crash.txt": "internal error in layout: OverflowError: int too large to convert to float",
        "dangling.txt": "dangling symlink: its target (nowhere.txt) does not exist",
        "hang.txt": "time limit exceeded: over the 3 s limit per file",
        "pipe": "a named pipe (FIFO), not a regular file: not read",
        "sources.csv, line 2": "url is not an http(s) URL: 'javascript:alert(1)'",
        "sources.csv, line 3": "retrieved is not a date written YYYY-MM-DD: '2024-13-45'",
        "sources.csv, line 6": "a second row for 004_13e53bba648087dd.txt; the first is used",
        "sources.csv, line 7": "no file of the corpus is named '2022/missing.txt' (a file in a folder is named by its "
                               "path: 2022/报告.pdf)",
    }
    assert summary.lines()[0] == ("read 7 reports; 6 files could not be read; 4 rows of sources.csv left out; "
                                  "1 internal errors (bugs of this tool, please report them)")


def test_no_name_made_for_the_site_is_too_long_for_a_file_system(built):
    site, _ = built
    assert max(len(p.name.encode()) for p in site.rglob("*")) <= 120


def test_only_valid_sources_reach_the_data(built):
    site, _ = built
    reports = {r["source_file"]: r for r in read_csv(site / "data" / "reports.csv")}
    assert reports["001_497777d1f7d5736d.txt"]["source_url"] == ""
    assert reports["002_ca7c6a4c8b1a7e82.txt"]["retrieved"] == ""
    assert reports["004_13e53bba648087dd.txt"]["source_url"] == "https://www.pengyang.gov.cn/ndbg.html"


def test_no_csv_text_field_starts_with_a_formula_trigger(built):
    """Text fields only: a number such as a negative change (-1) is typed in the schema and is no formula."""
    from builder.datasets.schema import REPORT_CELLS, TABLE_INDEX

    site, _ = built
    files = list((site / "data").glob("*.csv")) + list((site / "data").glob("*.csv.gz"))
    files += list((site / "reports").rglob("*.csv"))
    seen = 0
    for path in files:
        name = path.name.split(".")[0]
        table = REPORT_CELLS if path.parent.name != "data" else TABLE_INDEX[name]
        text = {f.name for f in table.fields if f.type == "string"}
        for row in read_csv(path):
            for field, value in row.items():
                if field in text:
                    seen += 1
                    assert not value.startswith(FORMULA_TRIGGERS[:-1]), (path.name, field, value)
    assert seen > 1000
    names = {r["agency_name"] for r in read_csv(site / "data" / "reports.csv")}
    assert "固原市人民政府办公室" in names  # markup before a title is no part of the name
    sentences = [r["sentence"] for r in read_csv(site / "data" / "narrative.csv")]
    assert any(s.startswith("'" + HOSTILE_NAME) for s in sentences), sentences


def test_report_text_holding_a_placeholder_stays_text(built):
    site, _ = built
    page = next(p for p in (site / "reports").rglob("index.html") if "guyuan" in str(p))
    html = page.read_text(encoding="utf-8")
    assert "@@" in html  # the agency name, shown as text...
    head = html[:html.index("</head>")]
    assert "<article" not in head and html.count("<article") == 1  # ...never replaced by the page


def test_bibtex_values_are_escaped():
    from builder.site.pages import bibtex

    assert bibtex(HOSTILE_NAME + "固原市") == r"=1+2@@CONTENT@@\{\%\}\textbackslash{}固原市"


def test_javascript_urls_are_never_linked(built):
    site, _ = built
    for page in site.rglob("*.html"):
        assert "javascript:" not in page.read_text(encoding="utf-8").lower(), page


def test_sources_csv_in_gbk_is_read(built):
    site, _ = built
    sources, problems = read_sources(site.parent / "corpus")
    assert sources["003_22aab187490cdc1c.txt"].note == "=cmd|' /C calc'!A0 隆德县"
    assert sources["003_22aab187490cdc1c.txt"].archive == "copies/003.pdf"
    assert [p.line for p in problems] == [2, 3, 6]


@pytest.mark.parametrize(("text", "reason"), [
    ("url\nhttps://a.cn/\n", "no 'file' column in the header"),
    ("file,url\na.txt,file:///etc/passwd\n", "url is not an http(s) URL: 'file:///etc/passwd'"),
    ("file,url\na.txt,https://a.cn/\"onmouseover=x\n", "url holds '\"', which no link may hold: 'https://a.cn/\"onmouseover=x'"),
    ("file,url\na.txt,https:///nohost\n", "url is not an http(s) URL: 'https:///nohost'"),
    ("file,archive\na.txt,../../etc/passwd\n",
     "archive is neither an http(s) URL nor a file in the corpus: '../../etc/passwd'"),
    ("file,retrieved\na.txt,yesterday\n", "retrieved is not a date written YYYY-MM-DD: 'yesterday'"),
    ("file,url\n,https://a.cn/\n", "no file name in the 'file' column"),
    ("file,url\na.txt,https://a.cn/,extra\n", "3 values for 2 columns"),
])
def test_bad_rows_are_reported_with_their_reason(tmp_path: Path, text: str, reason: str):
    sources, problems = parse_sources(text, tmp_path)
    assert sources == {} and [p.reason for p in problems] == [reason]


def test_a_url_with_spaces_and_chinese_is_linked_as_a_browser_sends_it(tmp_path: Path):
    """Blind round 60 (sinks): http://example.gov.cn/路径 有 空格/报告 2022.html was refused as "not an http(s) URL"."""
    sources, problems = parse_sources("file,url\na.txt,http://example.gov.cn/路径 有 空格/报告 2022.html?q=年报#第1页\n",
                                      tmp_path)
    assert problems == []
    assert sources["a.txt"].url == ("http://example.gov.cn/%E8%B7%AF%E5%BE%84%20%E6%9C%89%20%E7%A9%BA%E6%A0%BC/"
                                    "%E6%8A%A5%E5%91%8A%202022.html?q=%E5%B9%B4%E6%8A%A5#%E7%AC%AC1%E9%A1%B5")
    sources, problems = parse_sources("file,url\na.txt,http://example.gov.cn/\u202egpj.exe\n", tmp_path)
    assert sources == {} and [p.reason for p in problems] == ["url is not an http(s) URL: 'http://example.gov.cn/\\u202egpj.exe'"]


def test_a_column_sources_csv_does_not_have_is_reported(tmp_path: Path):
    """Blind round 60 (sinks): an archive_url column was left out without a word."""
    sources, problems = parse_sources("file,url,archive_url\na.txt,https://a.cn/r.html,javascript:alert(1)\n", tmp_path)
    assert sources["a.txt"].url == "https://a.cn/r.html"
    assert [(p.line, p.reason) for p in problems] == [
        (1, "column 'archive_url' is none of file, url, retrieved, archive, listing_url, note: its values are not read")]


def test_an_unreadable_sources_csv_is_reported_not_fatal(tmp_path: Path):
    (tmp_path / "sources.csv").write_bytes(bytes(range(256)) * 4)
    sources, problems = read_sources(tmp_path)
    assert sources == {} and len(problems) == 1 and problems[0].where == "sources.csv"
