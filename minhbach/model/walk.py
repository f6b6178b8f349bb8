"""Walk a validated record: every nested model, and every value carrying a marker.

Markers (`RefTo`, `DocsFile`) live in the model's type annotations, so the checks that
use them never list field names by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

from minhbach.model.base import DocsFile, Pending, RefTo

Loc = tuple[str | int, ...]
M = TypeVar("M")


def iter_models(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Yield (location, model) for `value` and every model nested in it, depth first.

    An explicit stack rather than recursion: this runs over every record on every check.
    """
    stack: list[tuple[Loc, Any]] = [(loc, value)]
    while stack:
        here, item = stack.pop()
        if isinstance(item, BaseModel):
            yield here, item
            children = [(here + (name,), getattr(item, name)) for name in _nesting_fields(type(item))]
            stack.extend(reversed(children))
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed([(here + (index,), child) for index, child in enumerate(item)]))


def _mentions_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_mentions_model(arg) for arg in get_args(annotation))


@cache
def _nesting_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose type can hold another model (text, numbers, dates cannot)."""
    return tuple(name for name, info in model.model_fields.items() if _mentions_model(info.annotation))


def _markers(annotation: Any) -> list[Any]:
    found = []
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        found.extend(metadata)
        found.extend(_markers(base))
    else:
        for arg in get_args(annotation):
            found.extend(_markers(arg))
    return found


@cache
def _marked_fields(model: type[BaseModel], marker_type: type) -> dict[str, Any]:
    fields = {}
    for name, info in model.model_fields.items():
        for marker in list(info.metadata) + _markers(info.annotation):
            if isinstance(marker, marker_type):
                fields[name] = marker
    return fields


def iter_marked(models: Iterable[tuple[Loc, BaseModel]], marker_type: type[M]) -> Iterator[tuple[Loc, str, M]]:
    """Yield (location, value, marker) for every string whose field is marked with `marker_type`,
    in `models` (from `iter_models`, usually computed once per record)."""
    for loc, model in models:
        for name, marker in _marked_fields(type(model), marker_type).items():
            value = getattr(model, name)
            if isinstance(value, str):
                yield loc + (name,), value, marker
            elif isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield loc + (name, index), item, marker


@dataclass(frozen=True)
class Facts:
    """What cross-record checks need from one record, gathered in a single walk (and cached with it)."""

    references: tuple[tuple[Loc, str, RefTo], ...]
    files: tuple[tuple[Loc, str, DocsFile], ...]
    pending: tuple[tuple[Loc, Pending], ...]


def facts_of(record: BaseModel) -> Facts:
    models = list(iter_models(record))
    return Facts(
        references=tuple(iter_marked(models, RefTo)),
        files=tuple(iter_marked(models, DocsFile)),
        pending=tuple((loc, model) for loc, model in models if isinstance(model, Pending)),
    )
