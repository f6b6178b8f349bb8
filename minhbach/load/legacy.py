"""Recognise Vietnamese text stored in the pre-Unicode encodings TCVN3 (ABC) and VNI-Windows.

Office files typed in .VnTime or VNI-Times fonts keep one byte per letter (TCVN3) or a base
letter followed by a mark byte (VNI). Opened as Unicode they show up as "Céng hßa X· héi"
instead of "Cộng hòa Xã hội". This module only recognises and suggests; it never rewrites
a file on its own, because a wrong guess would destroy what the editor wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from minhbach.load.text import is_vietnamese_syllable

# TCVN3 (TCVN 5712:1993, VN3): byte -> letter, for the bytes .VnTime uses for lowercase
# letters and the letters without a tone. Capitals with tones had no code of their own
# (they used the .VnTimeH font), so they come back as lowercase.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TABLE = {chr(byte): letter for byte, letter in _TCVN3.items()}

# VNI-Windows: a base letter followed by a mark byte (seen through Windows-1252).
_VNI_TONE = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# After a, e, o: the circumflex alone or with a tone.
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
# After a: the breve alone or with a tone.
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Letters that are one byte in VNI.
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "ó": "ĩ", "Ó": "Ĩ",
    "ò": "ị", "Ò": "Ị", "æ": "ỉ", "Æ": "Ỉ", "î": "ỵ", "Î": "Ỵ",
}

# Latin-1 letters that real Vietnamese (in Unicode) uses; everything else in U+00A0..U+00FF
# inside a word is a sign of a legacy encoding seen through the wrong glasses.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_VIETNAMESE_EXTENDED = re.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_LATIN1_LETTERS = re.compile(r"[\u00a1-\u00ff]")
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'/\\\-–—]+")


@dataclass(frozen=True)
class LegacyGuess:
    encoding: str  # "TCVN3" or "VNI"
    suggestion: str  # the text as it was probably meant


def _suspicious(ch: str) -> bool:
    return "\u00a0" < ch <= "\u00ff" and ch not in _VIETNAMESE_LATIN1 and ch not in "°±×÷"


def _has_suspicious_in_word(text: str) -> bool:
    return any(len(word) > 1 and any(_suspicious(ch) for ch in word) for word in _WORD.findall(text))


def from_tcvn3(text: str) -> str:
    """Read `text` as TCVN3 bytes shown through Latin-1/Windows-1252."""
    return "".join(_TCVN3_TABLE.get(ch, ch) for ch in text)


def from_vni(text: str) -> str:
    """Read `text` as VNI-Windows shown through Windows-1252."""
    out: list[str] = []
    for ch in text:
        prev = out[-1] if out else ""
        base = prev.lower()
        if base in "aeo" and base and ch in _VNI_CIRCUMFLEX:
            out[-1] = unicodedata.normalize("NFC", prev + "\u0302" + _VNI_CIRCUMFLEX[ch])
        elif base == "a" and ch in _VNI_BREVE:
            out[-1] = unicodedata.normalize("NFC", prev + "\u0306" + _VNI_BREVE[ch])
        elif ch in _VNI_TONE and base and unicodedata.normalize("NFD", base)[0] in "aeiouy":
            out[-1] = unicodedata.normalize("NFC", prev + _VNI_TONE[ch])
        elif ch in _VNI_SINGLE:
            out.append(_VNI_SINGLE[ch])
        else:
            out.append(ch)
    return "".join(out)


def _plausibility(text: str) -> int:
    """Vietnamese syllables with diacritics count for; impossible words and odd characters against."""
    score = 0
    for word in _WORD.findall(text):
        if any(_suspicious(ch) for ch in word):
            score -= 2
        elif not word.isascii():
            score += 1 if is_vietnamese_syllable(word) else -1
    return score


def guess_legacy_text(text: str) -> LegacyGuess | None:
    """Return the likely legacy encoding of mojibake `text`, or None when it looks like real text.

    Text that already contains letters only Unicode can hold (ộ, ư, đ...) is taken as Unicode.
    """
    if text.isascii() or not _LATIN1_LETTERS.search(text) or _VIETNAMESE_EXTENDED.search(text):
        return None
    if not _has_suspicious_in_word(text):
        return None
    best: LegacyGuess | None = None
    best_score = 0
    for name, convert in (("TCVN3", from_tcvn3), ("VNI", from_vni)):
        candidate = convert(text)
        score = _plausibility(candidate)
        if score > best_score and not _has_suspicious_in_word(candidate):
            best, best_score = LegacyGuess(encoding=name, suggestion=candidate), score
    return best


_CP1258_TONES = {0xCC, 0xD2, 0xDE, 0xEC, 0xF2}


def guess_byte_encoding(data: bytes) -> str:
    """Name the encoding that bytes which are not UTF-8 most likely use, for the editor's hint."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.count(b"\x00") > len(data) // 4:
        return "UTF-16"
    as_latin1 = data.decode("latin-1")
    guess = guess_legacy_text(as_latin1)
    if guess is not None:
        return {"TCVN3": "TCVN3 (ABC, phông .VnTime)", "VNI": "VNI-Windows (phông VNI-Times)"}[guess.encoding]
    if any(byte in _CP1258_TONES for byte in data):
        decoded = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
        if _plausibility(decoded) > 0:
            return "Windows-1258"
    return "một bảng mã 8-bit cũ (có thể là Windows-1252)"
