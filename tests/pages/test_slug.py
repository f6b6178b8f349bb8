"""One slug function for heading anchors: every script the site uses, stable ids."""

import re

import markdown
from hypothesis import given
from hypothesis import strategies as st
import pytest
from markdown.extensions.toc import TocExtension

from minhbach.pages.slug import slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đăng ký hộ chiếu", "dang-ky-ho-chieu"),
        ("đường Hùng Vương", "duong-hung-vuong"),
        ("1. Trình tự thực hiện", "1-trinh-tu-thuc-hien"),
        ("Quyết định 09/2023/QĐ-TTg", "quyet-dinh-09-2023-qd-ttg"),
        ("  Thẻ ABTC — (APEC)  ", "the-abtc-apec"),
        ("Hợp pháp hóa lãnh sự", "hop-phap-hoa-lanh-su"),
        ("ƯU TIÊN Ở ĐÂY", "uu-tien-o-day"),
    ],
)
def test_slugify_strips_diacritics_and_maps_d_stroke(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Contact details", "contact-details"),
        ("How to apply (step 2)", "how-to-apply-step-2"),
        ("Diện tích (m²) và Æsir, Øresund, straße", "dien-tich-m-va-sir-resund-stra-e"),  # as before: non-ASCII Latin letters drop
    ],
)
def test_latin_text_keeps_the_ids_it_always_had(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("办理手续", "办理手续"),
        ("联系方式", "联系方式"),
        ("办理手续：所需材料", "办理手续-所需材料"),
        ("第 2 步 · 提交申请", "第-2-步-提交申请"),
        ("Thủ tục 办理手续 (ABTC)", "thu-tuc-办理手续-abtc"),
        ("越南谅山省外务厅", "越南谅山省外务厅"),
        ("ひらがな・ガイド", "ひらがな-ガイド"),  # kana keep their voicing marks
        ("Контакты и адрес", "контакты-и-адрес"),  # й keeps its breve
        ("ติดต่อเรา", "ติดต่อเรา"),  # Thai vowel and tone marks stay on their letters
        ("연락처", "연락처"),
    ],
)
def test_other_scripts_keep_their_letters(text, slug):
    assert slugify(text) == slug


def test_ids_come_from_the_heading_text_not_from_their_order():
    def ids(text: str) -> list[str]:
        md = markdown.Markdown(extensions=[TocExtension(slugify=slugify)])
        return re.findall(r'<h\d id="([^"]*)"', md.convert(text))

    before = ids("# Trang\n\n## 办理手续\n\n## 联系方式\n")
    after = ids("# Trang\n\n## 新增章节\n\n## 办理手续\n\n## 联系方式\n")
    assert before == ["trang", "办理手续", "联系方式"]
    assert after == ["trang", "新增章节", "办理手续", "联系方式"]


def test_separator_follows_markdown_toc_signature():
    assert slugify("Đăng ký", "_") == "dang_ky"
    assert slugify("办理 手续", "_") == "办理_手续"


def test_slugs_are_nfc():
    import unicodedata

    for text in ("ガイド", "Контакты", "연락처", "ติดต่อ"):
        assert unicodedata.is_normalized("NFC", slugify(unicodedata.normalize("NFD", text)))


def _ascii_slug_of_before(value: str) -> str:
    """The slug every Latin-script heading had before other scripts were kept: fold, then [a-z0-9] runs."""
    import re

    from minhbach.load.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(value).lower()).strip("-")


@given(st.text(alphabet=st.one_of(st.characters(codec="latin-1"), st.sampled_from("ăâđêôơưĂÂĐÊÔƠƯạảãấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ—–“”‘’…·²ØøßÆæŁłĳ\u0300\u0301\u0303\u0309\u0323")),
               max_size=40))
def test_any_latin_script_heading_keeps_its_id(text: str):
    assert slugify(text) == _ascii_slug_of_before(text)
