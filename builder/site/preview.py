"""The preview server: the built site as GitHub Pages would serve it, on 127.0.0.1.

Text files are served as UTF-8 (a report's source.txt is Chinese), and a
missing path gets the site's own 404 page, as on Pages.
"""

from __future__ import annotations

import errno
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from ..errors import PreviewError

UTF8_TYPES = {".txt": "text/plain", ".csv": "text/csv", ".json": "application/json", ".html": "text/html",
              ".xml": "application/xml", ".svg": "image/svg+xml", ".js": "text/javascript", ".css": "text/css"}


class PreviewHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar = {**SimpleHTTPRequestHandler.extensions_map,
                                **{ext: f"{kind}; charset=utf-8" for ext, kind in UTF8_TYPES.items()}}

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(folder: Path, port: int) -> ThreadingHTTPServer:
    """A server for ``folder`` on 127.0.0.1:``port`` (0: any free port); a busy port is a PreviewError."""
    if not (folder / "index.html").is_file():
        raise PreviewError(f"{folder}: no built site here (run `python -m builder build --out {folder}`)")
    try:
        return ThreadingHTTPServer(("127.0.0.1", port), partial(PreviewHandler, directory=str(folder)))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise PreviewError(f"port {port} is already in use on 127.0.0.1; choose another with --port") from None
        raise PreviewError(f"cannot serve on 127.0.0.1:{port}: {e.strerror or e}") from None
