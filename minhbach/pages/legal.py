"""Pages of legal documents and their list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from minhbach.model import LegalDocument
from minhbach.pages import jsonld
from minhbach.pages.i18n import using
from minhbach.pages.paths import index_path, page_path
from minhbach.pages.values import document_label, status_badge

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer


def page(r: PageRenderer, document: LegalDocument) -> str:
    """A legal document's page: its facts, what replaced or amended it and what it replaced or
    amended, and the procedures that cite it (each as readers of the page language see it)."""
    links = r.back_links
    with using(r.language):
        ld = jsonld.script(jsonld.legal(document))
    return r.render("legal.md.j2", d=document, citing=r.shown_all(links.citing.get(document.id, [])),
                    replaced=r.shown_all(links.replaced.get(document.id, [])), amended=r.shown_all(links.amends.get(document.id, [])),
                    ld=ld, page=page_path(document))


def index(r: PageRenderer) -> str:
    """Every legal document, newest first."""
    return r.render("legal_index.md.j2", page=index_path("legal"))


def badge(r: PageRenderer, document: LegalDocument, *, page: str) -> Markup:
    """A link to `document`, cited as readers of the page language cite it, with its validity badge;
    the link as seen from the docs file `page` (the `legal_badge` macro of hand-written pages)."""
    with using(r.language):
        shown = r.shown(document)
        return Markup('<a href="{link}">{label}</a> {badge}').format(link=r.href(page_path(shown), page), label=document_label(shown),
                                                                     badge=status_badge(shown))
