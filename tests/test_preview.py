"""The preview server (`python -m builder serve`): UTF-8 text, the site's own 404, one-line errors."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import cli
from builder.site.preview import make_server

from .conftest import ROOT

NOT_FOUND = "<html><title>找不到页面</title><h1>找不到这个页面</h1></html>"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text(NOT_FOUND, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    for name, text in (("source.txt", "固原市人民政府"), ("cells.csv", "cell_id,value\nt3.total.total,27\n"),
                       ("report.json", '{"agency": "彭阳县"}')):
        (tmp_path / "reports" / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def served(folder: Path) -> Iterator[str]:
    server = make_server(folder, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read()


@pytest.mark.parametrize(("name", "kind"), [("source.txt", "text/plain"), ("cells.csv", "text/csv"),
                                            ("report.json", "application/json")])
def test_text_is_served_as_utf8(served, folder, name, kind):
    status, content_type, body = get(served + "reports/" + name)
    assert status == 200 and content_type == f"{kind}; charset=utf-8"
    assert body == (folder / "reports" / name).read_bytes()


def test_a_missing_page_gets_the_sites_404(served):
    for path in ("no/such/page/", "reports/nothing.txt"):
        status, content_type, body = get(served + path)
        assert status == 404 and content_type == "text/html; charset=utf-8"
        assert body.decode("utf-8") == NOT_FOUND


def test_a_busy_port_is_one_line_that_suggests_another(folder):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--out", str(folder), "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr == f"error: port {port} is already in use on 127.0.0.1; choose another with --port\n"


def test_serve_runs_as_a_command(folder):
    process = subprocess.Popen([sys.executable, "-m", "builder", "serve", "--out", str(folder), "--port", "0"],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        status, _, body = get(match.group(0) + "missing/")
        assert status == 404 and "找不到这个页面" in body.decode("utf-8")
        status, content_type, _ = get(match.group(0) + "reports/source.txt")
        assert status == 200 and content_type == "text/plain; charset=utf-8"
    finally:
        process.terminate()
        process.wait(timeout=10)
