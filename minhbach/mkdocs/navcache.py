"""Material's navigation, rendered once for all the pages that would get the same HTML.

Record pages are not in the navigation (it stays short), so Material's nav has no active item on
them and differs from one page to the next only by the URLs it writes through MkDocs' `url` filter,
which are relative to the page. Pages for which every such URL comes out the same get the HTML
rendered for the first of them; pages in the nav (it shows them as active) are rendered as usual.

The URLs are those Material 9.8's partials/nav.html, nav-item.html and logo.html pass to `url`: every
page and link of the nav (sections have none), the home page, `extra.homepage` and the theme's logo.
A test compares every page with the nav Material renders itself, byte for byte.

Measured with scripts/bench-parts --instructions (synthetic records, 263 and 510 pages, a nav of six
pages): each page beyond the first costs 20.6 million instructions with the cache and 22.2 million
without it, 8% more. On the site's own records (50 pages, a nav of nine) it saves 86 million instructions.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

ORIGINAL = "original/"  # template prefix for the theme's own partials/nav.html


def nav_urls(nav: Navigation, config: Any) -> list[str]:
    """Every URL the theme's nav writes through the `url` filter, before it is made relative to a page."""
    urls: list[str] = []

    def walk(items: Iterable[Page | Section | Link]) -> None:
        for item in items:
            if isinstance(item, Section):
                walk(item.children)
            elif item.url is not None:
                urls.append(item.url)

    walk(nav.items)
    others = [config.extra.get("homepage"), nav.homepage.url if nav.homepage is not None else None, config.theme.get("logo")]
    return urls + [str(url) for url in others if url]


class NavCache:
    """Rendered nav HTML by what it depends on; one per build (the nav and the config do not change in it)."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}
        self._urls: list[str] | None = None

    def key(self, page: Page | None, nav: Navigation, config: Any, base_url: str) -> str:
        """'' for pages rendered as usual (in the nav, or without a URL); else `base_url` and every URL of
        the nav as MkDocs' `url` filter writes it for `page` (MkDocs 1.6: `normalize_url(url, page, base_url)`)."""
        if page is None or page.url is None or any(item is page for item in nav.pages):
            return ""
        if self._urls is None:
            self._urls = nav_urls(nav, config)
        return "\0".join([base_url, *(normalize_url(url, page, base_url) for url in self._urls)])

    def get(self, key: str) -> str | None:
        """The HTML rendered for `key`, None when it has not been rendered yet (or `key` is '')."""
        return self._html.get(key) if key else None

    def put(self, key: str, html: str) -> str:
        """Keep `html` for `key` (not for ''); returns '' so that templates can call it in an expression."""
        if key:
            self._html[key] = html
        return ""


def install(env: jinja2.Environment, *, theme_dirs: list[str], ours: str) -> None:
    """Make the theme's own nav reachable as original/partials/nav.html, and give templates a fresh cache."""
    later = theme_dirs[theme_dirs.index(ours) + 1:]
    original = next(d for d in later if (Path(d) / "partials" / "nav.html").is_file())
    if not isinstance(env.loader, jinja2.ChoiceLoader):
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({ORIGINAL.rstrip("/"): jinja2.FileSystemLoader(original)})])
    env.globals["mb_nav"] = NavCache()
