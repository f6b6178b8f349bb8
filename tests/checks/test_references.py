"""References to other records must resolve, with a did-you-mean for typos."""

from __future__ import annotations

from pathlib import Path

from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, line_of, column_of, write_project


def run(project: Path):
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return findings


def test_unknown_reference_is_an_error_with_a_suggestion(project: Path):
    text = PROCEDURE.replace("  - doc: nd-111-2011", "  - doc: nd-111-2012")
    write_project(project, {"data/procedures/hop-phap-hoa.yml": text})
    [finding] = [f for f in run(project) if f.code == "unknown-reference"]
    assert (finding.line, finding.column) == (line_of(text, "nd-111-2012"), column_of(text, "nd-111-2012"))
    assert "'nd-111-2011'" in finding.hint
    assert finding.is_error


def test_every_reference_kind_is_checked(project: Path):
    text = (
        PROCEDURE.replace("owner: phong-mot", "owner: phong-hai")
        .replace("field: lanh-su", "field: ngoai-vu")
        .replace("  unit: phong-mot", "  unit: phong-ba")
    )
    write_project(project, {"data/procedures/hop-phap-hoa.yml": text})
    lines = sorted(f.line for f in run(project) if f.code == "unknown-reference")
    assert lines == sorted([line_of(text, "owner:"), line_of(text, "field:"), line_of(text, "  unit:")])
