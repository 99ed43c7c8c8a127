"""The extraction stage's outputs on disk: one JSON entry per input file (zstd-compressed).

An entry is keyed by the file's content hash, its corpus-relative name (the
suffix helps detect the format) and the parser version, so an unchanged file is
never parsed twice and any change to the parser invalidates every entry by
itself. Entries are read and written through fsspec: the cache can live on
object storage beside a corpus there. Beside the entries, one index file holds
what the build keeps of each outcome of the last run (``IndexEntry``), so that a
rebuild answers an unchanged file with a hash and a lookup.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import operator
import os
import uuid
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import fsspec

from .. import errors
from ..checks import Result
from ..limits import Limits
from ..reading.document import Document, Source
from .corpus import IndexEntry, Rejected
from .extract import Report
from .layout import Layout
from .metadata import Agency
from .narrative import Figure
from .tables import CellValue

# Bump when extraction changes in a way the source hash below cannot see
# (a dependency's behaviour, a data file outside builder/).
PARSER_VERSION = "3"  # 3: entries hold what extraction found, no check results
# Modules and packages that only read extraction results (the later stages among them):
# changing them keeps the cache.
DOWNSTREAM = frozenset({"datasets", "site", "build.py", "cache.py", "checks.py", "cli.py", "memory.py", "pipeline.py",
                        "publish.py", "sources.py", "synthetic.py", "synthetic_corpus.py", "warmup.py", "__main__.py",
                        "__pycache__"})
PACKAGE = Path(__file__).resolve().parent.parent  # builder


# Libraries whose behaviour decides what a file becomes: upgrading one invalidates the cache.
EXTRACTION_LIBRARIES = ("pdfplumber", "pdfminer.six", "lxml", "python-docx", "cpca", "jieba", "pypinyin", "cn2an")


def parser_version() -> str:
    """PARSER_VERSION plus a hash of every source file extraction runs and of the
    versions of the libraries it reads with."""
    return f"{PARSER_VERSION}-{_source_hash()}"


def _library_versions() -> str:
    versions = []
    for name in EXTRACTION_LIBRARIES:
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return "\n".join(versions)


@cache
def _source_hash() -> str:
    digest = hashlib.sha256(_library_versions().encode())
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if path.is_file() and not DOWNSTREAM.intersection(relative.parts) and path.suffix != ".pyc":
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# --- a report as JSON, and back -----------------------------------------------------------
# Written field by field: ``dataclasses.asdict`` deep-copies every value of every cell.

_SOURCE = tuple(f.name for f in dataclasses.fields(Source))
_AGENCY = tuple(f.name for f in dataclasses.fields(Agency))
_FIGURE = tuple(f.name for f in dataclasses.fields(Figure))
# A cell and a check result are written as the tuple of their fields (a JSON array).
_cell_fields = operator.attrgetter(*(f.name for f in dataclasses.fields(CellValue)))
_result_fields = operator.attrgetter(*(f.name for f in dataclasses.fields(Result)))
_SCALARS = ("year", "year_source", "template", "warnings", "t3_layout", "template_source")


def _fields(value, names: tuple[str, ...]) -> dict:
    return {name: getattr(value, name) for name in names}


def report_record(report: Report) -> dict:
    """Everything extraction found, as JSON values, and the check results of a checked
    report (none in a cache entry: checks.py is downstream of extraction)."""
    document = report.document
    return {
        "document": {"source": _fields(document.source, _SOURCE), "text": document.text, "lines": document.lines},
        "regions": {table: list(span) for table, span in report.layout.regions.items()},
        "layout_lines": None if report.layout.lines == document.lines else report.layout.lines,  # most often equal
        "agency": _fields(report.agency, _AGENCY),
        "cells": {cell: _cell_fields(value) for cell, value in report.cells.items()},
        "narrative": [_fields(f, _FIGURE) for f in report.narrative],
        **{name: getattr(report, name) for name in _SCALARS},
        "checks": [_result_fields(r) for r in report.checks],
    }


def report_from_record(record: dict) -> Report:
    source = record["document"]["source"]
    document = Document(Source(**{**source, "running_heads": tuple(source["running_heads"]),
                                  "attachments": tuple(source["attachments"])}),
                        record["document"]["text"], record["document"]["lines"])
    lines = document.lines if record["layout_lines"] is None else record["layout_lines"]
    return Report(
        document=document,
        layout=Layout(lines, {table: tuple(span) for table, span in record["regions"].items()}),
        agency=Agency(**record["agency"]),
        cells={cell: CellValue(*fields) for cell, fields in record["cells"].items()},
        narrative=[Figure(**f) for f in record["narrative"]],
        **{name: record[name] for name in _SCALARS},
        checks=[Result(*fields) for fields in record["checks"]],
    )


def report_from_parts(record: dict, badge: str | None, summary: str | None) -> Report:
    """A report sent to another process (``Report.__reduce__``): its record and its badge."""
    report = report_from_record(record)
    report.badge, report.summary = badge, summary
    return report


def outcome_record(outcome: Report | Rejected) -> dict:
    if isinstance(outcome, Rejected):
        return {"rejected": outcome.reason, "file": outcome.file}
    return {"report": report_record(outcome)}


def outcome_from_record(record: dict) -> Report | Rejected:
    if "rejected" in record:
        return Rejected(record["file"], record["rejected"])
    return report_from_record(record["report"])


# --- entries ----------------------------------------------------------------------------


def content_digest(data: bytes) -> str:
    """A file's SHA-256 (hex), as ``Source.sha256`` and the build's fingerprint hold it."""
    return hashlib.sha256(data).hexdigest()


def entry_key(data: bytes, name: str, bounds: Limits) -> str:
    """The file's content, its name and the limits it was read under (they change what it becomes)."""
    return key_of_digest(content_digest(data), name, bounds)


def key_of_digest(content: str, name: str, bounds: Limits) -> str:
    """``entry_key`` from the file's hex SHA-256, for a file already hashed."""
    digest = hashlib.sha256(bytes.fromhex(content))
    digest.update(name.encode("utf-8", "surrogateescape"))
    digest.update(_limits_key(bounds))
    return digest.hexdigest()


@cache
def _limits_key(bounds: Limits) -> bytes:
    """The limits as a key hashes them (worked out once per run, not per file). The time limit
    is left out: a file over it is never cached, and it changes nothing else."""
    return repr(dataclasses.replace(bounds, time_limit=0)).encode("utf-8")


def encoded(value: dict) -> bytes:
    """A record as an entry's bytes: strict JSON in UTF-8, compressed (``_pack``). Raises
    ValueError on what strict JSON cannot hold (NaN, infinities, lone surrogates), which the
    datasets stage would fail on later."""
    return _pack(json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                            check_circular=False).encode("utf-8"))


def decoded(entry: bytes) -> dict:
    """A record from an entry's bytes (``encoded``); ValueError when they are not one whole."""
    return json.loads(_unpack(entry))


# zstd at level 1, through pyarrow: an entry compresses in about a third of gzip's time (level 1)
# and decompresses in half, a little smaller. Arrow's codec needs the size back: 8 bytes before.
_CODEC_LEVEL = 1
SUFFIX = ".json.zst"
# JSON compresses about 5 to 10 times; a report's text of one phrase repeated (a hostile file's 200,000 （一）) up to
# zstd's bound for a run of one byte, 32,768 times (a block of 128 KB as 4 bytes). An entry is at most 1 GiB whole.
_MOST_EXPANDED = 65_536
_ENTRY_MAX = 1 << 30


@cache
def _zstd():
    import pyarrow as pa

    return pa.Codec("zstd", _CODEC_LEVEL)


def _pack(data: bytes) -> bytes:
    return len(data).to_bytes(8, "little") + _zstd().compress(data, asbytes=True)


def _unpack(data: bytes) -> bytes:
    """An entry's JSON; ValueError when it is not one ``_pack`` wrote whole."""
    import pyarrow as pa

    size = int.from_bytes(data[:8], "little")
    if len(data) < 8 or size > _MOST_EXPANDED * len(data) or size > _ENTRY_MAX:  # not ours: nothing that size allocated
        raise ValueError("not an entry")
    try:
        return _zstd().decompress(data[8:], decompressed_size=size, asbytes=True)
    except (OSError, pa.ArrowException) as e:  # cut short, or not an entry
        raise ValueError(f"not an entry: {e}") from e


# --- the index: every entry's IndexEntry in one file --------------------------------------
# A rebuild needs, of an unchanged file, only what ``IndexEntry`` keeps: reading it from one
# file read once costs a hash and a lookup per file instead of opening and parsing its entry.

INDEX = "index" + SUFFIX
INDEX_FORMAT = 3  # bump when an index line's layout changes


def index_line(outcome: IndexEntry | Rejected) -> list:
    """An outcome kept in the store, as one line of the index (a JSON array)."""
    if isinstance(outcome, Rejected):
        return ["rejected", outcome.file, outcome.reason]
    return ["report", outcome.name, outcome.path, outcome.sha256, outcome.report_id,
            [getattr(outcome.agency, name) for name in _AGENCY], outcome.year, outcome.template,
            {cell: _cell_fields(value) for cell, value in outcome.cells.items()}, list(outcome.reads), outcome.substance]


def outcome_of_line(line: list, key: str, name: str, content: str, url: str) -> IndexEntry | Rejected | None:
    """The outcome an index line holds for the file at ``url``, or None when it does not fit the
    file it is looked up for (another name or content: never trusted) or cannot be read (then
    the entry is)."""
    try:
        if line[0] == "rejected":
            return Rejected(name, line[2]) if line[1] == name and isinstance(line[2], str) else None
        kind, entry_name, path, sha256, report_id, agency, year, template, cells, reads, substance = line
        if kind != "report" or entry_name != name or sha256 != content or not isinstance(year, int) \
                or not isinstance(reads, list) or not all(isinstance(rule, str) for rule in reads) \
                or not isinstance(substance, int):
            return None
        return IndexEntry(entry_name, path, sha256, key, report_id, Agency(*agency), year, template,
                          {cell: CellValue(*fields) for cell, fields in cells.items()}, tuple(reads), url=url,
                          substance=substance)
    except (TypeError, ValueError, IndexError, KeyError):
        return None


def agencies_of_index(index: Mapping[str, list]) -> Iterator[Agency]:
    """The agencies an index's report lines describe (lines that cannot be read are skipped)."""
    for line in index.values():
        if isinstance(line, list) and len(line) > 5 and line[0] == "report" and isinstance(line[5], list) \
                and len(line[5]) == len(_AGENCY):
            yield Agency(*line[5])


def _local_path(where: str) -> str | None:
    """A path on this machine, read and written with plain file calls (fsspec's resolution
    costs more than a small entry's read); None for any other fsspec URL."""
    if "://" not in where:
        return where
    protocol, _, rest = where.partition("://")
    return rest if protocol in ("file", "local") else None


def _write_file(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def _read(where: str) -> bytes:
    path = _local_path(where)
    if path is not None:
        with open(path, "rb") as handle:
            return handle.read()
    fs, path = fsspec.core.url_to_fs(where)
    return fs.cat_file(path)


def check_location(where: str) -> None:
    """A BuilderError naming the cache when ``where`` cannot hold one: a local path that is not a
    folder, or a URL whose protocol fsspec does not know or whose package is not installed."""
    path = _local_path(where)
    if path is not None:
        if os.path.exists(path) and not os.path.isdir(path):
            raise errors.BuilderError(f"--cache {where}: not a folder")
        return
    try:
        fsspec.core.url_to_fs(where)
    except (ImportError, ValueError) as e:
        raise errors.BuilderError(f"--cache {where}: {e}") from e


@dataclasses.dataclass(frozen=True)
class ExtractionCache:
    """A folder (local path or fsspec URL) holding one folder per parser version."""

    root: str
    version: str = dataclasses.field(default_factory=lambda: parser_version())

    @property
    def folder(self) -> str:
        return f"{self.root.rstrip('/')}/extract/{self.version}"

    def path(self, key: str) -> str:
        return f"{self.folder}/{key[:2]}/{key}{SUFFIX}"

    def load(self, key: str) -> dict | None:
        """The entry, or None when absent or unreadable (a write cut short is a miss)."""
        try:
            return decoded(_read(self.path(key)))
        except (OSError, ValueError):
            return None

    def store(self, key: str, entry: bytes) -> None:
        """An entry: a record as ``encoded`` wrote it (which checked it is strict JSON)."""
        self._write(self.path(key), entry)

    def load_index(self) -> dict[str, list]:
        """The index the last run left (``INDEX_FORMAT``), keyed by entry key; empty when absent,
        unreadable or made for another parser version (then every hit reads its entry)."""
        try:
            index = json.loads(_unpack(_read(f"{self.folder}/{INDEX}")))
        except (OSError, ValueError):
            return {}
        if not isinstance(index, dict) or index.get("format") != INDEX_FORMAT or index.get("version") != self.version \
                or not isinstance(index.get("entries"), dict):
            return {}
        return index["entries"]

    def lacks_index(self) -> bool:
        """Whether this local cache has no index for this parser version (every file will be read);
        False for a cache behind another fsspec URL, which is not asked."""
        path = _local_path(f"{self.folder}/{INDEX}")
        return path is not None and not os.path.exists(path)

    def stored_keys(self) -> set[str]:
        """The keys of the entries present, from one listing of the folder (one request per
        thousand entries on object storage): an index line whose entry is gone is no hit."""
        fs, folder = fsspec.core.url_to_fs(self.folder)
        try:
            paths = fs.find(folder)
        except (FileNotFoundError, OSError):
            return set()
        return {path.rsplit("/", 1)[-1].removesuffix(SUFFIX) for path in paths
                if path.endswith(SUFFIX) and not path.endswith(f"/{INDEX}")}

    def store_index(self, entries: dict[str, list]) -> None:
        """Replace the index in one step: a reader sees the old one or the new one."""
        self._write(f"{self.folder}/{INDEX}",
                    encoded({"format": INDEX_FORMAT, "version": self.version, "entries": entries}))

    def _write(self, where: str, data: bytes) -> None:
        path = _local_path(where)
        if path is None:
            fs, path = fsspec.core.url_to_fs(where)
            if "file" not in fs.protocol:
                fs.pipe_file(path, data)
                return
        # Local: write beside, then rename, so a reader never sees half an entry.
        partial = f"{path}.{uuid.uuid4().hex}.part"
        try:
            _write_file(partial, data)
        except FileNotFoundError:  # its folder's first entry (or the folder removed since)
            os.makedirs(os.path.dirname(partial), exist_ok=True)
            _write_file(partial, data)
        os.replace(partial, path)

    def prune(self) -> list[str]:
        """Remove the entries of other parser versions; returns the folders removed."""
        fs, base = fsspec.core.url_to_fs(f"{self.root.rstrip('/')}/extract")
        if not fs.exists(base):
            return []
        stale = [p for p in fs.ls(base, detail=False) if p.rstrip("/").rsplit("/", 1)[-1] != self.version]
        for path in stale:
            fs.rm(path, recursive=True)
        return stale
