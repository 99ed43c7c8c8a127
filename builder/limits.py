"""Bounds on the work one input file may cause, as configuration.

A public build reads whatever a crawl brought in, so every file runs under a
budget: input bytes, PDF pages, HTML depth, search steps and wall-clock time.
The budget of the file being read is a context variable, so a search deep in
the parser reads it without every caller passing it on, and each thread (a
Dask worker may run tasks in threads) has its own.

Time is enforced cooperatively: the hot loops call ``checkpoint()``, which
raises ``errors.TimeLimit`` once the file's deadline has passed. In the main
thread a SIGALRM timer is a backstop for code that never reaches a checkpoint.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from . import errors

# A count printed with more digits than this is no count of anything (and would
# lose precision as a float): the cell is unreadable, not a huge number.
MAX_NUMBER_DIGITS = 15


@dataclass(frozen=True)
class Limits:
    """What one file may cost. Defaults fit every real report seen, with room."""

    max_bytes: int = 50 * 1024 * 1024
    max_pdf_pages: int = 300
    max_html_depth: int = 400
    search_steps: int = 200_000
    time_limit: float = 60.0  # seconds per file; 0 means no limit

    def describe(self) -> str:
        return (f"max {self.max_bytes // (1024 * 1024)} MB, {self.max_pdf_pages} PDF pages, "
                f"HTML depth {self.max_html_depth}, {self.search_steps} search steps, "
                f"{self.time_limit:g} s per file")


DEFAULT = Limits()

_Result = TypeVar("_Result")


def memoised_when_short(max_length: int, maxsize: int = 8192) -> Callable[[Callable[[str], _Result]],
                                                                         Callable[[str], _Result]]:
    """Memoise a pure function of one string (a cell, a line) for strings of at most ``max_length``
    characters: the parser asks about the same cells and lines many times over. A longer string (a
    hostile file's endless line) is computed each time, so the cache holds only short strings."""
    def wrap(function: Callable[[str], _Result]) -> Callable[[str], _Result]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(text: str) -> _Result:
            return cached(text) if len(text) <= max_length else function(text)
        return call
    return wrap


@dataclass
class _Budget:
    limits: Limits
    path: str
    deadline: float | None


_current: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("budget", default=None)


def current() -> Limits:
    """The limits of the file being read (the defaults outside any file)."""
    budget = _current.get()
    return budget.limits if budget is not None else DEFAULT


def checkpoint() -> None:
    """Raise TimeLimit when the file being read is past its deadline."""
    budget = _current.get()
    if budget is not None and budget.deadline is not None and time.monotonic() > budget.deadline:
        raise errors.TimeLimit(budget.path, f"over the {budget.limits.time_limit:g} s limit per file")


_ALARM_AGAIN = 1.0  # seconds between backstop alarms once the first is past


def _alarm(budget: _Budget):
    def handler(signum, frame):
        raise errors.TimeLimit(budget.path, f"over the {budget.limits.time_limit:g} s limit per file")
    return handler


@contextlib.contextmanager
def budget(path: str, limits: Limits) -> Iterator[None]:
    """Run the body under ``limits`` for the file ``path``.

    The SIGALRM backstop fires a little after the cooperative deadline, and
    only in the main thread (signals cannot be delivered to other threads)."""
    deadline = time.monotonic() + limits.time_limit if limits.time_limit > 0 else None
    state = _Budget(limits, path, deadline)
    token = _current.set(state)
    use_alarm = (deadline is not None and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
    previous = None
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm(state))
        # again every second past it: a library that catches every exception (a PDF reader's fallback) swallows one
        signal.setitimer(signal.ITIMER_REAL, limits.time_limit * 1.2 + 0.5, _ALARM_AGAIN)
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _current.reset(token)
