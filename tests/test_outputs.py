"""Keeping the last build's files: linked, never written through, and within
``OutputFolder.linking`` linked by a thread of their own, all in place when it ends."""

from __future__ import annotations

import contextlib
import errno
import os
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
    with out.linking() if in_thread else contextlib.nullcontext():
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
    with out.linking():
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
    with pytest.raises(BuilderError) as failed, out.linking():
        out.keep_previous("reports/a/2023/badge.svg")
    assert str(failed.value) == (f"{previous}: could not keep reports/a/2023/badge.svg (No such file or directory) "
                                 "from the last build's output")
