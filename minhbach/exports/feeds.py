"""Subscriptions: an Atom feed of announcements and an iCalendar file of events.

Both are reproducible: identifiers are derived from record ids, and every timestamp comes from
the records themselves, never from the clock.

Both stay well-formed whatever the text: the serializers escape markup (&, <, quotes, `]]>`, a
comma or semicolon in iCalendar), and `text.xml_text` drops the characters neither format can
carry (XML 1.0 section 2.2; RFC 5545 section 3.3.11 allows no control character but tab in TEXT,
and a lone carriage return would end a content line). The checks report those characters in the
records; this is the output's own guarantee.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from urllib.parse import quote
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import icalendar

from minhbach.model import ANNOUNCEMENTS_PAGE_DIR, Event
from minhbach.model.announcement import TIMEZONE, local
from minhbach.model.base import Pending
from minhbach.load.text import xml_text
from minhbach.catalog.timeline import Announcement
from minhbach.pages.i18n import gettext, language

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = f"{ANNOUNCEMENTS_PAGE_DIR}/feed.xml"
CALENDAR_PATH = f"{ANNOUNCEMENTS_PAGE_DIR}/events.ics"


@dataclass(frozen=True)
class Site:
    """What a feed needs to know about the site it belongs to."""

    name: str
    url: str  # absolute base URL ending with "/", or "" when unknown (links are then relative)
    uid_domain: str = "minhbach"

    def link(self, path: str, *, from_dir: str) -> str:
        """Absolute when the site URL is known; otherwise relative to the file at `from_dir`."""
        if self.url:
            return self.url + path
        relative = posixpath.relpath(path, from_dir)
        return relative + "/" if path.endswith("/") and not relative.endswith("/") else relative


def _stable_id(site: Site, *parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, xml_text("/".join(("minhbach", site.name, *parts)))).urn


def _one_line(text: str) -> str:
    """For iCalendar properties that are not TEXT (an X- name) and so are written unescaped."""
    return " ".join(xml_text(text).split())


def _uri(link: str) -> str:
    """A link as a URI (RFC 3986): whatever is not allowed in one is percent-encoded."""
    return quote(xml_text(link), safe=":/?#[]@!$&'()*+,;=%~")


def _day_start(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), tzinfo=TIMEZONE).isoformat()


def atom_feed(items: list[Announcement], *, site: Site, page_path: dict[str, str], kind_of: dict[str, str]) -> bytes:
    """Atom 1.0 (RFC 4287) of the newest announcements; `page_path` maps an id to its page URL path."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": language()})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {name: xml_text(value) for name, value in attrs.items()})
        if text is not None:
            element.text = xml_text(text)
        return element

    add(feed, "id", _stable_id(site, "thong-bao"))
    add(feed, "title", gettext("Thông báo — {site}").format(site=site.name))
    add(feed, "subtitle", gettext("Sự kiện, chương trình tài trợ và thông báo mới"))
    newest = max((item.updated for item in items), default=dt.date(2000, 1, 1))
    add(feed, "updated", _day_start(newest))
    here = posixpath.dirname(FEED_PATH)
    add(feed, "link", rel="self", type="application/atom+xml", href=site.link(FEED_PATH, from_dir=here))
    add(feed, "link", rel="alternate", type="text/html", href=site.link(here + "/", from_dir=here))
    author = add(feed, "author")
    add(author, "name", site.name)
    for item in items:
        entry = add(feed, "entry")
        add(entry, "id", _stable_id(site, kind_of[item.id], item.id))
        add(entry, "title", item.title)
        add(entry, "published", _day_start(item.published))
        add(entry, "updated", _day_start(item.updated))
        add(entry, "link", rel="alternate", type="text/html", href=site.link(page_path[item.id], from_dir=here))
        add(entry, "summary", item.summary)
        for tag in item.tags:
            add(entry, "category", term=tag)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def calendar(events: list[Event], *, site: Site, page_path: dict[str, str]) -> bytes:
    """RFC 5545 calendar with a VTIMEZONE for Asia/Ho_Chi_Minh and one VEVENT per dated event."""
    cal = icalendar.Calendar()
    cal.add("prodid", xml_text(f"-//{site.name}//minhbach//VI"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _one_line(gettext("Sự kiện — {site}").format(site=site.name)))
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for event in events:
        if event.start is None or isinstance(event.start, Pending):
            continue
        vevent = icalendar.Event()
        vevent.add("uid", xml_text(f"{event.id}@{site.uid_domain}"))
        vevent.add("dtstamp", dt.datetime.combine(event.updated, dt.time(), tzinfo=dt.timezone.utc))
        vevent.add("summary", xml_text(event.title))
        # ORGANIZER must be a mailto: address in RFC 5545, so the organiser is named in the text.
        vevent.add("description", xml_text(f"{event.summary}\n" + gettext("Đơn vị tổ chức: {organiser}").format(organiser=event.organiser)))
        start = local(event.start)
        vevent.add("dtstart", start)
        if isinstance(start, dt.datetime):
            if event.end is not None:
                end = local(event.end)
                vevent.add("dtend", end if isinstance(end, dt.datetime) else dt.datetime.combine(end, dt.time(23, 59), tzinfo=TIMEZONE))
        else:
            last = event.last_day or start
            vevent.add("dtend", last + dt.timedelta(days=1))  # all-day events end on the next day, exclusive
        if isinstance(event.location, str):
            vevent.add("location", xml_text(f"{event.location}, {event.country}"))
        if site.url:  # RFC 5545 wants an absolute URI here
            vevent.add("url", _uri(site.link(page_path[event.id], from_dir="")))
        cal.add_component(vevent)
    cal.add_missing_timezones()
    return cal.to_ical()
