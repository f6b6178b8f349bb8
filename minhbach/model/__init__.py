"""The content model: every record kind, defined once.

The validator, the JSON Schemas for editors, the field dictionary and the page templates
all derive from these classes.
"""

from __future__ import annotations

from dataclasses import dataclass

from minhbach.model.announcement import Event, FundingPolicy, Notice
from minhbach.model.base import Change, DocsFile, MarkdownText, NotApplicable, Pending, Record, RefTo
from minhbach.model.legal import LegalDocument, Validity
from minhbach.model.organisation import ProcedureField, Unit
from minhbach.model.procedure import InternalProcedure, Procedure
from minhbach.model.workflow import Workflow


@dataclass(frozen=True)
class Kind:
    """A record kind: its name in commands, its folder under data/, its model class, its label, and
    the folder of its pages under docs/ (None for kinds shown only on other pages: units, fields).

    A record's page is `<page_dir>/<id>.md`, which MkDocs publishes at `<page_dir>/<id>/`; the
    folder's `index.md` lists the kind (see `pages.paths`). These folders are the site's URLs:
    changing one breaks every link to its pages.
    """

    name: str
    folder: str
    model: type[Record]
    label: str
    page_dir: str | None


ANNOUNCEMENTS_PAGE_DIR = "thong-bao"
"""Events, funding policies and notices share one folder of pages: one index, one archive, one feed."""

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("procedure", "procedures", Procedure, "Thủ tục hành chính", "thu-tuc"),
        Kind("internal", "internal-procedures", InternalProcedure, "Thủ tục hành chính nội bộ", "thu-tuc-noi-bo"),
        Kind("workflow", "workflows", Workflow, "Quy trình", "quy-trinh"),
        Kind("legal", "legal", LegalDocument, "Văn bản pháp luật", "van-ban"),
        Kind("unit", "units", Unit, "Đơn vị", None),
        Kind("field", "fields", ProcedureField, "Lĩnh vực", None),
        Kind("event", "events", Event, "Sự kiện", ANNOUNCEMENTS_PAGE_DIR),
        Kind("funding", "funding", FundingPolicy, "Chính sách tài trợ", ANNOUNCEMENTS_PAGE_DIR),
        Kind("notice", "notices", Notice, "Thông báo", ANNOUNCEMENTS_PAGE_DIR),
    )
}
for _kind in KINDS.values():
    _kind.model.model_rebuild()  # resolve `translations` (defined after its class): tools that read the fields see its type
KIND_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS.values()}
KIND_BY_MODEL: dict[type[Record], Kind] = {kind.model: kind for kind in KINDS.values()}

__all__ = [
    "ANNOUNCEMENTS_PAGE_DIR",
    "Change",
    "Event",
    "FundingPolicy",
    "Notice",
    "InternalProcedure",
    "DocsFile",
    "KINDS",
    "KIND_BY_FOLDER",
    "KIND_BY_MODEL",
    "Kind",
    "LegalDocument",
    "MarkdownText",
    "NotApplicable",
    "Pending",
    "Procedure",
    "ProcedureField",
    "Record",
    "RefTo",
    "Unit",
    "Validity",
    "Workflow",
]
