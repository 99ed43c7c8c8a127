"""Cross-year checks on a small corpus written here: one agency over four years
(one form change, one consistent pair, one inconsistent pair), a second agency
with a single, inconsistent year, and a file that is not a report; through
``load_corpus`` / ``check_corpus`` and the ``check`` command."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import forms, synthetic
from builder.checks import FAIL, NA, PASS, RULES, check_corpus, outcomes
from builder.cli import cli
from builder.extraction.corpus import Rejected, load_corpus
from builder.extraction.extract import extract_file
from builder.forms import GOV_2019, GOV_2021

from .checkhelpers import AGENCY, AGENCY_ID, OTHER_AGENCY

OTHER_ID = "640423-longde-xian-renmin-zhengfu"
CROSS_YEAR = ("cy.carry", "t2.in_force_flow")


def t3(row: str, col: str) -> str:
    return forms.t3_cell(row, col)


def follow(before: dict, now: dict) -> None:
    """Make ``now`` continue ``before``: carried over is last year's carried forward
    (new requests adjusted so the balance still holds) and documents in force flow."""
    for col in forms.T3_APPLICANTS:
        carried = before[t3("carried_forward", col)]
        new = now[t3("total", col)] + now[t3("carried_forward", col)] - carried
        if new < 0:  # more carried over than handled: handle (grant) the rest
            now[t3("granted", col)] -= new
            now[t3("total", col)] -= new
            new = 0
        now[t3("carried_over", col)], now[t3("new_received", col)] = carried, new
    for row in ("new_received", "carried_over", "granted", "total"):
        now[t3(row, "total")] = sum(now[t3(row, c)] for c in forms.T3_APPLICANTS)
    if "t2.rules.in_force" in before and "t2.rules.in_force" in now:
        for item in ("rules", "normative_docs"):
            last, issued = before[f"t2.{item}.in_force"], now[f"t2.{item}.issued"]
            now[f"t2.{item}.repealed"] = min(now[f"t2.{item}.repealed"], last + issued)
            now[f"t2.{item}.in_force"] = last + issued - now[f"t2.{item}.repealed"]


def corpus_values() -> dict[int, dict]:
    rng = random.Random(2024)
    years = {2020: synthetic.consistent_values(rng, GOV_2019)}
    for year in (2021, 2022, 2023):
        years[year] = synthetic.consistent_values(rng, GOV_2021)
        follow(years[year - 1], years[year])
    # 2023 breaks with 2022: one more request carried over (and forward, so 2023 itself balances),
    # two more normative documents in force than 2022 + issued − repealed.
    for row in ("carried_over", "carried_forward"):
        for col in ("natural_person", "total"):
            years[2023][t3(row, col)] += 1
    years[2023]["t2.normative_docs.in_force"] += 2
    return years


@pytest.fixture(scope="module")
def values() -> dict[int, dict]:
    return corpus_values()


@pytest.fixture(scope="module")
def folder(tmp_path_factory, values) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for (year, v), layout in zip(values.items(), ("pipe", "tab", "space", "tab")):
        template = GOV_2019 if year < 2021 else GOV_2021
        (folder / f"pengyang-{year}.txt").write_text(synthetic.render(AGENCY, year, template, v, layout),
                                                    encoding="utf-8")
    other = synthetic.consistent_values(random.Random(7), GOV_2021)
    other[forms.t4_cell("litigation_after_review", "upheld")] += 1  # an error of its own
    (folder / "longde" / "2022.txt").parent.mkdir()
    (folder / "longde" / "2022.txt").write_text(synthetic.render(OTHER_AGENCY, 2022, GOV_2021, other), encoding="utf-8")
    (folder / "notes.txt").write_text("下载说明：本目录收集各机关的年度报告。\n", encoding="utf-8")
    (folder / "README.md").write_text("# corpus\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(folder):
    return load_corpus(folder)


def by_id(reports) -> dict:
    return {r.report_id: r for r in reports}


def results(report, rule: str) -> dict:
    return {r.instance: r for r in report.checks if r.id == rule}


def test_load_corpus_reads_the_reports_and_rejects_the_rest(corpus, values):
    assert sorted(by_id(corpus.reports)) == [
        f"{OTHER_ID}/2022", f"{AGENCY_ID}/2020", f"{AGENCY_ID}/2021", f"{AGENCY_ID}/2022", f"{AGENCY_ID}/2023"]
    assert corpus.rejected == [Rejected("notes.txt", "not a government information disclosure annual report: "
                                                     "no report title, form tables or report sections found")]
    for report in corpus.reports:
        if report.agency.agency_id == AGENCY_ID:
            assert {c: report.value(c) for c in report.cells} == values[report.year], report.report_id


def test_cross_year_outcomes(corpus):
    got = {rid: tuple(outcomes(r)[c] for c in CROSS_YEAR) for rid, r in by_id(corpus.reports).items()}
    assert got == {
        f"{AGENCY_ID}/2020": (NA, NA),  # first year; in_force_flow is not a gov-2019 rule
        f"{AGENCY_ID}/2021": (PASS, NA),  # carried over across the change of form; 2020 has no 现行有效
        f"{AGENCY_ID}/2022": (PASS, PASS),
        f"{AGENCY_ID}/2023": (FAIL, FAIL),
        f"{OTHER_ID}/2022": (NA, NA),  # another agency: 彭阳's 2021 is not its last year
    }
    assert {rid: r.badge for rid, r in by_id(corpus.reports).items()} == {
        f"{AGENCY_ID}/2020": "一致", f"{AGENCY_ID}/2021": "一致", f"{AGENCY_ID}/2022": "一致",
        f"{AGENCY_ID}/2023": "存疑", f"{OTHER_ID}/2022": "不一致"}


def test_cross_year_failures_name_both_reports(corpus, values):
    report = by_id(corpus.reports)[f"{AGENCY_ID}/2023"]
    carry = results(report, "cy.carry")
    assert {i for i, r in carry.items() if r.outcome == FAIL} == {"natural_person", "total"}
    forward = values[2022][t3("carried_forward", "natural_person")]
    person = carry["natural_person"]
    assert person.cells == [t3("carried_over", "natural_person"),
                            f"{AGENCY_ID}/2022:{t3('carried_forward', 'natural_person')}"]
    assert (person.left, person.right) == (forward + 1, forward)
    assert person.detail_en == (f"cy.carry.natural_person: 上年结转 {forward + 1} ≠ {forward} "
                             f"(结转下年度 in {AGENCY_ID}/2022); difference 1")
    flow = results(report, "t2.in_force_flow")
    assert {i: r.outcome for i, r in flow.items()} == {"rules": PASS, "normative_docs": FAIL}
    last, now = values[2022]["t2.normative_docs.in_force"], values[2023]
    issued, repealed = now["t2.normative_docs.issued"], now["t2.normative_docs.repealed"]
    assert flow["normative_docs"].detail_en == (
        f"t2.in_force_flow.normative_docs: 现行有效 {last + issued - repealed + 2} ≠ {last} + {issued} − {repealed} "
        f"= {last + issued - repealed}; difference 2")
    assert flow["normative_docs"].cells[-1] == f"{AGENCY_ID}/2022:t2.normative_docs.in_force"
    assert report.summary.startswith("存疑：表二“规范性文件”现行有效 ")


def test_check_corpus_needs_the_previous_year(folder):
    """Without its 2022 report, 2023 has nothing to carry over from."""
    reports = [extract_file(folder / f"pengyang-{year}.txt") for year in (2021, 2023)]
    check_corpus(reports)
    late = by_id(reports)[f"{AGENCY_ID}/2023"]
    assert [(r.outcome, r.detail_en) for r in late.checks if r.id in CROSS_YEAR] == [
        (NA, f"t2.in_force_flow: no 2022 report of {AGENCY_ID} on the 2021 form"),
        (NA, f"cy.carry: no 2022 report of {AGENCY_ID} with table 3")]
    assert late.badge == "一致"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_prints_one_line_per_report(folder):
    result = run("check", str(folder))
    assert result.exit_code == 0
    assert result.stdout == (
        "report_id                                 badge   failed checks\n"
        "640423-longde-xian-renmin-zhengfu/2022    不一致  t4.group_sums\n"
        "640425-pengyang-xian-renmin-zhengfu/2020  一致    -\n"
        "640425-pengyang-xian-renmin-zhengfu/2021  一致    -\n"
        "640425-pengyang-xian-renmin-zhengfu/2022  一致    -\n"
        "640425-pengyang-xian-renmin-zhengfu/2023  存疑    t2.in_force_flow, cy.carry\n"
        "5 reports: 一致 3 · 不一致 1 · 存疑 1\n"
    )
    assert result.stderr == ("error: notes.txt: not a government information disclosure annual report: "
                             "no report title, form tables or report sections found\n")


def test_check_of_a_folder_with_no_report_says_so_without_a_dangling_colon(tmp_path: Path):
    """Every file refused: the count line read "0 reports: " with nothing after it."""
    (tmp_path / "notes.txt").write_text("会议纪要", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == "report_id  badge   failed checks\n0 reports\n"
    assert result.stderr.startswith("error: notes.txt: not a government information disclosure annual report")


def test_check_json_prints_every_document_with_all_checks(folder, corpus):
    result = run("check", str(folder), "--json")
    assert result.exit_code == 0
    lines = result.stdout.rstrip("\n").split("\n")
    documents = [json.loads(line) for line in lines]
    assert [d["report_id"] for d in documents] == sorted(by_id(corpus.reports))
    expected = by_id(corpus.reports)
    for document in documents:
        report = expected[document["report_id"]]
        assert document == json.loads(json.dumps(report.as_json(), ensure_ascii=False))
        assert {c["id"] for c in document["checks"]} == {r.id for r in RULES if document["template"] in r.templates}
        assert document["source"]["path"] in ("pengyang-2020.txt", "pengyang-2021.txt", "pengyang-2022.txt",
                                              "pengyang-2023.txt", "longde/2022.txt")
    late = next(d for d in documents if d["report_id"] == f"{AGENCY_ID}/2023")
    assert late["badge"] == "存疑"
    # The failing columns in full; the passing ones folded into one summary row, whose outcome is
    # theirs: a failing row counts a failure once.
    assert [(c["instance"], c["outcome"]) for c in late["checks"] if c["id"] == "cy.carry"] == [
        ("natural_person", FAIL), ("total", FAIL), ("*", PASS)]
    summary = next(c for c in late["checks"] if c["id"] == "cy.carry" and c["instance"] == "*")
    assert summary["detail_en"] == "cy.carry: 5 pass, 2 fail, 0 not applicable"
    assert result.stderr.startswith("error: notes.txt: ")


def test_check_on_an_unusable_folder(tmp_path: Path):
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nowhere")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {tmp_path / 'nowhere'}: no such folder\n"
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: no report files in the folder\n"
