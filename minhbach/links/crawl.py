"""Read a built site: the ids each page defines and the links each page makes.

Regular expressions over the HTML are enough here (MkDocs and the templates write well-formed
attributes with double quotes) and much faster than a full parser on large sites.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_ID = re.compile(r'\s(?:id|name)="([^"]+)"')
_LINK = re.compile(r'<(a|link|img|script|source|iframe)\b[^>]*?\s(href|src)="([^"]*)"', re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    page: str  # built file, relative to the site root, e.g. "thu-tuc/x/index.html"
    tag: str
    target: str  # as written in the HTML, entities decoded


@dataclass
class SitePage:
    path: str
    ids: set[str]
    links: list[Link]


def read_page(site: Path, file: Path) -> SitePage:
    text = file.read_text(encoding="utf-8", errors="replace")
    relative = file.relative_to(site).as_posix()
    ids = {html.unescape(value) for value in _ID.findall(text)}
    links = [Link(relative, tag.lower(), html.unescape(target)) for tag, _, target in _LINK.findall(text)]
    return SitePage(relative, ids, links)


def html_files(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))
