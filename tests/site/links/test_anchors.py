"""The strict build accepts a #fragment written percent-encoded, as browsers do, and still refuses one that reaches nothing."""

from __future__ import annotations

from pathlib import Path

import mkdocs
import pytest

from tests.site_helpers import build, make_site_project

pytestmark = pytest.mark.build

PAGE = """\
# Phụ lục

## Phụ lục {#phụ-lục}

[Về mục này](#ph%E1%BB%A5-l%E1%BB%A5c), [chữ thường](#ph%e1%bb%a5-l%e1%bb%a5c).
"""


def _project(root: Path, home: str) -> Path:
    make_site_project(root, {"docs/phu-luc.md": PAGE, "docs/index.md": home})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8")
    return root


def test_strict_build_accepts_fragments_written_percent_encoded(tmp_path: Path):
    # MkDocs 1.6 compares fragments and ids as plain strings; the plugin decodes both first.
    assert mkdocs.__version__.startswith("1.6.")
    home = "# Trang chủ\n\n[Mã hóa](phu-luc.md#ph%E1%BB%A5-l%E1%BB%A5c) và [không mã hóa](phu-luc.md#phụ-lục).\n"
    result = build(_project(tmp_path, home))
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("fragment", ["ph%E1%BB%A5", "khong-co-muc", "ph%E1%BB%A5-l%E1%BB%A5c-2"])
def test_strict_build_still_refuses_fragments_that_reach_nothing(tmp_path: Path, fragment: str):
    result = build(_project(tmp_path, f"# Trang chủ\n\n[Sai](phu-luc.md#{fragment}).\n"), links=False)
    assert result.returncode != 0 and f"#{fragment}" in result.stderr
