"""The preview's error pages: which record page a file would have, which records are blocked, and escaping."""

from __future__ import annotations

import pytest

from minhbach.findings import error, warning
from minhbach.pages.problems import ERRORS_PAGE, blocked_records, errors_page, page_of, record_error_page, record_page_of


def _href(target: str, page: str) -> str:
    return f"/{page}/../{target}"


@pytest.mark.parametrize(("path", "page"), [
    ("data/procedures/hop-phap-hoa.yml", "thu-tuc/hop-phap-hoa.md"),
    ("data/legal/nd-111-2011.yaml", "van-ban/nd-111-2011.md"),
    ("data/notices/tb-1.yml", "thong-bao/tb-1.md"),
    ("data/units/phong-mot.yml", None),  # units have no page
    ("data/procedures/Hợp Pháp.yml", None),  # not an id: no page of its own
    ("data/procedures/x.txt", None),
    ("data/other/x.yml", None),
    ("data/procedures/sub/x.yml", None),
    ("docs/index.md", None),
])
def test_a_record_file_names_the_page_its_record_would_have(path, page):
    assert record_page_of(path, "data/") == page


def test_hand_written_pages_show_their_own_problems():
    assert page_of("docs/lien-he.md", data_prefix="data/", docs_prefix="docs/") == "lien-he.md"
    assert page_of("docs/forms/a.docx", data_prefix="data/", docs_prefix="docs/") is None


def test_only_records_with_an_error_are_blocked_and_their_errors_come_first():
    findings = [warning("data/procedures/a.yml", 3, 1, "pending", "chưa có"),
                error("data/procedures/a.yml", 5, 1, "date-order", "sai thứ tự"),
                warning("data/procedures/b.yml", 2, 1, "pending", "chưa có")]
    blocked = blocked_records(findings, "data/")
    assert list(blocked) == ["thu-tuc/a.md"]
    assert [finding.code for finding in blocked["thu-tuc/a.md"]] == ["date-order", "pending"]


def test_every_value_of_a_finding_is_escaped():
    hostile = '<script>alert(1)</script>"&'
    found = [error(f"data/procedures/{hostile}.yml", 1, 1, hostile, hostile, hostile)]
    page = record_error_page("thu-tuc/a.md", found, href=_href)
    listing = errors_page(found, pages={}, href=_href)
    for text in (page, listing):
        assert "<script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Cách sửa: &lt;script&gt;" in page
    assert f'href="/thu-tuc/a.md/../{ERRORS_PAGE}"' in page
    front_matter = page.split("---\n")[1]
    assert "title:" in front_matter and "<script>" not in front_matter


def test_the_list_links_each_file_to_its_page_and_counts_only_errors():
    findings = [error("data/procedures/a.yml", 5, 1, "date-order", "sai"), warning("data/procedures/a.yml", 3, 1, "pending", "chưa"),
                error("data/units/u.yml", 0, 0, "missing-part", "thiếu")]
    listing = errors_page(findings, pages={"data/procedures/a.yml": "thu-tuc/a.md"}, href=_href)
    assert "2 lỗi trong 2 tệp" in listing
    assert listing.count("<li>") == 2
    assert '<a href="/loi-du-lieu.md/../thu-tuc/a.md"><code>data/procedures/a.yml</code></a>' in listing
    assert "<code>data/units/u.yml</code>" in listing
