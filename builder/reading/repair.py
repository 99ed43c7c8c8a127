"""Files a download cut short, repaired as readers repair them: a ZIP package (a Word document, a
workbook) whose central directory never arrived is rebuilt from its entries' own headers, and a PDF
that lost only its cross-reference table and trailer is closed after its last object; a Word document's
XML that is not well-formed is recovered as Word recovers it. Only what the file holds whole is read;
the caller notes that the file was repaired. (A package in ISO 29500 Strict's namespaces is no damage: it is
renamed to the transitional ones the readers know, unnoted.)"""

from __future__ import annotations

import io
import re
import struct
import zlib

_LOCAL_HEADER = b"PK\x03\x04"
_HEADER = struct.Struct("<4sHHHHHIIIHH")  # signature … file name length, extra field length
_STORED, _DEFLATED = 0, 8


def rebuilt_zip(data: bytes, limit: int) -> bytes | None:
    """A ZIP whose central directory is missing or cut (the end of the download): its entries read
    from their local headers, those whose bytes arrived whole (the checksum agrees), as a new ZIP.
    None when the file opens as it is, or no entry is whole. ``limit``: bytes unpacked at most."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)):
            return None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        pass
    out = io.BytesIO()
    names: set[str] = set()
    unpacked = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        at = data.find(_LOCAL_HEADER)
        while at >= 0 and at + _HEADER.size <= len(data):
            fields = _HEADER.unpack_from(data, at)
            method, crc, size, name_length, extra_length = fields[3], fields[6], fields[7], fields[9], fields[10]
            start = at + _HEADER.size + name_length + extra_length
            name = data[at + _HEADER.size:start - extra_length].decode("utf-8", errors="replace")
            content = _entry(data, start, method, size, limit - unpacked)
            if content is not None and zlib.crc32(content) == crc and name and name not in names:
                rebuilt.writestr(name, content)
                names.add(name)
                unpacked += len(content)
            at = data.find(_LOCAL_HEADER, start)
    return out.getvalue() if names else None


def _entry(data: bytes, start: int, method: int, size: int, room: int) -> bytes | None:
    """An entry's content: stored bytes of the size its header gives, or deflated bytes read to the
    stream's end (a header written before the size was known says 0); None when cut or too large."""
    if method == _STORED:
        return data[start:start + size] if size and start + size <= len(data) and size <= room else None
    if method != _DEFLATED or room <= 0:
        return None
    inflate = zlib.decompressobj(-15)
    try:
        content = inflate.decompress(memoryview(data)[start:], room + 1)  # (no copy of the rest each entry)
    except zlib.error:
        return None
    return content if inflate.eof and len(content) <= room else None


_WORD_PARTS = re.compile(r"^word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def recovered_docx(data: bytes) -> bytes | None:
    """A Word document whose parts are not well-formed XML (an export script's undefined &nbsp;, a
    stray control character), its text parts parsed as Word's recovery does (the faults left out) and
    written again; None when every part is well-formed or a part cannot be recovered."""
    from lxml import etree

    strict = etree.XMLParser(resolve_entities=False, no_network=True)
    lenient = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)

    def recovered(name: str, content: bytes) -> bytes | None:
        if not _WORD_PARTS.match(name):
            return None
        try:
            etree.fromstring(content, strict)
            return None
        except etree.XMLSyntaxError:
            root = etree.fromstring(content, lenient)
        if root is None:
            raise _GiveUp
        _resolve_html_entities(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return _rewritten_package(data, recovered)


class _GiveUp(Exception):
    """A part a rewrite cannot make readable: the package is left as it is."""


def _rewritten_package(data: bytes, rewrite) -> bytes | None:
    """A ZIP package copied part by part, each through ``rewrite`` (its name and bytes to its new bytes, or None to
    keep it); None when no part changed, the package cannot be read, or a rewrite gives up."""
    import zipfile

    out = io.BytesIO()
    changed = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in package.infolist():
                content = package.read(info)
                if (new := rewrite(info.filename, content)) is not None:
                    content, changed = new, changed + 1
                copy.writestr(info, content)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, _GiveUp):
        return None
    return out.getvalue() if changed else None


def _resolve_html_entities(root) -> None:
    """Undefined entities the lenient parse kept as references (&nbsp;): the character HTML names by
    them, else nothing; a reference written back would leave the part as broken as it was."""
    from html.entities import name2codepoint

    from lxml import etree

    for entity in list(root.iter(etree.Entity)):
        name = entity.text.strip("&;") if entity.text else ""
        text = chr(name2codepoint[name]) if name in name2codepoint else ""
        parent, before = entity.getparent(), entity.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + text + (entity.tail or "")
        else:
            parent.text = (parent.text or "") + text + (entity.tail or "")
        parent.remove(entity)


_OBJECT_END = b"endobj"
_OBJECT = re.compile(rb"(?<![\d.])(\d+)\s+(\d+)\s+obj\b")
_REFERENCE = re.compile(rb"(?<![\d.])(\d+)\s+(\d+)\s+R\b")
_CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj).){0,400}?/Type\s*/Catalog\b", re.S)


def closed_pdf(data: bytes) -> bytes | None:
    """A PDF cut short after its last object (no cross-reference table, trailer or %%EOF): closed with a
    trailer naming its catalog, for the reader's own repair (pdfminer finds the objects by scanning).
    None when the file is not cut short, names no catalog, or refers to an object that did not arrive
    whole: a font cut off draws its characters as others (0 as 2, 8 as :), and no figure could be trusted."""
    if b"%%EOF" in data[-2048:]:
        return None
    end = data.rfind(_OBJECT_END)
    catalogs = _CATALOG.findall(data[:end])
    if end < 0 or not catalogs:
        return None
    whole = data[:end]
    if {n for n, _ in _REFERENCE.findall(whole)} - {n for n, _ in _OBJECT.findall(whole)}:
        return None
    number, generation = catalogs[-1]
    return data[:end + len(_OBJECT_END)] + b"\ntrailer\n<< /Root %s %s R >>\n%%%%EOF\n" % (number, generation)


# ISO 29500 Strict's namespaces and relationship types (http://purl.oclc.org/ooxml/wordprocessingml/main) and the
# transitional ones Word writes by default and python-docx reads (http://schemas.openxmlformats.org/wordprocessingml/
# 2006/main): the same parts, named otherwise. Two names changed their spelling too.
_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/(\w+)")
_STRICT_RENAMED = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}


def _transitional_name(m: re.Match) -> bytes:
    return b"http://schemas.openxmlformats.org/%s/2006/%s" % (m[1], _STRICT_RENAMED.get(m[2], m[2]))


# A tag of an XML part (its name, whether it closes, whether it is empty), and what holds no tag though it has < and >.
_XML_TOKEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|<(/?)[A-Za-z_][^\s/>]*[^>]*?(/?)>", re.DOTALL)


def shallow_office_xml(data: bytes, limit: int) -> bytes | None:
    """An Office package whose XML parts nest elements deeper than ``limit`` (a banner in a table inside 2,000 others,
    past what libxml2 parses at all), those elements left out, the rest as it is; None when no part is so deep."""
    def shallow(name: str, content: bytes) -> bytes | None:
        return _within_depth(content, limit) if name.endswith(".xml") else None

    return _rewritten_package(data, shallow)


def _within_depth(xml: bytes, limit: int) -> bytes | None:
    """The XML without its elements deeper than ``limit`` (and the text in them); None when none is."""
    out, depth, kept_to, deepest = [], 0, 0, 0
    for m in _XML_TOKEN.finditer(xml):
        start = m.start()
        if depth <= limit:
            out.append(xml[kept_to:start])  # (the text before the tag, at the depth it stands)
        kept_to = start
        if m.group(1) is None:  # a comment, CDATA, a declaration: as text
            continue
        closing, empty = m.group(1) == b"/", m.group(2) == b"/"
        inner = depth if closing else depth + 1
        deepest = max(deepest, inner)
        if inner <= limit:
            out.append(m.group())
        kept_to = m.end()
        depth = depth - 1 if closing else depth if empty else depth + 1
    if deepest <= limit:
        return None
    out.append(xml[kept_to:] if depth <= limit else b"")
    return b"".join(out)


def transitional_ooxml(data: bytes) -> bytes | None:
    """An Office Open XML package saved in ISO 29500 Strict (Word's "Strict Open XML Document"), its parts
    and relationships renamed into the transitional namespaces; None when it uses none of Strict's names
    or cannot be read."""
    def renamed(name: str, content: bytes) -> bytes | None:
        if not name.endswith((".xml", ".rels")):
            return None
        content, count = _STRICT.subn(_transitional_name, content)
        return content if count else None

    return _rewritten_package(data, renamed)
