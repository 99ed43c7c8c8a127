"""Report data as open-data portals and statistics offices distribute it in database and binary table files: SQLite
databases, dBase tables (.dbf), Parquet, Arrow and Feather files, Stata datasets (.dta). Their tables (and the file's
own metadata: Parquet's and Arrow's key-value pairs, Stata's dataset label) state (path, value) pairs, a cell a row or
an agency-year a row, the report's text in a field or a paragraph a row: written back as the report by the filing
systems' export reader (``exports``) where they name its cells; else each table is written as a sheet is (a line a
row, cells tab-separated; ``spreadsheet``), a column of text as its lines, for the extraction to read."""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterable, Iterator

from .. import errors
from .markup import GRID_CELLS

SQLITE_SIGNATURE = b"SQLite format 3\x00"
PARQUET_SIGNATURE = b"PAR1"
ARROW_SIGNATURES = (b"ARROW1", b"FEA1")
STATA_SIGNATURE = b"<stata_dta>"
_OLD_STATA_VERSIONS = (113, 114, 115)  # (Stata 8 to 12: a version byte, a byte order, then 1)
_DBF_VERSIONS = frozenset({0x02, 0x03, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xE5, 0xF5, 0xFB})
# A dBase file's language driver (byte 29): the code page its text is in, where it says one.
_DBF_CODE_PAGES = {0x4D: "gb18030", 0x7A: "gb18030", 0x4F: "big5", 0x78: "big5", 0x4E: "cp949", 0x79: "cp949",
                   0x13: "cp932", 0x7B: "cp932", 0x57: "cp1252", 0x03: "cp1252", 0x01: "cp437"}
_TABLES_MAX = 200  # tables of one database read at most
_BATCH = 65_536  # rows of a Parquet or Arrow table looked at a time
_ROWS_MAX = 100_000  # rows of one table read at most: a report's, a cell a row, has a few hundred
_TEXT_MAX = 2_000_000  # characters of one field kept at most: a report's whole text has a few tens of thousands
_WIDE = 1_000  # columns of a table, past which its columns of nothing but zeros are padding (no form has as many)
_TEXT_CELL = 20  # characters a column's texts have on average, at least, to be a text's (a paragraph a row)
_RECORD_CELLS_MIN = 12  # the form's cells a file's record names, at least, to be written back as its report
_FORM_TABLE = re.compile(r"\s*表\s*[二三四234]")
_INDEX_HEADS = frozenset({"序号", "编号", "行号", "xh", "id", "index", "no", "rowid"})
_HAN = re.compile(r"[\u4e00-\u9fff]")
_METADATA_SKIPPED = re.compile(r"^(?:pandas|ARROW:.*|huggingface|org\.apache\..*)$")  # a writer's own notes

Table = tuple[str, list[str], list[list[object]]]  # name, header, rows


def data_file_kind(data: bytes, path: str) -> str | None:
    """Which of these files ``data`` is, by its bytes (a dBase file's by its header: ``_dbf_header``)."""
    if data.startswith(SQLITE_SIGNATURE):
        return "sqlite"
    if data.startswith(PARQUET_SIGNATURE) and data.endswith(PARQUET_SIGNATURE):
        return "parquet"
    if data.startswith(ARROW_SIGNATURES):
        return "arrow"
    if data.startswith(STATA_SIGNATURE) or (data[:1] and data[0] in _OLD_STATA_VERSIONS and data[1:2] in (b"\x01", b"\x02")
                                            and data[2:3] == b"\x01" and path.lower().endswith(".dta")):
        return "stata"
    if _dbf_header(data) is not None:
        return "dbf"
    return None


def data_file_text(data: bytes, path: str) -> str:
    """The file's report: written back from its record where its tables hold one agency-year's cells (``_record``),
    else its tables as a workbook's sheets are written, its metadata first."""
    from .exports import as_report, record_cells, record_names
    from .spreadsheet import grid_lines, shown_value
    from .structured import chinese_path

    kind = data_file_kind(data, path)
    try:
        tables = list({"sqlite": _sqlite_tables, "parquet": _parquet_tables, "arrow": _arrow_tables,
                       "stata": _stata_tables, "dbf": _dbf_tables}[kind or "dbf"](data))
    except (errors.ReportError, errors.TableTooLarge):
        raise
    except Exception as e:  # each library raises its own errors on a damaged file
        raise errors.NotText(path, f"not a readable {kind} file ({type(e).__name__})") from e
    tables = [_without_empty_columns(table) for table in tables]
    record = [(chinese_path(name), value) for name, value in _record(tables)]
    if record_cells(record) >= _RECORD_CELLS_MIN:
        if len(names := record_names(record)) > 1:
            raise errors.NotAReport(path, f"{len(names)} agencies' figures ({'、'.join(sorted(names)[:3])}…): "
                                          "a roster, no report of its own")
        return as_report(record)
    lines: list[str] = []
    budget = GRID_CELLS
    for name, header, rows in tables:
        budget -= (len(rows) + 1) * max(len(header), 1)
        if budget < 0:
            raise errors.TableTooLarge(GRID_CELLS)
        texts = {k for k in range(len(header)) if _text_column([row[k] for row in rows if k < len(row)])}
        values = [[str(cell) for k, cell in enumerate(header) if k not in texts]] if header else []
        values += [["" if cell is None else shown_value(cell) for k, cell in enumerate(row) if k not in texts]
                   for row in rows]
        shown_rows, shown_columns = set(range(len(values))), set(range(max(map(len, values), default=0)))
        grid = grid_lines(values, [], shown_rows, shown_columns) if not texts else []
        for k, row in enumerate(rows if texts else []):  # (a row's other cells beside its text: words only, no ids)
            grid += [line for line in ("\t".join(values[k + bool(header)]).strip(),) if _HAN.search(line)]
            grid += [line for j in sorted(texts) if j < len(row) and row[j] for line in str(row[j]).split("\n")]
        lines += [name, *grid, ""]
    return "\n".join(lines)


def _bounded(value: object) -> object:
    """A field's value, a text past ``_TEXT_MAX`` left out (a hostile field of tens of megabytes)."""
    return "" if isinstance(value, str | bytes) and len(value) > _TEXT_MAX else value


def _text_column(values: list[object]) -> bool:
    """Whether a column holds a text (a section's lines in a cell, a paragraph a row), not a grid's cells."""
    texts = [value for value in values if isinstance(value, str) and value.strip()]
    return bool(texts) and (any("\n" in text for text in texts) or (
        sum(map(len, texts)) >= _TEXT_CELL * len(texts) and any(_HAN.search(text) for text in texts)))


def _without_empty_columns(table: Table) -> Table:
    """A table past ``_WIDE`` columns without those that are 0 or empty in every row (a hostile file's thousands of
    zero variables beside the report's text); any other table as it is (a row of zeros is a report's cells)."""
    name, header, rows = table
    if len(header) <= _WIDE:
        return table
    kept = [k for k in range(len(header)) if any(k < len(row) and row[k] not in (None, "", 0, 0.0) for row in rows)]
    return name, [header[k] for k in kept], [[row[k] if k < len(row) else None for k in kept] for row in rows]


def _numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == value  # (not NaN: a missing value)
    return isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d[\d,]*(?:\.\d+)?\s*", value) is not None


def _record(tables: list[Table]) -> list[tuple[str, str]]:
    """The (path, value) pairs the tables state, in order: a table of one row by its columns' names; any other by
    each row's texts as the path (表四 | 行政复议 | 结果维持) of each of its numbers (under its column's name where the
    table has several columns of numbers), a row with no number its last text under the others (元数据 | 机关 | …);
    index columns (序号) left out."""
    from .spreadsheet import shown_value

    record: list[tuple[str, str]] = []
    for table, header, rows in tables:
        within = [table] if _FORM_TABLE.match(table) else []  # (a database's table named 表三: its rows are in it)
        filled = [row for row in rows if any(cell not in (None, "") for cell in row)]
        if len(filled) == 1 and header:
            record += [("\x01".join([*within, str(name)]), shown_value(value))
                       for name, value in zip(header, filled[0], strict=False)
                       if _numeric(value) or (isinstance(value, str) and value.strip())]
            continue
        width = max(map(len, filled), default=0)
        columns = [[row[k] if k < len(row) else None for row in filled] for k in range(width)]
        heads = [str(header[k]) if k < len(header) else "" for k in range(width)]
        index = {k for k, head in enumerate(heads) if head.strip().lower() in _INDEX_HEADS}
        numbers = [k for k, column in enumerate(columns) if k not in index
                   and any(v not in (None, "") for v in column) and all(v in (None, "") or _numeric(v) for v in column)]
        # (a column of numbers never filled beside another in a row holds a row's one value: 数值, SZ; others are
        # the columns of a row of several, named by their heads: 自然人, ZRR)
        counts = [sum(1 for j in numbers if row[j] not in (None, "")) for row in filled]
        alone = {k for k in numbers if all(count == 1 for row, count in zip(filled, counts, strict=True)
                                           if row[k] not in (None, ""))}
        numbered = set(numbers)
        for row in filled:
            cells = [(k, row[k] if k < len(row) else None) for k in range(width) if k not in index]
            labels = [str(v).strip() for k, v in cells if k not in numbered and v not in (None, "") and str(v).strip()]
            values = [(k, v) for k, v in cells if k in numbered and v not in (None, "")]
            if values:
                record += [("\x01".join([*within, *labels, *([heads[k]] if k not in alone else [])]), shown_value(v))
                           for k, v in values]
            elif len(labels) >= 2:
                record.append(("\x01".join([*within, *labels[:-1]]), labels[-1]))
    return record


def _sqlite_tables(data: bytes) -> Iterator[Table]:
    """A SQLite database's tables in the order they were made, read from a copy in memory (never from a file)."""
    import sqlite3

    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY rowid LIMIT ?", (_TABLES_MAX,))]
        for name in names:
            cursor = connection.execute(f'SELECT * FROM "{name.replace(chr(34), chr(34) * 2)}" LIMIT ?', (_ROWS_MAX + 1,))
            header = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
            if len(rows) <= _ROWS_MAX:  # (a table of millions of rows beside the report's: no report's, left out)
                yield name, header, [[_bounded(cell) for cell in row] for row in rows]
    finally:
        connection.close()


def _metadata_table(pairs: dict[bytes, bytes] | None) -> Iterator[Table]:
    rows = [[key.decode("utf-8", "replace"), _bounded(value.decode("utf-8", "replace"))]
            for key, value in (pairs or {}).items()
            if not _METADATA_SKIPPED.match(key.decode("utf-8", "replace"))]
    if rows:
        yield "", [], rows


def _arrow_table_rows(names: list[str], batches: Iterable) -> Table:
    """A table's rows from its record batches, the blank ones (nothing but a category's label) left out as they come
    (millions of empty rows before a report's: no report's, never all in memory); TableTooLarge past ``_ROWS_MAX``
    rows that are not blank."""
    import pyarrow
    import pyarrow.compute as compute

    rows: list[list[object]] = []
    for batch in batches:
        filled = None
        for column in batch.columns:
            if pyarrow.types.is_dictionary(column.type):
                continue  # (a category's label, 'crawl' or 'report', beside nothing: no content of the row's)
            present = compute.is_valid(column)
            if pyarrow.types.is_string(column.type) or pyarrow.types.is_large_string(column.type):
                present = compute.and_kleene(present, compute.not_equal(compute.utf8_trim_whitespace(column), ""))
            filled = present if filled is None else compute.or_kleene(filled, present)
        kept = batch.filter(compute.fill_null(filled, False)) if filled is not None else batch
        if len(rows) + kept.num_rows > _ROWS_MAX or (len(rows) + kept.num_rows) * max(len(names), 1) > GRID_CELLS:
            raise errors.TableTooLarge(GRID_CELLS)
        columns = [kept.column(k).to_pylist() for k in range(kept.num_columns)]
        rows += [[_bounded(cell) for cell in row] for row in zip(*columns, strict=True)]
    return "", names, rows


def _parquet_tables(data: bytes) -> Iterator[Table]:
    import pyarrow.parquet as parquet

    file = parquet.ParquetFile(io.BytesIO(data))
    yield from _metadata_table(file.schema_arrow.metadata)
    yield _arrow_table_rows(list(file.schema_arrow.names), file.iter_batches(batch_size=_BATCH))


def _arrow_tables(data: bytes) -> Iterator[Table]:
    import pyarrow.feather as feather

    table = feather.read_table(io.BytesIO(data))
    yield from _metadata_table(table.schema.metadata)
    yield _arrow_table_rows(list(table.column_names), table.to_batches(max_chunksize=_BATCH))


def _stata_tables(data: bytes) -> Iterator[Table]:
    """A Stata dataset: its label first, its variables by their labels where they have them (表二 规章 本年制发件数
    for t2_rules_issued)."""
    import pandas

    with pandas.read_stata(io.BytesIO(data), iterator=True, convert_categoricals=False) as reader:
        label, labels = reader.data_label, reader.variable_labels()
        frame = reader.read()
    if frame.size > GRID_CELLS:
        raise errors.TableTooLarge(GRID_CELLS)
    if label:
        yield "", [], [[label]]
    header = [labels.get(name) or name for name in frame.columns]
    rows = [[None if isinstance(value, float) and value != value else value for value in row]
            for row in frame.itertuples(index=False, name=None)]
    yield "", header, rows


def _dbf_header(data: bytes) -> tuple[int, int, int] | None:
    """A dBase file's record count, header length and record length, when its first bytes say so: its header ends in
    0x0D where it says, and its fields' widths add up to its records' length (a header claiming more records than
    the file holds is taken at what it holds)."""
    if len(data) < 33 or data[0] not in _DBF_VERSIONS:
        return None
    count, header, record = struct.unpack("<IHH", data[4:12])
    if header < 65 or record < 2 or len(data) < header or data[header - 1:header] != b"\r" or (header - 1) % 32:
        return None
    if 1 + sum(data[at + 16] for at in range(32, header - 1, 32)) != record:
        return None
    return min(count, (len(data) - header) // record), header, record


def _dbf_value(cell: bytes, kind: str, encoding: str) -> object:
    """A dBase field's value: a number for a numeric field (N, F: its digits as text; I: four bytes), a truth value
    for a logical one, else its text."""
    if kind == "I" and len(cell) == 4:
        return struct.unpack("<i", cell)[0]
    text = cell.decode(encoding, "replace").strip()
    if kind in "NF" and text:
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "L":
        return {"T": "TRUE", "Y": "TRUE", "F": "FALSE", "N": "FALSE"}.get(text.upper(), "")
    return text


def _text_encoding(records: bytes) -> str:
    """The code page of records no language driver names: UTF-8 when they read as it, else GB18030 (GBK's)."""
    try:
        records.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _dbf_tables(data: bytes) -> Iterator[Table]:
    """A dBase table: field descriptors of 32 bytes until 0x0D, then fixed-width records, each a deletion flag
    (``*``: deleted, left out) and its fields as text in the file's code page (its language driver's, else the one
    its text reads in). Small enough a format to read here, and no library reads one from bytes."""
    found = _dbf_header(data)
    if found is None:
        raise errors.NotText("", "not a dBase table")
    count, header, record = found
    fields: list[tuple[bytes, str, int]] = []
    for at in range(32, header - 1, 32):
        descriptor = data[at:at + 32]
        if descriptor[:1] == b"\r" or len(descriptor) < 32:
            break
        fields.append((descriptor[:11].split(b"\0", 1)[0], chr(descriptor[11]), descriptor[16]))
    encoding = _DBF_CODE_PAGES.get(data[29]) or _text_encoding(data[header:header + count * record])
    names = [name.decode(encoding, "replace") for name, _, _ in fields]
    rows: list[list[object]] = []
    for k in range(count):
        raw = data[header + k * record:header + (k + 1) * record]
        if raw[:1] == b"*":
            continue
        at, row = 1, list[object]()
        for _, kind, width in fields:
            cell = raw[at:at + width]
            at += width
            row.append(_dbf_value(cell, kind, encoding))
        rows.append(row)
    yield "", names, rows
