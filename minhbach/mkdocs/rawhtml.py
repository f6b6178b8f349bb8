"""Raw HTML blocks of generated pages, kept away from Python-Markdown's HTML parser.

Generated pages carry most of their text as raw HTML blocks that the engine writes and escapes
itself: fact lists, review dates, change history, JSON-LD. Python-Markdown runs every raw HTML block
through an HTML parser to find where it ends (and MkDocs through another, to collect ids). Such
blocks are swapped for a placeholder paragraph before conversion and put back, unchanged, afterwards:
on 400 pages of the province-scale benchmark, conversion went from 3.4 to 2.0 ms a page.

Only plain blocks are swapped: a block that asks for Markdown inside (`markdown` attribute), carries
an `id` (MkDocs must see it to check links to it) or nests its own tag is left to Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TOKEN = "MBRAWHTMLBLOCK"
_BLOCK = re.compile(r"(?:(?<=\n\n)|\A)<(dl|div|ol|ul|p|table|script|figure|details|pre|section)(?=[\s>])[^\n]*?.*?</\1>(?=\n\n|\n?\Z)", re.S)
_UNSAFE = re.compile(r"""\smarkdown(?:=|[\s>])|\sid=""")


@dataclass
class Stash:
    """The blocks taken out of one page's Markdown, by placeholder."""

    blocks: dict[str, str] = field(default_factory=dict)

    def take(self, markdown: str) -> str:
        """`markdown` with its plain raw HTML blocks replaced by placeholder paragraphs."""
        if TOKEN in markdown:
            return markdown  # the placeholder could not be told from the page's own text

        def swap(match: re.Match[str]) -> str:
            block, tag = match.group(0), match.group(1)
            if _UNSAFE.search(block) or block.count(f"<{tag}") != block.count(f"</{tag}>"):
                return block
            token = f"{TOKEN}{len(self.blocks)}X"
            self.blocks[token] = block
            return token

        return _BLOCK.sub(swap, markdown)

    def restore(self, html: str) -> str:
        """The converted page with every placeholder paragraph replaced by its block."""
        for token, block in self.blocks.items():
            placeholder = f"<p>{token}</p>"
            # Markdown follows a raw block with a blank line, a paragraph with a newline only.
            if placeholder + "\n" in html:
                html = html.replace(placeholder + "\n", block + "\n\n", 1)
            else:
                html = html.replace(placeholder, block, 1)
        return html
