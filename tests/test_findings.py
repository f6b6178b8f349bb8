"""The three output formats."""

from __future__ import annotations

import json

from minhbach.findings import error, format_github, format_json, format_text, warning

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
