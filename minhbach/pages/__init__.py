"""Records to Markdown pages. MkDocs-free: the plugin and the macros only call into this package.

`PageRenderer` and `GeneratedPage` are loaded on first use (PEP 562): the page modules import the
exports and the checks, which import this package's small modules (formatting, escaping, slugs),
so loading the renderer here would make every such import a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minhbach.pages.escape import md, yaml_string
from minhbach.pages.paths import CHECKLIST_JS, MERMAID_JS, page_path, relative
from minhbach.pages.values import status_badge

if TYPE_CHECKING:
    from minhbach.pages.renderer import GeneratedPage, PageRenderer

_RENDERER_NAMES = ("GeneratedPage", "PageRenderer")


def __getattr__(name: str) -> object:
    if name in _RENDERER_NAMES:
        from minhbach.pages import renderer

        return getattr(renderer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CHECKLIST_JS", "MERMAID_JS", "GeneratedPage", "PageRenderer", "md", "page_path", "relative", "status_badge", "yaml_string"]
