"""Which feeds and data a page of the site announces in its head, whatever builds the site.

Every page announces the Atom feed of announcements and the events calendar; the index page of a
kind's page folder (`model.KINDS[kind].page_dir`) also announces the JSON and CSV files of the open
data of the records listed there (the announcements' page announces events, funding and notices).
"""

from __future__ import annotations

from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH
from minhbach.exports.opendata import DATA_DIR, DATASETS
from minhbach.model import KINDS
from minhbach.pages.i18n import DATASET_CONTEXT, gettext, pgettext


def head_links(page_url: str | None) -> list[tuple[str, str, str]]:
    """(path from the site root, media type, title) of the feeds a page announces in its head:
    the Atom feed and the calendar on every page, and its data on an index page with open data.

    `page_url` is the page's URL from the site root as MkDocs gives it (`thu-tuc/`); None when the
    page is not a page of the site (a 404 template). The MkDocs theme override
    (`minhbach/mkdocs/theme/main.html`) writes them as `<link rel="alternate feed">`: the HTML
    standard's "alternate" with a type makes a syndication feed, and the extra token keeps Material's
    language switcher, which fetches `sitemap.xml` beside every `link[rel=alternate]` it finds, from
    taking them for other languages of the site (material/templates/assets/javascripts, setupAlternate, 9.8).
    Titles are in the language pages are being written in (`pages.i18n`).
    """
    links = [(FEED_PATH, "application/atom+xml", gettext("Thông báo (Atom)")), (CALENDAR_PATH, "text/calendar", gettext("Lịch sự kiện"))]
    for dataset in DATASETS:
        if page_url is not None and f"{KINDS[dataset.kind].page_dir}/" == page_url:
            name = f"{DATA_DIR}/{dataset.name}"
            title = pgettext(DATASET_CONTEXT, dataset.title)
            links += [(f"{name}.json", "application/json", f"{title} (JSON)"), (f"{name}.csv", "text/csv", f"{title} (CSV)")]
    return links
