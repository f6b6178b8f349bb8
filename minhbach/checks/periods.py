"""Values that change on a date (`model.dated`): periods that follow each other without gap or overlap,
a value in force on the build day, and a review of the page before the value shown changes.

Errors: a period ending before it starts (`period-dates`), an open end (`until`) on a period that is not
the last (`period-open`), periods out of order (`period-order`), overlapping (`period-overlap`) or with
days between them (`period-gap`). A `basis` that is not a legal document is an `unknown-reference`
(`checks.references`, as for `legal_basis`). Warnings: no period covers the build day (`period-none-today`:
the page shows the part as pending); the value shown changes before the record's next review
(`period-change-before-review`: review dates from `catalog.review`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from minhbach.catalog import Catalog, Entry
from minhbach.catalog.review import Review
from minhbach.checks import CheckContext
from minhbach.findings import Finding, Severity, error, warning
from minhbach.model.dated import Period, Schedule, on_day
from minhbach.model.walk import Loc, iter_models
from minhbach.pages.formatting import vn_date

Problem = tuple[Severity, Loc, str, str, str]
"""(severity, location inside the schedule, code, message, how to fix)."""

_ORDER_HINT = "Các giai đoạn ghi theo thứ tự thời gian; giai đoạn sau bắt đầu đúng ngày sau `until` của giai đoạn trước."


def _day(value: dt.date) -> str:
    return vn_date(value)


def schedule_problems(schedule: Schedule[Period[object]]) -> list[Problem]:
    """What is wrong with the dates of `schedule` alone; locations start at its `periods`."""
    problems: list[Problem] = []
    periods = schedule.periods
    last = len(periods) - 1
    for index, period in enumerate(periods):
        here: Loc = ("periods", index)
        if period.until is not None and period.until < period.start:
            problems.append((Severity.ERROR, here + ("until",), "period-dates",
                             f"giai đoạn {index + 1} kết thúc ({_day(period.until)}) trước khi bắt đầu ({_day(period.start)})",
                             "Kiểm tra lại `from` (ngày bắt đầu) và `until` (ngày cuối cùng áp dụng)."))
        if period.until is None and index < last:
            problems.append((Severity.ERROR, here + ("from",), "period-open",
                             f"giai đoạn {index + 1} không có `until` nhưng chưa phải giai đoạn cuối",
                             "Ghi `until`: ngày cuối cùng giá trị còn áp dụng, tức ngày trước `from` của giai đoạn sau."))
        if index == 0:
            continue
        previous = periods[index - 1]
        if period.start <= previous.start:
            problems.append((Severity.ERROR, here + ("from",), "period-order",
                             f"giai đoạn {index + 1} bắt đầu {_day(period.start)}, không sau giai đoạn trước ({_day(previous.start)})",
                             _ORDER_HINT))
        elif previous.until is None:
            continue  # reported above as period-open
        elif period.start <= previous.until:
            problems.append((Severity.ERROR, here + ("from",), "period-overlap",
                             f"giai đoạn {index + 1} bắt đầu {_day(period.start)}, khi giai đoạn trước còn áp dụng "
                             f"(đến hết {_day(previous.until)})", _ORDER_HINT))
        elif period.start > previous.until + dt.timedelta(days=1):
            problems.append((Severity.ERROR, here + ("from",), "period-gap",
                             f"không có giá trị từ {_day(previous.until + dt.timedelta(days=1))} đến "
                             f"{_day(period.start - dt.timedelta(days=1))}, giữa giai đoạn {index} và giai đoạn {index + 1}",
                             _ORDER_HINT + " Chưa rõ giá trị của khoảng giữa thì thêm một giai đoạn với `value: {pending: \"lý do\"}`."))
    return problems


def next_change(schedule: Schedule[Period[object]], day: dt.date) -> dt.date | None:
    """The first day after `day` on which the value shown changes: a later period starts, or the period
    in force ends. None when neither is known."""
    state = on_day(schedule, day)
    days = [state.following.start] if state.following else []
    if state.period is not None and state.period.until is not None:
        days.append(state.period.until + dt.timedelta(days=1))
    return min(days) if days else None


def day_problems(schedule: Schedule[Period[object]], today: dt.date, next_review: dt.date) -> list[Problem]:
    """Warnings about `schedule` on the build day `today`, for a record to be reviewed by `next_review`."""
    if on_day(schedule, today).period is None:
        return [(Severity.WARNING, ("periods",), "period-none-today",
                 f"không giai đoạn nào áp dụng hôm nay ({_day(today)}); trang hiển thị 'đang cập nhật'",
                 "Thêm giai đoạn đang áp dụng, hoặc sửa `from`/`until` của các giai đoạn.")]
    change = next_change(schedule, today)
    if change is not None and change < next_review:
        return [(Severity.WARNING, ("periods",), "period-change-before-review",
                 f"giá trị đang hiển thị sẽ thay đổi từ ngày {_day(change)}, trước hạn rà soát tiếp theo ({_day(next_review)})",
                 f"Trang tự chuyển sang giá trị mới vào ngày đó; cán bộ phụ trách cần kiểm tra lại trang vào ngày {_day(change)} "
                 "(có thể ghi `review_by` là ngày đó).")]
    return []


def _schedules(entry: Entry) -> Iterator[tuple[Loc, Schedule[Period[object]]]]:
    for loc, model in iter_models(entry.record):
        if isinstance(model, Schedule):
            yield loc, model


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    """Every schedule of every record: its dates, and where it stands on the build day."""
    findings = []
    for entry in catalog.all_entries():
        schedules = list(_schedules(entry))
        if not schedules:
            continue
        next_review = Review.of_record(entry.record, policy=context.review_policy, today=context.today).next_review
        for loc, schedule in schedules:
            problems = schedule_problems(schedule)
            if not problems:
                problems = day_problems(schedule, context.today, next_review)
            for severity, inner, code, message, hint in problems:
                position = entry.position(loc + inner, prefer_key=True)
                make = error if severity is Severity.ERROR else warning
                findings.append(make(entry.path, position.line, position.column, code, message, hint))
    return findings
