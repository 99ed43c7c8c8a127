"""Isolation and limits: no input file can stop a build or take longer than its budget.

The files in tests/hostile/ each crashed or hung the build once; each must now
become a report or a rejection with a one-line reason.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
import unicodedata
from pathlib import Path

import pytest

from builder import limits, synthetic
from builder.extraction import layout
from builder.extraction.corpus import IndexEntry, Rejected, corpus_entries, load_corpus, read_data, read_path
from builder.extraction.extract import Report
from builder.extraction.pipeline import FileTask, list_tasks, run_task
from builder.limits import Limits

from .conftest import CORPUS, ROOT
from .official_form import blocks, docx_bytes, values

HOSTILE = ROOT / "tests" / "hostile"
GOOD = CORPUS / "000_3c99cf29d2b59166.txt"


def read(path: Path, bounds: Limits = limits.DEFAULT) -> Report | Rejected:
    return read_path(str(path), path.name, bounds)


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.iterdir()))
def test_each_hostile_file_is_a_report_or_a_plain_rejection(name):
    outcome = read(HOSTILE / name, Limits(time_limit=30))
    if isinstance(outcome, Rejected):
        assert not outcome.internal, outcome.reason
        assert "\n" not in outcome.reason
    else:
        assert outcome.badge is not None


def test_a_comment_before_html_is_no_obstacle():
    report = read(HOSTILE / "comment-before-html.html")
    assert isinstance(report, Report) and report.year == 2019


def test_numbers_too_long_to_be_counts_are_unreadable_cells_not_errors():
    report = read(HOSTILE / "huge-int-and-decimal.txt")
    assert report.cells["t3.total.total"].status == "ambiguous"
    assert report.cells["t3.total.total"].value is None
    report = read(HOSTILE / "digit-run-5000.txt")
    assert all(c.value is None or c.value < 10 ** limits.MAX_NUMBER_DIGITS for c in report.cells.values())


def test_deep_html_is_read_up_to_the_limit_and_refused_beyond_it(tmp_path: Path):
    """Past the limit, containers left open (<div>s a template never closed) are read as the line
    breaks they show; nesting of anything else is refused."""
    assert isinstance(read(HOSTILE / "deep-300.html"), Report)
    assert isinstance(read(HOSTILE / "deep-300.html", Limits(max_html_depth=100)), Report)
    bold = tmp_path / "deep-300-b.html"
    bold.write_text((HOSTILE / "deep-300.html").read_text(encoding="utf-8").replace("div>", "b>"), encoding="utf-8")
    outcome = read(bold, Limits(max_html_depth=100))
    assert isinstance(outcome, Rejected)
    assert outcome.reason == "over a size limit: HTML elements nested more than 100 deep"


def test_a_separated_line_with_a_field_past_the_csv_module_s_limit_is_no_error(tmp_path: Path):
    """Blind round 112 (hostile documents): a row's label, a few comma-separated values and 140,000 brackets in one
    field stopped the csv module (field larger than field limit (131072)): an internal error lost the whole file."""
    path = tmp_path / "long-field.txt"
    path.write_text(GOOD.read_text(encoding="utf-8") + "\n本年新收政府信息公开申请数量 1,1,1,1," + "（" * 140_000 + "\n",
                    encoding="utf-8")
    assert isinstance(read(path), Report)


def test_the_backstop_alarm_fires_again_after_a_library_swallows_it():
    """Blind round 59 (resource exhaustion): a PDF page of 200,000 glyphs ran for ten minutes past its 60 s limit: the
    one backstop alarm was caught by a reader's catch-all fallback, and no other came."""
    from builder import errors

    start = time.monotonic()
    swallowed = []

    def busy(seconds: float) -> None:
        while time.monotonic() - start < seconds:
            pass

    with pytest.raises(errors.TimeLimit), limits.budget("slow.pdf", Limits(time_limit=0.2)):
        try:
            busy(5)
        except errors.TimeLimit:
            swallowed.append(True)  # what a library's ``except Exception`` does
        busy(5)
    assert swallowed and time.monotonic() - start < 4


def test_byte_limit(tmp_path: Path):
    outcome = read(GOOD, Limits(max_bytes=1000))
    assert isinstance(outcome, Rejected) and outcome.reason.startswith("over a size limit: ")
    assert "1,000-byte limit" in outcome.reason


def test_pdf_page_limit():
    pdf = ROOT.parent / "shared" / "corpus-pdf" / "淮安市人民政府_2024.pdf"
    outcome = read(pdf, Limits(max_pdf_pages=1))
    assert isinstance(outcome, Rejected)
    assert outcome.reason.startswith("over a size limit: ") and "1-page limit" in outcome.reason


def test_a_pdf_whose_close_raises_keeps_its_damaged_reason(tmp_path: Path, monkeypatch):
    import pdfplumber

    def close(self):
        raise ValueError("close failed too")

    monkeypatch.setattr(pdfplumber.PDF, "close", close)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF")
    outcome = read(damaged)
    assert isinstance(outcome, Rejected) and outcome.reason.startswith("damaged PDF"), outcome


def _crash_on_marker(monkeypatch, marker: str, action) -> None:
    """Make the heading splitter (in layout.py) misbehave on files holding ``marker``."""
    original = layout.split_headings

    def split_headings(lines):
        if any(marker in line for line in lines):
            action()
        return original(lines)

    monkeypatch.setattr(layout, "split_headings", split_headings)


def _with_marker(tmp_path: Path, name: str, marker: str) -> Path:
    path = tmp_path / name
    path.write_text(GOOD.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    return path


def test_an_unexpected_error_names_file_stage_and_error(tmp_path: Path, monkeypatch):
    def overflow():
        raise OverflowError("int too large\nto convert")

    _crash_on_marker(monkeypatch, "CRASH-HERE", overflow)
    outcome = read(_with_marker(tmp_path, "bad.txt", "CRASH-HERE"))
    assert outcome == Rejected("bad.txt", "internal error in layout: OverflowError: int too large to convert")
    assert outcome.internal


def test_a_file_over_its_time_limit_is_rejected_cooperatively(tmp_path: Path, monkeypatch):
    def spin():
        while True:
            limits.checkpoint()

    _crash_on_marker(monkeypatch, "HANG-HERE", spin)
    started = time.monotonic()
    outcome = read(_with_marker(tmp_path, "slow.txt", "HANG-HERE"), Limits(time_limit=0.3))
    assert outcome == Rejected("slow.txt", "time limit exceeded: over the 0.3 s limit per file")
    assert time.monotonic() - started < 5


def test_the_alarm_stops_code_that_never_checks_the_clock(tmp_path: Path, monkeypatch):
    def spin():
        while True:
            pass

    _crash_on_marker(monkeypatch, "HANG-HERE", spin)
    outcome = read(_with_marker(tmp_path, "stuck.txt", "HANG-HERE"), Limits(time_limit=0.2))
    assert outcome == Rejected("stuck.txt", "time limit exceeded: over the 0.2 s limit per file")


def test_the_time_limit_holds_in_a_worker_thread(tmp_path: Path, monkeypatch):
    def spin():
        while True:
            limits.checkpoint()

    _crash_on_marker(monkeypatch, "HANG-HERE", spin)
    slow = _with_marker(tmp_path, "slow.txt", "HANG-HERE")
    outcomes: list = []
    worker = threading.Thread(target=lambda: outcomes.append(read(slow, Limits(time_limit=0.3))))
    worker.start()
    worker.join(10)
    assert outcomes == [Rejected("slow.txt", "time limit exceeded: over the 0.3 s limit per file")]
    assert isinstance(read(GOOD, Limits(time_limit=30)), Report)  # the next file is unaffected


def run(task: FileTask, bounds: Limits = limits.DEFAULT, store: str | None = None):
    return run_task(task, store, "test", read_data, bounds)


def test_a_file_task_and_its_result_are_picklable_both_ways(tmp_path: Path):
    import pickle

    task = list_tasks(CORPUS)[0]
    assert pickle.loads(pickle.dumps(task)) == task
    result = run(task, store=str(tmp_path))
    assert isinstance(result.outcome, IndexEntry) and result.outcome.record is None  # the report is in the store
    assert pickle.loads(pickle.dumps(result)) == result
    assert result.outcome.report_id == read(CORPUS / task.name).report_id


def test_every_entry_is_a_report_or_a_rejection(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(GOOD.read_bytes())
    (corpus / ".hidden.txt").write_bytes(GOOD.read_bytes())
    (corpus / ".git").mkdir()
    (corpus / ".git" / "HEAD").write_text("ref: main\n")
    (corpus / "dangling.txt").symlink_to(corpus / "gone.txt")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    (corpus / "outside.txt").symlink_to(outside)
    (corpus / "folder-link").symlink_to(corpus / ".git")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / os.fsdecode(b"bad-\xff\xfe-name.txt")).write_bytes(b"not a report")
    (corpus / "sources.csv").write_text("file,url\n")
    (corpus / "loop-a").symlink_to(corpus / "loop-b")
    (corpus / "loop-b").symlink_to(corpus / "loop-a")
    (corpus / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    names = [e.name for e in corpus_entries(corpus)]
    assert names == [".git", ".hidden.txt", "Thumbs.db", "bad-\\xff\\xfe-name.txt", "dangling.txt", "folder-link",
                     "good.txt", "loop-a", "loop-b", "outside.txt", "pipe.txt"]
    loaded = load_corpus(corpus)
    assert [r.document.source.path for r in loaded.reports] == ["good.txt"]
    reasons = {r.file: r.reason for r in loaded.rejected}
    assert reasons == {
        ".git": "hidden folder (name starts with a dot): not read",
        ".hidden.txt": "hidden file (name starts with a dot): not read",
        "bad-\\xff\\xfe-name.txt": "not a government information disclosure annual report: "
                                   "no report title, form tables or report sections found",
        "dangling.txt": "dangling symlink: its target (gone.txt) does not exist",
        "folder-link": "symlink to the folder .git: not followed",
        "outside.txt": "symlink to a path outside the corpus folder: not followed",  # the builder's paths unpublished
        "pipe.txt": "a named pipe (FIFO), not a regular file: not read",
        "loop-a": "symlink loop: following it leads back to itself, never to a file",
        "loop-b": "symlink loop: following it leads back to itself, never to a file",
        "Thumbs.db": "a file the operating system keeps in folders (thumbnails, folder settings): not read",
    }


def test_a_dot_folder_above_the_corpus_does_not_matter(tmp_path: Path):
    corpus = tmp_path / ".cache" / "crawl"
    corpus.mkdir(parents=True)
    (corpus / "good.txt").write_bytes(GOOD.read_bytes())
    assert [r.report_id for r in load_corpus(corpus).reports] == [read(GOOD).report_id]


def test_entries_inside_the_corpus_may_be_symlinked(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "y2019").mkdir(parents=True)
    (corpus / "y2019" / "good.txt").write_bytes(GOOD.read_bytes())
    (corpus / "latest.txt").symlink_to(corpus / "y2019" / "good.txt")
    loaded = load_corpus(corpus)
    assert [r.document.source.path for r in loaded.reports] == ["latest.txt"]
    assert [r.reason for r in loaded.rejected] == ["identical copy of latest.txt"]


def test_of_identical_copies_the_original_s_name_is_kept_and_look_alike_names_are_explained(tmp_path: Path):
    """Blind round 62 (a corpus as handed over): 定西市2018年报告 (1).html sorts before 定西市2018年报告.html and was the
    one kept (its sources.csv row named the other); two names differing in Unicode form only looked the same."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("报告 (1).txt", "报告.txt", "报告 - 副本.txt"):
        (corpus / name).write_bytes(GOOD.read_bytes())
    loaded = load_corpus(corpus)
    assert [r.document.source.path for r in loaded.reports] == ["报告.txt"]
    assert sorted((r.file, r.reason) for r in loaded.rejected) == [
        ("报告 (1).txt", "identical copy of 报告.txt"), ("报告 - 副本.txt", "identical copy of 报告.txt")]
    other = tmp_path / "other"
    other.mkdir()
    composed = "固原市报告（Müller 译）.txt"  # (Chinese characters have no decomposed form; ü has)
    (other / composed).write_bytes(GOOD.read_bytes())
    (other / unicodedata.normalize("NFD", composed)).write_bytes(GOOD.read_bytes())
    [rejected] = load_corpus(other).rejected
    assert rejected.reason.startswith("identical copy of 固原市报告") and rejected.reason.endswith(
        " (the two names differ only in how their characters are encoded, Unicode NFC and NFD)")


def test_an_entry_vanishing_before_it_is_read_is_a_rejection(tmp_path: Path):
    outcome = run(FileTask(str(tmp_path / "gone.txt"), "gone.txt")).outcome
    assert isinstance(outcome, Rejected) and not outcome.internal, outcome


def test_a_word_file_unpacking_past_the_byte_limit_is_refused_unread(tmp_path: Path):
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 2_000_000 + b"</w:document>")
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(packed.getvalue())
    outcome = read(bomb, Limits(max_bytes=1_000_000))
    assert outcome == Rejected("bomb.docx", "over a size limit: unpacks to more than the 1,000,000-byte limit")


def test_a_word_file_over_the_byte_limit_only_by_a_part_without_text_is_read(tmp_path: Path):
    """A template's data store (customXml) unpacking past the limit, the document itself small: the report was
    refused as a zip bomb. Its main part is read alone; a body over the limit is still refused."""
    import io
    import zipfile

    def package(extra: str, size: int) -> bytes:
        packed = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(docx_bytes(blocks(values(seed=5))))) as source, \
                zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
            for info in source.infolist():
                archive.writestr(info, source.read(info))
            archive.writestr(extra, b"<b:Sources>" + b"<b:Source/>" * size + b"</b:Sources>")
        return packed.getvalue()

    (tmp_path / "report.docx").write_bytes(package("customXml/item9.xml", 200_000))
    outcome = read(tmp_path / "report.docx", Limits(max_bytes=1_000_000))
    assert not isinstance(outcome, Rejected) and outcome.value("t3.total.total") is not None, outcome
    (tmp_path / "bomb.docx").write_bytes(package("word/glossary/document.xml", 200_000))
    assert read(tmp_path / "bomb.docx", Limits(max_bytes=1_000_000)) == Rejected(
        "bomb.docx", "over a size limit: unpacks to more than the 1,000,000-byte limit")


def test_a_word_file_whose_headers_declare_a_huge_size_is_read_by_what_it_unpacks_to(tmp_path: Path):
    """A zip's headers declared 2 GB for a 40 KB document.xml: it was refused as a zip bomb."""
    import struct

    data = bytearray(docx_bytes(blocks(values(seed=5))))
    name = b"word/document.xml"
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[at + offset:at + offset + 4] = struct.pack("<I", 2_147_000_000)
            at = data.find(signature, at + 4)
    lying = tmp_path / "report.docx"
    lying.write_bytes(bytes(data))
    outcome = read(lying, Limits(max_bytes=1_000_000))
    assert not isinstance(outcome, Rejected), outcome


def test_a_named_pipe_given_by_name_is_refused_not_waited_on(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert read(tmp_path / "pipe.txt") == Rejected("pipe.txt", "not a regular file")


def test_the_time_limit_holds_in_worker_processes(tmp_path: Path, monkeypatch):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    def spin():
        while True:  # no checkpoint: the worker's own alarm must stop it
            pass

    _crash_on_marker(monkeypatch, "HANG-HERE", spin)  # forked workers inherit the patch
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(GOOD.read_bytes())
    _with_marker(corpus, "slow.txt", "HANG-HERE")
    tasks = list_tasks(corpus)
    bounds = [Limits(time_limit=5)] * len(tasks)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        outcomes = [result.outcome for result in pool.map(run, tasks, bounds)]
    assert isinstance(outcomes[0], IndexEntry) and outcomes[0].record is not None  # no store: the record comes back
    assert outcomes[1] == Rejected("slow.txt", "time limit exceeded: over the 5 s limit per file")


def test_a_page_break_before_a_run_of_spaces_does_not_hang_the_reader(tmp_path: Path):
    """PDF text as pdftotext writes it starts each page with a form feed, then the spaces that
    centre the page's first line. A page-chrome pattern tried every way of sharing out the spaces
    (40 of them: forever), in one regular-expression call that no time limit can interrupt. Run
    in a child process, so that a return of the bug fails here instead of hanging the suite."""
    import subprocess
    import sys

    report = synthetic.report(random.Random(3), year=2022, layout="space")
    lines = report.text.split("\n")
    at = next(i for i, line in enumerate(lines) if "予以公开" in line)
    lines[at] = "\f" + " " * 40 + "申请人情况\n" + lines[at]
    lines.insert(1, "【" + " " * 40 + "信息公开】")  # a bracket before the spaces did the same
    (tmp_path / "pdftotext.txt").write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "builder", "extract", str(tmp_path / "pdftotext.txt")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    cells = json.loads(done.stdout)["cells"]
    assert {c: cells[c]["value"] for c in report.values} == report.values


def test_a_notice_about_the_year_s_reports_is_not_a_report():
    """A city's notice that its bodies' 2023 reports are all published (its title a report's, no table, section
    or figure of one) was published as the 2023 report of 全市各级行政机关."""
    from builder.errors import NotAReport
    from builder.extraction.extract import extract_bytes

    text = ("全市各级行政机关2023年政府信息公开工作年度报告全部公开\n"
            "根据《中华人民共和国政府信息公开条例》规定，全市各级行政机关应当在每年1月31日前向社会公布本机关上一年度"
            "政府信息公开工作年度报告。\n"
            "截至2024年1月31日，市政府、市级41个部门和12个县（市、区）人民政府均已公开2023年政府信息公开工作年度报告，"
            "公开率100%。各年度报告均按照统一格式编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请"
            "情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等。\n"
            "公众可登录市政府门户网站“政府信息公开年报”栏目查阅。\n")
    with pytest.raises(NotAReport, match="a 2023 document with none of the form's tables or sections"):
        extract_bytes(text.encode(), "notice.txt")


def test_an_epub_chapter_unpacking_past_the_byte_limit_is_refused_unread(tmp_path: Path):
    """An EPUB is a ZIP: a chapter of a few packed bytes unpacking to megabytes is refused before it is read."""
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="content.opf"/>'
                      "</rootfiles></container>")
        book.writestr("content.opf", '<package><manifest><item id="c" href="c.xhtml"/></manifest>'
                      '<spine><itemref idref="c"/></spine></package>')
        book.writestr("c.xhtml", b"<html><body>" + b" " * 2_000_000 + b"</body></html>")
    bomb = tmp_path / "bomb.epub"
    bomb.write_bytes(packed.getvalue())
    outcome = read(bomb, Limits(max_bytes=1_000_000))
    assert isinstance(outcome, Rejected) and "over a size limit" in outcome.reason and "c.xhtml" in outcome.reason
