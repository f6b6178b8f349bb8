"""Hand-written pages that render macros, rendered by the engine itself as mkdocs-macros renders them.

On a page that renders macros (`render_macros: true`, or the site's macros options), the page check
(`checks.pages`) accepts nothing but calls of the site's registered macros with literal arguments,
and `{% raw %}`; a generation with errors is refused before any page is rendered. The page's text
after its front matter is then rendered the way mkdocs-macros 1.5 renders it
(`Environment.from_string(markdown).render()`: Jinja's default options and the site's markers),
but in Jinja's sandbox, with nothing in scope but the registered macros. The page is written back
with its front matter and `render_macros: false`, so that a later build which runs mkdocs-macros
never reads what the macros wrote (record text) as a template.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from types import SimpleNamespace

import yaml
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from minhbach.catalog.docpages import DocPage
from minhbach.catalog.macros import MacroHost, SiteMacros


def render_body(page: DocPage, *, host: MacroHost, macros: SiteMacros, file: Path) -> str:
    """The Markdown mkdocs-macros would hand to MkDocs for `page` (the text after its front matter).

    `host` is the environment the site's `define_env` registered its macros on; its `page` and
    `markdown` are set to this page (`file` is the page's file) while it renders, as mkdocs-macros
    does, so a macro that fails names the page's line (`catalog.macros.report_failures`).
    Raises what a macro raises (`MacroFailed`), and Jinja's errors.
    """
    environment = SandboxedEnvironment(undefined=StrictUndefined, **macros.jinja_options)
    environment.globals.update(host.macros)
    host.page = SimpleNamespace(file=SimpleNamespace(src_uri=page.docs_path, src_path=page.docs_path.replace("/", os.sep),
                                                     abs_src_path=str(file)))
    host.markdown = page.body
    try:
        return environment.from_string(page.body).render()
    finally:
        host.page, host.markdown = None, ""


def rendered_page(page: DocPage, body: str) -> str:
    """The file of a page whose macros are rendered: its front matter with `render_macros: false`, then `body`."""
    front_matter = {**page.front_matter, "render_macros": False}
    text = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False, width=math.inf)
    return f"---\n{text}---\n\n{body}"
