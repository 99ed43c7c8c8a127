"""What a web page's inline scripts write with document.write, put where the scripts stand, as a browser shows it.

Old CMS pages write a table's rows, or a cell's figure, from a script (document.write('<tr><td>行政许可<\\/td>…'),
"<td>" + 12 + "</td>", a variable declared in the page's head). Read without its scripts, the page lost those cells.
No JavaScript is run: a script is read only when every statement of it is a declaration or an assignment of string
and number literals and names joined by +, a document.write or writeln of such, or nothing (comments, semicolons).
Any other script (a loop, a call, a sum in brackets) writes nothing here, and the names it mentions are unknown after
it (it may have changed them), so a later write of them writes nothing either: a cell missing, never a guessed one.
"""

from __future__ import annotations

import re

_WRITES = re.compile(r"document\s*\.\s*write")
# A comment, markup a browser never runs as script (a textarea's, a noscript's…), or a script and its body.
_PIECE = re.compile(r"<!--.*?(?:-->|\Z)|<(textarea|xmp|noscript|style|template|title)\b.*?(?:</\1\s*>|\Z)"
                    r"|<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)
_SOURCE = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
_LANGUAGE = re.compile(r"""\slanguage\s*=\s*["']?([^"'\s>]*)""", re.I)
_SCRIPT_TYPE = re.compile(r"(?:text|application)/(?:x-)?(?:java|ecma)script(?:1\.\d)?", re.I)

_TOKEN = re.compile(r"""(?P<space>[ \t\f\v\u00a0\ufeff]+)|(?P<newline>[\r\n\u2028\u2029])
    |(?P<comment>//[^\r\n\u2028\u2029]*|<!--[^\r\n\u2028\u2029]*|/\*.*?\*/|-->[^\r\n\u2028\u2029]*)
    |(?P<string>"(?:[^"\\\r\n]|\\(?:\r\n|[\s\S]))*"|'(?:[^'\\\r\n]|\\(?:\r\n|[\s\S]))*')
    |(?P<number>(?:[1-9]\d*|0)(?:\.\d*)?(?![\w$.])|\.\d+(?![\w$.]))
    |(?P<name>[A-Za-z_$][\w$]*)|(?P<mark>[+=;(),.])""", re.S | re.X)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0",
            "\r\n": "", "\n": "", "\r": "", "\u2028": "", "\u2029": ""}  # (a backslash before a line break continues it)
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
# Names no statement read here may declare or assign (a keyword, or a global a page cannot replace).
_RESERVED = frozenset({
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "export",
    "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new", "null", "return",
    "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "await", "enum",
    "undefined", "NaN", "Infinity", "document", "window",
})

_MAX_SCRIPT = 1_000_000  # characters of a script read, at most
_MAX_STATEMENTS = 200_000  # statements read on a page, at most
_MAX_BUILT = 8_000_000  # characters of strings a page's scripts build (values and writes), at most
_MAX_WRITTEN = 4_000_000  # characters written into a page, at most

Value = str | float


class _Unreadable(Exception):
    """A script that is more than declarations, assignments and writes of literals joined by +."""


def scripts_written(html: str) -> str:
    """The page with each inline script that can be read (see the module's docstring) replaced by the markup it
    writes, in document order, names assigned in one script known to the later ones."""
    if not _WRITES.search(html):
        return html
    last_close = max((m.end() for m in _SCRIPT_CLOSE.finditer(html)), default=0)
    page = _Page()
    pieces: list[str] = []
    done = 0
    # (pieces past the last </script>: no script ends there, and an unclosed one would be looked for to the end)
    for m in _PIECE.finditer(html, 0, last_close):
        body = m["body"]
        if body is None or not _runs(m["attributes"]):
            continue
        written = page.run(body)
        if written:
            pieces += [html[done:m.start()], written]
            done = m.end()
    return "".join(pieces) + html[done:] if pieces else html


def _runs(attributes: str) -> bool:
    """Whether a browser runs a script element's body as classic JavaScript (not one loaded from its src)."""
    kind, language = _TYPE.search(attributes), _LANGUAGE.search(attributes)
    return (not _SOURCE.search(attributes) and (kind is None or not kind[1] or bool(_SCRIPT_TYPE.fullmatch(kind[1])))
            and (language is None or language[1].lower().startswith("javascript")))


class _Page:
    """The names a page's scripts have set so far, and what its scripts may still cost."""

    def __init__(self) -> None:
        self.names: dict[str, Value] = {}
        self.lexical: set[str] = set()  # declared by let or const: never declared again
        self.constants: set[str] = set()
        self.statements = 0
        self.built = 0
        self.written = 0

    def run(self, body: str) -> str:
        """What a script writes; nothing, and the names it mentions unknown from now on, if it cannot be read."""
        try:
            return self._run(body)
        except _Unreadable:
            for name in set(_IDENTIFIER.findall(body)):
                self.names.pop(name, None)
            return ""

    def _run(self, body: str) -> str:
        if len(body) > _MAX_SCRIPT:
            raise _Unreadable
        tokens = _tokens(body)
        assigned: dict[str, Value] = {}
        lexical: set[str] = set()
        constants: set[str] = set()
        out: list[str] = []

        def expression(k: int) -> tuple[Value, int]:
            """A + chain from token k, as JavaScript adds it: numbers summed until a string, then all joined."""
            total, summed = 0.0, False  # (the sum while every term so far is a number)
            parts: list[str] = []
            joining = False
            while True:
                term = term_at(k)
                if joining or isinstance(term, str):
                    parts += [_shown(total), _shown(term)] if summed and not joining else [_shown(term)]
                    joining = True
                else:
                    total, summed = total + term, True
                k += 1
                if k >= len(tokens) or tokens[k][1] != "+":
                    break
                k += 1
            if not joining:
                return total, k
            self.built += sum(map(len, parts))
            if self.built > _MAX_BUILT:
                raise _Unreadable
            return "".join(parts), k

        def term_at(k: int) -> Value:
            kind, text, _ = tokens[k] if k < len(tokens) else ("", "", False)
            if kind == "string":
                return _unescaped(text[1:-1])
            if kind == "number":
                return float(text)
            if kind == "name" and name_known(text):
                return assigned[text] if text in assigned else self.names[text]
            raise _Unreadable

        def name_known(name: str) -> bool:
            return name in assigned or name in self.names

        k = 0
        while k < len(tokens):
            self.statements += 1
            if self.statements > _MAX_STATEMENTS:
                raise _Unreadable
            kind, text, _ = tokens[k]
            following = [t[1] for t in tokens[k + 1:k + 4]]
            if text == ";":
                k += 1
                continue
            if kind == "name" and text in ("var", "let", "const"):
                k += 1
                while True:
                    name = _target(tokens, k)
                    if name in self.lexical or name in lexical or (text != "var" and name_known(name)):
                        raise _Unreadable  # (a name declared again by let or const: the script does not run)
                    if text != "var":
                        lexical.add(name)
                        if text == "const":
                            constants.add(name)
                    assigned[name], k = expression(k + 2)
                    if k < len(tokens) and tokens[k][1] == ",":
                        k += 1
                        continue
                    break
            elif kind == "name" and text == "document" and following[:1] == ["."] and following[1:] in (
                    ["write", "("], ["writeln", "("]):
                k += 4
                while True:
                    value, k = expression(k)
                    out.append(_shown(value))
                    self.written += len(out[-1])
                    if k < len(tokens) and tokens[k][1] == ",":
                        k += 1
                        continue
                    break
                if k >= len(tokens) or tokens[k][1] != ")":
                    raise _Unreadable
                k += 1
                if following[1] == "writeln":
                    out.append("\n")
                if self.written > _MAX_WRITTEN:
                    raise _Unreadable
            elif kind == "name" and following[:1] == ["="]:
                name = _target(tokens, k)
                if name in self.constants or name in constants:
                    raise _Unreadable  # (assigning a constant stops the script)
                assigned[name], k = expression(k + 2)
            else:
                raise _Unreadable
            # a statement ends at a semicolon, a line break or the script's end
            if k < len(tokens) and tokens[k][1] == ";":
                k += 1
            elif k < len(tokens) and not tokens[k][2]:
                raise _Unreadable
        self.names.update(assigned)
        self.lexical |= lexical
        self.constants |= constants
        return "".join(out)


def _target(tokens: list[tuple[str, str, bool]], k: int) -> str:
    """The name a declaration or an assignment at token k sets (its = follows it)."""
    if k + 1 >= len(tokens) or tokens[k][0] != "name" or tokens[k][1] in _RESERVED or tokens[k + 1][1] != "=":
        raise _Unreadable
    return tokens[k][1]


def _tokens(body: str) -> list[tuple[str, str, bool]]:
    """A script's tokens (kind, text, whether a line break comes before it), comments and spaces left out."""
    tokens: list[tuple[str, str, bool]] = []
    k, broken = 0, True
    while k < len(body):
        m = _TOKEN.match(body, k)
        if m is None:
            raise _Unreadable
        kind = m.lastgroup or ""
        if kind == "newline" or (kind == "comment" and ("\n" in m[0] or "\r" in m[0])):
            broken = True
        elif kind == "comment" and m[0].startswith("-->") and not broken:
            raise _Unreadable  # (--> opens a comment only at a line's start)
        elif kind not in ("space", "comment"):
            tokens.append((kind, m[0], broken))
            broken = False
        k = m.end()
    return tokens


def _unescaped(body: str) -> str:
    """A string literal's text, its escapes as JavaScript reads them; an octal escape or a broken one is unreadable."""
    def one(m: re.Match) -> str:
        code = m[1]
        if len(code) > 1 and code[0] in "ux":  # \uXXXX, \u{X…}, \xHH
            point = int(code[1:].strip("{}"), 16)
            if point > 0x10FFFF:
                raise _Unreadable
            return chr(point)
        if code in "123456789ux" or (code == "0" and body[m.end():m.end() + 1].isdigit()):
            raise _Unreadable  # (an octal escape, or a \u or \x without its digits)
        return _ESCAPED.get(code, code)

    if "\\" not in body:
        return body
    text = _ESCAPE.sub(one, body)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # (\ud83d\ude00 pairs joined)


def _shown(value: Value) -> str:
    """A value as JavaScript prints it: 12, 0.5, 12.6 (a number it would print in exponent form is unreadable)."""
    if isinstance(value, str):
        return value
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    if "e" in text or "n" in text:
        raise _Unreadable
    return text
