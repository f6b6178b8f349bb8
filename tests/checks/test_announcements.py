"""Announcements: on time, events with dates and a place in order, policies closed when they end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minhbach.checks.project import check_project
from tests.conftest import EVENT, FUNDING, NOTICE, TODAY, line_of, write_project


def run(project: Path, files: dict[str, str], today: dt.date = TODAY):
    write_project(project, files)
    _, findings = check_project(project / "data", project / "docs", today, display_base=project)
    return [f for f in findings if f.code not in ("pending", "translation-missing")]


def test_valid_announcements_are_clean(project: Path):
    files = {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING, "data/notices/thong-bao-mot.yml": NOTICE}
    assert run(project, files) == []


def test_publication_lag_is_an_error_without_a_reason_and_a_warning_with_one(project: Path):
    late = NOTICE.replace("2026-05-04", "2026-05-07")  # issued 30/4: 1/5 is a holiday, so 4, 5, 6 May
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": late})
    assert (finding.code, finding.severity.value, finding.line) == ("publication-lag", "error", line_of(late, "published:"))
    assert "2026-05-06" in finding.message and "3 ngày làm việc" in finding.message
    excused = late + "late_reason: Văn bản đến Sở chậm.\n"
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": excused})
    assert (finding.code, finding.severity.value) == ("publication-lag", "warning")


@pytest.mark.parametrize(
    ("issued", "last_day_on_time"),
    [("2026-02-13", "2026-02-25"),  # Tết 16–20 February
     ("2026-04-29", "2026-05-06"),  # 30/4, 1/5
     ("2026-04-23", "2026-04-29"),  # Giỗ Tổ on a Sunday, made up on Monday 27/4
     ("2026-08-27", "2026-09-04"),  # 31/8 swapped off, Quốc khánh 1–2/9
     ("2026-11-20", "2026-11-26")],  # Ngày Văn hóa Việt Nam, 24/11
)
def test_public_holidays_are_not_counted_in_the_publication_lag(project: Path, issued: str, last_day_on_time: str):
    on_time = NOTICE.replace("issued: 2026-04-30", f"issued: {issued}").replace("2026-05-04", last_day_on_time)
    assert run(project, {"data/notices/thong-bao-mot.yml": on_time}) == []
    next_day = (dt.date.fromisoformat(last_day_on_time) + dt.timedelta(days=1)).isoformat()
    [finding] = run(project, {"data/notices/thong-bao-mot.yml": on_time.replace(last_day_on_time, next_day)})
    assert finding.code == "publication-lag" and f"muộn hơn hạn {last_day_on_time}" in finding.message


def test_days_the_government_swaps_are_counted_as_the_site_says(project: Path):
    from minhbach.settings.calendar import WorkCalendar

    notice = NOTICE.replace("issued: 2026-04-30", "issued: 2026-08-20").replace("2026-05-04", "2026-08-25")
    write_project(project, {"data/notices/thong-bao-mot.yml": notice})
    plain = check_project(project / "data", project / "docs", TODAY, display_base=project)[1]
    assert "publication-lag" not in {f.code for f in plain}  # 21, 24, 25 August
    swapped = WorkCalendar.of(extra_working_days=[dt.date(2026, 8, 22)])  # Saturday worked for Monday 31/8
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project, calendar=swapped)
    [finding] = [f for f in findings if f.code == "publication-lag"]
    assert "muộn hơn hạn 2026-08-24" in finding.message  # 21, 22, 24 August


def test_publication_lag_is_configurable(project: Path):
    from minhbach.catalog import load_catalog
    from minhbach.checks import CheckContext, run_checks

    write_project(project, {"data/notices/thong-bao-mot.yml": NOTICE.replace("2026-05-04", "2026-05-05")})
    catalog, _ = load_catalog(project / "data")
    assert [f.code for f in run_checks(catalog, CheckContext(today=TODAY, docs_files=frozenset({"forms/to-khai.docx"})))
            if f.code not in ("pending", "translation-missing")] == []
    strict = run_checks(catalog, CheckContext(today=TODAY, docs_files=frozenset({"forms/to-khai.docx"}), publication_lag_days=1))
    assert [f.code for f in strict if f.code not in ("pending", "translation-missing")] == ["publication-lag"]


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
