"""Announcements: published on time, events with dates and a place in a sensible order, policies closed when they end."""

from __future__ import annotations

import datetime as dt

from minhbach.catalog import Catalog, Entry
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error, warning
from minhbach.model import Event, FundingPolicy
from minhbach.model.announcement import AnnouncementBase, day_of, local
from minhbach.model.base import Pending


def _lag(entry: Entry, item: AnnouncementBase, context: CheckContext) -> list[Finding]:
    if context.calendar.is_within_working_days(item.issued, context.publication_lag_days, item.published):
        return []
    allowed = context.calendar.add_working_days(item.issued, context.publication_lag_days)
    position = entry.position(("published",))
    message = (f"đăng ngày {item.published.isoformat()}, muộn hơn hạn {allowed.isoformat()} "
               f"({context.publication_lag_days} ngày làm việc kể từ văn bản nguồn ngày {item.issued.isoformat()}, "
               "không tính thứ Bảy, Chủ nhật, ngày lễ, Tết)")
    if item.late_reason:
        return [warning(entry.path, position.line, position.column, "publication-lag", message,
                        f"Đã ghi lý do: {item.late_reason}")]
    return [error(entry.path, position.line, position.column, "publication-lag", message,
                  "Đăng đúng hạn; nếu buộc phải đăng muộn, ghi `late_reason` để người đọc biết vì sao.")]


def _when(value: object) -> dt.datetime | dt.date | None:
    return None if value is None or isinstance(value, Pending) else value  # type: ignore[return-value]


def _later(left: dt.datetime | dt.date, right: dt.datetime | dt.date) -> bool:
    """Whether `left` is after `right`; a date compares as its whole day."""
    if isinstance(left, dt.datetime) and isinstance(right, dt.datetime):
        return local(left) > local(right)
    return day_of(left) > day_of(right)


def _event(entry: Entry, event: Event) -> list[Finding]:
    path, found = entry.path, []
    if event.start is None or event.location is None:
        top = entry.position((), prefer_key=True)
    if event.start is None:
        found.append(error(path, top.line, top.column, "event-no-date", "sự kiện chưa có ngày bắt đầu (`start`)",
                           "Ghi `start: 2026-12-02` (hoặc kèm giờ); nếu chưa biết, ghi start: {pending: \"lý do\"}."))
    if event.location is None:
        found.append(error(path, top.line, top.column, "event-no-place", "sự kiện chưa có địa điểm (`location`)",
                           "Ghi địa điểm; nếu chưa biết, ghi location: {pending: \"lý do\"}."))
    start, end = _when(event.start), event.end
    if start is not None and end is not None and _later(start, end):
        position = entry.position(("end",))
        found.append(error(path, position.line, position.column, "end-before-start",
                           f"kết thúc ({end.isoformat()}) trước khi bắt đầu ({start.isoformat()})", "Kiểm tra lại ngày giờ."))
    deadline = event.registration.deadline if event.registration else None
    if deadline is not None and start is not None and _later(deadline, start):
        position = entry.position(("registration", "deadline"))
        found.append(error(path, position.line, position.column, "registration-after-start",
                           f"hạn đăng ký ({deadline.isoformat()}) sau khi sự kiện bắt đầu ({start.isoformat()})",
                           "Hạn đăng ký phải trước thời điểm bắt đầu."))
    return found


def _policy(entry: Entry, policy: FundingPolicy, context: CheckContext) -> list[Finding]:
    until = policy.valid_until
    if policy.open and isinstance(until, dt.date) and until < context.today:
        position = entry.position(("open",)) if entry.written(("open",)) else entry.position(("valid_until",))
        return [error(entry.path, position.line, position.column, "policy-expired-open",
                      f"chương trình hết hạn ngày {until.isoformat()} nhưng vẫn ghi là đang nhận hồ sơ",
                      "Ghi `open: false` (chương trình tự chuyển vào lưu trữ) hoặc sửa `valid_until` nếu được gia hạn.")]
    if isinstance(until, dt.date) and until < policy.valid_from:
        position = entry.position(("valid_until",))
        return [error(entry.path, position.line, position.column, "end-before-start",
                      f"hạn ({until.isoformat()}) trước ngày áp dụng ({policy.valid_from.isoformat()})", "Kiểm tra lại ngày.")]
    return []


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for kind in ("event", "funding", "notice"):
        for entry in catalog.entries[kind].values():
            item = entry.record
            if not isinstance(item, AnnouncementBase):
                continue
            findings += _lag(entry, item, context)
            if isinstance(item, Event):
                findings += _event(entry, item)
            elif isinstance(item, FundingPolicy):
                findings += _policy(entry, item, context)
    return findings
