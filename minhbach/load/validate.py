"""Validate one source document against its kind's model; turn every error into a finding.

The model library reports errors as (location, type, message) in English; editors need the
line and column in their file, the name of the part in Vietnamese, and what to write instead.

Numbers get one more look, because YAML reads some Vietnamese ways of writing them as other
numbers without complaint: `30.000` (thirty thousand, dots between thousands) is the decimal 30.0,
`1:30` is 90 (base 60, YAML 1.1), `010` is 8 (octal). Wherever the model expects a number, such a
value is an error that gives the number to write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from minhbach.findings import Finding, error
from minhbach.model import Kind, Record
from minhbach.model.base import RULE_PREFIX
from minhbach.model.schema import best_object, description_at, is_pendable, title_of, value_types
from minhbach.load.source import SourceDocument
from minhbach.load.text import DOT_GROUPS, plain_number

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
_NUMBER_ERRORS = ("int_parsing", "decimal_parsing", "float_parsing", "int_type", "decimal_type", "float_type")
_SEXAGESIMAL = re.compile(r"[+-]?[1-9][0-9_]*(?::[0-5]?[0-9])+")  # YAML 1.1 base 60: 1:30 is 90


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def describe_value(value: object) -> str:
    """A YAML value as an editor would recognise it, in Vietnamese ("số 30", "chữ 'abc'", "trống"), for
    messages that say what was found instead of what was expected."""
    if value is None:
        return "trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        return f"chữ '{value[:60]}'"
    if isinstance(value, dt.date):
        return f"ngày {value.isoformat()}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "một danh sách"
    if isinstance(value, dict):
        return "một khối `khóa: giá trị`"
    return f"giá trị kiểu {type(value).__name__}"


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
        # The mapping that holds `name`: for an item of a list (`phones[1]`), the one holding the list.
        keys = [index for index, part in enumerate(path) if isinstance(part, str)]
        parent = path[:keys[-1]] if keys else path
        title, description = title_of(self.kind.name, parent, name) if name else ("", "")
        if path and isinstance(path[-1], int):  # one item: its own rule (e.g. how a phone number is written) comes first
            description = description_at(self.kind.name, path) or description
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
        if error_type in _NUMBER_ERRORS and isinstance(value, str) and plain_number(value) is not None:
            return self._number_format(make, label, value, plain_number(value), path)
        if error_type.endswith("_type") or error_type.endswith("_parsing") or error_type == "model_attributes_type":
            expects_text = _expected(error_type).startswith("chữ")
            hint = "Đặt chữ trong dấu ngoặc kép nếu đó là văn bản." if expects_text else ""
            found = describe_value(value)
            written = self.doc.raw.get(path)
            if written == "":  # `name:` with nothing after it
                hint = "Điền nội dung." if expects_text else ""
            elif written is not None and not isinstance(value, (str, list, dict)):
                found = f"`{written}`, YAML hiểu là {found}"
                if expects_text:
                    # A list item has no key of its own: `- "NO"` (or `[..., "NO"]`), never `tags: "NO"`.
                    where = "" if not path or isinstance(path[-1], int) else f"{path[-1]}: "
                    hint = f"Viết trong dấu ngoặc kép: {where}{_quoted(written)}."
                    if value is None:
                        hint = f"Điền nội dung; nếu đúng là chữ `{written}` thì viết trong dấu ngoặc kép: {where}{_quoted(written)}."
            return make("wrong-type", f"{label}: cần {_expected(error_type)}, đang là {found}", (hint + pending_hint).strip())
        if error_type.startswith(RULE_PREFIX):
            return make(error_type[len(RULE_PREFIX):], err["msg"], "")
        return make("invalid", f"{label}: {err['msg']}", "")

    def _number_format(self, make: Any, label: str, written: str, number: str, path: tuple[str | int, ...]) -> Finding:
        where = "" if not path or isinstance(path[-1], int) else f"{path[-1]}: "
        return make("number-format", f"{label}: số `{written}` viết có dấu ngăn cách hoặc kèm đơn vị nên máy đọc sai hoặc không đọc được",
                    f"Viết liền, chỉ có chữ số: {where}{number} (phần lẻ, nếu có, sau một dấu chấm: 1.5).")

    def number_findings(self) -> list[Finding]:
        """Numbers written so that they are read as other numbers, or not at all, where the model
        expects a number: what YAML reads as another number (`30.000` as 30.0, `1:30` as 90, `010`
        as 8) and text with separators or a currency ("30.000", which the model would read as 30,
        "1.500.000", "30000 đồng"). Text fields are left alone: "30.000 USD" is fine there, and a
        number where text is expected is a wrong-type error already."""
        findings = []
        for path, written in self.doc.numeric_text.items():
            if {"number", "integer"} & value_types(self.kind.name, path):
                findings.append(self._number_format(self._maker(path), self._label(path), written, plain_number(written) or written, path))
        for path, written in self.doc.misread_numbers.items():
            if DOT_GROUPS.fullmatch(written):
                read_as, number = "số thập phân", plain_number(written)
            elif _SEXAGESIMAL.fullmatch(written):
                read_as, number = "số theo hệ 60 (giờ:phút)", None
            else:  # text.MISREAD_NUMBER has three forms; this is the octal one
                read_as, number = "số bát phân", written.lstrip("+-0_") or "0"
            if not {"number", "integer"} & value_types(self.kind.name, path):
                continue
            label = self._label(path)
            position = self.doc.position(path)
            where = "" if isinstance(path[-1], int) else f"{path[-1]}: "
            value = _value_at(self.doc.data, path)
            if number is None:
                parts = [int(part.replace("_", "")) for part in written.lstrip("+-").split(":")]
                decimal = sum(Decimal(part) / 60**index for index, part in enumerate(parts)).quantize(Decimal("0.01"))
                number = f"{'-' if written.startswith('-') else ''}{decimal.normalize():f}"
                hint = f"Viết bằng một số thập phân: {where}{number} (nếu `{written}` là giờ:phút thì bằng {number} giờ)."
                message = f"{label}: `{written}` bị YAML hiểu là {read_as}, tức {value}"
            else:
                message = f"{label}: `{written}` bị YAML hiểu là {read_as} {value}, không phải {number}"
                hint = f"Viết liền, không dấu chấm ngăn cách hàng nghìn: {where}{number}. Số lẻ thì chỉ có một dấu chấm: 1.5."
                if read_as == "số bát phân":
                    hint = f"Bỏ số 0 ở đầu: {where}{number}."
            findings.append(error(self.doc.path, position.line, position.column, "number-format", message, hint))
        return findings

    def _label(self, path: tuple[str | int, ...]) -> str:
        name = next((part for part in reversed(path) if isinstance(part, str)), "")
        title, _ = title_of(self.kind.name, path[:-1] if isinstance(path[-1], str) else path, name) if name else ("", "")
        return f"`{name}`" + (f" ({title})" if title else "") if name else "giá trị"

    def _maker(self, path: tuple[str | int, ...]) -> Any:
        position = self.doc.position(path)
        return lambda code, message, hint="": error(self.doc.path, position.line, position.column, code, message, hint)

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


def _value_at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def validate(doc: SourceDocument, kind: Kind) -> tuple[Record | None, list[Finding]]:
    """The record, or None with findings that say where and why it is invalid."""
    mapper = _Mapper(doc, kind)
    numbers = mapper.number_findings() if doc.misread_numbers or doc.numeric_text else []
    try:
        record = kind.model.model_validate(doc.data)
    except ValidationError as exc:
        places = {(f.line, f.column) for f in numbers}
        found = [mapper.finding(err) for err in exc.errors(include_url=False)]
        return None, numbers + [f for f in found if (f.line, f.column) not in places]
    return (None, numbers) if numbers else (record, [])
