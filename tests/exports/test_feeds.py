"""The Atom feed parses cleanly; the calendar is valid RFC 5545 with a time zone and stable UIDs."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar

from minhbach.catalog import load_catalog
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH, Site, atom_feed, calendar
from minhbach.model import Event, Notice
from minhbach.model.announcement import EventType, NoticeCategory
from minhbach.pages import PageRenderer
from tests.conftest import EVENT, FUNDING, NOTICE, TODAY, write_project
from tests.hostile_characters import DROPPED, expected, hostile


def _files(project: Path, site: Site, today: dt.date = TODAY) -> dict[str, bytes]:
    write_project(project, {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING, "data/notices/thong-bao-mot.yml": NOTICE})
    catalog, findings = load_catalog(project / "data")
    assert findings == []
    return PageRenderer(catalog, today=today, site=site).data_files()


def test_atom_feed_parses_without_errors_and_links_each_page(project: Path):
    files = _files(project, Site(name="Sở thử nghiệm", url="https://so.example.vn/"))
    feed = feedparser.parse(files[FEED_PATH])
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Thông báo — Sở thử nghiệm"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Hội chợ thử nghiệm", "Thông báo thử nghiệm", "Quỹ thử nghiệm"]  # newest first
    assert feed.entries[0].link == "https://so.example.vn/thong-bao/hoi-cho-mot/"
    assert feed.entries[0].id.startswith("urn:uuid:")
    assert [tag.term for tag in feed.entries[0].tags] == ["hội chợ", "biên giới"]


def test_feed_without_a_site_url_uses_links_relative_to_the_feed(project: Path):
    files = _files(project, Site(name="Sở", url=""))
    feed = feedparser.parse(files[FEED_PATH], response_headers={"content-location": "https://x.example/thong-bao/feed.xml", "content-type": "application/atom+xml"})
    assert feed.bozo == 0
    assert feed.entries[0].link == "https://x.example/thong-bao/hoi-cho-mot/"


def test_feed_ids_are_stable_across_builds(project: Path):
    first = _files(project, Site(name="Sở", url=""))[FEED_PATH]
    second = _files(project, Site(name="Sở", url=""), today=TODAY + dt.timedelta(days=40))[FEED_PATH]
    assert first == second


def test_calendar_is_valid_with_a_vtimezone_and_stable_uids(project: Path):
    raw = _files(project, Site(name="Sở", url="https://so.example.vn/", uid_domain="so.example.vn"))[CALENDAR_PATH]
    assert b"\r\n" in raw
    cal = icalendar.Calendar.from_ical(raw)
    timezones = [c for c in cal.walk("VTIMEZONE")]
    assert [str(tz["TZID"]) for tz in timezones] == ["Asia/Ho_Chi_Minh"]
    [event] = cal.walk("VEVENT")
    assert str(event["UID"]) == "hoi-cho-mot@so.example.vn"
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2026, 12, 2, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event.decoded("DTEND") == dt.datetime(2026, 12, 6, 17, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert str(event["URL"]) == "https://so.example.vn/thong-bao/hoi-cho-mot/"
    assert "Ban tổ chức thử nghiệm" in str(event["DESCRIPTION"])


def test_all_day_events_end_the_day_after(project: Path):
    write_project(project, {"data/events/hoi-cho-mot.yml": EVENT.replace("2026-12-02 08:00", "2026-12-02").replace("2026-12-06 17:00", "2026-12-06")})
    catalog, _ = load_catalog(project / "data")
    cal = icalendar.Calendar.from_ical(PageRenderer(catalog, today=TODAY).data_files()[CALENDAR_PATH])
    [event] = cal.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2026, 12, 2) and event.decoded("DTEND") == dt.date(2026, 12, 7)


TAG = "a\x08]]>&<\"\ud800\u202e😀"


def _record(model, **fields):
    base = {"id": "x", "published": dt.date(2026, 11, 2), "updated": dt.date(2026, 11, 3), "last_reviewed": dt.date(2026, 11, 3),
            "owner": "phong-mot", "changes": [{"date": dt.date(2026, 11, 2), "note": "n"}], "issued": dt.date(2026, 11, 1)}
    return model.model_construct(**{**base, **fields})  # no validation: the output alone must cope


def _hostile_announcements():
    return [
        _record(Notice, id="mot", title=hostile("tiêu đề"), summary=hostile("tóm tắt"), category=NoticeCategory.CONSULAR, tags=[TAG]),
        _record(Event, id="hai", title=hostile("sự kiện"), summary=hostile("tóm tắt"), event_type=EventType.CONFERENCE, organiser=hostile("tổ chức"),
                start=dt.datetime(2026, 12, 2, 8), location=hostile("nơi"), country=hostile("nước")),
    ]


def test_the_atom_feed_is_well_formed_xml_whatever_the_text():
    items = _hostile_announcements()
    raw = atom_feed(items, site=Site(name=hostile("Sở"), url="https://so.example.vn/"),
                    page_path={"mot": hostile("thong-bao/mot/"), "hai": "thong-bao/hai/"}, kind_of={"mot": "notice", "hai": "event"})
    root = ET.fromstring(raw)  # raises on anything that is not well-formed XML 1.0
    assert feedparser.parse(raw).bozo == 0
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:title", ns).text == "Thông báo — " + expected("Sở")
    entries = root.findall("a:entry", ns)
    assert [entry.find("a:title", ns).text for entry in entries] == [expected("tiêu đề"), expected("sự kiện")]
    assert entries[0].find("a:summary", ns).text == expected("tóm tắt")
    assert entries[0].find("a:category", ns).get("term") == "a]]>&<\"\u202e😀"
    assert entries[0].find("a:link", ns).get("href") == "https://so.example.vn/" + expected("thong-bao/mot/")
    assert not any(char in raw.decode("utf-8") for char in DROPPED.replace("\r", ""))


def test_the_calendar_stays_one_property_per_line_whatever_the_text():
    raw = calendar(_hostile_announcements()[1:], site=Site(name=hostile("Sở"), url="https://so.example.vn/"),
                   page_path={"hai": "thong-bao/hai/"})
    text = raw.decode("utf-8")
    assert not any(char in text for char in DROPPED.replace("\r", ""))
    assert "\r" not in text.replace("\r\n", "")
    [event] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["SUMMARY"]) == expected("sự kiện")
    assert str(event["LOCATION"]) == expected("nơi") + ", " + expected("nước")
    assert str(event["DESCRIPTION"]) == expected("tóm tắt") + "\nĐơn vị tổ chức: " + expected("tổ chức")
