"""The transparency dashboard: figures of the last 90 days and 12 months, from the data and the checks."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from minhbach.checks.metrics import figures, translation_counts
from minhbach.pages.chart import bar_chart
from minhbach.pages.paths import DASHBOARD_INDEX
from minhbach.pages.i18n import gettext, using
from minhbach.settings.languages import LANGUAGE_NAMES

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer


def page(r: PageRenderer) -> str:
    """The dashboard as of the build day, with a bar chart of its three rates, in the page's language."""
    quarter = figures(r.catalog, r.findings, start=r.today - dt.timedelta(days=90), end=r.today)
    year = figures(r.catalog, r.findings, start=r.today - dt.timedelta(days=365), end=r.today)
    with using(r.language):
        chart = bar_chart([(gettext("Thủ tục đủ mọi phần"), quarter.complete.percent), (gettext("Rà soát đúng hạn"), quarter.reviewed.percent),
                           (gettext("Đăng đúng hạn (12 tháng)"), year.on_time.percent)], title=gettext("Tỉ lệ đạt các chỉ số minh bạch"))
        translations = {f"{gettext(LANGUAGE_NAMES.get(language, language))} ({language})": rows
                        for language, rows in translation_counts(r.catalog, r.languages).items()}
    return r.render("dashboard.md.j2", quarter=quarter, year=year, chart=chart, lag_days=r.publication_lag_days, page=DASHBOARD_INDEX,
                    translations=translations)
