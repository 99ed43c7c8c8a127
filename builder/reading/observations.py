"""Report data as statistical observations: each cell a record of dimensions and a value, as open-data portals publish
it in SDMX-ML (a series' key and attributes, each observation's own dimension and value: <Obs COL_LABEL="自然人"
OBS_VALUE="12"/>, or generic:Value id/value pairs), in SDMX-JSON (dimensions by their values' positions), in JSON
Lines (a record a line: table, row_label, col_label, value) and in JSON. A record's cell is named by its dimensions:
the cell's id where one names it (t3.granted.natural_person), else its table's, row's and column's codes where they
spell this project's ids (T3, GRANTED, NATURAL_PERSON), else their labels in the form's words; a record with no value
gives the report's metadata and text (agency, year, a section's text). Written back as the report's text by the
filing systems' export reader."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from .exports import as_report, cell_paths, record_cells, record_names

_VALUE_KEYS = frozenset({"value", "obsvalue", "数值", "值", "val", "count", "数量"})
_TABLE_CODE = re.compile(r"^\s*(?:t|表|table|tab|biao)?[_\s-]?([234二三四])\s*$", re.IGNORECASE)
_TABLE_LABEL = re.compile(r"^\s*表\s*([二三四])")  # (表三 收到和处理…: a table's label)
_TABLE_NAMES = {"2": "表二", "二": "表二", "3": "表三", "三": "表三", "4": "表四", "四": "表四"}
_LABEL_KEY = re.compile(r"label|name|标签|名称|项目|指标", re.IGNORECASE)
# A field of the whole file's, inherited by each record, not one of the cell's dimensions.
_META_KEY = re.compile(r"agency|publisher|sender|receiver|title|text|description|comment|annotation|note|unit|"
                       r"机关|单位|标题|正文|备注", re.IGNORECASE)
_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*$")
_NUMBER = re.compile(r"\s*[-+]?\d[\d,]*(?:\.\d+)?\s*")
_PROSE_HEAD = re.compile(r"^\s*[一五六]\s*[、.．]")
_NODE_LABELS = frozenset({"label", "rdfslabel", "name", "preflabel", "skospreflabel"})  # (a JSON-LD node's name)
_RECORDS_MAX = 100_000  # records of one file read at most
_CELLS_MIN = 12  # the form's cells the records name, at least, to be one report's


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]", "", name.lower())


@cache
def _ids_by_codes() -> dict[str, str]:
    """Each cell's id by its parts run together (t3deniedstatesecretnaturalperson), as codes spell them."""
    return {_key(cell): cell for cell in cell_paths()}


def _cell_path(fields: dict[str, object], value_key: str) -> str | None:
    """The path a record's dimensions name, or None."""
    texts = [(k, str(v).strip()) for k, v in fields.items() if k != value_key and isinstance(v, str) and v.strip()]
    paths = cell_paths()
    if (named := next((paths[v] for _, v in texts if v in paths), None)) is not None:
        return named
    table = next((_TABLE_NAMES[m.group(1)] for _, v in texts if (m := _TABLE_CODE.match(v) or _TABLE_LABEL.match(v))),
                 None)
    if table is None:
        return None
    codes = [v for _, v in texts if _CODE.match(v) and not _TABLE_CODE.match(v)]
    number = {"表二": "2", "表三": "3", "表四": "4"}[table]
    for size in (2, 3):  # (the row's and the column's codes among the record's others: a unit's, a flag's)
        for chosen in itertools.combinations(codes, size):
            if (cell := _ids_by_codes().get(_key("t" + number + "".join(chosen)))) is not None:
                return paths[cell]
    labels = [v for k, v in texts if not _CODE.match(v) and not _TABLE_CODE.match(v) and not _TABLE_LABEL.match(v)
              and (_LABEL_KEY.search(k) or (re.search(r"[\u4e00-\u9fff]", v) and not _META_KEY.search(k)))]
    return "\x01".join([table, *labels]) if len(labels) >= 2 else None


def _pairs(fields: dict[str, object]) -> Iterator[tuple[str, str]]:
    """A record's (path, value): its cell's, or its metadata and text."""
    value_key = next((k for k in fields if _key(k) in _VALUE_KEYS or _key(k).endswith("obsvalue")), None)
    value = fields.get(value_key) if value_key else None
    if value_key is not None and ((isinstance(value, int | float) and not isinstance(value, bool))
                                  or (isinstance(value, str) and (_NUMBER.fullmatch(value) or value.strip() in
                                                                 ("无", "—", "/", "")))):
        if (path := _cell_path(fields, value_key)) is not None:
            yield path, "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        return
    section = next((str(v) for v in fields.values() if isinstance(v, str) and _PROSE_HEAD.match(v) and len(v) < 30), None)
    for key, field in fields.items():
        if isinstance(field, str) and field.strip() and field is not section:
            yield (f"{section}\x01{key}" if section and len(field) > 30 else key), field


def _json_records(node: object, inherited: dict[str, object], out: list[dict[str, object]]) -> None:
    """Each object's scalar fields, with its enclosing objects' (a series' dimensions over its observations)."""
    if len(out) >= _RECORDS_MAX:
        return
    if isinstance(node, list):
        for item in node:
            _json_records(item, inherited, out)
    elif isinstance(node, dict):
        own = {str(k): v for k, v in node.items() if not isinstance(v, dict | list)}
        fields = {**inherited, **own}
        out.append(fields)
        for value in node.values():
            if isinstance(value, dict | list):
                _json_records(value, fields, out)


def _sdmx_json_records(tree: object) -> list[dict[str, object]]:
    """SDMX-JSON's observations: each series' key ("0:3") and each observation's ("2") the positions of their
    dimensions' values in the structure, the value first in the observation's list; a record each, its dimensions
    by their values' names (and ids)."""
    data = tree.get("data") if isinstance(tree, dict) else None
    if not isinstance(data, dict):
        return []
    structure = data.get("structure") or next(iter(data.get("structures") or []), None)
    dimensions = structure.get("dimensions") if isinstance(structure, dict) else None
    if not isinstance(dimensions, dict):
        return []

    def named(dimension: dict, position: str) -> dict[str, object]:
        values = dimension.get("values") or []
        if not position.isdecimal() or int(position) >= len(values) or not isinstance(values[int(position)], dict):
            return {}
        value = values[int(position)]
        name = value.get("name")
        if isinstance(name, dict):  # (names by language: {"zh": …})
            name = next(iter(name.values()), None)
        return {f"{dimension.get('id', '')}_label": name or value.get("id"), str(dimension.get("id", "")): value.get("id")}

    records: list[dict[str, object]] = []
    for dataset in data.get("dataSets") or []:
        for key, series in (dataset.get("series") or {}).items() if isinstance(dataset, dict) else ():
            fields: dict[str, object] = {}
            for dimension, position in zip(dimensions.get("series") or [], str(key).split(":"), strict=False):
                fields |= named(dimension, position)
            for at, observed in (series.get("observations") or {}).items() if isinstance(series, dict) else ():
                own = dict(fields)
                for dimension, position in zip(dimensions.get("observation") or [], str(at).split(":"), strict=False):
                    own |= named(dimension, position)
                if isinstance(observed, list) and observed:
                    records.append({**own, "OBS_VALUE": observed[0]})
                if len(records) >= _RECORDS_MAX:
                    return records
    return records


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_records(element, inherited: dict[str, object], out: list[dict[str, object]]) -> None:
    """Each element's attributes and its id/value children's pairs (SDMX's generic:Value, a key's or attributes'
    wrapper of them), with its ancestors'; an element holding a value one record."""
    if len(out) >= _RECORDS_MAX:
        return
    own: dict[str, object] = {_local(k): v for k, v in element.attrib.items()}
    nested = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        kids = [kid for kid in child if isinstance(kid.tag, str)]
        if not kids and "value" in child.attrib:  # (<ObsValue value="9"/>, <Value id="ROW" value="GRANTED"/>)
            own[child.get("id") or _local(child.tag)] = child.get("value")
        elif kids and all(not len(kid) and "id" in kid.attrib and "value" in kid.attrib for kid in kids):
            for kid in kids:  # (a series' key or attributes: a wrapper of id/value pairs)
                own[kid.get("id")] = kid.get("value")
        else:
            nested.append(child)
        if not len(child) and (child.text or "").strip() and "value" not in child.attrib:
            own[_local(child.tag)] = child.text.strip()  # (<AnnotationText xml:lang="zh">…: a field as an element)
    fields = {**inherited, **own}
    out.append(fields)
    for child in nested:
        _xml_records(child, fields, out)


def observed_report(tree: object, path: str) -> str | None:
    """The report the records of ``tree`` (parsed JSON, or an XML element) state, or None when they state no
    agency-year's cells. NotAReport for several agencies'."""
    from .. import errors

    records: list[dict[str, object]] = []
    try:
        if hasattr(tree, "iterchildren"):
            _xml_records(tree, {}, records)
        else:
            _json_records(tree, {}, records)
            records += _sdmx_json_records(tree)
    except RecursionError:  # (nested past what is walked: no statistical message is)
        return None
    if not hasattr(tree, "iterchildren"):
        labels = {str(r["@id"]): label for r in records if "@id" in r and isinstance(
            label := next((r[k] for k in r if _key(k) in _NODE_LABELS), None), str)}
        if labels:  # (JSON-LD: a dimension's value a node's id, the node naming it by its label)
            records = [{k: labels.get(v, v) if isinstance(v, str) and k != "@id" else v for k, v in r.items()}
                       for r in records]
    seen: set[tuple[str, str]] = set()
    record = []
    for fields in records:
        for name, value in _pairs(fields):
            if (name, value) not in seen:  # (an enclosing object's fields, inherited by each record, once)
                seen.add((name, value))
                record.append((name, value))
    if record_cells(record) < _CELLS_MIN:
        return None
    if len(names := record_names(record)) > 1:
        raise errors.NotAReport(path, f"the figures of {len(names)} agencies ({'、'.join(sorted(names)[:3])}…): "
                                      "a roster, no report of its own")
    return as_report(record)
