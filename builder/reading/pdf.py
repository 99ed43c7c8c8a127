"""PDF to text: table rows rebuilt from ruling lines, the text layer elsewhere.

Reports are mostly Word/WPS exports whose tables are ruled. Their text layer
scatters a cell's wrapped label above and below its numbers and drops empty
cells, so where the ruling lines form a grid each table row becomes one
tab-separated line (the shared table format; spanned cells are empty). Text
outside grids comes from the text layer, in page order. A document whose grid
reads worse than its plain text layer is read from the text layer instead.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import io
import itertools
import logging
import math
import re
import unicodedata
from collections import Counter
from contextvars import ContextVar
from operator import itemgetter

from .. import errors
from ..limits import checkpoint, current
from .markup import numbers_across
from .positioned import blank_cells_placed

_CID = re.compile(r"\(cid:\d+\)")
_MIN_CHARS_PER_PAGE = 20  # less than this is a scan with a stamp or page numbers, not a text layer
_TEXT_PAGE = 300  # characters: a page holding this many has text, not a stamp

Box = tuple[float, float, float, float]

# pdfminer logs what it works around in a font or a page (a font descriptor without its FontBBox, which
# browsers' "save as PDF" writes for every font) as warnings: with no logging set up, Python prints
# each on stderr, dozens a file, between the build's own lines. What it cannot work around raises.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Form XObjects drawn inside form XObjects deeper than this are not read (what pdfium and poppler do
# too): stamping tools nest a page's content a few levels deep, a seal drawn at the bottom of a chain of
# thousands overflowed Python's recursion and lost the whole file.
_FORM_DEPTH = 32


_ACTUAL_TEXT_MAX = 20_000  # characters of one span's /ActualText read (the most a page is given: _ADDED_MAX)
_SPANS = itertools.count()  # numbers telling one ActualText span's characters from the next's


def _actual_text(props, resources) -> str | None:
    """The /ActualText a marked-content sequence's property list gives (inline, or a /Properties resource named),
    decoded (PDFDocEncoding, UTF-16BE or UTF-8 with its byte order mark); None where it gives none."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    if isinstance(props, PSLiteral):  # (/Span /MC0 BDC: the page's /Properties names the list)
        resources = resolve1(resources)
        named = resolve1(resources.get("Properties")) if isinstance(resources, dict) else None
        props = resolve1(named.get(props.name)) if isinstance(named, dict) else None
    props = resolve1(props)
    raw = resolve1(props.get("ActualText")) if isinstance(props, dict) else None
    if not isinstance(raw, bytes):
        return None
    raw = raw[:2 * _ACTUAL_TEXT_MAX + 3]
    text = raw[3:].decode("utf-8", "ignore") if raw.startswith(b"\xef\xbb\xbf") else decode_text(raw)
    return "".join(c for c in text if unicodedata.category(c) != "Cc")[:_ACTUAL_TEXT_MAX]


@functools.cache
def _interpreter() -> None:
    """Make pdfplumber interpret pages with ``_FORM_DEPTH`` capped, note each character drawn invisibly (text
    rendering mode 3 or 7: ``render_mode`` 3, which pdfminer does not keep), and note on each character drawn inside a
    marked-content span with an /ActualText the span (``actual_text``: its number and text, the outermost span's
    where spans nest, a form drawn inside one in it too; ``_with_actual_text``), and note each character whose middle
    lies outside the clipping path (``clipped``: an old figure drawn past a cell's clip, a long cell's tail the cell's
    clip cuts off; a viewer shows none of it). The clip kept is a box that surely holds it: the bounds of each clip
    path (W, W*) as placed, corners and control points, intersected, and each form's /BBox; q and Q save and restore
    it. Its page module names the interpreter class it makes, the one place a subclass can be put in."""
    import pdfplumber.page
    from pdfminer.pdfinterp import LITERAL_FORM, PDFPageInterpreter
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name
    from pdfminer.utils import mult_matrix

    class DepthCapped(PDFPageInterpreter):
        depth = 0
        actual: tuple[int, str] | None = None  # the ActualText span being drawn in
        form_clip: Box | None = None  # the clip a form begins with: its /BBox within its caller's clip
        clip: Box | None = None  # bounds the clipping path lies within (as pdfminer places characters); None: no clip

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.opened: list[bool] = []  # for each marked-content sequence begun, whether it began the span
            self.clips: list[Box | None] = []  # the clip each q saved

        def subinterp(self) -> PDFPageInterpreter:
            sub = super().subinterp()
            sub.depth = self.depth + 1
            sub.actual = self.actual
            sub.form_clip = self.form_clip
            return sub

        def init_state(self, ctm) -> None:
            super().init_state(ctm)
            self.clip, self.clips = self.form_clip, []

        def do_q(self) -> None:
            self.clips.append(self.clip)
            super().do_q()

        def do_Q(self) -> None:
            if self.clips:
                self.clip = self.clips.pop()
            super().do_Q()

        def do_W(self) -> None:  # (the path it makes the clip is the one being built: none is drawn between)
            points = [segment[k:k + 2] for segment in self.curpath for k in range(1, len(segment) - 1, 2)]
            self.clip = _within(self.clip, _placed_bounds(points, self.ctm))

        do_W_a = do_W

        def do_Do(self, xobjid_arg) -> None:
            if self.depth < _FORM_DEPTH:
                caller = self.form_clip
                self.form_clip = self.clip
                form = resolve1(self.xobjmap.get(literal_name(xobjid_arg)))
                with contextlib.suppress(AttributeError, TypeError, ValueError):
                    if resolve1(form.get("Subtype")) is LITERAL_FORM:
                        x0, y0, x1, y1 = (float(resolve1(v)) for v in resolve1(form["BBox"]))
                        matrix = tuple(float(resolve1(v)) for v in resolve1(form.get("Matrix", (1, 0, 0, 1, 0, 0))))
                        placed = _placed_bounds([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], mult_matrix(matrix, self.ctm))
                        self.form_clip = _within(self.clip, placed)
                try:
                    super().do_Do(xobjid_arg)
                finally:
                    self.form_clip = caller

        def do_BMC(self, tag) -> None:
            self.opened.append(False)
            super().do_BMC(tag)

        def do_BDC(self, tag, props) -> None:
            text = _actual_text(props, self.resources) if self.actual is None else None
            if text is not None:
                self.actual = (next(_SPANS), text)
            self.opened.append(text is not None)
            super().do_BDC(tag, props)

        def do_EMC(self) -> None:
            if self.opened and self.opened.pop():
                self.actual = None
            super().do_EMC()

        def do_TJ(self, seq) -> None:  # (Tj, ' and " draw through it)
            drawn = getattr(self.device, "cur_item", None)
            start = len(drawn._objs) if drawn is not None else 0
            super().do_TJ(seq)
            if self.textstate.render in _INVISIBLE_MODES and drawn is not None:
                for obj in drawn._objs[start:]:
                    obj.render_mode = _INVISIBLE
            if self.actual is not None and drawn is not None:
                for obj in drawn._objs[start:]:
                    obj.actual_text = self.actual
            if self.clip is not None and drawn is not None:
                left, bottom, right, top = self.clip
                for obj in drawn._objs[start:]:
                    x, y = (obj.x0 + obj.x1) / 2, (obj.y0 + obj.y1) / 2
                    if not (left <= x <= right and bottom <= y <= top):
                        obj.clipped = True

    pdfplumber.page.ALL_ATTRS.update(("render_mode", "actual_text", "clipped"))
    pdfplumber.page.PDFPageInterpreter = DepthCapped


def _placed_bounds(points: list, ctm: tuple) -> Box | None:
    """The bounds of the points placed by the matrix (None: no point, or one not a number)."""
    try:
        a, b, c, d, e, f = (float(v) for v in ctm)
        placed = [(a * x + c * y + e, b * x + d * y + f) for x, y in ((float(x), float(y)) for x, y in points)]
    except (TypeError, ValueError):
        return None
    if not placed or not all(math.isfinite(v) for point in placed for v in point):
        return None
    xs, ys = [x for x, _ in placed], [y for _, y in placed]
    return min(xs), min(ys), max(xs), max(ys)


def _within(clip: Box | None, bounds: Box | None) -> Box | None:
    """The clip narrowed to the bounds (which of them is None does not narrow; boxes apart leave an empty one)."""
    if bounds is None or clip is None:
        return clip if bounds is None else bounds
    x0, y0 = max(clip[0], bounds[0]), max(clip[1], bounds[1])
    return x0, y0, max(x0, min(clip[2], bounds[2])), max(y0, min(clip[3], bounds[3]))


_INVISIBLE_MODES = (3, 7)  # text rendering modes that paint nothing (7 adds the text to the clip path)
_INVISIBLE = 3


def _inside(obj: dict, box: Box) -> bool:
    """pdfplumber's own test (the character's centre), so no character is read twice or lost."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _cell_text(chars: list[dict], y_tolerance: float) -> str:
    """A cell's lines joined without spaces: wrapped Chinese labels and wrapped
    numbers are one word each, and a vertical label (三 、 本 年 度) reads across."""
    from pdfplumber.utils import extract_text

    lines = [line.strip() for line in extract_text(chars, x_tolerance=_LETTER_GAP.get(),
                                                   y_tolerance=y_tolerance).split("\n")]
    if len(lines) == 2 and all(_BARE_FIGURE.fullmatch(line) for line in lines) and _smaller_below(chars, y_tolerance):
        return f"{lines[0]}（{lines[1]}）"  # (last year's under the year's, set smaller: an aside, no wrapped digits)
    return "".join(lines)


_BARE_FIGURE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_SMALLER = 0.85  # a line's characters this share of the size of the line above, at most, to be set smaller


def _smaller_below(chars: list[dict], y_tolerance: float) -> bool:
    """Whether a cell's second line is set smaller than its first (a figure over last year's, 本年（上年）): a number
    wrapped in a narrow cell keeps its size."""
    top = min(c["top"] for c in chars)
    first = [c["size"] for c in chars if c["top"] - top <= y_tolerance]
    below = [c["size"] for c in chars if c["top"] - top > y_tolerance]
    return bool(first and below) and max(below) <= _SMALLER * min(first)


# How far apart (points) two characters of one word may stand: pdfplumber's 3, or a letter-spaced page's own spacing.
_LETTER_GAP: ContextVar[float] = ContextVar("letter_gap", default=3.0)
_SPACED_PAIRS = 40  # pairs of characters side by side a page's spacing is measured on at least
_SPACING_MAX = 1.2  # times the characters' size: a gap wider is between words or cells, not letter-spacing


def _letter_gap(page) -> float:
    """The gap a word's characters stand apart on this page: pdfplumber's 3 points, or, where the page is letter-spaced
    (CSS letter-spacing printed by a browser, 0.3 to 1 em between every two characters), a little over the median gap
    between two Chinese characters or two digits side by side. Read with the default, each letter-spaced number's
    digits were cells of their own (2 3 6 for 236) and every table of such a page unsure."""
    chars = sorted((c for c in page.chars if c.get("upright", True) and c["text"].strip()),
                   key=lambda c: (round(c["top"]), c["x0"]))
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(chars)
            if round(a["top"]) == round(b["top"]) and _SPACEABLE.match(a["text"]) and _SPACEABLE.match(b["text"])
            and -1 < b["x0"] - a["x1"] < _SPACING_MAX * a["size"]]
    if len(gaps) < _SPACED_PAIRS:
        return 3.0
    spacing = sorted(gaps)[len(gaps) // 2]
    return max(3.0, 1.25 * spacing + 0.5) if spacing > 3.0 else 3.0


_SPACEABLE = re.compile(r"[\u4e00-\u9fff\d]")


def _usual_size(page) -> float:
    """The page's usual character size: the median (0 without characters)."""
    sizes = sorted(c["size"] for c in page.chars)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _line_tolerance(usual_size: float) -> float:
    """How far apart in height characters of one line may sit: at 16pt (三号, the usual body size
    of government documents) the digits of 2023 sit 3.4pt lower than the Chinese beside them,
    past pdfplumber's default of 3, and the year left its sentence for a line of its own."""
    return max(3.0, 0.3 * usual_size)


def _tables(page) -> list:
    """pdfplumber's tables of the page, found once: a page is looked at for tables side by side, then read by them."""
    if not hasattr(page, "_found_tables"):
        page._found_tables = page.find_tables()
    return page._found_tables


class _Placed:
    """A table's characters by the height of their middles, to find a cell's (``_inside``) without looking at all of
    them for every cell: a page of a catalogue annex, 150 cells of 1,600 characters, took a second."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = chars
        self.order = sorted(range(len(chars)), key=lambda k: (chars[k]["top"] + chars[k]["bottom"]) / 2)
        self.middles = [(chars[k]["top"] + chars[k]["bottom"]) / 2 for k in self.order]

    def inside(self, box: Box) -> list[dict]:
        """The characters ``_inside`` the box, in the order they were drawn."""
        low, high = bisect.bisect_left(self.middles, box[1]), bisect.bisect_left(self.middles, box[3])
        found = sorted(k for k in self.order[low:high]
                       if box[0] <= (self.chars[k]["x0"] + self.chars[k]["x1"]) / 2 < box[2])
        return [self.chars[k] for k in found]


def _grid_rows(page, y_tolerance: float) -> tuple[list[tuple[float, str]], set[int], list[tuple[float, float]]]:
    """Rows of the page's ruled tables that have at least two cells, as
    (top, tab-separated line), the characters they took (by id), and each row's left and right."""
    rows: list[tuple[float, str]] = []
    taken: set[int] = set()
    spans: list[tuple[float, float]] = []
    if not page.edges:
        return rows, taken, spans
    for table in _tables(page):
        grid = [row for row in table.rows if sum(cell is not None for cell in row.cells) >= 2]
        chars = [c for c in page.chars if _inside(c, table.bbox)]
        if len(grid) < 2 and not (grid and _labelled_count(grid[0], chars, y_tolerance)):
            continue  # a box drawn around prose, or a lone header: text, not a table
        placed = _Placed(chars)
        columns = [column.bbox[0] for column in table.columns]
        for row in grid:
            cells: list[str] = []
            for k, cell in enumerate(row.cells):
                if cell is None:
                    if len(cells) <= k:  # not a position a split cell filled
                        cells.append("")
                    continue
                in_cell = placed.inside(cell)
                taken.update(id(c) for c in in_cell)
                text = _cell_text(in_cell, y_tolerance)
                # a merged cell printing a number for each of the two columns it covers (4 1): their numbers.
                # Not over three (表二's one value a row spans them), where spread digits (2 1 6) are one number.
                span = _span(row.cells, columns, k)
                cells.extend((span == 2 and numbers_across(text, span)) or [text])
            rows.append((row.bbox[1], "\t".join(cells)))
            spans.append((row.bbox[0], row.bbox[2]))
    return rows, taken, spans


def _labelled_count(row, chars: list[dict], y_tolerance: float) -> bool:
    """Whether a table's one row is a label and its numbers (行政事业性收费 | 204 ⏎ 5.7 ⏎ 0: a table's last row that a
    page break left alone on the next page, its number wrapped in the narrow cell), not a box around prose."""
    texts = [_cell_text([c for c in chars if _inside(c, cell)], y_tolerance) for cell in row.cells if cell is not None]
    return bool(texts) and bool(_WORDED.search(texts[0])) and any(_LONE_NUMBER.fullmatch(t) for t in texts[1:])


_WORDED = re.compile(r"[\u4e00-\u9fff]{2}")
_LONE_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def _span(cells: list, columns: list[float], k: int) -> int:
    """How many columns the cell at ``k`` of a row covers: itself and the empty positions after it that
    begin inside it (``columns``: where each column begins)."""
    span = 1
    while k + span < len(cells) and cells[k + span] is None and columns[k + span] < cells[k][2] - 1:
        span += 1
    return span


_GUTTER = 6  # points of white at least between two columns of text (a grid of Chinese characters leaves gaps of 1-2)
_COLUMN_LINES = 8  # lines in a row clear of the gutter, at least, to read them as two columns
_SIDE_LINES = 3  # and lines of prose on each side of it among them, at least
_SHORT_LINE = 0.3  # of the page's width: a line shorter is no witness where the gutter runs
_SIDE_HAN = 8  # Chinese characters in a row a line's side holds to be prose (无, 零 and 〇 count none)
_HAN = re.compile(r"[\u4e00-\u9fff\u2e80-\u2fdf]")  # (with the radicals a PDF's fonts map some characters to)
_NOT_PROSE = frozenset("无零〇")
# times wider than the other, a column is an article beside a site's sidebar, not a gazette's column: read across as
# before (split, the sidebar's lines cut the article's sentence a page break carries on)
_SIDEBAR = 1.5


def _column_bands(page, tolerance: float, ruled: list[tuple[float, float, float]] = ()) -> list[tuple[float, float, float]]:
    """Where the page prints prose in two columns (a gazette's page, a site's sidebar beside the article): each band
    of lines (its top, its bottom) and the gutter's x between its columns. The gutter is the x in the page's middle
    fewest lines cross; a band is a run of eight or more lines clear of it, from a line of prose to a line of prose,
    three or more of them and no fewer than the lines printing cells or numbers there, with prose (or a ruled table's
    rows) on each side, the two columns about as wide (not an article and a sidebar). A table's
    rows alone (label left, numbers right) are no such band. Read across, the two columns' sentences were run
    together line by line. ``ruled``: the rows of the page's ruled tables (top, left, right), whose characters the
    page given no longer holds; one across the gutter ends a band as a line across it does, and so does a rule
    drawn across it (a table's border)."""
    from pdfplumber.utils import cluster_objects

    chars = [c for c in page.chars if c["text"].strip()]
    if len(chars) < _COLUMN_LINES * _SIDE_HAN:
        return []
    lines = [sorted(line, key=lambda c: c["x0"]) for line in cluster_objects(chars, "top", tolerance)]
    origin, width = page.bbox[0], int(page.width)
    crossed = [0] * (width + 2)  # lines crossing each point of x, from the page's left edge
    for line in lines:
        if line[-1]["x1"] - line[0]["x0"] < _SHORT_LINE * width:
            continue  # (a heading or a page number centred on the page crosses the gutter, but says nothing of it)
        covered = set()
        for c in line:
            covered.update(range(max(0, math.ceil(c["x0"] - origin)), min(width, math.floor(c["x1"] - origin)) + 1))
        for point in covered:
            crossed[point] += 1
    middle = range(int(0.3 * width), int(0.7 * width) + 1)
    half = _GUTTER // 2  # (the lines crossing any point of a gutter as wide as _GUTTER about x)
    x = origin + min(middle, key=lambda point: (max(crossed[point - half:point + half + 1]), abs(point - width / 2)))

    def prose(side: list[dict]) -> bool:
        """Whether a line's side holds a run of Chinese characters set close (a sentence), not words apart (a
        table's header cells, 商业企业 科研机构) nor a label beside numbers alone."""
        longest = count = 0
        for previous, c in zip([None, *side], side):
            if previous is None or c["x0"] - previous["x1"] > c["x1"] - c["x0"]:
                count = 0  # (a gap wider than a character: another cell)
            count += c["text"] not in _NOT_PROSE and bool(_HAN.match(c["text"]))
            longest = max(longest, count)
        return longest >= _SIDE_HAN

    def words(side: list[dict]) -> bool:
        """Whether a line's side is one run of Chinese text set close, however short (a heading, a paragraph's
        last line), not cells apart nor numbers alone."""
        return any(_HAN.match(c["text"]) for c in side) and all(
            c["x0"] - previous["x1"] <= c["x1"] - c["x0"] for previous, c in itertools.pairwise(side))

    bands: list[tuple[float, float, float]] = []
    run: list[list[dict]] = []
    pending: list[list[dict]] = []  # lines clear of the gutter since the last across it, before a run's first prose
    head = math.inf  # the top of a run's ruled rows above its first line (a column's table the run starts beside)

    def close(until: float = math.inf) -> None:
        """End the run at a line across the gutter at ``until``: a band if its lines are two columns'."""
        nonlocal head
        _without_tail_below(run, x)
        if not run:
            head = math.inf
            return
        upper, lower = min(min(c["top"] for c in run[0]), head), max(c["bottom"] for c in run[-1])
        # (a column's ruled table running on below the other column's last line: its rows are the band's too, and
        # so are a column's last lines, a heading at its foot, when nothing follows across the gutter to the page's
        # end; a heading under both columns with the page going on across is the page's again)
        until = min([until, *(top for top in across if top > lower)])  # (a ruled row across: the band's end too)
        lower = max([lower, *(top + 1 for top, left, right in ruled if lower < top < until and not left < x < right)])
        tail = [line for line in lines if lower < line[0]["top"]]
        if tail and until == math.inf and all(line[-1]["x1"] <= x or line[0]["x0"] >= x for line in tail):
            lower = max(c["bottom"] for line in tail for c in line)
        head = math.inf
        tables = [(left, right) for top, left, right in ruled if upper <= top <= lower]  # (a column may hold one)
        sides = []
        for side, ruled_rows in (([[c for c in line if c["x1"] <= x] for line in run], [r for _, r in tables if r <= x]),
                                 ([[c for c in line if c["x0"] >= x] for line in run], [le for le, _ in tables if le >= x])):
            # prose on three lines or more, and on as many lines as print cells or numbers there (a table's); a
            # column's headings and its paragraphs' short last lines neither
            written = sum(1 for part in side if prose(part)) + len(ruled_rows)
            sides.append(written >= _SIDE_LINES and written >= sum(1 for part in side if part and not words(part)))
        inside = [c for line in run for c in line]
        # (each column as wide as its text or a ruled table in it)
        left_width = x - min([*(c["x0"] for c in inside if c["x1"] <= x), *(le for le, r in tables if r <= x)], default=x)
        right_width = max([*(c["x1"] for c in inside if c["x0"] >= x), *(r for le, r in tables if le >= x)], default=x) - x
        even = max(left_width, right_width) <= _SIDEBAR * min(left_width, right_width)
        split = any(upper <= top <= lower and left < x < right for top, left, right in ruled)  # (a table cut in two)
        one_sided = sum(1 for top, left, right in ruled if upper <= top <= lower and not left < x < right)
        if len(run) + one_sided >= _COLUMN_LINES and all(sides) and even and not split:  # (a column's table's rows count)
            bands.append((upper, lower, x))
        run.clear()

    def some_prose(line: list[dict]) -> bool:
        return prose([c for c in line if c["x1"] <= x]) or prose([c for c in line if c["x0"] >= x])

    # a ruled table's row across the gutter, or a rule drawn across it (a table's border, under a heading)
    across = sorted([top for top, left, right in ruled if left < x < right]
                    + [top for top, left, right in _rules(page) if left < x - _GUTTER and right > x + _GUTTER])
    since = -math.inf  # the top of the last line or rule across the gutter
    for line in lines:
        crossing = any(c["x0"] < x < c["x1"] for c in line)
        ruled_across = [top for top in across if (run[-1][0]["top"] if run else since) < top <= line[0]["top"]]
        if crossing or (run and ruled_across):
            while run and not some_prose(run[-1]):
                run.pop()  # (a table's rows above a line across the gutter: no part of the columns)
            close(line[0]["top"] if crossing else ruled_across[0])  # a heading, a table's row, the page's full width
            pending.clear()
            since = line[0]["top"] if crossing else ruled_across[-1]
            if crossing:
                continue  # (a line below a ruled row across may begin the next band)
        if run:
            run.append(line)
        elif some_prose(line):
            # From its first line of prose (a table's last rows above it are no part), or from the last line across
            # where a ruled table stands in one column above it (a gazette's table 3 at the top of its right column,
            # 一、总体情况 beside it in the left).
            above = [top for top, left, right in ruled if since < top < line[0]["top"] and not left < x < right]
            if above and not any(since < top < line[0]["top"] for top in across):
                head = min(above)
                run.extend(pending)
            run.append(line)
        else:
            pending.append(line)
    while run and not some_prose(run[-1]):
        run.pop()
    close()
    return bands


_SHEET_GUTTER = 24  # points of white at least down a landscape sheet's middle between two pages printed on it
_SHEET_LINES = 8  # lines each half holds at least
_FOLIO = re.compile(r"[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
                    r"|\d{1,3}\s*/\s*\d{1,3}")  # (3/5: the page, then how many)


def _sheet_halves(page, among_sheets: bool = False) -> list:
    """A landscape sheet printing two pages side by side (2-up: two A5 pages on an A4 sheet), as its two pages, left then
    right; any other page as it is. Such a sheet has a wide band of white down its middle that no character and no rule
    crosses, and on each side a page's lines: prose on three lines or more, or a page number at its foot (or, among
    other such sheets of the document, ``among_sheets``, anything: a booklet's cover beside its last page). Read across,
    the two pages' lines ran together line by line, and a table on one side took the other's lines between its rows."""
    x0, top, x1, bottom = page.bbox
    chars = [c for c in page.chars if c["text"].strip()]
    if x1 - x0 <= bottom - top or len(chars) < (1 if among_sheets else 2 * _SHEET_LINES * _SIDE_HAN):
        return [page]
    band = max(_white_runs(chars, "x0", "x1", x0, x1 - x0), key=len, default=[])
    if len(band) < _SHEET_GUTTER:
        return [page]
    gutter = x0 + (band[0] + band[-1]) / 2
    if any(left < x0 + band[0] and right > x0 + band[-1] for _, left, right in _rules(page)):
        return [page]  # (a table drawn across the sheet; not a crop mark in the white between the pages)

    if not among_sheets and not (_like_a_page([c for c in chars if c["x1"] <= gutter])
                                 and _like_a_page([c for c in chars if c["x0"] >= gutter])):
        return [page]
    return [page.crop((x0, top, gutter, bottom)), page.crop((gutter, top, x1, bottom))]


def _white_runs(chars: list[dict], start: str, end: str, origin: float, length: float) -> list[list[int]]:
    """The runs of points across a sheet's middle (35 to 65 % of ``length`` from ``origin``, along the characters'
    ``start`` and ``end`` sides: x0 and x1, or top and bottom) that no character covers."""
    covered = [False] * (int(length) + 2)
    for c in chars:
        for point in range(max(0, math.floor(c[start] - origin)), min(len(covered) - 1, math.ceil(c[end] - origin)) + 1):
            covered[point] = True
    low, high = int(0.35 * length), int(0.65 * length)
    return [list(group) for white, group in itertools.groupby(range(low, high + 1), key=lambda k: not covered[k]) if white]


def _like_a_page(side: list[dict]) -> bool:
    """Whether a part of a sheet prints a page: prose on three lines or more, or a page number at its foot."""
    from pdfplumber.utils import cluster_objects

    lines = [sorted(line, key=lambda c: c["x0"]) for line in sorted(cluster_objects(side, "top", 2),
                                                                      key=lambda line: line[0]["top"])]
    numbered = bool(lines) and _FOLIO.fullmatch("".join(c["text"] for c in lines[-1]).strip()) is not None
    if len(lines) < _SHEET_LINES:
        return numbered and len(lines) > _SIDE_LINES  # (a page's last few lines over its number)
    prose = sum(1 for line in lines if sum(1 for c in line if _HAN.match(c["text"])) >= _SIDE_HAN
                and all(b["x0"] - a["x1"] <= b["x1"] - b["x0"] for a, b in itertools.pairwise(line)))
    return prose >= _SIDE_LINES or numbered


def _sheet_pages(page) -> list:
    """The pages a sheet prints (``_sheet_halves``), a portrait sheet of four (4-up: two rows of two) row by row."""
    return [half for row in _sheet_rows(page) for half in _sheet_halves(row)]


def _sheet_rows(page) -> list:
    """A portrait sheet printing pages in two rows (4-up) as its two rows, top then bottom; any other page as it is.
    Such a sheet has a wide band of white across its middle that no character and no rule crosses, and each row
    prints two pages side by side (``_sheet_halves``)."""
    x0, top, x1, bottom = page.bbox
    chars = [c for c in page.chars if c["text"].strip()]
    if bottom - top <= x1 - x0 or len(chars) < 4 * _SHEET_LINES * _SIDE_HAN:
        return [page]
    runs = _white_runs(chars, "top", "bottom", top, bottom - top)
    # (the widest white may be a short page's foot above the rows' gutter: each wide enough tried, widest first)
    for band in sorted((run for run in runs if len(run) >= _SHEET_GUTTER), key=len, reverse=True):
        gutter = top + (band[0] + band[-1]) / 2
        if any(shape["top"] < top + band[0] and shape["bottom"] > top + band[-1] for shape in (*page.lines, *page.rects)):
            continue  # (a table or a frame drawn across the middle; not a crop mark in the white between the rows)
        rows = [page.crop((x0, top, x1, gutter)), page.crop((x0, gutter, x1, bottom))]
        if all(len(_sheet_halves(row)) == 2 for row in rows):  # (each row two pages side by side)
            return rows
    return [page]


def _folio_number(page) -> int | None:
    """The page number printed at a page's foot (— 3 —, 3, 第3页), or None."""
    from pdfplumber.utils import cluster_objects

    chars = [c for c in page.chars if c["text"].strip()]
    if not chars:
        return None
    last = sorted(cluster_objects(chars, "top", 2), key=lambda line: line[0]["top"])[-1]
    text = "".join(c["text"] for c in sorted(last, key=lambda c: c["x0"])).strip()
    return int(digits.group()) if _FOLIO.fullmatch(text) and (digits := re.search(r"\d+", text)) else None


def _in_page_order(parts: list) -> list:
    """The pages of sheets printed as a booklet (sheet 1 holds pages 8 and 1, sheet 2 pages 2 and 7, …) in their
    numbers' order, when the sheets were split into pages and each page that prints anything prints its number;
    blank pages left out. Any other run of pages as it is."""
    if len(parts) < 4:
        return parts
    printed = [part for part in parts if any(c["text"].strip() for c in part.chars)]
    numbers = [_folio_number(part) for part in printed]
    if None in numbers or len(set(numbers)) != len(numbers) or numbers == sorted(numbers):
        return parts
    return [part for _, part in sorted(zip(numbers, printed, strict=True), key=itemgetter(0))]


def _pages_by_folio(pages: list) -> list | None:
    """The pages in their printed numbers' order, when a scanner or a merge left them out of it (page 3 before page 2)
    and every page prints its number at its foot, the numbers a run (2, 3, 4: not a table's last figure taken for
    one); None when they are in order, or any page prints none."""
    numbers = [_folio_number(page) for page in pages]
    if None in numbers or numbers == sorted(numbers) or sorted(numbers) != list(range(min(numbers), min(numbers) + len(pages))):
        return None
    return [page for _, page in sorted(zip(numbers, pages, strict=True), key=itemgetter(0))]


_SIDE_GAP = 6  # points of white at least between two ruled tables printed side by side


def _side_by_side(page, usual: float) -> list:
    """A page printing two ruled tables side by side (table 2 beside table 4, each under its own heading) as its
    parts top to bottom: what is above them, the left table with the lines over it, the right one with its, and what
    is below; any other page as it is. Read across, the two tables' rows and headings ran together line by line."""
    if not page.edges:
        return [page]
    tables = [t.bbox for t in _tables(page) if len(t.rows) >= 2]
    pair = next(((a, b) for a in tables for b in tables if a[2] + _SIDE_GAP <= b[0] and a[1] < b[3] and b[1] < a[3]),
                None)
    if pair is None:
        return [page]
    (left, right), (x0, top, x1, bottom) = pair, page.bbox
    gutter = (left[2] + right[0]) / 2
    # (what crosses the white between them: a line of prose, a full-width table's rule)
    crossing = [(c["top"], c["bottom"]) for c in page.chars if c["x0"] < gutter + 2 and c["x1"] > gutter - 2]
    crossing += [(at, at) for at, a, b in _rules(page) if a < gutter < b]
    low, high = min(left[1], right[1]), max(left[3], right[3])
    if any(low - 1 < upper and lower < high + 1 for upper, lower in crossing):
        return [page]
    above = max((lower for _, lower in crossing if lower <= low), default=top)  # (the headings over both tables)
    below = min(high + 1, bottom)  # (what follows the taller of them, 三、 beneath the shorter, is the page's again,
    # unless both sides go on to the next line across, or nothing crosses to the page's foot: a gazette's page in
    # two columns, a table's head or a heading at the foot of the left one, prose in the right or none)
    until = min((upper for upper, _ in crossing if upper > high), default=bottom)
    rest = [c for c in page.chars if high < c["top"] and c["bottom"] < until and c["text"].strip()]
    if until >= bottom or (any(c["x1"] <= gutter for c in rest) and any(c["x0"] >= gutter for c in rest)):
        below = until
    # (each character in one part whole: a line's bottom on the band's edge is above it, not in it too)
    parts = [page.within_bbox((x0, top, x1, above))] if above > top else []
    parts += [page.within_bbox((x0, above, gutter, below)), page.within_bbox((gutter, above, x1, below))]
    return parts + ([page.within_bbox((x0, below, x1, bottom))] if below < bottom else [])


_RULE_JOIN = 2.0  # points: a rule's segments drawn end to end (a table's cell borders, one a cell) are one rule


def _rules(page) -> list[tuple[float, float, float]]:
    """The page's horizontal rules (top, left, right), the segments of one rule joined: a table whose cells each
    draw their own border draws a rule across the page in pieces that end where its cells do."""
    rules: list[tuple[float, float, float]] = []
    for top, edges in itertools.groupby(sorted((round(e["top"]), e["x0"], e["x1"]) for e in page.horizontal_edges),
                                        key=itemgetter(0)):
        for _, left, right in edges:
            if rules and rules[-1][0] == top and left <= rules[-1][2] + _RULE_JOIN:
                rules[-1] = (top, rules[-1][1], max(right, rules[-1][2]))
            else:
                rules.append((top, left, right))
    return rules


_SECTION_GAP = 1.5  # times a column's line pitch: the space above a heading that starts the page's next part
_PART_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}[、.．]")  # 二、主动公开政府信息情况: a report's part


def _without_tail_below(run: list[list[dict]], x: float) -> None:
    """A band's lines without those below both columns' end from one that heads a report's part or stands a
    section's gap below the line above it: a heading under the columns (二、主动公开政府信息情况 below a two-column
    总体情况), read after them, not as the left column's last line."""
    right = [k for k, line in enumerate(run) if any(c["x0"] >= x for c in line)]
    if not right:
        return
    tops = [line[0]["top"] for line in run[:right[-1] + 1] if any(c["x1"] <= x for c in line)]
    steps = sorted(b - a for a, b in itertools.pairwise(tops))
    for k in range(right[-1] + 1, len(run)):
        if _PART_HEADING.match(unicodedata.normalize("NFKC", "".join(c["text"] for c in run[k][:3]))) \
                or (steps and run[k][0]["top"] - run[k - 1][0]["top"] > _SECTION_GAP * steps[len(steps) // 2]):
            del run[k:]
            return


def _columns_text(page, bands: list[tuple[float, float, float]], tolerance: float,
                  rows: list[tuple[float, str, float, float]]) -> str:
    """The page's text with each band of two columns read left column first, then the right; a ruled table's rows
    (top, line, left, right) in their place, in a column or across the page."""
    x0, top, x1, bottom = page.bbox
    parts: list[str] = []

    def strip(left: float, upper: float, right: float, lower: float) -> None:
        box = page.within_bbox((left, upper, right, lower))
        inside = [(t, line) for t, line, a, b in rows if upper <= t < lower and left - 1 <= (a + b) / 2 <= right + 1]
        if not inside:  # (text alone: as the page's text is read where no table is ruled)
            parts.append(box.extract_text(x_tolerance=_LETTER_GAP.get(), y_tolerance=tolerance) or "")
            return
        lines = inside + [(line["top"], line["text"])
                          for line in box.extract_text_lines(x_tolerance=_LETTER_GAP.get(), y_tolerance=tolerance)]
        parts.append("\n".join(text for _, text in sorted(lines, key=lambda item: item[0])))

    at = top
    for band_top, band_bottom, x in bands:
        upper, lower = max(at, band_top - 0.5), min(bottom, band_bottom + 0.5)
        if upper > at:
            strip(x0, at, x1, upper)
        strip(x0, upper, x, lower)
        strip(x, upper, x1, lower)
        at = lower
    if at < bottom:
        strip(x0, at, x1, bottom)
    return "\n".join(part for part in parts if part)


def _plain_text(page, tolerance: float) -> str:
    """The page's text without its ruled tables' cells: its lines top to bottom, a band printed in two columns
    a column at a time, a borderless table's rows with a blank cell in tabs (``_with_blank_cells``)."""
    if bands := _column_bands(page, tolerance):
        return _columns_text(page, bands, tolerance, [])
    text = page.extract_text(x_tolerance=_LETTER_GAP.get(), y_tolerance=tolerance) or ""
    if not _BLANK_CELL_CANDIDATE.search(text):
        return text
    lines = page.extract_text_lines(x_tolerance=_LETTER_GAP.get(), y_tolerance=tolerance)
    placed = _with_blank_cells(lines)
    return "\n".join(placed) if placed is not None else text


_BLANK_CELL_CANDIDATE = re.compile(r"\S \d+ \d+(?: |$)", re.MULTILINE)  # (a line of two numbers apart at least)
# The columns (middles, pitch) of the document's last borderless table placed: its rows on the next page are too few
# to tell them.
_TABLE_COLUMNS: ContextVar[tuple[list[float], float] | None] = ContextVar("table_columns", default=None)


def _words(line: dict) -> list[tuple[str, float, float]]:
    """A text line's words (text, left, right) as the line's text parts them, each placed by its characters."""
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    words, at = [], 0
    for word in line["text"].split():
        placed = chars[at:at + len(word)]
        if "".join(c["text"] for c in placed) != word:
            return []  # (characters the text does not show one for one: no places to read)
        words.append((word, placed[0]["x0"], placed[-1]["x1"]))
        at += len(word)
    return words


def _with_blank_cells(lines: list[dict]) -> list[str] | None:
    """The lines' texts with a borderless table's short rows placed in its columns (``blank_cells_placed``), or
    None if no row is short; a table's last rows on the next page in the columns of the one before."""
    placed, columns = blank_cells_placed([(line["text"], _words(line)) for line in lines], " ", _TABLE_COLUMNS.get())
    _TABLE_COLUMNS.set(columns)
    return placed


def _page_text(page, tolerance: float) -> tuple[str, bool]:
    """The page's lines top to bottom (a band printed in two columns a column at a time), and whether a grid
    supplied any."""
    rows, taken, spans = _grid_rows(page, tolerance)
    if not rows:
        return _plain_text(page, tolerance), False
    rest = page.filter(lambda obj: id(obj) not in taken)
    if bands := _column_bands(rest, tolerance, [(t, a, b) for (t, _), (a, b) in zip(rows, spans, strict=True)]):
        return _columns_text(rest, bands, tolerance, [(t, line, a, b) for (t, line), (a, b) in zip(rows, spans)]), True
    text_lines = rest.extract_text_lines(x_tolerance=_LETTER_GAP.get(), y_tolerance=tolerance)
    placed = _with_blank_cells(text_lines) or [line["text"] for line in text_lines]
    lines = rows + [(line["top"], text) for line, text in zip(text_lines, placed, strict=True)]
    lines.sort(key=lambda item: item[0])
    return "\n".join(text for _, text in lines), True


def table_fit(text: str) -> tuple[int, int]:
    """How tables 3 and 4 read: value rows printing the form's width, and rows
    printing another width (a grid that split or merged columns)."""
    from .. import forms
    from ..extraction.layout import locate
    from ..extraction.tables import fit
    from .document import body_lines

    layout = locate(body_lines(text))
    good = bad = 0
    for table, widths in (("t3", (len(forms.T3_COLUMNS),)),
                          ("t4", (len(forms.T4_COLUMNS), len(forms.T4_GROUPS) * len(forms.T4_COLUMNS)))):
        for row in layout.rows(table):
            if row.has_values:
                if len(fit(row.cells, max(widths))) in widths:
                    good += 1
                else:
                    bad += 1
    return good, bad


def _check_text_layer(page_texts: list[str], path: str) -> None:
    """A scan (perhaps stamped with page numbers) or unmapped glyph codes is not text. A page of text
    is a text layer, however many blank pages follow it (a report and a long blank or footer-only tail)."""
    pages = len(page_texts)
    glyphs = sum(len(_CID.findall(page)) for page in page_texts)
    counts = [sum(1 for ch in _CID.sub("", page) if not ch.isspace()) for page in page_texts]
    chars = sum(counts)
    if glyphs > chars:
        raise errors.NeedsOCR(path, "its fonts do not map glyphs to characters")
    if chars < _MIN_CHARS_PER_PAGE * pages and max(counts, default=0) < _TEXT_PAGE:
        raise errors.NeedsOCR(path, f"{chars} characters of text on {pages} page{'s' if pages > 1 else ''}"
                              if chars else "")


def _walk_within(pdf, limit: int, path: str) -> None:
    """Walk the page tree lazily up to one page past the limit: the count a PDF
    declares may lie, and pdfplumber's page list would walk the whole tree."""
    from pdfminer.pdfpage import PDFPage

    if sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), limit + 1)) > limit:
        raise errors.OverLimit(path, f"more than the {limit}-page limit")


def _set_on_baselines(page) -> None:
    """Every upright character's box moved (in place, its height kept) to stand on its baseline.

    pdfminer hangs a glyph's box below the baseline by its font's descent, and fonts differ:
    Chromium sets digits in a Latin font whose box hangs 3.5pt lower at 16pt than the Chinese
    beside them, and further at a title's size, so the year left its title (洛阳市人民政府 年…报告
    / 2019) and a sentence lost its numbers to a line of their own. The characters of one line
    share their baseline, whatever their font."""
    for char in page.chars:
        a, b, c, d, _, baseline_y = char["matrix"]
        if b or c or a <= 0 or d <= 0:  # rotated or mirrored: its box is no line's height
            continue
        baseline = char["bottom"] + char["y0"] - baseline_y  # in the page's top-down coordinates
        shift = baseline - char["bottom"]
        char["top"] += shift
        char["doctop"] += shift
        char["bottom"] = baseline
        char["y0"], char["y1"] = char["y0"] - shift, char["y1"] - shift


_SKEW_MIN, _SKEW_MAX = 0.2, 5.0  # degrees: a scan set a little askew (less drifts a row under 2pt across a page)
_SKEW_SPREAD = 0.1  # degrees the characters of one skewed page stay within of their median
_SKEW_SHARE = 0.8  # share of a page's characters drawn at that one angle, at least


def _tilt(dx: float, dy: float) -> float:
    """A segment's angle from the nearer of horizontal and vertical, in degrees (positive: turned anticlockwise)."""
    angle = math.degrees(math.atan2(dy, dx)) % 90
    return angle - 90 if angle > 45 else angle


def _deskewed(page):
    """A page whose text is drawn turned by one small angle (a scan set a little askew and its OCR text layer, each
    word written along the tilted line; its table's rules drawn tilted too) read as the scan deskewed: what is drawn
    at that angle, characters and rules, turned back by it around the page's middle (the rest, drawn upright, as it
    is). Read tilted, a wide table row's cells drifted a line's height up or down across the page and took the next
    row's figures (行政处罚 read 行政强制's 43), and tilted rules made no grid. Pages of upright text as they are."""
    chars = page.chars
    if not any(c["matrix"][1] for c in chars):  # (nearly every page: one look)
        return page
    angles = sorted(math.degrees(math.atan2(c["matrix"][1], c["matrix"][0])) for c in chars if c["text"].strip())
    if not angles:
        return page
    skew = angles[len(angles) // 2]
    if not _SKEW_MIN <= abs(skew) <= _SKEW_MAX:
        return page
    if sum(1 for a in angles if abs(a - skew) <= _SKEW_SPREAD) < _SKEW_SHARE * len(angles):
        return page
    cos, sin = math.cos(math.radians(skew)), math.sin(math.radians(skew))
    mid_x, mid_top = (page.bbox[0] + page.bbox[2]) / 2, (page.bbox[1] + page.bbox[3]) / 2

    def back(point: tuple[float, float]) -> tuple[float, float]:  # (from the top down: anticlockwise is y's minus)
        dx, dt = point[0] - mid_x, point[1] - mid_top
        return mid_x + dx * cos - dt * sin, mid_top + dx * sin + dt * cos

    def at_skew(char: dict) -> bool:
        return abs(math.degrees(math.atan2(char["matrix"][1], char["matrix"][0])) - skew) <= _SKEW_SPREAD

    def turned_char(char: dict) -> dict:
        a, b, c, d, e, f = char["matrix"]
        width, height = char["x1"] - char["x0"], char["bottom"] - char["top"]
        across = abs(sin)  # the box of a glyph turned: its own width and height, each leaning into the other
        scale = cos * cos - across * across
        upright = (width * cos - height * across) / scale, (height * cos - width * across) / scale
        size = upright[0] if abs(char["size"] - width) < abs(char["size"] - height) else upright[1]  # (pdfminer's)
        width, height = upright
        x, top = back(((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2))
        down = char["top"] + char["y1"]  # (the height pdfminer's y counts up from)
        e, baseline = back((e, down - f))
        top, bottom = top - height / 2, top + height / 2
        return {**char, "x0": x - width / 2, "x1": x + width / 2, "top": top, "bottom": bottom,
                "doctop": top + char["doctop"] - char["top"], "y0": down - bottom, "y1": down - top,
                "width": width, "height": height, "size": size,
                "matrix": (math.copysign(math.hypot(a, b), a), 0.0, 0.0, math.copysign(math.hypot(c, d), d),
                           e, down - baseline)}

    def square(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """The points turned back, each segment left a hair off horizontal or vertical set square."""
        squared = [back(points[0])]
        for point in points[1:]:
            x, top = back(point)
            if abs(_tilt(x - squared[-1][0], top - squared[-1][1])) <= _SKEW_SPREAD:
                x, top = (x, squared[-1][1]) if abs(x - squared[-1][0]) > abs(top - squared[-1][1]) else (squared[-1][0], top)
            squared.append((x, top))
        return squared

    def turned_rule(rule: dict) -> dict:
        points = rule["pts"]
        longest = max(itertools.pairwise(points), key=lambda ab: math.dist(*ab), default=None)
        if longest is None or abs(_tilt(longest[1][0] - longest[0][0], longest[0][1] - longest[1][1]) - skew) > _SKEW_SPREAD:
            return rule  # (drawn upright)
        points = square(points)
        where = dict(zip(rule["pts"], points))
        left, right = min(x for x, _ in points), max(x for x, _ in points)
        top, bottom = min(t for _, t in points), max(t for _, t in points)
        down = rule["top"] + rule["y1"]
        return {**rule, "pts": points, "x0": left, "x1": right, "top": top, "bottom": bottom, "width": right - left,
                "height": bottom - top, "doctop": top + rule["doctop"] - rule["top"], "y0": down - bottom, "y1": down - top,
                "path": [(step[0], *(where.get(p) or back(p) for p in step[1:])) for step in rule.get("path", [])]}

    objects = dict(page.objects)
    objects["char"] = [turned_char(c) if at_skew(c) else c for c in chars]
    for kind in ("line", "curve"):
        if kind in objects:
            objects[kind] = [turned_rule(rule) for rule in objects[kind]]
    from pdfplumber.page import FilteredPage

    deskewed = FilteredPage(page, lambda _: True)
    deskewed._objects = objects
    return deskewed


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_DIGITS, _MARK_CHARS, _RAISED = frozenset("0123456789"), frozenset("0123456789*"), frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹*")
_MARK_SIZE = 0.9  # a footnote mark is set smaller than its number: Word's about 2/3, a browser's 5/6, LaTeX's 0.7


def _mark_footnotes(page) -> None:
    """Digits (or an asterisk) set small and raised right after a number are its footnote mark
    (27¹): written as superscripts, which a cell's reading knows for a mark, not as more digits
    (271). Neighbours in the order the PDF draws them: a mark is drawn right after its number."""
    chars = page.chars
    for before, char in itertools.pairwise(chars):
        if char["text"] not in _MARK_CHARS or not before["size"]:
            continue
        mark = (before["text"] in _DIGITS and char["size"] <= _MARK_SIZE * before["size"]
                and before["bottom"] - char["bottom"] >= 0.2 * before["size"])
        more = (before["text"] in _RAISED and abs(char["size"] - before["size"]) < 0.01 * before["size"]
                and abs(char["bottom"] - before["bottom"]) < 0.1 * before["size"])  # the mark's next digit (12)
        if (mark or more) and -0.1 * before["size"] <= char["x0"] - before["x1"] <= 0.5 * before["size"]:
            char["text"] = char["text"].translate(_SUPERSCRIPT)


WATERMARK_SIZE = 3.5  # times the page's usual character size: a watermark, not a title


_BULLETS = frozenset("·•●▪■◆◇▶►»")  # what a site's list of links sets before each entry
_LINK_LINES = 3  # bulleted entries at one x, at least, to be a column of links
_LINK_COLUMN = 0.35  # of the page's width at most: a sidebar, not an article's column


def _without_link_column(page, usual: float):
    """The page without a site's column of links printed beside the article (a browser's print of a page with its
    sidebar: · 西湖区教育局2023年政府信息公开工作年度报告, 友情链接 …): entries set after a bullet at one x, three or
    more, the column narrow and beside lines of other text. Read across, its entries and headings ran into the
    article's title and sentences line by line (年报列表 成都市双流区教育局…). Only its characters clear of the
    article's go: a line crossing the column's edge is kept whole; the rows of a table labelled with bullets
    (numbers beside them) are no such column."""
    from pdfplumber.utils import cluster_objects

    if not usual or sum(1 for c in page.chars if c["text"] in _BULLETS) < _LINK_LINES:
        return page  # (most pages: no list of links, no lines to gather)
    chars = [c for c in page.chars if c["text"].strip() and c.get("upright", True)]
    lines = [sorted(line, key=itemgetter("x0")) for line in cluster_objects(chars, "top", _line_tolerance(usual))]

    def run_from(line: list[dict], k: int) -> list[dict]:
        """The characters set close from ``k`` on (to a gap wider than a character)."""
        end = k + 1
        while end < len(line) and line[end]["x0"] - line[end - 1]["x1"] <= usual:
            end += 1
        return line[k:end]

    entries = []  # (x, the entry's characters)
    for line in lines:
        for k, c in enumerate(line):
            if c["text"] not in _BULLETS or (k and c["x0"] - line[k - 1]["x1"] <= usual):
                continue
            entry = run_from(line, k)
            if any(_HAN.match(n["text"]) for n in entry):
                entries.append((round(c["x0"]), entry))
    for x in sorted({x for x, _ in entries}):
        column = [entry for at, entry in entries if abs(at - x) <= 2]
        left, right = x - 2, max(c["x1"] for entry in column for c in entry) + 2
        if len(column) < _LINK_LINES or right - left > _LINK_COLUMN * page.width:
            continue
        upper = min(entry[0]["top"] for entry in column) - 2 * usual
        lower = max(entry[0]["bottom"] for entry in column) + 2 * usual
        gone, beside = set(), []
        for line in lines:
            if not upper <= line[0]["top"] <= lower or any(c["x0"] < left < c["x1"] or c["x0"] < right < c["x1"]
                                                           for c in line):
                continue
            inside = [c for c in line if left <= c["x0"] and c["x1"] <= right]
            outside = [c for c in line if c["x1"] <= left or c["x0"] >= right]
            if all(abs(a["x0"] - b["x1"]) > usual and abs(b["x0"] - a["x1"]) > usual for a in inside for b in outside):
                gone.update(id(c) for c in inside)
                beside += [outside] if outside else []
        if not beside or sum(1 for rest in beside if sum(1 for c in rest if _HAN.match(c["text"])) >= 2) * 2 < len(beside):
            continue  # (alone on the page, or a table's bulleted labels with numbers beside them)
        if gone:
            return _without_link_column(page.filter(lambda obj, gone=gone: id(obj) not in gone), usual)
    return page


_MARGIN_NUMBERS = 5  # numbered lines at least, for a margin of line numbers


def _without_line_numbers(page, usual: float):
    """The page without a margin of line numbers (legal paper's 1–30 down the left edge): numbers counting up by
    one, aligned at one edge, clear of every character of the text. Read across, each joined the line beside it,
    breaking sentences (结转下 / 9 / 年度继续办理12件) and adding a number to table rows. A table's own 序号 column
    sits inside the text's edges, its rules around it; a year or a figure starting a line is not clear of them."""
    from pdfplumber.utils import cluster_objects

    text = [c for c in page.chars if not c["text"].isdecimal() and not c["text"].isspace()]
    if not usual or not text:
        return page
    left = min(c["x0"] for c in text) - usual / 2
    right = max(c["x1"] for c in text) + usual / 2
    gone: set[int] = set()
    for outside in (lambda c: c["x1"] < left, lambda c: c["x0"] > right):
        digits = [c for c in page.chars if c["text"].isdecimal() and outside(c)]  # (² is a digit, no decimal)
        if len(digits) < _MARGIN_NUMBERS:
            continue
        numbers = [sorted(line, key=itemgetter("x0")) for line in cluster_objects(digits, "top", _line_tolerance(usual))]
        values = [int("".join(c["text"] for c in number)) for number in numbers]
        steps = sum(1 for a, b in itertools.pairwise(values) if b == a + 1)
        edges = [number[-1]["x1"] for number in numbers], [number[0]["x0"] for number in numbers]
        aligned = any(max(edge) - min(edge) <= 2 for edge in edges)
        if len(numbers) >= _MARGIN_NUMBERS and aligned and steps >= 0.8 * (len(numbers) - 1):
            gone.update(id(c) for number in numbers for c in number)
    if not gone:
        return page
    return page.filter(lambda obj: id(obj) not in gone)


def _without_watermark(page, usual: float):
    """The page without text laid over it: characters slanted (not at a multiple of 90°: a
    rotated label is still text) or WATERMARK_SIZE times the usual size. A watermark's digits
    (电话 0954-7012345) otherwise join the numbers of the cells they cross."""
    if not usual:
        return page

    def overlaid(obj: dict) -> bool:
        a, b = obj["matrix"][:2]
        slant = math.degrees(math.atan2(b, a)) % 90
        return 5 < slant < 85 or obj["size"] >= WATERMARK_SIZE * usual

    if not any(overlaid(c) for c in page.chars):
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or not overlaid(obj))


def _white(color) -> bool:
    """Whether a fill colour is white: gray 1 (a box's is a number), RGB 1 1 1 or CMYK 0 0 0 0 (None is the default
    black)."""
    if isinstance(color, (int, float)):
        return color == 1
    if not isinstance(color, (tuple, list)) or not color:
        return False
    return all(v == 0 for v in color) if len(color) == 4 else all(v == 1 for v in color)


_LAYER_HEAD = 12  # characters a text layer's start is known again by
_SAME_LAYER = 0.8  # likeness of two runs of a page's text that are one text twice


def _one_text_layer(page):
    """A page whose text is drawn twice, one layer after the other in its content stream (a word
    processor's text under a searchable scan's invisible OCR layer, or a scan with two OCR layers, a
    few points apart): its first layer alone. Read together, every character came twice (225544 for
    254) and the page was no report. Pages of one layer as they are."""
    import difflib

    chars = page.chars
    text = "".join(unicodedata.normalize("NFKC", c["text"])[:1] or " " for c in chars)  # OCR writes ( for （
    if len(text) < 4 * _LAYER_HEAD:
        return page
    again = text.find(text[:_LAYER_HEAD], 1)
    if again < 0 or not 0.8 <= again / (len(text) - again) <= 1.25:
        return page
    if difflib.SequenceMatcher(None, text[:again], text[again:], autojunk=False).quick_ratio() < _SAME_LAYER:
        return page
    second = {id(c) for c in chars[again:]}
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in second)


def _visible(page):
    """The page without the characters a reader cannot see: wholly outside its crop box (a leftover title above
    the page, a column past its edge, a reviewer's note cropped off; one the edge cuts shows in part, as a table's first
    column set a little past the margin's), its middle outside the clipping path (an old figure drawn past its cell's
    clip, into the next cell; a cell's tail its clip cuts off: "12      (2024: 9)"; where most of the page's text is
    clipped, none: a clip misread), white on no coloured fill (an
    old draft's numbers left under the table in white), drawn invisibly among more text drawn to be seen (a
    searchable scan's text layer is all invisible: read), or too small to read (1pt, beside text ten times its
    size). Read, they joined the visible figures (167147 for 167) or gave the report another year."""
    left, top, right, bottom = page.cropbox  # as the page's characters are placed: from its top left
    fills: list[dict] | None = None
    chars = page.chars
    unseen_mode = sum(1 for c in chars if c.get("render_mode") == _INVISIBLE)
    invisible = bool(unseen_mode) and unseen_mode * 2 <= len(chars)
    cut = sum(1 for c in chars if c.get("clipped"))
    clipped = bool(cut) and cut * 2 <= len(chars)  # (most of a page clipped away: a clip misread, not text hidden)
    sizes = sorted(c["size"] for c in chars)
    tiny = min(_TINY_TEXT, _TINY_SHARE * sizes[len(sizes) // 2]) if sizes else 0.0

    def hidden(char: dict) -> bool:
        nonlocal fills
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if char["x1"] <= left or char["x0"] >= right or char["bottom"] <= top or char["top"] >= bottom \
                or char["size"] < tiny:
            return True
        if (invisible and char.get("render_mode") == _INVISIBLE) or (clipped and char.get("clipped")):
            return True
        if not _white(char.get("non_stroking_color")):
            return False
        if fills is None:
            fills = [r for r in page.rects if r.get("fill") and not _white(r.get("non_stroking_color"))]
        return not any(r["x0"] <= x <= r["x1"] and r["top"] <= y <= r["bottom"] for r in fills)

    unseen = {id(char) for char in chars if hidden(char)}
    return page.filter(lambda obj: id(obj) not in unseen) if unseen else page


def _uncovered(page):
    """The page without the characters a white box painted later covers (a correction patch: the old figure printed,
    a white box over it, the new one printed on it): read, the old figure ran into the new (3537 for 37). Boxes
    painted before the text (a cell's background) cover nothing."""
    if not any(r.get("fill") and _white(r.get("non_stroking_color")) for r in page.rects):
        return page  # (nearly every page: one look)
    from pdfminer.layout import LTChar, LTFigure, LTRect

    drawn: list[tuple[str, tuple]] = []  # in the content stream's order: chars' keys, white boxes' bounds

    def walk(container) -> None:
        for obj in container:
            if isinstance(obj, LTFigure):
                walk(obj)
            elif isinstance(obj, LTChar):
                drawn.append(("char", (round(obj.x0, 2), round(obj.y0, 2), obj.get_text(),
                                       (obj.x0 + obj.x1) / 2, (obj.y0 + obj.y1) / 2)))
            elif isinstance(obj, LTRect) and obj.fill and _white(obj.non_stroking_color):
                drawn.append(("box", (obj.x0, obj.y0, obj.x1, obj.y1)))

    walk(page.layout)
    covered: Counter = Counter()  # (a character drawn again on the box, where it was: only its first drawing covered)
    boxes: list[tuple] = []
    for kind, what in reversed(drawn):  # (each char against the boxes painted after it)
        if kind == "box":
            boxes.append(what)
        elif boxes:
            x, y = what[3:]  # (its middle: a character more than half under a box is gone)
            if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes):
                covered[what[:3]] += 1
    if not covered:
        return page
    dropped = set()
    for char in page.chars:  # (in the stream's order: the covered drawings first)
        key = (round(char["x0"], 2), round(char["y0"], 2), char["text"])
        if covered[key]:
            covered[key] -= 1
            dropped.add(id(char))
    return page.filter(lambda obj: id(obj) not in dropped)


_TINY_TEXT = 2.5  # points: text smaller is no one's to read (a page's note in 1pt) …
_TINY_SHARE = 0.35  # … when its page's usual text is this many times larger


_RULE_THICKNESS_MAX = 2.0  # points: a rule, not a filled box
_CHAR_HEIGHT_MAX = 40.0  # points: the tallest character a strike is looked for across
_STRIKE_SLACK = 2.0  # points a strike may run past the characters it crosses


def _unstruck(page):
    """The page without the characters struck through: a thin horizontal rule across a character's middle,
    not its foot (an underline), that covers the characters it crosses and no more and stands alone at its
    height (a cell's edge runs on into the next cell's: a table drawn over another's text, as a stale copy
    behind a page's table is, crosses its characters too). A corrected figure's old value struck and left
    beside the new one (45 47) was read with it (4547)."""
    rules = [(o["x0"], o["x1"], (o["top"] + o["bottom"]) / 2) for o in (*page.lines, *page.rects)
             if o["bottom"] - o["top"] <= _RULE_THICKNESS_MAX and o["x1"] - o["x0"] > 1]
    if not rules:
        return page
    chars = sorted(page.chars, key=lambda c: c["top"])
    tops = [c["top"] for c in chars]
    tallest = min(_CHAR_HEIGHT_MAX, max((c["bottom"] - c["top"] for c in chars), default=0.0))
    at_height: dict[int, list[tuple[float, float, float]]] = {}  # the rules by height, to find a rule's neighbours
    for rule in rules:
        at_height.setdefault(round(rule[2]), []).append(rule)
    struck: set[int] = set()
    for x0, x1, y in rules:
        crossed = []
        for char in chars[bisect.bisect_left(tops, y - tallest):bisect.bisect_right(tops, y)]:
            height, width = char["bottom"] - char["top"], char["x1"] - char["x0"]
            if (char["top"] + 0.3 * height <= y <= char["bottom"] - 0.25 * height
                    and min(x1, char["x1"]) - max(x0, char["x0"]) >= 0.6 * width):
                crossed.append(char)
        if not crossed:
            continue
        slack = max(_STRIKE_SLACK, 0.6 * max(c["x1"] - c["x0"] for c in crossed))
        covers = x0 >= min(c["x0"] for c in crossed) - slack and x1 <= max(c["x1"] for c in crossed) + slack
        near = (rule for h in (round(y) - 1, round(y), round(y) + 1) for rule in at_height.get(h, ()))
        alone = not any(abs(y - other_y) <= 0.5 and (x0, x1) != (a, b) and a <= x1 + 1 and b >= x0 - 1
                        for a, b, other_y in near)
        if covers and alone:
            struck.update(id(c) for c in crossed)
    return page.filter(lambda obj: id(obj) not in struck) if struck else page


_FONT_SIZE = re.compile(rb"([\d.]+)\s+Tf")
_HIDDEN_ANNOTATION = 2 | 32  # the Hidden and NoView flags: shown on no screen
_VALUE_MAX = 200  # characters of a field's or a typed box's text: a figure, a line; not a hostile megabyte
_ANNOTATIONS_MAX = 5000  # a page's annotations looked at: a form's fields are hundreds
_ADDED_MAX = 20_000  # characters fields and boxes add to a page at most: more than any page prints
_STRUCK_MAX = 500  # strike-outs a page is read with at most: a correction per figure of its tables


def _name(value) -> str:
    return getattr(value, "name", value if isinstance(value, str) else "")


def _annotation_text(data: dict) -> str | None:
    """What a viewer shows an annotation as on the page: a text field's value (its own /V, or its field's),
    a typed box's (FreeText) contents; None for any other (links, notes behind an icon, a check box)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    kind = _name(data.get("Subtype"))
    if kind == "FreeText":
        raw = data.get("Contents")
    elif kind == "Widget":
        field, raw, field_type = data, None, None
        for _ in range(8):  # a widget's field and the fields above it (limited: a loop of /Parent is no tree)
            field = resolve1(field) if field is not None else None
            if not isinstance(field, dict):
                break
            raw = raw if raw is not None else resolve1(field.get("V"))
            field_type = field_type or _name(resolve1(field.get("FT")))
            field = field.get("Parent")
        if field_type != "Tx":
            return None
    else:
        return None
    if isinstance(raw, bytes):
        raw = decode_text(raw)
    return raw.strip()[:_VALUE_MAX] if isinstance(raw, str) and raw.strip() else None


# A correction a note on a figure gives (此数应为1, 更正为 240, 应为0件, 更正：8): the figure that replaces the one marked.
_CORRECTED_TO = re.compile(r"(?:应为|应是|更正为|改为|修改为|修正为|订正为|正确为|更正)\s*[：:]?\s*[“\"]?"
                           r"(-?\d[\d,]*(?:\.\d+)?)\s*(?:件|条|个|项|人次|万元|元)?\s*[”\"]?")
_FIGURE_ALONE = re.compile(r"\s*(-?\d[\d,]*(?:\.\d+)?)\s*(?:件|条|个|项|人次|万元|元)?\s*")
_FIGURE_CHARS = frozenset("0123456789.,-")
_MARKS = frozenset({"StrikeOut", "Ink", "Square", "Circle", "Highlight", "Underline", "Squiggly"})
_NOTE_REACH = 24.0  # points between a sticky note's icon and the mark it remarks on, at most (the icon is 18 wide)


def _corrected_figure(text: str | None, alone: bool = False) -> str | None:
    """The figure a note says a marked one should be (one correction in it, nothing but it around: 此数应为1, 更正：8), or
    with ``alone`` a typed box's figure standing alone (9); None for any other text (已核对，无误; 本项为代收代缴金额)."""
    if not text:
        return None
    if alone and (whole := _FIGURE_ALONE.fullmatch(text)):
        return whole[1]
    found = list(_CORRECTED_TO.finditer(text))
    return found[0][1] if len(found) == 1 and not re.search(r"\d", text[found[0].end():]) else None


def _with_annotations(page):
    """The page with the text its form fields and typed boxes show (a PDF form's values, figures typed onto a
    printed blank form), placed in their boxes as characters, and without the characters a strike-out
    annotation crosses (a correction: the old figure struck, the new one typed beside it). They are no part
    of the page's content stream: read alone, every such cell was empty, and a struck figure was read.

    A publisher correcting a printed figure with comments marks it and gives the right one: a typed box over it
    (9, 更正：8), a box, cross or strike-out whose note says 此数应为1, or whose sticky note beside it says 更正为 240.
    The viewer shows the corrected figure over the printed one: the printed figure's characters give way to it,
    placed where it stood (read both, 563 over 573 was 563573; read without the notes, the misprint stood)."""
    from pdfminer.pdftypes import resolve1

    try:
        annotations = page.annots
    except Exception:  # a damaged annotation array shows nothing; the page's own text is still read
        return page
    added: list[dict] = []
    struck: list[tuple[float, float, float, float]] = []
    replaced: list[Box] = []  # boxes whose printed figure a corrected one replaces
    marks: list[tuple[Box, str | None]] = []  # a mark's box and the figure its own note gives
    notes: list[tuple[Box, str]] = []  # sticky notes giving a figure, by their icon's box
    for annotation in annotations[:_ANNOTATIONS_MAX]:
        data = resolve1(annotation.get("data")) or {}
        if not isinstance(data, dict) or int(resolve1(data.get("F")) or 0) & _HIDDEN_ANNOTATION:
            continue
        box = (annotation["x0"], annotation["top"], annotation["x1"], annotation["bottom"])
        kind = _name(data.get("Subtype"))
        if kind == "StrikeOut":
            struck += [box] if len(struck) < _STRUCK_MAX else []
        if kind in _MARKS and len(marks) < _STRUCK_MAX:
            marks.append((box, _corrected_figure(_contents(data))))
        elif kind == "Text" and len(notes) < _STRUCK_MAX and (figure := _corrected_figure(_contents(data))):
            notes.append((box, figure))
        elif len(added) < _ADDED_MAX and (text := _annotation_text(data)) is not None:
            figure = _corrected_figure(text, alone=True) if kind == "FreeText" else None
            replaced += [box] if figure else []  # (typed into a blank cell, it replaces nothing)
            added += _placed_characters(figure or text, box, data, page)
    for box, figure in _noted(marks, notes):
        if len(added) < _ADDED_MAX:
            replaced.append(box)
            added += _placed_characters(figure, box, {"Q": 1}, page)
    if not added and not struck and not replaced:
        return page
    return _annotated_page_class()(page, added, struck, replaced)


def _contents(data: dict) -> str | None:
    """An annotation's note (/Contents), as text."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    raw = resolve1(data.get("Contents"))
    raw = decode_text(raw) if isinstance(raw, bytes) else raw
    return raw.strip()[:_VALUE_MAX] if isinstance(raw, str) else None


def _noted(marks: list[tuple[Box, str | None]], notes: list[tuple[Box, str]]) -> list[tuple[Box, str]]:
    """Each marked figure's correction: its own note's, else the nearest sticky note's within reach, a note to one
    mark. Of two marks a note touches (figures side by side), the one it is put at the end of: a note's icon is put
    where its mark ends, its top left corner at the mark's top right."""
    found = [(box, figure) for box, figure in marks if figure]
    bare = [box for box, figure in marks if not figure]

    def gap(a: Box, b: Box) -> float:
        return math.hypot(max(0.0, a[0] - b[2], b[0] - a[2]), max(0.0, a[1] - b[3], b[1] - a[3]))

    pairs = sorted((gap(note, mark), abs(note[0] - mark[2]) + abs(note[1] - mark[1]), n, m)
                   for n, (note, _) in enumerate(notes) for m, mark in enumerate(bare) if gap(note, mark) <= _NOTE_REACH)
    used_notes: set[int] = set()
    used_marks: set[int] = set()
    for _, _, n, m in pairs:
        if n not in used_notes and m not in used_marks:
            used_notes.add(n)
            used_marks.add(m)
            found.append((bare[m], notes[n][1]))
    return found


def _placed_characters(text: str, box: tuple[float, float, float, float], data: dict, page) -> list[dict]:
    """A field's or box's text as characters in its box, line by line, aligned as its /Q says."""
    from pdfminer.pdftypes import resolve1

    x0, top, x1, bottom = box
    appearance = resolve1(data.get("DA"))  # the default appearance: /Helv 9 Tf 0 g
    found = _FONT_SIZE.search(appearance) if isinstance(appearance, bytes) else None
    lines = text.splitlines() or [text]
    size = float(found.group(1)) if found and float(found.group(1)) > 0 else min(12.0, (bottom - top) / len(lines) * 0.7)
    size = max(size, 1.0)
    align = int(resolve1(data.get("Q")) or 0)
    chars = []
    start = top + max(0.0, (bottom - top - size * len(lines)) / 2)
    for k, line in enumerate(lines):
        widths = [size * (0.55 if ord(c) < 0x2E80 else 1.0) for c in line]
        left = x0 + 2 if align == 0 else x1 - 2 - sum(widths) if align == 2 else (x0 + x1 - sum(widths)) / 2
        line_top = start + k * size * 1.2
        for char, width in zip(line, widths):
            chars.append({"text": char, "x0": left, "x1": left + width, "top": line_top, "bottom": line_top + size,
                          "doctop": page.initial_doctop + line_top, "y0": page.height - line_top - size,
                          "y1": page.height - line_top, "width": width, "height": size, "size": size, "adv": width,
                          "upright": True, "matrix": (size, 0.0, 0.0, size, left, page.height - line_top - size),
                          "fontname": "annotation", "object_type": "char", "page_number": page.page_number,
                          "non_stroking_color": (0.0,), "stroking_color": (0.0,), "ncs": "DeviceGray",
                          "mcid": None, "tag": None})
            left += width
    return chars


def _with_actual_text(page):
    """The page with the characters drawn inside an /ActualText span replaced by its text (``_interpreter``): what
    tagged-PDF exporters (Word's, a typesetter's) give for glyphs whose font maps them to the wrong characters or to
    none (a subset font without a ToUnicode, or with one mapping its digits to private-use codes, to letters, to the
    next digit), for a ligature, for a fake-bold copy (an empty ActualText: the glyphs stand for nothing). Read as
    drawn, such a figure was unreadable, or read wrong (1 for 0), or twice (2211 for 21). The text takes its glyphs'
    place, in their font and size (``_actual_characters``); where spans nest, the outermost's."""
    from pdfplumber.page import FilteredPage

    chars = page.chars
    if not any("actual_text" in char for char in chars):
        return page
    spans: dict[int, list[dict]] = {}
    for char in chars:
        if (span := char.get("actual_text")) is not None:
            spans.setdefault(span[0], []).append(char)
    kept: list[dict] = []
    added = 0
    for char in chars:
        span = char.get("actual_text")
        if span is None or (span[0] in spans and added > _ADDED_MAX):  # (past the most a page is given: as drawn)
            kept.append(char)
        elif (glyphs := spans.pop(span[0], None)) is not None:  # (at a span's first glyph; its others go)
            replacement = _actual_characters(span[1], glyphs)
            added += len(replacement)
            kept += replacement
    replaced = FilteredPage(page, lambda _: True)
    replaced._objects = {**page.objects, "char": kept}
    return replaced


def _actual_characters(text: str, glyphs: list[dict]) -> list[dict]:
    """An ActualText span's text as characters over its glyphs: one on each where there are as many (spaces
    aside, which the gaps between glyphs give), else spread in order across the lines the glyphs run on, a line's
    share of the text its share of the glyphs."""
    if len(text) == len(glyphs):
        return [{**glyph, "text": char} for glyph, char in zip(glyphs, text)]
    if not text:
        return []
    inked, letters = [glyph for glyph in glyphs if not glyph["text"].isspace()], re.sub(r"\s", "", text)
    if inked and len(letters) == len(inked):
        return [{**glyph, "text": char} for glyph, char in zip(inked, letters)]
    lines: list[list[dict]] = []
    for glyph in glyphs:  # (glyphs one after another on a line: across it, or down a line set sideways)
        last = lines[-1][-1] if lines else None
        across = "top" if glyph["upright"] else "x0"
        reach = max(1.0, (glyph["bottom"] - glyph["top"] if glyph["upright"] else glyph["x1"] - glyph["x0"]) / 2)
        if last is not None and last["upright"] == glyph["upright"] and abs(last[across] - glyph[across]) <= reach:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    chars, done = [], 0
    for line in lines:
        share = text[round(len(text) * done / len(glyphs)):round(len(text) * (done + len(line)) / len(glyphs))]
        done += len(line)
        chars += _spread(share, line) if share else []
    return chars


def _spread(text: str, line: list[dict]) -> list[dict]:
    """The text as characters spread evenly across the glyphs of a line, in the first glyph's font and size."""
    first = line[0]
    chars = []
    if first["upright"]:
        start, end = min(glyph["x0"] for glyph in line), max(glyph["x1"] for glyph in line)
        step = (end - start) / len(text)
        for k, char in enumerate(text):
            x0 = start + k * step
            chars.append({**first, "text": char, "x0": x0, "x1": x0 + step, "width": step, "adv": step,
                          "matrix": (*first["matrix"][:4], x0, first["matrix"][5])})
    else:
        start, end = min(glyph["top"] for glyph in line), max(glyph["bottom"] for glyph in line)
        step = (end - start) / len(text)
        upward = line[-1]["top"] < first["top"]  # (a line set sideways read bottom to top)
        for k, char in enumerate(text):
            shift = (end - (k + 1) * step if upward else start + k * step) - first["top"]
            chars.append({**first, "text": char, "top": first["top"] + shift, "bottom": first["top"] + shift + step,
                          "doctop": first["doctop"] + shift, "y0": first["y1"] - shift - step, "y1": first["y1"] - shift,
                          "height": step})
    return chars


@functools.cache
def _annotated_page_class():
    """A page's objects with characters added and some struck off (``_with_annotations``); made on first
    use, as pdfplumber is imported only when a PDF is read."""
    from pdfplumber.page import DerivedPage

    class AnnotatedPage(DerivedPage):
        def __init__(self, parent, added: list[dict], struck: list[Box], replaced: list[Box]):
            self.bbox = parent.bbox
            super().__init__(parent)
            self._added, self._struck, self._replaced = added, struck, replaced

        @property
        def objects(self) -> dict[str, list]:
            if not hasattr(self, "_objects"):
                def shown(char: dict) -> bool:
                    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
                    boxes = self._struck + (self._replaced if set(char["text"]) <= _FIGURE_CHARS else [])
                    return not any(a <= x <= c and b <= y <= d for a, b, c, d in boxes)

                objects = dict(self.parent_page.objects)
                objects["char"] = [c for c in objects.get("char", []) if shown(c)] + self._added
                self._objects = objects
            return self._objects

    return AnnotatedPage


def _deduped(page):
    """The page without duplicate characters (the same text, font and place within a point: fake bold draws each twice),
    as pdfplumber's ``dedupe_chars`` keeps them, in their order. pdfplumber restores the order by sorting on each
    character's ``list.index``, quadratic and inside one C call no time limit can stop (a page of 200,000 glyphs ran
    for many minutes past its limit); here by a position each character keeps."""
    from pdfplumber.page import FilteredPage
    from pdfplumber.utils.clustering import cluster_objects

    chars = page.chars
    order = {id(char): k for k, char in enumerate(chars)}
    key = itemgetter("upright", "text", "fontname", "size")
    kept = []
    for _, same in itertools.groupby(sorted(chars, key=key), key=key):
        for row in cluster_objects(list(same), itemgetter("doctop"), 1):
            kept += [min(spot, key=itemgetter("doctop", "x0")) for spot in cluster_objects(row, itemgetter("x0"), 1)]
    kept.sort(key=lambda char: order[id(char)])
    deduped = FilteredPage(page, lambda _: True)
    deduped._objects = {**page.objects, "char": kept}
    return deduped


def _read(pdf, path: str, count: int | None = None) -> str:
    """The text of the PDF's first ``count`` pages (all of them: None)."""
    limit = current().max_pdf_pages
    _walk_within(pdf, limit, path)  # the pages there are: the count a page tree declares may be a lie either way
    pages = []
    sheets: list[tuple[float, list]] = []  # each page's usual size, and the pages it prints (a sheet's two or four)
    for page in pdf.pages[:count]:
        if len(sheets) == limit:
            raise errors.OverLimit(path, f"more than the {limit}-page limit")
        page = _deskewed(_uncovered(_visible(_with_actual_text(_with_annotations(page)))))
        page = _one_text_layer(_unstruck(_deduped(page)))  # (fake bold: twice)
        _mark_footnotes(page)  # by the boxes as drawn: a mark raised by a text rise shares its number's baseline
        _set_on_baselines(page)
        usual = _usual_size(page)
        sheets.append((usual, _sheet_pages(page)))
    if any(len(parts) == 2 for _, parts in sheets):  # (sheets printing two pages each: the others too, a page blank)
        sheets = [(usual, parts if len(parts) > 1 else _sheet_halves(parts[0], among_sheets=True))
                  for usual, parts in sheets]
    printed = [(usual, part) for usual, parts in sheets for part in parts]
    if sum(1 for _, parts in sheets if len(parts) > 1) >= 2:  # (sheets printing several pages each: a booklet's?)
        usual_of = {id(part): usual for usual, part in printed}
        printed = [(usual_of[id(part)], part) for part in _in_page_order([part for _, part in printed])]
    elif len(printed) >= 2 and (ordered := _pages_by_folio([part for _, part in printed])) is not None:
        usual_of = {id(part): usual for usual, part in printed}
        printed = [(usual_of[id(part)], part) for part in ordered]
    for usual, half in printed:
        pages += [(_without_line_numbers(_without_link_column(_without_watermark(part, usual), usual), usual),
                   _line_tolerance(usual))
                  for part in _side_by_side(half, usual)]
    if not pages:
        raise errors.DamagedPDF(path, "no pages")
    read = []
    _TABLE_COLUMNS.set(None)  # (no table of another document's)
    for page, tolerance in pages:
        checkpoint()
        token = _LETTER_GAP.set(_letter_gap(page))
        try:
            read.append(_page_text(page, tolerance))
        finally:
            _LETTER_GAP.reset(token)
    text = "\n".join(without_page_furniture([page for page, _ in read]))
    _check_text_layer([page for page, _ in read], path)
    if any(gridded for _, gridded in read):
        good, bad = table_fit(text)
        if bad or not good:
            _TABLE_COLUMNS.set(None)
            plain = [_plain_text(page, tolerance) for page, tolerance in pages]
            layer = "\n".join(without_page_furniture(plain))
            plain_good, plain_bad = table_fit(layer)
            if plain_good - plain_bad > good - bad:
                return layer
    return text


# A page's number as its footer or header prints it: alone (3), or after the same words on every page
# (成都市武侯区卫生健康局 3; a spreadsheet's sheet name, Sheet1 第 2 页, its 页 as the radical ⻚ a font may map it to;
# the report's title, its year too, - 3 -: the number between dashes).
_PAGE_NUMBER_LINE = re.compile(r"(?P<words>(?:[^\t\d]|(?<=[A-Za-z])\d|(?:19|20)\d\d(?=年)){0,40}?)"
                               r"\s*第?\s*(?P<n>\d{1,3})\s*[页⻚]?(?:\s*[/，,]?\s*共\s*\d{1,3}\s*[页⻚])?\s*(?:[-—–－]+\s*)?")


# A page's number alone between dashes (- 3 -): kept with the text, which orders imposed pages by it; the extraction
# takes it out with the other page labels.
_BARE_DASHED = re.compile(r"\s*[-—–－]+\s*\d{1,3}\s*[-—–－]+\s*")


def without_page_furniture(pages: list[str]) -> list[str]:
    """The pages without their page numbers and running heads (a PDF's, or any laid-out page's)."""
    return _without_running_heads(_without_page_numbers(pages))


def _without_page_numbers(pages: list[str]) -> list[str]:
    """The pages without the line a footer or header prints the page's number on, alone or after the
    same words, as the page's last or first line: read with the text, it was a row of the table
    above it. Only numbers that go up with the pages (the page's index plus one offset, after the
    same words, on most pages that print such a line, two at least) are numbers of pages."""
    ends = {}
    for k, page in enumerate(pages):
        lines = page.rstrip("\n").split("\n")
        for at in (len(lines) - 1, 0, 1):  # (a header's second line: the first a heading's)
            if at < len(lines) and (m := _PAGE_NUMBER_LINE.fullmatch(lines[at])) is not None and not _BARE_DASHED.fullmatch(
                    lines[at]):
                ends[k] = (at, (m.group("words").strip(), int(m.group("n")) - k))
                break
    kinds = Counter(kind for _, kind in ends.values())
    if not kinds:
        return pages
    kind, count = kinds.most_common(1)[0]
    if count < 2 or count * 2 < len(ends):
        return pages
    out = list(pages)
    for k, (at, page_kind) in ends.items():
        if page_kind == kind:
            lines = pages[k].rstrip("\n").split("\n")
            out[k] = "\n".join(lines[:at] + lines[at + 1:])
    return out


def _without_running_heads(pages: list[str]) -> list[str]:
    """The pages after the first without the header or footer line they all print (the report's title,
    in English on a foreign-facing site, the site's name): inside a table broken across pages it stood
    between a row's label and its numbers, and the row was lost. A line of cells (a table's header
    repeated on each page) is kept; so is the first page's, which is the title."""
    if len(pages) < 2:
        return pages
    ends: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        ends.update({line.strip() for line in (lines[:1] + lines[-1:]) if "\t" not in line and len(line.strip()) >= 8})
    running = {line for line, count in ends.items() if count >= 2 and count * 2 >= len(pages)}
    if not running:
        return pages
    out = [pages[0]]
    for page in pages[1:]:
        lines = page.split("\n")
        filled = [k for k, line in enumerate(lines) if line.strip()]
        edges = {filled[0], filled[-1]} if filled else set()
        out.append("\n".join(line for k, line in enumerate(lines) if k not in edges or line.strip() not in running))
    return out


def _why(e: Exception, data: bytes = b"") -> str:
    """The parser's reason, after the likely cause when the file ends before its end-of-file marker:
    a download cut short reads as "Unexpected EOF", which does not say so."""
    why = str(e) or type(e).__name__
    return f"the file is cut short (no %%EOF at its end): {why}" if data and b"%%EOF" not in data[-2048:] else why


def _without_hidden_layers(data: bytes) -> bytes:
    """The PDF without the content of its layers a viewer hides (optional content groups set OFF: a
    draft kept on a switched-off layer under the final text); pdfplumber reads every layer, and the
    hidden one's digits interleave with the shown ones (34910528). Rewritten with pypdf, only for a file
    that declares layers off; a file pypdf cannot rewrite is read as it is."""
    if b"/OCProperties" not in data or b"/OFF" not in data:
        return data
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    try:
        reader = PdfReader(io.BytesIO(data))
        layers = reader.trailer["/Root"].get("/OCProperties")
        off = {getattr(ref, "idnum", None) for ref in layers.get("/D", {}).get("/OFF", [])} if layers else set()
        if not off:
            return data
        writer = PdfWriter(clone_from=reader)
        for source, page in zip(reader.pages, writer.pages):  # (the writer numbers its objects anew)
            properties = source.get("/Resources", {}).get("/Properties", {})
            hidden = {name for name, ref in properties.items() if getattr(ref, "idnum", None) in off}
            if hidden:
                content = ContentStream(page.get_contents(), writer)
                content.operations = _shown_operations(content.operations, hidden)
                page.replace_contents(content)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception:  # a file pypdf cannot rewrite: pdfplumber reads it, or says why not
        return data


def _shown_operations(operations: list, hidden: set[str]) -> list:
    """A content stream's operations without those marked as content of a hidden layer (/OC /name BDC … EMC)."""
    shown, depth = [], 0
    for operands, operator in operations:
        if depth:
            depth += 1 if operator in (b"BDC", b"BMC") else -1 if operator == b"EMC" else 0
            continue
        if operator == b"BDC" and len(operands) == 2 and operands[0] == "/OC" and operands[1] in hidden:
            depth = 1
            continue
        shown.append((operands, operator))
    return shown


def embedded_files(data: bytes) -> list[tuple[str, bytes]]:
    """The files a PDF carries (its /EmbeddedFiles, and those its pages' file-attachment annotations hold: a paper-clip
    icon on the cover), by name, each within the byte limit; none for a file without them or one pypdf cannot read."""
    if b"/EmbeddedFile" not in data and b"/FileAttachment" not in data:
        return []
    from pypdf import PdfReader

    limit = current().max_bytes
    try:
        reader = PdfReader(io.BytesIO(data))
        attachments = reader.attachments
        found = [(name, blob) for name in attachments for blob in attachments[name] if len(blob) <= limit]
        shown = reader.trailer["/Root"].get("/Collection", {}).get("/D") if b"/Collection" in data else None
    except Exception:  # pypdf raises many types on damaged files: no readable attachment
        return []
    if isinstance(shown, str):  # a portfolio's file a viewer opens first (/D): the document it presents
        found.sort(key=lambda file: file[0] != shown)
    return found + [file for file in _annotated_files(reader, limit) if file not in found]


_ANNOTATED_PAGES = 5  # pages whose file-attachment annotations are read, at most (a cover's paper clip)


def _annotated_files(reader, limit: int) -> list[tuple[str, bytes]]:
    """The files the first pages' file-attachment annotations (/Subtype /FileAttachment) carry, by name."""
    found = []
    try:
        for page in reader.pages[:_ANNOTATED_PAGES]:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") != "/FileAttachment" or "/FS" not in annotation:
                    continue
                spec = annotation["/FS"].get_object()
                streams = spec.get("/EF")
                stream = streams and (streams.get_object().get("/UF") or streams.get_object().get("/F"))
                if stream is None:
                    continue
                blob = stream.get_object().get_data()
                if len(blob) <= limit:
                    found.append((str(spec.get("/UF") or spec.get("/F") or annotation.get("/Contents") or ""), blob))
    except Exception:  # pypdf raises many types on damaged files: the attachments read so far
        pass
    return found


_SIDEWAYS = 0.3  # share of a page's characters upright, below which its text runs sideways
_TURNED = 0.7  # share upright a turned page must reach to be read turned; share upside down to be turned over
_SIDEWAYS_MIN = 20  # characters a page holds at least to be judged
# Words every report's tables and prose print, which a page read upside down prints backwards (息信府政).
_COMMON_WORDS = re.compile(r"政府|信息|公开|申请|行政|处理|复议|诉讼|本年|总计")


def _upside_down(char: dict) -> bool:
    """Set at a half turn: pdfminer counts such a glyph upright, and its page read bottom line first,
    each line backwards."""
    a, _, _, d = char["matrix"][:4]
    return a < 0 and d < 0


def _sideways(char: dict) -> bool:
    """Set at a quarter turn by its matrix (a table drawn sideways by a transform: Chromium's rotate(90deg)), which
    pdfminer may still count upright."""
    a, b, c, d = char["matrix"][:4]
    return abs(b) > abs(a) and abs(c) > abs(d)


def _reads_upright(char: dict) -> bool:
    return char["upright"] and not _sideways(char)


def _turned_upright(pdf, count: int | None = None) -> bytes | None:
    """The PDF with its pages whose text runs sideways or upside down turned upright (a wide table 3
    drawn sideways on a portrait page, or drawn upright on a page given /Rotate 90: its text read one
    glyph a line, numbers reversed, and the table lost; a sheet scanned upside down, its OCR layer
    written at a half turn), each by the turn that sets most of its characters upright and reads as
    words do; None when no page is turned (nearly every file: its pages are read as they are)."""
    limit = min(current().max_pdf_pages, count or math.inf)
    turns: dict[int, tuple[int, ...]] = {}
    for k, page in enumerate(pdf.pages[:limit]):
        if len(chars := page.chars) < _SIDEWAYS_MIN:
            continue
        if sum(_reads_upright(c) for c in chars) < _SIDEWAYS * len(chars):
            turns[k] = (90, 270)
        elif sum(_upside_down(c) for c in chars) >= _TURNED * len(chars):
            turns[k] = (180,)
    if not turns:
        return None
    import pdfplumber

    source = pdf.stream.getvalue() if hasattr(pdf.stream, "getvalue") else None
    if source is None:
        return None
    readings: dict[int, list[tuple[int, int]]] = {k: [] for k in turns}  # (words read, angle)
    for angle in (90, 180, 270):
        pages = [k for k, angles in turns.items() if angle in angles]
        if not pages:
            continue
        with pdfplumber.open(io.BytesIO(_rotated(source, dict.fromkeys(pages, angle)))) as turned:
            for k in pages:
                page = turned.pages[k]
                upright = sum(_reads_upright(c) and not _upside_down(c) for c in page.chars)
                if upright >= _TURNED * max(1, len(page.chars)):
                    # a quarter turn either way may set the glyphs upright; the right one reads as words do
                    readings[k].append((len(_COMMON_WORDS.findall(page.extract_text() or "")), angle))
    chosen = {k: max(found)[1] for k, found in readings.items() if found and max(found)[0] > 0}
    return _rotated(source, chosen) if chosen else None


def _rotated(source: bytes, angles: dict[int, int]) -> bytes:
    """The PDF with each page of ``angles`` turned by its angle (pypdf)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(source))
    for k, angle in angles.items():
        writer.pages[k].rotate(angle)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_LONG_PDF = 40  # pages: a file longer is looked through for where its report ends before it is read
# Words of the form's tables and of the report's last sections, which no annex of documents prints.
_REPORT_WORDS = ("本年新收", "上年结转", "结转下年度", "尚未审结", "其他需要报告", "存在的主要问题")


def _pages_of_report(data: bytes) -> int | None:
    """How many pages of a long PDF to read: its report followed by an annex (a catalogue of the year's documents, a
    hundred pages and more) to one page past the last page printing the report's words (the signature, the date).
    Read whole, such a file ran past the time limit and was lost. None to read every page: a short file, or one
    none of whose pages print the words (a pre-2019 report, a scan). PDFium's plain text, quick, decides."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # (pdfplumber opened it; PDFium may not)
        return None
    try:
        if len(document) <= _LONG_PDF:
            return None
        last = None
        for index in range(min(len(document), current().max_pdf_pages)):
            checkpoint()
            text = "".join(document[index].get_textpage().get_text_range().split())  # (a label broken in its cell)
            if any(word in text for word in _REPORT_WORDS):
                last = index
    except errors.ReportError:
        raise
    except Exception:  # (a page PDFium cannot load)
        return None
    finally:
        document.close()
    return None if last is None else last + 2


def _pdfium_text(data: bytes, path: str) -> str | None:
    """The text PDFium reads where pdfminer reads not one character (a CID font whose /Encoding is an embedded CMap
    stream, which pdfminer leaves unmapped: every glyph dropped): the pages' plain text, None when PDFium finds no
    text layer either. Only then: where pdfminer reads glyphs it cannot map, PDFium's guesses are no better."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # (pdfplumber opened it; PDFium may not)
        return None
    try:
        pages = []
        for index in range(min(len(document), current().max_pdf_pages)):
            checkpoint()
            text_page = document[index].get_textpage()
            pages.append(text_page.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
    except errors.ReportError:
        raise
    except Exception:  # (a page PDFium cannot load: a page tree that declares more pages than it has)
        return None
    finally:
        document.close()
    try:
        _check_text_layer(pages, path)
    except errors.NeedsOCR:
        return None
    return "\n".join(without_page_furniture(pages))


def pdf_to_text(data: bytes, path: str) -> str:
    """The report's text, table rows tab-separated where ruling lines allow.

    Raises EncryptedPDF when a password is needed, NeedsOCR when there is no
    usable text layer, DamagedPDF (a NotText) when the file cannot be parsed."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfplumber.utils.exceptions import PdfminerException

    _interpreter()

    try:
        pdf = pdfplumber.open(io.BytesIO(_without_hidden_layers(data)))
    except errors.ReportError:
        raise
    except Exception as e:  # pdfminer raises many unrelated types on damaged files
        wrapped = isinstance(e, PdfminerException) and e.args and isinstance(e.args[0], Exception)
        cause = e.args[0] if wrapped else e
        if isinstance(cause, PDFEncryptionError):
            raise errors.EncryptedPDF(path) from e
        raise errors.DamagedPDF(path, _why(cause, data)) from e
    try:
        _walk_within(pdf, current().max_pdf_pages, path)  # no page listed past the limit, turned or not
        count = _pages_of_report(data)
        if (turned := _turned_upright(pdf, count)) is not None:
            with contextlib.suppress(Exception):
                pdf.close()
            pdf = pdfplumber.open(io.BytesIO(turned))
        try:
            return _read(pdf, path, count)
        except errors.NeedsOCR as no_text:
            if no_text.detail or (text := _pdfium_text(data, path)) is None:
                raise
            return text
    except errors.ReportError:
        raise
    except Exception as e:  # pdfminer raises many unrelated types on damaged content
        if isinstance(e, PdfminerException) and e.args and isinstance(e.args[0], errors.ReportError):
            raise e.args[0] from e  # (the file's time limit, met inside pdfplumber, which wraps what it meets)
        raise errors.DamagedPDF(path, _why(e, data)) from e
    finally:
        # Closing a damaged file can raise again; that must not hide the reason above.
        # pdfplumber's close() lists every page to close it: when the pages were never
        # listed (a refused file) there is nothing to close but the in-memory stream.
        with contextlib.suppress(Exception):
            if hasattr(pdf, "_pages"):
                pdf.close()
