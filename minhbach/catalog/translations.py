"""A record as readers of one language see it: its translated text laid over the Vietnamese, and how far
the translation goes.

This is the minimal form, for records that carry no translation yet: every record is returned as it
is, with the status "source" in Vietnamese and "missing" in any other language. The translation model
(records' `translations` mapping) replaces it with the same signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from minhbach.model import Record

SOURCE_LANGUAGE = "vi"
Status = Literal["source", "translated", "outdated", "missing"]


@dataclass(frozen=True)
class Localised:
    """`record` with the text of one language laid over the Vietnamese (the same record when there is none),
    and `status`: "source" (the Vietnamese itself), "translated", "outdated" (the Vietnamese changed after
    the translation's date) or "missing" (no translation: the Vietnamese is shown)."""

    record: Record
    status: Status


def localised(record: Record, language: str) -> Localised:
    """`record` for readers of `language` ("vi", "en", "zh")."""
    return Localised(record, "source" if language == SOURCE_LANGUAGE else "missing")
