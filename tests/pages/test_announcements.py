"""Announcements: what kind each is called and whether it is still current, in readers' words."""

from __future__ import annotations

import datetime as dt

from minhbach.model import Event, FundingPolicy, Notice, Pending
from minhbach.model.announcement import EventType
from minhbach.pages.announcements import kind_label, kind_of, status_text

TODAY = dt.date(2026, 11, 27)


def test_each_kind_says_whether_it_is_current():
    event = Event.model_construct(start=dt.date(2026, 12, 2), end=None)
    ended = Event.model_construct(start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 3))
    assert [kind_of(event), status_text(event, TODAY), status_text(ended, TODAY)] == ["event", "Sắp diễn ra / đang diễn ra", "Đã diễn ra"]
    open_policy = FundingPolicy.model_construct(open=True, valid_until=dt.date(2026, 12, 31))
    closed = FundingPolicy.model_construct(open=True, valid_until=dt.date(2026, 11, 1))
    unknown = FundingPolicy.model_construct(open=False, valid_until=Pending(pending="Chưa rõ hạn."))
    assert [status_text(p, TODAY) for p in (open_policy, closed, unknown)] == ["Đang nhận hồ sơ", "Đã đóng", "Chưa rõ hạn; không ghi là đang mở"]
    recent = Notice.model_construct(published=dt.date(2026, 11, 1))
    old = Notice.model_construct(published=dt.date(2026, 1, 1))
    assert [kind_of(recent), status_text(recent, TODAY), status_text(old, TODAY)] == ["notice", "Mới", "Lưu trữ"]


def test_an_event_is_called_by_its_type_other_announcements_by_their_kind():
    event_type = next(iter(EventType))
    assert kind_label(Event.model_construct(event_type=event_type)) == event_type.label
    assert kind_label(FundingPolicy.model_construct()) == "Chính sách tài trợ"
    assert kind_label(Notice.model_construct()) == "Thông báo"


def test_the_home_page_list_shows_current_items_dated_by_their_source_document(project):
    from minhbach.catalog import load_catalog
    from minhbach.pages import PageRenderer
    from tests.conftest import EVENT, FUNDING, NOTICE, write_project

    write_project(project, {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING,
                            "data/notices/thong-bao-mot.yml": NOTICE})
    catalog, _ = load_catalog(project / "data")
    html = PageRenderer(catalog, today=dt.date(2026, 12, 7)).announcement_list("newest", limit=5, page="index.md")
    assert "quy-mot" in html and "hoi-cho-mot" not in html and "thong-bao-mot" not in html  # ended, archived
    assert '<time datetime="2026-03-02">02/03/2026</time>' in html  # issued, not published (2026-03-04)
    nothing = PageRenderer(catalog, today=dt.date(2027, 6, 1)).announcement_list("newest", limit=5, page="index.md")
    assert "<li>" not in nothing and "lưu trữ" in nothing
