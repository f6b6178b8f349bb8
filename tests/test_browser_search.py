"""Search as a citizen types it, on the real site in Chromium: the facts inside pages, whole
syllables, synonyms, result types and legal status, one copy of the search runtime.

Content changes as editors fill in fees and hours, so each test asserts what the first result must
be (a procedure whose fee section has the word, a page that gives a phone number...) rather than
today's titles, where it can.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.test_browser import _results, browser, server, workflow_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def _words(text: str) -> list[str]:
    """Folded words, as the index holds them (minhbach.load.searchtext)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    folded = "".join(character for character in decomposed if not unicodedata.category(character).startswith("M"))
    return re.findall(r"[^\W_]+", folded)


def _has_words(text: str, phrase: str) -> bool:
    """Whether `text` has the words of `phrase` side by side, folded."""
    words, wanted = _words(text), _words(phrase)
    return any(words[start:start + len(wanted)] == wanted for start in range(len(words)))


def _first(page, query: str) -> dict:
    _results(page, query)
    return page.eval_on_selector(".md-search-result__item", """li => ({
        title: li.querySelector('h1').textContent, url: li.querySelector('a').href,
        kind: (li.querySelector('.mb-search-kind') || {}).textContent || '',
        status: (li.querySelector('.mb-search-kind .mb-badge') || {}).className || ''})""")


def _content(context, url: str) -> str:
    """The text a reader sees in the page's content (hidden parts and pending values as shown)."""
    reader = context.new_page()
    reader.goto(url)
    text = reader.inner_text("article")
    reader.close()
    return text


def _section(text: str, heading: str) -> str:
    """The text of the numbered section of a procedure page whose heading ends with `heading`."""
    match = re.search(rf"^\d+\. {re.escape(heading)}\W*$(.*?)(?=^\d+\. |\Z)", text, flags=re.M | re.S)
    assert match, heading
    return match.group(1)


def _first_and_its_text(searching, query: str) -> tuple[dict, str]:
    """The first result of `query` and the text of its page."""
    context, page = searching
    first = _first(page, query)
    return first, _content(context, first["url"])


@pytest.fixture
def searching(server: str, browser):  # noqa: F811 - fixtures
    context = browser.new_context()
    page = context.new_page()
    page.goto(server, wait_until="networkidle")
    yield context, page
    context.close()


PROCEDURE = "Thủ tục hành chính"


LEGAL = "Văn bản pháp luật"


def _states_a_fee(first: dict, text: str, phrase: str) -> bool:
    """A page that answers a question about fees: a procedure whose fee section has the words, or a
    legal document that sets fees (a circular whose text has the words and "mức thu")."""
    if first["kind"] == PROCEDURE:
        return _has_words(_section(text, "Phí, lệ phí"), phrase)
    return first["kind"] == LEGAL and _has_words(text, phrase) and _has_words(text, "mức thu")


def test_phi_finds_a_page_that_states_a_fee_not_the_word_phia(searching):
    first, text = _first_and_its_text(searching, "phi")
    assert _states_a_fee(first, text, "phí") and not _has_words(first["title"], "phía"), first


def test_le_phi_finds_a_page_that_states_a_fee(searching):
    first, text = _first_and_its_text(searching, "le phi")
    assert _states_a_fee(first, text, "lệ phí"), first


def test_visa_finds_the_visa_procedure_through_its_synonym(searching):
    _, page = searching
    first = _first(page, "visa")
    assert first["kind"] == PROCEDURE and _has_words(first["title"], "thị thực"), first


def test_dang_ky_ranks_dang_ky_above_dang_cai(searching):
    """"đăng cai" (host) is not "đăng ký" (register): a page named for it does not come first,
    and with announcements the first page has the words side by side."""
    context, page = searching
    first = _first(page, "dang ky")
    assert not _has_words(first["title"], "đăng cai") or _has_words(first["title"], "đăng ký"), first
    page.click(".md-search-result__more")
    page.wait_for_function("document.querySelector('.md-search-result__more') === null", timeout=30_000)
    first = page.eval_on_selector(".md-search-result__item a", "a => a.href")
    assert _has_words(_content(context, first), "đăng ký"), first


def test_bao_ho_cong_dan_finds_the_page_with_the_citizen_protection_hotline(searching):
    first, text = _first_and_its_text(searching, "bao ho cong dan")
    assert _has_words(text, "bảo hộ công dân") and re.search(r"\+84 \d{3} \d{2} \d{2} \d{2}", text), first


def test_gio_lam_viec_finds_a_page_that_says_when_to_come(searching):
    first, text = _first_and_its_text(searching, "gio lam viec")
    assert any(_has_words(text, words) for words in ("giờ làm việc", "giờ hành chính", "thời gian tiếp nhận")), first


def test_ho_chieu_cong_vu_finds_the_official_passport_procedures(searching):
    _, page = searching
    first = _first(page, "ho chieu cong vu")
    assert first["kind"] == PROCEDURE and _has_words(first["title"], "hộ chiếu công vụ"), first
    assert _first(page, "HCCV")["title"] == first["title"], "the abbreviation is a synonym"


def test_so_dien_thoai_finds_a_page_with_phone_numbers_and_the_procedures_that_give_one(searching):
    first, text = _first_and_its_text(searching, "so dien thoai")
    assert _has_words(text, "điện thoại") and re.search(r"\b0\d{3} \d{3,4} \d{3}\b", text), first
    kinds = searching[1].eval_on_selector_all(".md-search-result__item .mb-search-kind", "els => els.map(e => e.textContent)")
    assert PROCEDURE in kinds, "a procedure's contact phone is in its text"


def test_document_numbers_and_phone_numbers_are_found_whole(searching):
    page = searching[1]
    assert _first(page, "49/2019/QH14")["title"] == "Luật 49/2019/QH14"
    first, text = _first_and_its_text(searching, "0205 3719 886")
    assert "0205 3719 886" in text, first
    quoted = _first(page, '"hộ chiếu công vụ"')
    assert _has_words(quoted["title"], "hộ chiếu công vụ"), quoted


def test_results_show_their_type_and_an_expired_document_its_status(searching):
    _, page = searching
    first = _first(page, "45/2006/QĐ-TTg")
    assert first["title"] == "Quyết định 45/2006/QĐ-TTg", first
    assert first["kind"].startswith("Văn bản pháp luật · Hết hiệu lực") and "mb-status-bad" in first["status"], first
    shown = page.eval_on_selector(".md-search-result__item .mb-badge", "b => getComputedStyle(b).display")
    assert shown != "none"


@pytest.mark.parametrize("start", ["thong-bao/", "thu-tuc/"])
def test_one_copy_of_the_search_runtime_whichever_indexes_are_searched(server: str, browser, start: str):  # noqa: F811 - fixtures
    """On announcement pages both indexes are searched from the start; elsewhere announcements
    join after a click. Either way Pagefind's script and WebAssembly are downloaded once."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + start, wait_until="networkidle")
    _results(page, "hoi cho")
    if start == "thu-tuc/":
        page.click(".md-search-result__more")
    page.wait_for_function("[...document.querySelectorAll('.md-search-result__item h1')].some(h => h.textContent.startsWith('Hội chợ'))",
                           timeout=30_000)
    assert [url for url in requested if "/pagefind-thong-bao/" in url], "the announcements index was searched"
    runtime = [url for url in requested if url.endswith(".js") and "/pagefind" in url or "/wasm." in url]
    assert len([url for url in runtime if url.endswith("/pagefind.js")]) == 1, runtime
    assert len([url for url in runtime if "/wasm." in url]) == 1, runtime  # Pagefind 1.5: wasm.<language>.pagefind
    assert not [url for url in runtime if "/pagefind-thong-bao/" in url], runtime
    context.close()


def test_a_site_without_announcements_still_searches_after_asking_for_them(workflow_server: str, browser):  # noqa: F811 - fixtures
    """The announcements index is not built when there are none: asking for them keeps the results."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(workflow_server, wait_until="networkidle")
    before = _results(page, "hop phap hoa")
    assert before
    page.click(".md-search-result__more")
    page.wait_for_function("document.querySelector('.md-search-result__more') === null", timeout=30_000)
    assert page.text_content("[data-mb-search-meta]").endswith("trang phù hợp")
    assert page.eval_on_selector_all(".md-search-result__item h1", "els => els.map(e => e.textContent)") == before
    context.close()
