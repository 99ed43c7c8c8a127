"""Running the per-file function over a corpus: serially, on a process pool or
on a Dask cluster, with the extraction cache, progress and a summary.

The per-file function (``corpus.read_data`` by default) takes a file's bytes,
its corpus-relative name and the limits, and returns a ``Report`` or a
``Rejected`` without ever raising; this module does not care what it does.
Entries that are not files to read are rejected before anything opens them.
With a cache, files its index knows are answered in this process without
opening their entries; only the others go to the workers.

Memory stays bounded: every report is written to a store (its extraction cache
entry, or a temporary folder when the run has no cache) and a worker returns only
the report's small ``IndexEntry``; the checked reports are then streamed back from
the store one agency at a time (``corpus.CheckedReports``). Every report passes
through its record, so one read from the cache and one just extracted are the
same, and results are assembled sorted by name: serial, pool and cluster runs
build the same bytes.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import fsspec

from .. import errors, limits
from ..limits import Limits
from ..reading.document import PDF_SIGNATURE, ZIP_SIGNATURE, read_regular
from .cache import (
    ExtractionCache,
    agencies_of_index,
    check_location,
    content_digest,
    decoded,
    encoded,
    entry_key,
    index_line,
    key_of_digest,
    outcome_from_record,
    outcome_of_line,
    outcome_record,
)
from .corpus import (
    INTERNAL,
    METADATA_FILES,
    CheckedReports,
    Corpus,
    IndexEntry,
    Rejected,
    assemble,
    corpus_entries,
    entry_problem,
    internal_error,
    read_data,
    rejection,
)
from .extract import Report
from .metadata import remember_slugs

PerFile = Callable[[bytes, str, Limits], "Report | Rejected"]
Task = TypeVar("Task")  # what the pool maps over: files here, agencies for builder.datasets.fragments
Result = TypeVar("Result")
RECYCLE_AFTER = 200  # PDF/DOCX files a pool worker reads before it is replaced (pdfplumber's memory grows)
# What a file starts with when its parser's memory grows from file to file (PDF, DOCX and other
# ZIP files), as ``reading.detect_format`` tells them first; and their names, for files not local.
_GROWING_HEADS = (PDF_SIGNATURE, ZIP_SIGNATURE)
_GROWING_SUFFIXES = (".pdf", ".docx", ".doc", ".zip")


@dataclass(frozen=True)
class FileTask:
    url: str  # where to read the file: a local path (os.fsdecode form) or an fsspec URL
    name: str  # corpus-relative, with / separators; undecodable bytes shown as \xNN
    problem: str = ""  # why the entry is not read at all (hidden, special file, symlink out): never opened


@dataclass
class FileResult:
    name: str
    outcome: IndexEntry | Rejected  # a report is in the store; only its index travels back
    cached: bool
    seconds: float
    key: str = ""  # its entry in the store, when the outcome is kept there
    from_index: bool = False  # answered by the cache's index, its entry not opened


def is_url(location: str | Path) -> bool:
    return "://" in str(location)


def _local(corpus: str | Path) -> Path | None:
    """A corpus on this machine, also when given as a file:// URL: its entries are then
    checked like a folder's (symlinks, special files), never opened through fsspec."""
    if not is_url(corpus):
        return Path(corpus)
    protocol, _, rest = str(corpus).partition("://")
    return Path(rest) if protocol in ("file", "local") else None


def list_tasks(corpus: str | Path) -> list[FileTask]:
    """Every entry of a corpus folder, local or behind an fsspec URL, sorted by name."""
    local = _local(corpus)
    if local is not None:
        return [FileTask(e.path, e.name, entry_problem(e) or "") for e in corpus_entries(local)]
    try:
        fs, root = fsspec.core.url_to_fs(str(corpus))
    except (ImportError, ValueError) as e:  # a protocol fsspec does not know, or its package missing
        raise errors.CorpusError(f"{corpus}: {e}") from e
    if not fs.isdir(root):
        raise errors.CorpusError(f"{corpus}: no such folder")
    protocol = str(corpus).split("://", 1)[0]
    tasks = []
    for path, info in sorted(fs.find(root, detail=True).items()):
        name = path[len(root.rstrip("/")) + 1:]
        if name in METADATA_FILES:
            continue
        hidden = any(part.startswith(".") for part in name.split("/"))
        problem = ("hidden file (name starts with a dot): not read" if hidden
                   else "" if info.get("type") == "file" else "not a regular file: not read")
        tasks.append(FileTask(f"{protocol}://{path}", name, problem))
    if not tasks:
        raise errors.CorpusError(f"{corpus}: no report files in the folder")
    return tasks


def task_bytes(task: FileTask, bounds: Limits) -> bytes:
    """A file's bytes up to the byte limit; a ReportError saying why not."""
    try:
        if not is_url(task.url):
            with limits.budget(task.name, bounds):
                return read_regular(task.url, task.name)
        with fsspec.open(task.url, "rb") as handle:
            data = handle.read(bounds.max_bytes + 1)
    except OSError as e:  # gone or unreadable since it was listed
        raise errors.ReportError(task.name, e.strerror or str(e)) from e
    if len(data) > bounds.max_bytes:
        raise errors.OverLimit(task.name, f"more than the {bounds.max_bytes:,}-byte limit")
    return data


def cacheable(record: dict) -> bool:
    """A time-limit rejection depends on the machine's load, and an internal error may be
    transient (memory): neither is kept, so the next run tries the file again."""
    reason = record.get("rejected", "")
    return not (reason.startswith(errors.TimeLimit.reason) or reason.startswith(INTERNAL))


def run_task(task: FileTask, cache_root: str | None, version: str, per_file: PerFile, bounds: Limits) -> FileResult:
    """One file: its entry in the store (``cache_root``) if there is one, else the per-file
    function, stored; a report comes back as its index entry (with the whole record only
    when there is no store or it could not be written). Never raises: whatever goes wrong
    with one file is that file's rejection."""
    start = time.perf_counter()
    try:
        outcome, cached, stored_as = _outcome(task, cache_root, version, per_file, bounds)
    except errors.ReportError as e:
        outcome, cached, stored_as = Rejected(task.name, rejection(e)), False, ""
    except Exception as e:  # the isolation boundary, around the cache and the reading too
        outcome, cached, stored_as = Rejected(task.name, internal_error(e)), False, ""
    return FileResult(task.name, outcome, cached, time.perf_counter() - start, stored_as)


def _outcome(task: FileTask, cache_root: str | None, version: str, per_file: PerFile,
             bounds: Limits) -> tuple[IndexEntry | Rejected, bool, str]:
    """The outcome, whether it came from the store, and its key there ("" when not stored)."""
    if task.problem:
        return Rejected(task.name, task.problem), False, ""
    data = task_bytes(task, bounds)
    cache = ExtractionCache(cache_root, version) if cache_root else None
    key = entry_key(data, task.name, bounds)
    record = cache.load(key) if cache else None
    if record is not None:
        return _indexed(outcome_from_record(record), task, key, None), True, key
    outcome = per_file(data, task.name, bounds)
    record = outcome_record(outcome)
    # Also when nothing is stored: what strict JSON cannot hold (NaN, lone surrogates) is
    # this file's rejection here (run_task), not a failure of the datasets stage later.
    entry = encoded(record)
    stored = False
    if cache and cacheable(record):
        # A full, read-only or unreachable cache costs a re-read next time and this
        # report's record kept in memory, nothing more.
        with contextlib.suppress(Exception):
            cache.store(key, entry)
            stored = True
    return _indexed(outcome, task, key, None if stored else record), False, key if stored else ""


def _indexed(outcome: Report | Rejected, task: FileTask, key: str, record: dict | None) -> IndexEntry | Rejected:
    """What travels back of an outcome; ``record``: the whole report, when it is in no store.
    (A report is not rebuilt from its record for this: the record is exact, and a report read
    back from the store later is built from it.)"""
    if isinstance(outcome, Rejected):
        return outcome
    return IndexEntry.of(outcome, task.name, key, record, task.url)


# --- executors ---------------------------------------------------------------------------


@dataclass
class Options:
    """How to run the per-file stage."""

    jobs: int = 1
    cache: str | None = None  # folder or fsspec URL of the extraction cache; None: no cache
    dask: str | None = None  # address of a running dask.distributed scheduler
    per_file: PerFile = read_data
    recycle_after: int = RECYCLE_AFTER
    bounds: Limits = limits.DEFAULT


def _serial(work: Callable[[Task], Result], tasks: Collection[Task]) -> Iterator[Result]:
    return map(work, tasks)


def grows_memory(task: FileTask) -> bool:
    """Whether reading the file grows a worker's memory for good (PDF, DOCX): a local file
    by its first bytes (never its name alone), a remote one by its name. Text and HTML do not."""
    if task.problem:
        return False
    if is_url(task.url):
        return task.name.lower().endswith(_GROWING_SUFFIXES)
    try:  # opened without blocking, as a worker opens it (a FIFO swapped in since the listing)
        with os.fdopen(os.open(task.url, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            return handle.read(len(_GROWING_HEADS[0])).startswith(_GROWING_HEADS)
    except OSError:
        return True  # a worker will say what is wrong with it; counted to be safe


def _pool(work: Callable, tasks: list[FileTask], jobs: int, recycle_after: int) -> Iterator[FileResult]:
    """Text and HTML files on a pool whose workers live to the end (a replacement costs a fork
    and a warm-up, ~60 ms of CPU), then PDF and DOCX files on one whose workers are replaced
    after ``recycle_after`` files. Fewer text files than that join the PDFs: their share of
    the replacements costs less than a pool of their own."""
    growing = [grows_memory(task) for task in tasks]
    light = [task for task, grows in zip(tasks, growing) if not grows]
    heavy = [task for task, grows in zip(tasks, growing) if grows]
    if heavy and len(light) < recycle_after:
        light, heavy = [], tasks
    if light:
        yield from run_in_pool(work, light, min(jobs, len(light)), None)
    if heavy:
        yield from run_in_pool(work, heavy, min(jobs, len(heavy)), recycle_after)


def _fork_context() -> multiprocessing.context.BaseContext:
    """forkserver: workers start from a clean preloaded process, not a copy of this one (which
    may hold threads and every report read so far)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["builder.extraction.warmup"])
    return context


def start_fork_server(options: Options, files: int) -> bool:
    """Start the pools' fork server now, when the extraction stage will read every file on a
    pool: without a cache, or with a local one that has no index for this parser version (a
    first build, a new parser). It loads the gazetteer and word list (~0.7 s) on another core
    while the build hashes the corpus, instead of at the start of that stage. Whether it did."""
    if options.dask or options.jobs <= 1 or files < 2:
        return False
    if options.cache and not ExtractionCache(options.cache).lacks_index():
        return False
    from multiprocessing import forkserver

    _fork_context()
    forkserver.ensure_running()
    return True


def run_in_pool(work: Callable[[Task], Result], tasks: Collection[Task], jobs: int,
              recycle_after: int | None, ordered: bool = False) -> Iterator[Result]:
    """The results as they are done, or (``ordered``) in the order of the tasks."""
    context = _fork_context()
    chunk = max(1, min(16, len(tasks) // (jobs * 8), recycle_after or len(tasks)))
    with context.Pool(jobs, maxtasksperchild=max(1, recycle_after // chunk) if recycle_after else None) as pool:
        yield from (pool.imap if ordered else pool.imap_unordered)(work, tasks, chunksize=chunk)


def stop_fork_server() -> None:
    """Stop the pools' fork server: started by the first pool, it would otherwise live as long
    as the build, idle through the site stage with the gazetteer and word list it preloaded
    (~150 MB). A later pool starts a new one."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # the standard library's own way (its tests use it)
    if stop is not None:
        stop()


def _dask(work: Callable, tasks: list[FileTask], address: str) -> Iterator[FileResult]:
    from distributed import Client, as_completed

    try:
        client = Client(address, set_as_default=False)
    except (OSError, ValueError, AssertionError) as e:  # nothing answers there, or no scheduler address
        raise errors.BuilderError(f"--dask {address}: no Dask scheduler reached ({e or type(e).__name__})") from e
    with client:
        futures = client.map(work, tasks, key=[f"extract-{i}-{t.name}" for i, t in enumerate(tasks)], pure=False)
        for future in as_completed(futures, loop=client.loop):
            yield future.result()


def run_files(tasks: list[FileTask], options: Options, store: str | None = None) -> Iterator[FileResult]:
    """Results of the per-file function, in the order they are done. Reports are written to
    ``store`` (default: the cache; None: each result carries its whole record)."""
    store = store or options.cache
    version = ExtractionCache(store).version if store else ""
    work = functools.partial(run_task, cache_root=store, version=version, per_file=options.per_file,
                             bounds=options.bounds)
    if not tasks:  # all answered by the cache's index: no worker to start
        return iter(())
    if options.dask:
        return _dask(work, tasks, options.dask)
    if not _in_process(tasks, options):
        return _pool(work, tasks, min(options.jobs, len(tasks)), options.recycle_after)
    return _serial(work, tasks)


def _in_process(tasks: list[FileTask], options: Options) -> bool:
    """Whether ``run_files`` reads the files in this process (one job, or one file)."""
    return not options.dask and (options.jobs <= 1 or len(tasks) <= 1)


def _index_hits(tasks: list[FileTask], index: Mapping[str, list], bounds: Limits,
                digests: Mapping[str, str]) -> tuple[list[FileResult], list[FileTask]]:
    """The files the cache's index answers (a hash and a lookup each, the hash taken from
    ``digests`` when the build already has it), and the tasks left to run. A file behind a
    URL is not fetched here only to be looked up: without its digest, a worker reads it."""
    hits, left = [], []
    for task in tasks:
        start = time.perf_counter()
        outcome, key = None, ""
        if not task.problem and (task.name in digests or not is_url(task.url)):
            content = digests.get(task.name)
            with contextlib.suppress(errors.ReportError):  # run_task will say why
                content = content or content_digest(task_bytes(task, bounds))
            key = key_of_digest(content, task.name, bounds) if content else ""
            line = index.get(key)
            outcome = outcome_of_line(line, key, task.name, content, task.url) if line is not None else None
        if outcome is None:
            left.append(task)
        else:
            hits.append(FileResult(task.name, outcome, True, time.perf_counter() - start, key, from_index=True))
    return hits, left


def extract_stage(tasks: list[FileTask], options: Options, store: str | None, stats: RunStats,
                  progress: Progress | None = None, digests: Mapping[str, str] | None = None) -> list[FileResult]:
    """The extraction stage, sorted by name: files the cache's index knows are answered
    without opening their entry or starting a worker, the rest are run (``run_files``);
    the index is then rewritten to hold this run's stored outcomes, if they changed."""
    cache = ExtractionCache(options.cache) if options.cache and store == options.cache else None
    index = cache.load_index() if cache else {}
    if index:  # only lines whose entry is still there (the datasets stage reads it)
        present = cache.stored_keys()
        index = {key: line for key, line in index.items() if key in present}
    hits, left = _index_hits(tasks, index, options.bounds, digests or {}) if index else ([], tasks)
    if index and left and _in_process(left, options):  # names slugged before need no jieba nor pypinyin
        remember_slugs(agencies_of_index(index))
    results = collect(itertools.chain(hits, run_files(left, options, store)), len(tasks), stats, progress)
    if cache:
        lines = {r.key: index[r.key] if r.from_index else index_line(r.outcome) for r in results if r.key}
        if lines.keys() != index.keys() or len(hits) < len(lines):
            with contextlib.suppress(Exception):  # a read-only cache: the entries answer next time
                cache.store_index(lines)
    return results


# --- progress and summary ----------------------------------------------------------------


@dataclass
class RunStats:
    """What a long run reports: throughput, cache hits, rejections, time per stage."""

    files: int = 0
    cache_hits: int = 0
    indexed: int = 0  # cache hits answered by the cache's index, their entries not opened
    rejected: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    running: list[_Timed] = field(default_factory=list, repr=False, compare=False)  # stages being timed

    @property
    def extracted(self) -> int:
        return self.files - self.cache_hits

    def lines(self) -> list[str]:
        if "extract" not in self.stages:
            return [f"files: {self.files}, all as at the last build; {self.rejected} rejected on reading"]
        read = self.stages["extract"]
        rate = self.files / read if read > 0 else 0.0
        indexed = f" ({self.indexed} by its index)" if self.indexed else ""
        out = [f"files: {self.files} in {read:.1f} s ({rate:.0f} files/s); {self.cache_hits} from the cache{indexed}, "
               f"{self.extracted} extracted; {self.rejected} rejected on reading"]
        if self.stages:
            out.append("time per stage: " + " · ".join(f"{stage} {seconds:.1f} s"
                                                       for stage, seconds in self.stages.items()))
        return out


class Stopwatch:
    """Times named stages into a RunStats. A stage timed inside another (the checks run
    while the datasets stage reads their stream) counts for itself, not for both."""

    def __init__(self, stats: RunStats) -> None:
        self.stats = stats

    def __call__(self, stage: str) -> _Timed:
        return _Timed(self.stats, stage)


@dataclass
class _Timed:
    stats: RunStats
    stage: str
    start: float = 0.0
    inner: float = 0.0  # time spent in stages timed inside this one

    def __enter__(self) -> None:
        self.start, self.inner = time.perf_counter(), 0.0
        self.stats.running.append(self)

    def __exit__(self, *exc) -> None:
        elapsed = time.perf_counter() - self.start
        self.stats.running.remove(self)
        if self.stats.running:
            self.stats.running[-1].inner += elapsed
        self.stats.stages[self.stage] = self.stats.stages.get(self.stage, 0.0) + elapsed - self.inner


Progress = Callable[[int, int, RunStats, float], None]


def stderr_progress(done: int, total: int, stats: RunStats, seconds: float) -> None:
    """A line on stderr: redrawn in a terminal, every 1,000 files in logs."""
    rate = done / seconds if seconds > 0 else 0.0
    line = (f"reading {done}/{total} · {rate:.0f} files/s · {stats.cache_hits} from the cache · "
            f"{stats.rejected} rejected")
    if sys.stderr.isatty():
        _redraw(line, done == total)
    elif done % 1000 == 0 or (done == total and total >= 1000):
        print(line, file=sys.stderr, flush=True)


def _redraw(line: str, last: bool) -> None:
    """A progress line drawn over the one before it in a terminal; the last one stays."""
    sys.stderr.write("\r" + line + ("\n" if last else ""))
    sys.stderr.flush()


StageProgress = Callable[[int, int], None]  # (done, total): units of a stage's work done so far


class StderrMeter:
    """The progress of a stage after the reading (``stderr_progress`` is the reading's): a line
    redrawn in a terminal, and in logs a line at each tenth of a stage of 1,000 units or more."""

    LOGGED_FROM = 1000

    def __init__(self, stage: str, unit: str) -> None:
        self.stage, self.unit = stage, unit
        self.start = time.perf_counter()
        self.drawn = -1  # in a terminal: when the line was last drawn, in tenths of a second
        self.logged = 0  # in logs: the last tenth of the stage logged

    def __call__(self, done: int, total: int) -> None:
        seconds = time.perf_counter() - self.start
        rate = done / seconds if seconds > 0 else 0.0
        line = f"{self.stage} {done}/{total} {self.unit} · {rate:.0f} {self.unit}/s"
        if sys.stderr.isatty():
            if int(seconds * 10) > self.drawn or done == total:
                self.drawn = int(seconds * 10)
                _redraw(line, done == total)
        elif total >= self.LOGGED_FROM and (tenth := done * 10 // total) > self.logged:
            self.logged = tenth
            print(line, file=sys.stderr, flush=True)


def collect(results: Iterable[FileResult], total: int, stats: RunStats,
            progress: Progress | None = None) -> list[FileResult]:
    """Every result, counted, sorted by name (the order a serial run reads them)."""
    start = time.perf_counter()
    out = []
    for result in results:
        out.append(result)
        stats.files += 1
        stats.cache_hits += result.cached
        stats.indexed += result.from_index
        stats.rejected += isinstance(result.outcome, Rejected)
        if progress:
            progress(stats.files, total, stats, time.perf_counter() - start)
    return sorted(out, key=lambda r: r.name)


@contextlib.contextmanager
def _store(options: Options) -> Iterator[str | None]:
    """Where extracted reports wait for the checks: the cache; without one, a temporary folder
    (removed afterwards); on a cluster without a cache, nowhere (results carry their records)."""
    if options.cache:
        yield options.cache
    elif options.dask:
        yield None
    else:
        with tempfile.TemporaryDirectory(prefix="builder-extracted-") as folder:
            yield folder


def report_loader(store: str | None, per_file: PerFile = read_data,
                  bounds: Limits = limits.DEFAULT) -> Callable[[IndexEntry], Report]:
    """Reports from their entries in ``store``; an entry gone or damaged since the extraction
    stage (which the cache's index answers without opening it) is read again from its file."""
    cache = ExtractionCache(store) if store else None

    def load(entry: IndexEntry) -> Report:
        record = entry.record if entry.record is not None else cache.load(entry.key) if cache else None
        if record is None and cache:
            record = _read_again(entry, cache, per_file, bounds)
        if record is None:
            raise errors.BuilderError(f"{entry.name}: its extracted report in {store} is gone or damaged, and the "
                                      "file is no longer as it was read; build again")
        return outcome_from_record(record)

    return load


def _read_again(entry: IndexEntry, cache: ExtractionCache, per_file: PerFile, bounds: Limits) -> dict | None:
    """The record of a report whose entry is gone or damaged, from its file, stored again: the
    same bytes read by the same parser give the same report. None when the file changed since
    (or cannot be read, or is now rejected: over the time limit on a busy machine)."""
    if not entry.url:
        return None
    try:
        data = task_bytes(FileTask(entry.url, entry.name), bounds)
    except errors.ReportError:
        return None
    if entry_key(data, entry.name, bounds) != entry.key:
        return None
    outcome = per_file(data, entry.name, bounds)
    if not isinstance(outcome, Report):
        return None
    stored = encoded(outcome_record(outcome))
    with contextlib.suppress(Exception):  # a read-only cache: read again next time
        cache.store(entry.key, stored)
    try:
        return decoded(stored)  # as a record read from the store: exactly the same report
    except ValueError:  # (one no entry can hold: the build's one-line error, not a traceback)
        return None


@contextlib.contextmanager
def read_reports(corpus: str | Path, options: Options | None = None, stats: RunStats | None = None,
                 progress: Progress | None = None,
                 digests: Mapping[str, str] | None = None) -> Iterator[CheckedReports]:
    """The extraction stage (every file to a stored report or a rejection), then the checked
    reports as a stream read back from the store, valid inside the ``with`` block.
    ``digests``: the files' SHA-256 by name, when the caller has just hashed them."""
    options = options or Options()
    if options.cache:
        check_location(options.cache)
    stats = stats if stats is not None else RunStats()
    timed = Stopwatch(stats)
    tasks = list_tasks(corpus)
    with _store(options) as store:
        with timed("extract"):
            results = extract_stage(tasks, options, store, stats, progress, digests)
        if options.cache:
            ExtractionCache(options.cache).prune()
        load = report_loader(store, options.per_file, options.bounds)
        yield assemble([r.outcome for r in results], load, options.bounds, timed("checks"))


def read_corpus(corpus: str | Path, options: Options | None = None, stats: RunStats | None = None,
                progress: Progress | None = None) -> Corpus:
    """The extraction and checks stages, every report in memory (for small corpora and tests;
    ``read_reports`` streams them)."""
    with read_reports(corpus, options, stats, progress) as checked:
        reports = list(checked)
    return Corpus(reports, checked.rejected)
