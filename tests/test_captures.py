"""Reports as a crawler or a browser keeps what it fetched: WARC files (a gzip member a record), HTTP dumps (curl -i,
wget --save-headers) and HAR files. Read as text, a compressed WARC gave its first record only and the report was
lost; a HAR's page kept in base64 was no text; a chunked body carried its chunks' sizes."""

from __future__ import annotations

import base64
import gzip
import io
import json

import pytest

from builder import errors
from builder.datasets.schema import TABLES
from builder.extraction.extract import extract_bytes
from builder.reading.document import READERS, read_bytes

from .official_form import assert_every_cell, blocks, html_body, html_page, values

V = values(seed=11)
PAGE = html_page(html_body(blocks(V))).encode("gbk")  # (its meta tag says utf-8, as many a GBK site's does)
URL = "https://www.example.gov.cn/art/2024/1/18/art_59012734.html"


def chunked(body: bytes, size: int = 1000) -> bytes:
    """A body sent with Transfer-Encoding: chunked: each chunk's size in hexadecimal, then the chunk."""
    parts = [body[k:k + size] for k in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


def warc(responses: list[tuple[str, str, list[tuple[str, str]], bytes]], compressed: bool) -> bytes:
    """A WARC file as a crawler writes one: warcinfo, then a request and a response record for each fetch."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compressed)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "Heritrix/3.4"}))
    for url, status, headers, payload in responses:
        request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "www.example.gov.cn")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), length=len(payload),
                                                      http_headers=http))
    return out.getvalue()


STYLE = (URL.replace(".html", ".css"), "200 OK", [("Content-Type", "text/css")], b"td { border: 1px solid #000 }")
MOVED = (URL.replace("https", "http"), "301 Moved Permanently", [("Content-Type", "text/html"), ("Location", URL)],
         b"<html><body>301 Moved Permanently</body></html>")


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("sent", ["as it is", "chunked", "gzip", "chunked gzip"])
def test_a_crawler_s_warc_file_gives_the_page_it_fetched(compressed, sent):
    """After a redirect, the page (its body chunked, compressed, or both, as the server sent it) among a style
    sheet's response: every cell of the page, nothing of the rest."""
    body, headers = PAGE, [("Content-Type", "text/html; charset=GBK")]
    if "gzip" in sent:
        body, headers = gzip.compress(body, mtime=0), [*headers, ("Content-Encoding", "gzip")]
    if "chunked" in sent:
        body, headers = chunked(body), [*headers, ("Transfer-Encoding", "chunked")]
    data = warc([MOVED, (URL, "200 OK", headers, body), STYLE], compressed)
    report = extract_bytes(data, "CRAWL-20240118-00001.warc.gz" if compressed else "crawl.warc")
    assert report.document.source.format == "capture"
    assert_every_cell(report, V)
    assert "Moved Permanently" not in report.document.text and "border" not in report.document.text


def har(entries: list[dict]) -> bytes:
    return json.dumps({"log": {"version": "1.2", "creator": {"name": "WebInspector"}, "entries": entries}}).encode()


def entry(url: str, status: int, mime: str, text: str, encoding: str | None = None) -> dict:
    content = {"size": len(text), "mimeType": mime, "text": text, **({"encoding": encoding} if encoding else {})}
    return {"request": {"method": "GET", "url": url}, "response": {"status": status, "content": content}}


@pytest.mark.parametrize("kept", ["base64", "text"])
def test_a_browser_s_har_file_gives_the_page_among_its_requests(kept):
    page = (entry(URL, 200, "text/html", base64.b64encode(PAGE).decode(), "base64") if kept == "base64"
            else entry(URL, 200, "text/html; charset=utf-8", PAGE.decode("gbk")))
    data = har([entry(URL.replace("https", "http"), 301, "text/html", ""), page,
                entry(URL.replace(".html", ".js"), 200, "application/javascript", "var total = 99999;"),
                entry(URL.replace(".html", ".png"), 200, "image/png", base64.b64encode(b"\x89PNG...").decode(), "base64")])
    report = extract_bytes(data, "www.example.gov.cn.har")
    assert_every_cell(report, V)
    assert "99999" not in report.document.text


@pytest.mark.parametrize("dump", ["curl -i", "curl -iL", "wget --save-headers"])
def test_an_http_dump_gives_its_body(dump):
    """The response's headers before the page: curl -i keeps a chunked body's header but writes the body
    de-chunked; curl -L the redirect's headers first."""
    head = b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html; charset=gbk\r\n"
    head += b"Transfer-Encoding: chunked\r\n\r\n" if dump.startswith("curl") else b"Content-Length: %d\r\n\r\n" % len(PAGE)
    if dump == "curl -iL":
        head = b"HTTP/1.1 301 Moved Permanently\r\nLocation: " + URL.encode() + b"\r\nContent-Length: 0\r\n\r\n" + head
    report = extract_bytes(head + PAGE, "report.html")
    assert_every_cell(report, V)
    assert "nginx" not in report.document.text and "Location" not in report.document.text


def test_a_gzip_file_of_several_members_is_read_whole():
    """Members one after another (a WARC's records; cat a.gz b.gz): each unpacked, not only the first."""
    half = len(PAGE) // 2
    data = gzip.compress(PAGE[:half], mtime=0) + gzip.compress(PAGE[half:], mtime=0)
    assert_every_cell(extract_bytes(data, "report.html.gz"), V)


def test_a_capture_without_a_document_is_refused_saying_so():
    data = warc([STYLE, (URL.replace(".html", ".png"), "200 OK", [("Content-Type", "image/png")], b"\x89PNG")], True)
    with pytest.raises(errors.NotText, match=r"capture .* with no page or document"):
        read_bytes(data, "crawl.warc.gz")


def test_the_datasets_name_every_format_a_source_is_read_as():
    """A report read from a ZIP archive (format archive) made the published package invalid: the reports
    table's enum of formats lacked it."""
    reports = next(table for table in TABLES if table.name == "reports")
    source_format = next(field for field in reports.fields if field.name == "source_format")
    assert set(READERS) <= set(source_format.enum)
