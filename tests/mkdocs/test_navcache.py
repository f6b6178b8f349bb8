"""Material's navigation is rendered once for the pages that share it, with the very same HTML.

Checked on mkdocs-material 9.8.2 and MkDocs 1.6.1, whose templates decide what the nav depends on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.utils import get_relative_url

from minhbach.mkdocs.navcache import NavCache
from tests.site_helpers import build, make_site_project, site_config

HAND_WRITTEN = {
    "docs/muc/index.md": "# Mục\n\nTrang đầu mục.\n",
    "docs/muc/trang.md": "# Trang trong mục\n\nNội dung.\n",
    "docs/a/x.md": "# Trang X\n\nNội dung.\n",
    "docs/b/y.md": "# Trang Y\n\nNội dung.\n",
    "docs/a/sau/z.md": "# Trang Z\n\nNội dung.\n",
}


def _nav_yml(directory_urls: bool, custom_dir: str | None) -> str:
    """A nav with a section and its index page, a record page, relative links (one to a page that is
    not in the nav, one above the site) and an external link; the site's features plus section indexes,
    a logo and a home link of the site's own (both relative URLs in Material's nav)."""
    features = "".join(f"    - {feature}\n" for feature in [*site_config().theme["features"], "navigation.indexes"])
    x_url = "a/x/" if directory_urls else "a/x.html"
    return (f"nav:\n  - Trang chủ: index.md\n  - Mục:\n      - muc/index.md\n      - muc/trang.md\n"
            f"  - Hợp pháp hóa: thu-tuc/hop-phap-hoa.md\n  - Thủ tục: thu-tuc/index.md\n  - Trang X: {x_url}\n"
            f"  - Cổng tỉnh: ../cong-tinh/\n  - Bộ Ngoại giao: https://mofa.gov.vn/\n"
            f"theme:\n  logo: assets/logo.png\n  features:\n{features}" + (f"  custom_dir: {custom_dir}\n" if custom_dir else "") +
            "extra:\n  homepage: ../cong-tinh/\n  alternate: []\nvalidation:\n  nav:\n    not_found: info\n"
            f"use_directory_urls: {'true' if directory_urls else 'false'}\n")


def _project(root: Path, directory_urls: bool, custom_dir: str | None = None) -> Path:
    make_site_project(root, HAND_WRITTEN)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text[:text.index("nav:\n")] + text[text.index("plugins:\n"):]
    config.write_text(text + _nav_yml(directory_urls, custom_dir), encoding="utf-8")
    return root


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_is_byte_identical_to_the_page_rendered_with_materials_own_nav(tmp_path: Path, directory_urls: bool):
    root = _project(tmp_path / "project", directory_urls)
    cached = build(root, tmp_path / "cached", links=False)
    assert cached.returncode == 0, cached.stderr[-3000:]
    # A custom_dir comes before minhbach's theme folder: with Material's own nav.html in it, every page renders its nav itself.
    _project(root, directory_urls, custom_dir="own-nav")
    (root / "own-nav/partials").mkdir(parents=True)
    shutil.copy(Path(material.__file__).parent / "templates/partials/nav.html", root / "own-nav/partials")
    own = build(root, tmp_path / "own", links=False)
    assert own.returncode == 0, own.stderr[-3000:]

    pages = sorted(path.relative_to(tmp_path / "own") for path in (tmp_path / "own").rglob("*.html"))
    assert {"a/sau/z", "thu-tuc/hop-phap-hoa", "van-ban/nd-111-2011", "muc"} <= {str(page.with_suffix("")).removesuffix("/index")
                                                                                   for page in pages}
    for page in pages:
        assert (tmp_path / "cached" / page).read_bytes() == (tmp_path / "own" / page).read_bytes(), page


def _pages_and_nav(root: Path):
    """The site's pages (the plugin's records included) and nav, as MkDocs makes them for a build."""
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = get_navigation(files, config)
    return {file.src_uri: file.page for file in files.documentation_pages()}, nav, config


def test_pages_share_a_nav_only_when_every_url_of_it_comes_out_the_same(tmp_path: Path):
    pages, nav, config = _pages_and_nav(_project(tmp_path, directory_urls=True))
    cache = NavCache()

    def key(src_uri: str) -> str:
        page = pages[src_uri]
        return cache.key(page, nav, config, get_relative_url(".", page.url))  # base_url, as MkDocs 1.6 sets it

    assert key("index.md") == key("muc/index.md") == key("thu-tuc/hop-phap-hoa.md") == "", "pages in the nav render it themselves"
    # Same folder depth, and the same relative URL for every entry of the nav: one rendering.
    assert key("van-ban/nd-111-2011.md") == key("b/y.md") != ""
    # The nav's link to a/x/ is "./" on that page and "../../a/x/" on b/y/.
    assert key("a/x.md") != key("b/y.md")
    assert key("a/sau/z.md") not in (key("a/x.md"), key("b/y.md"))
