"""Which feeds and data a page of the site announces in its head, whatever builds the site.

Every page announces the Atom feed of announcements and the events calendar; the index pages
that have a dataset of open data also announce its JSON and CSV files.
"""

from __future__ import annotations

from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH
from minhbach.exports.opendata import DATA_DIR


def head_links(page_url: str | None) -> list[tuple[str, str, str]]:
    """(path from the site root, media type, title) of the feeds a page announces in its head:
    the Atom feed and the calendar on every page, and its data on an index page with open data.

    `page_url` is the page's URL from the site root as MkDocs gives it (`thu-tuc/`); None when the
    page is not a page of the site (a 404 template). The MkDocs theme override
    (`minhbach/mkdocs/theme/main.html`) writes them as `<link rel="alternate feed">`: the HTML
    standard's "alternate" with a type makes a syndication feed, and the extra token keeps Material's
    language switcher, which fetches `sitemap.xml` beside every `link[rel=alternate]` it finds, from
    taking them for other languages of the site (material/templates/assets/javascripts, setupAlternate, 9.8).
    """
    links = [(FEED_PATH, "application/atom+xml", "Thông báo (Atom)"), (CALENDAR_PATH, "text/calendar", "Lịch sự kiện")]
    datasets = {"thu-tuc/": "thu-tuc", "van-ban/": "van-ban", "thong-bao/": "thong-bao"}
    if page_url in datasets:
        name = f"{DATA_DIR}/{datasets[page_url]}"
        links += [(f"{name}.json", "application/json", "Dữ liệu JSON"), (f"{name}.csv", "text/csv", "Dữ liệu CSV")]
    return links
