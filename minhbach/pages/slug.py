"""The one slug function, for heading anchors (the toc extension's `slugify` in mkdocs.yml).

Page URLs do not go through it: MkDocs takes them from file names under docs/, and generated
pages from record ids, which the model already restricts to ASCII slugs.

An id comes from the heading's own text, never from its place on the page, so adding a heading
does not move the ids of the others and links written with the heading text keep working:

- Latin script (Vietnamese, English): folded to unaccented ASCII as it always was. Python-Markdown's
  default drops "Đ" ("Đăng ký" -> "ang-ky"); here đ/Đ become d, every other diacritic is removed,
  and Latin letters with no ASCII base (ø, ß, æ) become the separator, so existing ids do not change.
- Every other script (Chinese, Japanese, Korean, Thai, Cyrillic...): letters, decimal digits and the
  marks written on them are kept as they are, lower-cased where the script has case
  ("办理手续" -> "办理手续"). Before, such headings had no letters left and got "_1", "_2"...
- Anything else (spaces, punctuation, symbols) becomes the separator; the result is NFC.
"""

from __future__ import annotations

import unicodedata


def _is_latin(char: str) -> bool:
    """Whether `char` is written with Latin text: the blocks up to Spacing Modifier Letters (U+0000-U+02FF,
    with µ, ª, º, ʼ), or a Unicode name that says LATIN (Latin Extended Additional, FULLWIDTH LATIN...)."""
    return ord(char) < 0x300 or "LATIN" in unicodedata.name(char, "")


def slugify(value: str, separator: str = "-") -> str:
    """'Đăng ký hộ chiếu' -> 'dang-ky-ho-chieu', '办理手续：材料' -> '办理手续-材料'.

    Signature matches Markdown's toc `slugify(value, separator)`. Never raises; may return ""
    (a heading of punctuation only), for which the toc extension makes "_1", "_2"...
    """
    text = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    out: list[str] = []
    pending_separator = False
    keeps_marks = False  # the last letter kept is of a script whose marks are part of the letter
    for char in text:
        category = unicodedata.category(char)
        if category.startswith("M"):
            if keeps_marks:
                out.append(char)
            continue  # a diacritic on a Latin letter, or a mark with nothing to sit on: dropped
        if char.isascii() and char.isalnum():
            keep, keeps_marks = char.lower(), False
        elif (category.startswith("L") or category == "Nd") and not _is_latin(char):
            keep, keeps_marks = char.lower(), True
        else:
            pending_separator, keeps_marks = True, False
            continue
        if pending_separator and out:
            out.append(separator)
        pending_separator = False
        out.append(keep)
    return unicodedata.normalize("NFC", "".join(out))
