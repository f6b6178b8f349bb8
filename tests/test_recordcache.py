"""The record cache: a file whose bytes are known is not read again, and the result is the same
as reading it; anything it cannot trust (another engine, a damaged file) is ignored."""

from __future__ import annotations

import pickle
from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.recordcache import RecordCache, engine_fingerprint, file_key
from tests.conftest import UNIT, write_project


def load(project: Path):
    return load_catalog(project / "data", display_base=project, cache_dir=project / ".cache")


def snapshot(result) -> tuple:
    catalog, findings = result
    records = {(e.kind.name, e.record.id): e.record.model_dump() for e in catalog.all_entries()}
    return records, findings


def test_a_second_load_from_the_cache_equals_the_first_and_a_load_without_it(project: Path):
    write_project(project, {"data/units/phong-hai.yml": UNIT.replace("kind: phong", "kind: khong-ro")})
    without = snapshot(load_catalog(project / "data", display_base=project))
    first = snapshot(load(project))
    assert (project / ".cache/records.pickle").is_file()
    second = snapshot(load(project))
    assert first == second == without
    assert [f.code for f in without[1]] != [], "the invalid unit's findings come back from the cache too"


def test_cached_entries_are_used_instead_of_reading_the_file(project: Path, monkeypatch):
    load(project)
    import minhbach.catalog

    monkeypatch.setattr(minhbach.catalog, "read_record", lambda *args: (_ for _ in ()).throw(AssertionError("read again")))
    catalog, findings = load(project)
    assert findings == [] and catalog.get("unit", "phong-mot") is not None


def test_a_changed_file_is_read_again(project: Path):
    load(project)
    unit = project / "data/units/phong-mot.yml"
    unit.write_text(UNIT.replace("name: Phòng Một", "name: Phòng Một (mới)"), encoding="utf-8")
    catalog, _ = load(project)
    assert catalog.get("unit", "phong-mot").name == "Phòng Một (mới)"


def test_positions_of_later_findings_are_found_for_cached_records(project: Path):
    write_project(project, {"data/units/phong-hai.yml": UNIT})
    load(project)
    _, findings = load(project)
    [finding] = [f for f in findings if f.code == "id-mismatch"]
    assert (finding.path, finding.line, finding.column) == ("data/units/phong-hai.yml", 1, 5)


def test_a_cache_from_another_engine_version_is_ignored(project: Path):
    stale = {"engine": "another", "entries": {}}
    (project / ".cache").mkdir()
    first = snapshot(load(project))
    cache = pickle.loads((project / ".cache/records.pickle").read_bytes())
    stale["entries"] = {key: (None, [], None) for key in cache["entries"]}  # every record "gone"
    (project / ".cache/records.pickle").write_bytes(pickle.dumps(stale))
    assert snapshot(load(project)) == first


def test_a_damaged_cache_file_is_ignored_and_replaced(project: Path):
    (project / ".cache").mkdir()
    (project / ".cache/records.pickle").write_bytes(b"\x80\x05not a pickle")
    catalog, findings = load(project)
    assert findings == [] and len(catalog.procedures) == 1
    assert pickle.loads((project / ".cache/records.pickle").read_bytes())["engine"] == engine_fingerprint()


def test_entries_of_files_no_longer_there_are_dropped(project: Path):
    write_project(project, {"data/units/phong-hai.yml": UNIT.replace("id: phong-mot", "id: phong-hai")})
    load(project)
    (project / "data/units/phong-hai.yml").unlink()
    load(project)
    assert len(pickle.loads((project / ".cache/records.pickle").read_bytes())["entries"]) == 4


def test_without_a_folder_nothing_is_written(tmp_path: Path):
    cache = RecordCache(None)
    cache.put(file_key("unit", "a.yml", b"x"), (None, [], None))
    cache.save()
    assert list(tmp_path.iterdir()) == []

