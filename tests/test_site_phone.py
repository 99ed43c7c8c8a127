"""The built site on a phone (390×844) and a desktop (1366×768), in headless Chromium.

What a reader on a phone needs: tables that keep their row labels readable, nothing
wider than the screen except containers that scroll and say so, failing cells
reached by their link, ids that are not broken, citations not covered by buttons.
Screenshots of both sizes go to tests/screenshots/ for people to look at. Unlike
test_site_browser.py, these tests measure rendered text, so they need a CJK font
(fonts-noto-cjk, installed by `make test`); one of them says so when it is missing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from builder.site.pages import EVIDENCE_CELLS

from .conftest import CORPUS_FILES
from .test_site_browser import AXE, GUYUAN, PENGYANG, SCREENSHOTS, Session, Site, browser, recording, site  # noqa: F401

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SIZES = {"phone": PHONE, "desktop": DESKTOP}

# Elements that stick out of the screen, unless a scrolling container (or the
# off-screen navigation drawer) holds them; and the page's own width.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth, out = [];
  const held = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= width) continue;
    if ((r.right > width + 0.5 || r.left < -0.5) && !held(el))
      out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}…${Math.round(r.right)}`);
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, wide: out};
}"""

# Row labels of the form tables: their width in characters of their own font.
LABELS_JS = """table => [...table.querySelectorAll('tbody th:not(.grp)')].map(th => {
  const style = getComputedStyle(th);
  const inner = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [th.textContent.trim(), inner / parseFloat(style.fontSize)];
})"""


@pytest.fixture(params=list(SIZES))
def sized(request, browser) -> Iterator[tuple[str, Session]]:  # noqa: F811
    with recording(browser, viewport=SIZES[request.param]) as session:
        yield request.param, session


def report_path(site: Site, source: str) -> str:  # noqa: F811
    return f"reports/{site.report(source)['report_id']}/"


def assert_fits(page: Page) -> None:
    found = page.evaluate(OVERFLOW_JS)
    assert found["scrollWidth"] <= found["width"], f"{page.url}: the page is {found['scrollWidth']} px wide"
    assert not found["wide"], f"{page.url}: wider than the screen outside a scrolling box: {found['wide']}"


def table_height(session: Session, url: str, table: str) -> float:
    page = session.open(url)
    return page.locator(f"article table.{table}").bounding_box()["height"]


@pytest.mark.parametrize("source", [GUYUAN, PENGYANG])
def test_table_3_keeps_its_labels_on_a_phone(browser, site, source):  # noqa: F811
    url = site.url(report_path(site, source))
    heights = {}
    for name, viewport in SIZES.items():
        with recording(browser, viewport=viewport) as session:
            heights[name] = table_height(session, url, "t3")
            page = session.context.pages[-1]
            for table in ("t2", "t3"):
                labels = page.locator(f"article table.{table}").evaluate(LABELS_JS)
                narrow = [(label, round(ems, 1)) for label, ems in labels if ems < 4]
                assert not narrow, f"{name}: {table} row labels narrower than 4 characters: {narrow}"
    # Before the phone layout, table 3 was 4.1 to 5.8 times as tall on a phone.
    assert heights["phone"] < 2.2 * heights["desktop"], heights


@pytest.mark.parametrize("path", ["", "regions/", "regions/640000/", "rules/", "rules/t3.balance/", "years/",
                                  "methodology/", "report:" + GUYUAN, "report:" + PENGYANG, "agency:" + PENGYANG])
def test_nothing_wider_than_the_screen(sized, site, path):  # noqa: F811
    _, session = sized
    if path.startswith("report:"):
        path = report_path(site, path.removeprefix("report:"))
    elif path.startswith("agency:"):
        path = f"agencies/{site.report(path.removeprefix('agency:'))['agency_id']}/"
    page = session.open(site.url(path))
    assert_fits(page)
    # Ids are read whole: one line each.
    broken = page.eval_on_selector_all("article code.id", """els => els.filter(e => e.getClientRects().length > 1
        || e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).fontSize)).map(e => e.textContent)""")
    assert not broken, f"ids broken across lines: {broken}"


def test_a_failing_cell_is_reached_by_its_link_on_a_phone(browser, site):  # noqa: F811
    with recording(browser, viewport=PHONE) as session:
        row = site.report(GUYUAN)
        page = session.open(site.url(report_path(site, GUYUAN)))
        box = page.locator("article .scroll-box:has(table.t4)")
        assert "overflowing" in box.get_attribute("class"), "table 4 fits a phone: this test needs a wider table"
        assert "more-right" in box.get_attribute("class")
        assert box.evaluate("b => getComputedStyle(b, '::before').content").strip('"').startswith("表格较宽")
        scroller = page.locator("article .scroll-x:has(table.t4)")
        assert scroller.get_attribute("tabindex") == "0" and scroller.get_attribute("role") == "region"
        links = page.locator("article tr#check-t4\\.group_sums .evidence a[href^='#c-t4-']")
        assert links.count() == EVIDENCE_CELLS == 5
        link = links.last
        target = link.get_attribute("href")
        cell = page.locator(f"article td{target}")
        assert cell.evaluate("td => td.getBoundingClientRect().left") > PHONE["width"], "the cell starts on screen"
        link.click()
        page.wait_for_function(f"() => location.hash === '{target}'")
        rect = cell.bounding_box()
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= PHONE["width"], rect
        header = page.locator("header.md-header").bounding_box()["height"]
        assert header <= rect["y"] and rect["y"] + rect["height"] <= PHONE["height"], rect
        assert cell.evaluate("td => getComputedStyle(td).outlineStyle") != "none"
        assert "more-left" in box.get_attribute("class")
        assert row["badge"] == "不一致"


@pytest.mark.parametrize("source", [GUYUAN])
def test_copy_buttons_leave_the_citation_readable(sized, site, source):  # noqa: F811
    _, session = sized
    page = session.open(site.url(report_path(site, source)))
    overlaps = page.eval_on_selector_all("article .cite-entry", """entries => entries.map(entry => {
        const a = entry.querySelector('.cite-text').getBoundingClientRect();
        const b = entry.querySelector('button.copy').getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    })""")
    assert overlaps and not any(overlaps), overlaps


def test_check_list_is_one_card_per_rule_on_a_phone(browser, site):  # noqa: F811
    with recording(browser, viewport=PHONE) as session:
        page = session.open(site.url(report_path(site, PENGYANG)))
        rows = page.eval_on_selector_all("article table.checks tbody tr", """rows => rows.map(tr => {
            const r = tr.getBoundingClientRect(), cell = tr.querySelector('td:last-child').getBoundingClientRect();
            return [getComputedStyle(tr).display, r.width, cell.width];
        })""")
        assert rows
        for display, width, evidence in rows:
            assert display == "block" and evidence >= 0.9 * width  # the evidence gets the card's whole width


@pytest.mark.parametrize("path", ["report:" + GUYUAN, "agency:" + PENGYANG, "rules/t4.group_sums/", "about/"])
def test_accessibility_on_a_phone(browser, site, path):  # noqa: F811
    """The phone layout (cards, vertical heads, scroll boxes) keeps axe's serious rules."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make browser` at the project root")
    if path.startswith("report:"):
        path = report_path(site, path.removeprefix("report:"))
    elif path.startswith("agency:"):
        path = f"agencies/{site.report(path.removeprefix('agency:'))['agency_id']}/"
    with recording(browser, viewport=PHONE) as session:
        page = session.open(site.url(path))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, "\n".join(serious)


def test_screenshots_phone_and_desktop(sized, site):  # noqa: F811
    name, session = sized
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for source in (GUYUAN, PENGYANG):
        page = session.open(site.url(report_path(site, source)))
        png = page.screenshot(path=SCREENSHOTS / f"report-{CORPUS_FILES.index(source)}-{name}.png", full_page=True)
        assert png.startswith(b"\x89PNG")
    page = session.open(site.url(f"agencies/{site.report(PENGYANG)['agency_id']}/"))
    page.screenshot(path=SCREENSHOTS / f"agency-{name}.png", full_page=True)


# The report's heading as printed, drawn in the page's colour or transparent; with each Chinese
# character replaced by a private-use one (no font has those: drawn as the missing-glyph box, as
# Chinese is when no CJK font is installed); or by the next Chinese character of the heading.
HEADING_AS = """(h1, how) => {
  if (!h1.dataset.text) h1.dataset.text = h1.textContent;
  const text = h1.dataset.text, han = /[\\u3400-\\u9fff]/g, chars = text.match(han) || [];
  let i = 0;
  h1.style.color = how === 'blank' ? 'transparent' : '';
  h1.textContent = how === 'boxes' ? text.replace(han, ch => String.fromCharCode(0xe000 + ch.charCodeAt(0) % 256))
    : how === 'shifted' ? text.replace(han, () => chars[++i % chars.length]) : text;
}"""


def differing(a: bytes, b: bytes) -> float:
    """The share of pixels that differ between two screenshots of one element."""
    from io import BytesIO

    from PIL import Image, ImageChops

    first, second = (Image.open(BytesIO(png)).convert("L") for png in (a, b))
    if first.size != second.size:
        return 1.0
    diff = ImageChops.difference(first, second).point(lambda v: 255 if v > 40 else 0)
    return sum(diff.histogram()[255:]) / (first.size[0] * first.size[1])


def test_screenshots_show_chinese_glyphs(sized, site):  # noqa: F811
    """Fails without a CJK font (fonts-noto-cjk, installed by `make test`): Chinese would be boxes."""
    _, session = sized
    page = session.open(site.url(report_path(site, PENGYANG)))
    heading = page.locator("article h1")
    shots = {}
    for how in ("text", "blank", "boxes", "shifted"):
        heading.evaluate(HEADING_AS, how)
        shots[how] = heading.screenshot(animations="disabled")
    assert differing(shots["text"], shots["blank"]) > 0.02, "the heading draws nothing"
    assert differing(shots["text"], shots["boxes"]) > 0.02, \
        "Chinese is drawn as missing-glyph boxes: install a CJK font (apt-get install fonts-noto-cjk)"
    assert differing(shots["text"], shots["shifted"]) > 0.02, "every Chinese character is drawn alike"
