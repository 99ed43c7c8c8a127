"""Keeping the last build's files: linked, never written through, and within
``OutputFolder.in_background`` linked by a thread of their own, all in place when it ends."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

import pytest

from builder.datasets import outputs
from builder.datasets.outputs import OutputFolder
from builder.errors import BuilderError


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    folder = tmp_path / "previous"
    for name in ("reports/a/2023/index.html", "reports/a/2023/badge.svg", "reports/b/2023/index.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")
    return folder


@pytest.mark.parametrize("in_thread", [False, True])
def test_files_kept_together_are_linked_all_or_none(previous: Path, tmp_path: Path, in_thread: bool):
    out = OutputFolder(tmp_path / "new", previous)
    with out.in_background() if in_thread else contextlib.nullcontext():
        assert out.keep_all_previous(["reports/a/2023/index.html", "reports/a/2023/badge.svg"])
        assert not out.keep_all_previous(["reports/b/2023/index.html", "reports/b/2023/badge.svg"])  # one missing
        assert not out.keep_previous("reports/c/2023/index.html")
    assert (out.reused, out.written) == (2, 0)
    new = tmp_path / "new"
    assert sorted(p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file()) == [
        "reports/a/2023/badge.svg", "reports/a/2023/index.html"]
    assert (new / "reports/a/2023/index.html").stat().st_ino == (previous / "reports/a/2023/index.html").stat().st_ino


def test_a_file_that_cannot_be_linked_is_copied(previous: Path, tmp_path: Path, monkeypatch):
    def no_links(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(outputs.os, "link", no_links)
    out = OutputFolder(tmp_path / "new", previous)
    with out.in_background():
        assert out.keep_previous("reports/a/2023/index.html")
    copied = tmp_path / "new/reports/a/2023/index.html"
    assert copied.read_text(encoding="utf-8") == "reports/a/2023/index.html"
    assert copied.stat().st_ino != (previous / "reports/a/2023/index.html").stat().st_ino


def test_a_file_gone_before_it_is_linked_fails_the_build_naming_it(previous: Path, tmp_path: Path, monkeypatch):
    real = outputs.os.link

    def vanishing(source, target):
        os.unlink(source)  # the last build's output changed under this one
        real(source, target)

    monkeypatch.setattr(outputs.os, "link", vanishing)
    out = OutputFolder(tmp_path / "new", previous)
    with pytest.raises(BuilderError) as failed, out.in_background():
        out.keep_previous("reports/a/2023/badge.svg")
    assert str(failed.value) == (f"{previous}/reports/a/2023/badge.svg: could not be kept from the last build "
                                 "(No such file or directory)")


def test_files_written_in_background_are_counted_and_an_unchanged_one_is_linked(previous: Path, tmp_path: Path,
                                                                               monkeypatch):
    """Written by the thread: a file whose bytes are the last build's is linked, the others written;
    the pages waiting for the thread stay within a bounded number of bytes."""
    monkeypatch.setattr(outputs, "QUEUED_BYTES", 64)
    out = OutputFolder(tmp_path / "new", previous)
    waiting: list[int] = []
    real = OutputFolder._write

    def slow(self, relative, data):
        waiting.append(self._pending)
        time.sleep(0.002)
        return real(self, relative, data)

    monkeypatch.setattr(OutputFolder, "_write", slow)
    pages = {f"reports/c/{year}/index.html": f"<p>{year}</p>".encode() * 4 for year in range(2000, 2040)}
    with out.in_background():
        out.write_text("reports/a/2023/index.html", "reports/a/2023/index.html")  # as last time
        for name, data in pages.items():
            out.write_bytes(name, data)
    assert (out.written, out.reused) == (len(pages), 1)
    new = tmp_path / "new"
    assert (new / "reports/a/2023/index.html").stat().st_ino == (previous / "reports/a/2023/index.html").stat().st_ino
    assert all((new / name).read_bytes() == data for name, data in pages.items())
    assert len(waiting) == len(pages) + 1 and max(waiting) <= 64 + max(map(len, pages.values()))


def test_a_file_that_cannot_be_written_in_background_fails_naming_it(tmp_path: Path):
    out = OutputFolder(tmp_path / "new")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "reports").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(BuilderError) as failed, out.in_background():
        out.write_text("reports/a/2023/index.html", "<p>")
        out.write_text("reports/b/2023/index.html", "<p>")
    assert str(failed.value) == (f"{tmp_path}/new/reports/a/2023/index.html: could not be written (Not a directory) "
                                 "(and 1 more)")
