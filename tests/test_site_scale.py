"""A site that fits GitHub Pages at national scale: with --data-url the bulk data
(the data package and each report's own files) is written under <out>/data/ only,
the pages link to the URL, and <out> without data/ is the site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlparse

import lxml.html
import pytest
from click.testing import CliRunner

from builder.build import build
from builder.cli import cli
from builder.datasets.outputs import DataPlace
from builder.datasets.package import REPORT_FILES
from builder.extraction.pipeline import Options

from .conftest import CORPUS

SITE_URL = "https://example.org/reports-site/"
DATA_URL = "https://data.example.org/gov-reports/v1/"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("split") / "site"
    build(CORPUS, out, site_url=SITE_URL, data_url=DATA_URL.rstrip("/"), say=lambda _: None,
          options=Options(cache=None), progress=None)
    return out


def links(page: Path) -> list[str]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [value for element in tree.iter() for name, value in element.items() if name in ("href", "src", "data-src")]


def pages_part(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and p.relative_to(out).parts[0] != "data"]


def test_the_pages_part_holds_no_bulk_data(split_site: Path):
    names = {p.name for p in pages_part(split_site)}
    assert not names & set(REPORT_FILES.values())
    assert not any(p.suffix in (".parquet", ".xlsx") or p.name.endswith(".csv.gz") for p in pages_part(split_site))
    reports = sorted(split_site.glob("reports/*/*/index.html"))
    assert len(reports) == len(list(CORPUS.glob("*.txt")))  # every report page stays on the site
    for page in reports:
        folder = split_site / "data" / page.parent.relative_to(split_site)
        assert sorted(p.name for p in folder.iterdir()) == sorted(REPORT_FILES.values())


def test_download_links_point_to_the_data_url_and_reach_a_published_file(split_site: Path):
    to_data = 0
    for page in split_site.rglob("*.html"):
        if page.relative_to(split_site).parts[0] == "data":
            continue
        here = SITE_URL + page.parent.relative_to(split_site).as_posix() + "/"
        for link in links(page):
            target = urljoin(here, link)
            assert not target.startswith(SITE_URL + "data/"), (page, link)  # nothing links into the moved part
            if target.startswith(DATA_URL):
                to_data += 1
                path = urlparse(target).path.removeprefix(urlparse(DATA_URL).path)
                assert (split_site / "data" / path).is_file(), (page, link)
    assert to_data > 0
    page = next(split_site.glob("reports/*/*/index.html"))
    report_id = page.parent.relative_to(split_site / "reports").as_posix()
    for name in REPORT_FILES.values():
        assert f"{DATA_URL}reports/{report_id}/{name}" in links(page)
    ld = lxml.html.fromstring(page.read_bytes()).xpath('//script[@type="application/ld+json"]/text()')
    urls = {d["contentUrl"] for d in json.loads(ld[0])["distribution"]}
    assert urls == {f"{DATA_URL}reports/{report_id}/{REPORT_FILES[k]}" for k in ("json", "csv")}
    downloads = (split_site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert f'base = "{DATA_URL}"' in downloads


def test_a_build_on_one_site_links_its_files_beside_the_pages(split_site: Path, tmp_path: Path):
    out = tmp_path / "site"
    build(CORPUS, out, site_url=SITE_URL, say=lambda _: None, options=Options(cache=None), progress=None)
    page = next(out.glob("reports/*/*/index.html"))
    assert {"report.json", "cells.csv", "source.txt"} <= set(links(page))
    assert not (out / "data" / "reports").exists()
    moved = {p.relative_to(split_site / "data").as_posix() for p in (split_site / "data").rglob("*") if p.is_file()}
    beside = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    # the same files, only placed elsewhere (the data package lists no per-report file)
    assert {p for p in moved if p.startswith("reports/")} == {p for p in beside if p.endswith(tuple(REPORT_FILES.values()))}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/", "https://x.org/a b", "data"])
def test_a_data_url_must_be_a_web_address(url: str, tmp_path: Path):
    with pytest.raises(ValueError):
        DataPlace(url)
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--out", str(tmp_path / "o"), "--data-url", url])
    assert result.exit_code == 2 and "--data-url" in result.output
    assert not (tmp_path / "o").exists()


def test_the_data_url_is_read_from_the_environment(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    for extra in sorted(corpus.glob("*.txt"))[1:]:
        extra.unlink()
    result = CliRunner(env={"DATA_URL": DATA_URL}).invoke(
        cli, ["build", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--no-site", "--no-cache", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "o" / "data" / "reports").glob("*/*/report.json"))
