"""The checks and datasets stages per agency fragment: a rebuild makes again only the
fragments whose key changed (the changed file's agency and the agencies whose corpus
checks read it), never loads the other agencies' reports, and writes the same bytes
as a full build."""

from __future__ import annotations

import copy
import csv
import gzip
import json
import shutil
import zlib
from pathlib import Path

import pytest

from builder.build import build
from builder.datasets import fragments
from builder.extraction.pipeline import Options
from builder.synthetic_corpus import write_corpus

EPOCH = "1700000000"


def quiet(_message: str) -> None:
    pass


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fragments") / "corpus"
    write_corpus(folder, range(2021, 2024), provinces=1, bodies=3, seed=5)
    return folder


@pytest.fixture
def work(corpus: Path, tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    shutil.copytree(corpus, tmp_path / "corpus")
    return tmp_path / "corpus"


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def run(corpus: Path, out: Path, cache: Path | None, jobs: int = 1):
    return build(corpus, out, with_site=False, say=quiet, progress=None,
                 options=Options(jobs=jobs, cache=str(cache) if cache else None))


def fragment_files(cache: Path) -> list[str]:
    """The keys of the fragments (and aggregate parts) in the cache."""
    return [path.name.partition(".")[0] for path in (cache / "fragments").glob("*/*")]


def reports_table(out: Path) -> list[dict]:
    with (out / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# A sentence saying that a report's figures are its region's subordinates' summed: the aggregate rule
# reads the other agencies' reports under its 行政区划代码 for a report that says so, and for no other.
AGGREGATES = "\n本报告根据全县各部门政府信息公开工作年度报告汇总编制。\n"


def readers_of(agency: dict, rows: list[dict], aggregating: set[str]) -> set[str]:
    """The agency and those whose aggregate check reads its reports (checks.Neighbours of the
    rule): the ``aggregating`` agencies (a report of theirs says so) in its region."""
    keys = {agency["adcode"], agency["agency_id"].partition("-")[0]}
    return {agency["agency_id"]} | {r["agency_id"] for r in rows if r["agency_id"] in aggregating
                                    and r["adcode"] not in ("", "000000") and r["adcode"] in keys}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_one_file_change_makes_its_agency_and_its_readers_again_and_the_same_bytes(work: Path, tmp_path: Path,
                                                                                   monkeypatch):
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = run(work, out, cache)
    rows = reports_table(out)
    agencies = {r["agency_id"] for r in rows}
    assert first.fragments.computed == len(agencies) > 3 and first.fragments.cached == 0
    # One agency of a region of three or more says that its report sums the region's: only its
    # fragment is made again (no other agency read it, and it read none before).
    region = next(code for code in sorted({r["adcode"] for r in rows})
                  if len({r["agency_id"] for r in rows if r["adcode"] == code}) >= 3)
    reader = next(r for r in rows if r["adcode"] == region)
    append(work / reader["source_file"], AGGREGATES)
    assert run(work, out, cache).fragments.line() == (f"checks and datasets: {len(agencies) - 1} agencies from the "
                                                      "cache, 1 computed")
    # A file of another agency of that region: its agency and the reader are made again, not the
    # region's other agencies, which read nothing of it.
    changed = next(r for r in rows if r["adcode"] == region and r["agency_id"] != reader["agency_id"])
    expected = readers_of(changed, rows, {reader["agency_id"]})
    assert expected == {changed["agency_id"], reader["agency_id"]}
    untouched = next(r for r in rows if r["adcode"] == region and r["agency_id"] not in expected)
    untouched_json = out / "reports" / untouched["report_id"] / "report.json"
    inode = untouched_json.stat().st_ino
    tables = ("cells.csv.gz", "cells.parquet", "table3.csv", "reports.csv", "reports.parquet",
              "regional_totals.csv.gz", "regional_totals.parquet")
    inodes = {name: (out / "data" / name).stat().st_ino for name in tables}
    stored = set(fragment_files(cache))
    append(work / changed["source_file"], "\n本报告如有疑问，请与本机关办公室联系。\n")

    loaded: list[str] = []
    real = fragments.report_loader

    def spying(store, *args):
        load = real(store, *args)
        return lambda entry: (loaded.append(entry.agency.agency_id), load(entry))[1]

    monkeypatch.setattr(fragments, "report_loader", spying)
    second = run(work, out, cache)
    assert set(loaded) == expected
    assert (second.fragments.computed, second.fragments.cached) == (len(expected), len(agencies) - len(expected))
    assert second.fragments.line() == (f"checks and datasets: {len(agencies) - len(expected)} agencies from the "
                                       f"cache, {len(expected)} computed")
    assert untouched_json.stat().st_ino == inode  # linked from the previous output, not made again
    # A sentence added to the prose: the tables of cells, and the regional totals made of them,
    # are linked from the last build; the reports table (its file's hash) is written again.
    assert {name for name in tables if (out / "data" / name).stat().st_ino == inodes[name]} == {
        "cells.csv.gz", "cells.parquet", "table3.csv", "regional_totals.csv.gz", "regional_totals.parquet"}
    # The fragments of the changed agencies' old keys are gone; those of this build are all there.
    assert set(fragment_files(cache)) == second.fragments.used
    assert len(stored - second.fragments.used) == len(expected)

    full = tmp_path / "full"
    monkeypatch.setattr(fragments, "POOL_MIN_REPORTS", 1)  # the pool, even for a corpus this small
    assert run(work, full, None, jobs=2).fragments.cached == 0
    rebuilt, whole = files_of(out), files_of(full)
    assert rebuilt.keys() == whole.keys()
    for name, data in whole.items():
        assert rebuilt[name] == data, name

    # The cache without the previous output: the report files cannot be linked, so every fragment is made again.
    shutil.rmtree(out)
    loaded.clear()
    assert run(work, out, cache).fragments.cached == 0 and set(loaded) == agencies
    assert files_of(out) == whole


def test_a_report_file_gone_from_the_last_output_is_made_again_with_its_agency(work: Path, tmp_path: Path,
                                                                             monkeypatch):
    """An unchanged agency's fragment is found, but one of its report files was deleted from the
    last output: its files are made again (its reports loaded), the others' linked, and the
    output is the same bytes as a full build."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    run(work, out, cache)
    rows = reports_table(out)
    agencies = {r["agency_id"] for r in rows}
    damaged, linked = rows[0], next(r for r in rows if r["agency_id"] != rows[0]["agency_id"])
    (out / "reports" / damaged["report_id"] / "source.txt").unlink()
    inode = (out / "reports" / linked["report_id"] / "report.json").stat().st_ino
    (cache / "last-build.json").unlink()  # its inputs are as last time: the build would keep the output whole

    loaded: list[str] = []
    real = fragments.report_loader
    monkeypatch.setattr(fragments, "report_loader",
                        lambda store, *args: (lambda entry: (loaded.append(entry.agency.agency_id),
                                                             real(store, *args)(entry))[1]))
    again = run(work, out, cache)
    assert set(loaded) == {damaged["agency_id"]}
    assert (again.fragments.computed, again.fragments.cached) == (1, len(agencies) - 1)
    assert (out / "reports" / linked["report_id"] / "report.json").stat().st_ino == inode
    assert files_of(out) == files_of_full(work, tmp_path / "full")


def test_regional_totals_are_written_again_when_a_part_changed(work: Path, tmp_path: Path):
    """A report gone: the regional totals of its province and year change, so their files are
    written again (the other tables of the package too), the same bytes as a full build."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    run(work, out, cache)
    names = ("regional_totals.csv.gz", "regional_totals.parquet")
    inodes = {name: (out / "data" / name).stat().st_ino for name in names}
    (work / reports_table(out)[0]["source_file"]).unlink()
    run(work, out, cache)
    assert all((out / "data" / name).stat().st_ino != inodes[name] for name in names)
    assert files_of(out) == files_of_full(work, tmp_path / "full")


def files_of_full(corpus: Path, out: Path) -> dict[str, bytes]:
    run(corpus, out, None)
    return files_of(out)


def test_the_code_version_and_sources_csv_are_in_the_key(work: Path, tmp_path: Path, monkeypatch):
    out, cache = tmp_path / "site", tmp_path / "cache"
    run(work, out, cache)
    rows = reports_table(out)
    agencies = {r["agency_id"] for r in rows}

    described = rows[0]
    (work / "sources.csv").write_text("file,url,retrieved,archive,listing_url,note\n"
                                      f"{described['source_file']},https://www.example.gov.cn/1.html,2024-03-01,,,\n",
                                      encoding="utf-8")
    again = run(work, out, cache)
    assert (again.fragments.computed, again.fragments.cached) == (1, len(agencies) - 1)
    urls = {r["report_id"]: r["source_url"] for r in reports_table(out)}
    assert urls[described["report_id"]] == "https://www.example.gov.cn/1.html"
    assert sum(1 for url in urls.values() if url) == 1

    monkeypatch.setattr(fragments, "code_version", lambda: "another version of the code")
    (cache / "last-build.json").unlink()  # the build's own fingerprint does not see the patched version
    assert run(work, out, cache).fragments.computed == len(agencies)


def test_fragments_in_use_by_another_build_are_not_pruned(work: Path, tmp_path: Path):
    """While another build holds the fragments folder (its checks and datasets stages), a
    finished build deletes nothing there; once it is free, what the build did not use goes."""
    import fcntl

    out, cache = tmp_path / "site", tmp_path / "cache"
    used = run(work, out, cache).fragments.used
    stale = cache / "fragments" / "ab" / ("ab" + "0" * 62 + ".pickle")
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"a fragment of another key")
    with (cache / "fragments" / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)  # another build, in its fragments stage
        assert fragments.prune(str(cache), used) == 0 and stale.exists()
    assert fragments.prune(str(cache), used) == 1 and not stale.exists()
    assert set(fragment_files(cache)) == used
    assert fragments.prune(None, used) == 0


def test_a_cache_without_a_lock_still_builds_and_prunes_nothing(work: Path, tmp_path: Path, monkeypatch):
    """Where the lock file cannot be made (a read-only cache), the build goes on unlocked and
    nothing is deleted."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    monkeypatch.setattr(fragments, "_LOCK", "no-such-folder/.lock")
    assert run(work, out, cache).fragments.computed > 0
    kept = set(fragment_files(cache))
    assert fragments.prune(str(cache), set()) == 0 and set(fragment_files(cache)) == kept


def gzip_members(data: bytes) -> int:
    count = 0
    while data:
        stream = zlib.decompressobj(wbits=31)
        stream.decompress(data)
        data, count = stream.unused_data, count + 1
    return count


def test_a_long_table_of_gzip_members_reads_in_pandas_and_duckdb(work: Path, tmp_path: Path):
    import duckdb
    import pandas
    import pyarrow.parquet as pq

    out = tmp_path / "site"
    run(work, out, None)
    path = out / "data" / "cells.csv.gz"
    assert gzip_members(path.read_bytes()) > 2  # the header, then a member per agency
    expected = pq.read_table(out / "data" / "cells.parquet")
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for _ in csv.reader(handle)) == expected.num_rows + 1
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == expected.column_names and len(frame) == expected.num_rows
    assert list(frame["report_id"]) == expected.column("report_id").to_pylist()
    counted = duckdb.sql(f"select count(*), count(distinct report_id) from read_csv('{path}', header=true)").fetchall()
    assert counted[0] == (expected.num_rows, len(set(expected.column("report_id").to_pylist())))


def test_an_agency_checked_with_its_neighbours_only_is_checked_as_in_the_whole_corpus():
    """The aggregate rule reads other agencies' reports under the same 行政区划代码: an agency's
    task carries exactly those (declared by the rule's ``Neighbours``), and its checks give
    what checking the whole corpus at once gives."""
    from builder import limits
    from builder.extraction.corpus import IndexEntry

    from .checkhelpers import make_report, small_values
    from .test_aggregate_rule import AGGREGATED, corpus, results

    government, bureaus = corpus()  # checked together (checks.check_corpus)
    whole = [government, *bureaus, make_report(small_values(), year=2022, agency="宁夏回族自治区银川市兴庆区教育局")]
    apart = copy.deepcopy(whole)  # checked again below, an agency at a time
    entries = [IndexEntry.of(r, f"{i}.txt", f"key{i}") for i, r in enumerate(apart)]
    settings = fragments.Settings("", fragments.DataPlace(), limits.DEFAULT)
    tasks, hood = fragments.plan(entries, {}, settings)
    task = next(t for t in tasks if t.agency_id == government.agency.agency_id)
    attached = hood.attached(task)
    assert AGGREGATED in whole[0].document.text
    assert {e.report_id for e in attached.neighbours} == {b.report_id for b in bureaus}  # not the other county's
    checked, rejected = fragments.check_agency(attached, [apart[0]], limits.DEFAULT)
    assert rejected == [] and checked == [apart[0]]
    assert results(apart[0]) == results(government) and len(results(government)) > 2
    # A bureau's report says nothing of aggregating: its task reads no other agency, and its
    # checks are still the whole corpus's.
    assert [e.reads for e in entries[:3]] == [("agg.subordinate_sum",), (), ()]
    task = next(t for t in tasks if t.agency_id == bureaus[0].agency.agency_id)
    assert task.reads == [] and hood.attached(task).neighbours == []
    checked, rejected = fragments.check_agency(hood.attached(task), [apart[1]], limits.DEFAULT)
    assert rejected == [] and results(apart[1]) == results(bureaus[0])


def test_an_index_line_keeps_what_its_report_reads_of_other_agencies():
    """The index of the extraction cache keeps each entry's ``reads`` (the rules that read other
    agencies' reports for it): a rebuild plans the fragments from the index without loading a report."""
    from builder.extraction.cache import index_line, outcome_of_line
    from builder.extraction.corpus import IndexEntry

    from .test_aggregate_rule import corpus

    government, bureaus = corpus()
    for report, reads in ((government, ("agg.subordinate_sum",)), (bureaus[0], ())):
        entry = IndexEntry.of(report, "a.txt", "key", url="a.txt")
        line = json.loads(json.dumps(index_line(entry)))
        again = outcome_of_line(line, "key", "a.txt", entry.sha256, "a.txt")
        assert again == entry and again.reads == reads
        assert outcome_of_line([*line[:-1], "agg.subordinate_sum"], "key", "a.txt", entry.sha256, "a.txt") is None


def test_a_damaged_fragment_in_the_cache_is_made_again(work: Path, tmp_path: Path):
    """A fragment file cut short or overwritten (a cache copied in part, a disk error) is made
    again from its agency's reports, counted as computed, and the output is a full build's."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = run(work, out, cache)
    agencies = first.fragments.computed
    keys = sorted(key for key, _reports, _digests in json.loads((out / fragments.MANIFEST).read_text())["agencies"].values())
    damaged = [next((cache / "fragments").glob(f"*/{key}.*")) for key in keys[:2]]
    damaged[0].write_bytes(damaged[0].read_bytes()[:10])
    damaged[1].write_bytes(b"not a pickle")
    (cache / "last-build.json").unlink()  # a build with every input as last time keeps the output unread
    second = run(work, out, cache)
    assert (second.fragments.computed, second.fragments.cached) == (2, agencies - 2)
    assert run(work, tmp_path / "full", None).fragments.cached == 0
    assert files_of(out) == files_of(tmp_path / "full")
    (cache / "last-build.json").unlink()
    assert run(work, out, cache).fragments.line() == f"checks and datasets: {agencies} agencies from the cache, 0 computed"


@pytest.mark.parametrize("damage", ["a list", "a key missing"])
def test_a_damaged_record_of_the_last_build_makes_the_build_again(work: Path, tmp_path: Path, damage: str):
    """The record by which a build with every input as last time keeps the output (last-build.json):
    when it is not what a build writes, the build is made (from the cache), not stopped."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    agencies = run(work, out, cache).fragments.computed
    record = cache / "last-build.json"
    last = json.loads(record.read_text(encoding="utf-8"))
    del last["files"]
    record.write_text("[1, 2]" if damage == "a list" else json.dumps(last), encoding="utf-8")
    assert run(work, out, cache).fragments.line() == f"checks and datasets: {agencies} agencies from the cache, 0 computed"


@pytest.mark.parametrize("damage", ["cut short", "removed"])
def test_a_damaged_extracted_report_is_read_again_from_its_file(work: Path, tmp_path: Path, damage: str,
                                                               monkeypatch):
    """An unchanged file is answered by the extraction cache's index without opening its entry; when
    its agency is made again and the entry cannot be read, the file is read again (and its entry
    stored again): the output is that of a build from scratch."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    run(work, out, cache)
    entries = [p for p in (cache / "extract").glob("*/*/*") if not p.name.startswith("index")]
    for entry in entries:
        if damage == "removed":
            entry.unlink()
        else:
            entry.write_bytes(entry.read_bytes()[:12])
    rows = reports_table(out)
    changed = next(r for r in rows if sum(o["agency_id"] == r["agency_id"] for o in rows) > 1)
    path = work / changed["source_file"]
    path.write_text(path.read_text(encoding="utf-8") + "\n本报告另有附件。\n", encoding="utf-8")
    if damage == "removed":  # after the extraction stage listed them (else it reads their files itself)
        from builder.extraction.cache import ExtractionCache

        present = {p.name.removesuffix(".json.zst") for p in entries}
        monkeypatch.setattr(ExtractionCache, "stored_keys", lambda self: present)
    summary = run(work, out, cache)
    assert summary.stats.indexed == len(rows) - 1
    fresh = tmp_path / "fresh"
    run(work, fresh, None)
    assert files_of(out) == files_of(fresh)
    # Stored again: the entries of the reports of the agencies made again (the changed one's included).
    whole = [p for p in (cache / "extract").glob("*/*/*") if not p.name.startswith("index") and p.stat().st_size > 12]
    assert len(whole) >= sum(r["agency_id"] == changed["agency_id"] for r in rows)


def test_a_damaged_extracted_report_of_a_changed_file_stops_the_build_with_its_name(tmp_path: Path):
    """When the file changed since the extraction stage read it, reading it again would give
    another report than the index said: the build stops with one line naming the file."""
    from builder.errors import BuilderError
    from builder.extraction.cache import ExtractionCache
    from builder.extraction.pipeline import FileTask, report_loader, run_task

    corpus = tmp_path / "corpus"
    write_corpus(corpus, [2022], provinces=1, bodies=1, seed=5)
    source = sorted(corpus.glob("**/*.txt"))[0]
    name = source.relative_to(corpus).as_posix()
    cache = ExtractionCache(str(tmp_path / "cache"))
    result = run_task(FileTask(str(source), name), cache.root, cache.version, Options().per_file, Options().bounds)
    Path(cache.path(result.key)).write_bytes(b"junk")
    load = report_loader(cache.root)
    assert load(result.outcome).report_id == result.outcome.report_id  # read again: the same report
    Path(cache.path(result.key)).unlink()
    source.write_text(source.read_text(encoding="utf-8") + "\n附件。\n", encoding="utf-8")
    with pytest.raises(BuilderError, match=rf"^{name}: its extracted report in .* is gone or damaged, and the "
                                           r"file is no longer as it was read; build again$"):
        load(result.outcome)


def test_a_build_leaves_the_collector_as_it_found_it(work: Path, tmp_path: Path, monkeypatch):
    """The datasets and site stages run the cyclic collector less often (``memory.collecting_less``);
    a build called as a library function puts the thresholds back."""
    import gc

    from builder import memory

    before = gc.get_threshold()
    seen = []
    real = memory.collect_less
    monkeypatch.setattr(memory, "collect_less", lambda: (seen.append(gc.get_threshold()), real())[1])
    run(work, tmp_path / "site", None)
    assert seen and gc.get_threshold() == before


def test_a_first_build_writes_the_package_as_the_fragments_come(work: Path, tmp_path: Path, monkeypatch):
    """With no table to keep from a last build, an agency's rows are appended to the package
    before the next agency's fragment is made (the main process's share overlaps the pool's);
    a rebuild that may keep tables makes every fragment first. Both write the same bytes."""
    from builder.datasets import package

    events: list[str] = []
    make, add = fragments.make_fragment, package.PackageWriter.add
    monkeypatch.setattr(fragments, "make_fragment", lambda task, **kw: (events.append("make"), make(task, **kw))[1])
    monkeypatch.setattr(package.PackageWriter, "add", lambda self, f: (events.append("add"), add(self, f))[1])
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = run(work, out, cache)
    agencies = first.fragments.computed
    assert agencies > 2 and events == ["make", "add"] * agencies

    events.clear()
    (cache / "last-build.json").unlink()
    for path in (cache / "fragments").glob("*/*"):
        path.unlink()  # every fragment made again, beside the last output's tables
    again = run(work, out, cache)
    assert again.fragments.computed == agencies and events == ["make"] * agencies + ["add"] * agencies
    assert files_of(out) == files_of_full(work, tmp_path / "full")
