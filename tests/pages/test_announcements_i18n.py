"""Announcement pages in English and Chinese: their labels and their records in the page's language,
on the shipped data (every shipped announcement has both translations)."""

from __future__ import annotations

import pytest
from markupsafe import escape

from minhbach.catalog.translations import localised
from minhbach.checks.project import check_project
from minhbach.pages import PageRenderer, announcements
from minhbach.pages.contact import link_phones
from minhbach.pages.i18n import using
from tests.conftest import TODAY
from tests.site_helpers import ROOT

VIETNAMESE_LABELS = ("Sự kiện sắp tới", "Chương trình tài trợ đang mở", "Thông báo mới", "Theo dõi qua", "nguồn tin Atom", "Lưu trữ năm",
                     "Đơn vị tổ chức", "Ngày văn bản nguồn", "Nhà tài trợ", "Mức tài trợ", "Đăng ký tham dự", "Hạn đăng ký", "Tình trạng",
                     "Tài liệu đính kèm", "Nguồn chính thức", "Rà soát và lịch sử thay đổi", "Đã diễn ra", "Sắp diễn ra", "Đang nhận hồ sơ",
                     "Chính sách tài trợ", "Chưa có sự kiện sắp tới", "Trang được giữ lại trong", "mục)")
"""Words of the announcement pages' own text (not of records): none may be left on a translated page."""


@pytest.fixture(scope="module")
def catalog():
    found, _ = check_project(ROOT / "data", ROOT / "docs", TODAY, display_base=ROOT)
    return found


def _pages(catalog, language: str) -> dict[str, str]:
    """The index, every archive year and every announcement's page, in `language`."""
    r = PageRenderer(catalog, today=TODAY, language=language)
    found = {"index": announcements.index(r)}
    found.update({f"archive {year}": announcements.archive(r, year) for year in r.timeline.years})
    found.update({item.id: announcements.page(r, localised(item, language).record) for item in r.timeline.newest})
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_vietnamese_label_is_left_on_a_translated_announcement_page(catalog, language):
    pages = _pages(catalog, language)
    assert len(pages) > 10
    for name, text in pages.items():
        left = [words for words in VIETNAMESE_LABELS if words in text]
        assert not left, (name, left)


@pytest.mark.parametrize(("language", "words"), [
    ("en", ["## Upcoming events", "## Open funding programs", "## New notices", "[Atom feed](feed.xml)", "## Archive"]),
    ("zh", ["## 即将举行的活动", "## 正在接受申请的资助项目", "## 最新通知", "[Atom 信息源](feed.xml)", "## 存档"]),
])
def test_the_announcements_index_is_written_in_the_page_language(catalog, language, words):
    index = _pages(catalog, language)["index"]
    assert all(word in index for word in words), index[:1500]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_titles_and_summaries_of_every_list_come_from_the_translation(catalog, language):
    r = PageRenderer(catalog, today=TODAY, language=language)
    listed = {"index": announcements.index(r), **{str(year): announcements.archive(r, year) for year in r.timeline.years},
              "newest": announcements.announcement_list(r, "newest", limit=None, page="index.md")}
    archived = "".join(listed[str(year)] for year in r.timeline.years)
    for item in r.timeline.newest:
        shown = localised(item, language)
        assert shown.status == "translated", item.id
        assert escape(shown.record.title) in archived and escape(item.title) not in archived, item.id
    for item in r.timeline.latest_current:
        assert link_phones(localised(item, language).record.summary) in listed["newest"], item.id
        assert link_phones(item.summary) not in listed["newest"], item.id


def test_an_announcement_page_in_english_has_its_labels_and_record_text_in_english(catalog):
    r = PageRenderer(catalog, today=TODAY, language="en")
    event = next(item for item in r.timeline.newest if announcements.kind_of(item) == "event")
    page = announcements.page(r, localised(event, "en").record)
    assert "<dt>Type</dt>" in page and "<dt>Organizer</dt>" in page and "<dt>Date of the source document</dt>" in page
    assert escape(localised(event, "en").record.organiser) in page and escape(event.organiser) not in page
    with using("en"):
        with_status = announcements.status_text(event, TODAY)
    assert with_status in ("Upcoming / under way", "Has taken place")


def test_the_vietnamese_index_keeps_its_words(catalog):
    index = _pages(catalog, "vi")["index"]
    assert "## Sự kiện sắp tới" in index and "Theo dõi qua [nguồn tin Atom](feed.xml)" in index


def test_the_english_feed_and_calendar_are_in_english(catalog):
    import xml.etree.ElementTree as ET

    from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH

    r = PageRenderer(catalog, today=TODAY, language="en")
    files = announcements.feed_files(r)
    feed = ET.fromstring(files[FEED_PATH])
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.find(f"{atom}title").text.startswith("Announcements — ")
    titles = {entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")}
    assert titles == {localised(item, "en").record.title for item in r.timeline.newest[:announcements.FEED_ITEMS]}
    calendar = files[CALENDAR_PATH].decode("utf-8")
    assert "Organizer:" in calendar.replace("\r\n ", "") and "Đơn vị tổ chức" not in calendar


def test_a_notice_is_called_a_notice_not_the_announcements_page(catalog):
    r = PageRenderer(catalog, today=TODAY, language="en")
    notice = next(item for item in r.timeline.newest if announcements.kind_of(item) == "notice")
    assert "<dt>Type</dt><dd>Notice</dd>" in announcements.page(r, localised(notice, "en").record)
