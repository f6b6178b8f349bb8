"""The data folder: one folder per kind, one file per record, ids unique and equal to file names."""

from __future__ import annotations

from pathlib import Path

from minhbach.catalog import load_catalog
from tests.conftest import UNIT, write_project


def codes(findings):
    return [f.code for f in findings]


def test_valid_project_loads_every_kind(project: Path):
    catalog, findings = load_catalog(project / "data", display_base=project)
    assert findings == []
    assert [p.id for p in catalog.procedures] == ["hop-phap-hoa"]
    assert [u.id for u in catalog.units] == ["phong-mot"]
    assert catalog.get("legal", "nd-111-2011") is not None
    assert catalog.get("field", "lanh-su") is not None


def test_finding_paths_are_relative_to_the_project(project: Path):
    write_project(project, {"data/units/phong-hai.yml": "- 1\n"})
    _, findings = load_catalog(project / "data", display_base=project)
    assert [f.path for f in findings] == ["data/units/phong-hai.yml"]


def test_id_must_match_the_file_name(project: Path):
    write_project(project, {"data/units/phong-hai.yml": UNIT})
    _, findings = load_catalog(project / "data", display_base=project)
    [finding] = [f for f in findings if f.code == "id-mismatch"]
    assert (finding.path, finding.line, finding.column) == ("data/units/phong-hai.yml", 1, 5)


def test_duplicate_ids_are_reported_with_the_first_file(project: Path):
    write_project(project, {"data/units/phong-mot.yaml": UNIT})
    catalog, findings = load_catalog(project / "data", display_base=project)
    [finding] = [f for f in findings if f.code == "duplicate-id"]
    assert finding.path == "data/units/phong-mot.yml" or finding.path == "data/units/phong-mot.yaml"
    assert (finding.line, finding.column) == (1, 5)
    assert "data/units/phong-mot" in finding.message
    assert len(catalog.units) == 1


def test_records_outside_kind_folders_are_errors_not_silently_dropped(project: Path):
    write_project(project, {"data/phong-ba.yml": UNIT, "data/thu-tuc/abc.yml": UNIT})
    _, findings = load_catalog(project / "data", display_base=project)
    assert codes(findings) == ["unknown-folder", "unknown-folder"]


def test_stray_files_are_warned_about_and_readmes_and_hidden_files_ignored(project: Path):
    write_project(project, {"data/units/anh.png": b"\x89PNG", "data/README.md": "# Dữ liệu", "data/.editorconfig": "x"})
    _, findings = load_catalog(project / "data", display_base=project)
    assert [(f.code, f.severity.value) for f in findings] == [("stray-file", "warning")]


def test_missing_data_folder(tmp_path: Path):
    _, findings = load_catalog(tmp_path / "data", display_base=tmp_path)
    assert codes(findings) == ["no-data"]


def test_reading_in_worker_processes_gives_what_reading_here_gives(monkeypatch):
    import minhbach.catalog
    from tests.site_helpers import ROOT

    def everything():
        catalog, findings = load_catalog(ROOT / "data", display_base=ROOT)
        return {(e.kind.name, e.record.id): e.record for e in catalog.all_entries()}, findings

    monkeypatch.setattr(minhbach.catalog, "available_cores", lambda: 1)
    here = everything()
    monkeypatch.setattr(minhbach.catalog, "available_cores", lambda: 2)
    monkeypatch.setattr(minhbach.catalog, "PARALLEL_FROM", 1)
    assert everything() == here
    assert len(here[0]) > 20
