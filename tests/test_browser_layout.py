"""Every page type on a 360 px phone, and every procedure on A4 paper, in a real Chromium.

Phones: nothing is wider than the screen and no table cell hides text (record tables become
label/value blocks). Paper: a procedure prints on at most two A4 pages with the agency's name,
the page's address and the day the information was published, without a clipped table or a
heading left alone at the foot of a page. Reuses the served sites of tests/test_browser.py.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.site_helpers import ROOT
from tests.test_browser import browser, server, workflow_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
PAGE_TYPES = {
    "home": "",
    "procedure": "thu-tuc/chung-nhan-lanh-su-hop-phap-hoa-lanh-su/",
    "procedure with forms": "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/",
    "notice sheet": "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/niem-yet/",
    "procedure index": "thu-tuc/",
    "legal": "van-ban/luat-49-2019-qh14/",
    "legal index": "van-ban/",
    "workflow index": "quy-trinh/",
    "announcement": "thong-bao/tong-dai-bao-ho-cong-dan-bo-ngoai-giao/",
    "announcements index": "thong-bao/",
    "archive": "thong-bao/luu-tru/2025/",
    "data index": "du-lieu/",
    "dashboard": "minh-bach/",
    "contacts": "lien-he/",
    "not found": "404.html",
}
PROCEDURES = sorted(path.stem for path in (ROOT / "data" / "procedures").glob("*.yml"))
AGENCY = "Sở Ngoại vụ tỉnh Lạng Sơn"  # site_name in mkdocs.yml

# Boxes that stick out of the screen, and boxes whose content is cut off or scrolls sideways inside
# them, ignoring what the reader cannot see: empty, transparent, invisible or visually hidden boxes
# (kept for screen readers), and Material's panels that wait closed (the navigation drawer
# off-screen, the search dialog at zero height).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const unseen = element => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e), box = e.getBoundingClientRect();
      if (style.opacity === '0' || style.visibility === 'hidden') return true;
      if (style.overflow !== 'visible' && (box.width <= 1 || box.height <= 1)) return true;  // visually hidden
      if (style.position === 'fixed' && (box.right <= 0 || box.left >= width)) return true;
    }
    return false;
  };
  const out = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || unseen(element)) continue;
    const name = `${element.tagName.toLowerCase()}.${element.className.baseVal ?? element.className}`;
    if (box.right > width + 0.5 || box.left < -0.5) out.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    const overflowX = getComputedStyle(element).overflowX;
    if (overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1) {
      out.push(`${name} holds ${element.scrollWidth}px in ${element.clientWidth}px`);
    }
  }
  return out;
}"""
# Table cells whose text does not fit inside them (it would be cut off or need scrolling).
CLIPPED_CELLS = """() => [...document.querySelectorAll('td, th')]
  .filter(cell => cell.getClientRects().length && cell.scrollWidth > cell.clientWidth + 1)
  .map(cell => `${cell.tagName.toLowerCase()} "${cell.textContent.trim().slice(0, 40)}" ${cell.scrollWidth} > ${cell.clientWidth}`)"""


@pytest.fixture(scope="module")
def phone(browser):  # noqa: F811 - the fixture imported above
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def _assert_fits_the_screen(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    sideways = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert sideways <= 0, f"{url} scrolls sideways by {sideways}px"
    assert page.evaluate(OVERFLOWING) == [], url
    assert page.evaluate(CLIPPED_CELLS) == [], url


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_fits_a_360px_phone(server, phone, path):  # noqa: F811
    _assert_fits_the_screen(phone, server + path)


def test_a_workflow_page_fits_a_360px_phone(workflow_server, phone):  # noqa: F811
    _assert_fits_the_screen(phone, workflow_server + "quy-trinh/qt-hop-phap-hoa/")


def test_record_tables_become_labelled_blocks_on_a_phone(server, phone):  # noqa: F811
    phone.goto(server + "thu-tuc/", wait_until="networkidle")
    cells = phone.eval_on_selector_all(
        ".mb-records td",
        "cells => cells.map(c => [c.dataset.label || '', getComputedStyle(c, '::before').content, c.getBoundingClientRect().width])")
    width = phone.evaluate("document.querySelector('.md-content__inner').clientWidth")
    assert any(label for label, _, _ in cells)
    for label, before, cell_width in cells:
        assert before == "none" if not label else label in before  # the column's name before the value
        assert cell_width > width * 0.8  # each value has the block's whole width, not a column's
    assert min(_words_per_line(phone)) >= 3  # not one or two words per line


def test_badges_wrap_and_leave_names_room_on_the_desktop(server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "thu-tuc/", wait_until="networkidle")
    words_per_line = _words_per_line(page)
    context.close()
    assert min(words_per_line) >= 3, words_per_line


def _words_per_line(page) -> list[float]:
    """Words per line of each procedure name in the catalogue's tables."""
    found = page.eval_on_selector_all(
        ".mb-records td.mb-cell-title a",
        "links => links.map(a => a.textContent.trim().split(/\\s+/).length / a.getClientRects().length)")
    assert found
    return found


def test_the_dashboard_chart_is_readable_on_a_phone(server, phone):  # noqa: F811
    phone.goto(server + "minh-bach/", wait_until="networkidle")
    sizes = phone.eval_on_selector_all(
        "svg.mb-chart text", "texts => texts.map(t => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))")
    assert sizes and min(sizes) >= 12, sizes


@pytest.mark.parametrize("width", [360, 600, 960, 1220, 1280, 1920])
def test_the_search_placeholder_fits_the_box(server, browser, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server, wait_until="networkidle")
    if width < 960:  # Material shows the search box on narrower screens when its button is pressed
        page.click("label.md-header__button[for='__search']")
        page.wait_for_function("document.querySelector('input.md-search__input').clientWidth === innerWidth")
    room, text = page.eval_on_selector("input.md-search__input", """input => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return [input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
              context.measureText(input.placeholder).width];
    }""")
    context.close()
    assert 0 < text <= room, (width, text, room)


def test_the_not_found_page_speaks_vietnamese_in_the_site_look(server, real_site, browser):  # noqa: F811
    """The host answers a missing address deep in the site with 404.html: it must still find its
    styles and lead back into the site."""
    missing = server + "thu-tuc/khong-co/trang-nay/"
    context = browser.new_context()
    page = context.new_page()
    page.route(missing, lambda route: route.fulfill(status=404, content_type="text/html; charset=utf-8",
                                                    body=(real_site / "404.html").read_bytes()))
    page.goto(missing, wait_until="networkidle")
    heading = page.inner_text("article h1")
    text = page.inner_text("body")
    header = page.eval_on_selector(".md-header", "h => getComputedStyle(h).backgroundColor")
    links = page.eval_on_selector_all("article a[href]", "links => links.map(a => [a.getAttribute('href'), a.href])")
    context.close()
    assert heading == "Không tìm thấy trang" and "Not found" not in text
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")  # Material's stylesheet was found
    assert all(href.startswith("/") for href, _ in links)
    assert {server, server + "thu-tuc/", server + "lien-he/"} <= {resolved.removesuffix(".") for _, resolved in links}


def test_a_dossier_form_without_a_file_says_so(server, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/", wait_until="networkidle")
    cell = page.inner_text(".mb-dossier td[data-label='Mẫu đơn, tờ khai']:has-text('CV01')")
    listed = page.inner_text("ul.mb-forms")
    context.close()
    assert "chưa có mẫu điện tử" in cell and "chưa có mẫu điện tử" in listed


def _pdf_text(pdf: bytes) -> tuple[str, list[list[str]]]:
    """The PDF's text in drawing order, which keeps each table cell's words together, and the lines
    of each page from top to bottom (pypdf's layout mode places text by its position)."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    drawn = " ".join(unicodedata.normalize("NFC", page.extract_text()) for page in pages)
    lines = []
    for page in pages:
        text = unicodedata.normalize("NFC", page.extract_text(extraction_mode="layout"))
        lines.append([" ".join(line.split()) for line in text.splitlines() if line.strip()])
    return " ".join(drawn.split()), lines


@pytest.fixture(scope="module")
def paper(browser):  # noqa: F811 - the fixture imported above
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_a_procedure_prints_on_at_most_two_a4_pages(server, paper, procedure):  # noqa: F811
    paper.goto(server + f"thu-tuc/{procedure}/", wait_until="networkidle")
    headings = paper.eval_on_selector_all("article h2", "hs => hs.map(h => h.textContent.replace('¶', '').trim())")
    # Cells of one style (headers, plain values): Chromium leaves out of the PDF what a table's frame cuts off.
    cells = paper.eval_on_selector_all("article th, article td", "cs => cs.filter(c => !c.children.length).map(c => c.textContent)")
    text, pages = _pdf_text(paper.pdf(format="A4"))
    assert len(pages) <= 2, f"{procedure}: {len(pages)} pages"
    assert AGENCY in text
    assert re.search(r"Thông tin tại ngày \d{2}/\d{2}/\d{4}", text), text[:300]
    assert f"thu-tuc/{procedure}/" in text.replace(" ", "")  # the page's address, wherever it wraps
    cut = [cell for cell in (" ".join(c.split()) for c in cells) if cell not in text]
    assert cut == [], f"{procedure}: table cells cut off in print"
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines[-1] not in headings, f"{procedure}: heading alone at the foot of page {number}"
    changes = paper.eval_on_selector_all("article ol.mb-changes > li", "lis => lis.map(li => li.textContent)")
    printed = text.replace(" ", "")
    assert changes and changes[0].replace(" ", "") in printed, "the latest change is on paper"
    assert all(older.replace(" ", "") not in printed for older in changes[1:]), "older changes are only online"
