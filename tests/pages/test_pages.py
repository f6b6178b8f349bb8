"""Page text, without MkDocs: escaping, links between pages, pending markers."""

from __future__ import annotations

from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.pages import PageRenderer, md, relative
from minhbach.site.parallel import run_all


def test_markdown_escaping_shows_text_as_written():
    assert md("*đậm* <b>x</b> [a](b) # 1. _y_") == r"\*đậm\* &lt;b&gt;x&lt;/b&gt; \[a\]\(b\) \# 1. \_y\_"
    assert md("- không phải danh sách") == r"\- không phải danh sách"
    assert md("1. không phải danh sách") == r"1\. không phải danh sách"
    assert md("dòng một\ndòng hai") == "dòng một dòng hai"


def test_relative_links_between_docs_files():
    assert relative("van-ban/a.md", start="thu-tuc/b.md") == "../van-ban/a.md"
    assert relative("thu-tuc/b.md", start="index.md") == "thu-tuc/b.md"


def test_pages_rendered_by_forked_workers_equal_pages_rendered_in_order(project: Path):
    renderer = PageRenderer(catalog=load_catalog(project / "data")[0])
    jobs = renderer.page_jobs()
    in_workers = run_all([job.render for job in jobs], workers=2, min_jobs=1, chunk=1)
    assert [(job.path, text, job.source) for job, text in zip(jobs, in_workers)] == [
        (page.path, page.markdown, page.source) for page in renderer.pages()]


def test_raw_html_links_follow_directory_urls(project: Path):
    catalog, _ = load_catalog(project / "data")
    assert PageRenderer(catalog).href("forms/x.docx", "thu-tuc/a.md") == "../../forms/x.docx"
    assert PageRenderer(catalog).href("forms/x.docx", "thu-tuc/index.md") == "../forms/x.docx"
    assert PageRenderer(catalog, directory_urls=False).href("forms/x.docx", "thu-tuc/a.md") == "../forms/x.docx"


def test_every_record_gets_a_page_and_pending_parts_say_so(project: Path):
    catalog, _ = load_catalog(project / "data")
    pages = {page.path: page for page in PageRenderer(catalog).pages()}
    assert set(pages) == {"thu-tuc/index.md", "van-ban/index.md", "quy-trinh/index.md", "thong-bao/index.md", "du-lieu/index.md", "minh-bach/index.md",
                          "thu-tuc/hop-phap-hoa.md", "thu-tuc/hop-phap-hoa/niem-yet.md", "van-ban/nd-111-2011.md"}
    procedure = pages["thu-tuc/hop-phap-hoa.md"]
    assert procedure.source == "data/procedures/hop-phap-hoa.yml" or procedure.source.endswith("data/procedures/hop-phap-hoa.yml")
    assert "đang cập nhật" in procedure.markdown
    assert '<a href="../../van-ban/nd-111-2011/">Nghị định 111/2011/NĐ-CP</a>' in procedure.markdown
    legal = pages["van-ban/nd-111-2011.md"].markdown
    assert '<a href="../../thu-tuc/hop-phap-hoa/">Hợp pháp hóa lãnh sự</a>' in legal


def test_escaped_text_renders_exactly_as_written():
    import markdown

    text = "a~b | c *d* _e_ [f](g) `h` #i {j} !k 1. l - m <n> & o"
    html = markdown.markdown(str(md(text)), extensions=["tables", "attr_list"])
    assert html == "<p>a~b | c *d* _e_ [f](g) `h` #i {j} !k 1. l - m &lt;n&gt; &amp; o</p>"


def test_raw_html_links_to_pages_use_their_built_urls(project: Path):
    catalog, _ = load_catalog(project / "data")
    assert PageRenderer(catalog).href("thu-tuc/b.md", "quy-trinh/a.md") == "../../thu-tuc/b/"
    assert PageRenderer(catalog).href("thu-tuc/index.md", "index.md") == "thu-tuc/"
    assert PageRenderer(catalog, directory_urls=False).href("thu-tuc/b.md", "quy-trinh/a.md") == "../thu-tuc/b.html"


def _internal_from(procedure_text: str) -> str:
    """The test procedure without the parts only public procedures have."""
    import re

    text = procedure_text.replace("id: hop-phap-hoa", "id: noi-bo-mot")
    for key in ("national_code", "agency_code", "level"):
        text = re.sub(rf"^{key}:.*\n", "", text, flags=re.M)
    text = re.sub(r"^reception:\n(  .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^online:\n(  .*\n)+", "", text, flags=re.M)
    return text + "code: NB-01\n"


def test_internal_procedures_have_their_own_pages_and_list(project: Path):
    from tests.conftest import PROCEDURE, write_project

    write_project(project, {"data/internal-procedures/noi-bo-mot.yml": _internal_from(PROCEDURE)})
    catalog, findings = load_catalog(project / "data")
    assert findings == []
    pages = {page.path: page.markdown for page in PageRenderer(catalog).pages()}
    page = pages["thu-tuc-noi-bo/noi-bo-mot.md"]
    assert "Thủ tục hành chính nội bộ" in page and "NB-01" in page
    assert "## 10. Căn cứ pháp lý" in page and "Dịch vụ công trực tuyến" not in page
    assert '<a href="../thu-tuc-noi-bo/noi-bo-mot/">Hợp pháp hóa lãnh sự</a>' in pages["quy-trinh/index.md"]


def test_every_record_of_a_kind_with_pages_gets_its_page_and_no_other_record_does(project: Path):
    from minhbach.model import KINDS
    from minhbach.pages.paths import page_path
    from minhbach.pages.renderer import RECORD_PAGES
    from tests.conftest import EVENT, FUNDING, NOTICE, PROCEDURE, WORKFLOW, write_project

    assert set(RECORD_PAGES) == {name for name, kind in KINDS.items() if kind.page_dir}
    write_project(project, {"data/internal-procedures/noi-bo-mot.yml": _internal_from(PROCEDURE), "data/workflows/qt-hop-phap-hoa.yml": WORKFLOW,
                            "data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING, "data/notices/thong-bao-mot.yml": NOTICE})
    catalog, findings = load_catalog(project / "data")
    assert findings == []
    entries = list(catalog.all_entries())
    assert {entry.kind.name for entry in entries} == set(KINDS)
    record_jobs = {job.path: job.source for job in PageRenderer(catalog).page_jobs() if job.source}
    assert record_jobs == {page_path(entry.record): entry.path for entry in entries if entry.kind.page_dir}
    assert set(record_jobs) == {"thu-tuc/hop-phap-hoa.md", "thu-tuc-noi-bo/noi-bo-mot.md", "quy-trinh/qt-hop-phap-hoa.md", "van-ban/nd-111-2011.md",
                                "thong-bao/hoi-cho-mot.md", "thong-bao/quy-mot.md", "thong-bao/thong-bao-mot.md"}
