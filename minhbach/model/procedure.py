"""The administrative procedure (thủ tục hành chính) in the national format.

Parts follow Nghị định 63/2010/NĐ-CP, Điều 8 and the layout of the national procedure
database: per-channel time and fee, dossier components with originals/copies and forms,
legal basis as references to legal documents, and the online-service level of NĐ 42/2022.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, StringConstraints, model_validator

from minhbach.model.translation import TRANSLATIONS_FIELD, translations_model
from minhbach.model.base import NOT_TRUE_OR_FALSE, DocsFile, Labelled, NotApplicable, Record, Strict, Text, Untranslated, pendable, ref, rule
from minhbach.model.dated import dated


class ChannelKind(Labelled):
    """Cách thức thực hiện: how a dossier reaches the agency."""

    IN_PERSON = ("truc_tiep", "Trực tiếp")
    POST = ("buu_chinh", "Dịch vụ bưu chính")
    ONLINE = ("truc_tuyen", "Trực tuyến")


class OnlineLevel(Labelled):
    """Mức độ dịch vụ công trực tuyến (NĐ 42/2022/NĐ-CP, Điều 11)."""

    FULL = ("toan_trinh", "Dịch vụ công trực tuyến toàn trình")
    PARTIAL = ("mot_phan", "Dịch vụ công trực tuyến một phần")
    NONE = ("khong_cung_cap", "Chưa cung cấp dịch vụ công trực tuyến")


class Level(Labelled):
    """Cấp thực hiện."""

    CENTRAL = ("trung_uong", "Cấp trung ương")
    PROVINCE = ("tinh", "Cấp tỉnh")
    COMMUNE = ("xa", "Cấp xã")


NationalCode = Annotated[
    str,
    StringConstraints(pattern=r"^\d\.\d{6}$"),
    Field(
        title="Mã thủ tục quốc gia",
        description="Mã trên Cơ sở dữ liệu quốc gia về TTHC, dạng 1.000894 (một chữ số, dấu chấm, sáu chữ số).",
        examples=["3.000242"],
    ),
]
AgencyCode = Annotated[
    str,
    StringConstraints(pattern=r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$"),
    Field(
        title="Mã định danh cơ quan",
        description="Phần đuôi mã của cơ quan công bố (QCVN 102:2016/BTTTT), dạng 000.00.00.H37.",
        examples=["000.00.00.H37"],
    ),
]
Amount = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


class ProcessingTime(Strict):
    """Thời hạn giải quyết of one channel: a number of days or hours, or "not fixed"."""

    working_days: Annotated[Amount | None, Field(title="Số ngày làm việc")] = None
    days: Annotated[Amount | None, Field(title="Số ngày (theo lịch)")] = None
    working_hours: Annotated[Amount | None, Field(title="Số giờ làm việc")] = None
    not_fixed: Annotated[
        Text | None,
        Field(
            title="Không quy định thời hạn",
            description="Dùng khi luật không quy định thời hạn; ghi rõ, ví dụ 'Tùy theo cơ quan có thẩm quyền'.",
        ),
    ] = None
    note: Annotated[Text | None, Field(title="Ghi chú", description="Ví dụ: 'kể từ ngày nhận đủ hồ sơ hợp lệ'.")] = None

    @model_validator(mode="after")
    def _exactly_one(self) -> ProcessingTime:
        given = [name for name in ("working_days", "days", "working_hours", "not_fixed") if getattr(self, name) is not None]
        if len(given) != 1:
            raise rule(
                "time-shape",
                "thời hạn cần đúng một trong: working_days, days, working_hours, not_fixed (đang có: {given})",
                given=", ".join(given) or "không có",
            )
        return self


class FeeItem(Strict):
    amount: Annotated[Amount, Field(title="Số tiền (đồng)", description="Số tiền bằng đồng Việt Nam, chỉ ghi số: 30000.")]
    per: Annotated[Text | None, Field(title="Tính theo", description="Ví dụ 'mỗi giấy tờ', 'mỗi hộ chiếu'.")] = None
    label: Annotated[Text | None, Field(title="Khoản thu", description="Ví dụ 'Cấp mới', 'Cấp lại do bị mất'.")] = None


class Fee(Strict):
    """Phí, lệ phí of one channel: free, or one or more amounts."""

    free: Annotated[Literal[True] | None, Field(title="Không thu phí", description="Ghi `free: true` khi không thu phí, lệ phí.")] = None
    items: Annotated[list[FeeItem] | None, Field(title="Các khoản thu", min_length=1)] = None
    note: Annotated[Text | None, Field(title="Ghi chú", description="Ví dụ căn cứ thu phí, cách nộp.")] = None

    @model_validator(mode="after")
    def _free_or_items(self) -> Fee:
        if (self.free is None) == (self.items is None):
            raise rule("fee-shape", "phí cần đúng một trong: `free: true` hoặc `items` (danh sách khoản thu)")
        return self


class Channel(Strict):
    """One row of the channels table: how to submit, in how long, for how much."""

    channel: Annotated[ChannelKind, Field(title="Hình thức nộp")]
    time: Annotated[dated(ProcessingTime), Field(title="Thời hạn giải quyết")]
    fee: Annotated[dated(Fee), Field(title="Phí, lệ phí")]
    notes: Annotated[Text | None, Field(title="Mô tả")] = None


class Form(Strict):
    """Mẫu đơn, mẫu tờ khai attached to a dossier component."""

    name: Annotated[Text, Field(title="Tên mẫu", description="Ví dụ 'Mẫu CV01 - Văn bản đề nghị...'.")]
    file: Annotated[
        str | None,
        StringConstraints(pattern=r"^[A-Za-z0-9._/-]+$"),
        DocsFile(),
        Field(title="Tệp mẫu", description="Đường dẫn tệp trong thư mục docs/, ví dụ 'forms/abtc-cv01.docx'."),
    ] = None
    url: Annotated[AnyHttpUrl | None, Field(title="Địa chỉ tải mẫu chính thức")] = None


class DossierItem(Strict):
    """Thành phần hồ sơ: one paper in the dossier, with how many originals and copies."""

    name: Annotated[Text, Field(title="Tên giấy tờ")]
    originals: Annotated[pendable(Annotated[int, Field(ge=0, le=99), NOT_TRUE_OR_FALSE]), Field(title="Số bản chính")]
    copies: Annotated[pendable(Annotated[int, Field(ge=0, le=99), NOT_TRUE_OR_FALSE]), Field(title="Số bản sao")]
    form: Annotated[Form | None, Field(title="Mẫu đơn, tờ khai")] = None
    note: Annotated[Text | None, Field(title="Ghi chú", description="Ví dụ 'bản sao có chứng thực'.")] = None

    @model_validator(mode="after")
    def _some_paper(self) -> DossierItem:
        if self.originals == 0 and self.copies == 0:
            raise rule("dossier-count", "thành phần hồ sơ cần ít nhất một bản chính hoặc bản sao")
        return self


class Dossier(Strict):
    """Thành phần, số lượng hồ sơ."""

    items: Annotated[list[DossierItem], Field(min_length=1, title="Thành phần hồ sơ")]
    sets: Annotated[pendable(Annotated[int, Field(ge=1, le=99), NOT_TRUE_OR_FALSE]), Field(title="Số lượng hồ sơ (bộ)")]
    note: Annotated[Text | None, Field(title="Ghi chú")] = None


class CommonRejection(Strict):
    """Lỗi thường gặp: one reason the agency often returns a dossier, and how to avoid it.

    Published by the agency from the dossiers its receiving desk has actually returned; an entry
    no record supports is not listed. Shown under the dossier checklist of the procedure's page.
    """

    reason: Annotated[Text, Field(title="Lý do hồ sơ bị trả lại", description="Ví dụ 'Bản sao hộ chiếu không có chứng thực'.")]
    fix: Annotated[Text | None, Field(title="Cách khắc phục", description="Ví dụ 'Nộp bản sao có chứng thực hoặc mang bản chính để đối chiếu'.")] = None


class Agency(Strict):
    """Cơ quan thực hiện."""

    authority: Annotated[pendable(Text), Field(title="Cơ quan có thẩm quyền quyết định")]
    performing: Annotated[Text, Field(title="Cơ quan trực tiếp thực hiện")]
    unit: ref("unit", title="Phòng/đơn vị tham mưu", description="Mã (id) của phòng trực tiếp xử lý hồ sơ.") | None = None
    coordinating: Annotated[Text | None, Field(title="Cơ quan phối hợp")] = None


class Reception(Strict):
    """Địa điểm và thời gian tiếp nhận hồ sơ, trả kết quả."""

    place: Annotated[pendable(Text), Field(title="Nơi tiếp nhận và trả kết quả")]
    hours: Annotated[pendable(Text), Field(title="Thời gian tiếp nhận")]


class Online(Strict):
    level: Annotated[pendable(OnlineLevel), Field(title="Mức độ dịch vụ công trực tuyến")]
    url: Annotated[AnyHttpUrl | None, Field(title="Địa chỉ nộp trực tuyến", description="Trang thủ tục trên cổng dịch vụ công.")] = None

    @model_validator(mode="after")
    def _url_when_online(self) -> Online:
        if isinstance(self.level, OnlineLevel) and self.level is not OnlineLevel.NONE and self.url is None:
            raise rule("online-url", "thủ tục có dịch vụ công trực tuyến cần địa chỉ `url` của cổng dịch vụ công")
        return self


class LegalRef(Strict):
    doc: ref("legal", title="Văn bản", description="Mã (id) của văn bản trong thư mục data/legal/.")
    provisions: Annotated[Text | None, Field(title="Điều, khoản", description="Ví dụ 'Điều 12, khoản 2'.")] = None


class ProcedureCore(Record):
    """The parts public and internal procedures share (NĐ 63/2010/NĐ-CP, Điều 8)."""

    name: Annotated[Text, Field(title="Tên thủ tục")]
    summary: Annotated[Text | None, Field(title="Tóm tắt", description="Một câu cho danh mục và kết quả tìm kiếm.")] = None
    field: ref("field", title="Lĩnh vực", description="Mã (id) của lĩnh vực trong data/fields/.")
    agency: Annotated[Agency, Field(title="Cơ quan thực hiện")]
    subjects: Annotated[list[Text], Field(min_length=1, title="Đối tượng thực hiện")]
    steps: Annotated[list[Text], Field(min_length=1, title="Trình tự thực hiện")]
    channels: Annotated[list[Channel], Field(min_length=1, title="Cách thức thực hiện")]
    time_note: Annotated[Text | None, Field(title="Ghi chú về thời hạn giải quyết")] = None
    dossier: Annotated[pendable(Dossier), Field(title="Thành phần, số lượng hồ sơ")]
    result: Annotated[pendable(Text), Field(title="Kết quả thực hiện")]
    fee_note: Annotated[Text | None, Field(title="Ghi chú về phí, lệ phí")] = None
    requirements: Annotated[
        list[Text],
        Field(title="Yêu cầu, điều kiện", description="Ghi `requirements: []` khi thủ tục không có yêu cầu, điều kiện."),
    ]
    legal_basis: Annotated[list[LegalRef], Field(min_length=1, title="Căn cứ pháp lý")]
    announced_by: ref("legal", title="Quyết định công bố", description="Mã (id) của quyết định công bố thủ tục.") | None = None

    @model_validator(mode="after")
    def _channels_once(self) -> ProcedureCore:
        kinds = [channel.channel for channel in self.channels]
        repeated = sorted({kind.value for kind in kinds if kinds.count(kind) > 1})
        if repeated:
            raise rule("channel-repeated", "mỗi hình thức nộp chỉ ghi một lần (lặp lại: {repeated})", repeated=", ".join(repeated))
        return self


class Procedure(ProcedureCore):
    """Thủ tục hành chính công khai cho tổ chức, cá nhân."""

    national_code: Annotated[pendable(NationalCode), Field(title="Mã thủ tục quốc gia")]
    agency_code: Annotated[pendable(AgencyCode, may_not_apply=True), Field(title="Mã định danh cơ quan")]
    """`{not_applicable: ...}` for procedures decided centrally, which have only the national code (see `full_code`)."""
    level: Annotated[Level, Field(title="Cấp thực hiện")]
    reception: Annotated[Reception, Field(title="Địa điểm, thời gian tiếp nhận hồ sơ")]
    online: Annotated[Online, Field(title="Dịch vụ công trực tuyến")]
    common_rejections: Annotated[
        list[CommonRejection],
        Field(
            title="Lỗi thường gặp khiến hồ sơ bị trả lại",
            description="Chỉ ghi những lỗi cơ quan đã thực tế gặp khi tiếp nhận hồ sơ; bỏ trống khi chưa có số liệu.",
        ),
    ] = []

    translations: Annotated[ProcedureTranslations | None, TRANSLATIONS_FIELD] = None

    @property
    def full_code(self) -> str | None:
        """National code joined with the agency code, e.g. 3.000242.000.00.00.H37; the national code alone when
        the agency code does not apply (procedures decided centrally); None while either part is pending."""
        if isinstance(self.national_code, str) and isinstance(self.agency_code, NotApplicable):
            return self.national_code
        if isinstance(self.national_code, str) and isinstance(self.agency_code, str):
            return f"{self.national_code}.{self.agency_code}"
        return None


ProcedureTranslations = translations_model(Procedure)


class InternalProcedure(ProcedureCore):
    """Thủ tục hành chính nội bộ: giữa các cơ quan nhà nước, không áp dụng cho người dân."""

    code: Annotated[Text | None, Untranslated(), Field(title="Số hiệu", description="Số hiệu trong danh mục TTHC nội bộ được công bố, nếu có.")] = None
    translations: Annotated[InternalProcedureTranslations | None, TRANSLATIONS_FIELD] = None


InternalProcedureTranslations = translations_model(InternalProcedure)
