"""Model errors become findings with the part's Vietnamese name, the exact place and a fix."""

from __future__ import annotations

import pytest

from minhbach.model import KINDS
from minhbach.load.source import parse
from minhbach.load.validate import validate
from tests.conftest import FIELD, FUNDING, LEGAL, PROCEDURE, UNIT, WORKFLOW, column_of, line_of


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


@pytest.mark.parametrize("phone", [
    "0205 371 988",        # a digit short: landlines have 11 digits with the 0, mobiles 10
    "0205 3719 88612",     # too long
    "+84 0205 3719 886",   # +84 replaces the 0, never comes before it
    "(0205) 3719 886",     # brackets
    "0205 3719 886 (máy lẻ 12)",
    "0205  3719 886",      # two separators in a row
    "1900 12",             # a service number too short
    "0105 3719 886",       # no area or mobile prefix starts with 1
    "19001234; 19005678",  # two numbers in one item
])
def test_a_malformed_phone_number_is_refused_at_its_line_with_how_to_write_it(phone: str):
    text = UNIT.replace('phones: ["0205 3719 886"]', f'phones:\n  - "0205 3719 878"\n  - "{phone}"')
    finding = one(findings_for("unit", text), "bad-format")
    assert finding.line == line_of(text, f'- "{phone}"')
    assert "Điện thoại" in finding.message and phone in finding.message
    assert "'0205 3719 886'" in finding.hint and "+84" in finding.hint and "số ngắn" in finding.hint


@pytest.mark.parametrize("phone", ["0205 3719 886", "0205.3719.886", "0205-3719-886", "02053719886", "0981 848 484",
                                   "+84 981 84 84 84", "+84 205 3719 886", "+86 771 123 4567", "1900 1234", "1800 123456",
                                   "113", "1022"])
def test_the_ways_a_number_is_written_in_vietnam_are_accepted(phone: str):
    doc, _ = parse("x.yml", UNIT.replace('phones: ["0205 3719 886"]', f'phones: ["{phone}"]'))
    record, findings = validate(doc, KINDS["unit"])
    assert findings == [] and record is not None and record.phones == [phone]



def _block_time(key: str) -> str:
    return PROCEDURE.replace("time: {working_days: 1, note: từ 1 đến 4 giấy tờ}", f"time:\n      {key}: 1\n      note: từ 1 đến 4 giấy tờ")


# Every number of the model, each as the sample writes it (kind, text, the line to rewrite, its key).
NUMBER_FIELDS = [
    ("procedure", PROCEDURE, "        - amount: 30000", "amount"),
    ("procedure", PROCEDURE, "      originals: 1", "originals"),
    ("procedure", PROCEDURE, "      copies: 0", "copies"),
    ("procedure", PROCEDURE, "  sets: 1", "sets"),
    ("procedure", _block_time("working_days"), "      working_days: 1", "working_days"),
    ("procedure", _block_time("days"), "      days: 1", "days"),
    ("procedure", _block_time("working_hours"), "      working_hours: 1", "working_hours"),
    ("field", FIELD + "order: 1\n", "order: 1", "order"),
    ("workflow", WORKFLOW, "  - number: 1", "number"),
    ("workflow", WORKFLOW.replace("duration: {working_hours: 2}", "duration:\n      working_hours: 2", 1), "      working_hours: 2", "working_hours"),
]
# How a number gets written the Vietnamese (or another human) way, and the number meant.
WRITTEN_NUMBERS = [
    ("30.000", "30000"), ("2.000", "2000"), ("1.500.000", "1500000"), ('"30.000"', "30000"), ("'2.000'", "2000"),
    ("-30.000", "-30000"), ("1.500,5", "1500.5"), ("30,000", "30000"), ("30 000", "30000"), ("1,5", "1.5"),
    ("30000 đồng", "30000"), ("30.000đ", "30000"), ("30000 VNĐ", "30000"),
]


@pytest.mark.parametrize(("written", "meant"), WRITTEN_NUMBERS)
@pytest.mark.parametrize(("kind", "text", "line", "key"), NUMBER_FIELDS, ids=[f"{k}.{key}" for k, _, _, key in NUMBER_FIELDS])
def test_numbers_written_with_separators_are_errors_with_the_number_to_write(kind, text, line, key, written, meant):
    assert line in text
    broken = text.replace(line, line.rsplit(":", 1)[0] + ": " + written, 1)
    doc, problems = parse("x.yml", broken)
    record, findings = validate(doc, KINDS[kind])
    assert record is None
    finding = one(problems + findings, "number-format")
    assert finding.is_error
    value_line = line.rsplit(":", 1)[0] + ": " + written
    assert (finding.line, finding.column) == (line_of(broken, value_line), column_of(broken, value_line) + len(value_line) - len(written))
    assert written.strip("'\"") in finding.message
    assert f"{key}: {meant}" in finding.hint
    assert [f.code for f in problems + findings] == ["number-format"], "one finding for one mistake"


@pytest.mark.parametrize(("written", "read_as", "meant"), [("1:30", "90", "1.5"), ("010", "8", "10"), ("2:00", "120", "2")])
def test_numbers_yaml_reads_in_base_60_or_8_are_errors(written, read_as, meant):
    text = PROCEDURE.replace("time: {working_days: 1, note", f"time: {{working_hours: {written}, note")
    doc, _ = parse("x.yml", text)
    record, findings = validate(doc, KINDS["procedure"])
    finding = one(findings, "number-format")
    assert record is None and (finding.line, finding.column) == (line_of(text, written), column_of(text, written))
    assert f"`{written}`" in finding.message and read_as in finding.message
    assert meant in finding.hint


@pytest.mark.parametrize("value", ["30.000", "1.500.000 USD", "300.000–1.000.000 USD mỗi dự án", "30,000", '"2.000"'])
def test_text_fields_may_hold_numbers_written_any_way(value):
    doc, _ = parse("x.yml", FUNDING.replace("amount: 300.000–1.000.000 USD mỗi dự án", f"amount: {value}"))
    record, findings = validate(doc, KINDS["funding"])
    assert "number-format" not in [f.code for f in findings]


@pytest.mark.parametrize("written", ["30000", "1.5", "0.25", "1000000", "30_000"])
def test_plain_numbers_are_fine(written):
    doc, _ = parse("x.yml", PROCEDURE.replace("- amount: 30000", f"- amount: {written}"))
    record, findings = validate(doc, KINDS["procedure"])
    assert record is not None and findings == []


# Words and numbers that YAML 1.1 reads as something other than text, and what it reads them as.
NOT_TEXT = [
    ("yes", "giá trị đúng/sai (true)"), ("no", "giá trị đúng/sai (false)"), ("on", "giá trị đúng/sai (true)"),
    ("off", "giá trị đúng/sai (false)"), ("NO", "giá trị đúng/sai (false)"), ("True", "giá trị đúng/sai (true)"),
    ("~", "trống"), ("null", "trống"), ("1.0", "số 1.0"), ("0x1F", "số 31"), ("7:30", "số 450"), ("-.inf", "số -inf"),
    ("2026-01-01", "ngày 2026-01-01"), ("010", "số 8"),
]
TEXT_PLACES = {
    "top-level key": ("name: Hợp pháp hóa lãnh sự", "name: {value}", 'name: "{value}"'),
    "nested key": ("  performing: Cục Lãnh sự, Bộ Ngoại giao", "  performing: {value}", 'performing: "{value}"'),
    "list item": ("  - Cá nhân", "  - {value}", '"{value}"'),
    "flow list item": ("  - Cá nhân", "  [Tổ chức, {value}]", '"{value}"'),
}


@pytest.mark.parametrize("place", TEXT_PLACES)
@pytest.mark.parametrize(("value", "read_as"), NOT_TEXT)
def test_text_that_yaml_reads_as_another_type_says_what_it_became_and_how_to_quote_it(value, read_as, place):
    old, new, quoted = TEXT_PLACES[place]
    line = new.format(value=value)
    text = PROCEDURE.replace(old, line).replace("subjects:\n  [", "subjects: [")
    line = line.replace("  [", "subjects: [")
    doc, _ = parse("x.yml", text)
    finding = one(findings_for_doc(doc), "wrong-type")
    assert (finding.line, finding.column) == (line_of(text, line), column_of(text, line) + len(line) - len(value) - line.endswith("]"))
    assert f"đang là `{value}`, YAML hiểu là {read_as}" in finding.message
    assert quoted.format(value=value) in finding.hint
    if "list item" in place:
        assert "subjects:" not in finding.hint, "a list item is quoted on its own"


@pytest.mark.parametrize("place", TEXT_PLACES)
@pytest.mark.parametrize("value", ["1e3", "07:30", "Na Uy", "1.0.0"])
def test_words_yaml_keeps_as_text_are_fine_where_text_is_expected(value, place):
    old, new, _ = TEXT_PLACES[place]
    text = PROCEDURE.replace(old, new.format(value=value)).replace("subjects:\n  [", "subjects: [")
    doc, _ = parse("x.yml", text)
    record, findings = validate(doc, KINDS["procedure"])
    assert record is not None and findings == []


def test_an_empty_value_where_text_is_expected_says_so_without_quotes():
    text = PROCEDURE.replace("  performing: Cục Lãnh sự, Bộ Ngoại giao", "  performing:")
    doc, _ = parse("x.yml", text)
    finding = one(findings_for_doc(doc), "wrong-type")
    assert finding.message.endswith("đang là trống") and "``" not in finding.message
    assert finding.hint == "Điền nội dung."


def findings_for_doc(doc):
    record, findings = validate(doc, KINDS["procedure"])
    assert record is None
    return findings


@pytest.mark.parametrize("email", ["x?cc=y%40evil.com&body=hi@a.vn", '"><svg/onload=alert(1)>@a.vn', "a@b.vn?subject=x", "a b@c.vn"])
def test_an_email_that_would_add_fields_or_markup_to_a_mailto_link_is_refused(email: str):
    text = UNIT.replace("email: {pending: Chưa có địa chỉ thư công vụ.}", f"email: '{email}'")
    assert [f.code for f in findings_for("unit", text)] == ["bad-format"]


def test_a_plain_email_is_accepted():
    doc, _ = parse("x.yml", UNIT.replace("email: {pending: Chưa có địa chỉ thư công vụ.}", "email: so.ngoai-vu+1@langson.gov.vn"))
    record, findings = validate(doc, KINDS["unit"])
    assert record is not None and findings == []
