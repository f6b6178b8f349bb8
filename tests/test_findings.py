"""The three output formats."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest

from minhbach.findings import error, format_github, format_json, format_ordered, format_text, warning, warning_counts
from minhbach.load.text import visible

FINDINGS = [
    error("data/a.yml", 3, 5, "unknown-key", "khóa `x` không có trong mẫu", "Có phải ý bạn là `y`?"),
    warning("data/b.yml", 1, 1, "pending", "đang cập nhật: a, b", ""),
]


def test_text_is_path_line_col_severity_code_message_then_hint():
    assert format_text(FINDINGS).splitlines() == [
        "data/a.yml:3:5: error[unknown-key]: khóa `x` không có trong mẫu",
        "    Có phải ý bạn là `y`?",
        "data/b.yml:1:1: warning[pending]: đang cập nhật: a, b",
    ]


def test_json_is_one_array_with_fixed_keys():
    rows = json.loads(format_json(FINDINGS))
    assert [sorted(row) for row in rows] == [sorted(["severity", "code", "path", "line", "column", "message", "hint"])] * 2
    assert rows[0]["severity"] == "error" and rows[1]["severity"] == "warning"
    assert rows[0]["message"] == "khóa `x` không có trong mẫu"


def test_github_annotations_escape_their_delimiters():
    lines = format_github(FINDINGS).splitlines()
    assert lines[0] == "::error file=data/a.yml,line=3,col=5,title=unknown-key::khóa `x` không có trong mẫu%0ACó phải ý bạn là `y`?"
    assert lines[1].startswith("::warning file=data/b.yml,line=1,col=1,title=pending::")


# Values an editor (or a file name) can carry into a finding: line breaks of every kind followed by
# workflow commands, terminal escape sequences, an already percent-encoded line break, direction
# overrides, a byte-order mark, a lone surrogate, hidden tag characters.
HOSTILE = [
    "x\n::error file=a::forged",
    "x\r::add-mask::secret",
    "x\r\n::stop-commands::token",
    "::warning::at the start",
    "    ::error::after spaces",
    "a\x1b[2J\x1b]0;title\x07",
    "a\u2028::error::line separator",
    "a\u2029::error::paragraph separator",
    "a\x85::error::next line",
    "a\x0b::error::vertical tab",
    "a\x0c::error::form feed",
    "a\x1c\x1d\x1e::error::separators",
    "50%0A::error::percent-encoded",
    "a\u202eevil\u202c b\u2066c\u2069",
    "\ufeff::error::bom",
    "lone \ud800 surrogate",
    "tag \U000e0041\U000e0042",
    "comma, colon: value; D:\\bieu-mau\\fax.docx",
]


def _hostile_findings() -> list:
    cases = []
    for value in HOSTILE:
        cases.append(pytest.param(error(value, 3, 5, "code", "khóa không có", "gợi ý"), id=f"path:{value!r}"))
        cases.append(pytest.param(warning("data/a.yml", 3, 5, "pending", f"`fee` đang cập nhật: {value}", "gợi ý"), id=f"message:{value!r}"))
        cases.append(pytest.param(error("data/a.yml", 3, 5, "code", value, value), id=f"message-and-hint:{value!r}"))
    return cases


def _printable(line: str) -> bool:
    return all(unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for char in line)


@pytest.mark.parametrize("finding", _hostile_findings())
def test_text_prints_every_finding_on_two_printable_lines_whatever_the_data(finding):
    output = format_text([finding])
    lines = output.splitlines()  # every line break Python knows: \n \r \v \f \x1c-\x1e \x85 \u2028 \u2029
    assert lines == output.split("\n") and len(lines) == 2, lines
    assert f":3:5: {finding.severity.value}[{finding.code}]: " in lines[0]
    assert all(_printable(line) and not line.lstrip().startswith("::") for line in lines)


@pytest.mark.parametrize("finding", _hostile_findings())
def test_json_keeps_values_exact_and_prints_only_printable_characters(finding):
    output = format_json([finding])
    assert all(_printable(line) and not line.lstrip().startswith("::") for line in output.split("\n"))
    assert len(output.splitlines()) == len(output.split("\n"))
    (row,) = json.loads(output)
    assert (row["path"], row["message"], row["hint"]) == (finding.path, finding.message, finding.hint)


@pytest.mark.parametrize("finding", _hostile_findings())
def test_github_prints_one_annotation_per_finding_whatever_the_data(finding):
    output = format_github([finding])
    assert output.splitlines() == [output] and _printable(output)
    command, _, body = output[2:].partition("::")
    assert command.startswith(f"{finding.severity.value} file=")
    assert "::" not in command  # the data of a property cannot end it early
    properties = dict(part.split("=", 1) for part in command.split(" ", 1)[1].split(","))
    assert set(properties) == {"file", "line", "col", "title"}
    assert body.count("%0A") == 1  # the line break between message and hint, nothing else


ORDERED = [
    warning("data/a.yml", 2, 1, "pending", "`fee` đang cập nhật", "gợi ý"),
    warning("data/b.yml", 7, 3, "pending", "`time` đang cập nhật", "gợi ý"),
    warning("data/b.yml", 9, 3, "pending", "`hours` đang cập nhật", "gợi ý"),
    error("data/z.yml", 4, 1, "date-order", "ngày cập nhật trước ngày đăng", "Sửa ngày."),
    warning("data/c.yml", 0, 0, "change-note-missing", "thiếu ghi chú", ""),
]


def test_people_see_the_errors_first_then_one_line_per_warning_code():
    assert format_ordered(ORDERED).splitlines() == [
        "data/z.yml:4:1: error[date-order]: ngày cập nhật trước ngày đăng",
        "    Sửa ngày.",
        "warning[change-note-missing]: 1 cảnh báo trong 1 tệp (đầu tiên: data/c.yml)",
        "warning[pending]: 3 cảnh báo trong 2 tệp (đầu tiên: data/a.yml:2)",
    ]


def test_verbose_lists_every_warning_after_the_errors_and_errors_only_none():
    verbose = format_ordered(ORDERED, verbose=True).splitlines()
    assert verbose[:2] == format_text(ORDERED[3:4]).splitlines()
    assert verbose[2:] == format_text(ORDERED[:3] + ORDERED[4:]).splitlines()
    assert format_ordered(ORDERED, errors_only=True) == format_text(ORDERED[3:4])
    assert format_ordered(ORDERED[:3], errors_only=True) == ""


@pytest.mark.parametrize("finding", _hostile_findings())
def test_a_warning_count_is_one_printable_line_whatever_the_data(finding):
    lines = warning_counts([warning(finding.path, 3, 5, finding.code, finding.message, finding.hint)])
    assert len(lines) == 1 and len(lines[0].splitlines()) == 1 and _printable(lines[0])
    assert not lines[0].lstrip().startswith("::")


def test_percent_signs_of_data_stay_percent_signs_in_annotations():
    (line,) = format_github([error("data/a.yml", 1, 1, "code", "50%0A::error::x")]).splitlines()
    assert line.endswith("::50%250A::error::x")


def test_the_printable_check_knows_every_unprintable_character_of_this_python():
    # `text.UNPRINTABLE_ABOVE_C0` lists the Cc, Cf, Cs, Zl and Zp characters of Unicode 14.0
    # (Python 3.11). A newer Python with a newer Unicode fails here until the list is updated.
    assert unicodedata.unidata_version == "14.0.0"
    listed = {chr(point) for point in range(sys.maxunicode + 1) if visible(chr(point)) != chr(point)}
    expected = {chr(point) for point in range(sys.maxunicode + 1) if unicodedata.category(chr(point)) in ("Cc", "Cf", "Cs", "Zl", "Zp")}
    assert listed == expected
