"""What MkDocs collects from docs/ and the theme's custom_dir is held to what the engine may read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from minhbach.mkdocs.files import drop_unsafe, refuse_unsafe
from tests.site_helpers import make_site_project, use_custom_dir
from tests.checks.test_project import SECRET, limits, make_hostile


def config_of(root: Path, **overrides):
    return load_config(config_file=str(root / "mkdocs.yml"), **overrides)


def test_files_mkdocs_collected_through_links_out_or_special_entries_are_dropped(tmp_path: Path, tmp_path_factory, caplog):
    root = make_site_project(tmp_path / "site-project")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder/secret.md").write_text(SECRET, encoding="utf-8")
    docs = root / "docs"
    (docs / "secret.txt").symlink_to(outside / "secret.txt")
    (docs / "environ.txt").symlink_to("/proc/self/environ")
    (docs / "folder").symlink_to(outside / "folder")
    (docs / "broken.pdf").symlink_to("nowhere.pdf")
    os.mkfifo(docs / "fifo.md")
    (docs / "mau.docx").symlink_to("forms/to-khai.docx")
    (docs / ".well-known").mkdir()
    (docs / ".well-known/security.txt").write_text("Contact: mailto:a@example.org\n", encoding="utf-8")
    (docs / ".well-known/secret.txt").symlink_to(outside / "secret.txt")
    config = config_of(root)
    files = get_files(config)
    collected = {file.src_uri for file in files}
    assert {"secret.txt", "environ.txt", "folder/secret.md", "broken.pdf", "fifo.md"} <= collected, "MkDocs follows them all"
    removed = drop_unsafe(files, config)
    assert sorted(removed) == [".well-known/secret.txt", "broken.pdf", "environ.txt", "fifo.md", "folder/secret.md", "secret.txt"]
    assert sorted(file.src_uri for file in files) == [".well-known/security.txt", "forms/to-khai.docx", "index.md", "mau.docx"]
    assert len([r for r in caplog.records if r.levelname == "ERROR"]) == 6


def test_the_theme_custom_dir_is_held_to_the_same_rules(tmp_path: Path, tmp_path_factory):
    root = make_site_project(tmp_path / "site-project")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.css").write_text(SECRET, encoding="utf-8")
    overrides = root / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets/extra.css").write_text("body {}", encoding="utf-8")
    (overrides / "assets/secret.css").symlink_to(outside / "secret.css")
    use_custom_dir(root, "overrides")
    config = config_of(root)
    with pytest.raises(PluginError):
        refuse_unsafe(config, [])
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    assert files.get_file_from_path("assets/secret.css") is not None
    assert drop_unsafe(files, config) == ["assets/secret.css"]
    assert files.get_file_from_path("assets/extra.css") is not None


def test_a_docs_folder_outside_the_project_publishes_nothing(tmp_path: Path, tmp_path_factory):
    root = make_site_project(tmp_path / "site-project")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "secret.md").write_text(SECRET, encoding="utf-8")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8") + "docs_dir: linked-docs\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    (root / "linked-docs").symlink_to(elsewhere)
    config = config_of(root)
    files = get_files(config)
    assert drop_unsafe(files, config) == ["secret.md"] and len(files) == 0


def test_a_preview_does_not_start_on_a_docs_folder_with_a_link_to_a_folder(tmp_path: Path):
    """`mkdocs serve` shows data errors without stopping, but MkDocs would walk a link to `.` without end."""
    root = make_site_project(tmp_path / "site-project")
    (root / "docs/loop").symlink_to(".")
    (root / "docs/loop-2").symlink_to(".")
    from minhbach.mkdocs.plugin import MinhbachPlugin

    plugin = MinhbachPlugin()
    plugin.load_config({})
    MinhbachPlugin.command = "serve"
    try:
        with pytest.raises(PluginError):
            plugin.on_config(config_of(root))
    finally:
        MinhbachPlugin.command = "build"


@pytest.mark.build
def test_a_build_with_links_out_devices_and_fifos_fails_and_publishes_nothing(tmp_path: Path, tmp_path_factory):
    root = make_site_project(tmp_path / "site-project")
    make_hostile(root, tmp_path_factory.mktemp("outside"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    result = subprocess.run([sys.executable, "-m", "minhbach.site.build", "--config", str(root / "mkdocs.yml"), "--output", str(root / "site")],
                            cwd=root, env=env, capture_output=True, text=True, timeout=300, preexec_fn=limits)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and SECRET not in result.stderr
    for path in ("docs/zero.pdf", "docs/environ.txt", "docs/loop", "docs/fifo.md", "data/units/zero.yml"):
        assert path in result.stderr
    assert not (root / "site").exists()
    assert not list(root.glob(".site-build-*"))
