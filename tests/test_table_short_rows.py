"""Rows printed with a value fewer than the form: never a number split across cells, never a
best-effort reading called repaired; read only where the identities leave one placement."""

from __future__ import annotations

import itertools
import random

import pytest

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes

from .test_layouts import AGENCY, replace_line
from .test_table_rows import DEFINITE, report, values, wrong_t3

ROW_COLUMN_DROPS = [(0, 3), (0, 6), (2, 0), (4, 2), (12, 5), (23, 1), (24, 6)]


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html"])
@pytest.mark.parametrize("row, column", ROW_COLUMN_DROPS)
def test_a_table_3_row_one_value_short_is_never_read_shifted_or_split(rendering, row, column):
    """A delimited row lacking a cell had a number of its own cell split to fill the gap (32 read
    as 3 and 2, "repaired" by the reading that broke the fewest sums); a web page pads the short
    row at its end and its numbers were read one cell to the left."""
    v = values(rows={"granted": [3, 1, 0, 0, 0, 0], "denied.state_secret": [1, 0, 2, 0, 0, 0],
                     "unable.not_held": [2, 5, 0, 0, 0, 1]})
    form_row = forms.FORMS[forms.GOV_2021].t3_rows[row]
    dropped = forms.t3_cell(form_row.id, forms.T3_COLUMNS[column].id)

    def edit(rows):
        rows[row] = (rows[row][0], rows[row][1], rows[row][2][:column] + rows[row][2][column + 1:])
        return rows

    rep = report(v, forms.GOV_2021, edit, rendering)
    assert [w for w in wrong_t3(rep, v) if w[0] != dropped or w[1] is not None] == []
    for c in forms.T3_COLUMNS:
        cell = rep.cells[forms.t3_cell(form_row.id, c.id)]
        assert "数字粘连" not in (cell.note or "") and "符合最多" not in (cell.note or "")


def t4_report(v: dict, numbers: list[str], rendering: str, cuts: tuple[int, ...] = ()):
    """A report whose table 4 prints ``numbers``, broken into lines at ``cuts``."""
    printed = {c.id: synthetic._fmt(v[c.id]) for c in forms.cells(forms.GOV_2021)}
    blocks = synthetic._blocks(AGENCY, 2022, forms.GOV_2021, printed, v)
    t4 = [content for kind, content in blocks if kind == "table"][2]
    ends = [0, *cuts, len(numbers)]
    t4.rows = [([], numbers[a:b]) for a, b in itertools.pairwise(ends)]
    if rendering == "html":
        return extract_bytes(synthetic._html(blocks).encode(), "case.html")
    if rendering == "docx":
        return extract_bytes(synthetic._docx(blocks), "case.docx")
    return extract_bytes("\n".join(synthetic._text_lines(blocks, rendering, random.Random(0))).encode(), "case.txt")


T4_CELLS = [forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
T4_VALUES = [0, 0, 3, 0, 3, 1, 0, 0, 2, 3, 0, 4, 0, 0, 4]


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html", "docx"])
@pytest.mark.parametrize("drop", [0, 2, 4, 7, 13])
def test_a_table_4_row_one_value_short_is_unsure_where_no_identity_places_the_gap(rendering, drop):
    v = values()
    v.update(zip(T4_CELLS, T4_VALUES))
    numbers = [str(n) for k, n in enumerate(T4_VALUES) if k != drop]
    rep = t4_report(v, numbers, rendering)
    wrong = [(k, rep.cells[k].value, rep.cells[k].status, v[k]) for k in T4_CELLS
             if rep.cells[k].status in DEFINITE and rep.cells[k].value != v[k]]
    assert wrong == []
    assert rep.cells[T4_CELLS[drop]].status in ("ambiguous", "missing", "blank", "inferred")


@pytest.mark.parametrize("rendering", ["tab", "pipe", "space"])
@pytest.mark.parametrize("cuts", [(5,), (10,), (8,), (5, 10), (3, 9)])
def test_a_table_4_row_wrapped_over_lines_is_read_where_its_sums_confirm_the_join(rendering, cuts):
    """PDF text wraps table 4's fifteen numbers where the page ends (5 and 10, 8 and 7): the
    lines were read as separate rows and every cell was unsure."""
    v = values()
    v.update(zip(T4_CELLS, T4_VALUES))
    rep = t4_report(v, [str(n) for n in T4_VALUES], rendering, cuts)
    assert [rep.cells[k].value for k in T4_CELLS] == T4_VALUES
    assert {rep.cells[k].status for k in T4_CELLS} == {"reported"}
    assert [w["lines"] for w in rep.warnings if w["code"] == "t4.wrapped_row"] == [len(cuts) + 1]


@pytest.mark.parametrize("rendering", ["tab", "space"])
def test_wrapped_table_4_lines_that_fill_the_row_only_by_a_shift_are_not_joined(rendering):
    """A row that lost two blank cells (13 numbers), then two totals on a line of their own,
    would make 15 by shifting every cell after the gaps: the groups' sums do not confirm that,
    so nothing is read as certain."""
    v = values()
    v.update(zip(T4_CELLS, T4_VALUES))
    numbers = [str(n) for k, n in enumerate(T4_VALUES) if k not in (1, 6)] + ["7", "11"]
    rep = t4_report(v, numbers, rendering, (13,))
    assert not [w for w in rep.warnings if w["code"] == "t4.wrapped_row"]
    assert [k for k in T4_CELLS if rep.cells[k].status in DEFINITE and rep.cells[k].value != v[k]] == []


def test_a_reading_that_breaks_an_identity_is_never_called_repaired():
    """The 予以公开 row's digits run together, its printed total one too many: no split keeps
    every sum. Its cells are unsure, with the readings that keep the most; rows whose own sums
    all hold are still read."""
    v = values()
    granted = [v[forms.t3_cell("granted", c.id)] for c in forms.T3_COLUMNS]
    text = synthetic.render(AGENCY, 2022, forms.GOV_2021, v, "run")
    text = replace_line(text, "（一）予以公开", "（一）予以公开" + "".join(map(str, granted[:-1])) + str(granted[-1] + 1))
    rep = extract_bytes(text.encode(), "case.txt")
    assert {c.status for c in rep.cells.values()} >= {"ambiguous"}
    assert not [k for k, c in rep.cells.items() if c.status == "repaired" and c.value != v[k]]
    row = [rep.cells[forms.t3_cell("granted", c.id)] for c in forms.T3_COLUMNS]
    assert all(c.status == "ambiguous" and c.value is None for c in row)
    assert row[-1].note == "没有一种读法符合表三全部勾稽关系，候选值是符合最多关系的读法，未作选择"
    assert rep.value(forms.t3_cell("new_received", "total")) == v[forms.t3_cell("new_received", "total")]


INCONSISTENT_T4 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0]  # a real report's: 1 + 0 + 0 + 1 is no 0


@pytest.mark.parametrize("rendering", ["html", "docx"])
@pytest.mark.parametrize("merged", [11, 12])
def test_a_short_row_in_a_report_whose_own_sums_fail_is_not_repaired_where_nothing_checks_it(rendering, merged):
    """Two cells of the last group printed in one (a PDF grid that lost a rule): the one reading
    the identities 'allowed' put the gap on the group's total, where no sum can fail, and read
    1 and 0 one cell off as repaired. A reading is evidence for a cell only through a sum it
    closes."""
    v = values()
    v.update(zip(T4_CELLS, INCONSISTENT_T4))
    numbers = [str(n) for n in INCONSISTENT_T4]
    numbers[merged:merged + 2] = [f"{numbers[merged]} {numbers[merged + 1]}"]
    rep = t4_report(v, numbers, rendering)
    assert [(k, rep.cells[k].value) for k in T4_CELLS if rep.cells[k].status in DEFINITE
            and rep.cells[k].value != v[k]] == []
    assert [rep.cells[k].value for k in T4_CELLS[:10]] == INCONSISTENT_T4[:10]


@pytest.mark.parametrize("rendering", ["tab", "html", "docx"])
@pytest.mark.parametrize("merged", [1, 7, 11])
def test_two_cells_printed_in_one_beside_the_cell_they_cover_are_parted_where_the_sums_confirm(rendering, merged):
    """A PDF grid that lost a rule prints two cells in one and leaves the covered cell empty
    (2 | 0 0 | ␣ | 1 | 3): the numbers go to the two cells when every sum then holds."""
    v = values()
    v.update(zip(T4_CELLS, T4_VALUES))
    numbers = [str(n) for n in T4_VALUES]
    numbers[merged:merged + 2] = [f"{numbers[merged]} {numbers[merged + 1]}", ""]
    rep = t4_report(v, numbers, rendering)
    assert [rep.cells[k].value for k in T4_CELLS] == T4_VALUES
    assert {rep.cells[k].status for k in T4_CELLS[merged:merged + 2]} == {"repaired"}


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_two_cells_printed_in_one_in_a_report_whose_own_sums_fail_are_not_parted(rendering):
    v = values()
    v.update(zip(T4_CELLS, INCONSISTENT_T4))
    numbers = [str(n) for n in INCONSISTENT_T4]
    numbers[11:13] = ["0 0", ""]
    rep = t4_report(v, numbers, rendering)
    assert [k for k in T4_CELLS if rep.cells[k].status in DEFINITE and rep.cells[k].value != v[k]] == []
    assert rep.cells[T4_CELLS[11]].status != "repaired"


@pytest.mark.parametrize("rendering", ["tab", "html"])
@pytest.mark.parametrize("marks", ["/ /", "无 无", "— 0"])
def test_marks_of_none_printed_in_one_cell_are_parted_like_numbers(rendering, marks):
    """Two empty-marked cells merged by a lost rule (0 | / / | ␣ | 0) were an unreadable cell
    beside a blank: both unsure. They are two zeros, placed as numbers are."""
    v = values()
    v.update(zip(T4_CELLS, T4_VALUES))
    numbers = [str(n) for n in T4_VALUES]
    numbers[0:2] = [marks, ""]
    rep = t4_report(v, numbers, rendering)
    assert [rep.cells[k].value for k in T4_CELLS] == T4_VALUES
    assert [(rep.cells[k].status, rep.cells[k].raw) for k in T4_CELLS[:2]] == [("repaired", marks)] * 2


@pytest.mark.parametrize("rendering", ["tab", "pipe", "html"])
def test_table_4_as_a_review_row_of_wide_cells_over_a_litigation_row_is_read_whole(rendering):
    """A web page prints 行政复议's five cells each two columns wide, above 行政诉讼's ten in the same
    grid (1 ␣ 0 ␣ 1 ␣ 0 ␣ 2 / 1 0 0 1 2 0 0 0 0 0): the padding made the first line nine cells, and
    the two lines were never joined."""
    v = values()
    v.update(zip(T4_CELLS, T4_VALUES))
    numbers = [str(n) for n in T4_VALUES]
    wide = [cell for n in numbers[:5] for cell in (n, "")][:-1]
    rep = t4_report(v, wide + numbers[5:], rendering, (9,))
    assert [rep.cells[k].value for k in T4_CELLS] == T4_VALUES
    assert [w["lines"] for w in rep.warnings if w["code"] == "t4.wrapped_row"] == [2]


def test_a_row_put_together_from_a_list_may_still_be_a_value_short():
    """Only a grid's line as wide as the form prints its empty end cells as cells: a table-4 row assembled from a
    list (cells placed by their names, width 0) with empty cells at its end may be one value short, its cells read
    with the sums (a list reader's misplaced group was read as printed, two cells wrong)."""
    from builder.extraction.layout import ValueRow
    from builder.extraction.tables import _edge_blank, _Slot

    cells = ["3", "0", "0", "", "", "1", "0", "1", "0", "2", "", "", "0", "", ""]
    ids = tuple(forms.t4_cell(g.id, c.id) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS)
    listed = _Slot(ids, ValueRow("", cells, True, 0, width=0))
    line = _Slot(ids, ValueRow("", cells, True, 0, width=15))
    assert _edge_blank(listed, 15) == cells[:-1] and _edge_blank(line, 15) is None


@pytest.mark.parametrize("rendering", ["tab", "pipe"])
@pytest.mark.parametrize(("row", "numbers"), [("granted", [12, 10, 0, 0, 1, 0]), ("unable.not_held", [3, 15, 0, 2, 0, 0])])
def test_two_cells_run_together_in_a_delimited_row_are_split_where_no_missing_cell_keeps_the_sums(rendering, row,
                                                                                                 numbers):
    """Blind round 121 (a PDF's text layer, tab-separated): 1210 ⇥ 0 ⇥ 0 ⇥ 1 ⇥ 0 ⇥ 23, the converter ran 12 and 10
    together. Read as a row lacking a cell, no reading kept the sums and the row was unsure; where no lacking cell
    keeps them, the run is split as the only reading that does, and marked repaired."""
    v = values(rows={row: numbers, "denied.state_secret": [1, 0, 2, 0, 0, 0]})
    at = [r.id for r in forms.FORMS[forms.GOV_2021].t3_rows].index(row)

    def edit(rows):
        cells = rows[at][2]
        rows[at] = (rows[at][0], rows[at][1], [cells[0] + cells[1], *cells[2:]])
        return rows

    rep = report(v, forms.GOV_2021, edit, rendering)
    assert wrong_t3(rep, v) == []
    assert [(c.value, c.status) for c in (rep.cells[forms.t3_cell(row, k)] for k in ("natural_person",
            "commercial_enterprise"))] == [(numbers[0], "repaired"), (numbers[1], "repaired")]
    assert "数字粘连" in rep.cells[forms.t3_cell(row, "natural_person")].note


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_two_numbers_in_a_full_row_s_cell_go_to_its_column_s_blank_in_the_next_row(rendering):
    """Blind round 121 (a PDF's text layer): 予以公开 printed 3 ⇥ 2 1 ⇥ 0 … and 部分公开 0 ⇥ ␣ ⇥ 0 …, the 1 displaced up
    from the cell below. With every cell of its own row printed, 2 1 was read only as a wrapped 21 and left unsure:
    a blank in its column is a place it may have come from, and the sums say it did."""
    v = values(rows={"granted": [3, 2, 0, 1, 0, 0], "partially_granted": [0, 1, 0, 0, 0, 0]})
    ids = [r.id for r in forms.FORMS[forms.GOV_2021].t3_rows]

    def edit(rows):
        granted, partial = ids.index("granted"), ids.index("partially_granted")
        rows[granted] = (rows[granted][0], rows[granted][1], ["3", "2 1", *rows[granted][2][2:]])
        rows[partial] = (rows[partial][0], rows[partial][1], ["0", "", *rows[partial][2][2:]])
        return rows

    rep = report(v, forms.GOV_2021, edit, rendering)
    assert wrong_t3(rep, v) == []
    assert [(rep.cells[forms.t3_cell(row, "commercial_enterprise")].value,
             rep.cells[forms.t3_cell(row, "commercial_enterprise")].status)
            for row in ("granted", "partially_granted")] == [(2, "repaired"), (1, "repaired")]


@pytest.mark.parametrize("extra", [1, 2])
def test_a_space_separated_row_printing_the_next_rows_first_values_gives_them_back(extra):
    """Blind round 121 (pypdf's text, in the manner of a real sample's tab-separated 0 0 3): 1.本机关不掌握… 4 2 1 1 0 0 0
    0 5, then 2.没有现成信息… 0 0 0 0 0 2 and 3.补正后… 0 0 0 0 0 1: the natural-person values of the rows below printed
    in the first one's cell. The three rows were unsure; one column only, so grouped, keeps each row's sum, and the
    table's sums confirm where the values go."""
    rows = ["unable.not_held", "unable.needs_creation", "unable.unclear"][:extra + 1]
    v = values(rows={"unable.not_held": [4, 1, 0, 0, 0, 0], "unable.needs_creation": [2, 0, 0, 0, 0, 0],
                     "unable.unclear": [1, 0, 0, 0, 0, 0]})
    ids = [r.id for r in forms.FORMS[forms.GOV_2021].t3_rows]

    def edit(printed):
        first = ids.index(rows[0])
        moved = [printed[ids.index(r)][2][0] for r in rows[1:]]
        cells = printed[first][2]
        printed[first] = (printed[first][0], printed[first][1], [cells[0], *moved, *cells[1:]])
        for r in rows[1:]:
            k = ids.index(r)
            printed[k] = (printed[k][0], printed[k][1], printed[k][2][1:])
        return printed

    rep = report(v, forms.GOV_2021, edit, "space")
    assert wrong_t3(rep, v) == []
    assert [(rep.cells[forms.t3_cell(r, "natural_person")].value, rep.cells[forms.t3_cell(r, "natural_person")].status)
            for r in rows] == [(v[forms.t3_cell(r, "natural_person")], "repaired") for r in rows]


def test_a_space_separated_row_of_ocr_glyphs_for_zeros_run_together_is_read():
    """Blind round 122 (Tesseract's text of a scan): 4.保护第三方合法权益 2 〇〇 0 O 1 3, two zeros run together and two
    read as glyphs. A glyph was no number of a row short of a cell, and the row was unsure: the glyphs read as
    digits, the run is split as the sums confirm, and the note says the glyphs were read."""
    v = values(rows={"denied.third_party_rights": [2, 0, 0, 0, 0, 1], "granted": [3, 1, 0, 0, 0, 0]})
    at = [r.id for r in forms.FORMS[forms.GOV_2021].t3_rows].index("denied.third_party_rights")

    def edit(rows):
        rows[at] = (rows[at][0], rows[at][1], ["2", "〇〇", "0", "O", "1", "3"])
        return rows

    rep = report(v, forms.GOV_2021, edit, "space")
    assert wrong_t3(rep, v) == []
    cells = [rep.cells[forms.t3_cell("denied.third_party_rights", c.id)] for c in forms.T3_COLUMNS]
    assert [(c.value, c.status) for c in cells] == [(n, "repaired") for n in (2, 0, 0, 0, 0, 1, 3)]
    assert "按字形读作数字" in cells[1].note


@pytest.mark.parametrize("rendering", ["tab", "html"])
def test_a_row_of_zeros_one_cell_off_is_zero_whichever_way_it_aligns(rendering):
    """Blind round 125 (CMS exports: a label cell spanning both label columns, its row one cell off): ␣ | 0 | 0 | … | 0,
    a row of zeros one cell wider than the others. Its first cell is the printed 0 or a blank that the row's sum makes
    0: it was left unsure between the two; it is 0 either way."""
    v = values(rows={"granted": [3, 1, 0, 0, 0, 0], "denied.state_secret": [1, 0, 2, 0, 0, 0]})
    at = [r.id for r in forms.FORMS[forms.GOV_2021].t3_rows].index("other.other")
    v.update({forms.t3_cell("other.other", c.id): 0 for c in forms.T3_COLUMNS})

    def edit(rows):
        rows[at] = (rows[at][0], rows[at][1], ["", *["0"] * 7])
        return rows

    rep = report(v, forms.GOV_2021, edit, rendering)
    assert wrong_t3(rep, v) == []
    assert [rep.cells[forms.t3_cell("other.other", c.id)].value for c in forms.T3_COLUMNS] == [0] * 7


def test_a_row_leaving_cells_blank_inside_and_at_its_end_keeps_every_cell_in_its_place():
    """Blind round 200 (a Word template's content controls left unfilled): table 4's row 0 ⇥ 0 ⇥ 0 ⇥ ∅ ⇥ 0 … 0 ⇥ ∅,
    its last cell blank, was taken for a row a value short padded at its end: all fifteen cells unsure. A row whose
    blank cells stand between its values too keeps its cells in their places; the blanks are inferred."""
    from .test_cells_with_headers import T4_IDS

    v = values(seed=6)
    v.update({cell: 0 for cell in T4_IDS})
    blank = {"t4.admin_review.pending", "t4.litigation_direct.total", "t4.litigation_after_review.total"}
    lines = synthetic.render(AGENCY, 2022, forms.GOV_2021, v, "tab").split("\n")
    row = next(k for k, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议")) + 3
    lines[row] = "\t".join("" if cell in blank else str(v[cell]) for cell in T4_IDS)
    rep = extract_bytes("\n".join(lines).encode(), "report.txt")
    assert [(cell, rep.cells[cell].value, rep.cells[cell].status) for cell in T4_IDS] == [
        (cell, v[cell], "inferred" if cell in blank else "reported") for cell in T4_IDS]
