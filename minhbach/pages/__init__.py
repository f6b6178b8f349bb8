"""Records to Markdown pages. MkDocs-free: the plugin and the macros only call into this package."""

from minhbach.pages.escape import md, yaml_string
from minhbach.pages.paths import MERMAID_JS, page_path, relative
from minhbach.pages.renderer import GeneratedPage, PageRenderer
from minhbach.pages.values import status_badge

__all__ = ["MERMAID_JS", "GeneratedPage", "PageRenderer", "md", "page_path", "relative", "status_badge", "yaml_string"]
