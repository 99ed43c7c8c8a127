"""A table 3 printing a column the form does not have: no row is read with its numbers shifted."""

from __future__ import annotations

import pytest

from builder import forms
from builder.checks import check_report
from builder.extraction.extract import extract_bytes

from .test_table_rows import RENDERINGS, report, values


def _subtotal_report(rendering: str, at: int):
    v = values(rows={"granted": [3, 1, 0, 0, 0, 0], "denied.state_secret": [0, 0, 0, 0, 0, 1],
                     "unable.not_held": [2, 5, 0, 0, 0, 1]})

    def edit(rows):
        out = []
        for row_id, label, cells in rows:
            organisations = str(sum(int(c) for c in cells[1:6]))
            out.append((row_id, label, [*cells[:at], organisations, *cells[at:]]))
        return out

    return report(v, forms.GOV_2021, edit, rendering), v


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_subtotal_column_before_the_total_is_left_out(rendering):
    """法人或其他组织小计 printed before 总计, the sum of the columns just before it: the one place
    whose value, taken out, leaves every row's sums holding. The rows are read without it."""
    rep, v = _subtotal_report(rendering, 6)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}
    assert any(w["code"] == "extra_values" and "(合计)" in w["message"] for w in rep.warnings)


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_an_extra_subtotal_column_after_the_first_is_left_out_where_every_row_says(rendering):
    """法人或其他组织小计 printed after 自然人 (the sum of the columns after it, not before): eight
    numbers a row. The last seven were read though they keep no row's total, then every row was left
    unsure; the second place is the one that, taken out, leaves each row keeping its sums, the same in
    every row, and three rows fit no other: the rows are read without it."""
    rep, v = _subtotal_report(rendering, 1)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}
    assert any(w["code"] == "extra_values" and "value 2 " in w["message"] and "上年合计" in w["message"]
               for w in rep.warnings)


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_last_year_s_total_between_the_types_and_the_total_is_left_out(rendering):
    """上年合计 printed between 其他 and 总计: eight numbers a row, the seventh last year's total (no sum of
    this year's columns). Neither the first nor the last seven keep the rows' sums; taken out, every row's
    hold, and three rows or more fit no other place: the rows are read without it."""
    v = values(rows={"granted": [3, 1, 0, 0, 2, 0], "denied.state_secret": [1, 0, 0, 0, 0, 0],
                     "not_processed.excessive": [2, 0, 0, 0, 0, 0]})

    def edit(rows):
        return [(row_id, label, [*cells[:6], str(int(cells[6]) + 3), cells[6]]) for row_id, label, cells in rows]

    rep = report(v, forms.GOV_2021, edit, rendering)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}


@pytest.mark.parametrize("last_year", ["10", "4"])
@pytest.mark.parametrize("rendering", ["tab", "space"])
def test_last_year_s_total_is_left_out_of_a_row_misprinting_its_total_too(rendering, last_year):
    """Blind round 121: 2024年 | 2025年 under 总计, and 予以公开's 2025 total misprinted 7 for 6. That row keeps its
    sums without no value (3 1 0 0 2 0 10 7), or without its first by chance (1 0 0 2 0 4 7): the place every
    other row fits was no longer the only one, and the whole table was left unsure. One row that the place does
    not fit is a misprint: the rows are read without it, the misprinted total as printed."""
    v = values(rows={"granted": [3, 1, 0, 0, 2, 0], "denied.state_secret": [1, 0, 0, 0, 0, 0],
                     "not_processed.excessive": [2, 0, 0, 0, 0, 0]})

    def edit(rows):
        return [(row_id, label, [*cells[:6], last_year, "7"] if row_id == "granted"
                 else [*cells[:6], str(int(cells[6]) + 3), cells[6]]) for row_id, label, cells in rows]

    rep = report(v, forms.GOV_2021, edit, rendering)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: 7 if c == "t3.granted.total" else v[c] for c in t3}


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_last_year_s_total_and_the_change_after_the_total_are_left_out_of_every_row(rendering):
    """2021年总计 and 同比增减 printed after 总计: nine numbers a row. Most rows keep their sums only in
    their first seven, but a row of one applicant type with last year's 0 (1 0 0 0 0 0 1 0 +1) keeps
    them in its last seven too, and was read so (自然人 0, 法律服务机构 1). The rows that decide say
    where the form's columns are, for every row of that width."""
    v = values(rows={"granted": [3, 1, 0, 0, 2, 0], "denied.state_secret": [1, 0, 0, 0, 0, 0],
                     "not_processed.excessive": [2, 0, 0, 0, 0, 0]})

    def edit(rows):
        out = []
        for row_id, label, cells in rows:
            total = int(cells[6])
            last_year = 0 if row_id in ("denied.state_secret", "not_processed.excessive") else total + 3
            out.append((row_id, label, [*cells, str(last_year), f"{total - last_year:+d}"]))
        return out

    rep = report(v, forms.GOV_2021, edit, rendering)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html", "docx"])
def test_a_remarks_column_with_words_in_some_rows_is_no_label(rendering):
    """A 备注 column at the right, its cell empty in most rows and a remark in some (2021年12月收到,
    经征求第三方意见，第三方不同意公开). Read as the row's label, the row lost its numbers, and the
    label ran into the next row's: 上年结转 took 予以公开's numbers."""
    v = values(rows={"granted": [7, 1, 0, 0, 0, 0], "denied.third_party_rights": [1, 0, 0, 0, 0, 0]})
    remarks = {"carried_over": "2021年12月收到", "denied.third_party_rights": "经征求第三方意见，第三方不同意公开"}

    def edit(rows):
        return [(row_id, label, [*cells, remarks.get(row_id, "")]) for row_id, label, cells in rows]

    rep = report(v, forms.GOV_2021, edit, rendering)
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_table_3_printing_its_total_column_only_is_read_by_it(kind):
    """A township's table 3 with one column, 总计 (its applicants not broken down): every total was
    unsure and table 3's sums unchecked. The totals are read; the applicant columns are not printed (0 where a row's
    total is)."""
    from .official_form import T3_NOTE, Cell, blocks, docx_bytes, html_body, html_page
    from .official_form import values as form_values

    v = form_values(seed=2)
    t3 = [[Cell(T3_NOTE), Cell("总计")]]
    for row in forms.T3_ROWS_2021:
        label = f"{row.group_zh} {row.label_zh}" if row.group_zh else row.label_zh
        t3.append([Cell(label), Cell(str(v[forms.t3_cell(row.id, "total")]))])
    report_blocks = blocks(v, t3)
    data = docx_bytes(report_blocks) if kind == "docx" else html_page(html_body(report_blocks)).encode()
    rep = extract_bytes(data, f"report.{kind}")
    check_report(rep)
    for row in forms.T3_ROWS_2021:
        assert rep.cells[forms.t3_cell(row.id, "total")].value == v[forms.t3_cell(row.id, "total")], row.id
        person = rep.cells[forms.t3_cell(row.id, "natural_person")]  # (0 by the sums where the row's 总计 is: 0)
        assert person.status == "missing" if v[forms.t3_cell(row.id, "total")] else (
            (person.value, person.status) == (0, "inferred"))
    assert {r.id: r.outcome for r in rep.checks if r.id == "t3.balance" and r.instance == "total"} == {
        "t3.balance": "pass"}


@pytest.mark.parametrize("months", [12, 4])
def test_a_row_s_total_broken_down_by_period_under_the_header_is_read_as_the_row(months):
    """Blind round 138 (period columns beside table 3): 1月 … 12月 (or 第一季度 … 第四季度) after 总计 in the header, and
    本年新收's total broken down again under them (… | 404 | 10 | 3 | … | 42, summing to 404), the other rows' cells
    there blank: nineteen values, more than twice a row's, were taken for rows run together and the row was unsure."""
    from builder import synthetic

    v = values(rows={"granted": [3, 1, 0, 0, 0, 0]})
    total = v["t3.new_received.total"]
    parts = [total // months] * (months - 1) + [total - (months - 1) * (total // months)]
    names = [f"{k}月" for k in range(1, 13)] if months == 12 else ["第一季度", "第二季度", "第三季度", "第四季度"]
    lines = synthetic.render("彭阳县人民政府", 2022, forms.GOV_2021, v, "tab").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    for k in range(start + 1, end):
        if lines[k].rstrip().endswith("总计"):
            lines[k] = lines[k].rstrip() + "\t" + "\t".join(names)
        elif lines[k].startswith("一、本年新收"):
            lines[k] += "\t" + "\t".join(map(str, parts))
        elif "\t" in lines[k]:
            lines[k] += "\t" * months
    rep = extract_bytes("\n".join(lines).encode(), "report.txt")
    t3 = [c.id for c in forms.cells(forms.GOV_2021) if c.table == "t3"]
    assert {c: rep.cells[c].value for c in t3} == {c: v[c] for c in t3}
