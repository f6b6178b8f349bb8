"""Where each part of a valid record was written, kept with the record so that a finding's position
never needs its file parsed again.

A record's checks run on every `minhbach check`, and nearly every record of a real catalogue has a
finding (a part marked pending, an announcement published late), each needing a line and column.
The parser's tables (`SourceDocument.values` and `.keys`) are written once, when the file is read,
as one compact text kept in the record cache; a position is found in that text by searching it
(`str.find`, in C) rather than by decoding all of it, because a check asks for a position or two of
each record and the table holds every value of it.

The text: one line per part, `\\n<path>\\t<value line> <value column>[\\t<key line> <key column>]`,
the parser's 0-based numbers, the path's parts separated by U+001F, list indexes in decimal. A
document whose keys cannot be written so without ambiguity (a key that is all digits, or holds a
separator) has no table: its positions come from parsing the file again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from minhbach.load.source import Path_, Position, SourceDocument

_PART = "\x1f"
_FIELD = "\t"
_LINE = "\n"


def _part(part: str | int) -> str | None:
    """How one part of a path is written; None when a key cannot be told from an index or holds a separator."""
    if isinstance(part, int):
        return str(part)
    if part.isdigit() or _PART in part or _FIELD in part or _LINE in part or not part:
        return None
    return part


def _path(path: tuple[Any, ...]) -> str | None:
    parts = [_part(part) if isinstance(part, (str, int)) and not isinstance(part, bool) else None for part in path]
    return None if None in parts else _PART.join(parts)  # type: ignore[arg-type]


def encode(doc: SourceDocument) -> str | None:
    """The table of every value's (and key's) position in `doc`; None when a key cannot be written in it."""
    lines = []
    for path, (line, column) in doc.values.items():
        written = _path(path)
        if written is None:
            return None
        key = doc.keys.get(path)
        lines.append(f"{written}{_FIELD}{line} {column}" + (f"{_FIELD}{key[0]} {key[1]}" if key else ""))
    return _LINE + _LINE.join(lines) + _LINE


@dataclass(frozen=True)
class Positions:
    """The positions table of one record (`encode`), answering as `SourceDocument.locate` and `.position` would."""

    table: str

    def _marks(self, path: tuple[Any, ...]) -> tuple[str, ...] | None:
        """The (value, key) fields of `path`, or None if the document has no such part."""
        written = _path(path)
        if written is None:
            return None
        start = self.table.find(_LINE + written + _FIELD)
        if start < 0:
            return None
        start += len(written) + 2
        return tuple(self.table[start:self.table.index(_LINE, start)].split(_FIELD))

    def locate(self, loc: tuple[Any, ...]) -> tuple[Path_, bool]:
        """As `SourceDocument.locate`: the part of `loc` that exists in the document, and whether all of it does."""
        found: list[str | int] = []
        complete = True
        for part in loc:
            if isinstance(part, (str, int)) and not isinstance(part, bool) and not (isinstance(part, int) and part < 0) \
                    and self._marks((*found, part)) is not None:
                found.append(part)
            else:
                complete = False
        return tuple(found), complete

    def position(self, path: Path_, *, prefer_key: bool = False) -> Position:
        """As `SourceDocument.position`: 1-based line and column of the value at `path` (its key's
        with `prefer_key`), or of the key when there is no value; (1, 1) for a path not in the document."""
        marks = self._marks(path)
        if marks is None:
            return Position(1, 1)
        value, key = marks[0], marks[1] if len(marks) > 1 else None
        line, column = (key if prefer_key and key else value).split(" ")
        return Position(int(line) + 1, int(column) + 1)
