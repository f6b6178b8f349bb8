"""Raw HTML blocks of generated pages skip the HTML parsers and come back unchanged, or the build stops."""

from __future__ import annotations

import markdown
import pytest
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from minhbach.catalog import load_catalog
from minhbach.mkdocs.rawhtml import LostBlock, RawBlocks, plain_blocks
from minhbach.pages import PageRenderer
from tests.site_helpers import ROOT, site_markdown


def _raw_blocks(enabled: bool = True) -> RawBlocks:
    extension = RawBlocks()
    extension.enabled = enabled
    return extension


class _Seen(Extension):
    """Records the text the HTML parsers get: MkDocs' id collector runs at 21, Markdown's `html_block` at 20."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        seen = self

        class Spy(Preprocessor):
            def run(self, lines: list[str]) -> list[str]:
                seen.text = "\n".join(lines)
                return lines

        md.preprocessors.register(Spy(md), "spy", 21)


def test_every_generated_page_of_the_site_converts_byte_for_byte_as_without_the_extension():
    catalog, _ = load_catalog(ROOT / "data")
    stored = 0
    for page in PageRenderer(catalog).pages():
        md = site_markdown(_raw_blocks())
        assert md.convert(page.markdown) == site_markdown().convert(page.markdown), page.path
        stored += md.htmlStash.html_counter
    assert stored > 100, "fact lists, review dates and change history are stored"


def test_a_plain_block_reaches_the_html_parsers_only_as_its_placeholder():
    text = '# Tiêu đề\n\n<dl class="mb-facts">\n<dt>Lệ phí</dt><dd>Miễn phí &amp; nhanh</dd>\n</dl>\n\n<p class="mb-lead">Tóm tắt</p>\n'
    seen = _Seen()
    html = site_markdown(_raw_blocks(), seen).convert(text)
    assert "<dl" not in seen.text and "<p" not in seen.text and "Tiêu đề" in seen.text
    assert html == site_markdown().convert(text)
    assert '<dd>Miễn phí &amp; nhanh</dd>' in html


def test_hand_written_pages_go_through_the_html_parsers_as_usual():
    text = "# Trang\n\n<p>Đoạn.</p>\n"
    seen = _Seen()
    site_markdown(_raw_blocks(enabled=False), seen).convert(text)
    assert "<p>Đoạn.</p>" in seen.text


@pytest.mark.parametrize("block", [
    '<div class="grid" markdown>\n**đậm**\n</div>',
    '<section class="mb-unit" id="so-ngoai-vu">\n<p>x</p>\n</section>',
    '<p><a name="cu">Mục cũ</a></p>',
    '<div class="a">\n<div class="b">x</div>\n\ny\n</div>',
])
def test_blocks_markdown_or_mkdocs_must_see_are_left_to_them(block: str):
    text = f"# Tiêu đề\n\n{block}\n\nĐoạn văn.\n"
    assert plain_blocks(text) == []
    seen = _Seen()
    assert site_markdown(_raw_blocks(), seen).convert(text) == site_markdown().convert(text)
    assert block.splitlines()[0] in seen.text


class _DropPlaceholders(Extension):
    """An extension that loses stored blocks: it removes every paragraph that is only a placeholder."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        class Drop(Treeprocessor):
            def run(self, root):
                for parent in list(root.iter()):
                    for child in list(parent):
                        if child.tag == "p" and (child.text or "").startswith("\x02wzxhzdk:"):
                            parent.remove(child)

        md.treeprocessors.register(Drop(md), "drop", 3)


def test_a_lost_block_stops_the_conversion():
    text = '# Tiêu đề\n\nĐoạn.\n\n<dl class="mb-facts">\n<dt>Lệ phí</dt><dd>Miễn phí</dd>\n</dl>\n'
    with pytest.raises(LostBlock, match="mb-facts"):
        site_markdown(_raw_blocks(), _DropPlaceholders()).convert(text)


def test_one_of_two_identical_blocks_lost_is_noticed():
    block = '<p class="mb-note">Giống nhau</p>'
    text = f"# Tiêu đề\n\n{block}\n\n- mục\n\n{block}\n"

    class DropSecond(Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
            class Drop(Treeprocessor):
                def run(self, root):
                    placeholders = [child for child in root if child.tag == "p" and (child.text or "").startswith("\x02")]
                    root.remove(placeholders[-1])

            md.treeprocessors.register(Drop(md), "drop", 3)

    assert site_markdown(_raw_blocks()).convert(text).count(block) == 2
    with pytest.raises(LostBlock):
        site_markdown(_raw_blocks(), DropSecond()).convert(text)
