"""QR codes as inline SVG, drawn at build time by `segno` (no network, no script in the page)."""

from __future__ import annotations

import segno
from markupsafe import Markup


def svg(data: str, *, label: str) -> Markup:
    """A QR code of `data` (a URL) as an `<svg>` element for an HTML page, sized by CSS.

    Error correction "M" (15 % of the symbol may be lost: a notice board's creases and pins);
    a quiet zone of 4 modules, as ISO/IEC 18004 asks. `label` is the image's accessible name.
    Only the markup segno writes is trusted: `data` is encoded into the drawing, never into the
    markup, and `label` is escaped here. Raises `segno.DataOverflowError` for data over 2 KB or so.
    """
    code = segno.make(data, error="m", micro=False)
    drawing = code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff", svgclass="mb-qr")
    if not drawing.startswith("<svg "):
        raise ValueError("segno wrote an unexpected SVG")
    return Markup('<svg role="img" aria-label="{}" ').format(label) + Markup(drawing.removeprefix("<svg "))
