"""Reports digitised in notebooks (Jupyter, Zeppelin, Observable): read as the notebook shows them, its text cells
and the results its code showed, never its code, its printed checks or its errors."""

from __future__ import annotations

import json
import random

from builder import forms, synthetic
from builder.extraction.extract import extract_bytes

AGENCY = "苏州市吴江区人民政府"
YEAR = 2022


def _report(seed: int) -> tuple[list[str], dict]:
    v = synthetic.consistent_values(random.Random(seed), forms.GOV_2021)
    return synthetic.render(AGENCY, YEAR, forms.GOV_2021, v, "tab").split("\n"), v


def _parts(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The report as a notebook holds it: prose as Markdown, each run of a table's rows as an HTML table."""
    parts: list[tuple[str, list[str]]] = []
    for line in lines:
        kind = "table" if "\t" in line else "prose"
        if parts and parts[-1][0] == kind:
            parts[-1][1].append(line)
        else:
            parts.append((kind, [line]))
    return parts


def _html(rows: list[str]) -> str:
    return ('<table border="1" class="dataframe"><tbody>' + "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row.split("\t")) + "</tr>" for row in rows) + "</tbody></table>")


def test_a_jupyter_notebook_is_read_as_its_text_cells_and_shown_results():
    """A notebook was JSON without an article: refused. Its code (other figures in it), a stream printing a sum that
    double-counts, and an error's traceback are none of the report."""
    lines, v = _report(41)
    cells = []
    for kind, block in _parts(lines):
        if kind == "prose":
            cells.append({"cell_type": "markdown", "metadata": {}, "source": [line + "\n\n" for line in block]})
        else:
            cells.append({"cell_type": "code", "metadata": {}, "execution_count": len(cells), "source": [
                "t = pd.DataFrame([[99999, 88888]])\n"], "outputs": [
                {"output_type": "execute_result", "execution_count": len(cells), "metadata": {},
                 "data": {"text/html": [_html(block)], "text/plain": ["   0  1\n0  99999  88888"]}},
                {"output_type": "stream", "name": "stdout", "text": ["合计: 77777\n"]},
                {"output_type": "error", "ename": "AssertionError", "evalue": "66666", "traceback": ["66666"]}]})
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    rep = extract_bytes(json.dumps(notebook, ensure_ascii=False).encode(), "report.ipynb")
    assert (rep.agency.name, rep.year) == (AGENCY, YEAR)
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
    text = "\n".join(rep.document.lines)
    assert not any(figure in text for figure in ("99999", "88888", "77777", "66666"))


def test_a_zeppelin_note_is_read_as_its_markdown_and_its_results():
    """Zeppelin: %md paragraphs (their rendered HTML, or their text where not run) and TABLE results, tab-separated."""
    lines, v = _report(42)
    paragraphs = []
    for k, (kind, block) in enumerate(_parts(lines)):
        if kind == "prose":
            result = {"code": "SUCCESS", "msg": [{"type": "HTML", "data": "".join(f"<p>{line}</p>" for line in block)}]}
            paragraphs.append({"text": "%md\n" + "\n\n".join(block), "results": result if k % 2 else {}})
        else:
            paragraphs.append({"text": "%python\nz.show(t)", "results": {"code": "SUCCESS", "msg": [
                {"type": "TABLE", "data": "\n".join(block) + "\n"}]}})
    rep = extract_bytes(json.dumps({"paragraphs": paragraphs, "name": "年报"}, ensure_ascii=False).encode(),
                        "report.zpln")
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_an_observable_notebook_is_read_as_its_markdown_and_html_cells():
    lines, v = _report(43)
    nodes = [{"id": k, "value": ("md`" + "\n\n".join(block) + "`") if kind == "prose" else f"html`{_html(block)}`"}
             for k, (kind, block) in enumerate(_parts(lines))]
    nodes.insert(1, {"id": 99, "value": "rows = [[99999, 88888]]"})
    rep = extract_bytes(json.dumps({"id": "x", "nodes": nodes}, ensure_ascii=False).encode(), "report.json")
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
    assert "99999" not in "\n".join(rep.document.lines)


def test_a_notebook_s_empty_cells_before_the_report_do_not_count_against_it():
    """Blind round 150: 410,000 empty cells before the report's: the cells read ran out on them, and the notebook
    had no text."""
    lines, v = _report(44)
    empty = [{"cell_type": "code", "metadata": {}, "source": [], "outputs": [], "execution_count": None}] * 30_000
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [line + "\n\n" for line in block]} if kind == "prose"
             else {"cell_type": "code", "metadata": {}, "source": ["t"], "execution_count": 1, "outputs": [
                 {"output_type": "execute_result", "metadata": {}, "execution_count": 1,
                  "data": {"text/html": [_html(block)]}}]} for kind, block in _parts(lines)]
    notebook = {"cells": [*empty, *cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    from builder.reading.notebooks import _CELLS_MAX

    assert len(empty) > _CELLS_MAX
    rep = extract_bytes(json.dumps(notebook, ensure_ascii=False).encode(), "report.ipynb")
    assert rep.agency.name == AGENCY
    assert {k: c.value for k, c in rep.cells.items()} == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
