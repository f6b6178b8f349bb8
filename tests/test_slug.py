"""One slug function for URLs and anchors."""

import pytest

from minhbach.slug import slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đăng ký hộ chiếu", "dang-ky-ho-chieu"),
        ("đường Hùng Vương", "duong-hung-vuong"),
        ("1. Trình tự thực hiện", "1-trinh-tu-thuc-hien"),
        ("Quyết định 09/2023/QĐ-TTg", "quyet-dinh-09-2023-qd-ttg"),
        ("  Thẻ ABTC — (APEC)  ", "the-abtc-apec"),
        ("Hợp pháp hóa lãnh sự", "hop-phap-hoa-lanh-su"),
    ],
)
def test_slugify_strips_diacritics_and_maps_d_stroke(text, slug):
    assert slugify(text) == slug


def test_separator_follows_markdown_toc_signature():
    assert slugify("Đăng ký", "_") == "dang_ky"
