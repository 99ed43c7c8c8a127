"""Page keys: a digest of what each page is rendered from, kept in the output for the next
build, so that a page whose key is unchanged is linked from the last output, not rendered."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..datasets.outputs import OutputFolder
from .compare import CompareGroup, compare_json
from .search import Pinyin

PAGE_KEYS = ".page-keys.json.gz"  # in the output folder: each keyed page's key, for the next build
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def json_pieces(value: object, depth: int) -> Iterator[str]:
    """``value`` as compact JSON (the text json.dumps makes), in pieces: the objects of the first
    ``depth`` levels an item at a time, so that a large one is never one string."""
    if depth and isinstance(value, dict):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("," if number else "") + _JSON(key) + ":"
            yield from json_pieces(item, depth - 1)
        yield "}"
    else:
        yield _JSON(value)


def page_key(*inputs: object) -> str:
    """A digest of exactly what a page is rendered from (rows, documents, settings), as JSON."""
    text = json.dumps(inputs, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class PageKeys:
    """The keys of this build's pages, and the last build's: a page whose key is unchanged and
    whose file is still in the last output is linked from there without being rendered. With
    the keys are kept what else a page's inputs make: its search document (so an unchanged
    report's document is not parsed) and the pinyin of the names searched."""

    previous: dict[str, str]
    current: dict[str, str] = field(default_factory=dict)
    rendered: int = 0
    kept: int = 0
    found: dict[str, dict] = field(default_factory=dict)  # the last build's search documents, by page
    contents: dict[str, list] = field(default_factory=dict)  # the last build's report contents, by agency
    made: dict[str, list] = field(default_factory=dict)  # this build's: [fragment key, [[report, content], …]]
    groups: dict[str, list] = field(default_factory=dict)  # the last build's compare groups: [key, CompareGroup]
    compared: dict[str, list] = field(default_factory=dict)  # this build's
    documents: dict[str, dict] = field(default_factory=dict)  # this build's
    pinyin: Pinyin = field(default_factory=Pinyin)

    @classmethod
    def of(cls, previous: Path | None) -> PageKeys:
        """The last build's keys (none when there is no last build, or its keys cannot be read)."""
        if previous is None:
            return cls({})
        try:
            with gzip.open(previous / PAGE_KEYS, "rt", encoding="utf-8") as handle:
                kept = json.load(handle)
            pinyin = kept.get("pinyin", {})
            names = pinyin.get("names", {}) if pinyin.get("version") == Pinyin.version() else {}
            return cls(dict(kept["pages"]), found=dict(kept.get("search", {})), contents=dict(kept.get("contents", {})),
                       groups=dict(kept.get("compare", {})), pinyin=Pinyin(dict(names)))
        except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError, AttributeError):  # cut short, damaged
            return cls({})

    def kept_from_previous(self, site: OutputFolder, path: str, key: str) -> bool:
        """Record the page's key; link its last file when the key is the same. False: render it."""
        self.current[path] = key
        if self.previous.get(path) == key and site.keep_previous(f"{path}index.html"):
            self.kept += 1
            return True
        self.rendered += 1
        return False

    def report_contents(self, agency_id: str, fragment: str, report_ids: list[str],
                        content: Callable[[str], str]) -> dict[str, str]:
        """Each of an agency's reports' ``Pages.report_content``: the last build's when the agency's
        fragment, which makes all of it (``builder.datasets.fragments``), has the same key, so that an unchanged
        agency's documents and indicators are not read; else made again."""
        last = self.contents.get(agency_id)
        if fragment and isinstance(last, list) and len(last) == 2 and last[0] == fragment \
                and isinstance(last[1], list) and [pair[0] for pair in last[1]] == report_ids:
            found = {report_id: str(digest) for report_id, digest in last[1]}
        else:
            found = {report_id: content(report_id) for report_id in report_ids}
        if fragment:
            self.made[agency_id] = [fragment, [[report_id, found[report_id]] for report_id in report_ids]]
        return found

    def compare_group(self, site: OutputFolder, name: str, key: str,
                      make: Callable[[], dict | None]) -> CompareGroup | None:
        """A group of reports' compare page (None: none of them has indicators), its data file
        linked from the last build when the group's key is the same, else made (``make``) and written."""
        last = self.groups.get(name)
        try:
            if last[0] == key and (last[1] is None or site.keep_previous(f"compare/data/{name}.json")):
                group = None if last[1] is None else CompareGroup(str(last[1][0]), int(last[1][1]),
                                                                  tuple(map(str, last[1][2])))
                self.compared[name] = [key, last[1]]
                return group
        except (TypeError, IndexError, ValueError):
            pass  # an unreadable entry: made again
        made = make()
        group = None if made is None else CompareGroup.of(made)
        if made is not None:
            site.write_text(f"compare/data/{name}.json", compare_json(made))
        self.compared[name] = [key, None if group is None else list(group)]
        return group

    def found_document(self, path: str) -> dict | None:
        """The page's search document as the last build made it, when its key is the same."""
        if self.previous.get(path) != self.current.get(path):
            return None
        found = self.found.get(path)
        return found if isinstance(found, dict) else None

    def remember(self, path: str, document: dict) -> dict:
        self.documents[path] = document
        return document

    def write(self, out: Path) -> None:
        kept = {"pages": dict(sorted(self.current.items())), "search": dict(sorted(self.documents.items())),
                "contents": dict(sorted(self.made.items())), "compare": dict(sorted(self.compared.items())),
                "pinyin": {"version": Pinyin.version(), "names": dict(sorted(self.pinyin.used.items()))}}
        # Written a piece at a time: as one string (and its bytes), the keys and search documents of
        # a national site took about 90 MB at the end of the stage.
        with (out / PAGE_KEYS).open("wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=1) as packed:
            pieces = json_pieces(kept, 2)
            while batch := "".join(itertools.islice(pieces, 4096)):
                packed.write(batch.encode("utf-8"))
