"""Vietnamese text helpers and legacy-encoding recognition."""

import unicodedata

import pytest

from minhbach.load.legacy import from_tcvn3, from_vni, guess_legacy_text
from minhbach.load.text import fold, is_vietnamese_syllable, non_nfc_runs


def test_fold_removes_diacritics_and_maps_d_stroke():
    assert fold("Đăng ký hộ chiếu") == "Dang ky ho chieu"


@pytest.mark.parametrize("word", ["người", "khuyên", "quốc", "giữa", "nghiêng", "Việt", "hoà", "hòa"])
def test_real_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["coọng", "hoứa", "xoong", "Straße", "hộộ"])
def test_impossible_syllables(word):
    assert not is_vietnamese_syllable(word)


def test_non_nfc_runs_name_line_and_column():
    text = "a\nb " + unicodedata.normalize("NFD", "ệ") + "c"
    [run] = non_nfc_runs(text)
    assert (run.line, run.column, run.fixed) == (2, 3, "ệ")


def test_legacy_converters():
    assert from_tcvn3("Céng hßa") == "Cộng hòa"
    assert from_vni("Coäng hoøa") == "Cộng hòa"
    assert from_vni("Ñaêng kyù") == "Đăng ký"


@pytest.mark.parametrize("text", ["Cộng hòa", "bán hàng và cá", "São Paulo", "Müller", "© 2026", "x · y", "Nguyễn Văn A (Hà Nội)"])
def test_ordinary_text_is_not_mistaken_for_mojibake(text):
    assert guess_legacy_text(text) is None
