"""Parts marked pending are allowed, but listed, so nobody forgets them; so are the texts a new record's
draft asks the editor to write (`model.draft.PLACEHOLDER`)."""

from __future__ import annotations

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext
from minhbach.findings import Finding, warning
from minhbach.load.source import SourceDocument
from minhbach.model import Record
from minhbach.model.draft import placeholders
from minhbach.model.schema import title_of


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings = []
    for entry in catalog.all_entries():
        for loc, model in entry.facts.pending:
            name, parent = str(loc[-1]), loc[:-1]
            title, _ = title_of(entry.kind.name, parent, name)
            position = entry.position(loc, prefer_key=True)
            findings.append(
                warning(entry.path, position.line, position.column, "pending",
                        f"`{name}`{f' ({title})' if title else ''} đang cập nhật: {model.pending}",
                        "Trang hiển thị 'đang cập nhật'. Khi có giá trị chính thức, thay {pending: ...} bằng giá trị đó.")
            )
    return findings


def placeholder_findings(record: Record, doc: SourceDocument) -> list[Finding]:
    """A `pending` warning for each text of `record` still as its draft wrote it (`model.draft.placeholders`).

    Run on one record as it is read (`checks.record_text.check_record`), so that its findings are cached with it.
    """
    findings = []
    for loc, text in placeholders(record):
        position = doc.position(doc.locate(loc)[0])
        findings.append(warning(doc.path, position.line, position.column, "pending", f"chưa viết: {text}",
                                "Thay bằng nội dung thật; nếu chưa biết và phần này nhận {pending: ...}, ghi {pending: lý do}."))
    return findings
