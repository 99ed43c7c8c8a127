"""The words a regex's every match holds, read from the regex itself.

A text that holds none of a pattern's words cannot match it, so a reader may pass over the text
with a plain ``in`` instead of running the regex: most lines of a report hold no heading and
most sentences none of a rule's words. ``required_words`` reads the words from the pattern's
parse tree (Python's own ``re._parser``): a run of literal characters is a word every match
holds; so is one of the alternatives' words, and a repeat's (at least once). What it cannot read
for certain (case folding, a pattern its parser does not know, an alternative without a word)
gives no words: no shortcut, the regex is run on every text as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

try:  # (the standard library's regex parser: private, so read with care)
    from re import _constants as _ops
    from re import _parser
except ImportError:  # pragma: no cover - a Python without them runs every regex
    _parser = _ops = None

_MOST_WORDS = 8  # alternatives of one requirement, at most: looking for more costs more than the regex saves
_MOST_REQUIREMENTS = 3  # requirements looked for, at most (the rarest-looking: longest words, fewest of them)

# What every match holds: one word of each set.
Requirements = tuple[frozenset[str], ...]


@functools.cache
def required_words(pattern: re.Pattern[str]) -> Requirements:
    """Sets of words such that every match of ``pattern`` holds a word of each set (none when
    they cannot be read for certain: then every text may match)."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return ()
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # (an unreadable tree only costs the shortcut)
        return ()
    usable = {_shortest(words) for words in _of_sequence(tree) if len(words) <= _MOST_WORDS and all(words)}
    return tuple(sorted(usable, key=_rarity, reverse=True)[:_MOST_REQUIREMENTS])


def holds_words(text: str, requirements: Requirements) -> bool:
    """Whether ``text`` may match a pattern with these ``required_words`` (always, when there are none)."""
    for words in requirements:  # (loops, not generators: asked hundreds of times a report)
        for word in words:
            if word in text:
                break
        else:
            return False
    return True


def _shortest(words: frozenset[str]) -> frozenset[str]:
    """The words without those holding another of them (依申请公开 holds 申请: a text with it holds 申请 too)."""
    return frozenset(word for word in words if not any(other != word and other in word for other in words))


def _rarity(words: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
    """Longer words, then fewer of them, are less often in a text (then their order: a stable choice)."""
    return min(map(len, words)), -len(words), tuple(sorted(words))


def _of_sequence(items: Iterable) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _ops.LITERAL:
            run.append(chr(value))
            continue
        if run:  # (a run of literals is one word; anything between ends it)
            out.append(frozenset({"".join(run)}))
            run = []
        out += _of_node(op, value)
    if run:
        out.append(frozenset({"".join(run)}))
    return out


def _of_node(op, value) -> list[frozenset[str]]:
    if op is _ops.SUBPATTERN:
        _group, added, _removed, items = value
        return [] if added & re.IGNORECASE else _of_sequence(items)
    if op is getattr(_ops, "ATOMIC_GROUP", None):
        return _of_sequence(value)
    if op is _ops.BRANCH:  # one word of any alternative: each one's rarest requirement, together
        branches = [_of_sequence(items) for items in value[1]]
        if not all(branches):
            return []
        return [frozenset().union(*(max(requirements, key=_rarity) for requirements in branches))]
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, getattr(_ops, "POSSESSIVE_REPEAT", None)):
        low, _high, items = value
        return _of_sequence(items) if low >= 1 else []
    return []  # (a class of characters, an anchor, a lookaround, a back reference: no word of its own)
