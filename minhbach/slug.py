"""The one slug function, for page URLs and heading anchors alike.

Python-Markdown's default drops "Đ" ("Đăng ký" -> "ang-ky"); here đ/Đ become d, every other
diacritic is removed, and anything that is not a letter or digit becomes the separator.
"""

from __future__ import annotations

import re

from minhbach.text import fold

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(value: str, separator: str = "-") -> str:
    """'Đăng ký hộ chiếu' -> 'dang-ky-ho-chieu'. Signature matches Markdown's toc `slugify`."""
    ascii_text = fold(value).lower()
    return _NOT_ALNUM.sub(separator, ascii_text).strip(separator)
