"""Reading one YAML file: every kind of broken input becomes a finding at the right place."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from minhbach.load.source import MAX_NODES, Position, load, parse
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


# Control characters that double quotes let an editor write without seeing them, most often by
# typing a Windows path: "D:\bieu-mau\fax.docx" holds a backspace and a form feed.
ESCAPED_CONTROLS = [
    ("\\b", "U+0008 BACKSPACE"), ("\\f", "U+000C FORM FEED"), ("\\0", "U+0000 NULL"), ("\\a", "U+0007 BELL"),
    ("\\v", "U+000B LINE TABULATION"), ("\\e", "U+001B ESCAPE"), ("\\r", "U+000D CARRIAGE RETURN"),
    ("\\N", "U+0085 NEXT LINE"), ("\\L", "U+2028 LINE SEPARATOR"), ("\\P", "U+2029 PARAGRAPH SEPARATOR"),
    ("\\x7f", "U+007F DELETE"), ("\\x9b", "U+009B C1 CONTROL"), ("\\x1F", "U+001F INFORMATION SEPARATOR ONE"),
    ("\\uFFFE", "U+FFFE NONCHARACTER"), ("\\uffff", "U+FFFF NONCHARACTER"), ("\\uFDD0", "U+FDD0 NONCHARACTER"),
    ("\\U0001FFFE", "U+1FFFE NONCHARACTER"),
]
PLACES = {
    "top-level key": "id: abc\nsummary: {value}\n",
    "nested key": "id: abc\nagency:\n  performing: {value}\n",
    "list item": "id: abc\nsteps:\n  - Nộp hồ sơ.\n  - {value}\n",
    "flow list item": "id: abc\ntags: [một, {value}]\n",
    "key": "id: abc\n{value}: 1\n",
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(("escape", "name"), ESCAPED_CONTROLS)
def test_control_characters_written_as_escapes_are_reported_at_the_escape(escape, name, place):
    value = f'"Mẫu ở D:\\bieu{escape}mau"'.replace("\\b", "/b", 1)
    text = PLACES[place].format(value=value)
    _, findings = parse("x.yml", text)
    finding = only(findings, "control-char")
    assert finding.is_error
    assert (finding.line, finding.column) == (line_of(text, escape), column_of(text, escape))
    assert name in finding.message and f"`{escape}`" in finding.message
    if len(escape) == 2:  # a letter after a backslash: most likely a Windows path
        assert "nháy đơn" in finding.hint and "'/'" in finding.hint


def test_a_windows_path_in_double_quotes_is_reported_at_each_escape():
    text = 'id: abc\nsummary: "Tải mẫu ở D:\\bieu-mau\\fax.docx rồi nộp"\n'
    _, findings = parse("x.yml", text)
    controls = [f for f in findings if f.code == "control-char"]
    assert [(f.line, f.column) for f in controls] == [(2, column_of(text, "\\b")), (2, column_of(text, "\\f"))]
    assert ["U+0008 BACKSPACE" in controls[0].message, "U+000C FORM FEED" in controls[1].message] == [True, True]


def test_the_same_path_in_single_quotes_or_with_slashes_is_fine():
    for value in ("'D:\\bieu-mau\\fax.docx'", "D:/bieu-mau/fax.docx", '"D:\\\\bieu-mau\\\\fax.docx"', "D:\\bieu-mau\\fax.docx"):
        doc, findings = parse("x.yml", f"summary: {value}\n")
        assert findings == [] and "fax.docx" in doc.data["summary"], value


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\U00110000"])
def test_an_escape_that_is_no_character_is_reported_at_the_escape(escape):
    text = f'id: abc\nsummary: "Hộ chiếu {escape} mới"\n'
    doc, findings = parse("x.yml", text)
    assert doc is None
    finding = only(findings, "control-char")
    assert (finding.line, finding.column) == (2, column_of(text, escape))
    assert escape in finding.message and "yaml-syntax" not in [f.code for f in findings]


def test_raw_control_characters_are_named_once():
    text = "id: abc\nname: Hộ\x07 chiếu\nnote: x\x1b[31m\n"
    _, findings = parse("x.yml", text)
    controls = [f for f in findings if f.code == "control-char"]
    assert [(f.line, f.column) for f in controls] == [(2, 9), (3, 8)]
    assert "U+0007 BELL" in controls[0].message and "U+001B ESCAPE" in controls[1].message


def test_raw_noncharacters_are_control_characters():
    text = "id: abc\nname: a\ufdd0b\n"
    _, findings = parse("x.yml", text)
    assert (only(findings, "control-char").line, only(findings, "control-char").column) == (2, 8)


BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("char", BIDI, ids=lambda char: f"U+{ord(char):04X}")
def test_direction_controls_are_errors_that_name_the_character(char, place):
    text = PLACES[place].format(value=f"Hộ chiếu{char}cấp mới")
    _, findings = parse("x.yml", text)
    finding = only(findings, "bidi-control")
    assert finding.is_error
    assert (finding.line, finding.column) == (line_of(text, char), column_of(text, char))
    assert unicodedata.name(char) in finding.message and f"U+{ord(char):04X}" in finding.message


def test_direction_controls_written_as_escapes_or_in_comments_are_errors_too():
    text = 'id: abc\nname: "cấp \\u202Emới"\n# ghi chú \u2067 ẩn\n'
    _, findings = parse("x.yml", text)
    bidi = sorted((f for f in findings if f.code == "bidi-control"), key=lambda f: f.line)
    assert [(f.line, f.column) for f in bidi] == [(2, column_of(text, "\\u202E")), (3, column_of(text, "\u2067"))]
    assert "RIGHT-TO-LEFT OVERRIDE" in bidi[0].message and "`\\u202E`" in bidi[0].message


INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE", "\u00ad": "SOFT HYPHEN",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR", "\u2061": "FUNCTION APPLICATION", "\u2062": "INVISIBLE TIMES",
    "\u3164": "HANGUL FILLER", "\ufff9": "INTERLINEAR ANNOTATION ANCHOR",
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("char", INVISIBLE, ids=lambda char: f"U+{ord(char):04X}")
def test_invisible_characters_are_warnings_that_name_the_character(char, place):
    text = PLACES[place].format(value=f"Hộ chiếu{char}cấp mới")
    _, findings = parse("x.yml", text)
    finding = only(findings, "invisible-char")
    assert not finding.is_error
    assert (finding.line, finding.column) == (line_of(text, char), column_of(text, char))
    assert INVISIBLE[char] in finding.message and "minhbach fix --invisible x.yml" in finding.hint


@pytest.mark.parametrize("value", ["chiếu \ufe0f mới", "\ufe0fchiếu", "a\ufe0f\ufe0f", "x \U000e0100"])
def test_variation_selectors_that_follow_no_character_are_invisible_characters(value):
    _, findings = parse("x.yml", f"name: {value}\n")
    assert "VARIATION SELECTOR" in only(findings, "invisible-char").message


def test_tag_characters_hiding_text_are_errors():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore")
    text = f"id: abc\nname: Hộ chiếu{hidden}\n"
    _, findings = parse("x.yml", text)
    finding = only(findings, "hidden-text")
    assert finding.is_error and (finding.line, finding.column) == (2, 15)
    assert "TAG LATIN SMALL LETTER I" in finding.message and "6 chỗ" in finding.message


@pytest.mark.parametrize("value", [
    "Nhóm 👩\u200d💻 và 👨\u200d👩\u200d👧",  # emoji ZWJ sequences
    "Yêu thích ❤\ufe0f 1\ufe0f\u20e3",  # presentation selectors
    "Cờ \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # flag of England
    "Tên Ba Tư می\u200cخواهم",  # the joiners Persian writing needs
    "Tiếng Hindi क्\u200dष",
    "Chữ Hán 葛\U000e0100",  # an ideographic variation sequence
])
def test_characters_that_belong_to_a_sequence_are_not_reported(value):
    _, findings = parse("x.yml", f"name: {value}\n")
    assert findings == []


def test_a_file_full_of_invisible_characters_does_not_flood_the_report():
    text = "".join(f"k{i}: hộ\u200bchiếu\u200b\n" for i in range(30))
    _, findings = parse("x.yml", text)
    invisible = [f for f in findings if f.code == "invisible-char"]
    assert len(invisible) == 11 and "2 chỗ" in invisible[0].message
    assert "20 dòng" in invisible[-1].message


def test_an_alias_that_multiplies_a_long_text_is_reported_at_that_alias():
    # 454 KB of file, 450 MB of page: the node count (1,002 values) never sees it.
    text = "id: abc\nname: &a " + "x" * 450_000 + "\nsteps: [" + ", ".join(["*a"] * 1000) + "]\n"
    doc, findings = parse("x.yml", text)
    assert doc is None
    finding = only(findings, "alias-bomb")
    assert finding.line == 3 and text.split("\n")[2][finding.column - 1:finding.column + 1] == "*a"
    assert finding.column == len("steps: [") + 1 + 4 * 3  # the fourth copy passes four times the file's length
    assert "454.026" in finding.message


def test_a_nested_alias_bomb_is_reported_at_the_outermost_alias():
    text = "a: &a [" + ", ".join(["x" * 100] * 100) + "]\nb: &b [*a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    doc, findings = parse("x.yml", text)
    assert doc is None
    finding = only(findings, "alias-bomb")
    line = text.split("\n")[finding.line - 1]
    assert line.startswith("c:") and line[finding.column - 1:finding.column + 1] == "*b"


def test_aliases_reusing_a_block_a_few_times_are_fine():
    block = "{items: [{amount: 30000, per: mỗi giấy tờ, label: " + "Cấp mới " * 200 + "}]}"
    text = f"a: &fee {block}\nchannels:\n  - fee: *fee\n  - fee: *fee\n  - fee: *fee\n"
    doc, findings = parse("x.yml", text)
    assert findings == [] and doc.data["channels"][2]["fee"] == doc.data["a"]
