"""Pages as a crawler or a browser keeps what it fetched: WARC files (Heritrix, wget --warc-file, browsertrix: request,
response and metadata records), HTTP dumps (curl -i, wget --save-headers: the response's headers, then its body; a
redirect's headers first with curl -L) and HAR files (a browser's network log: each request's response, its text
base64-encoded where the browser kept it so). The documents among the successful responses (a page, a PDF, a Word
file: no style sheet, script or picture) are the capture's files, each body as the browser had it, de-chunked and
unpacked (warcio). Read as text, a WARC's page came with its records' headers, a chunked body with its chunks' sizes
inside it, and a compressed body not at all."""

from __future__ import annotations

import base64
import binascii
import io
import re
import zlib

from .. import errors

WARC_SIGNATURE = b"WARC/1."
_HTTP_STATUS = re.compile(rb"HTTP/(?:1\.[01]|2(?:\.0)?|3) \d{3}\b")
_HEADERS_END = re.compile(rb"\r?\n\r?\n")
# The media types of a document (not a style sheet, a script, a font or a picture), and of a body sent as bytes.
_DOCUMENT_TYPES = re.compile(r"text/(?:html|plain|xml|csv)|application/(?:xhtml\+xml|xml|json|pdf|msword|rtf"
                             r"|vnd\.openxmlformats|vnd\.ms-excel|vnd\.ms-word|vnd\.oasis\.opendocument|ofd|zip"
                             r"|octet-stream|x-download|force-download)", re.IGNORECASE)
_NAME = re.compile(r"[^/?#]+(?=[?#]|$)")


def is_http_dump(data: bytes) -> bool:
    """Whether bytes begin with an HTTP response's status line (HTTP/1.1 200 OK), as curl -i writes one."""
    return _HTTP_STATUS.match(data) is not None


def is_har(records: list) -> bool:
    """Whether a JSON document is a HAR file: one object with log.entries."""
    return len(records) == 1 and isinstance(records[0], dict) and isinstance(records[0].get("log"), dict) \
        and isinstance(records[0]["log"].get("entries"), list)


def documents(data: bytes, records: list | None, path: str, limit: int) -> list[tuple[str, bytes]]:
    """(name, body) of each document a capture holds, in its order: the successful responses whose type is a
    document's (or unstated). ``records``: a HAR file's JSON, when it is one."""
    if records is not None:
        found = list(_har_documents(records[0]["log"]["entries"]))
    elif data.startswith(WARC_SIGNATURE):
        found = list(_warc_documents(data, path, limit))
    else:
        found = [_http_document(data, limit, path)]
    return [(f"{name or 'response'}{k}" if not name or any(n == name for n, _ in found[:k]) else name, body)
            for k, (name, body) in enumerate(found) if body.strip()]


def _wanted(status: int | None, media_type: str) -> bool:
    return (status is None or 200 <= status < 300) and (not media_type or bool(_DOCUMENT_TYPES.search(media_type)))


def _name(url: str) -> str:
    found = _NAME.search(url or "")
    return found.group(0) if found else ""


def _warc_documents(data: bytes, path: str, limit: int):
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            http = record.http_headers
            status = int(http.get_statuscode()) if http is not None and http.get_statuscode().isdecimal() else None
            media_type = (http or record.rec_headers).get_header("Content-Type") or ""
            if _wanted(status, media_type):
                yield _name(record.rec_headers.get_header("WARC-Target-URI")), _bounded(record.content_stream(), limit, path)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as e:
        raise errors.NotText(path, f"a damaged WARC file ({type(e).__name__})") from None


def _http_document(data: bytes, limit: int, path: str) -> tuple[str, bytes]:
    """The last response of an HTTP dump (a redirect's headers, then the page's), its body de-chunked and unpacked."""
    from warcio.bufferedreaders import ChunkedDataReader, DecompressingBufferedReader

    headers = b""
    while (status := _HTTP_STATUS.match(data)) is not None and (end := _HEADERS_END.search(data, status.end())):
        headers, data = data[:end.start()], data[end.end():]
        if not _HTTP_STATUS.match(data) and b"\nLocation:" in headers and len(data) < 1024:
            data = data[data.find(b"HTTP/"):] if b"HTTP/" in data else data  # (a redirect's short body, then the next)
    fields = dict(_field(line) for line in headers.split(b"\n")[1:] if b":" in line)
    coding = fields.get("content-encoding", "")
    compression = "gzip" if "gzip" in coding and data[:2] == b"\x1f\x8b" else "deflate" if "deflate" in coding else None
    if "chunked" in fields.get("transfer-encoding", ""):  # (curl writes a chunked body de-chunked: read as it is then)
        stream = ChunkedDataReader(io.BytesIO(data), decomp_type=compression)
    else:
        stream = DecompressingBufferedReader(io.BytesIO(data), decomp_type=compression)
    try:
        return "", _bounded(stream, limit, path)
    except (ValueError, OSError, EOFError, zlib.error):
        return "", data  # (a body not as its headers say: as it is)


def _field(line: bytes) -> tuple[str, str]:
    name, _, value = line.decode("latin-1").partition(":")
    return name.strip().lower(), value.strip().lower()


def _har_documents(entries: list):
    for entry in entries:
        response = entry.get("response") if isinstance(entry, dict) else None
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not isinstance(content.get("text"), str):
            continue
        status = response.get("status")
        if not _wanted(status if isinstance(status, int) and status > 0 else None, str(content.get("mimeType") or "")):
            continue
        text = content["text"]
        if content.get("encoding") == "base64":
            try:
                body = base64.b64decode(text, validate=False)
            except (binascii.Error, ValueError):
                continue
        else:
            body = text.encode("utf-8", "surrogatepass")
        request = entry.get("request")
        yield _name(request.get("url", "") if isinstance(request, dict) else ""), body


def _bounded(stream, limit: int, path: str) -> bytes:
    body = stream.read(limit + 1)
    if len(body) > limit:
        raise errors.OverLimit(path, f"a response in it unpacks to more than the {limit:,}-byte limit")
    return body
