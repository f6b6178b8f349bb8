"""Pages of workflows (the steps that settle a procedure), and the list of workflows and internal procedures."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from minhbach.model import Workflow
from minhbach.pages.i18n import using
from minhbach.pages.paths import index_path, page_path
from minhbach.pages.values import mermaid_label, step_duration

if TYPE_CHECKING:
    from minhbach.catalog import Catalog
    from minhbach.pages.renderer import PageRenderer


def page(r: PageRenderer, workflow: Workflow) -> str:
    """A workflow's page: its facts, a diagram and the table of its steps, in the page language."""
    with using(r.language):
        diagram = mermaid(workflow, r.unit_name)
    return r.render("workflow.md.j2", w=workflow, mermaid=diagram, page=page_path(workflow))


def index(r: PageRenderer) -> str:
    """Every workflow, and every internal procedure."""
    return r.render("workflow_index.md.j2", page=index_path("workflow"))


def empty_menu_pages(catalog: Catalog) -> frozenset[str]:
    """Index pages (relative to docs/) with nothing to list yet, to be left out of the site's menu:
    the workflows' index while there is neither a workflow nor an internal procedure. The page
    itself is still built (its address keeps working) and says why it is empty."""
    if catalog.workflows or catalog.internal_procedures:
        return frozenset()
    return frozenset({index_path("workflow")})


def mermaid(workflow: Workflow, unit_name: Callable[[str], str]) -> str:
    """Mermaid flowchart source: one box per step, in order; `unit_name` names a unit by its id."""
    lines = ["flowchart TD"]
    for number, step in enumerate(workflow.steps, start=1):
        who = unit_name(step.actor) + (f" · {step.role}" if step.role else "")
        label = "<br/>".join(mermaid_label(part) for part in (f"{number}. {who}", step.action, step_duration(step.duration)))
        lines.append(f'    s{number}["{label}"]')
        if number > 1:
            lines.append(f"    s{number - 1} --> s{number}")
    return "\n".join(lines)
