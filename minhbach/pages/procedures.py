"""Pages of administrative procedures, public and internal, and the catalogue of procedures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minhbach.model import InternalProcedure, Procedure, ProcedureField
from minhbach.pages import jsonld, notice
from minhbach.pages.checklist import storage_key
from minhbach.pages.paths import index_path, page_path

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer


def page(r: PageRenderer, procedure: Procedure) -> str:
    """A public procedure's page: the sections of the national template, its workflows, its JSON-LD,
    a link to its notice sheet.

    Its dossier table is a checklist whose ticks stay in the reader's browser under `storage_key` of the
    Vietnamese record, so that they follow the reader from one language of the site to another.
    """
    source = r.catalog.get("procedure", procedure.id)
    field = r.field(procedure)
    ld = jsonld.script(jsonld.procedure(procedure, field_name=field.name if field else None))
    return r.render("procedure.md.j2", p=procedure, field=field, workflows=r.shown_all(r.back_links.workflows.get(procedure.id, [])), ld=ld,
                    checklist=storage_key(source if isinstance(source, Procedure) else procedure), page=page_path(procedure), notice_link=notice.link(r, procedure))


def internal_page(r: PageRenderer, procedure: InternalProcedure) -> str:
    """An internal procedure's page (the sections internal procedures have)."""
    return r.render("internal_procedure.md.j2", p=procedure, field=r.field(procedure), page=page_path(procedure))


def index(r: PageRenderer) -> str:
    """The catalogue: one table per field that has procedures, as readers of the page language see them."""
    return r.render("procedure_index.md.j2", fields=fields_in_order(r.shown_all(r.catalog.procedures), r.shown_all(r.catalog.fields)),
                    page=index_path("procedure"))


def table(r: PageRenderer, procedures: list[Procedure], *, page: str) -> str:
    """The catalogue table of `procedures` (each as readers of the page language see it), with links as
    seen from the docs file `page`."""
    return r.render("partials/procedure_table.md.j2", procedures=r.shown_all(procedures), page=page)


def fields_in_order(procedures: list[Procedure], fields: list[ProcedureField]) -> list[tuple[ProcedureField, list[Procedure]]]:
    """Fields that have procedures, in display order (`order`, then name), each with its procedures by name."""
    by_field: dict[str, list[Procedure]] = {}
    for procedure in procedures:
        by_field.setdefault(procedure.field, []).append(procedure)
    ordered = sorted(fields, key=lambda f: (f.order, f.name))
    return [(field, sorted(by_field[field.id], key=lambda p: p.name)) for field in ordered if field.id in by_field]
