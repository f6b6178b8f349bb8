"""The editor schemas come from the model, and the shipped copies are up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minhbach.model import KINDS
from minhbach.model.schema import DIALECT, json_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_draft_2020_12_with_vietnamese_titles(kind: str):
    schema = json_schema(kind)
    assert schema["$schema"] == DIALECT
    assert schema["additionalProperties"] is False
    assert schema["properties"]["id"]["title"] == "Mã bản ghi (id)"
    assert {"id", "published", "updated", "last_reviewed", "owner", "changes"} <= set(schema["required"])


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_schema_matches_the_model(kind: str):
    shipped = ROOT / "schemas" / f"{kind}.schema.json"
    assert shipped.read_text(encoding="utf-8") == schema_text(kind), "run `make schemas` and commit the result"


def test_pending_is_offered_where_a_value_may_be_unknown():
    procedure = json_schema("procedure")
    assert {"$ref": "#/$defs/Pending"} in procedure["properties"]["result"]["oneOf"]
    assert "oneOf" not in procedure["properties"]["name"]


def test_every_record_file_names_its_schema_for_the_editor():
    for kind in KINDS.values():
        for file in (ROOT / "data" / kind.folder).glob("*.yml"):
            first = file.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{kind.name}.schema.json", file


def test_vscode_settings_map_each_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for kind in KINDS.values():
        assert mapping[f"./schemas/{kind.name}.schema.json"] == f"data/{kind.folder}/*.yml"
