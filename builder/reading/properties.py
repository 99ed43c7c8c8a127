"""A report's title kept only in its file's properties: Word's core title (its agency in the author or company), a
PDF's Info or XMP title (its agency in the author). Some files print no title in the text at all, beginning at
一、总体情况 and calling the agency 我区 and the year 本年度: the report's year and agency were nowhere else, and the
report was lost. Such a title is read as the text's first line, only where the text prints no title of its own near
its start and the property names a report's year."""

from __future__ import annotations

import io
import re

_OWN_TITLE = re.compile(r"年度报告|年报|工作报告")
_TITLE_LOOK_LINES = 40  # lines of the text's start looked at for a title of its own
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.{0,40}?(?:年度报告|年报)")
# What a converter or an editor leaves around a document's title (Microsoft Word - 报告.docx, （定稿）).
_EXPORT_WORDS = re.compile(r"^(?:Microsoft\s+Word|WPS(?:\s+Office)?)\s*-\s*|\.(?:docx?|wps|pdf)$|[（(](?:定稿|终稿|修改稿|发布稿|"
                           r"最终版|正式版)[）)]$", re.I)
_AGENCY = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}(?:人民政府|办公室|办公厅|局|委员会|厅|办事处|管委会|管理委员会|中心)$")
_TITLE_MAX = 120


def prints_no_title(text: str) -> bool:
    """Whether the text prints no report title of its own near its start (…年度报告, …年报)."""
    return not any(_OWN_TITLE.search(line) for line in text.split("\n", _TITLE_LOOK_LINES)[:_TITLE_LOOK_LINES])


def with_property_title(text: str, title: str | None, owner: str | None = None) -> str:
    """The text with its file's title property as its first line, where the text prints no title of its own near its
    start and the property is a report's title (its year named); one that begins at the year is the ``owner``'s (the
    author or company named as an agency)."""
    if not title or not prints_no_title(text):
        return text
    title = " ".join(title.split())[:_TITLE_MAX]
    while (bare := _EXPORT_WORDS.sub("", title).strip()) != title:
        title = bare
    if (m := _REPORT_TITLE.search(title)) is None:
        return text
    if m.start() == 0 and owner and _AGENCY.fullmatch(owner := "".join(owner.split())):
        title = owner + title
    return f"{title}\n{text}"


def docx_properties(data: bytes) -> tuple[str | None, str | None]:
    """A Word file's title (dc:title) and the agency it may name: its author (dc:creator), else its company."""
    import zipfile

    from lxml import etree

    def texts(part: str, *names: str) -> list[str | None]:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                root = etree.fromstring(archive.read(part), etree.XMLParser(resolve_entities=False, no_network=True))
        except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError):
            return [None] * len(names)
        return [next((e.text for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == name
                      and e.text), None) for name in names]

    title, creator = texts("docProps/core.xml", "title", "creator")
    (company,) = texts("docProps/app.xml", "Company")
    owner = creator if creator and _AGENCY.fullmatch("".join(creator.split())) else company
    return title, owner


def pdf_properties(data: bytes) -> tuple[str | None, str | None]:
    """A PDF's title (its Info dictionary's, else its XMP dc:title) and its author."""
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        info = reader.metadata or {}
        title, author = info.get("/Title"), info.get("/Author")
        if not (isinstance(title, str) and _REPORT_TITLE.search(title)) and (xmp := reader.xmp_metadata) is not None:
            titles = xmp.dc_title or {}
            title = next((t for t in titles.values() if isinstance(t, str) and _REPORT_TITLE.search(t)), title)
    except Exception:  # (pypdf raises many kinds on damaged files; the text was read all the same)
        return None, None
    return (str(title) if title else None), (str(author) if author else None)
