"""Fees and processing times that change on a date, as readers see them on each build day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.exports import opendata
from minhbach.pages import PageRenderer
from tests.conftest import LEGAL, PROCEDURE, VALID_FILES, write_project

FEE_PERIODS = """\
    fee:
      periods:
        - from: 2025-07-01
          until: 2025-12-31
          basis: tt-64-2025-tt-btc
          value: {items: [{amount: 100000, label: Cấp mới}]}
        - from: 2026-01-01
          until: 2026-12-31
          value: {pending: "Các nguồn chưa thống nhất ngày TT 64/2025/TT-BTC hết hiệu lực."}
        - from: 2027-01-01
          basis: tt-25-2021-tt-btc
          value: {items: [{amount: 200000, label: Cấp mới}]}
"""

FEE_LINES = """\
    fee:
      items:
        - amount: 30000
          per: mỗi giấy tờ
"""

TIME_PERIODS = """\
    time:
      periods:
        - from: 2020-07-01
          until: 2026-06-30
          value: {working_days: 8}
        - from: 2026-07-01
          value: {working_days: 5}
"""


def _legal(record_id: str, number: str) -> str:
    return LEGAL.replace("id: nd-111-2011", f"id: {record_id}").replace("number: 111/2011/NĐ-CP", f"number: {number}").replace(
        "type: nghi_dinh", "type: thong_tu")


def dated_project(root: Path) -> Path:
    """The test project whose in-person fee follows the TT 64/2025 schedule, and whose online time changed on 01/7/2026."""
    procedure = PROCEDURE.replace(FEE_LINES, FEE_PERIODS)
    procedure = procedure.replace("    time: {not_fixed: Tùy số lượng giấy tờ}\n", TIME_PERIODS)
    assert FEE_PERIODS in procedure and TIME_PERIODS in procedure
    return write_project(root, {**VALID_FILES, "data/procedures/hop-phap-hoa.yml": procedure,
                                "data/legal/tt-64-2025-tt-btc.yml": _legal("tt-64-2025-tt-btc", "64/2025/TT-BTC"),
                                "data/legal/tt-25-2021-tt-btc.yml": _legal("tt-25-2021-tt-btc", "25/2021/TT-BTC")})


def _pages(root: Path, day: dt.date) -> dict[str, str]:
    catalog, findings = load_catalog(root / "data")
    assert not [f for f in findings if f.severity == "error"], findings
    return {page.path: page.markdown for page in PageRenderer(catalog, today=day).pages()}


def _channels_row(markdown: str, label: str) -> str:
    return next(row for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", markdown) if f">{label}<" in row)


def test_the_nightly_build_moves_the_fee_to_the_new_value_on_its_day(tmp_path: Path):
    root = dated_project(tmp_path)
    before = _channels_row(_pages(root, dt.date(2026, 12, 31))["thu-tuc/hop-phap-hoa.md"], "Trực tiếp")
    after = _channels_row(_pages(root, dt.date(2027, 1, 1))["thu-tuc/hop-phap-hoa.md"], "Trực tiếp")
    # 31/12/2026: the disputed period is in force (pending), and the coming full rate is announced with its basis.
    assert 'class="mb-pending"' in before
    assert "Từ ngày 01/01/2027: Cấp mới: 200.000 đồng (Thông tư 25/2021/TT-BTC)" in before
    # 01/01/2027: the full rate is shown, with nothing left to announce.
    assert "Cấp mới: 200.000 đồng" in after
    assert "mb-pending" not in after and "Từ ngày" not in after


def test_the_halved_fee_shows_while_in_force_and_announces_the_pending_period(tmp_path: Path):
    page = _pages(dated_project(tmp_path), dt.date(2025, 9, 1))["thu-tuc/hop-phap-hoa.md"]
    row = _channels_row(page, "Trực tiếp")
    assert row.count("Cấp mới: 100.000 đồng") == 1
    assert 'Từ ngày 01/01/2026: <span class="mb-pending"' in row


def test_processing_time_changes_on_its_day_everywhere_it_is_shown(tmp_path: Path):
    root = dated_project(tmp_path)
    for day, shown in ((dt.date(2026, 6, 30), "08 ngày làm việc"), (dt.date(2026, 7, 1), "05 ngày làm việc")):
        pages = _pages(root, day)
        page, sheet, catalogue = pages["thu-tuc/hop-phap-hoa.md"], pages["thu-tuc/hop-phap-hoa/niem-yet.md"], pages["thu-tuc/index.md"]
        online = _channels_row(page, "Trực tuyến")
        assert shown in online
        assert f"Trực tuyến: {shown}" in page  # section 5, the list of times
        assert shown in _channels_row(sheet, "Trực tuyến")
        assert shown in catalogue
    assert "Từ ngày 01/07/2026: 05 ngày làm việc" in _channels_row(_pages(root, dt.date(2026, 6, 30))["thu-tuc/hop-phap-hoa.md"], "Trực tuyến")


def test_the_notice_sheet_asks_readers_to_call_when_the_fee_in_force_is_pending(tmp_path: Path):
    sheet = _pages(dated_project(tmp_path), dt.date(2026, 3, 1))["thu-tuc/hop-phap-hoa/niem-yet.md"]
    row = _channels_row(sheet, "Trực tiếp")
    assert "đang cập nhật, xin gọi" in row
    assert "Từ ngày 01/01/2027: Cấp mới: 200.000 đồng (Thông tư 25/2021/TT-BTC)" in row


def test_a_day_before_the_first_period_shows_pending_and_the_coming_value(tmp_path: Path):
    row = _channels_row(_pages(dated_project(tmp_path), dt.date(2025, 6, 30))["thu-tuc/hop-phap-hoa.md"], "Trực tiếp")
    assert row.startswith('<tr><th scope="row">Trực tiếp</th>')
    assert 'class="mb-pending"' in row and "Từ ngày 01/07/2025: Cấp mới: 100.000 đồng (Thông tư 64/2025/TT-BTC)" in row


def test_open_data_csv_gives_the_fee_in_force_on_the_build_day_and_json_the_whole_schedule(tmp_path: Path):
    root = dated_project(tmp_path)
    catalog, _ = load_catalog(root / "data")
    files = {day: PageRenderer(catalog, today=day) for day in (dt.date(2026, 12, 31), dt.date(2027, 1, 1))}
    from minhbach.pages import data

    csv_before = data.files(files[dt.date(2026, 12, 31)])[f"{opendata.DATA_DIR}/thu-tuc.csv"].decode("utf-8-sig")
    csv_after = data.files(files[dt.date(2027, 1, 1)])[f"{opendata.DATA_DIR}/thu-tuc.csv"].decode("utf-8-sig")
    assert "Trực tiếp: đang cập nhật; từ ngày 01/01/2027: Cấp mới: 200.000 đồng" in csv_before
    assert "Trực tiếp: Cấp mới: 200.000 đồng; Trực tuyến" in csv_after
    exported = data.files(files[dt.date(2027, 1, 1)])[f"{opendata.DATA_DIR}/thu-tuc.json"].decode("utf-8")
    assert '"from": "2025-07-01"' in exported and '"basis": "tt-25-2021-tt-btc"' in exported


def test_the_build_day_is_taken_in_vietnam_from_source_date_epoch(tmp_path: Path, monkeypatch):
    """The nightly publish sets SOURCE_DATE_EPOCH to its start, 19:30 UTC: already the next day in Việt Nam."""
    catalog, _ = load_catalog(dated_project(tmp_path) / "data")
    nightly = dt.datetime(2026, 12, 31, 19, 30, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(nightly.timestamp())))
    row = _channels_row({p.path: p.markdown for p in PageRenderer(catalog).pages()}["thu-tuc/hop-phap-hoa.md"], "Trực tiếp")
    assert "Cấp mới: 200.000 đồng" in row and "mb-pending" not in row
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int((nightly - dt.timedelta(days=1)).timestamp())))
    assert "mb-pending" in _channels_row({p.path: p.markdown for p in PageRenderer(catalog).pages()}["thu-tuc/hop-phap-hoa.md"], "Trực tiếp")


def test_the_document_that_sets_a_fee_lists_the_procedure_among_those_citing_it(tmp_path: Path):
    pages = _pages(dated_project(tmp_path), dt.date(2026, 12, 31))
    for document in ("tt-64-2025-tt-btc", "tt-25-2021-tt-btc"):
        cited = pages[f"van-ban/{document}.md"].split("## Thủ tục hành chính viện dẫn", 1)[1].split("##", 1)[0]
        assert '<a href="../../thu-tuc/hop-phap-hoa/">Hợp pháp hóa lãnh sự</a>' in cited, document


def test_an_announced_value_is_escaped_like_any_record_text(tmp_path: Path):
    root = dated_project(tmp_path)
    procedure = (root / "data/procedures/hop-phap-hoa.yml").read_text(encoding="utf-8")
    hostile = procedure.replace("value: {items: [{amount: 200000, label: Cấp mới}]}", "value: {items: [{amount: 200000, label: '<img src=x onerror=alert(1)> {{ 7*7 }}'}]}")
    (root / "data/procedures/hop-phap-hoa.yml").write_text(hostile, encoding="utf-8")
    row = _channels_row(_pages(root, dt.date(2026, 12, 31))["thu-tuc/hop-phap-hoa.md"], "Trực tiếp")
    assert "Từ ngày 01/01/2027: &lt;img src=x onerror=alert(1)&gt; {{ 7*7 }}: 200.000 đồng" in row
    assert "<img" not in row
