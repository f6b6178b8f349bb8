"""Whether a URL's #fragment reaches an element of a page, decided as a browser decides it.

The HTML Living Standard ("find a potential indicated element", "the indicated part of the
document") looks the fragment up first as the URL parser stores it (non-ASCII characters and a few
others percent-encoded, existing %XX left alone), then percent-decoded as UTF-8, and treats "top"
as the top of the page. So `#ph%E1%BB%A5-l%E1%BB%A5c` and `#phụ-lục` both reach `id="phụ-lục"`.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote, unquote

# Printable ASCII outside the URL standard's fragment percent-encode set (C0 controls, space, " < > `).
_FRAGMENT_SAFE = "".join(chr(code) for code in range(0x21, 0x7F) if chr(code) not in '"<>`')


def stored_form(fragment: str) -> str:
    """The fragment as the URL parser stores it: 'phụ lục' -> 'ph%E1%BB%A5%20l%E1%BB%A5c'."""
    return quote(fragment, safe=_FRAGMENT_SAFE)


def decoded_form(fragment: str) -> str:
    """The fragment percent-decoded, as the browser's second look-up uses it: 'ph%E1%BB%A5' -> 'phụ'.

    Invalid UTF-8 after decoding becomes U+FFFD, as in the standard's "UTF-8 decode without BOM".
    """
    return unquote(stored_form(fragment))


def reaches(fragment: str, ids: set[str]) -> bool:
    """True when a link to '#fragment' lands on an element whose id (or `<a name>`) is in `ids`,
    or on the top of the page ('' or "top" in any letter case)."""
    if not fragment or fragment in ids:
        return True
    stored = stored_form(fragment)
    if stored in ids:
        return True
    decoded = unquote(stored)
    return decoded in ids or decoded.lower() == "top"


def decoded_ids(ids: Iterable[str]) -> set[str]:
    """`ids` together with their decoded forms: what `decoded_form` of every fragment that reaches
    one of them is, for tools (MkDocs' anchor validation) that compare fragments with ids as
    plain strings."""
    ids = set(ids)
    return ids | {decoded_form(value) for value in ids}
