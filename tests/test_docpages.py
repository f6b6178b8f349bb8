"""Hand-written pages: their front matter is read like a record, with the same text checks."""

from __future__ import annotations

from pathlib import Path

from minhbach.docpages import load_page


def test_odd_characters_in_front_matter_are_reported_at_their_line_in_the_page(tmp_path: Path):
    page = tmp_path / "docs" / "lien-he.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Liên\u202ehệ\nowner: phong-mot\nlast_reviewed: 2026-11-01\n"
                    'description: "Mẫu ở D:\\bieu-mau"\nkeywords: hộ\u200bchiếu\n---\n\n# Liên hệ\n', encoding="utf-8")
    _, findings = load_page(page, page.parent, "docs/lien-he.md")
    assert sorted((f.code, f.line, f.column) for f in findings) == [
        ("bidi-control", 2, 12), ("control-char", 5, 23), ("invisible-char", 6, 13)]
    assert all(f.path == "docs/lien-he.md" for f in findings)
