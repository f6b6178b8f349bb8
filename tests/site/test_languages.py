"""The three sites built together: every page names its counterparts in the other languages, and they name it back."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from minhbach.exports import admin

from tests.site_helpers import build, make_language_project

pytestmark = pytest.mark.build

HREFLANGS = {"vi", "en", "zh-Hans"}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        elif tag == "link" and "alternate" in (a.get("rel") or "").split() and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"] or ""
        elif tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a.get("hreflang") or ""] = a["href"] or ""


def _read(site: Path, page: str) -> _Head:
    head = _Head()
    head.feed((site / page).read_text(encoding="utf-8"))
    return head


def _target(page: str, href: str) -> str:
    """The file a relative link of `page` (a path under the site) leads to."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    path = "" if path == "." else path
    return posixpath.join(path, "index.html") if href.endswith("/") or href in (".", "./") else path


def _pages(site: Path) -> list[str]:
    """Every page of the three sites but the 404 pages (served at any address, see `alternates`) and the web
    editor (`exports.admin`: a tool for editors, not a page of the site)."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if path.name != "404.html" and admin.ADMIN_DIR not in path.relative_to(site).parts)


@pytest.fixture(scope="module")
def three_sites(tmp_path_factory) -> Path:
    root = make_language_project(tmp_path_factory.mktemp("languages") / "repo", {
        "docs/gioi-thieu.md": "# Giới thiệu\n\nSở Ngoại vụ.\n",
        "docs-en/chi-tieng-anh.md": "# Only in English\n\nText.\n",
        "docs/huong-dan-bien-tap.md": "# Hướng dẫn biên tập\n\nCác loại bản ghi.\n",
    })
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_every_page_names_its_counterparts_and_they_name_it_back(three_sites: Path):
    site = three_sites
    pages = _pages(site)
    assert len(pages) > 30
    for page in pages:
        head = _read(site, page)
        folder = page.split("/")[0] if page.split("/")[0] in ("en", "zh") else ""
        assert head.lang == {"": "vi", "en": "en", "zh": "zh"}[folder], page
        if page in ("en/chi-tieng-anh/index.html", "huong-dan-bien-tap/index.html") or page.endswith("/niem-yet/index.html"):
            continue  # no counterpart: its links lead to the other languages' homes, or procedure pages (below)
        assert set(head.alternates) == HREFLANGS | {"x-default"}, page
        assert head.switcher == {language: href for language, href in head.alternates.items() if language != "x-default"}, page
        for language, href in head.alternates.items():
            target = _target(page, href)
            assert (site / target).is_file(), f"{page}: {language} -> {target}"
            back = _read(site, target).alternates
            assert {lang: _target(target, h) for lang, h in back.items()} == {lang: _target(page, h) for lang, h in head.alternates.items()}, page


def test_a_page_one_language_has_leads_to_the_homes_of_the_others(three_sites: Path):
    head = _read(three_sites, "en/chi-tieng-anh/index.html")
    assert {language: _target("en/chi-tieng-anh/index.html", href) for language, href in head.switcher.items()} == {
        "vi": "index.html", "en": "en/chi-tieng-anh/index.html", "zh-Hans": "zh/index.html"}


def test_the_editor_its_guide_and_the_notice_sheets_are_in_the_vietnamese_site_alone(three_sites: Path):
    site = three_sites
    sheets = sorted(path.relative_to(site).as_posix() for path in site.rglob("niem-yet/index.html"))
    assert sheets and all(not sheet.startswith(("en/", "zh/")) for sheet in sheets)
    assert (site / "admin/index.html").is_file() and (site / "huong-dan-bien-tap/index.html").is_file()
    for folder in ("en", "zh"):
        assert not (site / folder / "admin").exists() and not (site / folder / "huong-dan-bien-tap").exists(), folder
        procedure = (site / folder / sheets[0]).parent.parent / "index.html"
        assert 'class="mb-notice-links"></p>' in procedure.read_text(encoding="utf-8"), folder
    for sheet in sheets:  # each sheet's counterparts are its procedure's page in the other languages
        procedure = sheet.removesuffix("niem-yet/index.html") + "index.html"
        assert {language: _target(sheet, href) for language, href in _read(site, sheet).switcher.items()} == {
            "vi": sheet, "en": f"en/{procedure}", "zh-Hans": f"zh/{procedure}"}
    guide = _read(site, "huong-dan-bien-tap/index.html")
    assert {language: _target("huong-dan-bien-tap/index.html", href) for language, href in guide.switcher.items()} == {
        "vi": "huong-dan-bien-tap/index.html", "en": "en/index.html", "zh-Hans": "zh/index.html"}


def test_a_page_not_translated_is_published_from_the_vietnamese_with_a_notice(three_sites: Path):
    english = (three_sites / "en/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert "Sở Ngoại vụ." in english and "This page is not yet translated; the Vietnamese version applies." in english
    assert "本页尚未翻译" in (three_sites / "zh/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert "mb-translation" not in (three_sites / "gioi-thieu/index.html").read_text(encoding="utf-8")


def test_each_site_has_its_own_search_index_of_its_own_pages(three_sites: Path):
    for folder, language in (("", "vi"), ("en", "en"), ("zh", "zh")):
        entry = (three_sites / folder / "pagefind/pagefind-entry.json").read_text(encoding="utf-8")
        assert re.search(rf'"languages":\{{"{language}', entry), (folder, entry[:200])


def test_the_words_the_engine_puts_in_every_pages_head_and_headings_are_in_the_page_language(three_sites: Path):
    """Anchor links' titles (mkdocs.yml's `toc.permalink_title`) and the feeds and data announced in the head."""
    vietnamese = ('title="Liên kết đến mục này"', 'title="Thông báo (Atom)"', 'title="Lịch sự kiện"', 'title="Thủ tục hành chính (JSON)"')
    for folder, own in (("en", ('title="Link to this section"', 'title="Announcements (Atom)"', 'title="Administrative procedures (JSON)"')),
                        ("zh", ('title="本节链接"', 'title="公告（Atom）"'))):
        pages = [page for page in _pages(three_sites) if page.startswith(folder + "/")]
        texts = {page: (three_sites / page).read_text(encoding="utf-8") for page in pages}
        assert not [(page, word) for page, text in texts.items() for word in vietnamese if word in text]
        assert all(any(word in text for text in texts.values()) for word in own), folder
    assert 'title="Liên kết đến mục này"' in (three_sites / "thu-tuc/index.html").read_text(encoding="utf-8")


def test_a_published_page_has_no_empty_banner_above_its_header(three_sites: Path):
    """The banner is the preview's, for errors (`pages.problems`); a published site has none, not an empty strip."""
    assert not [page for page in _pages(three_sites) if 'class="md-banner"' in (three_sites / page).read_text(encoding="utf-8")]
