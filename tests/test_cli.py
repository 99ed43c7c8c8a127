"""The command line, driven through click's CliRunner with exact output."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from builder.build import BuildSummary
from builder.cli import cli

from .conftest import CORPUS, ROOT

PENGYANG = str(CORPUS / "004_13e53bba648087dd.txt")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_one_file_prints_one_document():
    result = run("extract", PENGYANG)
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert list(doc)[:9] == ["source", "report_id", "agency", "year", "template", "cells", "narrative", "warnings",
                             "checks"]
    assert doc["source"]["format"] == "text" and len(doc["source"]["sha256"]) == 64
    assert doc["report_id"] == "640425-pengyang-xian-renmin-zhengfu/2022"
    assert doc["agency"] == {"name": "彭阳县人民政府", "name_normalized": "彭阳县人民政府",
                             "agency_id": "640425-pengyang-xian-renmin-zhengfu", "province": "宁夏回族自治区",
                             "city": "固原市", "county": "彭阳县", "adcode": "640425",
                             "region_source": "name"}
    assert doc["cells"]["t3.total.total"] == {"value": 27, "raw": "27", "status": "reported"}
    assert len(doc["cells"]) == 200
    assert doc["badge"] == "存疑"


def test_extract_several_files_one_line_each_and_errors_on_stderr(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(cli, ["extract", str(empty), PENGYANG, str(binary)])
    assert result.exit_code == 1
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 1 and json.loads(lines[0])["year"] == 2022
    assert result.stderr.split("\n") == [
        f"error: {empty}: empty file",
        f"error: {binary}: not a document, spreadsheet, OCR result or archive the build reads: binary data",
        "",
    ]


def test_a_rejection_says_when_a_file_is_named_as_another_format_than_its_bytes(tmp_path: Path):
    """A web page or plain text saved as .pdf or .docx is read for what its bytes are; when that
    is no report, the reason says that the name and the bytes disagree, since the file on the
    site it came from may be the real report. A real report under the wrong name is read."""
    text = tmp_path / "saved.pdf"
    text.write_text("页面不存在，请返回首页\n", encoding="utf-8")
    page = tmp_path / "page.docx"
    page.write_text("<html><body><p>页面不存在</p></body></html>", encoding="utf-8")
    binary = tmp_path / "image.pdf"
    binary.write_bytes(bytes(range(256)) * 8)
    plain = tmp_path / "notes.txt"
    plain.write_text("页面不存在，请返回首页\n", encoding="utf-8")
    report = tmp_path / "report.pdf"
    report.write_bytes(Path(PENGYANG).read_bytes())
    result = CliRunner().invoke(cli, ["extract", str(text), str(page), str(binary), str(plain), str(report)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["report_id"] == "640425-pengyang-xian-renmin-zhengfu/2022"
    nothing = "no report title, form tables or report sections found"
    assert result.stderr.split("\n") == [
        f"error: {text}: not a government information disclosure annual report: {nothing}; "
        "named .pdf, but its bytes are not a PDF",
        f"error: {page}: not a government information disclosure annual report: {nothing}; "
        "named .docx, but its bytes are not a Word document: they are a web page (HTML)",
        f"error: {binary}: not a document, spreadsheet, OCR result or archive the build reads: binary data; "
        "named .pdf, but its bytes are not a PDF",
        f"error: {plain}: not a government information disclosure annual report: {nothing}",
        "",
    ]


def test_a_file_name_a_terminal_cannot_show_is_escaped_on_its_one_line(tmp_path: Path):
    """A newline in a name would split its line in two; a right-to-left override would show
    evil\u202etxt.exe as evilexe.txt. Both are written as escapes; Chinese stays as it is."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("bad\nname.txt", "evil\u202etxt.exe", "年报\u3000空.txt"):
        (corpus / name).write_bytes(b"")
    result = CliRunner().invoke(cli, ["check", str(corpus), "--jobs", "1"])
    assert result.stderr.split("\n") == [
        "error: bad\\nname.txt: empty file",
        "error: evil\\u202etxt.exe: empty file",
        "error: 年报\u3000空.txt: empty file",
        "",
    ]
    summary = BuildSummary(0, [("bad\nname.txt", "empty file")], Counter(), tmp_path / "data", None)
    assert "  could not read bad\\nname.txt: empty file" in summary.lines()


def test_extract_missing_file():
    result = CliRunner().invoke(cli, ["extract", "no/such.txt"])
    assert result.exit_code == 1
    assert result.stderr == "error: no/such.txt: could not be read: no such file\n"


def test_data_cut_short_in_a_build_is_an_error_not_the_users_abort(tmp_path: Path, monkeypatch):
    """click reports an EOFError as "Aborted!" (Ctrl-D at a prompt); a build never prompts, so one
    comes from a file cut short, and is raised as an error with its traceback."""
    from builder import build

    def cut_short(*_args, **_kwargs):
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")

    monkeypatch.setattr(build, "build", cut_short)
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Aborted!" not in result.output
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "unexpected end of data: Compressed file ended before the end-of-stream marker was reached"


def test_a_full_disk_in_a_build_is_one_line_not_a_traceback(tmp_path: Path, monkeypatch):
    """Blind round 62 (a corpus as handed over): a full disk or a folder it may not write in printed a traceback."""
    import errno

    from builder import build

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "out/.out.building-7/data/cells.csv")

    monkeypatch.setattr(build, "build", full)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--out", str(out)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: the build stopped: No space left on device (out/.out.building-7/data/cells.csv); "
                             f"the output is replaced whole or not at all, so {out} is as the last build left it\n")


def test_every_command_and_option_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"python -m builder {name}" in readme, name
        help_text = command.help or ""
        assert len(help_text) > 40, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert re.search(re.escape(opt) + r"\b", readme), f"{name} {opt}"


def test_build_prints_a_summary_and_refuses_foreign_folders(tmp_path: Path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--out", str(out), "--no-site"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        f"reading reports from {CORPUS}",
        f"writing datasets to {out / 'data'}",
        "read 5 reports; 0 files could not be read",
        "badges: 一致 1 · 不一致 1 · 存疑 2 · 无表格 1",
    ]
    assert re.fullmatch(r"files: 5 in [\d.]+ s \(\d+ files/s\); 0 from the cache, 5 extracted; 0 rejected on reading", lines[4])
    assert re.fullmatch(r"time per stage: extract [\d.]+ s · fragments [\d.]+ s · datasets [\d.]+ s", lines[5])
    assert lines[6] == "checks and datasets: 0 agencies from the cache, 5 computed"
    assert lines[7] == "report files and pages: 15 written, 0 unchanged since the last build"
    assert lines[8:] == [f"datasets: {out / 'data'}"]
    assert (out / "data" / "datapackage.json").exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(cli, ["build", "--out", str(foreign)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {foreign}: refusing to overwrite a folder this tool did not build; "
                             "choose another --out\n")
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_an_unusable_cache_or_cluster_is_one_line_and_the_output_stays(tmp_path: Path):
    """A --cache that is a file or behind a protocol not installed, a --dask address where no
    scheduler answers, and a corpus URL of a protocol not installed: one line each, exit 2,
    the last output as it was."""
    import dask
    import distributed.config  # noqa: F401 (its defaults loaded before one is set below, and put back after)

    out = tmp_path / "out"
    built = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--out", str(out), "--no-site", "--no-cache"])
    assert built.exit_code == 0, built.output
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    cases = [
        (["build", "--cache", str(a_file)], f"error: --cache {a_file}: not a folder\n"),
        (["build", "--cache", "zz://bucket/cache"], "error: --cache zz://bucket/cache: Protocol not known: zz\n"),
        (["build", "--no-cache", "--dask", "scheduler"],
         "error: --dask scheduler: no Dask scheduler reached (missing port number in address 'scheduler')\n"),
        (["build", "--no-cache", "--dask", "tcp://127.0.0.1:9"],
         "error: --dask tcp://127.0.0.1:9: no Dask scheduler reached (Timed out trying to connect to "
         "tcp://127.0.0.1:9 after 1 s)\n"),
        (["check", "zz://bucket/corpus"], "error: zz://bucket/corpus: Protocol not known: zz\n"),
    ]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        for args, message in cases:
            corpus = [] if args[0] == "check" else ["--corpus", str(CORPUS), "--out", str(out), "--no-site"]
            result = CliRunner().invoke(cli, [*args, *corpus])
            assert (result.exit_code, result.stderr.splitlines()[-1] + "\n") == (2, message), result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
