"""Helpers for tests that run real MkDocs builds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import VALID_FILES, write_project

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Thử nghiệm
theme:
  name: material
  language: vi
  font: false
nav:
  - Trang chủ: index.md
  - Thủ tục: thu-tuc/index.md
  - Văn bản: van-ban/index.md
  - Quy trình: quy-trinh/index.md
plugins:
  - minhbach
  - macros:
      module_name: {macros}
      render_by_default: false
      on_undefined: strict
      on_error_fail: true
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/name:minhbach.pages.slug.slugify
  - attr_list
  - md_in_html
  - tables
  - admonition
extra:
  generator: false
"""


def make_site_project(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A small buildable site: the valid test records plus a config and a home page."""
    write_project(root, VALID_FILES)
    write_project(root, {
        "mkdocs.yml": MKDOCS_YML.format(macros=(ROOT / "macros" / "main").as_posix()),
        "docs/index.md": "# Trang chủ\n\nXin chào.\n",
    })
    if files:
        write_project(root, files)
    return root


def build(root: Path, output: Path | None = None, *, epoch: str | None = "1795000000", links: bool = True,
          search: bool = True) -> subprocess.CompletedProcess:
    """Build with `minhbach.site.build`; epoch None lets it choose (commit time, or now); links=False skips the link check,
    search=False the search index (its documents stay in the output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    output = output or root / "site"
    return subprocess.run(
        [sys.executable, "-m", "minhbach.site.build", "--config", str(root / "mkdocs.yml"), "--output", str(output),
         *([] if links else ["--no-links"]), *([] if search else ["--no-search"])],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )


def h2_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def article(html: str) -> str:
    """The page's own content, without Material's header, navigation and footer."""
    start = html.index('<article class="md-content__inner')
    return html[start: html.index("</article>", start)]
