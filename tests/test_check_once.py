"""Work per report done once: extraction stores no check results, the checks stage
checks each report once (a checked report's results travel in its record), and the
digit-run search counts its steps as before."""

from __future__ import annotations

import dataclasses
import json
import pickle
import random

import pytest

from builder import synthetic
from builder.checks import check_corpus, check_in_corpus, check_report, corpus_context, run_rules
from builder.extraction.cache import outcome_from_record, outcome_record
from builder.extraction.corpus import read_data
from builder.extraction.solver import SearchTooLarge, split_runs
from builder.limits import Limits, budget

AGENCY = "宁夏回族自治区固原市隆德县教育局"


@pytest.fixture(scope="module")
def series() -> list:
    """Three years of one agency (cross-year checks apply) and another agency's report."""
    rng = random.Random(5)
    texts = [synthetic.report(rng, year=year, layout=layout, agency=AGENCY).text
             for year, layout in ((2021, "tab"), (2022, "pipe"), (2023, "run"))]
    texts.append(synthetic.report(rng, year=2022, layout="tab", agency="西安市雁塔区农业农村局").text)
    reports = [read_data(text.encode("utf-8"), f"r{i}.txt") for i, text in enumerate(texts)]
    for report in reports:
        check_report(report)
    return reports


def through_the_cache(report):
    return outcome_from_record(json.loads(json.dumps(outcome_record(report), ensure_ascii=False)))


def all_rules_at_once(reports) -> list[list[dict]]:
    """What checking each report with every rule in one pass gives (the reference order)."""
    context = corpus_context(reports)
    return [[r.as_json() for r in run_rules(report, context, ("report", "corpus"))] for report in reports]


def test_the_per_file_function_leaves_the_checks_to_the_checks_stage(series):
    text = synthetic.report(random.Random(5), year=2021, agency=AGENCY).text
    extracted = read_data(text.encode("utf-8"), "r.txt")
    assert extracted.checks == [] and extracted.badge is None
    assert outcome_record(extracted)["report"]["checks"] == []  # nothing of them in a cache entry
    check_in_corpus(extracted, corpus_context([extracted]))
    assert extracted.checks and extracted.badge


def test_the_single_report_checks_survive_the_record(series):
    for report in series:
        assert report.checks
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


def test_the_digit_run_search_counts_every_length_tried():
    # "1203" as two numbers: 4 lengths from 1, 3 from 2, 2 from the 0 (0, then 03 ends the try), 1 from 3.
    assert split_runs(["1203"], 2) == [(1, 203), (120, 3)]
    with budget("run.txt", Limits(search_steps=10, time_limit=0)):
        assert split_runs(["1203"], 2) == [(1, 203), (120, 3)]
    with budget("run.txt", Limits(search_steps=9, time_limit=0)), pytest.raises(SearchTooLarge):
        split_runs(["1203"], 2)


def test_digit_runs_seen_before_are_answered_alike_and_their_memory_stays_bounded(monkeypatch):
    from builder.extraction import solver

    monkeypatch.setattr(solver, "_RUNS_SEEN", {})
    monkeypatch.setattr(solver, "_RUNS_SEEN_SIZE", 3)
    first = split_runs(["1203"], 2)
    first.append((0, 0))  # a caller's list is its own
    assert split_runs(["1203"], 2) == [(1, 203), (120, 3)]
    assert split_runs(["1203"], 2, [((0,), (1,))]) == []  # the row's own sum is part of the question
    for run in ("111", "222", "333"):
        split_runs([run], 2)
    assert len(solver._RUNS_SEEN) == 3 and ("1203",) not in {key[0] for key in solver._RUNS_SEEN}
    assert split_runs(["1203"], 2) == [(1, 203), (120, 3)]


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


def test_a_sum_seen_before_gives_each_report_its_own_equal_result_and_values_of_another_kind_their_own(monkeypatch):
    from builder import checks, forms
    from builder.checks import evaluate_identity

    from .checkhelpers import make_report

    monkeypatch.setattr(checks, "_SUMS_SEEN", {})
    identity = next(i for i in forms.identities(forms.GOV_2021) if len(i.parts) > 1)
    first, second = (make_report({cell: 3 for cell in identity.cells}) for _ in range(2))
    a, b = evaluate_identity(first, identity), evaluate_identity(second, identity)
    assert a == b and a is not b and a.cells is not b.cells
    a.cells.append("changed by its caller")
    assert evaluate_identity(second, identity) == b
    for cell in identity.cells:  # the same sum in floats: equal numbers, another result
        second.cells[cell] = dataclasses.replace(second.cells[cell], value=float(second.cells[cell].value))
    floats = evaluate_identity(second, identity)
    assert floats.left == b.left and isinstance(floats.left, float) and not isinstance(b.left, float)
    checks._SUMS_SEEN.clear()
    assert evaluate_identity(second, identity) == floats
