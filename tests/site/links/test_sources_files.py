"""Where a link is fixed: the source file named by the built site is read only inside the project."""

from __future__ import annotations

import os
from pathlib import Path

from minhbach.site.links.sources import line_of


def test_the_line_naming_a_target_is_found_in_a_source_of_the_project(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.md").write_text("# A\n\n[xem](b.md)\n", encoding="utf-8")
    assert line_of(tmp_path, "docs/a.md", "b.md") == 3


def test_a_source_outside_the_project_special_or_endless_is_not_read(tmp_path: Path, tmp_path_factory):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("[xem](b.md)\n", encoding="utf-8")
    (project / "docs/out.md").symlink_to(outside)
    (project / "docs/zero.md").symlink_to("/dev/zero")
    os.mkfifo(project / "docs/fifo.md")
    for source in (str(outside), os.path.relpath(outside, project), "docs/out.md", "docs/zero.md", "docs/fifo.md", "/dev/zero"):
        assert line_of(project, source, "b.md") == 0, source
