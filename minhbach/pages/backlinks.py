"""Who points at a record: computed once per build, so that no page scans the catalog."""

from __future__ import annotations

from dataclasses import dataclass

from minhbach.catalog import Catalog
from minhbach.model import LegalDocument, Procedure, Workflow
from minhbach.model.dated import bases


@dataclass(frozen=True)
class BackLinks:
    """Records pointing at other records, by the id of the record pointed at."""

    citing: dict[str, list[Procedure]]  # legal document id -> procedures based on or announced by it, or whose fee or time it sets
    replaced: dict[str, list[LegalDocument]]  # legal document id -> documents it replaced
    amends: dict[str, list[LegalDocument]]  # legal document id -> documents it amends
    workflows: dict[str, list[Workflow]]  # procedure id -> its workflows

    @classmethod
    def of(cls, catalog: Catalog) -> BackLinks:
        """The back links of every record of `catalog`, each list in catalog order without repeats."""
        citing: dict[str, list[Procedure]] = {}
        for procedure in catalog.procedures:
            setting = [basis for channel in procedure.channels for basis in (*bases(channel.fee), *bases(channel.time))]
            for doc in dict.fromkeys([*(b.doc for b in procedure.legal_basis), procedure.announced_by, *setting]):
                if doc:
                    citing.setdefault(doc, []).append(procedure)
        replaced: dict[str, list[LegalDocument]] = {}
        amends: dict[str, list[LegalDocument]] = {}
        for document in catalog.legal:
            if document.replaced_by:
                replaced.setdefault(document.replaced_by, []).append(document)
            for amending in dict.fromkeys(document.amended_by):
                amends.setdefault(amending, []).append(document)
        workflows: dict[str, list[Workflow]] = {}
        for workflow in catalog.workflows:
            workflows.setdefault(workflow.procedure, []).append(workflow)
        return cls(citing=citing, replaced=replaced, amends=amends, workflows=workflows)
