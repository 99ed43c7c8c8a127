"""Reports reposted on forums and wikis, their tables in BBCode, MediaWiki, Textile and AsciiDoc markup: every cell
read in its place, a span's number no value."""

from __future__ import annotations

import html

import pytest

from builder.extraction.extract import extract_bytes

from .official_form import AGENCY, YEAR, Table, assert_every_cell, blocks, html_page, placed, values


def _bbcode(report: list) -> str:
    def table(rows: Table) -> str:
        return "[table=98%]" + "".join(
            "[tr]" + "".join((f"[td={c.colspan},{c.rowspan}]" if c.colspan > 1 or c.rowspan > 1 else "[td]")
                             + (f"[color=red]{c.text}[/color]" if c.text.isdigit() and c.text != "0" else c.text)
                             + "[/td]" for c in row) + "[/tr]" for row in rows) + "[/table]"

    return "\n".join(f"[size=4][b]{b}[/b][/size]" if isinstance(b, str) else table(b) for b in report)


def _mediawiki(report: list) -> str:
    def table(rows: Table) -> str:
        lines = ['{| class="wikitable" style="text-align:center"']
        for row in rows:
            lines.append("|-")
            cells = []
            for c in row:
                spans = " ".join(f'{name}="{n}"' for name, n in (("colspan", c.colspan), ("rowspan", c.rowspan)) if n > 1)
                cells.append(f"{spans} | {c.text}" if spans else c.text)
            lines.append("| " + " || ".join(cells))
        return "\n".join([*lines, "|}"])

    return "\n".join(f"== {b} ==" if b[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") else f"'''{b}'''"
                     if isinstance(b, str) else table(b) for b in report)


def _textile(report: list) -> str:
    def table(rows: Table) -> str:
        lines = ["table{border:1px solid black}."]
        for row in rows:
            cells = []
            for c in row:
                modifiers = (f"\\{c.colspan}" if c.colspan > 1 else "") + (f"/{c.rowspan}" if c.rowspan > 1 else "")
                cells.append(f"{modifiers}. {c.text}" if modifiers else c.text)
            lines.append("|" + "|".join(cells) + "|")
        return "\n".join(lines)

    return "\n".join(f"h2. {b}" if b[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") else f"p. {b}"
                     if isinstance(b, str) else table(b) for b in report)


def _creole(report: list) -> str:
    """Creole (a wiki's source): a cell |text, a header cell |=text, no spans (a spanned cell's place left empty)."""
    def table(rows: Table) -> str:
        width = max(c + cell.colspan for _, c, cell in placed(rows))
        grid = {(r, c): cell.text for r, c, cell in placed(rows)}
        lines = []
        for r in range(max(r for r, _, _ in placed(rows)) + 1):
            cells = [grid.get((r, c), "") for c in range(width)]
            header = not any(text.replace(".", "", 1).isdigit() for text in cells)
            lines.append("".join(("|=" if header else "|") + text for text in cells) + "|")
        return "\n".join(lines)

    return "\n".join(f"== {b} ==" if b[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") else b
                     if isinstance(b, str) else table(b) for b in report)


def _asciidoc(report: list, cell_lines: bool = False, cols: str = "list") -> str:
    def spec(c) -> str:
        if c.colspan > 1 or c.rowspan > 1:
            return (str(c.colspan) if c.colspan > 1 else "") + (f".{c.rowspan}" if c.rowspan > 1 else "") + "+"
        return ""

    def table(rows: Table) -> str:
        width = sum(c.colspan for c in rows[0])
        head = {"list": f'[cols="{",".join(["1"] * width)}",options="header"]', "times": f'[cols="{width}*"]',
                "none": ""}[cols]
        cells = [[f"{spec(c)}|{c.text}" for c in row] for row in rows]
        body = "\n".join(cell for row in cells for cell in row) if cell_lines else "\n".join(" ".join(r) for r in cells)
        return "\n".join(filter(None, [head, "|===", body, "|==="]))

    return "\n\n".join(f"== {b}" if b[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") else b
                       if isinstance(b, str) else table(b) for b in report)


@pytest.mark.parametrize("cell_lines, cols", [(False, "none"), (False, "list"), (True, "list"), (True, "times")])
def test_a_report_in_asciidoc_is_read_cell_by_cell(cell_lines, cols):
    """AsciiDoc tables (|===, spans as 3+| .2+| 2.3+|), a row a line or each cell on a line of its own, the columns
    counted by the cols line: read as text, a span's number was a value and a table of one cell a line no table."""
    v = values(seed=6)
    report = extract_bytes(_asciidoc(blocks(v), cell_lines, cols).encode("utf-8"), "report.adoc")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_an_asciidoc_table_of_comma_separated_values_is_read():
    from builder.reading.wikitext import tables_as_rows

    assert tables_as_rows('前文\n[cols="3*"]\n,===\n信息内容,本年处理决定数量\n"行政许可",412\n,===\n后文') == \
        "前文\n\n信息内容\t本年处理决定数量\n行政许可\t412\n\n后文"


def test_an_asciidoc_table_s_hostile_spans_are_read_as_none_past_a_limit():
    """Thousands of cells each spanning 60 columns and 100 rows would cover hundreds of millions of places."""
    from builder.reading import wikitext

    body = "\n".join("60.100+|1" for _ in range(5_000))
    rows = wikitext._asciidoc_rows(body, '[cols="60*"]')
    assert sum(len(row) for row in rows) == 5_000


@pytest.mark.parametrize("markup, saved", [(_bbcode, "text"), (_bbcode, "forum page"), (_mediawiki, "text"),
                                           (_mediawiki, "edit box"), (_textile, "text"), (_creole, "text")])
def test_a_report_reposted_in_forum_or_wiki_markup_is_read_cell_by_cell(markup, saved):
    """A forum's BBCode ([td=3,2]), a wiki's source (colspan="3" | 186, || between cells) and Textile (|\\3/2. cell|),
    saved as text, as a forum post's lines, or in a wiki's edit box: read as text, a span's number was a row's value
    (行政许可 3 for [td=1,3]), labels ran out of line, a heading's h2. gave table 2's fee its 2. Blind round 147: Creole's
    header cells (|=结果维持|=|=|) left their = marks as cells, and table 4's header was read for its row."""
    v = values(seed=6)
    text = markup(blocks(v))
    if saved == "forum page":
        data = html_page("<div class='t_f'>" + "<br />\n".join(html.escape(line) for line in text.split("\n")) + "</div>")
    elif saved == "edit box":
        data = html_page(f"<h1>编辑“{AGENCY}{YEAR}年政府信息公开工作年度报告”</h1><textarea>{html.escape(text)}</textarea>")
    else:
        data = text
    report = extract_bytes(data.encode("utf-8"), "report.html" if saved != "text" else "report.txt")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_wiki_heading_s_marker_is_no_value_of_the_row_above():
    """Confluence's h2. before 三、 under table 2, whose fee is left blank: the heading's 2 was read as the fee."""
    from .official_form import fmt, placed

    v = values(seed=6)
    printed = {**v, "t2.fees.amount_10k_cny": None}

    def confluence(rows: Table) -> str:
        width = max(c + cell.colspan for _, c, cell in placed(rows))
        grid = [[" "] * width for _ in rows]
        for r, c, cell in placed(rows):
            grid[r][c] = cell.text or " "
        return "\n".join("|" + "|".join(row) + "|" for row in grid)

    report = blocks(printed)
    text = "\n".join(f"h2. {b}" if isinstance(b, str) and b[:2] in ("二、", "三、", "四、") else b
                     if isinstance(b, str) else confluence(b) for b in report)
    assert f"|行政事业性收费|{fmt(None) or ' '}|" in text and "\nh2. 三、" in text
    got = extract_bytes(text.encode("utf-8"), "report.txt").cells["t2.fees.amount_10k_cny"]
    assert (got.status, got.value) == ("blank", None)


def _latex(report: list, digits: str = "plain") -> str:
    """Mathpix's LaTeX of a PDF: each table a tabular, spans as \\multicolumn and \\multirow (the rows under a
    \\multirow print their own empty cells), rules between rows; counts plain, or in math with their digits spaced."""
    def text(cell) -> str:
        if cell.text.isdigit() and digits == "spaced" and len(cell.text) > 1:
            return "$\\mathrm{" + " ".join(cell.text) + "}$"
        return cell.text

    def table(rows: Table) -> str:
        grid = {(r, c): cell for r, c, cell in placed(rows)}
        covered = {(r + dr, c): grid[(r, c)] for (r, c), cell in grid.items() for dr in range(1, cell.rowspan)}
        width = max(c + cell.colspan for (_, c), cell in grid.items())
        lines = ["\\begin{tabular}{|" + "c|" * width + "}", "\\hline"]
        for r in range(len(rows)):
            cells, c = [], 0
            while c < width:
                cell, empty = grid.get((r, c)), (r, c) in covered
                span = (cell or covered.get((r, c))).colspan if cell or empty else 1
                body = "" if cell is None else (f"\\multirow{{{cell.rowspan}}}{{*}}{{{text(cell)}}}" if cell.rowspan > 1
                                                else text(cell))
                cells.append(f"\\multicolumn{{{span}}}{{|c|}}{{{body}}}" if span > 1 else body)
                c += span
            lines += [" & ".join(cells) + " \\\\", "\\hline"]
        return "\n".join([*lines, "\\end{tabular}"])

    return "\n\n".join(f"\\section*{{{b}}}" if isinstance(b, str) and b[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
                       else b if isinstance(b, str) else table(b) for b in report)


@pytest.mark.parametrize("digits", ["plain", "spaced"])
def test_a_report_converted_by_mathpix_with_latex_tables_is_read_cell_by_cell(digits):
    """Blind round 131 (PDF-to-Markdown converters): Mathpix writes tables as LaTeX tabulars (\\multicolumn{3}{|c|}{…},
    \\multirow{20}{*}{三、本年度办理结果}, & between cells, \\\\ and \\hline between rows) and counts as
    $\\mathrm{4 8}$: read as text, no table was found (199 cells missed)."""
    v = values(seed=6)
    latex = "\\documentclass{article}\n\\usepackage{multirow}\n\\begin{document}\n" + _latex(blocks(v), digits) \
        + "\n\\end{document}\n"
    report = extract_bytes(latex.encode("utf-8"), "report.md")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


@pytest.mark.parametrize("document", [True, False])
def test_a_latex_table_s_commented_out_rows_and_notes_are_no_cells(document):
    """Blind round 229 (a report's LaTeX source): a draft's row left in a comment above the real one (% 0 & 0 & … \\\\
    % 模板默认值) was read as table 4's row, 8 cells wrong, and a % note in the prose was read as text. A comment is no
    text of the report: in a document everywhere, in a lone table (a Markdown page's) within the table only."""
    v = values(seed=6)
    latex = _latex(blocks(v))
    cut = latex.rindex("\\hline\n", 0, latex.rindex("\\end{tabular}"))
    cut = latex.rindex("\\hline\n", 0, cut) + len("\\hline\n")
    zeros = " & ".join(["0"] * 15)
    latex = latex[:cut] + f"% {zeros} \\\\ % 模板默认值\n" + latex[cut:]
    if document:
        latex = "\\documentclass{ctexart}\n\\begin{document}\n% 初稿数据见附件\n" + latex + "\n\\end{document}\n"
    report = extract_bytes(latex.encode("utf-8"), "report.tex" if document else "report.md")
    assert_every_cell(report, v)
