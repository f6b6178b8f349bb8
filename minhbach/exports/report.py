"""The periodic report for the Office: the dashboard's figures for a quarter or a year, and what
each owner unit must do, as Markdown and CSV. Same inputs and date give the same bytes."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from minhbach.catalog import Catalog
from minhbach.pages.formatting import vn_date
from minhbach.checks.metrics import Figures
from minhbach.exports.opendata import csv_bytes


def _unit_name(catalog: Catalog, unit_id: str) -> str:
    unit = catalog.get("unit", unit_id)
    return getattr(unit, "name", unit_id)


def _one_line(text: str) -> str:
    """Data in a Markdown line stays on that line: a title with a line break cannot start a heading."""
    return " ".join(text.split())


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def markdown(catalog: Catalog, figures: Figures, *, period: str, written_on: dt.date, site_name: str) -> str:
    lines = [
        f"# Báo cáo công khai thông tin kỳ {period}",
        "",
        f"{site_name}. Kỳ báo cáo: {vn_date(figures.period_start)} – {vn_date(figures.as_of)}. Ngày lập: {vn_date(written_on)}.",
        "",
        "## Số liệu",
        "",
        "| Chỉ số | Giá trị |",
        "|---|---|",
        f"| Số thủ tục hành chính công khai | {figures.procedures} |",
        f"| Thủ tục đã đủ mọi phần | {_percent(figures.complete.part, figures.complete.whole)} |",
        f"| Bản ghi được rà soát đúng hạn (tính đến cuối kỳ) | {_percent(figures.reviewed.part, figures.reviewed.whole)} |",
        f"| Thông báo đăng trong kỳ, đúng hạn | {_percent(figures.on_time.part, figures.on_time.whole)} |",
        f"| Phần thông tin đang cập nhật | {figures.pending_parts} |",
        "",
        "## Việc cần làm theo đơn vị",
        "",
    ]
    if not figures.items:
        lines.append("Không có mục nào quá hạn rà soát hay đăng muộn trong kỳ.")
    for owner, items in groupby(figures.items, key=lambda item: item.owner):
        lines += [f"### {_one_line(_unit_name(catalog, owner))}", ""]
        lines += [f"- {item.problem}: {_one_line(item.title)} (`{_one_line(item.path)}`)" for item in items]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def figures_csv(figures: Figures, *, period: str) -> bytes:
    rows = [
        ("ky", period), ("tu_ngay", figures.period_start.isoformat()), ("den_ngay", figures.as_of.isoformat()),
        ("so_thu_tuc", figures.procedures),
        ("thu_tuc_du_phan", figures.complete.part), ("thu_tuc_tong", figures.complete.whole),
        ("ra_soat_dung_han", figures.reviewed.part), ("ban_ghi_tong", figures.reviewed.whole),
        ("thong_bao_dung_han", figures.on_time.part), ("thong_bao_tong", figures.on_time.whole),
        ("phan_dang_cap_nhat", figures.pending_parts),
    ]
    return _csv([("chi_so", "gia_tri"), *rows])


def items_csv(catalog: Catalog, figures: Figures) -> bytes:
    rows = [(item.owner, _unit_name(catalog, item.owner), item.problem, item.title, item.path) for item in figures.items]
    return _csv([("ma_don_vi", "don_vi", "van_de", "noi_dung", "tep"), *rows])


def _csv(rows: list[tuple]) -> bytes:
    return csv_bytes(rows)  # cells that would run as formulas in a spreadsheet are neutralised
