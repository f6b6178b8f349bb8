"""The three languages in Chromium: the language selector stays on the same record, and each site's
search finds its own language's pages only (Chinese segmented by Pagefind's extended build)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site_helpers import build, make_language_project
from tests.test_browser import _results, _serve, browser, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

RECORDS = [
    "thu-tuc/cap-ho-chieu-ngoai-giao-ho-chieu-cong-vu/",
    "van-ban/qd-45-2006-qd-ttg/",
    "thong-bao/chung-nhan-hop-phap-hoa-lanh-su-dien-tu-tu-01-01-2026/",
    "lien-he/",
]


def _switch(page, hreflang: str) -> None:
    """Open the language selector in the header and choose `hreflang`, as a reader does."""
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang='{hreflang}']")


@pytest.mark.parametrize("path", RECORDS)
def test_the_language_selector_stays_on_the_same_record_in_every_direction(server: str, browser, path):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + path)
    for hreflang, folder in (("en", "en/"), ("zh-Hans", "zh/"), ("vi", ""), ("zh-Hans", "zh/"), ("en", "en/"), ("vi", "")):
        _switch(page, hreflang)
        assert urlsplit(page.url).path == "/" + folder + path, (hreflang, page.url)
        assert page.get_attribute("html", "lang") == {"en": "en", "zh-Hans": "zh", "vi": "vi"}[hreflang]
    context.close()


@pytest.fixture(scope="module")
def chinese_server(tmp_path_factory) -> Iterator[str]:
    """Three languages with a Chinese page on consular certification and one on passports."""
    root = make_language_project(tmp_path_factory.mktemp("chinese-search") / "repo", {
        "docs/chung-nhan.md": "# Chứng nhận lãnh sự\n\nHồ sơ chứng nhận lãnh sự nộp tại Sở Ngoại vụ.\n",
        "docs-zh/chung-nhan.md": "# 领事认证\n\n领事认证的申请材料在外务厅递交。\n",
        "docs/ho-chieu.md": "# Hộ chiếu công vụ\n\nCấp hộ chiếu công vụ cho cán bộ.\n",
        "docs-zh/ho-chieu.md": "# 公务护照\n\n为干部签发公务护照。\n",
    })
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    with _serve(root / "site") as url:
        yield url


@pytest.mark.parametrize(("query", "expected"), [("护照", "公务护照"), ("领事认证", "领事认证")])
def test_a_chinese_query_finds_the_chinese_page_and_only_chinese_pages(chinese_server: str, browser, query, expected):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(chinese_server + "zh/", wait_until="networkidle")
    titles = _results(page, query)
    assert titles and titles[0] == expected, titles
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert links and all(urlsplit(link).path.startswith("/zh/") for link in links), links
    context.close()


def test_the_vietnamese_search_finds_no_chinese_page(chinese_server: str, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(chinese_server, wait_until="networkidle")
    assert _results(page, "hộ chiếu")[:1] == ["Hộ chiếu công vụ"]
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert not [link for link in links if urlsplit(link).path.startswith(("/zh/", "/en/"))], links
    context.close()


@pytest.mark.parametrize(("folder", "prompt", "kind"), [
    ("", "Gõ từ cần tìm, ví dụ", "Thủ tục hành chính"),
    ("en/", "Type the words you are looking for, for example", "Administrative procedure"),
    ("zh/", "请输入要查找的词语，例如", "行政手续"),
])
def test_the_search_box_speaks_the_page_language_and_its_example_queries_find_pages(server: str, browser, folder, prompt, kind):  # noqa: F811
    """The example queries the box suggests are ones the language's own index answers, with results of that language."""
    import re

    context = browser.new_context()
    page = context.new_page()
    page.goto(server + folder, wait_until="networkidle")
    assert page.get_attribute("[data-mb-search-input]", "placeholder") == {"": "Tìm kiếm", "en/": "Search", "zh/": "搜索"}[folder]
    meta = page.text_content("[data-mb-search-meta]")
    assert meta.startswith(prompt), meta
    examples = re.findall(r'"([^"]+)"|“([^”]+)”', meta)
    queries = [a or b for a, b in examples]
    assert len(queries) == 2, meta
    for query in queries:
        titles = _results(page, query)
        assert titles, (folder, query, page.text_content("[data-mb-search-meta]"))
        links = page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(e => e.href)")
        assert all(urlsplit(link).path.startswith("/" + folder) for link in links), links
        if folder:
            assert not [link for link in links if urlsplit(link).path.startswith(tuple(f"/{other}" for other in ("en/", "zh/") if other != folder))]
    kinds = page.eval_on_selector_all(".mb-search-kind", "els => els.map(e => e.firstChild.textContent)")
    assert kind in kinds, kinds
    status = page.text_content("[data-mb-search-meta]")
    assert re.search(r"\d", status) and status != meta, status
    assert page.text_content(".md-search-result__more") == {"": "Tìm cả trong thông báo, sự kiện", "en/": "Search announcements and events too",
                                                            "zh/": "同时搜索公告和活动"}[folder]
    context.close()


PASSPORTS = {"en/": {"Issuing diplomatic passports and official passports at the Ministry of Foreign Affairs' agencies in Vietnam",
                     "Extending diplomatic passports and official passports at the Ministry of Foreign Affairs' agencies in Vietnam"},
             "zh/": {"在越南外交部国内机构办理外交护照、公务护照", "在越南外交部国内机构办理外交护照、公务护照延期"}}
LEGALISATION = {"en/": "Receiving applications for consular certification and consular legalization at the Department of Foreign Affairs of Lang Son Province",
                "zh/": "谅山省外务厅受理领事认证、领事合法化申请"}
VISA_NOTE = {"en/": "Issuing a diplomatic note asking the foreign side to grant a visa, at the Ministry of Foreign Affairs' agencies in Vietnam",
             "zh/": "在越南外交部国内机构办理请外方签发签证的照会"}


@pytest.mark.parametrize(("folder", "query", "expected"), [
    ("zh/", "护照", PASSPORTS["zh/"]), ("zh/", "公务护照", PASSPORTS["zh/"]), ("zh/", "领事认证", {LEGALISATION["zh/"]}),
    ("zh/", "签证", {VISA_NOTE["zh/"]}), ("zh/", "APEC商务旅行卡", {"在地方出具使用APEC商务旅行卡（ABTC）的许可文件"}),
    ("en/", "passport", PASSPORTS["en/"]), ("en/", "consular legalization", {LEGALISATION["en/"]}), ("en/", "visa", {VISA_NOTE["en/"]}),
])
def test_the_real_sites_answer_their_readers_queries_with_the_right_record_first(server: str, browser, folder, query, expected):  # noqa: F811
    """What a Chinese partner or a foreign investor types finds the procedure in their language, first, on the published site."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + folder, wait_until="networkidle")
    titles = _results(page, query)
    assert titles and titles[0] in expected, (query, titles[:3])
    links = page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(e => e.href)")
    assert links and all(urlsplit(link).path.startswith("/" + folder) for link in links), links
    context.close()


@pytest.mark.parametrize("query", ["火星", "足球", "猫"])
def test_a_chinese_word_no_page_contains_finds_nothing(server: str, browser, query):  # noqa: F811
    """Not every page: a word that is nowhere is found nowhere."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "zh/", wait_until="networkidle")
    assert _results(page, query) == []
    context.close()


def test_a_chinese_query_finds_only_pages_that_contain_it(server: str, browser):  # noqa: F811
    """Guangxi is in announcements only: searched from the announcements' page, which searches them too."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "zh/thong-bao/", wait_until="networkidle")
    _results(page, "广西")
    links = page.eval_on_selector_all(".md-search-result__item a[href]", "els => els.map(e => e.href)")
    assert links
    for link in links:
        other = context.new_page()
        other.goto(link)
        assert "广西" in other.text_content("article"), link
        other.close()
    context.close()
