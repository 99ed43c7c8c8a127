"""Writing output files so that an unchanged file stays the same file.

A build writes into a new folder; a file whose bytes equal the previous
output's is hard-linked from it instead of written, so its inode and
modification time survive the rebuild (rsync, caches and readers see it as
untouched) and an incremental build writes only what changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass
class OutputFolder:
    root: Path
    previous: Path | None = None  # the last build's output, still in place while this one is written
    written: int = 0
    reused: int = 0

    def write_bytes(self, relative: str, data: bytes) -> None:
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.previous is not None and self._link_unchanged(self.previous / relative, target, data):
            self.reused += 1
            return
        target.unlink(missing_ok=True)  # never write through a link into the previous output
        target.write_bytes(data)
        self.written += 1

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    @staticmethod
    def _link_unchanged(old: Path, target: Path, data: bytes) -> bool:
        try:
            if old.stat().st_size != len(data) or old.read_bytes() != data:
                return False
            os.link(old, target)
        except OSError:  # no previous file, another file system, a link limit: write instead
            return False
        return True
