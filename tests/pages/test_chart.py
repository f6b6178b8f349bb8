"""The dashboard's SVG chart is well-formed XML whatever its labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from minhbach.pages.chart import bar_chart
from tests.hostile_characters import DROPPED, expected, hostile

SVG = "{http://www.w3.org/2000/svg}"


def test_the_chart_is_well_formed_svg_whatever_the_labels():
    svg = bar_chart([(hostile("một"), 42.0), (hostile("hai"), 100.0)], title=hostile("tiêu đề"))
    root = ET.fromstring(str(svg))  # raises on anything that is not well-formed XML 1.0
    assert root.find(f"{SVG}title").text == expected("tiêu đề")
    labels = [text.text for text in root.iter(f"{SVG}text")]
    assert labels == [expected("một"), "42%", expected("hai"), "100%"]
    assert not any(char in str(svg) for char in DROPPED)
