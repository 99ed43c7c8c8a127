"""Atomic publish: a build killed at any moment leaves the previous output as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.build import build
from builder.errors import BuilderError
from builder.extraction.pipeline import Options
from builder.publish import MARKER, remove_stale_staging

from .conftest import CORPUS, ROOT


def until(condition: Callable[[], bool], seconds: float = 60) -> bool:
    """Whether ``condition`` holds within ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256 (and every folder, as '')."""
    out = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        out[key] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return out


def _start_build(out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "builder", "build", "--corpus", str(CORPUS), "--out", str(out)],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


def _kill_when(process: subprocess.Popen, line_start: str | None) -> None:
    """SIGKILL the build once it prints a line starting with ``line_start`` (at once when None)."""
    if line_start is not None:
        for line in process.stderr:
            if line.startswith(line_start):
                break
        else:
            pytest.fail(f"the build ended before printing '{line_start}'")
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    process.stderr.close()


def test_a_killed_build_leaves_the_previous_output_untouched(tmp_path: Path):
    out = tmp_path / "site"
    build(CORPUS, out, with_site=False, say=lambda _: None)
    before = snapshot(out)
    # Moments with seconds of work after them: the kill always lands before the swap.
    for moment in (None, "reading reports", "writing datasets", "rendering the site"):
        _kill_when(_start_build(out), moment)
        assert snapshot(out) == before, moment
    assert any(p.name.startswith(".site.building-") for p in tmp_path.iterdir())  # a killed build's leftovers
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--corpus", str(CORPUS), "--out", str(out)],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").exists() and (out / MARKER).exists()
    # The killed builds' leftovers are cleaned without help (by a process of its own); the replaced
    # output is kept beside, for the next build to make its folder from.
    assert until(lambda: sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "site", "site.cache"])


def test_the_replaced_output_is_the_next_builds_folder_and_never_written_through(tmp_path: Path):
    """The output a build replaces is kept beside as ``.site.spare``; the next build takes it, removes
    its files (what it kept of the current output are links to the same files) and builds in its
    folders. The current output is never written through one of those links, a file or folder the
    new build does not make is not left in it, and it is the output a build in a new folder makes."""
    out, fresh = tmp_path / "site", tmp_path / "fresh" / "site"
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)

    def run(where: Path) -> None:
        build(corpus, where, say=lambda _: None, options=Options(cache=None))

    run(out)
    first = (out / MARKER).stat().st_ino
    run(out)
    assert (out / MARKER).stat().st_ino != first  # replaced whole
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.spare", "corpus", "site"]
    spare = tmp_path / ".site.spare"
    (spare / "left-over" / "empty").mkdir(parents=True)
    (spare / "reports" / "stale.html").write_text("stale")
    (spare / "data" / "link").symlink_to(tmp_path / "corpus")
    report = next(corpus.iterdir())
    report.write_text(report.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")
    current = snapshot(out)
    run(out)
    assert snapshot(spare) == current  # the output it replaced, as it was: nothing written through
    run(fresh)
    assert snapshot(out) == snapshot(fresh)


def test_a_failing_build_keeps_the_previous_output(tmp_path: Path, monkeypatch):
    out = tmp_path / "site"
    build(CORPUS, out, with_site=False, say=lambda _: None)
    before = snapshot(out)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("builder.build.checks_and_datasets", broken)
    with pytest.raises(RuntimeError):  # without the cache: the same inputs would keep the last output as it is
        build(CORPUS, out, with_site=False, say=lambda _: None, options=Options(cache=None))
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.cache"]


def test_a_folder_this_tool_did_not_build_is_never_replaced(tmp_path: Path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("precious")
    with pytest.raises(BuilderError, match="refusing to overwrite"):
        build(CORPUS, out, with_site=False, say=lambda _: None)
    assert snapshot(out) == {"thesis.tex": hashlib.sha256(b"precious").hexdigest()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_a_folder_of_a_running_build_or_remover_is_left_alone(tmp_path: Path):
    out = tmp_path / "site"
    alive = [tmp_path / f".site.building-{os.getppid()}", tmp_path / f".site.removing-{os.getppid()}"]
    dead = [tmp_path / ".site.building-999999999", tmp_path / ".site.removing-999999999"]
    for folder in alive + dead:
        (folder / "page").mkdir(parents=True)
    remove_stale_staging(out)
    assert all(folder.exists() for folder in alive)
    assert until(lambda: sorted(p.name for p in tmp_path.iterdir()) == sorted(f.name for f in alive))


def test_an_output_moved_aside_by_a_killed_publish_is_put_back(tmp_path: Path):
    out = tmp_path / "site"
    aside = tmp_path / ".site.building-999999999-old"
    aside.mkdir()
    (aside / MARKER).write_text("")
    remove_stale_staging(out)
    assert (out / MARKER).exists() and not aside.exists()


@pytest.mark.parametrize("kind", ["a link to a folder", "a file", "a folder not built here"])
def test_something_else_at_the_spares_name_is_left_as_it_is(tmp_path: Path, kind: str):
    """Only a folder this tool built and replaced is emptied for the next build: a link at that
    name (its target's files), a file or another folder stay as they are."""
    out, spare, elsewhere = tmp_path / "site", tmp_path / ".site.spare", tmp_path / "elsewhere"
    build(CORPUS, out, with_site=False, say=lambda _: None, options=Options(cache=None))
    elsewhere.mkdir()
    (elsewhere / MARKER).write_text("")
    (elsewhere / "thesis.tex").write_text("precious")
    if kind == "a link to a folder":
        spare.symlink_to(elsewhere)
    elif kind == "a file":
        spare.write_text("precious")
    else:
        shutil.copytree(elsewhere, spare)
        (spare / MARKER).unlink()
    before = snapshot(elsewhere), spare.is_symlink(), spare.read_text() if spare.is_file() else snapshot(spare)
    build(CORPUS, out, with_site=False, say=lambda _: None, options=Options(cache=None))
    assert (snapshot(elsewhere), spare.is_symlink(),
            spare.read_text() if spare.is_file() else snapshot(spare)) == before
    assert (out / MARKER).exists()

