"""schema.org descriptions (JSON-LD) of records, for search engines and other readers of the pages."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from minhbach.model import Event, LegalDocument, Procedure, Validity
from minhbach.model.announcement import local
from minhbach.model.base import Pending
from minhbach.pages.i18n import label
from minhbach.pages.values import document_label

_LEGAL_FORCE = {
    Validity.IN_FORCE: "https://schema.org/InForce",
    Validity.PARTLY_EXPIRED: "https://schema.org/PartiallyInForce",
    Validity.EXPIRED: "https://schema.org/NotInForce",
    Validity.NOT_YET: "https://schema.org/NotInForce",
    Validity.SUSPENDED: "https://schema.org/NotInForce",
}


def _known(value: Any) -> Any:
    return None if isinstance(value, Pending) else value


def procedure(record: Procedure, *, field_name: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": record.name,
        "serviceType": field_name,
        "description": record.summary,
        "provider": {"@type": "GovernmentOrganization", "name": record.agency.performing},
        "identifier": record.full_code or _known(record.national_code),
        "dateModified": record.updated.isoformat(),
    }
    if record.online.url:
        data["availableChannel"] = {"@type": "ServiceChannel", "serviceUrl": str(record.online.url)}
    return {key: value for key, value in data.items() if value is not None}


def legal(record: LegalDocument) -> dict[str, Any]:
    """A legal document as schema.org Legislation: its name and type in the language pages are being
    written in (`pages.i18n`), as its page shows them; `inLanguage` is that of the legislation itself."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": document_label(record),
        "legislationIdentifier": _known(record.number),
        "legislationType": label(record.type),
        "legislationDate": record.issued.isoformat(),
        "legislationPassedBy": {"@type": "Organization", "name": record.issuer},
        "abstract": _known(record.title) or record.summary,
        "inLanguage": "vi",
    }
    status = _known(record.status)
    if status is not None:
        data["legislationLegalForce"] = _LEGAL_FORCE[status]
    effective = _known(record.effective)
    if effective is not None:
        data["legislationDateVersion"] = effective.isoformat()
    return {key: value for key, value in data.items() if value is not None}


def event(record: Event) -> dict[str, Any] | None:
    start = _known(record.start)
    if start is None:
        return None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": record.title,
        "description": record.summary,
        "startDate": local(start).isoformat(),
        "endDate": local(record.end).isoformat() if record.end is not None else None,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {"@type": "Organization", "name": record.organiser},
    }
    location = _known(record.location)
    if location is not None:
        data["location"] = {"@type": "Place", "name": location, "address": {"@type": "PostalAddress", "addressCountry": record.country}}
    return {key: value for key, value in data.items() if value is not None}


def script(data: dict[str, Any] | None) -> Markup:
    """A <script type="application/ld+json"> block; <, > and & are JSON-escaped so text cannot end it."""
    if data is None:
        return Markup("")
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">\n{}\n</script>').format(Markup(text))
