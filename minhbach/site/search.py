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
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from minhbach.site.links.sources import load_sources, page_url

INDEX_DIR = "pagefind"
ANNOUNCEMENTS_INDEX_DIR = "pagefind-thong-bao"
ANNOUNCEMENTS_PREFIX = "/thong-bao/"
_BLOCKS = re.compile(r"<(script|style|svg|nav|form)\b.*?</\1>", re.S | re.I)
# Parts every page of a kind repeats (headings, fact lists, tables): noise for search, and the
# posting lists of their syllables would grow with every page.
_REPEATED = re.compile(r"<(h[1-6]|dl|table|figure|pre)\b.*?</\1>|<p class=\"mb-lead\">.*?</p>|<div class=\"mb-alert[^\"]*\"[^>]*>.*?</div>",
                       re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_LANG = re.compile(r'<html[^>]*\slang="([a-z]{2})')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def fold_d(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


def _text(fragment: str) -> str:
    fragment = _HEADERLINK.sub("", _BLOCKS.sub(" ", fragment))
    return " ".join(html.unescape(_TAGS.sub(" ", fragment)).split())


BODY_WORDS = 25


@dataclass(frozen=True)
class SearchRecord:
    url: str  # "/thu-tuc/x/"
    language: str
    title: str
    summary: str
    opening: str  # the first words of the page after its title, as plain text

    def html(self) -> str:
        """What Pagefind reads: real title and summary as metadata, then the folded text to match,
        the title as a heading so that a match there weighs more."""
        title, summary = html.escape(self.title), html.escape(self.summary)
        return (f'<html lang="{self.language}"><body>'
                f'<p data-pagefind-meta="title" data-pagefind-ignore>{title}</p>'
                f'<p data-pagefind-meta="summary" data-pagefind-ignore>{summary}</p>'
                f"<h1>{html.escape(fold_d(self.title))}</h1><p>{html.escape(fold_d(self.summary))}</p>"
                f"<p>{html.escape(fold_d(self.opening))}</p></body></html>")


def record_of(site: Path, file: Path) -> SearchRecord | None:
    page = file.read_text(encoding="utf-8", errors="replace")
    article = _ARTICLE.search(page)
    if article is None:
        return None
    body = article.group(1)
    heading = _H1.search(body)
    title = _text(heading.group(1)) if heading else ""
    text = _text(body)
    description = _DESCRIPTION.search(page)
    summary = html.unescape(description.group(1)) if description else text[len(title):][:200].strip()
    language = _LANG.search(page)
    url = "/" + page_url(file.relative_to(site).as_posix()).removeprefix("./")
    prose = _text(_REPEATED.sub(" ", _BLOCKS.sub(" ", body)))
    opening = " ".join(prose.split()[:BODY_WORDS])
    return SearchRecord(url=url, language=language.group(1) if language else "vi", title=title, summary=summary, opening=opening)


def searchable_pages(site: Path) -> list[Path]:
    """Pages made from a record or written by hand, except the home page; lists and indexes are left
    out so that a query leads to the page that answers it, not to the catalogue that names it."""
    sources = load_sources(site)
    chosen = []
    for url, source in sorted(sources.items()):
        if not source or url == "./":
            continue
        file = site / url / "index.html" if url.endswith("/") else site / url
        if file.is_file():
            chosen.append(file)
    return chosen


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


def build_index(site: Path) -> int:
    """Write the Pagefind bundles into the site; returns the number of pages indexed.

    The pages Pagefind reads are prepared in a temporary folder (same paths, so the same URLs),
    then its command line indexes that folder in one run; feeding pages one by one through its
    Python API cost about 0.1 s a page.
    """
    records = [record for file in searchable_pages(site) if (record := record_of(site, file)) is not None]
    announcements = [record for record in records if record.url.startswith(ANNOUNCEMENTS_PREFIX)]
    _write_bundle([record for record in records if not record.url.startswith(ANNOUNCEMENTS_PREFIX)], site / INDEX_DIR)
    _write_bundle(announcements, site / ANNOUNCEMENTS_INDEX_DIR)
    return len(records)
