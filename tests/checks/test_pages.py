"""Template syntax on hand-written pages: shown as written where macros do not render, code where they do."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minhbach.findings import Finding
from minhbach.checks.project import check_project
from minhbach.catalog.macros import MacrosConfig
from tests.conftest import TODAY, column_of, line_of, write_project
from tests.site_helpers import ROOT

SITE_MACROS = MacrosConfig.from_options({"module_name": "macros/main", "render_by_default": False}, ROOT)
OPT_IN = "---\nrender_macros: true\n---\n# Trang\n\n"
CODES = {"template-not-rendered", "template-unsafe", "template-syntax", "unknown-macro", "macro-arguments", "unknown-reference", "macros-module"}


def page_findings(project: Path, text: str, *, macros: MacrosConfig | None = SITE_MACROS, name: str = "trang.md") -> list[Finding]:
    write_project(project, {f"docs/{name}": text})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project, macros=macros)
    return [f for f in findings if f.path == f"docs/{name}" and f.code in CODES]


def where(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings]


# --- pages that do not render macros ------------------------------------------------------------


@pytest.mark.parametrize("written", [
    '{{ legal_badge("qd-khong-ton-tai") }}',
    "{{ x }}",
    "{%- if a %}b{% endif %}",
    "{# ghi chú #}",
    "*{{ x }}*",
    "[{{ x }}](https://example.org)",
    '<span title="{{ x }}">a</span>',
    "| a | {{ x }} |",
    "- {{ x }}",
    "> {{ x }}",
    '!!! note "Ghi chú"\n    {{ x }}',
    "``` (not a fence inside a paragraph) {{ x }}",
])
def test_template_syntax_on_a_page_that_does_not_render_macros_is_reported_where_it_is(project: Path, written: str):
    text = f"---\ntitle: Trang\n---\n# Trang\n\nĐoạn văn.\n\n{written}\n"
    findings = page_findings(project, text)
    assert findings and {f.code for f in findings} == {"template-not-rendered"}
    first = findings[0]
    marker = next(m for m in ("{{", "{%", "{#") if m in written)
    assert (first.line, first.column) == (line_of(text, marker), column_of(text, marker))
    assert first.is_error and "render_macros: true" in first.hint and "\\{{" in first.hint


@pytest.mark.parametrize("written", [
    "`{{ x }}` and ``{% raw %}``",
    "```\n{{ x }}\n{% for a in b %}\n```",
    "~~~text\n{{ x }}\n~~~",
    "    {{ indented code }}",
    "\\{{ x }} and \\{% y %} and \\{# z #}",
    "## Heading {#custom-id}",
    "<!-- {{ x }} -->",
    "<pre>{{ x }}</pre>",
    "{ {x} } and {x}",
])
def test_braces_in_code_escaped_or_not_template_syntax_are_fine(project: Path, written: str):
    assert page_findings(project, f"# Trang\n\n{written}\n") == []


def test_a_page_without_the_macros_plugin_shows_its_macros_as_written(project: Path):
    text = OPT_IN + '{{ legal_badge("nd-111-2011") }}\n'
    assert where(page_findings(project, text, macros=None)) == [("template-not-rendered", 6, 1)]


def test_render_macros_false_and_other_values_are_read_as_mkdocs_macros_reads_them(project: Path):
    call = '{{ legal_badge("nd-111-2011") }}\n'
    assert page_findings(project, "---\nrender_macros: 1\n---\n" + call) == []
    assert where(page_findings(project, '---\nrender_macros: "true"\n---\n' + call)) == [("template-not-rendered", 4, 1)]
    everywhere = MacrosConfig(SITE_MACROS.module, render_by_default=True)
    assert page_findings(project, "# Trang\n\n" + call, macros=everywhere) == []
    assert where(page_findings(project, "---\nrender_macros: false\n---\n" + call, macros=everywhere)) == [("template-not-rendered", 4, 1)]
    forced = MacrosConfig(SITE_MACROS.module, render_by_default=False, force_render_paths="bang/*.md\n")
    assert page_findings(project, "# Bảng\n\n" + call, macros=forced, name="bang/mot.md") == []


def test_a_title_with_template_syntax_is_reported_at_its_line(project: Path):
    shown = page_findings(project, "---\nowner: phong-mot\ntitle: \"Trang {{ x }}\"\n---\n# Trang\n")
    assert where(shown) == [("template-not-rendered", 3, 1)]
    rendered = page_findings(project, "---\nrender_macros: true\ntitle: \"{{ config }}\"\n---\n# Trang\n")
    assert where(rendered) == [("template-unsafe", 3, 1)]


# --- pages that render macros -------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    '{{ procedure_table() }}',
    '{{ procedure_table(field="lanh-su") }}',
    '{{ procedure_table(ids=["hop-phap-hoa"]) }}',
    '{{- procedure_table(ids=[\n  "hop-phap-hoa",\n]) -}}',
    '{{ legal_badge("nd-111-2011") }}',
    '{{ legal_badge(doc="nd-111-2011") }}',
    "{{ recent_changes(limit=8) }} {{ next_events(3) }} {{ newest_announcements() }} {{ open_policies() }} {{ unit_directory() }}",
    "{% raw %}{{ shown as written }} {% if x %}{% endraw %}",
    "`code` and text { with } braces",
])
def test_calls_of_registered_macros_with_literal_arguments_are_accepted(project: Path, written: str):
    assert page_findings(project, OPT_IN + written + "\n") == []


@pytest.mark.parametrize(("written", "code", "needle"), [
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "template-unsafe", "{{"),
    ("{{ x.__class__ }}", "template-unsafe", "{{"),
    ("{{ config }}", "template-unsafe", "{{"),
    ("{{ page.meta }}", "template-unsafe", "{{"),
    ("{{ '' | attr('__class__') }}", "template-unsafe", "{{"),
    ("{{ 7*7 }}", "template-unsafe", "{{"),
    ('{{ "text" }}', "template-unsafe", "{{"),
    ("{{ lipsum.__globals__ }}", "template-unsafe", "{{"),
    ("{{ legal_badge.__globals__ }}", "template-unsafe", "{{"),
    ("{{ legal_badge('a') if x else 1 }}", "template-unsafe", "{{"),
    ("{% set x = 1 %}", "template-unsafe", "{%"),
    ("{% include 'secret.md' %}", "template-unsafe", "{%"),
    ("{% for c in ''.__class__.__mro__ %}{% endfor %}", "template-unsafe", "{%"),
    ("{# hidden #}", "template-unsafe", "{#"),
    ("<!-- {{ config }} -->", "template-unsafe", "{{"),  # Jinja runs before Markdown: comments and code hide nothing
    ("`{{ config.site_name }}`", "template-unsafe", "{{"),
    ("```\n{{ config }}\n```", "template-unsafe", "{{"),
    ("{% raw %}{{ x }}", "template-syntax", "{%"),
    ("{{ context() }}", "unknown-macro", "context"),
    ("{{ macros_info() }}", "unknown-macro", "macros_info"),
    ("{{ now() }}", "unknown-macro", "now"),
    ("{{ legal_bagde('nd-111-2011') }}", "unknown-macro", "legal_bagde"),
    ("{{ range(10)|list }}", "template-unsafe", "{{"),
    ("{{ legal_badge(x) }}", "template-unsafe", "x)"),
    ("{{ legal_badge(legal_badge('nd-111-2011')) }}", "template-unsafe", "legal_badge('"),
    ("{{ legal_badge(doc|upper) }}", "template-unsafe", "upper"),
    ("{{ legal_badge(*args) }}", "template-unsafe", "*"),
    ("{{ procedure_table(**kw) }}", "template-unsafe", "*"),
    ("{{ procedure_table(ids=[x]) }}", "template-unsafe", "["),
    ("{{ procedure_table(ids=('a', 'b')) }}", "template-unsafe", "("),
    ("{{ legal_badge(", "template-syntax", "{{"),
    ("{{ legal_badge('nd-111-2011') }} {{ ) }}", "template-syntax", "{{ )"),
    ("text {#custom-id}", "template-syntax", "{#"),
])
def test_anything_but_a_macro_call_with_literals_is_reported_at_its_place(project: Path, written: str, code: str, needle: str):
    text = OPT_IN + "Đoạn đầu.\n\n" + written + "\n"
    findings = page_findings(project, text)
    assert findings, written
    first = findings[0]
    assert (first.code, first.line, first.column) == (code, line_of(text, needle), column_of(text, needle)), first
    assert first.is_error and first.message and first.hint


def test_the_allowed_names_come_from_the_macros_module(project: Path, tmp_path: Path):
    module = tmp_path / "other" / "macros.py"
    module.parent.mkdir()
    module.write_text("def define_env(env):\n    @env.macro\n    def bang(so: int = 1) -> str:\n        return ''\n\n"
                      "    env.macro(lambda: '', 'khac')\n", encoding="utf-8")
    config = MacrosConfig.from_options({"module_name": "macros", "render_by_default": False}, module.parent)
    assert page_findings(project, OPT_IN + "{{ bang(so=2) }} {{ khac() }}\n", macros=config) == []
    [finding] = page_findings(project, OPT_IN + "{{ legal_badge('nd-111-2011') }}\n", macros=config)
    assert finding.code == "unknown-macro" and "`bang`, `khac`" in finding.hint


@pytest.mark.parametrize(("written", "problem"), [
    ('{{ legal_badge("qd-khong-ton-tai") }}', "không có văn bản pháp luật nào mang mã 'qd-khong-ton-tai'"),
    ('{{ legal_badge("nd-111-2012") }}', "'nd-111-2012'"),
    ('{{ procedure_table(field="x") }}', "không có lĩnh vực nào mang mã 'x'"),
    ('{{ procedure_table(ids=["hop-phap-hoa", "khong-co"]) }}', "không có thủ tục hành chính nào mang mã 'khong-co'"),
    ('{{ procedure_table(ids=["lanh-su"]) }}', "'lanh-su'"),
])
def test_ids_given_to_macros_must_name_records_of_the_right_kind(project: Path, written: str, problem: str):
    [finding] = page_findings(project, OPT_IN + written + "\n")
    wrong = problem.split("'")[1]
    assert (finding.code, finding.line, finding.column) == ("unknown-reference", 6, written.index(wrong) + 1)
    assert problem in finding.message
    if wrong == "nd-111-2012":
        assert "nd-111-2011" in finding.hint


@pytest.mark.parametrize(("written", "problem"), [
    ('{{ procedure_table(feild="lanh-su") }}', "không có tham số `feild`"),
    ("{{ legal_badge() }}", "thiếu đối số `doc`"),
    ('{{ legal_badge("a", "b") }}', "nhiều nhất 1 đối số"),
    ('{{ legal_badge("nd-111-2011", doc="nd-111-2011") }}', "được cho hai lần"),
    ('{{ recent_changes(limit="5") }}', "phải là số nguyên"),
    ("{{ recent_changes(limit=5.0) }}", "phải là số nguyên"),
    ("{{ recent_changes(limit=0) }}", "phải từ 1 trở lên"),
    ("{{ recent_changes(limit=-3) }}", "phải từ 1 trở lên"),
    ("{{ recent_changes(limit=1000) }}", "không được lớn hơn 100"),
    ('{{ procedure_table(ids="hop-phap-hoa") }}', "phải là danh sách"),
    ("{{ legal_badge(5) }}", "chuỗi"),
])
def test_arguments_are_checked_against_the_signature(project: Path, written: str, problem: str):
    [finding] = page_findings(project, OPT_IN + written + "\n")
    assert finding.code == "macro-arguments" and problem in finding.message and finding.line == 6
    assert "Cách gọi: `{{" in finding.hint


def test_a_finding_in_a_call_written_over_several_lines_points_at_its_line(project: Path):
    text = OPT_IN + '{{ procedure_table(ids=[\n  "hop-phap-hoa",\n  "khong-co",\n]) }}\n'
    assert where(page_findings(project, text)) == [("unknown-reference", line_of(text, "khong-co"), column_of(text, "khong-co"))]


def test_a_broken_macros_module_is_a_finding_not_a_traceback(project: Path, tmp_path: Path):
    module = tmp_path / "hong.py"
    module.write_text("def define_env(env):\n    raise RuntimeError('hỏng')\n", encoding="utf-8")
    config = MacrosConfig.from_options({"module_name": "hong", "render_by_default": False}, tmp_path)
    write_project(project, {"docs/trang.md": OPT_IN + "{{ legal_badge('nd-111-2011') }}\n"})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=tmp_path, macros=config)
    assert ("macros-module", "hong.py", 2) in {(f.code, f.path, f.line) for f in findings}
    assert "unknown-macro" in {f.code for f in findings}
    missing = MacrosConfig.from_options({"module_name": "khong-co"}, tmp_path)
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=tmp_path, macros=missing)
    assert "macros-module" in {f.code for f in findings}


def test_the_site_pages_pass(tmp_path: Path):
    _, findings = check_project(ROOT / "data", ROOT / "docs", TODAY, display_base=ROOT, macros=SITE_MACROS)
    assert not [f for f in findings if f.code in CODES or f.path.startswith("docs/") and f.is_error]


_PIECES = ["{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", " raw ", " endraw ", "legal_badge", "procedure_table", "(", ")", "[", "]",
           "\"nd-111-2011\"", "'", "\"", ",", "=", "ids", "field", ".", "|", "x", "\n", "\n\n", "    ", "`", "```\n", "\\", "<!--", "-->",
           "<script>", "<img src=//a.example/x.png onerror=1>", "[a](javascript:1)", "{: onclick=1 }", "&#x61;", "办理", "đ", "\ufeff", "\x00"]


@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40), renders=st.booleans())
@settings(max_examples=300, deadline=None)
def test_any_page_text_gives_findings_inside_the_page_and_never_raises(pieces: list[str], renders: bool):
    from minhbach.catalog import Catalog
    from minhbach.checks import CheckContext
    from minhbach.checks import pages as page_checks
    from minhbach.catalog.docpages import DocPage
    from minhbach.load.source import SourceDocument

    body = "".join(pieces)
    macros, _ = _site_macros()
    page = DocPage("docs/trang.md", "trang.md", None, SourceDocument("docs/trang.md", {"render_macros": renders}), body, 4)
    findings = page_checks.check(Catalog(ROOT), CheckContext(today=TODAY, pages=(page,), macros=macros))
    lines = body.split("\n")
    for finding in findings:
        assert 4 <= finding.line < 4 + len(lines), finding
        assert 1 <= finding.column <= len(lines[max(finding.line - 4, 0)]) + 1, finding
        assert finding.message and finding.hint


@functools.cache
def _site_macros():
    from minhbach.catalog.macros import load_site_macros

    return load_site_macros(SITE_MACROS, display_base=ROOT)


# --- pages too complex to render ----------------------------------------------------------------


@pytest.mark.parametrize(("body", "line"), [
    ("Đoạn đầu.\n\n" + "[" * 10_000, 8),
    ("Đoạn đầu.\n\n" + "\n".join("    " * level + "- x" for level in range(400)), 29),
    ("Đoạn đầu.\n\n" + ">" * 400 + " trích", 8),
])
def test_a_page_too_complex_to_render_is_a_finding_at_its_line_and_is_not_rendered(project: Path, body: str, line: int):
    """Python-Markdown's link parsing is quadratic in '[' (10,000 took 25 s) and lists recurse (400
    levels: RecursionError); the check must answer at once, with the place."""
    write_project(project, {"docs/trang.md": "---\ntitle: Trang\n---\n# Trang\n\n" + body})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project, macros=SITE_MACROS)
    found = [(f.code, f.line) for f in findings if f.path == "docs/trang.md" and f.is_error]
    assert found == [("markdown-too-complex", line)]


@pytest.mark.parametrize(("front_matter", "problem"), [
    ("search:\n  exclude: true\n", None),
    ("search:\n  exclude: false\n", "`search` chỉ nhận `exclude: true`"),
    ("search: yes\n", "`search` chỉ nhận `exclude: true`"),
    ("search:\n  boost: 2\n", "`search` chỉ nhận `exclude: true`"),
    ("searhc:\n  exclude: true\n", "Có phải ý bạn là `search`?"),
])
def test_a_page_may_only_leave_search_with_materials_exclude_key(project: Path, front_matter: str, problem: str | None):
    write_project(project, {"docs/trang.md": f"---\n{front_matter}---\n# Trang\n"})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    found = [f for f in findings if f.path == "docs/trang.md" and f.code == "front-matter-key"]
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].is_error and found[0].line == 2
        assert problem in found[0].message + found[0].hint
