"""Freshness dates must tell a consistent story: published, then updated, with a note for each update."""

from __future__ import annotations

from minhbach.catalog import Catalog, Entry
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error, warning


def _entry_findings(entry: Entry, context: CheckContext) -> list[Finding]:
    record, path = entry.record, entry.path
    found: list[Finding] = []

    def at(loc: tuple[str | int, ...]) -> tuple[int, int]:
        position = entry.position(loc)
        return position.line, position.column

    for name in ("published", "updated", "last_reviewed"):
        value = getattr(record, name)
        if value > context.today:
            found.append(error(path, *at((name,)), "future-date", f"`{name}` ({value.isoformat()}) ở sau hôm nay ({context.today.isoformat()})",
                               "Ghi ngày đã thực sự diễn ra."))
    for index, change in enumerate(record.changes):
        if change.date > context.today:
            found.append(error(path, *at(("changes", index, "date")), "future-date",
                               f"ghi chú thay đổi đề ngày {change.date.isoformat()}, sau hôm nay", "Ghi ngày đã thực sự diễn ra."))
        if change.date < record.published:
            found.append(error(path, *at(("changes", index, "date")), "date-order",
                               f"ghi chú thay đổi ({change.date.isoformat()}) trước ngày đăng ({record.published.isoformat()})",
                               "Sửa ngày của ghi chú hoặc ngày đăng."))
    if record.updated < record.published:
        found.append(error(path, *at(("updated",)), "date-order",
                           f"ngày cập nhật ({record.updated.isoformat()}) trước ngày đăng ({record.published.isoformat()})",
                           "Ngày cập nhật không thể sớm hơn ngày đăng."))
    if record.last_reviewed < record.published:
        found.append(error(path, *at(("last_reviewed",)), "date-order",
                           f"ngày rà soát ({record.last_reviewed.isoformat()}) trước ngày đăng ({record.published.isoformat()})",
                           "Ngày rà soát không thể sớm hơn ngày đăng."))
    if record.updated not in {change.date for change in record.changes}:
        found.append(warning(path, *at(("updated",)), "change-note-missing",
                             f"ngày cập nhật {record.updated.isoformat()} chưa có ghi chú thay đổi tương ứng",
                             "Thêm vào `changes` một mục có cùng ngày, nói rõ đã thay đổi gì cho người đọc."))
    return found


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    return [finding for entry in catalog.all_entries() for finding in _entry_findings(entry, context)]
