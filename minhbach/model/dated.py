"""Values that change on a date: a schedule of periods, each with the value that applies in it.

A fee or a processing time is often set for a limited time (a circular halves a fee from one day
to another, then the full rate applies again). Such a part is written as `{periods: [...]}`; each
period names its first day (`from`), its last day (`until`, inclusive; open on the last period),
the legal document that sets it (`basis`) and the value, which may itself be `{pending: ...}`.
The site shows the value in force on the build day (`on_day`); `checks.periods` checks the dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Generic, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from minhbach.model.base import Pending, Strict, pendable, pending_or_value, ref

V = TypeVar("V")


class Period(Strict, Generic[V]):
    """One period of a schedule: the value that applies from `start` to `until` (both days included)."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    start: Annotated[
        dt.date,
        Field(alias="from", title="Áp dụng từ ngày", description="Ngày đầu tiên giá trị này được áp dụng, dạng YYYY-MM-DD."),
    ]
    until: Annotated[
        dt.date | None,
        Field(
            title="Áp dụng đến hết ngày",
            description="Ngày cuối cùng giá trị này còn áp dụng (tính cả ngày này), dạng YYYY-MM-DD. "
            "Chỉ được bỏ trống ở giai đoạn cuối cùng, khi chưa biết ngày kết thúc.",
        ),
    ] = None
    basis: ref("legal", title="Văn bản quy định", description="Mã (id) của văn bản quy định giá trị này, trong data/legal/.") | None = None
    value: Annotated[V, Field(title="Giá trị áp dụng", description="Giá trị trong giai đoạn này; chưa rõ thì ghi `{pending: \"lý do\"}`.")]

    def covers(self, day: dt.date) -> bool:
        """Whether the value applies on `day`."""
        return self.start <= day and (self.until is None or day <= self.until)


P = TypeVar("P", bound=Period[Any])


class Schedule(Strict, Generic[P]):
    """A value that changes on known dates: its periods, in order."""

    periods: Annotated[
        list[P],
        Field(
            min_length=1,
            title="Các giai đoạn áp dụng",
            description="Giá trị thay đổi theo ngày: mỗi giai đoạn ghi ngày bắt đầu (`from`), ngày kết thúc (`until`), "
            "văn bản quy định (`basis`) và giá trị (`value`). Các giai đoạn liền nhau, không chồng lên nhau, theo thứ tự ngày.",
        ),
    ]


def _dated_kind(value: Any) -> str:
    if isinstance(value, Schedule) or (isinstance(value, dict) and "periods" in value):
        return "periods"
    return pending_or_value(value)


@cache
def schedule_of(inner: type[BaseModel]) -> type[Schedule[Any]]:
    """The schedule of `inner` values, with names of its own ('FeeSchedule' of 'FeePeriod') for the JSON Schema,
    reachable as attributes of this module (as a class defined here would be)."""
    name = inner.__name__
    period = type(f"{name}Period", (Period[pendable(inner)],), {"__module__": __name__, "__doc__": Period.__doc__})
    schedule = type(f"{name}Schedule", (Schedule[period],), {"__module__": __name__, "__doc__": Schedule.__doc__})
    globals().update({period.__name__: period, schedule.__name__: schedule})  # found by name, so records pickle
    return schedule


def dated(inner: type[BaseModel]) -> Any:
    """`inner`, `{pending: "reason"}`, or `{periods: [...]}` when the value changes on known dates
    (each period's value being `inner` or pending). One definition for every such part (fee, time)."""
    return Annotated[
        Union[
            Annotated[Pending, Tag("pending")],
            Annotated[inner, Tag("value")],
            Annotated[schedule_of(inner), Tag("periods")],
        ],
        Discriminator(_dated_kind),
    ]


@dataclass(frozen=True)
class OnDay(Generic[V]):
    """A part as it stands on one day: the value in force (None when no period covers the day), the period
    it comes from (None for a plain value), and the next period that starts later (None when none is known)."""

    value: V | Pending | None
    period: Period[V] | None = None
    following: Period[V] | None = None


def on_day(part: Any, day: dt.date) -> OnDay[Any]:
    """`part` (a plain value, `Pending`, or a `Schedule`) as it stands on `day`."""
    if not isinstance(part, Schedule):
        return OnDay(part)
    current = next((period for period in part.periods if period.covers(day)), None)
    later = sorted((period for period in part.periods if period.start > day), key=lambda period: period.start)
    return OnDay(current.value if current else None, current, later[0] if later else None)


def bases(part: Any) -> list[str]:
    """The ids of the legal documents that set the periods of `part`, in order (none for a plain value)."""
    return [period.basis for period in part.periods if period.basis] if isinstance(part, Schedule) else []
