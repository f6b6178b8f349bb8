"""Escaping editors' text for where it lands besides HTML: Markdown headings and front matter.

Record text reaches generated pages inside HTML blocks, escaped by Jinja's autoescape; the only
Markdown it enters is a heading (`md`: HTML-escaped, then Markdown punctuation backslash-escaped,
so an editor's "*" or "<script>" is shown as written) and front matter (`yaml_string`). Markdown
written in records is rendered apart, by `pages.markdown`.
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_BULLET_START = re.compile(r"^(\s*)([-+])")
_NUMBER_START = re.compile(r"^(\s*\d+)\.")


def md(value: object) -> Markup:
    """Text safe inside Markdown: HTML-escaped, then Markdown punctuation backslash-escaped.

    The result is one line; it cannot start a list ("- ", "1. ") or carry a link or emphasis.
    """
    text = " ".join(html.escape(str(value), quote=False).split())  # quotes are text here; "&#34;" would reach the toc escaped twice
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _BULLET_START.sub(r"\1\\\2", text)
    text = _NUMBER_START.sub(r"\1\\.", text)
    return Markup(text)


# What a YAML document may hold as it is (YAML 1.1, 5.1 "Character Set"; PyYAML's Reader.NON_PRINTABLE):
# everything else is written as an escape, or MkDocs fails to read the front matter and shows it as text.
# NEL, LS and PS are line breaks to YAML 1.1 and would be folded into a space: escaped as well.
_NOT_YAML_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xD800 <= code <= 0xDFFF:
        return "\\ufffd"  # a lone surrogate is no character at all
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def yaml_string(value: object) -> Markup:
    """A front-matter value as a double-quoted YAML scalar that reads back as exactly `value`.

    JSON's escapes cover quotes, backslashes and C0 controls (and are valid YAML); characters that
    JSON leaves as they are but YAML refuses in a document (DEL, C1 controls, U+FFFE, U+FFFF) are
    escaped too, so the front matter never fails to parse.
    """
    return Markup(_NOT_YAML_PRINTABLE.sub(_yaml_escape, json.dumps(str(value), ensure_ascii=False)))
