"""CSS frameworks' responsive classes, read as a browser of a given width shows them with the framework's style sheet.

A saved page links its framework's style sheet (Bootstrap, Layui, Element, Tailwind) rather than holding it, so the
rules that hide a table's phone copy on a desktop (visible-xs, d-md-none, layui-hide-lg, hidden-md-and-up) are not in
the page: read without them, a phone copy's rows and abbreviated, older figures were read beside the desktop's. The
frameworks define these classes the same way on every site, so their meaning is written here once, as data.
"""

from __future__ import annotations

import re

_ANY_WIDTH = 1_000_000

# Sizes named by their width ranges in px: Bootstrap 3's and Layui's, Element's.
_BOOTSTRAP3_SIZES = {"xs": (0, 767), "sm": (768, 991), "md": (992, 1199), "lg": (1200, _ANY_WIDTH)}
_ELEMENT_SIZES = {"xs": (0, 767), "sm": (768, 991), "md": (992, 1199), "lg": (1200, 1919), "xl": (1920, _ANY_WIDTH)}
# Widths from which a display class holds (d-md-none, md:hidden): Bootstrap 4/5's and Tailwind's breakpoints.
_BOOTSTRAP_FROM = {"": 0, "sm": 576, "md": 768, "lg": 992, "xl": 1200, "xxl": 1400}
_TAILWIND_FROM = {"": 0, "sm": 640, "md": 768, "lg": 1024, "xl": 1280, "2xl": 1536}

_DISPLAYS = r"(none|hidden|inline|inline-block|block|grid|inline-grid|table|table-row|table-cell|flex|inline-flex|contents)"
_BOOTSTRAP3_VISIBLE = re.compile(r"visible-(xs|sm|md|lg)(?:-(?:block|inline|inline-block))?")
_BOOTSTRAP3_HIDDEN = re.compile(r"hidden-(xs|sm|md|lg)")
_BOOTSTRAP_DISPLAY = re.compile(r"d-(?:(sm|md|lg|xl|xxl)-)?" + _DISPLAYS)
_TAILWIND_DISPLAY = re.compile(r"(?:(sm|md|lg|xl|2xl):)?" + _DISPLAYS)
_LAYUI_HIDE = re.compile(r"layui-hide(?:-(xs|sm|md|lg))?")
_LAYUI_SHOW = re.compile(r"layui-show-(xs|sm|md|lg)-(?:block|inline|inline-block)")
_ELEMENT_HIDDEN = re.compile(r"hidden-(xs|sm|md|lg|xl)-(only|and-down|and-up)")
_PRINT_ONLY = re.compile(r"visible-print(?:-block|-inline|-inline-block)?")

# Whether a class attribute may hold any of them (most pages' classes do not: not looked at further).
FRAMEWORK_CLASS = re.compile(r"(?:^|\s)(?:visible-|hidden|d-|layui-hide|layui-show|(?:sm|md|lg|xl|2xl):)")


def hidden_at(classes: str, width: int) -> bool:
    """Whether an element of these classes is hidden (display: none) on a screen ``width`` px wide by the frameworks'
    own rules: Bootstrap 3's visible-*/hidden-* and .hidden, Bootstrap 4/5's d-*, Tailwind's hidden and md:*, Layui's
    layui-hide*/layui-show-*, Element's hidden-*-only/-and-down/-and-up, and print-only copies."""
    tokens = classes.split()

    def within(size: str, sizes: dict[str, tuple[int, int]]) -> bool:
        low, high = sizes[size]
        return low <= width <= high

    visible = [m[1] for t in tokens if (m := _BOOTSTRAP3_VISIBLE.fullmatch(t))]
    if visible and not any(within(size, _BOOTSTRAP3_SIZES) for size in visible):
        return True
    if any(_PRINT_ONLY.fullmatch(t) for t in tokens):
        return True
    if any((m := _BOOTSTRAP3_HIDDEN.fullmatch(t)) and within(m[1], _BOOTSTRAP3_SIZES) for t in tokens):
        return True
    if any((m := _ELEMENT_HIDDEN.fullmatch(t)) and _element_hides(m[1], m[2], width) for t in tokens):
        return True
    layui_hides = any((m := _LAYUI_HIDE.fullmatch(t)) and (m[1] is None or within(m[1], _BOOTSTRAP3_SIZES)) for t in tokens)
    if layui_hides and not any((m := _LAYUI_SHOW.fullmatch(t)) and within(m[1], _BOOTSTRAP3_SIZES) for t in tokens):
        return True
    return _display_at(tokens, _BOOTSTRAP_DISPLAY, _BOOTSTRAP_FROM, width) in ("none", "hidden") or \
        _display_at(tokens, _TAILWIND_DISPLAY, _TAILWIND_FROM, width) == "hidden"


def _element_hides(size: str, reach: str, width: int) -> bool:
    low, high = _ELEMENT_SIZES[size]
    return (low <= width <= high) if reach == "only" else width <= high if reach == "and-down" else width >= low


def _display_at(tokens: list[str], pattern: re.Pattern[str], starts: dict[str, int], width: int) -> str | None:
    """The display a mobile-first framework's classes give at ``width``: the one of the widest breakpoint reached."""
    reached = [(starts[m[1] or ""], m[2]) for t in tokens if (m := pattern.fullmatch(t)) and starts[m[1] or ""] <= width]
    return max(reached)[1] if reached else None
