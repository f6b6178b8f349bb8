"""Current versus archived announcements, by the build day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.catalog.timeline import Timeline
from tests.conftest import EVENT, FUNDING, NOTICE, write_project


def timeline(project: Path, today: dt.date) -> Timeline:
    write_project(project, {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING, "data/notices/thong-bao-mot.yml": NOTICE})
    catalog, _ = load_catalog(project / "data")
    return Timeline.build(catalog, today)


def test_an_event_is_current_until_its_last_day(project: Path):
    assert [e.id for e in timeline(project, dt.date(2026, 12, 6)).upcoming_events] == ["hoi-cho-mot"]
    assert timeline(project, dt.date(2026, 12, 7)).upcoming_events == []


def test_a_policy_closes_after_its_end_date(project: Path):
    assert [p.id for p in timeline(project, dt.date(2026, 12, 31)).open_policies] == ["quy-mot"]
    assert timeline(project, dt.date(2027, 1, 1)).open_policies == []


def test_notices_are_recent_for_ninety_days(project: Path):
    assert timeline(project, dt.date(2026, 8, 2)).recent_notices
    assert not timeline(project, dt.date(2026, 8, 3)).recent_notices


def test_archive_years_keep_everything(project: Path):
    years = timeline(project, dt.date(2030, 1, 1)).years
    assert {item.id for item in years[2026]} == {"hoi-cho-mot", "quy-mot", "thong-bao-mot"}


def test_the_latest_current_list_leaves_out_what_is_archived_and_puts_the_latest_source_first(project: Path):
    write_project(project, {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING,
                            "data/notices/thong-bao-mot.yml": NOTICE.replace("issued: 2026-04-30", "issued: 2026-11-01")})
    catalog, _ = load_catalog(project / "data")
    assert [i.id for i in Timeline.build(catalog, dt.date(2026, 6, 1)).latest_current] == ["thong-bao-mot", "hoi-cho-mot", "quy-mot"]
    # The event has ended and the notice is older than 90 days: both are on their archive page only.
    assert [i.id for i in Timeline.build(catalog, dt.date(2026, 12, 7)).latest_current] == ["quy-mot"]
