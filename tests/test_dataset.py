"""The data package: valid, foreign keys included; Parquet equals CSV; byte-identical rebuilds."""

from __future__ import annotations

import csv
import dataclasses
import gzip
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from builder.build import build
from builder.datasets.schema import TABLES
from builder.errors import BuilderError

from .conftest import CORPUS


def _build(out: Path, corpus: Path = CORPUS) -> Path:
    build(corpus, out, with_site=False, say=lambda _: None)
    return out / "data"


EPOCH = "1700000000"  # 2023-11-14T22:13:20Z


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return _build(tmp_path_factory.mktemp("build") / "site")


def read_csv(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_frictionless_validates_the_package_with_foreign_keys(data: Path):
    from frictionless import validate

    report = validate(data / "datapackage.json")
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_a_broken_foreign_key_is_caught(data: Path, tmp_path: Path):
    from frictionless import validate

    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    checks = (copy / "checks.csv").read_text(encoding="utf-8").replace(",t3.balance,", ",t3.no_such_rule,", 1)
    (copy / "checks.csv").write_text(checks, encoding="utf-8")
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["name"] == "checks":  # keep the hash check from hiding the foreign-key check
            del resource["hash"], resource["bytes"]
    (copy / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_package_metadata_comes_from_the_corpus(data: Path):
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "description", "version", "licenses", "sources", "contributors", "created"):
        assert package[key], key
    assert package["created"] == "2023-11-14T22:13:20Z"  # SOURCE_DATE_EPOCH
    assert package["version"].startswith("2023.5.0+")
    names = {r["name"] for r in package["resources"]}
    for table in TABLES:
        assert {table.name, f"{table.name}-parquet"} <= names
    fields = {r["name"]: r for r in package["resources"]}["reports"]["schema"]["fields"]
    badge = next(f for f in fields if f["name"] == "badge")
    assert badge["constraints"]["enum"] == ["一致", "不一致", "存疑", "无表格"]
    report_id = next(f for f in fields if f["name"] == "report_id")
    assert report_id["title"] == "报告编号 / report id"
    assert report_id["description"].startswith("<机关编号>/<年度>") and "the page is" in report_id["description"]


def test_parquet_has_the_same_rows_and_values_as_csv_in_pyarrow_and_duckdb(data: Path):
    import duckdb
    import pyarrow.parquet as pq

    for table in TABLES:
        rows = read_csv(data / table.csv_name)
        arrow = pq.read_table(data / f"{table.name}.parquet").to_pylist()
        con = duckdb.connect()
        duck = con.execute(f"SELECT * FROM read_parquet('{data / (table.name + '.parquet')}')").fetchall()
        names = [d[0] for d in con.description]
        duck = [dict(zip(names, row, strict=True)) for row in duck]
        assert len(rows) == len(arrow) == len(duck), table.name
        for field in table.fields:
            for csv_row, arrow_row, duck_row in zip(rows, arrow, duck, strict=True):
                text = csv_row[field.name]
                for value in (arrow_row[field.name], duck_row[field.name]):
                    if text == "":
                        assert value is None, (table.name, field.name)
                    elif field.type == "integer":
                        assert isinstance(value, int) and value == int(text), (table.name, field.name)
                    elif field.type == "number":
                        assert value == float(text), (table.name, field.name)
                    elif field.type == "boolean":
                        assert value == (text == "true")
                    else:
                        assert value == text, (table.name, field.name)



def test_every_declared_primary_key_holds_as_a_sql_key(data: Path):
    """A researcher may load a table into SQL with its declared key: no key column may be empty
    (frictionless lets a null through a composite key, a SQL PRIMARY KEY does not)."""
    import duckdb

    con = duckdb.connect()
    for table in TABLES:
        assert all(f.required for f in table.fields if f.name in table.primary_key), table.name
        con.execute(f"CREATE TABLE {table.name} AS SELECT * FROM read_parquet('{data / (table.name + '.parquet')}')")
        con.execute(f"ALTER TABLE {table.name} ADD PRIMARY KEY ({', '.join(map(repr, table.primary_key))})"
                    .replace("'", '"'))
    whole = con.execute("SELECT DISTINCT check_id FROM checks WHERE instance = 'report' ORDER BY 1").fetchall()
    assert ("meta.year",) in whole

def test_the_data_date_is_never_invented():
    from builder.datasets.package import SourceInfo, data_date

    sources = {"a.txt": SourceInfo(retrieved="2024-03-02"), "b.txt": SourceInfo(retrieved="2025-01-09"),
               "c.txt": SourceInfo(retrieved="")}
    assert data_date(sources, {"SOURCE_DATE_EPOCH": EPOCH}) == "2023-11-14T22:13:20Z"
    assert data_date(sources, {"SOURCE_DATE_EPOCH": ""}) == "2025-01-09T00:00:00Z"
    before = datetime.now(UTC).strftime("%Y-%m-%dT00:00:00Z")
    built = data_date({"c.txt": SourceInfo(retrieved="")}, {})  # neither: the build day
    assert built in (before, datetime.now(UTC).strftime("%Y-%m-%dT00:00:00Z"))  # (a build across midnight)
    assert data_date({"d.txt": SourceInfo(retrieved="not a date")}, {}) == built
    with pytest.raises(BuilderError, match="SOURCE_DATE_EPOCH"):
        data_date(sources, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_the_same_corpus_builds_byte_identical_files(data: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first_out, second_out = data.parent, _build(tmp_path / "again").parent
    first = sorted(p.relative_to(first_out) for p in first_out.rglob("*") if p.is_file())
    second = sorted(p.relative_to(second_out) for p in second_out.rglob("*") if p.is_file())
    assert first == second and len(first) > 30
    for relative in first:
        assert (first_out / relative).read_bytes() == (second_out / relative).read_bytes(), relative


def test_sample_figures_are_in_the_tables(data: Path):
    pengyang = "640425-pengyang-xian-renmin-zhengfu/2022"
    cells = {(r["report_id"], r["cell_id"]): r for r in read_csv(data / "cells.csv.gz")}
    assert cells[(pengyang, "t3.total.total")]["value"] == "27"
    assert cells[(pengyang, "t3.total.total")]["status"] == "reported"
    assert cells[(pengyang, "t2.fees.amount_10k_cny")]["unit"] == "万元"
    table3 = {(r["report_id"], r["row"]): r for r in read_csv(data / "table3.csv")}
    assert table3[(pengyang, "total")]["total"] == "27"
    assert table3[(pengyang, "new_received")]["natural_person"] == "27"
    guyuan = "640400-guyuan-shi-renmin-zhengfu-bangongshi/2019"
    assert table3[(guyuan, "denied.internal_affairs")]["flags"] == "natural_person:repaired"
    table2 = {(r["report_id"], r["item"]): r for r in read_csv(data / "table2.csv")}
    assert table2[(pengyang, "fees")]["amount_10k_cny"] == "3756"
    reports = {r["report_id"]: r for r in read_csv(data / "reports.csv")}
    assert reports[pengyang]["badge"] == "存疑" and reports[guyuan]["badge"] == "不一致"
    assert reports[pengyang]["page_url"] == f"reports/{pengyang}/"
    agencies = {r["agency_id"]: r for r in read_csv(data / "agencies.csv")}
    assert agencies["640425-pengyang-xian-renmin-zhengfu"]["level"] == "县"
    assert agencies["640400-guyuan-shi-renmin-zhengfu-bangongshi"]["level"] == "市"


def test_per_report_files_beside_the_page(data: Path):
    base = data.parent / "reports" / "640425-pengyang-xian-renmin-zhengfu" / "2022"
    document = json.loads((base / "report.json").read_text(encoding="utf-8"))
    assert document["report_id"] == "640425-pengyang-xian-renmin-zhengfu/2022"
    assert document["badge"] == "存疑" and document["checks"]
    assert document["source"]["note"].startswith("Pipe tables")
    rows = read_csv(base / "cells.csv")
    assert list(rows[0]) == ["report_id", "cell_id", "label_zh", "value", "unit", "raw", "status", "note"]
    shared = ["report_id", "cell_id", "value", "unit", "raw", "status", "note"]
    assert [{k: r[k] for k in shared} for r in rows] == [
        {k: r[k] for k in shared} for r in read_csv(data / "cells.csv.gz") if r["report_id"] == document["report_id"]]
    assert len(rows) == 200
    codebook = {r["cell_id"]: r["label_zh"] for r in read_csv(data / "codebook.csv")}
    assert all(r["label_zh"] == codebook[r["cell_id"]] for r in rows)
    person = next(r for r in rows if r["cell_id"] == "t3.denied.three_safeties.natural_person")
    assert person["label_zh"] == "表三 不予公开·危及“三安全一稳定”·自然人"
    assert (base / "source.txt").read_bytes() == (CORPUS / "004_13e53bba648087dd.txt").read_bytes()


def test_codebook_describes_every_cell_id(data: Path):
    from builder import forms

    rows = {r["cell_id"]: r for r in read_csv(data / "codebook.csv")}
    assert set(rows) == set(forms.all_cells())
    fees = rows["t2.fees.amount_10k_cny"]
    assert (fees["templates"], fees["unit_zh"], fees["table_zh"]) == ("gov-2021", "万元", "表二")
    review = rows["t4.litigation_after_review.pending"]
    assert (review["row_zh"], review["column_zh"], review["column_en"]) == ("行政诉讼·复议后起诉", "尚未审结", "pending")
    assert rows["t3.partially_granted.total"]["row_zh"] == "部分公开"
    assert rows["t3.other.total"]["templates"] == "gov-2019"
    assert rows["t3.granted.natural_person"]["templates"] == "gov-2021 gov-2019"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    cells = {r["name"]: r for r in package["resources"]}["cells"]
    assert {"fields": ["cell_id"], "reference": {"resource": "codebook", "fields": ["cell_id"]}} in \
        cells["schema"]["foreignKeys"]


def test_csv_files_carry_a_byte_order_mark_and_read_unchanged(data: Path):
    """Excel on Chinese Windows needs the BOM; pandas, DuckDB and pyarrow must not see it."""
    import duckdb
    import pandas as pd
    import pyarrow.csv as pacsv

    base = data.parent / "reports" / "640425-pengyang-xian-renmin-zhengfu" / "2022"
    for path in [data / t.csv_name for t in TABLES] + [base / "cells.csv"]:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path
        header = raw[3:].decode("utf-8").split("\n", 1)[0].split(",")
        assert list(pd.read_csv(path, dtype=str).columns) == header, path
        assert duckdb.sql(f"SELECT * FROM read_csv('{path}', all_varchar=true)").columns == header, path
        if path.suffix != ".gz":
            assert pacsv.read_csv(path).column_names == header, path
    reports = pd.read_csv(data / "reports.csv")
    assert reports.loc[reports.report_id == "640425-pengyang-xian-renmin-zhengfu/2022", "badge"].item() == "存疑"


def test_workbook_has_chinese_headers_and_a_readme(data: Path):
    from openpyxl import load_workbook

    workbook = load_workbook(data / "reports.xlsx", read_only=True)
    assert workbook.sheetnames[0] == "说明 README"
    assert "报告" in workbook.sheetnames and "未通过的检查" in workbook.sheetnames
    assert "表三 依申请公开" not in workbook.sheetnames  # summary sheets only: the long tables are CSV and Parquet
    header = next(workbook["报告"].iter_rows(max_row=1, values_only=True))
    assert header[:3] == ("报告编号", "机关编号", "机关名称")


def sheet_rows(workbook, name: str) -> list[dict]:
    rows = workbook[name].iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_workbook_shows_chinese_values_and_keeps_the_ids(data: Path):
    from openpyxl import load_workbook

    workbook = load_workbook(data / "reports.xlsx", read_only=True)
    reports = {r["报告编号"]: r for r in sheet_rows(workbook, "报告")}
    pengyang = reports["640425-pengyang-xian-renmin-zhengfu/2022"]
    assert (pengyang["表格版本"], pengyang["表格版本编号"]) == ("2021 年版表格", "gov-2021")
    failed = sheet_rows(workbook, "未通过的检查")
    assert failed and {r["结果"] for r in failed} == {"未通过"} and {r["结果编号"] for r in failed} == {"fail"}
    assert {r["级别"] for r in failed} <= {"错误", "警告", "提示"}
    group = next(r for r in failed if r["规则编号"] == "t4.group_sums")
    assert group["规则名称"] == "复议诉讼分项合计"
    assert group["说明"] == "复议后起诉：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2，但报告所填总计为 0（相差 2）"
    rules = {r["规则编号"]: r for r in sheet_rows(workbook, "检查规则")}
    assert rules["t3.balance"]["适用表格"] == "2021 年版表格、2019 年版表格"
    assert rules["cy.carry"]["范围"] == "同一机关相邻年度" and rules["cy.carry"]["级别"] == "警告"
    readme = [row[1] for row in workbook["说明 README"].iter_rows(values_only=True) if len(row) > 1]
    assert "单元格编码表：编号对应的表、行、列（中英文）、单位与表格版本" in readme


def test_unreadable_files_are_listed_not_lost(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "copy.txt").write_bytes((CORPUS / "002_ca7c6a4c8b1a7e82.txt").read_bytes())
    (corpus / "news.html").write_text("<html><body><p>县政府召开会议。</p></body></html>", encoding="utf-8")
    data = _build(tmp_path / "site", corpus)
    rejected = read_csv(data / "rejected.csv")
    assert rejected == [
        {"file": "copy.txt", "reason": "identical copy of 002_ca7c6a4c8b1a7e82.txt"},
        {"file": "empty.txt", "reason": "empty file"},
        {"file": "news.html", "reason": "not a government information disclosure annual report: "
                                        "no report title, form tables or report sections found"},
    ]
    assert len(read_csv(data / "reports.csv")) == 5


def test_no_workbook_sheet_passes_excels_row_limit(data: Path, tmp_path: Path, monkeypatch):
    """A table longer than a sheet continues on numbered sheets; checked at Excel's own
    limit, and end to end on a package made 40 times longer with the limit lowered so
    the test stays quick."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from openpyxl import load_workbook

    from builder.datasets import package as dataset

    parts = dataset.sheet_parts("报告", 2 * dataset.SHEET_ROWS + 5)
    assert parts == [("报告 (1)", dataset.SHEET_ROWS - 1), ("报告 (2)", dataset.SHEET_ROWS - 1), ("报告 (3)", 7)]
    assert dataset.sheet_parts("报告", dataset.SHEET_ROWS - 1) == [("报告", dataset.SHEET_ROWS - 1)]

    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    sizes = {}
    for name in ("reports", "checks"):  # a generated size: every row 40 times
        table = pq.read_table(copy / f"{name}.parquet")
        pq.write_table(pa.concat_tables([table] * 40), copy / f"{name}.parquet")
        sizes[name] = 40 * table.num_rows
    failing = 40 * sum(1 for row in read_csv(data / "checks.csv") if row["outcome"] == "fail")
    monkeypatch.setattr(dataset, "SHEET_ROWS", 100)
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    dataset.write_workbook(tmp_path / "reports.xlsx", copy, package)
    workbook = load_workbook(tmp_path / "reports.xlsx", read_only=True)
    assert all(workbook[name].max_row <= 100 for name in workbook.sheetnames)
    for stem, expected in (("报告", sizes["reports"]), (dataset.FAILED_CHECKS_SHEET, failing)):
        sheets = [name for name in workbook.sheetnames if name.startswith(stem)]
        assert len(sheets) == -(-expected // 99) > 1
        rows = [row for name in sheets for row in workbook[name].iter_rows(min_row=2, values_only=True)]
        assert len(rows) == expected


def test_tables_are_written_in_batches_with_the_same_rows(data: Path, tmp_path: Path, monkeypatch):
    """Rows go to the CSV and to Arrow a chunk at a time, and to Parquet a row group at a
    time: the files hold the rows given, however they were cut; an empty table keeps its
    header and schema."""
    import pyarrow.parquet as pq

    from builder.datasets import package as dataset

    table = dataset.TABLE_INDEX["table3"]
    rows = [tuple(r.values()) for r in pq.read_table(data / "table3.parquet").to_pylist()]
    monkeypatch.setattr(dataset, "PARQUET_BATCH", 7)
    monkeypatch.setattr(dataset, "ROW_CHUNK", 3)  # a row group gathered from chunks of 3, 3 and 1 rows
    with dataset.TableWriter(tmp_path, table) as writer:
        writer.add(rows[:3])
        writer.add(iter(rows[3:]))
    written = pq.ParquetFile(tmp_path / "table3.parquet")
    assert written.metadata.num_row_groups == -(-len(rows) // 7) > 1
    assert [tuple(r.values()) for r in written.read().to_pylist()] == rows
    assert (tmp_path / "table3.csv").read_bytes() == (data / "table3.csv").read_bytes()
    # Gathered chunks made one table before their row group is full: the same row groups, the same bytes.
    monkeypatch.setattr(dataset, "GATHERED_TABLES", 2)
    (tmp_path / "merged").mkdir()
    with dataset.TableWriter(tmp_path / "merged", table) as writer:
        writer.add(rows)
    assert (tmp_path / "merged" / "table3.parquet").read_bytes() == (tmp_path / "table3.parquet").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with dataset.TableWriter(empty, table):
        pass
    assert pq.read_table(empty / "table3.parquet").num_rows == 0
    assert read_csv(empty / "table3.csv") == [] and (empty / "table3.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def _checked_reports(corpus_dir: Path = CORPUS, cache: Path | None = None):
    from builder.datasets.fragments import without_parsing_state
    from builder.extraction.corpus import Rejected, load_corpus
    from builder.extraction.pipeline import Options
    from builder.reading.sources import read_sources

    corpus = load_corpus(corpus_dir, options=Options(cache=str(cache) if cache else None))
    for report in corpus.reports:
        without_parsing_state(report)
    sources, problems = read_sources(corpus_dir)
    rejected = corpus.rejected + [Rejected(problem.where, problem.reason) for problem in problems]
    return sorted(corpus.reports, key=lambda r: r.report_id), rejected, sources


def _fragments_of(reports, rejected: list, sources: dict, out: Path) -> None:
    """The data package and each report's files from a stream of checked reports in report_id order,
    an agency's fragment at a time: what the checks and datasets stage does with each agency's reports."""
    import itertools

    from builder.datasets.outputs import OutputFolder
    from builder.datasets.package import PackageWriter, agency_fragment

    site = OutputFolder(out)
    with PackageWriter(out / "data") as package:
        for agency_id, group in itertools.groupby(reports, key=lambda r: r.agency.agency_id):
            package.add(agency_fragment(agency_id, group, sources, "", site))
        package.finish(rejected, sources)


def test_the_datasets_are_written_in_one_pass_over_a_stream(tmp_path: Path, monkeypatch):
    """An agency's fragment reads a one-shot generator of its reports once and lets each report
    go once it is written (memory does not grow with the agency's reports); the fragments in
    report_id order give the build's files byte for byte; year-over-year indicators, which need
    the agency's previous report, agree with the evaluation of the whole corpus at once."""
    import gc
    import pickle
    import weakref

    import pyarrow.parquet as pq

    from builder.datasets.indicators import evaluate_corpus
    from builder.synthetic_corpus import write_corpus

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, range(2021, 2024), provinces=1, bodies=2, seed=7)
    build(corpus, tmp_path / "built", with_site=False, say=lambda _: None)
    reports, rejected, sources = _checked_reports(corpus, tmp_path / "built.cache")
    records = [pickle.dumps(report) for report in reports]
    given: list[weakref.ref] = []

    def stream():
        for record in records:
            gc.collect()
            assert all(ref() is None for ref in given[:-1]), "a report was kept after it was written"
            report = pickle.loads(record)
            given.append(weakref.ref(report))
            yield report

    out = tmp_path / "streamed"
    _fragments_of(stream(), rejected, sources, out)
    assert len(given) == len(reports)

    def files(root: Path) -> list[Path]:  # the data package and each report's files
        return sorted(p.relative_to(root) for folder in ("data", "reports") for p in (root / folder).rglob("*")
                      if p.is_file())

    built = files(tmp_path / "built")
    assert built == files(out) and len(built) > 3 * len(reports)
    for path in built:
        assert (out / path).read_bytes() == (tmp_path / "built" / path).read_bytes(), path
    indicators = [tuple(r.values()) for r in pq.read_table(out / "data" / "indicators.parquet").to_pylist()]
    assert any(row[1].endswith(".yoy") and row[6] for row in indicators)  # a change on the previous year
    assert indicators == [value.as_row() for value in evaluate_corpus(reports)]


def test_reports_out_of_order_are_refused(tmp_path: Path):
    """An agency's reports come once each in ascending report_id order (its indicators compare a
    year with the one before), and fragments come in ascending report_id order."""
    from builder.datasets.outputs import OutputFolder
    from builder.datasets.package import PackageWriter, agency_fragment

    reports, _, sources = _checked_reports()

    def as_agency(report, agency_id: str, year: int):
        return dataclasses.replace(report, agency=dataclasses.replace(report.agency, agency_id=agency_id), year=year)

    x = [as_agency(reports[i], "x", 2020 + i) for i in range(3)]
    site = OutputFolder(tmp_path / "site")
    with pytest.raises(BuilderError, match="ascending report_id order"):
        agency_fragment("x", reversed(x), sources, "", site)
    with pytest.raises(BuilderError, match="ascending report_id order"):
        agency_fragment("x", [x[0], x[0]], sources, "", site)
    with pytest.raises(BuilderError, match="not of agency x"):
        agency_fragment("x", [x[0], as_agency(reports[1], "y", 2021)], sources, "", site)
    ordered = sorted(reports[:2], key=lambda r: r.report_id)
    first, second = (agency_fragment(r.agency.agency_id, [r], sources, "", site) for r in ordered)
    with PackageWriter(tmp_path / "data") as package:
        package.add(second)
        with pytest.raises(BuilderError, match="ascending report_id order"):
            package.add(first)


def test_a_file_linked_from_the_last_build_keeps_its_hash_another_is_read(tmp_path: Path):
    """datapackage.json's hash of a file linked from the last build (the same inode) is the one
    the last build wrote, unread; a file written again is read, whatever its name."""
    import hashlib
    import os

    from builder.datasets.package import FileHashes

    last, new = tmp_path / "last", tmp_path / "new"
    last.mkdir()
    new.mkdir()
    for name in ("a.csv", "b.csv"):
        (last / name).write_bytes(name.encode())
    claimed = [{"path": name, "hash": "sha256:as-written-last-time"} for name in ("a.csv", "b.csv")]
    (last / "datapackage.json").write_text(json.dumps({"resources": claimed}), encoding="utf-8")
    os.link(last / "a.csv", new / "a.csv")
    (new / "b.csv").write_bytes(b"b.csv")
    hashes = FileHashes(last)
    assert hashes(new / "a.csv", "a.csv") == "sha256:as-written-last-time"
    assert hashes(new / "b.csv", "b.csv") == "sha256:" + hashlib.sha256(b"b.csv").hexdigest()
    assert FileHashes(None)(new / "a.csv", "a.csv") == "sha256:" + hashlib.sha256(b"a.csv").hexdigest()
    assert FileHashes(tmp_path / "nothing")(new / "a.csv", "a.csv") == FileHashes()(new / "a.csv", "a.csv")


def test_text_columns_are_neutralised_value_by_value_whichever_way_they_are_looked_at():
    """A column is first searched whole for a value spreadsheets would run (``_plain_text``):
    that shortcut must leave exactly what looking at each value leaves, for any mix."""
    import random

    from builder.datasets.package import _csv_column
    from builder.datasets.schema import FORMULA_TRIGGERS, neutralise

    rng = random.Random(7)
    pieces = ["", "教育局", "a", "\0", "1", " ", ",", *FORMULA_TRIGGERS]
    for _ in range(2000):
        column = tuple(None if rng.random() < 0.1 else "".join(rng.choices(pieces, k=rng.randrange(4)))
                       for _ in range(rng.randrange(6)))
        expected = [None if v is None else neutralise(v) for v in column]
        assert list(_csv_column(column, "string")) == expected, column
    assert list(_csv_column(("a", 3, "=1"), "string")) == ["a", "3", "'=1"]  # not text: each value looked at


def test_csv_lines_written_by_arrow_are_the_csv_modules_bytes_or_not_written():
    """Arrow writes a batch of rows only where it writes what the csv module writes: for any
    mix of text needing quotes or neutralising, fractions small, large or exact, huge or
    negative-zero numbers, NaN and infinity, ints and booleans out of place, nulls and empty
    strings, its lines are the module's or None; and it does write text it neutralises and
    fractions in the range it writes as Python does."""
    import random

    import pyarrow as pa

    from builder.datasets.package import _arrow_array, _csv_by_arrow, _csv_by_module
    from builder.datasets.schema import FORMULA_TRIGGERS, Field, Table

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    # The first ``usual`` values of each kind are what Arrow must write itself.
    values = {"string": ["", "教育局", "-", "=1+2", "a b", ",", '"', "\n", "\r", "x,y", "\0", "-\0", *FORMULA_TRIGGERS, 3, None],
              "integer": [0, -7, 2 ** 40, True, 3.0, "", None],
              "number": [0, 2.0, -0.0, 0.5, -1234.5678, 1 / 3, 9_999_999_999.5, 1e-4, 2 ** 52 + 1, 1e20,
                         2 ** 53 + 1, float(2 ** 53), 1e10 + 0.5, 1e-5, 1.5e12, float("nan"), float("inf"), False,
                         "", None],
              "boolean": [True, False, 1, None]}
    usual = {"string": 4, "integer": 3, "number": 8, "boolean": 2}
    rng, by_arrow, neutralised, fractions = random.Random(11), 0, 0, 0
    for _ in range(1500):
        kinds = [rng.choice(list(types)) for _ in range(rng.randrange(1, 5))]
        table = Table("t", "", "", "", tuple(Field(f"f{i}", kind, "", "") for i, kind in enumerate(kinds)), ())
        plain = rng.random() < 0.5  # half the batches hold only values Arrow writes as the module does
        pick = [values[kind][:usual[kind]] if plain else values[kind] for kind in kinds]
        size = rng.randrange(1, 6)
        columns = [[rng.choice(choices) for _ in range(size)] for choices in pick]
        try:
            arrays = [_arrow_array(column, kind, types[kind]) for column, kind in zip(columns, kinds, strict=True)]
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
            continue  # Parquet refuses the batch, whatever writes its CSV
        lines = _csv_by_arrow(table, columns, arrays)
        if lines is not None:
            by_arrow += 1
            neutralised += b"'" in lines
            fractions += any(isinstance(v, float) and not v.is_integer() for c in columns for v in c)
            assert lines == _csv_by_module(table, columns), (kinds, columns)
        elif plain and len(kinds) > 1:
            raise AssertionError(f"Arrow wrote none of {kinds}: {columns}")
    assert by_arrow > 300 and neutralised > 50 and fractions > 50
    # Fractions of every magnitude and precision within the range: Arrow writes each as repr does.
    spread = [round(rng.uniform(-1, 1) * 10 ** rng.uniform(-4, 10), rng.randrange(0, 17)) for _ in range(20_000)]
    spread = [v for v in spread if 1e-4 <= abs(v) < 1e10 or v == 0]
    table = Table("t", "", "", "", (Field("n", "number", "", ""), Field("s", "string", "", "")), ())
    columns = [spread, ["x"] * len(spread)]
    lines = _csv_by_arrow(table, columns, [_arrow_array(spread, "number", pa.float64()), pa.array(columns[1])])
    assert lines is not None and lines == _csv_by_module(table, columns)


def test_a_small_tables_csv_is_the_csv_modules_whatever_its_values():
    """A report's own cells.csv (``csv_bytes``) is written by Arrow when it can be: its bytes are
    the csv module's, and values Arrow's arrays refuse (text in a number column, a number in a
    text column) are written by the module, not raised."""
    from builder.datasets.package import BOM, _csv_by_module, csv_bytes
    from builder.datasets.schema import Field, Table

    table = Table("t", "", "", "", (Field("a", "string", "", ""), Field("b", "number", "", "")), ())
    for rows in ([("-a", 1.5), ("b", 2.0), (None, None)], [(3, "x"), ("a", 1.5)], [("x,y", 1e20)], []):
        expected = (BOM + "a,b\n").encode() + (_csv_by_module(table, list(zip(*rows))) if rows else b"")
        assert csv_bytes(table, rows) == expected, rows


def test_the_workbook_written_aside_is_the_one_written_in_line(data: Path, tmp_path: Path):
    """The workbook written by a process of its own while the build goes on is byte for byte the
    one written in line, and the package is described only once it is there."""
    from builder.datasets.package import WORKBOOK, PendingPackage, WorkbookProcess

    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    for name in (WORKBOOK, "datapackage.json"):
        (copy / name).unlink()
    pending = PendingPackage(copy, package["version"], package["created"], None, aside=WorkbookProcess())
    assert pending.created == package["created"]
    assert pending.complete() == package
    assert (copy / WORKBOOK).read_bytes() == (data / WORKBOOK).read_bytes()
    assert (copy / "datapackage.json").read_bytes() == (data / "datapackage.json").read_bytes()
    assert pending.complete() == package  # once only: the workbook is not written again


def test_a_workbook_that_cannot_be_written_aside_fails_the_package(tmp_path: Path):
    """The workbook's process failing is the build's error, with its reason; a workbook given up
    (the build failed elsewhere), or a process never given one, leaves no process behind and no
    description."""
    from builder.datasets.package import PendingPackage, WorkbookProcess

    empty = tmp_path / "data"
    empty.mkdir()
    with pytest.raises(BuilderError, match=r"could not write the workbook reports\.xlsx: FileNotFoundError"):
        PendingPackage(empty, "2023.0.0+x", "2023-11-14T22:13:20Z", None, aside=WorkbookProcess()).complete()
    workbook = WorkbookProcess()
    given_up = PendingPackage(empty, "2023.0.0+x", "2023-11-14T22:13:20Z", None, aside=workbook)
    given_up.cancel()
    assert not workbook._process.is_alive()
    assert not (empty / "datapackage.json").exists()
    idle = WorkbookProcess()
    idle.stop()
    assert not idle._process.is_alive()


def test_arrow_conversions_leave_pandas_unimported() -> None:
    """pyarrow imports pandas (0.2 s a process) the first time it converts Python values, unless
    ``builder.arrow.pyarrow`` answered its probes first; pandas stays usable after."""
    script = (
        "import sys\n"
        "from builder.arrow import pyarrow\n"
        "pa = pyarrow()\n"
        "import pyarrow.compute as pc\n"
        "pc.equal(pa.array(['a', None]), 'a'); pa.array([1.5, None], type=pa.float64()); pa.scalar(3)\n"
        "print('pandas' in sys.modules)\n"
        "print(type(pa.table({'a': [1]}).to_pandas()).__name__)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "DataFrame"]
