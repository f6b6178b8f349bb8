"""Open data: JSON validates against its own schema, CSV opens in a spreadsheet, fields are explained."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from minhbach.catalog import load_catalog
from minhbach.opendata import DATASETS, json_fields
from minhbach.pages import PageRenderer
from tests.conftest import EVENT, FUNDING, NOTICE, TODAY, write_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def files(project: Path) -> dict[str, bytes]:
    write_project(project, {"data/events/hoi-cho-mot.yml": EVENT, "data/funding/quy-mot.yml": FUNDING, "data/notices/thong-bao-mot.yml": NOTICE})
    catalog, _ = load_catalog(project / "data")
    return PageRenderer(catalog, today=TODAY).data_files()


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_json_export_validates_against_its_own_schema(files, dataset):
    data = json.loads(files[f"du-lieu/{dataset.name}.json"])
    schema = json.loads(files[f"du-lieu/{dataset.name}.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert len(data) == 1
    assert "sources" not in data[0], "editor-only notes are not published"


def test_the_real_data_validates_too():
    catalog, _ = load_catalog(ROOT / "data")
    files = PageRenderer(catalog, today=TODAY).data_files()
    for dataset in DATASETS:
        schema = json.loads(files[f"du-lieu/{dataset.name}.schema.json"])
        jsonschema.Draft202012Validator(schema).validate(json.loads(files[f"du-lieu/{dataset.name}.json"]))


def test_pending_parts_stay_marked_in_json(files):
    [procedure] = json.loads(files["du-lieu/thu-tuc.json"])
    assert procedure["national_code"] == {"pending": "Chưa tra được mã."}


def test_csv_has_a_bom_a_header_and_one_row_per_record(files):
    raw = files["du-lieu/thu-tuc.csv"]
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["ten"] == "Hợp pháp hóa lãnh sự" and row["ma_thu_tuc"] == "đang cập nhật"
    assert row["thoi_han"] == "Trực tiếp: 01 ngày làm việc; Trực tuyến: Tùy số lượng giấy tờ"
    assert row["trang"] == "thu-tuc/hop-phap-hoa/"
    events = list(csv.DictReader(io.StringIO(files["du-lieu/su-kien.csv"].decode("utf-8-sig"))))
    assert events[0]["bat_dau"] == "2026-12-02T08:00:00+07:00"


def test_every_json_field_is_explained_from_the_model():
    for dataset in DATASETS:
        fields = json_fields(dataset)
        assert fields and all(title for _, title, _, _ in fields), dataset.name
