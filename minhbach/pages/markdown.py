"""Markdown written in records, rendered with a restricted subset and sanitised.

Record text marked as Markdown (`model.base.MarkdownText`, e.g. an announcement's `body`) is the
only record text that is not plain. It is rendered here, not by the site's Python-Markdown
(whose extensions, such as `attr_list` and `md_in_html`, let text add attributes and raw HTML),
and the result goes into the page as a finished HTML block:

- paragraphs, emphasis, lists, quotes, code, headings (a `#` heading becomes `<h2>`: the page has
  its own `<h1>`), links and images: the core of Markdown, without raw HTML (it is shown as text)
  and without attribute lists (shown as text);
- links may lead only to `http`, `https`, `mailto` and `tel` addresses or to pages and files of the
  site (a link to a `.md` file becomes the URL of its page); every other scheme (`javascript:`,
  `data:`, `vbscript:`, however written: entities, case, tabs, reference definitions) is dropped;
- images come only from the site itself;
- the HTML is then cleaned by `nh3` (the ammonia sanitiser) with an allowlist of tags, attributes and
  URL schemes, as a second wall.

What the subset cannot show is returned as `Problem`s, which `checks.record_text` turns into
findings, so an editor learns of it before publishing rather than from the page.

Size limits keep rendering linear in the text: Python-Markdown's link parser scans forward from
every "[" (quadratic in the number of brackets of one block: 4,000 took 9.6 s here), it splits a
block at every rule or heading and scans the rest again, and nested lists recurse (400 levels
raise RecursionError).
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link in record text may use (OWASP: allowlist, never a blocklist of bad schemes)."""

MAX_BRACKETS_PER_BLOCK = 200
"""'[' in one paragraph or list; Python-Markdown's link parsing is quadratic in them."""
MAX_NESTING = 20
"""Levels of nested lists and quotes; Python-Markdown recurses once per level."""
MAX_BREAKS_PER_BLOCK = 200
"""Rules and headings in one block (no blank line between them): Python-Markdown splits the block at
each one and scans the rest again (quadratic: 30,000 "***" lines took 58 s)."""
_BREAK = re.compile(r"^ {0,3}(?:([-*_])(?: *\1){2,} *|=+ *|-+ *|#{1,6}(?: .*)?)$")
MAX_TAGS_PER_BLOCK = 300
"""'<' starting a tag or an autolink in one block: Python-Markdown's inline HTML and autolink patterns
scan forward from each (quadratic: 12,000 `<a ` took 13 s)."""
MAX_BACKTICKS_PER_BLOCK = 1000
"""Backticks in one block: a table row splits its cells around code spans again for each (20,000 took 13 s)."""
_TAG_START = re.compile(r"<[A-Za-z/!?]")

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "hr",
         "h2", "h3", "h4", "h5", "h6"}
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
_CLEANER = nh3.Cleaner(tags=ALLOWED_TAGS, attributes=_ATTRIBUTES, url_schemes=set(SAFE_SCHEMES), link_rel="noopener",
                       strip_comments=True)


@dataclass(frozen=True)
class Problem:
    """Something in the text the subset does not show as written. `code` names the finding."""

    code: str  # "unsafe-link", "external-image", "markdown-html", "markdown-attr-list", "markdown-too-complex"
    detail: str  # the offending text, shortened, as the editor wrote it
    line: int = 0  # 1-based line in the text, where known; 0 otherwise


@dataclass(frozen=True)
class Rendered:
    html: str
    problems: tuple[Problem, ...]


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url` (lower case), or None for a relative URL.

    Follows the WHATWG URL standard's preprocessing: character references are decoded by the HTML
    parser first, leading and trailing C0 controls and spaces are stripped, tabs and newlines are
    removed anywhere; so "jav&#x61;script:" and " java\\tscript:" are both "javascript".
    """
    text = _TAB_OR_NEWLINE.sub("", html.unescape(url).strip(_C0_OR_SPACE))
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else None


def is_site_url(url: str) -> bool:
    """True for a path within the site: no scheme and no host ("//host/..." is another site)."""
    text = _TAB_OR_NEWLINE.sub("", html.unescape(url).strip(_C0_OR_SPACE)).replace("\\", "/")
    return url_scheme(url) is None and not text.startswith("//")


LinkResolver = Callable[[str], str]
"""Turns a site-relative link as written in a record (relative to its page's Markdown file,
e.g. "../thu-tuc/x.md#y") into the URL to put in the built page."""


class _Links(Treeprocessor):
    """Drops links and images the subset does not allow; resolves links within the site."""

    def __init__(self, md: markdown.Markdown, renderer: RecordMarkdown) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                if element.tag == "a":
                    self._link(element)
                elif element.tag == "img":
                    self._image(parent, index, element)
                elif element.tag == "h1":
                    element.tag = "h2"

    def _link(self, element: etree.Element) -> None:
        # An e-mail autolink's address comes as character references whose "&" Python-Markdown holds
        # as a placeholder until the end (markdown.util.AMP_SUBSTITUTE): "&#109;ailto:..." is "mailto:".
        href = html.unescape(element.get("href", "").replace(AMP_SUBSTITUTE, "&"))
        element.set("href", href)
        scheme = url_scheme(href)
        if scheme is None and is_site_url(href):
            element.set("href", self.renderer.resolve(href.strip()))
        elif scheme not in SAFE_SCHEMES:
            self.renderer.problems.append(Problem("unsafe-link", _clip(href)))
            del element.attrib["href"]
            element.tag = "span"

    def _image(self, parent: etree.Element, index: int, element: etree.Element) -> None:
        src = element.get("src", "")
        if is_site_url(src) and src.strip():
            element.set("src", self.renderer.resolve(html.unescape(src).strip()))
            return
        self.renderer.problems.append(Problem("external-image", _clip(src)))
        replacement = etree.Element("span")
        replacement.text = element.get("alt", "")
        replacement.tail = element.tail
        parent.remove(element)
        parent.insert(index, replacement)


_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[#.][\w-]+|[\w-]+\s*=)[^{}\n]*\}")
_FENCE_OR_CODE = re.compile(r"^(?: {4}|\t).*$|`[^`\n]*`", re.M)


def complexity_problems(text: str) -> list[Problem]:
    """Blocks with too many '[' or lines nested too deep; they would make rendering slow or fail.

    Shared by record text and hand-written pages: both go through Python-Markdown.
    """
    problems = []
    brackets, breaks, tags, ticks, block_start = 0, 0, 0, 0, 1
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            brackets, breaks, tags, ticks, block_start = 0, 0, 0, 0, number + 1
            continue
        brackets += line.count("[")
        breaks += bool(_BREAK.match(line))
        tags += len(_TAG_START.findall(line))
        ticks += line.count("`")
        if tags > MAX_TAGS_PER_BLOCK or ticks > MAX_BACKTICKS_PER_BLOCK:
            what = f"hơn {MAX_TAGS_PER_BLOCK} thẻ HTML hoặc địa chỉ <...>" if tags > MAX_TAGS_PER_BLOCK else f"hơn {MAX_BACKTICKS_PER_BLOCK} dấu `"
            problems.append(Problem("markdown-too-complex", f"một đoạn có {what}", block_start))
            break
        if brackets > MAX_BRACKETS_PER_BLOCK:
            problems.append(Problem("markdown-too-complex", f"một đoạn có hơn {MAX_BRACKETS_PER_BLOCK} dấu '['", block_start))
            break
        if breaks > MAX_BREAKS_PER_BLOCK:
            problems.append(Problem("markdown-too-complex",
                                    f"một đoạn có hơn {MAX_BREAKS_PER_BLOCK} đường kẻ hoặc tiêu đề liền nhau", block_start))
            break
    for number, line in enumerate(lines, start=1):
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        quotes = len(re.match(r"[>\s]*", expanded).group(0).replace(" ", ""))
        depth = indent // 4 + quotes
        if depth > MAX_NESTING:
            problems.append(Problem("markdown-too-complex", f"danh sách hoặc trích dẫn lồng {depth} tầng (tối đa {MAX_NESTING})", number))
            break
    return problems


class RecordMarkdown:
    """One renderer, reused for every Markdown value of a build (Python-Markdown resets between texts)."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.treeprocessors.register(_Links(self.md, self), "minhbach_links", -1)  # after "unescape" (0)
        self.problems: list[Problem] = []
        self.resolve: LinkResolver = lambda url: url

    def render(self, text: str, *, resolve: LinkResolver | None = None) -> Rendered:
        """`text` as sanitised HTML, with what could not be shown as written.

        Text over the complexity limits is shown as escaped plain text, never parsed.
        """
        problems = complexity_problems(text)
        problems += [Problem("markdown-html", _clip(m.group(0))) for m in _RAW_HTML.finditer(_FENCE_OR_CODE.sub("", text))]
        problems += [Problem("markdown-attr-list", _clip(m.group(0))) for m in _ATTR_LIST.finditer(_FENCE_OR_CODE.sub("", text))]
        if any(p.code == "markdown-too-complex" for p in problems):
            return Rendered(_plain(text), tuple(problems))
        self.problems, self.resolve = [], resolve or (lambda url: url)
        try:
            converted = self.md.reset().convert(text)
        except RecursionError:
            return Rendered(_plain(text), (*problems, Problem("markdown-too-complex", "cấu trúc lồng nhau quá sâu")))
        return Rendered(_CLEANER.clean(converted), (*problems, *self.problems))


def _plain(text: str) -> str:
    return "".join(f"<p>{html.escape(block)}</p>" for block in re.split(r"\n[ \t]*\n", text.strip()) if block.strip())


def docs_link_resolver(page: str, href: Callable[[str, str], str]) -> LinkResolver:
    """Resolve links written relative to the docs file `page` (as MkDocs does for Markdown pages).

    `href(target, page)` gives the URL of the docs file `target` as seen from `page`'s built page.
    Root-absolute paths and links to the same page's sections are kept as written.
    """

    def resolve(url: str) -> str:
        parts = urlsplit(url)
        if not parts.path or parts.path.startswith("/"):
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
        if target.startswith(".."):
            return url  # outside the site: the link checker reports it at the record's line
        resolved = href(target, page)
        return resolved + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    return resolve
