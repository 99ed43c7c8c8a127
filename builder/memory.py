"""Memory given back between the parts of a build that hold the most, and how often the collector runs."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
from collections.abc import Iterator

# Allocations between two collections of the youngest generation (Python's default: 700). The
# datasets and site stages allocate millions of short-lived objects (rows, keys, pages) that reference
# counting frees, and the default makes the collector scan them every few hundred: a few per cent of
# a build. Not while PDFs are read: pdfminer leaves cyclic garbage, and 50,000 objects of it waiting
# took 90 MB more (and no less time) than the default.
YOUNG_COLLECTION = 50_000


def collect_less() -> None:
    """The cyclic collector run less often, for the rest of a process that reads no PDF (a page
    worker, the workbook's process): it finds little there."""
    gc.set_threshold(YOUNG_COLLECTION, 20, 100)


@contextlib.contextmanager
def collecting_less() -> Iterator[None]:
    """``collect_less`` for a part of a build (after extraction), the thresholds restored after it."""
    before = gc.get_threshold()
    collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def release_memory() -> None:
    """What the last part freed given back to the system, so that the next part's peak does
    not stand on it (Arrow's memory pool and the C heap keep freed memory for reuse, and the
    site stage allocates differently). Reference counting has freed the part's objects: a full
    collection finds next to nothing there (20 and 506 objects, no change in memory, at 10,000
    reports) and would cost 20–60 ms of a rebuild, so none is run."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
