"""Synthetic reports on the prescribed forms, for tests and benchmarks.

Values are drawn so that every identity of the form holds; the text is laid
out the way real reports arrive (tab grids, pipe tables, space-separated PDF
text, digits run together by a crawler).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import forms
from .forms import GOV_2019, GOV_2021

LAYOUTS = ("tab", "pipe", "space", "run")

AGENCIES = (
    ("宁夏回族自治区", "固原市", "彭阳县"), ("宁夏回族自治区", "固原市", "隆德县"), ("宁夏回族自治区", "固原市", "西吉县"),
    ("甘肃省", "定西市", "安定区"), ("甘肃省", "定西市", "陇西县"), ("江苏省", "淮安市", "洪泽区"),
    ("江苏省", "淮安市", "涟水县"), ("安徽省", "铜陵市", "义安区"), ("浙江省", "杭州市", "西湖区"),
    ("广东省", "广州市", "天河区"), ("四川省", "成都市", "武侯区"), ("湖北省", "武汉市", "江夏区"),
    ("河南省", "郑州市", "金水区"), ("山东省", "济南市", "历下区"), ("福建省", "福州市", "鼓楼区"),
    ("湖南省", "长沙市", "岳麓区"), ("云南省", "昆明市", "五华区"), ("陕西省", "西安市", "雁塔区"),
)
BODIES = ("人民政府", "人民政府办公室", "发展和改革局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
          "公安局", "教育局", "卫生健康局", "市场监督管理局", "财政局", "人力资源和社会保障局", "农业农村局", "民政局")


@dataclass
class SyntheticReport:
    agency: str
    year: int
    template: str
    values: dict[str, int | float]
    text: str


def consistent_values(rng: random.Random, template: str, scale: int = 20) -> dict[str, int | float]:
    """Values for every cell of a form such that every identity holds."""
    form = forms.FORMS[template]
    values: dict[str, int | float] = {}
    for item in form.t2:
        for m in item.measures:
            cell = forms.t2_cell(item.id, m.id)
            if m.id == "change":
                values[cell] = rng.randint(-3, 5)
            elif m.id.startswith("amount"):
                values[cell] = round(rng.uniform(0, 500), rng.choice((0, 1, 2)))
            else:
                values[cell] = rng.choice((0, 0, rng.randint(0, 30), rng.randint(0, 5000)))
    results = form.t3_results
    for col in forms.T3_APPLICANTS:
        active = col == "natural_person" or rng.random() < 0.3
        total = 0
        for row in results:
            v = rng.choice((0, 0, 0, rng.randint(0, scale))) if active else 0
            values[forms.t3_cell(row, col)] = v
            total += v
        forward = rng.randint(0, 3) if active else 0
        carried = rng.randint(0, min(3, total + forward)) if active else 0
        values[forms.t3_cell("total", col)] = total
        values[forms.t3_cell("carried_forward", col)] = forward
        values[forms.t3_cell("carried_over", col)] = carried
        values[forms.t3_cell("new_received", col)] = total + forward - carried
    for row in (r.id for r in form.t3_rows):
        values[forms.t3_cell(row, "total")] = sum(values[forms.t3_cell(row, c)] for c in forms.T3_APPLICANTS)
    for group in forms.T4_GROUPS:
        parts = [rng.choice((0, 0, rng.randint(0, 4))) for _ in range(4)]
        for col, v in zip(forms.T4_COLUMNS[:-1], parts):
            values[forms.t4_cell(group.id, col.id)] = v
        values[forms.t4_cell(group.id, "total")] = sum(parts)
    return values


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _row(label: str, cells: list[str], layout: str) -> str:
    if layout == "tab":
        return "\t".join([label, *cells])
    if layout == "pipe":
        return "| " + " | ".join([label, *cells]) + " |"
    if layout == "run":
        return label + "".join(cells)
    return " ".join([label, *cells])


def render(agency: str, year: int, template: str, values: dict, layout: str = "tab",
           prose_figures: bool = True) -> str:
    """A whole report as text in the given layout."""
    form = forms.FORMS[template]
    lines = [f"{agency}{year}年政府信息公开工作年度报告", "",
             f"本报告由{agency}编制，所列数据统计期限自{year}年1月1日至{year}年12月31日止。", "",
             "一、总体情况", ""]
    new = values[forms.t3_cell("new_received", "total")]
    if prose_figures:
        lines.append(f"{year}年，{agency}共收到政府信息公开申请{new}件，均在法定期限内予以答复。")
        review = values[forms.t4_cell("admin_review", "total")]
        lines.append(f"全年发生政府信息公开行政复议{review}件。" if review else "全年未发生政府信息公开行政复议案件。")
    lines += ["", "二、主动公开政府信息情况", ""]
    for item in form.t2:
        lines.append(_row(item.section_zh, [], layout if layout != "run" else "space"))
        lines.append(_row("信息内容", [m.label_zh for m in item.measures], layout if layout != "run" else "space"))
        cells = [_fmt(values[forms.t2_cell(item.id, m.id)]) for m in item.measures]
        lines.append(_row(item.label_zh, cells, layout))
    lines += ["", "三、收到和处理政府信息公开申请情况", ""]
    header = [c.label_zh for c in forms.T3_COLUMNS]
    lines.append(_row("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", ["申请人情况"],
                      "space" if layout == "run" else layout))
    lines.append(_row("", header, "space" if layout == "run" else layout))
    for row in form.t3_rows:
        cells = [_fmt(values[forms.t3_cell(row.id, c.id)]) for c in forms.T3_COLUMNS]
        label = (row.group_zh + " " if row.group_zh and row.group_zh != "三、本年度办理结果" else "") + row.label_zh
        lines.append(_row(label, cells, layout))
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines.append(_row("行政复议", ["", "", "", "", "行政诉讼"], "space" if layout == "run" else layout))
    t4 = [_fmt(values[forms.t4_cell(g.id, c.id)]) for g in forms.T4_GROUPS for c in forms.T4_COLUMNS]
    lines.append(_row("", t4, layout).strip())
    lines += ["", "五、存在的主要问题及改进情况", "", f"{year}年，工作仍有不足，下一步将继续改进。", "",
              "六、其他需要报告的事项", "", "本年度未收取信息处理费。", ""]
    return "\n".join(lines)


def agency_name(rng: random.Random) -> str:
    _province, city, county = rng.choice(AGENCIES)
    return f"{city}{county}{rng.choice(BODIES)}"


def report(rng: random.Random, year: int | None = None, layout: str = "tab", agency: str | None = None) -> SyntheticReport:
    year = year or rng.randint(2019, 2024)
    template = GOV_2021 if year >= 2021 else GOV_2019
    values = consistent_values(rng, template)
    name = agency or agency_name(rng)
    return SyntheticReport(name, year, template, values, render(name, year, template, values, layout))
