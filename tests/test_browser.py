"""The built site in a real Chromium: no request leaves 127.0.0.1, phones and print work.

Drives Debian's `chromium` package through Playwright; Playwright's own browser download is
never used. Without Chromium the tests are skipped locally and fail in CI (CI=1).
"""

from __future__ import annotations

import contextlib
import json
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import WORKFLOW
from tests.site_helpers import build, make_site_project

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PAGES = [
    "",
    "thu-tuc/",
    "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/",
    "thu-tuc/chung-nhan-lanh-su-hop-phap-hoa-lanh-su/",
    "van-ban/",
    "van-ban/qd-45-2006-qd-ttg/",
    "lien-he/",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(real_site: Path) -> Iterator[str]:
    with _serve(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def workflow_server(tmp_path_factory) -> Iterator[str]:
    """A small site with one workflow (the department has published none yet)."""
    root = make_site_project(tmp_path_factory.mktemp("workflow-site"), {"data/workflows/qt-hop-phap-hoa.yml": WORKFLOW})
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    with _serve(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _search(page, query: str) -> None:
    """Type into Material's search box until results show (its script may attach late under load)."""
    box = page.locator("input.md-search__input")
    for _ in range(20):
        box.fill("")
        box.press_sequentially(query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=3_000)
            return
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; try again
            continue
    raise AssertionError("search never showed results")


def test_no_page_requests_anything_from_another_host(server: str, browser):
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in PAGES:
        response = page.goto(server + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
    _search(page, "hộ chiếu")
    context.close()
    hosts = {urlsplit(url).hostname for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, sorted(url for url in requested if urlsplit(url).hostname != "127.0.0.1")
    assert len(requested) > len(PAGES)


def test_procedure_page_fits_a_360px_phone(server: str, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    for path in PAGES[1:4]:
        page.goto(server + path, wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    wrapper_scrolls = page.evaluate(
        "[...document.querySelectorAll('.mb-table-wrap')].map(w => getComputedStyle(w).overflowX)"
    )
    assert wrapper_scrolls and set(wrapper_scrolls) == {"auto"}
    context.close()


def test_print_hides_navigation_and_keeps_the_content(server: str, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + PAGES[2], wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.md-header', '.md-sidebar--primary', '.md-footer'].map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    assert page.is_visible('[id="12-can-cu-phap-ly"]')
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()


def test_workflow_diagram_is_drawn_from_the_self_hosted_script(workflow_server: str, browser):
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(workflow_server + "quy-trinh/qt-hop-phap-hoa/", wait_until="networkidle")
    page.wait_for_selector(".mb-mermaid[data-processed] svg", timeout=30_000)
    labels = page.eval_on_selector(".mb-mermaid svg", "svg => svg.textContent")
    assert "Tiếp nhận và kiểm tra hồ sơ" in labels and "Trả kết quả" in labels
    assert page.locator(".mb-mermaid svg .node").count() == 3
    context.close()
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}
    assert any(url.endswith("assets/minhbach/mermaid.min.js") for url in requested)


def _results(page, query: str) -> list[str]:
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    page.fill("[data-mb-search-input]", query)
    page.wait_for_function(  # the list is aria-busy from the first key to the results of the last (assets/search.js)
        "(q) => document.querySelector('[data-mb-search-input]').value === q"
        " && document.querySelector('[data-mb-search-results]').getAttribute('aria-busy') === 'false'",
        arg=query, timeout=30_000)
    page.wait_for_timeout(400)  # let the phrase search settle
    return page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)")


@pytest.mark.parametrize(
    ("start", "queries", "expected_top"),
    [
        ("thu-tuc/", ["hộ chiếu", "ho chieu", "HO CHIEU"], {"Cấp hộ chiếu ngoại giao, hộ chiếu công vụ tại cơ quan trong nước của Bộ Ngoại giao",
                                               "Gia hạn hộ chiếu ngoại giao, hộ chiếu công vụ tại cơ quan trong nước của Bộ Ngoại giao"}),
        ("thong-bao/", ["dang ky", "đăng ký", "DANG KY"], {"Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong – Lan Thương lần thứ 10"}),
        ("thong-bao/", ["duong", "đường"], {"Mở các tuyến Tân Thanh – Pò Chài và Cốc Nam – Lũng Nghịu thuộc cặp cửa khẩu quốc tế Hữu Nghị – Hữu Nghị Quan",
                                   "Thí điểm vận chuyển hàng hóa hai chiều qua cặp cửa khẩu quốc tế Hữu Nghị – Hữu Nghị Quan"
                                   " đến hết ngày 09/12/2026"}),
        ("thong-bao/", ["hội chợ", "hoi cho"], {"Hội chợ Thương mại – Du lịch quốc tế Việt – Trung năm 2024 tại Lạng Sơn",
                                 "Hội chợ Thương mại – Du lịch quốc tế Việt – Trung (Móng Cái – Đông Hưng) lần thứ 17",
                                 "Hội chợ Thương mại quốc tế Việt – Trung lần thứ 25 tại Lào Cai"}),
        ("thu-tuc/", ["abtc", "ABTC"], {"Cấp văn bản cho phép sử dụng thẻ đi lại của doanh nhân APEC (ABTC) tại địa phương"}),
        ("thong-bao/", ["hop phap hoa", "hợp pháp hóa"], {"Tiếp nhận hồ sơ chứng nhận lãnh sự, hợp pháp hóa lãnh sự tại Sở Ngoại vụ tỉnh Lạng Sơn",
                                            "Chứng nhận lãnh sự, hợp pháp hóa lãnh sự điện tử từ ngày 01/01/2026"}),
    ],
)
def test_search_finds_the_right_pages_with_or_without_diacritics(server: str, browser, start, queries, expected_top):
    """On announcement pages the search covers announcements too; elsewhere it is one click away."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + start, wait_until="networkidle")
    for query in queries:
        titles = _results(page, query)
        assert set(titles[: len(expected_top)]) == expected_top, (query, titles)
    context.close()


def test_search_downloads_nothing_until_the_reader_searches(server: str, browser):
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())) if response.ok else None)
    page.goto(server, wait_until="networkidle")
    assert not [url for url in sizes if "pagefind" in url or "search" in url.split("/")[-1].lower() and url.endswith(".json")]
    _results(page, "ho chieu")
    fetched = sum(size for url, size in sizes.items() if "/pagefind/" in url)
    assert 0 < fetched < 300_000, fetched
    assert {urlsplit(url).hostname for url in sizes} == {"127.0.0.1"}
    context.close()


def test_announcements_are_one_click_away_from_other_pages(server: str, browser):
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server + "thu-tuc/", wait_until="networkidle")
    titles = _results(page, "hoi cho")
    assert not any("Hội chợ Thương mại" in title for title in titles)
    assert not [url for url in fetched if "/pagefind-thong-bao/" in url], "the announcements index waits for the reader"
    page.click(".md-search-result__more")
    page.wait_for_function("[...document.querySelectorAll('.md-search-result__item h1')].some(h => h.textContent.startsWith('Hội chợ'))",
                           timeout=30_000)
    assert [url for url in fetched if "/pagefind-thong-bao/" in url]
    context.close()


def test_search_opens_with_the_keyboard_and_moves_through_results(server: str, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-mb-search-input]')")
    _results(page, "ho chieu")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/thu-tuc/**")
    context.close()


def test_workflow_diagram_labels_show_the_text_as_written(tmp_path_factory, browser):
    """Mermaid reads entities, directives (%%), Markdown (`) and quotes in labels; a step's text must
    come out as the editor wrote it (Mermaid 11, self-hosted). Icons (fa:) and "\\n" are known exceptions."""
    actions = ["A &lt;b&gt; B & C", "x %%{init: {'theme': 'dark'}}%% y", "`đậm` \"trích\" #1"]
    workflow = WORKFLOW
    for old, new in zip(["Tiếp nhận và kiểm tra hồ sơ", "Xem xét, ký chuyển hồ sơ", "Trả kết quả"], actions, strict=False):
        workflow = workflow.replace(f"action: {old}", f"action: {json.dumps(new, ensure_ascii=False)}")
    root = make_site_project(tmp_path_factory.mktemp("labels"), {"data/workflows/qt-hop-phap-hoa.yml": workflow})
    result = build(root, links=False)
    assert result.returncode == 0, result.stderr[-2000:]
    with _serve(root / "site") as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "quy-trinh/qt-hop-phap-hoa/", wait_until="networkidle")
        page.wait_for_selector(".mb-mermaid[data-processed] svg", timeout=30_000)
        labels = page.eval_on_selector_all(".mb-mermaid svg .node", "nodes => nodes.map(n => n.textContent)")
        context.close()
    text = " ".join(" ".join(labels).split())
    for action in actions:
        assert " ".join(action.split()) in text, (action, labels)


FIRST_VISIT_BUDGET = 80 * 1024
"""Bytes a reader's first visit of a procedure page may transfer, compressed: a page read on a slow
mobile connection in the mountains of Lạng Sơn (the department's own target)."""


def _first_visit(browser, url: str) -> tuple[list[tuple[str, int, int]], list[str], list[str]]:
    """Load `url` in a new browser profile (nothing cached) until the network is idle.

    Returns (url, status, size gzipped as a static host would send it) per response, every
    requested URL, and the requests that failed (no answer, or a status of 400 and over).
    """
    import gzip

    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    failed: list[str] = []
    responses = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    sizes = []
    for response in responses:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")
        body = response.body() if 200 <= response.status < 300 else b""
        sizes.append((response.url, response.status, len(gzip.compress(body, compresslevel=6, mtime=0))))
    context.close()
    return sizes, requested, failed


def test_a_procedure_page_first_visit_stays_within_its_weight(server: str, browser):
    from minhbach.catalog import load_catalog
    from tests.site_helpers import ROOT

    catalog, _ = load_catalog(ROOT / "data")
    procedures = [p.id for p in catalog.procedures]
    assert procedures
    weights = {}
    for procedure in procedures:
        sizes, requested, failed = _first_visit(browser, f"{server}thu-tuc/{procedure}/")
        assert failed == [], procedure
        assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}, procedure
        assert any(url.endswith(".css") for url, _, _ in sizes) and any(url.endswith(".js") for url, _, _ in sizes)
        weights[procedure] = sum(size for _, _, size in sizes)
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] <= FIRST_VISIT_BUDGET, (heaviest, weights[heaviest])
