"""Freshness dates: nothing in the future, updates after publication, a change note for each update."""

from __future__ import annotations

from pathlib import Path

from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, line_of, write_project


def run(project: Path, text: str):
    write_project(project, {"data/procedures/hop-phap-hoa.yml": text})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return [f for f in findings if f.code not in ("pending", "translation-missing")]


def test_future_dates_are_errors(project: Path):
    text = PROCEDURE.replace("last_reviewed: 2026-11-01", "last_reviewed: 2027-01-01")
    [finding] = run(project, text)
    assert (finding.code, finding.line) == ("future-date", line_of(text, "last_reviewed:"))


def test_today_is_injectable(project: Path):
    _, findings = check_project(project / "data", project / "docs", TODAY.replace(year=2026, month=2), display_base=project)
    assert {f.code for f in findings if f.is_error} == {"future-date"}


def test_update_before_publication(project: Path):
    text = PROCEDURE.replace("updated: 2026-03-01", "updated: 2025-12-01").replace("  - date: 2026-03-01", "  - date: 2025-12-01")
    assert {f.code for f in run(project, text)} == {"date-order"}


def test_update_without_a_change_note_is_a_warning(project: Path):
    text = PROCEDURE.replace("updated: 2026-03-01", "updated: 2026-04-01")
    [finding] = run(project, text)
    assert (finding.code, finding.severity.value, finding.line) == ("change-note-missing", "warning", line_of(text, "updated:"))
