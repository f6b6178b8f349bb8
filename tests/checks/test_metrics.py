"""The dashboard figures and the periodic report come from the check's own findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minhbach.checks.metrics import figures, period_bounds
from minhbach.checks.project import check_project
from tests.conftest import EVENT, NOTICE, write_project


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [("2026-Q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31)), ("2026-q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
     ("2026-Q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)), ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31))],
)
def test_periods(period, start, end):
    assert period_bounds(period) == (start, end)


@pytest.mark.parametrize("period", ["2026-Q5", "Q3", "năm 2026"])
def test_bad_periods(period):
    with pytest.raises(ValueError):
        period_bounds(period)


def test_figures_agree_with_the_findings(project: Path):
    late = NOTICE.replace("2026-05-04", "2026-05-08")
    write_project(project, {"data/notices/thong-bao-mot.yml": late, "data/events/hoi-cho-mot.yml": EVENT})
    today = dt.date(2026, 11, 27)
    catalog, findings = check_project(project / "data", project / "docs", today, display_base=project)
    numbers = figures(catalog, findings, start=dt.date(2026, 1, 1), end=today)
    codes = [f.code for f in findings]
    assert numbers.procedures == 1
    assert numbers.complete.part == 0 and codes.count("pending") == numbers.pending_parts == 3
    assert (numbers.on_time.part, numbers.on_time.whole) == (1, 2)
    assert codes.count("publication-lag") == 1
    assert numbers.reviewed.whole == len(list(catalog.all_entries())) and numbers.reviewed.part == numbers.reviewed.whole
    [item] = numbers.items
    assert (item.owner, item.problem, item.path) == ("phong-mot", "đăng muộn", "data/notices/thong-bao-mot.yml")


def test_overdue_reviews_count_as_of_the_period_end(project: Path):
    later = dt.date(2027, 6, 1)
    catalog, findings = check_project(project / "data", project / "docs", later, display_base=project)
    numbers = figures(catalog, findings, start=dt.date(2027, 1, 1), end=later)
    overdue = {f.path for f in findings if f.code == "review-overdue"}
    assert numbers.reviewed.whole - numbers.reviewed.part == len(overdue) > 0
    assert {item.path for item in numbers.items if item.problem == "quá hạn rà soát"} == overdue


def test_translation_counts_per_language_and_kind_agree_with_the_check(project: Path):
    from minhbach.checks.metrics import translation_counts
    from tests.conftest import PROCEDURE, TODAY

    translated = PROCEDURE + "translations:\n  en: {translated: 2026-03-01, name: Consular legalisation}\n  zh: {translated: 2026-02-01, name: 领事认证}\n"
    write_project(project, {"data/procedures/hop-phap-hoa.yml": translated})
    catalog, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    counts = translation_counts(catalog, ("en", "zh"))
    rows = {language: {row.kind: (row.translated, row.outdated, row.missing) for row in rows} for language, rows in counts.items()}
    assert rows == {"en": {"procedure": (1, 0, 0), "legal": (0, 0, 1), "unit": (0, 0, 1), "field": (0, 0, 1)},
                    "zh": {"procedure": (0, 1, 0), "legal": (0, 0, 1), "unit": (0, 0, 1), "field": (0, 0, 1)}}
    assert [row.label for row in counts["en"]][0] == "Thủ tục hành chính"
    assert sum(1 for f in findings if f.code == "translation-missing") == 6
    assert sum(1 for f in findings if f.code == "translation-outdated") == 1
