"""Writing output files so that an unchanged file stays the same file.

A build writes into a new folder; a file whose bytes equal the previous
output's is hard-linked from it instead of written, so its inode and
modification time survive the rebuild (rsync, caches and readers see it as
untouched) and an incremental build writes only what changed. A rebuild links
tens of thousands of files into folders it must make again, a system call each
that costs a hundred microseconds or more on a journalled disk: within
``OutputFolder.in_background`` they are made, and new files written, by a thread
of their own while the build goes on computing.
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

QUEUED_BYTES = 16 << 20  # files waiting for the thread of ``OutputFolder.in_background``, at most


@dataclass
class OutputFolder:
    root: Path
    previous: Path | None = None  # the last build's output, still in place while this one is written
    written: int = 0
    reused: int = 0
    _folders: set[str] = field(default_factory=set, repr=False)  # made (or found) by this build
    _queue: SimpleQueue | None = field(default=None, repr=False)  # for the thread of ``in_background``
    _done: list[int] = field(default_factory=lambda: [0, 0], repr=False)  # that thread's written, reused
    _failure: list[str] = field(default_factory=list, repr=False)  # what that thread could not do
    _pending: int = field(default=0, repr=False)  # bytes queued for that thread, not yet written
    _room: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def __post_init__(self) -> None:
        self._folders.add(str(self.root))

    def _folder_of(self, target: str) -> None:
        """Make the file's folder and those above it, each once: a mkdir is a system call (a
        hundred microseconds or more on a journalled disk), and a rebuild links tens of thousands
        of files into a few folders each. Not more threads for them: links and mkdirs into one
        folder contend for its lock (measured slower), but one beside the computing
        (``in_background``); where it and the caller make the same folder, the second finds it made."""
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
        """Write a file, or link the previous output's when it holds these bytes; within
        ``in_background``, its thread does either later."""
        if self._queue is not None:
            with self._room:  # pages come faster than a slow disk takes them: a bounded backlog
                self._room.wait_for(lambda: self._pending < QUEUED_BYTES)
                self._pending += len(data)
            self._queue.put((relative, data))
        elif self._write(relative, data):
            self.reused += 1
        else:
            self.written += 1

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def _write(self, relative: str, data: bytes) -> bool:
        """``write_bytes`` now: True when the previous output's file was linked."""
        target = os.path.join(self.root, relative)
        self._folder_of(target)
        if self.previous is not None:
            if self._link_unchanged(os.path.join(self.previous, relative), target, data):
                return True
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # never write through a link into the previous output
        with open(target, "wb") as handle:
            handle.write(data)
        return False

    def keep_previous(self, relative: str) -> bool:
        """Link the previous output's file into this one unread, when it exists: for a file
        known unchanged from its inputs (a page whose key is as last time), so it is not made again."""
        return self.keep_all_previous([relative])

    def keep_all_previous(self, relatives: list[str]) -> bool:
        """``keep_previous`` for files kept together or not at all: when one is missing from the
        previous output, none is linked (they are all made again). Within ``in_background``, the
        links are made later by its thread; the files are known to exist."""
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
    def in_background(self) -> Iterator[OutputFolder]:
        """Files written (``write_bytes``) and kept from the previous output (``keep_previous``)
        by a thread of this folder while the caller goes on computing: the system calls, a
        hundred microseconds or more each on a journalled disk, release the interpreter. All of
        them are done, and counted, when it ends; a file that cannot be linked (another file
        system, a link limit) is copied."""
        self._queue, self._done, self._failure = SimpleQueue(), [0, 0], []
        thread = threading.Thread(target=self._work_queued, args=(self._queue,), name="output", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._queue.put(None)
            self._queue = None
            thread.join()
            self.written += self._done[0]
            self.reused += self._done[1]
        if self._failure:
            more = f" (and {len(self._failure) - 1} more)" if len(self._failure) > 1 else ""
            raise BuilderError(self._failure[0] + more)

    def _work_queued(self, queue: SimpleQueue) -> None:
        while (item := queue.get()) is not None:
            if isinstance(item, tuple):
                relative, data = item
                try:
                    self._done[self._write(relative, data)] += 1
                except OSError as error:
                    self._failure.append(f"{self.root / relative}: could not be written ({error.strerror or error})")
                with self._room:
                    self._pending -= len(data)
                    self._room.notify()
                continue
            for relative in item:
                try:
                    self._link_or_copy(relative)
                except OSError as error:
                    self._failure.append(f"{self.previous / relative}: could not be kept from the last build "
                                         f"({error.strerror or error})")

    def _link_or_copy(self, relative: str) -> None:
        source, target = os.path.join(self.previous, relative), os.path.join(self.root, relative)
        self._folder_of(target)
        try:
            os.link(source, target)
        except OSError as error:
            if error.errno not in (errno.EXDEV, errno.EMLINK, errno.EPERM):
                raise
            shutil.copy2(source, target)  # another file system, a link limit, no links there

    @staticmethod
    def _link_unchanged(old: str, target: str, data: bytes) -> bool:
        try:
            if os.stat(old).st_size != len(data):
                return False
            with open(old, "rb") as handle:
                if handle.read() != data:
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
