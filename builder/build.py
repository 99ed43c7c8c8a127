"""The build: one readable sequence of stages, corpus → reports → datasets → site.

Each stage loads its declared inputs, processes, and saves: extraction writes
one cache entry per input (``builder.cache``), the datasets are written from the
checked reports, and the site stage reads only the dataset files. The build
writes into a new folder beside ``--out`` and swaps it in at the end, so the
previous output stays intact meanwhile and unchanged files are linked from it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import BADGES
from .corpus import Corpus
from .dataset import build_rows, read_sources, write_package, write_report_files
from .errors import BuilderError
from .outputs import OutputFolder
from .pipeline import Options, RunStats, Stopwatch, is_url, list_tasks, read_corpus, stderr_progress


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

    def lines(self) -> list[str]:
        out = [f"read {self.reports} reports; {len(self.rejected)} files could not be read"]
        out += [f"  could not read {file}: {reason}" for file, reason in self.rejected]
        out.append("badges: " + " · ".join(f"{b} {self.badges[b]}" for b in BADGES))
        out += self.stats.lines()
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


def corpus_sources(corpus_dir: Path | str) -> dict:
    """sources.csv of a local corpus or one behind an fsspec URL (fetched into a temporary folder)."""
    if not is_url(corpus_dir):
        return read_sources(Path(corpus_dir))
    import fsspec

    fs, root = fsspec.core.url_to_fs(str(corpus_dir))
    with tempfile.TemporaryDirectory() as tmp:
        if fs.exists(f"{root.rstrip('/')}/sources.csv"):
            fs.get_file(f"{root.rstrip('/')}/sources.csv", f"{tmp}/sources.csv")
        return read_sources(Path(tmp))


def stage_datasets(corpus: Corpus, corpus_dir: Path | str, out: OutputFolder, site_url: str) -> None:
    """The data package into <out>/data, each report's own files beside its page."""
    data = build_rows(corpus, corpus_sources(corpus_dir), site_url)
    write_package(data, out.root / "data")
    write_report_files(data, out)


def stage_site(data_dir: Path, out: OutputFolder, site_url: str, say: Callable[[str], None]) -> dict:
    from .site import build_site

    return build_site(data_dir, out.root, site_url, say, previous=out.previous)


MARKER = ".built-by-gov-reports"


def check_output(out: Path) -> None:
    """Never replace a folder this tool did not make."""
    if out.exists():
        if not out.is_dir():
            raise BuilderError(f"{out}: not a folder")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise BuilderError(f"{out}: refusing to overwrite a folder this tool did not build; choose another --out")


def staging_folder(out: Path) -> Path:
    """An empty folder beside <out> to build into."""
    staging = out.with_name(f".{out.name}.building")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text("built by `python -m builder build`; the whole folder is replaced on every build\n")
    return staging


def swap_in(staging: Path, out: Path) -> None:
    """Replace <out> by the finished build (two renames; the old folder is removed after)."""
    retired = out.with_name(f".{out.name}.previous")
    if retired.exists():
        shutil.rmtree(retired)
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    if retired.exists():
        shutil.rmtree(retired)


def build(corpus_dir: Path | str, out: Path, site_url: str = "", with_site: bool = True,
          say: Callable[[str], None] = _say, options: Options | None = None,
          progress: Callable | None = stderr_progress) -> BuildSummary:
    """Build the datasets into <out>/data and the site into <out>."""
    options = options or Options(cache=default_cache(out))
    list_tasks(corpus_dir)  # fail early on an unusable corpus, before touching <out>
    check_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = OutputFolder(staging_folder(out), out if (out / MARKER).exists() else None)
    stats = RunStats()
    timed = Stopwatch(stats)
    say(f"reading reports from {corpus_dir}")
    corpus = read_corpus(corpus_dir, options, stats, progress)
    say(f"writing datasets to {out / 'data'}")
    with timed("datasets"):
        stage_datasets(corpus, corpus_dir, folder, site_url)
    if with_site:
        say(f"rendering the site into {out}")
        with timed("site"):
            site = stage_site(folder.root / "data", folder, site_url, say)
        folder.written += site["written"]
        folder.reused += site["unchanged"]
    swap_in(folder.root, out)
    return BuildSummary(len(corpus.reports), [(r.file, r.reason) for r in corpus.rejected],
                        Counter(r.badge for r in corpus.reports), out / "data", out if with_site else None,
                        stats, folder.reused, folder.written)
