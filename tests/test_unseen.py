"""Reports written by hand like the real ones the parser was never tuned on (tests/unseen/).

Each file has a JSON beside it: the agency, region, year and form, every cell
typed into its tables, the headline prose figures, or that it must be refused.
A cell may come out `ambiguous` with the right value among its candidates (an
honest null), never with a wrong value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import errors
from builder.extraction.extract import Report, extract_file

UNSEEN = Path(__file__).with_name("unseen")
EXPECTED = sorted(UNSEEN.glob("*.json"))


def _case(path: Path) -> tuple[Path, dict]:
    expected = json.loads(path.read_text(encoding="utf-8"))
    return UNSEEN / expected["source"], expected


def score(report: Report, expected: dict) -> dict[str, list[str]]:
    """What is wrong, by kind: cells silently wrong, cells missed (honest nulls), metadata, headlines."""
    out: dict[str, list[str]] = {"wrong": [], "missed": [], "meta": [], "headlines": []}
    region = expected["region"]
    got_meta = {"agency": report.agency.name, "year": report.year, "template": report.template,
                "adcode": report.agency.adcode, "county": report.agency.county, "city": report.agency.city}
    want_meta = {"agency": expected["agency"], "year": expected["year"], "template": expected["template"],
                 "adcode": region["adcode"], "county": region["county"], "city": region["city"]}
    out["meta"] = [f"{k}: {got_meta[k]!r} != {want_meta[k]!r}" for k in want_meta if got_meta[k] != want_meta[k]]
    for cell, want in expected["cells"].items():
        got = report.cells.get(cell)
        if got is not None and got.value == want:
            continue
        if got is not None and got.value is None and got.status in ("ambiguous", "blank", "missing"):
            if got.status == "ambiguous" and want in (got.candidates or []) and cell in expected.get("ambiguous", []):
                continue  # digits that several readings fit: the right one listed, none picked
            out["missed"].append(f"{cell}: {got.status} (want {want})")
        else:
            out["wrong"].append(f"{cell}: {got} (want {want})")
    for cell, unit in expected.get("units", {}).items():
        if report.cells[cell].unit != unit:
            out["wrong"].append(f"{cell}: unit {report.cells[cell].unit!r} (want {unit!r})")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    for key, want in expected["headlines"].items():
        if heads.get(key) != want:
            out["headlines"].append(f"{key}: {heads.get(key)!r} (want {want})")
    for key in expected.get("no_headline", []):  # the text does not make the total clear
        if key in heads:
            out["headlines"].append(f"{key}: {heads[key]!r} (want no headline)")
    return out


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.stem)
def test_unseen_report(expected_path):
    path, expected = _case(expected_path)
    if expected.get("refused"):
        with pytest.raises(errors.NotAReport) as caught:
            extract_file(path)
        assert path.name in str(caught.value) and expected["kind"] in str(caught.value)
        return
    report = extract_file(path)
    if expected["region"]["adcode"] is None:  # unknown, said so, never invented
        assert report.agency.agency_id.startswith("000000-")
        assert any(w["code"] == "region_unknown" for w in report.warnings)
    problems = score(report, expected)
    assert not problems["wrong"], problems["wrong"]
    assert not problems["meta"], problems["meta"]
    assert not problems["headlines"], problems["headlines"]
    assert not problems["missed"], problems["missed"]


def test_a_zone_is_one_agency_over_the_years():
    """However each year's title and text name it, the zone's reports share one agency id."""
    ids = {}
    for expected_path in EXPECTED:
        path, expected = _case(expected_path)
        if not expected.get("refused") and expected["agency"].startswith("平潭综合实验区"):
            ids[expected["year"]] = extract_file(path).agency.agency_id
    assert len(ids) >= 8 and set(ids.values()) == {"350128-pingtan-zonghe-shiyanqu-guanli-weiyuanhui"}


@pytest.mark.parametrize("zone", ["青岛西海岸新区", "河北雄安新区"])
def test_other_zones_keep_one_agency_over_the_years(zone):
    """A zone's reports of several years, as HTML and as crawled text, share one agency id."""
    ids = {}
    for expected_path in EXPECTED:
        path, expected = _case(expected_path)
        if not expected.get("refused") and expected["agency"] in (zone + "管理委员会", zone + "管委会"):
            ids[path.name] = extract_file(path).agency.agency_id
    assert len(ids) >= 3 and len(set(ids.values())) == 1, ids
