"""Edges where one file, one URL or one bad setting could escape its boundary: each a rejection
or a one-line error, never a crash, a hang or a live link."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import cli
from builder.extraction.corpus import Rejected
from builder.extraction.pipeline import FileTask, list_tasks, run_task
from builder.limits import Limits

from .conftest import CORPUS

GOOD = sorted(CORPUS.glob("*.txt"))[0]


def _run(task: FileTask, cache: str | None = None):
    return run_task(task, cache, "test", lambda data, name, bounds: Rejected(name, "read"), Limits()).outcome


def test_a_file_gone_since_listing_is_rejected_not_raised(tmp_path: Path):
    outcome = _run(FileTask(str(tmp_path / "gone.txt"), "gone.txt"))
    assert isinstance(outcome, Rejected) and outcome.file == "gone.txt" and "No such file" in outcome.reason


def test_a_cache_that_cannot_be_written_costs_nothing_but_the_cache(tmp_path: Path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    (tmp_path / "a.txt").write_bytes(GOOD.read_bytes())
    assert _run(FileTask(str(tmp_path / "a.txt"), "a.txt"), str(blocker)) == Rejected("a.txt", "read")


def test_a_file_url_corpus_checks_entries_like_a_folder(tmp_path: Path):
    corpus, outside = tmp_path / "corpus", tmp_path / "secret.txt"
    corpus.mkdir()
    outside.write_text("secret")
    (corpus / "a.txt").write_bytes(GOOD.read_bytes())
    (corpus / "out.txt").symlink_to(outside)
    os.mkfifo(corpus / "pipe")
    tasks = {t.name: t for t in list_tasks(f"file://{corpus}")}
    assert tasks["a.txt"].problem == ""
    assert "outside the corpus folder" in tasks["out.txt"].problem
    assert "named pipe" in tasks["pipe"].problem
    done = threading.Event()
    outcomes = []
    worker = threading.Thread(target=lambda: (outcomes.append(_run(tasks["pipe"])), done.set()), daemon=True)
    worker.start()
    assert done.wait(10), "a named pipe was opened for reading"
    assert "named pipe" in outcomes[0].reason


@pytest.mark.parametrize("option", ["--site-url", "--repo-url", "--data-url"])
def test_a_non_http_address_is_refused_in_one_line(tmp_path: Path, option: str):
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--out", str(tmp_path / "site"),
                                      option, "javascript:alert(1)//"])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith(f"error: {option}: ") and not (tmp_path / "site").exists()


def test_a_url_in_bibtex_cannot_close_its_field():
    from builder.site.pages import bibtex_url

    assert bibtex_url("https://a.cn/x}y{z\\w%E5") == r"https://a.cn/x\%7Dy\%7Bz\%5Cw\%E5"
    # In a field's argument, % would comment out the rest of the line and # name a parameter.
    assert bibtex_url("https://a.cn/a%20b#p") == r"https://a.cn/a\%20b\#p"


def test_fees_in_wan_yuan_are_exact_not_approximate():
    from builder.extraction.narrative import find_figures

    (fee,) = [f for f in find_figures(["本年度收取信息处理费1.5万元。"]) if f.key == "fees_charged_cny"]
    assert (fee.value, fee.approx) == (15000, False)


def test_a_measure_both_forms_have_keeps_the_current_forms_words():
    from builder.codebook import labels

    assert labels()["t2.licensing.decisions"].column_zh == "本年处理决定数量"


@pytest.mark.parametrize("url", ["https://example.org/\u202egpj.exe/", "https://ex\u200bample.org/a",
                                 "https://example.org/a\ufeff", "https://www.gov.cn@evil.example/",
                                 "https://user:pw@www.gov.cn/"])
def test_a_link_that_reads_otherwise_than_it_goes_is_never_linked(url):
    """A right-to-left override shows the rest of a URL reversed; invisible characters and a user
    name before the host (www.gov.cn@evil.example) make a link read as another place."""
    from builder.reading.sources import is_http_url

    assert not is_http_url(url)
    assert is_http_url("https://www.gov.cn/政府/a%20b.html?x=1#p")


def test_a_file_name_shows_what_it_holds_on_the_report_page():
    from builder.site.pages import provenance

    rows = dict((label, value) for label, value, _ in provenance(
        {"source_file": "\u202egpj.exe", "source_format": "text"}, "0" * 64))
    assert rows["文件"] == "\\u202egpj.exe（text）"
