"""Freshness rules, each checked on two different days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minhbach.catalog.review import ReviewPolicy, add_period
from minhbach.checks.project import check_project
from tests.conftest import LEGAL, PROCEDURE, line_of, write_project

CODES = {"review-overdue", "review-due", "basis-not-in-force", "status-stale", "basis-replaced", "future-date",
         "page-review-missing", "page-review-invalid", "unknown-reference"}


def run(project: Path, today: dt.date, files: dict[str, str] | None = None, policy: ReviewPolicy | None = None):
    write_project(project, files or {})
    _, findings = check_project(project / "data", project / "docs", today, display_base=project, review_policy=policy)
    return [f for f in findings if f.code in CODES]


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [(dt.date(2026, 1, 31), "1 tháng", dt.date(2026, 2, 28)), (dt.date(2024, 2, 29), "1 năm", dt.date(2025, 2, 28)),
     (dt.date(2026, 11, 1), "6 tháng", dt.date(2027, 5, 1)), (dt.date(2026, 11, 1), "90 ngày", dt.date(2027, 1, 30)),
     (dt.date(2026, 11, 1), "2 tuần", dt.date(2026, 11, 15))],
)
def test_review_periods(start, period, expected):
    assert add_period(start, period) == expected


def test_review_overdue_and_due_depend_on_the_day(project: Path):
    # The test procedure was reviewed on 2026-11-01 every 6 months: next review 2027-05-01.
    assert [f for f in run(project, dt.date(2027, 3, 1)) if f.path.endswith("hop-phap-hoa.yml")] == []
    [due] = [f for f in run(project, dt.date(2027, 4, 15)) if f.path.endswith("hop-phap-hoa.yml")]
    assert (due.code, due.severity.value, due.line) == ("review-due", "warning", line_of(PROCEDURE, "last_reviewed:"))
    [overdue] = [f for f in run(project, dt.date(2027, 5, 2)) if f.path.endswith("hop-phap-hoa.yml")]
    assert overdue.code == "review-overdue" and "2027-05-01" in overdue.message


def test_records_without_a_period_follow_the_policy_of_their_kind(project: Path):
    text = PROCEDURE.replace("review_in: 6 tháng\n", "")
    files = {"data/procedures/hop-phap-hoa.yml": text}
    day = dt.date(2027, 11, 2)  # 12 months and a day after 2026-11-01
    assert "review-overdue" in {f.code for f in run(project, day, files) if f.path.endswith("hop-phap-hoa.yml")}
    assert [f for f in run(project, dt.date(2027, 1, 1), files, ReviewPolicy({"procedure": "3 tháng"})) if f.path.endswith("hop-phap-hoa.yml")] == []
    assert "review-overdue" in {f.code for f in run(project, dt.date(2027, 2, 2), files, ReviewPolicy({"procedure": "3 tháng"}))}


def test_a_basis_not_yet_in_force_is_flagged_until_it_takes_effect(project: Path):
    legal = LEGAL.replace("effective: 2012-02-01", "effective: 2027-01-01").replace("status: het_hieu_luc_mot_phan", "status: con_hieu_luc")
    files = {"data/legal/nd-111-2011.yml": legal}
    codes = {f.code for f in run(project, dt.date(2026, 12, 1), files)}
    assert {"basis-not-in-force", "status-stale"} <= codes
    assert not {"basis-not-in-force", "status-stale"} & {f.code for f in run(project, dt.date(2027, 1, 2), files)}


def test_an_expired_document_still_marked_in_force(project: Path):
    legal = LEGAL.replace("status: het_hieu_luc_mot_phan", "status: con_hieu_luc\nexpiry: 2026-12-31")
    files = {"data/legal/nd-111-2011.yml": legal}
    assert not {"status-stale", "basis-not-in-force"} & {f.code for f in run(project, dt.date(2026, 12, 30), files)}
    stale = [f for f in run(project, dt.date(2026, 12, 31), files) if f.code == "status-stale"]
    assert len(stale) == 1 and stale[0].line == line_of(legal, "status:")


def test_procedure_not_updated_since_its_law_was_replaced(project: Path):
    old = LEGAL.replace("status: het_hieu_luc_mot_phan", "status: het_hieu_luc_toan_bo\nreplaced_by: nd-moi")
    new = (LEGAL.replace("id: nd-111-2011", "id: nd-moi").replace("number: 111/2011/NĐ-CP", "number: 200/2026/NĐ-CP")
           .replace("issued: 2011-12-05", "issued: 2026-11-10").replace("effective: 2012-02-01", "effective: 2026-12-15")
           .replace("status: het_hieu_luc_mot_phan", "status: chua_co_hieu_luc").replace("published: 2026-01-05", "published: 2026-11-20")
           .replace("updated: 2026-01-05", "updated: 2026-11-20").replace("  - date: 2026-01-05", "  - date: 2026-11-20")
           .replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-20"))
    files = {"data/legal/nd-111-2011.yml": old, "data/legal/nd-moi.yml": new}
    assert "basis-replaced" not in {f.code for f in run(project, dt.date(2026, 12, 1), files)}
    [finding] = [f for f in run(project, dt.date(2026, 12, 16), files) if f.code == "basis-replaced"]
    assert finding.path.endswith("hop-phap-hoa.yml") and "200/2026/NĐ-CP" in finding.message and "2026-12-15" in finding.message


def test_future_change_notes_depend_on_the_day(project: Path):
    text = PROCEDURE.replace("  - date: 2026-03-01\n", "  - date: 2026-12-20\n").replace("updated: 2026-03-01", "updated: 2026-12-20")
    text = text.replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-12-20")
    files = {"data/procedures/hop-phap-hoa.yml": text}
    assert "future-date" in {f.code for f in run(project, dt.date(2026, 12, 19), files)}
    assert "future-date" not in {f.code for f in run(project, dt.date(2026, 12, 20), files)}


def test_hand_written_pages_are_reviewed_like_records(project: Path):
    page = "---\ntitle: Liên hệ\nowner: phong-mot\nlast_reviewed: 2026-11-01\nreview_in: 3 tháng\n---\n# Liên hệ\n"
    files = {"docs/lien-he.md": page, "docs/khong-ro.md": "# Không có phần đầu\n", "docs/sai.md": "---\nowner: phong-hai\nlast_reviewed: 2026-11-01\n---\n"}
    on_time = run(project, dt.date(2026, 12, 1), files)
    assert [(f.path, f.code) for f in on_time if f.path.startswith("docs/")] == [
        ("docs/khong-ro.md", "page-review-missing"), ("docs/sai.md", "unknown-reference")]
    late = [f for f in run(project, dt.date(2027, 2, 2), files) if f.path == "docs/lien-he.md"]
    assert [(f.code, f.line) for f in late] == [("review-overdue", 4)]


def test_invalid_page_review_keys_point_at_their_line(project: Path):
    files = {"docs/sai.md": "---\ntitle: Sai\nowner: phong-mot\nlast_reviewed: 27/11/2026\n---\n"}
    [finding] = [f for f in run(project, dt.date(2026, 12, 1), files) if f.path == "docs/sai.md"]
    assert (finding.code, finding.line) == ("page-review-invalid", 4)
