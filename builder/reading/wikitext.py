"""Tables written in forum and wiki markup, as a crawler keeps a report reposted on a forum or a wiki: BBCode
([table][tr][td=3,2]…), MediaWiki ({| … |- … | a || b … |}), Textile (|_. header| and |\\3/2. cell|) and AsciiDoc
(|=== … |===, a cell's spans before its bar: 3+| 2.3+|, its cells on one line or each on its own) and LaTeX
(\\begin{tabular} … \\end{tabular}, as Mathpix converts a PDF's tables: cells parted by &, rows by \\\\,
\\multicolumn{3}{|c|}{…} and \\multirow{2}{*}{…}). Each
table is put in the shared table format (a row a line, cells parted by tabs, a spanned cell's places empty) by
writing it as an HTML table; the markup's formatting tags elsewhere are left out. Read as text, a span's
numbers (colspan="3", [td=3,3], \\3) were a row's values and the labels' cells ran out of line."""

from __future__ import annotations

import html
import re

# BBCode (Discuz!, phpBB): a table's tags, a cell's span as [td=colspan,rowspan], and the formatting tags around text.
_BB_TABLE = re.compile(r"\[table(?:=[^\]]*)?\](?P<body>.*?)\[/table\]", re.IGNORECASE | re.DOTALL)
_BB_ROW = re.compile(r"\[tr(?:=[^\]]*)?\](?P<body>.*?)\[/tr\]", re.IGNORECASE | re.DOTALL)
_BB_CELL = re.compile(r"\[(?P<tag>td|th)(?:=(?P<spans>[^\]]*))?\](?P<body>.*?)\[/(?P=tag)\]", re.IGNORECASE | re.DOTALL)
_BB_FORMAT = re.compile(r"\[/?(?:b|i|u|s|color|size|align|font|url|email|backcolor|indent|p|float|quote|code|hr|list|\*)"
                        r"(?:=[^\]\n]*)?\]", re.IGNORECASE)
_BB_IMAGE = re.compile(r"\[img(?:=[^\]]*)?\].*?\[/img\]", re.IGNORECASE | re.DOTALL)

# MediaWiki: a table from {| to |}, rows parted by |-, cells after | or ! (|| and !! between cells on one line), a
# cell's attributes before a single | (colspan="3" | 186); links, templates and bold quotes inside text.
_MW_START = re.compile(r"^\s*\{\|", re.MULTILINE)
WIKI_SOURCE = re.compile(r"^\s*\{\||\[table[=\]]", re.MULTILINE | re.IGNORECASE)  # wiki or forum source, not a page
_MW_SPLIT = re.compile(r"\|\||!!")
_MW_ATTRIBUTES = re.compile(r"^(?P<attributes>[^|\[\]{}]*=[^|\[\]{}]*)\|(?!\|)(?P<text>.*)$")
_MW_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?(?P<text>[^\]]*)\]\]")
_MW_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_MW_QUOTES = re.compile(r"'{2,}")

# Textile: a table row | … | … |, a cell's modifiers before ". " (_ a header, \3 a colspan, /2 a rowspan, alignment,
# {style}, (class)); a table's or a paragraph's own modifiers line (table{…}. p=. h2.).
_TX_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TX_MODIFIERS = re.compile(r"^(?P<modifiers>(?:_|\\\d+|/\d+|<>|[<>=^~-]|\{[^}]*\}|\([^)]*\)|\[[^\]]*\])+)\.\s(?P<text>.*)$",
                           re.DOTALL)
_TX_BLOCK = re.compile(r"^\s*(?:table|p|h[1-6]|bq)(?:<>|[<>=()]|\{[^}]*\}|\([^)]*\))*\.(?:\s+|$)", re.MULTILINE)
# A wiki heading's marker before Chinese text (Confluence, Jira, Textile: h2. 三、收到和处理…): its digit is no value.
_WIKI_HEADING = re.compile(r"^[ \t]*h[1-6]\.[ \t]+(?=[\u4e00-\u9fff（(【])", re.MULTILINE)
# AsciiDoc: a table between two |=== lines (,=== and :=== for comma and colon separated values), its columns counted
# by the [cols="2,1,1"] line above it (3*, a column repeated) or by its first line's cells; a cell starts at a bar
# after a space or at a line's start, its spec before the bar (3+ a colspan, .2+ a rowspan, 2.3+ both, 3* the cell
# repeated; alignment and style letters).
_AD_DELIMITER = re.compile(r"^[ \t]*(?P<kind>[|,:!])===[ \t]*$", re.MULTILINE)
_AD_COLS = re.compile(r"""\bcols\s*=\s*["']?(?P<cols>[^"'\]]*)""")
_AD_CELL = re.compile(r"(?:(?<=\s)|^)(?P<spec>(?:\d+\*|(?:\d+)?(?:\.\d+)?\+)?(?:[<^>])?(?:\.[<^>])?[adehlmsv]?)\|",
                      re.MULTILINE)
_AD_MAX_COLUMNS = 60  # an AsciiDoc table's columns, at most (a cols line of thousands: no table of the form)
_AD_MAX_PLACES = 100_000  # places a table's spans cover, at most: past them, a hostile file's spans are read as none
_SPAN = re.compile(r"(?P<kind>colspan|rowspan)\s*=\s*[\"']?(?P<n>\d+)", re.IGNORECASE)
_MAX_SPAN = 100  # a span wider or longer than a table has: a typo, read as none


def tables_as_rows(text: str) -> str:
    """The text with its forum and wiki tables as rows of tab-parted cells; any other text as it is."""
    lowered = text[:2_000_000].lower()
    if "[/td]" in lowered and "[table" in lowered:
        text = _BB_TABLE.sub(lambda m: _as_rows(_bbcode_rows(m["body"])), text)
        text = _BB_FORMAT.sub("", _BB_IMAGE.sub("", text))
    if "|-" in text and _MW_START.search(text):
        text = _mediawiki(text)
    if "|_." in text or re.search(r"\|[\\/]\d+\.", text):
        text = _textile(text)
    if "===" in text and _AD_DELIMITER.search(text):
        text = _asciidoc(text)
    if "\\begin{" in text and _LATEX_TABLE.search(text):
        if _LATEX_DOCUMENT.search(text):
            text = _LATEX_COMMENT.sub("", text)  # (a draft's row left in a comment: % 0 & 0 & … \\)
        text = _LATEX_TABLE.sub(lambda m: _as_rows(_latex_rows(_LATEX_COMMENT.sub("", m["body"]))), text)
        text = _LATEX_HEADING.sub(lambda m: m["text"] or m["title"] or "", _LATEX_FRAME.sub("", text))
    return _WIKI_HEADING.sub("", text) if "h" in text else text


# LaTeX: a tabular environment (tabularx and tabular* with a width first, longtable, array), its column spec
# (|c|p{2cm}|), its rows ended by \\ and parted by rules (\hline, \cline{2-9}, booktabs' \midrule); a cell's
# commands (\textbf{…}, \makecell{…}) around its text. \multirow's text stands in its first row, the rows it
# spans print their own empty cells.
_LATEX_TABLE = re.compile(r"\\begin\{(?P<env>tabularx|tabular\*|tabular|longtable|array)\}(?:\{[^{}]*\})?(?:\[[^\]]*\])?"
                          r"\{(?:[^{}]|\{[^{}]*\})*\}(?P<body>.*?)\\end\{(?P=env)\}", re.DOTALL)
# A LaTeX document's frame around its text (\documentclass, \usepackage, \begin{document}, \begin{flushright}), a line
# each, and its headings (\section*{三、收到和处理…}): the heading's text.
_LATEX_FRAME = re.compile(r"^[ \t]*\\(?:documentclass|usepackage|begin|end|maketitle)\b[^\n]*$", re.MULTILINE)
_LATEX_HEADING = re.compile(r"\\(?:sub){0,2}section\*?\{(?P<text>[^{}\n]*)\}|\\title\{(?P<title>[^{}\n]*)\}")
_LATEX_ROW_END = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
# A comment: an unescaped % to the line's end (in a document, and in a table's body anywhere, whose percent signs a
# converter escapes), no text of the report; a LaTeX document as such (a Markdown page's table may be LaTeX alone).
_LATEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_LATEX_DOCUMENT = re.compile(r"\\documentclass|\\begin\{document\}")
_LATEX_RULE = re.compile(r"\\(?:hline|cline\{[^}]*\}|toprule|midrule|bottomrule|cmidrule(?:\([^)]*\))?\{[^}]*\}|endhead"
                         r"|endfirsthead|endfoot|endlastfoot|hhline\{[^}]*\})")
_LATEX_CELL = re.compile(r"(?<!\\)&")
_LATEX_SPAN = re.compile(r"\s*\\(?P<kind>multicolumn|multirow)\s*\{(?P<count>\d+)\}\s*(?:\[[^\]]*\]\s*)?")
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\s*")
_LATEX_ESCAPED = re.compile(r"\\([%&_#$])")


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text of the brace group at ``start`` (after spaces) and where it ends; an unbraced rest is all of it."""
    at = start
    while at < len(text) and text[at].isspace():
        at += 1
    if at >= len(text) or text[at] != "{":
        return text[start:], len(text)
    depth = 0
    for k in range(at, len(text)):
        depth += (text[k] == "{") - (text[k] == "}")
        if depth == 0:
            return text[at + 1:k], k + 1
    return text[at + 1:], len(text)


def _latex_cell(text: str) -> tuple[str, str, int, int]:
    """A cell's text and columns: \\multicolumn{n}{spec}{…} spans n, \\multirow{n}{width}{…} stands in its first row."""
    colspan = 1
    while (m := _LATEX_SPAN.match(text)) is not None:
        after = m.end()
        if m["kind"] == "multicolumn":
            colspan = int(m["count"])
            _, after = _braced(text, after)  # (the column's spec)
        else:
            _, after = _braced(text, after)  # (the width: * or 2cm)
        text, _ = _braced(text, after)
    text = _LATEX_ESCAPED.sub(r"\1", _LATEX_COMMAND.sub(" ", text.replace("\\\\", " ")))
    return _cell(text.replace("{", "").replace("}", "").replace("$", ""), colspan=colspan)


def _latex_rows(body: str) -> list[list[tuple[str, str, int, int]]]:
    rows = [_LATEX_CELL.split(row) for row in _LATEX_ROW_END.split(_LATEX_RULE.sub("", body))]
    return [[_latex_cell(cell) for cell in row] for row in rows if any(cell.strip() for cell in row)]


def _cell(text: str, tag: str = "td", colspan: int = 1, rowspan: int = 1) -> tuple[str, str, int, int]:
    spans = [min(max(span, 1), _MAX_SPAN) for span in (colspan, rowspan)]
    return tag, " ".join(text.split()), spans[0], spans[1]


def _as_rows(rows: list[list[tuple[str, str, int, int]]]) -> str:
    """Rows of cells (tag, text, colspan, rowspan) as lines of tab-parted cells, spans laid out as a page shows them."""
    from .markup import html_to_text

    markup = "".join("<tr>" + "".join(f'<{tag} colspan="{colspan}" rowspan="{rowspan}">{html.escape(text)}</{tag}>'
                                      for tag, text, colspan, rowspan in row) + "</tr>" for row in rows if row)
    return "\n" + html_to_text(f"<table>{markup}</table>") + "\n" if markup else "\n"


def _bbcode_rows(body: str) -> list[list[tuple[str, str, int, int]]]:
    rows = []
    for row in _BB_ROW.finditer(body):
        cells = []
        for cell in _BB_CELL.finditer(row["body"]):
            spans = [int(n) for n in re.findall(r"\d+", cell["spans"] or "")[:2]]
            text = _BB_FORMAT.sub("", _BB_IMAGE.sub("", cell["body"]))
            cells.append(_cell(text, cell["tag"].lower(), *[*spans, 1, 1][:2]))
        rows.append(cells)
    return rows


def _mediawiki(text: str) -> str:
    """The text with each {| … |} table as rows (a row's cells on lines of their own or after || on one line)."""
    out: list[str] = []
    rows: list[list[tuple[str, str, int, int]]] | None = None
    for line in text.split("\n"):
        stripped = line.strip()
        if rows is None:
            if stripped.startswith("{|"):
                rows = [[]]
            else:
                out.append(line)
            continue
        if stripped.startswith("|}"):
            out.append(_as_rows(rows))
            rows = None
        elif stripped.startswith("|-"):
            rows.append([])
        elif stripped.startswith("|+"):
            rows.insert(0, [_cell(_wiki_text(stripped[2:]), colspan=_MAX_SPAN)])
        elif stripped.startswith(("|", "!")):
            tag = "th" if stripped.startswith("!") else "td"
            rows[-1] += [_wiki_cell(part, tag) for part in _MW_SPLIT.split(stripped[1:])]
        elif rows[-1]:  # (a cell's text going on to the next line)
            tag, cell_text, colspan, rowspan = rows[-1][-1]
            rows[-1][-1] = _cell(f"{cell_text} {_wiki_text(stripped)}", tag, colspan, rowspan)
    if rows is not None:  # (a table never closed: a page cut off)
        out.append(_as_rows(rows))
    return "\n".join(out)


def _wiki_cell(part: str, tag: str) -> tuple[str, str, int, int]:
    m = _MW_ATTRIBUTES.match(part)
    attributes, content = (m["attributes"], m["text"]) if m else ("", part)
    spans = {s["kind"].lower(): int(s["n"]) for s in _SPAN.finditer(attributes)}
    return _cell(_wiki_text(content), tag, spans.get("colspan", 1), spans.get("rowspan", 1))


def _wiki_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    return _MW_QUOTES.sub("", _MW_TEMPLATE.sub("", _MW_LINK.sub(r"\g<text>", text)))


def _textile(text: str) -> str:
    """The text with each run of Textile table rows as rows, its modifiers as spans; block modifiers (p=. table{…}.)
    left out."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        cells = [[_textile_cell(part) for part in line.strip()[1:-1].split("|")] for line in run]
        # (a run without a cell's modifiers is some other pipe table's: Markdown's, as it is)
        out.append(_as_rows([[cell for cell, _ in row] for row in cells]) if any(
            marked for row in cells for _, marked in row) else "\n".join(run))
        run.clear()

    for line in text.split("\n"):
        if _TX_ROW.match(line):
            run.append(line)
            continue
        if run:
            flush()
        out.append(_TX_BLOCK.sub("", line))
    if run:
        flush()
    return "\n".join(out)


def _textile_cell(part: str) -> tuple[tuple[str, str, int, int], bool]:
    """A cell and whether modifiers marked it."""
    m = _TX_MODIFIERS.match(part.strip())
    if m is None:
        return _cell(part), False
    modifiers = m["modifiers"]
    colspan = re.search(r"\\(\d+)", modifiers)
    rowspan = re.search(r"/(\d+)", modifiers)
    return _cell(m["text"], "th" if "_" in modifiers else "td", int(colspan[1]) if colspan else 1,
                 int(rowspan[1]) if rowspan else 1), True


def _asciidoc(text: str) -> str:
    """The text with each AsciiDoc table between its |=== lines as rows; the [cols=…] line above it left out."""
    out: list[str] = []
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        opening = _AD_DELIMITER.fullmatch(lines[k])
        end = next((j for j in range(k + 1, len(lines)) if _AD_DELIMITER.fullmatch(lines[j])), None) if opening else None
        if end is None:
            out.append(lines[k])
            k += 1
            continue
        attributes = out.pop() if out and out[-1].strip().startswith("[") and "cols" in out[-1] else ""
        body = "\n".join(lines[k + 1:end])
        rows = _delimited_rows(body, opening["kind"]) if opening["kind"] in ",:" else _asciidoc_rows(body, attributes)
        out.append(_as_rows(rows))
        k = end + 1
    return "\n".join(out)


def _delimited_rows(body: str, separator: str) -> list[list[tuple[str, str, int, int]]]:
    import csv

    rows = []
    try:
        for row in csv.reader(body.splitlines(), delimiter=separator):
            if row:
                rows.append([_cell(cell) for cell in row])
    except csv.Error:  # a field over the csv module's limit (131,072 characters): the rows before it
        pass
    return rows


def _asciidoc_columns(attributes: str, body: str) -> int:
    """The columns of a table: its cols line's (2,1,1 three; 3* three; 4 alone four) or its first line's cells."""
    if (m := _AD_COLS.search(attributes)) is not None:
        items = [item.strip() for item in re.split(r"[,;]", m["cols"]) if item.strip()]
        if len(items) == 1 and items[0].isdecimal():
            return min(int(items[0]), _AD_MAX_COLUMNS)
        count = sum(int(item.split("*")[0]) if re.match(r"\d+\*", item) else 1 for item in items)
        if count:
            return min(count, _AD_MAX_COLUMNS)
    first = next((line for line in body.splitlines() if line.strip()), "")
    return max(1, sum(_spans(m["spec"])[0] for m in _AD_CELL.finditer(first)))


def _spans(spec: str) -> tuple[int, int, int]:
    """A cell spec's colspan, rowspan and times repeated (3+ | .2+ | 2.3+ | 3*)."""
    if m := re.match(r"(\d+)\*", spec):
        return 1, 1, min(int(m[1]), _AD_MAX_COLUMNS)
    if m := re.match(r"(\d+)?(?:\.(\d+))?\+", spec):
        return min(int(m[1] or 1), _MAX_SPAN), min(int(m[2] or 1), _MAX_SPAN), 1
    return 1, 1, 1


def _asciidoc_rows(body: str, attributes: str) -> list[list[tuple[str, str, int, int]]]:
    """A table's cells put in rows of its columns, places a rowspan above fills skipped."""
    columns = _asciidoc_columns(attributes, body)
    marks = list(_AD_CELL.finditer(body))
    rows: list[list[tuple[str, str, int, int]]] = [[]]
    taken: set[tuple[int, int]] = set()
    row = column = 0
    for k, mark in enumerate(marks):
        text = body[mark.end():marks[k + 1].start() if k + 1 < len(marks) else len(body)]
        colspan, rowspan, times = _spans(mark["spec"])
        if len(taken) + colspan * rowspan * times > _AD_MAX_PLACES:
            colspan = rowspan = 1
        for _ in range(times):
            while (row, column) in taken or column >= columns:
                column += 1
                if column >= columns:
                    row, column = row + 1, 0
                    rows.append([])
            rows[-1].append(_cell(text, colspan=colspan, rowspan=rowspan))
            for r in range(row, row + rowspan):
                for c in range(column, column + colspan):
                    taken.add((r, c))
            column += colspan
    return rows
