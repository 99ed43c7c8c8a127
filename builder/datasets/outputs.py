"""Writing output files so that an unchanged file stays the same file.

A build writes into a folder without files (new, or the output the last build
replaced, its folders kept: ``publish.claim_spare``); a file whose bytes equal the
previous output's is hard-linked from it instead of written, so its inode and
modification time survive the rebuild (rsync, caches and readers see it as
untouched) and an incremental build writes only what changed. A rebuild links
tens of thousands of files, a system call each: within ``OutputFolder.linking``
they are made by a thread of their own while the build goes on computing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from queue import SimpleQueue

from ..errors import BuilderError
from ..reading.sources import is_http_url


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A file of the last output kept in this one: hard-linked, or copied where links cannot be
    made (another file system, a link limit, no links there); any other failure is raised."""
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EMLINK, errno.EPERM):
            raise
        shutil.copy2(source, target)


@dataclass
class OutputFolder:
    root: Path
    previous: Path | None = None  # the last build's output, still in place while this one is written
    written: int = 0
    reused: int = 0
    _folders: set[str] = field(default_factory=set, repr=False)  # made (or found) by this build
    _queue: SimpleQueue | None = field(default=None, repr=False)  # links for the thread of ``linking``
    _failure: list[str] = field(default_factory=list, repr=False)  # what that thread could not do

    def __post_init__(self) -> None:
        self._folders.add(str(self.root))

    def _folder_of(self, target: str) -> None:
        """Make the file's folder and those above it, each once: a mkdir is a system call (a
        hundred microseconds or more on a journalled disk), and a rebuild links tens of thousands
        of files into a few folders each. Not more threads for them: links and mkdirs into one
        folder contend for its lock (measured slower), but one beside the computing (``linking``);
        where it and the caller make the same folder, the second finds it made."""
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
        return self.keep_all_previous([relative])

    def keep_all_previous(self, relatives: list[str]) -> bool:
        """``keep_previous`` for files kept together or not at all: when one is missing from the
        previous output, none is linked (they are all made again). Within ``linking``, the links
        are made later by its thread; the files are known to exist."""
        if self.previous is None:
            return False
        if self._queue is None:
            for count, relative in enumerate(relatives):
                if not self.link_previous(relative):
                    for done in relatives[:count]:
                        os.unlink(os.path.join(self.root, done))
                    return False
        elif all(os.path.isfile(os.path.join(self.previous, relative)) for relative in relatives):
            self._queue.put(relatives)
        else:
            return False
        self.reused += len(relatives)
        return True

    def link_previous(self, relative: str) -> bool:
        """Link the previous output's file now, without counting it (the data package's files are
        not counted); False when it cannot be linked."""
        if self.previous is None:
            return False
        target = os.path.join(self.root, relative)
        self._folder_of(target)
        try:
            os.link(os.path.join(self.previous, relative), target)
        except OSError:  # gone, another file system, a link limit: the caller makes it
            return False
        return True

    @contextlib.contextmanager
    def linking(self) -> Iterator[OutputFolder]:
        """The files kept from the previous output (``keep_previous``) linked by a thread of
        this folder while the caller goes on; all of them are in place when it ends. A file that
        cannot be linked (another file system, a link limit) is copied."""
        self._queue, self._failure = SimpleQueue(), []
        thread = threading.Thread(target=self._link_queued, args=(self._queue,), name="linking", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._queue.put(None)
            self._queue = None
            thread.join()
        if self._failure:
            more = f" (and {len(self._failure) - 1} more files)" if len(self._failure) > 1 else ""
            raise BuilderError(f"{self.previous}: could not keep {self._failure[0]} from the last build's output{more}")

    def _link_queued(self, queue: SimpleQueue) -> None:
        while (relatives := queue.get()) is not None:
            for relative in relatives:
                try:
                    self._link_or_copy(relative)
                except OSError as error:
                    self._failure.append(f"{relative} ({error.strerror or error})")

    def _link_or_copy(self, relative: str) -> None:
        target = os.path.join(self.root, relative)
        self._folder_of(target)
        link_or_copy(os.path.join(self.previous, relative), target)

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
