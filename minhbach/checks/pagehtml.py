"""What a hand-written page puts in the reader's browser: nothing that runs, nothing from other hosts.

A page is rendered with Python-Markdown and the site's extensions, exactly as MkDocs renders it, and
the resulting HTML is read with the standard library's `html.parser` (which decodes character
references in attribute values, as browsers do). So Markdown links, reference definitions,
attribute lists (`{: onclick=... }`) and raw HTML are all seen as the browser will see them, and
code spans and code blocks (escaped by Markdown) are not. Each problem is then placed on the line
of the file that produces it: the smallest first part of the page whose rendering already shows it.

Rules (the site promises that pages run no code of their own and load nothing from other hosts,
README "Trang web được tạo ra thế nào"):

- elements that run code or embed other documents: script, iframe, frame, frameset, object, embed,
  applet, portal; base; meta http-equiv (refresh...); forms that send to another host;
- event-handler attributes (any `on*`);
- javascript:, vbscript:, data: URLs in any URL attribute, after removing what browsers ignore
  (WHATWG URL Standard: leading and trailing C0 controls and spaces, tabs and newlines anywhere;
  here all whitespace, to catch `java<tab>script:` that Markdown turns into spaces);
- images, media, styles and other resources loaded from another host: src, srcset, poster,
  background, <link href>, SVG image/use, and url()/@import in style attributes and <style>.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.toc import TocExtension

from minhbach.pages.slug import slugify

SITE_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition")
"""MkDocs' built-in extensions (toc, tables, fenced_code) and those of mkdocs.yml; a test keeps them equal."""


@functools.cache
def _markdown() -> markdown.Markdown:
    extensions: list = [TocExtension(permalink=True, slugify=slugify), *SITE_EXTENSIONS[1:]]
    return markdown.Markdown(extensions=extensions)


def render(text: str) -> str:
    """Markdown to HTML as the site renders a hand-written page (without MkDocs' link rewriting)."""
    md = _markdown()
    md.reset()
    return md.convert(text)


# --- URLs ----------------------------------------------------------------------------------------

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "livescript", "mocha"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc", "lowsrc",
                            "dynsrc", "codebase", "classid", "archive", "xlink:href", "ping", "manifest", "icon", "profile",
                            "srcset", "imagesrcset"})
LOADED_ATTRIBUTES = frozenset({"src", "srcset", "imagesrcset", "poster", "background", "lowsrc", "dynsrc"})
"""Attributes whose URL the browser fetches by itself when the page opens."""
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.I)
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")


def _urls(attribute: str, value: str) -> list[str]:
    if attribute in ("srcset", "imagesrcset"):
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if attribute in ("ping", "archive"):
        return value.split()
    return [value]


def scheme(url: str) -> str:
    """The URL's scheme as a browser reads it, lower-cased; "" for a relative URL."""
    found = _SCHEME.match(_IGNORED_IN_URLS.sub("", url))
    return found.group(1).lower() if found else ""


def other_host(url: str) -> str:
    """The host a URL points to when it is not a path on this site ("" otherwise).

    Browsers read "\\" as "/" in http(s) URLs, so "/\\\\evil.example" is another host too.
    """
    cleaned = _IGNORED_IN_URLS.sub("", url).replace("\\", "/")
    if cleaned.startswith("//") or scheme(cleaned):
        try:
            return urlsplit(cleaned if not cleaned.startswith("//") else "https:" + cleaned).hostname or cleaned
        except ValueError:
            return cleaned
    return ""


# --- CSS -----------------------------------------------------------------------------------------

_CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.S)
_CSS_URL = re.compile(r"""(?:url|image|image-set|-webkit-image-set|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_CODE = re.compile(r"expression\s*\(|behavior\s*:|-moz-binding\s*:", re.I)


def _css_text(css: str) -> str:
    css = _CSS_COMMENT.sub(" ", css)

    def unescape(found: re.Match[str]) -> str:
        if found.group(1):
            code = int(found.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return found.group(2)

    return _CSS_ESCAPE.sub(unescape, css)


def css_urls(css: str) -> tuple[list[str], bool]:
    """URLs a piece of CSS loads (url(), image-set(), @import), and whether it runs code (old IE expression())."""
    text = _css_text(css)
    urls = [next(group for group in found.groups() if group is not None) for found in _CSS_URL.finditer(text)]
    urls += [next(group for group in found.groups() if group is not None) for found in _CSS_IMPORT.finditer(text)]
    return [url for url in urls if url], bool(_CSS_CODE.search(text))


# --- problems in HTML ----------------------------------------------------------------------------

EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal"})
_HINT_NO_CODE = "Trang công khai không chạy mã tự viết. Cần tính năng mới thì nhờ người phụ trách kỹ thuật thêm vào giao diện chung."
_HINT_LOCAL = ("Tải tệp về, đặt trong docs/ (ví dụ docs/images/) rồi chèn bằng đường dẫn tương đối, ví dụ "
               "`![mô tả](images/ten-tep.png)`. Trang không tải gì từ máy chủ khác: có nơi không truy cập được, "
               "và máy chủ đó biết ai đang đọc trang.")


@dataclass(frozen=True)
class Problem:
    """One thing in the rendered HTML; `key` identifies it across renderings, `needles` find its column."""

    code: str
    message: str
    hint: str
    key: tuple[str, ...]
    needles: tuple[str, ...]


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[Problem] = []
        self._style_depth = 0

    def _add(self, code: str, message: str, hint: str, key: tuple[str, ...], needles: tuple[str, ...]) -> None:
        self.problems.append(Problem(code, message, hint, key, needles))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        element = f"<{tag}"
        if tag == "script":
            self._add("unsafe-html", "trang có thẻ `<script>`: mã chạy trong trình duyệt của người đọc",
                      "Xóa thẻ này. " + _HINT_NO_CODE, ("script",), (element,))
        elif tag in EMBEDDING:
            self._add("unsafe-html", f"thẻ `<{tag}>` nhúng nội dung hoặc chương trình của nơi khác vào trang",
                      "Thay bằng một liên kết thường: `[tên nội dung](https://...)`.", (tag,), (element,))
        elif tag == "base":
            self._add("unsafe-html", "thẻ `<base>` đổi địa chỉ gốc của mọi liên kết trên trang", "Xóa thẻ này.", (tag,), (element,))
        elif tag == "meta" and "http-equiv" in values:
            self._add("unsafe-html", f"thẻ `<meta http-equiv=\"{values['http-equiv']}\">` (tự chuyển trang, đặt cookie...) không được dùng trong nội dung trang",
                      "Xóa thẻ; muốn dẫn người đọc sang trang khác thì viết một liên kết.", (tag, values["http-equiv"]), (element,))
        elif tag in ("set", "animate") and values.get("attributename", "").lower() in ("href", "xlink:href"):
            self._add("unsafe-html", f"thẻ SVG `<{tag}>` thay đổi địa chỉ liên kết khi trang chạy", "Xóa thẻ này.", (tag,), (element,))
        if tag == "form" and (host := other_host(values.get("action", ""))):
            self._add("unsafe-html", f"biểu mẫu gửi dữ liệu người đọc nhập tới máy chủ khác ({host})",
                      "Không đặt biểu mẫu trên trang; dẫn liên kết tới nơi tiếp nhận chính thức (ví dụ Cổng dịch vụ công).",
                      ("form", values["action"]), ("action", element))
        for name, value in values.items():
            if name.startswith("on"):
                self._add("event-handler", f"thuộc tính `{name}` của thẻ `<{tag}>` chạy mã khi người đọc mở hoặc thao tác trên trang",
                          f"Xóa thuộc tính `{name}`. " + _HINT_NO_CODE, ("on", tag, name, value), (name, element))
            if name in URL_ATTRIBUTES:
                self._url(tag, name, value, embedded=tag in EMBEDDING or tag == "script")
            if name == "style":
                self._css(tag, value, ("style=", element))
        if tag == "style":
            self._style_depth += 1

    def _url(self, tag: str, name: str, value: str, *, embedded: bool) -> None:
        element = f"<{tag}"
        for url in _urls(name, value):
            found = scheme(url)
            if found in UNSAFE_SCHEMES:
                self._add("unsafe-link", f"địa chỉ `{found}:` ở thuộc tính `{name}` của thẻ `<{tag}>` chạy mã hoặc nhúng dữ liệu thay vì dẫn tới một trang",
                          "Dùng địa chỉ http(s) đầy đủ, hoặc đường dẫn tới một trang hay tệp trong docs/.",
                          ("scheme", tag, name, url), (url[:24], f"{name}=", name, "](", element))
                continue
            if embedded:
                continue  # the element is reported already
            host = other_host(url)
            loads = name in LOADED_ATTRIBUTES or (tag == "link" and name == "href") or (tag in ("image", "use", "feimage") and name.endswith("href"))
            if host and loads:
                what = {"img": "hình ảnh", "picture": "hình ảnh", "image": "hình ảnh", "link": "tệp định dạng hoặc tài nguyên",
                        "video": "video", "audio": "âm thanh", "source": "tệp đa phương tiện", "track": "phụ đề"}.get(tag, "tài nguyên")
                self._add("external-resource", f"trang tải {what} từ máy chủ khác ({host}) mỗi khi được mở",
                          _HINT_LOCAL, ("load", tag, name, url), (url[:24], f"{name}=", name, "](", element))

    def _css(self, tag: str, css: str, needles: tuple[str, ...]) -> None:
        urls, runs_code = css_urls(css)
        if runs_code:
            self._add("unsafe-html", f"kiểu trình bày (CSS) ở thẻ `<{tag}>` chạy mã (expression, behavior, -moz-binding)",
                      "Xóa phần này của CSS. " + _HINT_NO_CODE, ("css-code", tag, css), needles)
        for url in urls:
            if (found := scheme(url)) in UNSAFE_SCHEMES:
                self._add("unsafe-link", f"địa chỉ `{found}:` trong CSS của thẻ `<{tag}>`", "Dùng tệp trong docs/ với đường dẫn tương đối.",
                          ("css-scheme", tag, url), (url[:24], *needles))
            elif host := other_host(url):
                self._add("external-resource", f"kiểu trình bày (CSS) ở thẻ `<{tag}>` tải tệp từ máy chủ khác ({host})", _HINT_LOCAL,
                          ("css-load", tag, url), (url[:24], *needles))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style_depth:
            self._style_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._style_depth:
            self._css("style", data, ("<style",))


class _PlacedScanner(_Scanner):
    """The scanner, noting where each problem's tag starts (`HTMLParser.getpos`: 1-based line, 0-based column)."""

    def __init__(self) -> None:
        super().__init__()
        self.places: list[tuple[int, int]] = []

    def _add(self, code: str, message: str, hint: str, key: tuple[str, ...], needles: tuple[str, ...]) -> None:
        super()._add(code, message, hint, key, needles)
        line, offset = self.getpos()
        self.places.append((line, offset + 1))


def problems_at(html: str) -> list[tuple[Problem, int, int]]:
    """Every problem in an HTML or SVG file as it is served (no Markdown), with its line and column."""
    scanner = _PlacedScanner()
    scanner.feed(html)
    scanner.close()
    return [(problem, line, column) for problem, (line, column) in zip(scanner.problems, scanner.places, strict=True)]


def problems(html: str) -> list[Problem]:
    """Every problem in a piece of HTML, in document order."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.problems


# --- back to the Markdown file ------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    problem: Problem
    line: int  # 1-based, in the text given
    column: int  # 1-based


def locate(text: str) -> list[Located]:
    """The problems of a Markdown text, each at the line and column of the text that makes it.

    The line of the n-th problem with a given key is the first line L such that rendering lines
    1..L, followed by what structure the later lines have (`_skeleton`), already shows n of them
    (a tag written over several lines is found at the line that closes it); a URL that comes from
    a reference definition (`[tên]: https://...`) is reported at the definition. Rendering happens again only for pages that have problems: first each
    top-level block on its own (with the page's reference definitions), which is enough when those
    renderings show the same problems in the same order as the whole page; otherwise first parts of
    the whole page.
    """
    found = problems(render(text))
    if not found:
        return []
    lines = text.split("\n")
    keys = [problem.key for problem in found]
    definitions = [index for index, line in enumerate(lines) if ReferenceProcessor.RE.match(line)]
    rows = _rows_by_needles(lines, found) if len(found) > MAX_RENDERED_LOCATES else None
    rows = rows or _rows_by_block(lines, keys, definitions) or _rows(lines, keys)
    located = []
    for problem, row in zip(found, rows, strict=True):
        needle = problem.needles[0].lower()
        if needle not in lines[row - 1].lower():
            row = next((index + 1 for index in definitions if needle in lines[index].lower()), row)
        located.append(Located(problem, row, _column(lines[row - 1], problem.needles)))
    return located


MAX_RENDERED_LOCATES = 40
"""Beyond this many problems on a page, rendering parts of it again for each one is quadratic (800 in
one block took 14 s): each is then placed by finding its text in the lines, in order."""


def _rows_by_needles(lines: list[str], found: list[Problem]) -> list[int] | None:
    """The line of each problem, found by its first needle in the lines at or after the previous
    problem's; None when a needle is not found (the renderings then decide)."""
    lowered = [line.lower() for line in lines]
    rows, row = [], 0
    for problem in found:
        needle = problem.needles[0].lower()
        hit = next((index for index in range(row, len(lowered)) if needle in lowered[index]), None)
        if hit is None:
            return None
        rows.append(hit + 1)
        row = hit
    return rows


_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_CLOSER = re.compile(r"</[a-zA-Z][a-zA-Z0-9:-]*\s*>|-->")


def _skeleton(line: str) -> str:
    """What is left of a line after the part being searched: its indentation, code fences and closing
    tags, so that a code block, comment or HTML block opened before is still closed where it was."""
    stripped = line.lstrip()
    if not stripped:
        return line
    indent = line[: len(line) - len(stripped)]
    if fence := _FENCE.match(line):
        return indent + fence.group(1)
    closers = _CLOSER.findall(line)
    return indent + ("".join(closers) if closers else "x")


def _rows(lines: list[str], keys: list[tuple[str, ...]], offset: int = 0, suffix: str = "") -> list[int]:
    """For each key in order, the first line (1-based, plus `offset`) such that `lines` up to it, then the
    skeleton of the following lines (and `suffix`), shows it."""
    counts: dict[int, Counter] = {}
    skeletons = [_skeleton(line) for line in lines]

    def count(prefix: int) -> Counter:
        if prefix not in counts:
            text = "\n".join(lines[:prefix] + skeletons[prefix:]) + suffix
            counts[prefix] = Counter(problem.key for problem in problems(render(text)))
        return counts[prefix]

    def first(key: tuple[str, ...], wanted: int, low: int, high: int) -> int:
        while low < high:
            middle = (low + high) // 2
            if count(middle)[key] >= wanted:
                high = middle
            else:
                low = middle + 1
        return low

    seen: Counter = Counter()
    rows: list[int] = []
    last = 1
    for key in keys:
        seen[key] += 1
        if count(last)[key] >= seen[key]:
            row = first(key, seen[key], 1, last)
        else:  # problems come in page order: look just after the last one, then further and further
            step, low = 1, last + 1
            while low + step - 1 < len(lines) and count(low + step - 1)[key] < seen[key]:
                low, step = low + step, step * 2
            row = first(key, seen[key], low, min(len(lines), low + step - 1))
        row = min(row, len(lines))
        rows.append(row + offset)
        last = row
    return rows


def _rows_by_block(lines: list[str], keys: list[tuple[str, ...]], definitions: list[int]) -> list[int] | None:
    """`_rows` block by block (`_blocks`, each followed by the page's reference definitions); None when
    the blocks do not show exactly the page's problems in the page's order."""
    suffix = "\n\n" + "\n".join(lines[index] for index in definitions) if definitions else ""
    rows: list[int] = []
    shown: list[tuple[str, ...]] = []
    for start, end in _blocks(lines):
        block = lines[start:end]
        block_keys = [problem.key for problem in problems(render("\n".join(block) + suffix))]
        if block_keys:
            shown += block_keys
            rows += _rows(block, block_keys, offset=start, suffix=suffix)
    return rows if shown == keys else None


def _blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """Runs of lines (start, end) that Markdown reads as separate top-level blocks: a blank line ends one
    when the next line is not indented (indented lines continue a list item, admonition or code) and
    no code fence is open."""
    start, fence = 0, ""
    for index, line in enumerate(lines):
        if found := _FENCE.match(line):
            marker = found.group(1)
            if not fence:
                fence = marker
            elif marker == fence and not line.strip()[len(marker):].strip():
                fence = ""
        if fence or line.strip():
            continue
        following = next((later for later in lines[index + 1:] if later.strip()), "")
        if following and not following[0].isspace():
            if index > start:
                yield start, index
            start = index + 1
    if start < len(lines):
        yield start, len(lines)


def _column(line: str, needles: tuple[str, ...]) -> int:
    folded = line.lower()
    for needle in needles:
        if needle and (at := folded.find(needle.lower())) >= 0:
            return at + 1
    return len(line) - len(line.lstrip()) + 1


# --- template markers left for the reader ---------------------------------------------------------

VISIBLE_ATTRIBUTES = frozenset({"title", "alt", "placeholder", "aria-label", "value", "label", "href", "src"})


class _MarkerFinder(HTMLParser):
    """Where markers end up: in text outside code, or in an attribute the reader sees or follows."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.pattern = pattern
        self.code_depth = 0
        self.visible: set[int] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value and not (name == "href" and value.startswith("#")):
                self.visible.update(int(found.group(1)) for found in self.pattern.finditer(value))
        if tag in ("code", "pre", "kbd", "samp"):
            self.code_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre", "kbd", "samp") and self.code_depth:
            self.code_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.code_depth:
            self.visible.update(int(found.group(1)) for found in self.pattern.finditer(data))


def shown_outside_code(text: str, spans: list[tuple[int, int]]) -> Iterator[int]:
    """Which of the spans (start, end offsets in `text`) a reader sees as written, outside code.

    Each span is replaced by a marker of letters and digits, which Markdown leaves as it is, and
    the page is rendered: a marker in a code span or block is shown as code; one that is gone
    (an HTML comment) is not shown. Yields the indexes of the spans seen.
    """
    salt = 0
    while f"mbtpl{salt}x" in text:
        salt += 1
    pattern = re.compile(rf"mbtpl{salt}x(\d+)z")
    pieces, last = [], 0
    for index, (start, end) in enumerate(spans):
        pieces += [text[last:start], f"mbtpl{salt}x{index}z"]
        last = end
    pieces.append(text[last:])
    finder = _MarkerFinder(pattern)
    finder.feed(render("".join(pieces)))
    finder.close()
    yield from sorted(finder.visible)
