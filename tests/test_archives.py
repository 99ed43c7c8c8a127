"""Reports delivered in archives, as agencies attach them: a ZIP or tar of the report, of the report
and its 附件 workbook, of several agencies' reports; made on Chinese Windows (GBK names) or a Mac
(__MACOSX clutter); one inside another. Read as a cover's attachments are, or refused saying why."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest

from builder import errors
from builder.extraction.extract import extract_bytes

from .official_form import AGENCY, YEAR, assert_every_cell, blocks, docx_bytes, values, xlsx_bytes


class _GbkNamed(zipfile.ZipInfo):
    """A member named as a ZIP tool on Chinese Windows names it: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self):  # zipfile's own method: its name is zipfile's
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def _zip(members: list[tuple[str, bytes]], gbk_names: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(_GbkNamed(name) if gbk_names else name, data)
    return buffer.getvalue()


def test_a_zip_of_the_report_made_on_a_chinese_windows_or_a_mac_is_read():
    """The report in a ZIP as agencies attach it: GBK names without the UTF-8 flag, a Mac's __MACOSX
    and ._ files before it. It was refused ("a ZIP archive that is not a Word document")."""
    v = values(seed=11)
    name = f"{AGENCY}{YEAR}年政府信息公开工作年度报告.docx"
    archive = _zip([("__MACOSX/._" + name, b"\x00\x05\x16\x07"), (".DS_Store", b"\x00\x00\x00\x01Bud1"),
                    (name, docx_bytes(blocks(v)))], gbk_names=True)
    report = extract_bytes(archive, "P020230130392115468731.zip")
    assert_every_cell(report, v)
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert report.document.source.attachments == (name,)
    assert "attached_report" in [w["code"] for w in report.warnings]


def test_an_archive_inside_an_archive_and_a_tar_gz_are_read():
    v = values(seed=12)
    inner = _zip([("年报/报告.docx", docx_bytes(blocks(v)))])
    assert_every_cell(extract_bytes(_zip([("2021年报告.zip", inner)]), "outer.zip"), v)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = docx_bytes(blocks(v))
        info = tarfile.TarInfo("./雁塔区/报告.docx")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    assert_every_cell(extract_bytes(buffer.getvalue(), "ytq_ndbg_2024.tar.gz"), v)


def test_an_archive_three_deep_is_read_and_a_deeper_one_says_so():
    """Blind round 54 (hostile inputs): a crawl's ZIP of a download's ZIP of 附件.zip holding the report was refused as
    "only folders or system files": archives inside archives were opened two deep, and the reason hid why."""
    v = values(seed=12)
    nested = _zip([("附件.zip", _zip([("报告.docx", docx_bytes(blocks(v)))]))])
    assert_every_cell(extract_bytes(_zip([("天河区报告.zip", nested)]), "outer.zip"), v)
    with pytest.raises(errors.NotText, match="archives nested more than 3 deep"):
        extract_bytes(_zip([("a.zip", _zip([("天河区报告.zip", nested)]))]), "outer.zip")


def test_a_report_with_its_tables_as_a_workbook_beside_it_is_read_whole():
    """A prose-only Word report (详见附件) and its 附件 统计表 workbook, in one ZIP."""
    v = values(seed=13)
    report_blocks = blocks(v)
    prose = [b for b in report_blocks if isinstance(b, str)]
    tables = [b for b in report_blocks if not isinstance(b, str)]
    archive = _zip([("报告.docx", docx_bytes(prose)), ("附件1 统计表.xlsx", xlsx_bytes(tables))])
    report = extract_bytes(archive, "1705912836417.zip")
    assert_every_cell(report, v)
    assert (report.agency.name, report.year) == (AGENCY, YEAR)


def test_an_archive_of_several_reports_is_refused_naming_them():
    """Blind round 62 (a corpus as handed over): the first report of a ZIP of several was read and the others were
    neither data nor on the rejected list (a warning on the first at most; none when the first has no title line).
    Each report must be a file of its own to be read: the archive is refused, naming them."""
    first, second = values(seed=14), values(seed=15)
    other = [b.replace(AGENCY, "彭阳县教育体育局") if isinstance(b, str) else b for b in blocks(second)]
    untitled = blocks(first)[1:]  # (a report whose title is only the file's name: by its 一、总体情况)
    for one in (blocks(first), untitled):
        archive = _zip([("1.县政府.docx", docx_bytes(one)), ("2.教育体育局.docx", docx_bytes(other))])
        with pytest.raises(errors.SeveralReports) as refused:
            extract_bytes(archive, "彭阳县部门2023年报告.zip")
        assert str(refused.value).startswith("彭阳县部门2023年报告.zip: several reports in one archive: 2 (")
        assert str(refused.value).endswith("): unpack it into the corpus, so that each is read on its own")
    same = _zip([("报告.docx", docx_bytes(blocks(first))), ("报告（网页版）.docx", docx_bytes(blocks(first)))])
    assert_every_cell(extract_bytes(same, "彭阳县2023年报告.zip"), first)  # one report twice: read
    # its Word and PDF copies, the one titled with its city's name, the other without a title line of its own
    prefixed = [b.replace(AGENCY, "固原市" + AGENCY, 1) if isinstance(b, str) else b for b in blocks(first)]
    copies = _zip([(f"{AGENCY}{YEAR}年政府信息公开工作年度报告（word版）.docx", docx_bytes(prefixed)),
                   (f"{AGENCY}{YEAR}年政府信息公开工作年度报告（pdf版）.docx", docx_bytes(untitled))])
    assert_every_cell(extract_bytes(copies, "P020240119372615084923.zip"), first)


def test_a_reports_copy_in_kangxi_radicals_and_a_cover_letter_beside_it_are_one_report():
    """Blind round 104 (ZIP attachments): a Word report beside its PDF copy, whose text layer writes 工 as the Kangxi
    radical ⼯, and a 报送函 whose 附件： line names the report it sends, were refused as several reports: titles were
    compared as printed. They are compared as read, a cover letter's 附件 label left off."""
    v = values(seed=17)
    title = f"{AGENCY}{YEAR}年政府信息公开工作年度报告"
    radicals = [b.replace("工作", "⼯作").replace("人民", "⼈⺠") if isinstance(b, str) else b for b in blocks(v)]
    copies = _zip([(f"{title}.docx", docx_bytes(blocks(v))), (f"{title}（PDF版）.docx", docx_bytes(radicals))])
    assert_every_cell(extract_bytes(copies, f"{title}（附件）.zip"), v)
    letter = [f"{AGENCY}关于报送{YEAR}年政府信息公开工作年度报告的函", "县政府办公室：",
              f"现将我局{YEAR}年政府信息公开工作年度报告报送给你们，请审阅。", f"附件：{YEAR}年政府信息公开工作年度报告",
              AGENCY]
    covered = _zip([("关于报送年度报告的函.docx", docx_bytes(letter)), (f"附件：{title}.docx", docx_bytes(radicals))])
    report = extract_bytes(covered, f"{title}.zip")
    assert_every_cell(report, v)
    assert (report.agency.name, report.year) == (AGENCY, YEAR)


def _encrypted(data: bytes) -> bytes:
    """The archive with every member flagged as encrypted (traditional ZIP encryption's bit)."""
    import struct

    out = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        k = out.find(signature)
        while k >= 0:
            struct.pack_into("<H", out, k + at, struct.unpack_from("<H", out, k + at)[0] | 0x1)
            k = out.find(signature, k + 4)
    return bytes(out)


@pytest.mark.parametrize(("archive", "error", "says"), [
    (_encrypted(_zip([("报告.pdf", b"%PDF-1.7 ...")])), errors.EncryptedDocument, "a ZIP archive saved with a password"),
    (_zip([("年报/", b""), ("__MACOSX/._x", b"")]), errors.NotText, "an archive with no document in it"),
])
def test_an_archive_with_a_password_or_no_document_is_refused_saying_so(archive, error, says):
    with pytest.raises(error) as caught:
        extract_bytes(archive, "湖里区2023年报.zip")
    assert says in str(caught.value)


@pytest.mark.parametrize(("name", "year"), [(f"{AGENCY}{YEAR}年政府信息公开工作年度报告附表.xlsx", YEAR),
                                            ("P020240117624381950273.xlsx", None)])
def test_a_workbook_of_the_tables_alone_takes_its_year_from_a_file_name_naming_the_report(name, year):
    """The three tables as a workbook with no title, published as 附件 named after the report: no year was found
    and the file was rejected. The file's name is the last place to look, and a year found there is unsure."""
    from builder import errors

    v = values(seed=16)
    workbook = xlsx_bytes([b for b in blocks(v) if not isinstance(b, str)])
    if year is None:
        with pytest.raises(errors.MissingMetadata, match="nor in the file's name"):
            extract_bytes(workbook, name)
        return
    report = extract_bytes(workbook, name)
    assert_every_cell(report, v)
    assert (report.agency.name, report.year) == (AGENCY, year)
    assert "year_unsure" in [w["code"] for w in report.warnings]


@pytest.mark.parametrize("kind", ["help file", "daisy"])
def test_a_bundle_of_a_report_s_pages_is_read_in_its_index_s_order(kind):
    """Blind round 148 (e-books and help files): a report split into pages, a section a page (page1.htm … page11.htm,
    or a DAISY book's 01.html … with ncc.html linking 01.smil …), zipped with an index page linking them in order:
    refused as several reports (each section page that opens with 一、总体情况 counted as a report of its own), and
    read in the archive's order (page10 before page2)."""
    from .official_form import html_body, html_page

    v = values()
    report = blocks(v)
    opening = next(k for k, b in enumerate(report) if b == "一、总体情况")
    parts = [report[:opening], report[opening:opening + 2], *([b] for b in report[opening + 2:])]  # (a block a page)
    assert len(parts) >= 10
    numbered = {k + 1: html_page(html_body(part)).encode() for k, part in enumerate(parts)}
    if kind == "help file":
        pages = [(f"page{k}.htm", page) for k, page in numbered.items()]
        index = ("index.html", html_page("".join(f'<p><a href="page{k}.htm">第{k}页</a></p>' for k in numbered)).encode())
    else:
        pages = [(f"{k:02d}.html", page) for k, page in numbered.items()]
        pages += [(f"{k:02d}.smil", b'<smil><body><par><text src="x.html#t"/></par></body></smil>') for k in numbered]
        index = ("ncc.html", html_page("".join(f'<h1><a href="{k:02d}.smil#t{k}">第{k}部分</a></h1>'
                                               for k in numbered)).encode())
    members = [index, *sorted(pages)]  # (page10.htm sorts before page2.htm)
    report_read = extract_bytes(_zip(members), "report_help.zip")
    assert (report_read.agency.name, report_read.year) == (AGENCY, YEAR)
    assert_every_cell(report_read, v)


def test_a_vault_of_notes_shows_each_embedded_note_in_its_place():
    """Blind round 148 (knowledge bases): an Obsidian vault, the report's note embedding its tables' notes
    (![[附表/T3 依申请#统计表]], ![[附表/T2 主动公开|表二]]), each a Markdown table under its own heading (# T3 依申请):
    the notes were read one after another, the tables after the report's sections, table 3's region holding the embed's
    line alone (its T3's 3 read as a value). Each embedded note is read where it is embedded."""
    v = values()
    report = blocks(v)

    def markdown(table) -> str:
        from .official_form import placed

        cells = placed(table)
        width = max(c + cell.colspan for _, c, cell in cells)
        grid = {(r, c): cell.text for r, c, cell in cells}
        rows = [[grid.get((r, c), "") for c in range(width)] for r in range(max(r for r, _, _ in cells) + 1)]
        return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width,
                          *("| " + " | ".join(row) + " |" for row in rows[1:])])

    notes, lines = {}, []
    for k, block in enumerate(b for b in report if not isinstance(b, str)):
        name = ["T2 主动公开", "T3 依申请", "T4 复议诉讼"][k]
        callout = f"> [!note] 数据口径\n> 统计期限为{YEAR}年1月1日至12月31日。\n\n" if k == 1 else ""
        notes[f"年报/附表/{name}.md"] = (f"# {name}\n\n{callout}## 统计表\n\n" if k else "") + markdown(block) + "\n"
        notes[f"年报/附表/{name}.md"] = notes[f"年报/附表/{name}.md"].encode()
    k = 0
    for block in report:
        if isinstance(block, str):
            lines.append(f"## {block}" if block[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") else block)
        else:
            name = ["T2 主动公开|表二", "T3 依申请#统计表", "T4 复议诉讼"][k]
            lines.append(f"![[附表/{name}]]")
            k += 1
    members = [("年报/2023年度报告.md", "\n\n".join(lines).encode()), *notes.items()]
    read = extract_bytes(_zip(members), "vault.zip")
    assert (read.agency.name, read.year) == (AGENCY, YEAR)
    assert_every_cell(read, v)
