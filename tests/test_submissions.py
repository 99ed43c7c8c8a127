"""Reports a filing system received as structured data (blind round 148): the form's cells as nested fields of a JSON,
YAML, TOML, INI or XML file, named in Chinese or in pinyin, the agency, the year and the prose in fields of their own.
Read as text, such a file's tables were lost or read a row off (table 2's counts each under the item after its own)."""

from __future__ import annotations

import configparser
import io
import json

import pytest
from lxml import etree

from builder import errors, forms
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2021

from .official_form import AGENCY, YEAR, assert_every_cell, values

PROSE = {"总体情况": f"{YEAR}年，本机关认真贯彻落实《条例》，全年共收到政府信息公开申请{{new}}件。",
         "存在的主要问题及改进情况": "工作仍有不足，下一步将继续改进。", "其他需要报告的事项": "本年度未收取信息处理费。"}


def _rows(v: dict) -> dict[str, dict[str, dict[str, int | float]]]:
    """Each table's rows by their labels, each row's cells by their columns' labels, in the form's order."""
    tables: dict[str, dict[str, dict[str, int | float]]] = {"表二": {}, "表三": {}, "表四": {}}
    for cell in forms.cells(GOV_2021):
        name = {"t2": "表二", "t3": "表三", "t4": "表四"}[cell.table]
        row = cell.row_label_zh.replace("·", "_") if cell.table == "t4" else cell.row_label_zh
        tables[name].setdefault(row, {})[cell.column_label_zh] = v[cell.id]
    return tables


def submission(v: dict) -> dict:
    return {"基本信息": {"报告标题": f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "机关名称": AGENCY, "报告年度": YEAR},
            "正文": {k: text.format(new=v["t3.new_received.total"]) for k, text in PROSE.items()}, **_rows(v)}


def _pinyin(tree: dict) -> dict:
    from pypinyin import lazy_pinyin

    def spelled(key: str) -> str:
        syllables = lazy_pinyin("".join(c for c in key if "\u4e00" <= c <= "\u9fff"))
        return syllables[0] + "".join(s.capitalize() for s in syllables[1:]) if syllables else key

    return {spelled(k): _pinyin(value) if isinstance(value, dict) else value for k, value in tree.items()}


def written(tree: dict, kind: str) -> tuple[bytes, str]:
    if kind in ("json", "json in pinyin"):
        return json.dumps(_pinyin(tree) if "pinyin" in kind else tree, ensure_ascii=False, indent=2).encode(), "r.json"
    if kind == "yaml":
        import yaml

        return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode(), "r.yaml"
    if kind == "toml":
        lines = []
        for section, fields in tree.items():
            lines.append(f'["{section}"]')
            lines += [f'"{k}" = {json.dumps(value, ensure_ascii=False)}' for k, value in fields.items()
                      if not isinstance(value, dict)]
            for key, value in fields.items():
                if isinstance(value, dict):
                    lines.append(f'["{section}"."{key}"]')
                    lines += [f'"{k}" = {v}' for k, v in value.items()]
        return "\n".join(lines).encode(), "r.toml"
    if kind == "ini":
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str
        for section, fields in tree.items():
            for key, value in fields.items():
                if isinstance(value, dict):
                    parser[f"{section}_{key}"] = {k: str(v) for k, v in value.items()}
                else:
                    parser.setdefault(section, {})
                    parser[section][key] = str(value)
        out = io.StringIO()
        parser.write(out)
        return out.getvalue().encode(), "r.ini"
    root = etree.Element("年度报告")
    for section, fields in tree.items():
        element = etree.SubElement(root, section)
        for key, value in fields.items():
            if isinstance(value, dict):  # a row: its name and cells as attributes (<行 名称="予以公开" 自然人="3"/>)
                etree.SubElement(element, "行", {"名称": key, **{k: str(v) for k, v in value.items()}})
            else:
                etree.SubElement(element, key).text = str(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), "r.xml"


@pytest.mark.parametrize("kind", ["json", "json in pinyin", "yaml", "toml", "ini", "xml"])
def test_a_submission_as_structured_data_is_read_as_its_report(kind):
    v = values(seed=7)
    data, name = written(submission(v), kind)
    report = extract_bytes(data, name)
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert [f.value for f in report.narrative if f.key == "applications_received" and f.headline] == [
        v["t3.new_received.total"]]
    assert "export_laid_out" in [w["code"] for w in report.warnings]  # (its page says the text was laid out)


def test_several_agencies_submissions_in_one_file_are_refused_as_a_roster():
    first, second = submission(values(seed=7)), submission(values(seed=8))
    second["基本信息"]["机关名称"] = "彭阳县教育局"
    data = json.dumps([first, second], ensure_ascii=False).encode()
    with pytest.raises(errors.NotAReport, match="submissions of 2 agencies"):
        extract_bytes(data, "batch.json")


def test_a_yaml_submission_s_language_tags_are_read_as_plain_values_never_run():
    """Blind round 149 (hostile structured data): !!python/object/apply tags beside the report's fields stopped the
    build with an internal error (a safe loader refuses to construct them). Read as the plain values they tag."""
    v = values(seed=9)
    data, _ = written(submission(v), "yaml")
    tagged = ("导出程序: !!python/object/apply:os.system [\"exit 3\"]\n校验: !!python/name:os.system ''\n"
              "附件: !custom {a: 1}\n").encode()
    report = extract_bytes(tagged + data, "r.yaml")
    assert_every_cell(report, v)


def test_a_yaml_alias_bomb_beside_the_report_is_left_out_and_the_report_read():
    """Nine aliases of nine aliases, ten deep (9¹¹ values once expanded) before the report's fields: the values read
    ran out inside it, and the rows after were lost or read under the wrong labels."""
    v = values(seed=10)
    data, _ = written(submission(v), "yaml")
    bomb = ["校验节点:", '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"  a{k}: &a{k} [{','.join([f'*a{k - 1}'] * 9)}]" for k in range(1, 11)]
    report = extract_bytes(("\n".join([*bomb, "引用: *a10", ""])).encode() + data, "r.yaml")
    assert_every_cell(report, v)


def test_a_json_submission_nested_past_the_decoder_s_depth_is_read_around_the_deep_value():
    """A value nested 100,000 arrays deep between table 3 and table 4: the decoder gave up, and the whole file was
    no submission (JSON without an article)."""
    v = values(seed=11)
    tree = submission(v)
    tree = {**{k: tree[k] for k in ("基本信息", "正文", "表二", "表三")}, "校验": "DEEP", "表四": tree["表四"]}
    data = json.dumps(tree, ensure_ascii=False).replace('"DEEP"', "[" * 100_000 + "]" * 100_000)
    assert_every_cell(extract_bytes(data.encode(), "r.json"), v)


def test_a_field_written_twice_with_two_values_is_unsure_not_the_last():
    """A decoder keeps a repeated key's last value (9 where the first, 6, holds the sums): silently wrong. Both are
    kept, as a cell no reader can choose between."""
    v = values(seed=12)
    data = json.dumps(submission(v), ensure_ascii=False, indent=1)
    cell = f'"自然人": {v["t3.granted.natural_person"]}'
    assert data.count(cell) >= 1
    at = data.index('"（一）予以公开"')
    at = data.index(cell, at) + len(cell)
    report = extract_bytes((data[:at] + f',\n "自然人": {v["t3.granted.natural_person"] + 3}' + data[at:]).encode(),
                           "r.json")
    read = report.cells["t3.granted.natural_person"]
    assert read.value in (None, v["t3.granted.natural_person"])
    assert read.status != "reported"


def test_a_section_s_paragraphs_as_a_list_are_its_prose():
    """一、总体情况: [paragraph, paragraph]: each item was a field named by its number, and the prose was lost."""
    v = values(seed=13)
    tree = submission(v)
    prose = tree.pop("正文")
    tree = {"基本信息": tree.pop("基本信息"), "一、总体情况": ["本机关坚持以公开为常态。", prose["总体情况"]], **tree}
    report = extract_bytes(json.dumps(tree, ensure_ascii=False).encode(), "r.json")
    assert [f.value for f in report.narrative if f.key == "applications_received" and f.headline] == [
        v["t3.new_received.total"]]


def document_tree(v: dict, missing: object = None) -> dict:
    """A report as an export tool's JSON document: its sections in a list, each a heading with paragraphs or a table
    (table 2 as groups of rows of counts, table 3 as columns and rows of values, table 4 as rows of counts), the
    fee ``missing`` (NaN, as a data tool writes an empty cell) where given."""
    table_2: dict = {}
    for item in forms.FORMS[GOV_2021].t2:
        group = table_2.setdefault(item.label_zh, {})
        for measure in item.measures:
            cell = forms.t2_cell(item.id, measure.id)
            group[measure.label_zh] = missing if missing is not None and cell == "t2.fees.amount_10k_cny" else v[cell]
    table_4 = {g.label_zh: {c.label_zh: v[forms.t4_cell(g.id, c.id)] for c in forms.T4_COLUMNS} for g in forms.T4_GROUPS}
    return {"title": f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "publisher": AGENCY, "year": YEAR,
            "sections": [
                {"heading": "一、总体情况", "paragraphs": ["本机关认真贯彻落实《条例》。",
                                                       f"全年共收到政府信息公开申请{v['t3.new_received.total']}件。"]},
                {"heading": "二、主动公开政府信息情况", "table": table_2},
                {"heading": "三、收到和处理政府信息公开申请情况", "columns": [c.label_zh for c in forms.T3_COLUMNS],
                 "rows": [{"label": row.label_zh, "values": [v[forms.t3_cell(row.id, c.id)] for c in forms.T3_COLUMNS]}
                          for row in forms.T3_ROWS_2021]},
                {"heading": "四、政府信息公开行政复议、行政诉讼情况", "table": table_4},
                {"heading": "五、存在的主要问题及改进情况", "paragraphs": ["工作仍有不足，下一步将继续改进。"]},
                {"heading": "六、其他需要报告的事项", "paragraphs": ["无。"]}]}


def test_a_json_document_of_sections_with_headings_paragraphs_and_tables_is_read_as_its_report():
    """Its section headings are values, not keys: table 4's labels alone were taken for a submission's fields, and
    tables 2 and 3 and the prose were lost."""
    v = values(seed=17)
    report = extract_bytes(json.dumps(document_tree(v), ensure_ascii=False).encode(), "r.json")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
    assert [f.value for f in report.narrative if f.key == "applications_received" and f.headline] == [
        v["t3.new_received.total"]]


@pytest.mark.parametrize("missing", [float("nan"), float("inf")])
def test_a_json_document_s_nan_or_infinity_is_an_empty_cell(missing):
    v = values(seed=17)
    report = extract_bytes(json.dumps(document_tree(v, missing), ensure_ascii=False).encode(), "r.json")
    assert report.cells["t2.fees.amount_10k_cny"].value is None
    assert report.cells["t2.licensing.decisions"].value == v["t2.licensing.decisions"]


def _cells_as_xml(v: dict, shape: str) -> bytes:
    """A filing system's own schema in English names that HTML has too (<report>, <title>, <section>, <table>): each
    cell an element naming its row and column (<cell row=… col=… value=…/>), or a row's values by their columns."""
    tables = {"t2": "表二", "t3": "表三", "t4": "表四"}
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<report agency="{AGENCY}" year="{YEAR}">',
           f"<title>{AGENCY}{YEAR}年政府信息公开工作年度报告</title>",
           *(f'<section title="{name}">{text.format(new=v["t3.new_received.total"])}</section>'
             for name, text in PROSE.items())]
    for table, rows in zip(tables, _rows(v).values()):
        out.append(f'<table id="{table}">')
        for row, cells in rows.items():
            if shape == "cells":
                out += [f'<cell row="{row}" col="{column}" value="{value}"/>' for column, value in cells.items()]
            else:
                out.append(f'<row name="{row}">' + "".join(f'<value col="{column}">{value}</value>'
                                                           for column, value in cells.items()) + "</row>")
        out.append("</table>")
    return ("\n".join(out) + "\n</report>").encode()


@pytest.mark.parametrize("shape", ["cells", "rows"])
def test_an_xml_submission_in_english_names_html_also_has_is_read_as_its_report(shape):
    """Blind round 242 (h1106): <report agency=… year=…> with <table id="t3"><cell row=… col=… value="12"/>, or <row
    name=…><value col=…>12</value>: read as a web page (its <table>, <title>), every cell was absent and the template
    pre-2019 (7 of 10 files); a cell's row and column in two attributes were one label, and its table's id no name."""
    v = values(seed=7)
    report = extract_bytes(_cells_as_xml(v, shape), "export.xml")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_yaml_page_s_front_matter_and_its_body_are_one_submission():
    """Blind round 242 (h1107_05): a static site's page, its front matter (title, agency, year) between --- lines before
    its body: two YAML documents, which the reader refused, and the text read line by line took the --- for a dash
    saying none: 15 cells of table 3 wrong. The form's ids this project publishes name rows and measures too."""
    import yaml

    v = values(seed=7)
    tree = submission(v)
    t2 = [{"item": item.label_zh, **{m.id: v[forms.t2_cell(item.id, m.id)] for m in item.measures}}
          for item in forms.T2_2021]
    t3 = {column.label_zh: {row.id: v[forms.t3_cell(row.id, column.id)] for row in forms.T3_ROWS_2021}
          for column in forms.T3_COLUMNS}
    front = yaml.safe_dump({"title": tree["基本信息"]["报告标题"], "agency": AGENCY, "year": YEAR}, allow_unicode=True)
    body = yaml.safe_dump({"正文": tree["正文"], "table_2": t2, "table_3": t3, "表四": tree["表四"]}, allow_unicode=True,
                          sort_keys=False)
    report = extract_bytes(f"---\n{front}---\n{body}".encode(), "page.yaml")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)
