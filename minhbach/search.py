"""The search index: every record page and hand-written page of a built site, in Pagefind.

Pagefind (1.5) already matches "ho chieu" to "hộ chiếu", but treats "đ" as a letter of its own.
The page text given to it therefore has "đ" written as "d", and the search box does the same to
the query. The real title and summary are stored as metadata, for display. Headings keep their
tags so that Pagefind weighs a match in a title above one in the body.
"""

from __future__ import annotations

import asyncio
import html
import re
from dataclasses import dataclass
from pathlib import Path

from minhbach.links.sources import load_sources, page_url

INDEX_DIR = "pagefind"
_BLOCKS = re.compile(r"<(script|style|svg|nav|form)\b.*?</\1>", re.S | re.I)
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


@dataclass(frozen=True)
class SearchRecord:
    url: str  # "/thu-tuc/x/"
    language: str
    title: str
    summary: str
    body: str  # the article's HTML, with "đ" folded, scripts and decorations removed

    def html(self) -> str:
        """What Pagefind reads: real title and summary as metadata, then the folded article."""
        title, summary = html.escape(self.title), html.escape(self.summary)
        return (f'<html lang="{self.language}"><body>'
                f'<p data-pagefind-meta="title" data-pagefind-weight="0.5">{title}</p>'
                f'<p data-pagefind-meta="summary" data-pagefind-weight="0.5">{summary}</p>'
                f"{self.body}</body></html>")


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
    body = _HEADERLINK.sub("", _BLOCKS.sub(" ", article.group(1)))
    return SearchRecord(url=url, language=language.group(1) if language else "vi", title=title, summary=summary,
                        body=fold_d(body))


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


async def _write(records: list[SearchRecord], output: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(config=IndexConfig(output_path=str(output))) as index:
        for record in records:
            await index.add_html_file(content=record.html(), url=record.url)
        await index.write_files(output_path=str(output))


def build_index(site: Path) -> int:
    """Write the Pagefind bundle into `site/pagefind/`; returns the number of pages indexed."""
    records = [record for file in searchable_pages(site) if (record := record_of(site, file)) is not None]
    asyncio.run(_write(records, site / INDEX_DIR))
    return len(records)
