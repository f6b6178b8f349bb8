"""Reading one YAML file: every kind of broken input becomes a finding at the right place."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from minhbach.source import MAX_NODES, Position, load, parse
from tests.conftest import column_of, line_of


def only(findings, code):
    matching = [f for f in findings if f.code == code]
    assert matching, f"no {code} finding in {[(f.code, f.message) for f in findings]}"
    return matching[0]


def test_values_and_keys_keep_their_line_and_column():
    doc, findings = parse("x.yml", "id: abc\nchannels:\n  - channel: truc_tiep\n    notes: Ghi chú\n")
    assert findings == []
    assert doc.position(("id",)) == Position(1, 5)
    assert doc.position(("channels", 0, "notes"), prefer_key=True) == Position(4, 5)
    assert doc.position(("channels", 0, "notes")) == Position(4, 12)


def test_yaml_syntax_error_names_line_and_gives_a_hint():
    text = "id: abc\nname: Điều 12: nội dung\n"
    _, findings = parse("x.yml", text)
    finding = only(findings, "yaml-syntax")
    assert (finding.line, finding.column) == (2, 14)
    assert "ngoặc kép" in finding.hint


def test_duplicate_key_is_reported_at_the_second_occurrence():
    text = "id: abc\nname: Một\nnote: x\nname: Hai\n"
    doc, findings = parse("x.yml", text)
    finding = only(findings, "duplicate-key")
    assert (finding.line, finding.column) == (4, 1)
    assert "dòng 2" in finding.message
    assert doc.data["name"] == "Một"  # the first value is kept, nothing silently chosen


def test_tab_indentation():
    text = "id: abc\nsteps:\n\t- Nộp hồ sơ\n"
    _, findings = parse("x.yml", text)
    finding = only(findings, "tab-indent")
    assert (finding.line, finding.column) == (3, 1)
    assert not [f for f in findings if f.code == "yaml-syntax"], "the tab finding replaces PyYAML's message"


def test_byte_order_mark_is_a_warning_and_the_file_still_loads(tmp_path: Path):
    file = tmp_path / "x.yml"
    file.write_bytes(b"\xef\xbb\xbfid: abc\n")
    doc, findings = load(file, "x.yml")
    finding = only(findings, "bom")
    assert finding.severity.value == "warning" and (finding.line, finding.column) == (1, 1)
    assert doc is not None and doc.data == {"id": "abc"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("id: abc\nname: Cộng hòa xã hội chủ nghĩa Việt Nam\n".encode("utf-16"), "UTF-16"),
        ("id: abc\nname: Céng hßa x· héi chñ nghÜa ViÖt Nam\n".encode("latin-1"), "TCVN3"),
        ("id: abc\nname: Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\n".encode("cp1252"), "VNI"),
    ],
)
def test_bytes_that_are_not_utf8_name_the_likely_legacy_encoding(tmp_path: Path, raw: bytes, expected: str):
    file = tmp_path / "x.yml"
    file.write_bytes(raw)
    doc, findings = load(file, "x.yml")
    finding = only(findings, "not-utf8")
    assert doc is None
    assert expected in finding.message
    if expected != "UTF-16":
        name_line = raw.decode("latin-1").splitlines()[1]
        first_odd = next(index for index, ch in enumerate(name_line) if ord(ch) > 127)
        assert (finding.line, finding.column) == (2, first_odd + 1)
    assert file.read_bytes() == raw, "the file is never rewritten"


def test_windows_1258_is_recognised(tmp_path: Path):
    text = "id: abc\nname: Cộng hòa xã hội chủ nghĩa Việt Nam\n"
    # Windows-1258 keeps the letters with circumflex/breve/horn and writes tones as separate marks.
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    partly = "".join(
        unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in tones))
        + "".join(c for c in unicodedata.normalize("NFD", ch) if c in tones)
        for ch in text
    )
    file = tmp_path / "x.yml"
    file.write_bytes(partly.encode("cp1258"))
    _, findings = load(file, "x.yml")
    assert "Windows-1258" in only(findings, "not-utf8").message


def test_text_not_in_nfc_is_reported_where_it_starts():
    text = "id: abc\nname: Cấp " + unicodedata.normalize("NFD", "hộ chiếu") + "\n"
    doc, findings = parse("x.yml", text)
    finding = only(findings, "not-nfc")
    assert (finding.line, finding.column) == (2, 12)
    assert "2 chỗ" in finding.message
    assert doc.data["name"] == "Cấp hộ chiếu", "values are normalised to NFC for the model"


def test_an_nfd_file_does_not_flood_the_report():
    text = "".join(f"k{i}: " + unicodedata.normalize("NFD", "hộ chiếu") + "\n" for i in range(40))
    _, findings = parse("x.yml", text)
    nfc = [f for f in findings if f.code == "not-nfc"]
    assert len(nfc) == 11
    assert "30 dòng" in nfc[-1].message


@pytest.mark.parametrize(
    ("value", "encoding", "suggestion"),
    [
        ("Céng hßa X· héi", "TCVN3", "Cộng hòa Xã hội"),
        ("Sôû Ngoaïi vuï tænh Laïng Sôn", "VNI", "Sở Ngoại vụ tỉnh Lạng Sơn"),
    ],
)
def test_mojibake_from_legacy_fonts_is_reported_with_the_likely_text(value, encoding, suggestion):
    text = f"id: abc\nname: {value}\n"
    _, findings = parse("x.yml", text)
    finding = only(findings, "legacy-encoding")
    assert (finding.line, finding.column) == (2, 7)
    assert encoding in finding.message
    assert suggestion in finding.hint


def test_real_vietnamese_and_foreign_names_are_not_mojibake():
    text = "a: bán hàng và cá\nb: Société Générale\nc: Hữu Nghị Quan\nd: 友谊关\n"
    _, findings = parse("x.yml", text)
    assert findings == []


def test_top_level_list_is_not_a_record():
    _, findings = parse("x.yml", "- id: abc\n- id: def\n")
    finding = only(findings, "not-a-mapping")
    assert (finding.line, finding.column) == (1, 1)


@pytest.mark.parametrize("content", [b"", b"   \n\n", "# chỉ có ghi chú\n".encode()])
def test_empty_file(tmp_path: Path, content: bytes):
    file = tmp_path / "x.yml"
    file.write_bytes(content)
    doc, findings = load(file, "x.yml")
    assert doc is None
    finding = only(findings, "empty-file")
    assert (finding.line, finding.column) == (1, 1)


def test_file_over_the_size_limit_is_not_read(tmp_path: Path):
    file = tmp_path / "x.yml"
    file.write_bytes(b"id: abc\nname: " + b"x" * 2048 + b"\n")
    doc, findings = load(file, "x.yml", max_bytes=1024)
    assert doc is None
    finding = only(findings, "file-too-large")
    assert (finding.line, finding.column) == (1, 1) and "2 KB" in finding.message


def test_billion_laughs_stops_at_the_budget():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[level]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    doc, findings = parse("x.yml", text)
    assert doc is None
    finding = only(findings, "alias-bomb")
    assert str(MAX_NODES) in finding.message
    assert 1 <= finding.line <= len(lines)


def test_recursive_alias_is_reported():
    doc, findings = parse("x.yml", "a: &a [1, *a]\n")
    assert doc is None
    assert (only(findings, "alias-cycle").line, only(findings, "alias-cycle").column) == (1, 4)


def test_deep_nesting_is_reported_not_raised():
    doc, findings = parse("x.yml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert doc is None
    assert only(findings, "too-deep")


def test_custom_tags_are_refused():
    text = "a: !!python/object:os.system x\nb: !include other.yml\n"
    _, findings = parse("x.yml", text)
    tags = [f for f in findings if f.code == "yaml-tag"]
    assert [(f.line, f.column) for f in tags] == [(1, 4), (2, 4)]


def test_control_characters_are_reported():
    text = "id: abc\nname: Hộ\x07 chiếu\n"
    _, findings = parse("x.yml", text)
    finding = only(findings, "control-char")
    assert (finding.line, finding.column) == (2, 9)


def test_keys_are_text_even_when_yaml_would_read_them_as_booleans():
    doc, _ = parse("x.yml", "no: 1\non: 2\n")
    assert set(doc.data) == {"no", "on"}


def test_impossible_timestamp_stays_text_for_the_model_to_judge():
    text = "published: 2026-02-31\n"
    doc, findings = parse("x.yml", text)
    assert findings == []
    assert doc.data["published"] == "2026-02-31"
    assert doc.position(("published",)) == Position(line_of(text, "2026"), column_of(text, "2026"))
