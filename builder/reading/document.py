"""Bytes to a normalised document: format and encoding detection, chrome removal.

Readers for structured formats (HTML tables, PDF, DOCX) emit table rows as
tab-separated lines, so that one table parser serves every format.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import itertools
import os
import quopri
import re
import stat
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from urllib.parse import unquote

from .. import errors
from ..limits import checkpoint, current
from . import positioned, repair
from .captures import WARC_SIGNATURE, is_har, is_http_dump
from .columns import side_by_side
from .datafiles import data_file_kind
from .exports import exported_report
from .notebooks import notebook_text
from .parsed import parsed_text
from .properties import docx_properties, pdf_properties, prints_no_title, with_property_title
from .recognised import recognised_text
from .structured import document_tree_text, submitted_report
from .wikitext import tables_as_rows


@dataclass
class Source:
    path: str
    sha256: str
    format: str
    encoding: str | None = None
    running_heads: tuple[str, ...] = ()  # a Word file's 页眉 and 页脚: where an agency may name itself only
    attachments: tuple[str, ...] = ()  # the files a cover note (a PDF, an e-mail, a Word file) carries, read as its report
    repaired: str = ""  # how a damaged file (a download cut short, XML not well-formed) was repaired ('' for a sound one)
    exported: bool = False  # a filing system's export of the form's cells (a row, or fields), written back as text

    def as_json(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "format": self.format}


@dataclass
class Document:
    """A report as text. ``text`` is what was read (shown to readers as the
    source); ``lines`` is its normalised body, chrome removed, for parsing."""

    source: Source
    text: str
    lines: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def page_lines(self) -> list[str]:
        """The text normalised (``normalize``) and split into lines, page labels and chrome kept:
        ``lines`` is made of them, and the metadata reads a crawled page's labels from them."""
        text = without_quote_marks(self.text) if "\n>" in self.text else self.text
        if _LONG_BLANK_RUN.search(text):  # (500,000 tabs on a line: each pattern anchored by blanks backtracks through them)
            text = _LONG_BLANK_RUN.sub(lambda m: m.group()[:_BLANK_RUN_MAX], text)
        text = simplified(normalize(unwrapped_tab_rows(unwrapped_grid(text))))  # (widths as printed: before normalising)
        if "=\"" in text or "'" in text:  # a spreadsheet's values kept as text (="41", '004, "=""41"""): the values
            text = _PROTECTED_VALUE.sub(_protected_value, text)
        if "base64," in text:  # a picture a crawler wrote into the text as its data URI: no words of the report
            text = _DATA_URI.sub("", text)
        if "**" in text or "__" in text:  # a line set in bold by Markdown (**一、总体情况**): the line
            text = _MARKDOWN_STRONG_LINE.sub(r"\1\3", text)
        if "](" in text:  # a picture in Markdown (a table published as an image): its alt text, not its address
            text = _MARKDOWN_IMAGE.sub(r"\1", text)
        if "\\|" in text:  # a table typed as text lines, its pipes escaped by Markdown (markdownify): the row's cells
            text = _ESCAPED_PIPE_ROW.sub(lambda m: m.group().replace("\\|", "|"), text)
        if "|=" in text:  # a Creole table's header row (|=行政复议|=|=…|): its cells, without the marks
            text = _CREOLE_HEADER_ROW.sub(lambda m: m.group().replace("|=", "|"), text)
        if "#+" in text:  # an Org file's keyword lines (#+NAME: tbl-t4, #+TBLFM: $10=vsum($4..$9)): no text
            text = _ORG_KEYWORD.sub(lambda m: m.group("value") if m.group("key").upper() == "TITLE" else "", text)
        # a template's example lines left in (示例：行政规范性文件 2 1 10): not the report's
        if "示例" in text or "样例" in text or "范例" in text:
            text = _TEMPLATE_EXAMPLE.sub("", text)
        if _LEADER_MARKS.search(text):  # a row aligned by leaders (本年新收……………11, 11·····0·····0): its cells
            text = leaders_as_cells(text)
        if "/" in text:  # a row as its label and its values slashed apart (一、本年新收…：72/9/0/0/3/1/85): its cells
            text = _SLASHED_ROW.sub(lambda m: m["label"] + "\t" + "\t".join(re.split(r"\s*/\s*", m["values"])), text)
        if "依次" in text:  # a row read out with its values in order (一、本年新收…，依次为92、2、0、1、0、5、100。): its cells
            text = _ENUMERATED_ROW.sub(lambda m: m["label"] + "\t" + "\t".join(re.split(r"\s*[、，,]\s*", m["values"])), text)
        lines = text.split("\n")
        if "\t" in text and any(line.count("\t") >= _RUN_TOGETHER_CELLS for line in lines):
            lines = [row for line in lines for row in rows_run_together(line)]
        return marked_rows(separated_rows(grid_rows(list_table_rows(csv_table_rows(unspaced(parted(single_spaced(lines))))))))

    @cached_property
    def sentences(self) -> list[str]:
        """The prose as sentences, wrapped lines joined (read by the narrative and the checks)."""
        from ..extraction.narrative import sentences

        return sentences(self.lines)


# --- normalisation ----------------------------------------------------------

_TRANSLATE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
_TRANSLATE.update({0x3000: " ", 0x00A0: " ", 0x202F: " ", 0x205F: " "})
_TRANSLATE.update({cp: " " for cp in range(0x2000, 0x200B)})
_TRANSLATE.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
# Variation selectors (3︀3, 0︎: a glyph's look, left in by editors and emoji keyboards): no character of the text.
_TRANSLATE.update({cp: None for cp in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))})
# Decimal digits of other scripts (Arabic-Indic ٣, Extended Arabic-Indic ۳, Devanagari ३, mathematical 𝟑 …): the
# numbers they write. The Arabic ones were taken for a bilingual page's parallel text and dropped (a cell blank).
_TRANSLATE.update({cp: str(unicodedata.decimal(chr(cp))) for cp in (*range(0x80, 0xFF00), *range(0x1D7CE, 0x1D800))
                   if unicodedata.category(chr(cp)) == "Nd"})
# A page's bare number centred at its foot, before the form feed that starts the next page (pdftotext -layout):
# in a table that runs over the page it stood between a row's label and its values as a row of its own.
_PAGE_NUMBER_AT_BREAK = re.compile(r"(?m)^ {10,}\d{1,3} *\n(?=(?:[ \t]*\n)*\f)")
# Line breaks other than \n: the form feed that starts each page of a PDF's text (pdftotext), the
# vertical tab of Word's manual line break in copied text, and Unicode's line and paragraph separators.
_TRANSLATE.update({cp: "\n" for cp in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)})
# Other control characters are no text (a page or a Word file may carry them): none reaches a page,
# a CSV or a JSON file, where R and spreadsheets stop at them. A NUL parts words, as in ``decode``.
_TRANSLATE.update({cp: None for cp in (*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F)})
_TRANSLATE[0x00] = " "
# Direction marks, embeddings, overrides and isolates: invisible in a Chinese report, and an
# override would show an agency's name reversed on its pages.
_TRANSLATE.update({cp: None for cp in (0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})
# A figure as TeX math left untypeset (a note tool's or a blog's export: \\(26\\), $26$, \\[2{,}357\\]): the figure.
_TEX_FIGURE = re.compile(r"\\\(\s*([-+]?\d[\d.]*(?:\{,\}\d{3})*)\s*\\\)|\\\[\s*([-+]?\d[\d.]*(?:\{,\}\d{3})*)\s*\\\]"
                         r"|(?<![\\$\w])\$\$?\s*([-+]?\d[\d.,]*(?:\{,\}\d{3})*)\s*\$\$?(?![\w$])")
# A figure in a right-to-left override (U+202E to U+202C, or to its cell's or line's end), stored backwards to be drawn
# forwards (an anti-scraping page stores 51 to show 15): as shown. Words in one are only freed of it (彭阳县‮人民政府
# would be shown 府政民人, no name): the override is what a reader cannot see, the figure what it sees.
_OVERRIDDEN_FIGURE = re.compile("\u202e([\\d.,，]+)(?:\u202c|(?=[\t\n]|$))")
# Minus signs and hyphens other than ASCII's: a change printed as −5 (U+2212, as Word and Excel
# write it) is the number -5. Dashes stay: — and – are words for none and ranges.
_TRANSLATE.update({cp: "-" for cp in (0x2212, 0xFE63, 0x2010, 0x2011, 0x2012)})  # 0x2012: the figure dash
# The dash a Chinese font writes for —— as one glyph (⸺ U+2E3A, ⸻ U+2E3B: a Word or Chromium PDF's
# text layer), and the horizontal bar (―) some input methods type for —: the same word for none.
_TRANSLATE.update({0x2E3A: "——", 0x2E3B: "——", 0x2015: "—"})
# Box-drawing verticals, which OCR and text exports of tables draw cell borders with (┃一、本年新收…│7│0┃):
# the pipes of a pipe table.
_TRANSLATE.update({ord(c): "|" for c in "│┃║┆┇┊┋╎╏¦"})
# Digits and their separators in the private-use code points of Word's symbol fonts (U+F030 for 0, as Symbol maps
# its codes 0x20-0x7E to U+F020-F07E): a PDF's text layer writes them where a cell's figures were set in such a font.
_TRANSLATE.update({0xF030 + d: str(d) for d in range(10)} | {0xF02C: ",", 0xF02E: "."})
# Kangxi radicals, which PDF text layers often use for common characters (⼀ for 一), and the CJK
# compatibility ideographs (梨 U+F9E2 for 梨, 年 U+F98E for 年) some fonts and converters write.
_TRANSLATE.update({cp: unicodedata.normalize("NFKC", chr(cp)) for cp in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00),
                                                                          *range(0x2F800, 0x2FA20))
                   if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)})
# Their supplement, which Chromium and Word write for the glyphs they share with common characters
# (⺠ for the 民 of 人民政府, ⻓ for 长): only the radicals that stand for a whole character.
_TRANSLATE.update({ord(radical): character for radical, character in zip(
    "⺟⺠⺩⺬⻁⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻱⻳",
    "母民王示虎西见角贝车長长门雨青韦页风飞食首马骨鬼鱼鸟卤麦黄黾齐齿龙龜龟", strict=True)})


# Characters OCR reads for common ones they look like and no report writes (巿 fú for 市, 幵 jiān for 开: 洛阳巿,
# 政府信息公幵): the characters meant, or the agency lost its region and the title its subject.
_TRANSLATE.update({ord("巿"): "市", ord("幵"): "开"})
# And the words OCR makes of the form's own with one character misread, which are no words (政府信怠公开, 申清):
# the words meant, or the title named another subject than disclosure and the report was refused.
_MISREAD_WORDS = {"信怠": "信息", "申清": "申请", "报吿": "报告"}
_MISREAD_WORD = re.compile("|".join(_MISREAD_WORDS))
_NUL_IN_NUMBER = re.compile(r"(?<=\d)\x00+(?=\d)")


# Spaces and tabs in one run, at most: more are no layout's (a landscape page's widest gap, a sheet's row padded to its
# widest: a few hundred) and are cut to this many.
_BLANK_RUN_MAX = 512
_LONG_BLANK_RUN = re.compile(rf"[ \t]{{{_BLANK_RUN_MAX + 1},}}")


_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")

# 〇 typed for the zero of a number in digits (1〇583, 16〇, 7〇: an input method's 零): 0. Not in a year in
# Chinese numerals (二〇二三), which has no digit beside it.
_ZERO_IN_DIGITS = re.compile(r"(?<=\d)〇+|〇+(?=\d)")


def normalize(text: str) -> str:
    """Full-width digits (and other scripts' digits) and ASCII punctuation to ASCII, odd spaces to spaces (a thin one
    grouping thousands left out), minus signs to "-", zero-width and direction characters removed, 〇 among digits to
    0, a page's bare number before a page break left out. Chinese characters are left as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "(cid:" in text:  # a glyph pdfminer could not map, as a converter's text keeps it: no character, no digits
        text = _UNMAPPED_GLYPH.sub("□", text)
    if "\f" in text:
        text = _PAGE_NUMBER_AT_BREAK.sub("", text)
    if "\u2009" in text or "\u202f" in text:  # (before the odd spaces become spaces, which part cells)
        text = _THIN_GROUPED.sub("", text)
    if "\u3000" in text:
        text = _fixed_width_rows(_IDEOGRAPHIC_ROW.sub(_ideographic_cells, text))
    if "\x00" in text:  # (a NUL between two digits is none of the number's: 48␀73条 is 4873, not two numbers)
        text = _NUL_IN_NUMBER.sub("", text)
    if "\\(" in text or "$" in text or "\\[" in text:
        text = _TEX_FIGURE.sub(lambda m: next(g for g in m.groups() if g is not None).replace("{,}", ","), text)
    if "\u202e" in text:  # (before the direction characters are dropped)
        text = _OVERRIDDEN_FIGURE.sub(lambda m: m[1][::-1], text)
    text = text.translate(_TRANSLATE)
    if _MISREAD_WORD.search(text):
        text = _MISREAD_WORD.sub(lambda m: _MISREAD_WORDS[m.group()], text)
    if "(" in text and _PINYIN_GLOSS.search(text):
        text = _PINYIN_GLOSS.sub("", text)
    if _PINYIN_TONED.search(text) and len(_PINYIN_TONED.findall(text)) >= _PINYIN_SHARE * len(_HAN.findall(text)):
        text = _PINYIN_AFTER.sub("", text)
    if _DESCRIBED.search(text):
        text = _DESCRIBED.sub("□", text)
    if "[" in text and _PICTURED.search(text):
        text = _PICTURED.sub("□", text)
    if _DECORATED.search(text):
        text = _DECORATED_DIGITS.sub(_plain_digits, text)
    return _ZERO_IN_DIGITS.sub(lambda m: "0" * len(m.group()), text) if "〇" in text else text


# A table's row whose cells an ideographic space parts, one per cell (98　9　　　1　1　109: two cells left empty), as
# pages laid out without a table print it: each such space a cell's end. Only where most gaps between its figures are
# one such space (spaces padding a fixed-width row run several to a gap, and stay spaces).
_IDEOGRAPHIC_ROW = re.compile(r"^[^\t\n]*[\d０-９]\u3000[^\t\n]*[\d０-９]\u3000+[\d０-９][^\t\n]*$", re.MULTILINE)
_FIGURE_GAPS = re.compile(r"(?<=[\d０-９])\u3000+(?=[\d０-９])")


def _ideographic_cells(row: re.Match) -> str:
    gaps = [len(gap) for gap in _FIGURE_GAPS.findall(row.group())]
    cells = sum(1 for cell in row.group().split("\u3000") if _FIGURE_CELL.fullmatch(cell))  # (1　402件: thousands)
    return row.group().replace("\u3000", "\t") if len(gaps) >= 2 and 2 * gaps.count(1) >= len(gaps) \
        and cells >= 3 else row.group()


_FIGURE_CELL = re.compile(r"\s*[-+]?[\d０-９][\d０-９,.]*\s*")

# A figure standing alone between spaces (a cell of a row typed with spaces, not 2021年 nor 第3页).
_LONE_FIGURE = re.compile(r"(?:^|(?<=[ \u3000]))[-+]?\d[\d,.]*(?=[ \u3000]|$)")


def _fixed_width_rows(text: str) -> str:
    """The rows of a table typed with spaces (two figures apart, ideographic spaces among the padding between them),
    each ideographic space after the first figure two spaces wide as an editor shows it: a blank cell keeps its place
    (``spaced`` reads it). Before it, the label's padding stays one space (pdftotext's layout counts a character a
    column, whatever its width)."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "\u3000" in line and "\t" not in line and len(_LONE_FIGURE.findall(line, 0, 2000)) >= 2 \
                and (first := _LONE_FIGURE.search(line, 0, 2000)) is not None:
            lines[k] = line[:first.start()] + line[first.start():].replace("\u3000", "  ")
    return "\n".join(lines)


# A thin space grouping a number's thousands (2 681, as typesetting and spreadsheets print them): no cell parts there.
_THIN_GROUPED = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")
# A character a page shows as a picture (a rare one its font lacks), its alt text inside a word (临[图片]关镇): one
# character no font shows, like □.
_PICTURED = re.compile(r"(?<=[\u4e00-\u9fff])\[(?:图片|图像|image)\](?=[\u4e00-\u9fff])")
# A character described by its parts, as an ideographic description sequence (⿰氵廛: 瀍), where a font or an encoding
# lacks it: one character no font shows, like the □ a page prints for it.
_DESCRIBED = re.compile(r"[\u2ff0-\u2ffb](?:[\u2ff0-\u2ffb]\S\S|\S)(?:[\u2ff0-\u2ffb]\S\S|\S)")
# A rare character's reading in pinyin in brackets after it (邛(qióng)崃, 黟(yī)县), as sites gloss 生僻字: no text.
# Text copied from a page in a reading aid's pinyin mode (<ruby>政<rt>zhèng</rt></ruby> copied as 政zhèng府fǔ): where
# a good share of the characters have a toned syllable right after them, every syllable after a character is none of
# the text (neutral ones too: 的de).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_LETTERS = f"a-zü{_TONED}"
_PINYIN_TONED = re.compile(rf"(?<=[\u4e00-\u9fff])[a-zü]{{0,4}}[{_TONED}][{_PINYIN_LETTERS}]{{0,4}}(?![A-Za-z])")
_PINYIN_AFTER = re.compile(rf"(?<=[\u4e00-\u9fff])[{_PINYIN_LETTERS}]{{1,6}}(?![A-Za-z])")
_PINYIN_SHARE = 0.3  # of a text's characters followed by a toned syllable, at least, to read it as copied so
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[1-5]?\)")


# Digits written otherwise than as digits, where they stand for a count: circled numbers (①…⑳, ㉑…㊿) as a cell or
# before a unit (申请㉑件), not as a list's markers before words or figures (①主动公开…, ①4,127条: no 14,127) nor a
# note's mark after a count (1563 ①, 52②: a raised mark, set apart or not); a cell of superscript or subscript digits
# (⁴⁰, ₄⁶, not the footnote mark after a number: 27¹); marks combined with a digit (2̲, 0̸, 27⃝, the keycap 1️⃣).
_CIRCLED = "\u2460-\u2473\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"  # (⓪, ⓫…⓴, ⓵…⓾, ❶…➓ too)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉"  # (raised or lowered: a cell of either, or of both mixed, ¹₄)
_COMBINING = "\u0300-\u036f\u20d0-\u20ff\ufe0e\ufe0f"
# (spaces bounded, not \\s*: a page's thousands of blank lines made each line's start scan all the whitespace after it)
_DECORATED = re.compile(f"[{_CIRCLED}{_COMBINING}]|(?:^|[\t|]) {{0,8}}[{_SUPERSCRIPTS}]", re.MULTILINE)
_DECORATED_DIGITS = re.compile(f"(?<![\\d件条项个次起宗份元%％])(?<![\\d件条项个次起宗份元%％] )"
                               f"(?P<circled>[{_CIRCLED}])(?=[件条项个次起宗人份元]|[^\u4e00-\u9fff\\d０-９]|$)"
                               f"|(?<=\\d)(?P<marks>[{_COMBINING}]+)"
                               f"|(?:(?<=^)|(?<=[\t|]))(?P<lead> {{0,8}})(?P<raised>[{_SUPERSCRIPTS}]+)(?= {{0,8}}(?:[\t|]|$))",
                               re.MULTILINE)


def _plain_digits(m: re.Match) -> str:
    if m["circled"]:
        return str(int(unicodedata.numeric(m["circled"])))
    if m["marks"]:
        return ""
    return m["lead"] + "".join(str(unicodedata.digit(c)) for c in m["raised"])


# Traditional characters of words every report prints (區 縣 報 開 資 務 …), which simplified text has
# none of: this many or more, and the text is (at least partly) a 繁體 page.
_TRADITIONAL = re.compile("[區縣國開資報務與為關處請這會體門東廣複訴審計發據經機構組織應單辦結轉財農業們從實現鄉鎮銷產]")
_TRADITIONAL_MIN = 10
# What only a Taiwan-usage conversion writes (Chrome's 翻譯成中文（繁體）, OpenCC s2twp): 資訊 for 信息.
_TAIWAN_USAGE = "資訊公開"


# 乾 of a 繁體 page is 干 (a converter writing 乾 for every 干: 餘乾縣 for 余干县) but in the few words that
# keep it in simplified text too (乾县, 乾安县, 乾隆…); OpenCC takes back only the words it knows (乾部 →
# 干部). The divisions named …干县 are 余干县 and 新干县.
_QIAN = re.compile(r"乾(?![县安坤隆陵元州])|(?<=[余新])乾(?=县)")


def simplified(text: str) -> str:
    """The text in simplified characters when it is a 繁體 page, wholly or partly (a site's 繁體 toggle,
    a converter script run on the template or the article only), converted by OpenCC: characters
    (瀋陽→沈阳, 於洪→于洪, 乾部→干部, 餘乾縣→余干县, the one-to-many slips of such converters, go back as well), and
    Taiwan usage too (資訊→信息, 檔案→文件) when the page is in it. A simplified text is left as it is:
    converting it would turn names such as 乾安县 into 干安县."""
    if len(_TRADITIONAL.findall(text[:20000])) < _TRADITIONAL_MIN:
        return text
    if _TAIWAN_USAGE not in text:
        return _QIAN.sub("干", opencc_converter("t2s").convert(text))
    # Taiwan usage writes 檔案 for the 文件 of 规范性文件, which OpenCC takes back as 文档 (a file on a disk).
    return opencc_converter("tw2sp").convert(text).replace("文档", "文件")


@cache
def opencc_converter(config: str):  # opencc's converter (the package has no type hints)
    import opencc

    return opencc.OpenCC(config)


# A Creole (wiki) table's header row: each cell marked by = after its bar (|=总计|=|), the empty ones too.
_CREOLE_HEADER_ROW = re.compile(r"(?m)^[ \t]*\|=.*\|[ \t]*$")
# An Org file's keyword line: its digits (tbl-t4, $10) were read as a table's row; its title is the title.
_ORG_KEYWORD = re.compile(r"(?m)^[ \t]*#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*)$")
# A spreadsheet's number kept as text in a CSV field, so that the sheet shows it as printed: as a formula's string
# (="41", quoted by the writer "=""41"""), or after the apostrophe that marks a cell as text ('004).
_PROTECTED_VALUE = re.compile(r"(?<![^,;\t\n])(?:\"=\"\"(?P<quoted>[-+]?\d[\d,.]*%?)\"\"\"|=\"(?P<bare>[-+]?\d[\d,.]*%?)\""
                              r"|'(?P<marked>[-+]?\d[\d,.]*%?))(?=[,;\t\r\n]|$)")


def _protected_value(m: re.Match) -> str:
    """A number kept as text, as the sheet shows it; zeros a clerk padded it with left out (a text cell, not OCR's
    misreading of a rule as 0)."""
    value = m["quoted"] or m["bare"] or m["marked"]
    return re.sub(r"^([-+]?)0+(?=\d)", r"\1", value)


_DATA_URI = re.compile(r"data:[\w.+-]+/[\w.+-]+;base64,[A-Za-z0-9+/=]+")
# A Markdown picture: ![alt](address "title"). Its address's digits (…/202001/W0202001175831.png) are
# no figures of the report.
_MARKDOWN_STRONG_LINE = re.compile(r"^([ \t]*)(\*\*|__)(?=\S)(.+?)(?<=\S)\2[ \t]*$", re.M)
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
# A crawler that joined a page's text nodes with " | " into one line: menu entries, labels, the title
# and every paragraph (a label whose value is empty, 浏览次数：| 根据…, ends in its colon). A table's row has no
# paragraph among its cells.
_NODE_SEPARATOR = re.compile(r" \| |(?<=[:：])\| ")
_JOINED_NODES = 5
# A table's last cell run on into what follows the table, the crawler's pipe missing there (0 注：1.…, 0 四、政府信息…):
# the number, then the note or the next section.
_NUMBER_THEN_TEXT = re.compile(r"^([-+]?\d[\d,]*(?:\.\d+)?)\s+(?=注[:：]|[一二三四五六七八九十]、)")
_PARAGRAPH = 120  # characters of a node holding a 。: a paragraph, which no table cell is


def parted(lines: list[str]) -> list[str]:
    """The lines of a text with each line a crawler joined with " | " (five or more, and a paragraph
    among them) parted again."""
    out: list[str] = []
    for line in lines:
        nodes = _NODE_SEPARATOR.split(line) if len(line) > 200 and line.count(" | ") >= _JOINED_NODES else ()
        if len(nodes) > _JOINED_NODES and any(len(node) >= _PARAGRAPH and "。" in node for node in nodes):
            out += [part for node in nodes for part in _NUMBER_THEN_TEXT.split(node, maxsplit=1) if part]
        else:
            out.append(line)
    return out


# A crawl that spaces every line of a page with empty lines (lynx's dump of a wide table, one cell a
# line; BeautifulSoup's get_text over markup whose text nodes are newlines): a table's lone numbers
# are never next to each other, and a row's end or a blank cell is a longer run of empty lines.
_LONE_NUMBER = re.compile(r"\s*[-+]?\d[\d,]*\s*")
_SPACED_NUMBERS = 12  # pairs of lone numbers the spacing is measured on


def single_spaced(lines: list[str]) -> list[str]:
    """The lines of a text spaced with empty lines between all of them, closed up: the shortest run
    between two lone numbers (the unit) is no break, a run of k units leaves k - 1 empty lines (a
    blank cell, a row's end). Texts whose lone numbers are ever next to each other as they are."""
    gaps: list[int] = []
    last = None  # the index of the last lone number, if no other text followed it
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        number = bool(_LONE_NUMBER.fullmatch(line))
        if number and last is not None:
            gaps.append(k - last - 1)
        last = k if number else None
    unit = min(gaps, default=0)
    if len(gaps) < _SPACED_NUMBERS or unit == 0:
        return lines
    out: list[str] = []
    run = 0
    for line in lines:
        if not line.strip():
            run += 1
            continue
        if out:
            out += [""] * max(0, run // unit - 1)
        out.append(line)
        run = 0
    return out


# A space between two characters of Chinese text (or its punctuation): OCR (Tesseract) and some
# PDF text layers put one between every pair (政 府 信 息 公 开 ， 现 公 布).
_WIDE = r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f(),:;!?“”‘’《》—]"
_SPACED = re.compile(rf"(?<={_WIDE}) (?={_WIDE})")
_CJK_PAIR = re.compile(r"[\u4e00-\u9fff](?= ?[\u4e00-\u9fff])")
_LETTER_SPACED = 0.6  # share of neighbouring Chinese characters a space parts, beyond which a text is spaced so
_SPACED_PAIR = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NONE_GLYPHS = "无一〇零"  # a table row of worded zeros (0 无 无 — 无 0) is cells, no spaced heading
_FEW_SPACED = 30
# Five characters of Chinese text or more, a single space between each two (三、收 到 和 处 理 政 府 …, 一 、 本 年 新 收
# …  19  1: a heading or a row's label spaced out before its cells, which runs of spaces part).
_SPACED_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3001\u3002\uff08\uff09\uff0c\uff1a“”]"
                         r"(?: [\u3400-\u4dbf\u4e00-\u9fff\u3001\u3002\uff08\uff09\uff0c\uff1a“”]){4,}")


# A line a report's template printed as an example and its writer left in (示例：…15件…（填写后删除本示例）, （示例）行政规范性
# 文件 2 1 10, （填写示例）1 0 0 …, 【示例：…1200条…】): its figures and its row are the template's, no part of the report.
_TEMPLATE_EXAMPLE = re.compile(r"(?m)^[ \t]*+[（(【\[]?[ \t]*+(?:填写|填报|参考)?(?:示例|样例|范例)[ \t]*"
                               r"(?:[）)】\]][ \t]*[:：]?|[:：]).*$")
_RUN_TOGETHER_CELLS = 40  # tabs in one line, at least, where its line breaks were lost: no table's row has as many
_RUN_TOGETHER_FIGURE = re.compile(r"\s*(?:[-+]?[\d０-９][\d０-９,.，．]*|无|—+|－|-|/|／)?\s*")  # (an empty cell too)
_CJK_WORD = re.compile(r"[\u3400-\u9fff]")


def rows_run_together(line: str) -> list[str]:
    """A line of tab-parted cells a crawler ran the whole page into, its line breaks lost (a menu, the prose, every
    table's rows): parted again before each cell of words that follows a figure, as rows are (a label after the row
    before's last figure); a line of fewer cells as it is."""
    if line.count("\t") < _RUN_TOGETHER_CELLS:
        return [line]
    rows: list[list[str]] = [[]]
    for cell in line.split("\t"):
        if (glued := _glued_label(cell)) is not None:  # 18二、上年结转…: the row's last figure, the next row's label
            rows[-1].append(glued[0])
            cell = glued[1]
        if rows[-1] and _CJK_WORD.search(cell) and _RUN_TOGETHER_FIGURE.fullmatch(rows[-1][-1]) and rows[-1][-1].strip():
            rows.append([])
        rows[-1].append(cell)
    return ["\t".join(row) for row in rows]


# What a row's label begins with: its number (二、 （一） 2.) or a word.
_LABEL_START = re.compile(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                          r"|\d{1,2}[.．、](?=[\u3400-\u9fff])|[\u3400-\u9fff]")


# A numbered row's label after a space (13 二、上年结转…): a word alone after a space may be the figure's unit (12 件).
_NUMBERED_LABEL_START = re.compile(r" (?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                                   r"|\d{1,2}[.．、](?=[\u3400-\u9fff]))")


def _glued_label(cell: str) -> tuple[str, str] | None:
    """A cell that is a figure and the next row's label run together, no tab between (18二、上年结转…, 02.其他法律…: 0
    and 2.其他法律…; or a space, before a numbered label: 13 二、上年结转…): the figure and the label, parted where the
    shortest figure leaves a label's start."""
    for k in range(1, min(len(cell), 10)):
        if not cell[:k].isdecimal():
            return None
        if _LABEL_START.match(cell, k):
            return cell[:k], cell[k:]
        if _NUMBERED_LABEL_START.match(cell, k):
            return cell[:k], cell[k + 1:]
    return None


# Leaders a typist aligns a row's figures with, in place of a table (本年新收……………………11, a row's seven figures
# parted by ····· or ──, 行政许可＿＿＿＿356): a run of dots, middle dots, box rules, dashes or underscores before a
# figure parts two cells. (Only before a figure, and two dashes only after one: —— alone is a word for none, and a
# dash in prose; a table of contents' page numbers are left alone, ``leaders_as_cells``.)
_LEADER_MARKS = re.compile(r"\.{3}|…|·{3}|─{2}|—{2}|．{3}|_{3}|＿{3}")
_LEADER = re.compile(r"(?<=[^\s.…·．─—－_＿-])[ \t\u3000]*"
                     r"(?:[.·．]{3,}|…{2,}|[─—－]{3,}|[_＿]{3,}|(?<=[\d０-９])[─—－]{2})[ \t\u3000]*"
                     r"(?=[\d０-９]|无(?![\u4e00-\u9fff])|—(?![—─－]))")  # (a figure, or a word or dash for none)
_CONTENTS = re.compile(r"\s*(?:附表|附件)?目\s*录\s*[:：]?\s*")  # (目　录, 附表目录)


def leaders_as_cells(text: str) -> str:
    """Leaders before a figure as a cell's border (``_LEADER``), but not in a table of contents (目录, then its entries
    with their page numbers: 一、总体情况……………1), whose numbers are no figures of the report."""
    out = []
    contents = False
    for line in text.split("\n"):
        if _CONTENTS.fullmatch(line):
            contents = True
        elif contents and line.strip() and not _LEADER.search(line):
            contents = False
        parted = line if contents else _LEADER.sub("\t", line)
        out.append(_spaced_figures_as_cells(parted) if parted != line else line)
    return "\n".join(out)


# The figures after a row's leader parted by spaces (规章······ 0    0    0): each a cell, as the leader's is.
_SPACED_FIGURES = re.compile(r"(?<=\t)[ \u3000]*(?:[-+]?[\d０-９][\d０-９.,]*|无|—|/)"
                             r"(?:[ \u3000]+(?:[-+]?[\d０-９][\d０-９.,]*|无|—|/))+[ \u3000]*$")


def _spaced_figures_as_cells(line: str) -> str:
    """A leader's row with the figures after it parted by spaces, not leaders: those spaces part cells too."""
    if "\t" not in line:
        return line
    return _SPACED_FIGURES.sub(lambda m: "\t".join(m.group().split()), line)


# A row of a table's text version: its label, a colon, then five values or more slashed apart (a date has three).
_SLASHED_ROW = re.compile(r"(?m)^(?P<label>[ \t]*+(?:\d{1,2}[.．、])?[^\d:：/\n][^:：/\n]{1,80}?)[ \t]*[:：][ \t]*"
                          r"(?P<values>\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?){4,})[ \t]*[。;；]?[ \t]*$")
# A row of a table read out (a 无障碍 text version): its label, then its values in the columns' order after 依次为, three or
# more parted by 、 (（三）不予公开，1.属于国家秘密，依次为0、0、0、0、0、0、0。); a sentence's 分别为 pairs its own names.
_ENUMERATED_ROW = re.compile(r"(?m)^(?P<label>[ \t]*+[^\n。;；\d][^\n。;；]{1,60}?)[ \t]*[，,][ \t]*"
                             r"(?:各列|各栏|各项)?依次(?:为|是)[ \t]*[:：]?[ \t]*"
                             r"(?P<values>\d+(?:\.\d+)?(?:[ \t]*[、，,][ \t]*\d+(?:\.\d+)?){2,})[ \t]*[。;；]?[ \t]*$")
_ESCAPED_PIPE_ROW = re.compile(r"^[ \t]*\\\|.*\\\|[ \t]*$", re.M)  # \| 一、本年新收… \| 101 \| 9 \|
_TOP_CORNERS = ("+", "┌", "╔", "├", "╠", "┏")
_GRID_MARKS = re.compile(r"[─━═]|---|===")  # found in one look at the text, or no grid is drawn
# A grid's joints and corners: single, heavy, double, mixed and rounded box drawing (┼, ╋, ╬, ╪, ╭).
_JOINTS = "┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫╭╮╯╰"
_BORDER_ONLY = re.compile(rf"[\s|+:=\-─━═{_JOINTS}]+")  # what a border line is drawn with, and nothing else
_NUMBER_CELL = re.compile(r"[-+]?\d[\d,.]*")
# A cell holding a value: a number or a word for none (规章 | 无 | 无 | 无 over 规范性文件 | 3 | 0 | 27: two rows).
_VALUE_CELL = re.compile(r"[-+]?\d[\d,.]*|无|—+|－|/")
# A grid table's border or joint (+----+, ├──┼──┤, ===): where one of its rows ends.
_GRID_BORDER = re.compile(rf"[─━═]{{2}}|[-=]{{3}}|[{_JOINTS}]")
_BOX_BORDER_RUN = re.compile(rf"[{_JOINTS}][─━═{_JOINTS}]*[─━═][{_JOINTS}]")  # ╠══╦══╣: joint to joint


_CSV_TABLE = re.compile(r"\s*\.\.\s+csv-table::\s*(?P<title>.*)$")
_DIRECTIVE_OPTION = re.compile(r"\s+:(?P<name>[\w-]+):\s*(?P<value>.*)$")
_CSV_DELIMITERS = {"tab": "\t", "space": " "}


def csv_table_rows(lines: list[str]) -> list[str]:
    """reStructuredText's CSV tables (.. csv-table:: 第二十条第（一）项, then :header: "信息内容", "本年制发件数", … and
    the rows as quoted CSV, indented): the title a line, the header and each row on a line of their own, cells parted by
    tabs. Read as text, the options' numbers (:widths: 30, 8, 8, …) were a row of table 3, and no row was read."""
    if not any(_CSV_TABLE.match(line) for line in lines):
        return lines
    import csv

    out: list[str] = []
    k = 0
    while k < len(lines):
        if not (m := _CSV_TABLE.match(lines[k])):
            out.append(lines[k])
            k += 1
            continue
        out += [m["title"].strip()] if m["title"].strip() else []
        k += 1
        header, delimiter = None, ","
        while k < len(lines) and (option := _DIRECTIVE_OPTION.match(lines[k])):
            if option["name"] == "header":
                header = option["value"]
            elif option["name"] == "delim":
                value = option["value"].strip()
                delimiter = _CSV_DELIMITERS.get(value, value[:1] or ",")
            k += 1
        body = []
        while k < len(lines) and (not lines[k].strip() or lines[k][:1].isspace()):
            body.append(lines[k].strip())
            k += 1
        rows = csv.reader([line for line in [header or "", *body] if line], delimiter=delimiter, skipinitialspace=True)
        out += ["\t".join(cell.strip() for cell in row) for row in rows] + [""]
    return out


_LIST_TABLE = re.compile(r"\s*\.\.\s+list-table::")
_LIST_TABLE_ROW = re.compile(r"\s*\*\s+-(?:\s+(?P<cell>.*))?$")
_LIST_TABLE_CELL = re.compile(r"\s+-(?:\s+(?P<cell>.*))?$")


def list_table_rows(lines: list[str]) -> list[str]:
    """reStructuredText's list tables (.. list-table::, each row ``* - label`` and its cells ``- value`` a line
    each, ``-`` alone an empty cell): each row on a line of its own, its cells parted by tabs, as a grid's rows
    are read. Its cells a line each, every row printed eight values for seven cells (its empty second label cell
    read as a dash for none)."""
    if not any(_LIST_TABLE.match(line) for line in lines):
        return lines
    out: list[str] = []
    row: list[str] | None = None
    for line in lines:
        if m := _LIST_TABLE_ROW.match(line):
            if row is not None:
                out.append("\t".join(row))
            row = [(m.group("cell") or "").strip()]
        elif row is not None and (m := _LIST_TABLE_CELL.match(line)):
            row.append((m.group("cell") or "").strip())
        else:
            if row is not None:
                out.append("\t".join(row))
            row = None
            out.append(line)
    return out + (["\t".join(row)] if row is not None else [])


def _without_border_cells(line: str) -> str:
    """A grid's line whose cells are partly a border (|结 |结 |  |----------+----------|: the header's border under a
    spanned cell, beside the wrapped names of the cells not spanned), those cells blank: the border was read as a
    row's value (a dash for none). A line that is all border, or none, as it is."""
    if "|" not in line or not _GRID_BORDER.search(line) or not _BORDER_ONLY.sub("", line):
        return line
    # (a box-drawn border beside a cell's words, ║ 总计 ╠══╦══╣: its joint at the cell's edge, a border to its end)
    line = _BOX_BORDER_RUN.sub(lambda m: "|" + " " * (len(m.group()) - 2) + "|", line)
    parts = line.split("|")
    blanked = [" " * len(part) if part.strip() and not _BORDER_ONLY.sub("", part) and _GRID_BORDER.search(part)
               else part for part in parts]
    return "|".join(blanked)


_GRID_LEFT, _GRID_RIGHT = "|│║┃+┌├└╞╟╠╔╚┏┣┗", "|│║┃+┐┤┘╡╢╣╗╝┓┫┛"  # what a grid's lines begin and end with
_WRAPPED_GRID_MIN = 3  # lines cut at one width, at least, to read a grid as wrapped by an editor


def unwrapped_grid(text: str) -> str:
    """A grid drawn in text that an editor wrapped at a fixed width (a table wider than 80 columns), its lines joined
    again: each that begins with a border and ends without one (cut), the next beginning without a border and
    ending with one. Only where three lines or more were cut so, all at one width (a CJK character two columns), as
    printed: the text before its full-width forms are read as ASCII."""
    if not _GRID_MARKS.search(text[:200_000]):
        return text
    lines = text.split("\n")
    cut = [k for k in range(len(lines) - 1)
           if (a := lines[k].rstrip("\r")) and a[0] in _GRID_LEFT and a[-1] not in _GRID_RIGHT
           and (b := lines[k + 1].rstrip()) and b[0] not in _GRID_LEFT and b[-1] in _GRID_RIGHT]
    widths = Counter(_display_width(lines[k].rstrip("\r")) for k in cut)
    if not widths or widths.most_common(1)[0][1] < _WRAPPED_GRID_MIN:
        return text
    width = widths.most_common(1)[0][0]
    joined = {k for k in cut if _display_width(lines[k].rstrip("\r")) == width}
    out: list[str] = []
    for k, line in enumerate(lines):
        if k - 1 in joined:
            out[-1] += line
        else:
            out.append(line.rstrip("\r") if k in joined else line)
    return "\n".join(out)


_TAB_STOP = 8  # columns a tab advances to the next multiple of, as fold, mail and terminals expand it
_WRAPPED_ROWS_MIN = 3  # rows of tab-parted cells cut at the text's width, at least, to read the text as hard-wrapped
_WRAP_SHARE = 0.98  # lines no wider than the cut ones, at least: a width the text was wrapped at (fold -w, mail)
_NEW_ROW = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?!\d))")


def _tab_width(line: str) -> int:
    """Columns a line takes on a terminal: a tab to the next tab stop, a wide (CJK) character two."""
    column = 0
    for c in line:
        column = (column // _TAB_STOP + 1) * _TAB_STOP if c == "\t" else column + (
            2 if unicodedata.east_asian_width(c) in "WF" else 1)
    return column


def unwrapped_tab_rows(text: str) -> str:
    """A text hard-wrapped at a fixed width (fold -w 40, a mail body at 72 columns) whose table rows of tab-parted
    cells were cut there, each row's lines joined again: a line as wide as the wrap (a column short, where a wide
    character did not fit) joined with the next when either holds a tab and the next begins no row of its own (一、,
    (二), 3.). Only where three rows or more end at one width with a tab, and hardly a line is wider."""
    if "\t" not in text[:200_000]:
        return text
    lines = text.split("\n")
    ends = [line for line in lines if line.endswith("\t") and line.strip() and len(line) < 400]
    if len(ends) < _WRAPPED_ROWS_MIN:
        return text  # (most texts: no row ends with a tab)
    wrap, count = Counter(map(_tab_width, ends)).most_common(1)[0]
    filled = sum(1 for line in lines if line.strip())  # (blank lines, wrapped or not, say nothing of a width)
    if count < _WRAPPED_ROWS_MIN or sum(1 for line in lines if len(line) > wrap) > (1 - _WRAP_SHARE) * filled:
        return text  # (a line longer than the width in characters is wider: no text wrapped there)
    widths = [_tab_width(line) if len(line) <= wrap else -1 for line in lines]  # (-1: wider, no line cut there)
    if sum(1 for line, w in zip(lines, widths) if 0 <= w <= wrap and line.strip()) < _WRAP_SHARE * filled:
        return text
    out: list[str] = []
    joining = False
    for line, width in zip(lines, widths):
        if joining and line.strip() and not _NEW_ROW.match(line) and ("\t" in line or "\t" in out[-1]):
            out[-1] += line
        else:
            out.append(line)
        joining = width >= wrap - 1 and bool(line.strip())
    return "\n".join(out)


def _display_width(line: str) -> int:
    """Columns a line takes in a fixed-width editor: a wide (CJK) character two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def grid_rows(lines: list[str]) -> list[str]:
    """The rows of a grid table drawn in text (box-drawing characters, or Pandoc's and reStructuredText's
    +---+ grids), a row's lines between two borders put together cell by cell: a label wrapped over
    three lines was three rows, and a header's 结果 / 维持 two. Border lines are left blank (a border
    that begins with a spanned cell's | was read as a row); other lines as they are."""
    if not _GRID_MARKS.search("\n".join(lines)) or not any(
            _GRID_BORDER.search(line) and not _BORDER_ONLY.sub("", line) for line in lines
            if "|" in line or line.lstrip().startswith(_TOP_CORNERS)):
        return lines  # no border line of a table drawn in text: most texts
    out: list[str] = []
    group: list[str] = []

    def flush() -> None:
        cells = [line.strip().strip("|").split("|") for line in group]
        numbered = sum(1 for c in cells if any(_VALUE_CELL.fullmatch(x.strip()) for x in c))
        # one row's lines: the same cells, numbers on one line at most (a table with no border
        # between its rows, as Org's and Markdown's, prints numbers on every line)
        if len(group) > 1 and len({len(c) for c in cells}) == 1 and numbered == 1 and _under_its_header(cells):
            head = cells[:-1]  # (a grid that draws no border under its header: the numbers' line is a row of its own)
            out.append("|" + "|".join(_joined_lines([c[k].strip() for c in head]) for k in range(len(head[0]))) + "|")
            out.append(group[-1])
        elif len(group) > 1 and len({len(c) for c in cells}) == 1 and (numbered <= 1 or _wrapped_numbers(cells)):
            out.append("|" + "|".join(_joined_lines([c[k].strip() for c in cells]) for k in range(len(cells[0]))) + "|")
        else:
            out.extend(group)
        group.clear()

    in_grid = False  # below a grid's top border (+---+, ┌──┬──┐): Markdown's and Org's tables have none
    for line in lines:
        if in_grid:
            line = _without_border_cells(line)
        stripped = line.strip()
        if in_grid and stripped.startswith("|") and stripped.endswith("|") and not _GRID_BORDER.search(stripped):
            group.append(line)
            continue
        flush()
        border = bool(_GRID_BORDER.search(line)) and not _BORDER_ONLY.sub("", line)
        in_grid = (in_grid and stripped.startswith(("|", "+")) and bool(_GRID_BORDER.search(line))) or (
            border and stripped.startswith(_TOP_CORNERS))
        out.append("" if border else line)
    flush()
    return out


def _under_its_header(cells: list[list[str]]) -> bool:
    """Whether a grid row's lines are header lines over a last line of numbers only (结果维持 | 结果纠正 … over 0 | 1 …):
    most of its numbers stand under a word of a line above, none under a number; a label wrapped over lines, its
    numbers on its last line, has words only in its own column."""
    last = [c.strip() for c in cells[-1]]
    if not all(not c or _NUMBER_CELL.fullmatch(c) for c in last):
        return False
    numbers = [k for k, c in enumerate(last) if c]
    headed = [k for k in numbers if any(line[k].strip() for line in cells[:-1])]
    return len(numbers) >= 2 and 2 * len(headed) > len(numbers)


_SEPARATORS = (",", ";")
_FIELD_VALUE = re.compile(r"[-+]?\d[\d.]*|[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|无|—+|-|/")
_MIN_FIELDS = 4  # a row of the form: a label and three values at least
_LABEL_MAX, _FIELD_MAX = 80, 40  # a row's label is long at most as the form's longest (with its group's), a field shorter
_SHORT_FIELD = re.compile(r"[,;]\s*[\d无—/-]{0,6}(?:\.\d{1,2})?\s*[,;]")  # (,12.0,: a count a data frame wrote as a float)
_LABEL_AND_VALUE = re.compile(r"(?P<label>.*?[\u4e00-\u9fff）)”\"」][:：])\s*(?P<value>\d+)\s*")
_THOUSANDS = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])\s")
# A number with a decimal comma (0,15; 3,06): one or two digits after it, where a thousands comma sets off three.
_DECIMAL_COMMA = re.compile(r"(?P<whole>[-+]?\d+),(?P<fraction>\d{1,2})")


def _decimal_point(field: str) -> str:
    """A field of a sheet whose cells semicolons part (Excel's CSV in a European locale: 行政事业性收费;0,15) with its
    decimal comma a point: there a comma parts no cells, and one before one or two digits groups no thousands (1,386
    stays a count). Read as a comma's, 0,15 was 15, or two cells."""
    return f"{m['whole']}.{m['fraction']}" if (m := _DECIMAL_COMMA.fullmatch(field)) else field


def separated_rows(lines: list[str]) -> list[str]:
    """Table rows pasted as comma- or semicolon-separated values (a spreadsheet saved as CSV:
    规章,0,0,0 or 一、本年新收…;;71;14;0;…; 行政处罚,563,,,,,, padded to the sheet's width), as the
    tab-separated rows tables are read from. Only a line of short fields, half its fields after the
    first values or empty: prose is no such line."""
    import csv

    out = lines
    parted: dict[int, str] = {}  # the lines read as rows, each with its separator
    for k, line in enumerate(lines):
        if not _SHORT_FIELD.search(line):
            continue  # most lines: no value between two separators (,0, ;71; ,,), as prose never has
        separator = next((s for s in _SEPARATORS if line.count(s) >= _MIN_FIELDS - 1), None)
        if separator is None or "\t" in line or (separator == "," and _THOUSANDS.search(line)):
            continue  # 行政处罚 1,234 -12 3,985,758: commas grouping thousands in a row parted by spaces
        try:
            padded = next(csv.reader([line.strip()], delimiter=separator))  # a spreadsheet pads rows to its widest
            fields = next(csv.reader([line.strip().rstrip(separator)], delimiter=separator))
        except csv.Error:  # a field over the csv module's limit (131,072 characters): no table's row
            continue
        # 一、本年新收…数量：15，2，0，…: the label and its first value in a field (after the label's own commas:
        # （二）部分公开（区分处理的，只计这一情形，不计其他情形）：1，0，…)
        at = next((k for k, f in enumerate(fields) if _LABEL_AND_VALUE.fullmatch(f)), None)
        if at is not None and not any(_FIELD_VALUE.fullmatch(f.strip()) for f in fields[:at]):
            first = _LABEL_AND_VALUE.fullmatch(fields[at])
            fields = ["，".join([*fields[:at], first["label"]]), first["value"], *fields[at + 1:]]
        fields = _brackets_rejoined(fields)  # (（区分处理的,只计这一情形,不计其他情形）: the label's own commas)
        rest = [f.strip() for f in fields[1:]]
        if (len(padded) < _MIN_FIELDS or len(fields) < 2 or any(f.endswith("。") for f in fields)
                or len(fields[0]) > _LABEL_MAX or any(len(f) > _FIELD_MAX for f in fields[1:-1])  # the last: a remark
                or sum(1 for f in rest if not f or _FIELD_VALUE.fullmatch(f)) * 2 < len(rest)
                or not any(_FIELD_VALUE.fullmatch(f) for f in rest)):
            continue
        if out is lines:
            out = list(lines)
        out[k] = "\t".join(f.strip() for f in fields)
        parted[k] = separator
    if len(parted) < _CSV_ROWS_MIN:
        return out
    semicolons = sum(1 for s in parted.values() if s == ";")
    decimal_comma = semicolons >= _CSV_ROWS_MIN and 2 * semicolons > len(parted)  # the sheet's cells parted by semicolons
    if decimal_comma:
        for k in (k for k, s in parted.items() if s == ";"):
            out[k] = "\t".join(_decimal_point(f) for f in out[k].split("\t"))
    return _short_separated_rows(_without_frame_index(lines, _separated_headers(lines, out)), decimal_comma)


def _brackets_rejoined(fields: list[str]) -> list[str]:
    """Fields a label's own commas cut inside its brackets joined again: a field opening a bracket it does not close,
    with the words after it up to the field closing it (a value stops it: a label's typo swallows no row)."""
    out: list[str] = []
    for part in fields:
        if out and _unclosed(out[-1]) and not _FIELD_VALUE.fullmatch(part.strip()):
            out[-1] += "，" + part
        else:
            out.append(part)
    return out


def _unclosed(field: str) -> bool:
    """Whether a field opens a bracket it does not close."""
    return field.count("(") + field.count("（") > field.count(")") + field.count("）")


def _separated_headers(lines: list[str], rows: list[str]) -> list[str]:
    """``rows`` (a sheet's lines, its rows read as separated values) with its header lines so read too (信息内容,行次,
    本年制发件数,…; ,,,自然人,,法人或其他组织,…): short fields, two or more of them words, none a sentence. Left with
    commas, a header's places were lost: a 行次 column's numbers were read as values."""
    import csv

    out = list(rows)
    for k, line in enumerate(lines):
        if rows[k] is not line or "\t" in line or "。" in line or line.count(",") < _MIN_FIELDS - 1:
            continue
        try:
            fields = _brackets_rejoined(next(csv.reader([line.strip().rstrip(",")], delimiter=",")))
        except csv.Error:
            continue
        if sum(1 for f in fields if f.strip()) >= 2 and all(len(f.strip()) <= _FIELD_MAX for f in fields) \
                and not any(_FIELD_VALUE.fullmatch(f.strip()) for f in fields):
            out[k] = "\t".join(f.strip() for f in fields)
    return out


def _frame_index_lines(lines: list[str]) -> set[int]:
    """The lines of tables a data frame wrote with its index (pandas' to_csv, to_excel): header lines whose first field
    is empty, from the table's first line, then rows whose first fields count 0, 1, 2 … (a row alone as wide as its
    header: a label's commas, read as a full-width comma's, make lines wider)."""
    import csv

    def fields(line: str) -> list[str] | None:
        separator = "\t" if "\t" in line else "," if line.count(",") >= _MIN_FIELDS - 1 else None
        try:
            return next(csv.reader([line.strip("\r\n")], delimiter=separator)) if separator else None
        except csv.Error:
            return None

    split = [fields(line) for line in lines]
    found: set[int] = set()
    k = 0
    while k < len(lines):
        head = split[k]
        if not head or head[0].strip() or (k and split[k - 1] and split[k - 1][0].strip()):
            k += 1  # (a header line of a table's own under its first ones, 结果维持 … over ,,,,,结果维持: no frame's)
            continue
        end = k
        while end < len(lines) and (f := split[end]) and not f[0].strip():
            end += 1
        count = 0
        while end + count < len(lines) and (f := split[end + count]) and f[0].strip() == str(count):
            count += 1
        if count > 1 or (count == 1 and len(split[end]) == len(head)):
            found.update(range(k, end + count))
        k = end + count
    return found


def _without_frame_index(lines: list[str], rows: list[str]) -> list[str]:
    """``rows`` (the lines, some read as separated values) without a data frame's index column: its numbers (0, 1, 2 …)
    were read as the rows' first values, a table's one row of figures (table 4's) then a column off; the frame's
    default column names (0, 1, 2, 3), left alone in the header, are no row either."""
    index = _frame_index_lines(lines)
    if not index:
        return rows
    out = list(rows)
    for k in index:
        rest = rows[k].split("\t" if "\t" in rows[k] else ",", 1)[-1]
        out[k] = "" if [f.strip() for f in rest.split("\t" if "\t" in rest else ",")] == [
            str(n) for n in range(rest.count("\t" if "\t" in rest else ",") + 1)] else rest
    return out


_CSV_ROWS_MIN = 3  # rows of four fields or more read as separated values: the text is a sheet saved as CSV

# The marks a clerk may have Word part a table's cells with when converting it to text (表格转换为文本, 其他字符), which
# prose also writes: a row is only a line ending in three values or more so parted.
_ROW_MARKS = ("、", "/")
_MARKED_VALUE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|无|—+|-")
_MARKED_VALUES_MIN = 3
_MARKED_ROWS_MIN = 3  # such lines in a text, at least: one is a list in a sentence
_UNLABELLED_VALUES_MIN = 5  # values of a line with no label, at least (table 4's fifteen, a group's five)


def marked_rows(lines: list[str]) -> list[str]:
    """Table rows whose cells Word parted with 、 or / (规章、1、2、14; 、（三）不予公开、1.属于国家秘密、3、0、…): the values at
    the line's end tab-parted from each other and from the label, which keeps its own marks (一、本年新收…). Only in a
    text with three such lines or more, of lines with no tab or pipe and no sentence's end."""
    found: dict[int, str] = {}
    for mark in _ROW_MARKS:
        for k, line in enumerate(lines):
            if k in found or line.count(mark) < _MARKED_VALUES_MIN or "\t" in line or "|" in line or "。" in line:
                continue
            fields = line.strip().rstrip(mark).split(mark)
            tail = 0
            while tail < len(fields) and _MARKED_VALUE.fullmatch(fields[len(fields) - 1 - tail].strip()):
                tail += 1
            if tail < _MARKED_VALUES_MIN:
                continue
            label = mark.join(fields[:len(fields) - tail]).strip()
            if (label and not re.search(r"[\u4e00-\u9fff）)”]$", label)) or (not label and tail < _UNLABELLED_VALUES_MIN):
                continue  # (2023、2024、2025: years listed in a sentence's end; 2024/01/15, a date alone)
            found[k] = "\t".join([label, *(f.strip() for f in fields[len(fields) - tail:])])
    if len(found) < _MARKED_ROWS_MIN:
        return lines
    return [found.get(k, line) for k, line in enumerate(lines)]


# A short row's label in fields of its own at most: the table's, the row's and the column's names (表二,规章,本年制发件数,0).
_LABEL_FIELDS_MAX = 3


def _short_separated_rows(lines: list[str], decimal_comma: bool = False) -> list[str]:
    """In a sheet saved as CSV (or a table converted to text with semicolons), its rows of a label and one or two values
    too (行政许可,2871; 行政处罚,"15,238"), which alone are no proof of a table: every field after the label a value.
    A label in several fields (a column naming the table: 表二,规章/本年制发件数,0) is one, its fields spaced.
    ``decimal_comma``: the sheet's cells are parted by semicolons, its commas decimal (行政事业性收费;0,15)."""
    import csv

    separators = (";", ",") if decimal_comma else _SEPARATORS  # (0,15 in 行政事业性收费;0,15: no comma's cells)
    out = list(lines)
    for k, line in enumerate(lines):
        if "\t" in line or "。" in line or (separator := next((s for s in separators if s in line), None)) is None:
            continue
        try:  # (行政许可;2961: Word's table converted to text with semicolons, as with commas)
            fields = [f.strip() for f in next(csv.reader([line.strip().rstrip(separator)], delimiter=separator))]
        except csv.Error:  # (a field over the csv module's limit)
            continue
        if decimal_comma and separator == ";":
            fields = [_decimal_point(f) for f in fields]
        labels = next((n for n, f in enumerate(fields) if _FIELD_VALUE.fullmatch(f)), len(fields))
        if labels > 1 and any(f[:1].isdigit() or f[-1:].isdigit() for f in fields[:labels]):
            continue  # (行政处罚 1,234 -12 3,985,758: a number's thousands commas part no label's fields)
        if 0 < labels <= _LABEL_FIELDS_MAX and 0 < len(fields) - labels < _MIN_FIELDS - 1 and all(fields[:labels]) \
                and len(label := " ".join(fields[:labels])) <= _LABEL_MAX \
                and all(_FIELD_VALUE.fullmatch(f) for f in fields[labels:]):
            out[k] = "\t".join([label, *fields[labels:]])
    return out


def _wrapped_numbers(cells: list[list[str]]) -> bool:
    """Whether a grid row's lines after its first go on with numbers too wide for their cells (w3m wrapping ２２５
    as ２２ / ５): each such line prints numbers only under numbers of the line above, and not under all of them (a
    row of its own, in a grid drawing no border between rows, prints a number in every column)."""
    def numbers(line: list[str]) -> set[int]:
        return {k for k, cell in enumerate(line) if _NUMBER_CELL.fullmatch(cell.strip())}

    above = numbers(cells[0])
    for line in cells[1:]:
        below = numbers(line)
        if below and not below < above:
            return False
        above = below or above
    return True


def _joined_lines(pieces: list[str]) -> str:
    """A grid cell's lines as one: words run on (a wrapped label), numbers kept apart (they read as unsure)."""
    text = ""
    for piece in filter(None, pieces):
        text += (" " if text and text[-1].isdigit() and piece[0].isdigit() else "") + piece
    return text


# In a letter-spaced text, a count's digits spaced as its words are (申 请 4 6 4 件, a justified PDF's every character
# placed apart): one count, a unit after it. A table's cells, no unit after them, stay parted.
_TRACKED_COUNT = re.compile(r"(?<![\d.,])\d(?: \d)+(?= ?[件条元篇次个项人万场家])")


def unspaced(lines: list[str]) -> list[str]:
    """The lines of a text that parts (nearly) every two Chinese characters by a space, without
    those spaces; spaces beside digits stay (they part a table's cells). Other texts as they are."""
    sample = "\n".join(lines[:400])
    if not _SPACED_PAIR.search(sample):  # most texts: a first look settles it
        return lines
    if len(_SPACED_PAIR.findall(sample)) < _FEW_SPACED:
        return [_spaced_line(line) for line in lines]
    pairs = _CJK_PAIR.findall(sample)
    spaced = sum(1 for m in _CJK_PAIR.finditer(sample) if sample[m.end()] == " ")
    if spaced < _LETTER_SPACED * len(pairs):
        return [_spaced_line(line) for line in lines]
    return [_TRACKED_COUNT.sub(lambda m: m.group().replace(" ", ""), _SPACED.sub("", line)) for line in lines]


def _spaced_line(line: str) -> str:
    """A heading OCR spaced out letter by letter in a text that is not (2 0 1 7 年 政 府 信 息 公 开 …,
    一 、 概 述), joined; any other line as it is. Mostly Chinese words, so a table's row of digits or
    of worded zeros stays."""
    if not _SPACED_PAIR.search(line):
        return line
    if "\t" in line:  # (a table's cells, each joined on its own: 行 政 处 罚 | 9 is no run of one-character words)
        return "\t".join(_spaced_line(cell) for cell in line.split("\t"))
    tokens = line.split()
    if len(tokens) < 4 or any(len(t) > 1 for t in tokens):
        return _SPACED_RUN.sub(_joined_run, line)
    words = sum(1 for t in tokens if _HAN_CHAR.fullmatch(t) and t not in _NONE_GLYPHS)
    marks = sum(1 for t in tokens if t in "、，。：（）()")
    return "".join(tokens) if words >= 2 and words + marks >= 0.6 * len(tokens) else line


def _joined_run(run: re.Match[str]) -> str:
    """A spaced-out run of Chinese text joined; a row of worded zeros (无 无 无 无 无) kept as cells, and so are the
    Chinese numerals it ends with, two or more (…申请数量 六 零 零 零 零 零 六: a row whose cells a full-width space
    parts, the label's last character before them)."""
    tokens = run.group().split(" ")
    cells = len(tokens)
    while cells and tokens[cells - 1] in _CELL_GLYPHS:
        cells -= 1
    if len(tokens) - cells < 2:
        return run.group().replace(" ", "")
    return " ".join(["".join(tokens[:cells]), *tokens[cells:]]) if cells else run.group()


_CELL_GLYPHS = frozenset(_NONE_GLYPHS + "二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾")  # a cell of its own, spaced


# --- decoding ---------------------------------------------------------------

_BOMS = (  # (UTF-32's before UTF-16's: UTF-32-LE's mark begins with UTF-16-LE's)
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _plausible(text: str) -> bool:
    """Most characters are printable: guards against reading binary as text."""
    if not text:
        return False
    bad = len(_CONTROL.findall(text[:20000]))
    return bad <= max(2, len(text[:20000]) // 500)


def _reads_as_chinese(text: str) -> bool:
    """Most characters past ASCII are among GB2312's common ones. GB18030 decodes nearly any
    bytes; real Chinese text keeps to GB2312 (which holds the 6,763 common characters and the
    usual punctuation) almost entirely, while bytes that are not text land there about 30 %
    of the time: a short binary file would otherwise be read as gibberish. A 繁體 page's are once
    simplified."""
    wide = "".join(c for c in text[:20000] if c > "\x7f")
    if _common_share(wide) >= 0.8:
        return True
    # A 繁體 page in GBK: its traditional characters are past GB2312, their simplified forms in it.
    return len(_TRADITIONAL.findall(wide)) >= _TRADITIONAL_MIN and _common_share(opencc_converter("t2s").convert(wide)) >= 0.8


_BOX_DRAWING = re.compile(r"[\u2500-\u257f]")  # GBK's table rules (═ │ ┼), which GB2312 lacks in part


def _common_share(wide: str) -> float:
    """The share of characters (all past ASCII) that GB2312 has; a text table's rules (═══, GBK's) count neither way."""
    wide = _BOX_DRAWING.sub("", wide)
    return len(wide.encode("gb2312", errors="ignore")) / 2 / max(1, len(wide))  # two bytes each


def decode(data: bytes, path: str, unwrapped: bool = False) -> tuple[str, str]:
    """Detect the encoding (BOM, UTF-8, UTF-16, UTF-32, GB18030, Big5, and ASCII that carries Chinese: HZ, UTF-7,
    escapes, quoted-printable, base64) and decode; never assume. ``unwrapped``: bytes already taken out of such
    ASCII once (not looked into again)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            enc = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                return body.decode(enc), encoding
            except UnicodeDecodeError as e:
                if enc == "utf-8" and _some_utf8_chinese(body) and (mixed := _by_line(body)) is not None:
                    return mixed, "mixed"  # (a UTF-8 file's part pasted from a GBK one: marked UTF-8 all the same)
                if enc == "utf-8" and (damaged := _damaged(body, marked=True)) is not None:
                    return damaged, DAMAGED_UTF8
                raise errors.Undecodable(path, f"{encoding} byte-order mark but invalid bytes at {e.start}") from e
    try:
        text = data.decode("utf-8")
        if _plausible(text):
            if not unwrapped and data.isascii() and (carried := _carried_in_ascii(data, text, path)) is not None:
                return carried
            return _undone_mojibake(text)
    except UnicodeDecodeError:
        pass
    if (wide := _utf32_without_mark(data)) is not None:
        return wide
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if (even or odd) and max(even, odd) < 4 * min(even, odd):
        # Zero bytes in runs, on both sides alike: no UTF-16, but text a tool padded with NULs
        # where it had spaces (a PDF's text copied, a page's end). Read as spaces.
        spaced = re.sub(rb"(?<=\d)\x00+(?=\d)", b"", data).replace(b"\x00", b" ")  # (48␀73条: one number)
        for encoding in ("utf-8", "gb18030"):
            try:
                text = spaced.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and (encoding == "utf-8" or _reads_as_chinese(text)):
                return text, encoding
    if max(even, odd) >= max(_UTF16_ZEROS, len(data) // 500) and len(data) % 2 == 0 and (
            # UTF-16 without BOM: ASCII characters (digits, line breaks) leave a zero byte on one side; a NUL or two
            # is a damaged byte of another text.
            wide := _first_plausible(data, ("utf-16-le",) if odd > even else ("utf-16-be",))) is not None:
        return wide
    if b"\x00" not in data:
        # GB18030; else Big5 (cp950), a 繁體 converter's output saved without declaring it
        for encoding in ("gb18030", "cp950"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and _reads_as_chinese(text):
                return text, "gb18030" if encoding == "gb18030" else "big5"
    head = _MARKUP_COMMENT_BYTES.sub(b"", data[:65536]) if b"<!--" in data[:65536] else data  # (a comment's bytes)
    if not _plausible(head[:4096].decode("latin-1")):  # (a NUL or two in a text is a damaged byte, not binary)
        raise errors.NotText(path, "binary data")
    if (declared := _declared(data)) is not None:
        return declared
    if (mixed := _by_line(data)) is not None:
        return mixed, "mixed"
    if (damaged := _damaged(data)) is not None:
        return damaged, DAMAGED_UTF8
    if b"\x00" not in data and (damaged := _damaged(data, "gb18030")) is not None:
        return damaged, DAMAGED_GB18030
    raise errors.Undecodable(path)


# Encodings a page may declare that detection does not try: read in them when nothing else reads.
_DECLARED = re.compile(rb"""(?i)(?:charset|encoding)\s*=\s*["']?([a-z][a-z0-9_.:-]{1,30})""")
_DETECTED = frozenset({"utf_8", "gb18030", "gbk", "gb2312", "utf_16", "utf_16_le", "utf_16_be"})


def _declared(data: bytes) -> tuple[str, str] | None:
    """The text in the encoding its page or XML head declares (a Big5 page from a 繁體 converter),
    when that is one detection does not try and the bytes are valid, plausible text in it."""
    import codecs

    found = _DECLARED.search(data[:4096])
    if found is None:
        return None
    try:
        encoding = codecs.lookup(found.group(1).decode("ascii")).name.replace("-", "_")
        if encoding in _DETECTED:
            return None
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return (text, encoding) if _plausible(text) else None


def _utf32_without_mark(data: bytes) -> tuple[str, str] | None:
    """UTF-32 text without its byte-order mark: every character four bytes, the high two of each zero (Chinese and
    ASCII are in the basic plane), as no other text's bytes are."""
    if len(data) < 8 or len(data) % 4:
        return None
    encodings = [encoding for encoding, high in (("utf-32-be", (0, 1)), ("utf-32-le", (2, 3)))
                 if all(not any(data[k::4]) for k in high)]
    return _first_plausible(data, encodings)


def _first_plausible(data: bytes, encodings: Iterable[str]) -> tuple[str, str] | None:
    """The text of the first of ``encodings`` that decodes the bytes to plausible text, with that encoding."""
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    return None


# ASCII files that carry Chinese in a 7-bit form: HZ (~{…~}, old mail and news), UTF-7 (+ZeVnLA-), escapes (\u4e2d,
# &#20013;), and files saved in a mail's transfer encoding with no mail around them (quoted-printable, base64).
_HZ_SHIFT = re.compile(rb"~\{[\x21-\x7e]{2,}~\}")
_UTF7_RUN = re.compile(rb"\+[A-Za-z0-9+/]{3,}-")
_U_ESCAPE = re.compile(r"(?:\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4})")
_WIDE_ENTITY = re.compile(r"&#(?:(\d{4,7})|[xX]([0-9a-fA-F]{4,6}));")
_QP_BYTE = re.compile(rb"=[0-9A-F]{2}")
_BASE64_LINE = re.compile(rb"[A-Za-z0-9+/]{16,}={0,2}")
_CARRIED_MIN = 20  # such marks a file holds at least to be read so (a stray + or ~{ in English is none)


def _carried_in_ascii(data: bytes, text: str, path: str) -> tuple[str, str] | None:
    """The Chinese an ASCII file carries in a 7-bit form, decoded (reads as Chinese, or None)."""
    found: tuple[str, str] | None = None
    if sum(len(run) - 4 for run in _HZ_SHIFT.findall(data)) >= 4 * _CARRIED_MIN:  # (two bytes a character)
        found = data.decode("hz", errors="replace"), "hz"
    elif len(_UTF7_RUN.findall(data)) >= _CARRIED_MIN:
        found = data.decode("utf-7", errors="replace"), "utf-7"
    elif len(_U_ESCAPE.findall(text)) >= _CARRIED_MIN:
        found = _U_ESCAPE.sub(lambda m: m.group().encode("ascii").decode("unicode_escape", errors="replace")
                              .encode("utf-16", "surrogatepass").decode("utf-16", errors="replace"), text), "unicode-escape"
    elif len(_WIDE_ENTITY.findall(text)) >= _CARRIED_MIN:
        found = _WIDE_ENTITY.sub(_wide_character, text), "numeric character references"
    elif len(_QP_BYTE.findall(data)) >= _CARRIED_MIN * 3:
        found = decode(quopri.decodestring(data), path, unwrapped=True)
        found = found[0], f"quoted-printable, {found[1]}"
    elif (lines := data.split()) and sum(1 for line in lines if _BASE64_LINE.fullmatch(line)) * 10 >= 9 * len(lines) \
            and len(lines) >= 3:
        try:
            inner = base64.b64decode(b"".join(lines), validate=True)
        except ValueError:
            return None
        found = decode(inner, path, unwrapped=True)
        found = found[0], f"base64, {found[1]}"
    if found is None or not (_plausible(found[0]) and _reads_as_chinese(found[0])):
        return None
    return found


def _wide_character(m: re.Match) -> str:
    code = int(m[1]) if m[1] else int(m[2], 16)
    return chr(code) if 0x2E80 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group()


_UTF16_ZEROS = 8  # zero bytes on one side, at least, of a text in UTF-16 without its byte-order mark
DAMAGED_UTF8 = "utf-8, damaged bytes replaced"
DAMAGED_GB18030 = "gb18030, damaged bytes replaced"
_DAMAGED_SHARE = 0.1  # of the characters past ASCII: bytes a cut or overwritten download spoiled
_MARKUP_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKUP_COMMENT_BYTES = re.compile(rb"<!--.*?-->", re.DOTALL)


def _damaged(data: bytes, encoding: str = "utf-8", marked: bool = False) -> str | None:
    """UTF-8 (or GB18030) text with a run of bytes spoiled (a download cut off and resumed, a block
    overwritten, stray bytes a tool wrote into a GB18030 file): read with each bad byte as U+FFFD, when they
    are few beside the characters that read, and these read as Chinese. A text in another encoding has
    nearly every byte past ASCII bad in UTF-8. Text ``marked`` UTF-8 by a byte-order mark is text by its
    mark, whatever control characters it holds."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if c > "\x7f")
    # (a page's comment holding binary bytes, a polyglot's ZIP headers, is no text a reader sees)
    shown = _MARKUP_COMMENT.sub("", text) if "<!--" in text else text
    if not bad or bad > _DAMAGED_SHARE * wide or not (marked or _plausible(shown)):
        return None
    return text if _reads_as_chinese(text.replace("\ufffd", "")) else None


UNDONE_MOJIBAKE = "utf-8, mojibake undone"
# What the lead bytes of Chinese in UTF-8 (E4–E9) become when the text is decoded as Windows-1252 (or
# Latin-1) and encoded as UTF-8 again: ä å æ ç è é, each followed by a character from 80–BF.
_MOJIBAKE = re.compile("[\u00e4-\u00e9][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_MOJIBAKE_MIN = 20


def _undone_mojibake(text: str) -> tuple[str, str]:
    """UTF-8 text as read, or, when it is Chinese a crawler decoded as Windows-1252 and saved as
    UTF-8 again ('æ”¿åºœ' for 政府), the text it was, undone by ftfy; or GBK so decoded and saved ('ÕþÎñ' for
    政务, ``_undone_gbk``): only when that restores Chinese, and nothing of the kind is read into a text
    that is Chinese already."""
    if len(_MOJIBAKE.findall(text[:20000])) >= _MOJIBAKE_MIN:
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if len(_HAN_CHAR.findall(fixed[:20000])) - len(_HAN_CHAR.findall(text[:20000])) > _MOJIBAKE_MIN:
            return fixed, UNDONE_MOJIBAKE
    if len(_LATIN_PAIR.findall(text[:20000])) >= _MOJIBAKE_MIN and (fixed := _undone_gbk(text)) is not None:
        return fixed, UNDONE_GBK_MOJIBAKE
    return text, "utf-8"


UNDONE_GBK_MOJIBAKE = "gbk, mojibake undone"
# Two characters of Latin-1 or Windows-1252 past ASCII: what a GBK character (two bytes from 81–FE) becomes.
_WINDOWS_1252 = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022" \
    "\u2026\u2030\u2039\u203a\u20ac\u2122"
_LATIN_PAIR = re.compile(f"[\u0081-\u00fe{_WINDOWS_1252}][\u0040-\u007e\u0080-\u00fe{_WINDOWS_1252}]")


def _undone_gbk(text: str) -> str | None:
    """Chinese in GBK a crawler decoded as Latin-1 or Windows-1252 and saved as UTF-8 ('ÕþÎñÐÅÏ¢' for 政务信息), the
    text it was: each character its byte again (Windows-1252's own by that code page), read as GB18030. None when the
    text holds a character neither code page has (it was not so made), or the bytes do not read as Chinese."""
    data = bytearray()
    for char in text:
        if ord(char) < 256:
            data.append(ord(char))
            continue
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            return None
    try:
        fixed = bytes(data).decode("gb18030")
    except UnicodeDecodeError:
        return None
    restored = len(_HAN_CHAR.findall(fixed[:20000])) - len(_HAN_CHAR.findall(text[:20000]))
    return fixed if restored > _MOJIBAKE_MIN and _reads_as_chinese(fixed) else None


def _some_utf8_chinese(data: bytes) -> bool:
    """Whether some line past ASCII reads as UTF-8 (a file of one other encoding under a UTF-8 mark has none)."""
    for line in data.split(b"\n"):
        if not line.isascii():
            try:
                line.decode("utf-8")
                return True
            except UnicodeDecodeError:
                continue
    return False


def _by_line(data: bytes) -> str | None:
    """Text pasted together from files of two encodings (a GBK page and a UTF-8 repost): each line
    in the one it reads in, UTF-8 first. None when some line reads in neither."""
    lines = []
    for line in data.split(b"\n"):
        for encoding in ("utf-8", "gb18030"):
            try:
                lines.append(line.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    text = "\n".join(lines)
    return text if _plausible(text) and _reads_as_chinese(text) else None


# --- website chrome ---------------------------------------------------------

_CHROME = re.compile(
    r"^(?:当前位置|您的位置|首页\s*>|扫一扫|分享到|打印本页|关闭窗口|【?打印】?|【?关闭】?|责任编辑|主办单位|主办|承办|协办"
    r"|技术支持|联系电话|联系我们|电子信箱|电子邮箱|版权所有|网站地图|网站标识码|浏览次数|访问量|字号|【?\s*大\s*中\s*小"
    r"|国家及部委网站|各省区市政府网站|.{0,12}(?:各部门|市县|区县)(?:政府)?网站$|相关链接|友情链接|上一篇|下一篇|来源[:：]"
    r"|发布时间[:：]|信息来源[:：]|.*ICP备|.*公网安备|无障碍|适老化|微信公众号$|官方微博$"
    r"|.*(?:位访问者|分辨率(?:下)?浏览|最佳浏览效果|分辨率.{0,20}浏览器)"
    # a sidebar's list the crawler saved with every page: its heading, and its items (· 樊城区2024年春运期间…提示)
    r"|(?:相关信息|相关文章|相关阅读|推荐阅读|热点信息|热点排行|热门文章|热门信息|点击排行|阅读排行|最新信息|最新发布)$"
    r"|[·•]\s*.{0,50}(?:报告|公告|通告|通知|公示|方案|提示|意见|办法|名单|说明)(?:[(（][^)）]{1,12}[)）])?$"
    # A post's byline: account, date and time, and the region a platform shows of the poster's IP address
    # (原创 萧山区政府办 萧山发布 2022-01-28 17:30 浙江); that region once ran into the title below it.
    r"|.{0,30}?\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[\u4e00-\u9fff]{2,3})?$)"
)
# What only a report prints: a row of a table's counts, or one of its later sections' headings.
_REPORT_GOES_ON = re.compile(r"(?:\t\s*\d+\s*){3}|(?:\|\s*\d+\s*){3}"
                             r"|^\s*[三四五六]\s*、\s*(?:收到和处理|政府信息公开(?:的)?行政复议|存在的主要问题|其他需要报告)")
_FOOTER_START = re.compile(r"扫一扫|版权所有|ICP备|公网安备|网站标识码|主办[:：]|国家及部委网站")
_PAGE_NUMBER = re.compile(r"^\s*[（(]?\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?)"
                          r"\s*[)）]?\s*$")  # (（第3页，共3页）: in brackets too)
# A phone's status bar in the text its OCR gives of a screenshot (9:41 / ull 5G 86%, or 15:31 5G 62): the time, the
# signal (bars read as ll, ull), the network and the battery, a line of their own.
_SIGNAL = r"(?:[lu]*ll|[2-5]G\+?|LTE|HD|VoLTE|Wi-?Fi|WLAN|\d{1,3}\s*%)"
_STATUS_BAR = re.compile(rf"^\s*(?:\d{{1,2}}:\d{{2}}(?:\s+(?:{_SIGNAL}|\d{{1,3}}))*"
                         rf"|(?:{_SIGNAL}\s+)*[2-5]G\+?(?:\s+(?:{_SIGNAL}|\d{{1,3}}))*)\s*$")
# A reader's page counter on a line of its own (3/6: a document-sharing site's, a viewer's copy): page of pages.
_PAGE_OF_PAGES = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
_RUNNING_HEAD_REACH = 4  # lines after a page counter where a site prints its running heads (its slogan, the title)


def _page_of_pages(line: str) -> bool:
    return bool(m := _PAGE_OF_PAGES.match(line)) and 0 < int(m.group(1)) <= int(m.group(2)) and int(m.group(2)) > 1


def _running_heads(lines: list[str], numbered: set[int]) -> set[int]:
    """The lines a site prints after each page counter (3/6, then 百度文库 - 好好学习，天天向上 and the uploader's title;
    — 4 —, then the agency's name a PDF reader's copy gives as each page's running head; ``numbered``: the bare page
    numbers found, counters too):
    those that follow two counters or more, where they follow one; a table crossing the page had them between a row's
    label and its numbers. Lines of a table's values are none, whatever follows the counters. Counters one after
    another (第 1 页 then -1-) are one page's break."""
    counters = sorted({k for k, line in enumerate(lines) if ("/" in line and _page_of_pages(line))
                       or (("页" in line or "—" in line or "-" in line) and _PAGE_NUMBER.match(line))}
                      | numbered)
    breaks = [k for n, k in enumerate(counters) if n + 1 == len(counters) or counters[n + 1] - k > _RUNNING_HEAD_REACH]
    if len(breaks) < 2:
        return set()
    after = {k: [j for j in range(k + 1, min(len(lines), k + 1 + _RUNNING_HEAD_REACH)) if lines[j].strip()]
             for k in breaks}
    seen = Counter(lines[j].strip() for k in breaks for j in set(after[k]) if _WORDS.search(lines[j]))
    return {j for k in breaks for j in after[k] if seen[lines[j].strip()] >= 2}


_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_BARE_PAGES_MIN = 3  # page breaks so marked, at least: two values counting up before one label may be a table's
_FIRST_PAGE_MAX = 3  # the first break's page number, at most (a text copies a document's pages from its first)


def bare_page_numbers(lines: list[str]) -> set[int]:
    """The lines a page's number stands alone on (1, 2, 3 … each before the same line: a sharing site's name, which it
    prints at each page's head), where a copy of the pages in text keeps them: three at least, from the first pages on,
    counting up by one, each followed by one line of words. Inside a table crossing the page the number was read as one
    of its values."""
    after: dict[str, list[tuple[int, int]]] = {}
    for k, line in enumerate(lines):
        if (m := _BARE_NUMBER.match(line)) is not None:
            below = next((x.strip() for x in lines[k + 1:k + 3] if x.strip()), "")
            if _WORDS.search(below):
                after.setdefault(below, []).append((k, int(m.group(1))))
    return {k for found in after.values() if len(found) >= _BARE_PAGES_MIN and found[0][1] <= _FIRST_PAGE_MAX
            and all(b[1] == a[1] + 1 for a, b in itertools.pairwise(found)) for k, _ in found}


_WORDS = re.compile(r"[\u4e00-\u9fff]{4}")  # a head's words, not a table's value that follows two counters by chance
# What a browser prints in a page's margins when it saves the page as PDF: the date and time, then
# the page's title, at the top (12/2/26, 6:17 AM …, 2024/1/20 10:05 …); its address and the page
# number at the foot (https://… 2/3, or the address a line of its own in text without layout). Their numbers
# fall inside a table that crosses the page (…/col/1604556895412/… read as 行政许可's count).
_PRINT_MARGIN = re.compile(r"^\s*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?"
                           r"(?:\s*[AaPp][Mm])?(?:\s|$).*|(?:https?|file)://\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?)\s*$")


# A newspaper page's masthead (2024年1月27日 星期六 扬州日报 第5版 政务; 第9版 … 2023年1月31日 星期二): the paper's, no
# title of the report it prints (its section's name, 公告, was read as the title of a notice).
_MASTHEAD = re.compile(r"^\s*(?=.*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天])"
                       r"(?=.*第\s*[\d一二三四五六七八九十]{1,3}\s*版).{0,80}$")


# The date and title a browser prints at the top of each page without the time (2024/1/30 广州市规划和自然资源局 - …):
# a head when the same line heads two pages or more.
_DATED_HEAD = re.compile(r"^\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\s+\S")


def _dated_heads(lines: list[str]) -> set[str]:
    seen = Counter(line.strip() for line in lines if _DATED_HEAD.match(line))
    return {line for line, count in seen.items() if count >= 2}


# A long article's pager, between the pages a crawler joined (共3页 首页 上一页 1 2 3 下一页 尾页 第2页, [1] [2] [3]):
# page words and page numbers only, one of the words at least. Its numbers were read as a row of a table.
_PAGER = re.compile(r"^(?:\s*(?:共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页|首页|尾页|末页|上一页|下一页|前一页|后一页"
                    r"|[\[【(（]?\d{1,3}[\]】)）]?|[|｜<>«»…:：]|跳转|转到|GO)\s*)+$")
_PAGER_WORD = re.compile(r"上一页|下一页|首页|尾页|末页|共\s*\d{1,3}\s*页")


def _is_chrome(line: str) -> bool:
    core = line.strip(" |\t[]【】")
    if not core:
        return False
    return (len(core) <= 60 and bool(_CHROME.match(core))) or bool(_PAGER_WORD.search(core) and _PAGER.match(core))


# Letters of the scripts an autonomous area prints its report in beside Chinese (Arabic for Uyghur and Kazakh,
# with its presentation forms as PDFs give them; Tibetan; Mongolian; Hangul; Yi), and what is Chinese.
_PARALLEL_LETTER = ("\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe\u0f00-\u0fff\u1800-\u18af"
                    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\ua000-\ua4cf")
_CHINESE = "\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff"
_PARALLEL_SCRIPT = re.compile(f"[{_PARALLEL_LETTER}]")
# A run of such text within a line of Chinese: its letters and what stands between them, no Chinese and no cell
# border (a tab, a pipe, two spaces of a laid-out line: a table's cells are kept apart), with the slash before it that
# parts a cell's two names (结果维持 / 결과 유지); and a year a Uyghur title joins to its last word at the line's end
# (…ﻖﯩﻠﻠﯩﻳ-2022: 2022-yilliq, printed right to left).
_PARALLEL_RUN = re.compile(f"(?: *[/／])? *[{_PARALLEL_LETTER}](?:(?:[^\t|{_CHINESE} ]| (?! ))*[{_PARALLEL_LETTER}])?"
                           f"(?:-\\d{{4}}(?= *$))?")


_HAS_CHINESE = re.compile(f"[{_CHINESE}]")
_VALUE_OR_CELL = re.compile(r"[\d\t|]")


def _without_parallel_text(line: str) -> str | None:
    """A line of Chinese without the text in another script a bilingual PDF printed level with it (喀什地区行政公署
    2022年政府信息 ﯔﯩﻨﯩ…: the Uyghur column beside the Chinese, one line of each joined), and None for a line of
    such text alone, no figure or cell in it, between lines of a Chinese sentence: its title and its sentences
    were broken at every line. A line of the other script with figures or cells (a table's copy) is kept."""
    if not _PARALLEL_SCRIPT.search(line):
        return line
    if not _HAS_CHINESE.search(line):
        return line if _VALUE_OR_CELL.search(line) else None
    return _PARALLEL_RUN.sub("", line)


def body_lines(text: str) -> list[str]:
    """Normalised lines of the report body: navigation, footers, share buttons,
    ICP lines and page numbers removed; a footer block ends the body."""
    return body_of(normalize(text).split("\n"))


# A line's number before it, as a legal database or a code viewer shows text (【12】, [0012], 第12行：, 012|, 12 │, 12⇥,
# "  12  ", 0012: , L12 , grep -n's file.txt:12:, vim's "  12 "): each kind a group of its own.
_LINE_NUMBER = re.compile(r"\s*(?:【(\d{1,5})】|\[(\d{1,5})\]|第(\d{1,5})行\s*[:：]|(\d{1,5})\s*[|│┃]|(\d{1,5})\t"
                          r"|(\d{1,5}) {2,}|(\d{1,6}): ?|[Ll](\d{1,6}) |[\w.-]{1,80}:(\d{1,6}):|(\d{1,5}) (?! ))")
_NUMBERED_SHARE = 0.8  # of a text's lines, at least, so numbered
_NUMBERED_MIN = 20


def without_line_numbers(lines: list[str]) -> list[str]:
    """The lines without the numbers a viewer printed before each (12  一、总体情况, 【37】912): only where most of
    the text's lines carry one of a kind and they count up line by line (starting again at 1 on a new page), so a
    table's row numbers or figures at lines' starts are none."""
    numbered = [(k, m) for k, line in enumerate(lines) if line[:1].isspace() or line[:1] in "【[第0123456789Ll"
                or ":" in line[:90] if (m := _LINE_NUMBER.match(line))]
    filled = sum(1 for line in lines if line.strip())
    if len(numbered) < max(_NUMBERED_MIN, _NUMBERED_SHARE * filled):
        return lines
    kind = Counter(m.lastindex for _, m in numbered).most_common(1)[0][0]
    numbered = [(k, m) for k, m in numbered if m.lastindex == kind]
    numbers = [int(m.group(kind)) for _, m in numbered]
    counting = sum(1 for a, b in itertools.pairwise(numbers) if b in (a + 1, 1))
    if len(numbered) < _NUMBERED_SHARE * filled or counting < _NUMBERED_SHARE * (len(numbers) - 1):
        return lines
    out: list[str | None] = list(lines)
    for k, m in numbered:
        out[k] = lines[k][m.end():]
    gutter = {k: m.end() for k, m in numbered}
    last: tuple[int, int] | None = None  # (the numbered line a wrapped line's rest goes on, its number's width)
    for k, line in enumerate(lines):  # (a long line a viewer wrapped: its rest under its text, no number of its own)
        if k in gutter:
            last = (k, gutter[k])
        elif last is not None and line.strip() and line.startswith(" " * last[1]):
            out[last[0]] += line[last[1]:]
            out[k] = None
        else:
            last = None
    return [line for line in out if line is not None]


# A spreadsheet printed with its headings (Excel's 打印行号列标): a line of column letters (⇥ A ⇥ B ⇥ C …), then each
# row's number in its first cell (5 ⇥ （一）主动公开。…), counting up: the row's own text is after it.
_COLUMN_LETTERS = re.compile(r"^\s*(?:\t\s*)?A\tB\tC(?:\t[A-Z]{1,2})*\s*$")
_SHEET_ROW_NUMBER = re.compile(r"^\s*\d{1,5}\t")


def without_sheet_headings(lines: list[str]) -> list[str]:
    """The lines without a printed spreadsheet's column letters and row numbers (see ``_COLUMN_LETTERS``)."""
    if "A\tB\tC" not in "\n".join(lines):
        return lines  # (nearly every text: one look)
    out, last = [], None  # (the last row number read, None outside a sheet with headings)
    for line in lines:
        if _COLUMN_LETTERS.match(line):
            last = 0
            continue
        if last is not None and (m := _SHEET_ROW_NUMBER.match(line)) and last < int(m.group().strip()) <= last + 3:
            last = int(m.group().strip())  # (the rows count up: a row of values after the sheet is none of them)
            out.append(line[m.end():])
            continue
        last = None if line.strip() else last
        out.append(line)
    return out


def body_of(lines: list[str]) -> list[str]:
    """``body_lines`` of text already normalised and split into lines."""
    lines = without_sheet_headings(without_line_numbers(lines))
    out: list[str] = []
    last_report: int | None = None  # the last line only a report prints, found at the first footer
    numbered = bare_page_numbers(lines)
    running = _running_heads(lines, numbered) | numbered
    dated = _dated_heads(lines)
    for index, line in enumerate(lines):
        if index % 1024 == 0:
            checkpoint()
        core = line.strip(" |\t")
        if _PAGE_NUMBER.match(line) or _PRINT_MARGIN.match(line) or index in running or (dated and core in dated) \
                or ("版" in line and _MASTHEAD.match(line)) \
                or ("/" in line and _page_of_pages(line)) or (("G" in line or ":" in line) and _STATUS_BAR.match(line)):
            continue
        if _is_chrome(line):
            # A footer block: everything after it is site chrome too, unless the report goes on below it
            # (a page printed to PDF has the site's footer and header on every page).
            if index > len(lines) // 2 and _FOOTER_START.search(core):
                if last_report is None:
                    last_report = max((k for k, x in enumerate(lines) if _REPORT_GOES_ON.search(x)), default=-1)
                if index > last_report:
                    break
            continue
        if core and (line := _without_parallel_text(line)) is None:
            continue
        out.append(line.rstrip(" ") if core else "")  # trailing tabs are a row's empty cells
    while out and not out[-1].strip():
        out.pop()
    return out


# --- readers ----------------------------------------------------------------

_XHTML_PREFIX = re.compile(rb"""xmlns:[A-Za-z_][\w.-]{0,20}\s*=\s*["']http://www\.w3\.org/1999/xhtml["']""")  # (<h:table>)
_HTML_HINT = re.compile(rb"<\s*(?:!doctype\s+html|html|body|head|table|div|p|meta)\b", re.I)
# An SVG drawing as a file of its own (a report's tables saved as 附表.svg): its texts are read as a page's inline
# drawing is. Its root, after a declaration, comments or a doctype, is <svg> in the SVG namespace.
_SVG_ROOT = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<svg\s[^>]*?"
                       rb"xmlns\s*=\s*[\"']http://www\.w3\.org/2000/svg[\"']", re.I | re.S)


# A Markdown file's own structure: a pipe table's delimiter row (|----|:---:|) or a heading (### 三、…).
_DOCTAGS = re.compile(rb"\s*(?:\xef\xbb\xbf)?\s*<doctag>")  # Docling's DocTags (SmolDocling's output), as a pipeline stores it
_MARKDOWN_HINT = re.compile(rb"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\||^#{1,6} \S")
_MARKDOWN_LOOK = 65_536


PDF_SIGNATURE, ZIP_SIGNATURE = b"%PDF-", b"PK\x03\x04"  # what PDF and ZIP (DOCX) files start with
GZIP_SIGNATURE = b"\x1f\x8b"
RTF_SIGNATURE = b"{\\rtf"
_ODF_TEXT_MIME = b"application/vnd.oasis.opendocument.text"
_ODF_SHEET_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


CFB_SIGNATURE = b"\xd0\xcf\x11\xe0"  # a compound file: legacy Office, WPS, or a password-protected .docx
# The stream a compound file holds a password-protected Office Open XML document in, by its name in the
# directory (UTF-16).
_CFB_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CFB_WORD = "WordDocument".encode("utf-16-le")  # the stream of a Word 97–2003 document's text
_CFB_WORKBOOK = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))  # an Excel 97–2003 (or 5.0) workbook's
_ODF_SPREADSHEET_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_ODF_PRESENTATION_MIME = b"application/vnd.oasis.opendocument.presentation"
# Formats a corpus gathered from the web holds that are not read, by what their bytes start with,
# and what the rejection says of them.
_UNREAD_FORMATS = (
    (CFB_SIGNATURE, "a legacy Office file other than a Word document or a workbook (.ppt); convert it to PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image: a picture of a report or its tables would need text recognition (OCR)"),
    (b"\xff\xd8\xff", "a JPEG image: a picture of a report or its tables would need text recognition (OCR)"),
    (b"GIF8", "a GIF image: a picture of a report or its tables would need text recognition (OCR)"),
    (b"II*\x00", "a TIFF image: a scan would need text recognition (OCR)"),
    (b"MM\x00*", "a TIFF image: a scan would need text recognition (OCR)"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it into the corpus"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive; unpack it into the corpus"),
    (GZIP_SIGNATURE, "a gzip file inside a compressed file; unpack it into the corpus"),
    (b"BZh", "a bzip2 file inside a compressed file; unpack it into the corpus"),
    (b"\xfd7zXZ\x00", "an xz file inside a compressed file; unpack it into the corpus"),
    (b"\x28\xb5\x2f\xfd", "a zstd file inside a compressed file; unpack it into the corpus"),
)
# What a ZIP archive that is no Word document holds, by a file name inside it.
_ZIP_CONTENTS = (
    (b"application/vnd.oasis.opendocument", "an OpenDocument file other than a text, a spreadsheet or a presentation "
                                            "(a drawing, a formula)"),
)


# A web archive (MHTML: Word's or a browser's 单个文件网页, and the .doc a site's 下载Word button often
# sends): MIME headers, then the page and its pictures as parts.
_MIME_VERSION = re.compile(rb"(?im)^MIME-Version:\s*1\.0")
_MULTIPART = re.compile(rb"(?i)Content-Type:\s*multipart/")
_ENCODED_BODY = re.compile(rb"(?im)^Content-Transfer-Encoding:\s*(?:base64|quoted-printable)")
_MAIL_HEADER = re.compile(rb"(?im)^(?:To|Received|Message-ID):")  # an e-mail's, which a web archive has not: its body is text
_MAX_MULTIPARTS = 64
# A flat OpenDocument text (.fodt): the package's parts as one XML file.
_FLAT_ODF_TEXT = re.compile(rb"<office:document\b[^>]*?\boffice:mimetype=[\"']" + re.escape(_ODF_TEXT_MIME))
# A flat OpenDocument spreadsheet (.fods, LibreOffice's and WPS's 平面 XML 电子表格): the package's parts as one XML file.
FLAT_ODF_SHEET = re.compile(rb"<office:document\b[^>]*?\boffice:mimetype=[\"']" + re.escape(_ODF_SHEET_MIME))
# Excel's and WPS's SpreadsheetML 2003 (XML 表格), saved as .xml or .xls.
_SPREADSHEET_XML = re.compile(rb"<\?mso-application\s+progid=\"Excel\.Sheet\"|<(?:\w+:)?Workbook\b[^>]*"
                              rb"urn:schemas-microsoft-com:office:spreadsheet")
# A Word document as one XML file: Word 2003's WordprocessingML, Word 2007's flat XML package, or a .docx's
# document.xml alone (its body pasted or saved as a file: <w:document xmlns:w="…/2006/main">).
_WORD_XML = re.compile(rb"<\?mso-application\s+progid=\"Word\.Document\"|schemas\.microsoft\.com/office/word/2003/wordml"
                       rb"|<pkg:package\b|<w:document\b[^>]{0,2000}schemas\.openxmlformats\.org/wordprocessingml/2006/main")


def detect_format(data: bytes, path: str) -> str:
    """The format, from the bytes first and the file name second."""
    if data.startswith(ZIP_SIGNATURE):
        return _zip_format(data, path)
    if PDF_SIGNATURE in data[:1024]:  # bytes a server or a download put before it: readers skip them
        return "pdf"
    if data_file_kind(data, path) is not None:
        return "data-file"  # (a database or a binary table: SQLite, dBase, Parquet, Arrow, Stata)
    if data.startswith(CFB_SIGNATURE) and _CFB_ENCRYPTED in data:
        raise errors.EncryptedDocument(path, "an Office file (Word, Excel or PowerPoint) saved with a password")
    if data.startswith(CFB_SIGNATURE) and (_CFB_WORD in data or path.lower().endswith((".doc", ".wps", ".dot"))):
        return "doc"
    if data.startswith(CFB_SIGNATURE) and any(name in data for name in _CFB_WORKBOOK):
        return "spreadsheet"
    for signature, what in _UNREAD_FORMATS:
        if data.startswith(signature):
            raise errors.NotText(path, what)
    if data.lstrip()[:5] == RTF_SIGNATURE:
        return "rtf"
    if (data.startswith(b"bplist00") or data.lstrip()[:5] == b"<?xml") and b"WebMainResource" in data[:65536]:
        return "webarchive"  # (Safari's page saved whole: a property list, binary or XML)
    if data[257:262] == b"ustar":
        return "archive"
    if data.startswith(WARC_SIGNATURE) or is_http_dump(data):
        return "capture"  # (a crawler's WARC, or curl -i's dump: the response's headers before its body)
    if data.startswith(b"From ") and _MBOX_SEPARATOR.match(data):
        return "mailbox"  # (several messages, each after its From_ line: a mail client's folder)
    head = data[:4096]
    if _MIME_VERSION.search(head[:2048]) and (_MULTIPART.search(head) or _ENCODED_BODY.search(head)
                                               or _MAIL_HEADER.search(head[:2048])):
        return "mhtml"  # (a message of one part too: an e-mail's body in base64 or quoted-printable, or 8-bit text)
    if _WORD_XML.search(head):
        return "word-xml"
    if _SPREADSHEET_XML.search(head):
        return "spreadsheet-xml"
    if _FLAT_ODF_TEXT.search(data[:16384]):
        return "odt"  # a flat OpenDocument text (.fodt): the package's parts as one XML file
    if FLAT_ODF_SHEET.search(data[:16384]):
        return "spreadsheet"  # (a .fods: read as the package it flattens)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in head[:200] and len(data) % 2 == 0):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if (positioned.ALTO_ROOT.search(head) or positioned.PAGE_XML_ROOT.search(head) or positioned.HOCR_PAGE.search(head)
            or positioned.DJVU_ROOT.search(head)
            or positioned.TSV_HEADER.match(head)
            or positioned.FINEREADER_ROOT.search(head) or positioned.PDFTOHTML_ROOT.search(head)
            or positioned.PDFTOTEXT_BBOX.search(head) or positioned.STEXT_ROOT.search(head)
            or positioned.WORDS_TABLE_HEADER.match(head)
            or positioned.PDFTOHTML_PAGE.search(data[:65536])
            or positioned.PRINTED_ENTRY.search(head_text := data[:16384].decode("utf-8", errors="ignore"))
            or positioned.PREDICTED_PAGE.search(head_text)):
        return "ocr"
    if (head.lstrip()[:1] in (b"{", b"[") or _JSONP.match(head)) and _is_json(data):
        # an article API's response or a crawler's export, the page's HTML inside a string; a browser's network log
        return "capture" if _HAR_LOOK.search(head) and _is_har(data) else "json"
    if _XML_DECLARATION.match(head) and _ESCAPED_MARKUP.search(data[:1_000_000]):
        return "xml"  # a CMS's export, the article's HTML escaped in an element: its tags are no text
    if _DOCTAGS.match(head):
        return "doctags"
    markdown = path.lower().endswith((".md", ".markdown"))
    if markdown and _MARKDOWN_HINT.search(data[:_MARKDOWN_LOOK]):
        return "markdown"  # (pandoc's Markdown keeps what it cannot write as HTML: its pipe tables are still its own)
    if _SVG_ROOT.match(head) or _XHTML_PREFIX.search(head):
        return "html"
    if _XML_DECLARATION.match(head) and (root := _XML_ROOT.search(head)) \
            and root["name"].rsplit(b":", 1)[-1].lower() not in (b"html", b"svg") and not _PAGE_PARTS.search(data[:1_000_000]):
        return "xml"  # (a filing system's schema of its own whose names HTML also has: <report><table id="t3"><cell …>)
    if _HTML_HINT.search(head):
        return "html"
    return "markdown" if markdown else "text"


def _zip_format(data: bytes, path: str) -> str:
    """What a ZIP package is, by the names of its parts (a Word document's word/, a workbook's xl/, an
    OpenDocument's mimetype), else an archive of files; one that cannot be opened by the names its
    bytes show, for its reader to refuse."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error, KeyError):
        head = data[:65536]
        if b"word/" in head or path.lower().endswith(".docx"):
            return "docx"
        return "spreadsheet" if b"xl/" in head else "archive"
    listed = "\n".join(names).encode()
    if any(name.startswith("word/") for name in names):
        return "docx"
    if mimetype.startswith(_ODF_TEXT_MIME):
        return "odt"
    if mimetype.startswith(b"application/epub+zip"):
        return "epub"
    if "OFD.xml" in names:
        return "ofd"
    if any(name.lower().endswith((".fdseq", ".fpage")) for name in names):
        return "xps"
    if "ppt/presentation.xml" in names or mimetype.startswith(_ODF_PRESENTATION_MIME):
        return "presentation"
    if any(name.startswith("xl/") for name in names) or mimetype.startswith(_ODF_SPREADSHEET_MIME):
        return "spreadsheet"
    found = next((what for name, what in _ZIP_CONTENTS if name in listed or (mimetype and name in mimetype)), None)
    if found:
        raise errors.NotText(path, found)
    return "archive"


# A JSONP response (callback({...});), as an app's or a news platform's article API sends it.
_JSONP = re.compile(rb"\s*[A-Za-z_$][\w$.]*\s*\(\s*[{\[]")
_XML_DECLARATION = re.compile(rb"\s*<\?xml\b")
# An XML document's root element (after its declaration, comments, processing instructions and doctype), and the
# elements only a page has: an XML file with a root of its own and none of those is no page.
_XML_ROOT = re.compile(rb"\A\s*<\?xml[^>]*>(?:\s*(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>))*\s*<(?P<name>[\w:.-]+)",
                       re.DOTALL)
_PAGE_PARTS = re.compile(rb"<(?:html|body|head)[\s>/]", re.IGNORECASE)
_ESCAPED_MARKUP = re.compile(rb"&lt;/?(?:p|div|table|tr|td|span|br)\b", re.I)


def _is_json(data: bytes) -> bool:
    from .markup import TooDeep, json_records

    try:
        return json_records(data.decode("utf-8", errors="replace")) is not None
    except TooDeep:
        return True  # (JSON, read as such: refused there, saying why)


_HAR_LOOK = re.compile(rb'"log"\s*:\s*\{')  # a HAR file's first key


def _is_har(data: bytes) -> bool:
    from .markup import TooDeep, json_records

    try:
        return is_har(json_records(data.decode("utf-8", errors="replace")) or [])
    except TooDeep:
        return False


# The formats a file name's extension promises: a file so named whose bytes are another format was
# probably saved under the wrong name (a web page or its text saved as .pdf).
_NAMED_FORMATS = {".pdf": ("pdf", "a PDF"), ".docx": ("docx", "a Word document")}
# The formats the bytes themselves show (text is what is left when none does).
_SHOWN_FORMATS = {"html": "a web page (HTML)", "mhtml": "a web archive (MHTML)", "webarchive": "a Safari web archive",
                  "epub": "an EPUB book", "pdf": "a PDF", "docx": "a Word document",
                  "doc": "a Word 97–2003 document", "word-xml": "a Word document as XML",
                  "spreadsheet-xml": "a spreadsheet as XML (SpreadsheetML)", "rtf": "an RTF document",
                  "odt": "an OpenDocument text", "ofd": "an OFD document", "json": "JSON data", "spreadsheet": "a spreadsheet",
                  "ocr": "an OCR engine's result"}


def misnamed(source: Source) -> str:
    """What to add to a rejection when the file's name promises another format than its bytes
    have ('named .pdf, but its bytes are not a PDF: they are a web page (HTML)'), or ''."""
    suffix = os.path.splitext(source.path)[1].lower()
    named = _NAMED_FORMATS.get(suffix)
    if named is None or named[0] == source.format:
        return ""
    shown = _SHOWN_FORMATS.get(source.format)
    return f"named {suffix}, but its bytes are not {named[1]}" + (f": they are {shown}" if shown else "")


@contextlib.contextmanager
def noting_misnamed(source: Source) -> Iterator[None]:
    """A rejection raised within says, after its own reason, when the file is ``misnamed``."""
    try:
        yield
    except errors.ReportError as e:
        note = misnamed(source)
        if not note:
            raise
        raise e.noted(note) from e


# A script file's first statement, an assignment (window.__INITIAL_STATE__={…}, var articleContent = '…'): an app's
# data saved on its own, the article in one of its strings.
_SCRIPT_TEXT = re.compile(r"\s*(?:(?:var|let|const)\s+[\w$]+|(?:window|self|globalThis)(?:\.[\w$]+)+)\s*=")


def _read_text(data: bytes, source: Source) -> str:
    text, source.encoding = decode(data, source.path)
    if len(_TURTLE_PREFIX.findall(text[:20_000])) >= _TURTLE_PREFIXES:
        raise errors.NotText(source.path, "RDF data in Turtle, which the build does not read: its statements' numbers "
                                          "(gk:T2, 2021) are no table's; publish the data as CSV or JSON")
    kind = _DATA_SUFFIXES.get(Path(source.path).suffix.lower(), "xml" if _XML_DECLARATION.match(data) else None)
    if kind and (submitted := submitted_report(data, text, source.path, kind)) is not None:
        source.exported = True
        return submitted  # (a filing system's submission as YAML, TOML or INI: the form's cells as fields)
    if kind == "xml" and (article := _xml_article_or_none(data, source.path)) is not None:
        return article  # (a statistical message whose observations are no report's, the report in an annotation)
    if "=" in text and Path(source.path).suffix.lower() in _SHEET_SUFFIXES:
        from .spreadsheet import FORMULA_FIELD, computed_formula_fields

        if FORMULA_FIELD.search(text):  # (a sheet exported with its formulas: =SUM(D38:I38) for a total; its own
            text = computed_formula_fields(text)  # cells, A1 its first line's first field, as in no text pasted from one)
    # (Markdown's entities and inline tags, &#52;&#50; and <b>0</b> in a pipe table's cells, are its own: read by it)
    if "&" in text and source.format != "markdown" and (shown := markup_shown(text, source.path)) is not None:
        return shown
    if _SCRIPT_TEXT.match(text[:200]):
        from .markup import script_article

        return script_article(text, source.path) or text
    if text.count("\\n") >= _ESCAPED_BREAKS and text.count("\n") * 10 < text.count("\\n"):
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n")  # (every line break written as the two characters \n)
    if "\t" in text[:1024] and _CONFIDENCE_HEADER.match(text.lstrip()[:100]):
        text = _without_confidences(text)
    text = side_by_side(text)  # (two tables abreast: the left one's lines, then the right one's)
    return quoted_records(text) if '"' in text else text


# An OCR engine's lines exported with their confidence (识别结果 ⇥ 置信度, text ⇥ conf: PaddleOCR's rec_res, a
# tool's word list): the header names the two columns. A confidence is no value of the report's.
_CONFIDENCE_HEADER = re.compile(r"(?:text|words?|line|transcription|文本|文字|识别结果|识别文本|内容)\s*\t\s*"
                                r"(?:conf|confidence|score|prob(?:ability)?|置信度|可信度|得分)\s*(?:\n|$)", re.I)
_CONFIDENCE = re.compile(r"(?m)\t[ \t]*(?:100|\d{1,2})(?:\.\d+)?[ \t]*$")


def _without_confidences(text: str) -> str:
    """The lines of an OCR export of text and confidence, each without its confidence, the header left out."""
    body = text.lstrip().split("\n", 1)[1] if "\n" in text.lstrip() else ""
    return _CONFIDENCE.sub("", body)


def _xml_article_or_none(data: bytes, path: str) -> str | None:
    """The article an XML document's elements hold, as an export's XML is read; None where none prints a report."""
    from .markup import xml_article

    try:
        return xml_article(data, path)
    except (errors.NotAReport, errors.NotText):
        return None


_SHEET_SUFFIXES = frozenset({".csv", ".tsv", ".tab"})  # a sheet exported whole as delimited text
_TURTLE_PREFIX = re.compile(r"(?mi)^\s*@?prefix\s+[\w-]*:\s*<")
_TURTLE_PREFIXES = 3  # prefix declarations, at least, of an RDF document in Turtle (or SPARQL's)
_DATA_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".ini": "ini", ".cfg": "ini", ".conf": "ini"}
_ESCAPED_BREAKS = 20  # literal \n in a text with few real line breaks, at least: a crawler's string written out as it was


# A field in quotes, as a spreadsheet saves it to CSV or tab-separated text: at a line's start or after a separator,
# up to the next separator or the line's end ("" a quote inside it; a line break inside it too).
_QUOTED_FIELD = re.compile(r'(?:^|(?<=[,\t;]))"(?:[^"]|"")*"(?=[,\t;]|$)', re.MULTILINE)
_QUOTED_MIN = 6  # quoted fields, at least, of a sheet saved with its fields quoted (a prose quote is no field)


def quoted_records(text: str) -> str:
    """A sheet saved as CSV or tab-separated text with fields in quotes (every field, or the labels with commas or
    line breaks inside: Excel's Alt+Enter in 本年\n制发件数): each record with a quoted field as a row of tab-parted
    fields, a field's line breaks joined, the padding of empty fields after its last left out; any other line as it is
    (a line of prose, its thousands' commas no separators). Line by line, a label's line break cut its row in two and
    the quotes stayed around every number."""
    import csv

    if len(_QUOTED_FIELD.findall(text)) < _QUOTED_MIN:
        return text
    lines = text.split("\n")
    separator = max("\t,;", key=lambda s: sum(line.count(s) for line in lines if '"' in line))
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        if _QUOTED_FIELD.search(lines[k]) or _QUOTE_OPENS.search(lines[k]):
            while "\n".join(lines[k:end + 1]).count('"') % 2 and end + 1 < len(lines) and end - k < _RECORD_LINES:
                end += 1  # (a quoted field's line breaks: the record goes on to the line its quote closes on)
        record = "\n".join(lines[k:end + 1])
        try:
            fields = next(csv.reader([record], delimiter=separator)) if '"' in record else None
        except (csv.Error, StopIteration):
            fields = None
        while fields and not fields[-1].strip():
            fields.pop()
        out.append(record if fields is None else "\t".join(_LINE_BREAK_IN_FIELD.sub(_joined_break, f.strip())
                                                          for f in fields))
        k = end + 1
    return "\n".join(out)


_QUOTE_OPENS = re.compile(r'(?:^|[,\t;])"[^"]*$')  # a quoted field whose line breaks go on past the line's end
_RECORD_LINES = 20  # lines one quoted record runs over, at most


_LINE_BREAK_IN_FIELD = re.compile(r"(.)?[ \t]*\r?\n[ \t]*(.)?")


def _joined_break(m: re.Match) -> str:
    """A line break inside a field: nothing between two Chinese characters (本年\n制发件数), a space elsewhere."""
    before, after = m.group(1) or "", m.group(2) or ""
    cjk = bool(before and after and _CJK_CHAR.match(before) and _CJK_CHAR.match(after))
    return before + ("" if cjk else " ") + after


_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _read_markdown(data: bytes, source: Source) -> str:
    from .markup import markdown_to_text

    return markdown_to_text(_read_text(data, source))


def _read_doctags(data: bytes, source: Source) -> str:
    from .markup import doctags_to_text

    return doctags_to_text(_read_text(data, source))


def _read_html(data: bytes, source: Source) -> str:
    """A web page's visible text; a page whose article is only in a script (saved before the
    scripts ran) has that article after its visible text, and one whose tables are only in its
    scripts' data has them after their sections' headings."""
    from .appdata import shows_no_table, with_script_tables

    if _FICTION_BOOK.search(data[:4096]):
        data = _fiction_book_page(data)
    text, source.encoding = decode(data, source.path)
    shown = _page_text(text, data, source)
    if "&" in shown and (unescaped := markup_shown(shown, source.path)) is not None:
        return unescaped  # (a page showing its table's markup as text: escaped twice by its CMS)
    return with_script_tables(shown, text) if "<script" in text and shows_no_table(shown) else shown


# A FictionBook 2 e-book (.fb2): XML whose body holds sections of titles, paragraphs and tables (the HTML ones), after a
# description of the book (its author, its title again, the program that made it) and before its pictures' data.
_FICTION_BOOK = re.compile(rb"<FictionBook[\s>]")
_FICTION_BOOK_APART = re.compile(rb"<(description|binary)\b.*?</\1\s*>", re.DOTALL)
_FICTION_BOOK_TAG = re.compile(rb"<(/?)(title|subtitle|section|empty-line|emphasis|strong|epigraph|cite|poem|stanza|v|"
                               rb"text-author|FictionBook)\b")
_AS_HTML = {b"title": b"h2", b"subtitle": b"h3", b"section": b"div", b"empty-line": b"br", b"emphasis": b"em",
            b"strong": b"b", b"epigraph": b"blockquote", b"cite": b"blockquote", b"poem": b"div", b"stanza": b"div",
            b"v": b"p", b"text-author": b"p", b"FictionBook": b"html"}


def _fiction_book_page(data: bytes) -> bytes:
    """A FictionBook as the page a reader shows: its body's sections as HTML, its description and pictures left out
    (read as a page, the description's author and title ran into the report's title)."""
    data = _FICTION_BOOK_APART.sub(b"", data)
    return _FICTION_BOOK_TAG.sub(lambda m: b"<" + m[1] + _AS_HTML[m[2]], data)


# Markup shown as text: entities of a page's characters and tags (&lt;td&gt;12&lt;/td&gt;, &amp;lt;, &#49;&#50;, &nbsp;),
# as a CMS escaping a field once or twice more than it should, or a text copied with its codes.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_ENTITIES_MIN = 10  # entities in a text, at least, to read it as escaped markup (one is a text's &amp;)
_TAG_SHOWN = re.compile(r"<(?:table|tr|td|th|p|br|div|tbody)\b[^<>]{0,300}>", re.IGNORECASE)
_TAGS_MIN = 5  # tags in the unescaped text, at least, to read it as a page (a quoted <p> is no page)
_ESCAPED_DEPTH = 3  # times a text may have been escaped


def markup_shown(text: str, path: str) -> str | None:
    """The text a text showing markup stands for, entities read (up to three times: escaped twice by a CMS) and, where
    tags appear (a table's, paragraphs'), read as a page, each line of plain text a line; None for a text with
    hardly any entity."""
    import html

    if len(_ENTITY.findall(text, 0, 200_000)) < _ENTITIES_MIN:
        return None
    for _ in range(_ESCAPED_DEPTH):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    if len(_TAG_SHOWN.findall(text, 0, 200_000)) < _TAGS_MIN:
        return text
    from .markup import html_to_text

    page = "\n".join(line if "<" in line else f"{line}<br>" for line in text.split("\n"))
    return html_to_text(f"<html><body>{page}</body></html>", path)


def _page_text(text: str, data: bytes, source: Source) -> str:
    from .markup import REPORT_SECTIONS, data_documents, html_to_text, script_article, xml_served

    xml_file = source.path.lower().endswith((".xhtml", ".xht"))  # (opened as XML: its CDATA shown)
    if "<!ENTITY" in text[:50_000] or "xmlns:" in text[:50_000] or (xml_file and "<![CDATA[" in text):
        text = xml_served(text, xml_file)
    shown = html_to_text(text, source.path)
    sections = set(REPORT_SECTIONS.findall(shown))
    if len(sections) < 2 and (article := script_article(text, source.path)):
        return f"{shown}\n{article}"
    if len(sections) < _SECTIONS and (article := script_article(text, source.path)) \
            and len(set(REPORT_SECTIONS.findall(article))) > len(sections):
        # (the page shows the report cut, 阅读全文 or 展开全文, its data the whole: the page's head, then the whole)
        head = shown[:shown.rfind("\n", 0, REPORT_SECTIONS.search(shown).start()) + 1]
        return f"{head}\n{article}"
    if len(shown.strip()) < _COVER_CHARS and "data:application/" in text and (
            attached := _attached_text(data_documents(text), source, shown)):
        return f"{shown}\n{attached}"  # (the page's metadata, then the report it carries as a data: address)
    return shown


_SECTIONS = 4  # the form's sections ``REPORT_SECTIONS`` names: 总体情况, 主动公开, 依申请公开 and 复议诉讼


def _read_json(data: bytes, source: Source) -> str:
    """An OCR API's result (its texts laid out by their boxes, not the plain text it may also give,
    which loses the tables' columns), else an article API's JSON."""
    from .markup import TooDeep, json_article, json_records, records_article, with_rich_text_as_markup

    text, source.encoding = decode(data, source.path)
    try:
        records = json_records(text) or []
    except TooDeep as e:
        raise errors.OverLimit(source.path, f"JSON {e}") from None
    if (marked := [with_rich_text_as_markup(record) for record in records]) != records:
        return records_article(marked, source.path)  # (an app's rich-text nodes: the markup they stand for)
    if (parsed := parsed_text(records, source.path)) is not None:
        return parsed  # (a document parser's blocks in reading order: Unstructured, Docling, LlamaParse, Mistral, Marker)
    if (recognised := recognised_text(records)) is not None:  # (a table-recognition service's cells, with their boxes)
        return recognised
    if words := positioned.result_words(records):
        return positioned.laid_out(words)
    if len(records) == 1 and (notebook := notebook_text(records[0], source.path)) is not None:
        return notebook  # (a researcher's notebook: its text cells and the results its code showed)
    if len(records) == 1 and (tree := document_tree_text(records[0])) is not None:
        return tree  # (a document's sections as fields: heading, paragraphs, tables of counts)
    if (submitted := submitted_report(data, text, source.path, "json")) is not None:
        source.exported = True
        return submitted  # (a filing system's submission: the form's cells as fields)
    return json_article(text, source.path)


def _read_xml(data: bytes, source: Source) -> str:
    from .markup import xml_article

    declared = _XML_ENCODING.search(data[:200])  # lxml reads the text in it
    source.encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if (submitted := submitted_report(data, "", source.path, "xml")) is not None:
        source.exported = True
        return submitted  # (a filing system's submission in its own schema: <表三><行 名称="予以公开" 自然人="9"/>)
    return xml_article(data, source.path)


_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.-]+)""")


def _read_ocr(data: bytes, source: Source) -> str:
    """An OCR engine's result file (ALTO XML, hOCR, Tesseract's TSV, FineReader's XML, a printed result list): its words
    laid out by their boxes; a file that only looked like one is read as text."""
    if positioned.ALTO_ROOT.search(data[:4096]):
        source.encoding = "utf-8"
        return positioned.laid_out(positioned.alto_words(data, source.path))
    if positioned.PAGE_XML_ROOT.search(data[:4096]):
        source.encoding = "utf-8"
        return positioned.laid_out(positioned.page_xml_words(data, source.path))
    if positioned.DJVU_ROOT.search(data[:4096]):
        source.encoding = "utf-8"
        return positioned.laid_out(positioned.djvu_words(data, source.path))
    if positioned.FINEREADER_ROOT.search(data[:4096]):
        source.encoding = "utf-8"
        return positioned.laid_out(positioned.finereader_words(data, source.path))
    if positioned.PDFTOHTML_ROOT.search(data[:4096]):
        source.encoding = "utf-8"
        return positioned.laid_out(positioned.pdftohtml_words(data, source.path))
    if positioned.STEXT_ROOT.search(data[:4096]):
        source.encoding = "utf-8"
        return positioned.laid_out(positioned.stext_words(data, source.path))
    text, source.encoding = decode(data, source.path)
    if positioned.PDFTOTEXT_BBOX.search(data[:4096]) and (words := positioned.bbox_words(text)):
        return positioned.laid_out(words)
    if positioned.WORDS_TABLE_HEADER.match(data) and (words := positioned.table_words(text)):
        return positioned.laid_out(words)
    if positioned.PDFTOHTML_PAGE.search(data[:65536]) and (words := positioned.pdftohtml_page_words(text)):
        return positioned.laid_out(words)
    if positioned.HOCR_PAGE.search(data[:4096]) and (words := positioned.hocr_words(text)):
        return positioned.laid_out(words)
    if positioned.TSV_HEADER.match(data):
        return positioned.laid_out(positioned.tsv_words(text))
    if (printed := positioned.printed_results(text)) and (words := positioned.result_words(printed)):
        return positioned.laid_out(words)
    return text


def _read_mhtml(data: bytes, source: Source) -> str:
    """A web archive's page, or a saved e-mail's: its page or plain text, and, when that is a cover
    note (转发：…年度报告, 详见附件), the documents attached to it."""
    files = mime_attachments(data)
    mail = bool(_MAIL_HEADER.search(data[:8192]))
    try:
        text, source.encoding = mhtml_text(data, source.path, plain=bool(files) or mail)
    except errors.NotText:
        if not files:
            raise
        text = ""
    if len(text.strip()) < _COVER_CHARS and (attached := _attached_text(files, source, text)):
        text = "\n".join(filter(None, (text, attached)))
    elif not text.strip() and files:
        raise errors.NotText(source.path, "an e-mail or web archive whose attached files are no readable document")
    if mail and (subject := _mail_subject(data)) and not _REPORT_TITLE.search("\n".join(text.splitlines()[:_TITLE_REACH])):
        text = f"{subject}\n\n{text}"  # (a message whose report prints its own title: that is the title, not a cover's)
    return text


# A report's title line (…2023年政府信息公开工作年度报告, …2023年度政务公开年报), which a mail's text may print itself.
_REPORT_TITLE = re.compile(r"(?m)^[^，。；：,;:\n]{0,40}(?:19|20)\d{2}\s*年度?[^，。；：,;:\n]{0,30}(?:年度报告|年报)"
                           r"\s*(?:[(（][^()（）\n]{0,8}[)）])?\s*$")
_TITLE_REACH = 40  # lines of a mail's text its report's title may stand within


# A mailbox's message begins with its From_ line (From sender date), then its headers.
_MBOX_SEPARATOR = re.compile(rb"(?:^|(?<=\n))From [^\s]+ [^\n]*?(?:19|20)\d{2}[^\n]*\r?\n(?=[!-9;-~]+:)")
_MBOX_QUOTED_FROM = re.compile(rb"(?m)^>(>*From )")  # (a body's line starting From, written >From so as not to part it)
_MESSAGES_MAX = 200_000  # messages of a mailbox parted at most
_MESSAGES_READ_MAX = 2_000  # and read at most, those long enough to carry a report
_MESSAGE_MIN = 1_024  # bytes a message carrying a report has at least (its headers and a report's text are more)


def mailbox_messages(data: bytes) -> list[tuple[str, bytes]]:
    """A mailbox's messages (mbox), in order, each its headers and body, a body line's >From put back."""
    found = list(itertools.islice(_MBOX_SEPARATOR.finditer(data), _MESSAGES_MAX))
    ends = [m.start() for m in found[1:]] + [len(data)]
    return [(f"message {k + 1}.eml", _MBOX_QUOTED_FROM.sub(rb"\1", data[m.end():end]))
            for k, (m, end) in enumerate(zip(found, ends, strict=True))]


def _read_mailbox(data: bytes, source: Source) -> str:
    """A mailbox's report: the messages that carry one (the others, a notice asking for it, a reply, left out), the last
    of one report's copies; several reports refused."""
    read: list[tuple[str, dict[str, str]]] = []
    for name, message in mailbox_messages(data):
        if len(message) < _MESSAGE_MIN or len(read) >= _MESSAGES_READ_MAX:
            continue  # (a few lines: no report's message; past the read ones, a hostile mailbox's)
        titles: dict[str, str] = {}
        text = _attached_text([(name, message)], source, "", titles)
        if text.strip():
            read.append((text, titles))
    source.attachments = ()  # (a mailbox's messages are its own, no attachments)
    if not read:
        raise errors.NotText(source.path, "a mailbox whose messages are no readable document")
    reports = [(text, titles) for text, titles in read if titles]
    if len(distinct := _distinct_reports([t for _, titles in reports for t in titles.values()])) > 1:
        raise errors.SeveralReports(source.path, f"{len(distinct)} ({'; '.join(distinct[:4])}): save each message on its "
                                                 "own, so that each is read on its own")
    return reports[-1][0] if reports else "\n".join(text for text, _ in read)


def mime_attachments(data: bytes) -> list[tuple[str, bytes]]:
    """The files a MIME message (a saved e-mail, a web archive) carries as attachments, by name, in
    order: parts that are no text and no picture (a Word file, a PDF, a workbook), and text attached as a file
    (a report's web page sent as an attachment)."""
    import email
    from email.header import decode_header, make_header

    head = data[:10_000_000].lower()
    if b"attachment" not in head and b"application/" not in head:
        return []
    if len(_MULTIPART.findall(data)) > _MAX_MULTIPARTS:
        return []
    files = []
    for part in email.message_from_bytes(data).walk():
        kind = part.get_content_maintype()
        attached_text = kind == "text" and part.get_content_disposition() == "attachment"
        if part.is_multipart() or (kind in ("text", "image", "multipart") and not attached_text):
            continue
        name = part.get_filename() or ""
        with contextlib.suppress(ValueError, LookupError):
            name = str(make_header(decode_header(name)))
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            files.append((name, payload))
    return files


# An e-mail's quote marks before the lines it quotes (> , >> , > > : a reply's, a forward's of a forward); a tab after
# them is the line's first cell, an empty one of a table's row.
_QUOTE_MARKS = re.compile(r"(?m)^[ ]*(?:>[ ]?)+")
_QUOTED_SHARE = 0.3  # of the lines with text: a reply quoting the report, not a line or two that begin with >
_QUOTED_LINES = 10


def without_quote_marks(text: str) -> str:
    """The text without the quote marks of an e-mail that quotes the report (a reply to, or a forward of, the mail it
    came in), when they begin a good share of its lines: the report's rows and headings then start where a reader
    looks for them."""
    quoted = len(_QUOTE_MARKS.findall(text))
    shown = sum(1 for line in text.splitlines() if line.strip())
    return _QUOTE_MARKS.sub("", text) if quoted >= _QUOTED_LINES and quoted >= _QUOTED_SHARE * shown else text


def _mail_subject(data: bytes) -> str:
    """An e-mail's subject, its encoded words decoded (=?UTF-8?B?…?=): the message's title, printed above its body
    as a mail client shows it (回复：转发：关于做好…的通知, a quoted notice's; …年度报告（定稿）, a report's)."""
    import email
    from email.header import decode_header, make_header

    with contextlib.suppress(ValueError, LookupError, TypeError):
        end = re.search(rb"\r?\n\r?\n", data[:65536])
        subject = email.message_from_bytes(data[:end.start() if end else 65536]).get("Subject") or ""
        return " ".join(str(make_header(decode_header(subject))).split())
    return ""


def mhtml_text(data: bytes, path: str, plain: bool = False) -> tuple[str, str]:
    """A web archive's page as text, and its encoding: its first text/html part, its transfer
    encoding (quoted-printable, base64) undone by the standard library's MIME parser, its bytes
    decoded as a web page's; with ``plain``, an e-mail's text/plain body when it has no page."""
    import email

    from .markup import html_to_text

    # The standard library's parser goes one call deeper for each multipart inside another: a page
    # and its pictures need one or two, a hostile archive nests thousands.
    if len(_MULTIPART.findall(data)) > _MAX_MULTIPARTS:
        raise errors.OverLimit(path, f"a web archive with more than {_MAX_MULTIPARTS} nested parts")
    parts = [email.message_from_bytes(data)]
    pages, body = [], None
    while parts:  # depth first, in order
        part = parts.pop()
        if part.get_content_type() == "text/html":
            pages.append(part)
        if plain and body is None and part.get_content_type() == "text/plain" and not part.get_filename():
            body = part
        if part.is_multipart():
            parts.extend(reversed(part.get_payload()))
    if pages:
        text, encoding = decode(pages[0].get_payload(decode=True) or b"", path)
        if sheets := _workbook_sheets(text, pages[1:], path):  # a workbook's web page: its frameset, then its sheets
            return "\n".join(html_to_text(sheet, path) for sheet in sheets), encoding
        base = unquote(pages[0]["Content-Location"] or "").strip()
        return html_to_text(_with_frames(text, pages[1:], path, base), path), encoding
    if body is not None:
        return decode(body.get_payload(decode=True) or b" ", path)
    raise errors.NotText(path, "a web archive (MHTML) with no web page in it")


# A workbook saved as a web page (Excel, WPS 表格): its first page a frameset that lists each sheet's page.
_WORKSHEET_SOURCE = re.compile(r"""<x:WorksheetSource\s+HRef\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _workbook_sheets(html: str, parts: list, path: str) -> list[str]:
    """The pages of a workbook's sheets in the order its frameset lists them (x:WorksheetSource), each
    matched to the archived part whose Content-Location ends with it; none for any other page."""
    listed = _WORKSHEET_SOURCE.findall(html)
    if not listed:
        return []
    located = [(unquote(part["Content-Location"] or "").replace("\\", "/"), part) for part in parts]
    sheets = []
    for href in listed:
        name = unquote(href).replace("\\", "/").lstrip("./")
        part = next((part for where, part in located if where.endswith("/" + name) or where == name), None)
        if part is not None:
            sheets.append(decode(part.get_payload(decode=True) or b"", path)[0])
    return sheets


# A frame's page in a web archive, as the archived page refers to it: <iframe src="cid:frame-…@mhtml.blink">.
_FRAME_SOURCE = re.compile(r"""(?P<attr>\ssrc\s*=\s*)(?P<quote>["']?)cid:(?P<id>[^"'\s>]+)(?P=quote)""", re.IGNORECASE)


def _with_frames(html: str, frames: list, path: str, base: str) -> str:
    """A web archive's page with its frames' pages, archived as parts of their own, put in their frames as data:
    addresses (the markup reader shows those in place), each in the first frame that shows it: Chrome refers to
    such a part by its Content-ID (cid:), Internet Explorer by its address (Content-Location), which the frame's
    src, relative or not, names against the page's own (a frameset, the report in one of its frames)."""
    from html import unescape as unescape_entities
    from urllib.parse import urljoin

    # (each part shown once in the whole archive: a hostile one may name one a thousand times, or frames in circles)
    by_id = {part["Content-ID"].strip().strip("<>"): part for part in frames if part["Content-ID"]}
    by_url = {unquote(part["Content-Location"]).strip(): part for part in frames if part["Content-Location"]}

    def with_frames(page: str, base: str, depth: int) -> str:
        def shown(part) -> str:
            page = decode(part.get_payload(decode=True) or b"", path)[0]
            if depth < _FRAME_DEPTH:
                page = with_frames(page, unquote(part["Content-Location"] or "").strip(), depth + 1)
            return f'"data:text/html;charset=utf-8;base64,{base64.b64encode(page.encode("utf-8")).decode("ascii")}"'

        def by_content_id(m: re.Match) -> str:
            part = by_id.pop(m["id"], None)
            return m.group() if part is None else m["attr"] + shown(part)

        def by_address(m: re.Match) -> str:
            if m["src"].startswith("data:"):
                return m.group()
            part = by_url.pop(unquote(urljoin(base, unescape_entities(m["src"]))), None)
            return m.group() if part is None else m["attr"] + shown(part)

        if by_id and "cid:" in page:
            page = _FRAME_SOURCE.sub(by_content_id, page)
        return _FRAME_SRC.sub(by_address, page) if by_url and base else page

    return with_frames(html, base, 0)


_FRAME_DEPTH = 3  # a web archive's frames within frames, read this deep


def _read_webarchive(data: bytes, source: Source) -> str:
    """A Safari web archive: a property list holding the page (WebMainResource) and the archives of its frames
    (WebSubframeArchives), each frame's page put in the iframe that shows it, as a saved page's frames are."""
    import plistlib

    from .markup import html_to_text

    try:
        archive = plistlib.loads(data)
    except Exception as e:  # (plistlib raises InvalidFileException, ValueError, struct errors … on damaged bytes)
        raise errors.NotText(source.path, "a web archive (.webarchive) whose property list cannot be read") from e
    page, source.encoding = _archived_page(archive, source.path, _FRAME_DEPTH)
    return html_to_text(page, source.path)


def _archived_page(archive, path: str, depth: int) -> tuple[str, str]:
    """A web archive's page and its encoding, its frames' pages put in their iframes as data: addresses (an iframe's
    src, relative or not, resolved against the page's address to the frame's)."""
    from html import unescape as unescape_entities
    from urllib.parse import urljoin

    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise errors.NotText(path, "a web archive (.webarchive) with no page in it")
    page, encoding = decode(main["WebResourceData"], path)
    frames = archive.get("WebSubframeArchives") if depth > 0 else None
    by_url = {str(frame["WebMainResource"].get("WebResourceURL", "")): frame for frame in
              (frames if isinstance(frames, list) else ()) if isinstance(frame, dict)
              and isinstance(frame.get("WebMainResource"), dict)}
    if not by_url:
        return page, encoding
    base = str(main.get("WebResourceURL", ""))

    def inlined(m: re.Match) -> str:
        frame = by_url.pop(urljoin(base, unescape_entities(m["src"])), None)  # (each frame's page once)
        if frame is None:
            return m.group()
        shown = _archived_page(frame, path, depth - 1)[0].encode("utf-8")
        return f'{m["attr"]}"data:text/html;charset=utf-8;base64,{base64.b64encode(shown).decode("ascii")}"'

    return _FRAME_SRC.sub(inlined, page), encoding


_FRAME_SRC = re.compile(r"""(?P<attr><i?frame\b[^>]*?\ssrc\s*=\s*)(?P<quote>["']?)(?P<src>[^"'\s>]+)(?P=quote)""",
                        re.IGNORECASE)


def _read_epub(data: bytes, source: Source) -> str:
    """An EPUB book: its chapters' pages in the order its package's spine reads them (not its files' order), its
    navigation pages and the chapters the spine marks as out of the reading order left out."""
    import posixpath
    import zipfile

    from lxml import etree

    from .markup import html_to_text

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            container = etree.fromstring(book.read("META-INF/container.xml"), parser)
            package = next(e.get("full-path") for e in container.iter() if etree.QName(e).localname == "rootfile")
            opf = etree.fromstring(book.read(package), parser)
            items = {e.get("id"): e for e in opf.iter() if etree.QName(e).localname == "item"}
            pages = []
            for ref in (e for e in opf.iter() if etree.QName(e).localname == "itemref"):
                item = items.get(ref.get("idref"))
                if item is None or ref.get("linear") == "no" or "nav" in (item.get("properties") or "").split():
                    continue
                name = posixpath.normpath(posixpath.join(posixpath.dirname(package), unquote(item.get("href") or "")))
                if (size := book.getinfo(name).file_size) > current().max_bytes:  # (its bytes unpacked, not packed)
                    raise errors.OverLimit(source.path, f"an EPUB chapter {name} of {size:,} bytes unpacked")
                text, source.encoding = decode(book.read(name), source.path)
                pages.append(html_to_text(text, source.path))
    except (KeyError, StopIteration, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, TypeError) as e:
        raise errors.NotText(source.path, "an EPUB book whose package (content.opf) or chapters cannot be read") from e
    if not pages:
        raise errors.NotText(source.path, "an EPUB book with no chapter in its reading order")
    return "\n".join(pages)


# A file with less text than this and files attached to it is a cover note ("详见附件"): a CMS prints the
# article page to PDF and attaches the report's own file to it; an e-mail forwards it; a Word file embeds it.
_COVER_CHARS = 1_500


def _read_pdf(data: bytes, source: Source) -> str:
    from .pdf import embedded_files

    data = data[data.find(PDF_SIGNATURE):]  # its offsets count from the header
    try:
        text, scan = _whole_or_closed_pdf_text(data, source), None
    except errors.NeedsOCR as e:  # a scanned cover may carry the report as a file
        text, scan = "", e
    if len(text.strip()) < _COVER_CHARS and (attached := _attached_text(embedded_files(data), source, text)):
        return "\n".join(filter(None, (text, attached)))
    if scan:
        raise scan
    return with_property_title(text, *pdf_properties(data)) if prints_no_title(text) else text


def _whole_or_closed_pdf_text(data: bytes, source: Source) -> str:
    """A PDF's text; a PDF the reader cannot open because a download cut it short is read as far as
    its whole objects go (``repair.closed_pdf``)."""
    from .pdf import pdf_to_text

    try:
        return pdf_to_text(data, source.path)
    except errors.DamagedPDF:
        if (closed := repair.closed_pdf(data)) is None:
            raise
        text = pdf_to_text(closed, source.path)
        source.repaired = PDF_CLOSED
        return text


PDF_CLOSED = "a PDF cut short (no cross-reference table or %%EOF), read to its last whole object"
ZIP_REBUILT = "a ZIP package cut short (no central directory), rebuilt from its whole entries"
XML_RECOVERED = "a Word document whose XML is not well-formed (an undefined entity such as &nbsp;), read as Word recovers it"


# An attached file named as a draft (初稿_…年度报告.pdf, 征求意见稿, draft): read after the others, as a reader opens
# the final version first; read first, the draft's figures were taken for the report's.
_DRAFT_NAME = re.compile(r"初稿|草稿|征求意见稿|送审稿|讨论稿|(?i:draft)")


def _attached_text(files: list[tuple[str, bytes]], source: Source, cover: str = "",
                   titles: dict[str, str] | None = None) -> str:
    """The text of a cover's attached documents, each read by what its bytes are: those named with
    the year the cover names most first (this year's report before last year's, attached beside
    it), else in their order; an attached PDF's own attachments are not read. Those that cannot be
    read are left out. ``titles``: filled with the annual report's title each document opens with."""
    from .pdf import pdf_to_text

    years = Counter(re.findall(r"((?:19|20)\d{2})\s*年", cover))
    if years:
        year = years.most_common(1)[0][0]
        files = sorted(files, key=lambda file: year not in file[0])
    files = sorted(files, key=lambda file: bool(_DRAFT_NAME.search(file[0])))  # (初稿_…: after the report it drafted)
    texts = []
    for name, blob in files:
        try:
            fmt = detect_format(blob, name)
            text = (pdf_to_text(blob[blob.find(PDF_SIGNATURE):], source.path) if fmt == "pdf"
                    else READERS[fmt](blob, source))
        except errors.ReportError:
            continue
        if text.strip():
            texts.append(text)
            source.attachments += (name,)
            lines = text.lstrip().splitlines()
            if titles is not None and (title := _OPENING_TITLE.search("\n".join(lines[:_OPENING_LINES]))):
                titles[name] = _ATTACHMENT_LABEL.sub("", re.sub(r"\s+", "", normalize(title.group(1))))
            elif titles is not None and any(_OVERVIEW_HEADING.match(line) for line in lines[:_OVERVIEW_LINES]) \
                    and any(_LATER_SECTION.match(line) for line in lines):
                titles[name] = _FORMAT_MARK.sub("", Path(name).stem)  # a report without a title line: its file's name
                # (not a page of one holding its first section only, a help file's or an e-book's)
    return "\n".join(texts)


def _read_docx(data: bytes, source: Source) -> str:
    """A Word file's text; when it is a cover note (见附件) over documents it embeds as objects, theirs."""
    from .markup import docx_embedded_files, docx_parts

    try:
        text, source.running_heads = docx_parts(data, source.path)
    except errors.NotText:
        if (transitional := repair.transitional_ooxml(data)) is not None:
            data = transitional
            text, source.running_heads = docx_parts(data, source.path)
        elif (recovered := repair.recovered_docx(data)) is None:
            raise
        else:
            text, source.running_heads = docx_parts(recovered, source.path)
            source.repaired = XML_RECOVERED
    if len(text.strip()) < _COVER_CHARS and b"word/embeddings/" in data and (
            attached := _attached_text(docx_embedded_files(data), source, text)):
        return "\n".join(filter(None, (text, attached)))
    return with_property_title(text, *docx_properties(data)) if prints_no_title(text) else text


def _read_doc(data: bytes, source: Source) -> str:
    from .word97 import word97_text

    return word97_text(data, source.path)


def _read_rtf(data: bytes, source: Source) -> str:
    from .markup import rtf_to_text

    return rtf_to_text(data, source.path)


def _read_odt(data: bytes, source: Source) -> str:
    from .markup import odt_to_text

    return odt_to_text(data, source.path)


def _read_ofd(data: bytes, source: Source) -> str:
    from .ofd import ofd_text

    return ofd_text(data, source.path)


def _read_data_file(data: bytes, source: Source) -> str:
    from .datafiles import data_file_text

    return data_file_text(data, source.path)


def _read_xps(data: bytes, source: Source) -> str:
    from .xps import xps_text

    return xps_text(data, source.path)


def _read_presentation(data: bytes, source: Source) -> str:
    from .slides import presentation_text

    return presentation_text(data, source.path)


def _read_spreadsheet(data: bytes, source: Source) -> str:
    """A workbook's sheets; a Word document it embeds as an object (the report's text beside its tables' sheets)
    before them, as the report prints its text before its tables."""
    from .spreadsheet import spreadsheet_to_text

    sheets = spreadsheet_to_text(data, source.path)
    if data.startswith(b"PK") and b"xl/embeddings/" in data:
        import zipfile

        with contextlib.suppress(zipfile.BadZipFile, OSError, ValueError):
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                embedded = [(info.filename, book.read(info)) for info in book.infolist()
                            if _EMBEDDED_WORD.match(info.filename) and info.file_size <= current().max_bytes]
            if embedded and (text := _attached_text(embedded, source)).strip():
                return text + "\n" + sheets
    return sheets


_EMBEDDED_WORD = re.compile(r"^xl/embeddings/[^/]+\.(?:docx|docm)$", re.IGNORECASE)


def _read_spreadsheet_xml(data: bytes, source: Source) -> str:
    from .spreadsheet import spreadsheet_xml_to_text

    source.encoding = "utf-8"
    return spreadsheet_xml_to_text(data, source.path)


def _read_word_xml(data: bytes, source: Source) -> str:
    from .markup import word_xml_to_text

    return word_xml_to_text(data, source.path)


# What an archive holds that is no document: a Mac's metadata, Windows' thumbnails.
_ARCHIVE_CLUTTER = re.compile(r"(?:^|/)(?:__MACOSX/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)
_ARCHIVE_DEPTH = 3  # archives inside an archive read, at most this deep (a crawl's ZIP of a download's ZIP of 附件.zip)
_ARCHIVE_MEMBERS = 64  # documents read from one archive at most


def _read_archive(data: bytes, source: Source) -> str:
    """The documents a ZIP or tar archive holds (an attachment as agencies publish it: the report, its
    附件 workbook, or several agencies' reports), read as a cover's attachments are: one report read,
    a compilation's first; archives inside it too. One with a password, or with no document, is
    refused saying so."""
    files = _archive_members(data, source.path, _ARCHIVE_DEPTH)
    if not files:
        raise errors.NotText(source.path, "an archive with no document in it (only folders, system files, or "
                                          f"archives nested more than {_ARCHIVE_DEPTH} deep)")
    return _files_text(_in_linked_order(_with_notes_embedded(files)), source, "an archive")


# A note's embed of another (Obsidian's ![[附表/T3 依申请#统计表|表三]]): the other note shown in its place.
_NOTE_EMBED = re.compile(r"!\[\[(?P<target>[^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]")
_EMBED_DEPTH = 3  # notes embedded in embedded notes, at most this deep


def _with_notes_embedded(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """A vault of Markdown notes (an Obsidian export) with each note another embeds (![[表三]]) shown in its place,
    as the app shows it, and not read again on its own (read after the report, its tables had stood under no
    section: table 3's region held the embed's line alone); other archives as they are."""
    notes = {name: blob for name, blob in files if name.lower().endswith(".md")}
    if not any(b"![[" in blob for blob in notes.values()):
        return files
    embedded: set[str] = set()

    def target_of(target: str) -> str | None:
        wanted = target.strip().removesuffix(".md") + ".md"
        return next((name for name in notes if name == wanted or name.endswith("/" + wanted)), None)

    def shown(name: str, depth: int) -> bytes:
        text = notes[name].decode("utf-8", "replace")

        def embed(m: re.Match) -> str:
            other = target_of(m["target"])
            if other is None or other == name or depth >= _EMBED_DEPTH:
                return m.group()
            embedded.add(other)
            return shown(other, depth + 1).decode("utf-8")

        return _NOTE_EMBED.sub(embed, text).encode("utf-8")

    out = [(name, shown(name, 0) if name in notes else blob) for name, blob in files]
    return [(name, blob) for name, blob in out if name not in embedded]


_HREF = re.compile(rb"""href\s*=\s*["']?([^"'#?\s>]+)""", re.IGNORECASE)
_PAGE_LINKS_MIN = 2  # members an index page links to, at least, to give the order of a document's pages


def _in_linked_order(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """An archive's files in the order an index page of it links them (a help file's or a DAISY book's pages:
    index.html → page1.htm … page11.htm, ncc.html → 01.smil …, each page's own HTML of the same stem), the index after
    them (its links repeat the sections' headings); as they are when no page links several of the others."""
    names = {name: k for k, (name, _) in enumerate(files)}
    stems = {name.rsplit(".", 1)[0]: k for name, k in names.items() if name.lower().endswith((".htm", ".html", ".xhtml"))}
    for k, (name, blob) in enumerate(files):
        if not name.lower().endswith((".htm", ".html", ".xhtml")):
            continue
        folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
        linked: list[int] = []
        for href in _HREF.findall(blob[:1_000_000]):
            target = folder + unquote(href.decode("utf-8", "replace")).removeprefix("./")
            at = names.get(target, stems.get(target.rsplit(".", 1)[0]))
            if at is not None and at != k and at not in linked:
                linked.append(at)
        if len(linked) >= _PAGE_LINKS_MIN:
            rest = [j for j in range(len(files)) if j not in linked and j != k]
            return [files[j] for j in [*linked, *rest, k]]
    return files


def _read_capture(data: bytes, source: Source) -> str:
    """The documents a crawl's capture holds (``captures``: a WARC file, an HTTP dump, a HAR file), read as an
    archive's files are."""
    from .captures import documents
    from .markup import TooDeep, json_records

    records = None
    if not data.startswith(WARC_SIGNATURE) and not is_http_dump(data):
        try:
            records = json_records(decode(data, source.path)[0])
        except TooDeep as e:
            raise errors.OverLimit(source.path, f"JSON {e}") from None
    files = documents(data, records, source.path, current().max_bytes)
    if not files:
        raise errors.NotText(source.path, "a crawl's capture (WARC, HAR or an HTTP dump) with no page or document "
                                          "among its successful responses")
    return _files_text(files, source, "a crawl's capture")


def _files_text(files: list[tuple[str, bytes]], source: Source, holder: str) -> str:
    """The text of the files an archive or a capture holds: one report read, a compilation refused."""
    titles: dict[str, str] = {}  # the annual reports' titles the documents open with, by document
    text = _attached_text(files, source, Path(source.path).name, titles)
    if not text.strip():
        raise errors.NotText(source.path, f"{holder} whose files are no readable document: "
                                          + "; ".join(name for name, _ in files[:5]))
    if len(_distinct_reports(list(titles.values()))) > 1:
        raise errors.SeveralReports(source.path, f"{len(titles)} ({'; '.join(list(titles)[:4])}"
                                                 f"{'; …' if len(titles) > 4 else ''}): unpack it into the corpus, so "
                                                 "that each is read on its own")
    return text


# The title of an annual report a document opens with (固原市…2022年政府信息公开工作年度报告).
_OPENING_TITLE = re.compile(r"^\s*([^\n]{0,40}?(?:19|20)\d{2}\s*年度?[^\n]{0,30}?(?:政府信息公开|政务公开)[^\n]{0,10}?"
                            r"(?:年度报告|年报))\s*$", re.MULTILINE)
_OPENING_LINES = 12  # lines of a document its title is among
# A cover letter's line naming the report it sends (附件：…年度报告, 附件1.…): the report's title, not the letter's.
_ATTACHMENT_LABEL = re.compile(r"^附件\d*[:：.、]?(?:\d+[.、])?")
_OVERVIEW_HEADING = re.compile(r"\s*[一1]\s*[、.．]\s*(?:总体情况|概述)")  # a report's first section
_OVERVIEW_LINES = 40  # lines of a report its first section begins within
_LATER_SECTION = re.compile(r"\s*[三四]\s*[、.．]\s*(?:收到和处理|政府信息公开行政复议)")  # (a whole report's)
# What names one report's copies apart: its format (（word版）, （pdf版）), a second download's number.
_FORMAT_MARK = re.compile(r"\s*[(（]\s*(?:word|pdf|wps|网页|文字|图片|扫描|打印)?\s*版?\s*[)）]|\s*[(（]\d{1,3}[)）]",
                          re.IGNORECASE)


def _distinct_reports(titles: list[str]) -> list[str]:
    """The reports titles name, one report's copies counted once: a title the same as another's, or its end
    (长洲区人民政府2023年…报告, beside 梧州市长洲区人民政府2023年…报告, its PDF and Word copies)."""
    distinct: list[str] = []
    for title in sorted(set(titles), key=len, reverse=True):
        if not any(other.endswith(title) for other in distinct):
            distinct.append(title)
    return distinct


def _archive_members(data: bytes, path: str, depth: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of an archive's files in order, clutter left out, archives inside unpacked."""

    limit = current().max_bytes
    files: list[tuple[str, bytes]] = []
    if data.startswith(ZIP_SIGNATURE):
        import zipfile

        from .markup import check_unpacked

        check_unpacked(data, path, "ZIP archive")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist()[:_ARCHIVE_MEMBERS * 4]:
                if info.flag_bits & 0x1:
                    raise errors.EncryptedDocument(path, "a ZIP archive saved with a password")
                name = info.filename if info.flag_bits & 0x800 else _zip_name(info.filename)
                if not info.is_dir() and not _ARCHIVE_CLUTTER.search(name):
                    files.append((name, archive.read(info)))
    else:
        import tarfile

        try:
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                members = [m for m in archive.getmembers()[:_ARCHIVE_MEMBERS * 4] if m.isfile()]
                if sum(m.size for m in members) > limit:
                    raise errors.OverLimit(path, f"unpacks to more than the {limit:,}-byte limit")
                for member in members:
                    if not _ARCHIVE_CLUTTER.search(member.name) and (handle := archive.extractfile(member)):
                        files.append((member.name, handle.read()))
        except (tarfile.TarError, EOFError, OSError) as e:
            raise errors.NotText(path, f"not a readable tar archive ({type(e).__name__})") from e
    out: list[tuple[str, bytes]] = []
    for name, blob in files[:_ARCHIVE_MEMBERS]:
        inner = _decompressed(blob, name)
        is_archive = inner[257:262] == b"ustar" or (inner.startswith(ZIP_SIGNATURE) and _is_plain_zip(inner, name))
        if is_archive and depth > 1:
            out += [(f"{name}/{inner_name}", b) for inner_name, b in _archive_members(inner, name, depth - 1)]
        elif not is_archive:
            out.append((name, inner))
    return out


def _is_plain_zip(data: bytes, name: str) -> bool:
    """Whether a ZIP is an archive of files, not a document packaged as one (Word, a workbook)."""
    try:
        return _zip_format(data, name) == "archive"
    except errors.ReportError:
        return False


def _zip_name(name: str) -> str:
    """A member's name as its maker wrote it: ZIP tools on Chinese Windows store GBK bytes without
    the UTF-8 flag, which zipfile reads as code page 437."""
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


READERS: dict[str, Callable[[bytes, Source], str]] = {
    "text": _read_text,
    "markdown": _read_markdown,
    "doctags": _read_doctags,
    "html": _read_html,
    "mhtml": _read_mhtml,
    "mailbox": _read_mailbox,
    "webarchive": _read_webarchive,
    "epub": _read_epub,
    "pdf": _read_pdf,
    "docx": _read_docx,
    "doc": _read_doc,
    "word-xml": _read_word_xml,
    "spreadsheet-xml": _read_spreadsheet_xml,
    "rtf": _read_rtf,
    "odt": _read_odt,
    "ofd": _read_ofd,
    "xps": _read_xps,
    "presentation": _read_presentation,
    "data-file": _read_data_file,
    "json": _read_json,
    "spreadsheet": _read_spreadsheet,
    "ocr": _read_ocr,
    "archive": _read_archive,
    "xml": _read_xml,
    "capture": _read_capture,
}
FORMATS = tuple(READERS)  # (a source's format, as the datasets name it: one of these)


# What shows that a web page or Word file with no text has pictures instead.
_IMAGES = {"html": b"<img", "docx": b"word/media/", "rtf": b"\\pict", "odt": b"Pictures/"}


def _gunzipped(data: bytes, limit: int) -> bytes:
    inner = b""
    while data.startswith(GZIP_SIGNATURE) and len(inner) <= limit:  # (members one after another: a WARC's records)
        unpack = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inner += unpack.decompress(data, limit + 1 - len(inner))
        data = unpack.unused_data
    return inner


def _bunzipped(data: bytes, limit: int) -> bytes:
    import bz2

    inner = b""
    while data.startswith(BZIP2_SIGNATURE) and len(inner) <= limit:  # (streams one after another: pbzip2's)
        unpack = bz2.BZ2Decompressor()
        inner += unpack.decompress(data, limit + 1 - len(inner))
        if not unpack.eof and len(inner) <= limit:
            raise EOFError("the stream ends early")
        data = unpack.unused_data
    return inner


def _unxzed(data: bytes, limit: int) -> bytes:
    import lzma

    unpack = lzma.LZMADecompressor()
    inner = unpack.decompress(data, limit + 1)
    if not unpack.eof and len(inner) <= limit:
        raise EOFError("the stream ends early")
    return inner


def _unzstded(data: bytes, limit: int) -> bytes:
    from ..arrow import pyarrow

    with pyarrow().CompressedInputStream(pyarrow().py_buffer(data), "zstd") as stream:
        return stream.read(limit + 1)


BZIP2_SIGNATURE, XZ_SIGNATURE, ZSTD_SIGNATURE = b"BZh", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd"
# Compressed files as crawlers and mirrors keep them (a page saved as the server sent it, Content-Encoding: gzip;
# a report attached as .txt.bz2 or .tar.xz): by what their bytes start with, the name and the reader.
_COMPRESSIONS: tuple[tuple[bytes, str, Callable[[bytes, int], bytes]], ...] = (
    (GZIP_SIGNATURE, "gzip", _gunzipped), (BZIP2_SIGNATURE, "bzip2", _bunzipped), (XZ_SIGNATURE, "xz", _unxzed),
    (ZSTD_SIGNATURE, "zstd", _unzstded),
)


def _compression(data: bytes) -> tuple[str, Callable[[bytes, int], bytes]] | None:
    for signature, name, unpack in _COMPRESSIONS:
        if data.startswith(signature) and (signature != BZIP2_SIGNATURE or data[4:10] == b"1AY&SY"):
            return name, unpack
    return None


_NESTED_COMPRESSION = 8  # compressions one inside another read through, at most (.txt.gz.bz2…: each within the limit)


def _decompressed(data: bytes, path: str) -> bytes:
    """A compressed file's content (compressed again inside, as deep as ``_NESTED_COMPRESSION``), up to the byte limit
    at each step (a bomb is refused there). Other bytes as they are."""
    limit = current().max_bytes
    for _ in range(_NESTED_COMPRESSION):
        if (compression := _compression(data)) is None:
            return data
        name, unpack = compression
        try:
            inner = unpack(data, limit)
        except (zlib.error, OSError, EOFError, ValueError) as e:  # (lzma's and bz2's errors are OSErrors, Arrow's too)
            raise errors.NotText(path, f"a damaged {name} file ({e})") from None
        if len(inner) > limit:
            raise errors.OverLimit(path, f"unpacked from {name}, more than the {limit:,}-byte limit")
        if not inner.strip():
            raise errors.EmptyFile(path, f"an empty {name} file")
        data = inner
    return data


# What a log or a diff prints before every line of a text (a viewer's line numbers: ``without_line_numbers``): a log's
# time and level ([2024-01-15 10:32:01,137] [INFO] [writer] - ), a diff's + of an added line (its headers apart).
_LOG_PREFIX = re.compile(r"\s*\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[,.]\d{1,6})?\]?"
                         r"(?:\s*\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR)\]?)?(?:\s*\[[^\]]{1,80}\])?\s*(?:-\s?)?")
_DIFF_HEADER = re.compile(r"diff --git |new file mode |deleted file mode |index [0-9a-f]{7,}|--- |\+\+\+ |@@ ")
_DIFF_HUNK = re.compile(r"@@ [-+\d, ]+ @@ ?")
_PREFIXED_SHARE = 0.9  # of a text's lines, those printing the prefix, at least


def without_line_prefixes(lines: list[str]) -> list[str]:
    """The lines without what a log or a diff printed before each: read with it, a report whose every line began with a
    log's time had no title, and a diff's table rows began with its +."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 20:
        return lines
    if sum(1 for line in filled if _LOG_PREFIX.match(line)) >= _PREFIXED_SHARE * len(filled):
        return [line[m.end():] if (m := _LOG_PREFIX.match(line)) else line for line in lines]
    if sum(1 for line in filled if line.startswith(("+", "@@ ")) or _DIFF_HEADER.match(line)) >= _PREFIXED_SHARE * len(filled):
        return [line[m.end():] if (m := _DIFF_HUNK.match(line)) else line[1:] if line.startswith("+") else line
                for line in lines if _DIFF_HUNK.match(line) or not _DIFF_HEADER.match(line)]
    return lines


def read_bytes(data: bytes, path: str) -> Document:
    """Bytes of one file to a Document, or a ReportError saying why not."""
    if not data.strip():
        raise errors.EmptyFile(path)
    sha256 = hashlib.sha256(data).hexdigest()  # the file's, as stored
    data = _decompressed(data, path)
    rebuilt = repair.rebuilt_zip(data, current().max_bytes) if data.startswith(ZIP_SIGNATURE) else None
    data = rebuilt or data
    fmt = detect_format(data, path)
    source = Source(path=path, sha256=sha256, format=fmt, repaired=ZIP_REBUILT if rebuilt else "")
    with noting_misnamed(source):
        try:
            text = READERS[fmt](data, source)
        except errors.TableTooLarge as e:
            raise errors.OverLimit(path, str(e)) from None
        text = tables_as_rows(text)  # (a report reposted on a forum or a wiki: its tables in their markup)
        if (rewritten := exported_report(text, path)) is not text:  # (a filing system's export, a cell a column)
            text, source.exported = rewritten, True
        if "\n" in text and (lines := text.split("\n")) != (unprefixed := without_line_prefixes(lines)):
            text = "\n".join(unprefixed)  # (a log's times, a diff's +)
        if not text.strip():
            raise errors.EmptyFile(path, "no recognised word in the OCR result" if fmt == "ocr" else "no text in the document" + (
                "; it holds images only, and a picture of a report would need text recognition (OCR)"
                if _IMAGES.get(fmt, b"\0") in data[:4_000_000].lower() else ""))
    document = Document(source=source, text=text)
    document.lines = body_of(document.page_lines)
    return document


def read_regular(path: str | Path, name: str) -> bytes:
    """The bytes of a regular file, up to the byte limit. Opened without
    blocking, so a named pipe is refused instead of waited on."""

    limit = current().max_bytes
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise errors.ReportError(name, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise errors.NotRegularFile(name)
        if info.st_size > limit:
            raise errors.OverLimit(name, f"{info.st_size:,} bytes, over the {limit:,}-byte limit")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise errors.OverLimit(name, f"more than the {limit:,}-byte limit")
    return data


def read_file(path: str | Path, name: str | None = None) -> Document:
    """One file to a Document; ``name`` is how messages and the source record call it."""
    name = name if name is not None else str(path)
    try:
        data = read_regular(path, name)
    except FileNotFoundError as e:
        raise errors.ReportError(name, "no such file") from e
    except IsADirectoryError as e:
        raise errors.ReportError(name, "is a directory") from e
    except OSError as e:
        raise errors.ReportError(name, e.strerror or str(e)) from e
    return read_bytes(data, name)
