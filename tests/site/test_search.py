"""The search index: which pages go in, and what Pagefind is given for each."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import material

from minhbach.site.links.sources import SOURCES_FILE
from minhbach.site.search import INDEX_DIR, build_index, fold_d, record_of, searchable_pages

ROOT = Path(__file__).resolve().parents[2]


def test_d_stroke_is_folded_for_the_index():
    assert fold_d("Đăng ký đường") == "Dăng ký dường"


def test_record_pages_and_hand_written_pages_are_indexed_but_not_lists(real_site: Path):
    urls = {page.relative_to(real_site).as_posix() for page in searchable_pages(real_site)}
    assert "thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/index.html" in urls
    assert "van-ban/qd-09-2023-qd-ttg/index.html" in urls
    assert "lien-he/index.html" in urls
    for listing in ("index.html", "thu-tuc/index.html", "van-ban/index.html", "thong-bao/index.html", "du-lieu/index.html"):
        assert listing not in urls


def test_the_index_gets_real_titles_as_metadata_and_folded_text(real_site: Path):
    record = record_of(real_site, real_site / "thong-bao/hoi-nghi-bo-truong-ngoai-giao-mekong-lan-thuong-lan-thu-10/index.html")
    assert record.url == "/thong-bao/hoi-nghi-bo-truong-ngoai-giao-mekong-lan-thuong-lan-thu-10/"
    assert record.language == "vi"
    assert record.title == "Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong – Lan Thương lần thứ 10"
    assert "Lạng Sơn là một trong 10 tỉnh" in record.summary
    assert record.opening.startswith("Quỹ Đặc biệt Hợp tác Mekong"), "the lead and the past-event notice are not indexed"
    assert "Ngày văn bản nguồn" not in record.opening, "fact lists are not indexed"
    html = record.html()
    assert '<p data-pagefind-meta="title" data-pagefind-ignore>Hội nghị Bộ trưởng' in html
    assert "<h1>Hội nghị Bộ trưởng" in html and "đ" not in html.split("<h1>", 1)[1]
    assert len(record.opening.split()) <= 25


def test_the_search_index_is_in_the_built_site(real_site: Path):
    assert (real_site / "pagefind/pagefind.js").is_file()
    assert (real_site / "pagefind/pagefind-entry.json").is_file()
    assert not (real_site / "search/search_index.json").exists(), "Material's lunr index is not built"


def test_header_override_differs_from_material_only_in_the_search_block():
    ours = (ROOT / "minhbach/mkdocs/theme/partials/header.html").read_text(encoding="utf-8").splitlines()
    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(theirs, ours, lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    removed = [line[1:].strip() for line in changed if line.startswith("-")]
    assert all("search" in line or line.startswith(("{% endif", "{% set search", "<label", "{% include \".icons", "</label>", "{#-", "This file", "-#}"))
               for line in removed), removed


def _page(language: str, title: str, text: str) -> str:
    return (f'<html lang="{language}"><head><meta name="description" content="{title}"></head><body>'
            f'<article class="md-content__inner md-typeset"><h1>{title}</h1><p>{text}</p></article></body></html>')


def test_each_language_gets_an_index_of_its_own(tmp_path: Path):
    """Pagefind keeps one index per `<html lang>`; the search box loads the one of the page it is on."""
    pages = {"vi/ho-chieu/": _page("vi", "Cấp hộ chiếu công vụ", "Hồ sơ đề nghị cấp hộ chiếu."),
             "en/passport/": _page("en", "Official passport issue", "Documents for an official passport."),
             "zh/huzhao/": _page("zh", "公务护照签发", "申请公务护照所需材料。")}
    for url, text in pages.items():
        (tmp_path / url).mkdir(parents=True)
        (tmp_path / url / "index.html").write_text(text, encoding="utf-8")
    (tmp_path / SOURCES_FILE).parent.mkdir(parents=True)
    (tmp_path / SOURCES_FILE).write_text(json.dumps({url: f"docs/{url}x.md" for url in pages}), encoding="utf-8")
    assert build_index(tmp_path) == 3
    languages = json.loads((tmp_path / INDEX_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    assert {language: entry["page_count"] for language, entry in languages.items()} == {"vi": 1, "en": 1, "zh": 1}
