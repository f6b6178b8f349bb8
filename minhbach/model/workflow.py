"""Workflows (quy trình): the internal steps that carry out a procedure, as in an ISO 9001 system.

Each step names who acts, what they do, how long it may take, and what it produces, so the sum
of the steps can be checked against the legal deadline of the procedure the workflow serves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from minhbach.model.translation import TRANSLATIONS_FIELD, translations_model
from minhbach.model.base import NOT_TRUE_OR_FALSE, Labelled, Record, Strict, Text, ref, rule
from minhbach.model.procedure import Amount, Form, LegalRef

HOURS_PER_WORKING_DAY = Decimal(8)
"""Civil servants' working day: 8 hours (Bộ luật Lao động, Điều 105)."""


class WorkflowKind(Labelled):
    ISO = ("iso", "Quy trình ISO (TCVN ISO 9001:2015)")
    INTERNAL = ("noi_bo", "Quy trình nội bộ giải quyết thủ tục hành chính")


class StepDuration(Strict):
    working_hours: Annotated[Amount | None, Field(gt=0, title="Số giờ làm việc")] = None
    working_days: Annotated[Amount | None, Field(gt=0, title="Số ngày làm việc")] = None

    @model_validator(mode="after")
    def _exactly_one(self) -> StepDuration:
        if (self.working_hours is None) == (self.working_days is None):
            raise rule("duration-shape", "thời gian của bước cần đúng một trong: working_hours hoặc working_days")
        return self

    @property
    def hours(self) -> Decimal:
        if self.working_hours is not None:
            return self.working_hours
        return (self.working_days or Decimal(0)) * HOURS_PER_WORKING_DAY


class WorkflowStep(Strict):
    actor: ref("unit", title="Đơn vị thực hiện", description="Mã (id) của đơn vị trong data/units/.", code="unknown-actor")
    role: Annotated[Text | None, Field(title="Người thực hiện", description="Ví dụ 'Chuyên viên', 'Lãnh đạo Sở'.")] = None
    action: Annotated[Text, Field(title="Nội dung công việc")]
    duration: Annotated[StepDuration, Field(title="Thời gian thực hiện")]
    output: Annotated[Text | None, Field(title="Kết quả, hồ sơ lưu", description="Văn bản, phiếu hoặc hồ sơ bước này tạo ra.")] = None
    form: Annotated[Form | None, Field(title="Biểu mẫu")] = None


class Revision(Strict):
    number: Annotated[int, Field(ge=0, title="Lần ban hành", description="0 hoặc 1 cho lần ban hành đầu, tăng dần khi sửa đổi."), NOT_TRUE_OR_FALSE]
    date: Annotated[dt.date, Field(title="Ngày hiệu lực")]
    note: Annotated[Text | None, Field(title="Nội dung sửa đổi")] = None


WorkflowCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2,}(-[A-Z0-9]+)+$"),
    Field(title="Mã quy trình", description="Chữ in hoa, số và gạch ngang, ví dụ 'QT-LS-01'.", examples=["QT-LS-01"]),
]


class Workflow(Record):
    """Quy trình giải quyết công việc."""

    code: WorkflowCode
    title: Annotated[Text, Field(title="Tên quy trình")]
    kind: Annotated[WorkflowKind, Field(title="Loại quy trình")]
    procedure: ref(
        "procedure", title="Thủ tục thực hiện", description="Mã (id) của thủ tục mà quy trình này giải quyết.", code="unknown-procedure"
    ) | None = None
    revisions: Annotated[list[Revision], Field(min_length=1, title="Các lần ban hành, sửa đổi", description="Theo thứ tự, lần mới nhất ở cuối.")]
    steps: Annotated[list[WorkflowStep], Field(min_length=1, title="Các bước")]
    legal_basis: Annotated[list[LegalRef], Field(title="Văn bản phê duyệt, căn cứ")] = []

    translations: Annotated[WorkflowTranslations | None, TRANSLATIONS_FIELD] = None

    @property
    def current_revision(self) -> Revision:
        return self.revisions[-1]

    @property
    def total_hours(self) -> Decimal:
        return sum((step.duration.hours for step in self.steps), Decimal(0))


WorkflowTranslations = translations_model(Workflow)
