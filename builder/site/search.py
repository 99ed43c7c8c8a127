"""Full-text search that works in Chinese, and the report finder, small at any size.

The index maps character bigrams, ASCII words (years, 行政区划代码, English)
and the pinyin of agency and region names to document numbers. Documents are
numbered in rank order (report pages first, newest year first), so the first
hits of a posting list are its best ones. A query loads:

* ``meta.json`` and the term shards (``t/<n>.json``) of its own terms; a term
  shard holds each term's document count and, for a rare term, its postings;
* for a common term, only the pages of its postings (``p/<shard>/<k>.<page>.json``,
  ``PAGE`` postings each) that the first page of results reaches;
* the small chunks of its results (``d/<n // CHUNK>.json``, ``CHUNK`` documents in
  rank order: URL, title, kind, badge and the searchable text the snippet is cut from).

Bigrams find 政府信息公开 wherever it is written, which a word segmenter that
cuts the query differently from the page would not. Filters (province, year,
badge) are terms too (``~p64``, ``~y2023``, ``~b一致``), so the finder narrows
search results with the same intersection. The finder without a query reads
one small file per province and year (``finder/<code>-<year>.json``).

A build keeps its documents and postings beside the site (``STATE``): the next
one, when few documents changed, patches those postings and writes only the term
shards and result chunks that changed, linking the rest from the last output.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import shutil
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..datasets.outputs import link_or_copy
from ..reading.document import normalize

PAGE = 1000  # postings per page of a long posting list
INLINE = 200  # postings kept in the term shard itself
SHARD_BYTES = 24_000  # aimed size of one term shard
CHUNK = 5  # documents per result chunk: few files, yet ten scattered results load little
RESULTS = 10  # results per page of hits (site.js shows them)
FINDER_ROWS = 200  # reports the finder lists before 显示更多
UNKNOWN_PROVINCE = "00"
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*")


def terms(text: str) -> set[str]:
    """Bigrams of Chinese runs (a lone character stands for itself) and ASCII words."""
    text = normalize(text).lower()
    out: set[str] = set()
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            out.add(run)
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    out.update(_WORD.findall(text))
    return out


@lru_cache(maxsize=65536)
def syllables(name: str) -> str:
    """The pinyin of a name's Chinese characters, syllables separated by spaces (pypinyin)."""
    from pypinyin import lazy_pinyin

    readings = (re.sub(r"[^a-z]", "", s.lower()) for s in lazy_pinyin("".join(_CJK_RUN.findall(name)),
                                                                     errors="ignore"))
    return " ".join(s for s in readings if s)


@lru_cache(maxsize=1024)  # few: a long name has a hundred runs, and a national site tens of thousands of names
def syllable_runs(spoken: str) -> frozenset[str]:
    """Every run of whole syllables, and of their initials (two or more)."""
    parts = spoken.split()
    out: set[str] = set()
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            out.add("".join(parts[i:j]))
            if j - i >= 2:
                out.add("".join(s[0] for s in parts[i:j]))
    return frozenset(out)


def pinyin_terms(name: str) -> frozenset[str]:
    """Every run of whole syllables of a name's pinyin, and of their initials:
    彭阳县教育局 is found by pengyang, yangxian, jiaoyuju, pyx or jyj."""
    return syllable_runs(syllables(name))


@dataclass
class Pinyin:
    """Names' pinyin, remembered from the last build: pypinyin takes ~0.4 ms a name, and a
    national site has tens of thousands of names, nearly all of them the same as last time."""

    known: dict[str, str] = field(default_factory=dict)  # name → syllables, from the last build
    used: dict[str, str] = field(default_factory=dict)  # the names of this build (what the next one keeps)

    def terms(self, name: str) -> frozenset[str]:
        spoken = self.used.get(name)
        if spoken is None:
            spoken = self.known.get(name)
            if spoken is None:
                spoken = syllables(name)
            self.used[name] = spoken
        return syllable_runs(spoken)

    def keep(self, documents: list[dict]) -> None:
        """Carry the known readings of these documents' names into this build's, unread: a
        patched index reads only the changed documents' names, and what is not kept now
        would be read again by the next full index."""
        for document in documents:
            for name in document.get("names", ()):
                if name not in self.used and name in self.known:
                    self.used[name] = self.known[name]

    @staticmethod
    def version() -> str:
        """What the remembered readings are valid for: pypinyin's version (its dictionaries)."""
        import importlib.metadata

        return importlib.metadata.version("pypinyin")


def province_code(adcode: str) -> str:
    return adcode[:2] if adcode and adcode[:2] != "00" else UNKNOWN_PROVINCE


def facets(report: dict) -> list[str]:
    """The filter terms of a report: province, year, badge."""
    return [f"~p{province_code(report['adcode'])}", f"~y{report['year']}", f"~b{report['badge']}"]


def shard_of(term: str, shards: int) -> int:
    """Stable across Python runs and identical in site.js (CRC-32 of UTF-8)."""
    return zlib.crc32(term.encode("utf-8")) % shards


def gaps(numbers: Sequence[int]) -> list[int]:
    """Each number as its distance from the previous one: small numbers, small files."""
    return [n - before for before, n in zip(itertools.chain((0,), numbers), numbers)]


# One encoder for the index's hundreds of thousands of small values (json.dumps with options
# makes a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _json(value) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


def _dump(path: Path, value) -> int:
    data = _json(value)
    path.write_bytes(data)
    return len(data)


def rank_order(documents: list[dict]) -> list[dict]:
    """Report pages first, newest year first; the other pages after them, as given."""
    return sorted(documents, key=lambda d: (d["kind"] != "报告", -int(d.get("year") or 0)))


def _own_terms(document: dict) -> set[str]:
    """A document's terms but its names' pinyin: those of its title and text, and its filters."""
    out = terms(document["title"] + " " + document["text"])
    out.update(document.get("facets", ()))
    return out


def document_terms(document: dict, pinyin: Callable[[str], frozenset[str]] = pinyin_terms) -> set[str]:
    out = _own_terms(document)
    for name in document.get("names", ()):
        out |= pinyin(name)
    return out


def postings_of(documents: list[dict], pinyin: Callable[[str], frozenset[str]] = pinyin_terms) -> dict[str, array]:
    """Each term's document numbers (``document_terms``), ascending, as 4-byte arrays: at national
    scale they are tens of millions of numbers, which as Python ints would take nine times the
    memory. A name's pinyin runs are made once for all the documents that carry it (an agency's
    reports lie far apart in rank order), then merged into the other terms' numbers."""
    postings: dict[str, array] = defaultdict(lambda: array("I"))
    named: dict[str, array] = defaultdict(lambda: array("I"))  # name → its documents
    for number, document in enumerate(documents):
        for term in _own_terms(document):
            postings[term].append(number)
        for name in set(document.get("names", ())):
            named[name].append(number)
    by_run: dict[str, array] = defaultdict(lambda: array("I"))
    for name, numbers in named.items():
        for term in pinyin(name):
            by_run[term].extend(numbers)
    del named
    while by_run:  # each run's numbers let go as they join the postings
        term, numbers = by_run.popitem()
        if term in postings:
            numbers.extend(postings[term])
        postings[term] = array("I", sorted(set(numbers)))
    return postings


def _entry(numbers: array) -> list:
    """A term's entry: [count, gaps] when short, [count, [first document of each page]] when paged."""
    if len(numbers) <= INLINE:
        return [len(numbers), gaps(numbers)]
    return [len(numbers), [numbers[start] for start in range(0, len(numbers), PAGE)]]


def _entry_json(numbers: array) -> bytes:
    """``_json(_entry(numbers))`` without the encoder: an entry is only whole numbers."""
    count, listed = _entry(numbers)
    return f"[{count},[{','.join(map(str, listed))}]]".encode()


STATE = ".search-state.gz"  # in the output folder: the index's documents and postings, for the next build
PATCH_SHARE = 8  # an index is patched when at most one document in this many changed, else made anew


def _entry_size(term: str, numbers: array) -> int:
    """What a term adds to the shards' total, by which their number is chosen."""
    return len(_entry_json(numbers)) + len(term.encode("utf-8")) + 4


def shard_count(total: int) -> int:
    return 1 << max(0, math.ceil(math.log2(max(1, total / SHARD_BYTES))))


@dataclass
class Update:
    """The last build's index brought up to date with a few changed documents: its postings,
    and what that changed (terms, result chunks); files of the rest are the last build's."""

    postings: dict[str, array]
    total: int
    terms: set[str]
    chunks: set[int]


def _load_state(previous: Path, version: str) -> tuple[list[dict], dict[str, array], int] | None:
    """The last build's documents and postings (written by ``_save_state``), if made by this code."""
    import gzip

    try:
        with gzip.open(previous / STATE, "rb") as handle:
            head = json.loads(handle.readline())
            if head["version"] != version:
                return None
            documents = [json.loads(handle.readline()) for _ in range(head["documents"])]
            blob = handle.read()
        numbers = array("I")
        numbers.frombytes(blob)
        postings, at = {}, 0
        for term, count in zip(head["terms"], head["counts"], strict=True):
            postings[term] = numbers[at:at + count]
            at += count
        if at != len(numbers):
            return None
        return documents, postings, int(head["total"])
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError):
        return None


def _save_state(site: Path, documents: list[dict], postings: dict[str, array], total: int, version: str) -> None:
    """A line of what the index is (terms, their counts), a line per document, then every posting
    (4-byte numbers): written a document and a few thousand terms at a time, as the index is at its
    largest then."""
    import gzip

    ordered = sorted(postings)
    head = {"version": version, "documents": len(documents), "terms": ordered,
            "counts": [len(postings[t]) for t in ordered], "total": total}
    with (site / STATE).open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=1) as packed:
        packed.write(_json(head) + b"\n")
        for document in documents:
            packed.write(_json(document) + b"\n")
        for start in range(0, len(ordered), 4096):
            packed.write(b"".join(postings[term].tobytes() for term in ordered[start:start + 4096]))


def _update(previous: Path | None, version: str, documents: list[dict],
            terms_of: Callable[[str], frozenset[str]]) -> Update | None:
    """The last build's postings with the changed documents' terms taken out and put in, when
    they were made by the same code, the documents are the same pages in the same order and few
    of them changed; else None."""
    state = _load_state(previous, version) if previous is not None and version else None
    if state is None:
        return None
    before, postings, total = state
    if [d.get("url") for d in before] != [d["url"] for d in documents]:
        return None
    changed = [n for n, (old, new) in enumerate(zip(before, documents, strict=True)) if old != new]
    if len(changed) * PATCH_SHARE > len(documents):
        return None
    touched: set[str] = set()
    for number in changed:
        old, new = document_terms(before[number], terms_of), document_terms(documents[number], terms_of)
        for term in old ^ new:
            numbers = postings.get(term)
            if term not in touched:
                touched.add(term)
                total -= _entry_size(term, numbers) if numbers else 0
            if term in old:
                at = bisect_left(numbers, number) if numbers else 0
                if not numbers or at == len(numbers) or numbers[at] != number:
                    return None  # not the index of those documents
                del numbers[at]
            else:
                if numbers is None:
                    numbers = postings[term] = array("I")
                numbers.insert(bisect_left(numbers, number), number)
    for term in touched:
        if postings[term]:
            total += _entry_size(term, postings[term])
        else:
            del postings[term]
    return Update(postings, total, touched, {number // CHUNK for number in changed})


def _link(old: Path, new: Path) -> int:
    """A file of the last build's index, kept unchanged; its size."""
    new.parent.mkdir(parents=True, exist_ok=True)
    link_or_copy(old, new)
    return new.stat().st_size


def write_search(site: Path, documents: list[dict], reports: list[dict], pinyin: Pinyin | None = None,
                 previous: Path | None = None, version: str = "") -> dict:
    """Write search/: meta, term shards, posting pages, result files and the finder
    (``pinyin``: names read in an earlier build, and where this one's are kept). With the last
    build's output (``previous``), made by the same code (``version``: of the builder's code and
    libraries), and few changed documents, only the shards and result chunks they change are
    written; the others are the last build's files, linked."""
    folder = site / "search"
    shutil.rmtree(folder, ignore_errors=True)  # no file of an earlier index may linger
    documents = rank_order(documents)
    terms_of = (pinyin or Pinyin()).terms
    update = _update(previous, version, documents, terms_of)
    # Entries are made a shard at a time (and once before, to size the shards): as Python
    # lists, or even as JSON, every posting of the corpus at once would take tens of MB.
    if update is None:
        postings = postings_of(documents, terms_of)
        total = sum(_entry_size(term, numbers) for term, numbers in postings.items())
    else:
        postings, total = update.postings, update.total
        if pinyin is not None:
            pinyin.keep(documents)
    shards = shard_count(total)
    if update is not None and _load_meta(previous).get("shards") != shards:
        update.terms, update.chunks = set(postings), set(range(math.ceil(len(documents) / CHUNK)))
    rewrite = None if update is None else {shard_of(term, shards) for term in update.terms}
    by_shard: list[list[str]] = [[] for _ in range(shards)]
    for term in sorted(postings):
        by_shard[shard_of(term, shards)].append(term)
    sizes = {"terms": 0, "pages": 0, "docs": 0}
    (folder / "t").mkdir(parents=True, exist_ok=True)
    for index, shard_terms in enumerate(by_shard):
        if rewrite is not None and index not in rewrite:
            sizes["terms"] += _link(previous / "search" / "t" / f"{index}.json", folder / "t" / f"{index}.json")
            pages = previous / "search" / "p" / str(index)
            for page in sorted(pages.iterdir()) if pages.is_dir() else ():
                sizes["pages"] += _link(page, folder / "p" / str(index) / page.name)
            continue
        shard: list[bytes] = []  # the shard's JSON object, an entry at a time
        for position, term in enumerate(shard_terms):
            numbers = postings[term]
            if len(numbers) <= INLINE:
                entry = _entry_json(numbers)
            else:  # paged: its entry names its pages
                key = f"{index}/{position}"
                entry = _json([*_entry(numbers), key])
                (folder / "p" / str(index)).mkdir(parents=True, exist_ok=True)
                for number, start in enumerate(range(0, len(numbers), PAGE)):
                    sizes["pages"] += _dump(folder / "p" / f"{key}.{number}.json", gaps(numbers[start:start + PAGE]))
            shard.append(_json(term) + b":" + entry)
        data = b"{" + b",".join(shard) + b"}"
        (folder / "t" / f"{index}.json").write_bytes(data)
        sizes["terms"] += len(data)
    (folder / "d").mkdir()
    for start in range(0, len(documents), CHUNK):
        name = f"{start // CHUNK}.json"
        if update is not None and start // CHUNK not in update.chunks:
            sizes["docs"] += _link(previous / "search" / "d" / name, folder / "d" / name)
            continue
        sizes["docs"] += _dump(folder / "d" / name, [
            [d["url"], d["title"], d["kind"], d.get("badge", ""), d["text"]] for d in documents[start:start + CHUNK]])
    meta = {"shards": shards, "page": PAGE, "chunk": CHUNK, "results": RESULTS, "documents": len(documents)}
    sizes["meta"] = _dump(folder / "meta.json", meta)
    sizes["finder"] = write_finder(folder / "finder", reports)
    _save_state(site, documents, postings, total, version)
    return sizes


def _load_meta(previous: Path | None) -> dict:
    try:
        return json.loads((previous / "search" / "meta.json").read_bytes()) if previous else {}
    except (OSError, ValueError):
        return {}


def write_finder(folder: Path, reports: list[dict]) -> int:
    """One file per province and year (rows: id, agency, city, county, badge) and an
    index of provinces, years and counts: the finder loads only what it shows."""
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    provinces: dict[str, str] = {}
    for r in reports:
        code = province_code(r["adcode"])
        provinces.setdefault(code, r["province"] if code != UNKNOWN_PROVINCE else "地区未知")
        groups[(code, r["year"])].append(r)
    written = 0
    counts: dict[str, dict[str, int]] = {}
    for (code, year), rows in sorted(groups.items()):
        rows.sort(key=lambda r: (r["city"], r["county"], r["agency_name"], r["report_id"]))
        written += _dump(folder / f"{code}-{year}.json",
                         [[r["report_id"], r["agency_name"], r["city"], r["county"], r["badge"]] for r in rows])
        tally: dict[str, int] = defaultdict(int)
        for r in rows:
            tally[r["badge"]] += 1
        counts[f"{code}-{year}"] = dict(sorted(tally.items()))
    index = {"provinces": sorted(provinces.items()),
             "years": sorted({year for _, year in groups}, reverse=True), "counts": counts}
    return written + _dump(folder / "index.json", index)


# --- what a first search loads (site.js does the same; for tests and benchmarks) -------------------


def _load(folder: Path, name: str, fetched: dict[str, int]):
    data = (folder / name).read_bytes()
    fetched[name] = len(data)
    return json.loads(data)


def first_search(site: Path, query: str, filters: Iterable[str] = ()) -> tuple[list[int], dict[str, int]]:
    """The documents of the first page of hits for a query, and the files (with their
    bytes) that site.js fetches to show it: the same walk over the same files."""
    folder = site / "search"
    fetched: dict[str, int] = {}
    meta = _load(folder, "meta.json", fetched)
    wanted = sorted(terms(query) | set(filters))
    if not wanted:
        return [], fetched
    lists = []
    for term in wanted:
        entry = _load(folder, f"t/{shard_of(term, meta['shards'])}.json", fetched).get(term)
        if entry is None:
            return [], fetched
        lists.append(_Postings(folder, entry, fetched))
    lists.sort(key=lambda p: p.count)
    hits: list[int] = []
    for candidate in lists[0].documents():
        if all(other.contains(candidate) for other in lists[1:]):
            hits.append(candidate)
            if len(hits) > meta["results"]:  # one more tells whether there is a next page
                hits.pop()
                break
    for chunk in dict.fromkeys(number // meta["chunk"] for number in hits):
        _load(folder, f"d/{chunk}.json", fetched)
    return hits, fetched


class _Postings:
    """A posting list read page by page, as site.js reads it."""

    def __init__(self, folder: Path, entry: list, fetched: dict[str, int]) -> None:
        self.folder, self.fetched, self.count = folder, fetched, entry[0]
        self.firsts = entry[1] if len(entry) == 3 else None
        self.key = entry[2] if len(entry) == 3 else None
        self.inline = None if self.key else _undo_gaps(entry[1])
        self.pages: dict[int, list[int]] = {}

    def page(self, number: int) -> list[int]:
        if self.inline is not None:
            return self.inline
        if number not in self.pages:
            self.pages[number] = _undo_gaps(_load(self.folder, f"p/{self.key}.{number}.json", self.fetched))
        return self.pages[number]

    def documents(self) -> Iterable[int]:
        for number in range(len(self.firsts) if self.firsts else 1):
            yield from self.page(number)

    def contains(self, document: int) -> bool:
        if self.inline is not None:
            return _has(self.inline, document)
        number = bisect_right(self.firsts, document) - 1
        return number >= 0 and _has(self.page(number), document)


def _undo_gaps(values: list[int]) -> list[int]:
    out, at = [], 0
    for gap in values:
        at += gap
        out.append(at)
    return out


def _has(numbers: list[int], value: int) -> bool:
    i = bisect_left(numbers, value)
    return i < len(numbers) and numbers[i] == value


def first_finder(site: Path) -> dict[str, int]:
    """The files (with their bytes) the finder loads to list its first rows without filters."""
    folder = site / "search"
    fetched: dict[str, int] = {}
    index = _load(folder, "finder/index.json", fetched)
    shown = 0
    for year in index["years"]:
        for code, _ in index["provinces"]:
            if shown >= FINDER_ROWS:
                return fetched
            if f"{code}-{year}" in index["counts"]:
                shown += len(_load(folder, f"finder/{code}-{year}.json", fetched))
    return fetched
