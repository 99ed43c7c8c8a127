"""The build: one readable sequence of stages, corpus → reports → datasets → site.

Each stage loads its declared inputs, processes, and saves; the site stage
reads only the dataset files the previous stage wrote.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .checks import BADGES
from .corpus import INTERNAL, Corpus, Rejected, corpus_entries, load_corpus, stderr_progress
from .dataset import build_rows, write_package, write_report_files
from .errors import BuilderError
from .limits import DEFAULT, Limits
from .sources import read_sources


@dataclass
class BuildSummary:
    reports: int
    rejected: list[tuple[str, str]]
    badges: Counter
    data_dir: Path
    site_dir: Path | None

    def lines(self) -> list[str]:
        internal = sum(1 for _, reason in self.rejected if reason.startswith(INTERNAL))
        out = [f"read {self.reports} reports; {len(self.rejected) - internal} files could not be read"
               + (f"; {internal} internal errors (bugs of this tool, please report them)" if internal else "")]
        out += [f"  could not read {file}: {reason}" for file, reason in self.rejected
                if not reason.startswith(INTERNAL)]
        out += [f"  INTERNAL ERROR on {file}: {reason}" for file, reason in self.rejected
                if reason.startswith(INTERNAL)]
        out.append("badges: " + " · ".join(f"{b} {self.badges[b]}" for b in BADGES))
        out.append(f"datasets: {self.data_dir}")
        if self.site_dir is not None:
            out.append(f"site: {self.site_dir}")
        return out


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def stage_reports(corpus_dir: Path, progress: Callable | None, bounds: Limits = DEFAULT) -> Corpus:
    return load_corpus(corpus_dir, progress, bounds)


def stage_datasets(corpus: Corpus, corpus_dir: Path, out: Path, site_url: str) -> None:
    """The data package into <out>/data, each report's own files beside its page.
    Rows of sources.csv left out are listed with the rejected files."""
    sources, problems = read_sources(corpus_dir)
    corpus.rejected.extend(Rejected(problem.where, problem.reason) for problem in problems)
    data = build_rows(corpus, sources, site_url)
    write_package(data, out / "data")
    write_report_files(data, out)


def stage_site(data_dir: Path, out: Path, site_url: str, say: Callable[[str], None], repo_url: str = "") -> None:
    from .site import build_site

    build_site(data_dir, out, site_url, say, repo_url=repo_url)


# --- publishing: build beside --out, then swap it in -------------------------------------

MARKER = ".built-by-gov-reports"
_STAGING = ".{name}.building-{pid}"


def check_output(out: Path) -> None:
    """Refuse an --out that is a file, or a folder with content this tool did not build."""
    if out.is_symlink():
        raise BuilderError(f"{out}: a symlink; give the folder it points to as --out (it is replaced whole)")
    if out.exists() and not out.is_dir():
        raise BuilderError(f"{out}: not a folder")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise BuilderError(f"{out}: refusing to overwrite a folder this tool did not build; choose another --out")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(out: Path) -> None:
    """Folders left beside --out by builds that were killed (their process is gone)."""
    prefix = f".{out.name}.building-"
    if not out.parent.is_dir():
        return
    for folder in sorted(out.parent.iterdir()):
        pid = folder.name[len(prefix):].removesuffix("-old")
        if not (folder.name.startswith(prefix) and pid.isdigit()) or (int(pid) != os.getpid() and _alive(int(pid))):
            continue
        if folder.name.endswith("-old") and not out.exists():
            os.rename(folder, out)  # killed between the two renames of publish(): the previous output
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(a))


def publish(staging: Path, out: Path) -> None:
    """Put the finished build at ``out``. Where the system allows it, the old and
    new folders are exchanged atomically, so ``out`` is never missing or mixed;
    the old output is then deleted from the staging name."""
    if out.exists() and _exchange(staging, out):
        shutil.rmtree(staging)
        return
    if out.exists():
        old = out.with_name(_STAGING.format(name=out.name, pid=os.getpid()) + "-old")
        os.rename(out, old)
        os.rename(staging, out)
        shutil.rmtree(old)
    else:
        os.rename(staging, out)


def build(corpus_dir: Path, out: Path, site_url: str = "", with_site: bool = True,
          say: Callable[[str], None] = _say, bounds: Limits = DEFAULT,
          repo_url: str = "") -> BuildSummary:
    """Build the datasets into <out>/data and the site into <out>.

    Everything is written into a staging folder beside <out>, swapped in only
    when complete: a failed or killed build leaves the previous output as it was."""
    corpus_entries(corpus_dir)  # fail early on an unusable corpus, before any writing
    check_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    staging = out.with_name(_STAGING.format(name=out.name, pid=os.getpid()))
    staging.mkdir()
    try:
        (staging / MARKER).write_text("built by `python -m builder build`; the whole folder is replaced on every build\n")
        say(f"reading reports from {corpus_dir}")
        corpus = stage_reports(corpus_dir, stderr_progress, bounds)
        say(f"writing datasets to {out / 'data'}")
        stage_datasets(corpus, corpus_dir, staging, site_url)
        if with_site:
            say(f"rendering the site into {out}")
            stage_site(staging / "data", staging, site_url, say, repo_url)
        publish(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildSummary(len(corpus.reports), [(r.file, r.reason) for r in corpus.rejected],
                        Counter(r.badge for r in corpus.reports), out / "data", out if with_site else None)
