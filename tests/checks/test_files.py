"""Form files named in a dossier must exist under docs/."""

from __future__ import annotations

from pathlib import Path

from minhbach.project import check_project
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
