"""Constraint search over the form's identities.

Used to put back what a text layout broke: digits run together, numbers
displaced into a neighbouring cell, cells a crawler dropped. A reading is
taken only when it is the single one that every identity allows; otherwise
the candidates are reported. Values are non-negative integers (counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .. import limits
from ..forms import Identity

Value = int | None  # None: a cell whose value is not known (blank)
SOLUTION_LIMIT = 64
_CHECK_EVERY = 1024  # steps between two looks at the clock


class SearchTooLarge(Exception):
    """The search space is too large to settle; the caller reports ambiguity."""


class _Steps:
    """A search's step budget (``limits.current().search_steps``), with the
    file's deadline looked at every so often."""

    def __init__(self) -> None:
        self.left = limits.current().search_steps

    def take(self, count: int = 1) -> None:
        before = self.left
        self.left -= count
        if self.left < 0:
            raise SearchTooLarge
        if before // _CHECK_EVERY != self.left // _CHECK_EVERY or self.left % _CHECK_EVERY == 0:
            limits.checkpoint()


@dataclass(frozen=True)
class Choice:
    """Alternative readings of some cells; exactly one of ``options`` is true."""

    cells: tuple[str, ...]
    options: tuple[tuple[Value, ...], ...]


def _side(cells: Sequence[str], values: dict[str, Value]) -> tuple[int, list[str]]:
    """The known sum of one side of an identity, and its unknown cells."""
    known, unknown = 0, []
    for cell in cells:
        v = values.get(cell)
        if v is None:
            unknown.append(cell)
        else:
            known += v
    return known, unknown


def status(identity: Identity, values: dict[str, Value]) -> tuple[bool, str | None, int | None]:
    """Whether the identity can hold, and the one unknown it settles (cell, value).

    Unknown cells are non-negative: a side with unknowns may only exceed the
    known sum of the other side, never fall short of it."""
    parts, unknown_parts = _side(identity.parts, values)
    whole, unknown_whole = _side(identity.whole, values)
    if unknown_parts and unknown_whole:
        return True, None, None
    if not unknown_parts and not unknown_whole:
        return parts == whole, None, None
    gap, open_cells = (whole - parts, unknown_parts) if unknown_parts else (parts - whole, unknown_whole)
    if gap < 0:
        return False, None, None
    return True, (open_cells[0] if len(open_cells) == 1 else None), gap


def _forced_zeros(identity: Identity, values: dict[str, Value]) -> list[str]:
    """Unknown cells of a side whose known sum already equals the other side:
    non-negative counts that add up to nothing are all zero."""
    parts, unknown_parts = _side(identity.parts, values)
    whole, unknown_whole = _side(identity.whole, values)
    if (unknown_parts and unknown_whole) or parts != whole:
        return []
    return unknown_parts or unknown_whole


def propagate(
    values: dict[str, Value], identities: Sequence[Identity], unknown: Iterable[str]
) -> tuple[bool, dict[str, tuple[int, Identity]]]:
    """Settle unknown cells that an identity determines, repeatedly.

    Returns whether every identity can still hold and, for each settled cell,
    its value and the identity that settled it. ``values`` is not modified."""
    current = dict(values)
    open_cells = {c for c in unknown if current.get(c) is None}
    settled: dict[str, tuple[int, Identity]] = {}
    changed = True
    while changed:
        changed = False
        for identity in identities:
            ok, cell, value = status(identity, current)
            if not ok:
                return False, settled
            settles = [(cell, value)] if cell is not None else [(c, 0) for c in _forced_zeros(identity, current)]
            for cell, value in settles:
                if cell in open_cells:
                    current[cell] = value
                    open_cells.discard(cell)
                    settled[cell] = (value, identity)
                    changed = True
    for identity in identities:
        if not status(identity, current)[0]:
            return False, settled
    return True, settled


def search(
    fixed: dict[str, Value],
    choices: Sequence[Choice],
    identities: Sequence[Identity],
    unknown: Iterable[str] = (),
    limit: int = SOLUTION_LIMIT,
) -> list[tuple[int, ...]]:
    """Every combination of options (one index per choice) under which all
    identities can hold, blanks settled by propagation. Raises SearchTooLarge."""
    unknown = set(unknown)
    owner: dict[str, int] = {}
    for index, choice in enumerate(choices):
        for cell in choice.cells:
            owner[cell] = index
    # Check each identity as soon as the last choice it depends on is made.
    due: list[list[Identity]] = [[] for _ in choices]
    for identity in identities:
        deps = [owner[c] for c in identity.cells if c in owner]
        if deps:
            due[max(deps)].append(identity)
    values = dict(fixed)
    picked: list[int] = []
    solutions: list[tuple[int, ...]] = []
    steps = _Steps()

    def descend(depth: int) -> None:
        if len(solutions) >= limit:
            return
        if depth == len(choices):
            if propagate(values, identities, unknown)[0]:
                solutions.append(tuple(picked))
            return
        choice = choices[depth]
        for index, option in enumerate(choice.options):
            steps.take()
            for cell, value in zip(choice.cells, option):
                values[cell] = value
            if all(status(identity, values)[0] for identity in due[depth]):
                picked.append(index)
                descend(depth + 1)
                picked.pop()
        for cell in choice.cells:
            values[cell] = fixed.get(cell)

    descend(0)
    return solutions


def best_effort(
    fixed: dict[str, Value],
    choices: Sequence[Choice],
    identities: Sequence[Identity],
    limit: int = 20_000,
) -> list[tuple[int, ...]]:
    """When no combination satisfies every identity (the report itself is
    inconsistent): the combinations satisfying the most identities."""
    total = 1
    for choice in choices:
        total *= len(choice.options)
        if total > limit:
            raise SearchTooLarge
    best: list[tuple[int, ...]] = []
    best_score = -1
    values = dict(fixed)
    steps = _Steps()

    def score_all(depth: int, picked: list[int]) -> None:
        nonlocal best, best_score
        steps.take()
        if depth == len(choices):
            score = sum(1 for identity in identities if status(identity, values)[0])
            if score > best_score:
                best, best_score = [tuple(picked)], score
            elif score == best_score:
                best.append(tuple(picked))
            return
        choice = choices[depth]
        for index, option in enumerate(choice.options):
            for cell, value in zip(choice.cells, option):
                values[cell] = value
            picked.append(index)
            score_all(depth + 1, picked)
            picked.pop()

    score_all(0, [])
    return best


# --- splitting runs of digits -----------------------------------------------


def split_runs(
    tokens: Sequence[str],
    size: int,
    local: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] = (),
    limit: int = 50_000,
) -> list[tuple[int, ...]]:
    """Every way to read ``tokens`` as ``size`` numbers, each token holding one
    or more whole numbers (a space always separates), no leading zeros, none
    longer than any count can be.

    ``local`` are the row's own identities as (parts, whole) cell positions;
    a reading must satisfy them. Raises SearchTooLarge past ``limit`` readings
    or past the step budget, whichever comes first: steps, not readings, bound
    the time a long run of digits can take. A step is one length tried for the
    number starting at a position: every length up to the longest count, or
    after a 0 the 0 itself and the longer piece that ends the try.

    The readings depend on nothing else than the arguments and the step budget: a few are
    remembered (rows of 0s and the same totals recur from report to report)."""
    key = (tuple(tokens), size, tuple(local), limit, limits.current().search_steps)
    readings = _RUNS_SEEN.get(key)
    if readings is None:
        readings = _split_runs(*key)
        if len(readings) <= _RUNS_SEEN_READINGS:
            if len(_RUNS_SEEN) >= _RUNS_SEEN_SIZE:
                del _RUNS_SEEN[next(iter(_RUNS_SEEN))]  # the oldest
            _RUNS_SEEN[key] = readings
    return list(readings)


# split_runs' memory, bounded: so many runs, each with at most so many readings (more are computed again).
_RUNS_SEEN: dict[tuple, tuple[tuple[int, ...], ...]] = {}
_RUNS_SEEN_SIZE, _RUNS_SEEN_READINGS = 4096, 256


def _split_runs(tokens: tuple[str, ...], size: int, local: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...],
                limit: int, budget: int) -> tuple[tuple[int, ...], ...]:
    due: dict[int, list[tuple[tuple[int, ...], tuple[int, ...]]]] = {}
    for parts, whole in local:
        due.setdefault(max(parts + whole), []).append((parts, whole))
    out: list[tuple[int, ...]] = []
    cells: list[int] = []
    count = len(tokens)
    remaining_chars = [sum(len(t) for t in tokens[i:]) for i in range(count + 1)]
    longest_number = limits.MAX_NUMBER_DIGITS
    left = budget  # steps, taken as ``_Steps.take`` does (inlined: this is the hot loop)

    def place(token_index: int, pos: int, placed: int) -> None:  # placed: len(cells)
        nonlocal left
        if token_index == count:
            if placed == size:
                out.append(tuple(cells))
                if len(out) > limit:
                    raise SearchTooLarge
            return
        token = tokens[token_index]
        length = len(token)
        longest = min(length, pos + longest_number)
        leading_zero = token[pos] == "0"
        before = left
        left -= min(2, longest - pos) if leading_zero else longest - pos
        if left < 0:
            raise SearchTooLarge
        if before // _CHECK_EVERY != left // _CHECK_EVERY or left % _CHECK_EVERY == 0:
            limits.checkpoint()
        # The cells still to place after this one must fit the characters and tokens left:
        # at least one per token still to read (and one more for the rest of this token),
        # at most one per character.
        cells_after = size - placed - 1
        tokens_left = count - token_index - 1
        if cells_after < tokens_left:
            return
        first = length if cells_after == tokens_left else pos + 1
        last = min(pos + 1 if leading_zero else longest, length + remaining_chars[token_index + 1] - cells_after)
        checks = due.get(placed)
        for end in range(first, last + 1):
            cells.append(int(token[pos:end]))
            if checks is None or _hold(checks, cells):
                if end == length:
                    place(token_index + 1, 0, placed + 1)
                else:
                    place(token_index, end, placed + 1)
            cells.pop()

    if not tokens or any(not t.isdecimal() for t in tokens):
        return ()
    place(0, 0, 0)
    return tuple(out)


def _hold(checks: list[tuple[tuple[int, ...], tuple[int, ...]]], cells: list[int]) -> bool:
    """Whether the row's identities due at this cell hold on the numbers placed so far."""
    for parts, whole in checks:
        total = 0
        for i in parts:
            total += cells[i]
        for i in whole:
            total -= cells[i]
        if total:
            return False
    return True


def blank_insertions(values: Sequence[int | None], size: int) -> list[tuple[Value, ...]]:
    """Every way to put back the blank cells a space-separated text dropped."""
    missing = size - len(values)
    if missing <= 0:
        return [tuple(values)]
    out: list[tuple[Value, ...]] = []

    def build(i: int, blanks: int, acc: list[Value]) -> None:
        if len(acc) == size:
            out.append(tuple(acc))
            return
        if blanks:
            build(i, blanks - 1, [*acc, None])
        if i < len(values):
            build(i + 1, blanks, [*acc, values[i]])

    build(0, missing, [])
    return sorted(set(out), key=out.index)
