"""Round trip over every layout seen in the wild: values → rendered report → extraction.

Every cell must come back right, or ``ambiguous`` with the right value among its
candidates (a blank may come back ``inferred`` with the value the identities
imply); never wrong. Metadata must be right for every rendering.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2019, GOV_2021

YEARS = {GOV_2021: (2021, 2024), GOV_2019: (2019, 2020)}


def right(cell, printed: str, value) -> bool:
    want = synthetic.expected_value(printed, value)
    if cell.status == "ambiguous":
        return cell.value is None and want in (cell.candidates or [])
    if want is None:
        return cell.value is None or (cell.status == "inferred" and cell.value == value)
    return cell.value == want and cell.status != "missing"


@pytest.mark.parametrize("template", [GOV_2021, GOV_2019])
@pytest.mark.parametrize("rendering", synthetic.RENDERINGS)
@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1))
def test_every_rendering_reads_back_every_cell(rendering, template, seed):
    rng = random.Random(seed)
    province, city, county = rng.choice(synthetic.AGENCIES)
    agency = f"{city}{county}{rng.choice(synthetic.BODIES)}"
    year = rng.randint(*YEARS[template])
    values = synthetic.consistent_values(rng, template)
    printed = synthetic.printed_cells(rng, template, values, rendering)
    data, name = synthetic.render_layout(rng, agency, year, template, printed, values, rendering)
    report = extract_bytes(data, name)
    assert (report.agency.name, report.year, report.template) == (agency, year, template)
    assert (report.agency.province, report.agency.county) == (province, county)
    assert report.agency.adcode and report.agency.agency_id.startswith(report.agency.adcode + "-")
    wrong = [(c.id, printed[c.id], values[c.id], report.cells[c.id]) for c in forms.cells(template)
             if not right(report.cells[c.id], printed[c.id], values[c.id])]
    assert not wrong, wrong[:5]


def test_the_generator_prints_every_kind_of_cell():
    """Negatives, decimals, units, blanks and worded zeros all occur in the renderings tested."""
    seen: set[str] = set()
    for seed in range(4):
        rng = random.Random(seed)
        for template in (GOV_2021, GOV_2019):
            values = synthetic.consistent_values(rng, template)
            for text in synthetic.printed_cells(rng, template, values, "tab").values():
                seen |= {kind for kind, test in (
                    ("negative", text.startswith("-")), ("decimal", "." in text), ("unit", text.endswith("元")),
                    ("blank", text == ""), ("word", text in ("无", "—", "/"))) if test}
    assert seen == {"negative", "decimal", "unit", "blank", "word"}
