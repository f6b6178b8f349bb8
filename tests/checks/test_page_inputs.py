"""Hand-written pages the check must refuse, so that the build never breaks on them or publishes them differently."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from minhbach.checks import pagehtml
from minhbach.checks.project import check_project
from tests.checks.test_pages import SITE_MACROS
from tests.conftest import TODAY, write_project
from tests.site_helpers import make_site_project, site_yml


def page_errors(project: Path, text: str, name: str = "trang.md") -> list:
    write_project(project, {f"docs/{name}": text})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project, macros=SITE_MACROS)
    return [f for f in findings if f.path == f"docs/{name}" and f.is_error]


@pytest.mark.parametrize("title", ["2026", "", "2026-01-02", "true", "[a, b]", "{a: b}"])
@pytest.mark.parametrize("renders", [False, True])
def test_a_title_that_is_not_text_is_an_error(project: Path, title: str, renders: bool):
    """mkdocs-macros 1.5 runs `has_j2(page.title)` on every page: a number, date or empty title raises
    TypeError (a traceback that stops the build); a list is published as its Python repr."""
    text = f"---\ntitle: {title}\n{'render_macros: true' if renders else ''}\n---\n# Trang\n\nĐoạn văn.\n"
    errors = page_errors(project, text)
    assert any(f.line == 2 for f in errors), errors


@pytest.mark.parametrize("first_lines", [
    "Email: songv@langson.gov.vn\n",
    "Hotline: 0205 3812 345\nFax: 0205 3812 346\n",
    "Note: trang đang cập nhật\n",
])
def test_first_lines_that_mkdocs_reads_as_multimarkdown_meta_are_reported(project: Path, first_lines: str):
    """MkDocs 1.6 (utils/meta.py get_data) reads `Key: value` lines at the top of a page without `---` as
    MultiMarkdown metadata and drops them from the page: the reader never sees them."""
    text = first_lines + "\nSở Ngoại vụ tỉnh Lạng Sơn.\n"
    errors = page_errors(project, text)
    assert any(f.line == 1 for f in errors), errors


class _Counting:
    def __init__(self) -> None:
        self.calls = 0
        self.original = pagehtml.render

    def __call__(self, text: str) -> str:
        self.calls += 1
        return self.original(text)


@pytest.mark.parametrize("line", ['<img src="https://e.example/{}.png">', 'chữ <span onclick="a{}">x</span>'])
def test_locating_problems_of_one_block_renders_the_page_a_bounded_number_of_times(monkeypatch, line: str):
    """800 such lines (30 KB) take 14 s: every problem renders a longer prefix of the block again."""
    counting = _Counting()
    monkeypatch.setattr(pagehtml, "render", counting)
    text = "# T\n\n" + "\n".join(line.format(i) for i in range(400)) + "\n"
    located = pagehtml.locate(text)
    assert len(located) == 400
    assert counting.calls <= 60, counting.calls


@pytest.mark.parametrize("body", [
    "<a " * 12000,  # 36 KB: 13 s in `minhbach check`, again in the build
    "<http://a" * 9000,  # 81 KB: 12 s
    "a|b\n-|-\n" + "`|`\\|" * 20000,  # 100 KB: 13 s
])
def test_markdown_constructs_that_python_markdown_parses_in_quadratic_time_are_too_complex(project: Path, body: str):
    errors = page_errors(project, "# T\n\n" + body + "\n")
    assert any(f.code == "markdown-too-complex" for f in errors), [f.code for f in errors]


def _check(root: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--config", str(root / "mkdocs.yml")],
                          cwd=root, capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("option", ["j2_line_statement_prefix: '%%'"])
def test_jinja_options_that_mkdocs_macros_forwards_are_known_to_the_check(tmp_path: Path, option: str):
    """mkdocs-macros 1.5 passes every `j2_*` key to Jinja; with a line statement prefix a page runs
    `%% set x = cycler.__init__.__globals__.os.popen(...)` under `mkdocs build`/`serve` (not strict),
    and `minhbach check` passes it."""
    yml = site_yml().replace(
        "on_error_fail: true", f"on_error_fail: true\n      {option}")
    page = "---\nrender_macros: true\n---\n\nXin chào.\n\n%% set x = cycler.__init__.__globals__.os.popen('true').read()\n"
    root = make_site_project(tmp_path, {"mkdocs.yml": yml, "docs/bad.md": page})
    result = _check(root)
    assert result.returncode == 1, result.stdout[-2000:]


def test_a_broken_link_to_a_page_is_found_by_the_check_at_its_line(tmp_path: Path):
    """The strict build stops on it with MkDocs' English message, which names no line."""
    root = make_site_project(tmp_path, {"docs/a.md": "# A\n\nXem thêm.\n\n[x](khong-co.md)\n"})
    result = _check(root)
    assert result.returncode == 1 and "docs/a.md:5:" in result.stdout, result.stdout[-2000:]


@pytest.mark.parametrize("epoch", ["100000000000", "253402275599"])
def test_a_source_date_epoch_the_build_cannot_write_is_refused_by_the_check(tmp_path: Path, epoch: str):
    """MkDocs writes sitemap.xml.gz with the epoch as gzip's 32-bit mtime: struct.error traceback."""
    root = make_site_project(tmp_path)
    assert _check(root, {"SOURCE_DATE_EPOCH": epoch}).returncode == 2
