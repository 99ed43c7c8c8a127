"""A folder of published reports: every file becomes a report or a rejection."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import errors
from .checks import check_corpus
from .extract import Report

if TYPE_CHECKING:
    from .pipeline import Options, RunStats

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


def load_corpus(folder: Path | str, progress: Callable | None = None, options: Options | None = None,
                stats: RunStats | None = None) -> Corpus:
    """Extract every file (see ``builder.pipeline`` for the pool, cluster and
    cache), then assemble and check the corpus."""
    from .pipeline import read_corpus

    return read_corpus(folder, options, stats, progress)


def assemble(outcomes: Iterable[Report | Rejected]) -> Corpus:
    """Per-file outcomes, in name order, to a corpus: rejections kept with
    their reason, duplicates of a report already read rejected, then all
    checks, cross-year ones included."""
    corpus = Corpus()
    seen: dict[str, Report] = {}
    for outcome in outcomes:
        if isinstance(outcome, Rejected):
            corpus.rejected.append(outcome)
            continue
        report = outcome
        first = seen.get(report.report_id)
        if first is not None:
            same = first.document.source.sha256 == report.document.source.sha256
            corpus.rejected.append(Rejected(report.document.source.path, (
                "identical copy of " if same else "a second report with the same agency and year as ")
                + first.document.source.path))
            continue
        seen[report.report_id] = report
        corpus.reports.append(report)
    check_corpus(corpus.reports)
    return corpus
