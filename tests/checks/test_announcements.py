"""Announcements: on time, events with dates and a place in order, policies closed when they end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minhbach.checks.announcements import add_working_days
from minhbach.project import check_project
from tests.conftest import EVENT, FUNDING, NOTICE, TODAY, line_of, write_project


def run(project: Path, files: dict[str, str], today: dt.date = TODAY):
    write_project(project, files)
    _, findings = check_project(project / "data", project / "docs", today, display_base=project)
    return [f for f in findings if f.code != "pending"]


def test_valid_announcements_are_clean(project: Path):
    files = {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING, "data/notices/thong-bao-mot.yml": NOTICE}
    assert run(project, files) == []


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [(dt.date(2026, 4, 30), 3, dt.date(2026, 5, 5)), (dt.date(2026, 11, 27), 3, dt.date(2026, 12, 2)), (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30))],
)
def test_working_days_skip_weekends(start, days, expected):
    assert add_working_days(start, days) == expected


def test_publication_lag_is_an_error_without_a_reason_and_a_warning_with_one(project: Path):
    late = NOTICE.replace("2026-05-04", "2026-05-06")
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": late})
    assert (finding.code, finding.severity.value, finding.line) == ("publication-lag", "error", line_of(late, "published:"))
    assert "2026-05-05" in finding.message and "3 ngày làm việc" in finding.message
    excused = late + "late_reason: Văn bản đến Sở chậm.\n"
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": excused})
    assert (finding.code, finding.severity.value) == ("publication-lag", "warning")


def test_publication_lag_is_configurable(project: Path):
    from minhbach.catalog import load_catalog
    from minhbach.checks import CheckContext, run_checks

    write_project(project, {"data/notices/thong-bao-mot.yml": NOTICE})
    catalog, _ = load_catalog(project / "data")
    strict = run_checks(catalog, CheckContext(today=TODAY, docs_files=frozenset({"forms/to-khai.docx"}), publication_lag_days=1))
    assert [f.code for f in strict if f.code != "pending"] == ["publication-lag"]


def test_event_without_dates_or_place(project: Path):
    text = EVENT.replace("start: 2026-12-02 08:00\n", "").replace("end: 2026-12-06 17:00\n", "").replace(
        "location: Quảng trường trung tâm, phường Lương Văn Tri, tỉnh Lạng Sơn\n", "")
    codes = sorted(f.code for f in run(project, {"data/events/hoi-cho-mot.yml": text}))
    assert codes == ["event-no-date", "event-no-place"]


def test_registration_deadline_after_the_start(project: Path):
    text = EVENT.replace("deadline: 2026-11-20", "deadline: 2026-12-03")
    [finding] = run(project, {"data/events/hoi-cho-mot.yml": text})
    assert (finding.code, finding.line) == ("registration-after-start", line_of(text, "deadline:"))


def test_registration_deadline_on_the_day_of_the_start_is_allowed(project: Path):
    assert run(project, {"data/events/hoi-cho-mot.yml": EVENT.replace("deadline: 2026-11-20", "deadline: 2026-12-02")}) == []


def test_end_before_start(project: Path):
    text = EVENT.replace("end: 2026-12-06 17:00", "end: 2026-12-01 17:00")
    [finding] = run(project, {"data/events/hoi-cho-mot.yml": text})
    assert (finding.code, finding.line) == ("end-before-start", line_of(text, "end:"))


def test_times_with_an_offset_are_compared_in_local_time(project: Path):
    text = EVENT.replace("end: 2026-12-06 17:00", "end: 2026-12-02T01:30:00+00:00")  # 08:30 in Hà Nội
    assert run(project, {"data/events/hoi-cho-mot.yml": text}) == []


def test_policy_past_its_end_still_open(project: Path):
    [finding] = run(project, {"data/funding/quy-mot.yml": FUNDING}, today=dt.date(2027, 1, 5))
    assert (finding.code, finding.line) == ("policy-expired-open", line_of(FUNDING, "valid_until:"))
    closed = FUNDING + "open: false\n"
    assert run(project, {"data/funding/quy-mot.yml": closed}, today=dt.date(2027, 1, 5)) == []


def test_missing_attachment(project: Path):
    text = NOTICE + "attachments:\n  - name: Công văn\n    file: files/cong-van.pdf\n"
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": text})
    assert (finding.code, finding.line) == ("missing-file", line_of(text, "files/cong-van.pdf"))


def test_script_links_in_a_body_are_refused(project: Path):
    text = NOTICE + "body: 'Bấm [vào đây](javascript:alert(1)) để xem.'\n"
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": text})
    assert (finding.code, finding.line) == ("unsafe-link", line_of(text, "body:"))
