"""A cache of read and validated record files, keyed by their bytes and by everything that judges them.

Reading and validating 12,000 YAML files takes several seconds; most runs change a handful. An
entry is reused only when the file's bytes, its path and kind, the site's translation languages
(`settings.languages`) and the engine are unchanged; the
engine is the whole installed `minhbach` package (every file of it) and the versions of Python,
pydantic, pydantic-core and PyYAML, and whether PyYAML parses with libyaml (cached findings carry
pydantic's and the parser's own message text).

The cache is data, never code: one JSON file holding, per entry, the record as the model's own
JSON, its findings as plain values, and where each of its parts was written (`load.positions`, so
that a finding's position costs no second parse of the file). Everything read back is validated again, the records by
their models, before any of it is used; a cache that cannot be read, does not have the expected
shape, or holds a record its model rejects is ignored as a whole, with a warning. So is a cache
file that git tracks (a committed cache could publish what the YAML does not say, or hide its
errors), or one reached through a symbolic link. Such a cache is never written over either.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Literal

import pydantic
import pydantic_core
import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from minhbach.load import collector
from minhbach.findings import Finding, Severity, warning
from minhbach.model import KINDS, Record
from minhbach.load.files import UnsafeFile, read_limited, tracked_by_git

_ENGINE = Path(__file__).parent.parent  # the whole minhbach package
FILE_NAME = "records.json"
FORMAT = 3
REWRITE_SHARE = 100
"""The cache file is written again when at least one file in this many changed (`RecordCache.save`)."""
MAX_CACHE_BYTES = 512 * 1024 * 1024
"""A cache of 12,000 records is about 25 MB; a larger file is not one this engine wrote."""

Cached = tuple[Record | None, list[Finding], None, str | None, list[Finding]]
"""What `get` gives back: the record (None if invalid), its findings, no facts (walked again from the
record), where its parts were written (`load.positions`; None when the record has no table), and the
findings of its translations (`checks.translations`)."""


@cache
def engine_fingerprint() -> str:
    """SHA-256 over every file of the installed `minhbach` package (names and bytes, caches of
    compiled code left out) and the versions of everything that turns bytes into records and findings."""
    digest = hashlib.sha256()
    versions = (sys.version, pydantic.VERSION, pydantic_core.__version__, yaml.__version__,
                str(getattr(yaml, "__with_libyaml__", False)), getattr(yaml, "CSafeLoader", yaml.SafeLoader).__name__)
    digest.update("\0".join(versions).encode())
    for folder, subfolders, names in os.walk(_ENGINE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(folder, name)
            digest.update(b"\0" + path.relative_to(_ENGINE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_key(kind: str, shown: str, raw: bytes, languages: tuple[str, ...]) -> str:
    """The key of a file of `kind` shown as `shown` with bytes `raw`, read for a site translated into
    `languages` (the model of its translations, and their findings, depend on them)."""
    return hashlib.sha256(b"\0".join((kind.encode(), shown.encode(), " ".join(languages).encode(), raw))).hexdigest()


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    kind: Literal[tuple(KINDS)]  # type: ignore[valid-type]
    record: str | None
    findings: list[tuple[str, int, int, Literal["error", "warning"], str, str, str]]
    positions: str | None
    translation_findings: list[tuple[str, int, int, Literal["error", "warning"], str, str, str]]


class _Stored(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    format: int
    engine: str
    entries: dict[str, _Entry]


_STORED = TypeAdapter(_Stored)


def _linked(file: Path, root: Path | None) -> list[Path]:
    """The symbolic links among `file` and the folders between `root` (not included) and it; without
    `root`, or when `file` is not under it, among `file` and its folder."""
    file = Path(os.path.abspath(file))
    top = Path(os.path.abspath(root)) if root is not None else None
    if top is None or top not in file.parents:
        candidates = [file, file.parent]
    else:
        candidates = [file, *(folder for folder in file.parents if top in folder.parents)]
    return [path for path in candidates if path.is_symlink()]


_Value = tuple[str, Record | None, list[Finding], str | None, str | None, list[Finding]]
"""(kind, record, findings, the record's JSON as stored (when it was read from the file), its positions table,
its translation findings)."""
_HINT_REBUILT = "Không cần làm gì: lần kiểm tra này đọc lại mọi tệp và ghi lại bộ nhớ đệm."


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=32).digest()


_known: dict[Path, tuple[bytes, dict[str, _Value]]] = {}
"""What this process last read from or wrote to each cache file, with the digest of its bytes: `mkdocs serve`
loads the records at every rebuild, and the same bytes need not be parsed and validated again (records are
frozen, so the same objects serve every build). Hashing the 19 MB file of 12,332 records takes 0.06 s; validating it, seconds."""


class RecordCache:
    """{file key: (record, findings)} for one data folder, in one JSON file in `directory`.

    `findings` lists the warnings about a cache that was ignored (see the module's docstring);
    `shown(path)` names the cache file in them. No folder between `root` (the project; default: the
    cache's own folder) and the file may be a symbolic link: the cache is read and written only there.
    """

    def __init__(self, directory: Path | None, *, shown: Callable[[Path], str] = Path.as_posix, root: Path | None = None) -> None:
        self.file = directory / FILE_NAME if directory else None
        self.entries: dict[str, _Value] = {}
        self.used: dict[str, _Value] = {}
        self.findings: list[Finding] = []
        self.writable = self.file is not None
        if self.file is None:
            return
        shown_file = shown(self.file)
        linked = _linked(self.file, root)
        if linked:
            self.writable = False
            self.findings.append(warning(shown_file, 0, 0, "cache-ignored",
                                         f"bộ nhớ đệm kiểm tra không được dùng: {shown(linked[0])} là liên kết tượng trưng (symlink)",
                                         f"Xóa liên kết {shown(linked[0])}; bộ nhớ đệm sẽ được tạo lại ở đúng chỗ."))
            return
        if not self.file.exists():
            return
        if tracked_by_git(self.file):
            self.writable = False
            self.findings.append(warning(shown_file, 0, 0, "cache-ignored",
                                         "bộ nhớ đệm kiểm tra nằm trong git nên không được dùng (nội dung của nó có thể khác với các tệp YAML)",
                                         "Xóa nó khỏi kho: git rm -r --cached .cache, rồi thêm dòng .cache/ vào .gitignore."))
            return
        problem = self._load()
        if problem:
            self.entries = {}
            self.findings.append(warning(shown_file, 0, 0, "cache-ignored", f"bộ nhớ đệm kiểm tra không được dùng: {problem}", _HINT_REBUILT))

    def _load(self) -> str:
        """Fill `entries` from the file; the reason it cannot be trusted, or '' (also for another engine's cache)."""
        assert self.file is not None
        try:
            raw = read_limited(self.file, MAX_CACHE_BYTES, within=self.file.parent)
        except UnsafeFile as problem:
            return problem.message
        digest = _digest(raw)
        known = _known.get(self.file)
        if known is not None and known[0] == digest:
            self.entries = dict(known[1])
            return ""
        with collector.paused():
            try:
                stored = _STORED.validate_json(raw)
            except ValidationError:
                return "tệp bị hỏng hoặc không đúng dạng"
            if stored.format != FORMAT or stored.engine != engine_fingerprint():
                return ""
            for key, entry in stored.entries.items():
                try:
                    record = KINDS[entry.kind].model.model_validate_json(entry.record) if entry.record is not None else None
                except ValidationError:
                    return f"bản ghi lưu cho một tệp loại '{entry.kind}' không hợp lệ"
                findings, translated = ([Finding(path, line, column, Severity(severity), code, message, hint)
                                         for path, line, column, severity, code, message, hint in stored]
                                        for stored in (entry.findings, entry.translation_findings))
                self.entries[key] = (entry.kind, record, findings, entry.record, entry.positions, translated)
        _known[self.file] = (digest, dict(self.entries))
        return ""

    def get(self, key: str, kind: str) -> Cached | None:
        """The record and findings stored for `key` (a file of `kind`), or None."""
        value = self.entries.get(key)
        if value is None or value[0] != kind:
            return None
        self.used[key] = value
        return value[1], list(value[2]), None, value[4], list(value[5])

    def put(self, key: str, kind: str, record: Record | None, findings: list[Finding], positions: str | None = None,
            translation_findings: list[Finding] | None = None) -> None:
        self.used[key] = (kind, record, list(findings), None, positions, list(translation_findings or []))

    def save(self) -> None:
        """Keep only what this run used, written atomically so a killed run leaves the old cache.

        The file is written again only when at least one file in `REWRITE_SHARE` was read from its file
        this run (not from the cache) or is gone: rewriting it costs as much as reading hundreds of
        files again (1.8 s at 12,032 records, at every rebuild of `mkdocs serve` after an edit), so a
        few changed files are simply read again by the next run, until they are more.
        """
        if self.file is None or not self.writable or self.used.keys() == self.entries.keys():
            return
        # An edited file has a new entry and leaves an old one; a new file only the first, a removed one the second.
        changed = max(sum(1 for key in self.used if key not in self.entries), sum(1 for key in self.entries if key not in self.used))
        if self.entries and changed * REWRITE_SHARE < len(self.used):
            return
        def plain(findings: list[Finding]) -> list[list]:
            return [[f.path, f.line, f.column, f.severity.value, f.code, f.message, f.hint] for f in findings]

        entries = {
            key: {"kind": kind, "record": text if text is not None or record is None else record.model_dump_json(),
                  "findings": plain(findings), "positions": positions, "translation_findings": plain(translated)}
            for key, (kind, record, findings, text, positions, translated) in self.used.items()
        }
        text = json.dumps({"format": FORMAT, "engine": engine_fingerprint(), "entries": entries}, ensure_ascii=False, separators=(",", ":"))
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".records.", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, self.file)
        except OSError:
            Path(temp).unlink(missing_ok=True)
            return
        _known[self.file] = (_digest(text.encode("utf-8")), dict(self.used))
