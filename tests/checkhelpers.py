"""Reports made straight from cell values, for the check tests: no text, no parsing."""

from __future__ import annotations

from collections.abc import Iterable

from builder import forms
from builder.extraction.extract import Report
from builder.extraction.layout import Layout
from builder.extraction.metadata import describe_agency
from builder.extraction.narrative import Figure, find_figures
from builder.extraction.tables import CellValue
from builder.forms import GOV_2019, GOV_2021
from builder.reading.document import Document, Source

AGENCY = "固原市彭阳县人民政府"
AGENCY_ID = "640425-pengyang-xian-renmin-zhengfu"
OTHER_AGENCY = "固原市隆德县人民政府"


def cell(value: int | float | None, status: str = "reported", raw: str | None = None) -> CellValue:
    """A cell as the parser would leave it: ``blank`` and ``ambiguous`` carry no value."""
    if raw is None:
        raw = "" if value is None else str(value)
    return CellValue(value, raw, status)


def make_report(values: dict[str, int | float | CellValue], template: str = GOV_2021, year: int = 2022,
                agency: str = AGENCY, lines: Iterable[str] = (), narrative: Iterable[Figure] | None = None) -> Report:
    """A Report from a dict of cell values: numbers become ``reported`` cells,
    CellValues are kept as given, and template cells not in the dict are ``missing``.
    The prose figures are found in ``lines`` unless given."""
    cells = {c.id: CellValue(None, None, "missing") for c in forms.cells(template)}
    for cell_id, value in values.items():
        cells[cell_id] = value if isinstance(value, CellValue) else cell(value)
    lines = list(lines)
    document = Document(Source(f"{agency}{year}.txt", "0" * 64, "text"), "\n".join(lines), lines)
    return Report(document, Layout(lines), describe_agency(agency), year, "title", template, cells,
                  find_figures(document.sentences) if narrative is None else list(narrative))


def small_values(template: str = GOV_2021) -> dict[str, int | float]:
    """A small consistent report, written out by hand so that details can be asserted exactly.

    Table 3: 自然人 6 new + 2 carried over = 6 handled (4 granted, 1 not held,
    1 duplicate) + 2 carried forward; 法律服务机构 3 new = 3 handled (1 granted,
    2 third-party rights). Table 4: review 1 upheld + 1 corrected, one direct suit pending.
    """
    values: dict[str, int | float] = {c.id: 0 for c in forms.cells(template)}
    t3 = {
        "new_received": (6, 3), "carried_over": (2, 0), "granted": (4, 1), "denied.third_party_rights": (0, 2),
        "unable.not_held": (1, 0), "not_processed.duplicate": (1, 0), "total": (6, 3), "carried_forward": (2, 0),
    }
    for row, (person, legal) in t3.items():
        values[forms.t3_cell(row, "natural_person")] = person
        values[forms.t3_cell(row, "legal_service_org")] = legal
        values[forms.t3_cell(row, "total")] = person + legal
    values.update({forms.t4_cell("admin_review", "upheld"): 1, forms.t4_cell("admin_review", "corrected"): 1,
                   forms.t4_cell("admin_review", "total"): 2, forms.t4_cell("litigation_direct", "pending"): 1,
                   forms.t4_cell("litigation_direct", "total"): 1})
    if template == GOV_2021:
        values.update({"t2.rules.in_force": 3, "t2.normative_docs.issued": 2, "t2.normative_docs.repealed": 1,
                       "t2.normative_docs.in_force": 10, "t2.licensing.decisions": 120, "t2.penalty.decisions": 30,
                       "t2.fees.amount_10k_cny": 0.5})
    elif template == GOV_2019:
        values.update({"t2.normative_docs.new_made": 4, "t2.normative_docs.new_published": 4,
                       "t2.normative_docs.total_published": 40, "t2.licensing.prev_items": 12,
                       "t2.licensing.change": -1, "t2.licensing.decisions": 300, "t2.fees.prev_items": 2,
                       "t2.fees.change": -2, "t2.procurement.items": 5, "t2.procurement.amount": 123.4})
    return values


def prose_lines(year: int, agency: str = AGENCY, applications: int | None = None) -> list[str]:
    """The opening of a report whose title, period and body agree on the year and the agency."""
    lines = [f"{agency}{year}年政府信息公开工作年度报告", "",
             f"本报告所列数据统计期限自{year}年1月1日至{year}年12月31日止。"]
    if applications is not None:
        lines.append(f"{year}年，{agency}共收到政府信息公开申请{applications}件。")
    return lines

