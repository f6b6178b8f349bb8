"""Announcements: events, funding policies and notices the department must publish on time.

Times are local to Asia/Ho_Chi_Minh unless written with an offset. Nothing is ever deleted:
past events and expired policies move to the archive by the build date.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import AnyHttpUrl, Field, StringConstraints

from minhbach.model.translation import TRANSLATIONS_FIELD, translations_model
from minhbach.model.base import DocsFile, Labelled, MarkdownText, Record, Strict, Text, pendable

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")

When = Annotated[
    dt.datetime | dt.date,
    Field(description="Ngày (2026-12-02) hoặc ngày giờ theo giờ Việt Nam (2026-12-02 08:00)."),
]


def local(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    """A datetime in Asia/Ho_Chi_Minh (naive values are taken as local); dates stay dates."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value.astimezone(TIMEZONE)
    return value


def day_of(value: dt.datetime | dt.date) -> dt.date:
    local_value = local(value)
    return local_value.date() if isinstance(local_value, dt.datetime) else local_value


class Attachment(Strict):
    name: Annotated[Text, Field(title="Tên tài liệu")]
    file: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9._/-]+$"),
        DocsFile(),
        Field(title="Tệp", description="Đường dẫn trong docs/, ví dụ 'files/thong-bao/ke-hoach.pdf'."),
    ]


class AnnouncementBase(Record):
    """What every announcement has."""

    title: Annotated[Text, Field(title="Tiêu đề")]
    summary: Annotated[Text, Field(title="Tóm tắt", description="Một hai câu, dùng cho danh sách, nguồn tin và lịch.")]
    body: Annotated[
        Text | None,
        MarkdownText(),
        Field(title="Nội dung", description="Markdown: đoạn văn, danh sách, liên kết; không dùng HTML. "
              "Liên kết chỉ tới https://, mailto:, tel: hoặc trang, tệp của chính trang web; ảnh chỉ lấy từ trang web."),
    ] = None
    issued: Annotated[dt.date, Field(title="Ngày văn bản nguồn", description="Ngày của văn bản, thư mời hoặc tin gốc.")]
    late_reason: Annotated[
        Text | None,
        Field(title="Lý do đăng muộn", description="Ghi khi đăng muộn hơn thời hạn cho phép kể từ ngày văn bản nguồn."),
    ] = None
    source_url: Annotated[AnyHttpUrl | None, Field(title="Nguồn chính thức")] = None
    tags: Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=40)]], Field(title="Thẻ")] = []
    attachments: Annotated[list[Attachment], Field(title="Tài liệu đính kèm")] = []


class EventType(Labelled):
    FORUM = ("dien_dan_kinh_te", "Diễn đàn kinh tế")
    PROMOTION = ("xuc_tien", "Xúc tiến thương mại, đầu tư")
    FAIR = ("hoi_cho_trien_lam", "Hội chợ, triển lãm")
    EXCHANGE = ("giao_luu_doanh_nghiep", "Giao lưu doanh nghiệp")
    CONFERENCE = ("hoi_nghi", "Hội nghị, hội đàm")


class Registration(Strict):
    deadline: Annotated[When | None, Field(title="Hạn đăng ký")] = None
    url: Annotated[AnyHttpUrl | None, Field(title="Nơi đăng ký")] = None
    note: Annotated[Text | None, Field(title="Ghi chú")] = None


class Event(AnnouncementBase):
    """Sự kiện: diễn đàn, hội chợ, xúc tiến, giao lưu, hội nghị."""

    event_type: Annotated[EventType, Field(title="Loại sự kiện")]
    start: Annotated[pendable(When) | None, Field(title="Bắt đầu")] = None
    end: Annotated[When | None, Field(title="Kết thúc")] = None
    location: Annotated[pendable(Text) | None, Field(title="Địa điểm")] = None
    country: Annotated[Text, Field(title="Quốc gia")] = "Việt Nam"
    organiser: Annotated[Text, Field(title="Đơn vị tổ chức")]
    registration: Annotated[Registration | None, Field(title="Đăng ký tham dự")] = None

    translations: Annotated[EventTranslations | None, TRANSLATIONS_FIELD] = None

    @property
    def last_day(self) -> dt.date | None:
        """The day the event is over, for moving it to the archive."""
        for value in (self.end, self.start):
            if isinstance(value, (dt.date, dt.datetime)):
                return day_of(value)
        return None


EventTranslations = translations_model(Event)


class FundingPolicy(AnnouncementBase):
    """Chính sách, chương trình tài trợ khu vực và quốc tế."""

    funder: Annotated[Text, Field(title="Nhà tài trợ")]
    eligible: Annotated[list[Text], Field(min_length=1, title="Đối tượng được tài trợ")]
    amount: Annotated[Text | None, Field(title="Mức tài trợ", description="Ghi khi đã biết, kèm đơn vị tiền tệ.")] = None
    valid_from: Annotated[dt.date, Field(title="Áp dụng từ")]
    valid_until: Annotated[pendable(dt.date) | None, Field(title="Hạn nộp, hạn áp dụng")] = None
    open: Annotated[bool, Field(title="Đang nhận hồ sơ", description="Đổi thành false khi chương trình đã đóng.")] = True
    translations: Annotated[FundingPolicyTranslations | None, TRANSLATIONS_FIELD] = None


FundingPolicyTranslations = translations_model(FundingPolicy)


class NoticeCategory(Labelled):
    CONSULAR = ("lanh_su", "Lãnh sự")
    CITIZEN_PROTECTION = ("bao_ho_cong_dan", "Bảo hộ công dân")
    ADMINISTRATION = ("quan_ly_nha_nuoc", "Quản lý nhà nước về đối ngoại")


class Notice(AnnouncementBase):
    """Thông báo lãnh sự, bảo hộ công dân, tin quản lý nhà nước."""

    category: Annotated[NoticeCategory, Field(title="Loại thông báo")]
    translations: Annotated[NoticeTranslations | None, TRANSLATIONS_FIELD] = None


NoticeTranslations = translations_model(Notice)
