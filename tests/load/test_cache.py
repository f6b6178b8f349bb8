"""The record cache: a file whose bytes are known is not read again, and the result is the same
as reading it; anything it cannot trust (another engine, a damaged or tampered file, a file in
git) is ignored, and nothing read back from it can run code."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from minhbach.load import cache as recordcache
from minhbach.catalog import load_catalog
from minhbach.load.cache import RecordCache, engine_fingerprint
from tests.conftest import UNIT, write_project

ROOT = Path(__file__).resolve().parents[2]
PHONE = "0205 3719 886"
POISON = "0999 9999 999"  # as long as PHONE, so the cache stays well-formed whatever its format


def load(project: Path):
    return load_catalog(project / "data", display_base=project, cache_dir=project / ".cache", root=project)


def snapshot(result) -> tuple:
    catalog, findings = result
    records = {(e.kind.name, e.record.id): e.record.model_dump() for e in catalog.all_entries()}
    return records, findings


def cache_files(project: Path) -> list[Path]:
    return sorted(path for path in (project / ".cache").iterdir() if not path.name.startswith("."))


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org"})


def rewrite(file: Path, old: bytes, new: bytes) -> None:
    data = file.read_bytes()
    assert old in data
    file.write_bytes(data.replace(old, new))


def test_a_second_load_from_the_cache_equals_the_first_and_a_load_without_it(project: Path):
    write_project(project, {"data/units/phong-hai.yml": UNIT.replace("kind: phong", "kind: khong-ro")})
    without = snapshot(load_catalog(project / "data", display_base=project))
    first = snapshot(load(project))
    assert (project / ".cache/records.json").is_file()
    second = snapshot(load(project))
    assert first == second == without
    assert [f.code for f in without[1]] != [], "the invalid unit's findings come back from the cache too"


def test_every_record_of_the_repository_comes_back_from_the_cache_as_it_was_read(tmp_path: Path):
    fresh = snapshot(load_catalog(ROOT / "data", display_base=ROOT))
    load_catalog(ROOT / "data", display_base=ROOT, cache_dir=tmp_path)
    assert snapshot(load_catalog(ROOT / "data", display_base=ROOT, cache_dir=tmp_path)) == fresh


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


def test_a_cache_from_another_engine_is_ignored_silently(project: Path):
    first = snapshot(load(project))
    stored = json.loads((project / ".cache/records.json").read_text(encoding="utf-8"))
    stored["engine"] = "another"
    for entry in stored["entries"].values():
        entry["record"], entry["findings"] = None, []  # every record "gone"
    (project / ".cache/records.json").write_text(json.dumps(stored), encoding="utf-8")
    assert snapshot(load(project)) == first


@pytest.mark.parametrize("content", [b"\x80\x05not json", b"[]", b'{"format": 2}', b"", b'{"format": 2, "engine": 1, "entries": {}}'])
def test_a_damaged_cache_file_is_ignored_with_a_warning_and_replaced(project: Path, content: bytes):
    (project / ".cache").mkdir()
    (project / ".cache/records.json").write_bytes(content)
    catalog, findings = load(project)
    assert [(f.code, f.severity.value, f.path) for f in findings] == [("cache-ignored", "warning", ".cache/records.json")]
    assert len(catalog.procedures) == 1
    assert json.loads((project / ".cache/records.json").read_text(encoding="utf-8"))["engine"] == engine_fingerprint()
    assert load(project)[1] == []


def test_a_cached_record_that_its_model_rejects_is_not_used(project: Path):
    load(project)
    [cache] = cache_files(project)
    rewrite(cache, b"phong-mot", b"PHONG-MOT")
    catalog, findings = load(project)
    assert [(f.code, f.path) for f in findings] == [("cache-ignored", ".cache/records.json")]
    assert catalog.get("unit", "phong-mot") is not None and catalog.get("unit", "PHONG-MOT") is None


def test_a_cache_tracked_by_git_is_never_trusted_nor_written(project: Path):
    git(project, "init", "-q")
    load(project)
    [cache] = cache_files(project)
    rewrite(cache, PHONE.encode(), POISON.encode())
    git(project, "add", "-A")
    git(project, "commit", "-qm", "cache committed by mistake")
    poisoned = cache.read_bytes()
    catalog, findings = load(project)
    assert catalog.get("unit", "phong-mot").phones == [PHONE]
    assert [(f.code, f.severity.value) for f in findings] == [("cache-ignored", "warning")]
    assert cache.read_bytes() == poisoned


def test_a_crafted_file_in_the_cache_folder_runs_no_code(project: Path, tmp_path_factory):
    marker = tmp_path_factory.mktemp("marker") / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    (project / ".cache").mkdir()
    crafted = pickle.dumps({"engine": engine_fingerprint(), "entries": Payload()})
    for name in ("records.pickle", "records.json"):
        (project / ".cache" / name).write_bytes(crafted)
    load(project)
    assert not marker.exists()


def test_a_cache_reached_through_a_link_is_neither_read_nor_written(project: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / ".cache").symlink_to(elsewhere)
    _, findings = load(project)
    assert [f.code for f in findings] == ["cache-ignored"]
    assert list(elsewhere.iterdir()) == []


def test_entries_of_files_no_longer_there_are_dropped(project: Path):
    write_project(project, {"data/units/phong-hai.yml": UNIT.replace("id: phong-mot", "id: phong-hai")})
    load(project)
    (project / "data/units/phong-hai.yml").unlink()
    load(project)
    assert len(json.loads((project / ".cache/records.json").read_text(encoding="utf-8"))["entries"]) == 4


def test_the_engine_fingerprint_covers_every_file_of_the_package_and_the_parsing_libraries(tmp_path: Path, monkeypatch):
    import shutil

    import pydantic

    copy = tmp_path / "minhbach"
    shutil.copytree(recordcache._ENGINE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(recordcache, "_ENGINE", copy)
    seen = set()

    def fingerprint() -> str:
        recordcache.engine_fingerprint.cache_clear()
        value = recordcache.engine_fingerprint()
        assert value not in seen
        seen.add(value)
        return value

    fingerprint()
    for changed in ("checks/files.py", "pages/__init__.py", "templates/announcement.md.j2", "mkdocs/plugin.py"):
        target = copy / changed
        target.write_bytes(target.read_bytes() + b"\n")
        fingerprint()
    (copy / "checks/new_check.py").write_text("x = 1\n", encoding="utf-8")
    fingerprint()
    monkeypatch.setattr(pydantic, "VERSION", "0.0.0")
    fingerprint()
    monkeypatch.setattr(sys, "version", "3.99")
    fingerprint()
    recordcache.engine_fingerprint.cache_clear()


def test_without_a_folder_nothing_is_written_anywhere(tmp_path: Path, monkeypatch, project: Path):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    cache = RecordCache(None)
    cache.put("key", "unit", None, [])
    cache.save()
    load_catalog(project / "data", display_base=project)
    assert list(work.iterdir()) == []
    assert not (project / ".cache").exists()


def test_check_without_the_cache_writes_nothing_in_the_working_folder(project: Path):
    before = sorted(path.relative_to(project) for path in project.rglob("*"))
    result = subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--no-cache", "--today", "2026-11-27"],
                            cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert sorted(path.relative_to(project) for path in project.rglob("*")) == before


def test_records_read_for_other_translation_languages_are_read_again(tmp_path: Path):
    """A record's translation findings are cached with it, so a cache entry holds only for the languages it was read for."""
    def findings_for(languages: tuple[str, ...], cache_dir: Path | None) -> list:
        catalog, _ = load_catalog(ROOT / "data", display_base=ROOT, cache_dir=cache_dir, languages=languages)
        return [finding for entry in catalog.all_entries() for finding in entry.translation_findings]

    assert findings_for(("en", "zh", "fr"), tmp_path) != findings_for(("en", "zh"), None), "French is missing everywhere"
    assert findings_for(("en", "zh"), tmp_path) == findings_for(("en", "zh"), None)
    assert findings_for(("zh",), tmp_path) == findings_for(("zh",), None)


def test_the_cache_file_is_not_written_again_for_a_few_changed_files_among_many(tmp_path: Path):
    """Rewriting the whole file would cost more than reading the few changed files again next time."""
    from minhbach.load.cache import REWRITE_SHARE

    units = {f"data/units/phong-{n}.yml": UNIT.replace("id: phong-mot", f"id: phong-{n}") for n in range(REWRITE_SHARE + 50)}
    project = tmp_path / "p"
    write_project(project, units)
    load(project)
    cache_file = project / ".cache/records.json"
    written = cache_file.read_bytes()
    edited = project / "data/units/phong-7.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("name: Phòng Một", "name: Phòng Bảy"), encoding="utf-8")
    catalog, _ = load(project)
    assert catalog.get("unit", "phong-7").name == "Phòng Bảy", "the changed file is read, not taken from the cache"
    assert cache_file.read_bytes() == written
    for n in range(3):  # more changed files than one in REWRITE_SHARE: written again, without the old entries
        edited = project / f"data/units/phong-{n}.yml"
        edited.write_text(edited.read_text(encoding="utf-8").replace("name: Phòng Một", f"name: Phòng {n}"), encoding="utf-8")
    catalog, _ = load(project)
    entries = json.loads(cache_file.read_text(encoding="utf-8"))["entries"]
    assert cache_file.read_bytes() != written and len(entries) == len(list((project / "data").rglob("*.yml")))
