"""Pages of legal documents and their list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minhbach.model import LegalDocument
from minhbach.pages import jsonld
from minhbach.pages.paths import index_path, page_path

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer


def page(r: PageRenderer, document: LegalDocument) -> str:
    """A legal document's page: its facts, what replaced or amended it and what it replaced or
    amended, and the procedures that cite it."""
    links = r.back_links
    return r.render("legal.md.j2", d=document, citing=links.citing.get(document.id, []), replaced=links.replaced.get(document.id, []),
                    amended=links.amends.get(document.id, []), ld=jsonld.script(jsonld.legal(document)), page=page_path(document))


def index(r: PageRenderer) -> str:
    """Every legal document, newest first."""
    return r.render("legal_index.md.j2", page=index_path("legal"))
