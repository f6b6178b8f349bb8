"""Open data: every dataset as JSON (the records as the model holds them, with a JSON Schema)
and as CSV (one flat row per record, for spreadsheets), plus the field dictionary for both.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from minhbach.pages import formatting
from minhbach.catalog import Catalog
from minhbach.model import KINDS, Procedure, Record
from minhbach.model.announcement import local
from minhbach.model.base import NotApplicable, Pending
from minhbach.model.dated import on_day
from minhbach.model.schema import DIALECT

DATA_DIR = "du-lieu"
PENDING_TEXT = "đang cập nhật"
NOT_APPLICABLE_TEXT = "không áp dụng"


def _text(value: Any) -> str:
    """A cell: pending and not applicable parts say so, dates are ISO, labelled enums show their code."""
    if value is None:
        return ""
    if isinstance(value, Pending):
        return PENDING_TEXT
    if isinstance(value, NotApplicable):
        return NOT_APPLICABLE_TEXT
    if isinstance(value, (dt.datetime, dt.date)):
        return local(value).isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value)


_FORMULA_STARTS = "=+-@"
_CONTROL_STARTS = ("\t", "\r", "\n", "\0")


def spreadsheet_cell(value: Any) -> str:
    """One CSV cell that a spreadsheet shows as it is and never runs as a formula.

    Follows OWASP's CSV Injection guidance (owasp.org/www-community/attacks/CSV_Injection, and
    ASVS 5.0 requirement 1.2.10): text whose first character is =, +, -, @, tab, carriage return
    (or line feed or NUL) gets a single quote in front, which Excel, LibreOffice Calc and Google
    Sheets read as "this is text". Spreadsheets also skip leading spaces and some read the
    full-width and small forms (＝＋－＠, ﹦﹢﹣﹫) as the ASCII ones, so the first character after any
    spaces and invisible characters is compared in its compatibility form (NFKC). Separators and quotes inside a cell are
    the csv module's to escape (RFC 4180: the cell is quoted, quotes doubled).

    Numbers (int, float, Decimal; not bool) are written as they are: they are typed values, never
    formulas, and -3 in a numeric column must stay the number -3. Text that only looks like a
    negative number ("-3" in a title) is quoted like any other text starting with '-'.
    """
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    first = unicodedata.normalize("NFKC", _first_visible(text))[:1]
    if text.startswith(_CONTROL_STARTS) or (first and first in _FORMULA_STARTS):
        return "'" + text
    return text


def _first_visible(text: str) -> str:
    """The first character that is not a space, a control or an invisible format character ("" if none)."""
    for char in text:
        if not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf"):
            return char
    return ""


def csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """Rows as CSV for spreadsheets: UTF-8 with a byte-order mark (so spreadsheet programs read
    Vietnamese correctly), CRLF line ends (RFC 4180), every cell through `spreadsheet_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([spreadsheet_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value: Any) -> Any:
    """A record's value as a CSV cell value: numbers stay numbers, everything else becomes text."""
    return value if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else _text(value)


def _on_day(part: Any, day: dt.date, text: Callable[[Any], str]) -> str:
    """A part that may change on a date (`model.dated`) as plain text on `day`: the value in force, then
    the next known change ('100.000 đồng; từ ngày 01/01/2027: 200.000 đồng')."""
    state = on_day(part, day)
    shown = PENDING_TEXT if state.value is None or isinstance(state.value, Pending) else text(state.value)
    coming = state.following
    if coming is not None:
        later = PENDING_TEXT if isinstance(coming.value, Pending) else text(coming.value)
        shown += f"; từ ngày {formatting.vn_date(coming.start)}: {later}"
    return shown


def channel_times(procedure: Procedure, day: dt.date) -> str:
    """The processing time of each channel on `day` ('Trực tiếp: 05 ngày làm việc; ...'), for the CSV."""
    return "; ".join(f"{c.channel.label}: {_on_day(c.time, day, formatting.duration)}" for c in procedure.channels)


def channel_fees(procedure: Procedure, day: dt.date) -> str:
    """The fee of each channel on `day` ('Trực tiếp: Cấp mới: 200.000 đồng; ...'), for the CSV."""
    return "; ".join(f"{c.channel.label}: {_on_day(c.fee, day, formatting.fee)}" for c in procedure.channels)


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    value: Callable[[Any], Any] | None
    """How to read the cell from a record; None when the site supplies it (page link, next review)."""


@dataclass(frozen=True)
class Dataset:
    name: str  # file stem under du-lieu/
    title: str
    kind: str
    columns: tuple[Column, ...]

    @property
    def model(self) -> type[Record]:
        return KINDS[self.kind].model


def _common_head(title_attr: str, title: str) -> tuple[Column, ...]:
    return (Column("id", "Mã bản ghi", lambda r: r.id), Column("ten", title, lambda r: getattr(r, title_attr)))


def _common_tail() -> tuple[Column, ...]:
    return (
        Column("ngay_dang", "Ngày đăng", lambda r: r.published),
        Column("ngay_cap_nhat", "Ngày cập nhật", lambda r: r.updated),
        Column("trang", "Đường dẫn trang (tương đối so với trang chủ)", None),
    )


DATASETS: tuple[Dataset, ...] = (
    Dataset("thu-tuc", "Thủ tục hành chính", "procedure", (
        *_common_head("name", "Tên thủ tục"),
        Column("ma_thu_tuc", "Mã thủ tục (đầy đủ nếu có mã cơ quan)", lambda r: r.full_code or r.national_code),
        Column("linh_vuc", "Mã lĩnh vực", lambda r: r.field),
        Column("cap_thuc_hien", "Cấp thực hiện", lambda r: r.level.label),
        Column("co_quan_quyet_dinh", "Cơ quan có thẩm quyền quyết định", lambda r: r.agency.authority),
        Column("co_quan_thuc_hien", "Cơ quan trực tiếp thực hiện", lambda r: r.agency.performing),
        Column("thoi_han", "Thời hạn giải quyết theo từng hình thức nộp, tại ngày dựng trang", None),
        Column("phi_le_phi", "Phí, lệ phí theo từng hình thức nộp, tại ngày dựng trang", None),
        Column("muc_do_dvc", "Mức độ dịch vụ công trực tuyến", lambda r: r.online.level if isinstance(r.online.level, Pending) else r.online.level.label),
        Column("ra_soat_tiep", "Hạn rà soát tiếp theo", None),
        *_common_tail(),
    )),
    Dataset("van-ban", "Văn bản pháp luật", "legal", (
        Column("id", "Mã bản ghi", lambda r: r.id),
        Column("so_ky_hieu", "Số, ký hiệu", lambda r: r.number),
        Column("loai", "Loại văn bản", lambda r: r.type.label),
        Column("co_quan_ban_hanh", "Cơ quan ban hành", lambda r: r.issuer),
        Column("trich_yeu", "Trích yếu", lambda r: r.title),
        Column("ngay_ban_hanh", "Ngày ban hành", lambda r: r.issued),
        Column("ngay_hieu_luc", "Ngày có hiệu lực", lambda r: r.effective),
        Column("ngay_het_hieu_luc", "Ngày hết hiệu lực", lambda r: r.expiry),
        Column("tinh_trang", "Tình trạng hiệu lực", lambda r: r.status if isinstance(r.status, Pending) else r.status.label),
        Column("thay_the_boi", "Mã văn bản thay thế", lambda r: r.replaced_by),
        *_common_tail(),
    )),
    Dataset("su-kien", "Sự kiện", "event", (
        *_common_head("title", "Tiêu đề"),
        Column("loai", "Loại sự kiện", lambda r: r.event_type.label),
        Column("bat_dau", "Bắt đầu (giờ Việt Nam)", lambda r: r.start),
        Column("ket_thuc", "Kết thúc (giờ Việt Nam)", lambda r: r.end),
        Column("dia_diem", "Địa điểm", lambda r: r.location),
        Column("quoc_gia", "Quốc gia", lambda r: r.country),
        Column("don_vi_to_chuc", "Đơn vị tổ chức", lambda r: r.organiser),
        Column("han_dang_ky", "Hạn đăng ký", lambda r: r.registration.deadline if r.registration else None),
        Column("ngay_van_ban", "Ngày văn bản nguồn", lambda r: r.issued),
        *_common_tail(),
    )),
    Dataset("tai-tro", "Chính sách, chương trình tài trợ", "funding", (
        *_common_head("title", "Tiêu đề"),
        Column("nha_tai_tro", "Nhà tài trợ", lambda r: r.funder),
        Column("muc_tai_tro", "Mức tài trợ", lambda r: r.amount),
        Column("ap_dung_tu", "Áp dụng từ", lambda r: r.valid_from),
        Column("han", "Hạn nộp, hạn áp dụng", lambda r: r.valid_until),
        Column("dang_nhan_ho_so", "Đang nhận hồ sơ", lambda r: r.open),
        Column("ngay_van_ban", "Ngày văn bản nguồn", lambda r: r.issued),
        *_common_tail(),
    )),
    Dataset("thong-bao", "Thông báo", "notice", (
        *_common_head("title", "Tiêu đề"),
        Column("loai", "Loại thông báo", lambda r: r.category.label),
        Column("ngay_van_ban", "Ngày văn bản nguồn", lambda r: r.issued),
        *_common_tail(),
    )),
)


def records_of(catalog: Catalog, dataset: Dataset) -> list[Record]:
    return sorted((entry.record for entry in catalog.entries[dataset.kind].values()), key=lambda r: r.id)


def json_export(records: list[Record]) -> bytes:
    rows = [record.model_dump(mode="json", exclude={"sources"}) for record in records]
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_schema(dataset: Dataset) -> dict[str, Any]:
    item = dataset.model.model_json_schema(mode="serialization")
    definitions = item.pop("$defs", {})
    item.get("properties", {}).pop("sources", None)
    if "required" in item:
        item["required"] = [name for name in item["required"] if name != "sources"]
    return {"$schema": DIALECT, "$id": f"{dataset.name}.schema.json", "title": dataset.title, "type": "array",
            "items": item, "$defs": definitions}


def csv_export(dataset: Dataset, records: list[Record], *, site_values: dict[str, Callable[[Record], Any]]) -> bytes:
    """The dataset as CSV (see `csv_bytes`): a header of column names, then one row per record.

    `site_values` fills the columns that depend on the site rather than the record alone.
    """
    header = [column.name for column in dataset.columns]
    rows = ([_cell((site_values[column.name] if column.value is None else column.value)(record)) for column in dataset.columns]
            for record in records)
    return csv_bytes([header, *rows])


def json_fields(dataset: Dataset) -> list[tuple[str, str, str, bool]]:
    """(key, title, description, required) of each top-level JSON field, from the model's schema."""
    schema = json_schema(dataset)["items"]
    required = set(schema.get("required", []))
    return [(name, prop.get("title", ""), prop.get("description", ""), name in required)
            for name, prop in schema["properties"].items()]
