"""Building blocks shared by every record kind: strict models, text, references, pending parts.

Titles and descriptions are written for the editors (in Vietnamese): they become the hover
help of the JSON Schema in their editor and the field dictionary page, so a field is
described here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
RULE_PREFIX = "minhbach:"


def rule(code: str, message: str, **context: str) -> PydanticCustomError:
    """A broken rule of the model; `code` becomes the finding's code."""
    return PydanticCustomError(RULE_PREFIX + code, message, context or None)


def _editor_schema(schema: dict[str, Any], model: type) -> None:
    """Class docstrings are for developers; keep them out of the editors' hover help."""
    if schema.get("description") == inspect.cleandoc(model.__doc__ or ""):
        schema.pop("description", None)


class Strict(BaseModel):
    """Every part of a record: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_editor_schema)


class Labelled(str, Enum):
    """An enum whose values are stable ASCII codes and whose labels are shown to readers.

    Members are declared as `CODE = ("code", "Nhãn hiển thị")`.
    """

    label: str

    def __new__(cls, value: str, label: str) -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value


def _not_true_or_false(value: Any) -> Any:
    """YAML reads yes/no/on/off/true/false as booleans, and a lax int would take true for 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


NOT_TRUE_OR_FALSE = BeforeValidator(_not_true_or_false)
"""Put last in the Annotated of a whole number (after its Field, so the schema keeps minimum/maximum):
a count or an order is never `yes`/`no`, which YAML reads as true/false."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Text that must say something: empty or blank is an error."""

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]


_DIGIT = r"[ .-]?[0-9]"
PHONE_FORMS = {
    # 0 + area code 2x(x) + subscriber: 11 digits; 0 + mobile prefix 3x, 5x, 7x, 8x, 9x + 7 digits: 10 digits.
    "trong nước": r"0(?:2" + f"(?:{_DIGIT}){{9}}" + r"|[35789]" + f"(?:{_DIGIT}){{8}})",
    # Vietnam from abroad: +84 and the same number without its leading 0.
    "quốc tế +84": r"\+84[ .-]?(?:2" + f"(?:{_DIGIT}){{9}}" + r"|[35789]" + f"(?:{_DIGIT}){{8}})",
    # Any other country (E.164: at most 15 digits with the country code); 84 has its own form above.
    "quốc tế": r"\+(?:[1-79]|8[0-35-9])" + f"(?:{_DIGIT}){{6,13}}",
    # Toll-free (1800) and premium (1900) service numbers: callable inside Vietnam only.
    "tổng đài 1800/1900": r"1[89]00" + f"(?:{_DIGIT}){{4,6}}",
    # Short service numbers: 111 (child protection) to 115 (first aid), four-digit ones such as 1022.
    "số ngắn": r"1[0-9]{2,3}",
}
"""The ways a telephone number may be written, by name (Vietnamese numbering plan, TT 22/2014/TT-BTTTT and
its amendments). Digits may be grouped with one space, dot or hyphen; nothing else (no brackets, no words)."""

PHONE_PATTERN = "^(?:" + "|".join(PHONE_FORMS.values()) + ")$"

Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=PHONE_PATTERN),
    Field(
        description="Số điện thoại viết như khi gọi trong nước ('0205 3719 886', '0981 848 484'), dạng quốc tế "
        "('+84 981 84 84 84'), tổng đài ('1900 1234', '1800 123456') hoặc số ngắn ('113'). Chỉ gồm chữ số, nhóm "
        "bằng một dấu cách, dấu chấm hoặc gạch ngang; không ghi chữ, không ngoặc; mỗi số là một mục riêng.",
        examples=["0205 3719 886"],
    ),
]
"""A telephone number as readers see it; `pages.contact.tel_href` turns it into the `tel:` link."""

Email = Annotated[
    str,
    # Letters, digits and . _ + - only: "?", "&" or "=" would add fields (cc, body) to the mailto: link.
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[a-z]{2,}$"),
    Field(description="Thư điện tử công vụ, ví dụ 'songoaivu@langson.gov.vn'; chỉ gồm chữ không dấu, chữ số và . _ + -."),
]
"""An e-mail address; shown as a `mailto:` link."""


@dataclass(frozen=True)
class RefTo:
    """Marks a string as the id of a record of another kind (checked by `checks.references`).

    `code` names the finding when the record does not exist, where a more specific name helps
    (an unknown actor of a workflow step is not the same mistake as an unknown owner).
    """

    kind: str
    code: str = "unknown-reference"


@dataclass(frozen=True)
class DocsFile:
    """Marks a string as a path under `docs/` that must exist (checked by `checks.files`)."""


@dataclass(frozen=True)
class MarkdownText:
    """Marks a text as Markdown (the restricted subset of `pages.markdown`); all other text is plain."""


@dataclass(frozen=True)
class Untranslated:
    """Marks a text field that has no translation (`model.translation`): not shown to readers, or a code written as text."""


def ref(kind: str, *, title: str, description: str = "", code: str = "unknown-reference") -> Any:
    """A reference to another record's id, e.g. the unit that owns a record."""
    return Annotated[
        str,
        StringConstraints(pattern=SLUG_PATTERN),
        RefTo(kind, code),
        Field(title=title, description=description or f"Mã (id) của một bản ghi loại `{kind}`."),
    ]


class Pending(Strict):
    """A required part whose true value is not yet established. Shown as "đang cập nhật"."""

    pending: Annotated[
        Text,
        Field(
            title="Đang cập nhật (lý do)",
            description="Ghi ngắn gọn vì sao chưa có giá trị chính thức, ví dụ: "
            "'Chưa xác định được thời hạn theo QĐ 09/2023/QĐ-TTg'.",
        ),
    ]


class NotApplicable(Strict):
    """A part that does not apply to this record, with the reason. Shown as "Không áp dụng"; not pending.

    Only parts declared with `pendable(..., may_not_apply=True)` accept it: a part the law requires of
    every record (a fee, a deadline) is either known or pending, never "not applicable".
    """

    not_applicable: Annotated[
        Text,
        Field(
            title="Không áp dụng (lý do)",
            description="Ghi ngắn gọn vì sao phần này không áp dụng cho bản ghi, ví dụ: "
            "'Thủ tục do cơ quan trung ương giải quyết; chỉ có mã quốc gia.'",
        ),
    ]


def pending_or_value(value: Any) -> str:
    """The tag of a pendable part's branch: 'pending' for `{pending: ...}`, else 'value' (where an unknown
    key such as `not_applicable` is reported with the keys the value allows)."""
    if isinstance(value, Pending) or (isinstance(value, dict) and "pending" in value):
        return "pending"
    return "value"


def _pending_not_applicable_or_value(value: Any) -> str:
    if isinstance(value, NotApplicable) or (isinstance(value, dict) and "not_applicable" in value):
        return "not_applicable"
    return pending_or_value(value)


def pendable(inner: Any, *, may_not_apply: bool = False) -> Any:
    """`inner`, or `{pending: "reason"}` when the true value is not yet known; with `may_not_apply`, also
    `{not_applicable: "reason"}` when the part does not apply to the record (see `NotApplicable`)."""
    if may_not_apply:
        return Annotated[
            Union[Annotated[Pending, Tag("pending")], Annotated[inner, Tag("value")], Annotated[NotApplicable, Tag("not_applicable")]],
            Discriminator(_pending_not_applicable_or_value),
        ]
    return Annotated[Union[Annotated[Pending, Tag("pending")], Annotated[inner, Tag("value")]], Discriminator(pending_or_value)]


PERIOD_PATTERN = r"^(\d+) ?(ngày|tuần|tháng|năm|days?|weeks?|months?|years?)$"


ReviewPeriod = Annotated[
    str,
    StringConstraints(pattern=PERIOD_PATTERN),
    Field(
        title="Chu kỳ rà soát",
        description="Bao lâu thì phải rà soát lại, ví dụ '6 tháng', '1 năm', '90 ngày'. "
        "Bỏ trống thì áp dụng chu kỳ mặc định của loại bản ghi (12 tháng nếu không cấu hình khác).",
        examples=["6 tháng", "1 năm"],
    ),
]


class Change(Strict):
    """One dated note in the public change history."""

    date: Annotated[dt.date, Field(title="Ngày", description="Ngày thay đổi, dạng YYYY-MM-DD.")]
    note: Annotated[Text, Field(title="Nội dung thay đổi", description="Viết cho người đọc: đã thay đổi gì.")]


class Record(Strict):
    """What every record carries, whatever its kind: identity, freshness and ownership."""

    id: Annotated[
        Slug,
        Field(
            title="Mã bản ghi (id)",
            description="Chữ thường không dấu, nối bằng gạch ngang; trùng với tên tệp. "
            "Dùng làm địa chỉ trang, ví dụ 'cap-van-ban-cho-phep-su-dung-the-abtc'.",
        ),
    ]
    published: Annotated[dt.date, Field(title="Ngày đăng", description="Ngày công bố lần đầu trên trang.")]
    updated: Annotated[
        dt.date,
        Field(title="Ngày cập nhật", description="Ngày của thay đổi nội dung gần nhất (không tính sửa lỗi chính tả)."),
    ]
    last_reviewed: Annotated[
        dt.date, Field(title="Ngày rà soát gần nhất", description="Ngày cán bộ phụ trách đã kiểm tra lại toàn bộ nội dung.")
    ]
    review_in: ReviewPeriod | None = None
    review_by: Annotated[
        dt.date | None, Field(title="Hạn rà soát", description="Dùng thay cho chu kỳ rà soát khi có hạn cụ thể.")
    ] = None
    owner: ref("unit", title="Đơn vị phụ trách", description="Mã (id) của phòng/đơn vị chịu trách nhiệm nội dung.")
    changes: Annotated[
        list[Change],
        Field(
            min_length=1,
            title="Lịch sử thay đổi",
            description="Các ghi chú thay đổi có ngày, hiển thị cho người đọc. Mục đầu tiên thường là 'Đăng lần đầu'.",
        ),
    ]

    sources: Annotated[
        list[Text],
        Untranslated(),
        Field(
            title="Nguồn đối chiếu",
            description="Nơi đã đối chiếu thông tin (văn bản, trang chính thức), để người rà soát kiểm tra lại. "
            "Không hiển thị trên trang.",
        ),
    ] = []

    @model_validator(mode="after")
    def _one_review_rule(self) -> Record:
        if self.review_in is not None and self.review_by is not None:
            raise rule("review-rule", "chỉ ghi một trong hai: `review_in` (chu kỳ rà soát) hoặc `review_by` (hạn rà soát)")
        return self
