"""The build: one readable sequence of stages, corpus → reports → datasets → site.

Each stage loads its declared inputs, processes, and saves; the site stage
reads only the dataset files the previous stage wrote.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .checks import BADGES
from .corpus import Corpus, corpus_files, load_corpus, stderr_progress
from .dataset import build_rows, read_sources, write_package, write_report_files
from .errors import BuilderError


@dataclass
class BuildSummary:
    reports: int
    rejected: list[tuple[str, str]]
    badges: Counter
    data_dir: Path
    site_dir: Path | None

    def lines(self) -> list[str]:
        out = [f"read {self.reports} reports; {len(self.rejected)} files could not be read"]
        out += [f"  could not read {file}: {reason}" for file, reason in self.rejected]
        out.append("badges: " + " · ".join(f"{b} {self.badges[b]}" for b in BADGES))
        out.append(f"datasets: {self.data_dir}")
        if self.site_dir is not None:
            out.append(f"site: {self.site_dir}")
        return out


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def stage_reports(corpus_dir: Path, progress: Callable | None) -> Corpus:
    return load_corpus(corpus_dir, progress)


def stage_datasets(corpus: Corpus, corpus_dir: Path, out: Path, site_url: str) -> None:
    """The data package into <out>/data, each report's own files beside its page."""
    data = build_rows(corpus, read_sources(corpus_dir), site_url)
    write_package(data, out / "data")
    write_report_files(data, out)


def stage_site(data_dir: Path, out: Path, site_url: str, say: Callable[[str], None], repo_url: str = "") -> None:
    from .site import build_site

    build_site(data_dir, out, site_url, say, repo_url=repo_url)


MARKER = ".built-by-gov-reports"


def prepare_output(out: Path) -> None:
    """Start from an empty output folder, but never delete one this tool did not make."""
    if out.exists():
        if not out.is_dir():
            raise BuilderError(f"{out}: not a folder")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise BuilderError(f"{out}: refusing to overwrite a folder this tool did not build; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("built by `python -m builder build`; the whole folder is replaced on every build\n")


def build(corpus_dir: Path, out: Path, site_url: str = "", with_site: bool = True,
          say: Callable[[str], None] = _say, repo_url: str = "") -> BuildSummary:
    """Build the datasets into <out>/data and the site into <out>."""
    data_dir = out / "data"
    corpus_files(corpus_dir)  # fail early on an unusable corpus, before touching <out>
    prepare_output(out)
    say(f"reading reports from {corpus_dir}")
    corpus = stage_reports(corpus_dir, stderr_progress)
    say(f"writing datasets to {data_dir}")
    stage_datasets(corpus, corpus_dir, out, site_url)
    if with_site:
        say(f"rendering the site into {out}")
        stage_site(data_dir, out, site_url, say, repo_url)
    return BuildSummary(len(corpus.reports), [(r.file, r.reason) for r in corpus.rejected],
                        Counter(r.badge for r in corpus.reports), data_dir, out if with_site else None)
