"""A government's report printing each table twice, for itself (本级) and summed over its region
(全区汇总): the agency's own copy is read, whichever comes first and however the copies are marked; of a report
titled by its place alone (连云港市2021年…报告), the place's."""

from __future__ import annotations

import pytest

from builder import errors, forms
from builder.checks import check_report
from builder.extraction.extract import extract_bytes

from .official_form import (
    AGENCY,
    T3_NOTE,
    YEAR,
    assert_every_cell,
    blocks,
    docx_bytes,
    html_body,
    html_page,
    table2,
    table3,
    table4,
    values,
)

TABLES = {"二、主动公开政府信息情况": table2, "三、收到和处理政府信息公开申请情况": table3,
          "四、政府信息公开行政复议、行政诉讼情况": table4}


def _twice(own: dict, region: dict, region_first: bool, how: str,
           scopes: tuple[str, str] = ("区政府本级", "全区汇总")) -> list:
    """The report with each table printed for the agency and for its region, marked by ``how``:
    captions above the copies, or a note below each (注：上表为…)."""
    out = []
    heading = None
    for block in blocks(own):
        if isinstance(block, str):
            heading = block if block in TABLES else None
            out.append(block)
            continue
        copies = [(scopes[0], TABLES[heading](own)), (scopes[1], TABLES[heading](region))]
        for number, (scope, table) in zip("一二", copies[::-1] if region_first else copies, strict=True):
            if how == "caption":
                out += [f"（{number}）{scope}", table]
            else:
                out += [table, f"注：上表为{scope}数据。"]
    return out


@pytest.mark.parametrize("region_first", [False, True])
@pytest.mark.parametrize("how", ["caption", "note"])
@pytest.mark.parametrize("kind", ["html", "docx"])
def test_the_agency_s_own_copy_of_each_table_is_read(region_first, how, kind):
    """The region's copy was read (新收 1,354 for the government's own 52), or the two mixed."""
    own, region = values(seed=21), values(seed=22)
    assert own[forms.t3_cell("new_received", "total")] != region[forms.t3_cell("new_received", "total")]
    report_blocks = _twice(own, region, region_first, how)
    data = docx_bytes(report_blocks) if kind == "docx" else html_page(html_body(report_blocks)).encode()
    report = extract_bytes(data, f"report.{kind}")
    assert_every_cell(report, own)
    assert "scope_copy" in [w["code"] for w in report.warnings]


def test_a_region_s_caption_listing_what_it_holds_is_still_the_region_s():
    """Blind round 136 (a government's file printing more than its own tables): （二）全县汇总（含县政府本级、各乡镇人民
    政府和县政府各部门）named 本级 in its aside, so its scope was unknown and the region's copy, printed last, was read."""
    own, region = values(seed=21), values(seed=22)
    report_blocks = _twice(own, region, False, "caption",
                           ("县政府本级", "全县汇总（含县政府本级、各乡镇人民政府和县政府各部门）"))
    assert_every_cell(extract_bytes(html_page(html_body(report_blocks)).encode(), "report.html"), own)


@pytest.mark.parametrize("region_first", [False, True])
def test_a_report_titled_by_its_place_alone_reads_the_region_s_copy(region_first):
    """Blind round 136: 连云港市2021年政府信息公开工作年度报告, titled by the place and not by an agency, is the city's
    report (all its agencies'): of its copies for 市政府本级 and 全市汇总, the whole city's is the report's."""
    own, region = values(seed=21), values(seed=22)
    report_blocks = _twice(own, region, region_first, "caption", ("市政府本级", "全市汇总"))
    report_blocks[0] = report_blocks[0].replace(AGENCY, "彭阳县")
    report = extract_bytes(html_page(html_body(report_blocks)).encode(), "report.html")
    assert_every_cell(report, region)
    assert any(w["code"] == "scope_copy" and "titled by its place" in w["message"] for w in report.warnings)


def test_tables_captioned_as_the_region_s_only_are_the_report_s_and_so_is_its_prose():
    """An office's report whose tables say they cover 全区各级行政机关: those are its tables, and the
    prose's count of that scope its headline (it was left out as another scope's)."""
    v = values(seed=23)
    new = v[forms.t3_cell("new_received", "total")]
    report_blocks = []
    for block in blocks(v):
        if isinstance(block, str) and block.startswith(f"{YEAR}年，本机关"):
            block = f"{YEAR}年，全区各级行政机关共新收政府信息公开申请{new}件，均在法定期限内予以答复。"
        report_blocks.append(block)
        if isinstance(block, str) and block in TABLES:
            report_blocks.append("（全区各级行政机关汇总）")
    report = extract_bytes(html_page(html_body(report_blocks)).encode(), "report.html")
    check_report(report)
    assert_every_cell(report, v)
    assert {f.key: f.value for f in report.narrative if f.headline}["applications_received"] == new
    assert (report.agency.name, report.badge) == (AGENCY, "一致")


def test_prose_of_every_level_whose_count_is_table_3_s_gives_the_headlines():
    """A district government's 2019 report: 全区各级行政机关共受理申请644件 and table 3's 644 are one
    count; the prose of that scope was left out as another's, and 上年结转21件 after it too."""
    v = values(seed=24)
    new, old = v[forms.t3_cell("new_received", "total")], v[forms.t3_cell("carried_over", "total")]
    report_blocks = [f"{YEAR}年，全区各级行政机关共受理政府信息公开申请{new}件，其中自然人申请若干件；上年结转{old}件。"
                     if isinstance(block, str) and block.startswith(f"{YEAR}年，本机关") else block
                     for block in blocks(v)]
    report = extract_bytes(html_page(html_body(report_blocks)).encode(), "report.html")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert (heads["applications_received"], heads["applications_carried_over"]) == (new, old)


@pytest.mark.parametrize("whole, proactive", [("全县", 7216), ("县政府", None), ("县政府办公室", None)])
def test_a_county_s_count_for_the_county_that_is_table_3_s_makes_its_every_level_count_its_own(whole, proactive):
    """Blind round 160: a county government's report saying 全县共收到申请14件, table 3's total, speaks for the county;
    its 全县各级行政机关主动公开…7216条 is its total then. Where its request count is its own (县政府共收到…) or the
    report is another body's, every level's count stays another scope's."""
    v = values(seed=25)
    new = v[forms.t3_cell("new_received", "total")]
    report_blocks = []
    for block in blocks(v):
        if isinstance(block, str) and block.startswith(f"{YEAR}年，本机关"):
            report_blocks += [f"{YEAR}年，全县各级行政机关主动公开政府信息7216条（上年为6058条）。",
                              f"{whole}共收到政府信息公开申请{new}件，已全部按时答复。"]
        else:
            report_blocks.append(block.replace(AGENCY, "彭阳县人民政府办公室") if whole == "县政府办公室"
                                 and isinstance(block, str) else block)
    report = extract_bytes(html_page(html_body(report_blocks)).encode(), "report.html")
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert heads["applications_received"] == new
    assert heads.get("proactive_items") == proactive


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_a_national_body_s_own_copy_before_its_every_office_s_is_read(kind):
    """（一）海关总署本级 then （二）全国海关: 全国 named no scope, and the two copies' rows were read as one table."""
    own, region = values(seed=21), values(seed=22)
    report_blocks = _twice(own, region, False, "caption", ("海关总署本级", "全国海关"))
    data = docx_bytes(report_blocks) if kind == "docx" else html_page(html_body(report_blocks)).encode()
    report = extract_bytes(data, f"report.{kind}")
    assert_every_cell(report, own)
    assert "scope_copy" in [w["code"] for w in report.warnings]


def _own_and_county(alternating: bool, region_words: str) -> tuple[bytes, dict]:
    """A county government's text report whose tables print each figure for itself (县政府本级) and for the county
    (全县合计) under one header: the county's columns after its own (or each beside it, alternating), a line of
    scope names over them."""
    import random

    from builder import synthetic

    v = synthetic.consistent_values(random.Random(3), "gov-2021")
    lines = synthetic.render(AGENCY, YEAR, "gov-2021", v, "tab").split("\n")
    out = []
    for line in lines:
        label, *cells = line.split("\t")
        if cells and all(c.strip().replace(".", "").isdigit() for c in cells):
            county = [str(int(float(c)) * 3 + 1) for c in cells]
            row = [x for pair in zip(cells, county) for x in pair] if alternating else cells + county
            out.append("\t".join([label, *row]))
        elif cells and line.startswith(("信息内容", "\t自然人")):
            header = [x for c in cells for x in (c, "")] if alternating else [*cells, *cells]
            out.append("\t".join([label, *header]))
            scopes = [x for _ in cells for x in ("县政府本级", region_words)] if alternating else (
                ["县政府本级", *[""] * (len(cells) - 1), region_words, *[""] * (len(cells) - 1)])
            out.append("\t".join(["", *scopes]))
        else:
            out.append(line)
    return "\n".join(out).encode(), v


@pytest.mark.parametrize("alternating", [False, True])
@pytest.mark.parametrize("region_words", ["全县合计", "全县（含本级）"])
def test_the_agency_s_own_columns_beside_the_county_s_are_read(alternating, region_words):
    """Blind round 81 (本级 and 全县 side by side): each table printing the county government's own figures and the
    county's under one header, two groups of columns (县政府本级 | 全县合计) or alternating (本级 | 全县 under each): the
    county's were read (the last columns), or nothing. The columns under the agency's own scope are read."""
    data, v = _own_and_county(alternating, region_words)
    report = extract_bytes(data, "county.txt")
    for cell in forms.cells("gov-2021"):
        if cell.table in ("t2", "t3"):
            assert report.cells[cell.id].value == v[cell.id], cell.id
    assert "scope_columns" in [w["code"] for w in report.warnings]


def test_a_figure_with_the_county_s_in_brackets_is_the_agency_s():
    """Each cell printing the agency's figure with the county's in brackets, 38(全县合计285), 无(全县合计1): the list
    reader took 合计285 for a named value (a row of one 总计), and 无(…) was no figure."""
    from .official_form import rebalance

    v = rebalance(values(seed=4))
    page = html_body(blocks(v))
    import re

    page = re.sub(r"<td>(\d+)</td>", lambda m: f"<td>{'无' if m[1] == '0' else m[1]}（全县合计{int(m[1]) * 5 + 1}）</td>",
                  page)
    report = extract_bytes(html_page(page).encode(), "county.html")
    assert {c.id: report.cells[c.id].value for c in forms.cells("gov-2021")} == {
        c.id: v[c.id] for c in forms.cells("gov-2021")}


UNITS = ["发展和改革局", "教育局", "灵珠山街道财政所（第22批补报）", "卫生健康局"]


def _units_annex(seed: int) -> list:
    """An annex printing table 3 again for each unit, each copy under 附表N <unit>…统计表 and table 3's heading."""
    out: list = ["附件：2022年度各单位政府信息公开申请情况统计表"]
    for k, unit in enumerate(UNITS, 1):
        out += [f"附表{k}\t彭阳县{unit}政府信息公开申请情况统计表", "三、收到和处理政府信息公开申请情况",
                table3(values(seed=seed + k))]
    return out


@pytest.mark.parametrize("render", ["html", "docx"])
def test_an_annex_of_units_tables_after_the_report_is_no_part_of_its_own(render):
    """Each unit's copy repeats table 3's heading after the report's end: the agency's own tables are read."""
    v = values(seed=3)
    report = [*blocks(v), *_units_annex(seed=40)]
    data, name = (html_page(html_body(report)).encode(), "r.html") if render == "html" else (docx_bytes(report), "r.docx")
    assert_every_cell(extract_bytes(data, name), v)


def test_an_annex_of_units_tables_alone_is_no_report():
    """Blind round 157: the annex published alone (…年度报告（附件）, 3,000 units' tables, each repeating table 3's heading,
    and nothing of the agency's own) was read as the agency's report, its last unit's table 3 as the agency's."""
    report = [f"{AGENCY}{YEAR}年政府信息公开工作年度报告（附件）", "各部门、各镇街政府信息公开申请情况统计表",
              *_units_annex(seed=40)]
    with pytest.raises(errors.NotAReport, match="annex of other units"):
        extract_bytes(html_page(html_body(report)).encode(), "annex.html")


def test_units_tables_printed_right_after_the_agency_s_own_table_3_are_left_out():
    """The units' copies between the agency's table 3 and its table 4 were rows of the agency's table 3's region: the
    last unit's were read."""
    v = values(seed=3)
    report = blocks(v)
    own = next(k for k, b in enumerate(report) if isinstance(b, list) and b[0][0].text.startswith("（本列"))
    report[own + 1:own + 1] = _units_annex(seed=40)
    got = extract_bytes(html_page(html_body(report)).encode(), "r.html")
    assert_every_cell(got, v)
    assert "t3.units_annexed" in [w["code"] for w in got.warnings]


@pytest.mark.parametrize("region_first", [False, True])
@pytest.mark.parametrize("prose", [
    "{year}年，县政府本级主动公开政府信息{own_items}条，新收政府信息公开申请{own}件；"
    "全县（汇总）合计主动公开政府信息{all_items}条，新收政府信息公开申请{all}件。",
    "{year}年，全县汇总共主动公开政府信息{all_items}条，其中县政府本级主动公开{own_items}条；"
    "全县汇总共新收政府信息公开申请{all}件，其中县政府本级新收{own}件。",
])
def test_the_government_s_own_level_counts_beside_its_county_s_are_its_headlines(region_first, prose):
    """Blind round 175 (h543): a county government's report printing its own (本级) tables and the county's (全县汇总),
    its prose giving both scopes' counts: the county's were taken as the report's (or, two counts, none was), and its
    own after 其中 as a part. Its own tables read, the county's counts are another scope's and its own the headlines."""
    own, region = values(seed=21), values(seed=22)
    new = own[forms.t3_cell("new_received", "total")]
    said = prose.format(year=YEAR, own_items=1116, all_items=9463, own=new, all=region[forms.t3_cell("new_received",
                                                                                                       "total")])
    report_blocks = [said if isinstance(block, str) and block.startswith(f"{YEAR}年，本机关") else block
                     for block in _twice(own, region, region_first, "caption", ("县政府本级", "全县汇总"))]
    report = extract_bytes(html_page(html_body(report_blocks)).encode(), "report.html")
    assert_every_cell(report, own)
    heads = {f.key: f.value for f in report.narrative if f.headline}
    assert (heads["applications_received"], heads["proactive_items"]) == (new, 1116)


# A department reporting for itself and its units: table 3 printed for the agency itself (本级), for each unit and
# summed (合计), and what its preface says of them.
UNIT_AGENCY = "彭阳县农业农村局"
UNIT_NAMES = ("彭阳县农业技术推广中心", "彭阳县动物卫生监督所")
STATED = {
    None: "",
    "own": "其中“本级”栏为本机关本级政府信息公开工作年度报告数据，所属单位数据单独列示，“合计”栏为汇总数。",
    "sum": "其中“合计”栏为本机关政府信息公开工作年度报告数据（含所属单位），“本级”栏及各所属单位栏仅供参考。",
}


def _unit_report(stated: str | None, sum_first: bool) -> tuple[list, dict, dict]:
    """The report's blocks with table 3 printed once per unit under numbered captions, and the agency's own and
    the sum's values."""
    own, *units = values(seed=31), values(seed=32), values(seed=33)
    total = {cell: own[cell] + sum(unit[cell] for unit in units) for cell in own}
    copies = [(f"{UNIT_AGENCY}本级", own), *zip(UNIT_NAMES, units), ("合计（县农业农村局及所属单位）", total)]
    if sum_first:
        copies = copies[-1:] + copies[:-1]
    out = []
    for block in blocks(own):
        if isinstance(block, str) and block.startswith(AGENCY):
            block = block.replace(AGENCY, UNIT_AGENCY)
        if isinstance(block, list) and block[0][0].text == T3_NOTE:
            for k, (caption, v) in enumerate(copies, 1):
                out += [f"（{k}）{caption}", table3(v)]
            continue
        out.append(block)
        if isinstance(block, str) and block.startswith("本报告") and stated:
            out.append(f"本报告第三部分按局机关及所属{UNIT_NAMES[0]}、{UNIT_NAMES[1]}分别列示，{STATED[stated]}")
    return out, own, total


@pytest.mark.parametrize("kind", ["html", "docx"])
@pytest.mark.parametrize("sum_first", [False, True])
@pytest.mark.parametrize("stated", [None, "own", "sum"])
def test_table_3_printed_for_the_agency_its_units_and_their_sum_reads_the_copy_the_report_names(kind, sum_first,
                                                                                                 stated):
    """Blind round 198 (h729): a department printing table 3 for itself (本级), each unit (（2）某某中心) and their 合计
    read the last or first copy, whichever the preface named. The copy the report says holds its figures is read;
    where it says nothing, the agency's own (本级), as of a government's own copy and its county's."""
    report_blocks, own, total = _unit_report(stated, sum_first)
    data = docx_bytes(report_blocks) if kind == "docx" else html_page(html_body(report_blocks)).encode()
    report = extract_bytes(data, f"report.{kind}")
    want = total if stated == "sum" else own
    for cell in forms.cells("gov-2021"):
        if cell.table == "t3":
            assert report.cells[cell.id].value == want[cell.id], cell.id
    assert ("unit_copies_total" if stated == "sum" else "unit_copies") in [w["code"] for w in report.warnings]


def _unit_columns(stated: str | None) -> tuple[bytes, dict, dict]:
    """A text report whose table 3 prints, under one header, a group of columns for the sum (合计), the agency
    itself (本级) and each unit, a line of their names over them."""
    import random

    from builder import synthetic

    own = synthetic.consistent_values(random.Random(3), "gov-2021")
    text = synthetic.render(UNIT_AGENCY, YEAR, "gov-2021", own, "tab")
    head, rest = text.split("三、收到和处理政府信息公开申请情况")
    t3, tail = rest.split("四、政府信息公开行政复议")
    out = []
    for line in t3.split("\n"):
        label, *cells = line.split("\t")
        if cells and all(c.strip().isdigit() for c in cells):
            unit = [str(int(c) % 3) for c in cells]
            out.append("\t".join([label, *[str(int(a) + 2 * int(b)) for a, b in zip(cells, unit)], *cells, *unit,
                                  *unit]))
        elif line.startswith("\t自然人"):
            scopes = [name for name in ("合计", "本级", *UNIT_NAMES) for name in (name, *[""] * (len(cells) - 1))]
            out += ["\t".join(["", *scopes]), "\t".join([label, *cells * 4])]
        else:
            out.append(line)
    preface = f"本报告第三部分按局机关及所属单位分别列示，{STATED[stated]}\n" if stated else ""
    head = head.replace("\n\n一、总体情况", f"\n{preface}\n一、总体情况")
    data = "\n".join([head + "三、收到和处理政府信息公开申请情况", *out]) + "四、政府信息公开行政复议" + tail
    summed = {cell: value + 2 * (value % 3) if cell.startswith("t3.") else value for cell, value in own.items()}
    return data.encode(), own, summed


@pytest.mark.parametrize("stated", [None, "own", "sum"])
def test_columns_for_the_sum_the_agency_and_its_units_read_the_group_the_report_names(stated):
    """Blind round 198 (h729): one wide table 3 with a group of seven columns each for 合计, 本级 and every unit read
    the first group, the sum, whatever the preface said (the units' names are no scope). The group the report names is
    read, else the agency's own (本级)."""
    data, own, summed = _unit_columns(stated)
    report = extract_bytes(data, "report.txt")
    want = summed if stated == "sum" else own
    for cell in forms.cells("gov-2021"):
        if cell.table == "t3":
            assert report.cells[cell.id].value == want[cell.id], cell.id
    assert ("unit_columns_total" if stated == "sum" else "unit_columns") in [w["code"] for w in report.warnings]
