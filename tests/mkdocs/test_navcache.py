"""Material's navigation is rendered once for the pages that share it, with the very same HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import material

from tests.site_helpers import build, make_site_project, use_custom_dir


def test_pages_with_the_shared_nav_are_byte_identical_to_pages_rendered_with_materials_own(tmp_path: Path):
    root = make_site_project(tmp_path / "project")
    assert build(root, tmp_path / "cached", links=False).returncode == 0
    # A custom_dir comes before minhbach's theme folder: with Material's own nav.html in it, every page renders its nav itself.
    shutil.copy(Path(material.__file__).parent / "templates/partials/nav.html", (root / "own-nav/partials").mkdir(parents=True) or root / "own-nav/partials")
    use_custom_dir(root, "own-nav")
    assert build(root, tmp_path / "own", links=False).returncode == 0

    pages = sorted(path.relative_to(tmp_path / "own") for path in (tmp_path / "own").rglob("*.html"))
    assert len(pages) > 5 and any(str(page).startswith("thu-tuc/hop-phap-hoa") for page in pages)
    for page in pages:
        assert (tmp_path / "cached" / page).read_bytes() == (tmp_path / "own" / page).read_bytes(), page
