"""The notice sheet (bảng niêm yết) of a public procedure: one A4 page for the office notice board.

What a person needs standing in front of the board: the name and code, the papers to bring with
originals and copies, where and when to submit, the time limit and fee of each channel, whom to
call, the online service, the day the information is valid for, and a QR code to the procedure's
page. The QR code needs the site's absolute address (MkDocs' `site_url`): without it a sheet shows
no code and says where to find the page instead (see `qr_target`).

Sheets are made in the source language's site only (`published_in`): the board is the Vietnamese office's,
and the Vietnamese text is the one that applies. The translated procedure pages link to none; a reader
who needs the sheet prints it from the Vietnamese page, whose language selector leads to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import segno
from markupsafe import Markup

from minhbach.model import Procedure
from minhbach.pages import qr
from minhbach.pages.i18n import SOURCE
from minhbach.pages.paths import page_path

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer

SHEET_NAME = "niem-yet"
"""The sheet's file name beside its procedure's folder: thu-tuc/<id>/niem-yet.md."""


def published_in(language: str) -> bool:
    """Whether the site of `language` (a code such as "en") has notice sheets: only the source language's."""
    return language == SOURCE


def stand_ins(r: PageRenderer) -> dict[str, str]:
    """Each sheet of `r`'s site (docs path) with the URL path of its procedure's page ("thu-tuc/abc/"), the page
    the sites without sheets show in its place (their language selector and `hreflang` lead there)."""
    if not published_in(r.language):
        return {}
    return {sheet_path(procedure): r.site_path(page_path(procedure)) for procedure in r.catalog.procedures}


def sheet_path(procedure: Procedure) -> str:
    """The sheet of `procedure`, relative to docs/: "thu-tuc/<id>/niem-yet.md".

    With directory URLs it is published at thu-tuc/<id>/niem-yet/, inside the folder of the
    procedure's own page (thu-tuc/<id>/); without them at thu-tuc/<id>/niem-yet.html.
    """
    return f"{page_path(procedure).removesuffix('.md')}/{SHEET_NAME}.md"


def qr_target(r: PageRenderer, procedure: Procedure) -> str | None:
    """The absolute URL the sheet's QR code opens (the procedure's page), or None without `site_url`:
    a relative address means nothing to a phone's camera."""
    if not r.site.url:
        return None
    return r.site.link(r.site_path(page_path(procedure)), from_dir=".")


def page(r: PageRenderer, procedure: Procedure) -> str:
    """The Markdown (raw HTML) of the sheet of `procedure`.

    Without a QR code (no `site_url`, or an address too long for any QR code: about 2 KB) the sheet
    says where to find the procedure on the site instead.
    """
    target = qr_target(r, procedure)
    try:
        code = qr.svg(target, label=f"Mã QR: {target}") if target else None
    except segno.DataOverflowError:
        target = code = None
    return r.render("notice.md.j2", p=procedure, unit=r.unit(procedure.agency.unit), qr=code, qr_target=target,
                    page=sheet_path(procedure), procedure_page=page_path(procedure))


def link(r: PageRenderer, procedure: Procedure) -> Markup:
    """The link from a procedure's page to its sheet ("In bản niêm yết"); nothing in a site without sheets (`published_in`)."""
    if not published_in(r.language):
        return Markup("")
    href = r.href(sheet_path(procedure), page_path(procedure))
    return Markup('<a class="mb-notice-link" href="{}">In bản niêm yết</a>').format(href)
