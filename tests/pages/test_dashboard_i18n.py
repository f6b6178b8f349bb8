"""The transparency dashboard and the open data page in English and Chinese: labels, chart text, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.checks.project import check_project
from minhbach.pages import PageRenderer, dashboard, data
from tests.conftest import TODAY

VIETNAMESE_LABELS = ("Tình trạng công khai thông tin", "Các con số dưới đây", "Chỉ số", "Giá trị", "Số thủ tục hành chính công khai",
                     "đúng hạn", "Phần thông tin đang cập nhật", "Liên kết hỏng", "chưa kiểm tra", "## Bản dịch", "đã dịch", "chưa dịch",
                     "Thủ tục đủ mọi phần", "Tỉ lệ đạt", "tiếng Anh", "Dữ liệu mở", "Mỗi bộ dữ liệu", "bản ghi.", "Các trường JSON",
                     "Các cột CSV", "Giải thích", "Bắt buộc", "Nội dung</th>", ">Mã bản ghi<", "Thủ tục hành chính", ">Mã bản ghi (id)<",
                     "Ngày công bố lần đầu", ">Tóm tắt<", "Chữ thường không dấu", ">Ngày cập nhật<")
"""Words of the dashboard's and the data page's own text (the data page's CSV columns and JSON fields among them): none may be left on a translated page."""


@pytest.fixture
def catalog(project: Path):
    found, _ = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return found


def _pages(catalog, language: str) -> dict[str, str]:
    r = PageRenderer(catalog, today=TODAY, language=language)
    return {"dashboard": dashboard.page(r), "data": data.index(r)}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_vietnamese_label_is_left_on_the_translated_dashboard_and_data_page(catalog, language):
    for name, page in _pages(catalog, language).items():
        left = [words for words in VIETNAMESE_LABELS if words in page]
        assert not left, (name, left)


def test_the_english_dashboard_chart_and_data_page_are_in_english(catalog):
    pages = _pages(catalog, "en")
    assert "# State of information disclosure" in pages["dashboard"]
    assert "<td>Administrative procedures published</td><td>1</td>" in pages["dashboard"]
    assert "<title id=\"mb-chart-title\">Transparency indicators met</title>" in pages["dashboard"]
    assert ">Procedures complete</text>" in pages["dashboard"]
    assert "- Administrative procedure: 0 translated, 0 to be updated, 1 not translated" in pages["dashboard"]
    assert "**English (en) version**" in pages["dashboard"]
    assert "## Administrative procedure" in pages["data"] and "# Open data" in pages["data"]
    assert "<summary>CSV columns</summary>" in pages["data"] and "<td>Date updated</td>" in pages["data"]
    assert "— 1 records." in pages["data"]


def test_the_chinese_dashboard_is_in_chinese_and_the_vietnamese_keeps_its_words(catalog):
    zh, vi = _pages(catalog, "zh"), _pages(catalog, "vi")
    assert "# 信息公开情况" in zh["dashboard"] and "信息公开指标达成率" in zh["dashboard"] and "# 开放数据" in zh["data"]
    assert "<td>Số thủ tục hành chính công khai</td><td>1</td>" in vi["dashboard"] and "Tỉ lệ đạt các chỉ số minh bạch" in vi["dashboard"]
    assert "**Bản tiếng Anh (en)**" in vi["dashboard"]


@pytest.mark.parametrize(("language", "words"), [
    ("vi", "0 hỏng, 1 cần xem lại trên 1.234 liên kết (kiểm tra ngày 18/11/2026, liên kết trong trang)"),
    ("en", "0 broken, 1 to look at, of 1,234 links (checked on 18 November 2026, links within the site)"),
    ("zh", "共1,234个链接，其中0个失效、1个需复查（检查日期：2026年11月18日，站内链接）"),
])
def test_the_link_figure_is_written_in_the_dashboard_language(tmp_path: Path, language, words):
    from minhbach.findings import warning
    from minhbach.site.links.run import DASHBOARD_PAGE, LinkReport, fill_dashboard

    (tmp_path / DASHBOARD_PAGE).parent.mkdir(parents=True)
    (tmp_path / DASHBOARD_PAGE).write_text("<td><span data-mb-links>chưa kiểm tra</span></td>", encoding="utf-8")
    report = LinkReport(checked_on="2026-11-18", pages=3, links=1234, external_urls=0, external_checked=False, seconds=0.1,
                        findings=[warning("a.html", 1, 1, "link-redirect", "x", "y")])
    fill_dashboard(tmp_path, report, language=language)
    assert f"<span data-mb-links>{words}</span>" in (tmp_path / DASHBOARD_PAGE).read_text(encoding="utf-8")
