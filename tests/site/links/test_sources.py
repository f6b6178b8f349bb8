"""A broken link is placed at the source line that writes it, not at the first line that mentions something like it."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.site.links.sources import line_of

SOURCE = """\
# Trang

Bản cũ: ../files/bao-cao.pdf và files/bao-cao.pdf.bak, mục #muc-2b.
<a href='files/bao-cao.pdf'>Báo cáo</a>
[Mục hai](thu-tuc/a.md#muc-2)
doc: nd-111-2011-sua
doc: nd-111-2011
<a href='files/bao-cao.pdf'>Báo cáo, lần hai</a>
[Phụ lục](#ph%E1%BB%A5-l%E1%BB%A5c)
file: forms/to-khai.docx
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/trang.md").write_text(SOURCE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("target", "occurrence", "line"), [
    ("files/bao-cao.pdf", 0, 4),  # not inside ../files/bao-cao.pdf or files/bao-cao.pdf.bak on line 3
    ("files/bao-cao.pdf", 1, 8),  # the second link to it is the second place it is written
    ("files/bao-cao.pdf", 5, 8),  # more links than places: the last place
    ("../../thu-tuc/a/#muc-2", 0, 5),  # rewritten by MkDocs: found by its fragment, not #muc-2b
    ("../../van-ban/nd-111-2011/", 0, 7),  # a record id, not the longer id before it
    ("#ph%E1%BB%A5-l%E1%BB%A5c", 0, 9),
    ("#phụ-lục", 0, 9),  # written decoded in the page, encoded in the source
    ("../../forms/to-khai.docx", 0, 10),
    ("../../khong-ai-viet/", 0, 0),
])
def test_each_link_is_placed_at_the_line_that_writes_it(project: Path, target: str, occurrence: int, line: int):
    assert line_of(project, "docs/trang.md", target, occurrence) == line
