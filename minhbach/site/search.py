"""The search index: every record page and hand-written page of a built site, in Pagefind.

Pagefind (1.5) already matches "ho chieu" to "hộ chiếu", but treats "đ" as a letter of its own.
The page text given to it therefore has "đ" written as "d", and the search box does the same to
the query. The real title and summary are stored as metadata, for display.

Only the title, the summary and the opening words of each page's own prose (not the headings, fact
lists and tables that every page of a kind repeats) are indexed, and announcements, which
outnumber everything else four to one at province scale, have an index of their own that the
search box loads only when the reader asks for them (or reads announcements). Vietnamese syllables
are short and few, so the posting lists of common ones ("ho", "cho", "thu") grow with every page;
indexing whole pages made the first query of a 1,200-page site download 460 KB. Titles and
summaries are what a reader searches for; the opening words catch the rest.

The text comes from each page as converted from Markdown, never from the theme's layout: the
MkDocs build hands every page to `SearchDocuments`, which writes `DOCUMENTS_FILE` into the built
site; `build_index` then reads that file, and refuses to build an index that would leave out a page
the site publishes.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path

from minhbach.site.links.sources import SOURCES_FILE, load_sources

INDEX_DIR = "pagefind"
ANNOUNCEMENTS_INDEX_DIR = "pagefind-thong-bao"
ANNOUNCEMENTS_PREFIX = "/thong-bao/"
DOCUMENTS_FILE = "search-documents.json"
"""Written into the built site by the MkDocs build; `build_index` reads it, and the site build
removes it once the index is built (readers only ever load the Pagefind bundles)."""
BODY_WORDS = 25
SUMMARY_CHARACTERS = 200
_SLICE = 1024  # characters of content HTML read at a time

_HIDDEN = frozenset({"script", "style", "svg", "nav", "form"})
"""Elements with no words for search: code, drawings and controls."""
_REPEATED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dl", "table", "figure", "pre"})
"""Parts every page of a kind repeats (headings, fact lists, tables): noise for search, and the
posting lists of their syllables would grow with every page. So are a record page's lead
(`p.mb-lead`, its summary again) and its notices (`div.mb-alert`)."""


class SearchError(Exception):
    """The search index cannot be built as the site is: its documents are missing or a page has none."""


def fold_d(text: str) -> str:
    """"đ" written as "d" and "Đ" as "D", as in the text Pagefind is given and in the search box's query."""
    return text.replace("đ", "d").replace("Đ", "D")


def _words(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


class _ContentText(HTMLParser):
    """The words of a page's content HTML: its first `<h1>`'s (`title`), the others (`rest`), and
    those of its own prose (`prose`: outside `_REPEATED` parts). Hidden elements (`_HIDDEN`) and
    heading permalinks (`a.headerlink`, from the toc extension) give none. Every tag separates
    words, as a browser's block elements mostly do. An element left open hides or repeats up to
    the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rest: list[str] = []
        self.title: list[str] = []
        self.prose: list[str] = []
        self.has_title = False
        self._open: list[list] = []  # [tag, depth, kind] of the elements being skipped or read apart
        self._inside = {"hidden": 0, "title": 0, "repeated": 0}  # how many of `_open` are of each kind

    def _kinds(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple[str, ...]:
        classes = next((value or "" for name, value in attrs if name == "class"), "").split() if attrs else ()
        if tag in _HIDDEN or tag == "a" and "headerlink" in classes:
            return ("hidden",)
        if tag == "h1" and not self.has_title:
            self.has_title = True
            return ("title", "repeated")
        if (tag in _REPEATED or tag == "p" and "mb-lead" in classes
                or tag == "div" and any(name.startswith("mb-alert") for name in classes)):
            return ("repeated",)
        return ()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_data(" ")
        for element in self._open:
            if element[0] == tag:
                element[1] += 1
        for kind in self._kinds(tag, attrs):
            self._open.append([tag, 1, kind])
            self._inside[kind] += 1

    def handle_endtag(self, tag: str) -> None:
        for element in self._open:
            if element[0] == tag:
                element[1] -= 1
                if element[1] == 0:
                    self._inside[element[2]] -= 1
        if self._open:
            self._open = [element for element in self._open if element[1] > 0]
        self.handle_data(" ")

    def handle_comment(self, data: str) -> None:
        self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        inside = self._inside
        if inside["hidden"]:
            return
        (self.title if inside["title"] else self.rest).append(data)
        if not inside["repeated"]:
            self.prose.append(data)

    def has_read(self, words: int, characters: int) -> bool:
        """Whether the title, the first `words` words of prose and the first `characters` characters
        of the rest are known, whatever follows (more text after each, and the title closed)."""
        return (self.has_title and not self._inside["title"] and len(_words(self.prose).split(" ", words)) > words
                and len(_words(self.rest)) >= characters)


@dataclass(frozen=True)
class SearchRecord:
    """What the index holds for one page, as plain text."""

    url: str  # "/thu-tuc/x/", from the site's root
    language: str  # as the page's `<html lang>`, e.g. "vi"
    title: str
    summary: str
    opening: str  # the first words of the page's own prose after its title

    def html(self) -> str:
        """What Pagefind reads: real title and summary as metadata, then the folded text to match,
        the title as a heading so that a match there weighs more."""
        title, summary = html.escape(self.title), html.escape(self.summary)
        return (f'<html lang="{html.escape(self.language)}"><body>'
                f'<p data-pagefind-meta="title" data-pagefind-ignore>{title}</p>'
                f'<p data-pagefind-meta="summary" data-pagefind-ignore>{summary}</p>'
                f"<h1>{html.escape(fold_d(self.title))}</h1><p>{html.escape(fold_d(self.summary))}</p>"
                f"<p>{html.escape(fold_d(self.opening))}</p></body></html>")


def record_of(*, url: str, language: str, content: str, title: str, description: str) -> SearchRecord:
    """The record of one page from its content as converted from Markdown (HTML, without the theme's layout).

    `url` is the page's from the site's root ("/thu-tuc/x/"). The title is the text of the content's
    first `<h1>`, else `title` (plain text: what the theme shows as the page's heading). The
    summary is `description` (plain text: what the page's `<meta name="description">` says),
    else the first `SUMMARY_CHARACTERS` characters of the text after the title. The opening is the
    first `BODY_WORDS` words of the prose (see `_ContentText`, `_REPEATED`). Never raises on bad
    HTML: what cannot be read is left out.
    """
    parser = _ContentText()
    try:  # a page's opening is near its top: read it in slices, and stop once the record is known
        for start in range(0, len(content), _SLICE):
            parser.feed(content[start:start + _SLICE])
            if parser.has_read(BODY_WORDS, 0 if description else SUMMARY_CHARACTERS):
                break
        else:
            parser.close()
    except AssertionError:  # html.parser (Python 3.11) on a malformed "<![" declaration: the text before it is kept
        pass
    heading = _words(parser.title) if parser.has_title else title
    summary = description or _words(parser.rest)[:SUMMARY_CHARACTERS].strip()
    opening = " ".join(_words(parser.prose).split()[:BODY_WORDS])
    return SearchRecord(url=url, language=language, title=heading, summary=summary, opening=opening)


class SearchDocuments:
    """The search records of one build, collected page by page as the site generator converts
    them, then written into the built site (`DOCUMENTS_FILE`, JSON) for `build_index`.

    `site_name` and `site_description` stand for a page's missing title and description, as the
    theme does (Material's heading and `<meta name="description">`).
    """

    def __init__(self, *, site_name: str = "", site_description: str = "") -> None:
        self.site_name = site_name
        self.site_description = site_description
        self.records: dict[str, SearchRecord] = {}

    def add(self, *, url: str, language: str, content: str, title: str = "", description: str = "") -> None:
        """Add the page at `url` (MkDocs' page URL: "thu-tuc/x/", "" for the home page) in `language`
        (what its `<html lang>` says); `content`, `title` and `description` are HTML, as the theme
        prints them (see `record_of`). A page added twice keeps its last record."""
        self.records["/" + url] = record_of(url="/" + url, language=language, content=content,
                                            title=html.unescape(title) or self.site_name,
                                            description=html.unescape(description) or self.site_description)

    def write(self, site: Path) -> Path:
        """Write `DOCUMENTS_FILE` into the built site `site`, records sorted by URL; returns its path."""
        target = site / DOCUMENTS_FILE
        documents = [asdict(record) for _, record in sorted(self.records.items())]
        target.write_text(json.dumps({"docs": documents}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        return target


def _write_bundle(records: list[SearchRecord], output: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="minhbach-search-") as work:
        source = Path(work)
        for record in records:
            target = source / record.url.strip("/") / "index.html" if record.url != "/" else source / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record.html(), encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        if not records:
            return
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output), "--quiet"],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"pagefind failed: {result.stderr or result.stdout}")


def read_documents(site: Path) -> list[SearchRecord]:
    """The records `SearchDocuments.write` put into the built site `site`.

    Raises SearchError when the file is missing or is not what `SearchDocuments.write` writes.
    """
    try:
        data = json.loads((site / DOCUMENTS_FILE).read_text(encoding="utf-8"))
        return [SearchRecord(**{name: str(document[name]) for name in SearchRecord.__dataclass_fields__}) for document in data["docs"]]
    except OSError:
        raise SearchError(f"{DOCUMENTS_FILE} is missing from {site}: the site was not built by MkDocs with the minhbach plugin") from None
    except (ValueError, TypeError, KeyError):
        raise SearchError(f"{site / DOCUMENTS_FILE} is not a list of search documents") from None


def searchable_records(site: Path) -> list[SearchRecord]:
    """The records to index, in URL order: every page made from a record or written by hand
    (the pages with a source in `SOURCES_FILE`), except the home page. Lists and indexes are left
    out so that a query leads to the page that answers it, not to the catalogue that names it.

    Raises SearchError naming the pages the sources file lists but the documents lack (a page
    that is published but could not be found by search), or when either file is missing.
    """
    if not (site / SOURCES_FILE).is_file():
        raise SearchError(f"{SOURCES_FILE} is missing from {site}: the site was not built by MkDocs with the minhbach plugin")
    documents = {record.url: record for record in read_documents(site)}
    urls = ["/" + url for url, source in sorted(load_sources(site).items()) if source and url not in ("./", "")]
    missing = [url for url in urls if url not in documents]
    if missing:
        raise SearchError(f"{len(missing)} trang không có tài liệu tìm kiếm (pages without a search document): {', '.join(missing[:20])}")
    return [documents[url] for url in urls]


def build_index(site: Path) -> int:
    """Write the Pagefind bundles into the built site `site` from its search documents; returns
    the number of pages indexed. Raises SearchError (see `searchable_records`).

    The pages Pagefind reads are prepared in a temporary folder (same paths, so the same URLs),
    then its command line indexes that folder in one run; feeding pages one by one through its
    Python API cost about 0.1 s a page.
    """
    records = searchable_records(site)
    announcements = [record for record in records if record.url.startswith(ANNOUNCEMENTS_PREFIX)]
    _write_bundle([record for record in records if not record.url.startswith(ANNOUNCEMENTS_PREFIX)], site / INDEX_DIR)
    _write_bundle(announcements, site / ANNOUNCEMENTS_INDEX_DIR)
    return len(records)
