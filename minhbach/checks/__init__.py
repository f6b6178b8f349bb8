"""Checks over a loaded catalog. Each module owns one family; each returns findings and prints nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from minhbach.catalog import Catalog
from minhbach.catalog.docpages import DocPage
from minhbach.findings import Finding
from minhbach.catalog.review import ReviewPolicy
from minhbach.settings.defaults import DEFAULTS
from minhbach.settings.calendar import WorkCalendar
from minhbach.settings.languages import translatable_languages
from minhbach.catalog.macros import SiteMacros
from minhbach.site.parallel import run_all


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
    languages: tuple[str, ...] = field(default_factory=translatable_languages)
    """The languages the site is translated into (`settings.languages`); by default every one the engine has."""


Check = Callable[[Catalog, CheckContext], list[Finding]]


def all_checks() -> list[Check]:
    from minhbach.checks import announcements, dates, files, freshness, legal, pages, pending, periods, references, translations, workflows

    return [references.check, files.check, pending.check, dates.check, legal.check, periods.check, workflows.check, announcements.check,
            freshness.check, pages.check, files.file_names, translations.check]


def run_checks(catalog: Catalog, context: CheckContext, *, workers: int = 1) -> list[Finding]:
    """The findings of every check (`all_checks`), in that order.

    With `workers` > 1 the checks run side by side in forked processes (`site.parallel.run_all`),
    which share the catalogue and send back only their findings. Each record's facts are gathered
    first, here, so that no two processes walk the same record for them.
    """
    if workers > 1:
        for entry in catalog.all_entries():
            entry.facts  # noqa: B018 (a cached property: walked once, before the workers are forked)
    jobs = [partial(check, catalog, context) for check in all_checks()]
    return [finding for found in run_all(jobs, workers=workers, min_jobs=2, chunk=1) for finding in found]
