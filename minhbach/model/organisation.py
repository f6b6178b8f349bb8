"""The department's own units and the fields (lĩnh vực) its procedures belong to."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from minhbach.model.translation import TRANSLATIONS_FIELD, translations_model
from minhbach.model.base import NOT_TRUE_OR_FALSE, Email, Labelled, Phone, Record, Text, pendable, ref


class UnitKind(Labelled):
    DEPARTMENT = ("so", "Sở")
    OFFICE = ("van_phong", "Văn phòng")
    DIVISION = ("phong", "Phòng")
    INSPECTORATE = ("thanh_tra", "Thanh tra")
    CENTRE = ("trung_tam", "Trung tâm")
    SERVICE_POINT = ("diem_tiep_nhan", "Điểm tiếp nhận hồ sơ")
    OTHER_AGENCY = ("co_quan_khac", "Cơ quan khác")


class Unit(Record):
    """Phòng, trung tâm, điểm tiếp nhận của cơ quan, hoặc cơ quan khác tham gia quy trình."""

    name: Annotated[Text, Field(title="Tên đơn vị")]
    kind: Annotated[UnitKind, Field(title="Loại đơn vị")]
    parent: ref("unit", title="Đơn vị cấp trên") | None = None
    role: Annotated[Text, Field(title="Chức năng, nhiệm vụ chính")]
    phones: Annotated[pendable(Annotated[list[Phone], Field(min_length=1)]), Field(title="Điện thoại")]
    email: Annotated[pendable(Email), Field(title="Thư điện tử")]
    address: Annotated[pendable(Text), Field(title="Địa chỉ")]
    hours: Annotated[Text | None, Field(title="Giờ làm việc")] = None
    translations: Annotated[UnitTranslations | None, TRANSLATIONS_FIELD] = None


UnitTranslations = translations_model(Unit)


class ProcedureField(Record):
    """Lĩnh vực thủ tục hành chính."""

    name: Annotated[Text, Field(title="Tên lĩnh vực")]
    description: Annotated[Text | None, Field(title="Mô tả")] = None
    order: Annotated[int, Field(ge=0, title="Thứ tự hiển thị"), NOT_TRUE_OR_FALSE] = 100
    translations: Annotated[ProcedureFieldTranslations | None, TRANSLATIONS_FIELD] = None


ProcedureFieldTranslations = translations_model(ProcedureField)
