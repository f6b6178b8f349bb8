"""Material's navigation, rendered once for all the pages that share it.

Record pages are not in the navigation (it stays short), so Material's nav has no active item on
them and differs from one to the next only by its relative links. Rendering it for each of 12,000
pages took a tenth of the build; pages whose links to the nav's pages and to the site root are the
same get the HTML rendered for the first of them. Pages in the nav are rendered as usual.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ORIGINAL = "original/"  # template prefix for the theme's own partials/nav.html


class NavCache:
    """Rendered nav HTML by what it depends on; one per build."""

    def __init__(self) -> None:
        self._html: dict[str, str] = {}

    @staticmethod
    def key(page: Page | None, nav: Navigation, base_url: str) -> str:
        """'' for pages the nav shows as active (render those as usual), else what the nav's HTML depends on."""
        if page is None or page.url is None or any(item is page for item in nav.pages):
            return ""
        return "\0".join([base_url, *(get_relative_url(item.url, page.url) for item in nav.pages)])

    def get(self, key: str) -> str | None:
        return self._html.get(key) if key else None

    def put(self, key: str, html: str) -> str:
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
