"""The dossier checklist of a procedure page in a real Chromium.

The reader ticks papers with the keyboard, hears how many are still missing (a live region), finds
the ticks again after a reload (localStorage, per procedure), and no tick sends a request. The
print button prints the list alone; without JavaScript the list still shows and prints with the
page. Reuses the served site of tests/test_browser.py.
"""

from __future__ import annotations

import re

import pytest

from tests.test_browser import browser, server  # noqa: F401 - fixtures
from tests.test_browser_layout import _pdf_text

pytestmark = pytest.mark.browser

PAGE = "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/"
PAPERS = 7  # dossier items of data/procedures/cap-van-ban-cho-phep-su-dung-the-abtc.yml
FIFTH = "Quyết định bổ nhiệm chức vụ của doanh nhân"
# Stands in for the browser's print dialog: records which print was asked for, and prints nothing.
FAKE_PRINT = "window.print = () => { window.printedAs = document.documentElement.className; };"


def _names(page) -> list[str]:
    return page.eval_on_selector_all(".mb-checklist label", "ls => ls.map(l => l.textContent.trim())")


def test_ticks_by_keyboard_are_counted_aloud_kept_on_reload_and_never_sent(server, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + PAGE, wait_until="networkidle")
    status = page.locator(".mb-checklist-status")
    assert status.get_attribute("role") == "status" and status.is_visible()
    assert status.inner_text() == f"Còn thiếu {PAPERS} / {PAPERS} giấy tờ."

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    fifth = page.get_by_role("checkbox", name=FIFTH)  # the label names the box for a screen reader
    fifth.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Tab")  # back to the fourth paper's box
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.id") == "mb-ho-so-4"
    assert fifth.is_checked()
    assert status.inner_text() == f"Còn thiếu {PAPERS - 2} / {PAPERS} giấy tờ."
    stored = page.evaluate("Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])")
    assert len(stored) == 1 and re.fullmatch(r"minhbach:ho-so:cap-van-ban-cho-phep-su-dung-the-abtc:[0-9a-f]{12}", stored[0][0])
    assert stored[0][1] == "[4,5]"
    page.keyboard.press("Space")  # untick the fourth again
    assert status.inner_text() == f"Còn thiếu {PAPERS - 1} / {PAPERS} giấy tờ."
    page.evaluate("1")  # a round trip, so that any request a tick started is reported
    assert requested == []

    page.reload(wait_until="networkidle")
    checked = page.eval_on_selector_all("input.mb-check", "bs => bs.map(b => b.checked)")
    assert checked == [False, False, False, False, True, False, False]
    assert status.inner_text() == f"Còn thiếu {PAPERS - 1} / {PAPERS} giấy tờ."
    page.goto(server + "thu-tuc/chung-nhan-lanh-su-hop-phap-hoa-lanh-su/", wait_until="networkidle")
    assert not any(page.eval_on_selector_all("input.mb-check", "bs => bs.map(b => b.checked)"))  # ticks are per procedure

    page.goto(server + PAGE, wait_until="networkidle")
    page.get_by_role("button", name="Bỏ các dấu").click()
    assert page.locator(".mb-checklist-status").inner_text() == f"Còn thiếu {PAPERS} / {PAPERS} giấy tờ."
    assert page.evaluate("localStorage.length") == 0
    context.close()


def test_each_language_counts_in_its_words_and_keeps_the_ticks_made_in_another(server, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + PAGE, wait_until="networkidle")
    page.get_by_role("checkbox", name=FIFTH).check()
    for folder, words in (("en/", f"{PAPERS - 1} of {PAPERS} papers still missing."), ("zh/", f"还缺{PAPERS - 1}/{PAPERS}份材料。")):
        page.goto(server + folder + PAGE, wait_until="networkidle")
        assert page.locator(".mb-checklist-status").inner_text() == words
        assert page.eval_on_selector_all("input.mb-check", "bs => bs.map(b => b.checked)") == [False] * 4 + [True] + [False] * (PAPERS - 5)
    page.locator("input.mb-check").first.check()
    assert page.locator(".mb-checklist-status").inner_text() == f"还缺{PAPERS - 2}/{PAPERS}份材料。"
    context.close()


def test_the_print_button_prints_the_list_alone_with_its_ticks(server, browser):  # noqa: F811
    context = browser.new_context()
    context.add_init_script(FAKE_PRINT)
    page = context.new_page()
    page.goto(server + PAGE, wait_until="networkidle")
    names = _names(page)
    page.get_by_role("checkbox", name=FIFTH).check()
    page.get_by_role("button", name="In danh sách giấy tờ").click()
    assert "mb-print-checklist" in page.evaluate("window.printedAs")
    text, pages = _pdf_text(page.pdf(format="A4"))
    context.close()
    assert len(pages) == 1
    assert "cho phép sử dụng thẻ đi lại của doanh nhân APEC" in text and "Thông tin tại ngày" in text
    assert all(" ".join(name.split()) in text for name in names), text
    assert f"Còn thiếu {PAPERS - 1} / {PAPERS} giấy tờ." in text
    assert "Trình tự thực hiện" not in text and "Căn cứ pháp lý" not in text and "In danh sách" not in text


def test_without_javascript_the_list_shows_and_prints(server, browser):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGE, wait_until="networkidle")
    names = _names(page)
    boxes = page.locator("input.mb-check")
    assert len(names) == boxes.count() == PAPERS and all(boxes.nth(i).is_visible() for i in range(PAPERS))
    page.get_by_role("checkbox", name=FIFTH).check()  # a box still ticks, for this visit
    assert not page.locator(".mb-checklist-bar").is_visible() and not page.locator(".mb-checklist-hint").is_visible()
    text, pages = _pdf_text(page.pdf(format="A4"))
    context.close()
    assert len(pages) <= 2
    assert all(" ".join(name.split()) in text for name in names)
    assert "Còn thiếu" not in text
