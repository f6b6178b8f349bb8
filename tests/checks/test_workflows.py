"""Workflow checks: steps must fit the procedure's deadline; actors, procedure and forms must exist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, WORKFLOW, column_of, line_of, write_project


def run(project: Path, workflow: str = WORKFLOW, procedure: str = PROCEDURE):
    write_project(project, {"data/workflows/qt-hop-phap-hoa.yml": workflow, "data/procedures/hop-phap-hoa.yml": procedure})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return [f for f in findings if f.code not in ("pending", "translation-missing")]


def test_a_workflow_within_the_deadline_is_clean(project: Path):
    assert run(project) == []


def test_lengthening_a_step_past_the_deadline_names_both_numbers_and_the_channel(project: Path):
    longer = WORKFLOW.replace("duration: {working_hours: 4}", "duration: {working_hours: 7}")
    [finding] = run(project, longer)
    assert finding.code == "workflow-too-long" and finding.is_error
    assert (finding.path, finding.line) == ("data/workflows/qt-hop-phap-hoa.yml", line_of(longer, "steps:"))
    assert "11 giờ làm việc" in finding.message and "01 ngày làm việc" in finding.message
    assert "'Trực tiếp'" in finding.message and "hop-phap-hoa" in finding.message


def test_working_days_count_eight_hours(project: Path):
    exactly_one_day = WORKFLOW.replace("duration: {working_hours: 4}", "duration: {working_days: 0.5}")
    assert run(project, exactly_one_day) == []
    over = WORKFLOW.replace("duration: {working_hours: 4}", "duration: {working_days: 1}")
    [finding] = run(project, over)
    assert "1,5 ngày làm việc (12 giờ làm việc)" in finding.message


def test_calendar_day_deadlines_are_compared_as_working_days(project: Path):
    procedure = PROCEDURE.replace("time: {working_days: 1, note: từ 1 đến 4 giấy tờ}", "time: {days: 2}")
    assert run(project, WORKFLOW.replace("{working_hours: 4}", "{working_days: 1}"), procedure) == []
    [finding] = run(project, WORKFLOW.replace("{working_hours: 4}", "{working_days: 2}"), procedure)
    assert "02 ngày" in finding.message and "2,5 ngày làm việc" in finding.message


def test_not_fixed_and_pending_deadlines_are_not_compared(project: Path):
    procedure = PROCEDURE.replace("time: {working_days: 1, note: từ 1 đến 4 giấy tờ}", "time: {pending: chưa rõ}")
    assert [f for f in run(project, WORKFLOW.replace("{working_hours: 4}", "{working_days: 30}"), procedure) if f.code == "workflow-too-long"] == []


def test_unknown_actor(project: Path):
    text = WORKFLOW.replace("  - actor: phong-mot\n    role: Lãnh đạo phòng", "  - actor: lanh-dao-so\n    role: Lãnh đạo phòng")
    [finding] = run(project, text)
    assert (finding.code, finding.line, finding.column) == ("unknown-actor", line_of(text, "lanh-dao-so"), column_of(text, "lanh-dao-so"))


def test_unknown_procedure(project: Path):
    text = WORKFLOW.replace("procedure: hop-phap-hoa", "procedure: hop-phap-hoa-2")
    [finding] = run(project, text)
    assert (finding.code, finding.line) == ("unknown-procedure", line_of(text, "procedure:"))
    assert "'hop-phap-hoa'" in finding.hint


def test_missing_form_file(project: Path):
    text = WORKFLOW.replace("file: forms/to-khai.docx", "file: forms/phieu-kiem-tra.docx")
    [finding] = run(project, text)
    assert (finding.code, finding.line) == ("missing-file", line_of(text, "phieu-kiem-tra"))


def test_revision_earlier_than_the_previous_one(project: Path):
    text = WORKFLOW.replace("    date: 2026-01-05\n    note: Rút", "    date: 2024-12-31\n    note: Rút")
    [finding] = run(project, text)
    assert (finding.code, finding.line) == ("revision-order", line_of(text, "2024-12-31"))
    assert "2024-12-31" in finding.message and "2025-03-01" in finding.message


def test_revision_numbers_must_increase(project: Path):
    text = WORKFLOW.replace("  - number: 2", "  - number: 1")
    assert [f.code for f in run(project, text)] == ["revision-order"]


def test_a_deadline_that_changes_on_a_date_is_compared_as_in_force_on_the_check_day(project: Path):
    periods = ("time:\n      periods:\n        - from: 2020-01-01\n          until: 2026-11-30\n          value: {working_days: 2}\n"
               "        - from: 2026-12-01\n          value: {working_days: 1}")
    procedure = PROCEDURE.replace("time: {working_days: 1, note: từ 1 đến 4 giấy tờ}", periods)
    longer = WORKFLOW.replace("duration: {working_hours: 4}", "duration: {working_hours: 7}")  # 11 hours in all
    assert [f.code for f in run(project, longer, procedure) if f.code == "workflow-too-long"] == []  # 2 days until 30/11/2026
    write_project(project, {"data/workflows/qt-hop-phap-hoa.yml": longer, "data/procedures/hop-phap-hoa.yml": procedure})
    _, findings = check_project(project / "data", project / "docs", dt.date(2026, 12, 1), display_base=project)
    [finding] = [f for f in findings if f.code == "workflow-too-long"]
    assert "01 ngày làm việc" in finding.message
