"""Which pages an edit changes (`site.incremental`), and `Generation.files` keeping the others' Markdown as rendered before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.mkdocs.options import read_settings
from minhbach.site.generate import Generation, Previous
from minhbach.site.incremental import affected_records, changed_records
from tests.conftest import NOTICE, VALID_FILES, write_project
from tests.site_helpers import make_site_project

LEGAL = ("legal", "nd-111-2011")
PROCEDURE = ("procedure", "hop-phap-hoa")
NOTICE_KEY = ("notice", "thong-bao-mot")
UNIT = ("unit", "phong-mot")
FIELD = ("field", "lanh-su")


def catalogs(tmp_path: Path, path: str, old: str, new: str):
    root = write_project(tmp_path, {**VALID_FILES, "data/notices/thong-bao-mot.yml": NOTICE})
    before, _ = load_catalog(root / "data")
    text = (root / path).read_text(encoding="utf-8")
    assert old in text
    (root / path).write_text(text.replace(old, new), encoding="utf-8")
    after, _ = load_catalog(root / "data")
    return before, after


def test_a_legal_document_changes_its_page_and_those_of_the_procedures_citing_it(tmp_path: Path):
    before, after = catalogs(tmp_path, "data/legal/nd-111-2011.yml", "title: Về", "title: Sửa đổi, về")
    assert changed_records(before, after) == {LEGAL}
    assert affected_records(before, after) == {LEGAL, PROCEDURE, UNIT}  # the unit owns it: no page of its own


def test_a_procedure_changes_its_page_and_those_of_what_it_cites(tmp_path: Path):
    before, after = catalogs(tmp_path, "data/procedures/hop-phap-hoa.yml", "name: Hợp pháp hóa lãnh sự", "name: Hợp pháp hóa")
    assert affected_records(before, after) == {PROCEDURE, LEGAL, UNIT, FIELD}


def test_a_reference_taken_away_still_changes_the_page_it_pointed_at(tmp_path: Path):
    before, after = catalogs(tmp_path, "data/procedures/hop-phap-hoa.yml", "legal_basis:\n  - doc: nd-111-2011\n    provisions: Điều 11\n",
                             "legal_basis: []\n")
    assert LEGAL in affected_records(before, after)


def test_an_announcement_changes_its_own_page_only(tmp_path: Path):
    before, after = catalogs(tmp_path, "data/notices/thong-bao-mot.yml", "summary: Thay đổi", "summary: Đổi")
    assert affected_records(before, after) == {NOTICE_KEY, UNIT}


def test_an_unchanged_page_is_the_file_kept_not_rendered_again(tmp_path: Path):
    root = make_site_project(tmp_path / "project", {"data/notices/thong-bao-mot.yml": NOTICE})
    project, _ = read_settings(root / "mkdocs.yml")
    assert project is not None
    day = dt.date(2026, 11, 20)
    first = Generation.of_project(project, config_file=root / "mkdocs.yml", today=day)
    kept_folder = tmp_path / "kept"
    for item in first.files([]):
        path = item.path
        (kept_folder / path).parent.mkdir(parents=True, exist_ok=True)
        (kept_folder / path).write_bytes(item.read())
    notice = root / "data/notices/thong-bao-mot.yml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("summary: Thay đổi", "summary: Lịch mới, thay đổi"), encoding="utf-8")
    second = Generation.of_project(project, config_file=root / "mkdocs.yml", today=day)
    again = {item.path: item for item in second.files([], previous=Previous(first, lambda path: kept_folder / path))}
    assert again["thu-tuc/hop-phap-hoa.md"].source_file == kept_folder / "thu-tuc/hop-phap-hoa.md"
    assert again["thong-bao/thong-bao-mot.md"].source_file is None
    assert "Lịch mới, thay đổi".encode() in again["thong-bao/thong-bao-mot.md"].read()
    assert again["thu-tuc/index.md"].source_file is None  # an index: always rendered
    assert again["du-lieu/thu-tuc.json"].source_file == kept_folder / "du-lieu/thu-tuc.json"  # the procedures' dataset
    assert again["du-lieu/thong-bao.json"].source_file is None and again["thong-bao/feed.xml"].source_file is None
    fresh = {item.path: item.read() for item in second.files([])}
    assert {path: item.read() for path, item in again.items()} == fresh
