"""Extraction as a stage with outputs on disk: the cache, the process pool, a Dask
cluster and fsspec paths give the same bytes, and rebuilds touch only what changed."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import random
import shutil
import tempfile
from pathlib import Path

import fsspec
import pytest

from builder import synthetic
from builder.build import build
from builder.extraction import cache as extraction_cache
from builder.extraction.cache import INDEX, SUFFIX, _pack, _unpack, report_from_record, report_record
from builder.extraction.corpus import Rejected, read_data
from builder.extraction.extract import extract_file
from builder.extraction.pipeline import Options, RunStats, extract_stage, grows_memory, list_tasks, read_corpus, read_reports

from .conftest import CORPUS, CORPUS_FILES


def quiet(_message: str) -> None:
    pass


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The bundled reports, one agency over three years (cross-year checks), a copy and a bad file."""
    folder = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, folder)
    rng = random.Random(13)
    for year in (2021, 2022, 2023):
        report = synthetic.report(rng, year=year, layout="tab", agency="宁夏回族自治区固原市隆德县教育局")
        (folder / "series" / f"longde-{year}.txt").parent.mkdir(exist_ok=True)
        (folder / "series" / f"longde-{year}.txt").write_text(report.text, encoding="utf-8")
    shutil.copy(folder / CORPUS_FILES[0], folder / "series" / "copy.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not a report")
    return folder


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def build_data(corpus: Path | str, out: Path, options: Options) -> tuple[dict[str, bytes], RunStats]:
    summary = build(corpus, out, with_site=False, say=quiet, options=options, progress=None)
    return files_of(out), summary.stats


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_a_report_survives_its_cache_record_exactly(name: str):
    report = extract_file(CORPUS / name)
    again = report_from_record(json.loads(json.dumps(report_record(report))))
    for field in dataclasses.fields(report):
        if field.name != "layout":
            assert getattr(again, field.name) == getattr(report, field.name), field.name
    assert (again.layout.lines, again.layout.regions) == (report.layout.lines, report.layout.regions)
    assert again.document.sentences == report.document.sentences
    assert again.as_json() == report.as_json()


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial") / "site"
    files, stats = build_data(corpus, out, Options(jobs=1))
    assert stats.files == 10 and stats.rejected == 1 and stats.cache_hits == 0
    return files


def test_the_pool_builds_the_same_bytes_as_a_serial_run(corpus: Path, serial: dict, tmp_path: Path):
    files, stats = build_data(corpus, tmp_path / "site", Options(jobs=2, cache=str(tmp_path / "cache"),
                                                                 recycle_after=2))
    assert stats.files == 10 and stats.extracted == 10
    assert files.keys() == serial.keys() and len(files) > 40
    for name, data in serial.items():
        assert files[name] == data, name


def fork_servers() -> list:
    import psutil

    return [child for child in psutil.Process().children() if "forkserver" in " ".join(child.cmdline())]


def test_the_pools_fork_server_is_stopped_once_the_datasets_are_written(corpus: Path, tmp_path: Path):
    """Idle through the site stage, it would hold what it preloaded (the gazetteer, ~150 MB)."""
    seen = []
    build(corpus, tmp_path / "site", with_site=False, say=lambda message: seen.append(len(fork_servers())),
          options=Options(jobs=2, cache=str(tmp_path / "cache")), progress=None)
    assert seen[-1] == 1  # running while the datasets were written
    assert fork_servers() == []


def test_dask_with_fsspec_paths_builds_the_same_bytes(corpus: Path, serial: dict, tmp_path: Path):
    """A real scheduler; the corpus and the cache behind fsspec URLs (an in-memory file
    system the in-process workers share, as object storage would be shared)."""
    from distributed import LocalCluster

    memory = fsspec.filesystem("memory")
    for path in corpus.rglob("*"):
        if path.is_file():
            memory.pipe_file(f"/corpus/{path.relative_to(corpus).as_posix()}", path.read_bytes())
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        files, stats = build_data("memory://corpus", tmp_path / "site",
                                  Options(dask=cluster.scheduler_address, cache="memory://cache"))
        # Without a cache the workers have no store to write to: whole records come back.
        uncached = read_corpus("memory://corpus", Options(dask=cluster.scheduler_address))
        # Again: the workers read each file and its entry; given the files' hashes, the index
        # (read and written through fsspec) answers them all without a worker.
        options, tasks = Options(dask=cluster.scheduler_address, cache="memory://cache"), list_tasks("memory://corpus")
        digests = {t.name: hashlib.sha256(memory.cat_file(t.url)).hexdigest() for t in tasks}
        for given, indexed in ((None, 0), (digests, 10)):
            again = RunStats()
            extract_stage(tasks, options, "memory://cache", again, digests=given)
            assert (again.cache_hits, again.indexed) == (10, indexed)
    assert stats.files == 10 and memory.find("/cache")
    local = read_corpus(corpus, Options())
    assert [r.as_json() for r in uncached.reports] == [r.as_json() for r in local.reports]
    assert uncached.rejected == local.rejected
    assert files.keys() == serial.keys()
    for name, data in serial.items():
        assert files[name] == data, name
    memory.rm("/corpus", recursive=True)
    memory.rm("/cache", recursive=True)


def test_a_cache_hit_skips_extraction_and_a_parser_version_bump_invalidates(corpus: Path, tmp_path: Path,
                                                                             monkeypatch):
    cache = str(tmp_path / "cache")
    first = RunStats()
    read_corpus(corpus, Options(cache=cache), first)
    assert (first.files, first.cache_hits, first.extracted) == (10, 0, 10)

    again = RunStats()
    cached = read_corpus(corpus, Options(cache=cache, per_file=must_not_run), again)
    assert (again.cache_hits, again.indexed, again.extracted, again.rejected) == (10, 10, 0, 1)
    assert "10 from the cache (10 by its index), 0 extracted; 1 rejected on reading" in again.lines()[0]
    fresh = read_corpus(corpus, Options())
    assert [r.as_json() for r in cached.reports] == [r.as_json() for r in fresh.reports]
    assert cached.rejected == fresh.rejected

    old_version = extraction_cache.parser_version()
    monkeypatch.setattr(extraction_cache, "PARSER_VERSION", "bumped")
    calls: list[str] = []

    def counted(data: bytes, name: str, bounds) -> object:
        calls.append(name)
        return read_data(data, name, bounds)

    bumped = RunStats()
    read_corpus(corpus, Options(cache=cache, per_file=counted), bumped)
    assert (bumped.cache_hits, bumped.indexed, bumped.extracted) == (0, 0, 10) and len(calls) == 10
    assert not (tmp_path / "cache" / "extract" / old_version).exists()  # the stale version is removed


def test_a_changed_file_is_reextracted_and_only_its_page_rewritten(corpus: Path, tmp_path: Path):
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    out = tmp_path / "site"
    build(folder, out, say=quiet, options=Options(cache=str(tmp_path / "cache")), progress=None)
    pages = {p: p.stat() for p in out.glob("reports/*/*/index.html")}
    changed, unchanged = folder / "series" / "longde-2023.txt", folder / CORPUS_FILES[3]
    report_id = extract_file(changed).report_id
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("政府信息公开", "政府信息公开工作", 1) + "\n本报告另有附件。\n", encoding="utf-8")

    summary = build(folder, out, say=quiet, options=Options(cache=str(tmp_path / "cache")), progress=None)
    assert (summary.stats.cache_hits, summary.stats.indexed, summary.stats.extracted) == (9, 9, 1)
    assert summary.files_unchanged > 0
    changed_page = out / "reports" / report_id / "index.html"
    unchanged_page = out / "reports" / extract_file(unchanged).report_id / "index.html"
    assert changed_page.stat().st_ino != pages[changed_page].st_ino
    assert "本报告另有附件" in (out / "reports" / report_id / "source.txt").read_text(encoding="utf-8")
    before, after = pages[unchanged_page], unchanged_page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not (out.parent / ".site.building").exists() and not (out.parent / ".site.previous").exists()


def must_not_run(data: bytes, name: str, bounds):
    raise AssertionError(f"{name} was extracted again")


def extracted(corpus: Path, cache: str, per_file=read_data) -> tuple[list, RunStats]:
    """The extraction stage alone (the checks would open every entry): outcomes by name and the counts."""
    stats = RunStats()
    results = extract_stage(list_tasks(corpus), Options(cache=cache, per_file=per_file), cache, stats)
    return [r.outcome for r in results], stats


def index_of(cache: str) -> Path:
    return next(Path(cache).glob(f"extract/*/{INDEX}"))


def test_a_rebuild_reads_unchanged_files_from_the_index_without_opening_their_entries(corpus: Path, tmp_path: Path):
    cache = str(tmp_path / "cache")
    first, stats = extracted(corpus, cache)
    assert (stats.cache_hits, stats.indexed) == (0, 0) and index_of(cache).exists()
    for entry in Path(cache).glob(f"extract/*/*/*{SUFFIX}"):
        entry.write_bytes(b"not an entry: one opened would be a miss")
    again, stats = extracted(corpus, cache, must_not_run)
    assert again == first and (stats.cache_hits, stats.indexed, stats.extracted) == (10, 10, 0)
    gone = next(Path(cache).glob(f"extract/*/*/*{SUFFIX}"))
    gone.unlink()  # an entry removed behind the index's back: that file is read again
    again, stats = extracted(corpus, cache)
    assert again == first and (stats.cache_hits, stats.indexed, stats.extracted) == (9, 9, 1) and gone.exists()


def test_a_corrupt_or_stale_index_is_ignored_and_the_entries_answer(corpus: Path, tmp_path: Path):
    cache = str(tmp_path / "cache")
    first, _ = extracted(corpus, cache)
    index = index_of(cache)
    good = json.loads(_unpack(index.read_bytes()))
    keys = list(good["entries"])
    swapped = {**good["entries"], keys[0]: good["entries"][keys[1]], keys[1]: good["entries"][keys[0]]}
    for broken, indexed in ((_pack(b'{"format": 1, "version"')[:-4], 0),
                            (_pack(b'{"format": 1, "version": "another", "entries": {}}'), 0),
                            (_pack(json.dumps({**good, "version": "another"}).encode()), 0),
                            (_pack(json.dumps({**good, "entries": swapped}).encode()), 8)):
        index.write_bytes(broken)
        again, stats = extracted(corpus, cache, must_not_run)
        assert again == first and (stats.cache_hits, stats.indexed) == (10, indexed)
        assert json.loads(_unpack(index.read_bytes())) == good  # written again whole


def test_a_rejection_is_cached_with_its_reason(corpus: Path, tmp_path: Path):
    cache = str(tmp_path / "cache")
    first = read_corpus(corpus, Options(cache=cache))
    second = read_corpus(corpus, Options(cache=cache))
    assert first.rejected == second.rejected
    assert Rejected("broken.txt", first.rejected[0].reason) in second.rejected


def test_without_a_cache_reports_wait_in_a_temporary_folder_removed_afterwards(corpus: Path, tmp_path: Path,
                                                                               monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with read_reports(corpus, Options(jobs=2)) as checked:
        stores = list(tmp_path.glob("builder-extracted-*"))
        assert len(stores) == 1 and len(list(stores[0].rglob(f"*{SUFFIX}"))) == 10  # one per file
        assert all(entry.record is None for entry in checked.entries)  # only the index came back
        assert len(list(checked)) == 8  # less the identical copy
    assert not stores[0].exists()


def test_check_prints_the_same_on_the_pool_and_fills_a_cache(corpus: Path, tmp_path: Path):
    from click.testing import CliRunner

    from builder.cli import cli

    serial = CliRunner().invoke(cli, ["check", str(corpus), "--jobs", "1"])
    pooled = CliRunner().invoke(cli, ["check", str(corpus), "--jobs", "2", "--cache", str(tmp_path / "cache")])
    assert serial.exit_code == pooled.exit_code == 0, pooled.output
    assert pooled.stdout == serial.stdout and serial.stdout.splitlines()[-1].startswith("8 reports: ")
    assert pooled.stderr == serial.stderr and "broken.txt" in serial.stderr
    assert list((tmp_path / "cache" / "extract").rglob(f"*{SUFFIX}"))


def test_a_build_with_nothing_changed_keeps_the_output_and_any_change_rebuilds(corpus: Path, tmp_path: Path):
    out, cache = tmp_path / "site", str(tmp_path / "cache")
    messages: list[str] = []
    first = build(corpus, out, with_site=False, say=quiet, options=Options(cache=cache), progress=None)
    before = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    again = build(corpus, out, with_site=False, say=messages.append, options=Options(cache=cache), progress=None)
    assert messages == [f"nothing changed since the last build of {out}: kept as it is"]
    assert {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()} == before
    assert again.lines()[:3] == first.lines()[:3] and again.stats.cache_hits == 10
    moved = build(corpus, out, site_url="https://example.org/", with_site=False, say=quiet,
                  options=Options(cache=cache), progress=None)
    assert "datasets" in moved.stats.stages and "https://example.org/reports/" in (out / "data" / "reports.csv").read_text(
        encoding="utf-8")


def test_an_upgraded_package_is_a_changed_build(corpus: Path, tmp_path: Path, monkeypatch):
    """A nothing-changed rebuild is skipped by the inputs' fingerprint: a package installed,
    upgraded or removed since (its metadata folder's name) changes it; the same set does not."""
    import importlib.metadata

    from builder.build import build_inputs, corpus_sources, installed_packages
    from builder.limits import Limits

    site = tmp_path / "site-packages"
    (site / "somepackage-1.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(site))
    tasks, provenance = list_tasks(corpus), corpus_sources(corpus)
    before = build_inputs(tasks, provenance, (), Limits())
    assert build_inputs(tasks, provenance, (), Limits()) == before
    (site / "somepackage-1.0.dist-info").rename(site / "somepackage-1.1.dist-info")
    assert build_inputs(tasks, provenance, (), Limits()) != before
    assert f"pyarrow-{importlib.metadata.version('pyarrow')}.dist-info" in installed_packages()


def test_the_pool_preload_imports_and_reads_a_report():
    """The fork server imports builder.extraction.warmup; an ImportError there is swallowed by
    multiprocessing and every pool worker would load the gazetteer itself."""
    import importlib

    import builder.extraction.warmup

    importlib.reload(builder.extraction.warmup)


def test_a_library_upgrade_invalidates_the_cache(monkeypatch):
    """What pdfplumber or cpca make of a file is part of the parser: a new version is a new cache."""
    import importlib.metadata

    before = extraction_cache.parser_version()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == "pdfplumber" else real(name))
    extraction_cache._source_hash.cache_clear()
    try:
        assert extraction_cache.parser_version() != before
    finally:
        monkeypatch.undo()
        extraction_cache._source_hash.cache_clear()
    assert extraction_cache.parser_version() == before


def spoiled(data: bytes, name: str, bounds):
    """The per-file function, with what strict JSON cannot hold put into some reports."""
    outcome = read_data(data, name, bounds)
    if name == CORPUS_FILES[0]:
        cell = next(iter(outcome.cells))
        outcome.cells[cell] = dataclasses.replace(outcome.cells[cell], value=float("nan"))
    elif name == CORPUS_FILES[1]:
        outcome.agency = dataclasses.replace(outcome.agency, name=outcome.agency.name + "\udc80")
    return outcome


@pytest.mark.parametrize("with_cache", [True, False])
def test_a_report_strict_json_cannot_hold_is_rejected_naming_its_file(corpus: Path, tmp_path: Path, with_cache: bool):
    cache = str(tmp_path / "cache") if with_cache else None
    stats = RunStats()
    results = extract_stage(list_tasks(corpus), Options(cache=cache, per_file=spoiled), cache, stats)
    outcomes = {r.name: r.outcome for r in results}
    for name, error in ((CORPUS_FILES[0], "ValueError: Out of range float"), (CORPUS_FILES[1], "UnicodeEncodeError")):
        assert isinstance(outcomes[name], Rejected) and outcomes[name].file == name
        assert outcomes[name].internal and error in outcomes[name].reason
    assert not isinstance(outcomes[CORPUS_FILES[2]], Rejected) and stats.rejected == 3  # and broken.txt
    if with_cache:  # not kept: the next run tries those files again
        assert len(list(Path(cache).glob(f"extract/*/*/*{SUFFIX}"))) == len(results) - 2


def read_in_worker(folder: str, data: bytes, name: str, bounds):
    """The per-file function, noting which process read the file."""
    (Path(folder) / name).write_text(str(os.getpid()))
    return read_data(data, name, bounds)


def test_only_pdf_and_docx_files_count_towards_replacing_a_pool_worker(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rng = random.Random(7)
    for i in range(6):
        (corpus / f"text-{i}.txt").write_text(synthetic.report(rng, year=2022).text, encoding="utf-8")
    for i, head in enumerate([b"%PDF-1.7", b"PK\x03\x04", b"%PDF-1.4"]):  # the bytes decide, not the name
        (corpus / f"heavy-{i}.txt").write_bytes(head + b" not a real document " * 20)
    (corpus / "named.pdf").write_text("a text file named .pdf", encoding="utf-8")
    tasks = list_tasks(corpus)
    assert [grows_memory(t) for t in tasks] == [True] * 3 + [False] + [False] * 6
    pids = tmp_path / "pids"
    pids.mkdir()
    per_file = functools.partial(read_in_worker, str(pids))
    results = extract_stage(tasks, Options(jobs=2, per_file=per_file, recycle_after=1), None, RunStats())
    assert [r.name for r in results] == [t.name for t in tasks]
    assert sum(isinstance(r.outcome, Rejected) for r in results) == 4
    by_file = {p.name: p.read_text() for p in pids.iterdir()}
    heavy = [by_file[f"heavy-{i}.txt"] for i in range(3)]
    light = {by_file[t.name] for t in tasks if t.name not in {"heavy-0.txt", "heavy-1.txt", "heavy-2.txt"}}
    assert len(set(heavy)) == 3 and len(light) <= 2 and not light & set(heavy)  # a worker per PDF; text kept its two


def test_the_fork_server_starts_early_only_when_every_file_will_be_read_on_a_pool(tmp_path):
    """A cold cache (or none) and a pool: the fork server preloads while the build hashes the
    corpus. A cache with this parser version's index, one process, a cluster or one file: not."""
    from multiprocessing import forkserver

    from builder.extraction.pipeline import start_fork_server, stop_fork_server

    cache = str(tmp_path / "cache")
    assert not start_fork_server(Options(jobs=1, cache=cache), 100)
    assert not start_fork_server(Options(jobs=2, cache=cache), 1)
    assert not start_fork_server(Options(jobs=2, cache=cache, dask="tcp://127.0.0.1:1"), 100)
    assert not start_fork_server(Options(jobs=2, cache="memory://cache"), 100)  # not asked
    stored = extraction_cache.ExtractionCache(cache)
    stored.store_index({})
    assert not start_fork_server(Options(jobs=2, cache=cache), 100)
    try:
        assert start_fork_server(Options(jobs=2, cache=str(tmp_path / "cold")), 100)
        assert forkserver._forkserver._forkserver_pid is not None  # running, preloading
        assert start_fork_server(Options(jobs=2), 100)  # no cache: every file is read; already running
    finally:
        stop_fork_server()


def test_a_rebuild_reading_a_file_of_a_known_agency_takes_its_slug_from_the_index(corpus: Path, tmp_path: Path,
                                                                                monkeypatch):
    """jieba's dictionary and pypinyin (~0.7 s to load) are needed only for a name never slugged."""
    from builder.extraction import metadata

    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    cache = str(tmp_path / "cache")
    first, _ = extracted(folder, cache)
    changed = folder / "series" / "longde-2022.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")
    monkeypatch.setattr(metadata, "_KNOWN_SLUGS", {})
    slugged = []
    monkeypatch.setattr(metadata, "slugify", lambda name, regions=(): slugged.append(name) or "made-again")
    again, stats = extracted(folder, cache)
    assert stats.extracted == 1 and not slugged
    assert [getattr(o, "agency", None) for o in again] == [getattr(o, "agency", None) for o in first]
    new = folder / "series" / "new.txt"  # an agency no earlier run read: slugged
    report = synthetic.report(random.Random(5), year=2023, layout="tab", agency="宁夏回族自治区固原市隆德县卫生健康局")
    new.write_text(report.text, encoding="utf-8")
    again, _ = extracted(folder, cache)
    made = next(o for o in again if getattr(o, "name", "") == "series/new.txt")
    assert slugged == ["隆德县卫生健康局"] and made.agency.agency_id.endswith("-made-again")


def test_a_long_stage_logs_its_progress_a_tenth_at_a_time(capsys, monkeypatch):
    """Stages after the reading (checks and datasets, rendering) say how far they are: in a log
    (not a terminal), one line per tenth of a stage of 1,000 units or more, none for a short one."""
    import builder.extraction.pipeline as pipeline

    clock = iter(range(100, 10_000))
    monkeypatch.setattr(pipeline.time, "perf_counter", lambda: next(clock))
    meter = pipeline.StderrMeter("rendering", "pages")
    steps = [*range(1, 2000, 7), 2000]
    for done in steps:
        meter(done, 2000)
    lines = capsys.readouterr().err.splitlines()
    firsts = [next(done for done in steps if done >= tenth * 200) for tenth in range(1, 11)]
    assert [line.split(" · ")[0] for line in lines] == [f"rendering {done}/2000 pages" for done in firsts]
    assert lines[-1].endswith(" pages/s")
    short = pipeline.StderrMeter("checks and datasets", "reports")
    for done in range(1, 1000):
        short(done, 999)
    assert capsys.readouterr().err == ""


def test_an_entry_of_one_phrase_repeated_is_read_back(tmp_path: Path):
    """Blind round 152 (h376): a report whose text repeats one phrase 200,000 times compressed more than a thousand
    times, and its entry, whole, was taken for one the cache did not write: read again, taken so again, and
    `builder check` stopped with a ValueError. zstd compresses a run up to 32,768 times."""
    cache = extraction_cache.ExtractionCache(str(tmp_path), "v")
    record = {"rejected": "x", "file": "a.txt", "text": "（一）" * 2_000_000}
    cache.store("cd" * 32, extraction_cache.encoded(record))
    assert cache.load("cd" * 32) == record


@pytest.mark.parametrize("damage", ["cut", "foreign", "huge size", "short"])
def test_an_entry_that_is_not_one_the_cache_wrote_whole_is_a_miss(tmp_path: Path, damage: str):
    """Cut short by a killed build, or not an entry at all: a miss (the file is read again); a
    size field claiming more than any entry holds allocates nothing."""
    cache = extraction_cache.ExtractionCache(str(tmp_path), "v")
    record = {"rejected": "x", "file": "a.txt"}
    cache.store("ab" * 32, extraction_cache.encoded(record))
    assert cache.load("ab" * 32) == record
    path = Path(cache.path("ab" * 32))
    whole = path.read_bytes()
    path.write_bytes({"cut": whole[:-3], "foreign": b"not an entry, gzip or other",
                      "huge size": (2**60).to_bytes(8, "little") + whole[8:], "short": whole[:5]}[damage])
    assert cache.load("ab" * 32) is None
