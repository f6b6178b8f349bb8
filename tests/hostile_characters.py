"""Hostile text for output tests: what no check lets through, spread through what every check lets through.

An output (XML, iCalendar, CSV, logs) must carry KEPT exactly and drop or escape DROPPED, whatever
reaches it, even records built without the checks.
"""

from __future__ import annotations

DROPPED = "\x00\x08\x0b\x0c\x1b\x7f\x85\x9b\ud800\udfff\ufdd0\ufffe\uffff\U0001fffe\U0010ffff\u2028\u2029\r"
"""Characters XML 1.0 cannot carry or discourages, surrogates, noncharacters, line separators."""
KEPT = ' ]]> </title></entry><x a="1"> &amp; & " \' <!-- \u202e\u2066bidi\u2069 😀 👩\u200d💻 中文 友谊关 hộ chiếu\tend\nline'
"""Markup, a CDATA end, entities, quotes, direction controls, emoji, CJK, Vietnamese, tab, line feed."""


def hostile(prefix: str) -> str:
    """`prefix` then KEPT with every DROPPED character spread through it."""
    return prefix + "".join(kept + dropped for kept, dropped in zip(KEPT, DROPPED)) + KEPT[len(DROPPED):]


def expected(prefix: str) -> str:
    """What an output that drops what it cannot carry shows for `hostile(prefix)`."""
    return prefix + KEPT
