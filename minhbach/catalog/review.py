"""When a record or page must be reviewed again, and whether that day has passed.

After GOV.UK's page review: every item has a last review date and a review period (its own,
or the default of its kind), which give the next review date readers see on the page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from minhbach.model.base import PERIOD_PATTERN

DEFAULT_PERIOD = "12 tháng"
DUE_SOON_DAYS = 30
_PERIOD = re.compile(PERIOD_PATTERN)
_UNITS = {"ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"}


def parse_period(text: str) -> tuple[int, str]:
    """'6 tháng' -> (6, 'month'). Raises ValueError for anything else."""
    match = _PERIOD.match(text.strip().lower())
    if not match:
        raise ValueError(f"not a review period: {text!r}")
    unit = _UNITS.get(match.group(2), match.group(2).rstrip("s"))
    return int(match.group(1)), unit


def add_period(start: dt.date, period: str) -> dt.date:
    """`start` plus a period such as '6 tháng'; the 31st plus one month is the month's last day."""
    count, unit = parse_period(period)
    if unit == "day":
        return start + dt.timedelta(days=count)
    if unit == "week":
        return start + dt.timedelta(weeks=count)
    months = start.month - 1 + count * (12 if unit == "year" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(start.day, (following - dt.timedelta(days=1)).day))


@dataclass(frozen=True)
class ReviewPolicy:
    """Default review periods by record kind (e.g. {"procedure": "6 tháng"}); others use 12 months."""

    periods: dict[str, str] = field(default_factory=dict)
    default: str = DEFAULT_PERIOD

    def period_for(self, kind: str) -> str:
        return self.periods.get(kind, self.default)


class ReviewState(str, Enum):
    CURRENT = "current"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Review:
    last_reviewed: dt.date
    next_review: dt.date
    state: ReviewState


def review(*, last_reviewed: dt.date, review_in: str | None, review_by: dt.date | None, kind: str,
           policy: ReviewPolicy, today: dt.date) -> Review:
    """The review state of one item on `today`."""
    next_review = review_by or add_period(last_reviewed, review_in or policy.period_for(kind))
    if next_review < today:
        state = ReviewState.OVERDUE
    elif (next_review - today).days <= DUE_SOON_DAYS:
        state = ReviewState.DUE_SOON
    else:
        state = ReviewState.CURRENT
    return Review(last_reviewed=last_reviewed, next_review=next_review, state=state)


def record_review(record: object, kind: str, *, policy: ReviewPolicy, today: dt.date) -> Review:
    return review(last_reviewed=record.last_reviewed, review_in=record.review_in, review_by=record.review_by,  # type: ignore[attr-defined]
                  kind=kind, policy=policy, today=today)
