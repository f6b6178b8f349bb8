"""Safe automatic fixes. Each rewrites only what it is named for and keeps every other byte."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from minhbach.sourcefiles import UnsafeFile, read_limited
from minhbach.text import non_nfc_runs

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


def fix_nfc(path: Path) -> FixResult:
    """Rewrite the non-NFC characters of one UTF-8 file in place."""
    if path.is_symlink():
        return FixResult(path, 0, "đây là liên kết tượng trưng (symlink), không sửa; hãy chỉ thẳng tới tệp thật")
    try:
        raw = read_limited(path, MAX_FIX_BYTES)
    except UnsafeFile as problem:
        return FixResult(path, 0, problem.message)
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = raw[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        return FixResult(path, 0, "tệp không phải UTF-8; chuyển mã trước rồi chạy lại")
    fixed, count = nfc_fix_text(text)
    if count:
        _write_atomically(path, bom + fixed.encode("utf-8"))
    return FixResult(path, count)
