"""Parts that do not apply to a record (`{not_applicable: reason}`): not pending, shown as "Không áp dụng"."""

from __future__ import annotations

from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.checks.project import check_project
from minhbach.exports import opendata
from minhbach.model import NotApplicable
from minhbach.pages import PageRenderer
from minhbach.pages.values import show
from tests.conftest import PROCEDURE, TODAY, line_of, write_project

CENTRAL = PROCEDURE.replace("national_code: {pending: Chưa tra được mã.}", 'national_code: "2.002352"').replace(
    "agency_code: 000.00.00.H37", 'agency_code: {not_applicable: "Thủ tục do cơ quan trung ương giải quyết; chỉ có mã quốc gia."}')


def test_an_agency_code_that_does_not_apply_is_not_pending_and_the_full_code_is_the_national_code(project: Path):
    write_project(project, {"data/procedures/hop-phap-hoa.yml": CENTRAL})
    catalog, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert not [f for f in findings if f.is_error]
    assert [f.line for f in findings if f.code == "pending" and f.path.endswith("hop-phap-hoa.yml")] == [line_of(CENTRAL, "hours:")]
    procedure = catalog.procedures[0]
    assert isinstance(procedure.agency_code, NotApplicable)
    assert procedure.full_code == "2.002352"
    pages = {page.path: page.markdown for page in PageRenderer(catalog, today=TODAY).pages()}
    assert "<dt>Mã thủ tục</dt><dd>2.002352</dd>" in pages["thu-tuc/hop-phap-hoa.md"]
    assert "<strong>2.002352</strong>" in pages["thu-tuc/hop-phap-hoa/niem-yet.md"]
    from minhbach.pages import data

    csv = data.files(PageRenderer(catalog, today=TODAY))[f"{opendata.DATA_DIR}/thu-tuc.csv"].decode("utf-8-sig")
    assert "hop-phap-hoa,Hợp pháp hóa lãnh sự,2.002352," in csv


def test_a_pending_agency_code_still_counts_as_pending(project: Path):
    pending = CENTRAL.replace('agency_code: {not_applicable: "Thủ tục do cơ quan trung ương giải quyết; chỉ có mã quốc gia."}',
                              "agency_code: {pending: Chưa đối chiếu.}")
    write_project(project, {"data/procedures/hop-phap-hoa.yml": pending})
    catalog, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert [f.line for f in findings if f.code == "pending" and f.path.endswith("hop-phap-hoa.yml")] == [line_of(pending, "agency_code"), line_of(pending, "hours:")]
    assert catalog.procedures[0].full_code is None


def test_readers_see_not_applicable_with_its_reason_escaped():
    html = show(NotApplicable(not_applicable='Chỉ có mã "quốc gia" <b>'))
    assert html == '<span class="mb-not-applicable" title="Chỉ có mã &#34;quốc gia&#34; &lt;b&gt;">Không áp dụng</span>'
    assert opendata._text(NotApplicable(not_applicable="x")) == "không áp dụng"


def test_a_part_that_always_applies_refuses_not_applicable_and_names_its_keys(project: Path):
    text = PROCEDURE.replace("    fee: {free: true}", "    fee: {not_applicable: Miễn phí}")
    write_project(project, {"data/procedures/hop-phap-hoa.yml": text})
    _, findings = load_catalog(project / "data")
    [finding] = [f for f in findings if f.is_error]
    assert finding.code == "unknown-key" and "not_applicable" in finding.message
    assert "free, items, note" in finding.hint and finding.line == line_of(text, "fee: {not_applicable")


def test_the_procedures_decided_centrally_have_no_agency_code():
    root = Path(__file__).resolve().parents[2]
    catalog, _ = load_catalog(root / "data")
    central = [p for p in catalog.procedures if p.level.value == "trung_uong"]
    assert central
    assert all(isinstance(p.agency_code, NotApplicable) for p in central)
    assert all(p.full_code == p.national_code for p in central if isinstance(p.national_code, str))
