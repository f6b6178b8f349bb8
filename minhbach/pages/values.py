"""Record values as reader-facing HTML fragments: pending markers, badges, times, fees, dates."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from minhbach.pages import formatting
from minhbach.model import LegalDocument, Pending, Procedure, Unit, Validity
from minhbach.model.announcement import local
from minhbach.model.procedure import Fee, OnlineLevel, ProcessingTime
from minhbach.model.workflow import StepDuration


def when_text(value: dt.datetime | dt.date) -> str:
    """'02/12/2026' or '08:00 ngày 02/12/2026' (Vietnam time)."""
    value = local(value)
    if isinstance(value, dt.datetime):
        return f"{value:%H:%M} ngày {formatting.vn_date(value.date())}"
    return formatting.vn_date(value)


def when_range(start: object, end: object) -> Markup:
    if start is None or isinstance(start, Pending):
        return PENDING_HTML
    if end is None:
        return escape(when_text(start))
    return escape(f"{when_text(start)} – {when_text(end)}")


PENDING_HTML = Markup('<span class="mb-pending" title="Thông tin đang được cơ quan cập nhật">đang cập nhật</span>')


def show(value: object) -> Markup:
    """A value for HTML, or the pending marker."""
    if isinstance(value, Pending):
        return PENDING_HTML
    if isinstance(value, dt.date):
        return Markup(formatting.vn_date(value))
    if hasattr(value, "label") and not isinstance(value, (LegalDocument, Unit)):
        return escape(value.label)
    return escape(str(value))


def time_text(value: ProcessingTime | Pending) -> Markup:
    if isinstance(value, Pending):
        return PENDING_HTML
    text = escape(formatting.duration(value))
    return text + (Markup("<br><small>{}</small>").format(value.note) if value.note else Markup(""))


def fee_text(value: Fee | Pending) -> Markup:
    if isinstance(value, Pending):
        return PENDING_HTML
    text = escape(formatting.fee(value))
    return text + (Markup("<br><small>{}</small>").format(value.note) if value.note else Markup(""))


def step_duration(duration: StepDuration) -> str:
    if duration.working_days is not None:
        return f"{formatting.vn_number(duration.working_days)} ngày làm việc"
    return f"{formatting.vn_number(duration.hours)} giờ làm việc"


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
        return Markup('<span class="mb-badge mb-status-unknown">Tình trạng: đang cập nhật</span>')
    css = status_class(status)
    return Markup('<span class="mb-badge {css} mb-status-{value}">{label}</span>').format(css=css, value=status.value, label=status.label)


def online_badge(level: OnlineLevel | Pending) -> Markup:
    if isinstance(level, Pending):
        return PENDING_HTML
    return Markup('<span class="mb-badge mb-online-{value}">{label}</span>').format(value=level.value, label=level.label)


def document_title(document: LegalDocument) -> str:
    if isinstance(document.title, str):
        return document.title
    return document.summary or ""


def code_text(procedure: Procedure) -> Markup:
    if procedure.full_code:
        return escape(procedure.full_code)
    if isinstance(procedure.national_code, str):
        return escape(procedure.national_code)
    return PENDING_HTML


def _per_channel(procedure: Procedure, cells: list[Markup]) -> Markup:
    """One catalogue cell: the value if all channels agree, else the value of each channel."""
    if len(set(cells)) == 1:
        return cells[0]
    labels = [channel.channel.label for channel in procedure.channels]
    return Markup("; ").join(Markup("{}: {}").format(label, cell) for label, cell in zip(labels, cells, strict=True))


def time_summary(procedure: Procedure) -> Markup:
    return _per_channel(procedure, [time_text(channel.time) for channel in procedure.channels])


def fee_summary(procedure: Procedure) -> Markup:
    return _per_channel(procedure, [fee_text(channel.fee) for channel in procedure.channels])
