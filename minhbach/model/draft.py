"""A new record's first draft, derived from the model: every required part, nothing invented silently.

`draft` walks the kind's model class (its fields, their types and markers), so a new field, a new
kind or a part that becomes pendable changes the drafts with no template to keep in step:

- a part that accepts `{pending: reason}` gets it, the reason saying what to fill in (`PLACEHOLDER`), even
  when it may be left out (the model makes it pendable because readers need it: an event's place);
- required text gets `PLACEHOLDER` and its title, which `checks.pending` reports until it is replaced;
- the record's own dates (`TODAY_PARTS`) are today, its change history "Đăng lần đầu." of today;
- what must be one of a closed set (a choice of a list, a reference to another record, a number, a
  code with an example in the model) gets the first allowed value, and is listed in `Draft.choices`
  so that the editor is told to check it;
- a required part whose model asks for one of several optional parts (a duration in hours or days)
  gets the first of them that the model accepts.

The draft is checked against the model before it is returned (`DraftError` when it does not pass:
a model this module cannot fill in yet).
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from minhbach.model import KINDS
from minhbach.model.base import Pending, RefTo
from minhbach.model.walk import iter_models

PLACEHOLDER = "Cần bổ sung:"
"""How a draft's text that the editor must write begins; `checks.pending` warns about every such text."""
FIRST_CHANGE = "Đăng lần đầu."
TODAY_PARTS = ("published", "updated", "last_reviewed")
"""The record's own dates: a new record is published, updated and reviewed today. Other dates are picked (`Choice`)."""


def placeholders(record: BaseModel) -> list[tuple[tuple[str | int, ...], str]]:
    """(location, text) of every text of `record` that begins with `PLACEHOLDER`: parts of a draft still to write.
    The reasons of pending parts are not among them (the pending check lists those)."""
    if PLACEHOLDER not in record.model_dump_json():  # one pass in pydantic's core; nearly every record has none
        return []
    found = []
    for loc, model in iter_models(record):
        if isinstance(model, Pending):
            continue  # its reason is listed by the pending check, whatever it says
        for name in type(model).model_fields:
            value = getattr(model, name)
            items = enumerate(value) if isinstance(value, (list, tuple)) else [(None, value)]
            for index, item in items:
                if isinstance(item, str) and item.startswith(PLACEHOLDER):
                    found.append((loc + (name,) + (() if index is None else (index,)), item))
    return found


class DraftError(Exception):
    """The model has a required part this module cannot fill in so that the model accepts it."""


@dataclass(frozen=True)
class Choice:
    """A value picked for the editor, at `path` ("agency.unit", "channels[0].channel"), among `options` (empty: any)."""

    path: str
    value: str
    options: tuple[str, ...] = ()


@dataclass
class Draft:
    """A new record as data (for YAML) and the values picked for the editor to check."""

    data: dict[str, Any]
    choices: list[Choice] = field(default_factory=list)


class PendingPart(dict):
    """`{pending: reason}`, written in flow style as in the shipped records."""


@dataclass
class _Context:
    today: dt.date
    existing: Mapping[str, Sequence[str]]
    choices: list[Choice]


def _unwrap(annotation: Any, metadata: Sequence[Any] = ()) -> tuple[Any, list[Any]]:
    """The type under `Annotated[...]` layers, and every piece of metadata found on the way (FieldInfo opened)."""
    found = list(metadata)
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        found.extend(extra)
    opened = []
    for item in found:
        opened.append(item)
        if isinstance(item, FieldInfo):
            opened.extend(item.metadata)
    return annotation, opened


def _examples(metadata: list[Any]) -> list[Any]:
    return [example for item in metadata if isinstance(item, FieldInfo) and item.examples for example in item.examples]


def _title(metadata: list[Any], default: str) -> str:
    return next((item.title for item in metadata if isinstance(item, FieldInfo) and item.title), default)


def _accepts(annotation: Any, metadata: list[Any], value: Any) -> bool:
    try:
        TypeAdapter(Annotated[(annotation, *metadata)] if metadata else annotation).validate_python(value)
    except (ValidationError, TypeError):
        return False
    return True


def _number(annotation: type, metadata: list[Any]) -> Any:
    """The smallest whole number the bounds allow (1 without a bound): a count or an amount the editor then checks.

    Bounds are pydantic's constraint metadata (`Ge`, `Gt` of annotated-types, read by their `ge` and `gt`)."""
    bounds = [getattr(item, "ge") for item in metadata if not isinstance(item, FieldInfo) and getattr(item, "ge", None) is not None]
    bounds += [getattr(item, "gt") + 1 for item in metadata if not isinstance(item, FieldInfo) and getattr(item, "gt", None) is not None]
    bound = max(bounds) if bounds else 1
    return Decimal(bound) if annotation is Decimal else annotation(bound)


def _sample(annotation: Any, metadata: Sequence[Any], title: str, path: str, context: _Context) -> Any:
    """A value of `annotation` for the part at `path` (see the module's text)."""
    base, meta = _unwrap(annotation, metadata)
    title = _title(meta, title)
    origin = get_origin(base)
    if origin in (Union, types.UnionType):
        branches = [branch for branch in get_args(base) if branch is not type(None)]
        if any(_unwrap(branch)[0] is Pending for branch in branches):
            return PendingPart(pending=f"{PLACEHOLDER} {title}")
        for branch in branches:
            mark = len(context.choices)
            value = _sample(branch, meta, title, path, context)
            if _accepts(base, meta, value):
                return value
            del context.choices[mark:]
        raise DraftError(f"{path}: không tạo được giá trị hợp lệ")
    reference = next((item for item in meta if isinstance(item, RefTo)), None)
    if reference is not None:
        ids = tuple(context.existing.get(reference.kind, ()))
        value = ids[0] if ids else "can-bo-sung"
        context.choices.append(Choice(path, value, ids))
        return value
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _model_sample(base, path, context)
    if origin in (list, tuple, set, frozenset):
        (item,) = get_args(base)[:1] or (str,)
        return [_sample(item, (), title, f"{path}[0]", context)]
    if origin is Literal:
        return get_args(base)[0]
    if isinstance(base, type) and issubclass(base, enum.Enum):
        options = tuple(str(member.value) for member in base)
        context.choices.append(Choice(path, options[0], options))
        return options[0]
    if base is dt.date or base is dt.datetime:
        context.choices.append(Choice(path, context.today.isoformat()))
        return context.today
    if base is bool:
        return True
    examples = _examples(meta)
    if examples:
        context.choices.append(Choice(path, str(examples[0])))
        return examples[0]
    if base in (int, float, Decimal):
        value = _number(base, meta)
        context.choices.append(Choice(path, str(value)))
        return value
    return f"{PLACEHOLDER} {title}"


def _pendable(annotation: Any) -> bool:
    """Whether a value of `annotation` may be `{pending: ...}` (`base.pendable`, possibly optional)."""
    base, _ = _unwrap(annotation)
    if get_origin(base) not in (Union, types.UnionType):
        return False
    return any(_unwrap(branch)[0] is Pending or _pendable(branch) for branch in get_args(base))


def _model_sample(model: type[BaseModel], path: str, context: _Context, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every required field of `model` (`given` ones as given); when the model still refuses them, the
    first optional field that makes it accept them."""
    prefix = f"{path}." if path else ""
    given = given or {}
    data = {name: given[name] if name in given else _sample(info.annotation, (info,), name, prefix + name, context)
            for name, info in model.model_fields.items() if info.is_required() or _pendable(info.annotation)}
    if _valid(model, data):
        return data
    for name, info in model.model_fields.items():
        if name in data:
            continue
        mark = len(context.choices)
        try:
            tried = {**data, name: _sample(info.annotation, (info,), name, prefix + name, context)}
        except DraftError:
            continue
        if _valid(model, tried):
            return tried
        del context.choices[mark:]
    return data


def _valid(model: type[BaseModel], data: dict[str, Any]) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def draft(kind: str, record_id: str, *, today: dt.date, existing: Mapping[str, Sequence[str]] | None = None) -> Draft:
    """The first draft of record `record_id` of `kind` (a name of `model.KINDS`), dated `today`.

    `existing` maps a kind's name to the ids of its records, for references (the first is picked and
    listed as a choice; "can-bo-sung" when there is none, which the check then reports as an error).
    Raises KeyError for an unknown kind, DraftError when the model refuses the draft.
    """
    model = KINDS[kind].model
    context = _Context(today=today, existing=existing or {}, choices=[])
    data = _model_sample(model, "", context, given={"id": record_id, "changes": [{"date": today, "note": FIRST_CHANGE}]})
    context.choices = [choice for choice in context.choices if choice.path not in TODAY_PARTS]
    try:
        model.model_validate(data)
    except ValidationError as exc:
        raise DraftError(str(exc)) from None
    return Draft(data=data, choices=context.choices)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # today's date is written out each time, never as an anchor and aliases


_Dumper.add_representer(PendingPart, lambda dumper, value: dumper.represent_mapping("tag:yaml.org,2002:map", dict(value), flow_style=True))
_Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:int" if value == value.to_integral_value()
                                                                               else "tag:yaml.org,2002:float", str(value)))


def draft_yaml(result: Draft, *, modeline: str) -> str:
    """The draft as a record file: `modeline` (the schema comment of every record), a comment on what
    to fill in and the values picked (one line each), then the record's parts in the model's order."""
    lines = [modeline, f"# Bản ghi mới: thay mọi \"{PLACEHOLDER} ...\" bằng nội dung thật; phần chưa rõ để {{pending: lý do}}, không tự đặt ra."]
    if result.choices:
        lines.append("# Các giá trị sau được chọn tạm, hãy kiểm tra lại:")
        for choice in result.choices:
            options = f" (chọn trong: {', '.join(choice.options)})" if len(choice.options) > 1 else ""
            lines.append(f"#   {choice.path}: {choice.value}{options}")
    body = yaml.dump(result.data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return "\n".join(lines) + "\n" + body
