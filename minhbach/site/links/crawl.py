"""Read a built site: the ids each page defines and the links each page makes.

Pages are read with the standard library's `html.parser` (as MkDocs reads raw HTML), so links are
found however they are written: single, double or no quotes, any letter case, character
references, `srcset` lists. What a browser does not read is skipped too: comments, the text of
`<script>` and `<style>`. Which elements make a request or a link, and which attributes count as
fragment targets, follow the HTML Living Standard (sections "Links", "Embedded content",
"find a potential indicated element").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.parsers import expat
from pathlib import Path

# Element -> attributes holding one URL ("srcset" holds a list, read by `srcset_urls`).
LINK_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),  # SVG
    "image": ("href", "xlink:href"),  # SVG
}


@dataclass(frozen=True)
class Link:
    """One URL written in a built page.

    page: built file, relative to the site root ("thu-tuc/x/index.html"); tag: lower-case element
    name; target: the URL with character references decoded, as the browser reads it; line: 1-based
    line of the element in the built file (0 when unknown).
    """

    page: str
    tag: str
    target: str
    line: int = 0


@dataclass
class SitePage:
    """A built page: its path, the fragment targets it defines, its links, and the URLs from its
    `<base href>` and `<link rel="canonical">` ('' when absent)."""

    path: str
    ids: set[str]
    links: list[Link]
    base: str = ""
    canonical: str = ""


def srcset_urls(value: str) -> list[str]:
    """The URLs of an `srcset` value ("a.png 1x, b.png 2x" -> ["a.png", "b.png"]).

    Follows the HTML standard's "parse a srcset attribute": a URL runs to the next whitespace; a
    URL ending in commas has no descriptors; descriptors run to the next comma outside parentheses.
    """
    urls: list[str] = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while position < length and (value[position] != "," or depth):
                depth += {"(": 1, ")": -1}.get(value[position], 0)
                position += 1
        if url:
            urls.append(url)
    return urls


def refresh_url(content: str) -> str:
    """The URL of a `<meta http-equiv="refresh" content="5; url=...">`, '' when it names none
    (HTML standard, "shared declarative refresh steps")."""
    _, separator, rest = content.partition(";")
    if not separator:
        _, separator, rest = content.partition(",")
    rest = rest.strip()
    if rest[:3].lower() == "url":
        after = rest[3:].lstrip()
        if after.startswith("="):
            rest = after[1:].lstrip()
    if rest[:1] in ("'", '"'):
        rest = rest[1:].split(rest[0], 1)[0]
    return rest.strip()


class _PageParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self.base = ""
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in reversed(attrs) if value is not None}  # the first of repeated attributes wins
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        names = LINK_ATTRIBUTES.get(tag)
        if tag == "input" and values.get("type", "").lower() != "image":
            names = None  # only an image button loads its src
        if names is None:
            if tag == "base" and "href" in values and not self.base:
                self.base = values["href"].strip()
            elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and refresh_url(values.get("content", "")):
                self.links.append(Link(self.page, tag, refresh_url(values["content"]), self.getpos()[0]))
            return
        line = self.getpos()[0]
        for name in names:
            value = values.get(name)
            if value is None:
                continue
            if name == "srcset":
                self.links += [Link(self.page, tag, url, line) for url in srcset_urls(value)]
            else:
                self.links.append(Link(self.page, tag, value.strip(), line))
        if tag == "link" and "canonical" in values.get("rel", "").lower().split() and not self.canonical:
            self.canonical = values.get("href", "").strip()


def parse_page(relative: str, text: str) -> SitePage:
    """Read one page's HTML; `relative` is its path from the site root. Never raises on bad HTML."""
    parser = _PageParser(relative)
    parser.feed(text)
    parser.close()
    return SitePage(relative, parser.ids, parser.links, parser.base, parser.canonical)


def read_page(site: Path, file: Path) -> SitePage:
    """Read the built page `file` of the site in `site` (undecodable bytes become U+FFFD)."""
    return parse_page(file.relative_to(site).as_posix(), file.read_text(encoding="utf-8", errors="replace"))


def html_files(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def parse_xml(relative: str, data: bytes) -> SitePage:
    """The links of a sitemap (`<loc>`, sitemaps.org 0.9) or an Atom feed (`<link href>`, RFC 4287);
    other XML has none. Malformed XML gives the links read before the error."""
    links: list[Link] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    text: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == f"{ATOM} link" and attrs.get("href", "").strip():
            links.append(Link(relative, "link", attrs["href"].strip(), parser.CurrentLineNumber))
        elif name == f"{SITEMAP} loc":
            text.clear()
            text.append(str(parser.CurrentLineNumber))

    def end(name: str) -> None:
        if name == f"{SITEMAP} loc" and text:
            line, *parts = text
            if "".join(parts).strip():
                links.append(Link(relative, "loc", "".join(parts).strip(), int(line)))
            text.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = lambda data: text.append(data) if text else None
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        pass
    return SitePage(relative, set(), links)


def parse_calendar(relative: str, text: str) -> SitePage:
    """The `URL` properties of an iCalendar file (RFC 5545: 3.1 line unfolding, 3.8.4.6 URL)."""
    links: list[Link] = []
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        else:
            logical.append((number, line))
    for start, line in logical:
        name, separator, value = line.partition(":")
        if separator and name.split(";")[0].upper() == "URL" and value.strip():
            links.append(Link(relative, "URL", value.strip(), start))
    return SitePage(relative, set(), links)


def read_documents(site: Path) -> list[SitePage]:
    """The links of the site's sitemap, feeds and calendars (every *.xml and *.ics file)."""
    documents = [parse_xml(file.relative_to(site).as_posix(), file.read_bytes()) for file in sorted(site.rglob("*.xml"))]
    documents += [parse_calendar(file.relative_to(site).as_posix(), file.read_text(encoding="utf-8", errors="replace"))
                  for file in sorted(site.rglob("*.ics"))]
    return [document for document in documents if document.links]

