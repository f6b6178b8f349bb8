"""The dossier checklist on a procedure page and the agency's list of why dossiers are returned."""

from __future__ import annotations

from pathlib import Path

import yaml

from minhbach.catalog import load_catalog
from minhbach.model import Procedure
from minhbach.pages import CHECKLIST_JS, PageRenderer
from minhbach.pages.checklist import STORAGE_PREFIX, storage_key
from minhbach.site.generate import ASSETS
from tests.conftest import PROCEDURE, write_project

REJECTIONS = """\
common_rejections:
  - reason: Bản sao giấy tờ không có chứng thực
    fix: Nộp bản sao có chứng thực hoặc mang bản chính để đối chiếu
  - reason: Tờ khai thiếu chữ ký
"""


def _procedure(**changes) -> Procedure:
    data = yaml.safe_load(PROCEDURE)
    data.update(changes)
    return Procedure.model_validate(data)


def _pages(project: Path) -> dict[str, str]:
    catalog, findings = load_catalog(project / "data")
    assert findings == []
    return {page.path: page.markdown for page in PageRenderer(catalog).pages()}


def test_ticks_are_kept_per_procedure_and_forgotten_when_its_dossier_changes():
    same = storage_key(_procedure())
    assert same == storage_key(_procedure()) and same.startswith(f"{STORAGE_PREFIX}hop-phap-hoa:")
    item = yaml.safe_load(PROCEDURE)["dossier"]["items"][0]
    renamed = {"items": [{**item, "name": "Tờ khai mới"}], "sets": 1}
    more_copies = {"items": [{**item, "copies": 2}], "sets": 1}
    assert len({same, storage_key(_procedure(dossier=renamed)), storage_key(_procedure(dossier=more_copies))}) == 3
    assert storage_key(_procedure(id="khac")) != same
    assert storage_key(_procedure(dossier={"pending": "Đang cập nhật thành phần hồ sơ."})) is None


def test_each_dossier_paper_is_a_labelled_checkbox_and_only_procedure_pages_load_the_script(project: Path):
    page = _pages(project)["thu-tuc/hop-phap-hoa.md"]
    assert f'data-checklist="{storage_key(_procedure())}"' in page
    assert '<input type="checkbox" class="mb-check" id="mb-ho-so-1"> <label for="mb-ho-so-1">Tờ khai</label>' in page
    assert 'class="mb-checklist-status" role="status"' in page
    assert '<script src="../../assets/minhbach/checklist.js" defer></script>' in page
    assert CHECKLIST_JS in dict(ASSETS)
    assert "Lỗi thường gặp" not in page  # none published, none shown


def test_the_checklist_waits_while_the_dossier_is_pending(project: Path):
    write_project(project, {"data/procedures/hop-phap-hoa.yml": PROCEDURE.replace(
        PROCEDURE[PROCEDURE.index("dossier:"):PROCEDURE.index("result:")], "dossier: {pending: Đang cập nhật.}\n")})
    page = _pages(project)["thu-tuc/hop-phap-hoa.md"]
    assert "mb-check" not in page and "checklist.js" not in page


def test_common_rejections_show_under_the_dossier_with_their_fix(project: Path):
    write_project(project, {"data/procedures/hop-phap-hoa.yml": PROCEDURE + REJECTIONS})
    page = _pages(project)["thu-tuc/hop-phap-hoa.md"]
    section = page[page.index("## 4. Thành phần"):page.index("## 5.")]
    assert "<p><strong>Lỗi thường gặp khiến hồ sơ bị trả lại:</strong></p>" in section
    assert ("<li>Bản sao giấy tờ không có chứng thực<br><em>Cách khắc phục:</em> "
            "Nộp bản sao có chứng thực hoặc mang bản chính để đối chiếu</li>") in section
    assert "<li>Tờ khai thiếu chữ ký</li>" in section
