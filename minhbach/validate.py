"""Validate one source document against its kind's model; turn every error into a finding.

The model library reports errors as (location, type, message) in English; editors need the
line and column in their file, the name of the part in Vietnamese, and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from pydantic import ValidationError

from minhbach.findings import Finding, error
from minhbach.model import Kind, Record
from minhbach.model.base import RULE_PREFIX
from minhbach.schema import best_object, is_pendable, title_of
from minhbach.source import SourceDocument

_TYPE_NAMES = {
    "string": "chữ (văn bản)",
    "int": "số nguyên",
    "decimal": "số",
    "float": "số",
    "bool": "true hoặc false",
    "list": "danh sách (các dòng bắt đầu bằng '- ')",
    "dict": "khối `khoa: giá trị`",
    "model": "khối `khoa: giá trị`",
    "date": "ngày dạng YYYY-MM-DD",
    "url": "địa chỉ web bắt đầu bằng https://",
}
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _describe(value: Any) -> str:
    if value is None:
        return "trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        return f"chữ '{value[:40]}'"
    if isinstance(value, dt.date):
        return f"ngày {value.isoformat()}"
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một khối khóa: giá trị"
    return type(value).__name__


def _expected(error_type: str) -> str:
    for prefix, name in _TYPE_NAMES.items():
        if error_type.startswith(prefix):
            return name
    return "giá trị khác"


class _Mapper:
    def __init__(self, doc: SourceDocument, kind: Kind) -> None:
        self.doc, self.kind = doc, kind

    def finding(self, err: dict[str, Any]) -> Finding:
        loc = tuple(err["loc"])
        path, complete = self.doc.locate(loc)
        error_type: str = err["type"]
        name = next((part for part in reversed(loc) if isinstance(part, str) and part not in ("value", "pending")), "")
        if error_type == "missing":
            return self._missing(path, str(loc[-1]))
        if error_type == "extra_forbidden":
            return self._unknown_key(path)
        parent = path[:-1] if path and isinstance(path[-1], str) else path
        title, description = title_of(self.kind.name, parent, name) if name else ("", "")
        label = f"`{name}`" + (f" ({title})" if title else "") if name else "giá trị"
        value = err.get("input")
        position = self.doc.position(path)

        def make(code: str, message: str, hint: str = "") -> Finding:
            return error(self.doc.path, position.line, position.column, code, message, hint)

        pending_hint = (
            f" Nếu chưa xác định được, ghi: {name}: {{pending: \"lý do\"}}"
            if name and is_pendable(self.kind.name, parent, name)
            else ""
        )
        if error_type in ("string_too_short", "too_short"):
            return make("empty-value", f"{label} đang để trống", f"Điền nội dung.{pending_hint}")
        if error_type.startswith("date") or error_type.startswith("datetime"):
            return self._date(make, label, value)
        if error_type == "string_pattern_mismatch":
            return make("bad-format", f"{label} sai định dạng: '{value}'", description or "Kiểm tra lại cách viết.")
        if error_type in ("enum", "literal_error"):
            expected = str(err.get("ctx", {}).get("expected", ""))
            options = re.findall(r"'([^']*)'", expected) or [expected]
            close = difflib.get_close_matches(str(value), options, n=1)
            hint = (f"Có phải ý bạn là '{close[0]}'? " if close else "") + "Chọn một trong: " + ", ".join(options)
            return make("bad-value", f"'{value}' không phải giá trị hợp lệ của {label}", hint)
        if error_type.startswith("url"):
            return make("bad-url", f"{label} không phải địa chỉ web hợp lệ: '{value}'", "Viết đầy đủ, ví dụ https://dichvucong.gov.vn/...")
        if error_type in ("greater_than_equal", "greater_than", "less_than_equal", "less_than") or error_type.startswith(
            "decimal_max"
        ):
            return make("out-of-range", f"{label}: {err['msg']} (đang là {value})", "Kiểm tra lại con số.")
        if error_type.endswith("_type") or error_type.endswith("_parsing") or error_type == "model_attributes_type":
            hint = "Đặt chữ trong dấu ngoặc kép nếu đó là văn bản." if _expected(error_type).startswith("chữ") else ""
            found = _describe(value)
            if path in self.doc.raw and not isinstance(value, (str, list, dict)):
                written = self.doc.raw[path]
                found = f"`{written}` (YAML hiểu là {found.split(' ')[0]})"
                if hint:
                    hint = f'Viết trong dấu ngoặc kép: {name}: "{written}".'

            return make("wrong-type", f"{label}: cần {_expected(error_type)}, đang là {found}", (hint + pending_hint).strip())
        if error_type.startswith(RULE_PREFIX):
            return make(error_type[len(RULE_PREFIX):], err["msg"], "")
        return make("invalid", f"{label}: {err['msg']}", "")

    def _missing(self, path: tuple[str | int, ...], name: str) -> Finding:
        title, description = title_of(self.kind.name, path, name)
        position = self.doc.position(path, prefer_key=True) if path else self.doc.position(())
        hint = description
        if is_pendable(self.kind.name, path, name):
            hint = (hint + " " if hint else "") + f"Nếu chưa xác định được, ghi: {name}: {{pending: \"lý do\"}}"
        label = f"`{name}`" + (f" ({title})" if title else "")
        return error(self.doc.path, position.line, position.column, "missing-part", f"thiếu phần bắt buộc {label}", hint)

    def _unknown_key(self, path: tuple[str | int, ...]) -> Finding:
        key = str(path[-1])
        parent = path[:-1]
        mapping = self.doc.data
        for part in parent:
            mapping = mapping[part]
        branch = best_object(self.kind.name, parent, set(mapping) if isinstance(mapping, dict) else set())
        allowed = sorted(branch["properties"]) if branch else []
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (f"Có phải ý bạn là `{close[0]}`? " if close else "") + (f"Các khóa hợp lệ ở đây: {', '.join(allowed)}" if allowed else "")
        position = self.doc.position(path, prefer_key=True)
        return error(self.doc.path, position.line, position.column, "unknown-key", f"khóa `{key}` không có trong mẫu", hint)

    def _date(self, make: Any, label: str, value: Any) -> Finding:
        text = str(value)
        dmy = _DMY.match(text)
        if dmy:
            day, month, year = (int(part) for part in dmy.groups())
            return make("non-iso-date", f"{label}: ngày '{text}' chưa viết theo dạng YYYY-MM-DD",
                        f"Viết là {year:04d}-{month:02d}-{day:02d} (năm-tháng-ngày).")
        if _ISO_SHAPE.match(text):
            return make("invalid-date", f"{label}: '{text}' không phải ngày có thật", "Kiểm tra số ngày của tháng.")
        return make("non-iso-date", f"{label}: '{text}' không phải ngày", "Viết ngày dạng YYYY-MM-DD, ví dụ 2026-03-15.")


def validate(doc: SourceDocument, kind: Kind) -> tuple[Record | None, list[Finding]]:
    """The record, or None with findings that say where and why it is invalid."""
    try:
        return kind.model.model_validate(doc.data), []
    except ValidationError as exc:
        mapper = _Mapper(doc, kind)
        return None, [mapper.finding(err) for err in exc.errors(include_url=False)]
