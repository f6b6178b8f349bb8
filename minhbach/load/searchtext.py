"""Text as search matches it: folded, in whole words (see `site.search` for why).

The search box (assets/search.js, `fold` and `words`) does the same to queries; the synonyms
(`load.synonyms`) are compared in this form.
"""

from __future__ import annotations

import re
import unicodedata

TERMINATOR = "ǂ"
"""Ends every indexed word and every query word (see `site.search`): a letter, as Pagefind keeps
only letters and digits, that no folded Vietnamese or English word contains."""
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
"""Chinese characters (Unicode's Han script: the CJK Unified Ideographs blocks and their compatibility forms).
Chinese is written without spaces; Pagefind cuts it into words itself, and would cut a `TERMINATOR`
off as a word of its own, found on every page: a word with Chinese characters gets none."""


def fold(text: str) -> str:
    """`text` as it is searched: lower case, without diacritics (Unicode marks, after NFD), "đ" as "d".

    The search box folds queries the same way (assets/search.js, `fold`)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(character for character in decomposed if not unicodedata.category(character).startswith("M"))


def index_words(text: str) -> str:
    """The words of `text` as Pagefind is given them: folded, cut at every character that is not a
    letter or a digit, each ending with `TERMINATOR`, one space between ("Lệ phí: 118/2025" ->
    "leǂ phiǂ 118ǂ 2025ǂ"); a word with Chinese characters (`HAN`) stays as it is ("护照"). The search
    box does the same to queries (assets/search.js, `words` and `indexed`)."""
    words, word = [], []
    for character in fold(text) + " ":
        if character.isalnum() and character != TERMINATOR:
            word.append(character)
        elif word:
            found = "".join(word)
            words.append(found if HAN.search(found) else found + TERMINATOR)
            word = []
    return " ".join(words)
