"""A spreadsheet cell's number as its custom number format shows it.

A workbook stores a number and, apart, how to show it: 0"件" shows 12 as 12件, an accounting format shows 0 as -,
;;; shows nothing at all (a draft figure left in a cell, unseen), 0!.0, shows 12000 (元) as 1.2 (万元). Excel, WPS and
LibreOffice show the format's text; read as stored, a hidden draft was a figure and 12000 元 a fee of 12,000 万元.
Only what a report's cells use is rendered: sections, literals, digit placeholders, a decimal point, grouping and
scaling commas, percent. A format of dates, times, fractions or exponents is left to the stored value.
"""

from __future__ import annotations

import re

# A format's pieces: a quoted literal, an escaped character (\x, !x), a space as wide as a character (_x), a fill
# (*x), a bracketed colour, condition or locale ([Red], [>100], [$-804]), or one character.
_TOKEN = re.compile(r'"[^"]*"|[\\!].|_.|\*.|\[[^\]]*\]|.', re.S)
_PLACEHOLDERS = "0#?"
_UNRENDERED = re.compile(r"[EeYyMmDdHhSs@/]|A/P|AM/PM|General", re.I)  # (dates, times, fractions, exponents, text)


def shown_otherwise(value: object, code: str) -> str | None:
    """What a cell shows where it is not its stored value read as a number: nothing (;;;, a draft left unseen), or
    another number (0!.0, shows 12000 as 1.2); None where it shows the value (12件, 5,412, - for 0, 12.00)."""
    shown = formatted(value, code)
    if shown is None or shown == "":
        return shown
    digits = re.sub(r"[^\d.]", "", shown.replace(",", ""))
    try:
        return None if not digits or float(digits) == abs(float(value)) else shown
    except ValueError:
        return None


def formatted(value: object, code: str) -> str | None:
    """How a cell holding ``value`` shows under the number format ``code``: "" where its section is empty (;;;),
    the section's text for a number; None where the format is one not rendered here, or the value no number."""
    sections = _sections(code)
    if isinstance(value, str):
        return "" if len(sections) >= 4 and not sections[3].strip() else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value < 0 and len(sections) >= 2:
        section, number, sign = sections[1], -value, ""  # (the negative section prints its own sign, or none)
    elif value == 0 and len(sections) >= 3:
        section, number, sign = sections[2], 0, ""
    else:
        section, number, sign = sections[0], abs(value), "-" if value < 0 else ""
    if not section.strip():
        return ""
    tokens = _TOKEN.findall(section)
    if any(t.startswith("[") and not t.startswith(("[$", "[Red", "[Black", "[Blue", "[Green", "[Color", "[颜色"))
           for t in tokens) or any(not t.startswith(('"', "\\", "!", "_", "*", "[")) and _UNRENDERED.match(t)
                                   for t in tokens) or "General" in section:
        return None
    shown = _rendered(number, tokens)
    return None if shown is None else sign + shown


def _sections(code: str) -> list[str]:
    """The format's sections, split at semicolons outside quotes and escapes."""
    sections, current = [], ""
    for token in _TOKEN.findall(code):
        if token == ";":
            sections.append(current)
            current = ""
        else:
            current += token
    return [*sections, current]


def _rendered(number: float, tokens: list[str]) -> str | None:
    places = [k for k, t in enumerate(tokens) if t in _PLACEHOLDERS]
    literal = ["" if t.startswith(("*", "[")) else " " if t.startswith("_") else t[1:-1] if t.startswith('"')
               else t[1:] if t.startswith(("\\", "!")) else t for t in tokens]
    if not places:
        return "".join(literal)  # (a section of text alone: "无", -)
    point = next((k for k, t in enumerate(tokens) if t == "." and places[0] < k), None)
    last = places[-1]
    scale = 0  # commas right after the last placeholder: each a thousand
    while last + 1 + scale < len(tokens) and tokens[last + 1 + scale] == ",":
        scale += 1
    grouped = any(t == "," and places[0] < k < (point if point is not None else last) for k, t in enumerate(tokens))
    number = number / 1000 ** scale * 100 ** tokens.count("%")
    integer_places = [k for k in places if point is None or k < point]
    fraction_places = [k for k in places if point is not None and k > point]
    text = f"{number:.{len(fraction_places)}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.lstrip("0")
    out = list(literal)
    for k in range(len(tokens)):  # (commas in the format group or scale; the point is the decimal point)
        if tokens[k] == "," or (k == point):
            out[k] = "." if k == point and fraction_places else ""
    if grouped and len(integer_places) and all(tokens[k] in _PLACEHOLDERS + "," for k in range(integer_places[0],
                                                                                                 integer_places[-1] + 1)):
        minimum = sum(tokens[k] == "0" for k in integer_places)
        digits = f"{int(whole or 0):,}" if whole or minimum else ""
        digits = digits.rjust(minimum, "0") if minimum and not whole else digits
        for k in integer_places:
            out[k] = ""
        out[integer_places[-1]] = digits
    else:  # the digits from the right, one a placeholder, literals between them kept (0!.0: 12 as 1.2)
        remaining = whole
        for n, k in enumerate(reversed(integer_places)):
            if n == len(integer_places) - 1:
                out[k] = remaining if remaining else "0" if tokens[k] == "0" else " " if tokens[k] == "?" else ""
            else:
                out[k] = remaining[-1] if remaining else "0" if tokens[k] == "0" else " " if tokens[k] == "?" else ""
                remaining = remaining[:-1]
    kept = len(fraction)
    while kept and fraction[kept - 1] == "0" and tokens[fraction_places[kept - 1]] != "0":
        kept -= 1  # (# drops a trailing zero, ? leaves a space)
    for n, k in enumerate(fraction_places):
        out[k] = fraction[n] if n < kept else " " if tokens[k] == "?" else ""
    if point is not None and fraction_places and not kept and all(tokens[k] == "#" for k in fraction_places):
        out[point] = "."  # (Excel keeps the point: 12.)
    return "".join(out)
