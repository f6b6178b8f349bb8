"""The notice sheet of a procedure, without MkDocs: where it lives, what it says, escaping, the QR code."""

from __future__ import annotations

import re
from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.exports.feeds import Site
from minhbach.pages import PageRenderer
from minhbach.pages.notice import sheet_path
from tests.conftest import PROCEDURE, write_project

SITE = Site(name="Sở Ngoại vụ tỉnh Lạng Sơn", url="https://vi-du.github.io/minhbach/")


def _pages(project: Path, **options) -> dict[str, str]:
    catalog, findings = load_catalog(project / "data")
    assert [f for f in findings if f.is_error] == []
    return {job.path: job.render() for job in PageRenderer(catalog, **options).page_jobs()}


def test_every_public_procedure_has_a_sheet_beside_its_page_kept_out_of_search(project: Path):
    catalog, _ = load_catalog(project / "data")
    jobs = {job.path: job.source for job in PageRenderer(catalog).page_jobs()}
    assert [path for path in jobs if path.endswith("/niem-yet.md")] == ["thu-tuc/hop-phap-hoa/niem-yet.md"]
    # No source: like an index page it is not searched (search leads to the procedure's page).
    assert jobs["thu-tuc/hop-phap-hoa/niem-yet.md"] == "" and jobs["thu-tuc/hop-phap-hoa.md"] != ""


def test_the_sheet_has_what_a_reader_at_the_board_needs(project: Path):
    sheet = _pages(project, site=SITE, today=__import__("datetime").date(2026, 11, 30))["thu-tuc/hop-phap-hoa/niem-yet.md"]
    assert "<h1>Hợp pháp hóa lãnh sự</h1>" in sheet
    assert "Thông tin có giá trị tại ngày <strong>30/11/2026</strong>" in sheet
    assert "Tờ khai</span> <span class=\"mb-notice-count\">(1 bản chính)</span>" in sheet
    assert "<strong>01 bộ</strong>" in sheet and "Phòng Một" in sheet and "0205 3719 886" in sheet
    assert re.search(r"<th scope=\"row\">Trực tiếp</th><td>01 ngày làm việc.*?</td><td>30\.000 đồng", sheet)
    assert "https://dichvucong.gov.vn/" in sheet
    # Pending parts: the code and the reception hours say they are being updated and whom to call.
    assert sheet.count('đang cập nhật, xin gọi <a href="tel:+842053719886">0205 3719 886</a>') == 2
    # The QR code: segno's SVG, named by the address it opens.
    assert '<svg role="img" aria-label="Mã QR: https://vi-du.github.io/minhbach/thu-tuc/hop-phap-hoa/" viewBox=' in sheet
    assert '<a href="../">← Trang thủ tục</a>' in sheet


def test_without_the_site_address_the_sheet_has_no_qr_code_and_says_where_to_look(project: Path):
    sheet = _pages(project)["thu-tuc/hop-phap-hoa/niem-yet.md"]
    assert "<svg" not in sheet
    assert "Xem đầy đủ thủ tục trên trang thông tin điện tử của minhbach, mục Thủ tục hành chính." in sheet


def test_the_procedure_page_links_to_its_sheet(project: Path):
    assert '<a class="mb-notice-link" href="niem-yet/">In bản niêm yết</a>' in _pages(project)["thu-tuc/hop-phap-hoa.md"]
    page = _pages(project, directory_urls=False)["thu-tuc/hop-phap-hoa.md"]
    assert '<a class="mb-notice-link" href="hop-phap-hoa/niem-yet.html">In bản niêm yết</a>' in page


def test_hostile_record_text_stays_text_on_the_sheet(project: Path):
    payload = '<script>alert(1)</script>"><svg onload=alert(1)>'
    hostile = (PROCEDURE.replace("name: Hợp pháp hóa lãnh sự", f"name: '{payload}'")
               .replace("place: Phòng Một", f"place: '{payload}'").replace("name: Tờ khai", f"name: '{payload}'"))
    write_project(project, {"data/procedures/hop-phap-hoa.yml": hostile})
    sheet = _pages(project, site=Site(name="<b>Sở</b>", url='https://x.vn/"><script>/'))["thu-tuc/hop-phap-hoa/niem-yet.md"]
    assert "<script" not in sheet and "<svg onload" not in sheet
    assert sheet.count("&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;svg onload=alert(1)&gt;") >= 3  # name, place, paper
    assert "&lt;b&gt;Sở&lt;/b&gt;" in sheet and "<b>" not in sheet
    assert len(re.findall(r"<svg\b", sheet)) == 1


def test_the_sheet_lists_at_most_three_common_rejections_and_points_to_the_page_for_more(project: Path):
    reasons = "".join(f"  - reason: Lý do {n} <b>\n    fix: Cách {n}\n" for n in range(1, 6))
    write_project(project, {"data/procedures/hop-phap-hoa.yml": PROCEDURE + f"common_rejections:\n{reasons}"})
    sheet = _pages(project)["thu-tuc/hop-phap-hoa/niem-yet.md"]
    assert "Lỗi thường gặp khiến hồ sơ bị trả lại" in sheet
    assert [n for n in range(1, 6) if f"Lý do {n} &lt;b&gt;" in sheet] == [1, 2, 3]
    assert "Xem thêm 2 lỗi khác trên trang của thủ tục." in sheet


def test_a_sheet_without_common_rejections_has_no_such_heading(project: Path):
    assert "Lỗi thường gặp" not in _pages(project)["thu-tuc/hop-phap-hoa/niem-yet.md"]


def test_sheet_path_is_inside_the_folder_of_the_procedure_page():
    from minhbach.model import Procedure

    assert sheet_path(Procedure.model_construct(id="abc")) == "thu-tuc/abc/niem-yet.md"


def test_an_address_too_long_for_any_qr_code_leaves_the_sheet_without_one(project: Path):
    long_site = Site(name="Sở", url="https://x.vn/" + "a" * 2400 + "/")
    sheet = _pages(project, site=long_site)["thu-tuc/hop-phap-hoa/niem-yet.md"]
    assert "<svg" not in sheet
    assert "Xem đầy đủ thủ tục trên trang thông tin điện tử của Sở, mục Thủ tục hành chính." in sheet


def test_only_the_source_language_site_has_sheets_and_links_to_them(project: Path):
    from minhbach.pages.notice import link, stand_ins

    catalog, _ = load_catalog(project / "data")
    procedure = catalog.procedures[0]
    for language in ("en", "zh"):
        r = PageRenderer(catalog, language=language)
        assert not [job.path for job in r.page_jobs() if job.path.endswith("/niem-yet.md")], language
        assert link(r, procedure) == "" and stand_ins(r) == {}
    r = PageRenderer(catalog)
    assert "In bản niêm yết" in link(r, procedure)
    assert stand_ins(r) == {"thu-tuc/hop-phap-hoa/niem-yet.md": "thu-tuc/hop-phap-hoa/"}
