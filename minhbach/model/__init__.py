"""The content model: every record kind, defined once.

The validator, the JSON Schemas for editors, the field dictionary and the page templates
all derive from these classes.
"""

from __future__ import annotations

from dataclasses import dataclass

from minhbach.model.announcement import Event, FundingPolicy, Notice
from minhbach.model.base import Change, DocsFile, MarkdownText, Pending, Record, RefTo
from minhbach.model.legal import LegalDocument, Validity
from minhbach.model.organisation import ProcedureField, Unit
from minhbach.model.procedure import InternalProcedure, Procedure
from minhbach.model.workflow import Workflow


@dataclass(frozen=True)
class Kind:
    """A record kind: its name in commands, its folder under data/, and its model class."""

    name: str
    folder: str
    model: type[Record]
    label: str


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("procedure", "procedures", Procedure, "Thủ tục hành chính"),
        Kind("internal", "internal-procedures", InternalProcedure, "Thủ tục hành chính nội bộ"),
        Kind("workflow", "workflows", Workflow, "Quy trình"),
        Kind("legal", "legal", LegalDocument, "Văn bản pháp luật"),
        Kind("unit", "units", Unit, "Đơn vị"),
        Kind("field", "fields", ProcedureField, "Lĩnh vực"),
        Kind("event", "events", Event, "Sự kiện"),
        Kind("funding", "funding", FundingPolicy, "Chính sách tài trợ"),
        Kind("notice", "notices", Notice, "Thông báo"),
    )
}
KIND_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS.values()}
KIND_BY_MODEL: dict[type[Record], Kind] = {kind.model: kind for kind in KINDS.values()}

__all__ = [
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
    "Pending",
    "Procedure",
    "ProcedureField",
    "Record",
    "RefTo",
    "Unit",
    "Validity",
    "Workflow",
]
