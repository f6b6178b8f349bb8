"""The notice sheet of every real procedure in a real Chromium: one A4 page, and a QR code that a
camera reads as the procedure's page address.

The site is built as publish.yml builds it (with `SITE_URL`, served under its sub-path): the QR code
needs the site's absolute address. Reuses the Chromium of tests/test_browser.py.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import zxingcpp
from pypdf import PdfReader

from tests.site.links.published import SITE_URL, build_copy, serve
from tests.site_helpers import ROOT
from tests.test_browser import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

PROCEDURES = sorted(path.stem for path in (ROOT / "data" / "procedures").glob("*.yml"))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Iterator[str]:
    site = build_copy(tmp_path_factory.mktemp("notice-site"), site_url=SITE_URL, languages=False)
    with serve(site, urlsplit(SITE_URL).path) as url:
        yield url


@pytest.fixture(scope="module")
def sheet_page(browser):  # noqa: F811 - the fixture imported above
    context = browser.new_context(device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def _gray(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and 8-bit gray pixels of a non-interlaced 8-bit RGB(A) or gray PNG, as Chromium writes
    its screenshots (PNG specification, sections 7-9: zlib data, one filter byte per row)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        data = png[position + 8:position + 8 + length]
        header = data if kind == b"IHDR" else header
        chunks += [data] if kind == b"IDAT" else []
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0 and colour in (0, 2, 6), (depth, colour, interlace)
    channels = {0: 1, 2: 3, 6: 4}[colour]
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    previous, gray = bytearray(stride), bytearray()
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        gray += line[::channels]  # the first channel: the code is black on white
        previous = line
    return width, height, bytes(gray)


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return len(pages), " ".join(" ".join(unicodedata.normalize("NFC", page.extract_text()) for page in pages).split())


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_the_notice_sheet_prints_on_one_a4_page_with_a_qr_code_to_the_procedure(published, sheet_page, procedure):
    response = sheet_page.goto(published + f"thu-tuc/{procedure}/", wait_until="networkidle")
    assert response is not None and response.status == 200
    sheet_page.click("a.mb-notice-link")  # "In bản niêm yết" on the procedure's page
    sheet_page.wait_for_url(published + f"thu-tuc/{procedure}/niem-yet/")
    name = sheet_page.inner_text(".mb-notice h1")

    sheet_page.emulate_media(media="print")
    hidden = sheet_page.evaluate("['.md-header', '.md-sidebar--primary', '.md-footer', '.mb-notice-back']"
                                 ".map(s => getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none"] * 4
    pages, text = _pdf_text(sheet_page.pdf(format="A4"))
    assert pages == 1, f"{procedure}: {pages} pages"
    assert " ".join(name.split()) in text
    assert re.search(r"Thông tin có giá trị tại ngày \d{2}/\d{2}/\d{4}", text)
    for heading in ("Hồ sơ cần mang", "Thời hạn giải quyết, phí, lệ phí", "Nơi nộp, thời gian nộp", "Hỏi đáp, hướng dẫn"):
        assert heading in text

    width, height, gray = _gray(sheet_page.locator(".mb-notice-qr svg").screenshot())
    sheet_page.emulate_media(media="screen")
    found = zxingcpp.read_barcodes(memoryview(gray).cast("B", (height, width)), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in found] == [SITE_URL + f"thu-tuc/{procedure}/"]
