"""The site's calendar: today in the site's time zone, and working days with Vietnam's public holidays."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minhbach.settings.calendar import ClockError, WorkCalendar, public_holidays, today


def _epoch(text: str) -> str:
    return str(int(dt.datetime.fromisoformat(text).timestamp()))


@pytest.mark.parametrize(
    ("utc", "zone", "expected"),
    [
        ("2026-11-26T19:30:00+00:00", "Asia/Ho_Chi_Minh", dt.date(2026, 11, 27)),  # the nightly publish
        ("2026-11-26T16:59:59+00:00", "Asia/Ho_Chi_Minh", dt.date(2026, 11, 26)),
        ("2026-11-26T17:00:00+00:00", "Asia/Ho_Chi_Minh", dt.date(2026, 11, 27)),
        ("2026-12-31T18:00:00+00:00", "Asia/Ho_Chi_Minh", dt.date(2027, 1, 1)),
        ("2026-11-26T19:30:00+00:00", "UTC", dt.date(2026, 11, 26)),
        ("2026-11-26T03:00:00+00:00", "America/New_York", dt.date(2026, 11, 25)),
    ],
)
def test_today_at_source_date_epoch_is_the_date_in_the_sites_time_zone(utc, zone, expected):
    assert today(zone, environ={"SOURCE_DATE_EPOCH": _epoch(utc)}) == expected


def test_today_defaults_to_vietnam_time():
    assert today(environ={"SOURCE_DATE_EPOCH": _epoch("2026-11-26T19:30:00+00:00")}) == dt.date(2026, 11, 27)


def test_today_without_an_epoch_is_the_clocks_date_in_the_zone():
    before = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    value = today("Asia/Ho_Chi_Minh", environ={"SOURCE_DATE_EPOCH": ""})
    after = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    assert value in {before, after}


@pytest.mark.parametrize("epoch", ["abc", "-5", "1e9", "1795000000.5", "١٢٣", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_refused_with_a_message(epoch):
    with pytest.raises(ClockError, match="SOURCE_DATE_EPOCH"):
        today(environ={"SOURCE_DATE_EPOCH": epoch})


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (dt.date(2026, 11, 27), 3, dt.date(2026, 12, 2)),  # weekend only
        (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30)),
        (dt.date(2026, 2, 13), 3, dt.date(2026, 2, 25)),  # Tết: 16–20 February, then a weekend
        (dt.date(2026, 4, 29), 1, dt.date(2026, 5, 4)),  # 30/4 and 1/5, then a weekend
        (dt.date(2026, 4, 24), 1, dt.date(2026, 4, 28)),  # Giỗ Tổ on Sunday 26/4, made up on Monday 27/4
        (dt.date(2026, 8, 28), 1, dt.date(2026, 9, 3)),  # 31/8 swapped off, Quốc khánh 1–2/9
        (dt.date(2026, 11, 23), 1, dt.date(2026, 11, 25)),  # Ngày Văn hóa Việt Nam, from 2026
        (dt.date(2026, 12, 31), 1, dt.date(2027, 1, 4)),  # Tết Dương lịch on a Friday, across the year
        (dt.date(2027, 4, 29), 1, dt.date(2027, 5, 4)),  # 30/4 Friday, 1/5 Saturday made up on Monday 3/5
        (dt.date(2026, 6, 10), 0, dt.date(2026, 6, 10)),
    ],
)
def test_working_days_skip_weekends_and_public_holidays(start, days, expected):
    assert WorkCalendar().add_working_days(start, days) == expected


def test_the_weekdays_off_of_2026_are_the_official_ones():
    """Against the calendar the Government announced for 2026, not against the package itself."""
    calendar = WorkCalendar()
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    off = {day for day in days if day.weekday() < 5 and not calendar.is_working_day(day)}
    assert off == {dt.date(2026, 1, 1), *(dt.date(2026, 2, d) for d in range(16, 21)), dt.date(2026, 4, 27), dt.date(2026, 4, 30),
                   dt.date(2026, 5, 1), dt.date(2026, 8, 31), dt.date(2026, 9, 1), dt.date(2026, 9, 2), dt.date(2026, 11, 24)}
    assert all(not calendar.is_working_day(day) for day in days if day.weekday() >= 5)


def test_days_the_government_swaps_change_the_count():
    swapped = WorkCalendar.of(extra_working_days=[dt.date(2026, 8, 22)], extra_days_off=[dt.date(2026, 3, 6)])
    assert swapped.is_working_day(dt.date(2026, 8, 22)) and not WorkCalendar().is_working_day(dt.date(2026, 8, 22))
    assert swapped.add_working_days(dt.date(2026, 8, 21), 1) == dt.date(2026, 8, 22)
    assert swapped.add_working_days(dt.date(2026, 3, 5), 1) == dt.date(2026, 3, 9)
    assert not swapped.is_working_day(dt.date(2026, 3, 6)) and WorkCalendar().is_working_day(dt.date(2026, 3, 6))


def test_holidays_are_named_in_vietnamese():
    assert public_holidays(2026)[dt.date(2026, 2, 17)] == "Tết Nguyên Đán"
    assert public_holidays(2026)[dt.date(2026, 9, 2)] == "Quốc khánh"


def test_counting_stops_at_the_last_representable_day():
    assert WorkCalendar().add_working_days(dt.date(9999, 12, 30), 5) == dt.date.max


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(min_value=0, max_value=30))
def test_the_answer_is_the_nth_working_day_after_the_start(start, days):
    calendar = WorkCalendar()
    answer = calendar.add_working_days(start, days)
    between = [start + dt.timedelta(days=n) for n in range(1, (answer - start).days + 1)]
    assert sum(calendar.is_working_day(day) for day in between) == days
    assert days == 0 or calendar.is_working_day(answer)


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(min_value=0, max_value=20),
       st.integers(min_value=-5, max_value=60), st.sets(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2031, 3, 31)), max_size=20),
       st.sets(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2031, 3, 31)), max_size=20))
def test_the_quick_answer_agrees_with_counting_every_day(start, days, offset, working, off):
    calendar = WorkCalendar.of(extra_working_days=working, extra_days_off=off - working)
    day = start + dt.timedelta(days=offset)
    assert calendar.is_within_working_days(start, days, day) == (day <= calendar.add_working_days(start, days))


def test_publication_on_time_by_weekends_alone_does_not_load_the_holiday_table(monkeypatch):
    import minhbach.settings.calendar

    def unavailable(year: int):
        raise AssertionError("the holiday table was not needed")

    monkeypatch.setattr(minhbach.settings.calendar, "public_holidays", unavailable)
    assert WorkCalendar().is_within_working_days(dt.date(2026, 2, 13), 3, dt.date(2026, 2, 18))
    assert WorkCalendar.of(extra_working_days=[dt.date(2026, 8, 22)]).is_within_working_days(dt.date(2026, 8, 20), 3, dt.date(2026, 8, 22))


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_the_holiday_table_leaves_garbage_collection_as_it_was(enabled):
    import gc

    public_holidays.cache_clear()
    (gc.enable if enabled else gc.disable)()
    try:
        assert public_holidays(2031)
        assert gc.isenabled() == enabled
    finally:
        gc.enable()
