"""The site's calendar: what day it is where the site is published, and which days are working days.

Every "today" of the engine comes from `today`; every count of working days from `WorkCalendar`.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from minhbach.load.text import visible

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"
"""Giờ Việt Nam (UTC+7): the zone the Department works in and its readers live in."""

COUNTRY = "VN"
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


MAX_EPOCH = 2**32 - 1
"""The last second a gzip header can hold (RFC 1952, MTIME is 32 bits); MkDocs writes sitemap.xml.gz with it."""


class ClockError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a time this calendar can show; the message is in Vietnamese."""


def today(time_zone: str = DEFAULT_TIME_ZONE, *, environ: Mapping[str, str] | None = None) -> dt.date:
    """The date in `time_zone` (an IANA key such as "Asia/Ho_Chi_Minh") now, or at SOURCE_DATE_EPOCH.

    SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC, https://reproducible-builds.org/specs/source-date-epoch/)
    makes builds reproducible; an empty value counts as unset. `environ` defaults to `os.environ`.
    Raises ClockError when it is set to something that is not a whole number of seconds up to `MAX_EPOCH`,
    and zoneinfo's errors for an unknown zone (options are validated before this is called).
    """
    zone = ZoneInfo(time_zone)
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return dt.datetime.now(zone).date()
    shown = visible(epoch[:40])
    if not (epoch.isascii() and epoch.isdigit()):
        raise ClockError(f"biến môi trường SOURCE_DATE_EPOCH='{shown}' không phải một số giây (số nguyên không âm)")
    if int(epoch) > MAX_EPOCH:
        raise ClockError(f"biến môi trường SOURCE_DATE_EPOCH={shown} sau năm 2106, thời điểm cuối cùng tệp gzip ghi được")
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=zone).date()
    except (OverflowError, OSError, ValueError):
        raise ClockError(f"biến môi trường SOURCE_DATE_EPOCH={shown} ở ngoài khoảng thời gian tính được") from None


@functools.lru_cache(maxsize=None)
def public_holidays(year: int) -> Mapping[dt.date, str]:
    """Vietnam's public holidays in `year`, date -> Vietnamese name, from the `holidays` package.

    The rule is Bộ luật Lao động 2019, Điều 112 (Tết Dương lịch, Tết Âm lịch, Giỗ Tổ Hùng Vương,
    30/4, 1/5, Quốc khánh) with the days the Prime Minister fixes each year (Điều 112 khoản 3), the
    day made up when a holiday falls on a weekly day off (Điều 111 khoản 3), and the days off the
    Government has swapped in past years, as `holidays.country_holidays("VN")` lists them.
    """
    collecting = gc.isenabled()
    gc.disable()  # the package imports every country's rules: hundreds of modules, slow to collect over a loaded catalogue
    try:
        import holidays

        return dict(holidays.country_holidays(COUNTRY, years=year, language="vi"))
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True)
class WorkCalendar:
    """The working days of a Vietnamese state agency.

    A day is a working day unless it is a Saturday or a Sunday (Quyết định 188/1999/QĐ-TTg: a
    40-hour week, Saturday and Sunday off), a public holiday (`public_holidays`), or one of
    `extra_days_off`; a day in `extra_working_days` is a working day whatever else it is. The two
    sets hold what the Government decides for one year and the holiday package cannot know: a
    Saturday worked in exchange for a day off next to a holiday ("làm bù"), or a day off it adds.
    """

    extra_working_days: frozenset[dt.date] = frozenset()
    extra_days_off: frozenset[dt.date] = frozenset()

    @classmethod
    def of(cls, extra_working_days: Iterable[dt.date] = (), extra_days_off: Iterable[dt.date] = ()) -> WorkCalendar:
        return cls(frozenset(extra_working_days), frozenset(extra_days_off))

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off or day.weekday() >= 5:
            return False
        return day not in public_holidays(day.year)

    def is_within_working_days(self, start: dt.date, days: int, day: dt.date) -> bool:
        """Whether `day` comes at most `days` working days after `start`: `day <= add_working_days(start, days)`.

        Settled without the holiday table (whose first use imports every country's rules in the package)
        whenever `day` is no later than the deadline counted with weekends alone, which no holiday or day
        off can bring forward.
        """
        counted, current = 0, start + dt.timedelta(days=1) if start < day else day
        while current < day and counted < days:  # days before `day` that could at most be working days
            if current in self.extra_working_days or current.weekday() < 5:
                counted += 1
            current += dt.timedelta(days=1)
        return counted < days or day <= self.add_working_days(start, days)

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The day on which `days` working days after `start` have passed (`start` itself not counted).

        `days` is a whole number >= 0; with 0 the answer is `start`. A count that runs past the last
        date Python can represent (9999-12-31) ends there.
        """
        current = start
        remaining = days
        while remaining > 0:
            if current == dt.date.max:
                return current
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current
