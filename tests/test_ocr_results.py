"""OCR engines' result files: a scanned report's words, each with its box, in whatever order the engine
found them. Every file here is made from the words (and their places) of the form printed as a PDF,
turned by a scan's slant, and written out in each engine's own format; the tables must come back."""

from __future__ import annotations

import io
import json
import math
import random
import re
from html import escape

import pdfplumber
import pytest

from builder import errors, forms
from builder.extraction.extract import extract_bytes
from builder.forms import GOV_2021
from builder.reading.document import detect_format
from builder.reading.positioned import Placed, page_lines

from .official_form import AGENCY, YEAR, assert_every_cell, blocks, html_table, values
from .test_pdf import form_pdf

SCALE = 300 / 72  # a scan at 300 dpi


def scanned_words(slant_degrees: float = 0.0, seed: int = 3) -> tuple[dict, list[list[dict]]]:
    """The form's values, and each page's words as an engine finds them: text, the four corners of its
    box (top left first, clockwise) in pixels, the slant turning the page, and the engine's line."""
    v = values(seed=seed)
    turn = math.radians(slant_degrees)
    pages = []
    with pdfplumber.open(io.BytesIO(form_pdf(v, ruled=True))) as pdf:
        for page in pdf.pages:
            words = []
            for word in page.extract_words(keep_blank_chars=False, x_tolerance=1.5):
                corners = [(word["x0"], word["top"]), (word["x1"], word["top"]),
                           (word["x1"], word["bottom"]), (word["x0"], word["bottom"])]
                turned = [(SCALE * (x * math.cos(turn) - y * math.sin(turn)),
                           SCALE * (x * math.sin(turn) + y * math.cos(turn))) for x, y in corners]
                words.append({"text": word["text"], "corners": [(round(x), round(y)) for x, y in turned],
                              "line": round(word["top"])})
            pages.append(words)
    return v, pages


def _bbox(word: dict) -> tuple[int, int, int, int]:
    xs, ys = [x for x, _ in word["corners"]], [y for _, y in word["corners"]]
    return min(xs), min(ys), max(xs), max(ys)


def _lines(words: list[dict]) -> list[list[dict]]:
    lines: dict[int, list[dict]] = {}
    for word in words:
        lines.setdefault(word["line"], []).append(word)
    return [lines[k] for k in sorted(lines)]


def alto(pages: list[list[dict]]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel'
           '</MeasurementUnit></Description><Layout>']
    for k, words in enumerate(pages, 1):
        out.append(f'<Page ID="p{k}" WIDTH="2480" HEIGHT="3508" PHYSICAL_IMG_NR="{k}"><PrintSpace>')
        for n, line in enumerate(_lines(words)):
            out.append(f'<TextBlock ID="b{k}_{n}"><TextLine ID="l{k}_{n}">')
            for word in line:
                x0, y0, x1, y1 = _bbox(word)
                out.append(f'<String CONTENT="{escape(word["text"])}" HPOS="{x0}" VPOS="{y0}" '
                           f'WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}" WC="0.93"/><SP/>')
            out.append("</TextLine></TextBlock>")
        out.append("</PrintSpace></Page>")
    out.append("</Layout></alto>")
    return "\n".join(out).encode()


def hocr(pages: list[list[dict]]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE html>',
           '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title>',
           "<meta name='ocr-system' content='tesseract 5.3.0' /></head><body>"]
    for k, words in enumerate(pages, 1):
        out.append(f"<div class='ocr_page' id='page_{k}' title='image \"scan{k}.png\"; bbox 0 0 2480 3508; ppageno {k - 1}'>")
        for n, line in enumerate(_lines(words)):
            x0, y0 = min(_bbox(w)[0] for w in line), min(_bbox(w)[1] for w in line)
            x1, y1 = max(_bbox(w)[2] for w in line), max(_bbox(w)[3] for w in line)
            out.append(f"<span class='ocr_line' id='line_{k}_{n}' title='bbox {x0} {y0} {x1} {y1}; baseline 0 -8'>")
            out.extend(f"<span class='ocrx_word' title='bbox {' '.join(map(str, _bbox(w)))}; x_wconf 91'>"
                       f"{escape(w['text'])}</span>" for w in line)
            out.append("</span>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out).encode()


def tsv(pages: list[list[dict]]) -> bytes:
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    for k, words in enumerate(pages, 1):
        rows.append(f"1\t{k}\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t")
        for n, line in enumerate(_lines(words), 1):
            for m, word in enumerate(line, 1):
                x0, y0, x1, y1 = _bbox(word)
                rows.append(f"5\t{k}\t1\t1\t{n}\t{m}\t{x0}\t{y0}\t{x1 - x0}\t{y1 - y0}\t91.5\t{word['text']}")
    return ("\n".join(rows) + "\n").encode()


def paddle_printed(pages: list[list[dict]]) -> bytes:
    """PaddleOCR's result printed an entry a line (``for line in result: print(line)``), page after page."""
    return "\n".join(repr([[list(map(float, c)) for c in w["corners"]], (w["text"], 0.97)])
                     for words in pages for w in words).encode()


def paddle_log(pages: list[list[dict]]) -> bytes:
    """PaddleOCR's command line (``paddleocr --image_dir scans/``): its log, a page's entries after the page's name."""
    lines = ["[2024/03/12 09:41:25] ppocr DEBUG: Namespace(help='==SUPPRESS==', use_gpu=False, det_algorithm='DB', "
             "rec_image_shape='3, 48, 320', label_list=['0', '180'], lang='ch')"]
    for k, words in enumerate(pages, 1):
        lines += [f"[2024/03/12 09:41:{20 + k}] ppocr INFO: **********./scans/page_{k}.jpg**********",
                  f"[2024/03/12 09:41:{20 + k}] ppocr DEBUG: dt_boxes num : {len(words)}, elapsed : 0.32"]
        lines += [f"[2024/03/12 09:41:{20 + k}] ppocr INFO: "
                  + repr([[list(map(float, c)) for c in w["corners"]], (w["text"], 0.97)]) for w in words]
    return "\n".join(lines).encode()


def finereader(pages: list[list[dict]]) -> bytes:
    """ABBYY FineReader's XML: pages of lines, each character in a charParams with its box."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<document xmlns="http://www.abbyy.com/FineReader_xml/FineReader10-schema-v1.xml" version="1.0" '
           f'producer="ABBYY FineReader Engine 12" pagesCount="{len(pages)}" mainLanguage="ChinesePRC">']
    for words in pages:
        out.append('<page width="2480" height="3508" resolution="300" originalCoords="1">')
        for line in _lines(words):
            x0, y0 = min(_bbox(w)[0] for w in line), min(_bbox(w)[1] for w in line)
            x1, y1 = max(_bbox(w)[2] for w in line), max(_bbox(w)[3] for w in line)
            out.append(f'<block blockType="Text" l="{x0}" t="{y0}" r="{x1}" b="{y1}"><text><par>'
                       f'<line baseline="{y1}" l="{x0}" t="{y0}" r="{x1}" b="{y1}"><formatting lang="ChinesePRC">')
            for w in line:
                a, top, b, bottom = _bbox(w)
                pitch = (b - a) / len(w["text"])
                out += [f'<charParams l="{round(a + k * pitch)}" t="{top}" r="{round(a + (k + 1) * pitch)}" '
                        f'b="{bottom}" wordStart="{int(k == 0)}" charConfidence="90">{escape(c)}</charParams>'
                        for k, c in enumerate(w["text"])]
            out.append("</formatting></line></par></text></block>")
        out.append("</page>")
    out.append("</document>")
    return "\n".join(out).encode()


def paddle_system_results(pages: list[list[dict]]) -> bytes:
    """PaddleOCR 2's tools/infer/predict_system.py: system_results.txt, a page a line, its image's path, a tab and
    its entries as JSON."""
    return "\n".join(f"./inference_results/scan_{k}.jpg\t" + json.dumps(
        [{"transcription": w["text"], "points": [list(c) for c in w["corners"]]} for w in words], ensure_ascii=False)
        for k, words in enumerate(pages, 1)).encode()


def paddle_json(pages: list[list[dict]]) -> bytes:
    """PaddleOCR's result saved with json.dump: a list of entries a page."""
    return json.dumps([[[[list(c) for c in w["corners"]], [w["text"], 0.97]] for w in words] for words in pages],
                      ensure_ascii=False).encode()


def baidu(pages: list[list[dict]]) -> bytes:
    """Baidu's 通用文字识别（含位置）: a response a page, as JSON lines."""
    def located(word: dict) -> dict:
        x0, y0, x1, y1 = _bbox(word)
        return {"words": word["text"], "location": {"left": x0, "top": y0, "width": x1 - x0, "height": y1 - y0},
                "vertexes_location": [{"x": x, "y": y} for x, y in word["corners"]]}

    return "\n".join(json.dumps({"log_id": 1733 + k, "words_result_num": len(words),
                                 "words_result": [located(w) for w in words]}, ensure_ascii=False)
                     for k, words in enumerate(pages)).encode()


def azure(pages: list[list[dict]]) -> bytes:
    """Azure's Read API: lines with their words inside (the lines are read, not the words again)."""
    def flat(word):
        return [v for corner in word["corners"] for v in corner]

    results = []
    for k, words in enumerate(pages, 1):
        lines = []
        for line in _lines(words):
            first, last = line[0]["corners"], line[-1]["corners"]
            box = [*first[0], *last[1], *last[2], *first[3]]
            lines.append({"boundingBox": box, "text": " ".join(w["text"] for w in line),
                          "words": [{"boundingBox": flat(w), "text": w["text"], "confidence": 0.99} for w in line]})
        results.append({"page": k, "angle": 0, "width": 2480, "height": 3508, "unit": "pixel", "lines": lines})
    return json.dumps({"status": "succeeded", "analyzeResult": {"version": "3.2", "readResults": results}},
                      ensure_ascii=False).encode()


def google(pages: list[list[dict]]) -> bytes:
    """Google Vision's response: the whole text first, then its words (textAnnotations), and again as
    pages of blocks of words of characters (fullTextAnnotation): the words are read, once."""
    def vertices(corners):
        return {"vertices": [{"x": x, "y": y} for x, y in corners]}

    def symbols(word: dict) -> list[dict]:
        """The word's characters, each boxed along the word's own slant."""
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = word["corners"]
        n = len(word["text"])

        def at(k: float) -> list[tuple[int, int]]:  # the top and bottom corners k/n of the way along
            return [(round(x0 + (x1 - x0) * k / n), round(y0 + (y1 - y0) * k / n)),
                    (round(x3 + (x2 - x3) * k / n), round(y3 + (y2 - y3) * k / n))]

        return [{"text": ch, "boundingBox": vertices([at(k)[0], at(k + 1)[0], at(k + 1)[1], at(k)[1]])}
                for k, ch in enumerate(word["text"])]

    responses = []
    for words in pages:
        whole = "\n".join(" ".join(w["text"] for w in line) for line in _lines(words))
        responses.append({
            "textAnnotations": [{"locale": "zh", "description": whole,
                                 "boundingPoly": vertices([(0, 0), (2480, 0), (2480, 3508), (0, 3508)])},
                                *({"description": w["text"], "boundingPoly": vertices(w["corners"])} for w in words)],
            "fullTextAnnotation": {"text": whole, "pages": [{"width": 2480, "height": 3508, "blocks": [
                {"paragraphs": [{"words": [{"symbols": symbols(w)} for w in words]}]}]}]}})
    return json.dumps({"responses": responses}, ensure_ascii=False).encode()


def google_pdf(pages: list[list[dict]]) -> bytes:
    """Google Vision's batch output for a PDF: the pages' characters only (fullTextAnnotation), each with
    its box; a number's digits are one number."""
    responses = json.loads(google(pages))["responses"]
    return json.dumps({"inputConfig": {"gcsSource": {"uri": "gs://bucket/report.pdf"}, "mimeType": "application/pdf"},
                       "responses": [{"fullTextAnnotation": r["fullTextAnnotation"], "context": {"pageNumber": k}}
                                     for k, r in enumerate(responses, 1)]}, ensure_ascii=False).encode()


def baidu_tables(pages: list[list[dict]]) -> bytes:
    """A pipeline's file of Baidu responses a page: 表格文字识别 for the tables (each cell boxed to its
    ruling lines, so a row's cells touch), 通用文字识别 for the prose lines."""
    results = []
    for k, words in enumerate(pages, 1):
        prose, cells = [], []
        for row, line in enumerate(_lines(words)):
            if len(line) < 3:
                prose += [{"words": w["text"], "location": [{"x": x, "y": y} for x, y in w["corners"]]} for w in line]
                continue
            (left, top), (right, rise) = line[0]["corners"][0], line[-1]["corners"][1]
            slant = (rise - top) / (right - left)  # the row's, from its first and last words
            for col, w in enumerate(line):
                (x0, y0), (x1, y1), (x2, y2), (x3, y3) = w["corners"]
                if col + 1 < len(line):  # the cell runs to the next one's rule, along the scan's slant
                    x1 = x2 = line[col + 1]["corners"][0][0]
                    y1, y2 = round(y0 + slant * (x1 - x0)), round(y3 + slant * (x2 - x3))
                cells.append({"cell_location": [{"x": x0, "y": y0}, {"x": x1, "y": y1}, {"x": x2, "y": y2}, {"x": x3, "y": y3}],
                              "row_start": row, "row_end": row + 1, "col_start": col, "col_end": col + 1, "words": w["text"]})
        results.append({"page": k, "api": "rest/2.0/ocr/v1/accurate", "response": {"words_result": prose}})
        results.append({"page": k, "api": "rest/2.0/ocr/v1/table", "response": {"tables_result": [
            {"table_location": [], "header": [], "body": cells, "footer": []}], "table_num": 1}})
    return json.dumps({"file": "report.pdf", "pages": len(pages), "results": results}, ensure_ascii=False).encode()


def aliyun(pages: list[list[dict]]) -> bytes:
    """Alibaba Cloud's RecognizeAdvanced: a response a page, its result a JSON string in the field Data."""
    return json.dumps([{"RequestId": f"B7250100-{k}", "Data": json.dumps({
        "content": " ".join(w["text"] for w in words), "height": 3508, "width": 2480,
        "prism_wordsInfo": [{"angle": 0, "word": w["text"], "prob": 95, "pos": [{"x": x, "y": y} for x, y in w["corners"]]}
                            for w in words]}, ensure_ascii=False)} for k, words in enumerate(pages)], ensure_ascii=False).encode()


def tencent_tables(pages: list[list[dict]], merged: tuple[int, int] | None = None) -> bytes:
    """Tencent Cloud's RecognizeTableAccurateOCR over a PDF: a response a page, its TableDetections the prose
    lines (Type 0, no row or column) and the tables' cells by row and column (Type 1). ``merged``: (page, row)
    whose first figure the recogniser merged with the next row's into one cell of two lines (2\n0)."""
    def polygon(x0, y0, x1, y1):
        return [{"X": x0, "Y": y0}, {"X": x1, "Y": y0}, {"X": x1, "Y": y1}, {"X": x0, "Y": y1}]

    responses = []
    for k, words in enumerate(pages):
        prose, cells, lines = [], [], _lines(words)
        rows = [line for line in lines if len(line) >= 3]
        for line in lines:
            if len(line) < 3:
                prose += [{"ColTl": -1, "RowTl": -1, "ColBr": -1, "RowBr": -1, "Text": w["text"], "Type": "body",
                           "Confidence": 95, "Polygon": polygon(*_bbox(w))} for w in line]
        skip = None
        for r, line in enumerate(rows):
            for c, w in enumerate(line):
                if (r, c) == skip:
                    continue
                box, text, down = _bbox(w), w["text"], 1
                if merged == (k, r) and c == next(j for j, x in enumerate(line) if x["text"].isdigit()):
                    # the merged cell runs from rule to rule: half a row's pitch above the one's middle and below the other's
                    below = rows[r + 1][c]
                    upper, lower = (box[1] + box[3]) / 2, (_bbox(below)[1] + _bbox(below)[3]) / 2
                    pitch = lower - upper
                    box = (box[0], upper - pitch / 2, max(box[2], _bbox(below)[2]), lower + pitch / 2)
                    text, down, skip = f"{text}\n{below['text']}", 2, (r + 1, c)
                cells.append({"ColTl": c, "RowTl": r, "ColBr": c + 1, "RowBr": r + down, "Text": text, "Type": "body",
                              "Confidence": 93, "Polygon": polygon(*box)})
        responses.append({"PdfPageNumber": k + 1, "Response": {"TableDetections": [
            {"Cells": prose, "Type": 0, "TableCoordPoint": []}, {"Cells": cells, "Type": 1, "TableCoordPoint": []}],
            "Angle": 0, "RequestId": f"f50bea63-{k}"}})
    return json.dumps({"Action": "RecognizeTableAccurateOCR", "Version": "2018-11-19", "IsPdf": True,
                       "Pages": responses}, ensure_ascii=False).encode()


def textract(pages: list[list[dict]]) -> bytes:
    """AWS Textract: a flat list of blocks, PAGE, LINE and WORD, the lines repeating their words' text (linked by
    ids, not nested), every box a fraction of the page; shuffled, as the service gives no reading order."""
    blocks, rng = [], random.Random(7)
    for k, words in enumerate(pages, 1):
        blocks.append({"BlockType": "PAGE", "Id": f"p{k}", "Page": k, "Geometry": {
            "BoundingBox": {"Width": 1.0, "Height": 1.0, "Left": 0.0, "Top": 0.0}}})
        for n, line in enumerate(_lines(words)):
            boxes = [_bbox(w) for w in line]
            x0, y0, x1, y1 = min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), \
                max(b[3] for b in boxes)
            blocks.append({"BlockType": "LINE", "Id": f"l{k}-{n}", "Page": k, "Text": " ".join(w["text"] for w in line),
                           "Geometry": {"BoundingBox": {"Width": (x1 - x0) / 2480, "Height": (y1 - y0) / 3508,
                                                        "Left": x0 / 2480, "Top": y0 / 3508}}})
            for m, word in enumerate(line):
                x0, y0, x1, y1 = _bbox(word)
                blocks.append({"BlockType": "WORD", "Id": f"w{k}-{n}-{m}", "Page": k, "Text": word["text"],
                               "Confidence": 99.1, "Geometry": {
                                   "BoundingBox": {"Width": (x1 - x0) / 2480, "Height": (y1 - y0) / 3508,
                                                   "Left": x0 / 2480, "Top": y0 / 3508},
                                   "Polygon": [{"X": x / 2480, "Y": y / 3508} for x, y in word["corners"]]}})
    rng.shuffle(blocks)
    return json.dumps({"DocumentMetadata": {"Pages": len(pages)}, "Blocks": blocks}, ensure_ascii=False).encode()


def djvu(pages: list[list[dict]]) -> bytes:
    """DjVu's hidden text (djvutoxml): a page an OBJECT, its lines' words with coords="x0,y1,x1,y0"."""
    out = ['<?xml version="1.0" encoding="UTF-8"?><DjVuXML><HEAD></HEAD><BODY>']
    for k, words in enumerate(pages):
        out.append(f'<OBJECT data="p{k}.djvu" type="image/x.djvu" height="3508" width="2480"><HIDDENTEXT><PAGECOLUMN>'
                   "<REGION><PARAGRAPH>")
        for line in _lines(words):
            out.append("<LINE>" + "".join(f'<WORD coords="{x0},{y1},{x1},{y0}">{escape(w["text"])}</WORD>'
                                          for w in line for x0, y0, x1, y1 in [_bbox(w)]) + "</LINE>")
        out.append("</PARAGRAPH></REGION></PAGECOLUMN></HIDDENTEXT></OBJECT>")
    return ("".join(out) + "</BODY></DjVuXML>").encode()


FORMATS = {"alto.xml": alto, "report.hocr": hocr, "tesseract.tsv": tsv, "paddle_result.txt": paddle_printed,
           "paddleocr_stdout.txt": paddle_log, "system_results.txt": paddle_system_results, "finereader.xml": finereader,
           "paddle.json": paddle_json, "baidu.jsonl": baidu, "azure.json": azure,
           "vision.json": google, "output-1-to-2.json": google_pdf, "baidu_pipeline.json": baidu_tables,
           "aliyun.json": aliyun, "tencent_table.json": tencent_tables, "textract.json": textract,
           "hidden_text.xml": djvu}


@pytest.mark.parametrize("slant", [0.0, 0.6, -0.4])
@pytest.mark.parametrize("name", FORMATS)
def test_an_ocr_result_is_read_by_its_words_places(name, slant):
    """An engine's words come back as the page's lines: a row's label and figures at one height (the
    scan's slant taken out), the figures parted into their cells, every page in turn."""
    v, pages = scanned_words(slant)
    data = FORMATS[name](pages)
    assert detect_format(data, name) == ("json" if name.endswith((".json", ".jsonl")) else "ocr")
    report = extract_bytes(data, name)
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def pdftohtml_xml(pages: list[list[dict]]) -> bytes:
    """poppler's pdftohtml -xml: a page's text runs, each with top, left, width and height, the page's footer first
    (poppler writes runs in the PDF's drawing order, not the reading order)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE pdf2xml SYSTEM "pdf2xml.dtd">', "",
           '<pdf2xml producer="poppler" version="22.12.0">']
    for k, words in enumerate(pages, 1):
        out += [f'<page number="{k}" position="absolute" top="0" left="0" height="3508" width="2480">',
                '\t<fontspec id="0" size="40" family="AAAAAA+SimSun" color="#000000"/>',
                f'<text top="3300" left="1180" width="120" height="40" font="0">第 {k} 页</text>']
        for w in words:
            x0, y0, x1, y1 = _bbox(w)
            out.append(f'<text top="{y0}" left="{x0}" width="{x1 - x0}" height="{y1 - y0}" font="0"><b>'
                       f'{escape(w["text"])}</b></text>')
        out.append("</page>")
    out.append("</pdf2xml>")
    return "\n".join(out).encode()


def test_a_pdf_converted_to_xml_by_pdftohtml_is_read_by_its_runs_places():
    """Blind round 59 (PDF to HTML converters): poppler's pdftohtml -xml (text runs with their boxes, the footer
    first) was read run by run as lines: no title found, the report refused."""
    v, pages = scanned_words()
    data = pdftohtml_xml(pages)
    assert detect_format(data, "P020250117368459127034.xml") == "ocr"
    report = extract_bytes(data, "P020250117368459127034.xml")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def pdftohtml_positioned(pages: list[list[dict]]) -> bytes:
    """poppler's pdftohtml -c -s -i: a div a page, each run a <p> placed by its top and left (no width), its font
    size its class's in the page's style sheet."""
    sizes = sorted({_bbox(w)[3] - _bbox(w)[1] for words in pages for w in words})
    out = ['<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>',
           '<style type="text/css"><!--\n\tp {margin: 0; padding: 0;}'
           + "".join(f"\t.ft{10 + n}{{font-size:{size}px;font-family:Times;}}\n" for n, size in enumerate(sizes))
           + "-->\n</style></head><body bgcolor=\"#A0A0A0\">"]
    for k, words in enumerate(pages, 1):
        out.append(f'<div id="page{k}-div" style="position:relative;width:2480px;height:3508px;">')
        for w in words:
            x0, y0, _, y1 = _bbox(w)
            out.append(f'<p style="position:absolute;top:{y0}px;left:{x0}px;white-space:nowrap" '
                       f'class="ft{10 + sizes.index(y1 - y0)}">{escape(w["text"])}</p>')
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out).encode()


def test_a_pdf_converted_to_positioned_html_by_pdftohtml_is_read_by_its_runs_places():
    """Blind round 59 (PDF to HTML converters): pdftohtml -c places each text run by its top and left in a page's div;
    read as a web page, every run was a line of its own and most cells of the tables were lost."""
    v, pages = scanned_words()
    data = pdftohtml_positioned(pages)
    assert detect_format(data, "W020240131385219746512-html.html") == "ocr"
    report = extract_bytes(data, "W020240131385219746512-html.html")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def _natural_width(text: str, size: float) -> float:
    return sum(size if "\u2e80" <= c <= "\uffe6" else size / 2 for c in text)


def pdfjs_viewer(pages: list[list[dict]], percent: bool, run: str = "span") -> bytes:
    """A report page saved from a browser showing it in pdf.js, inside the site's page: a div a page, its text layer a
    <span> a run placed by its left and top (px; or, in pdf.js 3 and later, % of the page with the size as
    calc(var(--scale-factor)*Npx)), stretched by scaleX to the PDF's width, in the PDF's drawing order (here: the
    figures drawn after the labels and rules); the page's number (- k -) at the height of its lowest row of figures, a watermark
    turned across the page, the viewer's toolbar above."""
    width, height, factor = 2480 / SCALE * 1.5, 3508 / SCALE * 1.5, 1.5
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title><style>.textLayer span'
           '{position:absolute;white-space:pre;color:transparent;transform-origin:0% 0%}</style></head><body>',
           '<div class="top-bar">首页 &gt; 政务公开 &gt; 年度报告</div><div id="toolbarContainer">'
           '<button class="toolbarButton">上一页</button><button class="toolbarButton">下一页</button>'
           '<span class="toolbarLabel">缩放</span></div><div id="viewer" class="pdfViewer">']
    for k, words in enumerate(pages, 1):
        lowest = max(_bbox(w)[1] for w in words if w["text"].isdigit() and _bbox(w)[0] > 1400)  # a row's last figure
        drawn = sorted(words, key=lambda w: w["text"].isdigit())
        runs = [*drawn, {"text": f"- {k} -", "corners": [(1180, lowest), (1300, lowest), (1300, lowest + 40),
                                                          (1180, lowest + 40)]}]
        page_style = f"--scale-factor: {factor}; width: {width:.0f}px; height: {height:.0f}px;"
        out.append(f'<div class="page" data-page-number="{k}" style="width: {width:.0f}px; height: {height:.0f}px;">'
                   f'<div class="canvasWrapper"><canvas id="page{k}"></canvas></div>'
                   f'<div class="textLayer" style="{page_style if percent else ""}">')
        figure = min((w for w in words if w["text"].isdigit() and _bbox(w)[0] > 1400), key=lambda w: _bbox(w)[1])
        _, top, _, bottom = (n / SCALE * factor for n in _bbox(figure))
        out.append(f'<span style="left: {width * 0.55:.0f}px; top: {top:.2f}px; font-size: {bottom - top:.2f}px; '
                   'transform: rotate(-45deg) scaleX(1.0);">内部资料</span>')  # from a row of figures
        for w in runs:
            x0, y0, x1, y1 = (n / SCALE * factor for n in _bbox(w))
            size = y1 - y0
            stretch = (x1 - x0) / _natural_width(w["text"], size)
            if percent:
                place = (f"left: {100 * x0 / width:.2f}%; top: {100 * y0 / height:.2f}%; "
                         f"font-size: calc(var(--scale-factor)*{size / factor:.2f}px)")
            else:
                place = f"left: {x0:.2f}px; top: {y0:.2f}px; font-size: {size:.2f}px"
            out.append(f'<{run} role="presentation" dir="ltr" style="{place}; font-family: serif; '
                       f'transform: scaleX({stretch:.5f});">{escape(w["text"])}</{run}><br role="presentation">')
        out.append('<div class="endOfContent"></div></div></div>')
    out.append("</div><div class=\"footer\">版权所有</div></body></html>")
    return "\n".join(out).encode()


@pytest.mark.parametrize("percent, run", [(False, "span"), (True, "span"), (False, "div")],
                         ids=["px", "percent", "div runs"])
def test_a_page_saved_from_a_pdf_viewer_is_read_by_its_text_layers_places(percent, run):
    """Blind round 72 (pdf.js text layers): a report shown in the browser's PDF viewer and saved as a web page holds
    its text as runs placed one by one; read as a page's blocks, every run was a line of its own and the tables were
    lost (633 cells of 12 reports). A page number at a table row's height had ended that row. Blind round 100: the
    oldest viewers place each run in a <div>, which was not read as a run."""
    v, pages = scanned_words()
    data = pdfjs_viewer(pages, percent, run)
    assert detect_format(data, "2024年度报告.html") == "html"
    report = extract_bytes(data, "2024年度报告.html")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_recognised_cell_of_two_lines_over_two_rows_gives_each_row_its_figure():
    """A table recogniser merged a row's first figure with the next row's (one cell over both: 2\n0): the cell
    was left out, its row a figure short, read as 0 where 2 was printed."""
    v, pages = scanned_words()
    page = next(k for k, words in enumerate(pages) if any(w["text"] == "2.没有现成信息需要另行制作" for w in words))
    rows = [line for line in _lines(pages[page]) if len(line) >= 3]
    row = next(r for r, line in enumerate(rows) if any(w["text"] == "2.没有现成信息需要另行制作" for w in line))
    report = extract_bytes(tencent_tables(pages, merged=(page, row)), "tencent_table.json")
    assert_every_cell(report, v)


def test_pp_structure_regions_and_their_tables_as_html():
    """PP-Structure's result file: a JSON line a region of the page, prose with its lines' boxes, a table
    as its recognised HTML inside the region's box."""
    v = values(seed=3)
    lines, top = [], 100
    for block in blocks(v):
        if isinstance(block, str):
            box = [[100, top], [2300, top], [2300, top + 60], [100, top + 60]]
            region = {"type": "text", "bbox": [100, top, 2300, top + 60],
                      "res": [{"text": block, "confidence": 0.98, "text_region": box}]}
            top += 80
        else:
            height = 70 * len(block)
            region = {"type": "table", "bbox": [100, top, 2300, top + height],
                      "res": {"html": f"<html><body>{html_table(block)}</body></html>"}}
            top += height + 20
        lines.append(json.dumps({**region, "img_idx": 0}))
    report = extract_bytes("\n".join(lines).encode(), "report_res.txt")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_words_found_in_any_order_make_the_same_lines():
    """An engine lists a table's words column by column, or at random: the lines are the places'."""
    _, pages = scanned_words(0.5)
    words = [Placed(w["text"], *_bbox(w), slope=(w["corners"][1][1] - w["corners"][0][1])
                    / max(1, w["corners"][1][0] - w["corners"][0][0])) for w in pages[0]]
    shuffled = words[:]
    random.Random(7).shuffle(shuffled)
    assert page_lines(shuffled) == page_lines(words)


def test_a_rows_figures_stand_apart_from_its_wrapped_label():
    """A label wrapped over two lines, its figures between them: three lines, the figures whole."""
    words = [Placed("（二）部分公开（区分处理的，只计这", 100, 100, 900, 140),
             *(Placed(str(n), 1000 + 150 * k, 124, 1040 + 150 * k, 164) for k, n in enumerate((12, 2, 0, 0, 1, 0, 15))),
             Placed("一情形，不计其他情形）", 100, 150, 600, 190)]
    assert page_lines(words) == ["（二）部分公开（区分处理的，只计这", "12\t2\t0\t0\t1\t0\t15", "一情形，不计其他情形）"]


def test_a_comma_found_low_on_its_line_stays_on_it():
    """Tesseract boxes a comma low and a 一 thin: the engine's line keeps them in their sentence."""
    line = ("p", 1)
    words = [Placed("收到申请", 100, 100, 260, 140, line=line), Placed("，", 262, 128, 272, 142, line=line),
             Placed("一", 274, 118, 310, 122, line=line), Placed("件", 312, 100, 350, 140, line=line)]
    assert page_lines(words) == ["收到申请，一件"]


def test_a_figure_the_engine_missed_leaves_its_column_empty():
    """A faint 0 not found: the row's other figures kept their columns (a row short of a figure was
    ambiguous throughout), and the missed one is blank (or inferred from the row's sum), never read."""

    v, pages = scanned_words(0.4, seed=5)
    row = next(w for words in pages for w in words if w["text"] == "（一）予以公开")
    line = [w for words in pages for w in words if w["line"] == row["line"] and w is not row and w["text"].isdigit()]
    missed = sorted(line, key=lambda w: w["corners"][0][0])[2]  # the third figure: 科研机构
    for words in pages:
        if missed in words:
            words.remove(missed)
    report = extract_bytes(alto(pages), "alto.xml")
    cell = forms.t3_cell("granted", "research_institution")
    got = report.cells[cell]
    assert (got.raw, got.status) in (("", "blank"), ("", "inferred")) and got.value in (None, v[cell])
    others = [c.id for c in forms.cells(forms.GOV_2021) if c.id.startswith("t3.granted.") and c.id != cell]
    assert [report.cells[c].value for c in others] == [v[c] for c in others]


def test_figures_evenly_spaced_but_one_step_keep_their_places():
    words = [Placed("（一）予以公开", 100, 100, 500, 140),
             *(Placed(str(n), 700 + 150 * k, 100, 730 + 150 * k, 140) for k, n in enumerate((12, 2, 0)) ),
             *(Placed(str(n), 700 + 150 * k, 100, 730 + 150 * k, 140) for k, n in ((4, 1), (5, 0), (6, 15)))]
    assert page_lines(words) == ["（一）予以公开\t12\t2\t0\t\t1\t0\t15"]


def test_an_ocr_result_without_a_recognised_word_says_so():
    """A Tesseract TSV of a page the engine found no word on (blank, or a photo) is refused by what it
    is: an OCR result without a word, not a text file without text."""
    blank = tsv([[]]) + b"5\t1\t1\t1\t1\t1\t10\t10\t40\t20\t-1\t \n"
    with pytest.raises(errors.EmptyFile) as refused:
        extract_bytes(blank, "scan.tsv")
    assert str(refused.value) == "scan.tsv: empty file: no recognised word in the OCR result"


def _as_tesseract_splits(pages: list[list[dict]]) -> list[list[dict]]:
    """The words as Tesseract's chi_sim gives them on a page scanned at high resolution: a Chinese word in pieces of
    two or three characters, a character's pitch apart; and a table's rules read as words (|) between its cells."""
    out = []
    for words in pages:
        split = []
        for line in _lines(words):
            for k, word in enumerate(line):
                x0, y0, x1, y1 = _bbox(word)
                if k and x0 - _bbox(line[k - 1])[2] > (y1 - y0):  # a column's gap: the rule between the cells
                    middle = (_bbox(line[k - 1])[2] + x0) // 2
                    split.append({"text": "|", "corners": [(middle, y0), (middle + 2, y0), (middle + 2, y1),
                                                            (middle, y1)], "line": word["line"]})
                text, pitch = word["text"], (x1 - x0) / len(word["text"])
                if len(text) < 4:
                    split.append(word)
                    continue
                pieces, at = [], 0  # runs of one script, the Chinese ones in pieces of three
                for run in re.findall(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+", text):
                    step = 3 if "\u4e00" <= run[0] <= "\u9fff" else len(run)
                    pieces += [(at + k, run[k:k + step]) for k in range(0, len(run), step)]
                    at += len(run)
                margin = 0.2 * (y1 - y0)
                for start, piece in pieces:
                    a, b = x0 + start * pitch + margin, x0 + (start + len(piece)) * pitch - margin
                    split.append({"text": piece, "line": word["line"],
                                  "corners": [(round(a), y0), (round(b), y0), (round(b), y1), (round(a), y1)]})
        out.append(split)
    return out


def test_tesseract_s_pieces_of_chinese_words_and_its_rules_read_as_words():
    """Blind round 53 (OCR engines' outputs): Tesseract's chi_sim at high resolution parts Chinese into "words" a
    character's pitch apart (安吉 县人民政 府 2022 年 … 年 度 报告), and reads a ruled table's borders as words (0 | 81):
    with a space between each piece neither the title nor the labels were found, and the report was refused."""
    v, pages = scanned_words()
    report = extract_bytes(hocr(_as_tesseract_splits(pages)), "scan.hocr")
    assert_every_cell(report, v)
    assert report.agency.name == AGENCY


def _recognised(report: list, service: str) -> bytes:
    """A table-recognition service's JSON of a report: its tables' cells placed by rows and columns (Baidu's
    row_start/row_end, Tencent's RowTl/RowBr, ends exclusive; Alibaba's ysc/yec, inclusive; PP-Structure's HTML),
    its paragraphs apart (Baidu, Alibaba) or in the page's order (PP-Structure) or as one-column tables (Tencent)."""
    from .official_form import placed

    texts = [block for block in report if isinstance(block, str)]
    tables = [block for block in report if not isinstance(block, str)]

    def cells(table, keys: tuple[str, str, str, str, str], inclusive: bool) -> list[dict]:
        r0, r1, c0, c1, text = keys
        return [{r0: r, r1: r + cell.rowspan - inclusive, c0: c, c1: c + cell.colspan - inclusive, text: cell.text}
                for r, c, cell in placed(table)]

    if service == "baidu":
        out = {"log_id": 1, "tables_result": [{"header": [], "body": cells(t, ("row_start", "row_end", "col_start",
                                                                             "col_end", "words"), False)}
                                               for t in tables], "paragraphs": texts}
    elif service == "tencent":
        prose = [{"Cells": [{"RowTl": k, "RowBr": k + 1, "ColTl": 0, "ColBr": 1, "Text": text}
                            for k, text in enumerate(texts)]}]
        out = {"Response": {"TableDetections": prose + [{"Cells": cells(t, ("RowTl", "RowBr", "ColTl", "ColBr", "Text"),
                                                                        False)} for t in tables]}}
    elif service == "alibaba":
        out = {"prism_paragraphInfo": [{"paragraphId": k, "word": text} for k, text in enumerate(texts)],
               "prism_tablesInfo": [{"tableId": k, "cellInfos": cells(t, ("ysc", "yec", "xsc", "xec", "word"), True)}
                                    for k, t in enumerate(tables)]}
    else:
        out = [{"page": 1, "layout": [{"type": "text", "res": [{"text": block}]} if isinstance(block, str) else
                                      {"type": "table", "res": {"html": html_table(block)}} for block in report]}]
    return json.dumps(out, ensure_ascii=False).encode()


@pytest.mark.parametrize("service", ["baidu", "tencent", "alibaba", "ppstructure"])
def test_a_table_recognition_service_s_result_is_read_cell_by_cell(service):
    """Blind round 133 (table-recognition services' JSON): the cells' text with their boxes was laid out as OCR words
    (no paragraph, no year: the report lost), or the tables were not found in any string."""
    v = values(seed=4)
    report = extract_bytes(_recognised(blocks(v), service), f"{service}.json")
    assert (report.agency.name, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


# --- PDF tools' positioned text (blind round 145) ---------------------------------------------------------


def _chars(word: dict) -> list[tuple[str, tuple[float, float, float, float]]]:
    """A word's characters, each an equal share of its box."""
    x0, y0, x1, y1 = _bbox(word)
    step = (x1 - x0) / len(word["text"])
    return [(c, (x0 + k * step, y0, x0 + (k + 1) * step, y1)) for k, c in enumerate(word["text"])]


def pdftotext_bbox(pages: list[list[dict]], layout: bool) -> bytes:
    """poppler's pdftotext -bbox (a page's words) or -bbox-layout (its words in lines of blocks of flows)."""
    out = ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "">',
           '<html xmlns="http://www.w3.org/1999/xhtml">', "<head><title>report</title></head>", "<body>", "<doc>"]
    for words in pages:
        out.append('  <page width="2480.000000" height="3508.000000">')
        out += ["<flow>", "<block>"] if layout else []
        for line in _lines(words) if layout else [words]:
            out += ["<line>"] if layout else []
            out += [f'    <word xMin="{x0:.6f}" yMin="{y0:.6f}" xMax="{x1:.6f}" yMax="{y1:.6f}">{escape(w["text"])}</word>'
                    for w in line for x0, y0, x1, y1 in [_bbox(w)]]
            out += ["</line>"] if layout else []
        out += ["</block>", "</flow>"] if layout else []
        out.append("  </page>")
    out += ["</doc>", "</body>", "</html>"]
    return "\n".join(out).encode()


def mutool_stext(pages: list[list[dict]], quads: bool) -> bytes:
    """mutool draw -F stext: a page's blocks of lines, each character with its bbox (or its quad's four corners)."""
    out = ['<?xml version="1.0"?>', '<document name="report.pdf">']
    for k, words in enumerate(pages, 1):
        out += [f'<page id="page{k}" width="2480" height="3508">', '<block bbox="0 0 2480 3508">']
        for line in _lines(words):
            out += ['<line bbox="0 0 0 0" wmode="0" dir="1 0">', '<font name="SimSun" size="40">']
            for w in line:
                for c, (x0, y0, x1, y1) in _chars(w):
                    where = (f'quad="{x0} {y0} {x1} {y0} {x0} {y1} {x1} {y1}"' if quads
                             else f'bbox="{x0} {y0} {x1} {y1}"')
                    out.append(f'<char {where} x="{x0}" y="{y1}" c="{escape(c, quote=True)}"/>')
            out += ["</font>", "</line>"]
        out += ["</block>", "</page>"]
    out.append("</document>")
    return "\n".join(out).encode()


def pymupdf(pages: list[list[dict]], kind: str) -> bytes:
    """PyMuPDF's page.get_text(kind) for each page, dumped as JSON: "dict" (spans with their text and bbox),
    "rawdict" (each span's characters, c and bbox), "words" (x0, y0, x1, y1, word, block, line, number)."""
    out = []
    for k, words in enumerate(pages, 1):
        if kind == "words":
            out.append({"page": k, "words": [[*_bbox(w), w["text"], 0, n, i] for n, line in enumerate(_lines(words))
                                            for i, w in enumerate(line)]})
            continue
        lines = []
        for line in _lines(words):
            spans = []
            for w in line:
                span = {"size": 40.0, "font": "SimSun", "origin": [_bbox(w)[0], _bbox(w)[3]], "bbox": list(_bbox(w))}
                if kind == "dict":
                    span["text"] = w["text"]
                else:
                    span["chars"] = [{"origin": [box[0], box[3]], "bbox": list(box), "c": c} for c, box in _chars(w)]
                spans.append(span)
            lines.append({"spans": spans, "wmode": 0, "dir": [1.0, 0.0], "bbox": list(_bbox(line[0]))})
        out.append({"page": k, "width": 2480, "height": 3508, "blocks": [{"number": 0, "type": 0, "lines": lines}]})
    return json.dumps(out, ensure_ascii=False).encode()


def pdfplumber_words(pages: list[list[dict]], csv_file: bool) -> bytes:
    """pdfplumber's page.extract_words() for each page, dumped as JSON, or as CSV with a page column."""
    rows = [{"page": k, "text": w["text"], "x0": x0, "x1": x1, "top": y0, "bottom": y1, "upright": True}
            for k, words in enumerate(pages, 1) for w in words for x0, y0, x1, y1 in [_bbox(w)]]
    if not csv_file:
        return json.dumps(rows, ensure_ascii=False).encode()
    import csv

    out = io.StringIO()
    writer = csv.DictWriter(out, ["page", "x0", "top", "x1", "bottom", "text"], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


PDF_TOOLS = {"report_bbox.html": lambda p: pdftotext_bbox(p, False), "report_layout.html": lambda p: pdftotext_bbox(p, True),
             "report.stext": lambda p: mutool_stext(p, False), "report_quads.xml": lambda p: mutool_stext(p, True),
             "dict.json": lambda p: pymupdf(p, "dict"), "rawdict.json": lambda p: pymupdf(p, "rawdict"),
             "words.json": lambda p: pymupdf(p, "words"), "plumber.json": lambda p: pdfplumber_words(p, False),
             "plumber.csv": lambda p: pdfplumber_words(p, True)}


@pytest.mark.parametrize("name", PDF_TOOLS)
def test_a_pdf_tool_s_positioned_text_is_read_by_its_words_places(name):
    """Blind round 145 (PDF tools' outputs): mutool's structured text, PyMuPDF's rawdict and words, pdfplumber's words
    as JSON or CSV were refused as no report; pdftotext -bbox was read as a web page, its words a line, a page's folio
    (— 1 —) read into table 2's row. Each is laid out by its words' (or characters') boxes, as an OCR result is."""
    v, pages = scanned_words()
    shuffled = [random.Random(k).sample(words, len(words)) for k, words in enumerate(pages)]
    data = PDF_TOOLS[name](shuffled if name == "words.json" else pages)
    report = extract_bytes(data, name)
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_structured_text_file_declaring_an_entity_bomb_is_read_without_it():
    """Blind round 146 (hostile, fifth): mutool stext whose doctype declares a billion laughs, referenced in its
    metadata only: libxml2 stopped at the entities and no word was read (the file refused as empty). The doctype's
    declarations are left out, their references with them, the words read."""
    v, pages = scanned_words()
    bomb = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{k} "' + ("&lol" + str(k - 1 or "") + ";") * 10 + '">'
                                      for k in range(1, 10)]
    data = mutool_stext(pages, False).replace(b"<document ", ("<!DOCTYPE document [\n" + "\n".join(bomb)
                                                              + "\n]>\n<document ").encode(), 1)
    data = data.replace(b'name="report.pdf">', b'name="report.pdf"><metadata>&lol9;</metadata>', 1)
    report = extract_bytes(data, "report.stext")
    assert_every_cell(report, v)


def page_xml(words: list[dict], k: int, points: bool = True) -> bytes:
    """A page of Transkribus' PAGE XML export: a TextRegion a line, its TextLine's Words each outlined by its Coords
    (points="x,y …", or Point children in the 2010 schema) with its text in TextEquiv, the line's text after them."""
    def coords(box: tuple[int, int, int, int]) -> str:
        x0, y0, x1, y1 = box
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        if points:
            return '<Coords points="' + " ".join(f"{x},{y}" for x, y in corners) + '"/>'
        return "<Coords>" + "".join(f'<Point x="{x}" y="{y}"/>' for x, y in corners) + "</Coords>"

    schema = "2019-07-15" if points else "2010-03-19"
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           f'<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/{schema}">'
           "<Metadata><Creator>Transkribus</Creator></Metadata>",
           f'<Page imageFilename="scan_{k:03d}.jpg" imageWidth="2480" imageHeight="3508">']
    for n, line in enumerate(_lines(words)):
        boxes = [_bbox(w) for w in line]
        around = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        out.append(f'<TextRegion id="r{n}">{coords(around)}<TextLine id="r{n}_l1">{coords(around)}')
        out += [f'<Word id="r{n}_w{j}">{coords(_bbox(w))}<TextEquiv><Unicode>{escape(w["text"])}</Unicode></TextEquiv>'
                "</Word>" for j, w in enumerate(line)]
        text = " ".join(w["text"] for w in line)
        out.append(f"<TextEquiv><Unicode>{escape(text)}</Unicode></TextEquiv></TextLine></TextRegion>")
    out.append("</Page></PcGts>")
    return "\n".join(out).encode()


@pytest.mark.parametrize("points", [True, False], ids=["points", "Point children"])
def test_page_xml_exports_of_a_scan_are_read_by_their_words_outlines(points):
    """Blind round 147 (page-layout outputs): a scan recognised in Transkribus and exported as PAGE XML, a file a page
    zipped with its METS file, was read as the XML's text, its words in no order a table keeps: 189 and 198 cells
    of two reports lost, 4 read wrong (6 for 行政许可's 9821)."""
    import zipfile

    v, pages = scanned_words()
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("export/mets.xml", '<?xml version="1.0"?><mets xmlns="http://www.loc.gov/METS/"><fileSec/></mets>')
        for k, words in enumerate(pages, 1):
            z.writestr(f"export/page/{k:04d}_scan_{k:03d}.xml", page_xml(words, k, points))
    first = page_xml(pages[0], 1, points)
    assert detect_format(first, "0001_scan_001.xml") == "ocr"
    report = extract_bytes(bundle.getvalue(), "transkribus_export.zip")
    assert (report.agency.name_normalized, report.year) == (AGENCY, YEAR)
    assert_every_cell(report, v)


def test_a_pdf_js_4_page_in_the_viewer_s_own_scale_keeps_a_sentence_s_figure_in_its_sentence():
    """Blind round 147: pdf.js 4 sizes a page as round(down, var(--scale-factor) * 595px, 1px) and its runs as
    calc(var(--scale-factor)*16px), the factor set in a style sheet. The page's size was not read (an A4 page of 1000
    px assumed) and the runs were boxed too narrow: a sentence whose figure is a run of its own (收到申请 | 4 | 件)
    was parted as cells, and its figure lost to the prose."""
    v = values(seed=3)
    new = v["t3.new_received.total"]
    lines = [[f"{AGENCY}{YEAR}年政府信息公开工作年度报告"], ["一、总体情况"],
             [f"{YEAR}年，本机关共收到政府信息公开申请", str(new), "件，均已按时答复。"],
             *[[line] for line in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                   "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                   "工作仍有不足，下一步将继续改进。", "六、其他需要报告的事项", "本年度未收取信息处理费。")]]
    spans = []
    for n, runs in enumerate(lines):
        left = 72.0
        for text in runs:
            spans.append(f'<span role="presentation" dir="ltr" style="left: {100 * left / 595:.2f}%; '
                         f'top: {100 * (90 + 30 * n) / 842:.2f}%; font-size: calc(var(--scale-factor)*16.00px); '
                         f'font-family: sans-serif; transform: scaleX(1);">{escape(text)}</span>')
            left += _natural_width(text, 16.0)
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>:root{--scale-factor:1.5}</style></head><body>'
            '<div id="viewer" class="pdfViewer"><div class="page" data-page-number="1" style="width: round(down, '
            'var(--scale-factor) * 595px, 1px); height: round(down, var(--scale-factor) * 842px, 1px);">'
            '<div class="textLayer" style="--total-scale-factor: 1.5;">' + "".join(spans) + "</div></div></div>"
            "</body></html>")
    report = extract_bytes(page.encode(), "2023年度报告.html")
    assert [(f.value, f.headline) for f in report.narrative if f.key == "applications_received"] == [(new, True)]



@pytest.mark.parametrize("gutter, joined", [(2.3, True), (2.9, True), (4.0, False)])
def test_a_viewer_s_run_ending_a_clause_goes_on_in_the_next_short_of_a_gutter(gutter, joined):
    """Blind round 171 (h516): a pdf.js page whose runs break after a clause (2023年， | 江阴市人民政府…) and whose PDF
    drew digits wider than the estimate's half a size: the gap after the comma came to two or three sizes, wider than
    a column's gap measured in the page's usual height (the tables' smaller type), and the sentence was parted as
    cells, its figures lost to the prose. A gap after a clause, short of three of its own sizes, is none; a wider one
    parts two columns of text."""
    size, small = 14.67, 10.5
    first = "依申请公开方面，全年共收到政府信息公开申请228件，"
    end = 76 + _natural_width(first, size)
    words = [Placed(first, 76, 100, end, 100 + size), Placed("上年结转11件。", end + gutter * size, 100, 700, 100 + size)]
    words += [Placed(text, x, 140 + 14 * row, x + 30, 140 + 14 * row + small)
              for row in range(12) for x, text in ((76, "行政处罚"), (300, "12"), (400, "0"), (500, "3"))]
    line = page_lines(words)[0]
    assert (line == first + "上年结转11件。") == joined and ("\t" in line) != joined


def test_a_viewer_s_table_whose_blank_cells_leave_two_columns_is_placed_by_its_header():
    """Blind round 147: a street office's table 3 printed only 自然人 and 总计, every other cell blank, in a pdf.js text
    layer: its rows' two values could not be told from two others' (4 4, every cell unsure). The header's words
    (自然人 | 商业企业 … | 总计) place them, and the table's last rows on the next page take the columns of the page
    before. (So placed but for its last row, a table had ended the read in an internal error.)"""
    v = values(seed=3)
    for cell in forms.cells(GOV_2021):
        if cell.table == "t3" and cell.id.rsplit(".", 1)[1] not in ("natural_person", "total"):
            v[cell.id] = None
        elif cell.table == "t3" and cell.id.endswith(".total"):
            v[cell.id] = v[cell.id.removesuffix("total") + "natural_person"]
    for cell in forms.cells(GOV_2021):
        if cell.table == "t3" and v[cell.id] == 0:
            v[cell.id] = None
    pages = []
    with pdfplumber.open(io.BytesIO(form_pdf(v, ruled=False))) as pdf:
        for page in pdf.pages:
            pages.append([{"text": w["text"], "line": round(w["top"]),
                           "corners": [(round(SCALE * x), round(SCALE * y)) for x, y in ((w["x0"], w["top"]),
                                       (w["x1"], w["top"]), (w["x1"], w["bottom"]), (w["x0"], w["bottom"]))]}
                          for w in page.extract_words(keep_blank_chars=False, x_tolerance=1.5)])
    report = extract_bytes(pdfjs_viewer(pages, percent=True), "2023年度报告.html")
    got = {c.id: (report.cells[c.id].status, report.cells[c.id].value) for c in forms.cells(GOV_2021) if c.table == "t3"}
    blank = {c for c, (status, value) in got.items() if v[c] is None and (status, value) in (("blank", None), ("inferred", 0))}
    assert got == {c.id: ("reported", v[c.id]) if v[c.id] is not None else got[c.id] if c.id in blank else ("blank", None)
                   for c in forms.cells(GOV_2021) if c.table == "t3"}  # (a blank the sums settle: 0, inferred)
