"""Hand-written pages are read as MkDocs reads them: the same body, the same front matter."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from minhbach.docpages import load_page

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
