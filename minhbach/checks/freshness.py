"""Freshness: reviews on time, for records and hand-written pages; procedures kept up with their law."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext
from minhbach.findings import Finding, warning
from minhbach.catalog.review import Review, ReviewState
from minhbach.model import LegalDocument, Procedure
from minhbach.load.source import Position


def _review_findings(path: str, where: Callable[[], Position], state: Review, what: str) -> list[Finding]:
    """`where` gives the position only when there is something to report (it may read the file)."""
    if state.state is ReviewState.CURRENT:
        return []
    line, column = where().line, where().column
    if state.state is ReviewState.OVERDUE:
        return [warning(path, line, column, "review-overdue",
                        f"{what} quá hạn rà soát từ {state.next_review.isoformat()} (rà soát gần nhất {state.last_reviewed.isoformat()})",
                        "Rà soát lại toàn bộ nội dung, rồi ghi ngày hôm nay vào `last_reviewed`. Trang đang hiện thông báo quá hạn.")]
    if state.state is ReviewState.DUE_SOON:
        return [warning(path, line, column, "review-due",
                        f"{what} đến hạn rà soát ngày {state.next_review.isoformat()}",
                        "Lên lịch rà soát trước hạn.")]
    return []


def _replaced_basis(entry_path: str, procedure: Procedure, catalog: Catalog, where: Callable[[], Position], today: dt.date) -> list[Finding]:
    found = []
    for basis in procedure.legal_basis:
        document = catalog.get("legal", basis.doc)
        if not isinstance(document, LegalDocument) or not document.replaced_by:
            continue
        replacement = catalog.get("legal", document.replaced_by)
        if not isinstance(replacement, LegalDocument):
            continue
        since = replacement.effective if isinstance(replacement.effective, dt.date) else replacement.issued
        if procedure.updated < since <= today:
            position = where()
            found.append(warning(entry_path, position.line, position.column, "basis-replaced",
                                 f"thủ tục chưa được cập nhật (lần cuối {procedure.updated.isoformat()}) từ khi "
                                 f"{document.label} được thay thế bởi {replacement.label} ({since.isoformat()})",
                                 "Đối chiếu thủ tục với văn bản thay thế, sửa căn cứ pháp lý và các phần liên quan, ghi `updated` và `changes`."))
    return found


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for entry in catalog.all_entries():
        state = Review.of_record(entry.record, policy=context.review_policy, today=context.today)
        findings += _review_findings(entry.path, partial(entry.position, ("last_reviewed",)), state, entry.kind.label)
        if isinstance(entry.record, Procedure):
            findings += _replaced_basis(entry.path, entry.record, catalog, partial(entry.position, ("updated",)), context.today)
    for page in context.pages:
        if page.review is None:
            if page.declares_review:
                continue  # already reported as page-review-invalid
            findings.append(warning(page.path, 1, 1, "page-review-missing", "trang chưa ghi người phụ trách và ngày rà soát",
                                    "Thêm vào đầu trang: `owner: <mã đơn vị>` và `last_reviewed: YYYY-MM-DD` (có thể thêm `review_in`)."))
            continue
        if catalog.entry("unit", page.review.owner) is None:
            position = page.position("owner")
            findings.append(warning(page.path, position.line, position.column, "unknown-reference",
                                    f"không có đơn vị nào mang mã '{page.review.owner}'", "Mã phải trùng tên một tệp trong data/units/."))
        state = Review.of_page(page.review, policy=context.review_policy, today=context.today)
        findings += _review_findings(page.path, partial(page.position, "last_reviewed"), state, "trang")
    return findings
