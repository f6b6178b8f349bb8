"""The search index: which pages go in, and what Pagefind is given for each."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from minhbach.site.links.sources import SOURCES_FILE
from minhbach.load.searchtext import TERMINATOR, fold, index_words
from minhbach.site.search import (ANNOUNCEMENTS_INDEX_DIR, DOCUMENTS_FILE, INDEX_DIR, FACT_WEIGHT, SUMMARY_WEIGHT, TITLE_WEIGHT, SearchDocuments, SearchError,
                                  SearchRecord, build_index, record_of, searchable_records)
from tests.site_helpers import build, make_site_project, use_custom_dir

ROOT = Path(__file__).resolve().parents[2]
HEADER = ROOT / "minhbach/mkdocs/theme/partials/header.html"


@pytest.fixture(scope="module")
def real_documents(tmp_path_factory) -> Path:
    """The repository's own site built without its search index, so that its search documents are kept."""
    output = tmp_path_factory.mktemp("real-documents") / "site"
    result = build(ROOT, output, epoch=None, links=False, search=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return output


def test_text_is_folded_into_whole_words_for_the_index():
    assert fold("Đăng KÝ đường Ủy") == "dang ky duong uy"
    assert fold("Hộ chiếu") == fold("Ho\u0323 chie\u0302\u0301u") == "ho chieu", "composed or not, the same words"
    assert index_words("Lệ phí: 118/2025/QH15, ĐT 0205 3719 886.") == "leǂ phiǂ 118ǂ 2025ǂ qh15ǂ dtǂ 0205ǂ 3719ǂ 886ǂ"
    assert index_words("a ǂǂ b") == "aǂ bǂ", "the terminator in the text only separates words"
    assert index_words("— , !") == ""


def test_chinese_words_are_left_to_pagefinds_segmenter_without_a_terminator():
    """Pagefind cuts Chinese into words itself; a terminator after them would become a word of its own, on every page."""
    assert index_words("外交护照、公务护照（ABTC）") == "外交护照 公务护照 abtcǂ"
    assert index_words("APEC商务旅行卡 lệ phí") == "apec商务旅行卡 leǂ phiǂ"


def test_record_pages_and_hand_written_pages_are_indexed_but_not_lists(real_documents: Path):
    urls = {record.url for record in searchable_records(real_documents)}
    assert "/thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/" in urls
    assert "/van-ban/qd-09-2023-qd-ttg/" in urls
    assert "/lien-he/" in urls
    documents = json.loads((real_documents / DOCUMENTS_FILE).read_text(encoding="utf-8"))["docs"]
    for listing in ("/", "/thu-tuc/", "/van-ban/", "/thong-bao/", "/du-lieu/"):
        assert listing in {document["url"] for document in documents}, "every page has a document..."
        assert listing not in urls, "...but lists are not indexed"


def test_a_page_whose_front_matter_excludes_it_from_search_is_not_indexed(real_documents: Path):
    """The editors' guide (`search: {exclude: true}`) speaks of "giờ làm việc" and "bảo hộ công dân"
    as examples: a citizen searching for them must land on the pages that answer, not on the guide."""
    assert "search:\n  exclude: true" in (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    urls = {record.url for record in searchable_records(real_documents)}
    assert "/huong-dan-bien-tap/" not in urls and "/lien-he/" in urls
    sheet = "/thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/niem-yet/"
    assert sheet not in urls and sheet.replace("niem-yet/", "") in urls, "a notice sheet repeats its procedure's page"
    documents = json.loads((real_documents / DOCUMENTS_FILE).read_text(encoding="utf-8"))
    assert "/huong-dan-bien-tap/" in documents["excluded"]
    assert "/huong-dan-bien-tap/" not in {document["url"] for document in documents["docs"]}


def test_the_index_gets_real_titles_as_metadata_and_folded_text(real_documents: Path):
    url = "/thong-bao/hoi-nghi-bo-truong-ngoai-giao-mekong-lan-thuong-lan-thu-10/"
    record = next(record for record in searchable_records(real_documents) if record.url == url)
    assert record.language == "vi"
    assert record.title == "Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong – Lan Thương lần thứ 10"
    assert "Lạng Sơn là một trong 10 tỉnh" in record.summary
    assert record.facts.startswith("Loại Hội nghị, hội đàm Thời gian"), "the lead and the past-event notice are not indexed, fact lists are"
    assert "Đăng lần đầu" not in record.text + record.facts, "nor the page's history of changes"
    assert (record.kind, record.status) == ("Sự kiện", "")
    html = record.html()
    assert '<p data-pagefind-meta="title" data-pagefind-ignore>Hội nghị Bộ trưởng' in html
    assert '<p data-pagefind-meta="kind" data-pagefind-ignore>Sự kiện</p>' in html
    assert f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">hoiǂ nghiǂ boǂ truongǂ' in html


def test_record_pages_give_their_kind_and_legal_documents_their_status(real_documents: Path):
    records = {record.url: record for record in searchable_records(real_documents)}
    expired = records["/van-ban/qd-45-2006-qd-ttg/"]
    assert (expired.kind, expired.status, expired.badge) == ("Văn bản pháp luật", "Hết hiệu lực toàn bộ", "mb-status-bad")
    assert '<p data-pagefind-meta="status" data-pagefind-ignore>Hết hiệu lực toàn bộ</p>' in expired.html()
    assert records["/van-ban/qd-09-2023-qd-ttg/"].badge == "mb-status-ok"
    assert (records["/thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/"].kind, records["/lien-he/"].kind) == ("Thủ tục hành chính", "Trang")


def test_a_procedure_page_indexes_what_citizens_look_for(real_documents: Path):
    """Steps, dossier items, fees, reception place, contacts and legal bases are in the text;
    section headings, table heads and "đang cập nhật" are not, and a fact's label only with its value."""
    record = next(record for record in searchable_records(real_documents) if record.url == "/thu-tuc/cap-ho-chieu-ngoai-giao-ho-chieu-cong-vu/")
    text = record.facts + " " + record.text
    for wanted in ("Nộp lệ phí và nhận hộ chiếu", "Quyết định cử hoặc cho phép đi công tác nước ngoài", "Cấp mới: 200.000 đồng",
                   "Nơi tiếp nhận và trả kết quả Cục Lãnh sự", "0205 3719 886", "Luật 49/2019/QH14"):
        assert wanted in text, wanted
    for unwanted in ("Trình tự thực hiện", "Thành phần hồ sơ", "đang cập nhật", "Ngày đăng", "Rà soát gần nhất", "Đánh dấu giấy tờ"):
        assert unwanted not in text, unwanted
    assert "Thời gian tiếp nhận" not in text, "the label of a value not known yet is left out"


def test_the_search_index_is_in_the_built_site_and_its_documents_are_not(real_site: Path):
    assert (real_site / "pagefind/pagefind.js").is_file()
    assert (real_site / "pagefind/pagefind-entry.json").is_file()
    assert not (real_site / DOCUMENTS_FILE).exists(), "the documents are read by the build, not by readers"
    assert not (real_site / "search/search_index.json").exists(), "Material's lunr index is not built"


CONTENT = """<h1 id="cap-ho-chieu">Cấp hộ chiếu <em>công vụ</em><a class="headerlink" href="#cap-ho-chieu" title="Permanent link">¶</a></h1>
<p class="mb-lead" id="tom-tat">Tóm tắt lặp lại.</p>
<div class="mb-alert mb-review-overdue" role="note"><div class="mb-inner">Quá hạn rà soát</div> từ ngày 01/01/2026.</div>
<p>Hồ sơ nộp tại <abbr title="Ủy ban > Sở">Sở</abbr> Ngoại vụ &amp; bộ phận một cửa.<!-- <h2>ẩn</h2> --></p>
<script>var x = "<p>không phải chữ</p>";</script>
<h2 id="ho-so">Hồ sơ<a class="headerlink" href="#ho-so">¶</a></h2>
<table><tr><td>Mã</td></tr></table>
<pre><code>lệnh</code></pre>
<p>Nộp trực tuyến.</p>"""


def test_a_record_is_read_with_an_html_parser_from_the_converted_content():
    """Markup that regular expressions over tags get wrong: `>` in an attribute, a lead with more
    attributes than its class, a notice with a block inside, markup in a comment or a script."""
    record = record_of(url="/thu-tuc/x/", language="vi", content=CONTENT, title="Không dùng", description="Mô tả của trang")
    assert record.title == "Cấp hộ chiếu công vụ"
    assert record.summary == "Mô tả của trang"
    assert (record.text, record.facts) == ("Hồ sơ nộp tại Sở Ngoại vụ & bộ phận một cửa. Nộp trực tuyến.", "Mã")
    hand_written = record_of(url="/x/", language="vi", content=CONTENT, title="", description="", headings=True)
    assert hand_written.text == "Hồ sơ nộp tại Sở Ngoại vụ & bộ phận một cửa. Hồ sơ Nộp trực tuyến.", "a hand-written page's headings are its own"


FACTS = """<h1>Thủ tục</h1><dl class="mb-facts"><dt>Lệ phí</dt><dd>50.000 đồng</dd>
<dt>Thời gian tiếp nhận</dt><dd><span class="mb-pending" title="x">đang cập nhật</span></dd>
<dt>Địa chỉ</dt><dd>Số 2 <b>Hoàng Văn Thụ</b></dd><dd>tầng 3</dd><dt>Trống</dt><dd> </dd></dl>
<p hidden>Gợi ý ẩn</p><p>Hết<img hidden src="x.png"> trang<br></p><input hidden><p>Sau cùng</p>"""


def test_a_label_is_indexed_in_front_of_a_value_with_words_only():
    record = record_of(url="/x/", language="vi", content=FACTS, title="", description="Mô tả")
    assert record.facts == "Lệ phí 50.000 đồng Địa chỉ Số 2 Hoàng Văn Thụ tầng 3"
    assert record.text == "Hết trang Sau cùng"


def test_facts_weigh_more_than_prose_so_the_page_that_states_a_fee_ranks_above_one_that_names_fees():
    """A procedure states its fee in a fact list or table cell; a circular names "phí, lệ phí" in its prose."""
    record = record_of(url="/x/", language="vi", title="", description="",
                       content='<h1>T</h1><table><tr><th scope="col">Phí, lệ phí</th><th>Trống</th></tr><tr><td data-label="Phí, lệ phí">'
                               '30.000 đồng</td><td data-label="Trống"> </td><td>Hà Nội</td></tr></table><p>Thu phí.</p>')
    assert (record.facts, record.text) == ("Phí, lệ phí 30.000 đồng Hà Nội", "Thu phí."), "a cell's column head is its label"
    assert f'<p data-pagefind-weight="{FACT_WEIGHT}">phiǂ leǂ phiǂ 30ǂ 000ǂ dongǂ haǂ noiǂ</p><p>thuǂ phiǂ</p>' in record.html()
    assert 1 < FACT_WEIGHT < SUMMARY_WEIGHT < TITLE_WEIGHT


def test_the_index_is_given_folded_words_weighted_by_place_and_real_text_as_metadata():
    record = SearchRecord(url="/x/", language="vi", title="Cấp <thị thực>", summary="Phí & lệ phí", text="Phía nước ngoài",
                          kind="Thủ tục hành chính", status="Hết hiệu lực toàn bộ", badge="mb-status-bad")
    assert record.html() == (
        '<html lang="vi"><body><p data-pagefind-meta="title" data-pagefind-ignore>Cấp &lt;thị thực&gt;</p>'
        '<p data-pagefind-meta="summary" data-pagefind-ignore>Phí &amp; lệ phí</p>'
        '<p data-pagefind-meta="kind" data-pagefind-ignore>Thủ tục hành chính</p>'
        '<p data-pagefind-meta="status" data-pagefind-ignore>Hết hiệu lực toàn bộ</p>'
        '<p data-pagefind-meta="badge" data-pagefind-ignore>mb-status-bad</p>'
        f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">capǂ thiǂ thucǂ</h1><p data-pagefind-weight="{SUMMARY_WEIGHT}">phiǂ leǂ phiǂ</p>'
        f'<p data-pagefind-weight="{FACT_WEIGHT}"></p><p>phiaǂ nuocǂ ngoaiǂ</p></body></html>')


def test_without_a_heading_or_description_the_record_takes_the_title_given_and_the_opening_text():
    record = record_of(url="/x/", language="vi", content="<p>Đơn vị <b>tiếp nhận</b> hồ sơ.</p>" + "<p>Câu.</p>" * 60,
                       title="Liên hệ", description="")
    assert record.title == "Liên hệ"
    assert record.summary.startswith("Đơn vị tiếp nhận hồ sơ. Câu.") and len(record.summary) <= 200


def test_a_record_read_in_slices_is_the_record_of_the_whole_content():
    """The content is read a slice at a time until the record is known: words, entities, tags and
    comments cut by a slice's end, a heading after the first slice and a summary from the text all
    come out as from the whole content."""
    words = [f"t{number}&agrave;<b>x</b>" if number % 7 == 0 else f"từ{number}" for number in range(60)]
    expected = " ".join(f"t{number}à x" if number % 7 == 0 else f"từ{number}" for number in range(60))
    for padding in range(600, 1100):  # every place of the first slice's end in the heading, the opening and the summary
        content = f"<h1>Tiêu <em>đề</em></h1><!--{'-' * padding}--><p>{' '.join(words)}</p>"
        record = record_of(url="/x/", language="vi", content=content, title="", description="")
        assert (record.title, record.text, record.summary) == ("Tiêu đề", expected, expected[:200]), padding
        described = record_of(url="/x/", language="vi", content=content, title="", description="Mô tả")
        assert (described.title, described.text, described.summary) == ("Tiêu đề", record.text, "Mô tả"), padding
        late = record_of(url="/x/", language="vi", content=f"<p>{'chữ ' * padding}</p><h1>Tiêu đề</h1>", title="Không dùng", description="")
        assert late.title == "Tiêu đề", padding


def test_malformed_html_never_raises_and_keeps_the_text_before_it():
    record = record_of(url="/x/", language="vi", content="<h1>Tiêu đề</h1><p>Nội dung đầu.</p><div><!['x</div><p>Sau.</p>",
                       title="", description="")
    assert (record.title, record.text) == ("Tiêu đề", "Nội dung đầu.")


def test_pages_read_by_a_background_worker_give_the_documents_read_in_line(tmp_path: Path):
    """`mkdocs build` reads pages for search in a forked worker while it converts the next ones (`parallel.Background`)."""
    from minhbach.site.parallel import Background

    def fill(documents: SearchDocuments) -> str:
        for number in range(30):
            documents.add(url=f"thu-tuc/{number}/", language="vi", content=CONTENT.replace("công vụ", f"công vụ {number}"),
                          title="Thủ tục &amp; hồ sơ", description="" if number % 2 else "Mô tả", kind="Thủ tục hành chính")
        documents.add(url="", language="vi", content=FACTS, title="Trang chủ")
        documents.forget(url="thu-tuc/3/")  # a page read again (`mkdocs serve --dirty`), or left out
        documents.exclude(url="thu-tuc/4/")
        for url in ("tam/", "an/"):  # ... while the worker may still be reading it
            documents.add(url=url, language="vi", content=CONTENT)
        documents.forget(url="tam/")
        documents.exclude(url="an/")
        documents.add(url="thu-tuc/5/", language="vi", content="<h1>Đổi tên</h1><p>Nội dung mới.</p>")
        folder = tmp_path / str(documents.background is not None)
        folder.mkdir()
        return documents.write(folder).read_text(encoding="utf-8")

    background = Background(workers=1)
    in_background = fill(SearchDocuments(site_name="Sở", background=background))
    background.close()
    assert in_background == fill(SearchDocuments(site_name="Sở"))
    written = json.loads(in_background)
    urls = [document["url"] for document in written["docs"]]
    assert "/thu-tuc/29/" in urls and not {"/thu-tuc/3/", "/tam/", "/an/"} & set(urls) and "/an/" in written["excluded"]
    assert "Đổi tên" in in_background


def test_the_documents_stand_in_the_site_name_and_description_for_what_a_page_lacks(tmp_path: Path):
    documents = SearchDocuments(site_name="Sở Ngoại vụ", site_description="Công khai &amp; minh bạch")
    documents.add(url="lien-he/", language="vi", content="<p>Điện thoại.</p>", title="", description="")
    documents.add(url="gioi-thieu/", language="vi", content="<p>Sở.</p>", title="Giới thiệu &lt;Sở&gt;", description="Về &quot;Sở&quot;")
    documents.write(tmp_path)
    (tmp_path / SOURCES_FILE).parent.mkdir(parents=True)
    (tmp_path / SOURCES_FILE).write_text(json.dumps({"lien-he/": "docs/lien-he.md", "gioi-thieu/": "docs/gioi-thieu.md"}), encoding="utf-8")
    records = {record.url: record for record in searchable_records(tmp_path)}
    assert (records["/lien-he/"].title, records["/lien-he/"].summary) == ("Sở Ngoại vụ", "Công khai &amp; minh bạch")
    assert (records["/gioi-thieu/"].title, records["/gioi-thieu/"].summary) == ("Giới thiệu <Sở>", 'Về "Sở"')


def _site_with_documents(site: Path, sources: dict[str, str], pages: dict[str, tuple[str, str, str]]) -> Path:
    """A built site as far as the index is concerned: the sources file and the documents of `pages`
    (URL -> language, title, text)."""
    documents = SearchDocuments()
    for url, (language, title, text) in pages.items():
        documents.add(url=url, language=language, content=f"<h1>{title}</h1><p>{text}</p>", description=title)
    site.mkdir(parents=True, exist_ok=True)
    documents.write(site)
    (site / SOURCES_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site / SOURCES_FILE).write_text(json.dumps(sources), encoding="utf-8")
    return site


def test_each_language_gets_an_index_of_its_own(tmp_path: Path):
    """Pagefind keeps one index per `<html lang>`; the search box loads the one of the page it is on."""
    pages = {"vi/ho-chieu/": ("vi", "Cấp hộ chiếu công vụ", "Hồ sơ đề nghị cấp hộ chiếu."),
             "en/passport/": ("en", "Official passport issue", "Documents for an official passport."),
             "zh/huzhao/": ("zh", "公务护照签发", "申请公务护照所需材料。")}
    site = _site_with_documents(tmp_path, {url: f"docs/{url}x.md" for url in pages}, pages)
    assert build_index(site) == 3
    languages = json.loads((site / INDEX_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    assert {language: entry["page_count"] for language, entry in languages.items()} == {"vi": 1, "en": 1, "zh": 1}


def test_a_published_page_without_a_search_document_is_an_error_not_a_silent_drop(tmp_path: Path):
    pages = {"thu-tuc/a/": ("vi", "Thủ tục A", "Hồ sơ A.")}
    site = _site_with_documents(tmp_path / "site", {"thu-tuc/a/": "data/a.yml", "thu-tuc/b/": "data/b.yml", "thu-tuc/": ""}, pages)
    with pytest.raises(SearchError, match="/thu-tuc/b/") as error:
        build_index(site)
    assert "/thu-tuc/a/" not in str(error.value)
    assert not (site / INDEX_DIR).exists()


def test_an_excluded_page_is_not_missing_from_the_index(tmp_path: Path):
    pages = {"thu-tuc/a/": ("vi", "Thủ tục A", "Hồ sơ A."), "huong-dan/": ("vi", "Hướng dẫn", "Cho cán bộ.")}
    documents = SearchDocuments()
    for url, (language, title, text) in pages.items():
        documents.add(url=url, language=language, content=f"<h1>{title}</h1><p>{text}</p>", description=title)
    documents.exclude(url="huong-dan/")
    site = tmp_path / "site"
    site.mkdir()
    documents.write(site)
    (site / SOURCES_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site / SOURCES_FILE).write_text(json.dumps({"thu-tuc/a/": "data/a.yml", "huong-dan/": "docs/huong-dan.md"}), encoding="utf-8")
    assert [record.url for record in searchable_records(site)] == ["/thu-tuc/a/"]


@pytest.mark.parametrize("broken", ["missing", "not json", '{"docs": [{"url": "/x/"}]}', '{"docs": 3}'])
def test_missing_or_unreadable_documents_are_an_error(tmp_path: Path, broken: str):
    site = _site_with_documents(tmp_path, {"thu-tuc/a/": "data/a.yml"}, {"thu-tuc/a/": ("vi", "A", "a")})
    if broken == "missing":
        (site / DOCUMENTS_FILE).unlink()
    else:
        (site / DOCUMENTS_FILE).write_text(broken, encoding="utf-8")
    with pytest.raises(SearchError, match=DOCUMENTS_FILE):
        build_index(site)


# A site layout that is not Material's: no `<article class="md-content__inner">`, no `<h1>` added by the theme.
OTHER_LAYOUT = """{% extends "base.html" %}
{% block container %}<main class="other-layout">{{ page.content }}</main>{% endblock %}
"""


def _indexed_count(site: Path) -> int:
    return sum(entry["page_count"] for index in (INDEX_DIR, ANNOUNCEMENTS_INDEX_DIR) if (site / index / "pagefind-entry.json").is_file()
               for entry in json.loads((site / index / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].values())


@pytest.mark.build
def test_the_index_does_not_depend_on_the_themes_layout(tmp_path: Path):
    """A theme override that changes the page layout leaves every page in the index."""
    root = make_site_project(tmp_path / "project", {"overrides/main.html": OTHER_LAYOUT})
    use_custom_dir(root, "overrides")
    result = build(root, tmp_path / "site", links=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "md-content__inner" not in (tmp_path / "site/thu-tuc/hop-phap-hoa/index.html").read_text(encoding="utf-8")
    sources = json.loads((tmp_path / "site" / SOURCES_FILE).read_text(encoding="utf-8"))
    published = [url for url, source in sources.items() if source and url != "./"]
    assert len(published) >= 2 and _indexed_count(tmp_path / "site") == len(published)


# Runs after the minhbach plugin's on_post_build (MkDocs runs hooks after plugins) and loses one page's document.
DROP_ONE = """import json, pathlib

def on_post_build(config):
    path = pathlib.Path(config.site_dir) / "search-documents.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["docs"] = [document for document in data["docs"] if document["url"] != "/thu-tuc/hop-phap-hoa/"]
    path.write_text(json.dumps(data), encoding="utf-8")
"""


@pytest.mark.build
def test_a_page_left_out_of_the_search_documents_fails_the_build_and_keeps_the_last_site(tmp_path: Path):
    root = make_site_project(tmp_path / "project", {"hooks/drop_one.py": DROP_ONE})
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "hooks:\n  - hooks/drop_one.py\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text("trang cũ", encoding="utf-8")
    result = build(root, tmp_path / "site", links=False)
    assert result.returncode == 1
    assert "/thu-tuc/hop-phap-hoa/" in result.stderr and "chỉ mục tìm kiếm" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "trang cũ"


def _without_search_block(lines: list[str], start: int, end: int) -> list[str]:
    return [*lines[:start], "<search block>", *lines[end + 1:]]


def _without_leading_comment(lines: list[str]) -> list[str]:
    assert lines[0].strip() == "{#-", "the file opens with a comment"
    return lines[next(number for number, line in enumerate(lines) if line.strip() == "-#}") + 1:]


def material_header_outside_search(text: str) -> list[str]:
    """Material's partials/header.html, its search block (the `{% if "material/search" in
    config.plugins %}` block, to its `{% endif %}`) replaced by one placeholder line."""
    lines = _without_leading_comment(text.splitlines())
    start = lines.index('    {% if "material/search" in config.plugins %}')
    depth = 0
    for end in range(start, len(lines)):
        depth += len(re.findall(r"{%-?\s*if\b", lines[end])) - len(re.findall(r"{%-?\s*endif\b", lines[end]))
        if depth == 0:
            return _without_search_block(lines, start, end)
    raise AssertionError("Material's search block never ends")


def our_header_outside_search(text: str) -> list[str]:
    """Our header, its marked search block replaced by the same placeholder line."""
    lines = _without_leading_comment(text.splitlines())
    start = next(number for number, line in enumerate(lines) if line.strip().startswith("{#- minhbach: search block."))
    end = lines.index("    {#- minhbach: end of the search block. #}")
    return _without_search_block(lines, start, end)


def test_header_override_is_materials_header_but_for_the_search_block():
    """theme/partials/header.html is a copy of Material's (its header has no block for the search
    box): outside the search block, it must be Material's installed header line for line, and it
    names the Material version it was copied from, which must be the installed one."""
    ours = HEADER.read_text(encoding="utf-8")
    named = re.search(r"Material for MkDocs (\d+\.\d+\.\d+) partials/header\.html", ours)
    assert named, "the copy names the Material version it was copied from"
    assert named.group(1) == version("mkdocs-material"), (
        f"the copy was made from Material {named.group(1)}, {version('mkdocs-material')} is installed: compare the headers, "
        "bring the copy up to date, and name the new version")
    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text(encoding="utf-8")
    assert our_header_outside_search(ours) == material_header_outside_search(theirs)
    block = ours[ours.index("{#- minhbach: search block."):ours.index("{#- minhbach: end of the search block. #}")]
    assert '{% include "partials/search.html" %}' in block and "config.plugins" not in block
