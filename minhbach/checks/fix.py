"""Safe automatic fixes. Each rewrites only what it is named for and keeps every other byte."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minhbach.load.source import parse
from minhbach.load.files import UnsafeFile, read_limited
from minhbach.load.text import INVISIBLE, INVISIBLE_CHAR, non_nfc_runs, odd_characters

MAX_FIX_BYTES = 2 * 1024 * 1024
"""Records and pages are smaller (see `source.MAX_FILE_BYTES`, `docpages.MAX_PAGE_BYTES`); a larger file is not theirs."""


@dataclass(frozen=True)
class FixResult:
    path: Path
    changed: int  # number of places rewritten
    problem: str = ""  # why the file was left alone


def nfc_fix_text(text: str) -> tuple[str, int]:
    """Normalise only the clusters that are not NFC; return the new text and how many changed.

    NFC is idempotent on text that is already NFC, so rewriting cluster by cluster leaves
    comments, quoting, key order and line endings exactly as they were.
    """
    runs = list(non_nfc_runs(text))
    if not runs:
        return text, 0
    lines = text.split("\n")
    for run in reversed(runs):  # right to left keeps earlier columns valid
        line = lines[run.line - 1]
        start = run.column - 1
        lines[run.line - 1] = line[:start] + unicodedata.normalize("NFC", run.text) + line[start + len(run.text):]
    return "\n".join(lines), len(runs)


def _write_atomically(path: Path, data: bytes) -> None:
    mode = path.stat().st_mode
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _read(path: Path) -> tuple[bytes, str] | FixResult:
    """(byte-order mark, text) of a UTF-8 file, or why it cannot be fixed."""
    if path.is_symlink():
        return FixResult(path, 0, "đây là liên kết tượng trưng (symlink), không sửa; hãy chỉ thẳng tới tệp thật")
    try:
        raw = read_limited(path, MAX_FIX_BYTES)
    except UnsafeFile as problem:
        return FixResult(path, 0, problem.message)
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        return bom, raw[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        return FixResult(path, 0, "tệp không phải UTF-8; chuyển mã trước rồi chạy lại")


def fix_nfc(path: Path) -> FixResult:
    """Rewrite the non-NFC characters of one UTF-8 file in place."""
    read = _read(path)
    if isinstance(read, FixResult):
        return read
    bom, text = read
    fixed, count = nfc_fix_text(text)
    if count:
        _write_atomically(path, bom + fixed.encode("utf-8"))
    return FixResult(path, count)


def invisible_fix_text(text: str) -> tuple[str, int]:
    """Remove the invisible characters `minhbach check` reports as `invisible-char` (zero-width
    spaces and joiners outside the sequences that need them, word joiners, BOMs inside the text,
    soft hyphens, lone variation selectors...); return the new text and how many were removed.

    Direction controls, control characters and hidden tag text are left alone: removing them may
    change what the text says, so a person decides.
    """
    places = [found.index for found in odd_characters(text, whole_file=True) if found.code == INVISIBLE_CHAR]
    if not places:
        return text, 0
    parts, start = [], 0
    for index in places:
        parts.append(text[start:index])
        start = index + 1
    parts.append(text[start:])
    return "".join(parts), len(places)


_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def _without_invisible(value: Any) -> Any:
    if isinstance(value, str):
        return _INVISIBLE.sub("", value).strip()
    if isinstance(value, list):
        return [_without_invisible(item) for item in value]
    if isinstance(value, dict):
        return {_without_invisible(key): _without_invisible(item) for key, item in value.items()}
    return value


def fix_invisible(path: Path) -> FixResult:
    """Remove the invisible characters of one YAML file in place, if that is clearly safe.

    Safe means: the file reads as YAML before and after, and the two readings are the same data
    once invisible characters are taken out of every text: same keys, nesting, types and values
    (spaces at either end of a text aside: `[a, \u200b b]` becomes `[a, b]`).
    (A zero-width space that is a whole value, or that stands between ':' and a value, would
    change what YAML reads; such a file is left alone and the problem says so.)
    """
    if path.suffix not in (".yml", ".yaml"):
        return FixResult(path, 0, "chỉ sửa tự động tệp YAML (.yml); xóa ký tự này bằng tay")
    read = _read(path)
    if isinstance(read, FixResult):
        return read
    bom, text = read
    fixed, count = invisible_fix_text(text)
    if not count:
        return FixResult(path, 0)
    before, _ = parse(str(path), text)
    after, _ = parse(str(path), fixed)
    if before is None or after is None or _without_invisible(before.data) != _without_invisible(after.data):
        return FixResult(path, 0, "bỏ ký tự không nhìn thấy sẽ làm thay đổi nội dung tệp; xóa bằng tay theo các dòng `minhbach check` chỉ ra")
    _write_atomically(path, bom + fixed.encode("utf-8"))
    return FixResult(path, count)
