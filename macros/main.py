"""Functions staff call from hand-written pages (only on pages with `render_macros: true`).

They read the catalog the minhbach plugin loaded for this build and render with the same
code as the generated pages, so a table looks the same wherever it appears.
"""

from __future__ import annotations

from markupsafe import Markup

from minhbach.model import LegalDocument, Procedure
from minhbach.pages import PageRenderer, legal_path, status_badge


def define_env(env) -> None:
    plugin = env.conf.plugins["minhbach"]

    def renderer() -> PageRenderer:
        if plugin.renderer is None:
            raise RuntimeError("the minhbach plugin must come before macros in mkdocs.yml")
        return plugin.renderer

    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    def procedure_table(field: str | None = None, ids: list[str] | None = None) -> str:
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

    @env.macro
    def legal_badge(doc: str) -> str:
        """Link to a legal document with its validity badge, e.g. {{ legal_badge("qd-09-2023-qd-ttg") }}."""
        document = renderer().catalog.get("legal", doc)
        if not isinstance(document, LegalDocument):
            raise ValueError(f"legal_badge: không có văn bản mang mã '{doc}'")
        link = renderer().href(legal_path(document.id), current_page())
        return Markup('<a href="{link}">{label}</a> {badge}').format(label=document.label, link=link, badge=status_badge(document))

    @env.macro
    def recent_changes(limit: int = 8) -> str:
        """The newest dated change notes across procedures and legal documents."""
        return renderer().recent_changes(limit=limit, page=current_page())

    @env.macro
    def next_events(limit: int = 5) -> str:
        """The next events by start date (as of the build day)."""
        return renderer().announcement_list("events", limit=limit, page=current_page())

    @env.macro
    def newest_announcements(limit: int = 5) -> str:
        """The newest announcements of every kind."""
        return renderer().announcement_list("newest", limit=limit, page=current_page())

    @env.macro
    def open_policies() -> str:
        """Funding programmes open now."""
        return renderer().announcement_list("policies", limit=None, page=current_page())

    @env.macro
    def unit_directory() -> str:
        """Contact details of every unit."""
        return renderer().unit_directory()
