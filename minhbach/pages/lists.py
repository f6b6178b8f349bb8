"""Lists across record kinds for hand-written pages: the newest changes, the directory of units, the kinds themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minhbach.model import KINDS, Procedure
from minhbach.pages.i18n import using
from minhbach.pages.paths import page_path
from minhbach.pages.values import document_label

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer

CHANGES_OF = ("procedure", "legal")
"""The kinds whose dated change notes are listed as the site's recent changes."""


def recent_changes(r: PageRenderer, *, limit: int, page: str) -> str:
    """The `limit` newest change notes of procedures and legal documents, newest first, with links
    as seen from the docs file `page`; titles and notes as readers of the page language see them."""
    changes = []
    with using(r.language):
        for entry in r.catalog.all_entries():
            if entry.kind.name not in CHANGES_OF:
                continue
            record = r.shown(entry.record)
            title = record.name if isinstance(record, Procedure) else document_label(record)
            changes += [(change.date, title, page_path(record), change.note) for change in record.changes]
    changes.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return r.render("partials/recent_changes.md.j2", changes=changes[:limit], page=page)


def unit_directory(r: PageRenderer) -> str:
    """Contact details of every unit, as readers of the page language see them."""
    return r.render("partials/unit_directory.md.j2", units=r.shown_all(r.catalog.units))


def record_kinds(r: PageRenderer) -> str:
    """The record kinds (`model.KINDS`): label, folder under the data folder, and how to start a new record."""
    return r.render("partials/record_kinds.md.j2", kinds=list(KINDS.values()))
