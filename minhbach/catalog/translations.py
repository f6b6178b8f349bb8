"""A record in one language: its translation laid over the Vietnamese, and how far the translation goes.

The Vietnamese text is the source and the one that prevails; a translation (`model.translation`) gives
some or all of the record's text fields in another language. What it does not give, or gives in a shape
that does not fit the Vietnamese, stays Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from minhbach.model import NotApplicable, Pending, Record
from minhbach.model.translation import TRANSLATED_FIELD, text_model, translation_model
from minhbach.model.walk import Loc
from minhbach.settings.languages import SOURCE_LANGUAGE

Status = Literal["source", "translated", "outdated", "missing"]


@dataclass(frozen=True)
class Localised:
    """A record as shown in one language.

    `record`: the record with the translation's text in place of the Vietnamese (the very record when there
    is nothing to lay over it). `status`: "source" (Vietnamese), "missing" (no translation in that language),
    "outdated" (the record's `updated` is after the translation's `translated`) or "translated".
    `missing_fields`: the locations (as in `model.walk`, e.g. ("dossier", "items", 0, "name")) of the text
    values still in Vietnamese, in the record's order; empty for "source".
    `translated_fields`: (location, Vietnamese text, translated text) of every text the translation replaced.
    `mismatched_lists`: (location, Vietnamese items, translated items) of every list the translation gives
    with another number of items (kept Vietnamese).
    `unused_fields`: locations the translation gives text for where the Vietnamese has none (a part pending,
    not applicable or left out) or has another shape (a plain fee translated as a schedule): not shown.
    """

    record: Record
    status: Status
    missing_fields: tuple[Loc, ...] = ()
    translated_fields: tuple[tuple[Loc, str, str], ...] = ()
    mismatched_lists: tuple[tuple[Loc, int, int], ...] = ()
    unused_fields: tuple[Loc, ...] = ()


@dataclass
class _Walk:
    """What laying a translation over a record found, location by location."""

    missing: list[Loc] = field(default_factory=list)
    replaced: list[tuple[Loc, str, str]] = field(default_factory=list)
    mismatched: list[tuple[Loc, int, int]] = field(default_factory=list)
    unused: list[Loc] = field(default_factory=list)


def translation_of(record: Record, language: str) -> BaseModel | None:
    """The record's translation into `language`, or None (no translations, or none in that language)."""
    translations = getattr(record, "translations", None)
    found = getattr(translations, language, None) if translations is not None and language in type(translations).model_fields else None
    return found if isinstance(found, BaseModel) else None


def translation_status(record: Record, language: str) -> Status:
    """What `localised(record, language).status` says, without laying the translation over the record:
    "source" for the Vietnamese, "missing" without a translation into `language`, "outdated" when the
    record was updated after the translation's date, else "translated"."""
    if language == SOURCE_LANGUAGE:
        return "source"
    translation = translation_of(record, language)
    if translation is None:
        return "missing"
    return "outdated" if record.updated > getattr(translation, TRANSLATED_FIELD) else "translated"


def localised(record: Record, language: str) -> Localised:
    """`record` in `language` (a code such as "vi", "en", "zh"). Pure: the record is not changed.

    Text fields the translation gives replace the Vietnamese ones; a list replaces the Vietnamese list item
    by item only when both have the same number of items (otherwise the whole list stays Vietnamese, and
    `checks.translations` reports it); a value still pending in Vietnamese stays pending. A language the
    site does not translate into is "missing".
    """
    if language == SOURCE_LANGUAGE:
        return Localised(record, "source")
    translation = translation_of(record, language)
    walk = _Walk()
    laid = _overlay(record, translation, (), walk)
    if translation is None:
        return Localised(record, "missing", tuple(walk.missing))
    return Localised(laid, translation_status(record, language), tuple(walk.missing), tuple(walk.replaced), tuple(walk.mismatched),
                     tuple(walk.unused))


def _derived(model: type[BaseModel]) -> type[BaseModel] | None:
    """The translation model of a part of kind `model` (None for a pending or not applicable value: no text of its own)."""
    if issubclass(model, (Pending, NotApplicable)):
        return None
    return translation_model(model) if issubclass(model, Record) else text_model(model)


def _overlay(value: Any, translation: Any, loc: Loc, walk: _Walk) -> Any:
    """`value` with `translation` laid over it; what was replaced or left Vietnamese is noted in `walk`."""
    if isinstance(value, str):
        if isinstance(translation, str):
            walk.replaced.append((loc, value, translation))
            return translation
        walk.missing.append(loc)
        return value
    if isinstance(value, (list, tuple)):
        fits = isinstance(translation, (list, tuple)) and len(translation) == len(value)
        if isinstance(translation, (list, tuple)) and not fits:
            walk.mismatched.append((loc, len(value), len(translation)))
        return [_overlay(item, translation[index] if fits else None, loc + (index,), walk) for index, item in enumerate(value)]
    if isinstance(value, BaseModel):
        derived = _derived(type(value))
        given = translation if type(translation) is derived else None  # a plain fee's text does not fit a schedule of fees
        if given is None and translation is not None:
            walk.unused.append(loc)
        if derived is None:
            return value
        update = {}
        for name in derived.model_fields:
            if name == TRANSLATED_FIELD:
                continue
            before = getattr(value, name)
            after = _overlay(before, getattr(given, name, None), loc + (name,), walk)
            if after is not before:
                update[name] = after
        return value.model_copy(update=update) if update else value
    if translation is not None:
        walk.unused.append(loc)
    return value
