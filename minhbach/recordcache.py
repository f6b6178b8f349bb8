"""A cache of read and validated record files, keyed by their bytes and the engine's own code.

Reading and validating 12,000 YAML files takes several seconds; most runs change a handful.
An entry is reused only when the file's bytes and every module that reads or judges a single
file (parser, legacy-encoding and text checks, model, validator) are unchanged.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from minhbach import collector

_ENGINE = Path(__file__).parent
_INPUTS = ("source.py", "legacy.py", "text.py", "validate.py", "schema.py", "findings.py", "model", "catalog.py", "recordcache.py",
           "checks/record_text.py", "pages/markdown.py")
"""What a cached entry depends on: reading and judging one file, and the shape entries are stored in."""


@cache
def engine_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in _INPUTS:
        path = _ENGINE / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.read_bytes())
    return digest.hexdigest()


def file_key(kind: str, shown: str, raw: bytes) -> str:
    return hashlib.sha256(b"\0".join((kind.encode(), shown.encode(), raw))).hexdigest()


class RecordCache:
    """{file key: (record, findings, facts)} for one data folder, in one pickle file."""

    def __init__(self, directory: Path | None) -> None:
        self.file = directory / "records.pickle" if directory else None
        self.entries: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        if self.file is None:
            return
        try:
            with collector.paused(), self.file.open("rb") as handle:
                stored = pickle.load(handle)  # noqa: S301 - our own file, in the project's cache folder
            if isinstance(stored, dict) and stored.get("engine") == engine_fingerprint() and isinstance(stored["entries"], dict):
                self.entries = stored["entries"]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, KeyError, TypeError, ValueError):
            self.entries = {}

    def get(self, key: str) -> Any:
        value = self.entries.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        """Keep only what this run used, written atomically so a killed run leaves the old cache."""
        if self.file is None or self.used.keys() == self.entries.keys():
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".records.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"engine": engine_fingerprint(), "entries": self.used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.file)
        except OSError:
            Path(temp).unlink(missing_ok=True)
