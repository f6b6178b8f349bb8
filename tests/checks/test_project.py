"""Checking a project as a whole: every entry of data/ and docs/ that may not be read is a finding,
and is never followed or read."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from minhbach.mkdocs.options import ProjectSettings, read_config, read_settings
from minhbach.checks.project import check_project, docs_files
from tests.conftest import TODAY, UNIT, write_project

SECRET = "MINHBACH_TEST_SECRET=do-not-publish"


def limits() -> None:
    """A child that reads /dev/zero runs out of this much memory, or of this much disk, instead of the machine's."""
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
    resource.setrlimit(resource.RLIMIT_FSIZE, (200 * 1024**2, 200 * 1024**2))


def make_hostile(project: Path, outside: Path) -> dict[str, str]:
    """Entries of data/ and docs/ that must not be read; returns {shown path: expected code}."""
    (outside / "secret.yml").write_text(UNIT.replace("Phòng Một", SECRET), encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder/secret.md").write_text(SECRET, encoding="utf-8")
    data, docs = project / "data", project / "docs"
    docs.mkdir(exist_ok=True)
    (data / "units/zero.yml").symlink_to("/dev/zero")
    (data / "units/environ.yml").symlink_to("/proc/self/environ")
    (data / "units/secret.yml").symlink_to(outside / "secret.yml")
    (data / "units/broken.yml").symlink_to("nowhere.yml")
    os.mkfifo(data / "units/fifo.yml")
    (data / "units/folder.yml").mkdir()
    (data / "legal-copy").symlink_to(outside / "folder")
    (docs / "zero.pdf").symlink_to("/dev/zero")
    (docs / "environ.txt").symlink_to("/proc/self/environ")
    (docs / "secret.txt").symlink_to(outside / "secret.txt")
    (docs / "passwd.md").symlink_to("/etc/passwd")
    (docs / "etc").symlink_to("/etc")
    (docs / "loop").symlink_to(".")
    (docs / "folder").symlink_to(outside / "folder")
    (docs / "broken.md").symlink_to("nowhere.md")
    (docs / "trang.md").mkdir()
    os.mkfifo(docs / "fifo.md")
    return {
        "data/units/zero.yml": "symlink-outside", "data/units/environ.yml": "symlink-outside",
        "data/units/secret.yml": "symlink-outside", "data/units/broken.yml": "broken-symlink",
        "data/units/fifo.yml": "special-file", "data/units/folder.yml": "folder-not-file", "data/legal-copy": "symlink-folder",
        "docs/zero.pdf": "symlink-outside", "docs/environ.txt": "symlink-outside", "docs/secret.txt": "symlink-outside",
        "docs/passwd.md": "symlink-outside", "docs/etc": "symlink-folder", "docs/loop": "symlink-folder",
        "docs/folder": "symlink-folder", "docs/broken.md": "broken-symlink", "docs/trang.md": "folder-not-file",
        "docs/fifo.md": "special-file",
    }


def test_check_reports_every_entry_it_may_not_read_and_reads_none(project: Path, tmp_path_factory):
    expected = make_hostile(project, tmp_path_factory.mktemp("outside"))
    result = subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--today", TODAY.isoformat(), "--format", "json"],
                            cwd=project, capture_output=True, text=True, timeout=120, preexec_fn=limits)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr
    rows = json.loads(result.stdout)
    found = {row["path"]: row["code"] for row in rows if row["path"] in expected}
    assert found == expected
    assert all(row["severity"] == "error" and row["hint"] for row in rows if row["path"] in expected)
    assert "PATH=" not in result.stdout, "the environment behind /proc/self/environ is not read"


def test_data_and_docs_folders_must_be_inside_the_project(project: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    write_project(elsewhere, {"data/units/phong-mot.yml": UNIT.replace("Phòng Một", SECRET), "docs/index.md": SECRET})
    (project / "linked-data").symlink_to(elsewhere / "data")
    (project / "linked-docs").symlink_to(elsewhere / "docs")
    catalog, findings = check_project(project / "linked-data", project / "linked-docs", TODAY, display_base=project)
    assert [(f.path, f.code) for f in findings if f.code == "folder-outside"] == [("linked-data", "folder-outside"), ("linked-docs", "folder-outside")]
    assert catalog.units == [] and SECRET not in str(findings)


def test_a_form_file_that_links_out_of_docs_is_missing(project: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "to-khai.docx").write_text(SECRET, encoding="utf-8")
    (project / "docs/forms/to-khai.docx").unlink()
    (project / "docs/forms/to-khai.docx").symlink_to(outside / "to-khai.docx")
    assert "forms/to-khai.docx" not in docs_files(project / "docs")
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert {(f.path, f.code) for f in findings if f.is_error} == {("docs/forms/to-khai.docx", "symlink-outside"),
                                                                  ("data/procedures/hop-phap-hoa.yml", "missing-file")}


def test_a_form_file_linked_from_inside_docs_is_published(project: Path):
    (project / "docs/forms/to-khai.docx").rename(project / "docs/forms/to-khai-2026.docx")
    (project / "docs/forms/to-khai.docx").symlink_to("to-khai-2026.docx")
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert [f for f in findings if f.is_error] == []


def test_a_settings_file_that_is_not_a_plain_file_gives_the_defaults_without_being_read(tmp_path: Path):
    os.mkfifo(tmp_path / "fifo.yml")
    (tmp_path / "zero.yml").symlink_to("/dev/zero")
    (tmp_path / "folder.yml").mkdir()
    for name in ("fifo.yml", "zero.yml", "folder.yml", "missing.yml"):
        assert read_settings(tmp_path / name) == (ProjectSettings(root=tmp_path), [])
        assert read_config(tmp_path / name) == {}


def test_the_command_reads_a_project_named_by_its_config_from_another_folder(project: Path, tmp_path_factory):
    (project / "mkdocs.yml").write_text("site_name: Thử\n", encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    import shutil

    shutil.copytree(project / "data", elsewhere / "data")
    ok = subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--no-cache", "--today", TODAY.isoformat(), "--config",
                         str(project / "mkdocs.yml"), "--data", str(project / "data"), "--docs", str(project / "docs")],
                        cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    outside = subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--no-cache", "--today", TODAY.isoformat(), "--config",
                             str(project / "mkdocs.yml"), "--data", str(elsewhere / "data"), "--docs", str(project / "docs")],
                            cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert outside.returncode == 1 and "folder-outside" in outside.stdout
