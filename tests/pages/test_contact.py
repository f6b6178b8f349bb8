"""Telephone numbers become links a phone can call, in international form where one exists."""

from __future__ import annotations

import pytest

from minhbach.pages.contact import link_phones, phone_link, tel_href


@pytest.mark.parametrize(("written", "href"), [
    ("0205 3719 886", "tel:+842053719886"),
    ("0205.3719.886", "tel:+842053719886"),
    ("0985-038-268", "tel:+84985038268"),
    ("+84 981 84 84 84", "tel:+84981848484"),
    ("+86 771 123 4567", "tel:+867711234567"),
    ("1900 1234", "tel:19001234"),  # service numbers are called inside Vietnam only: no +84
    ("1800 123456", "tel:1800123456"),
    ("113", "tel:113"),
])
def test_a_number_links_to_its_tel_address(written: str, href: str):
    assert tel_href(written) == href


def test_a_number_keeps_how_it_is_written_as_its_text():
    assert phone_link("0205 3719 886") == '<a href="tel:+842053719886">0205 3719 886</a>'


def test_numbers_in_text_are_linked_and_the_rest_is_escaped():
    html = link_phones('Hỗ trợ: 024 3799 2309 hoặc +84 965 41 11 18. <script>x</script> & "1900 1234"')
    assert html == ('Hỗ trợ: <a href="tel:+842437992309">024 3799 2309</a> hoặc <a href="tel:+84965411118">+84 965 41 11 18</a>. '
                    '&lt;script&gt;x&lt;/script&gt; &amp; &#34;<a href="tel:19001234">1900 1234</a>&#34;')


@pytest.mark.parametrize("text", [
    "Quyết định 09/2023/QĐ-TTg ngày 01/12/2025",
    "Lệ phí 100.000 đồng; 1.000.000 đồng",
    "Gọi 113 khi khẩn cấp",            # short numbers are not told apart from other numbers in a sentence
    "Mã 2.002352, hồ sơ số 020537198861234",
    "0205 371",                          # a piece of a number
])
def test_what_is_not_a_whole_phone_number_stays_text(text: str):
    assert "<a" not in link_phones(text)
