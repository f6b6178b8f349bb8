"""Model errors become findings with the part's Vietnamese name, the exact place and a fix."""

from __future__ import annotations

import pytest

from minhbach.model import KINDS
from minhbach.source import parse
from minhbach.validate import validate
from tests.conftest import LEGAL, PROCEDURE, UNIT, column_of, line_of


def findings_for(kind: str, text: str):
    doc, problems = parse("x.yml", text)
    assert doc is not None, problems
    record, findings = validate(doc, KINDS[kind])
    assert record is None, "the record should have been rejected"
    return findings


def one(findings, code):
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, [(f.code, f.message) for f in findings]
    return matching[0]


def test_the_valid_samples_validate():
    for kind, text in (("unit", UNIT), ("legal", LEGAL), ("procedure", PROCEDURE)):
        doc, problems = parse("x.yml", text)
        record, findings = validate(doc, KINDS[kind])
        assert problems == [] and findings == [] and record is not None


def test_unknown_key_suggests_the_closest_valid_key():
    text = PROCEDURE.replace("requirements: []", "requirement: []")
    finding = one(findings_for("procedure", text), "unknown-key")
    assert (finding.line, finding.column) == (line_of(text, "requirement:"), 1)
    assert "`requirements`" in finding.hint


def test_unknown_key_inside_a_nested_part_lists_that_part_s_keys():
    text = PROCEDURE.replace("    provisions: Điều 11", "    provision: Điều 11")
    findings = findings_for("procedure", text)
    finding = one(findings, "unknown-key")
    assert (finding.line, finding.column) == (line_of(text, "provision:"), 5)
    assert "Có phải ý bạn là `provisions`" in finding.hint and "doc" in finding.hint


def test_unknown_key_inside_a_pendable_part_uses_the_value_shape():
    text = PROCEDURE.replace("time: {working_days: 1, note: từ 1 đến 4 giấy tờ}", "time: {workingdays: 1}")
    findings = findings_for("procedure", text)
    finding = next(f for f in findings if f.code == "unknown-key")
    assert finding.line == line_of(text, "workingdays")
    assert "`working_days`" in finding.hint


def test_missing_required_part_points_at_its_parent_and_offers_pending():
    text = PROCEDURE.replace("result: Giấy tờ được hợp pháp hóa lãnh sự\n", "")
    finding = one(findings_for("procedure", text), "missing-part")
    assert (finding.line, finding.column) == (1, 1)
    assert "`result` (Kết quả thực hiện)" in finding.message
    assert "pending" in finding.hint


def test_missing_nested_part_points_at_the_enclosing_key():
    text = PROCEDURE.replace("  performing: Cục Lãnh sự, Bộ Ngoại giao\n", "")
    finding = one(findings_for("procedure", text), "missing-part")
    assert (finding.line, finding.column) == (line_of(text, "agency:"), 1)
    assert "performing" in finding.message


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("name: Hợp pháp hóa lãnh sự", 'name: "  "', 'name: "'),
        ("subjects:\n  - Cá nhân", "subjects: []", "subjects: []"),
        ("result: Giấy tờ được hợp pháp hóa lãnh sự", "result: {pending: ''}", "result:"),
    ],
)
def test_empty_required_values_are_errors(old, new, needle):
    text = PROCEDURE.replace(old, new)
    finding = one(findings_for("procedure", text), "empty-value")
    assert finding.line == line_of(text, needle)


def test_wrong_type_says_what_was_expected_and_what_was_found():
    text = PROCEDURE.replace("      originals: 1", "      originals: một")
    finding = one(findings_for("procedure", text), "wrong-type")
    assert (finding.line, finding.column) == (line_of(text, "originals: một"), column_of(text, "một"))
    assert "số nguyên" in finding.message and "một" in finding.message


def test_text_written_as_a_number_gets_the_quote_hint():
    text = PROCEDURE.replace("name: Hợp pháp hóa lãnh sự", "name: 12")
    finding = one(findings_for("procedure", text), "wrong-type")
    assert "ngoặc kép" in finding.hint


@pytest.mark.parametrize(
    ("date", "code", "suggestion"),
    [("15/03/2026", "non-iso-date", "2026-03-15"), ("2026-02-31", "invalid-date", "ngày của tháng"), ("hôm qua", "non-iso-date", "YYYY-MM-DD")],
)
def test_dates_must_be_real_and_iso(date, code, suggestion):
    text = LEGAL.replace("issued: 2011-12-05", f"issued: {date}")
    finding = one(findings_for("legal", text), code)
    assert (finding.line, finding.column) == (line_of(text, "issued:"), 9)
    assert suggestion in finding.hint


def test_enum_value_gets_did_you_mean():
    text = LEGAL.replace("status: het_hieu_luc_mot_phan", "status: con_hieu_lu")
    finding = one(findings_for("legal", text), "bad-value")
    assert finding.line == line_of(text, "status:")
    assert "'con_hieu_luc'" in finding.hint


def test_pattern_mismatch_explains_the_format():
    text = PROCEDURE.replace("agency_code: 000.00.00.H37", "agency_code: H37")
    finding = one(findings_for("procedure", text), "bad-format")
    assert "000.00.00.H37" in finding.hint


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("review_in: 6 tháng", "review_by: 2026-12-01\nreview_in: 6 tháng", "review-rule"),
        ("fee: {free: true}", "fee: {free: true, items: [{amount: 1}]}", "fee-shape"),
        ("time: {not_fixed: Tùy số lượng giấy tờ}", "time: {days: 3, working_days: 2}", "time-shape"),
        ("      copies: 0", "      copies: 0\n      note: x\n", None),
        ("      originals: 1", "      originals: 0", "dossier-count"),
        ("  url: https://dichvucong.gov.vn/", "", "online-url"),
        ("  - channel: truc_tuyen", "  - channel: truc_tiep", "channel-repeated"),
    ],
)
def test_model_rules_have_their_own_codes(old, new, code):
    text = PROCEDURE.replace(old, new)
    doc, _ = parse("x.yml", text)
    record, findings = validate(doc, KINDS["procedure"])
    if code is None:
        assert record is not None
    else:
        assert [f.code for f in findings] == [code]


def test_bad_url():
    text = PROCEDURE.replace("url: https://dichvucong.gov.vn/", "url: dichvucong")
    assert one(findings_for("procedure", text), "bad-url").line == line_of(text, "url:")


def test_unit_phone_format():
    text = UNIT.replace('phones: ["0205 3719 886"]', 'phones: ["gọi 0205"]')
    finding = one(findings_for("unit", text), "bad-format")
    assert finding.line == line_of(text, "phones:")
