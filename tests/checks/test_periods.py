"""Checks of values that change on a date: periods in order without gap or overlap, a value in force today,
and a review before the value shown changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, line_of, write_project
from tests.pages.test_dated_values import FEE_LINES, FEE_PERIODS, dated_project

PERIOD_CODES = {"period-dates", "period-open", "period-order", "period-overlap", "period-gap", "period-none-today",
                "period-change-before-review", "unknown-reference"}


def run(project: Path, today: dt.date = TODAY, fee: str | None = None):
    """The period findings of the dated test project (fee schedule of TT 64/2025), with `fee` replacing its schedule."""
    dated_project(project)
    if fee is not None:
        write_project(project, {"data/procedures/hop-phap-hoa.yml": PROCEDURE.replace(FEE_LINES, fee)})
    _, findings = check_project(project / "data", project / "docs", today, display_base=project)
    return [f for f in findings if f.code in PERIOD_CODES]


def _schedule(*periods: str) -> str:
    return "    fee:\n      periods:\n" + "".join(periods)


def _period(start: str, until: str | None = None, value: str = "{free: true}", basis: str | None = None) -> str:
    text = f"        - from: {start}\n"
    if until:
        text += f"          until: {until}\n"
    if basis:
        text += f"          basis: {basis}\n"
    return text + f"          value: {value}\n"


def test_the_schedule_as_editors_write_it_is_clean_while_the_review_comes_first(tmp_path: Path):
    # Reviewed 2026-11-01 every 6 months: next review 2027-05-01, after the change of 2027-01-01.
    [finding] = run(tmp_path)
    assert finding.code == "period-change-before-review" and not finding.is_error
    assert "01/01/2027" in finding.message and "01/05/2027" in finding.message
    assert finding.line == line_of(FEE_PERIODS, "periods:") + PROCEDURE.splitlines().index("    fee:")
    # On 2027-01-01 the last, open period is in force: nothing will change.
    assert run(tmp_path, dt.date(2027, 1, 1)) == []


def test_a_change_after_the_next_review_needs_no_warning(tmp_path: Path):
    fee = _schedule(_period("2025-01-01", "2027-12-31"), _period("2028-01-01", value="{items: [{amount: 5000}]}"))
    assert run(tmp_path, fee=fee) == []
    # the end of the period in force counts as a change too, when nothing follows it
    [finding] = run(tmp_path, fee=_schedule(_period("2025-01-01", "2027-01-31")))
    assert finding.code == "period-change-before-review" and "01/02/2027" in finding.message


def test_a_change_on_the_day_of_the_next_review_needs_no_warning(tmp_path: Path):
    # next review 2027-05-01 (see above): the editor looks at the page on the day the value changes
    fee = _schedule(_period("2025-01-01", "2027-04-30"), _period("2027-05-01", value="{items: [{amount: 5000}]}"))
    assert run(tmp_path, fee=fee) == []
    fee = _schedule(_period("2025-01-01", "2027-04-29"), _period("2027-04-30", value="{items: [{amount: 5000}]}"))
    assert _codes(run(tmp_path, fee=fee)) == [("period-change-before-review", False)]


def test_no_period_in_force_today_warns(tmp_path: Path):
    [finding] = run(tmp_path, fee=_schedule(_period("2027-01-01")))
    assert finding.code == "period-none-today" and not finding.is_error and "27/11/2026" in finding.message


def _codes(findings) -> list[tuple[str, bool]]:
    return [(f.code, f.is_error) for f in findings]


def test_until_before_from_is_an_error_at_the_until_line(tmp_path: Path):
    fee = _schedule(_period("2026-01-01", "2025-12-31"))
    findings = run(tmp_path, fee=fee)
    assert _codes(findings) == [("period-dates", True)]
    procedure = PROCEDURE.replace(FEE_LINES, fee)
    assert findings[0].line == line_of(procedure, "until: 2025-12-31")


def test_an_open_period_that_is_not_the_last_is_an_error(tmp_path: Path):
    findings = run(tmp_path, fee=_schedule(_period("2025-01-01"), _period("2027-01-01")))
    assert _codes(findings) == [("period-open", True)]
    assert findings[0].line == line_of(PROCEDURE.replace(FEE_LINES, _schedule(_period("2025-01-01"))), "from: 2025-01-01")


def test_overlapping_periods_are_an_error_at_the_later_start(tmp_path: Path):
    fee = _schedule(_period("2025-01-01", "2026-12-31"), _period("2026-06-01"))
    findings = run(tmp_path, fee=fee)
    assert _codes(findings) == [("period-overlap", True)]
    assert findings[0].line == line_of(PROCEDURE.replace(FEE_LINES, fee), "from: 2026-06-01")
    assert "31/12/2026" in findings[0].message


def test_a_gap_between_periods_names_the_missing_days(tmp_path: Path):
    findings = run(tmp_path, fee=_schedule(_period("2025-01-01", "2025-12-31"), _period("2026-03-01")))
    assert _codes(findings) == [("period-gap", True)]
    assert "01/01/2026 đến 28/02/2026" in findings[0].message


def test_periods_out_of_order_are_an_error(tmp_path: Path):
    findings = run(tmp_path, fee=_schedule(_period("2026-01-01", "2026-12-31"), _period("2025-01-01", "2025-12-31")))
    assert _codes(findings) == [("period-order", True)]


def test_consecutive_periods_are_clean(tmp_path: Path):
    fee = _schedule(_period("2025-01-01", "2025-12-31"), _period("2026-01-01", "2030-12-31", value="{pending: chưa rõ}"))
    assert run(tmp_path, fee=fee) == []


def test_a_basis_that_is_not_a_legal_document_is_an_unknown_reference(tmp_path: Path):
    fee = _schedule(_period("2025-01-01", basis="phong-mot"))
    [finding] = run(tmp_path, fee=fee)
    assert finding.code == "unknown-reference" and finding.is_error
    assert finding.line == line_of(PROCEDURE.replace(FEE_LINES, fee), "basis: phong-mot")


def test_pending_values_inside_periods_are_listed_as_pending(tmp_path: Path):
    dated_project(tmp_path)
    _, findings = check_project(tmp_path / "data", tmp_path / "docs", TODAY, display_base=tmp_path)
    pending = [f for f in findings if f.code == "pending"]
    assert any("Các nguồn chưa thống nhất ngày TT 64/2025/TT-BTC hết hiệu lực." in f.message for f in pending)
