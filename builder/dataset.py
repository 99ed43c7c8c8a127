"""Reports to the open data package: CSV, Parquet and Excel, validated.

Nothing here reads the clock: ``created`` and ``version`` come from the
corpus, so the same corpus builds byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import forms
from .checks import FAIL, RULES
from .corpus import Corpus
from .extract import Report
from .metadata import INSTITUTION
from .schema import T2_COLUMNS, TABLE_INDEX, TABLES, Table

PACKAGE_NAME = "gov-disclosure-annual-reports"
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
SOURCE_FIELDS = ("file", "url", "retrieved", "note")


@dataclass
class SourceInfo:
    url: str = ""
    retrieved: str = ""
    note: str = ""


@dataclass
class Dataset:
    """Every table's rows, plus what the package metadata needs."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    version: str = ""
    created: str = ""
    documents: dict[str, dict] = field(default_factory=dict)  # report_id -> extract document
    texts: dict[str, str] = field(default_factory=dict)  # report_id -> source text as read


def read_sources(corpus_dir: Path) -> dict[str, SourceInfo]:
    """The optional sources.csv beside the reports: file, url, retrieved, note."""
    path = corpus_dir / "sources.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["file"].strip(): SourceInfo((row.get("url") or "").strip(), (row.get("retrieved") or "").strip(),
                                            (row.get("note") or "").strip())
            for row in csv.DictReader(handle) if (row.get("file") or "").strip()
        }


def report_path(report_id: str) -> str:
    """Stable path of a report's files and page: <agency_id>/<year>."""
    return report_id


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


def _flags(report: Report, cells: Iterable[tuple[str, str]]) -> str:
    return "; ".join(f"{column}:{report.cells[cell].status}" for column, cell in cells
                     if report.cells[cell].status != "reported")


def build_rows(corpus: Corpus, sources: dict[str, SourceInfo], site_url: str = "") -> Dataset:
    reports = sorted(corpus.reports, key=lambda r: r.report_id)
    data = Dataset(rows={t.name: [] for t in TABLES})
    rows = data.rows
    by_agency: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_agency[report.agency.agency_id].append(report)
        source = sources.get(report.source_name, sources.get(report.document.source.path, SourceInfo()))
        failed = [c for c in report.checks if c.outcome == FAIL]
        template_cells = [c.id for c in forms.cells(report.template)]
        found = sum(1 for c in template_cells if report.cells[c].status != "missing")
        rows["reports"].append({
            "report_id": report.report_id, "agency_id": report.agency.agency_id, "agency_name": report.agency.name,
            "province": report.agency.province, "city": report.agency.city, "county": report.agency.county,
            "adcode": report.agency.adcode, "year": report.year, "template": report.template, "badge": report.badge,
            "summary": report.summary, "failed_errors": sum(1 for c in failed if c.severity == "error"),
            "failed_warnings": sum(1 for c in failed if c.severity == "warning"),
            "completeness": round(found / len(template_cells), 4) if template_cells else None,
            "source_file": report.document.source.path, "source_format": report.document.source.format,
            "sha256": report.document.source.sha256, "source_url": source.url or None,
            "retrieved": source.retrieved or None, "page_url": page_url(report.report_id, site_url),
        })
        _cell_rows(report, rows)
        for check in report.checks:
            rows["checks"].append({
                "report_id": report.report_id, "check_id": check.id, "instance": check.instance,
                "severity": check.severity, "outcome": check.outcome, "cells": " ".join(check.cells) or None,
                "left": check.left if isinstance(check.left, int | float) else None,
                "right": check.right if isinstance(check.right, int | float) else None,
                "detail": check.detail,
            })
        for seq, figure in enumerate(report.narrative, 1):
            rows["narrative"].append({"report_id": report.report_id, "seq": seq, "key": figure.key,
                                      "value": figure.value, "approx": figure.approx, "sentence": figure.text})
        document = report.as_json()
        document["source"].update({"url": source.url or None, "retrieved": source.retrieved or None,
                                   "note": source.note or None})
        data.documents[report.report_id] = document
        data.texts[report.report_id] = report.document.text
    for agency_id, group in sorted(by_agency.items()):
        first = group[-1]
        names = sorted({r.agency.name for r in group if r.agency.name})
        rows["agencies"].append({
            "agency_id": agency_id, "name": first.agency.name_normalized, "names_seen": "；".join(names),
            "province": first.agency.province, "city": first.agency.city, "county": first.agency.county,
            "adcode": first.agency.adcode, "level": agency_level(first), "reports": len(group),
            "years": " ".join(str(r.year) for r in group),
        })
    rows["rules"] = [{
        "check_id": r.id, "severity": r.severity, "title_zh": r.title_zh, "title_en": r.title_en,
        "formula_zh": r.formula_zh, "formula_en": r.formula_en, "templates": " ".join(r.templates), "scope": r.scope,
    } for r in RULES]
    rows["rejected"] = [r.as_json() for r in sorted(corpus.rejected, key=lambda r: r.file)]
    data.version, data.created = corpus_version(corpus, sources)
    return data


def _cell_rows(report: Report, rows: dict[str, list[dict]]) -> None:
    form = forms.FORMS.get(report.template)
    for cell in forms.cells(report.template):
        value = report.cells[cell.id]
        note = value.note
        if value.candidates is not None:
            note = (note + "; " if note else "") + "candidates: " + ", ".join(
                "—" if c is None else str(c) for c in value.candidates)
        rows["cells"].append({
            "report_id": report.report_id, "cell_id": cell.id, "table": cell.table, "row": cell.row,
            "column": cell.column, "value": value.value, "unit": value.unit, "raw": value.raw,
            "status": value.status, "note": note,
        })
    if form is None:
        return
    for item in form.t2:
        blank_columns = {name: None for name, *_ in T2_COLUMNS}
        _wide_row(report, rows["table2"], {"item": item.id, "label": item.label_zh, **blank_columns},
                  [(m.id, forms.t2_cell(item.id, m.id)) for m in item.measures])
    for r in form.t3_rows:
        _wide_row(report, rows["table3"], {"row": r.id, "label": r.label_zh},
                  [(c.id, forms.t3_cell(r.id, c.id)) for c in forms.T3_COLUMNS])
    for g in forms.T4_GROUPS:
        _wide_row(report, rows["table4"], {"group": g.id, "label": g.label_zh},
                  [(c.id, forms.t4_cell(g.id, c.id)) for c in forms.T4_COLUMNS])


def _wide_row(report: Report, out: list[dict], key: dict, cells: list[tuple[str, str]]) -> None:
    """One row of a wide table: the form's columns as columns, statuses in flags."""
    row = {"report_id": report.report_id, **key}
    row.update({column: report.cells[cell].value for column, cell in cells})
    row["flags"] = _flags(report, cells) or None
    out.append(row)


def corpus_version(corpus: Corpus, sources: dict[str, SourceInfo]) -> tuple[str, str]:
    """A version from the corpus's content and a creation date from the corpus:
    the newest retrieval date, else 1 February after the newest report year
    (reports are due by 31 January)."""
    digest = hashlib.sha256()
    for entry in sorted([(r.document.source.path, r.document.source.sha256) for r in corpus.reports]
                        + [(r.file, r.reason) for r in corpus.rejected]):
        digest.update("\t".join(entry).encode() + b"\n")
    years = [r.year for r in corpus.reports]
    retrieved = sorted(s.retrieved for s in sources.values() if s.retrieved)
    if retrieved:
        created = retrieved[-1] + ("" if "T" in retrieved[-1] else "T00:00:00Z")
    else:
        created = f"{(max(years) + 1) if years else 2019}-02-01T00:00:00Z"
    newest = max(years) if years else 0
    return f"{newest}.{len(corpus.reports)}.0+{digest.hexdigest()[:12]}", created


# --- writers -------------------------------------------------------------------------


def _csv_value(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def write_csv(path: Path, table: Table, rows: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.field_names)
    for row in rows:
        writer.writerow([_csv_value(row.get(name)) for name in table.field_names])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _arrow_schema(table: Table):
    import pyarrow as pa

    kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    return pa.schema([pa.field(f.name, kinds[f.type], nullable=not f.required) for f in table.fields])


def write_parquet(path: Path, table: Table, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(table)
    columns = {f.name: [_coerce(row.get(f.name), f.type) for row in rows] for f in table.fields}
    pq.write_table(pa.table(columns, schema=schema), path, compression="zstd")


def _coerce(value, kind: str):
    """The Parquet value of a cell, matching what the CSV says (an empty string is null)."""
    if value is None or value == "":
        return None
    if kind == "number":
        return float(value)
    if kind == "integer":
        return int(value)
    return value


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _normalize_zip(path: Path, stamp: str) -> None:
    """Rewrite the workbook with fixed entry times and the corpus date as its
    modification time (openpyxl writes the clock's), so that it is byte-identical."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    entries = [
        (name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
         if name == "docProps/core.xml" else data)
        for name, data in entries
    ]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def write_workbook(path: Path, data: Dataset, package: dict) -> None:
    """One .xlsx with a sheet per main table, Chinese headers and a README sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    readme = workbook.active
    readme.title = "说明 README"
    lines = [
        [package["title"]], [package["description"]], [],
        ["版本 version", package["version"]], ["生成日期 created", package["created"]],
        ["许可 license", LICENSE["title"]], [],
        ["工作表 sheet", "内容 contents", "行数 rows"],
    ]
    for table in TABLES:
        if table.in_workbook:
            lines.append([table.title_zh, f"{table.title_en}: {table.description}", len(data.rows[table.name])])
    lines += [[], ["单元格（cells）数据行数较多，请使用 CSV 或 Parquet 文件 / the cells table is in CSV and Parquet only"]]
    for line in lines:
        readme.append(line)
    readme["A1"].font = Font(bold=True, size=14)
    for table in TABLES:
        if not table.in_workbook:
            continue
        sheet = workbook.create_sheet(table.title_zh[:31])
        sheet.append([f.title_zh for f in table.fields])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in data.rows[table.name]:
            sheet.append([row.get(f.name) for f in table.fields])
        sheet.freeze_panes = "A2"
    created = datetime.fromisoformat(package["created"].replace("Z", "+00:00")).replace(tzinfo=None)
    workbook.properties.created = created
    workbook.properties.modified = created
    workbook.properties.creator = PACKAGE_NAME
    workbook.save(path)
    _normalize_zip(path, package["created"])


def _file_entry(path: Path, base: Path) -> dict:
    data = path.read_bytes()
    return {"path": path.relative_to(base).as_posix(), "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def package_metadata(data: Dataset) -> dict:
    return {
        "name": PACKAGE_NAME,
        "title": "政府信息公开工作年度报告数据 · Government information-disclosure annual reports",
        "description": (
            "Every table cell of Chinese government information-disclosure annual reports (政府信息公开工作年度报告), "
            "with the text it was printed as and its status, the consistency checks (勾稽关系) of every report, "
            "and the figures stated in the prose. CSV and Parquet hold the same rows."),
        "version": data.version,
        "created": data.created,
        "licenses": [LICENSE],
        "sources": [{"title": "各级行政机关发布的政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第五十条）",
                     "path": "https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm"}],
        "contributors": [{"title": "政府信息公开年报数据项目 / Annual-report open data project", "roles": ["creator"]}],
        "keywords": ["政府信息公开", "年度报告", "open government", "China", "FOI"],
    }


def write_package(data: Dataset, out: Path) -> dict:
    """Write every table as CSV and Parquet, the workbook, per-report files and
    datapackage.json into ``out`` (the site's data/ folder)."""
    out.mkdir(parents=True, exist_ok=True)
    package = package_metadata(data)
    resources = []
    for table in TABLES:
        csv_path, parquet_path = out / f"{table.name}.csv", out / f"{table.name}.parquet"
        write_csv(csv_path, table, data.rows[table.name])
        write_parquet(parquet_path, table, data.rows[table.name])
        schema = {"fields": [f.as_json() for f in table.fields], "primaryKey": list(table.primary_key)}
        if table.foreign_keys:
            schema["foreignKeys"] = [fk.as_json() for fk in table.foreign_keys]
        common = {"title": f"{table.title_zh} / {table.title_en}", "description": table.description}
        resources.append({"name": table.name, "type": "table", **common, **_file_entry(csv_path, out),
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
        # Described as a file (bytes and hash are validated); its rows and types are
        # those of the CSV resource named in "table", which the tests compare row by row.
        resources.append({"name": f"{table.name}-parquet", "type": "file", **common,
                          **_file_entry(parquet_path, out), "format": "parquet",
                          "mediatype": "application/vnd.apache.parquet", "table": table.name})
    workbook = out / "reports.xlsx"
    write_workbook(workbook, data, package)
    resources.append({"name": "workbook", "type": "file", "title": "Excel 工作簿 / Excel workbook",
                      "description": "The main tables as sheets with Chinese column headers and a README sheet.",
                      **_file_entry(workbook, out), "format": "xlsx",
                      "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    package["resources"] = resources
    (out / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_report_files(data, out)
    return package


def write_report_files(data: Dataset, out: Path) -> None:
    """Per-report JSON (the full extract document with checks), CSV (its
    cells) and the source text as read, at reports/<agency_id>/<year>.json|csv|txt."""
    cells_by_report: dict[str, list[dict]] = defaultdict(list)
    for row in data.rows["cells"]:
        cells_by_report[row["report_id"]].append(row)
    for report_id, document in data.documents.items():
        base = out / "reports" / report_path(report_id)
        base.parent.mkdir(parents=True, exist_ok=True)
        base.with_suffix(".json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
        write_csv(base.with_suffix(".csv"), TABLE_INDEX["cells"], cells_by_report[report_id])
        base.with_suffix(".txt").write_text(data.texts[report_id], encoding="utf-8")
