"""Form files named in a dossier must exist under docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, column_of, line_of, write_project


def test_missing_form_file(project: Path):
    (project / "docs/forms/to-khai.docx").unlink()
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    [finding] = [f for f in findings if f.code == "missing-file"]
    assert (finding.line, finding.column) == (line_of(PROCEDURE, "file:"), column_of(PROCEDURE, "forms/to-khai.docx"))
    assert "docs/forms/to-khai.docx" in finding.message


def test_file_names_are_case_sensitive(project: Path):
    text = PROCEDURE.replace("forms/to-khai.docx", "forms/To-Khai.docx")
    write_project(project, {"data/procedures/hop-phap-hoa.yml": text})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert [f.code for f in findings if f.is_error] == ["missing-file"]


@pytest.mark.parametrize("name", ["{{ 7*7 }}.md", "Mẫu đơn.docx", "forms/tờ khai.pdf", "办理.md", "a b.md", "x\u202e.md", "a;b.md"])
def test_docs_file_names_that_are_not_plain_are_refused_with_a_plain_one(project: Path, name: str):
    write_project(project, {f"docs/{name}": "x"})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    found = [f for f in findings if f.code == "bad-file-name"]
    assert [f.path for f in found] == [f"docs/{name}"] and found[0].is_error
    suggested = found[0].hint.split("docs/", 1)[1].split(",", 1)[0]
    assert re.fullmatch(r"[a-z0-9./_-]+", suggested), suggested


def test_plain_docs_file_names_pass(project: Path):
    write_project(project, {"docs/forms/to-khai_01.v2.docx": "x", "docs/.well-known/security.txt": "x"})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert not [f for f in findings if f.code == "bad-file-name"]
