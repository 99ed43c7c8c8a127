"""The checks and datasets stages, an agency at a time: cached, and on every core.

Everything these stages make of one agency's reports (its cross-year checks, the
rows of every report table already encoded, each report's own files, the small
parts of the aggregates) is that agency's ``dataset.Fragment``. A fragment
depends only on what its key hashes (``fragment_key``): the agency's extracted
reports (their cache keys), what the corpus rules read of other agencies for its
reports (the entries their ``checks.Neighbours`` declare; a report that reads none,
most of them, adds none), what sources.csv says of its files,
the settings and the code. A fragment is stored in the cache folder under its key
(``<cache>/fragments/``; without a local cache, in a folder for the run), so a
rebuild recomputes only the agencies whose key changed: the others are read back
as bytes, and their report files linked from the previous output, without loading
a report. Fragments are computed in the process pool (``Options.jobs``), each
worker loading one agency's reports from the extraction store; the data package
is their concatenation in report_id order (``dataset.PackageWriter``), written as
they come in a first build, so serial, pool and rebuilt outputs are the same bytes.
A report table whose rows are all as in the last build (``table_digests``) keeps the
last build's files, linked; so do the regional totals when their parts are
(``_keep_aggregate``).
Fragments of other keys are never read; after a successful build, those it did not
use are deleted (``prune``), unless another build is using the folder at the time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import json
import os
import pickle
import sys
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..checks import neighbour_keys, read_as_neighbour
from ..errors import BuilderError
from ..extraction.cache import parser_version
from ..extraction.corpus import CorpusContext, IndexEntry, Rejected, check_one, read_data
from ..extraction.extract import Report
from ..extraction.layout import Layout
from ..extraction.pipeline import (
    Options,
    PerFile,
    StageProgress,
    cacheable,
    is_url,
    report_loader,
    run_in_pool,
    stop_fork_server,
)
from ..limits import Limits
from ..reading.sources import SourceInfo
from .outputs import DataPlace, OutputFolder
from .package import (
    REPORT_FILES,
    REPORT_TABLES,
    Encoded,
    Fragment,
    PackageWriter,
    PendingPackage,
    WorkbookProcess,
    agency_fragment,
)
from .schema import TABLE_INDEX

FRAGMENT_FORMAT = "2"
# The modules that cannot change a fragment: the site stage, the command line, the orchestration
# around the stages and the test corpora. Every other module is in the code version, so that a
# module added later is in it by default: a module left out by mistake costs a stale fragment
# (wrong data), one left in costs only a rebuild.
NOT_ROW_CODE = frozenset({"site", "__main__.py", "build.py", "cli.py", "memory.py", "publish.py", "synthetic.py",
                          "synthetic_corpus.py", "warmup.py"})
MANIFEST = ".fragments.json"  # in the output: each agency's fragment key and reports, for the next build
_PACKAGE = Path(__file__).resolve().parent.parent  # builder


@cache
def code_version() -> str:
    """What makes rows out of extracted reports: the parser version, the source of every module
    but those in ``NOT_ROW_CODE``, and the libraries whose bytes end in the fragments (Arrow,
    zlib, Python's csv)."""
    import pyarrow

    digest = hashlib.sha256(f"{FRAGMENT_FORMAT}\n{parser_version()}\n{pyarrow.__version__}\n"
                            f"{zlib.ZLIB_RUNTIME_VERSION}\n{sys.version}\n".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        relative = path.relative_to(_PACKAGE)
        if not NOT_ROW_CODE.intersection(relative.parts):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Settings:
    """What a fragment depends on besides the reports: the settings of the build."""

    site_url: str
    place: DataPlace
    bounds: Limits


@dataclass
class AgencyTask:
    """One agency's fragment to make or find: its key, its index entries in report_id order,
    the keys under which its checks read other agencies' entries (``checks.Neighbours``),
    and what sources.csv says of its files. The entries read (``neighbours``) are attached
    only as a worker takes the task (``Neighbourhood.attached``): in a region of many
    agencies, every agency reads every other one."""

    agency_id: str
    key: str
    entries: list[IndexEntry]
    reads: list[tuple[str, str]]
    sources: dict[str, SourceInfo]
    neighbours: list[IndexEntry] = field(default_factory=list)


def _entry_line(entry: IndexEntry) -> bytes:
    return f"{entry.name}\0{entry.path}\0{entry.key}\0{entry.report_id}\n".encode("utf-8", "surrogateescape")


class Neighbourhood:
    """The index entries under each key by which corpus rules read other agencies' reports,
    with a digest of each key's entries (for the fragment keys of the agencies reading them)."""

    def __init__(self, entries: list[IndexEntry]) -> None:
        self.visible: dict[tuple[str, str], list[IndexEntry]] = {}
        for entry in sorted(entries, key=lambda e: e.report_id):
            for key in read_as_neighbour(entry.agency):
                self.visible.setdefault(key, []).append(entry)
        self._digests: dict[tuple[str, str], str] = {}

    def digest(self, key: tuple[str, str]) -> str:
        if key not in self._digests:
            self._digests[key] = hashlib.sha256(b"".join(map(_entry_line, self.visible.get(key, ())))).hexdigest()
        return self._digests[key]

    def attached(self, task: AgencyTask) -> AgencyTask:
        """The task with the other agencies' entries its checks read (their records left behind)."""
        read = {e.report_id: e for key in task.reads for e in self.visible.get(key, ())
                if e.agency.agency_id != task.agency_id}
        neighbours = [e if e.record is None else dataclasses.replace(e, record=None) for _, e in sorted(read.items())]
        return dataclasses.replace(task, neighbours=neighbours)


def _sources_of(entries: list[IndexEntry], sources: dict[str, SourceInfo]) -> dict[str, SourceInfo]:
    """The rows of sources.csv a report's rows may read (``dataset._source``: by file name or path)."""
    names = {name for e in entries for name in (Path(e.path).name, e.path)}
    return {name: sources[name] for name in sorted(names) if name in sources}


def fragment_key(entries: list[IndexEntry], read: list[str], sources: dict[str, SourceInfo],
                 settings: Settings) -> str:
    """A hash of everything a fragment is made of (see the module's docstring); ``read``: the
    digests of the other agencies' entries its checks read."""
    digest = hashlib.sha256(code_version().encode())
    bounds = dataclasses.replace(settings.bounds, time_limit=0)  # a time-limit rejection is never kept
    digest.update(repr((settings.site_url, settings.place.url, bounds)).encode())
    digest.update(b"".join(map(_entry_line, entries)) + b"\1" + "\n".join(read).encode() + b"\1")
    digest.update(repr(sorted(sources.items())).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def plan(entries: list[IndexEntry], sources: dict[str, SourceInfo],
         settings: Settings) -> tuple[list[AgencyTask], Neighbourhood]:
    """Every agency's task, in report_id order (an agency's reports are adjacent there)."""
    by_agency: dict[str, list[IndexEntry]] = {}
    for entry in sorted(entries, key=lambda e: e.report_id):
        by_agency.setdefault(entry.agency.agency_id, []).append(entry)
    hood = Neighbourhood(entries)
    tasks = []
    for agency_id, group in by_agency.items():
        reads = sorted(set().union(*(neighbour_keys(e) for e in group)))
        own = _sources_of(group, sources)
        key = fragment_key(group, [f"{rule}\0{key}\0{hood.digest((rule, key))}" for rule, key in reads], own, settings)
        tasks.append(AgencyTask(agency_id, key, group, reads, own))
    return tasks, hood


class _Attached(Collection):
    """Tasks handed to the pool with their neighbours attached one at a time, as it takes them."""

    def __init__(self, tasks: list[AgencyTask], hood: Neighbourhood) -> None:
        self.tasks, self.hood = tasks, hood

    def __len__(self) -> int:
        return len(self.tasks)

    def __iter__(self) -> Iterator[AgencyTask]:
        return map(self.hood.attached, self.tasks)

    def __contains__(self, task: object) -> bool:
        return task in self.tasks


def without_parsing_state(report: Report) -> Report:
    """Once checked, a report needs only what it extracted and the text as read:
    its normalised lines, table rows and sentences (a second copy of its text)
    are let go before its rows and files are made."""
    report.document.lines = []
    report.document.__dict__.pop("sentences", None)
    report.layout = Layout([], report.layout.regions)
    return report


# --- one agency (in a worker) ----------------------------------------------------------------


def _path(folder: str, key: str) -> Path:
    return Path(folder) / key[:2] / f"{key}.pickle"


_LOCK = ".lock"  # held shared by each build using the folder, exclusively by ``prune``


@contextlib.contextmanager
def _in_use(folder: str) -> Iterator[None]:
    """This build reads and writes the fragments folder: ``prune`` (another build's) waits."""
    try:
        os.makedirs(folder, exist_ok=True)
        handle = open(os.path.join(folder, _LOCK), "a")  # noqa: SIM115 (closed below)
    except OSError:  # a read-only cache: the fragments travel back instead, and nothing is pruned
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield


def prune(cache_root: str | None, used: Collection[str]) -> int:
    """After a successful build: delete the fragments and aggregate parts of the local cache
    that it did not use (``FragmentStats.used``), and the temporary files of killed builds;
    nothing while another build is in its checks and datasets stages. The number deleted."""
    folder = Path(cache_root or "") / "fragments"
    if not cache_root or is_url(cache_root) or not folder.is_dir():
        return 0
    try:
        handle = open(folder / _LOCK, "a")  # noqa: SIM115 (closed below)
    except OSError:  # a read-only cache
        return 0
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another build is using the folder: left for a later build
            return 0
        stale = [path for path in folder.glob("*/*") if path.name.partition(".")[0] not in used]
        for path in stale:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        return len(stale)


def _packed(value: Fragment | Encoded) -> bytes:
    """A fragment's pickle: its rows are compressed already, a table at a time (``Encoded``)."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(path: Path) -> Fragment | Encoded:
    return pickle.loads(path.read_bytes())


def _store(folder: str, key: str, fragment: Fragment | Encoded) -> bool:
    """Write a fragment (or a part) under its key (atomically); False when it cannot be kept."""
    path = _path(folder, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", suffix=".tmp", delete=False) as handle:
            handle.write(_packed(fragment))
        os.replace(handle.name, path)
    except OSError:  # a full or read-only cache: the fragment travels back instead
        with contextlib.suppress(OSError, NameError):
            os.unlink(handle.name)
        return False
    return True


@dataclass
class Made:
    """A worker's answer: the counts of report files it wrote, the digest of each table's
    rows (``Fragment.digests``), and the fragment itself when it could not be stored (or
    may not be: see ``_keepable``)."""

    agency_id: str
    written: int
    reused: int
    digests: dict[str, str | None]
    fragment: Fragment | None = None


def _keepable(fragment: Fragment) -> bool:
    """A rejection by a time limit depends on the machine's load, an internal error may be
    transient: a fragment holding one is made again next time."""
    return all(cacheable({"rejected": r.reason}) for r in fragment.rejected)


def check_agency(task: AgencyTask, reports: list[Report], bounds: Limits) -> tuple[list[Report], list[Rejected]]:
    """Every check of an agency's reports (those of ``task.entries``), cross-year ones
    included, against its own reports and the entries its checks read of other agencies:
    the reports that passed, and the rejections of those whose checks raised."""
    context = CorpusContext({(e.agency.agency_id, e.year): e for e in (*task.entries, *task.neighbours)})
    context.loaded[task.agency_id] = {(task.agency_id, e.year): r for e, r in zip(task.entries, reports, strict=True)}
    checked: list[Report] = []
    rejected: list[Rejected] = []
    for report in reports:
        problem = check_one(report, context, bounds)
        if problem is None:
            checked.append(report)
        else:
            rejected.append(problem)
    return checked, rejected


def make_fragment(task: AgencyTask, store: str | None, settings: Settings, folder: str, out_root: str,
                  previous: str | None, per_file: PerFile = read_data) -> Made:
    """One agency: its reports loaded from the extraction store, checked (cross-year checks
    with the index entries it needs), their rows encoded and files written into
    ``out_root``; the fragment stored in ``folder`` under the task's key."""
    load = report_loader(store, per_file, settings.bounds)
    checked, rejected = check_agency(task, [load(entry) for entry in task.entries], settings.bounds)
    out = OutputFolder(Path(out_root), Path(previous) if previous else None)
    fragment = agency_fragment(task.agency_id, map(without_parsing_state, checked), task.sources, settings.site_url,
                               out, settings.place)
    fragment.rejected = rejected
    kept = _keepable(fragment) and _store(folder, task.key, fragment)
    return Made(task.agency_id, out.written, out.reused, fragment.digests(), None if kept else fragment)


# --- the stage (in the main process) -------------------------------------------------------


def _part_key(digest: str) -> str:
    return hashlib.sha256(f"{code_version()}\0part\0{digest}".encode()).hexdigest()


def _kept_parts(folder: str, used: set[str], digest: str, make: Callable[[], Encoded]) -> Encoded:
    """Encoded rows of an aggregate part (``RegionalTotals.parts``), kept beside the fragments
    under a key of their digest and the code, so only the changed parts are encoded again."""
    key = _part_key(digest)
    used.add(key)
    path = _path(folder, key)
    with contextlib.suppress(OSError, ValueError, pickle.UnpicklingError, EOFError):
        return _unpacked(path)
    encoded = make()
    _store(folder, key, encoded)
    return encoded


@dataclass
class FragmentStats:
    """What the summary says of the stage: how many agencies were found and made."""

    cached: int = 0  # agencies whose fragment was found, their reports not loaded
    computed: int = 0
    badges: Counter = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)  # reports whose checks raised
    used: set[str] = field(default_factory=set)  # the keys of the fragments and parts read or made
    package: PendingPackage | None = None  # the workbook and the description, maybe still being written

    def line(self) -> str:
        return f"checks and datasets: {self.cached} agencies from the cache, {self.computed} computed"


def _report_files(report_id: str, place: DataPlace) -> list[str]:
    folder = place.report_folder(report_id)
    return [folder + name for name in REPORT_FILES.values()]


MANIFEST_FORMAT = 2


def read_manifest(output: Path) -> dict:
    """The manifest a build left in its output: ``{"agencies": {agency_id: [fragment key,
    report_ids, table digests]}, "tables": {table: digest}}``; empty when there is none of
    this format."""
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("format") == MANIFEST_FORMAT else {}


def agency_keys(output: Path) -> dict[str, str]:
    """Each agency's fragment key, as the build that made ``output`` listed them: while it is
    the same, so is everything the agency's fragment made (its reports' files and rows)."""
    agencies = read_manifest(output).get("agencies")
    if not isinstance(agencies, dict):
        return {}
    return {agency_id: entry[0] for agency_id, entry in agencies.items()
            if isinstance(entry, list) and entry and isinstance(entry[0], str)}


def table_digests(tasks: list[AgencyTask], digests: dict[str, dict[str, str | None]]) -> dict[str, str]:
    """A digest of what each report table's files are made of: the code and its rows, an
    agency's at a time in report_id order (``Fragment.digests``)."""
    out = {}
    for name in REPORT_TABLES:
        digest = hashlib.sha256(f"{code_version()}\0{name}\0".encode())
        for task in tasks:
            if part := digests[task.agency_id].get(name):
                digest.update(part.encode())
        out[name] = digest.hexdigest()
    return out


def _keep_tables(out: OutputFolder, tables: dict[str, str], last: dict[str, str]) -> set[str]:
    """The tables whose rows are as in the last build: their files (CSV and Parquet) linked
    from it, not written again."""
    kept = set()
    for name, digest in tables.items():
        if last.get(name) != digest:
            continue
        files = [f"data/{TABLE_INDEX[name].csv_name}", f"data/{name}.parquet"]
        linked = [file for file in files if out.link_previous(file)]
        if len(linked) == len(files):
            kept.add(name)
        else:  # a file of it missing from the last build: both written again
            for file in linked:
                (out.root / file).unlink()
    return kept


def _keep_aggregate(out: OutputFolder, tables: dict[str, str], last: dict[str, str], used: set[str], name: str,
                    parts: list[str]) -> bool:
    """An aggregate table (the regional totals) whose parts are as in the last build: its files
    linked from it (``_keep_tables``). Its digest is noted for the next build, and its parts'
    encoded rows stay in the cache (``used``) for when one of them changes."""
    used.update(map(_part_key, parts))
    tables[name] = hashlib.sha256("\0".join([code_version(), name, *parts]).encode()).hexdigest()
    return name in _keep_tables(out, {name: tables[name]}, last)


def _kept(task: AgencyTask, folder: str, last: dict[str, list], out: OutputFolder, place: DataPlace) -> bool:
    """Whether the agency's fragment is in the folder and its report files, made from the
    same key by the last build, are kept in this one (then nothing is made again)."""
    if not _path(folder, task.key).is_file() or last.get(task.agency_id, [None])[0] != task.key:
        return False
    return out.keep_all_previous([name for report_id in last[task.agency_id][1]
                                  for name in _report_files(report_id, place)])


def _kept_fragment(folder: str, task: AgencyTask, hood: Neighbourhood, make: Callable[..., Made],
                   stats: FragmentStats) -> Fragment:
    """A kept agency's fragment, read from the cache. One that cannot be read (a damaged cache: a
    file cut short or overwritten) is made again from the agency's reports (``make``: ``make_fragment``)
    and counted as computed; its report files, kept from the last build under the same key, are the
    same bytes and are not written again (they go to a folder thrown away)."""
    with contextlib.suppress(Exception):  # any: what a damaged file makes pickle raise varies
        return _unpacked(_path(folder, task.key))
    with tempfile.TemporaryDirectory(prefix="builder-remade-") as scratch:
        made = make(hood.attached(task), out_root=scratch, previous=None)
    stats.computed, stats.cached = stats.computed + 1, stats.cached - 1
    return made.fragment if made.fragment is not None else _unpacked(_path(folder, task.key))


@contextlib.contextmanager
def _folder(cache_root: str | None) -> Iterator[str]:
    """Where fragments are kept: beside the extraction cache when it is a local folder, else
    a temporary folder for the run."""
    if cache_root and not is_url(cache_root):
        yield str(Path(cache_root) / "fragments")
    else:
        with tempfile.TemporaryDirectory(prefix="builder-fragments-") as folder:
            yield folder


# Reports worth starting the pool for: its workers load the place names and the word list
# first (about a second), more than a few hundred reports' fragments cost on one core.
POOL_MIN_REPORTS = 256


def _next_made(made: Iterator[Made], task: AgencyTask) -> Fragment | None:
    """The next fragment made, which must be ``task``'s (None: stored in the cache, read from there)."""
    result = next(made)
    if result.agency_id != task.agency_id:
        raise BuilderError(f"datasets: the fragment of agency {result.agency_id} came for {task.agency_id}")
    return result.fragment


def _made(missing: list[AgencyTask], hood: Neighbourhood, work: Callable[..., Made], jobs: int, out: OutputFolder,
          digests: dict[str, dict[str, str | None]], progress: StageProgress | None) -> Iterator[Made]:
    """The fragments of the agencies in ``missing`` made (in the process pool when they are
    many), in that order; each one's report-file counts and table digests noted as it comes."""
    attached = _Attached(missing, hood)
    reports = {task.agency_id: len(task.entries) for task in missing}
    if jobs > 1 and sum(reports.values()) >= POOL_MIN_REPORTS:
        made = run_in_pool(work, attached, min(jobs, len(missing)), None, ordered=True)  # no parser that grows
    else:
        made = map(work, attached)
    total, done = sum(reports.values()), 0
    for result in made:
        done += reports[result.agency_id]
        if progress:
            progress(done, total)
        out.written += result.written
        out.reused += result.reused
        digests[result.agency_id] = result.digests
        yield result
    # No pool is started after this one: its fork server (the gazetteer and word list it
    # preloaded, ~150 MB) would stand idle beside the datasets, the build's peak at scale.
    stop_fork_server()


def checks_and_datasets(entries: list[IndexEntry], rejected: list[Rejected], problems: list[Rejected],
                        sources: dict[str, SourceInfo], store: str | None, options: Options, settings: Settings,
                        out: OutputFolder, timed: Callable = lambda _: contextlib.nullcontext(),
                        progress: StageProgress | None = None, workbook: WorkbookProcess | None = None) -> FragmentStats:
    """The checks and datasets stages from the extraction's index entries (reports in
    ``store``): every agency's fragment found or made, then the data package written from
    them into <out>/data. ``rejected`` (the extraction's) gains the reports whose checks
    raised, in name order, then ``problems`` (rows of sources.csv left out): the package
    lists them all. ``progress`` is told the reports whose fragments are made; ``workbook``
    writes the workbook while the build goes on (else it is written in line).

    When the last build left no table to keep (a first build), the package is written as
    the fragments come, in order, while the pool makes the next ones: the main process's
    share of the work is then done on a core that would otherwise wait. Else every fragment
    is made first, since whether a table is as last time depends on all of them."""
    stats = FragmentStats()
    tasks, hood = plan(entries, sources, settings)
    last = read_manifest(out.previous) if out.previous else {}
    last_agencies = last.get("agencies", {})
    streamed = not last.get("tables")
    # The report files of the agencies kept are linked in a thread while the others are made
    # and the package written (``OutputFolder.linking``).
    with _folder(options.cache) as folder, _in_use(folder), out.linking():
        with timed("fragments"):
            missing = [task for task in tasks if not _kept(task, folder, last_agencies, out, settings.place)]
            work = functools.partial(make_fragment, store=store, settings=settings, folder=folder,
                                     out_root=str(out.root), previous=str(out.previous) if out.previous else None,
                                     per_file=options.per_file)
            computed = {task.agency_id for task in missing}
            digests = {task.agency_id: last_agencies[task.agency_id][2] for task in tasks  # kept: as last time
                       if task.agency_id not in computed}
            made = _made(missing, hood, work, options.jobs, out, digests, progress)
            if not streamed:
                made = iter(list(made))
        stats.computed, stats.cached = len(missing), len(tasks) - len(missing)
        stats.used.update(task.key for task in tasks)
        agencies: dict[str, list] = {}
        with timed("datasets"):
            kept = set() if streamed else _keep_tables(out, table_digests(tasks, digests), last["tables"])
            previous = out.previous / "data" if out.previous else None
            with PackageWriter(out.root / "data", kept, previous) as package:
                with timed("fragments") if streamed else contextlib.nullcontext():
                    for task in tasks:
                        fragment = _next_made(made, task) if task.agency_id in computed else None
                        if fragment is None:
                            fragment = _kept_fragment(folder, task, hood, work, stats)
                        package.add(fragment)
                        agencies[task.agency_id] = [task.key, fragment.report_ids, digests[task.agency_id]]
                    if next(made, None) is not None:  # also lets the pool finish (``_made``)
                        raise BuilderError("datasets: a fragment was made for no agency")
                tables = table_digests(tasks, digests)
                stats.rejected = sorted(package.rejected, key=lambda r: r.file)
                rejected += stats.rejected + problems
                stats.package = package.finish(rejected, sources, functools.partial(_kept_parts, folder, stats.used),
                                               aside=workbook, keep=functools.partial(
                                                   _keep_aggregate, out, tables, last.get("tables", {}), stats.used))
                stats.badges = package.badges
    manifest = {"format": MANIFEST_FORMAT, "agencies": agencies, "tables": tables}
    try:
        (out.root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                                    separators=(",", ":")) + "\n", encoding="utf-8")
    except BaseException:
        stats.package.cancel()
        raise
    return stats
