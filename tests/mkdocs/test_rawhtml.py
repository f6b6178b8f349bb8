"""Raw HTML blocks of generated pages skip Python-Markdown's HTML parser and come back unchanged."""

from __future__ import annotations

import pytest

from minhbach.catalog import load_catalog
from minhbach.pages import PageRenderer
from minhbach.mkdocs.rawhtml import TOKEN, Stash
from tests.site_helpers import ROOT, site_markdown


def _convert(text: str) -> str:
    """Python-Markdown as MkDocs sets it up for the site (mkdocs.yml)."""
    return site_markdown().convert(text)


def _through_stash(text: str) -> tuple[str, Stash]:
    stash = Stash()
    return stash.restore(_convert(stash.take(text))), stash


def test_every_generated_page_of_the_site_converts_byte_for_byte_as_without_the_stash():
    catalog, _ = load_catalog(ROOT / "data")
    taken = 0
    for page in PageRenderer(catalog).pages():
        html, stash = _through_stash(page.markdown)
        assert html == _convert(page.markdown), page.path
        taken += len(stash.blocks)
    assert taken > 100, "fact lists, review dates and change history are taken out"


@pytest.mark.parametrize("block", [
    '<div class="grid" markdown>\n**đậm**\n</div>',
    '<section class="mb-unit" id="so-ngoai-vu">\n<p>x</p>\n</section>',
    '<div class="a">\n<div class="b">x</div>\n\ny\n</div>',
])
def test_blocks_markdown_must_see_stay_in_the_markdown(block: str):
    stash = Stash()
    text = f"# Tiêu đề\n\n{block}\n\nĐoạn văn.\n"
    assert stash.take(text) == text
    assert stash.blocks == {}


def test_a_plain_block_becomes_a_placeholder_and_comes_back():
    text = '# Tiêu đề\n\n<dl class="mb-facts">\n<dt>Lệ phí</dt><dd>Miễn phí</dd>\n</dl>\n\n<p class="mb-lead">Tóm tắt &amp; ghi chú</p>\n'
    stash = Stash()
    taken = stash.take(text)
    assert "<dl" not in taken and "<p" not in taken and len(stash.blocks) == 2
    assert stash.restore(_convert(taken)) == _convert(text)


def test_a_page_that_already_contains_the_placeholder_text_is_left_alone():
    text = f"{TOKEN}0X\n\n<dl>\n<dt>a</dt><dd>b</dd>\n</dl>\n"
    stash = Stash()
    assert stash.take(text) == text
