"""sources.csv: where each corpus file came from, validated before anything links to it.

Columns ``file, url, retrieved, archive, listing_url, note`` (all but ``file``
optional). The file is decoded like a report (BOM, UTF-8, UTF-16, GB18030).
A row with a bad value is reported with its line and the reason and left
out; nothing in this file can stop a build. Only http(s) URLs survive, so no
``javascript:`` or ``file:`` link ever reaches a page.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

from .. import errors
from .document import decode

NAME = "sources.csv"
COLUMNS = ("file", "url", "retrieved", "archive", "listing_url", "note")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BAD_URL_CHARS = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")
_MAX_URL = 2048


@dataclass
class SourceInfo:
    """What sources.csv says of one corpus file (empty strings where it says nothing)."""

    url: str = ""
    retrieved: str = ""
    archive: str = ""
    listing_url: str = ""
    note: str = ""
    line: int = field(default=0, compare=False, repr=False)  # its line in sources.csv


@dataclass(frozen=True)
class SourceProblem:
    """A row of sources.csv that was left out, or the whole file when it is unreadable."""

    line: int | None
    reason: str

    @property
    def where(self) -> str:
        """A name for the rejected table, one per problem (its key): 'sources.csv, line 7'."""
        return f"{NAME}, line {self.line}" if self.line else NAME


def is_http_url(value: str) -> bool:
    """An absolute http(s) URL with a host and nothing that could break out of an attribute, nor
    make its link read otherwise than it goes: no invisible or direction characters (U+202E shows
    the rest reversed), and no user name before the host (https://www.gov.cn@evil.example)."""
    if not value or len(value) > _MAX_URL or _BAD_URL_CHARS.search(value) or not value.isprintable():
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and "@" not in parts.netloc


_ASCII_SHOWN = "".join(map(chr, range(0x21, 0x7F)))  # kept as they are: what is wrong among them is refused


def as_sent(value: str) -> str:
    """A URL as a browser sends it: the spaces and other non-ASCII characters after its host percent-encoded
    (http://example.gov.cn/路径 有 空格/报告.html); one with an invisible or direction character as given (refused)."""
    scheme, sep, rest = value.partition("://")
    if not sep or not value.isprintable():
        return value
    host, slash, path = rest.partition("/")
    return f"{scheme}{sep}{host}{slash}{quote(path, safe=_ASCII_SHOWN)}"


def _url_problem(column: str, value: str) -> str:
    """Why a value is no URL a page may link to, in a line."""
    if (bad := _BAD_URL_CHARS.search(value)) is not None:
        return f"{column} holds {bad.group()!r}, which no link may hold: {value[:80]!r}"
    return f"{column} is not an http(s) URL: {value[:80]!r}"


def _valid_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _corpus_file(corpus_dir: Path, value: str) -> bool:
    """A file inside the corpus, named relative to it."""
    if not value or value.startswith(("/", "\\")) or "\\" in value or ".." in value.split("/"):
        return False
    root = os.path.realpath(corpus_dir)
    target = os.path.realpath(os.path.join(root, value))
    return os.path.commonpath([root, target]) == root and os.path.isfile(target)


def _row_problem(row: dict[str, str], corpus_dir: Path) -> str | None:
    if not row["file"]:
        return "no file name in the 'file' column"
    for column in ("url", "listing_url"):
        if row[column] and not is_http_url(row[column]):
            return _url_problem(column, row[column])
    if row["retrieved"] and not _valid_date(row["retrieved"]):
        return f"retrieved is not a date written YYYY-MM-DD: {row['retrieved'][:40]!r}"
    if row["archive"] and not (is_http_url(row["archive"]) or _corpus_file(corpus_dir, row["archive"])):
        return f"archive is neither an http(s) URL nor a file in the corpus: {row['archive'][:80]!r}"
    return None


def parse_sources(text: str, corpus_dir: Path) -> tuple[dict[str, SourceInfo], list[SourceProblem]]:
    """Rows by file name, and the rows left out with the reason."""
    sources: dict[str, SourceInfo] = {}
    problems: list[SourceProblem] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
    except csv.Error as e:
        return sources, [SourceProblem(1, f"unreadable header: {e}")]
    if "file" not in header:
        return sources, [SourceProblem(1, "no 'file' column in the header")]
    if unknown := [name for name in header if name not in COLUMNS]:
        problems.append(SourceProblem(1, f"column {', '.join(map(repr, unknown))} is none of {', '.join(COLUMNS)}: "
                                         "its values are not read"))
    while True:
        try:
            values = next(reader, None)
        except csv.Error as e:
            problems.append(SourceProblem(reader.line_num, f"not valid CSV ({e}); the rest of the file is not read"))
            break
        if values is None:
            break
        if not any(v.strip() for v in values):
            continue
        line = reader.line_num
        if len(values) > len(header):
            problems.append(SourceProblem(line, f"{len(values)} values for {len(header)} columns"))
            continue
        named = dict(zip(header, (v.strip() for v in values)))
        row = {column: named.get(column, "") for column in COLUMNS}
        for column in ("url", "listing_url", "archive"):
            row[column] = as_sent(row[column])
        problem = _row_problem(row, corpus_dir)
        if problem is None and row["file"] in sources:
            problem = f"a second row for {row['file']}; the first is used"
        if problem:
            problems.append(SourceProblem(line, problem))
            continue
        sources[row["file"]] = SourceInfo(row["url"], row["retrieved"], row["archive"], row["listing_url"],
                                          row["note"], line)
    return sources, problems


def without_unlisted(provenance: tuple[dict[str, SourceInfo], list[SourceProblem]], names: set[str]
                     ) -> tuple[dict[str, SourceInfo], list[SourceProblem]]:
    """The sources of the corpus's files only, and a problem for each row naming no file of the corpus
    (by its path inside it, as the rejected table names files: 2022/报告.pdf), in line order."""
    sources, problems = provenance
    unlisted = sorted((info.line, file) for file, info in sources.items() if file not in names)
    if not unlisted:
        return provenance
    gone = {file for _, file in unlisted}
    return ({file: info for file, info in sources.items() if file not in gone},
            sorted([*problems, *(SourceProblem(line, f"no file of the corpus is named {file[:80]!r} (a file in a "
                                                     "folder is named by its path: 2022/报告.pdf)")
                                 for line, file in unlisted)], key=lambda p: p.line or 0))


def read_sources(corpus_dir: Path) -> tuple[dict[str, SourceInfo], list[SourceProblem]]:
    """The optional sources.csv beside the reports; never raises for its content."""
    path = corpus_dir / NAME
    if not path.is_file():
        return {}, []
    try:
        text, _ = decode(path.read_bytes(), NAME)
    except errors.ReportError as e:
        return {}, [SourceProblem(None, f"{e.reason}{': ' + e.detail if e.detail else ''}; no row is used")]
    except OSError as e:
        return {}, [SourceProblem(None, f"could not be read: {e.strerror or e}")]
    return parse_sources(text, corpus_dir)
