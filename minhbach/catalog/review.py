"""When a record or page must be reviewed again, and whether that day has passed.

After GOV.UK's page review: every item has a last review date and a review period (its own,
or the default of its kind), which give the next review date readers see on the page. `Review`
is the one answer for records and hand-written pages alike: the freshness check, the pages, the
open data and the review block of hand-written pages all ask it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from minhbach.model import KIND_BY_MODEL, Record
from minhbach.model.base import PERIOD_PATTERN

DEFAULT_PERIOD = "12 tháng"
DUE_SOON_DAYS = 30
PAGE_KIND = "page"
"""The review kind of hand-written pages, beside the record kinds, in `ReviewPolicy.periods`."""
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
    """Default review periods by record kind or `PAGE_KIND` (e.g. {"procedure": "6 tháng"}); others use 12 months."""

    periods: dict[str, str] = field(default_factory=dict)
    default: str = DEFAULT_PERIOD

    def period_for(self, kind: str) -> str:
        return self.periods.get(kind, self.default)


class ReviewState(str, Enum):
    CURRENT = "current"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class ReviewKeys(Protocol):
    """What an item says about its review: a record, or a page's front matter (`docpages.PageReview`)."""

    @property
    def last_reviewed(self) -> dt.date: ...

    @property
    def review_in(self) -> str | None: ...

    @property
    def review_by(self) -> dt.date | None: ...


@dataclass(frozen=True)
class Review:
    """When an item was last reviewed, when it must be reviewed next, and where that day stands.

    The next review is the item's own `review_by`, else its last review plus its own `review_in`,
    else plus its kind's period in the policy. On the build day `today` it is overdue once that
    day has passed and due soon within `DUE_SOON_DAYS` of it.
    """

    last_reviewed: dt.date
    next_review: dt.date
    state: ReviewState

    @classmethod
    def of(cls, item: ReviewKeys, kind: str, *, policy: ReviewPolicy, today: dt.date) -> Review:
        """The review of `item`, of record kind `kind` (or `PAGE_KIND`), on `today`."""
        next_review = item.review_by or add_period(item.last_reviewed, item.review_in or policy.period_for(kind))
        if next_review < today:
            state = ReviewState.OVERDUE
        elif (next_review - today).days <= DUE_SOON_DAYS:
            state = ReviewState.DUE_SOON
        else:
            state = ReviewState.CURRENT
        return cls(last_reviewed=item.last_reviewed, next_review=next_review, state=state)

    @classmethod
    def of_record(cls, record: Record, *, policy: ReviewPolicy, today: dt.date) -> Review:
        """The review of a record, with the period of its kind by default."""
        return cls.of(record, KIND_BY_MODEL[type(record)].name, policy=policy, today=today)

    @classmethod
    def of_page(cls, front_matter: ReviewKeys, *, policy: ReviewPolicy, today: dt.date) -> Review:
        """The review of a hand-written page from its front matter, with the pages' period by default."""
        return cls.of(front_matter, PAGE_KIND, policy=policy, today=today)

    @property
    def overdue(self) -> bool:
        return self.state is ReviewState.OVERDUE
