"""`mkdocs serve --dirty`: after an edit, only the pages it changes are built again, and the site served is
byte for byte the one a full build of the edited project writes (`minhbach.mkdocs.dirty`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from minhbach.mkdocs import dirty
from minhbach.pages import problems
from tests.conftest import NOTICE
from tests.site_helpers import make_site_project

SERVE_URL = "http://127.0.0.1:8000/"
PROCEDURE = "data/procedures/hop-phap-hoa.yml"
LEGAL = "data/legal/nd-111-2011.yml"
ANNOUNCEMENT = "data/notices/thong-bao-mot.yml"


def serve_build(root: Path, site: Path, *, dirty_build: bool) -> None:
    """One build as `mkdocs serve` runs it (`--dirty` or not): the configuration read again, as for every rebuild."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty_build)
    config.site_url = SERVE_URL
    try:
        build(config, serve_url=SERVE_URL, dirty=dirty_build)
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # the plugin's class-wide mode, for the tests after


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def times(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*.html")}


def edit(root: Path, relative: str, old: str, new: str) -> None:
    target = root / relative
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def served(tmp_path: Path):
    root = make_site_project(tmp_path / "project", {ANNOUNCEMENT: NOTICE, "docs/gioi-thieu.md": "# Giới thiệu\n\nVề Sở.\n"})
    edit(root, "mkdocs.yml", "  - Quy trình: quy-trinh/index.md\n", "  - Quy trình: quy-trinh/index.md\n  - gioi-thieu.md  # titled by its heading\n")
    site = tmp_path / "served"
    serve_build(root, site, dirty_build=True)
    yield root, site
    dirty.discard_all()


EDITS = [
    # (file, old text, new text, the page that shows it, a page the edit leaves alone if any)
    (PROCEDURE, "name: Hợp pháp hóa lãnh sự", "name: Hợp pháp hóa lãnh sự <b>mới</b>", "thu-tuc/hop-phap-hoa/index.html",
     "thong-bao/thong-bao-mot/index.html"),
    (LEGAL, "title: Về chứng nhận lãnh sự, hợp pháp hóa lãnh sự", "title: Về chứng nhận lãnh sự (sửa đổi)", "thu-tuc/hop-phap-hoa/index.html",
     "thong-bao/thong-bao-mot/index.html"),
    (ANNOUNCEMENT, "summary: Thay đổi cách nộp hồ sơ.", "summary: Thay đổi giờ nhận hồ sơ & cách nộp.", "thong-bao/thong-bao-mot/index.html",
     "thu-tuc/hop-phap-hoa/index.html"),
    ("data/units/phong-mot.yml", "name: Phòng Một", "name: Phòng Lãnh sự", "thu-tuc/hop-phap-hoa/index.html", None),  # owns every record
]


def test_each_edit_builds_again_only_its_pages_and_serves_what_a_full_build_writes(served, tmp_path: Path):
    root, site = served
    for number, (relative, old, new, shown_on, left_alone) in enumerate(EDITS):
        before = times(site)
        edit(root, relative, old, new)
        serve_build(root, site, dirty_build=True)
        after = times(site)
        assert after[shown_on] != before[shown_on], relative
        if left_alone is not None:
            assert after[left_alone] == before[left_alone], relative  # not built again
        full = tmp_path / f"full-{number}"
        serve_build(root, full, dirty_build=False)
        assert tree(site) == tree(full), relative


def add_record(root: Path) -> None:
    (root / "data/notices/thong-bao-hai.yml").write_text(NOTICE.replace("thong-bao-mot", "thong-bao-hai"), encoding="utf-8")


EVERY_PAGE = {
    "a new record": add_record,
    "the configuration": lambda root: edit(root, "mkdocs.yml", "  - Thủ tục: thu-tuc/index.md", "  - Thủ tục hành chính: thu-tuc/index.md"),
    "a page title shown in the navigation": lambda root: edit(root, "docs/gioi-thieu.md", "# Giới thiệu", "# Giới thiệu về Sở"),
}


@pytest.mark.parametrize("change", EVERY_PAGE.values(), ids=EVERY_PAGE.keys())
def test_a_change_every_page_shows_builds_every_page_again(served, tmp_path: Path, change):
    root, site = served
    before = times(site)
    change(root)
    serve_build(root, site, dirty_build=True)
    after = times(site)
    assert all(after[page] != before[page] for page in before)
    serve_build(root, tmp_path / "full", dirty_build=False)
    assert tree(site) == tree(tmp_path / "full")


def test_an_error_then_its_fix_serve_what_a_full_build_writes(served, tmp_path: Path):
    root, site = served
    edit(root, PROCEDURE, "field: lanh-su", "field: khong-co")  # a reference to no record: an error, previewed
    serve_build(root, site, dirty_build=True)
    serve_build(root, tmp_path / "broken", dirty_build=False)
    assert tree(site) == tree(tmp_path / "broken")
    edit(root, PROCEDURE, "field: khong-co", "field: lanh-su")
    serve_build(root, site, dirty_build=True)
    serve_build(root, tmp_path / "fixed", dirty_build=False)
    assert tree(site) == tree(tmp_path / "fixed")


def test_a_build_after_serving_in_the_same_process_previews_nothing(served):
    """MkDocs keeps the plugin's instance from one build to the next (it has `on_startup`): nothing of the preview stays."""
    from mkdocs.structure.files import get_files

    root, _ = served
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    assert problems.ERRORS_PAGE not in {file.src_uri for file in files}
