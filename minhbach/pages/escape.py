"""Escaping editors' text for where it lands besides HTML: Markdown headings and front matter.

Record text reaches generated pages inside HTML blocks, escaped by Jinja's autoescape; the only
Markdown it enters is a heading (`md`: HTML-escaped, then Markdown punctuation backslash-escaped,
so an editor's "*" or "<script>" is shown as written) and front matter (`yaml_string`). Markdown
written in records is rendered apart, by `pages.markdown`.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_BULLET_START = re.compile(r"^(\s*)([-+])")
_NUMBER_START = re.compile(r"^(\s*\d+)\.")


def md(value: object) -> Markup:
    """Text safe inside Markdown: HTML-escaped, then Markdown punctuation backslash-escaped.

    The result is one line; it cannot start a list ("- ", "1. ") or carry a link or emphasis.
    """
    text = " ".join(str(escape(str(value))).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _BULLET_START.sub(r"\1\\\2", text)
    text = _NUMBER_START.sub(r"\1\\.", text)
    return Markup(text)


def yaml_string(value: object) -> Markup:
    """A front-matter value: JSON strings are valid YAML and need no further quoting rules."""
    return Markup(json.dumps(str(value), ensure_ascii=False))
