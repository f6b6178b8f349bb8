"""The offline link checker finds exactly the planted defects, each at its source file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minhbach.site.links.run import check_site
from tests.conftest import PROCEDURE, line_of
from tests.site_helpers import ROOT, build, make_site_project

pytestmark = pytest.mark.build

PAGE = """\
---
owner: phong-mot
last_reviewed: 2026-11-01
---
# Liên kết

- [Đúng mục](thu-tuc/hop-phap-hoa.md#1-trinh-tu-thuc-hien)
- [Mục không có](thu-tuc/hop-phap-hoa.md#khong-co-muc-nay)

<p><a href="files/khong-co.pdf">Tệp không có</a></p>
"""


def test_exactly_the_planted_defects_are_reported_at_their_sources(tmp_path: Path):
    root = make_site_project(tmp_path, {"docs/lien-ket.md": PAGE})
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("validation:\n  anchors: info\n")  # the site's strict build would stop on the planted anchor
    assert build(root, links=False).returncode == 0
    (root / "site/forms/to-khai.docx").unlink()  # a file the procedure links to

    report = check_site(root / "site", project=root, today=dt.date(2026, 11, 27))
    found = sorted((f.code, f.path, f.line) for f in report.findings)
    assert found == sorted([
        ("broken-link", "docs/lien-ket.md", line_of(PAGE, "#khong-co-muc-nay")),
        ("broken-link", "docs/lien-ket.md", line_of(PAGE, "files/khong-co.pdf")),
        ("broken-link", "data/procedures/hop-phap-hoa.yml", line_of(PROCEDURE, "file: forms/to-khai.docx")),
    ])
    anchor = next(f for f in report.findings if "khong-co-muc-nay" in f.message)
    assert "thu-tuc/hop-phap-hoa/index.html" in anchor.message and anchor.is_error


# Every way a hand-written page can write a broken link, and what must not count: links in
# comments, ids in comments, `<meta name>`, and a fragment written percent-encoded.
PLANTED = """\
---
owner: phong-mot
last_reviewed: 2026-11-01
---
# Liên kết viết tay

## Phụ lục {#phụ-lục}

Tệp mẫu nằm ở forms/to-khai.docx; hồ sơ gửi về files/khong-co.pdf.bak không dùng nữa.

<p><a href="#ph%E1%BB%A5-l%E1%BB%A5c">Mục viết mã hóa</a> <a href="../forms/to-khai.docx">Tờ khai</a></p>
<p><a href='../files/khong-co.pdf'>Nháy đơn</a></p>
<p><a href=../files/khong-co-2.pdf>Không có dấu nháy</a></p>
<P><A HREF="../thu-tuc/khong-co/">Chữ hoa</A></P>
<p><img alt="Ảnh" srcset="../forms/to-khai.docx 1x, ../files/anh-khong-co.png 2x"></p>
<!-- <a href="../files/chi-trong-ghi-chu.pdf">ghi chú</a> <span id="an-trong-ghi-chu"></span> -->
<p><meta name="muc-meta"><a href="#an-trong-ghi-chu">Chỉ có trong ghi chú</a></p>
<p><a href="#muc-meta">Tên của thẻ meta</a></p>
<p><a href='../files/khong-co.pdf'>Nháy đơn, lần hai</a></p>
"""


def _lines_of(text: str, needle: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]


def test_links_written_in_any_html_form_are_checked_at_their_own_lines(tmp_path: Path):
    root = make_site_project(tmp_path, {"docs/lien-ket.md": PLANTED})
    assert build(root, links=False).returncode == 0
    report = check_site(root / "site", project=root, today=dt.date(2026, 11, 27))
    found = sorted((f.path, f.line, f.message.split("'")[1]) for f in report.findings)
    first, second = _lines_of(PLANTED, "'../files/khong-co.pdf'")
    assert found == sorted([
        ("docs/lien-ket.md", first, "../files/khong-co.pdf"),
        ("docs/lien-ket.md", second, "../files/khong-co.pdf"),
        ("docs/lien-ket.md", line_of(PLANTED, "khong-co-2.pdf"), "../files/khong-co-2.pdf"),
        ("docs/lien-ket.md", line_of(PLANTED, "../thu-tuc/khong-co/"), "../thu-tuc/khong-co/"),
        ("docs/lien-ket.md", line_of(PLANTED, "anh-khong-co.png"), "../files/anh-khong-co.png"),
        ("docs/lien-ket.md", line_of(PLANTED, 'href="#an-trong-ghi-chu"'), "#an-trong-ghi-chu"),
        ("docs/lien-ket.md", line_of(PLANTED, 'href="#muc-meta"'), "#muc-meta"),
    ])


def test_a_deleted_page_is_reported_where_each_link_to_it_was_written(tmp_path: Path):
    root = make_site_project(tmp_path)
    assert build(root).returncode == 0
    (root / "site/van-ban/nd-111-2011/index.html").unlink()
    report = check_site(root / "site", project=root, today=dt.date(2026, 11, 27))
    paths = {(f.path, f.line) for f in report.findings}
    assert ("data/procedures/hop-phap-hoa.yml", line_of(PROCEDURE, "doc: nd-111-2011")) in paths
    assert all(f.code == "broken-link" for f in report.findings)
    assert {path for path, _ in paths} == {"data/procedures/hop-phap-hoa.yml", "site/van-ban/index.html"}


def test_the_real_site_has_no_broken_internal_links(real_site: Path):
    report = check_site(real_site, project=ROOT, today=dt.date(2026, 11, 27))
    assert report.findings == []
    assert report.pages > 40 and report.links > 1000


def _hand_built(root: Path, pages: dict[str, str]) -> Path:
    for path, body in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(body, encoding="utf-8")
    return root


SUBPATH_HOME = '<link rel="canonical" href="https://vi-du.github.io/minhbach/"><h1 id="dau">Trang chủ</h1>'
SUBPATH_LINKS = {
    # (link on 404.html, broken?) for a site published at https://vi-du.github.io/minhbach/
    "/minhbach/.": False,
    "/minhbach/": False,
    "/minhbach": False,
    "/minhbach/thu-tuc/": False,
    "/minhbach/thu-tuc/#muc": False,
    "/minhbach/assets/a.css": False,
    "/minhbach/thu-tuc/../assets/a.css": False,
    "https://vi-du.github.io/minhbach/thu-tuc/#muc": False,
    "HTTPS://VI-DU.GITHUB.IO/minhbach/": False,
    "https://vi-du.github.io/khac/": False,  # another site on the same host: external
    "/assets/a.css": True,  # the domain root, outside the site
    "/thu-tuc/": True,
    "/minhbach-khac/": True,
    "/minhbach/khong-co/": True,
    "/minhbach/thu-tuc/#khong-co": True,
    "https://vi-du.github.io/minhbach/khong-co/": True,
    "https://vi-du.github.io/minhbach/#khong-co": True,
    "https://vi-du.github.io/MINHBACH/": False,  # paths keep their letter case: another site, external
}


def test_root_absolute_links_are_read_against_the_published_path(tmp_path: Path):
    links = "".join(f'<a href="{target}">x</a>\n' for target in SUBPATH_LINKS)
    site = _hand_built(tmp_path / "site", {
        "index.html": SUBPATH_HOME, "thu-tuc/index.html": '<h2 id="muc">Mục</h2>', "assets/a.css": "",
        "404.html": links,
    })
    report = check_site(site, project=tmp_path, today=dt.date(2026, 11, 27))
    broken = {f.message.split("'")[1] for f in report.findings}
    assert broken == {target for target, is_broken in SUBPATH_LINKS.items() if is_broken}
    outside = next(f for f in report.findings if "'/assets/a.css'" in f.message)
    assert (outside.path, outside.line) == ("site/404.html", list(SUBPATH_LINKS).index("/assets/a.css") + 1)
    assert "/minhbach/" in outside.message


def test_a_site_without_a_published_address_is_read_from_the_domain_root(tmp_path: Path):
    site = _hand_built(tmp_path / "site", {
        "index.html": "<h1>Trang chủ</h1>", "thu-tuc/index.html": "",
        "404.html": '<a href="/thu-tuc/">x</a><a href="/">x</a><a href="/minhbach/thu-tuc/">x</a>',
    })
    report = check_site(site, project=tmp_path, today=dt.date(2026, 11, 27))
    assert [f.message.split("'")[1] for f in report.findings] == ["/minhbach/thu-tuc/"]


def test_relative_links_follow_the_pages_base_address(tmp_path: Path):
    site = _hand_built(tmp_path / "site", {
        "index.html": "", "thu-tuc/index.html": '<h2 id="muc">x</h2>',
        "van-ban/index.html": '<base href="../thu-tuc/"><a href="#muc">x</a><a href="index.html">x</a><a href="khong-co.html">x</a>',
        "du-lieu/index.html": '<base href="https://noi-khac.example/"><a href="khong-kiem.html">x</a>',
    })
    report = check_site(site, project=tmp_path, today=dt.date(2026, 11, 27))
    assert [f.message.split("'")[1] for f in report.findings] == ["khong-co.html"]


def test_links_in_the_sitemap_feeds_and_calendars_are_checked(tmp_path: Path):
    site = _hand_built(tmp_path / "site", {
        "index.html": SUBPATH_HOME, "thong-bao/index.html": "", "thong-bao/mot/index.html": "",
        "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>https://vi-du.github.io/minhbach/</loc></url>\n'
                       "<url><loc>https://vi-du.github.io/minhbach/da-xoa/</loc></url>\n</urlset>\n",
        "thong-bao/feed.xml": '<feed xmlns="http://www.w3.org/2005/Atom">\n<link rel="self" href="https://vi-du.github.io/minhbach/thong-bao/feed.xml"/>\n'
                              '<entry><link href="mot/"/></entry>\n<entry><link href="hai/"/></entry>\n</feed>\n',
        "thong-bao/events.ics": "BEGIN:VCALENDAR\r\nURL:https://vi-du.github.io/minhbach/thong-bao/m\r\n ot/\r\nURL:https://vi-du.github.io/minhbach/ba/\r\n"
                                "END:VCALENDAR\r\n",
    })
    report = check_site(site, project=tmp_path, today=dt.date(2026, 11, 27))
    assert sorted((f.path, f.line, f.message.split("'")[1]) for f in report.findings) == [
        ("site/sitemap.xml", 3, "https://vi-du.github.io/minhbach/da-xoa/"),
        ("site/thong-bao/events.ics", 4, "https://vi-du.github.io/minhbach/ba/"),
        ("site/thong-bao/feed.xml", 4, "hai/"),
    ]
