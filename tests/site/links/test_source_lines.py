"""The link checker names the line that writes a broken link, not a line that only mentions it."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.site.links.sources import _lines, line_of


@pytest.mark.parametrize("mention", [
    "Ví dụ cách viết: `[tên](../../khong-co/)`.",
    "<!-- bản cũ: [x](../../khong-co/) -->",
    "```\n[tên](../../khong-co/)\n```",
])
def test_a_link_is_placed_at_the_line_that_writes_it(tmp_path: Path, mention: str):
    text = f"# C\n\n{mention}\n\nĐoạn văn.\n\n[Trang mới](../../khong-co/)\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "c.md").write_text(text, encoding="utf-8")
    _lines.cache_clear()
    expected = text.split("\n").index("[Trang mới](../../khong-co/)") + 1
    assert line_of(tmp_path, "docs/c.md", "../../khong-co/") == expected
