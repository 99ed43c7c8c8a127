"""Memory given back between the parts of a build that hold the most."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys


def release_memory() -> None:
    """What the last part freed given back to the system, so that the next part's peak does
    not stand on it (Arrow's memory pool and the C heap keep freed memory for reuse, and the
    site stage allocates differently)."""
    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
