"""Word's fields, as a reader meets them in a document's text: nested, each its code then its result."""

from __future__ import annotations


class Fields:
    """The fields open where a reader stands: a field's code (from its begin to its separate mark, a field nested in
    it included) is no text, its result is what Word shows. Word 97's binary marks them \\x13 \\x14 \\x15,
    WordprocessingML by w:fldChar begin, separate and end."""

    def __init__(self) -> None:
        self._in_code: list[bool] = []  # innermost last

    def begin(self) -> None:
        self._in_code.append(True)

    def separate(self) -> None:
        if self._in_code:
            self._in_code[-1] = False

    def end(self) -> None:
        if self._in_code:
            self._in_code.pop()

    @property
    def in_code(self) -> bool:
        return any(self._in_code)
