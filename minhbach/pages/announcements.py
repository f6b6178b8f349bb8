"""Pages of events, funding policies and notices: one page each, the index, the archive by year,
the lists for hand-written pages, the Atom feed and the events calendar.

Every announcement shown is in the page's language (`catalog.translations.localised`: its
translation laid over the Vietnamese, or the Vietnamese when it has none), and so are the labels
around it (`pages.i18n`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from minhbach.catalog.timeline import Announcement, is_current, year_of
from minhbach.catalog.translations import localised
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH, atom_feed, calendar
from minhbach.model import KIND_BY_MODEL, Pending
from minhbach.pages import jsonld
from minhbach.pages.i18n import gettext, label, using
from minhbach.pages.i18n import kind_label as kind_label_of
from minhbach.pages.paths import ANNOUNCEMENTS_INDEX, archive_path, page_path

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer

FEED_ITEMS = 50
"""How many of the newest announcements the Atom feed carries."""


def kind_of(item: Announcement) -> str:
    """The record kind of an announcement: "event", "funding" or "notice"."""
    return KIND_BY_MODEL[type(item)].name


def kind_label(item: Announcement) -> str:
    """What readers call it, in the page's language: an event's type ("Hội chợ, triển lãm"), else its
    kind's label ("Thông báo")."""
    return label(item.event_type) if kind_of(item) == "event" else kind_label_of(KIND_BY_MODEL[type(item)].label)


def status_text(item: Announcement, today: dt.date) -> str:
    """Whether the announcement is still current on `today`, in the words of its kind."""
    current = is_current(item, today)
    kind = kind_of(item)
    if kind == "event":
        return gettext("Sắp diễn ra / đang diễn ra") if current else gettext("Đã diễn ra")
    if kind == "funding":
        if current:
            return gettext("Đang nhận hồ sơ")
        return gettext("Chưa rõ hạn; không ghi là đang mở") if isinstance(item.valid_until, Pending) else gettext("Đã đóng")
    return gettext("Mới") if current else gettext("Lưu trữ")


def shown(r: PageRenderer, items: Iterable[Announcement]) -> list[Announcement]:
    """`items` as the pages of `r`'s language show them (`catalog.translations.localised`), in their order."""
    return [localised(item, r.language).record for item in items]  # type: ignore[misc]


def page(r: PageRenderer, item: Announcement) -> str:
    """An announcement's page; an event's also carries its JSON-LD."""
    kind = kind_of(item)
    data = jsonld.event(item) if kind == "event" else None
    with using(r.language):
        kind_text, status = kind_label(item), status_text(item, r.today)
    return r.render("announcement.md.j2", a=item, kind=kind, kind_label=kind_text, status=status,
                    current=is_current(item, r.today), year=year_of(item), ld=jsonld.script(data), page=page_path(item))


def index(r: PageRenderer) -> str:
    """Upcoming events, open policies, recent notices and the archive years."""
    timeline = r.timeline
    return r.render("announcement_index.md.j2", page=ANNOUNCEMENTS_INDEX, upcoming_events=shown(r, timeline.upcoming_events),
                    open_policies=shown(r, timeline.open_policies), recent_notices=shown(r, timeline.recent_notices))


def archive(r: PageRenderer, year: int) -> str:
    """Every announcement of `year`, current or not."""
    return r.render("announcement_archive.md.j2", year=year, items=shown(r, r.timeline.years[year]), kind_label=kind_label,
                    status_text=lambda item: status_text(item, r.today), page=archive_path(year))


LISTS = ("events", "policies", "newest")
"""The lists hand-written pages may show: upcoming events, open policies, the newest current ones of every kind."""


def announcement_list(r: PageRenderer, which: str, *, limit: int | None, page: str) -> str:
    """One of `LISTS`, at most `limit` items, with links as seen from the docs file `page`. KeyError for another name."""
    items = {"events": r.timeline.upcoming_events, "policies": r.timeline.open_policies, "newest": r.timeline.latest_current}[which]
    return r.render("partials/announcement_macro.md.j2", which=which, items=shown(r, items[:limit]), page=page)


def feed_files(r: PageRenderer) -> dict[str, bytes]:
    """The Atom feed of the newest announcements and the iCalendar file of every event, by path under the site,
    in the language of `r`'s pages."""
    newest = shown(r, r.timeline.newest)
    page_paths = {item.id: r.site_path(page_path(item)) for item in newest}
    kinds = {item.id: kind_of(item) for item in newest}
    events = [item for item in newest if kinds[item.id] == "event"]
    with using(r.language):
        return {FEED_PATH: atom_feed(newest[:FEED_ITEMS], site=r.site, page_path=page_paths, kind_of=kinds),
                CALENDAR_PATH: calendar(sorted(events, key=lambda e: e.id), site=r.site, page_path=page_paths)}
