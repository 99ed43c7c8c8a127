"""Full-text search that works in Chinese, and the report finder.

The index maps character bigrams (and whole ASCII words such as years) to
document numbers, split into shards by term, so a query loads only the
shards of its own terms and the document chunks of its first results.
Bigrams find 政府信息公开 wherever it is written, which a word segmenter
that cuts the query differently from the page would not.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

from .reading import normalize

SHARDS = 64
CHUNK = 200
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


def shard_of(term: str) -> int:
    """Stable across Python runs and identical in site.js (CRC-32 of UTF-8)."""
    return zlib.crc32(term.encode("utf-8")) % SHARDS


def _dump(path: Path, value) -> int:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def write_search(site: Path, documents: list[dict], reports: list[dict]) -> dict:
    """Write search/ (index shards, document chunks) and search/finder.json."""
    folder = site / "search"
    (folder / "terms").mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    postings: list[dict[str, list[int]]] = [{} for _ in range(SHARDS)]
    for number, document in enumerate(documents):
        for term in terms(document["title"] + " " + document["text"]):
            postings[shard_of(term)].setdefault(term, []).append(number)
    sizes = {"terms": 0, "docs": 0}
    for index, shard in enumerate(postings):
        # Document numbers as gaps from the previous one: smaller files.
        encoded = {t: [n - (ns[i - 1] if i else 0) for i, n in enumerate(ns)] for t, ns in sorted(shard.items())}
        sizes["terms"] += _dump(folder / "terms" / f"{index}.json", encoded)
    for start in range(0, len(documents), CHUNK):
        chunk = [[d["url"], d["title"], d["kind"], d["text"][:160], d.get("badge", "")]
                 for d in documents[start:start + CHUNK]]
        sizes["docs"] += _dump(folder / "docs" / f"{start // CHUNK}.json", chunk)
    _dump(folder / "meta.json", {"shards": SHARDS, "chunk": CHUNK, "documents": len(documents)})
    sizes["finder"] = write_finder(folder / "finder.json", reports)
    return sizes


def write_finder(path: Path, reports: list[dict]) -> int:
    """Every report as a short row, names interned: filters answer instantly."""
    names: dict[str, int] = {}

    def intern(value: str) -> int:
        return names.setdefault(value or "", len(names))

    rows = [[r["report_id"], intern(r["agency_name"]), intern(r["province"]), intern(r["city"]),
             intern(r["county"]), int(r["year"]), r["badge"]]
            for r in sorted(reports, key=lambda r: (r["province"], r["city"], r["county"], r["report_id"]))]
    return _dump(path, {"names": list(names), "rows": rows})
