"""A folder of published reports: every entry becomes a report or a rejection.

``read_data`` is the per-file function: one file's bytes in, a ``Report`` or a
``Rejected`` out, never an exception, under the file's limits. It takes and
returns plain picklable values, so ``builder.extraction.pipeline`` maps it over a process
pool or a Dask cluster, with the extraction cache in front of it. Entries that
are not files to read (hidden, special, symlinks leaving the corpus) are
rejected by ``entry_problem`` without being opened.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import errors, limits
from ..checks import OTHER_AGENCY_CELLS, CheckContext, check_in_corpus, check_report, rules_reading_others
from ..limits import Limits
from ..reading.document import Document, noting_misnamed, read_bytes, read_file
from .extract import Report, extract_document
from .metadata import Agency
from .tables import CellValue

if TYPE_CHECKING:
    from .pipeline import Options, RunStats

# Files at the top of a corpus folder that describe the corpus, not reports:
# they are never read as reports (documented in docs/cli.md and `build --help`).
METADATA_FILES = frozenset({"sources.csv", "README.md", "readme.md", "LICENSE"})
_PACKAGE = Path(__file__).resolve().parent.parent  # builder
INTERNAL = "internal error in "


@dataclass
class Rejected:
    file: str
    reason: str

    @property
    def internal(self) -> bool:
        """A bug of this tool met on this file, not a fault of the file."""
        return self.reason.startswith(INTERNAL)

    def as_json(self) -> dict:
        return {"file": self.file, "reason": self.reason}


@dataclass
class Corpus:
    """A corpus read whole into memory (tests, small corpora; a build streams ``CheckedReports``)."""

    reports: list[Report] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    """One entry under the corpus folder: its path on disk (``os.fsdecode``
    form, so undecodable bytes survive), the corpus root, and the readable name."""

    path: str
    root: str
    name: str


def readable_name(relative: str) -> str:
    """A file name for people and UTF-8 files: bytes that are not UTF-8 shown as \\xNN."""
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def corpus_entries(folder: Path) -> list[Entry]:
    """Every entry under ``folder`` in a stable order (by name bytes), the
    metadata files at its top excepted. Folders are walked without following
    symlinks; a hidden folder is one entry (it is not read), so is a symlink
    to a folder or a folder that cannot be listed."""
    if not folder.exists():
        raise errors.CorpusError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise errors.CorpusError(f"{folder}: not a folder")
    root = os.fsdecode(folder)
    found: list[Entry] = []

    def walk(directory: str, prefix: str) -> None:
        try:
            with os.scandir(directory) as scan:
                items = sorted(scan, key=lambda item: os.fsencode(item.name))
        except OSError:
            if not prefix:
                raise
            found.append(Entry(directory, root, readable_name(prefix[:-1])))
            return
        for item in items:
            relative = prefix + item.name
            if not prefix and item.name in METADATA_FILES:
                continue
            if not _is_hidden(item.name) and item.is_dir(follow_symlinks=False):
                walk(item.path, relative + "/")
            else:
                found.append(Entry(item.path, root, readable_name(relative)))

    try:
        walk(root, "")
    except OSError as e:
        raise errors.CorpusError(f"{folder}: {e.strerror or e}") from e
    if not found:
        raise errors.CorpusError(f"{folder}: no report files in the folder")
    return found


_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


_SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})  # Windows' own, beside any folder's files


def entry_problem(entry: Entry) -> str | None:
    """Why an entry is not read at all, or None for a regular file (or a symlink
    to one inside the corpus). Nothing here opens the entry."""
    try:
        info = os.lstat(entry.path)
    except OSError as e:
        return f"could not be read: {e.strerror or e}"
    folder = stat.S_ISDIR(info.st_mode)
    if os.path.basename(entry.path).lower() in _SYSTEM_FILES:
        return "a file the operating system keeps in folders (thumbnails, folder settings): not read"
    if _is_hidden(os.path.basename(entry.path)):
        return f"hidden {'folder' if folder else 'file'} (name starts with a dot): not read"
    if stat.S_ISLNK(info.st_mode):
        target = os.path.realpath(entry.path)
        root = os.path.realpath(entry.root)
        # The reason is published: a path outside the corpus (the builder's machine) is never named.
        inside = os.path.commonpath([root, target]) == root
        shown = readable_name(os.path.relpath(target, root)) if inside else "a path outside the corpus folder"
        try:
            os.path.realpath(entry.path, strict=True)
        except OSError as e:
            if e.errno == errno.ELOOP:
                return "symlink loop: following it leads back to itself, never to a file"
            return f"dangling symlink: its target ({shown}) does not exist"
        if not inside:
            return "symlink to a path outside the corpus folder: not followed"
        info = os.stat(target)
        if stat.S_ISDIR(info.st_mode):
            return f"symlink to the folder {shown}: not followed"
    elif folder:
        return "folder that cannot be listed"
    for test, kind in _FILE_KINDS:
        if test(info.st_mode):
            return f"{kind}, not a regular file: not read"
    return None if stat.S_ISREG(info.st_mode) else "not a regular file: not read"


def _stage(error: BaseException) -> str:
    """Where an unexpected error arose: the innermost module of this package."""
    stage = "corpus"
    for frame, _ in traceback.walk_tb(error.__traceback__):
        source = Path(frame.f_code.co_filename)
        if _PACKAGE in source.parents:
            stage = source.stem
    return stage


def _one_line(text: str, width: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def internal_error(error: Exception) -> str:
    """The one-line reason for a bug met on a file: stage, type and message."""
    message = _one_line(str(error))
    return f"{INTERNAL}{_stage(error)}: {type(error).__name__}{': ' + message if message else ''}"


def rejection(error: errors.ReportError) -> str:
    return _one_line(f"{error.reason}{': ' + error.detail if error.detail else ''}", 500)


def _guarded(name: str, bounds: Limits, work: Callable[[], Report | Rejected]) -> Report | Rejected:
    """The isolation boundary: ``work`` under ``bounds``; any error becomes a rejection."""
    try:
        with limits.budget(name, bounds):
            return work()
    except errors.ReportError as e:
        return Rejected(name, rejection(e))
    except Exception as e:  # a bug met on one file never stops the build
        return Rejected(name, internal_error(e))


def _extracted(document: Document) -> Report:
    """``extract_document``; a rejection says when the file's name promised another format
    than its bytes have."""
    with noting_misnamed(document.source):
        return extract_document(document)


def _checked(document: Document) -> Report:
    report = _extracted(document)
    check_report(report)
    return report


def _read_checked(path: str, name: str) -> Report:
    report = _checked(read_file(path, name))
    # What cannot be written as strict JSON in UTF-8 (NaN, infinities, lone surrogates) is
    # this file's rejection. (A build checks this where it encodes the report's record.)
    json.dumps(report.as_json(), ensure_ascii=False, allow_nan=False).encode("utf-8")
    return report


def read_data(data: bytes, name: str, bounds: Limits = limits.DEFAULT) -> Report | Rejected:
    """The per-file function: one file's bytes to an extracted report or a rejection
    with a one-line reason, under ``bounds``; never raises. The checks are the next
    stage's (``check_one``, an agency at a time): done here, their results would be
    half of every stored record, written and read back for nothing."""
    return _guarded(name, bounds, lambda: _extracted(read_bytes(data, name)))


def read_path(path: str, name: str, bounds: Limits = limits.DEFAULT) -> Report | Rejected:
    """A file named on the command line to a checked report or a rejection; never raises."""
    return _guarded(name, bounds, lambda: _read_checked(path, name))


@dataclass
class IndexEntry:
    """What the build keeps in memory of one extracted report while the report itself waits
    in the store: its name, where it is stored, what duplicate detection needs, and the few
    cells other agencies' corpus checks read (``checks.OTHER_AGENCY_CELLS``). It answers
    those checks as the report would: ``agency``, ``year``, ``template``, ``cells``, ``report_id``."""

    name: str  # the corpus file
    path: str  # the report's source path, as rejections name it
    sha256: str
    key: str  # its entry in the store
    report_id: str
    agency: Agency
    year: int
    template: str
    cells: dict[str, CellValue]
    reads: tuple[str, ...] = ()  # the corpus rules that read other agencies' reports for it (``rules_reading_others``)
    record: dict | None = None  # the whole record, when it is in no store
    url: str = ""  # where the file was read: a damaged entry is read again from there
    substance: int = 0  # cells read and prose figures found: of two files of one report, the fuller is kept

    @classmethod
    def of(cls, report: Report, name: str, key: str, record: dict | None = None, url: str = "") -> IndexEntry:
        source = report.document.source
        cells = {cell: report.cells[cell] for cell in OTHER_AGENCY_CELLS if cell in report.cells}
        substance = sum(1 for value in report.cells.values() if value.value is not None) + len(report.narrative)
        return cls(name, source.path, source.sha256, key, report.report_id, report.agency, report.year,
                   report.template, cells, rules_reading_others(report), record=record, url=url, substance=substance)


class CorpusContext(CheckContext):
    """What corpus checks look up by (agency_id, year): the reports of the agencies being
    checked in full, every other report as its index entry. One object for a whole run (the
    checks index it once), whose loaded agencies change as the stream moves on."""

    def __init__(self, index: dict[tuple[str, int], IndexEntry]) -> None:
        super().__init__(index)
        self.index = index
        self.loaded: dict[str, dict[tuple[str, int], Report]] = {}

    def __getitem__(self, key: tuple[str, int]) -> Report | IndexEntry:
        group = self.loaded.get(key[0])
        if group is not None and key in group:
            return group[key]
        return self.index[key]


def check_one(report: Report, context: CheckContext, bounds: Limits = limits.DEFAULT) -> Rejected | None:
    """Every check of one report, cross-year ones included; why it is rejected, or None."""
    name = report.document.source.path
    try:
        with limits.budget(name, bounds):
            check_in_corpus(report, context)
    except errors.ReportError as e:
        return Rejected(name, rejection(e))
    except Exception as e:  # the isolation boundary
        return Rejected(name, internal_error(e))
    return None


class CheckedReports:
    """The reports of a corpus, every check done, in ascending report_id order (an agency's
    years adjacent); iterable once. Each agency's reports are loaded from the store when its
    first report comes up and let go after its last, so memory holds one agency's reports and
    the index. A report whose checks fail is rejected; those rejections join ``rejected``
    (after the extraction ones, in name order) when the stream is done."""

    def __init__(self, entries: list[IndexEntry], rejected: list[Rejected], load: Callable[[IndexEntry], Report],
                 bounds: Limits = limits.DEFAULT, timed: AbstractContextManager | None = None) -> None:
        self.entries = entries  # in name order
        self.rejected = rejected
        self._extraction_rejections = len(rejected)
        self._load = load
        self._bounds = bounds
        self._timed = timed or contextlib.nullcontext()
        self._started = False

    def __iter__(self) -> Iterator[Report]:
        if self._started:
            raise RuntimeError("the checked reports can be read only once")
        self._started = True
        return self._stream()

    def _stream(self) -> Iterator[Report]:
        context = CorpusContext({(e.agency.agency_id, e.year): e for e in self.entries})
        by_agency: dict[str, list[IndexEntry]] = {}
        for entry in self.entries:
            by_agency.setdefault(entry.agency.agency_id, []).append(entry)
        position = {entry.report_id: i for i, entry in enumerate(self.entries)}
        left = {agency: len(group) for agency, group in by_agency.items()}
        failed: list[tuple[int, Rejected]] = []
        for entry in sorted(self.entries, key=lambda e: e.report_id):
            agency = entry.agency.agency_id
            with self._timed:
                if agency not in context.loaded:
                    context.loaded[agency] = {(agency, e.year): self._load(e) for e in by_agency[agency]}
                report = context.loaded[agency][(agency, entry.year)]
                problem = check_one(report, context, self._bounds)
                left[agency] -= 1
                if not left[agency]:
                    del context.loaded[agency]
            if problem is None:
                yield report
            else:
                failed.append((position[entry.report_id], problem))
            del report  # not held here while the next agency is loaded
        after = self._extraction_rejections  # anything the caller added since stays behind them
        self.rejected[after:after] = [problem for _, problem in sorted(failed, key=lambda f: f[0])]

# What a browser or a file manager adds to a second download or a copy of a file: 报告 (1).pdf, 报告 - 副本.docx.
_COPY_MARK = re.compile(r"(?:\s?[(（]\d{1,3}[)）]|\s?-\s?(?:副本|复制|Copy|copy)(?:\s?[(（]\d{1,3}[)）])?|_副本|副本)"
                        r"(?=\.[^./]+$|$)")


def _copy_named(path: str) -> bool:
    return bool(_COPY_MARK.search(path.rsplit("/", 1)[-1]))


def _identical(copy: str, kept: str) -> str:
    """Why a file is left out as the same bytes as another, saying so when the two names look alike."""
    if copy != kept and unicodedata.normalize("NFC", copy) == unicodedata.normalize("NFC", kept):
        return (f"identical copy of {kept} (the two names differ only in how their characters are encoded, "
                "Unicode NFC and NFD)")
    return "identical copy of " + kept


def assemble(outcomes: Iterable[IndexEntry | Rejected], load: Callable[[IndexEntry], Report],
             bounds: Limits = limits.DEFAULT, timed: AbstractContextManager | None = None) -> CheckedReports:
    """Per-file outcomes, in name order, to the checked reports: rejections kept with their
    reason, duplicates of a report already read rejected; the checks run as the reports
    are read (see ``CheckedReports``). Of two files of one agency and year, the first is kept
    unless the second holds more of a report (its tables alone, as a workbook 附表, beside the
    whole report)."""
    entries: dict[str, IndexEntry] = {}
    rejected: list[Rejected] = []
    copies: list[tuple[int, IndexEntry, IndexEntry]] = []  # identical copies: where in ``rejected``, the copy, its first
    for outcome in outcomes:
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
            continue
        first = entries.get(outcome.report_id)
        if first is None:
            entries[outcome.report_id] = outcome
        elif first.sha256 == outcome.sha256:
            if _copy_named(first.path) and not _copy_named(outcome.path):
                entries[outcome.report_id], outcome = outcome, first  # 报告 (1).pdf before 报告.pdf: the original kept
            copies.append((len(rejected), outcome, entries[outcome.report_id]))
            rejected.append(Rejected(outcome.path, ""))
        elif outcome.substance > first.substance:
            entries[outcome.report_id] = outcome
            rejected.append(Rejected(first.path, "the same agency and year as " + outcome.path
                                     + ", which holds more of the report (cells of its tables and figures of its text)"))
        else:
            rejected.append(Rejected(outcome.path, "a second report with the same agency and year as " + first.path))
    for at, copy, first in copies:  # each naming the file kept, once all are known (the same bytes)
        kept = entries[copy.report_id] if entries[copy.report_id].sha256 == copy.sha256 else first
        rejected[at] = Rejected(copy.path, _identical(copy.path, kept.path))
    return CheckedReports(list(entries.values()), rejected, load, bounds, timed)


def load_corpus(folder: Path | str, progress: Callable | None = None, options: Options | None = None,
                stats: RunStats | None = None) -> Corpus:
    """Read every entry (see ``builder.extraction.pipeline`` for the cache, the pool and the
    cluster), then assemble and check the corpus."""
    from .pipeline import read_corpus

    return read_corpus(folder, options, stats, progress)
