"""JSON Schema (draft 2020-12) of each record kind, derived from the model, and lookups in it.

Editors get the schema through the yaml-language-server modeline at the top of each record
(completion, hover help in Vietnamese, red underlines); the validator reads the same schema
to name the keys a mapping allows and the title of a missing part.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from minhbach.model import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


@cache
def json_schema(kind: str) -> dict[str, Any]:
    model = KINDS[kind].model
    schema = model.model_json_schema(mode="validation")
    return {"$schema": DIALECT, "$id": f"{kind}.schema.json", **schema}


SCHEMAS_DIR = "schemas"
"""Where `make schemas` writes the schemas, relative to the project's folder; records name them in their first line."""


def modeline(kind: str, record_folder: Path, root: Path) -> str:
    """The first line of a record of `kind` in `record_folder`: the schema its editor reads (yaml-language-server),
    as a path relative to the record ("../../schemas/procedure.schema.json" for data/procedures/ of `root`)."""
    target = os.path.relpath(root / SCHEMAS_DIR / f"{kind}.schema.json", record_folder)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write `<kind>.schema.json` for every kind; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        target = directory / f"{kind}.schema.json"
        target.write_text(schema_text(kind), encoding="utf-8")
        written.append(target)
    return written


def resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node` with its `$ref` followed into `root`'s `$defs`."""
    while "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def branches(root: dict[str, Any], node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every schema a value at `node` may follow: `$ref`s followed, `anyOf`/`oneOf`/`allOf` flattened."""
    node = resolve(root, node)
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in node:
            for sub in node[combinator]:
                yield from branches(root, sub)
            return
    yield node


def _branches_at(kind: str, path: tuple[str | int, ...]) -> list[dict[str, Any]]:
    root = json_schema(kind)
    nodes = [root]
    for part in path:
        following = []
        for node in nodes:
            for branch in branches(root, node):
                if isinstance(part, str) and part in branch.get("properties", {}):
                    following.append(branch["properties"][part])
                elif isinstance(part, int) and "items" in branch:
                    following.append(branch["items"])
        nodes = following
    return [branch for node in nodes for branch in branches(root, node)]


def description_at(kind: str, path: tuple[str | int, ...]) -> str:
    """The description of the value at `path` (a path into the data), e.g. of one item of a list; '' when none."""
    return next((branch["description"] for branch in _branches_at(kind, path) if branch.get("description")), "")


def objects_at(kind: str, path: tuple[str | int, ...]) -> list[dict[str, Any]]:
    """The object schemas a mapping at `path` (a path into the data) may follow."""
    return [branch for branch in _branches_at(kind, path) if "properties" in branch]


def value_types(kind: str, path: tuple[str | int, ...]) -> set[str]:
    """The JSON types ("string", "integer", "number", "object"...) a value at `path` may have."""
    return {branch["type"] for branch in _branches_at(kind, path) if isinstance(branch.get("type"), str)}


def best_object(kind: str, path: tuple[str | int, ...], present: set[str]) -> dict[str, Any] | None:
    """Of the object schemas at `path`, the one sharing most keys with what the editor wrote."""
    candidates = objects_at(kind, path)
    if not candidates:
        return None
    # On a tie, the value's own shape is a better guess than the {pending: ...} marker.
    return max(candidates, key=lambda branch: (len(present & set(branch["properties"])), "pending" not in branch["properties"]))


def is_pendable(kind: str, path: tuple[str | int, ...], name: str) -> bool:
    """Whether the part `name` of the mapping at `path` accepts `{pending: ...}`."""
    root = json_schema(kind)
    for branch in objects_at(kind, path):
        prop = branch["properties"].get(name)
        if prop is not None:
            return any("pending" in b.get("properties", {}) for b in branches(root, prop))
    return False


def title_of(kind: str, path: tuple[str | int, ...], name: str) -> tuple[str, str]:
    """(title, description) of the part `name` in the mapping at `path`, for messages."""
    root = json_schema(kind)
    for branch in objects_at(kind, path):
        prop = branch["properties"].get(name)
        if prop is not None:
            title, description = prop.get("title", ""), prop.get("description", "")
            for sub in branches(root, prop):
                description = description or sub.get("description", "")
            return title, description
    return "", ""
