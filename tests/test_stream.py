"""The checked reports as a stream: read back from the store one agency at a time, in
report_id order, checked with a context of that agency's reports and everyone else's
index entry, with the same results as checking the whole corpus held in memory."""

from __future__ import annotations

import gc
import json
import weakref

import pytest

from builder import forms
from builder.checks import check_corpus
from builder.extraction import corpus as corpus_module
from builder.extraction.cache import report_from_record, report_record
from builder.extraction.corpus import IndexEntry, Rejected, assemble
from builder.extraction.extract import Report

from .checkhelpers import make_report, prose_lines, small_values

BUREAUS = ("固原市彭阳县财政局", "固原市彭阳县教育局")
AGGREGATED = "本报告由彭阳县人民政府办公室根据县政府各部门、各乡镇年度报告汇总编制。"


def reports() -> list[Report]:
    """A county government that aggregates its two bureaus (one figure off in 2022), each
    body over two years: cross-year and cross-agency rules both have something to say."""
    out = []
    for year in (2021, 2022):
        values = {cell: 2 * v for cell, v in small_values().items()}
        if year == 2022:
            values[forms.t3_cell("new_received", "total")] += 1
        out.append(make_report(values, year=year, lines=[*prose_lines(year), AGGREGATED]))
        for name in BUREAUS:
            out.append(make_report(small_values(), year=year, agency=name, lines=prose_lines(year, name)))
    return out


def copy(report: Report) -> Report:
    """The report as the store gives it back: a new object from its record."""
    return report_from_record(json.loads(json.dumps(report_record(report))))


def stored(originals: list[Report]) -> tuple[list[IndexEntry], dict[str, dict]]:
    """Index entries in name order and the store they point into."""
    entries = sorted((IndexEntry.of(r, r.document.source.path, r.report_id) for r in originals),
                     key=lambda e: e.name)
    return entries, {r.report_id: report_record(r) for r in originals}


def test_the_stream_checks_every_report_as_the_whole_corpus_would():
    whole = sorted((copy(r) for r in reports()), key=lambda r: r.document.source.path)  # as read: in name order
    check_corpus(whole)
    entries, store = stored(reports())
    streamed = list(assemble(entries, lambda e: report_from_record(store[e.key])))
    assert [r.report_id for r in streamed] == sorted(r.report_id for r in whole)
    expected = {r.report_id: r.as_json() for r in whole}
    assert all(r.as_json() == expected[r.report_id] for r in streamed)
    outcomes = {c.outcome for r in streamed for c in r.checks if c.id in ("agg.subordinate_sum", "cy.carry")}
    assert outcomes == {"pass", "fail", "not_applicable"}  # both kinds of corpus rule were exercised


def test_one_agency_is_in_memory_at_a_time_and_the_stream_is_read_once():
    entries, store = stored(reports())
    loaded: list[weakref.ref] = []
    loads: list[str] = []

    def load(entry: IndexEntry) -> Report:
        gc.collect()
        held = [r.report_id for r in map(weakref.ref.__call__, loaded)
                if r is not None and r.agency.agency_id != entry.agency.agency_id]
        # At most the report the reader's loop variable still holds.
        assert len(held) <= 1, f"{held} still in memory when {entry.report_id} is loaded"
        report = report_from_record(store[entry.key])
        loaded.append(weakref.ref(report))
        loads.append(entry.report_id)
        return report

    checked = assemble(entries, load)
    count = sum(1 for _ in checked)  # each report let go as soon as it is used
    assert count == len(loads) == len(set(loads)) == 6
    assert [r.split("/")[0] for r in loads] == sorted(r.split("/")[0] for r in loads)
    with pytest.raises(RuntimeError):
        list(checked)


def test_a_duplicate_is_found_on_the_index_in_name_order():
    report = reports()[1]
    first, second = (IndexEntry.of(report, name, name) for name in ("a.txt", "b.txt"))
    other = IndexEntry.of(report, "c.txt", "c.txt")
    other.sha256 = "1" * 64
    checked = assemble([first, second, other], lambda e: copy(report))
    assert [r.report_id for r in checked] == [report.report_id]
    path = report.document.source.path
    assert checked.rejected == [Rejected(path, f"identical copy of {path}"),
                                Rejected(path, f"a second report with the same agency and year as {path}")]


def test_of_two_files_of_one_report_the_fuller_is_kept():
    """A report's tables alone (a workbook 附表) named before the whole report: the whole one is kept,
    whichever comes first."""
    report = reports()[1]
    tables, whole = (IndexEntry.of(report, name, name) for name in ("a.xlsx", "b.html"))
    tables.path, tables.sha256, tables.substance = "a.xlsx", "1" * 64, whole.substance - 5
    for order in ([tables, whole], [whole, tables]):
        checked = assemble(order, lambda e: copy(report))
        assert [r.report_id for r in checked] == [report.report_id]
        [rejection] = checked.rejected
        assert rejection.file == "a.xlsx"
        assert rejection.reason.startswith(("the same agency and year as ", "a second report with the same agency"))


def test_a_report_whose_checks_fail_is_rejected_after_the_extraction_rejections(monkeypatch):
    originals = reports()
    entries, store = stored(originals)
    broken = originals[4].report_id
    real = corpus_module.check_in_corpus

    def check(report, context):
        if report.report_id == broken:
            raise KeyError("boom")
        real(report, context)

    monkeypatch.setattr(corpus_module, "check_in_corpus", check)
    checked = assemble([Rejected("0.txt", "empty file"), *entries], lambda e: report_from_record(store[e.key]))
    checked.rejected.append(Rejected("sources.csv", "added by the caller before reading"))
    assert broken not in [r.report_id for r in checked]
    assert [r.file for r in checked.rejected] == ["0.txt", originals[4].document.source.path, "sources.csv"]
    assert checked.rejected[1].reason == "internal error in corpus: KeyError: 'boom'"
