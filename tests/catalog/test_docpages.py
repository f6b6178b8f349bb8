"""Hand-written pages are read as MkDocs reads them: the same body, the same front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from minhbach.catalog.docpages import PageReview, load_page

CORPUS = [
    "---\ntitle: A\nrender_macros: true\n---\n# A\n\n{{ x }}\n",
    "---\ntitle: A\nrender_macros: true\n---\n\n\n\n# A\n",
    "---\nrender_macros: true\n...\n# A\n",
    "---   \nrender_macros: 1\n---\t\nbody\n",
    "---\nrender_macros: yes\n---\nbody\n",
    "---\nrender_macros: \"true\"\n---\nbody\n",
    "---\nrender_macros: false\n---\nbody\n",
    "---\nrender_macros: true\n---",  # no line end after the closing line: MkDocs sees no front matter
    "---\n- a list\n---\n# A\n",  # not a mapping: MkDocs renders the whole file
    "---\nrender_macros: [true\n---\n# A\n",  # YAML error: the whole file too
    " ---\nrender_macros: true\n---\n# A\n",
    "# No front matter\n\nrender_macros: true\n",
    "---\r\nrender_macros: true\r\n---\r\n# A\r\n\r\ntext\r\n",
    "---\nrender_macros: true\n---\n",
]


@pytest.mark.parametrize("text", CORPUS)
def test_body_and_render_macros_agree_with_mkdocs(tmp_path: Path, text: str):
    file = tmp_path / "docs" / "trang.md"
    file.parent.mkdir()
    file.write_bytes(text.encode("utf-8"))
    page, _ = load_page(file, tmp_path / "docs", "docs/trang.md")
    normalised = text.replace("\r\n", "\n")
    body, meta = get_data(normalised)
    assert page.body == body
    assert page.front_matter.get("render_macros") == meta.get("render_macros")
    assert normalised.split("\n")[page.body_line - 1:] == body.split("\n") or body == ""


def test_odd_characters_in_front_matter_are_reported_at_their_line_in_the_page(tmp_path: Path):
    page = tmp_path / "docs" / "lien-he.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Liên\u202ehệ\nowner: phong-mot\nlast_reviewed: 2026-11-01\n"
                    'description: "Mẫu ở D:\\bieu-mau"\nkeywords: hộ\u200bchiếu\n---\n\n# Liên hệ\n', encoding="utf-8")
    _, findings = load_page(page, page.parent, "docs/lien-he.md")
    assert sorted((f.code, f.line, f.column) for f in findings) == [
        ("bidi-control", 2, 12), ("control-char", 5, 23), ("invisible-char", 6, 13)]
    assert all(f.path == "docs/lien-he.md" for f in findings)


@pytest.mark.parametrize(("front_matter", "expected"), [
    ({"title": "A"}, None),
    ({"owner": "phong-mot"}, None),  # last_reviewed missing: reported by the check
    ({"owner": "phong-mot", "last_reviewed": "2026-02-30"}, None),
    ({"owner": "Phòng Một", "last_reviewed": dt.date(2026, 11, 1)}, None),
    ("---", None),
    ({"owner": "phong-mot", "last_reviewed": dt.date(2026, 11, 1), "review_in": "6 tháng", "title": "A"},
     PageReview(owner="phong-mot", last_reviewed=dt.date(2026, 11, 1), review_in="6 tháng")),
])
def test_review_keys_of_a_front_matter_as_mkdocs_read_it(front_matter: object, expected: PageReview | None):
    assert PageReview.of(front_matter) == expected
