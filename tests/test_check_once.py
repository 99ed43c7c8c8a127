"""Work per report done once: the single-report checks travel in the cache record, the
corpus adds only the cross-year rules, and the digit-run search counts its steps as before."""

from __future__ import annotations

import dataclasses
import json
import pickle
import random

import pytest

from builder import cache, synthetic
from builder.cache import outcome_from_record, outcome_record
from builder.checks import RULE_INDEX, check_corpus, check_in_corpus, check_report, corpus_context, run_rules
from builder.corpus import read_data
from builder.limits import Limits, budget
from builder.solver import SearchTooLarge, split_runs

AGENCY = "宁夏回族自治区固原市隆德县教育局"


@pytest.fixture(scope="module")
def series() -> list:
    """Three years of one agency (cross-year checks apply) and another agency's report."""
    rng = random.Random(5)
    texts = [synthetic.report(rng, year=year, layout=layout, agency=AGENCY).text
             for year, layout in ((2021, "tab"), (2022, "pipe"), (2023, "run"))]
    texts.append(synthetic.report(rng, year=2022, layout="tab", agency="西安市雁塔区农业农村局").text)
    return [read_data(text.encode("utf-8"), f"r{i}.txt") for i, text in enumerate(texts)]


def through_the_cache(report):
    return outcome_from_record(json.loads(json.dumps(outcome_record(report), ensure_ascii=False)))


def all_rules_at_once(reports) -> list[list[dict]]:
    """What checking each report with every rule in one pass gives (the reference order)."""
    context = corpus_context(reports)
    return [[r.as_json() for r in run_rules(report, context, ("report", "corpus"))] for report in reports]


def test_the_single_report_checks_survive_the_cache_record(series):
    for report in series:
        assert report.checks  # the per-file function checked it
        again = through_the_cache(report)
        assert again.checks == report.checks


def test_corpus_checks_add_the_cross_year_rules_in_catalogue_order(series):
    expected = all_rules_at_once(series)
    reports = [through_the_cache(r) for r in series]
    context = corpus_context(reports)
    for report in reports:
        check_in_corpus(report, context)
    assert [[r.as_json() for r in report.checks] for report in reports] == expected
    assert any(r.id == "cy.carry" and r.outcome != "not_applicable" for r in reports[2].checks)
    for report in reports:  # checking again changes nothing
        before = [r.as_json() for r in report.checks]
        check_in_corpus(report, context)
        assert [r.as_json() for r in report.checks] == before


def test_unchecked_reports_are_checked_whole(series):
    reports = [through_the_cache(r) for r in series]
    for report in reports:
        report.checks = []
    check_corpus(reports)
    assert [[r.as_json() for r in report.checks] for report in reports] == all_rules_at_once(series)


def test_check_results_of_another_checks_version_are_computed_again(series, monkeypatch):
    record = json.loads(json.dumps(outcome_record(series[1]), ensure_ascii=False))
    monkeypatch.setattr(cache, "checks_version", lambda: "edited rules")
    stale = outcome_from_record(record)
    assert stale.checks == []
    check_report(stale)
    assert stale.checks == series[1].checks
    assert all(RULE_INDEX[r.id].scope == "report" or r.outcome == "not_applicable" for r in stale.checks)


def test_the_digit_run_search_counts_every_length_tried():
    # "1203" as two numbers: 4 lengths from 1, 3 from 2, 2 from the 0 (0, then 03 ends the try), 1 from 3.
    assert split_runs(["1203"], 2) == [(1, 203), (120, 3)]
    with budget("run.txt", Limits(search_steps=10, time_limit=0)):
        assert split_runs(["1203"], 2) == [(1, 203), (120, 3)]
    with budget("run.txt", Limits(search_steps=9, time_limit=0)), pytest.raises(SearchTooLarge):
        split_runs(["1203"], 2)


def test_a_checked_report_travels_between_processes_whole(series):
    reports = [through_the_cache(r) for r in series]
    check_corpus(reports)
    for report in reports:
        again = pickle.loads(pickle.dumps(report))
        for field in dataclasses.fields(report):
            if field.name != "layout":
                assert getattr(again, field.name) == getattr(report, field.name), field.name
        assert (again.layout.lines, again.layout.regions) == (report.layout.lines, report.layout.regions)
        assert again.layout.rows("t3") == report.layout.rows("t3")
        assert again.as_json() == report.as_json()
