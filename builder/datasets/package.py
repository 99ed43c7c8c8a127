"""Reports to the open data package: CSV, Parquet and Excel, validated, in one pass.

One agency's checked reports become a ``Fragment``: the rows of every report
table already encoded (CSV lines, gzipped where the table is; an Arrow table),
each report's own files written, and the little the aggregates need (the agency
row, regional totals, files for the version). ``PackageWriter`` appends the
fragments in report-id order to each table's files (``TableWriter``: CSV and
Parquet row groups) and writes the aggregates, so a build that keeps an
agency's fragment (``builder.datasets.fragments``) never reads its reports again.
Neither the reports nor a long table are ever held whole, so memory does not
grow with the corpus beyond the aggregates' small indexes. The workbook is written last, from the Parquet
files: summary sheets only (see ``write_workbook``), in a process of its own while the build
goes on to the pages (``WorkbookProcess``, ``PendingPackage``); datapackage.json, which describes every file, after it.

``version`` comes from the corpus and ``created`` (the data date) from
SOURCE_DATE_EPOCH or the retrieval dates, so one corpus builds byte-identical
files; only without either is it the build day. Rows are tuples in the order of
the table's fields (``builder.datasets.schema``).
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import codebook, forms
from ..arrow import pyarrow
from ..checks import FAIL, RULE_INDEX, RULES, published
from ..codebook import FORM_NAME_ZH, OUTCOME_ZH, SCOPE_ZH, SEVERITY_ZH
from ..errors import BuilderError
from ..extraction.corpus import Rejected
from ..extraction.extract import Report
from ..extraction.metadata import INSTITUTION, Agency
from ..memory import collect_less
from ..reading.sources import SourceInfo, is_http_url
from .indicators import INDICATORS, definition_rows, evaluate, year_over_year
from .outputs import ON_THE_SITE, DataPlace, OutputFolder
from .regional import RegionalTotals
from .schema import (
    FORMULA_TRIGGERS,
    REPORT_CELLS,
    TABLE_DESCRIPTIONS_ZH,
    TABLE_INDEX,
    TABLES,
    Table,
    neutralise,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

PACKAGE_NAME = "gov-disclosure-annual-reports"
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
# Files of one report, beside its page at reports/<agency_id>/<year>/.
REPORT_FILES = {"json": "report.json", "csv": "cells.csv", "text": "source.txt"}


def web_url(value: str) -> str | None:
    """An http(s) URL as given, else None (a corpus file or anything else is not a link)."""
    return value if is_http_url(value or "") else None


def page_url(report_id: str, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/reports/{report_id}/" if site_url else f"reports/{report_id}/"


def agency_level(agency: Agency) -> str:
    """乡镇, 县, 市 or 省 for a government (by its name and region), 部门 for any other body."""
    name = agency.name_normalized or ""
    if name.endswith(("乡人民政府", "镇人民政府", "街道办事处", "办事处")) or name.endswith(("乡", "镇", "街道")):
        return "乡镇"
    if INSTITUTION.search(name) and name.rstrip("办公室厅").endswith(("人民政府", "政府")):
        if agency.county:
            return "县"
        if agency.city and agency.city != agency.province:  # (北京市人民政府: a municipality's is a province's)
            return "市"
        return "省"
    return "部门"


def _row(table_name: str, /, **values) -> tuple:
    return tuple(values.get(name) for name in TABLE_INDEX[table_name].field_names)


def _source(report: Report, sources: dict[str, SourceInfo]) -> SourceInfo:
    return sources.get(report.source_name, sources.get(report.document.source.path, SourceInfo()))


# --- one report's rows -----------------------------------------------------------------


@cache
def _form_cells(template: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """(cell id, table, row, column, place in the form) of every cell of a form, in form order."""
    return tuple((c.id, c.table, c.row, c.column, codebook.label_zh(c.id)) for c in forms.cells(template))


def _note(value) -> str | None:
    if value.candidates is None:
        return value.note
    listed = "可能的值：" + "、".join("空" if c is None else str(_number(c)) for c in value.candidates)
    return f"{value.note}；{listed}" if value.note else listed


def _cell_rows(report: Report) -> tuple[list[tuple], list[tuple]]:
    """The report's rows of the ``cells`` table and of its own cells.csv (``REPORT_CELLS``)."""
    report_id, values = report.report_id, report.cells
    long: list[tuple] = []
    own: list[tuple] = []
    for cell_id, table, row, column, label in _form_cells(report.template):
        v = values[cell_id]
        note = v.note if v.candidates is None else _note(v)
        long.append((report_id, cell_id, table, row, column, v.value, v.unit, v.raw, v.status, note))
        own.append((report_id, cell_id, label, v.value, v.unit, v.raw, v.status, note))
    return long, own


WidePlan = tuple[tuple[str, str, tuple[str | None, ...], tuple[tuple[str, str], ...]], ...]


@cache
def _wide_plan(table_name: str, template: str) -> WidePlan:
    """Each row of a wide table on a form: its key, its label, the cell under each value
    column of the table (None where the row has no such column), and its (column, cell)
    pairs in form order, for the flags."""
    form = forms.FORMS.get(template)
    if form is None:
        return ()
    if table_name == "table2":
        rows = [(i.id, i.label_zh, [(m.id, forms.t2_cell(i.id, m.id)) for m in i.measures]) for i in form.t2]
    elif table_name == "table3":
        rows = [(r.id, r.label_zh, [(c.id, forms.t3_cell(r.id, c.id)) for c in forms.T3_COLUMNS])
                for r in form.t3_rows]
    else:
        rows = [(g.id, g.label_zh, [(c.id, forms.t4_cell(g.id, c.id)) for c in forms.T4_COLUMNS])
                for g in forms.T4_GROUPS]
    columns = TABLE_INDEX[table_name].field_names[3:-1]
    return tuple((key, label, tuple(dict(cells).get(c) for c in columns), tuple(cells)) for key, label, cells in rows)


def _wide_rows(report: Report, table_name: str) -> list[tuple]:
    """A wide table's rows of one report: the form's columns as columns, statuses in flags."""
    report_id, values = report.report_id, report.cells
    out = []
    for key, label, value_cells, flagged in _wide_plan(table_name, report.template):
        flags = "; ".join(f"{column}:{values[cell].status}" for column, cell in flagged
                          if values[cell].status != "reported")
        out.append((report_id, key, label, *(None if c is None else values[c].value for c in value_cells),
                    flags or None))
    return out


# The instance of a rule that checks the whole report (its year, form, name): a key needs a value.
WHOLE_REPORT = "report"


def _check_rows(report: Report) -> list[tuple]:
    return [(report.report_id, c.id, c.instance or WHOLE_REPORT, c.severity, c.outcome, " ".join(c.cells) or None,
             c.left if isinstance(c.left, int | float) else None,
             c.right if isinstance(c.right, int | float) else None, c.detail_zh, c.detail_en)
            for c in published(report.checks)]


def _narrative_rows(report: Report) -> list[tuple]:
    return [(report.report_id, seq, f.key, f.value, f.approx, f.headline, f.text)
            for seq, f in enumerate(report.narrative, 1)]


def _report_row(report: Report, source: SourceInfo, site_url: str) -> tuple:
    failed = [c for c in report.checks if c.outcome == FAIL]
    template_cells = _form_cells(report.template)
    found = sum(1 for c in template_cells if report.cells[c[0]].status != "missing")
    agency, doc = report.agency, report.document.source
    return _row(
        "reports", report_id=report.report_id, agency_id=agency.agency_id, agency_name=agency.name,
        province=agency.province, city=agency.city, county=agency.county, adcode=agency.adcode,
        year=report.year, template=report.template, badge=report.badge, summary=report.summary,
        failed_errors=sum(1 for c in failed if c.severity == "error"),
        failed_warnings=sum(1 for c in failed if c.severity == "warning"),
        completeness=round(found / len(template_cells), 4) if template_cells else None,
        reading_notes=" ".join(sorted({w["code"] for w in report.warnings})) or None,
        source_file=doc.path, source_format=doc.format, sha256=doc.sha256, source_url=web_url(source.url),
        retrieved=source.retrieved or None, archive_url=web_url(source.archive),
        listing_url=web_url(source.listing_url), page_url=page_url(report.report_id, site_url))


# --- one agency's fragment ----------------------------------------------------------------

# Tables with rows of each report, made per agency (``Fragment``) and concatenated in report_id order.
REPORT_TABLES = ("reports", "cells", "table2", "table3", "table4", "checks", "narrative", "indicators")


@dataclass
class _AgencySeries:
    """One agency's reports (they come one after another in report-id order)."""

    agency_id: str
    agency: Agency | None = None  # the newest report's: its name and region are the agency's
    names: set[str] = field(default_factory=set)
    years: list[int] = field(default_factory=list)

    def add(self, report: Report) -> None:
        self.agency = report.agency
        if report.agency.name:
            self.names.add(report.agency.name)
        self.years.append(report.year)

    def row(self) -> tuple | None:
        a = self.agency
        if a is None:
            return None
        return _row("agencies", agency_id=self.agency_id, name=a.name_normalized, names_seen="；".join(sorted(self.names)),
                    province=a.province, city=a.city, county=a.county, adcode=a.adcode, level=agency_level(a),
                    reports=len(self.years), years=" ".join(str(y) for y in self.years))


def _indicator_rows(report: Report, before: dict) -> tuple[list[tuple], dict]:
    """Every indicator of the report and its change on ``before`` (the same agency's
    indicators of the year before, or nothing); and the report's own values."""
    values = {i.id: evaluate(i, report) for i in INDICATORS if report.template in i.templates}
    rows: list[tuple] = []
    for indicator in INDICATORS:
        value = values.get(indicator.id)
        if value is not None:
            rows += (value.as_row(), year_over_year(indicator, value, before.get(indicator.id)).as_row())
    return rows, values


class Encoded:
    """Rows of one table made once: their CSV lines without a header (a gzip member when the
    table is compressed: members concatenated are one valid gzip file) and the same rows as
    an Arrow table (for Parquet), serialised.

    Its bytes are compressed on their own as it is made, and only that travels when it is
    pickled (into the cache, back from a worker); they are decompressed when first read. So a
    build that keeps a table's files from the last build never decompresses the fragments'
    rows of that table (the cells table's are half of a fragment's bytes). ``digest`` names
    the compressed bytes: equal digests, equal rows."""

    __slots__ = ("_arrow", "_csv", "_packed", "digest", "rows")

    def __init__(self, csv: bytes, arrow: bytes, rows: int) -> None:
        pa = pyarrow()

        self._csv, self._arrow, self.rows = csv, arrow, rows
        self._packed = (len(csv).to_bytes(8, "little") + (len(csv) + len(arrow)).to_bytes(8, "little")
                        + pa.Codec(_CODEC).compress(csv + arrow, asbytes=True))
        self.digest = hashlib.sha256(self._packed).hexdigest()

    def __getstate__(self) -> tuple[int, str, bytes]:
        return self.rows, self.digest, self._packed

    def __setstate__(self, state: tuple[int, str, bytes]) -> None:
        self.rows, self.digest, self._packed = state
        self._csv = self._arrow = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Encoded) and (self.rows, self.digest) == (other.rows, other.digest)

    def __hash__(self) -> int:
        return hash(self.digest)

    def _unpack(self) -> None:
        pa = pyarrow()

        split, size = int.from_bytes(self._packed[:8], "little"), int.from_bytes(self._packed[8:16], "little")
        data = pa.Codec(_CODEC).decompress(self._packed[16:], decompressed_size=size)
        self._csv, self._arrow = data[:split], data[split:]  # Arrow buffers: slices without a copy

    @property
    def csv(self):
        """The CSV lines (bytes-like)."""
        if self._csv is None:
            self._unpack()
        return self._csv

    @property
    def arrow(self):
        """The Arrow IPC stream (bytes-like): read back without a copy, many times faster than a pickled table."""
        if self._arrow is None:
            self._unpack()
        return self._arrow


# zstd: an agency's rows are about 8 times smaller (CSV and Arrow are text mostly), and
# decompressed at about a gigabyte a second.
_CODEC = "zstd"


@dataclass
class Fragment:
    """What the checks and datasets stages make of one agency's reports: each report table's
    rows, already encoded, and the little the aggregates need (the agency's row, its
    contribution to the regional totals, its files for the version, its badges); the
    reports whose checks raised are in ``rejected``. Fragments concatenated in report_id
    order are the data package (``PackageWriter``)."""

    agency_id: str
    report_ids: list[str]  # the reports written, in order
    tables: dict[str, Encoded]
    agency_row: tuple | None
    regional: RegionalTotals
    files: list[tuple[str, str]]  # (source path, sha256) of each report
    newest: int
    badges: Counter
    rejected: list[Rejected] = field(default_factory=list)

    def digests(self) -> dict[str, str | None]:
        """Each table's ``Encoded.digest``, None where it has no rows (it adds nothing to the files)."""
        return {name: encoded.digest if encoded.rows else None for name, encoded in self.tables.items()}


def _in_order(agency_id: str, reports: Iterable[Report]) -> Iterator[Report]:
    """The agency's reports, held to their contract: its own, once each, in ascending report_id
    order (its indicators compare a year with the one before)."""
    last_id = ""
    for report in reports:
        if report.agency.agency_id != agency_id:
            raise BuilderError(f"datasets: report {report.report_id} is not of agency {agency_id}")
        if report.report_id <= last_id:
            raise BuilderError(f"datasets: report {report.report_id} came after {last_id}; an agency's reports "
                               "must come once each, in ascending report_id order")
        last_id = report.report_id
        yield report


def agency_fragment(agency_id: str, reports: Iterable[Report], sources: dict[str, SourceInfo], site_url: str,
                    out: OutputFolder, place: DataPlace = ON_THE_SITE) -> Fragment:
    """One agency's checked reports (in ascending report_id order) to its fragment, each
    report's own files written into ``out`` on the way."""
    rows: dict[str, list[tuple]] = {name: [] for name in REPORT_TABLES}
    series, regional = _AgencySeries(agency_id), RegionalTotals()
    report_ids: list[str] = []
    files: list[tuple[str, str]] = []
    badges: Counter = Counter()
    previous: tuple[int, dict] = (0, {})
    for report in _in_order(agency_id, reports):
        source = _source(report, sources)
        cells, own_cells = _cell_rows(report)
        rows["reports"].append(_report_row(report, source, site_url))
        rows["cells"] += cells
        for name in ("table2", "table3", "table4"):
            rows[name] += _wide_rows(report, name)
        rows["checks"] += _check_rows(report)
        rows["narrative"] += _narrative_rows(report)
        indicators, values = _indicator_rows(report, previous[1] if previous[0] == report.year - 1 else {})
        rows["indicators"] += indicators
        previous = (report.year, values)
        write_report_files(report, source, own_cells, out, place)
        series.add(report)
        regional.add(report)
        report_ids.append(report.report_id)
        files.append((report.document.source.path, report.document.source.sha256))
        badges[report.badge] += 1
    return Fragment(agency_id, report_ids, {name: encode(TABLE_INDEX[name], table) for name, table in rows.items()},
                    series.row(), regional, files, max(series.years, default=0), badges)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def data_date(sources: dict[str, SourceInfo], environ: Mapping[str, str] = os.environ) -> str:
    """When the data is from, never invented: SOURCE_DATE_EPOCH when set (the
    Makefile and the Pages workflow set it from the last commit that changed the
    corpus), else the newest retrieval date in sources.csv, else the build day."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError) as e:
            raise BuilderError(f"SOURCE_DATE_EPOCH={epoch!r}: not a Unix time in seconds") from e
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    retrieved = sorted(s.retrieved for s in sources.values() if _ISO_DATE.match(s.retrieved))
    if retrieved:
        return retrieved[-1][:10] + "T00:00:00Z"
    return datetime.now(UTC).strftime("%Y-%m-%dT00:00:00Z")


# --- writers -------------------------------------------------------------------------


def _number(value):
    """Numbers as written: 3756 for 3756.0 (amounts come as either)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text(value) -> str | None:
    """Text that no spreadsheet runs as a formula (see schema.neutralise)."""
    return None if value is None else neutralise(str(value))


# A value (joined by NUL) beginning with a character that spreadsheets read as a formula.
_FORMULA_START = re.compile("\0[" + re.escape("".join(FORMULA_TRIGGERS)) + "]")


def _plain_text(values: Sequence) -> bool:
    """Whether a column holds only text (or null) that ``_text`` leaves as it is: one search of
    the values joined, not a call per value. (A value holding NUL may answer no: then each
    value is looked at.)"""
    try:
        joined = "\0" + "\0".join(filter(None, values))
    except TypeError:  # a value that is not text
        return False
    return _FORMULA_START.search(joined) is None


def _csv_column(values: Sequence, kind: str) -> Sequence:
    """A column as the CSV writes it: numbers as written (``_number``), booleans as
    true/false, text neutralised (``_text``); integers and null (empty) as they are.
    A column at a time, so that the common case costs no call per value."""
    if kind == "string":
        if _plain_text(values):
            return values
        return [v if v is None or (v.__class__ is str and not v.startswith(FORMULA_TRIGGERS)) else _text(v)
                for v in values]
    if kind == "number":
        return [int(v) if isinstance(v, float) and v.is_integer() else v for v in values]
    if kind == "boolean":
        return [None if v is None else "true" if v else "false" for v in values]
    return values


def _csv_rows(table: Table, columns: Sequence[Sequence]) -> Iterable[tuple]:
    """Rows for the csv module from a batch of rows given as columns."""
    return zip(*(_csv_column(column, f.type) for column, f in zip(columns, table.fields, strict=True)))


# A UTF-8 byte order mark: Excel on Chinese Windows reads a CSV without it as GBK
# (mojibake); pandas, DuckDB, R (readr, arrow) and frictionless skip it.
BOM = "\ufeff"


def csv_bytes(table: Table, rows: list[tuple]) -> bytes:
    """A small table as UTF-8 CSV with a byte order mark (a report's own cells.csv)."""
    head = io.StringIO(newline="")
    head.write(BOM)
    csv.writer(head, lineterminator="\n").writerow(table.field_names)
    if not rows:
        return head.getvalue().encode("utf-8")
    columns = list(zip(*rows))
    pa = pyarrow()
    try:  # (the module writes any value as text; Arrow's arrays take only the column's type)
        lines = _csv_by_arrow(table, columns, _arrow_arrays(table, columns))
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        lines = None
    return head.getvalue().encode("utf-8") + (lines or _csv_by_module(table, columns))


def _arrow_array(values: Sequence, kind: str, arrow_type):
    """A column as an Arrow array (``_arrow_column``), made by Arrow from the values as they
    are when none is an empty string and Arrow takes them as they are (the common case:
    no call per value here)."""
    pa = pyarrow()

    if "" not in values:
        with contextlib.suppress(pa.ArrowInvalid, pa.ArrowTypeError):
            return pa.array(values, type=arrow_type)
    return pa.array(_arrow_column(values, kind), type=arrow_type)


def _arrow_arrays(table: Table, columns: Sequence[Sequence]) -> list:
    """A batch of rows (given as columns) as the Arrow arrays of the table's Parquet schema."""
    return [_arrow_array(column, f.type, kind.type)
            for f, column, kind in zip(table.fields, columns, _arrow_schema(table), strict=True)]


def _arrow_column(values: Iterable, kind: str) -> list:
    """A Parquet column holding what the CSV says: empty strings are null."""
    if kind == "number":
        return [None if v is None or v == "" else float(v) for v in values]
    if kind == "integer":
        return [None if v is None or v == "" else int(v) for v in values]
    return [None if v == "" else v for v in values]


PARQUET_BATCH = 65_536  # rows per Parquet row group
# Small Arrow tables (an agency's rows) gathered for a row group at most, then made one: each costs
# about 10 KB beside its rows, and a table of a row per report gathers 30,000 rows in 7,500 of them.
GATHERED_TABLES = 256
ROW_CHUNK = 8_192  # rows held as Python tuples at a time: encoded to CSV and Arrow in chunks


@cache
def _arrow_schema(table: Table):
    pa = pyarrow()

    kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    return pa.schema([pa.field(f.name, kinds[f.type], nullable=not f.required) for f in table.fields])


def encode(table: Table, rows: list[tuple]) -> Encoded:
    """Rows of a table to its CSV lines (gzipped, without a time stamp, when the table is
    compressed) and an Arrow table, once: what ``TableWriter`` appends to the files."""
    return encode_columns(table, list(zip(*rows)) if rows else [() for _ in table.fields], len(rows))


def encode_columns(table: Table, columns: list[Sequence], count: int) -> Encoded:
    """``encode`` of ``count`` rows given as columns, in the table's field order."""
    pa = pyarrow()

    schema = _arrow_schema(table)
    arrays = _arrow_arrays(table, columns)
    data = (_csv_by_arrow(table, columns, arrays) or _csv_by_module(table, columns)) if count else b""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as stream:
        stream.write_table(pa.Table.from_arrays(arrays, schema=schema))
    return Encoded(_compressed(table, data), sink.getvalue().to_pybytes(), count)


def _csv_by_module(table: Table, columns: list[Sequence]) -> bytes:
    """Rows (given as columns) as CSV lines, by the csv module: the reference. The module quotes the
    characters of its line end only, so a row holding a carriage return (a file named with one) is
    written with its fields quoted as RFC 4180 says: unquoted, the return split the row in two."""
    text = io.StringIO(newline="")
    writer, rows = csv.writer(text, lineterminator="\n"), _csv_rows(table, columns)
    if not any(_holds_return(column) for column in columns):
        writer.writerows(rows)
    for row in rows:  # (none left when written above)
        if _holds_return(row):
            text.write(",".join(_quoted(value) for value in row) + "\n")
        else:
            writer.writerow(row)
    return text.getvalue().encode("utf-8")


def _holds_return(values: Sequence) -> bool:
    return any(value.__class__ is str and "\r" in value for value in values)


def _quoted(value) -> str:
    """A field as the csv module writes it, quoted when it holds a separator, a quote or a line break."""
    text = "" if value is None else str(value)
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ',"\r\n') else text


_NONE = type(None)
# The Python types of a column's values that Arrow's writer writes as the csv module does (booleans
# are ints to Python: an integer or number column holding one is written as True by the module).
_ARROW_WRITES = {"integer": {int, _NONE}, "number": {int, float, _NONE},
                 "boolean": {bool, _NONE}}
_WHOLE = 2 ** 53  # numbers below this are exact as float64 (an int above it may have been rounded)
# Arrow writes a fraction as Python's repr does (shortest round trip, no exponent) from 1e-4 up to
# 1e10; outside that range it writes an exponent where Python does not, or the other way round.
_FRACTIONS = (1e-4, 1e10)


def _csv_number_array(array):
    """A number column as Arrow writes what ``_number`` writes, or None: as it is when every value
    is 0 or within ``_FRACTIONS`` (Arrow writes whole ones there as integers), else as int64 when
    every value is whole and below ``_WHOLE``; a negative zero as 0 (Arrow writes -0). NaN or
    infinity (Python and Arrow spell them differently) answer None."""
    pa = pyarrow()
    import numpy as np
    import pyarrow.compute as pc

    values = array.to_numpy(zero_copy_only=False)  # nulls are NaN
    values = values[~np.asarray(array.is_null())] if array.null_count else values
    size = np.abs(values)
    if np.all((size == 0) | ((size >= _FRACTIONS[0]) & (size < _FRACTIONS[1]))):  # (NaN is not within)
        return pc.if_else(pc.equal(array, 0), pa.scalar(0.0), array) if np.signbit(values[size == 0]).any() else array
    if np.all(size < _WHOLE) and np.all(values == np.floor(values)):
        return array.cast(pa.int64())
    return None


def _csv_by_arrow(table: Table, columns: list[Sequence], arrays: list) -> bytes | None:
    """``_csv_by_module``'s bytes, written by Arrow from the Parquet arrays (ten times faster),
    or None where they could differ: a value that needs quotes (Arrow refuses it unquoted), a
    number Arrow writes otherwise (``_csv_number_array``), a value of another type than its
    column's. Text to neutralise (``_text``) is neutralised first, as the module's is."""
    pa = pyarrow()
    import pyarrow.csv as pa_csv

    if len(columns) < 2:  # the module quotes a row of one empty field
        return None
    written = []
    for values, array, f in zip(columns, arrays, table.fields, strict=True):
        if f.type == "string":
            if not _plain_text(values):
                if not all(v is None or v.__class__ is str for v in values):
                    return None
                array = pa.array(_csv_column(values, "string"), pa.string())
        elif not set(map(type, values)) <= _ARROW_WRITES[f.type]:
            return None
        elif f.type == "number":
            array = _csv_number_array(array)
            if array is None:
                return None
        written.append(array)
    sink = pa.BufferOutputStream()
    try:
        pa_csv.write_csv(pa.Table.from_arrays(written, names=table.field_names), sink,
                         pa_csv.WriteOptions(include_header=False, quoting_style="none"))
    except pa.ArrowInvalid:  # a value holding a comma, a quote or a line break
        return None
    return sink.getvalue().to_pybytes()


def _compressed(table: Table, data: bytes) -> bytes:
    # Level 6, not 9: about 4 % larger at a fraction of the time on the longest tables.
    return gzip.compress(data, compresslevel=6, mtime=0) if table.compressed and data else data


class TableWriter:
    """One table written as its rows come: UTF-8 CSV with a byte order mark (gzipped when
    the table says so: a member per batch of rows, without time stamps, so rebuilds are
    byte-identical) and Parquet (zstd), in row groups of ``PARQUET_BATCH`` rows however
    the rows came. Rows come as Python tuples (``add``, encoded ``ROW_CHUNK`` at a time) or
    already encoded (``add_encoded``, an agency's fragment); an empty table still gets a
    row group, so the file keeps the schema."""

    def __init__(self, folder: Path, table: Table) -> None:
        import pyarrow.parquet as pq

        self.table = table
        self.csv_path, self.parquet_path = folder / table.csv_name, folder / f"{table.name}.parquet"
        self.schema = _arrow_schema(table)
        self._stack = contextlib.ExitStack()
        self._csv = self._stack.enter_context(self.csv_path.open("wb"))
        header = io.StringIO(newline="")
        csv.writer(header, lineterminator="\n").writerow(table.field_names)
        self._csv.write(_compressed(table, (BOM + header.getvalue()).encode("utf-8")))
        self._parquet = self._stack.enter_context(pq.ParquetWriter(self.parquet_path, self.schema, compression="zstd"))
        self._gathered: list = []  # Arrow tables of the row group being gathered
        self._rows = 0  # rows in those
        self._groups = 0

    def add(self, rows: Iterable[tuple]) -> None:
        rows = iter(rows)
        while chunk := list(itertools.islice(rows, ROW_CHUNK)):
            self.add_encoded(encode(self.table, chunk))

    def add_encoded(self, encoded: Encoded) -> None:
        pa = pyarrow()

        self._csv.write(encoded.csv)
        if encoded.rows:
            self._gathered.append(pa.ipc.open_stream(encoded.arrow).read_all())
            self._rows += encoded.rows
            if len(self._gathered) >= GATHERED_TABLES:
                self._gathered = [pa.concat_tables(self._gathered).combine_chunks()]
        while self._rows >= PARQUET_BATCH:
            self._write_group(PARQUET_BATCH)

    def _write_group(self, size: int) -> None:
        pa = pyarrow()

        gathered = pa.concat_tables(self._gathered) if self._gathered else self.schema.empty_table()
        self._parquet.write_table(gathered.slice(0, size).combine_chunks(), row_group_size=max(size, 1))
        rest = gathered.slice(size)
        self._gathered, self._rows = ([rest] if rest.num_rows else []), rest.num_rows
        self._groups += 1

    def __enter__(self) -> TableWriter:
        return self

    def close(self) -> None:
        """The last rows written and the files closed now (``__exit__`` on success; again, a no-op)."""
        self.__exit__(None)

    def __exit__(self, kind, *_) -> None:
        """The last rows on success; the files closed either way."""
        with self._stack:
            if kind is None and (self._rows or not self._groups):
                self._write_group(self._rows)
            self._gathered = []


FAILED_CHECKS_SHEET = "未通过的检查"
SHEET_ROWS = 1_048_576  # Excel's limit, the header row included


def sheet_parts(name: str, rows: int) -> list[tuple[str, int]]:
    """A table of ``rows`` rows as one sheet, or as numbered sheets ("报告 (2)") when it
    passes Excel's row limit: each part's name and number of rows."""
    size = SHEET_ROWS - 1
    if rows <= size:
        return [(name[:31], rows)]
    count = -(-rows // size)
    stem = name[:31 - len(f" ({count})")]
    return [(f"{stem} ({i})", min(size, rows - (i - 1) * size)) for i in range(1, count + 1)]


def _forms_zh(value: str | None) -> str | None:
    return None if value is None else "、".join(FORM_NAME_ZH.get(t, t) for t in value.split())


def _words(mapping: dict[str, str]) -> Callable[[str | None], str | None]:
    return lambda value: mapping.get(value, value) if value is not None else None


def _rule_title(value: str | None) -> str | None:
    rule = RULE_INDEX.get(value or "")
    return rule.title_zh if rule else value


def _vocabulary(table: Table) -> dict[str, tuple[str, Callable]]:
    """Fields whose values are ids: the Chinese a reader sees, under which header.
    The workbook shows the Chinese in the field's column and keeps the id beside it."""
    words = {"template": _words(FORM_NAME_ZH), "severity": _words(SEVERITY_ZH), "outcome": _words(OUTCOME_ZH),
             "scope": _words(SCOPE_ZH)}
    out: dict[str, tuple[str, Callable]] = {}
    for f in table.fields:
        if f.name in words:
            out[f.name] = (f.title_zh, words[f.name])
        elif f.name == "templates":
            out[f.name] = (f.title_zh, _forms_zh)
        elif f.name == "check_id":
            out[f.name] = ("规则名称", _rule_title)
    return out


def workbook_sheet(table: Table, rows: Iterable[tuple]) -> tuple[list[str], Iterable[list]]:
    """A table as a reader sees it in Excel: Chinese headers, Chinese words for
    ids, and each id kept in its own column (编号) beside its Chinese."""
    vocabulary = _vocabulary(table)
    header: list[str] = []
    plan: list[tuple[int, Callable | None]] = []
    for index, f in enumerate(table.fields):
        if f.name in vocabulary:
            title, convert = vocabulary[f.name]
            if f.name == "check_id":  # the id first, as the key it is; then the rule's name
                header += [f.title_zh, title]
                plan += [(index, None), (index, convert)]
            else:
                header += [title, f"{f.title_zh}编号"]
                plan += [(index, convert), (index, None)]
        else:
            header.append(f.title_zh)
            plan.append((index, None))

    def converted() -> Iterable[list]:
        for row in rows:
            yield [row[i] if convert is None else convert(row[i]) for i, convert in plan]

    return header, converted()


Where = tuple[str, str] | None  # (field, value): only the rows with this value


def _batches(path: Path, where: Where, columns: list[str] | None = None) -> Iterator:
    """A Parquet file a batch at a time, filtered in Arrow (before any row becomes Python)."""
    pyarrow()  # the value becomes an Arrow scalar: without importing pandas
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=8192, columns=columns):
        yield batch.filter(pc.equal(batch.column(where[0]), where[1])) if where else batch


def _parquet_rows(path: Path, where: Where = None) -> Iterator[tuple]:
    for batch in _batches(path, where):
        yield from zip(*(column.to_pylist() for column in batch.columns))


def _row_count(path: Path, where: Where = None) -> int:
    import pyarrow.parquet as pq

    if where is None:
        return pq.ParquetFile(path).metadata.num_rows
    return sum(batch.num_rows for batch in _batches(path, where, [where[0]]))


WORKBOOK_DESCRIPTION = ("The summary tables (reports, agencies, rules, rejected files, codebook, indicator "
                        "definitions) and the failing checks as sheets with Chinese column headers, and a README "
                        "sheet; the long tables are in CSV and Parquet only.")


def write_workbook(path: Path, data_dir: Path, package: dict) -> None:
    """One .xlsx of the summary tables and the failing checks, in Chinese where a
    reader looks (ids kept in their own columns), and a 说明 sheet; read from the
    package's Parquet files a batch at a time. Report text is never read as a
    formula or link.

    Summary sheets only: the long tables (cells, tables 2–4, every check, prose
    figures, indicators, regional totals) grow by dozens of rows per report, would
    pass Excel's 1,048,576 rows near 40,000 reports and made the workbook the
    slowest and largest file; their CSV files open in Excel as they are. A sheet
    still longer than Excel allows (reports, failing checks at national scale)
    continues on numbered sheets."""
    import xlsxwriter

    sheets: list[tuple[str, Table, Path, Where]] = [
        (t.title_zh, t, data_dir / f"{t.name}.parquet", None) for t in TABLES if t.in_workbook]
    sheets.append((FAILED_CHECKS_SHEET, TABLE_INDEX["checks"], data_dir / "checks.parquet", ("outcome", FAIL)))
    sizes = [_row_count(file, where) for _, _, file, where in sheets]
    workbook = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False})
    created = datetime.fromisoformat(package["created"].replace("Z", "+00:00")).replace(tzinfo=None)
    workbook.set_properties({"title": package["title"], "author": PACKAGE_NAME, "created": created})
    bold = workbook.add_format({"bold": True})
    readme = workbook.add_worksheet("说明 README")
    lines = [
        [package["title"]], [DESCRIPTION_ZH], [package["description"]], [],
        ["版本 version", package["version"]], ["数据日期 created", package["created"][:10]],
        ["许可 license", LICENSE["title"]], [],
        ["工作表 sheet", "内容 contents", "行数 rows"],
        *([part_name, TABLE_DESCRIPTIONS_ZH.get(table.name, table.description), part_rows]
          for (name, table, _, _), size in zip(sheets, sizes) for part_name, part_rows in sheet_parts(name, size)),
        [],
        ["单元格、表二至表四、全部检查结果、正文数字、指标与地区合计等长表只以 CSV 和 Parquet 发布，CSV 可直接用 Excel 打开 / "
         "the long tables (cells, tables 2–4, all check results, prose figures, indicators, regional totals) "
         "are in CSV and Parquet only; the CSV files open in Excel"],
        ["带“编号”的列是数据中使用的原始编号，便于与 CSV、Parquet 文件对照 / "
         "columns named 编号 keep the ids used in the CSV and Parquet files"],
    ]
    for index, line in enumerate(lines):
        readme.write_row(index, 0, line, bold if index in (0, 8) else None)
    for (name, table, file, where), size in zip(sheets, sizes):
        rows = _parquet_rows(file, where)
        for part_name, part_rows in sheet_parts(name, size):
            sheet = workbook.add_worksheet(part_name)
            sheet.freeze_panes(1, 0)
            header, values = workbook_sheet(table, itertools.islice(rows, part_rows))
            sheet.write_row(0, 0, header, bold)
            for index, row in enumerate(values, 1):
                sheet.write_row(index, 0, row)
    workbook.close()


class FileHashes:
    """The SHA-256 of the package's files, taken from the last build's datapackage.json for a
    file that is the last build's own file (linked from it: the same inode), else read."""

    def __init__(self, previous: Path | None = None) -> None:
        self.previous, self.known = previous, {}
        if previous is None:
            return
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):  # unreadable: read all
            package = json.loads((previous / "datapackage.json").read_text(encoding="utf-8"))
            self.known = {r["path"]: r["hash"] for r in package["resources"]}

    def __call__(self, path: Path, relative: str) -> str:
        if relative in self.known:
            with contextlib.suppress(OSError):
                mine, last = path.stat(), (self.previous / relative).stat()
                if (mine.st_ino, mine.st_dev) == (last.st_ino, last.st_dev):
                    return self.known[relative]
        with path.open("rb") as handle:
            return "sha256:" + hashlib.file_digest(handle, "sha256").hexdigest()


def _file_entry(path: Path, base: Path, hashes: FileHashes) -> dict:
    relative = path.relative_to(base).as_posix()
    return {"path": relative, "bytes": path.stat().st_size, "hash": hashes(path, relative)}


DESCRIPTION_ZH = (
    "政府信息公开工作年度报告中每个表格单元格的数值、印出的原文与状态，每份报告的勾稽关系等一致性检查，"
    "以及正文中的数字。CSV 与 Parquet 文件的行与值完全相同；每份报告的文件（report.json、cells.csv、"
    "source.txt）在 reports/<机关编号>/<年度>/：报告页面旁，或与数据集分开发布时在本数据包旁。")


def package_metadata(version: str, created: str) -> dict:
    return {
        "name": PACKAGE_NAME,
        "title": "政府信息公开工作年度报告数据 · Government information-disclosure annual reports",
        "description": (
            "Every table cell of Chinese government information-disclosure annual reports (政府信息公开工作年度报告), "
            "with the text it was printed as and its status, the consistency checks (勾稽关系) of every report, "
            "and the figures stated in the prose. CSV and Parquet hold the same rows; each report's own files "
            "(report.json, cells.csv, source.txt) are at reports/<agency_id>/<year>/: beside its page, or beside "
            "this package where the data is published apart from the site."),
        "version": version,
        "created": created,
        "licenses": [LICENSE],
        "sources": [{"title": "各级行政机关发布的政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第五十条）",
                     "path": "https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm"}],
        "contributors": [{"title": "政府信息公开年报数据项目 / Annual-report open data project", "roles": ["creator"]}],
        "keywords": ["政府信息公开", "年度报告", "open government", "China", "FOI"],
    }


def _resources(table: Table, out: Path, hashes: FileHashes) -> list[dict]:
    """A table's CSV resource (with its schema) and its Parquet file."""
    csv_path, parquet_path = out / table.csv_name, out / f"{table.name}.parquet"
    schema = {"fields": [f.as_json() for f in table.fields], "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [fk.as_json() for fk in table.foreign_keys]
    common = {"title": f"{table.title_zh} / {table.title_en}", "description": table.description}
    entry = _file_entry(csv_path, out, hashes)
    if table.compressed:
        # frictionless counts the bytes of a compressed file on disk but not over
        # HTTP: the hash alone guards it, so that the package validates in both places.
        del entry["bytes"]
    return [
        {"name": table.name, "type": "table", **common, **entry, "format": "csv", "mediatype": "text/csv",
         "encoding": "utf-8", **({"compression": "gz"} if table.compressed else {}), "schema": schema},
        # Described as a file (bytes and hash are validated); its rows and types are
        # those of the CSV resource named in "table", which the tests compare row by row.
        {"name": f"{table.name}-parquet", "type": "file", **common, **_file_entry(parquet_path, out, hashes),
         "format": "parquet", "mediatype": "application/vnd.apache.parquet", "table": table.name}]


WORKBOOK = "reports.xlsx"


def describe_package(out: Path, package: dict, previous: Path | None = None) -> dict:
    """datapackage.json, once every file of the package is in ``out``: ``package`` (its
    metadata) with a resource per file; a file linked from ``previous`` (the last build's data
    folder) keeps the hash it has there."""
    workbook = out / WORKBOOK
    hashes = FileHashes(previous)
    resources = [entry for table in TABLES for entry in _resources(table, out, hashes)]
    resources.append({"name": "workbook", "type": "file", "title": "Excel 工作簿 / Excel workbook",
                      "description": WORKBOOK_DESCRIPTION, **_file_entry(workbook, out, hashes), "format": "xlsx",
                      "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    package["resources"] = resources
    (out / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return package


def report_document(report: Report, source: SourceInfo) -> dict:
    """The full extract document of a report, with what sources.csv knows of it."""
    document = report.as_json()
    document["source"].update({"url": web_url(source.url), "retrieved": source.retrieved or None,
                               "archive": source.archive or None, "archive_url": web_url(source.archive),
                               "listing_url": web_url(source.listing_url), "note": source.note or None})
    return document


def write_report_files(report: Report, source: SourceInfo, cells: list[tuple], site: OutputFolder,
                       place: DataPlace = ON_THE_SITE) -> None:
    """A report's JSON (the full extract document with checks), CSV (its cells, rows
    of ``REPORT_CELLS``) and source text as read: beside its page at
    reports/<agency_id>/<year>/, or under data/ when the bulk data is published
    elsewhere (``place``)."""
    folder = place.report_folder(report.report_id).rstrip("/")
    document = report_document(report, source)
    site.write_text(f"{folder}/{REPORT_FILES['json']}", json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    site.write_bytes(f"{folder}/{REPORT_FILES['csv']}", csv_bytes(REPORT_CELLS, cells))
    site.write_text(f"{folder}/{REPORT_FILES['text']}", report.document.text)


def _static_rows() -> dict[str, list[tuple]]:
    """The tables that do not depend on the reports: rules, codebook, indicator definitions."""
    return {
        "rules": [_row("rules", check_id=r.id, severity=r.severity, title_zh=r.title_zh, title_en=r.title_en,
                       formula_zh=r.formula_zh, formula_en=r.formula_en, templates=" ".join(r.templates),
                       scope=r.scope) for r in RULES],
        "codebook": [_row("codebook", cell_id=c.cell_id, templates=" ".join(c.templates), table=c.table,
                          table_zh=c.table_zh, row=c.row, row_zh=c.row_place_zh, row_en=c.row_en,
                          column=c.column, column_zh=c.column_zh, column_en=c.column_en, label_zh=c.label_zh,
                          label_en=c.label_en, unit_zh=c.unit_zh, unit_en=c.unit_en)
                     for c in codebook.labels().values()],
        "indicator_definitions": definition_rows()}


# Encoded rows by a digest of what they are made of: made by the function, or kept from before.
Memo = Callable[[str, Callable[[], Encoded]], Encoded]
# Whether a table written a part at a time is the last build's (its files linked), by its parts' digests.
Keep = Callable[[str, list[str]], bool]


def _unkept(_digest: str, make: Callable[[], Encoded]) -> Encoded:
    return make()


def _never_kept(_table: str, _parts: list[str]) -> bool:
    return False


def _workbook_aside(connection: Connection) -> None:
    """``WorkbookProcess``'s: what writing the workbook takes imported at once, then the
    workbook written when the package's tables are; None sent back when done, else the reason."""
    import xlsxwriter  # noqa: F401 (imported now: the process waits for its work anyway)
    from pyarrow import compute, parquet  # noqa: F401

    pyarrow()
    collect_less()
    try:
        path, data_dir, package = connection.recv()
    except EOFError:  # the build ended before its package
        return
    try:
        write_workbook(path, data_dir, package)
    except Exception as error:  # any: the build fails with it, as it would writing the workbook itself
        connection.send(f"{type(error).__name__}: {error}")
    else:
        connection.send(None)


class WorkbookProcess:
    """A process of its own for the workbook, the slowest file of the package, which nothing but
    the description reads: spawned (the build has threads) before the package is written, so
    that its imports (0.3 s) are done by the time the tables are; ``PendingPackage`` gives it
    the work and waits for it."""

    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_workbook_aside, args=(child,), name="workbook", daemon=True)
        self._process.start()
        child.close()

    def write(self, path: Path, data_dir: Path, package: dict) -> None:
        self._connection.send((path, data_dir, package))

    def wait(self) -> str | None:
        """None once the workbook is written, else why it is not."""
        try:
            return self._connection.recv()
        except (EOFError, OSError):
            return "its process ended without a word"
        finally:
            self.stop()

    def stop(self) -> None:
        """The process ended: done, or stopped (the build failed, and its folder is about to go)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()


class PendingPackage:
    """The last two files of the package, once its tables are written: the workbook, then
    datapackage.json, which describes every file. With ``aside`` (a ``WorkbookProcess``), the
    workbook is written there while the build goes on to the pages; ``complete`` waits for it
    and writes the description. ``created`` (the data date) is known at once: the pages are
    dated by it."""

    def __init__(self, data_dir: Path, version: str, created: str, previous: Path | None,
                 aside: WorkbookProcess | None) -> None:
        self.data_dir, self.previous, self.created = data_dir, previous, created
        self.metadata = package_metadata(version, created)
        self._package: dict | None = None
        self._aside = aside
        if aside is None:
            write_workbook(data_dir / WORKBOOK, data_dir, self.metadata)
        else:
            aside.write(data_dir / WORKBOOK, data_dir, self.metadata)

    def complete(self) -> dict:
        """The package's description, written once the workbook is."""
        if self._package is None:
            if self._aside is not None:
                failure, self._aside = self._aside.wait(), None
                if failure:
                    raise BuilderError(f"datasets: could not write the workbook {WORKBOOK}: {failure}")
            self._package = describe_package(self.data_dir, self.metadata, self.previous)
        return self._package

    def cancel(self) -> None:
        """Stop writing the workbook (the build failed): its folder is about to be removed."""
        if self._aside is not None:
            self._aside.stop()
            self._aside = None


class PackageWriter:
    """The data package written from agencies' fragments in ascending report_id order: each
    report table's encoded rows appended to its files, the aggregates (agencies, regional
    totals, the version) gathered from the fragments' small parts; ``finish`` writes them,
    the other tables and the package. Memory holds one fragment and those small parts."""

    def __init__(self, data_dir: Path, kept: Collection[str] = (), previous: Path | None = None) -> None:
        """``kept``: report tables whose files are in ``data_dir`` already (linked from the last
        build's data folder, ``previous``, their rows unchanged): their rows in the fragments are
        not read, nor their files hashed again."""
        if not set(kept) <= set(REPORT_TABLES):
            raise ValueError(f"only report tables can be kept, not {sorted(set(kept) - set(REPORT_TABLES))}")
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir, self.kept, self.previous = data_dir, frozenset(kept), previous
        self._stack = contextlib.ExitStack()
        # The regional totals' writer is opened by ``finish``, unless their files are kept.
        self._tables = {t.name: self._stack.enter_context(TableWriter(data_dir, t)) for t in TABLES
                        if t.name not in kept and t.name != "regional_totals"}
        self.agencies: list[tuple] = []
        self.regional = RegionalTotals()
        self.files: list[tuple[str, str]] = []
        self.newest = 0
        self.badges: Counter = Counter()
        self.rejected: list[Rejected] = []  # reports whose checks raised
        self._last_id = ""

    def __enter__(self) -> PackageWriter:
        return self

    def __exit__(self, *_) -> None:
        self._stack.close()

    def add(self, fragment: Fragment) -> None:
        if fragment.report_ids and fragment.report_ids[0] <= self._last_id:
            raise BuilderError(f"datasets: agency {fragment.agency_id} came after report {self._last_id}; "
                               "fragments must come in ascending report_id order")
        self._last_id = fragment.report_ids[-1] if fragment.report_ids else self._last_id
        for name, encoded in fragment.tables.items():
            if name not in self.kept:
                self._tables[name].add_encoded(encoded)
        if fragment.agency_row is not None:
            self.agencies.append(fragment.agency_row)
        self.regional.merge(fragment.regional)
        self.files += fragment.files
        self.newest = max(self.newest, fragment.newest)
        self.badges.update(fragment.badges)
        self.rejected += fragment.rejected

    def version(self, rejected: list[Rejected]) -> str:
        """A version from the corpus's content: the newest year, the number of reports and a hash
        of every file's name and content hash (and of every rejected file and its reason)."""
        digest = hashlib.sha256()
        for entry in sorted(self.files + [(r.file, r.reason) for r in rejected]):
            digest.update("\t".join(entry).encode() + b"\n")
        return f"{self.newest}.{len(self.files)}.0+{digest.hexdigest()[:12]}"

    def finish(self, rejected: list[Rejected], sources: dict[str, SourceInfo], memo: Memo = _unkept,
               aside: WorkbookProcess | None = None, keep: Keep = _never_kept) -> PendingPackage:
        """The aggregate and static tables, then the package; ``rejected``: every file left out.
        The regional totals are encoded a part at a time, each through ``memo``, and not written
        at all when ``keep`` finds the last build's files made of the same parts. With ``aside``,
        the workbook is written in that process, from the moment the tables it shows are complete
        (the regional totals are not among them): call ``complete`` on the result to finish the
        package. Without, the package is complete on return."""
        self._tables["agencies"].add(sorted(self.agencies))
        self._tables["rejected"].add((r.file, r.reason) for r in sorted(rejected, key=lambda r: r.file))
        for name, rows in _static_rows().items():
            self._tables[name].add(rows)
        for writer in self._tables.values():
            writer.close()  # complete, before the workbook reads them
        pending = PendingPackage(self.data_dir, self.version(rejected), data_date(sources), self.previous, aside)
        try:
            regional = TABLE_INDEX["regional_totals"]
            parts = list(self.regional.parts())
            if not keep(regional.name, [digest for digest, _ in parts]):
                with TableWriter(self.data_dir, regional) as writer:
                    for digest, columns in parts:
                        writer.add_encoded(memo(digest, lambda columns=columns: encode_columns(
                            regional, part := columns(), len(part[0]))))
            self._stack.close()
        except BaseException:
            pending.cancel()
            raise
        if aside is None:
            pending.complete()
        return pending
