"""A folder of published reports: every file becomes a report or a rejection."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import errors
from .checks import check_corpus
from .extract import Report, extract_file

# Files in a corpus folder that are about the corpus, not reports.
METADATA_FILES = frozenset({"sources.csv", "README.md", "readme.md", "LICENSE"})


@dataclass
class Rejected:
    file: str
    reason: str

    def as_json(self) -> dict:
        return {"file": self.file, "reason": self.reason}


@dataclass
class Corpus:
    reports: list[Report] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def corpus_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise errors.CorpusError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise errors.CorpusError(f"{folder}: not a folder")
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.name not in METADATA_FILES and not any(part.startswith(".") for part in p.parts)
    )
    if not files:
        raise errors.CorpusError(f"{folder}: no report files in the folder")
    return files


def load_corpus(folder: Path, progress: Callable[[int, int, Path], None] | None = None) -> Corpus:
    """Extract every file, reject what cannot be read (with the reason) and
    duplicates of a report already read, then run all checks, cross-year ones
    included."""
    corpus = Corpus()
    files = corpus_files(folder)
    seen: dict[str, Report] = {}
    for index, path in enumerate(files, 1):
        if progress:
            progress(index, len(files), path)
        relative = path.relative_to(folder).as_posix()
        try:
            report = extract_file(path)
        except errors.ReportError as e:
            corpus.rejected.append(Rejected(relative, f"{e.reason}{': ' + e.detail if e.detail else ''}"))
            continue
        first = seen.get(report.report_id)
        if first is not None:
            same = first.document.source.sha256 == report.document.source.sha256
            corpus.rejected.append(Rejected(relative, (
                "identical copy of " if same else "a second report with the same agency and year as ")
                + first.document.source.path))
            continue
        seen[report.report_id] = report
        report.document.source.path = relative
        corpus.reports.append(report)
    check_corpus(corpus.reports)
    return corpus


def stderr_progress(index: int, total: int, path: Path) -> None:
    """A progress bar on stderr; in logs (not a terminal), a line every 1,000 files."""
    if not sys.stderr.isatty():
        if index % 1000 == 0 or (index == total and total >= 1000):
            print(f"reading {index}/{total}", file=sys.stderr, flush=True)
        return
    width = 30
    done = int(width * index / total)
    sys.stderr.write(f"\rreading [{'#' * done}{'.' * (width - done)}] {index}/{total} {path.name[:40]:<40}")
    if index == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
