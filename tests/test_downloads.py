"""Downloads as written on the downloads page, against the built site served on 127.0.0.1.

The site is built with the server's address as its URL, as a deployed site is,
so the snippets carry a real address: each is copied from the page and run.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import io
import json
import shutil
import subprocess
import threading
import urllib.request
from collections import Counter
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import lxml.html
import pytest

from builder.build import build
from builder.errors import BuilderError
from builder.site.build import fill_downloads
from builder.site.pages import FILES_PENDING

from .conftest import CORPUS


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    out = tmp_path_factory.mktemp("downloads") / "site"
    out.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
            build(CORPUS, out, site_url=base, say=lambda _: None)
        yield base, out
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def snippet(out: Path, name: str) -> str:
    page = lxml.html.fromstring((out / "downloads" / "index.html").read_text(encoding="utf-8"))
    [code] = page.xpath(f"//code[@data-snippet='{name}']")
    return code.text_content()


def reports_by_badge(out: Path) -> Counter:
    with (out / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        return Counter(r["badge"] for r in csv.DictReader(handle))


def test_the_package_validates_over_http(served):
    from frictionless import validate

    base, _ = served
    report = validate(base + "data/datapackage.json")
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_the_pandas_snippet_runs_as_written(served):
    base, out = served
    code = snippet(out, "pandas")
    assert f'base = "{base}data/"' in code
    printed = io.StringIO()
    namespace: dict = {}
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "pandas-snippet", "exec"), namespace)  # the page's own code, against the served site
    assert dict(namespace["reports"].groupby("badge").size()) == reports_by_badge(out)
    assert namespace["reports"]["adcode"].dtype == "string"  # a code: an unknown region makes no float of it
    cells = namespace["cells"]
    with gzip.open(out / "data" / "cells.csv.gz", "rt", encoding="utf-8-sig") as handle:
        assert len(cells) == sum(1 for _ in csv.DictReader(handle)) > 0
    assert cells["label_zh"].notna().all()
    assert "存疑" in printed.getvalue()


def test_the_duckdb_snippets_run_as_written(served, tmp_path: Path):
    import duckdb

    base, out = served
    for name in ("reports.parquet", "table3.parquet"):  # "download them first", as the page says
        urllib.request.urlretrieve(base + "data/" + name, tmp_path / name)
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{tmp_path}'")
    badges, top = (con.execute(statement).fetchall() for statement in snippet(out, "duckdb-local").split(";\n"))
    assert dict(badges) == reports_by_badge(out)
    assert top and all(report_id.count("/") == 1 for report_id, _ in top)
    # The remote option: DuckDB parses every statement as written (installing httpfs needs the internet,
    # which the tests do not have), and its query, pointed at the same file downloaded, gives the badges.
    remote = snippet(out, "duckdb-remote")
    statements = con.extract_statements(remote)
    assert [(s.type.name, s.query.strip()) for s in statements[:2]] == [("LOAD", "INSTALL httpfs;"), ("LOAD", "LOAD httpfs;")]
    [query] = [s.query for s in statements[2:]]
    address = f"'{base}data/reports.parquet'"
    assert address in query
    assert dict(con.execute(query.replace(address, "'reports.parquet'")).fetchall()) == reports_by_badge(out)
    page = lxml.html.fromstring((out / "downloads" / "index.html").read_text(encoding="utf-8")).text_content()
    assert "INSTALL httpfs" in page and "联网" in page  # the page says what the remote option needs


def test_the_r_snippet_runs_as_written(served, tmp_path: Path):
    _, out = served
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("R is not installed")
    check = '\ncat("\\n", names(reports)[1], names(cells)[1], codebook$label_zh[codebook$cell_id == "t3.total.total"])'
    result = subprocess.run([rscript, "-e", snippet(out, "r") + check], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert all(badge in result.stdout for badge in reports_by_badge(out))
    assert result.stdout.rstrip().endswith("report_id report_id 表三 总计·总计")  # the BOM is not in the names


def test_the_excel_address_is_a_csv_excel_reads_as_utf8(served):
    base, out = served
    url = snippet(out, "excel").strip()
    assert url == base + "data/reports.csv"
    with urllib.request.urlopen(url) as response:
        assert response.read(3) == b"\xef\xbb\xbf"
    assert not any("…" in snippet(out, name) for name in ("pandas", "duckdb-local", "duckdb-remote", "r", "excel"))


def test_the_downloads_page_lists_every_file_with_its_hash(served):
    """The files are filled in last, once the workbook is written (``fill_downloads``): every file
    of datapackage.json is listed with its hash, the workbook's included."""
    _, out = served
    text = (out / "downloads" / "index.html").read_text(encoding="utf-8")
    resources = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert FILES_PENDING not in text and any(r["path"] == "reports.xlsx" for r in resources)
    assert all(f'<code class="sha">{r["hash"].removeprefix("sha256:")}</code>' in text for r in resources)


def test_a_downloads_page_without_the_place_of_the_files_fails_the_build(tmp_path: Path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "index.html").write_text("<p>made by another theme</p>", encoding="utf-8")
    with pytest.raises(BuilderError, match="does not hold the place of the package's files once"):
        fill_downloads(tmp_path, None)
