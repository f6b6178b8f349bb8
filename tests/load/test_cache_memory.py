"""The record cache within one process (`mkdocs serve` loads the records at every rebuild): bytes already
read are not parsed and validated again, and their records are the very same objects."""

from __future__ import annotations

from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.load import cache as recordcache


def load(project: Path):
    return load_catalog(project / "data", display_base=project, cache_dir=project / ".cache", root=project)


def test_a_cache_file_already_read_is_not_parsed_again(project: Path, monkeypatch):
    first, _ = load(project)
    monkeypatch.setattr(recordcache, "_STORED", None)  # parsing the cache file would now fail
    again, findings = load(project)
    assert findings == []
    assert again.get("unit", "phong-mot") is first.get("unit", "phong-mot")


def test_a_cache_file_changed_since_is_parsed_again(project: Path):
    load(project)
    cache_file = project / ".cache" / recordcache.FILE_NAME
    cache_file.write_bytes(cache_file.read_bytes().replace(b"phong-mot", b"PHONG-MOT"))  # same size, maybe the same time
    catalog, findings = load(project)
    assert [f.code for f in findings] == ["cache-ignored"]
    assert catalog.get("unit", "phong-mot") is not None
