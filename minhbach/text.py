"""Vietnamese text facts the checks rely on: NFC, syllable shape, folding for search and slugs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# Tone marks as combining characters (NFD). Circumflex, breve and horn are part of the
# letter, not the tone, so they are kept when counting tones.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iu iê oa oă oe oi ôi ơi ua uâ uê ui uô uơ ưa ưi ưu ươ uy yê "
    "iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu"
).split()
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    rf"({'|'.join(sorted(_NUCLEI, key=len, reverse=True))})"
    r"(ch|ng|nh|c|m|n|p|t)?$"
)


@dataclass(frozen=True)
class NonNfcRun:
    """A stretch of text on one line that NFC would change (1-based line and column)."""

    line: int
    column: int
    text: str

    @property
    def fixed(self) -> str:
        return unicodedata.normalize("NFC", self.text)


def non_nfc_runs(text: str) -> Iterator[NonNfcRun]:
    """Yield every place in `text` whose characters are not in NFC.

    A run starts at a base character and takes the combining marks that follow it,
    because that whole cluster is what NFC rewrites (e + U+0323 + U+0302 -> ệ).
    """
    for line_no, line in enumerate(text.split("\n"), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        index = 0
        while index < len(line):
            end = index + 1
            while end < len(line) and unicodedata.combining(line[end]):
                end += 1
            cluster = line[index:end]
            if not unicodedata.is_normalized("NFC", cluster):
                yield NonNfcRun(line=line_no, column=index + 1, text=cluster)
            index = end


def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable with at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in TONE_MARKS)
    if tones > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    return bool(_SYLLABLE.match(toneless))


def fold(text: str) -> str:
    """Remove diacritics and map đ/Đ to d/D ("Đăng ký hộ chiếu" -> "Dang ky ho chieu").

    NFD does not decompose đ, so it needs its own mapping; without it "Đ" is dropped or kept.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
