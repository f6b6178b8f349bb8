"""Telephone numbers as links a phone can call: `tel:` addresses in international form.

The numbers themselves are typed by the model (`model.base.Phone`, written as readers know them,
e.g. "0205 3719 886"); this module only writes their links. A number with the Vietnamese trunk
prefix 0 becomes +84 without it (RFC 3966 asks for the global form, so the link works from abroad
too: "0205 3719 886" -> "tel:+842053719886"). Service numbers (1800/1900 lines, 113...) exist only
inside Vietnam and have no international form: their link is the digits alone. RFC 3966 would add
";phone-context=+84", but dialers read ";" as "wait" and would dial it, so it is left out.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from minhbach.model.base import PHONE_FORMS

_SEPARATORS = re.compile(r"[ .-]")

# A number inside running text: every form but the bare short numbers ("113" in a sentence may be
# anything), and never a piece of a longer run of digits, a date or a document number ("09/2023").
_IN_TEXT = re.compile(
    r"(?<![\w/.+-])(?:" + "|".join(f for name, f in PHONE_FORMS.items() if name != "số ngắn") + r")(?![\w/]|[.-]\d)"
)


def tel_href(phone: str) -> str:
    """The `tel:` address of a number written as `model.base.Phone` allows: separators dropped,
    a leading 0 replaced by +84, "+..." kept, service numbers as their digits.

    >>> tel_href("0205 3719 886"), tel_href("+84 981 84 84 84"), tel_href("1900 1234")
    ('tel:+842053719886', 'tel:+84981848484', 'tel:19001234')
    """
    digits = _SEPARATORS.sub("", phone.strip())
    if digits.startswith("0"):
        digits = "+84" + digits[1:]
    return "tel:" + digits


def phone_link(phone: str) -> Markup:
    """One number as it is written, linked to its `tel:` address."""
    return Markup('<a href="{}">{}</a>').format(tel_href(phone), phone)


def link_phones(text: object) -> Markup:
    """Plain record text as HTML in which every telephone number is a `tel:` link; the rest escaped.

    Short service numbers ("113") are left as text: in a sentence they cannot be told from other
    numbers. Markdown fields write their links themselves (`[0205 3719 886](tel:+842053719886)`).
    """
    value = str(text)
    parts: list[str] = []
    end = 0
    for match in _IN_TEXT.finditer(value):
        parts.append(str(escape(value[end:match.start()])))
        parts.append(str(phone_link(match.group())))
        end = match.end()
    parts.append(str(escape(value[end:])))
    return Markup("".join(parts))
