"""The build: one readable sequence of stages, corpus → reports → datasets → site.

Each stage loads its declared inputs, processes, and saves: extraction writes
one cache entry per input (``builder.extraction.cache``), the checks and the datasets make
one fragment per agency from those entries (``builder.datasets.fragments``: kept in the
cache, made again only when its inputs change) and write the data package from
the fragments, and the site stage reads only the dataset files. The build
writes into a staging folder beside ``--out`` and swaps it in at the end, so a
failed or killed build leaves the previous output as it was (``builder.publish``);
unchanged files are linked from the previous output, so they stay the same files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .checks import BADGES
from .datasets.fragments import FragmentStats, Settings, checks_and_datasets, prune
from .datasets.outputs import ON_THE_SITE, DataPlace, OutputFolder
from .datasets.package import PendingPackage, WorkbookProcess
from .errors import BuilderError, printable
from .extraction.cache import check_location, content_digest
from .extraction.corpus import INTERNAL, CheckedReports, Rejected
from .extraction.pipeline import (
    Options,
    RunStats,
    StageProgress,
    StderrMeter,
    Stopwatch,
    is_url,
    list_tasks,
    read_reports,
    start_fork_server,
    stderr_progress,
    task_bytes,
)
from .memory import collecting_less, release_memory
from .publish import (
    MARKER,
    check_output,
    claim_spare,
    publish,
    remove_empty_folders,
    remove_stale_staging,
    staging_path,
)
from .reading.sources import NAME as SOURCES_NAME
from .reading.sources import read_sources, without_unlisted


@dataclass
class BuildSummary:
    reports: int
    rejected: list[tuple[str, str]]
    badges: Counter
    data_dir: Path
    site_dir: Path | None
    stats: RunStats = field(default_factory=RunStats)
    files_unchanged: int = 0  # output files linked unchanged from the previous build
    files_written: int = 0
    fragments: FragmentStats | None = None

    def lines(self) -> list[str]:
        internal = sum(1 for _, reason in self.rejected if reason.startswith(INTERNAL))
        rows = sum(1 for file, _ in self.rejected if file.startswith(SOURCES_NAME))  # (sources.csv, line 7)
        out = [f"read {self.reports} reports; {len(self.rejected) - internal - rows} files could not be read"
               + (f"; {rows} rows of {SOURCES_NAME} left out" if rows else "")
               + (f"; {internal} internal errors (bugs of this tool, please report them)" if internal else "")]
        out += [f"  could not read {printable(file)}: {printable(reason)}" for file, reason in self.rejected
                if not reason.startswith(INTERNAL)]
        out += [f"  INTERNAL ERROR on {printable(file)}: {printable(reason)}" for file, reason in self.rejected
                if reason.startswith(INTERNAL)]
        out.append("badges: " + " · ".join(f"{b} {self.badges[b]}" for b in BADGES))
        out += self.stats.lines()
        if self.fragments is not None:
            out.append(self.fragments.line())
        out.append(f"report files and pages: {self.files_written} written, "
                   f"{self.files_unchanged} unchanged since the last build")
        out.append(f"datasets: {self.data_dir}")
        if self.site_dir is not None:
            out.append(f"site: {self.site_dir}")
        return out


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def default_cache(out: Path) -> str:
    """The extraction cache beside the output folder: <out>.cache."""
    return str(out.with_name(out.name + ".cache"))


def corpus_sources(corpus_dir: Path | str):
    """sources.csv of a local corpus or one behind an fsspec URL (fetched into a temporary
    folder): the sources, and the rows left out with their reasons."""
    if not is_url(corpus_dir):
        return read_sources(Path(corpus_dir))
    import fsspec

    fs, root = fsspec.core.url_to_fs(str(corpus_dir))
    with tempfile.TemporaryDirectory() as tmp:
        if fs.exists(f"{root.rstrip('/')}/sources.csv"):
            fs.get_file(f"{root.rstrip('/')}/sources.csv", f"{tmp}/sources.csv")
        return read_sources(Path(tmp))


@contextlib.contextmanager
def _run_store(options: Options) -> Iterator[Options]:
    """The options the stages run with: without a cache (or a cluster), the extracted
    reports and the fragments wait in a temporary folder used as the run's cache."""
    if options.cache or options.dask:
        yield options
    else:
        with tempfile.TemporaryDirectory(prefix="builder-run-") as folder:
            yield dataclasses.replace(options, cache=folder)


def stage_checks_and_datasets(checked: CheckedReports, provenance: tuple, out: OutputFolder, site_url: str,
                              place: DataPlace, options: Options, timed: Stopwatch,
                              progress: StageProgress | None = None,
                              workbook: WorkbookProcess | None = None) -> FragmentStats:
    """The cross-year checks and the data package into <out>/data, each report's own files
    beside its page (or under data/ when ``place`` publishes the bulk data elsewhere), an
    agency's fragment at a time (``builder.datasets.fragments``). Rows of sources.csv left out
    (``provenance``: sources and problems) are listed with the rejected files. ``workbook``:
    the process that writes the workbook (None: written in line)."""
    sources, problems = provenance
    settings = Settings(site_url, place, options.bounds)
    return checks_and_datasets(checked.entries, checked.rejected, [Rejected(p.where, p.reason) for p in problems],
                               sources, options.cache, options, settings, out, timed, progress, workbook)


def stage_site(data_dir: Path, out: OutputFolder, site_url: str, say: Callable[[str], None],
               repo_url: str = "", place: DataPlace = ON_THE_SITE, jobs: int | None = None,
               progress: StageProgress | None = None, package: PendingPackage | None = None) -> dict:
    """The pages, rendered from the data package (``jobs`` processes; None: one per core).
    ``package``: the package's description still to be written (``PendingPackage``)."""
    from .site.build import build_site

    return build_site(data_dir, out.root, site_url, say, repo_url=repo_url, previous=out.previous, place=place,
                      jobs=jobs, progress=progress, package=package)


PROJECT = Path(__file__).resolve().parent.parent
# Everything besides the corpus that a build's output depends on: the code, the
# templates, the hand-written pages and the mkdocs configuration.
BUILD_CODE = ("builder", "docs", "mkdocs.yml")


def build_inputs(tasks: list, provenance: tuple, settings: tuple, bounds, digests: dict | None = None) -> str:
    """A fingerprint of every input of a build: each corpus file's bytes, sources.csv,
    the code, the installed packages' versions and the settings. Each file's SHA-256 is
    put in ``digests`` by name, so that extraction need not hash it again."""
    digest = hashlib.sha256()
    digests = {} if digests is None else digests
    for task in tasks:
        try:
            content = task.problem or content_digest(task_bytes(task, bounds))
            if not task.problem:
                digests[task.name] = content
        except BuilderError as e:  # unreadable now: its reason is part of the inputs
            content = str(e)
        digest.update(f"{task.name}\0{content}\n".encode())
    sources, problems = provenance
    digest.update(repr((sorted((k, repr(v)) for k, v in sources.items()), problems)).encode())
    for name in BUILD_CODE:
        root = PROJECT / name
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(PROJECT).as_posix().encode() + b"\0" + path.read_bytes())
    packages = installed_packages()
    digest.update("\n".join([*map(str, settings), os.environ.get("SOURCE_DATE_EPOCH", ""), *packages]).encode())
    return digest.hexdigest()


def installed_packages() -> list[str]:
    """Every installed distribution's metadata folder, whose name holds its name and version
    (``numpy-2.1.0.dist-info``): what is installed, found without reading a file. Reading each
    one's METADATA (``importlib.metadata``) cost 0.1 s, a third of a rebuild with nothing changed."""
    found = set()
    for entry in sys.path:
        with contextlib.suppress(OSError), os.scandir(entry or ".") as folder:
            found.update(item.name for item in folder if item.name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def _unchanged_build(record: Path, fingerprint: str, out: Path) -> BuildSummary | None:
    """The last build's summary, when its inputs were these and its output is still in place."""
    try:
        last = json.loads(record.read_text(encoding="utf-8"))
        if last.get("inputs") != fingerprint or last.get("out") != str(out.resolve()) or not (out / MARKER).exists():
            return None
        stats = RunStats(files=last["files"], cache_hits=last["files"], rejected=len(last["rejected"]))
        return BuildSummary(last["reports"], [tuple(r) for r in last["rejected"]], Counter(last["badges"]),
                            out / "data", out if last["with_site"] else None, stats, last["output_files"], 0)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # none, or damaged: the build is made
        return None


def _remember_build(record: Path, fingerprint: str, out: Path, summary: BuildSummary) -> None:
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({
        "inputs": fingerprint, "out": str(out.resolve()), "files": summary.stats.files, "reports": summary.reports,
        "rejected": summary.rejected, "badges": dict(summary.badges), "with_site": summary.site_dir is not None,
        "output_files": summary.files_written + summary.files_unchanged}, ensure_ascii=False), encoding="utf-8")


def build(corpus_dir: Path | str, out: Path, site_url: str = "", with_site: bool = True,
          say: Callable[[str], None] = _say, options: Options | None = None,
          progress: Callable | None = stderr_progress, repo_url: str = "", data_url: str = "") -> BuildSummary:
    """Build the datasets into <out>/data and the site into <out>. With a cache,
    a build whose inputs are all as last time keeps the last output as it is.
    With ``data_url``, every bulk file is under <out>/data/ and the pages link
    there: <out> without data/ is the site, data/ is published at the URL. ``progress``
    is told of the reading; the later stages' progress goes to stderr, unless it is None."""
    options = options or Options(cache=default_cache(out))
    place = DataPlace(data_url)

    def meter(stage: str, unit: str) -> StageProgress | None:
        return StderrMeter(stage, unit) if progress is not None else None

    tasks = list_tasks(corpus_dir)  # fail early on an unusable corpus or cache, before any writing
    if options.cache:
        check_location(options.cache)
    check_output(out)
    start_fork_server(options, len(tasks))
    record = Path(options.cache) / "last-build.json" if options.cache and not is_url(options.cache) else None
    settings = (site_url, with_site, repo_url, place.url, options.bounds)
    # read once: it is an input of the fingerprint and the datasets
    provenance = without_unlisted(corpus_sources(corpus_dir), {task.name for task in tasks})
    digests: dict[str, str] = {}
    fingerprint = build_inputs(tasks, provenance, settings, options.bounds, digests) if record else ""
    if record and (unchanged := _unchanged_build(record, fingerprint, out)) is not None:
        say(f"nothing changed since the last build of {out}: kept as it is")
        return unchanged
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    staging = staging_path(out)
    staged = claim_spare(out, staging)
    fragments = workbook = None
    try:
        # With more than one core, the workbook is written by a process of its own, started now: its
        # imports are done by the time the package's tables are.
        workbook = WorkbookProcess() if options.jobs > 1 else None
        folder = OutputFolder(staging, out if (out / MARKER).exists() else None)
        stats = RunStats()
        timed = Stopwatch(stats)
        say(f"reading reports from {corpus_dir}")
        with _run_store(options) as run_options, read_reports(corpus_dir, run_options, stats, progress, digests) as checked:
            say(f"writing datasets to {out / 'data'}")
            staged.ready()  # the first files are written from here on
            (staging / MARKER).write_text("built by `python -m builder build`; the whole folder is replaced on every "
                                          "build\n")
            with collecting_less():  # the files are read: no PDF from here on
                fragments = stage_checks_and_datasets(checked, provenance, folder, site_url, place, run_options,
                                                      timed, meter("checks and datasets", "reports"), workbook)
            rejected = [(r.file, r.reason) for r in checked.rejected]
        # The index of every report (tens of MB at national scale) is not what the site reads: let
        # it go before that stage, whose peak is the build's at scale, reuses the memory.
        del checked, tasks, digests
        release_memory()
        if with_site:
            say(f"rendering the site into {out}")
            with timed("site"), collecting_less():
                site = stage_site(folder.root / "data", folder, site_url, say, repo_url, place, options.jobs,
                                  meter("rendering", "pages"), fragments.package)
            folder.written += site["written"]
            folder.reused += site["unchanged"]
        fragments.package.complete()
        if staged.spare:
            remove_empty_folders(staging)
        publish(staging, out)
    finally:
        if workbook is not None:
            workbook.stop()  # done, unless the build failed before the workbook was written
        with contextlib.suppress(BuilderError):
            staged.ready()  # not removing files beside the removal below
        shutil.rmtree(staging, ignore_errors=True)
    prune(run_options.cache, fragments.used)  # after success only: the last output's fragments until then
    summary = BuildSummary(fragments.badges.total(), rejected, fragments.badges,
                           out / "data", out if with_site else None, stats, folder.reused, folder.written, fragments)
    if record:
        _remember_build(record, fingerprint, out, summary)
    return summary
