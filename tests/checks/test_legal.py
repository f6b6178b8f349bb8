"""Legal status must agree with dates and replacements; procedures on expired law are flagged."""

from __future__ import annotations

from pathlib import Path

from minhbach.checks.project import check_project
from tests.conftest import LEGAL, TODAY, line_of, write_project


def run(project: Path, legal: str):
    write_project(project, {"data/legal/nd-111-2011.yml": legal})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return [f for f in findings if f.code != "pending"]


def test_replaced_document_cannot_be_in_force(project: Path):
    text = LEGAL.replace("status: het_hieu_luc_mot_phan", "status: con_hieu_luc\nreplaced_by: nd-111-2011")
    [finding] = run(project, text)
    assert (finding.code, finding.line) == ("status-conflict", line_of(text, "status:"))


def test_status_contradicting_dates_is_a_warning(project: Path):
    text = LEGAL.replace("status: het_hieu_luc_mot_phan", "status: chua_co_hieu_luc")
    findings = run(project, text)
    assert {f.code for f in findings} == {"status-stale", "basis-not-in-force"}
    [finding] = [f for f in findings if f.code == "status-stale"]
    assert finding.severity.value == "warning"
    assert "2012-02-01" in finding.message


def test_procedure_citing_an_expired_document_is_flagged(project: Path):
    text = LEGAL.replace("status: het_hieu_luc_mot_phan", "status: het_hieu_luc_toan_bo")
    [finding] = run(project, text)
    assert finding.code == "basis-not-in-force" and finding.path == "data/procedures/hop-phap-hoa.yml"
    assert "Hết hiệu lực toàn bộ" in finding.message


def test_a_document_in_force_without_its_full_text_address_is_a_warning_at_its_number(project: Path):
    text = LEGAL.replace("url: https://example.org/van-ban/nd-111-2011\n", "")
    [finding] = run(project, text)
    assert (finding.code, finding.is_error, finding.line) == ("legal-no-url", False, line_of(text, "number:"))
    assert "Nghị định 111/2011/NĐ-CP" in finding.message and "vbpl.vn" in finding.hint
    # a document no longer in force needs no link for new dossiers
    assert [f.code for f in run(project, text.replace("status: het_hieu_luc_mot_phan", "status: het_hieu_luc_toan_bo"))
            if f.code == "legal-no-url"] == []
    assert run(project, LEGAL) == []


def test_a_document_whose_status_is_pending_is_not_asked_for_its_full_text_yet(project: Path):
    text = LEGAL.replace("url: https://example.org/van-ban/nd-111-2011\n", "")
    text = text.replace("status: het_hieu_luc_mot_phan", "status: {pending: Chưa đối chiếu tình trạng hiệu lực.}")
    assert "legal-no-url" not in [f.code for f in run(project, text)]

