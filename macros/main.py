"""Functions staff call from hand-written pages (only on pages with `render_macros: true`).

They read the catalog of this build's generation (`minhbach.site.generate.generation_for`: the
minhbach plugin's, or one made from the project when the site runs without the plugin, or the
engine's own when `minhbach generate --with-docs` renders the pages) and render with the same
code as the generated pages, so a table looks the same wherever it appears.

`minhbach check` reads this module too: the functions registered here are the only ones a page
may call, with literal arguments of the annotated types; an argument marked `RefTo(kind)` must
be the id of a record of that kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from minhbach.model import LegalDocument, Procedure, RefTo
from minhbach.catalog.macros import report_failures

if TYPE_CHECKING:
    from minhbach.pages import PageRenderer

Limit = Annotated[int, Field(ge=1, le=100)]


def define_env(env) -> None:
    def renderer() -> PageRenderer:
        from minhbach.site.generate import generation_for  # here: `minhbach check` reads this module, the build renders

        return generation_for(env.conf).renderer

    def current_page() -> str:
        return env.page.file.src_uri

    def macro(function):
        """Register `function` for pages; when it fails, the build names the page's file and line."""
        return env.macro(report_failures(env, function), function.__name__)

    @macro
    def procedure_table(field: Annotated[str, RefTo("field")] | None = None,
                        ids: list[Annotated[str, RefTo("procedure")]] | None = None) -> str:
        """Table of procedures: all, those of one field (`field="lanh-su"`), or a chosen list (`ids=[...]`)."""
        catalog = renderer().catalog
        if ids is not None:
            chosen = []
            for record_id in ids:
                found = catalog.get("procedure", record_id)
                if not isinstance(found, Procedure):
                    raise ValueError(f"procedure_table: không có thủ tục mang mã '{record_id}'")
                chosen.append(found)
        else:
            if field is not None and catalog.get("field", field) is None:
                raise ValueError(f"procedure_table: không có lĩnh vực mang mã '{field}'")
            chosen = [p for p in catalog.procedures if field is None or p.field == field]
        return renderer().procedure_table(chosen, page=current_page())

    @macro
    def legal_badge(doc: Annotated[str, RefTo("legal")]) -> str:
        """Link to a legal document with its validity badge, e.g. {{ legal_badge("qd-09-2023-qd-ttg") }}."""
        document = renderer().catalog.get("legal", doc)
        if not isinstance(document, LegalDocument):
            raise ValueError(f"legal_badge: không có văn bản mang mã '{doc}'")
        return renderer().legal_badge(document, page=current_page())

    @macro
    def recent_changes(limit: Limit = 8) -> str:
        """The newest dated change notes across procedures and legal documents."""
        return renderer().recent_changes(limit=limit, page=current_page())

    @macro
    def next_events(limit: Limit = 5) -> str:
        """The next events by start date (as of the build day)."""
        return renderer().announcement_list("events", limit=limit, page=current_page())

    @macro
    def newest_announcements(limit: Limit = 5) -> str:
        """The newest announcements of every kind."""
        return renderer().announcement_list("newest", limit=limit, page=current_page())

    @macro
    def open_policies() -> str:
        """Funding programmes open now."""
        return renderer().announcement_list("policies", limit=None, page=current_page())

    @macro
    def unit_directory() -> str:
        """Contact details of every unit."""
        return renderer().unit_directory()

    @macro
    def record_kinds() -> str:
        """The record kinds, their folders and the command that starts a new record (the editors' guide)."""
        return renderer().record_kinds()
