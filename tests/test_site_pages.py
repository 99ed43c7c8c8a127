"""Data pages as built (no browser): structure that must hold for every layout of report."""

from __future__ import annotations

import random
from pathlib import Path

import lxml.html
import pytest

from builder import synthetic
from builder.build import build

AGENCY = "固原市彭阳县人民政府"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """One report per layout, the run-together one the heaviest to show."""
    folder = tmp_path_factory.mktemp("pages")
    corpus = folder / "corpus"
    corpus.mkdir()
    rng = random.Random(3)
    for year, layout in zip((2021, 2022, 2023, 2024), synthetic.LAYOUTS, strict=True):
        report = synthetic.report(rng, year=year, layout=layout, agency=AGENCY)
        (corpus / f"{layout}.txt").write_text(report.text, encoding="utf-8")
    build(corpus, folder / "site", say=lambda _: None)
    return folder / "site"


def page(site: Path, year: int):
    path = site / "reports" / "640425-pengyang-xian-renmin-zhengfu" / str(year) / "index.html"
    return path, lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_a_row_read_from_run_together_digits_tells_its_raw_text_once(site: Path):
    _, tree = page(site, 2024)  # the "run" layout
    rows = tree.xpath("//table[contains(@class, 't3')]/tbody/tr")
    explained = [r for r in rows if r.xpath("th[@class='row-explained']")]
    assert len(explained) == len(rows)
    for row in explained:
        head = row.xpath("th[@class='row-explained']")[0]
        assert head.get("tabindex") == "0" and head.get("data-tip").startswith("整行原文：")
        assert "本行各格复原" in head.text_content()
        assert row.get("class") == "row-repaired"  # the row carries the status, once
        for cell in row.xpath("td"):
            assert cell.get("class") in (None, "cell-fail") and cell.get("data-tip") is None


def test_table_4_read_as_one_run_is_explained_once_under_the_table(site: Path):
    _, tree = page(site, 2024)
    cells = tree.xpath("//table[contains(@class, 't4')]/tbody/tr/td")
    assert len(cells) == 15 and all(c.get("data-tip") is None for c in cells)
    note = tree.xpath("//table[contains(@class, 't4')]/../../following-sibling::p[@class='cell-notes']")[0]
    assert note.text_content().startswith("本行各格复原，整行原文：")


@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_plain_printed_cells_carry_no_markup(site: Path, year: int):
    _, tree = page(site, year)  # tab, pipe and space layouts
    cells = tree.xpath("//table[contains(@class, 't3')]/tbody/tr/td")
    assert len(cells) == 25 * 7
    for cell in cells:
        assert cell.get("data-tip") is None and cell.get("tabindex") is None
        assert cell.get("class") in (None, "cell-fail")  # a failing cell links to its check



def test_without_a_repository_url_no_error_links(site: Path):
    for year in (2021, 2024):
        path, tree = page(site, year)
        assert not tree.xpath("//a[contains(@class, 'report-error')] | //td[@data-cell] | //*[@data-issue]"), path
        footer = tree.xpath("//footer")[-1].text_content()
        assert "报告错误" not in footer and "源代码" not in footer and "CC BY 4.0" in footer
