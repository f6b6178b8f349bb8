"""A horizontal bar chart drawn as SVG at build time: no chart script, no request to any host.

The SVG is well-formed XML whatever the labels: markup is escaped and the characters XML 1.0
cannot carry are dropped (`text.xml_text`).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from minhbach.load.text import xml_text

ROW = 34
LABEL_WIDTH = 260
BAR_WIDTH = 300


def bar_chart(rows: list[tuple[str, float]], *, title: str) -> Markup:
    """Percent bars (0-100), one per row, with the value written at the end of each bar."""
    height = ROW * len(rows) + 10
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="mb-chart-title">',
        f'<title id="mb-chart-title">{escape(xml_text(title))}</title>',
    ]
    for index, (label, percent) in enumerate(rows):
        y = 5 + index * ROW
        bar = max(0.0, min(100.0, percent)) * BAR_WIDTH / 100
        parts += [
            f'<text x="0" y="{y + 20}" font-size="14">{escape(xml_text(label))}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y + 6}" width="{BAR_WIDTH}" height="18" fill="#e8eaf6"/>',
            f'<rect x="{LABEL_WIDTH}" y="{y + 6}" width="{bar:.1f}" height="18" fill="#3949ab"/>',
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 20}" font-size="14">{percent:.0f}%</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
