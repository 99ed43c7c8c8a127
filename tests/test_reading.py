"""Bytes to text: encodings, normalisation, formats, and files that are not reports."""

from __future__ import annotations

import functools
import random
import re
from pathlib import Path

import pytest

from builder import errors, synthetic
from builder.extraction.extract import extract_bytes
from builder.reading.document import (
    DAMAGED_GB18030,
    DAMAGED_UTF8,
    UNDONE_GBK_MOJIBAKE,
    UNDONE_MOJIBAKE,
    decode,
    detect_format,
    normalize,
    read_bytes,
    simplified,
)

from .conftest import CORPUS, shared

SAMPLE = (CORPUS / "002_ca7c6a4c8b1a7e82.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("utf-32-le", b"\xff\xfe\x00\x00"),  # (blind round 142: read as UTF-16, a NUL between every two characters)
    ("utf-32-be", b"\x00\x00\xfe\xff"),
])
def test_encodings_are_detected_not_assumed(encoding, prefix):
    data = prefix + SAMPLE.encode(encoding)
    report = extract_bytes(data, "report.txt")
    assert report.agency.name == "隆德县人民政府办公室"
    assert report.value("t3.total.total") == 8
    text, _found = decode(data, "report.txt")
    assert text.lstrip("\ufeff") == SAMPLE


def _seven_bit(kind: str, text: str) -> bytes:
    import base64
    import quopri

    if kind == "hz":
        return text.encode("hz")
    if kind == "utf-7":
        return text.encode("utf-7")
    if kind == "\\u escapes":
        return text.encode("ascii", "backslashreplace")
    if kind == "entities":
        return text.encode("ascii", "xmlcharrefreplace")
    if kind == "quoted-printable":
        return quopri.encodestring(text.encode("utf-8"))
    return base64.encodebytes(text.encode("gbk"))  # (76 characters a line)


@pytest.mark.parametrize("kind", ["hz", "utf-7", "\\u escapes", "entities", "quoted-printable", "base64 of GBK"])
def test_ascii_files_carrying_chinese_in_a_seven_bit_form_are_decoded(kind):
    """Blind round 147 (rare encodings): HZ (~{…~}), UTF-7, \\u4e2d escapes, &#20013; references, and a file saved in a
    mail's transfer encoding with no mail around it (quoted-printable, base64) were read as the ASCII they are: no
    title, no tables, the report refused. An English file with a stray + or ~{ stays as it is."""
    data = _seven_bit(kind, SAMPLE)
    assert data.isascii()
    report = extract_bytes(data, "report.txt")
    assert report.agency.name == "隆德县人民政府办公室"
    assert report.value("t3.total.total") == 8
    plain = b"Reports: a+b-c = 1 ~{ok~} and C++ -- see &#8212; below.\n" * 5
    assert decode(plain, "notes.txt")[0] == plain.decode()


def test_utf_32_without_its_mark_is_decoded():
    """UTF-32 (big- or little-endian) with no byte-order mark was refused as binary data."""
    for encoding in ("utf-32-be", "utf-32-le"):
        text, found = decode(SAMPLE.encode(encoding), "report.txt")
        assert (text, found) == (SAMPLE, encoding)


def test_text_copied_from_a_page_in_pinyin_mode_is_read_without_its_syllables():
    """Blind round 142 (reading aids' pinyin mode): a report copied from a page whose toolbar set every character's
    reading over it (<ruby>) reads 青qīng岛dǎo市shì…, and the file was no report. The syllables after characters are
    left out where a good share of the characters have one; a few Latin words after Chinese (网站www) stay."""
    from pypinyin import Style, pinyin

    from builder import forms

    v = synthetic.consistent_values(random.Random(11), forms.GOV_2021)
    text = synthetic.render("青岛市黄岛区人民政府", 2023, forms.GOV_2021, v, "tab")
    readings = {c: pinyin(c, style=Style.TONE)[0][0] for c in set(text) if "\u4e00" <= c <= "\u9fff"}
    copied = "".join(c + readings.get(c, "") for c in text)
    assert "政zhèng府fǔ" in copied
    report = extract_bytes(copied.encode(), "report.txt")
    assert (report.agency.name, report.year) == ("青岛市黄岛区人民政府", 2023)
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021)} == {
        c.id: v[c.id] for c in forms.cells(forms.GOV_2021)}
    plain = text.replace("本年度未收取", "网站www发布，本年度未收取")
    assert "网站www发布" in plain and "网站www发布" in normalize(plain)  # (no pinyin: as written)


def test_a_page_in_an_encoding_detection_does_not_try_is_read_in_the_one_it_declares():
    """A Big5 page (a 繁體 converter's output) reads as neither UTF-8 nor Chinese in GB18030."""
    page = ('<html><head><meta charset="big5"><title>政府資訊公開</title></head>'
            "<body><p>臺北市政府資訊公開年報：申請件數 12 件。</p></body></html>")
    assert decode(page.encode("big5"), "report.html") == (page, "big5")
    with pytest.raises(errors.Undecodable):  # a declared encoding in which the bytes are not valid is not taken
        decode(page.replace("big5", "ascii").encode("big5"), "report.html")


def test_big5_text_that_declares_nothing_is_read():
    """A 繁體 converter's text saved as Big5 (cp950) with no declaration: refused, the encoding not recognised, though
    strict Big5 reads it (GB18030 reads its bytes too, as no Chinese)."""
    import opencc

    traditional = opencc.OpenCC("s2tw").convert(SAMPLE)  # (Taiwan's forms: all in Big5)
    text, encoding = decode(traditional.encode("cp950"), "report.txt")
    assert (text, encoding) == (traditional, "big5")
    report = extract_bytes(traditional.encode("cp950"), "report.txt")
    assert report.agency.name == "隆德县人民政府办公室" and report.value("t3.total.total") == 8


def test_utf8_text_with_a_nul_among_a_few_bad_bytes_is_no_binary_file():
    """One NUL and three invalid bytes in a UTF-8 report (no byte-order mark): the NUL alone refused it as binary."""
    data = SAMPLE.encode()
    at = data.index("二、主动公开".encode())
    text, encoding = decode(data[:at] + b"\xff\x00\xfe\xc3" + data[at:], "report.txt")
    assert encoding == DAMAGED_UTF8 and text.count("\ufffd") == 3
    assert extract_bytes(data[:at] + b"\xff\x00\xfe\xc3" + data[at:], "report.txt").value("t3.total.total") == 8


def _spoiled(data: bytes, start: int, length: int) -> bytes:
    """``data`` with ``length`` bytes from ``start`` overwritten by bytes never valid in UTF-8."""
    noise = bytes(random.Random(start).choice(range(0xF8, 0x100)) for _ in range(length))
    return data[:start] + noise + data[start + length:]


def test_utf8_text_with_a_run_of_spoiled_bytes_is_read_with_them_marked_unreadable():
    """A download cut and resumed, or a block overwritten: the rest of the report is still read,
    what the spoiled bytes held is unknown (U+FFFD) and the report says so."""
    data = SAMPLE.encode()
    start = data.index("二、主动公开".encode())
    text, encoding = decode(_spoiled(data, start, 40), "report.txt")
    assert encoding == DAMAGED_UTF8 and 40 <= text.count("\ufffd") <= 42  # and a character it cut into
    report = extract_bytes(_spoiled(data, start, 40), "report.txt")
    assert report.agency.name == "隆德县人民政府办公室" and report.value("t3.total.total") == 8
    assert [w["count"] for w in report.warnings if w["code"] == "unreadable_characters"] == [text.count("\ufffd")]
    gbk = SAMPLE.encode("gbk")  # GBK is not UTF-8 with most of its bytes spoiled
    assert decode(_spoiled(gbk, 200, 4), "report.txt")[1] != DAMAGED_UTF8


def test_gb18030_text_with_a_few_stray_bytes_is_read_with_them_marked_unreadable():
    """A GB18030 text a tool wrote five stray bytes into (FF, 80, a lead byte before a line break): any one of
    them lost the whole report as undecodable. Few beside the characters that read, they are U+FFFD."""
    data = SAMPLE.encode("gb18030")
    at = data.index("二、主动公开".encode("gb18030"))
    spoiled = data[:at] + b"\xff\x80" + data[at:-2] + b"\xb1\n"
    text, encoding = decode(spoiled, "report.txt")
    assert encoding == DAMAGED_GB18030 and text.count("\ufffd") == 3
    report = extract_bytes(spoiled, "report.txt")
    assert report.agency.name == "隆德县人民政府办公室" and report.value("t3.total.total") == 8
    assert [w["count"] for w in report.warnings if w["code"] == "unreadable_characters"] == [3]


def test_utf8_text_with_a_byte_order_mark_and_a_few_bad_bytes_is_read_with_them_marked():
    """A byte-order mark says UTF-8, and a tool wrote a lone surrogate (ED A0 BD) and a run of NULs into
    the text: the file is text by its mark, and only the bad bytes are unreadable."""
    data = SAMPLE.encode()
    at = data.index("二、主动公开".encode())
    text, encoding = decode(b"\xef\xbb\xbf" + data[:at] + b"\xed\xa0\xbd" + b"\x00" * 40 + data[at:], "report.txt")
    assert encoding == DAMAGED_UTF8 and text.count("\ufffd") == 3
    assert text.replace("\ufffd", "").replace("\x00", "") == SAMPLE
    with pytest.raises(errors.Undecodable, match="byte-order mark but invalid bytes"):
        decode(b"\xef\xbb\xbf" + SAMPLE.encode("gbk"), "report.txt")  # GBK under a UTF-8 mark


def _double_encoded(text: str) -> bytes:
    """``text`` as a crawler stores it after decoding its UTF-8 as Windows-1252 (the five bytes that
    code leaves undefined kept as control characters, as MySQL's latin1 does) and saving as UTF-8."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in text.encode()).encode()


def test_text_double_encoded_as_windows_1252_is_read_as_it_was():
    text, encoding = decode(_double_encoded(SAMPLE), "report.txt")
    assert (text, encoding) == (SAMPLE, UNDONE_MOJIBAKE)
    report = extract_bytes(_double_encoded(SAMPLE), "report.txt")
    assert report.value("t3.total.total") == 8 and "mojibake_undone" in [w["code"] for w in report.warnings]
    latin = SAMPLE + "\n附：Café Über Ñandú résumé " * 30  # Latin words in a Chinese text are no mojibake
    assert decode(latin.encode(), "report.txt") == (latin, "utf-8")


@pytest.mark.parametrize("code_page", ["latin-1", "cp1252"])
def test_gbk_decoded_as_a_western_code_page_is_read_as_it_was(code_page):
    """Blind round 209 (乱码): a GBK page a crawler decoded as Latin-1 or Windows-1252 and saved as UTF-8 ('ÕþÎñ' for
    政务) was read as no report at all. Windows-1252 leaves five bytes undefined: browsers keep them as controls."""
    garbled = "".join(chr(b) if code_page == "latin-1" or b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
                      else bytes([b]).decode("cp1252") for b in SAMPLE.encode("gbk"))
    assert decode(garbled.encode(), "report.txt") == (SAMPLE, UNDONE_GBK_MOJIBAKE)
    report = extract_bytes(garbled.encode(), "report.txt")
    assert report.value("t3.total.total") == 8 and "mojibake_undone" in [w["code"] for w in report.warnings]
    western = "Café Über Ñandú résumé naïve façade " * 40  # Western text is not GBK's
    assert decode(western.encode(), "notes.txt") == (western, "utf-8")


@pytest.mark.parametrize("config", ["s2t", "s2twp"])
def test_a_page_in_traditional_characters_reads_as_the_simplified_one(config):
    """A site's 繁體 toggle (s2t), or a browser's translation into Taiwan usage (s2twp: 資訊 for 信息,
    檔案 for 文件): the same report, read the same; the source text stays as published."""
    import opencc

    text = opencc.OpenCC(config).convert(SAMPLE)
    report, plain = extract_bytes(text.encode(), "report.txt"), extract_bytes(SAMPLE.encode(), "report.txt")
    assert (report.agency.name, report.agency.adcode, report.year) == (plain.agency.name, plain.agency.adcode, plain.year)
    assert {k: c.value for k, c in report.cells.items()} == {k: c.value for k, c in plain.cells.items()}
    assert report.document.text == text


def opencc_s2t(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def test_a_converter_script_s_slips_go_back_to_the_names_they_were():
    """Converters that map each simplified character to one traditional one write 瀋陽 (沈阳), 於洪
    (于洪), 乾部 (干部), 鬆原 (松原): converted back, the agency and its region are found."""
    text = SAMPLE.replace("隆德县", "瀋陽市於洪區").replace("宁夏回族自治区固原市", "遼寧省")
    report = extract_bytes(opencc_s2t(text).encode(), "report.txt")
    assert (report.agency.name, report.agency.adcode) == ("沈阳市于洪区人民政府办公室", "210114")
    assert simplified("鬆原市寧江區查乾湖全麵推進，乾部培訓。" * 10) == "松原市宁江区查干湖全面推进，干部培训。" * 10


def test_a_traditional_page_stored_in_gbk_is_read():
    """A 繁體 copy under a /big5/ path stored as GBK: its characters are past GB2312, which the check
    against bytes that are not text took for gibberish ("text encoding not recognised")."""
    text = opencc_s2t(SAMPLE)
    report = extract_bytes(text.encode("gbk"), "big5_t20230130_2671058.html.txt")
    plain = extract_bytes(SAMPLE.encode(), "report.txt")
    assert (report.agency.name, report.agency.adcode) == (plain.agency.name, plain.agency.adcode)
    assert {k: c.value for k, c in report.cells.items()} == {k: c.value for k, c in plain.cells.items()}


def test_a_converter_writing_qian_for_every_gan_goes_back_to_the_county_s_name():
    """tw_cn.js writes 乾 for every 干: 餘乾縣 read back as 余乾县 matched 乾县 of 陕西 inside it."""
    text = SAMPLE.replace("宁夏回族自治区固原市隆德县", "江西省上饶市余干县").replace("隆德县", "余干县")
    report = extract_bytes(opencc_s2t(text).replace("幹", "乾").encode(), "report.txt")
    assert (report.agency.name, report.agency.adcode) == ("余干县人民政府办公室", "361127")
    assert simplified("乾縣與乾安縣，新乾縣的乾部" * 5) == "乾县与乾安县，新干县的干部" * 5


def test_simplified_text_is_not_converted():
    """乾安县 and 乾县 are simplified names too; a converter would make them 干安县."""
    text = "吉林省松原市乾安县人民政府2023年政府信息公开工作年度报告。陕西省咸阳市乾县。" * 3
    assert simplified(text) == text


def test_normalisation_keeps_chinese_text():
    raw = "本年新收\u00a0申请数量：１２３件，\u200b（一）予以公开　⼀"
    assert normalize(raw) == "本年新收 申请数量:123件,(一)予以公开 一"
    assert normalize("隆德县人民政府") == "隆德县人民政府"


def test_compatibility_ideographs_are_the_characters_they_stand_for():
    """梨 (U+F9E2) and 年 (U+F98E), as some fonts and converters write them: 2023年 was no year."""
    assert normalize("\uf9e2\u2f00 2023\uf98e度") == "梨一 2023年度"
    assert normalize("\ufa0e") == "\ufa0e"  # 﨎 is a character of its own, not a compatibility form


def test_control_characters_reach_no_output():
    """A NUL or a unit separator inside a prose sentence reached the narrative, checks and pages;
    R's read.csv stops at a NUL."""
    assert normalize("共收到\x00申请\x1f12件\x7f。\x08") == "共收到 申请12件。"
    text = (CORPUS / "004_13e53bba648087dd.txt").read_text(encoding="utf-8").replace("。", "。\x00\x1f", 3)
    report = extract_bytes(text.encode(), "ctl.txt")
    assert report.narrative and not any(re.search(r"[\x00-\x08\x0e-\x1f\x7f]", f.text) for f in report.narrative)


def test_radicals_a_pdf_writes_for_whole_characters_are_those_characters():
    """Chromium and Word write ⺠ for the 民 of 人民政府 and ⻓ for 长 in a PDF's text: the agency
    was 政府办公室, or none at all, and the report was refused."""
    assert normalize("彭阳县人⺠政府办公室 ⻓沙市 第⼀⻚") == "彭阳县人民政府办公室 长沙市 第一页"


def test_digits_in_a_symbol_font_s_private_use_code_points_are_digits():
    """Word's symbol fonts put 0–9 at U+F030–F039, and a PDF's text layer writes a cell's figures so where they were set
    in one: the cells were unreadable and table 3's 自然人 column missed."""
    assert normalize("自然人\uf031\uf032 收费\uf031\uf032\uf02e\uf034 共\uf031\uf02c\uf032\uf033\uf034件") == \
        "自然人12 收费12.4 共1,234件"


def test_direction_characters_are_dropped_and_minus_signs_are_minus():
    """An override would show a name reversed on its pages; −5 (U+2212, as Word and Excel print a
    decrease) is the number -5. Dashes are words (none, ranges) and stay."""
    assert normalize("彭阳县\u202e人民\u200f政府\u2066") == "彭阳县人民政府"
    # A figure in an override is shown reversed, which is what a reader reads (the figure's own stored backwards).
    assert normalize("收到\u202e15\u202c件\t\u202e432,1\n\u202e5 2") == "收到51件\t1,234\n5 2"
    assert normalize("\u22125 \ufe633 \u20114 — 1–3月") == "-5 -3 -4 — 1–3月"


def test_a_figure_left_as_tex_math_is_the_figure():
    """Blind round 260 (h1238): a note tool's export left each figure as TeX it did not typeset (\\(26\\)): all 198
    cells of the page were unsure. Dollars are no math: US$5 and $6 stay."""
    assert normalize(r"收到\(26\)件，\(-2\)，\[2{,}357\]，$5$，$$12$$") == "收到26件,-2,2,357,5,12"
    assert normalize("美元$5 $6，a$7$") == "美元$5 $6,a$7$"


def test_a_zero_typed_as_ling_among_digits_is_zero():
    """An input method's 〇 for the 0 of a number (主动公开政府信息1〇583条, a cell 7〇): the count went
    unread, a table-2 cell ambiguous. A year in Chinese numerals has no digit beside it and stays."""
    assert normalize("1〇583条 16〇 件 7〇 105〇〇6 ２〇２３年") == "10583条 160 件 70 105006 2023年"
    assert normalize("二〇二三年 第〇号") == "二〇二三年 第〇号"


def test_a_decrease_printed_with_a_minus_sign_reads_as_with_a_hyphen():
    report = synthetic.report(random.Random(0), year=2020, layout="tab")
    decreases = [cell for cell, value in report.values.items() if value < 0]
    assert decreases  # the seed prints one: 本年增/减 of 行政强制
    printed = re.sub(r"(?<![\d-])-(?=\d)", "\u2212", report.text)
    assert "\u2212" in printed
    hyphen, minus = extract_bytes(report.text.encode(), "a.txt"), extract_bytes(printed.encode(), "b.txt")
    assert {c: (v.status, v.value) for c, v in minus.cells.items()} == {
        c: (v.status, v.value) for c, v in hyphen.cells.items()}
    assert all(minus.value(cell) == report.values[cell] for cell in decreases)


@pytest.mark.parametrize("data,error", [
    (b"", errors.EmptyFile),
    (b"   \n\t \n", errors.EmptyFile),
    (bytes(range(256)) * 20, errors.NotText),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), errors.NotText),
    (b"PK\x03\x04" + bytes(100), errors.NotText),
])
def test_unreadable_files_raise_a_named_error(data, error):
    with pytest.raises(error) as info:
        read_bytes(data, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")


def _zip(name: str, content: str = "<x/>") -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("data, says", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image: a picture of a report or its tables would need text recognition"),
    (b"\xff\xd8\xff\xe0" + bytes(200), "a JPEG image"),
    (b"Rar!\x1a\x07\x00" + bytes(200), "a RAR archive; unpack it into the corpus"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "a legacy Office file other than a Word document or a workbook"),
    (_zip("OFD.xml"), "an OFD document with no pages"),
    (_zip("xl/workbook.xml"), "not a readable spreadsheet"),
    (_zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), "not a readable spreadsheet"),
    (_zip("mimetype", "application/vnd.oasis.opendocument.presentation"), "a presentation whose part 'content.xml' is"),
    (_zip("mimetype", "application/vnd.oasis.opendocument.graphics"), "an OpenDocument file other than a text"),
    (_zip("mimetype", "application/vnd.oasis.opendocument.text"), "not a readable OpenDocument file (it has no content"),
    (_zip("__MACOSX/._report.docx"), "an archive with no document in it (only folders, system files, or archives"),
    (b"<html><body><p> </p><img src='t.png'></body></html>", "no text in the document; it holds images only"),
    (bytes(257) + b"ustar\x0000" + bytes(300), "not a readable tar archive"),
    (b"\x1f\x8b\x08\x00" + bytes(40), "a damaged gzip file"),
])
def test_a_file_of_a_format_not_read_says_which(data, says):
    """A corpus gathered from the web holds pictures of reports, archives and OFD files: the
    rejection names what the file is and what would make it readable, not just 'binary data'."""
    with pytest.raises(errors.ReportError) as info:
        read_bytes(data, "bad.bin")
    assert says in str(info.value)


def _compound_file(*streams: str) -> bytes:
    """A compound file (CFB, version 3) whose directory holds ``streams``, empty: the container
    of legacy Office files, and the one Office saves a password-protected .docx in."""
    import struct

    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, free, right, child)
                + bytes(36) + struct.pack("<IQ", end, 0))

    entries = [entry("Root Entry", 5, child=1 if streams else free)]
    entries += [entry(name, 2, right=k + 2 if k + 1 < len(streams) else free) for k, name in enumerate(streams)]
    directory = b"".join(entries).ljust(512, b"\0")
    return header + fat + directory


@pytest.mark.parametrize(("streams", "says"), [
    (("EncryptionInfo", "EncryptedPackage"), "locked.docx: encrypted document: cannot be opened without a password: "
                                             "an Office file (Word, Excel or PowerPoint) saved with a password"),
    (("PowerPoint Document",), "locked.docx: not a document, spreadsheet, OCR result or archive the build reads: "
                               "a legacy Office file other than a Word document or a workbook (.ppt); convert it to PDF"),
    (("WordDocument", "1Table"), "locked.docx: not a document, spreadsheet, OCR result or archive the build reads: "
                                 "not a readable Word 97–2003 document (error); named .docx, but its bytes are not a "
                                 "Word document: they are a Word 97–2003 document"),
])
def test_a_password_protected_office_file_is_refused_as_encrypted_not_as_legacy(streams, says):
    """Office saves a .docx with a password as a compound file, the container of a Word 97 .doc:
    told to convert it, its owner would find it is a .docx already; the password is what is missing."""
    with pytest.raises(errors.ReportError) as info:
        read_bytes(_compound_file(*streams), "locked.docx")
    assert str(info.value) == says


@pytest.mark.parametrize("size", [16, 32, 64, 256])
def test_short_binary_with_no_control_bytes_is_not_read_as_gb18030_text(size):
    """GB18030 decodes most byte strings: bytes that are not text (no NUL, no control byte,
    so nothing marks them as binary) would be read as gibberish and refused as "not a
    report" instead of as what they are."""
    rng = random.Random(size)
    alphabet = [b for b in range(0x20, 0xFF) if b not in (0x7F, 0x80)]
    for _ in range(100):
        with pytest.raises((errors.NotText, errors.Undecodable)):
            decode(bytes(rng.choice(alphabet) for _ in range(size)), "blob.txt")


def test_gb18030_text_with_rare_characters_is_still_read():
    text = "朱镕基同志、王堃同志出席会议。" + SAMPLE[:200]
    assert decode(text.encode("gb18030"), "report.txt") == (text, "gb18030")


def test_gbk_text_ruled_with_box_drawing_is_read():
    """Blind round 80 (text tables drawn with rules): a GBK text whose tables are ruled with ═ and ─ (GBK has them,
    GB2312 not all): a third of its characters past ASCII were rules, and it was "text encoding not recognised"."""
    rule = "═" * 60
    text = "\n".join([SAMPLE[:200], rule, "信息内容    本年制发件数    本年废止件数    现行有效件数", "─" * 60,
                      "规章        0               0               0", rule] * 3)
    assert decode(text.encode("gbk"), "report.txt") == (text, "gb18030")


def test_a_web_page_that_is_not_a_report():
    page = ("<html><head><title>新闻</title><script>var x = '政府信息公开工作年度报告';</script></head><body>"
            "<div class='nav'>首页 &gt; 新闻</div><p>2023年5月6日，县政府召开常务会议，研究部署防汛工作。</p>"
            "<p>会议强调，要压实责任。</p></body></html>").encode()
    with pytest.raises(errors.NotAReport) as info:
        extract_bytes(page, "news.html")
    assert str(info.value) == ("news.html: not a government information disclosure annual report: "
                               "no report title, form tables or report sections found")


def test_html_reports_are_read_as_text_without_scripts():
    body = SAMPLE.replace("\n", "<br>\n")
    page = f"<html><body><script>alert('x')</script><!-- 注释 1 2 3 --><div>{body}</div></body></html>"
    doc = read_bytes(page.encode(), "page.html")
    assert doc.source.format == "html"
    assert "alert" not in doc.text and "注释" not in doc.text
    assert extract_bytes(page.encode(), "page.html").value("t3.total.total") == 8


def test_format_comes_from_the_bytes():
    assert detect_format(b"%PDF-1.7\n...", "report.txt") == "pdf"
    assert detect_format(b"<!DOCTYPE html><html>", "report.txt") == "html"
    assert detect_format(b"| a | b |", "report.md") == "markdown"
    assert detect_format(b"plain", "report.html") == "text"


@pytest.mark.parametrize("name,data,kind,note", [
    ("a.pdf", "页面不存在\n".encode(), errors.NotAReport, "named .pdf, but its bytes are not a PDF"),
    ("a.PDF", b"", errors.EmptyFile, None),  # nothing to read: the name says nothing of the bytes
    ("a.pdf", b"%PDF-1.4\n%%EOF\n" * 3, errors.DamagedPDF, None),  # a PDF, damaged: no disagreement
    ("a.docx", b"<html><body>x</body></html>", errors.NotAReport,
     "named .docx, but its bytes are not a Word document: they are a web page (HTML)"),
    ("a.pdf", bytes(range(256)) * 8, errors.NotText, "named .pdf, but its bytes are not a PDF"),
    ("a.html", "页面不存在\n".encode(), errors.NotAReport, None),  # .html promises no format the bytes show
])
def test_a_rejection_says_when_the_name_promises_another_format(name, data, kind, note):
    from builder.extraction.corpus import Rejected, read_data

    outcome = read_data(data, name)
    assert isinstance(outcome, Rejected)
    assert outcome.reason.startswith(kind.reason)
    assert outcome.reason.endswith(f"; {note}") if note else "named ." not in outcome.reason


def test_a_noted_error_keeps_its_kind_and_detail():
    noted = errors.DamagedPDF("x.pdf", "Unexpected EOF").noted("a note")
    assert type(noted) is errors.DamagedPDF and isinstance(noted, errors.NotText)
    assert (noted.path, noted.detail, str(noted)) == ("x.pdf", "Unexpected EOF; a note",
                                                      "x.pdf: damaged PDF: Unexpected EOF; a note")
    assert errors.EmptyFile("y.pdf").noted("a note").detail == "a note"


def test_page_breaks_and_manual_line_breaks_are_line_breaks():
    """pdftotext starts each page with a form feed; Word's manual line break is a vertical tab in
    copied text. Both were characters inside a line: a page's first line began with one."""
    assert normalize("第一页\f申请人情况\v自然人\u2028一\u2029二\x85三") == "第一页\n申请人情况\n自然人\n一\n二\n三"


@pytest.mark.parametrize("masthead", ["2023年1月31日 星期二 浙江日报 第9版 公告", "第5版 政务 扬州日报 2024年1月27日 星期六"])
def test_a_newspaper_page_s_masthead_is_no_title(masthead):
    """Blind round 145 (newspapers): the masthead over a report a paper prints (its date, name, page and section, 公告)
    was read as the title of a notice, and the report refused as no annual report."""
    report = extract_bytes(f"{masthead}\n{SAMPLE}".encode(), "page9.txt")
    plain = extract_bytes(SAMPLE.encode(), "page9.txt")
    assert (report.agency.name, report.year) == (plain.agency.name, plain.year)
    assert masthead not in report.document.lines


def test_text_a_tool_padded_with_nul_bytes_reads_with_spaces():
    """A PDF's text copied by a tool that wrote NUL for a space, a run of them at a page break and
    padding at the end: the file was refused as binary data."""
    padded = SAMPLE.replace(" ", "\x00", 40).replace("二、", "\x00" * 1024 + "二、", 1) + "\x00" * 8192
    report = extract_bytes(padded.encode("utf-8"), "report.txt")
    assert report.agency.name == "隆德县人民政府办公室" and report.value("t3.total.total") == 8


def test_a_pdf_with_bytes_before_its_header_is_a_pdf():
    """A server put a line break before %PDF-: PDF readers skip up to a kilobyte before the header."""
    data = b"\r\n" + shared("corpus-pdf", "淮安市洪泽区人民政府_2023.pdf").read_bytes()
    assert detect_format(data, "report.pdf") == "pdf"
    assert read_bytes(data, "report.pdf").lines[:1] == read_bytes(data[2:], "report.pdf").lines[:1]
    assert detect_format(b"\r\n" * 600 + b"%PDF-1.7", "x.pdf") != "pdf"  # past the first kilobyte: no PDF header


def test_a_page_saved_compressed_as_the_server_sent_it_is_read():
    """A crawler kept the body of a response with Content-Encoding: gzip: refused as an archive."""
    import gzip

    text = (CORPUS / "004_13e53bba648087dd.txt").read_bytes()
    plain = extract_bytes(text, "t20220125.html")
    packed = extract_bytes(gzip.compress(text, mtime=0), "t20220125.html")
    assert (packed.agency.name, packed.year, {k: c.value for k, c in packed.cells.items()}) == (
        plain.agency.name, plain.year, {k: c.value for k, c in plain.cells.items()})
    assert packed.document.source.sha256 != plain.document.source.sha256  # the file's own, as stored


def test_a_gzip_bomb_is_refused_at_the_byte_limit():
    import gzip

    from builder.limits import Limits, budget

    with budget("bomb.html", Limits(max_bytes=1_000_000)), pytest.raises(errors.OverLimit) as info:
        read_bytes(gzip.compress(b" " * 5_000_000, mtime=0), "bomb.html")
    assert "unpacked from gzip" in str(info.value)


def _zstd(data: bytes) -> bytes:
    from builder.arrow import pyarrow

    sink = pyarrow().BufferOutputStream()
    with pyarrow().CompressedOutputStream(sink, "zstd") as stream:
        stream.write(data)
    return sink.getvalue().to_pybytes()


def _tar(name: str, data: bytes) -> bytes:
    import io
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        info = tarfile.TarInfo(name)
        info.size, info.mtime = len(data), 0
        archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


_PACKERS = {"bz2": lambda d: __import__("bz2").compress(d), "xz": lambda d: __import__("lzma").compress(d),
            "zst": _zstd}


@pytest.mark.parametrize("suffix", list(_PACKERS))
@pytest.mark.parametrize("tarred", [False, True])
def test_a_file_compressed_with_bzip2_xz_or_zstd_is_read(suffix, tarred):
    """Blind round 144 (archives): a report attached as .txt.bz2, .tar.xz or .txt.zst was refused as binary data
    (gzip and .tar.gz were read). Each is unpacked, a tar inside read as an archive."""
    text = (CORPUS / "004_13e53bba648087dd.txt").read_bytes()
    plain = extract_bytes(text, "report.txt")
    inner = _tar("附件/report.txt", text) if tarred else text
    packed = extract_bytes(_PACKERS[suffix](inner), f"report.{'tar' if tarred else 'txt'}.{suffix}")
    assert (packed.agency.name, {k: c.value for k, c in packed.cells.items()}) == (
        plain.agency.name, {k: c.value for k, c in plain.cells.items()})


@pytest.mark.parametrize("suffix", list(_PACKERS))
def test_a_damaged_or_bomb_compressed_file_is_refused_saying_why(suffix):
    from builder.limits import Limits, budget

    name = {"bz2": "bzip2", "xz": "xz", "zst": "zstd"}[suffix]
    packed = _PACKERS[suffix]((CORPUS / "004_13e53bba648087dd.txt").read_bytes())
    with pytest.raises(errors.NotText, match=f"a damaged {name} file"):
        read_bytes(packed[:len(packed) // 2], f"cut.txt.{suffix}")
    with budget("bomb.txt", Limits(max_bytes=1_000_000)), pytest.raises(errors.OverLimit, match=f"unpacked from {name}"):
        read_bytes(_PACKERS[suffix](b" " * 5_000_000), f"bomb.txt.{suffix}")


def test_a_file_compressed_several_times_over_is_read_through():
    """Blind round 146 (hostile, fifth): gz in zst in xz in bz2 in gz was refused as a compressed file inside one; each
    layer is unpacked in turn (each within the byte limit), as deep as eight."""
    import gzip

    text = (CORPUS / "004_13e53bba648087dd.txt").read_bytes()
    packed = text
    for pack in (lambda d: gzip.compress(d, mtime=0), _PACKERS["zst"], _PACKERS["xz"], _PACKERS["bz2"],
                 lambda d: gzip.compress(d, mtime=0)):
        packed = pack(packed)
    plain = extract_bytes(text, "report.txt")
    read = extract_bytes(packed, "report.txt.gz.bz2.xz.zst.gz")
    assert {k: c.value for k, c in read.cells.items()} == {k: c.value for k, c in plain.cells.items()}


def test_json_nesting_a_value_past_the_decoder_s_depth_beside_the_article_is_read():
    """Blind rounds 142 and 146 (hostile files): an article API's response whose related links nest 100,000 levels
    deep beside data.content: Python's JSON decoder recursed past its limit (once an internal error that lost the
    file). The values nested past 256 levels are left out, the article read."""
    import json

    from .official_form import AGENCY, YEAR, assert_every_cell, blocks, html_body, values

    v = values(seed=4)
    head = json.dumps({"code": 200, "data": {"title": f"{AGENCY}{YEAR}年政府信息公开工作年度报告",
                                             "content": html_body(blocks(v))}}, ensure_ascii=False)
    deep = head[:-2] + ', "relatedLinks": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    report = extract_bytes(deep.encode(), "article.json")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_text_pasted_from_two_encodings_is_read_line_by_line():
    """A GBK page's first half with a UTF-8 repost's second: refused as an unknown encoding."""
    text = (CORPUS / "004_13e53bba648087dd.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    half = len(lines) // 2
    data = "\n".join(lines[:half]).encode("gb18030") + b"\n" + "\n".join(lines[half:]).encode("utf-8")
    assert decode(data, "mixed.txt")[0] == text
    plain = extract_bytes(text.encode(), "x.txt")
    assert {k: c.value for k, c in extract_bytes(data, "mixed.txt").cells.items()} == {
        k: c.value for k, c in plain.cells.items()}


@functools.cache
def _span_bombs() -> dict[str, bytes]:
    """Small files whose tables' spans expand to millions of cells: a web page, a Word file, an ODT."""
    import io
    import zipfile

    import docx
    from lxml import etree

    page = "<html><body><p>报告</p><table>" + ("<tr>" + '<td rowspan="200">0</td>' * 64 + "</tr>") * 2000 + "</table>"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    document = docx.Document()
    row = document.add_table(rows=1, cols=1).rows[0]._tr
    cell = row.find(f"{w}tc")
    etree.SubElement(cell.find(f"{w}tcPr"), f"{w}gridSpan").set(f"{w}val", "200")
    row.extend(etree.fromstring(etree.tostring(cell)) for _ in range(3000))
    row.getparent().extend(etree.fromstring(etree.tostring(row)) for _ in range(50))
    word = io.BytesIO()
    document.save(word)
    namespaces = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    rows = '<table:table-row><table:table-cell table:number-columns-repeated="99999" ' \
           'table:number-rows-spanned="99999"/></table:table-row>' * 2000
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f"<office:document-content {namespaces}><office:body><office:text>"
                                        f"<table:table>{rows}</table:table></office:text></office:body>"
                                        "</office:document-content>")
    return {"bomb.html": page.encode(), "bomb.docx": word.getvalue(), "bomb.odt": odt.getvalue()}


@pytest.mark.parametrize("name", ["bomb.html", "bomb.docx", "bomb.odt"])
def test_a_table_whose_spans_expand_to_millions_of_cells_is_refused(name):
    """A 3 MB page (or an 85 KB Word file) of cells spanning 200 rows each took 40 s and 50 MB of text."""
    with pytest.raises(errors.OverLimit, match="a table that expands to more than 2,000,000 cells"):
        read_bytes(_span_bombs()[name], name)


def _odt(parts: dict[str, str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


_LAUGHS = ('<!DOCTYPE x [<!ENTITY a0 "aaaaaaaaaa">' + "".join(f'<!ENTITY a{k} "{f"&a{k - 1};" * 10}">' for k in range(1, 10))
           + ']>')


@pytest.mark.parametrize(("parts", "says"), [
    ({"META-INF/manifest.xml": "<manifest><file-entry><encryption-data/></file-entry></manifest>",
      "content.xml": "\x93\x11"}, "report.odt: encrypted document: cannot be opened without a password: "
                                  "an OpenDocument text"),
    ({"meta.xml": "<meta/>"}, "not a readable OpenDocument file (it has no content.xml)"),
    ({"content.xml": f'<?xml version="1.0"?>{_LAUGHS}<x>&a9;</x>'}, "not a readable OpenDocument file (no text body)"),
    ({"content.xml": '<?xml version="1.0"?><x><y></x>'}, "its content.xml is damaged or nests its elements too deep"),
])
def test_an_opendocument_file_that_cannot_be_read_says_why(parts, says):
    with pytest.raises(errors.ReportError, match=re.escape(says)):
        read_bytes(_odt(parts), "report.odt")


def test_an_opendocument_report_around_a_billion_laughs_is_read_without_expanding_them():
    """Blind round 142 (hostile files): a report whose content.xml declares entities ten times the one before and refers
    to the last once, in a hidden paragraph after the report. The whole file was refused; its report is read, the
    references left out unexpanded."""
    import io
    import zipfile

    from .official_form import assert_every_cell, blocks, odt_bytes
    from .official_form import values as form_values

    v = form_values(seed=9)
    with zipfile.ZipFile(io.BytesIO(odt_bytes(blocks(v)))) as archive:
        parts = {name: archive.read(name).decode() for name in archive.namelist() if name != "mimetype"}
    content = parts["content.xml"]
    body_end = content.index("</office:text>")
    parts["content.xml"] = (content[:body_end] + "<text:p>&a9;</text:p>" + content[body_end:]).replace(
        "?>", "?>" + _LAUGHS.replace("DOCTYPE x", "DOCTYPE office:document-content"), 1)
    report = extract_bytes(_odt(parts), "report.odt")
    assert_every_cell(report, v)
    assert "aaaa" not in report.document.text


FIXTURES = Path(__file__).parent / "fixtures"


def test_a_word_97_document_s_tracked_deletions_and_hidden_text_are_left_out():
    """A .doc revised with tracked changes not yet accepted keeps each deleted old value in its text stream beside
    the inserted one: 1195 and 1192 were read as 11951192. The characters a deletion (sprmCFRMarkDel) or hidden text
    (sprmCFVanish) marks are no text a reader sees."""
    from .official_form import assert_every_cell
    from .official_form import values as form_values

    report = extract_bytes((FIXTURES / "official-form-seed6-revised.doc").read_bytes(), "report.doc")
    assert_every_cell(report, form_values(seed=6))
    assert "999" not in report.document.text


def test_a_word_97_table_nested_in_a_cell_is_read_a_row_a_line():
    """Table 3 nested in the right cell of a two-cell table whose left cell captions it (收到和处理…统计表): a nested
    table ends its cells and rows with paragraph marks (sprmPFInnerTableCell, sprmPFInnerTtp), and the whole table
    was one cell of words and numbers (every cell of table 3 missing)."""
    from .official_form import assert_every_cell
    from .official_form import values as form_values

    report = extract_bytes((FIXTURES / "official-form-seed7-nested.doc").read_bytes(), "report.doc")
    assert_every_cell(report, form_values(seed=7))
    assert "收到和处理政府信息公开申请情况统计表" in report.document.lines


def test_a_word_97_document_s_embedded_workbooks_are_read_where_they_are_shown():
    """Tables pasted into Word as worksheet objects and saved as .doc are no text in the WordDocument stream: each
    is an Excel 97 workbook in the ObjectPool storage, its place a character marked as an OLE object (sprmCFOle2,
    sprmCPicLocation naming the storage). Every cell of tables 2–4 was missing."""
    import olefile

    from .official_form import assert_every_cell
    from .official_form import values as form_values

    data = (FIXTURES / "official-form-seed8-sheet-objects.doc").read_bytes()
    report = extract_bytes(data, "report.doc")
    assert_every_cell(report, form_values(seed=8))
    lines = report.document.lines
    heading = next(k for k, line in enumerate(lines) if line.startswith("三、收到和处理"))
    table_3 = next(k for k, line in enumerate(lines) if line.startswith("一、本年新收政府信息公开申请数量"))
    assert heading < table_3 < next(k for k, line in enumerate(lines) if line.startswith("四、"))
    # a workbook that cannot be read costs its own cells only: table 3's (the longest) broken after its first record
    ole = olefile.OleFileIO(data)
    streams = ["/".join(path) for path in ole.listdir() if path[-1] == "Workbook"]
    stream = ole.openstream(max(streams, key=ole.get_size)).read()
    at = data.index(stream)  # (its sectors one after another, as LibreOffice writes them)
    report = extract_bytes(data[:at + 4] + b"\xff" * (len(stream) - 4) + data[at + len(stream):], "report.doc")
    assert all(cell.value is None for key, cell in report.cells.items() if key.startswith("t3."))
    assert report.cells["t4.admin_review.total"].value == form_values(seed=8)["t4.admin_review.total"]
    assert report.cells["t2.rules.issued"].value == form_values(seed=8)["t2.rules.issued"]


def test_a_stream_made_a_compound_file_is_read_back_whole():
    """An Excel 97 workbook's stream taken out of a Word file's ObjectPool becomes a .xls file of its own."""
    import olefile

    from builder.reading.word97 import compound_file

    for size in (10, 4096, 70_000):  # shorter than the mini stream's cutoff, at it, over one FAT sector's reach
        stream = bytes(k % 251 for k in range(size))
        ole = olefile.OleFileIO(compound_file(stream))
        assert ole.listdir() == [["Workbook"]]
        assert ole.openstream("Workbook").read()[:size] == stream


def test_a_word_97_document_is_read_with_its_tables():
    """Reports of 2008–2013 were often .doc attachments: each was refused with a reason to convert it.
    The text comes from the piece table; each table row, found by its row-end mark, is a line of cells."""
    from .official_form import assert_every_cell
    from .official_form import values as form_values

    report = extract_bytes((FIXTURES / "official-form-seed5.doc").read_bytes(), "report.doc")
    assert report.document.source.format == "doc"
    assert_every_cell(report, form_values(seed=5))


def test_a_damaged_or_encrypted_word_97_document_says_why():
    data = (FIXTURES / "official-form-seed5.doc").read_bytes()
    with pytest.raises(errors.NotText) as info:
        read_bytes(data[:len(data) // 3], "report.doc")
    assert str(info.value).startswith("report.doc: not a document, spreadsheet, OCR result or archive the build reads: "
                                      "not a readable Word 97–2003 document (")
    fib = next(at for at in range(512, len(data), 512) if data[at:at + 2] == b"\xec\xa5")  # the WordDocument stream's head
    flags = int.from_bytes(data[fib + 0x0A:fib + 0x0C], "little") | 0x0100  # fEncrypted
    locked = data[:fib + 0x0A] + flags.to_bytes(2, "little") + data[fib + 0x0C:]
    with pytest.raises(errors.EncryptedDocument, match="a Word 97–2003 document"):
        read_bytes(locked, "report.doc")


def test_variation_selectors_are_no_characters():
    """Blind round 83 (invisible Unicode): a text variation selector after a digit (0︎, 3︀3: an editor's or an emoji
    keyboard's) made the cell no number; the keycap's (1️⃣) stays a 1."""
    assert normalize("3\ufe003\t0\ufe0e\t1\ufe0f\u20e3\t规\U000e0100章") == "33\t0\t1\t规章"


@pytest.mark.parametrize("number", ["【{}】", "[{:04d}] ", "第{}行：", "{:03d}| ", "{:>5}  ", "{}\t"])
def test_line_numbers_a_viewer_printed_before_each_line_are_no_text(number):
    """Blind round 87 (text from legal databases and code viewers): every line numbered (【37】912, 012| …, 第12行：…),
    starting again at 1 on each page: the numbers were read as the tables' first figures (行政许可 37 for 912) and a
    value a line lost its rows. A page's footer in brackets (（第2页，共3页）) between two of table 4's values is no
    value either."""
    from builder import forms

    v = synthetic.consistent_values(random.Random(4), forms.GOV_2021)
    lines = synthetic.render("彭阳县人民政府", 2023, forms.GOV_2021, v, "tab").split("\n")
    middle = len(lines) // 2
    out, count = [], 0
    for k, line in enumerate(lines):
        if k == middle:
            out += ["", "(第1页,共2页)", "==== 第2页 ===="]
            count = 0
        count += 1
        out.append(number.format(count) + line)
    report = extract_bytes("\n".join(out).encode(), "report.txt")
    assert {c.id: report.cells[c.id].value for c in forms.cells(forms.GOV_2021)} == v
    assert not any("第1页" in line for line in report.document.lines)


def test_a_table_whose_cells_ideographic_spaces_part_is_read_with_its_blank_cells_in_place():
    """Blind round 131 (a 繁體 copy laid out without a table): each cell after one ideographic space, two columns left
    blank (98　9　　　1　1　109): made spaces, a row's five figures fitted seven columns more than 64 ways and table 3 was
    unread (161 cells). Spaces padding a fixed-width row, several to a gap, stay spaces."""
    from builder import forms

    from .official_form import rebalance
    from .test_layouts import AGENCY
    from .test_table_rows import form_rows, values

    v = values()
    for row in forms.T3_ROWS_2021:
        for column in ("research_institution", "social_welfare_org"):
            v[forms.t3_cell(row.id, column)] = 0
    v = rebalance(v)
    rows = ["\u3000".join(["\u3000".join(label.split(" ", 1)) if " " in label else label,
                           *("" if column in (2, 3) else cell for column, cell in enumerate(cells))])
            for _, label, cells in form_rows(v, "gov-2021")]
    text = synthetic.render(AGENCY, 2022, "gov-2021", v, "tab").split("\n")
    start = next(k for k, line in enumerate(text) if line.startswith("一、本年新收"))
    end = next(k for k, line in enumerate(text) if line.startswith("四、结转下年度"))
    report = extract_bytes("\n".join([*text[:start], *rows, *text[end + 1:]]).encode(), "fanti.txt")
    for row in forms.T3_ROWS_2021:
        for column in forms.T3_COLUMNS:
            assert report.cells[forms.t3_cell(row.id, column.id)].value in (
                (v[forms.t3_cell(row.id, column.id)],) if column.id not in ("research_institution", "social_welfare_org")
                else (None, 0)), (row.id, column.id)
    # (each two spaces wide between the figures, as an editor shows it: a row typed with spaces keeps its blank cells'
    # places; the label's padding one, as pdftotext counts a character a column)
    assert normalize("规章\u3000\u3000\u30000\u3000\u3000\u30000\u3000\u3000\u30005") == "规章   0      0      5"
    assert normalize("自然人\u300098\u30009\u3000\u3000\u30001\u30001\u3000109") == "自然人\t98\t9\t\t\t1\t1\t109"


def test_a_spreadsheet_printed_with_its_row_numbers_and_column_letters_is_read_without_them():
    """Blind round 133 (a workbook printed to PDF with 打印行号列标): ⇥ A ⇥ B ⇥ C … above each sheet, each row's number in
    its first cell (5 ⇥ （一）主动公开。…): the prose lines were rows of a table, and no prose figure was read. The numbers
    count up; a row of values after the sheet (2 ⇥ 0 ⇥ 1 …, table 4) keeps its first value."""
    from builder.reading.document import body_lines

    from .official_form import AGENCY

    lines = ["\tA\tB\tC", f"1\t{AGENCY}2023年政府信息公开工作年度报告\t\t", "2\t一、总体情况\t\t",
             "3\t（一）主动公开。全年主动公开政府信息6185条。\t\t", "年报正文 第1页", "行政复议\t\t", "2\t0\t1"]
    assert body_lines("\n".join(lines)) == [f"{AGENCY}2023年政府信息公开工作年度报告\t\t", "一、总体情况\t\t",
                                            "(一)主动公开。全年主动公开政府信息6185条。\t\t", "年报正文 第1页",
                                            "行政复议\t\t", "2\t0\t1"]


@pytest.mark.parametrize("padded", [False, True])
def test_a_nul_between_two_digits_is_none_of_the_number_s(padded):
    """Blind round 167: 全年主动公开政府信息48␀73条, a NUL inside the number, read as 48 73 (two numbers, a misread count):
    a NUL elsewhere parts words, between digits it is nothing. ``padded``: NULs in runs through the file too, read at
    decoding as the spaces a tool padded with."""
    sentence = "全年主动公开政府信息48\x0073条。"
    assert normalize(sentence) == "全年主动公开政府信息4873条。"
    data = ("报告\x00\x00\x00\n" * 20 if padded else "") + sentence
    assert "全年主动公开政府信息4873条。" in read_bytes(data.encode(), "report.txt").lines


def test_a_utf8_file_with_its_mark_and_a_part_pasted_in_gbk_is_read_line_by_line():
    """Blind round 174 (h535): a UTF-8 file with its byte-order mark whose tables and last sections were pasted from a
    GBK file: refused for the mark's invalid bytes. Each line is read in the encoding it reads in; a file wholly in GBK
    under the mark is still refused (above)."""
    text = (CORPUS / "004_13e53bba648087dd.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    half = len(lines) // 2
    data = b"\xef\xbb\xbf" + "\n".join(lines[:half]).encode("utf-8") + b"\n" + "\n".join(lines[half:]).encode("gbk")
    assert decode(data, "mixed.txt") == (text, "mixed")
