"""Where each part of a record was written, kept with the record: the table answers every question
about a position exactly as the parsed file does, so a finding's line and column do not depend on
whether its record came from the cache, and checking from the cache parses no file again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import minhbach.catalog
from minhbach.checks.project import check_project
from minhbach.load.positions import Positions, encode
from minhbach.load.source import SourceDocument, load, parse

ROOT = Path(__file__).resolve().parents[2]
RECORDS = sorted((ROOT / "data").rglob("*.yml"))
TODAY = dt.date(2026, 12, 1)


def questions(doc: SourceDocument) -> list[tuple]:
    """Every path of `doc`, each with a part that is not there added at its end, in its middle, and as a
    key where a list is (and an index where a mapping is)."""
    asked: list[tuple] = [(), ("nothing",), ("translations", "xx", "name"), (0,), (-1,), ("id", 0)]
    for path in doc.values:
        asked += [path, path + ("nothing",), path + (0,), path + (99,), ("nothing", *path), path[:1] + ("nothing",) + path[1:]]
    return asked


@pytest.mark.parametrize("file", RECORDS, ids=[file.relative_to(ROOT / "data").as_posix() for file in RECORDS])
def test_the_table_of_every_record_of_the_repository_answers_as_its_parsed_file(file: Path):
    doc, _ = load(file, file.name)
    assert doc is not None
    table = encode(doc)
    assert table is not None
    kept = Positions(table)
    for loc in questions(doc):
        assert kept.locate(loc) == doc.locate(loc), loc
        path = doc.locate(loc)[0]
        assert kept.position(path) == doc.position(path), path
        assert kept.position(path, prefer_key=True) == doc.position(path, prefer_key=True), path


def test_flow_style_aliases_and_unicode_keys_are_placed_as_parsed():
    doc, findings = parse("x.yml", 'a: &one {b: [1, {c: "d"}], "é": 2}\nlist:\n  - *one\n  - [x,\n     y]\n')
    assert doc is not None and not findings
    kept = Positions(encode(doc))
    for loc in questions(doc):
        path = doc.locate(loc)[0]
        assert (kept.locate(loc), kept.position(path), kept.position(path, prefer_key=True)) == \
            (doc.locate(loc), doc.position(path), doc.position(path, prefer_key=True))


@pytest.mark.parametrize("key", ["'12'", "'a\tb'", "''"])
def test_a_document_with_a_key_the_table_cannot_write_has_none(key: str):
    doc, _ = parse("x.yml", f"id: a\n{key}: 1\n")
    assert doc is not None
    assert encode(doc) is None


def test_checking_from_the_cache_parses_no_file_again_and_finds_the_same(tmp_path: Path, monkeypatch):
    """The repository's records, checked from the cache, with reading a file for positions forbidden."""
    fresh = check_project(ROOT / "data", ROOT / "docs", TODAY, display_base=ROOT, root=ROOT)[1]
    check_project(ROOT / "data", ROOT / "docs", TODAY, display_base=ROOT, root=ROOT, cache_dir=tmp_path)

    def forbidden(*args, **kwargs):
        raise AssertionError("a record file was parsed again for a position")

    monkeypatch.setattr(minhbach.catalog, "load", forbidden)
    monkeypatch.setattr(minhbach.catalog, "load_bytes", forbidden)
    monkeypatch.setattr("minhbach.checks.translations.lost_figures", forbidden)
    cached = check_project(ROOT / "data", ROOT / "docs", TODAY, display_base=ROOT, root=ROOT, cache_dir=tmp_path)[1]
    assert cached == fresh
    assert {"pending", "legal-no-url", "publication-lag"} <= {f.code for f in cached}, "findings with positions were made"
