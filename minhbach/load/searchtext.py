"""Text as search matches it: folded, in whole words (see `site.search` for why).

The search box (assets/search.js, `fold` and `words`) does the same to queries; the synonyms
(`load.synonyms`) are compared in this form.
"""

from __future__ import annotations

import unicodedata

TERMINATOR = "ǂ"
"""Ends every indexed word and every query word (see `site.search`): a letter, as Pagefind keeps
only letters and digits, that no folded Vietnamese or English word contains."""


def fold(text: str) -> str:
    """`text` as it is searched: lower case, without diacritics (Unicode marks, after NFD), "đ" as "d".

    The search box folds queries the same way (assets/search.js, `fold`)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(character for character in decomposed if not unicodedata.category(character).startswith("M"))


def index_words(text: str) -> str:
    """The words of `text` as Pagefind is given them: folded, cut at every character that is not a
    letter or a digit, each ending with `TERMINATOR`, one space between ("Lệ phí: 118/2025" ->
    "leǂ phiǂ 118ǂ 2025ǂ"). The search box does the same to queries (assets/search.js, `words`)."""
    words, word = [], []
    for character in fold(text) + " ":
        if character.isalnum() and character != TERMINATOR:
            word.append(character)
        elif word:
            words.append("".join(word) + TERMINATOR)
            word = []
    return " ".join(words)
