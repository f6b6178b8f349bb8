"""The web editor's configuration is the content model's: every field, its label and help, its widget, `required`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated, Any, Union

import pytest
import yaml
from pydantic import Field

from minhbach.exports import admin
from minhbach.model import KINDS
from minhbach.model.base import Pending, Strict, Text
from minhbach.model.procedure import Fee, NationalCode
from minhbach.model.schema import json_schema, resolve

VENDOR = Path(admin.__file__).resolve().parent.parent / "assets" / "vendor"


def _config() -> dict[str, Any]:
    return admin.editor_config(data_dir="data", repo_url="https://github.com/so-ngoai-vu/minhbach", site_url=None)


def _collection(kind: str) -> dict[str, Any]:
    return next(item for item in _config()["collections"] if item["name"] == kind)


def _schema_paths(root: dict[str, Any], node: dict[str, Any], path: str) -> set[str]:
    """Every property path of the JSON Schema derived from the model (`a.b`, list items as `a[].b`)."""
    node = resolve(root, node)
    found: set[str] = set()
    for sub in node.get("anyOf", []) + node.get("oneOf", []):
        found |= _schema_paths(root, sub, path)
    if "items" in node:
        found |= _schema_paths(root, node["items"], path + "[]")
    for name, prop in node.get("properties", {}).items():
        here = f"{path}.{name}" if path else name
        found.add(here)
        found |= _schema_paths(root, prop, here)
    return found


def _config_paths(fields: list[dict[str, Any]], path: str) -> set[str]:
    found: set[str] = set()
    for field in fields:
        here = f"{path}.{field['name']}" if path else field["name"]
        found.add(here)
        inner = here + "[]" if field["widget"] == "list" else here
        found |= _config_paths(field.get("fields", []), inner)
        if "field" in field:
            found |= _config_paths(field["field"].get("fields", []), inner)
    return found


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_model_field_is_in_the_editor(kind: str):
    """Walks the model through its JSON Schema: every part, `pending` of every pendable part included."""
    schema = json_schema(kind)
    expected = _schema_paths(schema, schema, "")
    assert expected <= _config_paths(_collection(kind)["fields"], "")


def test_labels_help_and_required_come_from_the_model():
    fields = {field["name"]: field for field in _collection("procedure")["fields"]}
    model = KINDS["procedure"].model.model_fields
    assert fields["name"]["label"] == model["name"].title and fields["name"]["required"] is True
    assert fields["summary"]["hint"] == model["summary"].description and fields["summary"]["required"] is False
    assert fields["review_in"]["label"] == "Chu kỳ rà soát"  # a title given inside the type (ReviewPeriod)
    code = {field["name"]: field for field in fields["national_code"]["fields"]}  # a pendable plain value: {value, pending}
    assert code["value"]["pattern"][0] == r"^\d\.\d{6}$" and code["value"]["required"] is False
    assert code["pending"]["label"] == "Đang cập nhật (lý do)" and code["pending"]["required"] is False
    assert fields["national_code"]["hint"].startswith("Mã trên Cơ sở dữ liệu quốc gia")
    assert fields["requirements"]["required"] is False  # Sveltia's required list needs an item; `[]` is written back
    for field in _collection("procedure")["fields"]:
        assert field["label"] != field["name"], field["name"]


def test_widgets_per_type():
    fields = {field["name"]: field for field in _collection("procedure")["fields"]}
    assert {"widget": "datetime", "time_format": False, "format": "YYYY-MM-DD"}.items() <= fields["published"].items()
    assert {"widget": "relation", "collection": "unit", "value_field": "id"}.items() <= fields["owner"].items()
    assert fields["field"]["collection"] == "field"
    legal_basis = {field["name"]: field for field in fields["legal_basis"]["fields"]}
    assert fields["legal_basis"]["widget"] == "list" and fields["legal_basis"]["min"] == 1
    assert legal_basis["doc"]["collection"] == "legal"
    channel = {field["name"]: field for field in fields["channels"]["fields"]}
    assert {"label": "Trực tiếp", "value": "truc_tiep"} in channel["channel"]["options"]
    time = {field["name"]: field for field in channel["time"]["fields"]}
    assert channel["time"]["widget"] == "object" and time["pending"]["required"] is False
    assert {"widget": "number", "value_type": "float", "min": 0}.items() <= time["working_days"].items()
    fee = {field["name"]: field for field in channel["fee"]["fields"]}
    assert fee["free"]["options"] == [{"label": "Có", "value": True}] and fee["free"]["required"] is False  # never `free: false`
    dossier = {field["name"]: field for field in fields["dossier"]["fields"]}
    items = {field["name"]: field for field in dossier["items"]["fields"]}
    originals = {field["name"]: field for field in items["originals"]["fields"]}
    assert {"widget": "number", "value_type": "int", "min": 0, "max": 99}.items() <= originals["value"].items()
    legal = {field["name"]: field for field in _collection("legal")["fields"]}
    assert {"widget": "relation", "collection": "legal", "multiple": True}.items() <= legal["amended_by"].items()
    event = {field["name"]: field for field in _collection("event")["fields"]}
    assert event["body"]["widget"] == "text"
    assert re.match(event["end"]["pattern"][0], "2026-12-02 08:00") and re.match(event["end"]["pattern"][0], "2026-12-02")


def test_one_collection_per_kind_in_its_data_folder():
    config = admin.editor_config(data_dir="du-lieu/", repo_url=None, site_url=None)
    assert [item["name"] for item in config["collections"]] == list(KINDS)
    for item, kind in zip(config["collections"], KINDS.values(), strict=True):
        assert item["folder"] == f"du-lieu/{kind.folder}" and item["extension"] == "yml" and item["slug"] == "{{fields.id}}"
        assert item["label"] == kind.label


@pytest.mark.parametrize(("repo_url", "repo"), [
    ("https://github.com/so-ngoai-vu/minhbach", "so-ngoai-vu/minhbach"),
    ("https://github.com/so-ngoai-vu/minhbach.git/", "so-ngoai-vu/minhbach"),
    ("https://gitlab.com/so-ngoai-vu/minhbach", admin.LOCAL_ONLY_REPO),
    ("https://github.com/so-ngoai-vu", admin.LOCAL_ONLY_REPO),
    (None, admin.LOCAL_ONLY_REPO),
])
def test_github_backend_from_repo_url(repo_url: str | None, repo: str):
    assert admin.editor_config(data_dir="data", repo_url=repo_url, site_url=None)["backend"] == {"name": "github", "repo": repo, "branch": "main"}


def test_config_text_is_the_mapping_as_yaml():
    config = _config()
    assert yaml.safe_load(admin.config_text(config)) == config


def test_the_served_script_takes_its_fonts_from_the_site():
    served = admin.served_script((VENDOR / "sveltia-cms.js").read_bytes())
    assert b"cdn.jsdelivr.net" not in served
    for name in admin.SVELTIA_FONTS.values():
        assert f"url(fonts/{name})".encode() in served and (VENDOR / "sveltia-fonts" / name).is_file()
    with pytest.raises(admin.VendoredScriptChanged):
        admin.served_script(b"@font-face{src:url(https://example.org/font.woff2)}")


def test_vendored_files_are_the_pinned_ones():
    """assets/vendor/README.txt names the version and the checksums of the files the site serves."""
    readme = (VENDOR / "README.txt").read_text(encoding="utf-8")
    assert f"@sveltia/cms {admin.SVELTIA_VERSION} " in readme
    for name in ("sveltia-cms.js", "sveltia-cms.vi.json", "js-yaml.min.js", *(f"sveltia-fonts/{font}" for font in admin.SVELTIA_FONTS.values())):
        digest = hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()
        assert digest in readme, name


def test_admin_page_links_the_guide_only_when_given():
    assert 'href="../huong-dan-bien-tap/"' in admin.page_html(guide_href="../huong-dan-bien-tap/")
    assert "huong-dan" not in admin.page_html(guide_href=None)
    page = admin.page_html(guide_href=None)
    assert page.index('src="admin-locale.js"') < page.index('src="sveltia-cms.js"') < page.index('src="admin-format.js"')
    assert "unpkg" not in page and "https://" not in page


def test_formats_name_the_parts_the_file_format_reshapes():
    """assets/admin-format.js wraps exactly the parts that may be a plain value and writes back the empty lists."""
    procedure = admin.formats()["procedure"]
    assert procedure["format"] == _collection("procedure")["format"] == "minhbach-procedure"
    assert {"national_code", "result", "reception.hours", "dossier.items[].copies", "online.level"} <= set(procedure["plain_or_mapping"])
    assert "dossier" not in procedure["plain_or_mapping"] and "channels[].fee" not in procedure["plain_or_mapping"]  # mappings: pending is a field of theirs
    assert procedure["lists"] == ["requirements"]
    assert admin.formats()["unit"]["plain_or_mapping"] == ["phones", "email", "address"]
    assert '"national_code"' in admin.page_html(guide_href=None)


class _NotApplicable(Strict):
    not_applicable: Annotated[Text, Field(title="Không áp dụng (lý do)")]


class _Sample(Strict):
    fee: Annotated[Union[Pending, _NotApplicable, Fee], Field(title="Phí")]  # noqa: UP007 - as the model writes unions
    code: Annotated[Union[Pending, _NotApplicable, NationalCode], Field(title="Mã")]  # noqa: UP007


def test_a_new_marker_beside_pending_gets_its_own_field():
    """A shape added to a part the way `{pending: ...}` is (another marker, another mapping) needs no change here."""
    walk = admin._Walk()
    fields = {field["name"]: field for field in walk.fields(_Sample, "")}
    fee = [field["name"] for field in fields["fee"]["fields"]]
    assert fee == [*Fee.model_fields, "pending", "not_applicable"]
    code = {field["name"]: field for field in fields["code"]["fields"]}
    assert list(code) == ["value", "pending", "not_applicable"] and code["value"]["pattern"][0] == r"^\d\.\d{6}$"
    assert code["not_applicable"]["label"] == "Không áp dụng (lý do)"
    assert walk.plain_or_mapping == ["code"]
