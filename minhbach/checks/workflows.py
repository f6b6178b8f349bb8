"""Workflows must fit inside the legal deadline of their procedure, and revisions must move forward."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from minhbach.catalog import Catalog, Entry
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error
from minhbach.pages.formatting import duration, hours_text
from minhbach.model import Procedure, Workflow
from minhbach.model.dated import on_day
from minhbach.model.procedure import ProcessingTime
from minhbach.model.workflow import HOURS_PER_WORKING_DAY


def _limit_hours(time: ProcessingTime) -> Decimal | None:
    """The channel's deadline in working hours; None when it cannot be compared.

    A deadline in calendar days is compared as that many working days: W working days always
    take at least W calendar days, so exceeding it is certain, never a false alarm.
    """
    if time.working_hours is not None:
        return time.working_hours
    days = time.working_days if time.working_days is not None else time.days
    return None if days is None else days * HOURS_PER_WORKING_DAY


def _too_long(entry: Entry, workflow: Workflow, procedure: Procedure, today: dt.date) -> list[Finding]:
    """Steps that take longer than a channel's processing time in force on `today`."""
    found = []
    total = workflow.total_hours
    for channel in procedure.channels:
        time = on_day(channel.time, today).value
        if not isinstance(time, ProcessingTime):
            continue
        limit = _limit_hours(time)
        if limit is None or total <= limit:
            continue
        position = entry.position(("steps",), prefer_key=True)
        found.append(
            error(entry.path, position.line, position.column, "workflow-too-long",
                  f"tổng thời gian các bước là {hours_text(total)}, vượt thời hạn {duration(time)} của hình thức "
                  f"'{channel.channel.label}' trong thủ tục '{procedure.id}'",
                  "Rút ngắn thời gian các bước, hoặc kiểm tra lại thời hạn của thủ tục; "
                  f"1 ngày làm việc tính là {HOURS_PER_WORKING_DAY.normalize():f} giờ.")
        )
    return found


def _revisions_in_order(entry: Entry, workflow: Workflow) -> list[Finding]:
    found = []
    for index in range(1, len(workflow.revisions)):
        previous, current = workflow.revisions[index - 1], workflow.revisions[index]
        if current.date < previous.date:
            position = entry.position(("revisions", index, "date"))
            found.append(
                error(entry.path, position.line, position.column, "revision-order",
                      f"lần ban hành {current.number} đề ngày {current.date.isoformat()}, sớm hơn lần trước "
                      f"({previous.number}, {previous.date.isoformat()})",
                      "Các lần ban hành, sửa đổi ghi theo thứ tự thời gian, lần mới nhất ở cuối; kiểm tra lại ngày.")
            )
        if current.number <= previous.number:
            position = entry.position(("revisions", index, "number"))
            found.append(
                error(entry.path, position.line, position.column, "revision-order",
                      f"số lần ban hành {current.number} không lớn hơn lần trước ({previous.number})",
                      "Mỗi lần sửa đổi mang số lớn hơn lần trước.")
            )
    return found


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings = []
    for entry in catalog.entries["workflow"].values():
        workflow = entry.record
        if not isinstance(workflow, Workflow):
            continue
        findings += _revisions_in_order(entry, workflow)
        procedure = catalog.get("procedure", workflow.procedure) if workflow.procedure else None
        if isinstance(procedure, Procedure):
            findings += _too_long(entry, workflow, procedure, context.today)
    return findings
