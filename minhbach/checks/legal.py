"""Legal documents: status consistent with dates and replacements; procedures resting on valid law;
a link to the official full text of every document in force.

A document known to be in force (its status recorded, not pending) without `url` is a warning (`legal-no-url`), not an error: readers can still find it
by its number, and an address must come from the official source (the national legal database vbpl.vn
or the official gazette), never be guessed to silence the check. The address itself is checked by the
external link job (`site.links.external`) once it is published on the document's page.
"""

from __future__ import annotations

import datetime as dt

from minhbach.catalog import Catalog, Entry
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error, warning
from minhbach.model import LegalDocument, Procedure, Validity


def _status_problems(document: LegalDocument, today: dt.date) -> list[tuple[str, str, str, str]]:
    """(severity, code, message, hint) for a status that contradicts the dates or a replacement."""
    status = document.status
    if not isinstance(status, Validity):
        return []
    problems = []
    if document.replaced_by and status in (Validity.IN_FORCE, Validity.NOT_YET):
        problems.append(("error", "status-conflict",
                         f"văn bản đã được thay thế bởi '{document.replaced_by}' nhưng tình trạng là '{status.label}'",
                         "Sửa `status` (thường là het_hieu_luc_toan_bo) hoặc bỏ `replaced_by`."))
    effective = document.effective if isinstance(document.effective, dt.date) else None
    if status is Validity.IN_FORCE and effective is not None and effective > today:
        problems.append(("warning", "status-stale", f"ghi 'Còn hiệu lực' nhưng đến {effective.isoformat()} văn bản mới có hiệu lực",
                         "Kiểm tra lại trên vbpl.vn; có thể là 'chua_co_hieu_luc'."))
    if status is Validity.NOT_YET and effective is not None and effective <= today:
        problems.append(("warning", "status-stale", f"ghi 'Chưa có hiệu lực' nhưng văn bản đã có hiệu lực từ {effective.isoformat()}",
                         "Kiểm tra lại trên vbpl.vn và cập nhật `status`."))
    if status is Validity.IN_FORCE and document.expiry is not None and document.expiry <= today:
        problems.append(("warning", "status-stale", f"ghi 'Còn hiệu lực' nhưng ngày hết hiệu lực là {document.expiry.isoformat()}",
                         "Kiểm tra lại trên vbpl.vn và cập nhật `status`."))
    return problems


def _status_findings(entry: Entry, document: LegalDocument, context: CheckContext) -> list[Finding]:
    problems = _status_problems(document, context.today)
    if not problems:
        return []
    position = entry.position(("status",))  # only now: it may read the file again
    return [(error if severity == "error" else warning)(entry.path, position.line, position.column, code, message, hint)
            for severity, code, message, hint in problems]


def _basis_findings(entry: Entry, procedure: Procedure, catalog: Catalog, today: dt.date) -> list[Finding]:
    found = []
    for index, basis in enumerate(procedure.legal_basis):
        document = catalog.get("legal", basis.doc)
        if not isinstance(document, LegalDocument):
            continue
        usable, reason = document.in_force_on(today)
        if not usable:
            position = entry.position(("legal_basis", index, "doc"))
            found.append(warning(entry.path, position.line, position.column, "basis-not-in-force",
                                 f"căn cứ pháp lý '{document.label}' {reason}",
                                 "Trang sẽ cảnh báo người đọc. Rà soát thủ tục theo văn bản thay thế (nếu có)."))
    return found


def _full_text_findings(entry: Entry, document: LegalDocument, today: dt.date) -> list[Finding]:
    if document.url is not None or not isinstance(document.status, Validity) or not document.in_force_on(today)[0]:
        return []  # no status yet: the pending warning already asks for it, and the full text comes with it
    position = entry.position(("number",), prefer_key=True)
    return [warning(entry.path, position.line, position.column, "legal-no-url",
                    f"văn bản '{document.label}' đang có hiệu lực nhưng chưa có địa chỉ toàn văn chính thức (`url`)",
                    "Ghi `url`: địa chỉ toàn văn trên Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn) hoặc "
                    "Công báo; chỉ ghi địa chỉ đã mở được và đúng văn bản, không đoán.")]


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings = []
    for entry in catalog.all_entries():
        if isinstance(entry.record, LegalDocument):
            findings += _status_findings(entry, entry.record, context)
            findings += _full_text_findings(entry, entry.record, context.today)
        elif isinstance(entry.record, Procedure):
            findings += _basis_findings(entry, entry.record, catalog, context.today)
    return findings
