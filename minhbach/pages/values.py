"""Record values as reader-facing HTML fragments: pending markers, badges, times, fees, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from minhbach.pages import formatting
from minhbach.pages.formatting import plural_count
from minhbach.pages.i18n import date_text, gettext, label, ngettext, number_text
from minhbach.model import LegalDocument, Pending, Procedure, Unit, Validity
from minhbach.model.announcement import local
from minhbach.model.base import Labelled, NotApplicable
from minhbach.model.dated import on_day
from minhbach.model.procedure import Fee, OnlineLevel, ProcessingTime
from minhbach.model.workflow import StepDuration


def when_text(value: dt.datetime | dt.date) -> str:
    """'02/12/2026' or '08:00 ngày 02/12/2026' (Vietnam time)."""
    value = local(value)
    if isinstance(value, dt.datetime):
        return gettext("{time} ngày {date}").format(time=f"{value:%H:%M}", date=date_text(value.date()))
    return date_text(value)


def when_range(start: object, end: object) -> Markup:
    if start is None or isinstance(start, Pending):
        return pending_html()
    if end is None:
        return escape(when_text(start))
    return escape(f"{when_text(start)} – {when_text(end)}")


def pending_html() -> Markup:
    """The marker of a value the agency has not published yet ("đang cập nhật"), in the page's language."""
    return Markup('<span class="mb-pending" title="{}">{}</span>').format(gettext("Thông tin đang được cơ quan cập nhật"), gettext("đang cập nhật"))


class PendingMarker:
    """`pending_html()` for templates (`{{ PENDING }}`): Jinja asks for its HTML when the page is written."""

    def __html__(self) -> str:
        return str(pending_html())

    def __eq__(self, other: object) -> bool:
        """Equal to the marker's HTML in the current language (`code_text(p) == PENDING`)."""
        return isinstance(other, str) and other == self.__html__()

    __hash__ = object.__hash__


PENDING_HTML = PendingMarker()


def show(value: object) -> Markup:
    """A value for HTML, the pending marker, or "Không áp dụng" for a part that does not apply (its reason
    as the hover text)."""
    if isinstance(value, Pending):
        return pending_html()
    if isinstance(value, NotApplicable):
        return Markup('<span class="mb-not-applicable" title="{}">{}</span>').format(value.not_applicable, gettext("Không áp dụng"))
    if isinstance(value, dt.date):
        return Markup(date_text(value))
    if isinstance(value, Labelled):
        return escape(label(value))
    if hasattr(value, "label") and not isinstance(value, (LegalDocument, Unit)):
        return escape(value.label)
    return escape(str(value))


def time_text(value: ProcessingTime | Pending) -> Markup:
    if isinstance(value, Pending):
        return pending_html()
    text = escape(formatting.duration(value))
    return text + (Markup("<br><small>{}</small>").format(value.note) if value.note else Markup(""))


def fee_text(value: Fee | Pending) -> Markup:
    if isinstance(value, Pending):
        return pending_html()
    text = escape(formatting.fee(value))
    return text + (Markup("<br><small>{}</small>").format(value.note) if value.note else Markup(""))


def step_duration(duration: StepDuration) -> str:
    if duration.working_days is not None:
        return ngettext("{number} ngày làm việc", "{number} ngày làm việc", plural_count(duration.working_days)).format(
            number=number_text(duration.working_days))
    return ngettext("{number} giờ làm việc", "{number} giờ làm việc", plural_count(duration.hours)).format(number=number_text(duration.hours))


_MERMAID_ENTITIES = str.maketrans({"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "%": "#37;", "`": "#96;", "&": "#38;"})


def mermaid_label(text: str) -> str:
    """Text inside a quoted Mermaid label, on one line, with Mermaid entity codes for the characters
    that could end the label or mean something to Mermaid: quotes, angle brackets, "%" (two of them
    start a directive such as `%%{init: ...}%%`, which could change the theme or load CSS), backticks
    (a label in backticks is read as Markdown) and "&" (Mermaid decodes HTML entities: "&lt;" would show
    as "<"). Mermaid decodes its entity codes before it looks for icons ("fa:fa-user") and "\\n", so
    those two still show as an icon and a line break; the diagram is decorative (aria-hidden) beside the
    table of steps, which shows every text exactly."""
    return " ".join(text.split()).translate(_MERMAID_ENTITIES)


def status_class(status: Validity) -> str:
    """The badge's class of a legal document's status: ok in force, partial partly expired, bad otherwise."""
    return "mb-status-ok" if status is Validity.IN_FORCE else "mb-status-partial" if status is Validity.PARTLY_EXPIRED else "mb-status-bad"


def status_badge(document: LegalDocument) -> Markup:
    status = document.status
    if isinstance(status, Pending):
        return Markup('<span class="mb-badge mb-status-unknown">{}</span>').format(gettext("Tình trạng: đang cập nhật"))
    css = status_class(status)
    return Markup('<span class="mb-badge {css} mb-status-{value}">{label}</span>').format(css=css, value=status.value, label=label(status))


def online_badge(level: OnlineLevel | Pending) -> Markup:
    if isinstance(level, Pending):
        return pending_html()
    return Markup('<span class="mb-badge mb-online-{value}">{label}</span>').format(value=level.value, label=label(level))


def document_label(document: LegalDocument) -> str:
    """How readers cite a document in the page's language: "Luật 49/2019/QH14", "Law 49/2019/QH14",
    "第49/2019/QH14号法律" (the number itself is never translated; `LegalDocument.label` in Vietnamese)."""
    if not isinstance(document.number, str):
        return gettext("{type} (chưa rõ số)").format(type=label(document.type))
    return gettext("{type} {number}").format(type=label(document.type), number=document.number)


def not_in_force_text(document: LegalDocument, day: dt.date) -> tuple[bool, str]:
    """Whether a procedure may rest on `document` on `day` and, when not, why, in the page's language
    (the rule is `LegalDocument.not_in_force_on`)."""
    reason = document.not_in_force_on(day)
    if reason is None:
        return True, ""
    if reason.why == "status" and reason.status is not None:
        return False, gettext("đang ở tình trạng '{status}'").format(status=label(reason.status))
    when = date_text(reason.day) if reason.day is not None else ""
    if reason.why == "not_yet":
        return False, gettext("chưa có hiệu lực (có hiệu lực từ {date})").format(date=when)
    return False, gettext("đã hết hiệu lực từ {date}").format(date=when)


def document_title(document: LegalDocument) -> str:
    if isinstance(document.title, str):
        return document.title
    return document.summary or ""


def code_text(procedure: Procedure) -> Markup:
    if procedure.full_code:
        return escape(procedure.full_code)
    if isinstance(procedure.national_code, str):
        return escape(procedure.national_code)
    return pending_html()


def _per_channel(procedure: Procedure, cells: list[Markup]) -> Markup:
    """One catalogue cell: the value if all channels agree, else the value of each channel."""
    if len(set(cells)) == 1:
        return cells[0]
    labels = [label(channel.channel) for channel in procedure.channels]
    return Markup("; ").join(Markup("{}: {}").format(label, cell) for label, cell in zip(labels, cells, strict=True))


def _brief(value: Fee | ProcessingTime | Pending) -> Markup:
    """A value on one line, without its note: for the announcement of a coming change."""
    if isinstance(value, Pending):
        return pending_html()
    return escape(formatting.fee(value) if isinstance(value, Fee) else formatting.duration(value))


@dataclass(frozen=True)
class OnBuildDay:
    """Parts that may change on a date (`model.dated`) as readers see them on the build day `day`: the value
    in force, then the next known change ("Từ ngày 01/01/2027: 200.000 đồng (Thông tư 25/2021/TT-BTC)").

    `label_of` gives how readers cite a legal document from its id (None when there is no such document).
    A day no period covers shows as pending (`checks.periods` warns about it).
    """

    day: dt.date
    label_of: Callable[[str], str | None]

    def value(self, part: Any) -> Any:
        """The value in force on the day: the plain value, `Pending`, or None when no period covers the day."""
        return on_day(part, self.day).value

    def _show(self, part: Any, render: Callable[[Any], Markup], pending: Markup | None) -> Markup:
        state = on_day(part, self.day)
        value = state.value
        html = (pending or pending_html()) if value is None or isinstance(value, Pending) else render(value)
        coming = state.following
        if coming is None:
            return html
        basis = self.label_of(coming.basis) if coming.basis else None
        announcement = Markup(gettext("Từ ngày {date}: {value}")).format(date=date_text(coming.start), value=_brief(coming.value))
        if basis:
            announcement += Markup(" ({})").format(basis)
        return html + Markup('<br><small class="mb-upcoming">{}</small>').format(announcement)

    def time(self, part: Any, pending: Markup | None = None) -> Markup:
        """The processing time in force, and its next change; `pending` replaces the pending marker (notice sheet)."""
        return self._show(part, time_text, pending)

    def fee(self, part: Any, pending: Markup | None = None) -> Markup:
        """The fee in force, and its next change; `pending` replaces the pending marker (notice sheet)."""
        return self._show(part, fee_text, pending)

    def time_summary(self, procedure: Procedure) -> Markup:
        """The catalogue cell of processing times (one value when every channel agrees)."""
        return _per_channel(procedure, [self.time(channel.time) for channel in procedure.channels])

    def fee_summary(self, procedure: Procedure) -> Markup:
        """The catalogue cell of fees (one value when every channel agrees)."""
        return _per_channel(procedure, [self.fee(channel.fee) for channel in procedure.channels])
