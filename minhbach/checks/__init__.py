"""Checks over a loaded catalog. Each module owns one family; each returns findings and prints nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from minhbach.catalog import Catalog
from minhbach.catalog.docpages import DocPage
from minhbach.findings import Finding
from minhbach.catalog.review import ReviewPolicy
from minhbach.settings.defaults import DEFAULTS
from minhbach.settings.calendar import WorkCalendar
from minhbach.catalog.macros import SiteMacros


@dataclass(frozen=True)
class CheckContext:
    """What checks may know about the world besides the records."""

    today: dt.date
    docs_files: frozenset[str] = field(default_factory=frozenset)
    """Files under docs/, as POSIX paths relative to it (for form files)."""
    publication_lag_days: int = DEFAULTS.publication_lag_days
    """Working days allowed between an announcement's source document and its publication."""
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    """Which days are working days: weekends and Vietnam's public holidays off, with the site's changes."""
    review_policy: ReviewPolicy = field(default_factory=ReviewPolicy)
    """Default review periods by kind, for records and pages that do not set their own."""
    pages: tuple[DocPage, ...] = ()
    """Hand-written pages under docs/, with their review front matter."""
    markup_files: tuple[tuple[str, str], ...] = ()
    """(path as shown, text) of the HTML and SVG files under docs/, published as they are (`MARKUP_SUFFIXES`)."""
    macros: SiteMacros | None = None
    """The site's registered macros and which pages render them; None when the site has no macros plugin."""


Check = Callable[[Catalog, CheckContext], list[Finding]]


def all_checks() -> list[Check]:
    from minhbach.checks import announcements, dates, files, freshness, legal, pages, pending, periods, references, translations, workflows

    return [references.check, files.check, pending.check, dates.check, legal.check, periods.check, workflows.check, announcements.check,
            freshness.check, pages.check, files.file_names, translations.check]


def run_checks(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for check in all_checks():
        findings += check(catalog, context)
    return findings
