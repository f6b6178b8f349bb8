"""The real site, built once: every procedure page has every part in the national order."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from minhbach.catalog import load_catalog
from tests.site_helpers import ROOT, article, h2_ids

pytestmark = pytest.mark.build

NATIONAL_ORDER = [
    "1-trinh-tu-thuc-hien",
    "2-thoi-gian-tiep-nhan-ho-so-va-tra-ket-qua",
    "3-cach-thuc-thuc-hien",
    "4-thanh-phan-so-luong-ho-so",
    "5-thoi-han-giai-quyet",
    "6-doi-tuong-thuc-hien",
    "7-co-quan-thuc-hien",
    "8-ket-qua-thuc-hien",
    "9-phi-le-phi",
    "10-ten-mau-don-mau-to-khai",
    "11-yeu-cau-dieu-kien-thuc-hien",
    "12-can-cu-phap-ly",
    "dich-vu-cong-truc-tuyen",
    "ra-soat-va-lich-su-thay-doi",
]


@pytest.fixture(scope="session")
def site(real_site: Path) -> Path:
    return real_site


@pytest.fixture(scope="session")
def catalog():
    loaded, _ = load_catalog(ROOT / "data")
    return loaded


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def test_real_content_has_at_least_eight_procedures(catalog):
    assert len(catalog.procedures) >= 8
    names = " ".join(p.name for p in catalog.procedures)
    for expected in ("ABTC", "hội nghị, hội thảo quốc tế", "hộ chiếu ngoại giao", "công hàm", "hợp pháp hóa lãnh sự"):
        assert expected in names


def test_every_procedure_page_has_every_part_in_the_national_order(site, catalog):
    for procedure in catalog.procedures:
        html = (site / "thu-tuc" / procedure.id / "index.html").read_text(encoding="utf-8")
        assert h2_ids(html) == NATIONAL_ORDER, procedure.id


def test_pending_parts_are_shown_as_being_updated(site):
    html = article((site / "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/index.html").read_text(encoding="utf-8"))
    section = html[html.index('id="3-cach-thuc-thuc-hien"'): html.index('id="4-thanh-phan-so-luong-ho-so"')]
    assert "đang cập nhật" in section
    assert "3.000242" in html


def test_legal_basis_links_resolve_and_carry_a_status_badge(site, catalog):
    for procedure in catalog.procedures:
        page = site / "thu-tuc" / procedure.id / "index.html"
        html = article(page.read_text(encoding="utf-8"))
        basis = html[html.index('id="12-can-cu-phap-ly"'): html.index('id="dich-vu-cong-truc-tuyen"')]
        parser = _Links()
        parser.feed(basis)
        legal_links = [href for href in parser.hrefs if "van-ban/" in href]
        assert len(legal_links) == len(procedure.legal_basis), procedure.id
        for href in legal_links:
            target = Path(posixpath.normpath(posixpath.join(str(page.parent), href)))
            assert (target / "index.html").is_file(), href
        assert basis.count('class="mb-badge') == len(procedure.legal_basis)


def test_every_internal_link_of_every_page_resolves(site):
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served at any path, so MkDocs writes root-relative links
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            path = href.split("#")[0]
            if not path:
                continue
            target = Path(posixpath.normpath(posixpath.join(str(page.parent), path)))
            assert target.is_file() or (target / "index.html").is_file(), f"{page.relative_to(site)} -> {href}"


def test_legal_registry_lists_statuses_and_each_document_lists_citing_procedures(site, catalog):
    index = (site / "van-ban/index.html").read_text(encoding="utf-8")
    for document in catalog.legal:
        assert f'href="{document.id}/"' in index
    abtc_law = (site / "van-ban/qd-09-2023-qd-ttg/index.html").read_text(encoding="utf-8")
    assert "cap-van-ban-cho-phep-su-dung-the-abtc" in abtc_law
    expired = article((site / "van-ban/qd-45-2006-qd-ttg/index.html").read_text(encoding="utf-8"))
    assert "mb-alert" in expired and "Hết hiệu lực toàn bộ" in expired


def test_catalogue_is_grouped_by_field_with_code_time_fee_and_online_level(site, catalog):
    html = article((site / "thu-tuc/index.html").read_text(encoding="utf-8"))
    for field in catalog.fields:
        assert f">{field.name}<" in html
    assert all(f'<th scope="col">{name}</th>' in html for name in ("Mã", "Thời hạn", "Phí, lệ phí", "Trực tuyến"))
    assert html.count("<tr>") == len(catalog.procedures) + len(catalog.fields)


def test_navigation_does_not_list_records(site, catalog):
    html = (site / "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'): html.index("</nav>", html.index('<nav class="md-nav md-nav--primary"'))]
    for procedure in catalog.procedures:
        assert procedure.id not in nav


def test_home_page_has_hotline_most_used_procedures_and_recent_changes(site):
    html = article((site / "index.html").read_text(encoding="utf-8"))
    assert "+84 981 84 84 84" in html
    assert 'href="thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/"' in html
    assert "Thay đổi mới nhất" in html and "27/11/2026" in html


def test_no_page_refers_to_a_third_party_host_for_assets(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for pattern in (r'<script[^>]+src="https?:', r'<link[^>]+href="https?://(?!dichvucong)', r"fonts\.g(oogleapis|static)\.com", r"unpkg\.com", r"jsdelivr"):
            assert not re.search(pattern, html), (page, pattern)


# Written apart from the engine's own number grammar (`model.base.PHONE_FORMS`), so both are checked:
# 0 or +country code or 1800/1900, then groups of digits; at least eight digits in all.
_PHONE_LIKE = re.compile(r"(?<![\w/.,+])(?:\+\d{2,3}|0\d{2,3}|1[89]00)(?:[ .-]?\d{2,4}){2,4}(?![\w/])")
_EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class _ContactText(HTMLParser):
    """Text of a page's main content, split into what sits in a tel:/mailto: link and what does not."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.loose: list[str] = []
        self._in_link: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg", "code", "pre"):
            self._skip += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._in_link = href if href.startswith(("tel:", "mailto:")) else None
            if self._in_link:
                self.links.append((href, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg", "code", "pre"):
            self._skip -= 1
        elif tag == "a":
            self._in_link = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_link:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)
        else:
            self.loose.append(data)


def test_every_phone_number_and_email_shown_is_a_link_to_call_or_write(site: Path):
    """A reader taps a number to call it and an address to write to it; a number opens in international form."""
    loose, links = [], []
    for page in sorted(site.rglob("*.html")):
        parser = _ContactText()
        html = page.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        parser.feed(article(html))
        where = page.relative_to(site).as_posix()
        text = " ".join(" ".join(parser.loose).split())
        loose += [(where, m.group()) for m in _PHONE_LIKE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8]
        loose += [(where, m.group()) for m in _EMAIL_LIKE.finditer(text)]
        links += [(where, href, text) for href, text in parser.links]
    assert loose == []
    tel = [(where, href, text) for where, href, text in links if href.startswith("tel:")]
    assert len({href for _, href, _ in tel}) >= 5  # the units', the hotlines', the consular support line
    for where, href, text in tel:
        digits = re.sub(r"\D", "", text)
        assert href == "tel:+84" + (digits[1:] if digits.startswith("0") else digits[2:]), (where, href, text)
    for where, href, text in links:
        if href.startswith("mailto:"):
            assert href == "mailto:" + text.strip(), where


def test_the_workflows_are_left_out_of_the_menu_until_one_is_published(site: Path):
    """The department has published no workflow yet: a menu entry would lead to an empty page."""
    assert not list(site.glob("quy-trinh/*/index.html"))
    for page in ("index.html", "van-ban/index.html", "thong-bao/index.html", "lien-he/index.html"):
        assert "quy-trinh/" not in (site / page).read_text(encoding="utf-8"), page
    index = (site / "quy-trinh/index.html").read_text(encoding="utf-8")  # its address still answers, and says why
    assert "Chưa có quy trình nào được công bố" in index


def test_the_editors_guide_lists_every_kind_of_record_from_the_model_and_stays_out_of_the_menu(site: Path):
    from minhbach.model import KINDS

    page = (site / "huong-dan-bien-tap/index.html").read_text(encoding="utf-8")
    body = article(page)
    for kind in KINDS.values():
        assert f"<code>data/{kind.folder}/</code>" in body and f"<code>minhbach new {kind.name} ma-ban-ghi</code>" in body
        assert f'data-label="Loại bản ghi">{kind.label}</td>' in body
    assert "{pending:" in body and "make serve" in body
    assert 'href="huong-dan-bien-tap/"' not in (site / "index.html").read_text(encoding="utf-8").split('<nav class="md-nav md-nav--primary"')[1]


def test_a_successful_build_of_the_three_sites_fits_on_one_screen(real_site_build):
    """The checks' warning counts and mkdocs-macros' set-up lines are the same in every language's build:
    printed once, by the source language's build; one line for the three search indexes."""
    _, stderr = real_site_build
    lines = stderr.splitlines()
    assert len(lines) <= 25, stderr
    counts = [line for line in lines if "minhbach: warning[" in line]
    assert counts and len(counts) == len(set(counts)), stderr
    assert len([line for line in lines if "[macros]" in line]) <= 6, stderr
    assert [line for line in lines if "chỉ mục tìm kiếm" in line] == [line for line in lines if "(vi)" in line and "(en)" in line and "(zh)" in line]
    assert sum("Documentation built" in line for line in lines) == 3
