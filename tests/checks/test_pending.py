"""Pending parts are warnings that name the part, its reason and its line; they never fail the check."""

from __future__ import annotations

from pathlib import Path

from minhbach.findings import has_errors
from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, UNIT, line_of


def test_each_pending_part_is_listed_as_a_warning(project: Path):
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    pending = [(f.path, f.line) for f in findings if f.code == "pending"]
    assert pending == [
        ("data/procedures/hop-phap-hoa.yml", line_of(PROCEDURE, "national_code:")),
        ("data/procedures/hop-phap-hoa.yml", line_of(PROCEDURE, "hours:")),
        ("data/units/phong-mot.yml", line_of(UNIT, "email:")),
    ]
    assert not has_errors(findings)
    hours = next(f for f in findings if f.code == "pending" and "hours" in f.message)
    assert "Thời gian tiếp nhận" in hours.message and "Chưa công bố giờ tiếp nhận." in hours.message


def test_a_text_left_as_a_draft_wrote_it_is_a_pending_warning_at_its_line(project: Path):
    text = PROCEDURE.replace("  - Cá nhân", "  - 'Cần bổ sung: Đối tượng thực hiện'")
    (project / "data/procedures/hop-phap-hoa.yml").write_text(text, encoding="utf-8")
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    drafted = [f for f in findings if f.code == "pending" and "chưa viết" in f.message]
    assert [(f.path, f.line, f.message) for f in drafted] == [
        ("data/procedures/hop-phap-hoa.yml", line_of(text, "Cần bổ sung"), "chưa viết: Cần bổ sung: Đối tượng thực hiện")]
    assert not has_errors(findings)
