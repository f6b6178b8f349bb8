"""A horizontal bar chart drawn as SVG at build time: no chart script, no request to any host.

The SVG is well-formed XML whatever the labels: markup is escaped and the characters XML 1.0
cannot carry are dropped (`text.xml_text`).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from minhbach.load.text import xml_text

# Each row is its label on one line and the bar below it, so the chart stays narrow: drawn at its
# own width on a wide screen and scaled down at most to 0.82 on a 360 px phone (16 px text -> 13 px).
WIDTH = 400
BAR_WIDTH = 340
FONT = 16
ROW = 52


def bar_chart(rows: list[tuple[str, float]], *, title: str) -> Markup:
    """Percent bars (0-100), one per row under its label, with the value written after each bar.

    The SVG is WIDTH user units wide and that many CSS pixels at most (the theme's `max-width: 100%`
    scales it down on narrower screens).
    """
    height = ROW * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="mb-chart-title">',
        f'<title id="mb-chart-title">{escape(xml_text(title))}</title>',
    ]
    for index, (label, percent) in enumerate(rows):
        y = index * ROW
        bar = max(0.0, min(100.0, percent)) * BAR_WIDTH / 100
        parts += [
            f'<text x="0" y="{y + FONT}" font-size="{FONT}">{escape(xml_text(label))}</text>',
            f'<rect x="0" y="{y + 24}" width="{BAR_WIDTH}" height="18" fill="#e8eaf6"/>',
            f'<rect x="0" y="{y + 24}" width="{bar:.1f}" height="18" fill="#3949ab"/>',
            f'<text x="{BAR_WIDTH + 6}" y="{y + 39}" font-size="{FONT}">{percent:.0f}%</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
