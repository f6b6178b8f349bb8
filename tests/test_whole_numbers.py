"""Counts written as YAML booleans are not numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.checks.project import check_project
from tests.conftest import PROCEDURE, TODAY, VALID_FILES, write_project


@pytest.mark.parametrize("before, after", [("originals: 1", "originals: yes"), ("copies: 0", "copies: no"), ("sets: 1", "sets: on")])
def test_a_count_written_as_yes_or_no_is_an_error(tmp_path: Path, before: str, after: str):
    """PyYAML reads yes/no/on/off as true/false and pydantic's lax int takes true as 1: `originals: yes` is published as 1."""
    write_project(tmp_path, {**VALID_FILES, "data/procedures/hop-phap-hoa.yml": PROCEDURE.replace(before, after, 1)})
    _, findings = check_project(tmp_path / "data", tmp_path / "docs", TODAY, display_base=tmp_path)
    line = PROCEDURE.split("\n").index(next(l for l in PROCEDURE.split("\n") if l.strip() == before)) + 1
    assert any(f.is_error and f.path == "data/procedures/hop-phap-hoa.yml" and f.line == line for f in findings)
