"""Translations of a record's text, derived from its kind's model.

A record may carry `translations: {en: {...}, zh: {...}}`: for each language the engine writes pages in (`settings.languages`),
the date of the translation (`translated`) and a partial mirror of the record's reader-facing text, with the
same names and nesting (`dossier: {items: [{name: ...}]}`, `channels: [{notes: ...}]`). Which fields are
text is read from the model itself, so a text field added to a kind is translatable without more code:

- a `Text` value (plain or Markdown), alone, in a list, or as the value of a pendable part, is kept;
- a nested model is kept with its own text fields, when it has any (a pending value is not: it stands for
  a code, a date or an amount still to be found);
- everything else is left out: ids, references, codes, dates, amounts, counts, choices, urls, files, tags,
  and fields marked `Untranslated` (text that is not shown to readers, or a code written as text).

Every part of a translation is optional except `translated`; what is not given stays Vietnamese
(`catalog.translations.localised`).
"""

from __future__ import annotations

import datetime as dt
import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, Discriminator, Field, StringConstraints, Tag, create_model
from pydantic.fields import FieldInfo

from minhbach.model.base import DocsFile, MarkdownText, NotApplicable, Pending, RefTo, Strict, Text, Untranslated
from minhbach.settings.languages import language_name, translatable_languages

_TEXT_CONSTRAINTS = next(meta for meta in get_args(Text)[1:] if isinstance(meta, StringConstraints))
_CARRIED = (MarkdownText,)
"""Markers a translated text keeps from its Vietnamese field (Markdown is checked and shown as Markdown)."""


def _metadata(annotation: Any) -> tuple[Any, list[Any]]:
    """(`annotation` without its Annotated layers, their metadata)."""
    found: list[Any] = []
    while get_origin(annotation) is Annotated:
        annotation, *metadata = get_args(annotation)
        found.extend(metadata)
    return annotation, found


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def _translated_type(annotation: Any, metadata: list[Any]) -> Any | None:
    """The type of the translation of a value of `annotation` (with `metadata` from its field), or None when
    such a value has no text to translate."""
    base, more = _metadata(annotation)
    metadata = metadata + more
    if any(isinstance(meta, (RefTo, DocsFile, Untranslated)) for meta in metadata):
        return None
    if base is str:
        if _TEXT_CONSTRAINTS not in metadata:
            return None  # tags, slugs, patterns (codes, phone numbers, e-mail addresses)
        carried = [meta for meta in metadata if isinstance(meta, _CARRIED)]
        return Annotated[Text, *carried] if carried else Text
    if _is_union(base):
        branches = [translated for arg in get_args(base) if (translated := _translated_type(arg, [])) is not None]
        return _union(branches)
    if get_origin(base) is list:
        (item,) = get_args(base)
        inner = _translated_type(item, [])
        return list[inner] if inner is not None else None
    if isinstance(base, type) and issubclass(base, BaseModel) and not issubclass(base, (Pending, NotApplicable)):
        return text_model(base)
    return None


def _union(branches: list[Any]) -> Any | None:
    """One type for several: a model is chosen by the keys the editor wrote (so an unknown key is reported
    against the right one, with its own keys as suggestions)."""
    unique = list(dict.fromkeys(branches))
    if not unique:
        return None
    if len(unique) == 1:
        return unique[0]
    models = [branch for branch in unique if isinstance(branch, type) and issubclass(branch, BaseModel)]
    if len(models) != len(unique):
        return Union[tuple(unique)]  # noqa: UP007 - built at run time

    def choose(value: Any) -> str:
        keys = set(value) if isinstance(value, dict) else set(type(value).model_fields) if isinstance(value, BaseModel) else set()
        return max(models, key=lambda model: len(keys & set(model.model_fields))).__name__

    return Annotated[Union[tuple(Annotated[model, Tag(model.__name__)] for model in models)], Discriminator(choose)]  # noqa: UP007


def _field(info: FieldInfo, annotation: Any) -> tuple[Any, Any]:
    """An optional field of a translation, with the title and description of the Vietnamese field (the
    editors' hover help) and its markers that a translation keeps (`_CARRIED`), under the same name (an
    alias such as `from` is a date, never translated)."""
    carried = [meta for meta in info.metadata if isinstance(meta, _CARRIED)]
    return (Annotated[annotation | None, *carried, Field(title=info.title, description=info.description)], None)


def _text_fields(model: type[BaseModel]) -> dict[str, tuple[Any, Any]]:
    fields = {}
    for name, info in model.model_fields.items():
        if name == "translations":
            continue
        translated = _translated_type(info.annotation, list(info.metadata))
        if translated is not None:
            fields[name] = _field(info, translated)
    return fields


_DERIVED: dict[str, type[BaseModel]] = {}


def _register(model: type[BaseModel]) -> type[BaseModel]:
    """Make a derived model reachable by name in this module, so records holding one pickle (the record cache)."""
    other = _DERIVED.setdefault(model.__name__, model)
    if other is not model:
        raise TypeError(f"two derived translation models named {model.__name__}")
    globals()[model.__name__] = model
    return model


def _doc(text: str) -> dict[str, Any]:
    return {"__module__": __name__, "__doc__": text}


@cache
def text_model(model: type[BaseModel]) -> type[BaseModel] | None:
    """The translatable text of a part of a record (`<Name>Text`, every field optional), or None when it has none."""
    fields = _text_fields(model)
    if not fields:
        return None
    derived = create_model(f"{model.__name__}Text", __base__=Strict, __module__=__name__, **fields)  # type: ignore[call-overload]
    derived.__doc__ = f"The translated text of a {model.__name__}."
    return _register(derived)


TRANSLATED_FIELD = "translated"


@cache
def translation_model(record: type[BaseModel]) -> type[BaseModel]:
    """One language's translation of a record of kind `record`: `translated` (the day the text was translated,
    required) and the record's text fields (`<Name>Translation`)."""
    translated = (Annotated[dt.date, Field(title="Ngày dịch",
                                           description="Ngày bản dịch được viết hoặc đối chiếu lại với bản tiếng Việt, dạng YYYY-MM-DD. "
                                           "Khi bản tiếng Việt được cập nhật (`updated`) sau ngày này, bản dịch bị coi là cũ.")], ...)
    derived = create_model(f"{record.__name__}Translation", __base__=Strict, __module__=__name__,  # type: ignore[call-overload]
                           **{TRANSLATED_FIELD: translated}, **_text_fields(record))
    derived.__doc__ = f"One language's translation of a {record.__name__}."
    return _register(derived)


@cache
def translations_model(record: type[BaseModel]) -> type[BaseModel]:
    """The `translations` part of a record of kind `record`: one optional `<Name>Translation` per language of
    the engine (`settings.languages.translatable_languages`)."""
    one = translation_model(record)
    languages = {
        code: (Annotated[one | None, Field(title=f"Bản {language_name(code)}",
                                           description="Bản dịch các phần chữ của bản ghi; phần nào không ghi thì hiện bằng tiếng Việt. "
                                           "Bản tiếng Việt là bản có giá trị pháp lý.")], None)
        for code in translatable_languages()
    }
    derived = create_model(f"{record.__name__}Translations", __base__=Strict, __module__=__name__, **languages)  # type: ignore[call-overload]
    derived.__doc__ = f"The translations of a {record.__name__}, by language."
    return _register(derived)


TRANSLATIONS_FIELD = Field(
    title="Bản dịch",
    description=f"Bản dịch các phần chữ của bản ghi theo mã ngôn ngữ ({', '.join(translatable_languages())}), cùng tên khóa và cách lồng như bản tiếng Việt; "
    "mỗi bản dịch ghi ngày dịch `translated`. Danh sách giữ đúng số mục và thứ tự (ghi {} cho mục không có chữ).",
)
"""The field's help for editors, shared by every kind."""
