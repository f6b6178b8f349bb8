"""The site's macros, read from its module; failures while building point at the Markdown file."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from minhbach.catalog.macros import MacroFailed, MacrosConfig, file_line, load_site_macros, report_failures, signature
from tests.site_helpers import ROOT


def test_the_registered_macros_are_read_from_the_site_module():
    config = MacrosConfig.from_options({"module_name": "macros/main", "render_by_default": False}, ROOT)
    macros, findings = load_site_macros(config, display_base=ROOT)
    assert findings == []
    assert set(macros.functions) == {"procedure_table", "legal_badge", "recent_changes", "next_events", "newest_announcements",
                                     "open_policies", "unit_directory", "record_kinds"}
    assert list(signature(macros.functions["procedure_table"]).parameters) == ["field", "ids"]


def test_options_follow_mkdocs_macros_names_and_defaults(tmp_path: Path):
    default = MacrosConfig.from_options({}, tmp_path)
    assert (default.module, default.render_by_default, default.jinja) == (tmp_path / "main", True, ())
    changed = MacrosConfig.from_options({"j2_variable_start_string": "<<", "j2_variable_end_string": ">>", "j2_extensions": ["x"]}, tmp_path)
    assert dict(changed.jinja) == {"variable_start_string": "<<", "variable_end_string": ">>"}


@pytest.mark.parametrize(("template", "line", "expected"), [
    ("# T\n\na\n\n{{ x() }}\n", 5, 9),  # the front matter (4 lines) is gone
    ("# T\n\n!!! warning\n    quá hạn\n\na\n\n{{ x() }}\n", 8, 9),  # and a block was added after the title
    ("# T\n\nkhông có trong tệp\n", 3, None),
])
def test_a_template_line_is_mapped_back_to_the_file_line(template: str, line: int, expected: int | None):
    source = "---\ntitle: T\nrender_macros: true\n---\n# T\n\na\n\n{{ x() }}\n"
    assert file_line(template, source, line) == expected


def test_a_failing_macro_raises_a_finding_at_the_markdown_line(tmp_path: Path):
    """Checked with Jinja 3.1.6: the compiled template's globals hold `__jinja_template__`, whose
    `get_corresponding_lineno` maps the running line back to the template line."""
    source = "---\nrender_macros: true\n---\n# Trang\n\nĐoạn.\n\nBảng: {{ hong(\"a\") }}\n"
    page = tmp_path / "docs" / "trang.md"
    page.parent.mkdir()
    page.write_text(source, encoding="utf-8")
    template = "# Trang\n\nĐoạn.\n\nBảng: {{ hong(\"a\") }}\n"
    env = SimpleNamespace(markdown=template, page=SimpleNamespace(file=SimpleNamespace(abs_src_path=str(page), src_path="trang.md")),
                          conf=SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))

    def hong(ma: str) -> str:
        raise ValueError(f"không có bản ghi '{ma}'")

    jinja = jinja2.Environment()
    jinja.globals["hong"] = report_failures(env, hong)
    with pytest.raises(MacroFailed) as raised:
        jinja.from_string(template).render()
    finding = raised.value.finding
    assert (finding.path, finding.line, finding.column, finding.code) == ("docs/trang.md", 8, 7, "macro-failed")
    assert "không có bản ghi 'a'" in finding.message
    assert str(raised.value).startswith("docs/trang.md:8:7: error[macro-failed]: hàm `hong` không chạy được")
    assert signature(jinja.globals["hong"]) == signature(hong)
