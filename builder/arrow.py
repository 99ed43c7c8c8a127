"""pyarrow as the build uses it: without the pandas import it has no use for."""

from __future__ import annotations

import sys
from functools import cache
from types import ModuleType


class _PandasHidden:
    """An import finder under which pandas cannot be imported (a finder, not ``None`` in
    ``sys.modules``: Cython's import returns that ``None`` as the module)."""

    @staticmethod
    def find_spec(name: str, *_) -> None:
        if name == "pandas":
            raise ModuleNotFoundError("pandas is hidden from pyarrow's probe", name=name)


@cache
def pyarrow() -> ModuleType:
    """pyarrow, its pandas probes answered. The first time pyarrow converts Python values
    (``pa.array``, ``pa.scalar``, a compute function given a Python value) it imports pandas,
    to see whether they are pandas objects and to know pandas's null values: 0.2 s in every
    process that makes Arrow arrays, and no value of the build is one. Both probes (pyarrow's
    and its C++ type inference's) are made here once while pandas cannot be imported, and each
    notes it as absent; pandas stays importable, and pyarrow imports it when asked for pandas
    objects (``to_pandas``, ``Table.from_pandas``)."""
    import pyarrow as pa

    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _PandasHidden)
        try:
            pa.array([None])  # inferred: both probes
        finally:
            sys.meta_path.remove(_PandasHidden)
    return pa
