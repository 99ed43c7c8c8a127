"""Memory given back between the parts of a build that hold the most."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys

# Allocations between two collections of the youngest generation (Python's default: 700). A build
# allocates millions of short-lived objects (rows, cells, tokens) that reference counting frees, and
# the default makes the collector scan them every few hundred; a few per cent of the build's time.
YOUNG_COLLECTION = 50_000


def collect_less() -> None:
    """The cyclic collector run less often, for a process of the build (main, pool worker, page
    worker): what it finds is little (reference counting frees nearly everything), and with
    50,000 young objects at most waiting, the memory it holds back is a few MB."""
    gc.set_threshold(YOUNG_COLLECTION, 20, 100)


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
