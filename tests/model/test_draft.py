"""`minhbach new`: a new record with every required part, derived from the model, accepted by the check
with nothing but pending warnings; bad ids, existing files and unknown kinds are refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import pytest
import yaml
from pydantic import Field

from minhbach.catalog import load_catalog
from minhbach.checks.project import check_project
from minhbach.cli import main
from minhbach.model import KINDS, Kind, Unit
from minhbach.model.base import Text, pendable
from minhbach.model.draft import PLACEHOLDER, draft
from tests.conftest import TODAY, write_project


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_new_record_of_every_kind_passes_the_check_with_only_pending_warnings(in_project: Path, kind: str, capsys):
    assert main(["new", kind, "ban-ghi-moi", "--today", TODAY.isoformat()]) == 0
    path = f"data/{KINDS[kind].folder}/ban-ghi-moi.yml"
    assert capsys.readouterr().out.splitlines()[0] == path
    text = (in_project / path).read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    data = yaml.safe_load(text)
    required = {name for name, info in KINDS[kind].model.model_fields.items() if info.is_required()}
    assert required <= set(data)
    assert data["id"] == "ban-ghi-moi" and data["published"] == data["updated"] == data["last_reviewed"] == TODAY
    catalog, findings = check_project(in_project / "data", in_project / "docs", TODAY, display_base=in_project)
    assert catalog.entry(kind, "ban-ghi-moi") is not None
    own = [f for f in findings if f.path == path]
    assert own and {f.code for f in own} == {"pending"}, [f for f in own if f.code != "pending"]


def test_references_take_an_existing_record_and_are_listed_for_the_editor_to_check(in_project: Path, capsys):
    write_project(in_project, {"data/units/phong-hai.yml": (in_project / "data/units/phong-mot.yml").read_text(encoding="utf-8")
                               .replace("id: phong-mot", "id: phong-hai")})
    assert main(["new", "procedure", "thu-tuc-moi", "--today", TODAY.isoformat()]) == 0
    text = (in_project / "data/procedures/thu-tuc-moi.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["owner"] == "phong-hai"
    assert "#   owner: phong-hai (chọn trong: phong-hai, phong-mot)" in text.splitlines()
    assert "#   level: trung_uong (chọn trong: trung_uong, tinh, xa)" in text.splitlines()


def test_the_draft_follows_the_model_not_a_template(monkeypatch: pytest.MonkeyPatch):
    class Office(Unit):
        motto: Annotated[Text, Field(title="Khẩu hiệu")]
        founded: Annotated[pendable(dt.date), Field(title="Ngày thành lập")]
        floor: Annotated[int, Field(ge=1, title="Tầng")]

    monkeypatch.setitem(KINDS, "office", Kind("office", "offices", Office, "Văn phòng", None))
    result = draft("office", "van-phong", today=TODAY, existing={"unit": ["phong-mot"]})
    assert result.data["motto"] == f"{PLACEHOLDER} Khẩu hiệu"
    assert result.data["founded"] == {"pending": f"{PLACEHOLDER} Ngày thành lập"}
    assert result.data["floor"] == 1 and ("floor", "1") in {(choice.path, choice.value) for choice in result.choices}
    Office.model_validate(result.data)


def test_a_bad_id_an_unknown_kind_and_an_existing_file_are_refused(in_project: Path, capsys):
    before = sorted(path for path in (in_project / "data").rglob("*") if path.is_file())
    assert main(["new", "procedure", "Thủ tục Mới"]) == 2
    assert "không dùng được làm mã bản ghi" in capsys.readouterr().err
    assert main(["new", "thu-tuc", "moi"]) == 2
    err = capsys.readouterr().err
    assert "không có loại bản ghi 'thu-tuc'" in err and all(f"  {name} " in err for name in KINDS)
    unit = (in_project / "data/units/phong-mot.yml").read_bytes()
    assert main(["new", "unit", "phong-mot"]) == 1
    assert "đã có; không ghi đè" in capsys.readouterr().err
    assert (in_project / "data/units/phong-mot.yml").read_bytes() == unit
    write_project(in_project, {"data/units/phong-ba.yaml": "id: phong-ba\n"})
    assert main(["new", "unit", "phong-ba"]) == 1  # the same id as .yaml: a second file would be a duplicate id
    assert sorted(path for path in (in_project / "data").rglob("*") if path.is_file()) == sorted(before + [in_project / "data/units/phong-ba.yaml"])
    catalog, _ = load_catalog(in_project / "data")
    assert catalog.entry("unit", "phong-ba") is None
