"""Escaping editors' text for where it lands: Markdown, front matter, Markdown bodies.

Every value from YAML is escaped for its context: HTML-escaped inside HTML, and additionally
backslash-escaped inside Markdown, so an editor's "*" or "<script>" is shown as written.
"""

from __future__ import annotations

import html
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


_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>")


def body(text: str) -> Markup:
    """An editor's Markdown body: Markdown (and <https://...> links) works, raw HTML is shown as text."""
    parts = _AUTOLINK.split(text)
    # split() alternates text and captured links: escape the text, keep the links as autolinks.
    return Markup("".join(f"<{part}>" if index % 2 else html.escape(part, quote=False) for index, part in enumerate(parts)))
