"""Word 97–2003 binary documents (.doc): their text and tables, read from the compound file with olefile.

Reports of 2008–2013 were often published as .doc attachments. The text is in the WordDocument stream,
in pieces the piece table (the Clx in the table stream) lists; a table's cells end with a cell mark
(\\x07), and a row ends with one more, on a paragraph whose properties say it ends a row (sprmPFTtp,
looked up in the paragraph property pages, or in the Data stream for a table's large properties).
Field instructions (\\x13 … \\x14) are not text; their results are. A workbook embedded as an object (its
storage in the ObjectPool, its place a character marked as an OLE object) is read where it is shown.
"""

from __future__ import annotations

import bisect
import io
import struct
from collections.abc import Iterator

from .. import errors
from .fields import Fields

_FIB_FLAGS = 0x0A
_ENCRYPTED, _TABLE_ONE = 0x0100, 0x0200
_NFIB_97 = 0x00C1  # the FIB version of Word 97; older (Word 6, 95) keep their text otherwise
_CLX = 0x01A2  # fcClx, lcbClx: the piece table
_PAPX_PAGES = 0x0102  # fcPlcfBtePapx, lcbPlcfBtePapx: the paragraph properties' pages
_CHPX_PAGES = 0x00FA  # fcPlcfBteChpx, lcbPlcfBteChpx: the character properties' pages
# Characters a reader does not see as text: deleted in a tracked change not yet accepted (sprmCFRMarkDel), or
# hidden (sprmCFVanish). A toggle's operand: 1 on, 0x81 the opposite of the style's (on, the style's being off).
_UNSEEN_SPRMS = (0x0800, 0x083C)
_TOGGLED_ON = (0x01, 0x81)
_COMPRESSED = 0x40000000
_PAGE = 512
_ROW_END = 0x2417  # sprmPFTtp
# A table nested in a cell ends its cells and rows with paragraph marks: sprmPFInnerTableCell, sprmPFInnerTtp.
_INNER_CELL, _INNER_ROW_END = 0x244B, 0x244C
_HUGE_PAPX = 0x6646  # sprmPHugePapx: a paragraph's properties kept in the Data stream
_IN_TABLE = 0x2416  # sprmPFInTable
_OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra bits
_TABLE_PROPERTIES = 0xD608  # sprmTDefTable: its size is a two-byte count
# An embedded object's character: sprmCFOle2 on, and sprmCPicLocation naming its storage (ObjectPool/_<id>).
_OLE2, _PICTURE_LOCATION = 0x080A, 0x6A03


def word97_text(data: bytes, path: str) -> str:
    """A Word 97–2003 document's paragraphs a line each, a table's rows a line each, cells parted by tabs.
    EncryptedDocument for a document saved with a password; NotText for one that cannot be read."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        word = ole.openstream("WordDocument").read()
        nfib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, _FIB_FLAGS)[0]
        if flags & _ENCRYPTED:
            raise errors.EncryptedDocument(path, "a Word 97–2003 document (.doc) saved with a password")
        if nfib < _NFIB_97:
            raise errors.NotText(path, "a Word 6 or Word 95 document; convert it to .docx or PDF")
        table = ole.openstream("1Table" if flags & _TABLE_ONE else "0Table").read()
        store = ole.openstream("Data").read() if ole.exists("Data") else b""
        text, places = _pieces(word, table)
        runs = _table_runs(word, table, store)
        unseen = _unseen_runs(word, table)
        objects = [(stretch, sheet) for stretch, number in _object_runs(word, table)
                   if (sheet := _embedded_sheet(ole, number, path))]
    except errors.ReportError:
        raise
    except Exception as e:  # olefile and struct raise several types on damaged files
        raise errors.NotText(path, f"not a readable Word 97–2003 document ({type(e).__name__})") from e
    return _lines(text, places, runs, unseen, objects)


def _object_runs(word: bytes, table: bytes) -> list[tuple[tuple[int, int], int]]:
    """The stretches of the WordDocument stream marked as an embedded object, each with its storage's number,
    in order (Word marks the object's picture character, LibreOffice the field's separator before it)."""
    found = []
    for page, offset, stretch in _property_runs(word, table, _CHPX_PAGES, _CHPX_ENTRY):
        grpprl = page[offset + 1:offset + 1 + page[offset]]
        ole, number, at = False, None, 0
        while at + 2 < len(grpprl):
            sprm = struct.unpack_from("<H", grpprl, at)[0]
            kind = sprm >> 13
            size = grpprl[at + 2] + 1 if kind == 6 else _OPERAND_SIZES[kind]
            if sprm == _OLE2:
                ole = grpprl[at + 2] in _TOGGLED_ON
            elif sprm == _PICTURE_LOCATION and at + 6 <= len(grpprl):
                number = struct.unpack_from("<I", grpprl, at + 2)[0]
            at += 2 + size
        if ole and number is not None:
            found.append((stretch, number))
    return sorted(found)


def _embedded_sheet(ole, number: int, path: str) -> str:
    """The text of the workbook in the object's storage (its active sheet, as Word shows it), or nothing for
    another kind of object or a workbook that cannot be read: its picture is what a reader sees."""
    from ..limits import current
    from .spreadsheet import spreadsheet_to_text

    storage = f"ObjectPool/_{number}"
    try:
        if ole.exists(f"{storage}/Package"):  # Excel 2007's workbook (Excel.Sheet.12): a whole .xlsx
            workbook = ole.openstream(f"{storage}/Package").read()
        elif ole.exists(f"{storage}/Workbook"):  # Excel 97's (Excel.Sheet.8): the stream a .xls file holds
            workbook = compound_file(ole.openstream(f"{storage}/Workbook").read())
        else:
            return ""
        if len(workbook) > current().max_bytes:
            return ""
        return spreadsheet_to_text(workbook, path, active_only=True)
    except (OSError, ValueError, errors.NotText, errors.EncryptedDocument, errors.OverLimit, errors.TableTooLarge):
        return ""  # (a damaged storage or workbook costs its own cells only)


_SECTOR, _END_OF_CHAIN, _FAT_SECTOR, _FREE, _NO_STREAM = 512, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
_HEADER_FAT_SLOTS = 109
_IN_SECTORS_FROM = 4096  # streams this long or longer are kept in sectors, not in the mini stream


def compound_file(stream: bytes, name: str = "Workbook") -> bytes:
    """A compound file (version 3) holding one stream: an embedded Excel 97 workbook's stream, made a .xls
    file that python-calamine opens (olefile reads compound files but does not write them). The stream is
    padded to be kept in sectors; a workbook's records end at its EOF record, so the padding is never read."""
    padded = stream.ljust(max(_IN_SECTORS_FROM, -(-len(stream) // _SECTOR) * _SECTOR), b"\0")
    data_sectors = len(padded) // _SECTOR
    fat_sectors = 1
    while fat_sectors * (_SECTOR // 4) < data_sectors + 1 + fat_sectors:
        fat_sectors += 1
    if fat_sectors > _HEADER_FAT_SLOTS:
        raise ValueError("stream too long for a compound file without DIFAT sectors")
    directory_at = data_sectors
    fat = [*range(1, data_sectors), _END_OF_CHAIN, _END_OF_CHAIN, *[_FAT_SECTOR] * fat_sectors]
    fat += [_FREE] * (fat_sectors * (_SECTOR // 4) - len(fat))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", 0x3E, 3, 0xFFFE, 9, 6,
                         b"", 0, fat_sectors, directory_at, 0, _IN_SECTORS_FROM, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
    header += struct.pack(f"<{_HEADER_FAT_SLOTS}I", *range(directory_at + 1, directory_at + 1 + fat_sectors),
                          *[_FREE] * (_HEADER_FAT_SLOTS - fat_sectors))

    def entry(title: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (title + "\0").encode("utf-16-le") if title else b""
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1 if title else 0, _NO_STREAM,
                           _NO_STREAM, child, b"", 0, 0, 0, start, size)

    directory = (entry("Root Entry", 5, 1, _END_OF_CHAIN, 0) + entry(name, 2, _NO_STREAM, 0, len(padded))
                 + entry("", 0, _NO_STREAM, 0, 0) * 2)
    return header + padded + directory + struct.pack(f"<{len(fat)}I", *fat)


def _pieces(word: bytes, table: bytes) -> tuple[str, list[int]]:
    """The document's characters in order, and where each is stored in the WordDocument stream."""
    fc, lcb = struct.unpack_from("<II", word, _CLX)
    clx = table[fc:fc + lcb]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, skipped
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("no piece table")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + size]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    chars: list[str] = []
    places: list[int] = []
    for k in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * k + 2)[0]
        length = max(0, cps[k + 1] - cps[k])
        if len(places) + length > len(word):  # a document's pieces hold its stream once; a hostile table repeats it
            raise ValueError("pieces longer than the document")
        if fc & _COMPRESSED:
            start = (fc & ~_COMPRESSED) // 2
            piece = word[start:start + length].decode("cp1252", errors="replace")
            places += range(start, start + len(piece))
        else:
            piece = word[fc:fc + 2 * length].decode("utf-16-le", errors="replace")
            places += range(fc, fc + 2 * len(piece), 2)
        chars.append(piece)
    return "".join(chars), places


Stretches = list[tuple[int, int]]


def _table_runs(word: bytes, table: bytes, store: bytes) -> tuple[Stretches, ...]:
    """The stretches of the WordDocument stream whose paragraphs are in a table, those that end a table row,
    and those that end a cell or a row of a table nested in a cell, each in order."""
    runs: tuple[Stretches, ...] = ([], [], [], [])
    for page, offset, stretch in _property_runs(word, table, _PAPX_PAGES, _PAPX_ENTRY):
        size, start = (2 * page[offset + 1], offset + 2) if page[offset] == 0 else (2 * page[offset] - 1, offset + 1)
        marks = _table_marks(page[start + 2:start + size], store)  # (after the style, two bytes)
        for kept, marked in zip(runs, (any(marks), *marks[1:]), strict=True):
            if marked:
                kept.append(stretch)
    return tuple(sorted(kept) for kept in runs)


_PAPX_ENTRY, _CHPX_ENTRY = 13, 1  # bytes of a page's entry per run: an offset and a paragraph's extras, or one


def _property_runs(word: bytes, table: bytes, pages_at: int, entry: int) -> Iterator[tuple[bytes, int, tuple[int, int]]]:
    """The formatted property pages (FKPs) the table at ``pages_at`` of the FIB lists: each run with properties
    of its own, as its page, the offset of its properties there and the stretch of the WordDocument stream it
    covers."""
    fc, lcb = struct.unpack_from("<II", word, pages_at)
    pages = table[fc:fc + lcb]
    count = (len(pages) - 4) // 8
    for number in struct.unpack_from(f"<{count}I", pages, 4 * (count + 1)) if count > 0 else ():
        page = word[(number & 0x3FFFFF) * _PAGE:((number & 0x3FFFFF) + 1) * _PAGE]
        if len(page) < _PAGE:
            continue
        crun = page[_PAGE - 1]
        bounds = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for k in range(crun):
            if offset := page[4 * (crun + 1) + entry * k] * 2:
                yield page, offset, (bounds[k], bounds[k + 1])


def _unseen_runs(word: bytes, table: bytes) -> list[tuple[int, int]]:
    """The stretches of the WordDocument stream whose characters are deleted by a tracked change or hidden, in
    order: a revised figure's old value stands beside its new one in the text stream (5962 for 59 → 62)."""
    return sorted(stretch for page, offset, stretch in _property_runs(word, table, _CHPX_PAGES, _CHPX_ENTRY)
                  if _toggled_on(page[offset + 1:offset + 1 + page[offset]]))


def _toggled_on(grpprl: bytes) -> bool:
    """Whether character properties (a list of sprms) mark the characters deleted or hidden."""
    at = 0
    while at + 2 < len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        kind = sprm >> 13
        size = grpprl[at + 2] + 1 if kind == 6 else _OPERAND_SIZES[kind]
        if sprm in _UNSEEN_SPRMS and grpprl[at + 2] in _TOGGLED_ON:
            return True
        at += 2 + size
    return False


def _table_marks(grpprl: bytes, store: bytes, nested: bool = False) -> tuple[bool, ...]:
    """Whether paragraph properties (a list of sprms) put the paragraph in a table, make it a table row's end, a
    nested table's cell end, a nested table's row end."""
    marks = dict.fromkeys((_IN_TABLE, _ROW_END, _INNER_CELL, _INNER_ROW_END), False)
    at = 0
    while at + 2 < len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        kind = sprm >> 13
        if kind == 6:  # variable length: a count byte (two for a table's definition)
            size = struct.unpack_from("<H", grpprl, at + 2)[0] + 1 if sprm == _TABLE_PROPERTIES else grpprl[at + 2] + 1
        else:
            size = _OPERAND_SIZES[kind]
        if sprm in marks and grpprl[at + 2]:
            marks[sprm] = True
        if sprm == _HUGE_PAPX and not nested and at + 6 <= len(grpprl):
            where = struct.unpack_from("<I", grpprl, at + 2)[0]
            if where + 2 <= len(store):
                length = struct.unpack_from("<H", store, where)[0]
                more = _table_marks(store[where + 2:where + 2 + length], store, nested=True)
                marks = {sprm: marked or also for (sprm, marked), also in zip(marks.items(), more, strict=True)}
        at += 2 + size
    return tuple(marks.values())


# Word's marks in the text stream: line and page breaks, hyphens, anchors of pictures and notes.
_SPECIAL = {"\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\x1f": "", "\x01": "", "\x08": "", "\x02": "",
            "\x05": "", "\xa0": " "}


def _lines(text: str, places: list[int], runs: tuple[Stretches, ...],
           unseen: Stretches = (), objects: list[tuple[tuple[int, int], str]] = ()) -> str:
    """The characters as lines: a paragraph a line, a table row a line of tab-parted cells (a cell's
    paragraphs joined by spaces), a table nested in a cell a line per row of its own after the cells before it
    (a caption in the cell on its left); characters deleted or hidden left out, but not the marks that end a
    paragraph, a cell or a row (a deleted row's marks keep the table's shape); an embedded workbook's lines
    where its object is, after the paragraph's text before it."""
    inside, ends, inner_cell_ends, inner_row_ends = runs
    waiting = list(objects)  # (in the order of their places, as the characters come)

    def within(stretches: list[tuple[int, int]], k: int) -> bool:
        at = bisect.bisect_right(stretches, (places[k], float("inf"))) - 1
        return at >= 0 and stretches[at][0] <= places[k] < stretches[at][1]

    lines: list[str] = []
    cells: list[str] = []
    inner: list[str] = []  # the cells of a nested table's row
    current: list[str] = []
    fields = Fields()  # (their instructions, \x13 … \x14, are no text)
    for k, char in enumerate(text):
        while waiting and waiting[0][0][1] <= places[k]:
            waiting.pop(0)  # (an object whose mark is in no piece of the text)
        if waiting and waiting[0][0][0] <= places[k]:
            lines += ["".join(current), *waiting.pop(0)[1].split("\n")]
            current = []
        if char == "\x13":
            fields.begin()
        elif char == "\x14":
            fields.separate()
        elif char == "\x15":
            fields.end()
        elif fields.in_code or (unseen and char not in "\x07\r" and within(unseen, k)):
            continue
        elif char == "\x07":
            if within(ends, k):
                lines.append("\t".join(cells))
                cells = []
            else:
                cells.append(" ".join("".join(current).split()))
            current = []
        elif char == "\r" and within(inner_row_ends, k):
            if cells:  # the outer row's cells before the nested table: a line of their own, above it
                lines.append("\t".join(cells))
                cells = []
            lines.append("\t".join(inner))
            inner, current = [], []
        elif char == "\r" and within(inner_cell_ends, k):
            inner.append(" ".join("".join(current).split()))
            current = []
        elif char == "\r" and within(inside, k):
            current.append(" ")
        elif char == "\r":
            lines.append("".join(current))
            current = []
        else:
            current.append(_SPECIAL.get(char, char))
    lines.append("".join(current))
    return "\n".join(lines)
