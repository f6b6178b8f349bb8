"""The review block of hand-written pages: notice and dates from the front matter as MkDocs read it."""

from __future__ import annotations

import datetime as dt

from minhbach.catalog.review import PAGE_KIND, ReviewPolicy
from minhbach.pages.review import page_review

TODAY = dt.date(2026, 11, 27)
FRONT_MATTER = {"title": "Giới thiệu", "owner": "phong-mot", "last_reviewed": dt.date(2026, 8, 1)}


def test_an_overdue_page_gets_the_notice_and_its_dates_with_the_owner_name_escaped():
    notice, dates = page_review(FRONT_MATTER, policy=ReviewPolicy({PAGE_KIND: "3 tháng"}), today=TODAY, unit_name=lambda unit: f"<b>{unit}</b>")
    assert "quá hạn rà soát</strong> từ ngày 01/11/2026 (rà soát gần nhất 01/08/2026)" in notice
    assert "<dt>Hạn rà soát tiếp theo</dt><dd>01/11/2026 <span" in dates and "quá hạn" in dates
    assert "<dd>&lt;b&gt;phong-mot&lt;/b&gt;</dd>" in dates


def test_a_page_reviewed_in_time_shows_its_dates_only():
    notice, dates = page_review(FRONT_MATTER, policy=ReviewPolicy(), today=TODAY, unit_name=str.upper)
    assert notice == ""
    assert "<dt>Hạn rà soát tiếp theo</dt><dd>01/08/2027</dd>" in dates and "<dd>PHONG-MOT</dd>" in dates


def test_pages_without_valid_review_keys_get_no_block():
    for front_matter in ({"title": "A"}, {"owner": "phong-mot"}, {**FRONT_MATTER, "last_reviewed": "hôm qua"}, None):
        assert page_review(front_matter, policy=ReviewPolicy(), today=TODAY, unit_name=str) is None
