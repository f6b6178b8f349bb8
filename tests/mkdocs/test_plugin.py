"""Builds of small projects: data errors stop the build, values are escaped, output is stable."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from tests.conftest import LEGAL, PROCEDURE
from tests.site_helpers import article, build, make_site_project

pytestmark = pytest.mark.build


def _same_tree(left: Path, right: Path) -> bool:
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    return all(_same_tree(left / name, right / name) for name in comparison.common_dirs)


def test_broken_reference_fails_the_build_with_the_finding_and_keeps_the_last_site(tmp_path: Path):
    root = make_site_project(tmp_path)
    assert build(root).returncode == 0
    good = (root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8")

    broken = PROCEDURE.replace("  - doc: nd-111-2011", "  - doc: nd-111-2099")
    (root / "data/procedures/hop-phap-hoa.yml").write_text(broken, encoding="utf-8")
    result = build(root)
    assert result.returncode != 0
    assert "data/procedures/hop-phap-hoa.yml:" in result.stderr and "error[unknown-reference]" in result.stderr
    assert (root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8") == good
    assert not list(root.glob(".site-build-*")), "no half-written build is left behind"


def test_a_successful_build_prints_a_count_per_warning_code_and_nothing_about_generated_pages_outside_the_nav(tmp_path: Path):
    root = make_site_project(tmp_path)
    result = build(root, links=False, search=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "not included in the \"nav\"" not in result.stderr
    assert "thu-tuc/hop-phap-hoa.md" not in result.stderr
    assert re.search(r"^INFO +- +minhbach: warning\[pending\]: 3 cảnh báo trong 2 tệp \(đầu tiên: data/", result.stderr, re.M)
    assert "đang cập nhật" not in result.stderr  # the warnings themselves: `minhbach check --verbose`


def test_two_builds_with_the_same_epoch_are_byte_identical(tmp_path: Path):
    root = make_site_project(tmp_path)
    assert build(root, tmp_path / "one").returncode == 0
    assert build(root, tmp_path / "two").returncode == 0
    assert _same_tree(tmp_path / "one", tmp_path / "two")


def test_values_from_yaml_are_escaped_not_interpreted(tmp_path: Path):
    text = PROCEDURE.replace("name: Hợp pháp hóa lãnh sự", 'name: "Hợp pháp hóa <script>alert(1)</script> *đậm* [liên kết](https://x.example)"')
    text = text.replace("  - Nộp hồ sơ.", '  - "<img src=x onerror=alert(2)> bước & {{ biến }}"')
    root = make_site_project(tmp_path, {"data/procedures/hop-phap-hoa.yml": text})
    assert build(root).returncode == 0
    for page in ("site/thu-tuc/hop-phap-hoa/index.html", "site/thu-tuc/index.html"):
        html = article((root / page).read_text(encoding="utf-8"))
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert 'href="https://x.example' not in html
        assert "&lt;script&gt;" in html
        assert "<em>" not in html
    steps = article((root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8"))
    assert "&lt;img src=x onerror=alert(2)&gt; bước &amp; {{ biến }}" in steps


def test_expired_legal_basis_is_flagged_on_the_procedure_page(tmp_path: Path):
    root = make_site_project(tmp_path, {"data/legal/nd-111-2011.yml": LEGAL.replace("het_hieu_luc_mot_phan", "het_hieu_luc_toan_bo")})
    assert build(root).returncode == 0
    html = article((root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8"))
    assert 'class="mb-alert"' in html and "Hết hiệu lực toàn bộ" in html
    assert "mb-status-het_hieu_luc_toan_bo" in html


def test_form_files_are_linked_for_download(tmp_path: Path):
    root = make_site_project(tmp_path)
    assert build(root).returncode == 0
    html = article((root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8"))
    assert 'href="../../forms/to-khai.docx" download' in html
    assert (root / "site/forms/to-khai.docx").is_file()


def test_page_size_does_not_grow_with_the_number_of_records(tmp_path: Path):
    sizes = []
    for count in (1, 40):
        root = make_site_project(tmp_path / str(count))
        for index in range(count):
            extra = PROCEDURE.replace("id: hop-phap-hoa", f"id: thu-tuc-{index}").replace(
                "name: Hợp pháp hóa lãnh sự", f"name: Thủ tục thử {index:03d}")
            (root / f"data/procedures/thu-tuc-{index}.yml").write_text(extra, encoding="utf-8")
        assert build(root).returncode == 0
        sizes.append(len((root / "site/thu-tuc/hop-phap-hoa/index.html").read_bytes()))
    assert sizes[1] == sizes[0]


def test_macros_render_only_on_pages_that_opt_in_and_template_syntax_elsewhere_stops_the_build(tmp_path: Path):
    pages = {
        "docs/index.md": "# Trang chủ\n\nGiữ nguyên: \\{{ khong_co }} và `{{ khong_co }}`\n",
        "docs/bang.md": "---\nrender_macros: true\n---\n# Bảng\n\n{{ procedure_table(field=\"lanh-su\") }}\n\n{{ legal_badge(\"nd-111-2011\") }}\n",
    }
    root = make_site_project(tmp_path, pages)
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    home = article((root / "site/index.html").read_text(encoding="utf-8"))
    assert "Giữ nguyên: {{ khong_co }} và <code>{{ khong_co }}</code>" in home
    table = article((root / "site/bang/index.html").read_text(encoding="utf-8"))
    assert 'href="../thu-tuc/hop-phap-hoa/"' in table and "Hết hiệu lực một phần" in table

    (root / "docs/index.md").write_text("# Trang chủ\n\n{{ legal_badge(\"qd-khong-ton-tai\") }}\n", encoding="utf-8")
    result = build(root)
    assert result.returncode != 0 and "docs/index.md:3:1: error[template-not-rendered]" in result.stderr
    assert "qd-khong-ton-tai" not in (root / "site/index.html").read_text(encoding="utf-8"), "the last site is kept"
    (root / "docs/index.md").write_text(pages["docs/index.md"], encoding="utf-8")

    for body, expected in [("{{ khong_co }}", "docs/bang.md:6:1: error[template-unsafe]"),
                           ("{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}", "docs/bang.md:6:1: error[template-unsafe]"),
                           ("x {{ legal_badge(\"khong-co\") }}", "docs/bang.md:6:19: error[unknown-reference]")]:
        (root / "docs/bang.md").write_text(f"---\nrender_macros: true\n---\n# Bảng\n\n{body}\n", encoding="utf-8")
        result = build(root)
        assert result.returncode != 0 and expected in result.stderr, result.stderr[-2000:]
    assert not (root / "PWNED").exists()


def test_a_macro_that_fails_while_building_names_the_line_of_the_markdown_file(tmp_path: Path):
    from tests.site_helpers import ROOT

    module = tmp_path / "macros_extra.py"
    module.write_text(
        "import importlib.util\n"
        "from minhbach.catalog.macros import report_failures\n"
        f"_spec = importlib.util.spec_from_file_location('site_macros', {str(ROOT / 'macros/main.py')!r})\n"
        "site = importlib.util.module_from_spec(_spec)\n"
        "_spec.loader.exec_module(site)\n\n"
        "def define_env(env):\n"
        "    site.define_env(env)\n\n"
        "    def hong(so: int) -> str:\n"
        "        raise ValueError(f'không đọc được dữ liệu số {so}')\n\n"
        "    env.macro(report_failures(env, hong), 'hong')\n", encoding="utf-8")
    page = ("---\nowner: phong-mot\nlast_reviewed: 2026-11-01\nreview_in: 1 năm\nrender_macros: true\n---\n\n"
            "# Trang\n\nĐoạn một.\n\nĐoạn hai: {{ hong(2) }}\n")
    root = make_site_project(tmp_path, {"docs/trang.md": page})
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(f"module_name: {(ROOT / 'macros' / 'main').as_posix()}", "module_name: macros_extra"),
                                     encoding="utf-8")
    result = build(root)
    # mkdocs-macros renders the text after the front matter, with the review block the plugin adds after the title:
    # its template line is not the file's line.
    assert result.returncode != 0
    assert "docs/trang.md:12:11: error[macro-failed]: hàm `hong` không chạy được: không đọc được dữ liệu số 2" in result.stderr, result.stderr[-3000:]


def test_record_text_shown_by_a_macro_is_never_read_as_a_template(tmp_path: Path):
    """mkdocs-macros 1.5.0 renders a page once (`Environment.from_string(markdown).render()`) and does not render what
    macros return again; the title is rendered again only when it has template syntax, and hand-written titles are checked."""
    from tests.conftest import UNIT

    unit = UNIT.replace("name: Phòng Một", 'name: "{{ 7*7 }} {% if true %}x{% endif %}"')
    page = "---\nrender_macros: true\n---\n# Đơn vị\n\n{{ unit_directory() }}\n"
    root = make_site_project(tmp_path, {"data/units/phong-mot.yml": unit, "docs/don-vi.md": page})
    result = build(root, links=False)
    assert result.returncode == 0, result.stderr[-2000:]
    html = article((root / "site/don-vi/index.html").read_text(encoding="utf-8"))
    assert "{{ 7*7 }} {% if true %}x{% endif %}" in html and "49" not in html


def test_unsafe_html_on_a_hand_written_page_stops_the_build(tmp_path: Path):
    root = make_site_project(tmp_path, {"docs/index.md": "# Trang chủ\n\nẢnh: ![](https://example.org/a.png)\n\n<img src=x onerror=alert(1)>\n"})
    result = build(root)
    assert result.returncode != 0
    assert "docs/index.md:3:10: error[external-resource]" in result.stderr and "docs/index.md:5:12: error[event-handler]" in result.stderr


def test_heading_anchors_use_the_project_slug(tmp_path: Path):
    root = make_site_project(tmp_path, {"docs/index.md": "# Trang chủ\n\n## Đăng ký hộ chiếu\n"})
    assert build(root).returncode == 0
    assert 'id="dang-ky-ho-chieu"' in (root / "site/index.html").read_text(encoding="utf-8")


def test_serve_rebuilds_once_when_a_record_changes(tmp_path: Path):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    root = make_site_project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w+")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
                              cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/thu-tuc/hop-phap-hoa/"

    def page() -> str:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(condition, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("timed out; serve log:\n" + (tmp_path / "serve.log").read_text())

    def builds() -> int:
        return (tmp_path / "serve.log").read_text().count("Documentation built")

    try:
        wait_for(lambda: "Hợp pháp hóa lãnh sự" in page())
        record = root / "data/procedures/hop-phap-hoa.yml"
        record.write_text(record.read_text(encoding="utf-8").replace("name: Hợp pháp hóa lãnh sự", "name: Tên mới của thủ tục"), encoding="utf-8")
        wait_for(lambda: "Tên mới của thủ tục" in page())
        # The page is written before the build logs its end; wait for the log, then for any loop.
        wait_for(lambda: builds() >= 2)
        time.sleep(4)
        assert builds() == 2, "a change causes exactly one rebuild, and nothing loops; serve log:\n" + (tmp_path / "serve.log").read_text()
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: serve then removes its temporary site folder
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_workflow_page_has_diagram_table_total_and_links_both_ways(tmp_path: Path):
    from tests.conftest import WORKFLOW

    root = make_site_project(tmp_path, {"data/workflows/qt-hop-phap-hoa.yml": WORKFLOW})
    result = build(root)
    assert result.returncode == 0, result.stderr[-2000:]
    page = (root / "site/quy-trinh/qt-hop-phap-hoa/index.html").read_text(encoding="utf-8")
    body = article(page)
    assert '<pre class="mb-mermaid" aria-hidden="true">flowchart TD' in body
    assert 's1 --&gt; s2' in body and 's2 --&gt; s3' in body
    assert '<script src="../../assets/minhbach/mermaid.min.js"></script>' in body
    assert (root / "site/assets/minhbach/mermaid.min.js").stat().st_size > 1_000_000
    assert "<caption>3 bước, tổng thời gian 1 ngày làm việc (8 giờ làm việc)</caption>" in body
    assert body.count("<tr><th scope=\"row\">") == 3
    assert 'href="../../thu-tuc/hop-phap-hoa/"' in body
    assert 'href="../../forms/to-khai.docx" download' in body
    procedure = article((root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8"))
    assert 'href="../../quy-trinh/qt-hop-phap-hoa/"' in procedure
    index = article((root / "site/quy-trinh/index.html").read_text(encoding="utf-8"))
    assert 'href="qt-hop-phap-hoa/"' in index and "QT\\-LS\\-01" not in index and "QT-LS-01" in index
    assert '<a href="quy-trinh/" class="md-nav__link">' in (root / "site/index.html").read_text(encoding="utf-8")  # in the menu


def test_workflow_labels_cannot_break_the_diagram(tmp_path: Path):
    from tests.conftest import WORKFLOW

    text = WORKFLOW.replace("action: Trả kết quả", 'action: "Trả \\"kết quả\\" <b>#1</b>"')
    root = make_site_project(tmp_path, {"data/workflows/qt-hop-phap-hoa.yml": text})
    assert build(root).returncode == 0
    body = article((root / "site/quy-trinh/qt-hop-phap-hoa/index.html").read_text(encoding="utf-8"))
    diagram = body[body.index('<pre class="mb-mermaid"'): body.index("</pre>")]
    assert "Trả #quot;kết quả#quot; #lt;b#gt;#35;1#lt;/b#gt;" in diagram


def test_the_build_day_moves_a_finished_event_to_the_archive(tmp_path: Path):
    from tests.conftest import EVENT

    root = make_site_project(tmp_path, {"data/events/hoi-cho-mot.yml": EVENT})
    before = build(root, tmp_path / "before", epoch="1795000000")  # 2026-11-18
    after = build(root, tmp_path / "after", epoch="1797000000")  # 2026-12-11
    assert before.returncode == 0 and after.returncode == 0, after.stderr[-2000:]

    def upcoming(site: Path) -> str:
        html = article((site / "thong-bao/index.html").read_text(encoding="utf-8"))
        return html[html.index('id="su-kien-sap-toi"'): html.index('id="chuong-trinh-tai-tro-dang-mo"')]

    assert "hoi-cho-mot/" in upcoming(tmp_path / "before")
    assert "hoi-cho-mot/" not in upcoming(tmp_path / "after")
    archive = article((tmp_path / "after/thong-bao/luu-tru/2026/index.html").read_text(encoding="utf-8"))
    assert "hoi-cho-mot/" in archive and "Đã diễn ra" in archive
    page = article((tmp_path / "after/thong-bao/hoi-cho-mot/index.html").read_text(encoding="utf-8"))
    assert "Sự kiện đã diễn ra." in page and "<strong>đăng ký</strong>" in page
    assert '"@type": "Event"' in page and '"startDate": "2026-12-02T08:00:00+07:00"' in page


def test_pages_announce_the_feed_calendar_and_data_in_their_head(tmp_path: Path):
    root = make_site_project(tmp_path)
    assert build(root).returncode == 0
    html = (root / "site/thu-tuc/index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert '<link rel="alternate feed" type="application/atom+xml" title="Thông báo (Atom)" href="../thong-bao/feed.xml">' in head
    assert 'type="text/calendar"' in head and 'href="../du-lieu/thu-tuc.json"' in head and 'href="../du-lieu/thu-tuc.csv"' in head
    procedure = (root / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8")
    assert '"@type": "GovernmentService"' in procedure
    legal = (root / "site/van-ban/nd-111-2011/index.html").read_text(encoding="utf-8")
    assert '"legislationLegalForce": "https://schema.org/PartiallyInForce"' in legal


def test_announcement_body_is_markdown_without_raw_html(tmp_path: Path):
    from tests.conftest import NOTICE

    text = NOTICE + 'body: |\n  Xem **kỹ**.\n\n  <script>alert(1)</script> <a href="x">y</a>\n'
    root = make_site_project(tmp_path, {"data/notices/thong-bao-mot.yml": text})
    assert build(root).returncode == 0
    page = article((root / "site/thong-bao/thong-bao-mot/index.html").read_text(encoding="utf-8"))
    assert "<strong>kỹ</strong>" in page and "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_overdue_reviews_show_a_notice_on_records_and_hand_written_pages(tmp_path: Path):
    page = "---\nowner: phong-mot\nlast_reviewed: 2026-11-01\nreview_in: 1 tháng\n---\n# Giới thiệu\n\nNội dung.\n"
    root = make_site_project(tmp_path, {"docs/gioi-thieu.md": page})
    assert build(root, tmp_path / "on-time", epoch="1795000000").returncode == 0  # 2026-11-18
    assert build(root, tmp_path / "late", epoch="1810000000").returncode == 0  # 2027-05-11
    on_time = article((tmp_path / "on-time/gioi-thieu/index.html").read_text(encoding="utf-8"))
    assert "mb-review-overdue" not in on_time and "Hạn rà soát tiếp theo</dt><dd>01/12/2026" in on_time
    late = article((tmp_path / "late/gioi-thieu/index.html").read_text(encoding="utf-8"))
    assert late.index("mb-review-overdue") > late.index("<h1")
    record = article((tmp_path / "late/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8"))
    assert "Nội dung này đã quá hạn rà soát" in record and "01/05/2027" in record


def test_dashboard_figures_match_the_check(tmp_path: Path):
    from tests.conftest import NOTICE

    late = NOTICE.replace("2026-05-04", "2026-05-08") + "late_reason: Văn bản đến muộn.\n"
    root = make_site_project(tmp_path, {"data/notices/thong-bao-mot.yml": late})
    assert build(root).returncode == 0
    page = article((root / "site/minh-bach/index.html").read_text(encoding="utf-8"))
    assert "<td>Số thủ tục hành chính công khai</td><td>1</td>" in page
    assert 'đang cập nhật")</td><td>0/1 (0%)</td>' in page
    assert "<td>Thông báo đăng đúng hạn, 12 tháng qua</td><td>0/1 (0%)</td>" in page
    assert "0 hỏng, 0 cần xem lại" in page and "(kiểm tra ngày 18/11/2026, liên kết trong trang)" in page
    import json

    published = json.loads((root / "site/du-lieu/kiem-tra-lien-ket.json").read_text(encoding="utf-8"))
    assert published["broken"] == 0 and published["checked_on"] == "2026-11-18"
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart"' in page


def test_a_broken_internal_link_stops_the_build_and_keeps_the_last_site(tmp_path: Path):
    root = make_site_project(tmp_path)
    assert build(root).returncode == 0
    (root / "docs/index.md").write_text('# Trang chủ\n\n<a href="khong-co/">Trang không có</a>\n', encoding="utf-8")
    result = build(root)
    assert result.returncode != 0 and "docs/index.md:3:1: error[broken-link]" in result.stderr
    assert "Trang không có" not in (root / "site/index.html").read_text(encoding="utf-8")


def test_headings_in_chinese_get_ids_from_their_text_and_links_to_them_resolve(tmp_path: Path):
    """MkDocs 1.6.1 validates anchors as written; the plugin decodes `#%E8...` first, as browsers do."""
    import datetime as dt
    import re
    from urllib.parse import quote

    from minhbach.site.links.run import check_site

    encoded = quote("联系方式")
    page = (f"# 谅山省外务厅\n\n见[手续](#办理手续)与[联系](#{encoded})。\n\n## 新增章节\n\n"
            "## 办理手续\n\n所需材料。\n\n## 联系方式\n\n电话。\n")
    home = f"# Trang chủ\n\n[办理手续](zh.md#办理手续) · [联系方式](zh.md#{encoded})\n"
    root = make_site_project(tmp_path, {"docs/zh.md": page, "docs/index.md": home})
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("validation:\n  anchors: warn\n")  # as the site's mkdocs.yml: a missing anchor fails the strict build
    result = build(root, links=False)
    assert result.returncode == 0, result.stderr[-3000:]
    html = article((root / "site/zh/index.html").read_text(encoding="utf-8"))
    assert re.findall(r'<h2 id="([^"]+)"', html) == ["新增章节", "办理手续", "联系方式"]
    assert f'href="#{encoded}"' in html and 'href="#办理手续"' in html
    report = check_site(root / "site", project=root, today=dt.date(2026, 11, 18))
    assert not [f for f in report.findings if "办理手续" in f.message], "links written with the heading text resolve in `minhbach links`"


def test_the_build_log_prints_each_finding_without_the_line_breaks_of_its_data(tmp_path: Path, caplog):
    from mkdocs.config import load_config

    from minhbach.mkdocs.plugin import MinhbachPlugin

    forged = PROCEDURE.replace("hours: {pending: Chưa công bố giờ tiếp nhận.}", 'hours: {pending: "x\\n::error file=a::forged"}')
    root = make_site_project(tmp_path, {"data/procedures/hop-phap-hoa.yml": forged})
    config = load_config(str(root / "mkdocs.yml"))
    plugin = MinhbachPlugin()
    plugin.load_config({})
    with caplog.at_level("DEBUG"):  # warnings one by one only with `mkdocs build --verbose`
        plugin.on_config(config)
    logged = [record.getMessage() for record in caplog.records if "forged" in record.getMessage()]
    assert logged and all(len(message.splitlines()) == 2 for message in logged), logged
    assert not any(line.lstrip().startswith("::") for message in logged for line in message.splitlines())


def test_every_xml_file_of_a_built_site_is_well_formed_whatever_the_text(tmp_path: Path):
    import xml.etree.ElementTree as ET

    from tests.conftest import NOTICE

    text = ']]> </title></entry> & &amp; "q" \'a\' <b> <!-- 😀 中文 友谊关'
    quoted = '"' + text.replace('"', '\\"') + '"'
    notice = NOTICE.replace("title: Thông báo thử nghiệm", f"title: {quoted}").replace("summary: Thay đổi cách nộp hồ sơ.", f"summary: {quoted}")
    # Page file names with such characters are refused by the check (tests/checks/test_files.py).
    root = make_site_project(tmp_path, {"data/notices/thong-bao-mot.yml": notice + "tags: [\"]]> &amp; <b> \\\"q\\\" 😀\"]\n"})
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("site_name: Thử nghiệm", "site_name: 'Sở & <Ngoại vụ> \"x\" ]]>'\nsite_url: https://so.example.vn/a&b/"),
                                     encoding="utf-8")
    result = build(root, links=False)
    assert result.returncode == 0, result.stderr[-2000:]
    site = root / "site"
    locations = [loc.text for loc in ET.parse(site / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://so.example.vn/a&b/thong-bao/thong-bao-mot/" in locations
    feed = ET.parse(site / "thong-bao/feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")] == [text]
    assert feed.find(f"{atom}title").text == 'Thông báo — Sở & <Ngoại vụ> "x" ]]>'
    dashboard = (site / "minh-bach/index.html").read_text(encoding="utf-8")
    svg = dashboard[dashboard.index("<svg"): dashboard.index("</svg>", dashboard.index('class="mb-chart"')) + len("</svg>")]
    assert ET.fromstring(svg[svg.index('<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart"'):]).tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("with_synonyms", [True, False])
def test_serve_rebuilds_when_the_records_or_the_synonyms_change(tmp_path: Path, with_synonyms: bool):
    from mkdocs.config import load_config

    from minhbach.load.synonyms import SYNONYMS_FILE
    from minhbach.mkdocs.plugin import MinhbachPlugin

    root = make_site_project(tmp_path, {SYNONYMS_FILE: "synonyms:\n  - [visa, thị thực]\n"} if with_synonyms else {})
    plugin = MinhbachPlugin()
    plugin.load_config({})
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_serve(Server(), config=load_config(str(root / "mkdocs.yml")), builder=None)
    expected = [root / "data", root / SYNONYMS_FILE] if with_synonyms else [root / "data"]
    assert [Path(path).resolve() for path in watched] == [path.resolve() for path in expected]
