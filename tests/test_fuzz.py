"""Mutation fuzzing: whatever a crawl brings in becomes a report or a plain rejection, in time.

Real reports (the bundled corpus, ../shared texts, one as a Word document and,
in the long run, the PDFs)
are mutated: byte flips, truncation, duplicated and deleted lines, tag soup,
deep nesting, huge numbers, long digit runs, mixed encodings. Each input must
come out of the per-file function as a Report or a Rejected that is not an
internal error, within its time budget.

The CI run is short and derandomised (FUZZ_EXAMPLES, default 8); `make fuzz`
runs thousands of random examples. A failure found is kept as a small file
under tests/hostile/, which test_isolation reads on every run.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.extraction.corpus import Rejected, read_path
from builder.extraction.extract import Report
from builder.limits import Limits

from .conftest import CORPUS, SHARED

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
LONG = EXAMPLES > 100
BOUNDS = Limits(time_limit=float(os.environ.get("FUZZ_TIME_LIMIT", "10")))
# The alarm fires at 1.2 × the limit + 0.5 s; allow for a loaded machine beyond that.
WALL = BOUNDS.time_limit * 1.2 + 5

def as_docx(text: str) -> bytes:
    """A Word document of a text report: lines as paragraphs, tab-separated runs as tables."""
    import io

    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def table() -> None:
        if rows:
            grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for cells, row in zip(grid.rows, rows):
                for cell, value in zip(cells.cells, row):
                    cell.text = value
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
        else:
            table()
            document.add_paragraph(line)
    table()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SEEDS = sorted(CORPUS.glob("*.txt")) + sorted((SHARED / "corpus").glob("*.txt"))
if LONG:
    SEEDS += sorted((SHARED / "corpus-pdf").glob("*.pdf"))
SEED_BYTES = {path: path.read_bytes() for path in SEEDS}
WORD_SEED = CORPUS / "002_ca7c6a4c8b1a7e82.docx"  # made from the text report, not a file on disk
SEED_BYTES[WORD_SEED] = as_docx((CORPUS / "002_ca7c6a4c8b1a7e82.txt").read_text(encoding="utf-8"))
SEEDS.append(WORD_SEED)


def _flip(data: bytes, draw) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        index = draw(st.integers(0, len(out) - 1))
        out[index] ^= draw(st.integers(1, 255))
    return bytes(out)


def _truncate(data: bytes, draw) -> bytes:
    return data[:draw(st.integers(0, len(data)))]


def _lines(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    for _ in range(draw(st.integers(1, 10))):
        index = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()):
            lines.insert(index, lines[index])
        elif len(lines) > 1:
            del lines[index]
    return b"\n".join(lines)


_TAGS = (b"<div>", b"</div>", b"<table>", b"<tr>", b"<td rowspan=999999>", b"</td>", b"<!--", b"-->", b"<p",
         b"<script>", b"</table>", b"<html>", b"<?xml?>", b"<![CDATA[", b"&#0;", b"<td colspan=-3>")


def _tag_soup(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    for _ in range(draw(st.integers(1, 30))):
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = draw(st.sampled_from(_TAGS)) + lines[index]
    return b"<html><body>" + b"\n".join(lines)


def _nesting(data: bytes, draw) -> bytes:
    depth = draw(st.integers(1, 3000))
    tag = draw(st.sampled_from((b"div", b"span", b"table", b"td", b"blockquote")))
    return b"<html><body>" + (b"<" + tag + b">") * depth + data + (b"</" + tag + b">") * depth


def _huge_number(data: bytes, draw) -> bytes:
    digits = draw(st.sampled_from((b"9", b"1", b"0", b"5")))
    length = draw(st.integers(16, 6000))
    tail = draw(st.sampled_from((b"", b".5", b",000", b" 3")))
    index = data.find(b"\t", draw(st.integers(0, max(0, len(data) - 1))))
    index = index if index >= 0 else len(data)
    return data[:index] + b"\t" + digits * length + tail + data[index:]


def _digit_run(data: bytes, draw) -> bytes:
    run = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=20, max_size=3000))).encode()
    index = draw(st.integers(0, len(data)))
    return data[:index] + run + data[index:]


def _mixed_encoding(data: bytes, draw) -> bytes:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    cut = draw(st.integers(0, len(text)))
    second = draw(st.sampled_from(("gb18030", "utf-16-le", "big5", "latin-1")))
    return text[:cut].encode("utf-8") + text[cut:].encode(second, errors="replace")


MUTATIONS = (_flip, _truncate, _lines, _tag_soup, _nesting, _huge_number, _digit_run, _mixed_encoding)


@st.composite
def hostile_inputs(draw) -> tuple[str, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    data = SEED_BYTES[seed]
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        if data:
            data = mutate(data, draw)
    suffix = draw(st.sampled_from((seed.suffix, ".html", ".md", ".txt")))
    return "fuzzed" + suffix, data


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG, database=None,
          suppress_health_check=list(HealthCheck))
@given(hostile_inputs())
def test_any_mutated_report_becomes_a_report_or_a_rejection_in_time(case):
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        started = time.monotonic()
        outcome = read_path(str(path), name, BOUNDS)
        elapsed = time.monotonic() - started
    if isinstance(outcome, Rejected):
        assert not outcome.internal, outcome.reason
        assert "\n" not in outcome.reason
    else:
        assert isinstance(outcome, Report) and outcome.badge
    assert elapsed < WALL, f"{elapsed:.1f} s"
