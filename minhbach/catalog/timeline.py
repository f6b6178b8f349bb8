"""Which announcements are current and which belong to the archive, as of a given day.

Nothing is removed: an event that has ended or a policy that has closed simply stops being
listed as current and stays on its archive year page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from minhbach.catalog import Catalog
from minhbach.model import Event, FundingPolicy, Notice
from minhbach.model.announcement import AnnouncementBase, day_of
from minhbach.model.base import Pending

Announcement = Event | FundingPolicy | Notice


def is_current(item: AnnouncementBase, today: dt.date) -> bool:
    """Upcoming or running events, policies still open; notices are current for 90 days."""
    if isinstance(item, Event):
        last = item.last_day
        return last is None or last >= today
    if isinstance(item, FundingPolicy):
        until = item.valid_until
        return item.open and not (isinstance(until, dt.date) and until < today)
    return (today - item.published).days <= 90


def year_of(item: AnnouncementBase) -> int:
    """The archive year: when an event starts, when a policy opens, when a notice was issued."""
    if isinstance(item, Event) and item.start is not None and not isinstance(item.start, Pending):
        return day_of(item.start).year
    if isinstance(item, FundingPolicy):
        return item.valid_from.year
    return item.issued.year


def _start_key(event: Event) -> tuple[int, dt.date, str]:
    start = event.start
    if start is None or isinstance(start, Pending):
        return (1, dt.date.max, event.id)
    return (0, day_of(start), event.id)


@dataclass(frozen=True)
class Timeline:
    """Announcements split by the build day."""

    upcoming_events: list[Event]
    open_policies: list[FundingPolicy]
    recent_notices: list[Notice]
    newest: list[Announcement]
    """Every announcement, the latest posted first (the Atom feed)."""
    latest_current: list[Announcement]
    """The announcements still current (`is_current`), the latest source document first: the home page's list."""
    years: dict[int, list[Announcement]]

    @classmethod
    def build(cls, catalog: Catalog, today: dt.date) -> Timeline:
        events = [r for r in _records(catalog, "event") if isinstance(r, Event)]
        policies = [r for r in _records(catalog, "funding") if isinstance(r, FundingPolicy)]
        notices = [r for r in _records(catalog, "notice") if isinstance(r, Notice)]
        everything: list[Announcement] = [*events, *policies, *notices]
        years: dict[int, list[Announcement]] = {}
        for item in sorted(everything, key=lambda i: (i.issued, i.id), reverse=True):
            years.setdefault(year_of(item), []).append(item)
        return cls(
            upcoming_events=sorted((e for e in events if is_current(e, today)), key=_start_key),
            open_policies=sorted((p for p in policies if is_current(p, today)), key=lambda p: (p.valid_from, p.id)),
            recent_notices=sorted((n for n in notices if is_current(n, today)), key=lambda n: (n.issued, n.published, n.id),
                                  reverse=True),
            newest=sorted(everything, key=lambda i: (i.published, i.issued, i.id), reverse=True),
            latest_current=sorted((i for i in everything if is_current(i, today)), key=lambda i: (i.issued, i.published, i.id),
                                  reverse=True),
            years=dict(sorted(years.items(), reverse=True)),
        )


def _records(catalog: Catalog, kind: str) -> Iterable[object]:
    return (entry.record for entry in catalog.entries[kind].values())
