"""Legal documents (văn bản pháp luật) and their validity in the national vocabulary."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, NamedTuple

from pydantic import AnyHttpUrl, Field, StringConstraints, model_validator

from minhbach.model.translation import TRANSLATIONS_FIELD, translations_model
from minhbach.model.base import NOT_TRUE_OR_FALSE, Labelled, Record, Text, pendable, ref, rule


class DocumentType(Labelled):
    LAW = ("luat", "Luật")
    ORDINANCE = ("phap_lenh", "Pháp lệnh")
    RESOLUTION = ("nghi_quyet", "Nghị quyết")
    DECREE = ("nghi_dinh", "Nghị định")
    DECISION = ("quyet_dinh", "Quyết định")
    CIRCULAR = ("thong_tu", "Thông tư")
    JOINT_CIRCULAR = ("thong_tu_lien_tich", "Thông tư liên tịch")
    DIRECTIVE = ("chi_thi", "Chỉ thị")
    OFFICIAL_LETTER = ("cong_van", "Công văn")
    PLAN = ("ke_hoach", "Kế hoạch")


class Validity(Labelled):
    """Tình trạng hiệu lực, as the national legal database (vbpl.vn) words it."""

    IN_FORCE = ("con_hieu_luc", "Còn hiệu lực")
    PARTLY_EXPIRED = ("het_hieu_luc_mot_phan", "Hết hiệu lực một phần")
    EXPIRED = ("het_hieu_luc_toan_bo", "Hết hiệu lực toàn bộ")
    NOT_YET = ("chua_co_hieu_luc", "Chưa có hiệu lực")
    SUSPENDED = ("ngung_hieu_luc", "Ngưng hiệu lực")

    @property
    def usable(self) -> bool:
        """Whether a procedure may rest on a document in this state without a warning to readers."""
        return self in (Validity.IN_FORCE, Validity.PARTLY_EXPIRED)


class NotInForce(NamedTuple):
    """Why a legal document is not in force on a day: `why` is "status" (its recorded `status`, one that is
    not `usable`), "not_yet" (in force from `day`) or "expired" (expired on `day`)."""

    why: Literal["status", "not_yet", "expired"]
    status: Validity | None = None
    day: dt.date | None = None


DocumentNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\d+(/\d{4})?/[0-9A-Za-zĐđ]+([-–][0-9A-Za-zĐđ]+)*$"),
    Field(
        title="Số, ký hiệu",
        description="Ví dụ '09/2023/QĐ-TTg', '49/2019/QH14', '5609/LS-XNC'.",
        examples=["09/2023/QĐ-TTg"],
    ),
]


class LegalDocument(Record):
    """Văn bản pháp luật hoặc văn bản hành chính làm căn cứ cho thủ tục."""

    number: Annotated[pendable(DocumentNumber), Field(title="Số, ký hiệu")]
    type: Annotated[DocumentType, Field(title="Loại văn bản")]
    issuer: Annotated[Text, Field(title="Cơ quan ban hành", description="Ví dụ 'Thủ tướng Chính phủ', 'Bộ Ngoại giao'.")]
    title: Annotated[pendable(Text), Field(title="Trích yếu", description="Trích yếu nguyên văn như trên văn bản gốc.")]
    summary: Annotated[
        Text | None,
        Field(title="Nội dung chính", description="Một câu tự viết cho người đọc; không thay cho trích yếu nguyên văn."),
    ] = None
    issued: Annotated[dt.date, Field(title="Ngày ban hành")]
    effective: Annotated[pendable(dt.date), Field(title="Ngày có hiệu lực")]
    expiry: Annotated[dt.date | None, Field(title="Ngày hết hiệu lực")] = None
    status: Annotated[
        pendable(Validity),
        Field(title="Tình trạng hiệu lực", description="Theo Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)."),
    ]
    replaced_by: ref("legal", title="Được thay thế bởi", description="Mã (id) của văn bản thay thế.") | None = None
    amended_by: Annotated[
        list[ref("legal", title="Được sửa đổi bởi")],
        Field(title="Được sửa đổi, bổ sung bởi", description="Mã (id) các văn bản sửa đổi, bổ sung."),
    ] = []
    national_db_id: Annotated[
        int | None,
        Field(
            ge=1,
            title="ItemID trên CSDL quốc gia về văn bản pháp luật",
            description="Số ItemID của văn bản trên vbpl.vn (chỉ lưu số, không lưu cả địa chỉ).",
        ),
        NOT_TRUE_OR_FALSE,
    ] = None
    url: Annotated[
        AnyHttpUrl | None,
        Field(
            title="Địa chỉ văn bản chính thức",
            description="Địa chỉ (http:// hoặc https://) của toàn văn chính thức: Cơ sở dữ liệu quốc gia về văn bản pháp luật "
            "(vbpl.vn) hoặc Công báo. Chỉ ghi địa chỉ đã mở được và đúng văn bản; trang văn bản dẫn tới đó.",
        ),
    ] = None

    translations: Annotated[LegalDocumentTranslations | None, TRANSLATIONS_FIELD] = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> LegalDocument:
        if isinstance(self.effective, dt.date) and self.effective < self.issued:
            raise rule("date-order", "ngày có hiệu lực ({effective}) sớm hơn ngày ban hành ({issued})",
                       effective=self.effective.isoformat(), issued=self.issued.isoformat())
        if self.expiry is not None and self.expiry < self.issued:
            raise rule("date-order", "ngày hết hiệu lực ({expiry}) sớm hơn ngày ban hành ({issued})",
                       expiry=self.expiry.isoformat(), issued=self.issued.isoformat())
        return self

    def not_in_force_on(self, day: dt.date) -> NotInForce | None:
        """Why a procedure may not rest on this document on `day`, or None when it may.

        The recorded status decides first; known dates can only make it worse (a document whose
        effective date is still ahead, or whose expiry has passed, is not in force whatever it says).
        """
        status = self.status
        if isinstance(status, Validity) and not status.usable:
            return NotInForce("status", status=status)
        if isinstance(self.effective, dt.date) and self.effective > day:
            return NotInForce("not_yet", day=self.effective)
        if self.expiry is not None and self.expiry <= day:
            return NotInForce("expired", day=self.expiry)
        return None

    def in_force_on(self, day: dt.date) -> tuple[bool, str]:
        """Whether a procedure may rest on this document on `day`, and the reason when not (Vietnamese,
        for findings; pages word it in their language from `not_in_force_on`)."""
        reason = self.not_in_force_on(day)
        if reason is None:
            return True, ""
        if reason.why == "status":
            return False, f"đang ở tình trạng '{reason.status.label}'"
        if reason.why == "not_yet":
            return False, f"chưa có hiệu lực (có hiệu lực từ {reason.day.isoformat()})"
        return False, f"đã hết hiệu lực từ {reason.day.isoformat()}"

    @property
    def label(self) -> str:
        """How readers cite it: 'Quyết định 09/2023/QĐ-TTg'."""
        number = self.number if isinstance(self.number, str) else "(chưa rõ số)"
        return f"{self.type.label} {number}"


LegalDocumentTranslations = translations_model(LegalDocument)
