"""The minhbach plugin's settings as plain values, and the one place their defaults are written.

`minhbach.mkdocs.options` reads and validates them from mkdocs.yml (for the build and the command line
alike); checks, pages and the command line take them from here, never from their own defaults.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from minhbach.catalog.review import ReviewPolicy
from minhbach.settings.calendar import DEFAULT_TIME_ZONE, WorkCalendar, today


@dataclass(frozen=True)
class Settings:
    """The plugin's options in mkdocs.yml, validated; each default here is the only one."""

    data_dir: str = "data"
    """Folder of the records, relative to mkdocs.yml."""
    publication_lag_days: int = 3
    """Working days allowed between an announcement's source document (`issued`) and its publication."""
    review_periods: Mapping[str, str] = field(default_factory=dict)
    """Default review period by kind ("procedure", ..., "page"), e.g. {"procedure": "6 tháng"}; others 12 months."""
    time_zone: str = DEFAULT_TIME_ZONE
    """IANA time zone in which "today" is taken (archives, reviews, the dashboard, the link report)."""
    extra_working_days: frozenset[dt.date] = frozenset()
    """Weekend days or holidays the Government made working days this year (e.g. a Saturday worked in exchange)."""
    extra_days_off: frozenset[dt.date] = frozenset()
    """Working days the Government made days off this year, beyond the public holidays."""

    @property
    def review_policy(self) -> ReviewPolicy:
        return ReviewPolicy(dict(self.review_periods))

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.extra_working_days, self.extra_days_off)

    def today(self, environ: Mapping[str, str] | None = None) -> dt.date:
        """Today in the site's time zone (see `sitecalendar.today`; raises its ClockError)."""
        return today(self.time_zone, environ=os.environ if environ is None else environ)


DEFAULTS = Settings()
"""The settings of a site that sets no option."""
