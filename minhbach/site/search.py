"""The search index: every record page and hand-written page of a built site, in Pagefind.

What is indexed. The whole text of each page as converted from Markdown (steps, dossier items,
fees, times, reception place and hours, contacts, document numbers and titles: what citizens come
for), except what every generated page of a kind repeats word for word (see `_REPEATED`: section
headings, table heads, review dates, "đang cập nhật"...). The labels of fact lists are indexed
only in front of a known value. The title is indexed with weight `TITLE_WEIGHT` and the summary
with `SUMMARY_WEIGHT` (Pagefind's `data-pagefind-weight`), so that a match in the name ranks
first; the facts a page states (fees, times, hours, contacts: values of fact lists and table
cells) with `FACT_WEIGHT`, above its prose. A page's text stops after `BODY_WORDS` words. Indexing whole pages costs little for the
first query because words are whole (below): a query loads the index chunks of its own words,
not of every word they begin (at 12,300 synthetic pages the first query downloads less than
when only titles, summaries and 25 opening words were indexed; the README has the figures).

Whole syllables. Pagefind matches every query word as a prefix of the words it indexed, so that
"phi" would find "phía" and "dang" "đăng cai" as much as "phí" and "đăng ký". Vietnamese is
written in syllables, and a reader who types one means that syllable. So the text Pagefind is
given is folded (`load.searchtext.fold`: no diacritics, "đ" as "d", lower case) and every word
in it ends with `TERMINATOR`, a letter that no folded word contains (`index_words`); the search
box does the same to each query word, so that a prefix match is a whole-word match. Pagefind
keeps letters and digits of a word and drops other characters (Pagefind 1.5,
`pagefind/src/fossick/mod.rs`), so the terminator is a letter ("ǂ"), and words are cut at every
other character here, as in the query: "118/2025/QH15" is indexed as three words side by side,
which the search box's phrase search (for every query of several words) finds. Pagefind's own
ranking options stay as they are; the search box puts pages with the query in their title, then
with its words side by side, first. The title, summary, type and legal status shown in results
are Pagefind metadata, with their real diacritics.

Announcements, which outnumber everything else four to one at province scale, have an index of
their own that the search box loads only when the reader asks for them (or reads announcements),
through the same Pagefind instance (`mergeIndex`).

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

from minhbach.load.searchtext import index_words
from minhbach.load.synonyms import browser_synonyms
from minhbach.model import ANNOUNCEMENTS_PAGE_DIR, KIND_BY_MODEL, LegalDocument, Record, Validity
from minhbach.pages.i18n import gettext, kind_label, label
from minhbach.pages.values import status_class
from minhbach.site.links.sources import SOURCES_FILE, load_sources
from minhbach.site.parallel import Background, Pending

INDEX_DIR = "pagefind"
ANNOUNCEMENTS_INDEX_DIR = f"pagefind-{ANNOUNCEMENTS_PAGE_DIR}"
ANNOUNCEMENTS_PREFIX = f"/{ANNOUNCEMENTS_PAGE_DIR}/"
SYNONYMS_JSON = "search-synonyms.json"
"""Written into the built site by the MkDocs build: the synonyms (`load.synonyms`) the search box
loads with the index, as `[["visa", "thi thuc"], ...]` (terms folded)."""
DOCUMENTS_FILE = "search-documents.json"
"""Written into the built site by the MkDocs build; `build_index` reads it, and the site build
removes it once the index is built (readers only ever load the Pagefind bundles)."""
BODY_WORDS = 1500
"""Words of a page's text indexed at most: the longest real record page has about 1,100."""
SUMMARY_CHARACTERS = 200
TITLE_WEIGHT = 10
"""Pagefind's weight of a word of the title (its highest); a word of the text weighs 1."""
SUMMARY_WEIGHT = 3
FACT_WEIGHT = 2
"""Pagefind's weight of a word of a fact: a value of a fact list (`dd`) or a table cell (`td`), where
a record page states its fees, times, place, hours, contacts and dossier items. A reader who types
"lệ phí" means the page that states one, not a page that only names fees in passing; prose weighs 1."""
PAGE_KIND = "Trang"
"""The type shown for a hand-written page in results (record pages show their kind's label); a message
(`pages.messages`), shown in the site's language."""
_SLICE = 1024  # characters of content HTML read at a time

_HIDDEN = frozenset({"script", "style", "svg", "nav", "form", "button"})
"""Elements with no words for search: code, drawings and controls; so are elements with the
`hidden` attribute (shown only by a script, e.g. the dossier checklist's hints)."""
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_REPEATED = _HEADINGS | {"h1", "th", "figure", "pre"}
"""Parts every generated page of a kind repeats (headings, the heads of tables): noise for
search, and the posting lists of their syllables would grow with every page. So are (see
`_REPEATED_CLASSES`) a record page's lead (`p.mb-lead`, its summary again), its notices
(`div.mb-alert`), its notice links (`p.mb-notice-links`), its print-only header
(`dl.mb-print-only`), its review dates (`dl.mb-review`), its history of changes
(`ol.mb-changes`: "Đăng lần đầu" on every page) and the "đang cập nhật" of a value not yet
known (`span.mb-pending`). Facts (values of fact lists, table cells) are kept apart and weigh
more (`FACT_WEIGHT`); a table cell's label is its column's head, given as `data-label` (as the
phone layout shows it), so "Phí, lệ phí" stands in front of a fee like a fact list's label. The label of a fact list (`dt`) is indexed only in front
of a value (`dd`) with words: "Thời gian tiếp nhận" finds the pages that say when, not every
procedure. The headings of a hand-written page are its own, and are indexed (`headings`)."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_REPEATED_CLASSES = {"p": ("mb-lead", "mb-notice-links"), "div": ("mb-alert",), "dl": ("mb-print-only", "mb-review"),
                     "span": ("mb-pending",), "ol": ("mb-changes",)}


class SearchError(Exception):
    """The search index cannot be built as the site is: its documents are missing or a page has none."""


def _words(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


class _ContentText(HTMLParser):
    """The words of a page's content HTML: its first `<h1>`'s (`title`), the others (`rest`), and
    those of its own prose (`prose`: outside `_REPEATED` parts, but for headings when `headings`, labels of fact lists only before a
    value with words). Hidden elements (`_HIDDEN`) and
    heading permalinks (`a.headerlink`, from the toc extension) give none. Every tag separates
    words, as a browser's block elements mostly do. An element left open hides or repeats up to
    the end."""

    def __init__(self, *, headings: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.repeated = _REPEATED - _HEADINGS if headings else _REPEATED
        self.rest: list[str] = []
        self.title: list[str] = []
        self.prose: list[str] = []
        self.has_title = False
        self._open: list[list] = []  # [tag, depth, kind] of the elements being skipped or read apart
        self.facts: list[str] = []
        self._inside = {"hidden": 0, "title": 0, "repeated": 0, "label": 0, "value": 0, "fact": 0}  # how many of `_open` are of each kind
        self._label: list[str] = []  # the words of the last `dt`, until a `dd` with a value takes them
        self._value_starts: list[int] = []  # where in `prose` each open `dd` starts

    def _kinds(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple[str, ...]:
        classes = next((value or "" for name, value in attrs if name == "class"), "").split() if attrs else ()
        if tag in _VOID:  # never closed: hides or repeats nothing
            return ()
        if tag in _HIDDEN or tag == "a" and "headerlink" in classes or any(name == "hidden" for name, _ in attrs):
            return ("hidden",)
        if tag == "h1" and not self.has_title:
            self.has_title = True
            return ("title", "repeated")
        if tag == "dt":
            return ("label",)
        if tag == "dd":
            return ("value", "fact")
        if tag == "td":
            return ("value", "fact")
        if tag in self.repeated or any(name.startswith(prefix) for name in classes for prefix in _REPEATED_CLASSES.get(tag, ())):
            return ("repeated",)
        return ()

    def _separate(self) -> None:
        """Every tag separates words, in each part of the text."""
        for part in (self.rest, self.title, self.prose, self.facts, self._label):
            part.append(" ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._separate()
        for element in self._open:
            if element[0] == tag:
                element[1] += 1
        for kind in self._kinds(tag, attrs):
            self._open.append([tag, 1, kind])
            self._inside[kind] += 1
            if kind == "label":
                self._label = []
            elif kind == "value":
                self._value_starts.append(len(self.facts))
                if tag == "td":  # a table cell's label is its column's head, which the templates give it as `data-label`
                    self._label = [next((value or "" for name, value in attrs if name == "data-label"), "")]

    def handle_endtag(self, tag: str) -> None:
        for element in self._open:
            if element[0] == tag:
                element[1] -= 1
                if element[1] == 0:
                    self._inside[element[2]] -= 1
                    if element[2] == "value":
                        self._end_value()
        if self._open:
            self._open = [element for element in self._open if element[1] > 0]
        self._separate()

    def handle_comment(self, data: str) -> None:
        self._separate()

    def _end_value(self) -> None:
        """A `dd` ends: the label before it goes in front of its words, if it has any."""
        start = self._value_starts.pop() if self._value_starts else len(self.facts)
        if self._label and "".join(self.facts[start:]).strip():
            self.facts[start:start] = [" ", *self._label, " "]
            self._label = []

    def handle_data(self, data: str) -> None:
        inside = self._inside
        if inside["hidden"]:
            return
        (self.title if inside["title"] else self.rest).append(data)
        if inside["repeated"]:
            return
        (self._label if inside["label"] else self.facts if inside["fact"] else self.prose).append(data)

    def has_read(self, words: int, characters: int) -> bool:
        """Whether the title, the first `words` words of prose and the first `characters` characters
        of the rest are known, whatever follows (more text after each, and the title closed)."""
        return (self.has_title and not self._inside["title"] and len(_words(self.prose + self.facts).split(" ", words)) > words
                and len(_words(self.rest)) >= characters)


@dataclass(frozen=True)
class SearchRecord:
    """What the index holds for one page, as plain text."""

    url: str  # "/thu-tuc/x/", from the site's root
    language: str  # as the page's `<html lang>`, e.g. "vi"
    title: str
    summary: str
    text: str  # the page's own text after its title but for its facts (see `_ContentText`)
    facts: str = ""  # the words of its facts (fact lists' values with their labels, table cells); with `text` at most `BODY_WORDS` words
    kind: str = PAGE_KIND  # the label of the page's record kind ("Thủ tục hành chính"), `PAGE_KIND` for a hand-written page
    status: str = ""  # a legal document's `Validity` label ("Hết hiệu lực toàn bộ"), else ""
    badge: str = ""  # the class of the status's badge, as on the document's page (`values.status_class`)

    def html(self) -> str:
        """What Pagefind reads: real title, summary, type and status as metadata, then the text to
        match (`index_words`), the title, summary and facts weighted above the rest."""
        meta = {"title": self.title, "summary": self.summary, "kind": self.kind, "status": self.status, "badge": self.badge}
        shown = "".join(f'<p data-pagefind-meta="{name}" data-pagefind-ignore>{html.escape(value)}</p>' for name, value in meta.items() if value)
        return (f'<html lang="{html.escape(self.language)}"><body>{shown}'
                f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{html.escape(index_words(self.title))}</h1>'
                f'<p data-pagefind-weight="{SUMMARY_WEIGHT}">{html.escape(index_words(self.summary))}</p>'
                f'<p data-pagefind-weight="{FACT_WEIGHT}">{html.escape(index_words(self.facts))}</p>'
                f"<p>{html.escape(index_words(self.text))}</p></body></html>")


def record_labels(record: Record | None) -> dict[str, str]:
    """What a search result shows of the page of `record` (None: a hand-written page), as
    `SearchRecord`'s `kind`, `status` and `badge`: its kind's label (`Kind.label`) or
    `PAGE_KIND`, and a legal document's `Validity` label and badge class (none when it is pending
    or for other kinds); labels in the language pages are being written in (`pages.i18n`)."""
    if record is None:
        return {"kind": gettext(PAGE_KIND)}
    labels = {"kind": kind_label(KIND_BY_MODEL[type(record)].label)}
    if isinstance(record, LegalDocument) and isinstance(record.status, Validity):
        labels.update(status=label(record.status), badge=status_class(record.status))
    return labels


def record_of(*, url: str, language: str, content: str, title: str, description: str, kind: str = PAGE_KIND,
              status: str = "", badge: str = "", headings: bool = False) -> SearchRecord:
    """The record of one page from its content as converted from Markdown (HTML, without the theme's layout).

    `url` is the page's from the site's root ("/thu-tuc/x/"). The title is the text of the content's
    first `<h1>`, else `title` (plain text: what the theme shows as the page's heading). The
    summary is `description` (plain text: what the page's `<meta name="description">` says),
    else the first `SUMMARY_CHARACTERS` characters of the text after the title. The text is the
    first `BODY_WORDS` words of the page's own text (see `_ContentText`, `_REPEATED`). `headings`:
    the page's headings below its title are its own text (a hand-written page's), not the
    sections every page of a kind repeats. `kind`, `status` and `badge` are kept as given (see
    `SearchRecord`). Never raises on bad HTML: what cannot be
    read is left out.
    """
    parser = _ContentText(headings=headings)
    try:  # read in slices, and stop once the record is known
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
    facts = _words(parser.facts).split()[:BODY_WORDS]
    text = " ".join(_words(parser.prose).split()[:BODY_WORDS - len(facts)])
    return SearchRecord(url=url, language=language, title=heading, summary=summary, text=text, facts=" ".join(facts), kind=kind,
                        status=status, badge=badge)


class SearchDocuments:
    """The search records of one build, collected page by page as the site generator converts
    them, then written into the built site (`DOCUMENTS_FILE`, JSON) for `build_index`.

    `site_name` and `site_description` stand for a page's missing title and description, as the
    theme does (Material's heading and `<meta name="description">`). With `background`, pages are
    read by its workers while the build goes on (`site.parallel.Background`): reading the pages of
    3,000 records took 2.5 s of a 23 s build of them done in line.
    """

    def __init__(self, *, site_name: str = "", site_description: str = "", background: Background | None = None) -> None:
        self.site_name = site_name
        self.site_description = site_description
        self.background = background
        self.records: dict[str, SearchRecord] = {}
        self.excluded: set[str] = set()
        self._reading: dict[str, Pending] = {}  # pages the background is reading, by URL

    def exclude(self, *, url: str) -> None:
        """Leave the page at `url` (MkDocs' page URL) out of the index: a hand-written page whose front
        matter says `search: {exclude: true}` (Material's own key for it), e.g. a guide for editors."""
        self.excluded.add("/" + url)
        self.records.pop("/" + url, None)
        self._reading.pop("/" + url, None)

    def forget(self, *, url: str) -> None:
        """Drop what `add` or `exclude` said of the page at `url`, before it is read again."""
        self.records.pop("/" + url, None)
        self._reading.pop("/" + url, None)
        self.excluded.discard("/" + url)

    def _collect(self, *, wait: bool) -> None:
        """Move the records the background has read (all of them, waiting, with `wait`) into `records`."""
        for url in [url for url, pending in self._reading.items() if wait or pending.done()]:
            self.records[url] = self._reading.pop(url).result()

    def add(self, *, url: str, language: str, content: str, title: str = "", description: str = "", kind: str = PAGE_KIND,
            status: str = "", badge: str = "", headings: bool = False) -> None:
        """Add the page at `url` (MkDocs' page URL: "thu-tuc/x/", "" for the home page) in `language`
        (what its `<html lang>` says); `content`, `title` and `description` are HTML, as the theme
        prints them; `kind`, `status` and `badge` plain text, `headings` whether the page's headings are
        its own (see `record_of`). A page added twice keeps its last record."""
        arguments = dict(url="/" + url, language=language, content=content, title=html.unescape(title) or self.site_name,
                         description=html.unescape(description) or self.site_description, kind=kind, status=status, badge=badge,
                         headings=headings)
        self._reading.pop("/" + url, None)
        if self.background is None:
            self.records["/" + url] = record_of(**arguments)
            return
        self._reading["/" + url] = self.background.submit(record_of, **arguments)
        self._collect(wait=False)

    def write(self, site: Path) -> Path:
        """Write `DOCUMENTS_FILE` into the built site `site`, records sorted by URL (once the background
        has read every page); returns its path."""
        self._collect(wait=True)
        target = site / DOCUMENTS_FILE
        documents = [asdict(record) for _, record in sorted(self.records.items())]
        target.write_text(json.dumps({"docs": documents, "excluded": sorted(self.excluded)}, ensure_ascii=False, indent=0) + "\n",
                          encoding="utf-8")
        return target


def page_settings() -> dict[str, str]:
    """What the search box reads from the page (theme/partials/search.html, `data-mb-search-*`):
    the folders of the two indexes, that of the announcement pages, and the synonyms' file,
    relative to the site's root."""
    return {"index": f"{INDEX_DIR}/", "news_index": f"{ANNOUNCEMENTS_INDEX_DIR}/", "news_pages": f"{ANNOUNCEMENTS_PAGE_DIR}/",
            "synonyms": SYNONYMS_JSON}


def write_synonyms(site: Path, groups: list[tuple[str, ...]]) -> Path:
    """Write `SYNONYMS_JSON` into the built site `site` from the groups `load.synonyms.read_synonyms` gives."""
    target = site / SYNONYMS_JSON
    target.write_text(json.dumps(browser_synonyms(groups), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
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


def read_documents(site: Path) -> tuple[list[SearchRecord], set[str]]:
    """The records `SearchDocuments.write` put into the built site `site`, and the URLs of the pages
    left out of search on purpose (`SearchDocuments.exclude`).

    Raises SearchError when the file is missing or is not what `SearchDocuments.write` writes.
    """
    try:
        data = json.loads((site / DOCUMENTS_FILE).read_text(encoding="utf-8"))
        return ([SearchRecord(**{name: str(document[name]) for name in SearchRecord.__dataclass_fields__}) for document in data["docs"]],
                {str(url) for url in data.get("excluded", [])})
    except OSError:
        raise SearchError(f"{DOCUMENTS_FILE} is missing from {site}: the site was not built by MkDocs with the minhbach plugin") from None
    except (ValueError, TypeError, KeyError):
        raise SearchError(f"{site / DOCUMENTS_FILE} is not a list of search documents") from None


def searchable_records(site: Path) -> list[SearchRecord]:
    """The records to index, in URL order: every page made from a record or written by hand
    (the pages with a source in `SOURCES_FILE`), except the home page and the pages excluded by
    their front matter (`SearchDocuments.exclude`). Lists and indexes are left out so that a query
    leads to the page that answers it, not to the catalogue that names it.

    Raises SearchError naming the pages the sources file lists but the documents lack (a page
    that is published but could not be found by search), or when either file is missing.
    """
    if not (site / SOURCES_FILE).is_file():
        raise SearchError(f"{SOURCES_FILE} is missing from {site}: the site was not built by MkDocs with the minhbach plugin")
    records, excluded = read_documents(site)
    documents = {record.url: record for record in records}
    urls = ["/" + url for url, source in sorted(load_sources(site).items())
            if source and url not in ("./", "") and "/" + url not in excluded]
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
