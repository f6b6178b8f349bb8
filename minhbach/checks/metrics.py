"""The transparency figures, computed from the same findings `minhbach check` prints.

The dashboard and the periodic report both read these, so the three can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from minhbach.catalog import Catalog
from minhbach.catalog.translations import translation_status
from minhbach.findings import Finding
from minhbach.model import KINDS, Procedure
from minhbach.model.announcement import AnnouncementBase

ANNOUNCEMENT_KINDS = ("event", "funding", "notice")


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> float:
        return 100.0 * self.part / self.whole if self.whole else 100.0


@dataclass(frozen=True)
class Item:
    """One overdue or late item for the report, with the unit that must act."""

    owner: str
    path: str
    title: str
    problem: str


@dataclass(frozen=True)
class Figures:
    as_of: dt.date
    period_start: dt.date
    procedures: int
    complete: Share
    reviewed: Share
    on_time: Share
    pending_parts: int
    items: list[Item] = field(default_factory=list)


def _paths_with(findings: list[Finding], code: str) -> set[str]:
    return {f.path for f in findings if f.code == code}


def figures(catalog: Catalog, findings: list[Finding], *, start: dt.date, end: dt.date) -> Figures:
    """Figures for the period [start, end]; `findings` come from a check run with today = end."""
    pending = _paths_with(findings, "pending")
    overdue = _paths_with(findings, "review-overdue")
    late = _paths_with(findings, "publication-lag")
    procedures = [e for e in catalog.entries["procedure"].values() if isinstance(e.record, Procedure) and e.record.published <= end]
    everything = [e for e in catalog.all_entries() if e.record.published <= end]
    announced = [e for kind in ANNOUNCEMENT_KINDS for e in catalog.entries[kind].values()
                 if isinstance(e.record, AnnouncementBase) and start <= e.record.published <= end]
    items = []
    for entry in everything:
        title = getattr(entry.record, "name", None) or getattr(entry.record, "title", None) or entry.record.id
        if entry.path in overdue:
            items.append(Item(entry.record.owner, entry.path, str(title), "quá hạn rà soát"))
    for entry in announced:
        if entry.path in late:
            items.append(Item(entry.record.owner, entry.path, entry.record.title, "đăng muộn"))
    return Figures(
        as_of=end,
        period_start=start,
        procedures=len(procedures),
        complete=Share(sum(1 for e in procedures if e.path not in pending), len(procedures)),
        reviewed=Share(sum(1 for e in everything if e.path not in overdue), len(everything)),
        on_time=Share(sum(1 for e in announced if e.path not in late), len(announced)),
        pending_parts=sum(1 for f in findings if f.code == "pending"),
        items=sorted(items, key=lambda i: (i.owner, i.problem, i.path)),
    )


@dataclass(frozen=True)
class TranslationCount:
    """How many records of one kind are translated, out of date, or not translated, in one language."""

    kind: str
    label: str
    translated: int
    outdated: int
    missing: int


def translation_counts(catalog: Catalog, languages: tuple[str, ...]) -> dict[str, list[TranslationCount]]:
    """For each of `languages`, the counts of every kind that has records (in the order of `model.KINDS`), from
    the same statuses the translation check reports (`catalog.translations.translation_status`)."""
    counts: dict[str, list[TranslationCount]] = {}
    for language in languages:
        rows = []
        for kind in KINDS.values():
            statuses = Counter(translation_status(entry.record, language) for entry in catalog.entries[kind.name].values())
            if statuses:
                rows.append(TranslationCount(kind.name, kind.label, statuses["translated"], statuses["outdated"], statuses["missing"]))
        counts[language] = rows
    return counts


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """'2026-Q3' -> (2026-07-01, 2026-09-30); '2026' -> the whole year."""
    text = period.strip().upper()
    if "-Q" in text:
        year_text, quarter_text = text.split("-Q", 1)
        year, quarter = int(year_text), int(quarter_text)
        if not 1 <= quarter <= 4:
            raise ValueError(period)
        start = dt.date(year, 3 * quarter - 2, 1)
        following = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
        return start, following - dt.timedelta(days=1)
    year = int(text)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
