"""Writing output files so that an unchanged file stays the same file.

A build writes into a new folder; a file whose bytes equal the previous
output's is hard-linked from it instead of written, so its inode and
modification time survive the rebuild (rsync, caches and readers see it as
untouched) and an incremental build writes only what changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .sources import is_http_url


@dataclass
class OutputFolder:
    root: Path
    previous: Path | None = None  # the last build's output, still in place while this one is written
    written: int = 0
    reused: int = 0
    _folders: set[str] = field(default_factory=set, repr=False)  # made (or found) by this build

    def __post_init__(self) -> None:
        self._folders.add(str(self.root))

    def _folder_of(self, target: str) -> None:
        """Make the file's folder and those above it, each once: a mkdir is a system call (tens
        of microseconds on a journalled disk), and a rebuild links tens of thousands of files
        into a few folders each. One thread: links and mkdirs into one folder contend for its
        lock, so threads make them slower (measured), not faster."""
        folder = os.path.dirname(target)
        if folder in self._folders:
            return
        parent = os.path.dirname(folder)
        if parent not in self._folders and parent != folder:
            self._folder_of(folder)
        try:
            os.mkdir(folder)
        except FileExistsError:
            pass
        except FileNotFoundError:  # above the root: the root itself is not made yet
            os.makedirs(folder, exist_ok=True)
        self._folders.add(folder)

    def write_bytes(self, relative: str, data: bytes) -> None:
        target = self.root / relative
        self._folder_of(str(target))
        if self.previous is not None and self._link_unchanged(self.previous / relative, target, data):
            self.reused += 1
            return
        if self.previous is not None:
            target.unlink(missing_ok=True)  # never write through a link into the previous output
        target.write_bytes(data)
        self.written += 1

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def keep_previous(self, relative: str) -> bool:
        """Link the previous output's file into this one unread, when it exists: for a file
        known unchanged from its inputs (a page whose key is as last time), so it is not made again."""
        if not self.link_previous(relative):
            return False
        self.reused += 1
        return True

    def link_previous(self, relative: str) -> bool:
        """``keep_previous`` without counting the file (the data package's files are not counted)."""
        if self.previous is None:
            return False
        target = os.path.join(self.root, relative)
        self._folder_of(target)
        try:
            os.link(os.path.join(self.previous, relative), target)
        except OSError:  # gone, another file system, a link limit: the caller makes it
            return False
        return True

    @staticmethod
    def _link_unchanged(old: Path, target: Path, data: bytes) -> bool:
        try:
            if old.stat().st_size != len(data) or old.read_bytes() != data:
                return False
            os.link(old, target)
        except OSError:  # no previous file, another file system, a link limit: write instead
            return False
        return True


@dataclass(frozen=True)
class DataPlace:
    """Where the bulk data (the data package and each report's files) is published.

    Without a URL it sits on the site beside the pages (data/, and each report's
    files in its page's folder). With one, the build writes all of it under
    <out>/data/ (each report's files in data/reports/<report_id>/), the pages link
    to the URL, and the site proper is <out> without data/: small enough for
    GitHub Pages at national scale, while data/ is mirrored to the URL."""

    url: str = ""  # an http(s) URL ending in "/", or "" for beside the pages

    def __post_init__(self) -> None:
        url = self.url.strip()
        if url and not is_http_url(url):
            raise ValueError(f"data URL must be an http(s) address, not {self.url!r}")
        object.__setattr__(self, "url", url.rstrip("/") + "/" if url else "")

    @property
    def separate(self) -> bool:
        return bool(self.url)

    def report_folder(self, report_id: str) -> str:
        """The folder of a report's own files, relative to the output folder."""
        return f"data/reports/{report_id}/" if self.url else f"reports/{report_id}/"

    def data_href(self, path: str, root: str) -> str:
        """A link to a data package file (path relative to data/) from a page at ``root``."""
        return self.url + path if self.url else f"{root}data/{path}"

    def report_href(self, report_id: str, name: str) -> str:
        """A link to one of a report's own files from its page."""
        return f"{self.url}reports/{report_id}/{name}" if self.url else name


ON_THE_SITE = DataPlace()  # the bulk data beside the pages
