"""The words the engine puts on pages, in the language of the site being built (gettext catalogues).

Vietnamese is the source text: templates and Python write it as it is (`_("Hồ sơ")` in templates,
`gettext("đang cập nhật")` in Python), and the Vietnamese site shows it unchanged. Every other
language has its message catalogue, `minhbach/locale/<lang>/LC_MESSAGES/minhbach.po` (GNU gettext
PO, read with Babel); a message without a translation there is shown in Vietnamese (and a test fails
for it: tests/pages/test_i18n.py). `make messages` gathers the messages (`pages.messages`) and merges
them into each catalogue (scripts/messages).

The language is that of the page being rendered: `using(code)` sets it for a block (the renderer
sets it around every page it renders, the MkDocs plugin around the theme's templates); workers forked
meanwhile inherit it. Dates, numbers and amounts follow the language too: the date pattern is itself
a message (CLDR pattern "dd/MM/yyyy" -> "30/11/2026"; en "d MMMM y" -> "30 November 2026"; zh
"y年M月d日" -> "2026年11月30日"), formatted by Babel with the language's digits and separators.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as gnu_gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from minhbach.model import Kind
from minhbach.model.base import Labelled
from minhbach.settings.languages import LOCALE_DIR

SOURCE = "vi"
"""The language the engine's text is written in."""
DOMAIN = "minhbach"

_language: ContextVar[str] = ContextVar("minhbach_language", default=SOURCE)


def catalogue_path(language: str) -> Path:
    """Where the message catalogue of `language` is kept."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> gnu_gettext.NullTranslations:
    """The translations of `language`, read once from its PO catalogue (compiled in memory: no .mo
    file is kept); none for the source language or a language without a catalogue. Fuzzy entries
    (a translation not yet checked after its Vietnamese changed) are not used."""
    path = catalogue_path(language)
    if language == SOURCE or not path.is_file():
        return gnu_gettext.NullTranslations()
    with path.open("rb") as stream:
        catalogue = read_po(stream, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return gnu_gettext.GNUTranslations(compiled)


@contextmanager
def using(language: str) -> Iterator[None]:
    """Within the block, pages are written in `language` (a code such as "en")."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def language() -> str:
    """The language pages are being written in now."""
    return _language.get()


def gettext(message: str) -> str:
    """`message` (Vietnamese) in the current language; the Vietnamese when the catalogue lacks it."""
    return translations(_language.get()).gettext(message)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context`, in the current language: for Vietnamese written the same for two
    meanings ("Thông báo" is the announcements' page and one notice; see `KIND_CONTEXT`, `DATASET_CONTEXT`)."""
    return translations(_language.get()).pgettext(context, message)


KIND_CONTEXT = "record kind"
"""The context of a record kind's label (`model.KINDS`), one record: "Thông báo" -> "Notice"."""
DATASET_CONTEXT = "dataset"
"""The context of an open dataset's title (`exports.opendata.DATASETS`), all the records of a kind: "Thông báo" -> "Notices"."""


def kind_label(vietnamese: str) -> str:
    """The label of a record kind (its `Kind.label`, in Vietnamese) in the current language."""
    return pgettext(KIND_CONTEXT, vietnamese)


def ngettext(singular: str, plural: str, count: int) -> str:
    """`singular` or `plural` as `count` asks, in the current language (Vietnamese has one form)."""
    return translations(_language.get()).ngettext(singular, plural, count)


def label(choice: Labelled | Kind) -> str:
    """The label of one of the model's choices (`Labelled`, pages.messages.LABELLED) or of a record kind
    (`model.Kind`, every one of `model.KINDS`: `kind_label`) in the current language."""
    return kind_label(choice.label) if isinstance(choice, Kind) else gettext(choice.label)


def date_text(value: dt.date) -> str:
    """A date for readers: "30/11/2026", "30 November 2026", "2026年11月30日"."""
    return format_date(value, gettext("dd/MM/yyyy"), locale=_locale())


def number_text(value: Decimal | int) -> str:
    """A number for readers, grouped as the language does: "200.000" and "0,5"; "200,000" and "0.5"."""
    return format_decimal(Decimal(value), format="#,##0.############", locale=_locale())


def amount_text(value: Decimal | int) -> str:
    """An amount of Vietnamese đồng: "200.000 đồng", "VND 200,000", "200,000越南盾"."""
    return gettext("{amount} đồng").format(amount=number_text(value))


def _locale() -> str:
    return _language.get().replace("-", "_")
