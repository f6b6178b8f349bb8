"""Raw HTML blocks of generated pages, handed to Python-Markdown's HTML stash without being parsed.

Generated pages carry most of their text as raw HTML blocks that the engine writes and escapes
itself: fact lists, review dates, change history, JSON-LD. Python-Markdown finds where each raw HTML
block ends with an HTML parser (preprocessor `html_block`), and MkDocs runs another over the whole
page to collect its ids (`mkdocs_raw_html`, MkDocs 1.6). `RawBlocks` runs before both and stores each
plain block in the public `md.htmlStash`, as `html_block` itself would store it, so the text they parse
holds only the block's placeholder; Markdown's own `raw_html` postprocessor puts the block back. A
block that does not come back (an extension dropped its placeholder) stops the build (`LostBlock`).

Measured with scripts/bench-parts --instructions (synthetic records, 263 and 510 pages): each page
beyond the first costs 20.6 million instructions with `RawBlocks` and 29.9 million without it.

Only plain blocks are stored: a block that asks for Markdown inside (`markdown` attribute), carries an
`id` or a `name` attribute (MkDocs must see ids and `<a name>` to check links to them) or nests its own tag is left to
Markdown.
"""

from __future__ import annotations

import re
from collections import Counter

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError

_BLOCK = re.compile(r"(?:(?<=\n\n)|\A)<(dl|div|ol|ul|p|table|script|figure|details|pre|section)(?=[\s>])[^\n]*?.*?</\1>(?=\n\n|\n?\Z)", re.S)
_UNSAFE = re.compile(r"""\smarkdown(?:=|[\s>])|\s(?:id|name)=""")
STORE_PRIORITY = 25
"""After `normalize_whitespace` (30), before MkDocs' `mkdocs_raw_html` (21) and `html_block` (20)."""
CHECK_PRIORITY = 5
"""After `raw_html` (30) and `amp_substitute` (20): the page's final HTML."""
LAST_TREEPROCESSOR = -1000
"""After every other treeprocessor (MkDocs' last is `relpath`, 0): the postprocessors that follow run on
the whole page. Earlier ones (`toc`, MkDocs' title) also run the postprocessors, on a heading's text."""


class LostBlock(PluginError):
    """A stored raw HTML block is missing from the converted page."""


def plain_blocks(text: str) -> list[re.Match[str]]:
    """The raw HTML blocks of `text` (Markdown with `\\n` line ends) that may skip the HTML parsers:
    a blank line (or the start) before and after, one of the block tags above, no `markdown`, `id`
    or `name` attribute, and as many closing as opening tags of its own name."""
    found = []
    for match in _BLOCK.finditer(text):
        block, tag = match.group(0), match.group(1)
        if not _UNSAFE.search(block) and block.count(f"<{tag}") == block.count(f"</{tag}>"):
            found.append(match)
    return found


class _Store(Preprocessor):
    def __init__(self, md: Markdown, extension: RawBlocks) -> None:
        super().__init__(md)
        self.extension = extension
        self.stored: list[str] = []
        self.document_next = False  # the next run of the postprocessors is on the whole page

    def run(self, lines: list[str]) -> list[str]:
        self.stored, self.document_next = [], False
        if not self.extension.enabled:
            return lines
        text = "\n".join(lines)
        parts, end = [], 0
        for match in plain_blocks(text):
            # As `html_block` stores a block followed by a blank line: with one newline.
            block = match.group(0) + "\n"
            self.stored.append(block)
            parts += [text[end:match.start()], self.md.htmlStash.store(block)]
            end = match.end()
        if not self.stored:
            return lines
        parts.append(text[end:])
        return "".join(parts).split("\n")


class _Tree(Treeprocessor):
    def __init__(self, md: Markdown, store: _Store) -> None:
        super().__init__(md)
        self.store = store

    def run(self, root: object) -> None:
        self.store.document_next = True


class _Check(Postprocessor):
    def __init__(self, md: Markdown, store: _Store) -> None:
        super().__init__(md)
        self.store = store

    def run(self, text: str) -> str:
        if not self.store.document_next:
            return text  # a heading's text, for the table of contents
        self.store.document_next = False
        position = 0
        for block in self.store.stored:
            found = text.find(block, position)
            if found >= 0:
                position = found + len(block)
            elif text.count(block) < Counter(self.store.stored)[block]:  # not in order: an extension may move blocks
                raise LostBlock(f"một khối HTML của trang bị mất khi chuyển Markdown (raw HTML block lost in conversion): {block[:120]!r}")
        return text


class RawBlocks(Extension):
    """The Python-Markdown extension; stores blocks only while `enabled` (the plugin sets it for each
    page, before MkDocs converts it: True for generated pages, False for hand-written ones)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.enabled = False

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        store = _Store(md, self)
        md.preprocessors.register(store, "minhbach_raw_blocks", STORE_PRIORITY)
        md.treeprocessors.register(_Tree(md, store), "minhbach_raw_blocks_done", LAST_TREEPROCESSOR)
        md.postprocessors.register(_Check(md, store), "minhbach_raw_blocks_check", CHECK_PRIORITY)
