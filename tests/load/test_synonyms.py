"""The search box's synonyms file: what editors may write, and what `check` says about the rest."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from minhbach.checks.project import check_project
from minhbach.load.synonyms import SYNONYMS_FILE, browser_synonyms, read_synonyms
from minhbach.site.search import SYNONYMS_JSON, write_synonyms
from tests.site_helpers import make_site_project

ROOT = Path(__file__).resolve().parents[2]


def _project(tmp_path: Path, text: str | bytes) -> Path:
    target = tmp_path / SYNONYMS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return tmp_path


def test_the_repositorys_synonyms_are_valid_and_hold_the_seed_groups():
    groups, findings = read_synonyms(ROOT)
    assert findings == []
    folded = browser_synonyms(groups)
    for pair in (["visa", "thi thuc"], ["hccv", "ho chieu cong vu"], ["hcng", "ho chieu ngoai giao"], ["abtc", "the di lai doanh nhan apec"]):
        assert any(set(pair) <= set(group) for group in folded), pair


def test_groups_are_read_as_written_and_given_to_the_browser_folded(tmp_path: Path):
    root = _project(tmp_path, "synonyms:\n  - [Visa, Thị thực]\n  - [HCCV, hộ chiếu  công vụ, 'Đ.T']\n")
    groups, findings = read_synonyms(root)
    assert findings == []
    assert groups == [("Visa", "Thị thực"), ("HCCV", "hộ chiếu  công vụ", "Đ.T")]
    site = tmp_path / "site"
    site.mkdir()
    write_synonyms(site, groups)
    assert json.loads((site / SYNONYMS_JSON).read_text(encoding="utf-8")) == [["visa", "thi thuc"], ["hccv", "ho chieu cong vu", "d.t"]]


def test_no_file_no_groups_and_no_findings(tmp_path: Path):
    assert read_synonyms(tmp_path) == ([], [])


@pytest.mark.parametrize(("text", "code", "line"), [
    ("- [visa, thị thực]\n", "not-a-mapping", 1),
    ("synonyms: visa\n", "synonyms-shape", 1),
    ("groups:\n  - [visa, thị thực]\n", "synonyms-shape", 1),
    ("synonyms:\n  - [visa, thị thực]\n  - {visa: thị thực}\n", "synonyms-shape", 3),
    ("synonyms:\n  - [visa, [thị thực]]\n", "synonyms-shape", 2),
    ("synonyms:\n  - [visa, '']\n", "synonyms-empty", 2),
    ("synonyms:\n  - [visa, ' -- ']\n", "synonyms-empty", 2),
    ("synonyms:\n  - [visa]\n", "synonyms-alone", 2),
    ("synonyms:\n  - [visa, thị thực]\n  - [Thi Thuc, thị thực nhập cảnh]\n", "synonyms-twice", 3),
    ("synonyms:\n  - [visa, VISA]\n", "synonyms-twice", 2),
    ("synonyms:\n  - [visa, thi\u0323 thực]\n", "not-nfc", 2),
    (b"synonyms:\n  - [visa, th\xe1]\n", "not-utf8", 2),
])
def test_a_file_editors_got_wrong_gets_a_finding_with_its_line_and_no_traceback(tmp_path: Path, text: str | bytes, code: str, line: int):
    groups, findings = read_synonyms(_project(tmp_path, text))
    assert code in {finding.code for finding in findings}, findings
    found = next(finding for finding in findings if finding.code == code)
    assert found.path == SYNONYMS_FILE and found.line == line and found.hint
    assert len(groups) <= 1, "a group with a problem is left out"


def test_a_group_with_a_problem_is_left_out_and_the_others_kept(tmp_path: Path):
    groups, findings = read_synonyms(_project(tmp_path, "synonyms:\n  - [visa, thị thực]\n  - [HCCV]\n  - [ABTC, '', thẻ APEC]\n"))
    assert groups == [("visa", "thị thực")]
    assert [finding.code for finding in findings] == ["synonyms-alone", "synonyms-empty"]


def test_check_reports_the_synonyms_file(tmp_path: Path):
    project = make_site_project(tmp_path / "project", {SYNONYMS_FILE: "synonyms:\n  - [visa, thị thực]\n  - [thi thuc, HCCV]\n"})
    _, findings = check_project(project / "data", project / "docs", dt.date(2026, 11, 27), display_base=project)
    twice = [finding for finding in findings if finding.code == "synonyms-twice"]
    assert [(finding.path, finding.line) for finding in twice] == [(SYNONYMS_FILE, 3)]
