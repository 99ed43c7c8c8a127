"""Report data as statistical observations (a cell a record of dimensions and a value): SDMX-ML, JSON Lines,
JSON-LD. A record's cell is named by a cell id, by codes spelling the ids, or by labels in the form's words."""

from __future__ import annotations

import json
import random
from html import escape

import pytest

from builder import errors, forms, synthetic
from builder.extraction.extract import extract_bytes

AGENCY = "成都市武侯区人民政府"
YEAR = 2022


def _report(seed: int) -> tuple[str, dict]:
    """The report's text without its tables' rows, and its values."""
    v = synthetic.consistent_values(random.Random(seed), forms.GOV_2021)
    text = synthetic.render(AGENCY, YEAR, forms.GOV_2021, v, "tab")
    return "\n".join(line for line in text.split("\n") if "\t" not in line and "勾稽" not in line), v


def _cells(rep) -> dict:
    return {c.id: rep.cells[c.id].value for c in forms.cells(forms.GOV_2021)}


def _series() -> dict[tuple[str, str], list[forms.Cell]]:
    out: dict[tuple[str, str], list[forms.Cell]] = {}
    for cell in forms.cells(forms.GOV_2021):
        out.setdefault((cell.table, cell.row), []).append(cell)
    return out


def test_an_sdmx_structure_specific_message_is_read_by_its_labels():
    """<Series TABLE="T3" ROW_LABEL="（一）予以公开"><Obs COL_LABEL="自然人" OBS_VALUE="12"/>: a cell an observation, the
    report's text in an annotation. Read as XML's text before, its attributes' digits (T2) were read as cells."""
    text, v = _report(51)
    series = "".join(
        f'<Series TABLE="{table.upper()}" ROW="{row.upper()}" ROW_LABEL="{escape(cells[0].row_label_zh)}" '
        'UNIT_MEASURE="JIAN">' + "".join(f'<Obs COL="{c.column.upper()}" COL_LABEL="{escape(c.column_label_zh)}" '
                                         f'OBS_VALUE="{v[c.id]}"/>' for c in cells) + "</Series>"
        for (table, row), cells in _series().items())
    message = (f'<?xml version="1.0" encoding="UTF-8"?><message:StructureSpecificData xmlns:message="urn:m" '
               f'xmlns:common="urn:c"><message:Header><message:ID>R1</message:ID></message:Header>'
               f'<message:DataSet REPORTING_AGENCY="{AGENCY}" TIME_PERIOD="{YEAR}"><common:Annotations><common:Annotation>'
               f'<common:AnnotationText xml:lang="zh">{escape(text)}</common:AnnotationText></common:Annotation>'
               f'</common:Annotations>{series}</message:DataSet></message:StructureSpecificData>')
    rep = extract_bytes(message.encode(), "data.xml")
    assert (rep.agency.name, rep.year) == (AGENCY, YEAR)
    assert _cells(rep) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_an_sdmx_generic_message_is_read_by_codes_that_spell_the_cell_ids():
    """generic:Value id/value pairs for the series' key, ObsDimension and ObsValue for each observation, codes only
    (T2, RULES, ISSUED), a unit's code among them."""
    text, v = _report(52)
    series = "".join(
        f'<g:Series><g:SeriesKey><g:Value id="TABLE" value="{table.upper()}"/><g:Value id="ROW" value="{row.upper()}"/>'
        '</g:SeriesKey><g:Attributes><g:Value id="UNIT_MEASURE" value="PURE_NUMBER"/></g:Attributes>'
        + "".join(f'<g:Obs><g:ObsDimension value="{c.column.upper()}"/><g:ObsValue value="{v[c.id]}"/></g:Obs>'
                  for c in cells) + "</g:Series>"
        for (table, row), cells in _series().items())
    message = (f'<?xml version="1.0"?><m:GenericData xmlns:m="urn:m" xmlns:g="urn:g"><m:DataSet><m:Text>{escape(text)}'
               f'</m:Text>{series}</m:DataSet></m:GenericData>')
    rep = extract_bytes(message.encode(), "generic.xml")
    assert _cells(rep) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_an_sdmx_message_of_other_observations_is_read_as_the_report_its_annotation_holds():
    """Blind round 151: another dataset's observations (a hotline's calls, more than the records walked) beside the
    report's whole text in an annotation, its tables printed there: the message was read as text, tags and all, and
    the report lost for want of a year."""
    v = synthetic.consistent_values(random.Random(53), forms.GOV_2021)
    text = synthetic.render(AGENCY, YEAR, forms.GOV_2021, v, "tab")
    observations = "".join(f'<g:Obs><g:ObsDimension value="{YEAR}"/><g:ObsValue value="{n}"/></g:Obs>\n'
                           for n in range(100_001))
    message = (f'<?xml version="1.0" encoding="UTF-8"?>\n<m:GenericData xmlns:m="urn:m" xmlns:g="urn:g" xmlns:c="urn:c">'
               f'<m:DataSet><g:Series><g:SeriesKey><g:Value id="INDICATOR" value="HOTLINE_CALLS"/></g:SeriesKey>\n'
               f'{observations}</g:Series></m:DataSet><m:DataSet><c:Annotations><c:Annotation>'
               f'<c:AnnotationText xml:lang="zh">{escape(text)}</c:AnnotationText></c:Annotation></c:Annotations>'
               f'</m:DataSet></m:GenericData>')
    rep = extract_bytes(message.encode(), "hotline.xml")
    assert (rep.agency.name, rep.year) == (AGENCY, YEAR)
    assert _cells(rep) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


@pytest.mark.parametrize("named_by", ["ids", "labels"])
def test_json_lines_a_cell_a_record_are_read(named_by):
    """A record a line: the report's (agency, year, text), then each cell by its id or by its table, row and column
    in the form's words."""
    text, v = _report(53)
    lines = [{"type": "report", "agency": AGENCY, "year": YEAR, "text": text}]
    for cell in forms.cells(forms.GOV_2021):
        named = ({"id": cell.id} if named_by == "ids" else
                 {"table": {"t2": "表二", "t3": "表三", "t4": "表四"}[cell.table], "row": cell.row_label_zh,
                  "col": cell.column_label_zh})
        lines.append({"type": "cell", **named, "value": v[cell.id]})
    data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    rep = extract_bytes(data, "cells.jsonl")
    assert (rep.agency.name, rep.year) == (AGENCY, YEAR)
    assert _cells(rep) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_a_json_ld_data_cube_is_read_by_its_nodes_labels():
    """qb:Observation nodes naming their table, row and column by other nodes' ids (gk:T3, gk:T3.granted), each
    node labelled in the form's words."""
    text, v = _report(54)
    graph = [{"@id": "gk:ds", "@type": "qb:DataSet", "dct:description": text}]
    labels: dict[str, str] = {}
    for cell in forms.cells(forms.GOV_2021):
        table, row, column = f"gk:{cell.table}", f"gk:{cell.table}.{cell.row}", f"gk:{cell.table}.col.{cell.column}"
        labels |= {table: {"t2": "表二 主动公开政府信息情况", "t3": "表三 收到和处理政府信息公开申请情况",
                           "t4": "表四 政府信息公开行政复议、行政诉讼情况"}[cell.table],
                   row: cell.row_label_zh, column: cell.column_label_zh}
        graph.append({"@type": "qb:Observation", "table": table, "row": row, "column": column, "value": v[cell.id]})
    graph += [{"@id": node, "label": label} for node, label in labels.items()]
    data = json.dumps({"@context": {"label": "rdfs:label"}, "@graph": graph}, ensure_ascii=False).encode()
    rep = extract_bytes(data, "cube.jsonld")
    assert _cells(rep) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}


def test_rdf_in_turtle_is_refused_with_a_reason_not_read_as_text():
    """Read as text, a data cube's statements gave table 2 the digits of its terms (gk:T2 → 2): four cells wrong."""
    text, _ = _report(55)
    turtle = "\n".join(["@prefix qb: <http://purl.org/linked-data/cube#> .", "@prefix gk: <https://x/def#> .",
                        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", f'gk:ds rdfs:comment """{text}""" .',
                        'gk:o1 a qb:Observation ; gk:table gk:T2 ; gk:row gk:T2.licensing ; gk:value 9384 .'])
    with pytest.raises(errors.NotText, match="Turtle"):
        extract_bytes(turtle.encode(), "cube.ttl")


def test_an_sdmx_json_message_is_read_by_its_dimensions_positions():
    """SDMX-JSON: a series' key ("0:3") and an observation's ("2") are positions in the structure's lists of each
    dimension's values, named there; read as text before, no cell was found (h362)."""
    text, v = _report(56)
    cells = list(forms.cells(forms.GOV_2021))
    tables = sorted({c.table for c in cells})
    rows = sorted({(c.table, c.row) for c in cells})
    columns = sorted({(c.table, c.column, c.column_label_zh) for c in cells})
    labels = {"t2": "表二 主动公开政府信息情况", "t3": "表三 收到和处理政府信息公开申请情况",
              "t4": "表四 政府信息公开行政复议、行政诉讼情况"}
    row_names = {(c.table, c.row): c.row_label_zh for c in cells}
    series: dict[str, dict] = {}
    for cell in cells:
        key = f"{tables.index(cell.table)}:{rows.index((cell.table, cell.row))}"
        at = str(columns.index((cell.table, cell.column, cell.column_label_zh)))
        series.setdefault(key, {"attributes": [], "observations": {}})["observations"][at] = [v[cell.id]]
    message = {"meta": {"id": "R1", "sender": {"id": "WH", "name": AGENCY}}, "data": {
        "structure": {"name": f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "annotations": [{"title": "正文", "text": text}],
                      "dimensions": {"dataSet": [], "series": [
                          {"id": "TABLE", "values": [{"id": t.upper(), "name": labels[t]} for t in tables]},
                          {"id": "ROW", "values": [{"id": f"{t}_{r}".upper(), "name": {"zh": row_names[(t, r)]}}
                                                   for t, r in rows]}],
                          "observation": [{"id": "COL", "values": [{"id": c.upper(), "name": label}
                                                                   for _, c, label in columns]}]}},
        "dataSets": [{"action": "Information", "annotations": [0], "series": series}]}}
    rep = extract_bytes(json.dumps(message, ensure_ascii=False).encode(), "sdmx.json")
    assert (rep.agency.name, rep.year) == (AGENCY, YEAR)
    assert _cells(rep) == {c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
