"""Walk a validated record: every nested model, and every value carrying a marker.

Markers (`RefTo`, `DocsFile`) live in the model's type annotations, so the checks that
use them never list field names by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

Loc = tuple[str | int, ...]
M = TypeVar("M")


def iter_models(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Yield (location, model) for `value` and every model nested in it, depth first."""
    if isinstance(value, BaseModel):
        yield loc, value
        for name in type(value).model_fields:
            yield from iter_models(getattr(value, name), loc + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from iter_models(item, loc + (index,))


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
