"""Reports to the open data package: CSV, Parquet and Excel, validated.

``version`` comes from the corpus and ``created`` (the data date) from
SOURCE_DATE_EPOCH or the retrieval dates, so one corpus builds byte-identical
files; only without either is it the build day. Rows are tuples in
the order of the table's fields (``builder.schema``): the long tables hold
millions of them.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import itertools
import json
import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from . import codebook, forms
from .checks import FAIL, RULE_INDEX, RULES, published
from .codebook import FORM_NAME_ZH, OUTCOME_ZH, SCOPE_ZH, SEVERITY_ZH, STATUS_ZH
from .corpus import Corpus
from .errors import BuilderError
from .extract import Report
from .indicators import definition_rows, evaluate_corpus
from .metadata import INSTITUTION
from .outputs import ON_THE_SITE, DataPlace, OutputFolder
from .regional import regional_rows
from .schema import REPORT_CELLS, TABLE_DESCRIPTIONS_ZH, TABLE_INDEX, TABLES, Table, neutralise
from .sources import SourceInfo, is_http_url

PACKAGE_NAME = "gov-disclosure-annual-reports"
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
# Files of one report, beside its page at reports/<agency_id>/<year>/.
REPORT_FILES = {"json": "report.json", "csv": "cells.csv", "text": "source.txt"}


class ReportRows:
    """A long table's rows, made from the reports each time they are read: the
    writers (CSV, Parquet, the workbook) stream them, so the cells and checks
    of every report are never all held as rows at once."""

    def __init__(self, reports: list[Report], rows_of: Callable[[Report], Iterable[tuple]]) -> None:
        self.reports, self.rows_of = reports, rows_of
        self._count: int | None = None

    def __iter__(self) -> Iterator[tuple]:
        for report in self.reports:
            yield from self.rows_of(report)

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count

    def __getitem__(self, part: slice) -> list[tuple]:
        return list(itertools.islice(self, part.start, part.stop))


@dataclass
class Dataset:
    """Every table's rows, plus what the package metadata and per-report files need."""

    rows: dict[str, list[tuple] | ReportRows] = field(default_factory=dict)
    reports: list[Report] = field(default_factory=list)
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    version: str = ""
    created: str = ""


def web_url(value: str) -> str | None:
    """An http(s) URL as given, else None (a corpus file or anything else is not a link)."""
    return value if is_http_url(value or "") else None


def page_url(report_id: str, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/reports/{report_id}/" if site_url else f"reports/{report_id}/"


def agency_level(report: Report) -> str:
    name = report.agency.name_normalized or ""
    if name.endswith(("乡人民政府", "镇人民政府", "街道办事处", "办事处")) or name.endswith(("乡", "镇", "街道")):
        return "乡镇"
    if INSTITUTION.search(name) and name.rstrip("办公室厅").endswith(("人民政府", "政府")):
        if report.agency.county:
            return "县"
        if report.agency.city:
            return "市"
        return "省"
    return "部门"


def _row(table_name: str, /, **values) -> tuple:
    return tuple(values.get(name) for name in TABLE_INDEX[table_name].field_names)


def _source(report: Report, sources: dict[str, SourceInfo]) -> SourceInfo:
    return sources.get(report.source_name, sources.get(report.document.source.path, SourceInfo()))


def build_rows(corpus: Corpus, sources: dict[str, SourceInfo], site_url: str = "") -> Dataset:
    reports = sorted(corpus.reports, key=lambda r: r.report_id)
    data = Dataset(rows={t.name: [] for t in TABLES}, reports=reports, sources=sources)
    rows = data.rows
    for name, rows_of in _PER_REPORT.items():
        rows[name] = ReportRows(reports, rows_of)
    by_agency: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_agency[report.agency.agency_id].append(report)
        source = _source(report, sources)
        failed = [c for c in report.checks if c.outcome == FAIL]
        template_cells = forms.cells(report.template)
        found = sum(1 for c in template_cells if report.cells[c.id].status != "missing")
        agency, doc = report.agency, report.document.source
        rows["reports"].append(_row(
            "reports", report_id=report.report_id, agency_id=agency.agency_id, agency_name=agency.name,
            province=agency.province, city=agency.city, county=agency.county, adcode=agency.adcode,
            year=report.year, template=report.template, badge=report.badge, summary=report.summary,
            failed_errors=sum(1 for c in failed if c.severity == "error"),
            failed_warnings=sum(1 for c in failed if c.severity == "warning"),
            completeness=round(found / len(template_cells), 4) if template_cells else None,
            source_file=doc.path, source_format=doc.format, sha256=doc.sha256, source_url=web_url(source.url),
            retrieved=source.retrieved or None, archive_url=web_url(source.archive),
            listing_url=web_url(source.listing_url), page_url=page_url(report.report_id, site_url)))
    for agency_id, group in sorted(by_agency.items()):
        last = group[-1]
        rows["agencies"].append(_row(
            "agencies", agency_id=agency_id, name=last.agency.name_normalized,
            names_seen="；".join(sorted({r.agency.name for r in group if r.agency.name})),
            province=last.agency.province, city=last.agency.city, county=last.agency.county,
            adcode=last.agency.adcode, level=agency_level(last), reports=len(group),
            years=" ".join(str(r.year) for r in group)))
    rows["rules"] = [_row("rules", check_id=r.id, severity=r.severity, title_zh=r.title_zh, title_en=r.title_en,
                          formula_zh=r.formula_zh, formula_en=r.formula_en, templates=" ".join(r.templates),
                          scope=r.scope) for r in RULES]
    rows["rejected"] = [(r.file, r.reason) for r in sorted(corpus.rejected, key=lambda r: r.file)]
    rows["codebook"] = [_row("codebook", cell_id=c.cell_id, templates=" ".join(c.templates), table=c.table,
                             table_zh=c.table_zh, row=c.row, row_zh=c.row_place_zh, row_en=c.row_en,
                             column=c.column, column_zh=c.column_zh, column_en=c.column_en, label_zh=c.label_zh,
                             label_en=c.label_en, unit_zh=c.unit_zh, unit_en=c.unit_en)
                        for c in codebook.labels().values()]
    rows["indicator_definitions"] = definition_rows()
    rows["indicators"] = [v.as_row() for v in evaluate_corpus(reports)]
    rows["regional_totals"] = regional_rows(reports)
    data.version, data.created = corpus_version(corpus, sources)
    return data


def _note(value) -> str | None:
    if value.candidates is None:
        return value.note
    listed = "可能的值：" + "、".join("空" if c is None else str(_number(c)) for c in value.candidates)
    return f"{value.note}；{listed}" if value.note else listed


def _cell_rows(report: Report) -> Iterator[tuple]:
    return ((report.report_id, cell.id, cell.table, cell.row, cell.column, value.value, value.unit, value.raw,
             value.status, _note(value))
            for cell in forms.cells(report.template) for value in (report.cells[cell.id],))


def _table2_rows(report: Report) -> Iterator[tuple]:
    form = forms.FORMS.get(report.template)
    return (_wide_row(report, "table2", {"item": item.id, "label": item.label_zh},
                      [(m.id, forms.t2_cell(item.id, m.id)) for m in item.measures])
            for item in (form.t2 if form else ()))


def _table3_rows(report: Report) -> Iterator[tuple]:
    form = forms.FORMS.get(report.template)
    return (_wide_row(report, "table3", {"row": r.id, "label": r.label_zh},
                      [(c.id, forms.t3_cell(r.id, c.id)) for c in forms.T3_COLUMNS])
            for r in (form.t3_rows if form else ()))


def _table4_rows(report: Report) -> Iterator[tuple]:
    form = forms.FORMS.get(report.template)
    return (_wide_row(report, "table4", {"group": g.id, "label": g.label_zh},
                      [(c.id, forms.t4_cell(g.id, c.id)) for c in forms.T4_COLUMNS])
            for g in (forms.T4_GROUPS if form else ()))


def _wide_row(report: Report, table: str, key: dict, cells: list[tuple[str, str]]) -> tuple:
    """One row of a wide table: the form's columns as columns, statuses in flags."""
    values = {column: report.cells[cell].value for column, cell in cells}
    flags = "; ".join(f"{column}:{report.cells[cell].status}" for column, cell in cells
                      if report.cells[cell].status != "reported")
    return _row(table, report_id=report.report_id, **key, **values, flags=flags or None)


def _check_rows(report: Report) -> Iterator[tuple]:
    return ((report.report_id, c.id, c.instance, c.severity, c.outcome, " ".join(c.cells) or None,
             c.left if isinstance(c.left, int | float) else None,
             c.right if isinstance(c.right, int | float) else None, c.detail_zh, c.detail_en)
            for c in published(report.checks))


def _narrative_rows(report: Report) -> Iterator[tuple]:
    return ((report.report_id, seq, f.key, f.value, f.approx, f.headline, f.text)
            for seq, f in enumerate(report.narrative, 1))


# The long tables, one group of rows per report, streamed from the reports.
_PER_REPORT: dict[str, Callable[[Report], Iterable[tuple]]] = {
    "cells": _cell_rows, "table2": _table2_rows, "table3": _table3_rows, "table4": _table4_rows,
    "checks": _check_rows, "narrative": _narrative_rows}


def corpus_version(corpus: Corpus, sources: dict[str, SourceInfo],
                   environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    """A version from the corpus's content, and the data date (``created``)."""
    digest = hashlib.sha256()
    for entry in sorted([(r.document.source.path, r.document.source.sha256) for r in corpus.reports]
                        + [(r.file, r.reason) for r in corpus.rejected]):
        digest.update("\t".join(entry).encode() + b"\n")
    years = [r.year for r in corpus.reports]
    newest = max(years) if years else 0
    return f"{newest}.{len(corpus.reports)}.0+{digest.hexdigest()[:12]}", data_date(sources, environ)


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


def _boolean(value) -> str | None:
    return None if value is None else "true" if value else "false"


def _text(value) -> str | None:
    """Text that no spreadsheet runs as a formula (see schema.neutralise)."""
    return None if value is None else neutralise(str(value))


CSV_FORMAT: dict[str, Callable] = {"number": _number, "boolean": _boolean}


# A UTF-8 byte order mark: Excel on Chinese Windows reads a CSV without it as GBK
# (mojibake); pandas, DuckDB, R (readr, arrow) and frictionless skip it.
BOM = "\ufeff"


def write_csv(target: Path | BinaryIO, table: Table, rows: Iterable[tuple], compressed: bool = False) -> None:
    """UTF-8 CSV with a byte order mark into a file or a binary stream, gzipped
    when asked (without a time stamp, so rebuilds are byte-identical), written
    as the rows come: a long table is never one string in memory. Integers and
    null (empty) go to the csv module as they are; numbers and booleans are
    written out, text neutralised against spreadsheet formulas."""
    convert = [(i, CSV_FORMAT.get(f.type, _text)) for i, f in enumerate(table.fields)
               if f.type in CSV_FORMAT or f.type == "string"]
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(target.open("wb")) if isinstance(target, Path) else target
        if compressed:
            sink = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=sink, mtime=0))
        text = io.TextIOWrapper(sink, encoding="utf-8", newline="")
        text.write(BOM)
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(table.field_names)
        for row in rows:
            row = list(row)
            for i, fmt in convert:
                row[i] = fmt(row[i])
            writer.writerow(row)
        text.flush()
        text.detach()  # leave the stream open for its owner


def _arrow_column(values: Iterable, kind: str) -> list:
    """A Parquet column holding what the CSV says: empty strings are null."""
    if kind == "number":
        return [None if v is None or v == "" else float(v) for v in values]
    if kind == "integer":
        return [None if v is None or v == "" else int(v) for v in values]
    return [None if v == "" else v for v in values]


PARQUET_BATCH = 65_536  # rows per row group: one batch is converted at a time


def write_parquet(path: Path, table: Table, rows: Iterable[tuple]) -> None:
    """Parquet written a row group at a time, so a long table is converted in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    schema = pa.schema([pa.field(f.name, kinds[f.type], nullable=not f.required) for f in table.fields])

    def batch_table(batch: list[tuple]):
        columns = list(zip(*batch)) if batch else [() for _ in table.fields]
        arrays = [pa.array(_arrow_column(col, f.type), type=kinds[f.type]) for f, col in zip(table.fields, columns)]
        return pa.Table.from_arrays(arrays, schema=schema)

    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        rows = iter(rows)
        batch = list(itertools.islice(rows, PARQUET_BATCH))
        writer.write_table(batch_table(batch))  # written even when empty: the file keeps the schema
        while batch := list(itertools.islice(rows, PARQUET_BATCH)):
            writer.write_table(batch_table(batch))


FAILED_CHECKS_SHEET = "未通过的检查"
SHEET_ROWS = 1_048_576  # Excel's limit, the header row included


def sheet_parts(name: str, rows: list, limit: int | None = None) -> list[tuple[str, list]]:
    """A table as one sheet, or as numbered sheets ("表三 (2)") when it passes Excel's row limit."""
    size = (limit or SHEET_ROWS) - 1
    if len(rows) <= size:
        return [(name[:31], rows)]
    parts = [rows[start:start + size] for start in range(0, len(rows), size)]
    return [(f"{name[:31 - len(f' ({len(parts)})')]} ({i})", part) for i, part in enumerate(parts, 1)]


def _forms_zh(value: str | None) -> str | None:
    return None if value is None else "、".join(FORM_NAME_ZH.get(t, t) for t in value.split())


_FLAG = re.compile(r"([a-z_0-9]+):([a-z_]+)")


def _flags_zh(columns: dict[str, str]) -> Callable[[str | None], str | None]:
    """``natural_person:repaired; total:blank`` → 自然人：复原；总计：空白."""
    def convert(value: str | None) -> str | None:
        if not value:
            return value
        return "；".join(f"{columns.get(c, c)}：{STATUS_ZH.get(s, s)}" for c, s in _FLAG.findall(value))

    return convert


def _words(mapping: dict[str, str]) -> Callable[[str | None], str | None]:
    return lambda value: mapping.get(value, value) if value is not None else None


def _rule_title(value: str | None) -> str | None:
    rule = RULE_INDEX.get(value or "")
    return rule.title_zh if rule else value


def _vocabulary(table: Table) -> dict[str, tuple[str, Callable]]:
    """Fields whose values are ids: the Chinese a reader sees, under which header.
    The workbook shows the Chinese in the field's column and keeps the id beside it."""
    words = {"template": _words(FORM_NAME_ZH), "severity": _words(SEVERITY_ZH), "outcome": _words(OUTCOME_ZH),
             "scope": _words(SCOPE_ZH), "status": _words(STATUS_ZH)}
    out: dict[str, tuple[str, Callable]] = {}
    for f in table.fields:
        if f.name in words:
            out[f.name] = (f.title_zh, words[f.name])
        elif f.name == "templates":
            out[f.name] = (f.title_zh, _forms_zh)
        elif f.name == "check_id":
            out[f.name] = ("规则名称", _rule_title)
        elif f.name == "flags":
            columns = {c.name: c.title_zh for c in table.fields}
            out[f.name] = (f.title_zh, _flags_zh(columns))
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


def write_workbook(path: Path, data: Dataset, package: dict) -> None:
    """One .xlsx with a sheet per main table, the failing checks, and a 说明
    sheet, in Chinese where a reader looks (ids kept in their own columns).
    Report text is never read as a formula or link."""
    import xlsxwriter

    checks = TABLE_INDEX["checks"]
    outcome = checks.field_names.index("outcome")
    failed = [row for row in data.rows["checks"] if row[outcome] == FAIL]
    sheets = [(t.title_zh, t, data.rows[t.name]) for t in TABLES if t.in_workbook] + [
        (FAILED_CHECKS_SHEET, checks, failed)]
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
        *([part_name, TABLE_DESCRIPTIONS_ZH.get(table.name, table.description), len(part)]
          for name, table, rows in sheets for part_name, part in sheet_parts(name, rows)), [],
        ["单元格（cells）与全部检查结果（checks）行数较多，请使用 CSV 或 Parquet 文件 / "
         "the cells table and all check results are in CSV and Parquet only"],
        ["带“编号”的列是数据中使用的原始编号，便于与 CSV、Parquet 文件对照 / "
         "columns named 编号 keep the ids used in the CSV and Parquet files"],
    ]
    for index, line in enumerate(lines):
        readme.write_row(index, 0, line, bold if index in (0, 8) else None)
    for name, table, rows in sheets:
        for part_name, part in sheet_parts(name, rows):
            sheet = workbook.add_worksheet(part_name)
            sheet.freeze_panes(1, 0)
            header, values = workbook_sheet(table, part)
            sheet.write_row(0, 0, header, bold)
            for index, row in enumerate(values, 1):
                sheet.write_row(index, 0, row)
    workbook.close()


def _workbook_process(path: Path, data: Dataset, package: dict):
    """The workbook is the slowest file: write it in a forked process meanwhile.
    Fork shares the rows instead of copying them to the child."""
    context = multiprocessing.get_context("fork")
    process = context.Process(target=write_workbook, args=(path, data, package), name="workbook")
    process.start()
    return process


def _file_entry(path: Path, base: Path) -> dict:
    data = path.read_bytes()
    return {"path": path.relative_to(base).as_posix(), "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


DESCRIPTION_ZH = (
    "政府信息公开工作年度报告中每个表格单元格的数值、印出的原文与状态，每份报告的勾稽关系等一致性检查，"
    "以及正文中的数字。CSV 与 Parquet 文件的行与值完全相同；每份报告的文件（report.json、cells.csv、"
    "source.txt）在 reports/<机关编号>/<年度>/：报告页面旁，或与数据集分开发布时在本数据包旁。")


def package_metadata(data: Dataset) -> dict:
    return {
        "name": PACKAGE_NAME,
        "title": "政府信息公开工作年度报告数据 · Government information-disclosure annual reports",
        "description": (
            "Every table cell of Chinese government information-disclosure annual reports (政府信息公开工作年度报告), "
            "with the text it was printed as and its status, the consistency checks (勾稽关系) of every report, "
            "and the figures stated in the prose. CSV and Parquet hold the same rows; each report's own files "
            "(report.json, cells.csv, source.txt) are at reports/<agency_id>/<year>/: beside its page, or beside "
            "this package where the data is published apart from the site."),
        "version": data.version,
        "created": data.created,
        "licenses": [LICENSE],
        "sources": [{"title": "各级行政机关发布的政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第五十条）",
                     "path": "https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm"}],
        "contributors": [{"title": "政府信息公开年报数据项目 / Annual-report open data project", "roles": ["creator"]}],
        "keywords": ["政府信息公开", "年度报告", "open government", "China", "FOI"],
    }


def write_package(data: Dataset, out: Path) -> dict:
    """Write every table as CSV and Parquet, the workbook and datapackage.json into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    package = package_metadata(data)
    workbook = out / "reports.xlsx"
    writer = _workbook_process(workbook, data, package)
    resources = []
    try:
        for table in TABLES:
            csv_path, parquet_path = out / table.csv_name, out / f"{table.name}.parquet"
            write_csv(csv_path, table, data.rows[table.name], table.compressed)
            write_parquet(parquet_path, table, data.rows[table.name])
            schema = {"fields": [f.as_json() for f in table.fields], "primaryKey": list(table.primary_key)}
            if table.foreign_keys:
                schema["foreignKeys"] = [fk.as_json() for fk in table.foreign_keys]
            common = {"title": f"{table.title_zh} / {table.title_en}", "description": table.description}
            entry = _file_entry(csv_path, out)
            if table.compressed:
                # frictionless counts the bytes of a compressed file on disk but not over
                # HTTP: the hash alone guards it, so that the package validates in both places.
                del entry["bytes"]
            resources.append({"name": table.name, "type": "table", **common, **entry,
                              "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                              **({"compression": "gz"} if table.compressed else {}), "schema": schema})
            # Described as a file (bytes and hash are validated); its rows and types are
            # those of the CSV resource named in "table", which the tests compare row by row.
            resources.append({"name": f"{table.name}-parquet", "type": "file", **common,
                              **_file_entry(parquet_path, out), "format": "parquet",
                              "mediatype": "application/vnd.apache.parquet", "table": table.name})
    except BaseException:  # no workbook writer left behind, writing into a folder being removed
        writer.terminate()
        writer.join()
        raise
    writer.join()
    if writer.exitcode != 0:
        raise BuilderError(f"{workbook}: writing the workbook failed (exit status {writer.exitcode})")
    resources.append({"name": "workbook", "type": "file", "title": "Excel 工作簿 / Excel workbook",
                      "description": "The main tables and the failing checks as sheets with Chinese column "
                                     "headers, and a README sheet.",
                      **_file_entry(workbook, out), "format": "xlsx",
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


def write_report_files(data: Dataset, site: OutputFolder, place: DataPlace = ON_THE_SITE) -> None:
    """Each report's JSON (the full extract document with checks), CSV (its
    cells) and source text as read: beside its page at reports/<agency_id>/<year>/,
    or under data/ when the bulk data is published elsewhere (``place``)."""
    for report in data.reports:
        folder = place.report_folder(report.report_id).rstrip("/")
        document = report_document(report, _source(report, data.sources))
        site.write_text(f"{folder}/{REPORT_FILES['json']}",
                        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
        cells = io.BytesIO()
        write_csv(cells, REPORT_CELLS,
                  [(report.report_id, cell.id, codebook.label_zh(cell.id), v.value, v.unit, v.raw, v.status, _note(v))
                   for cell in forms.cells(report.template) for v in (report.cells[cell.id],)])
        site.write_bytes(f"{folder}/{REPORT_FILES['csv']}", cells.getvalue())
        site.write_text(f"{folder}/{REPORT_FILES['text']}", report.document.text)
