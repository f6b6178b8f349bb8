"""Findings: what a check reports, and the three ways of printing them.

A finding always names a place (file, line, column), what is wrong, and how to fix it,
because the people who read them edit YAML by hand and are not programmers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem at one place. Lines and columns are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Finding:
    return Finding(path, line, column, Severity.ERROR, code, message, hint)


def warning(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Finding:
    return Finding(path, line, column, Severity.WARNING, code, message, hint)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Stable reading order: by file, then position, then code; duplicates removed."""
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.column, f.code, f.message))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


def format_text(findings: Iterable[Finding]) -> str:
    """`path:line:col: severity[code]: message`, the hint indented on the next line."""
    lines = []
    for f in findings:
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.severity.value}[{f.code}]: {f.message}")
        if f.hint:
            lines.extend(f"    {part}" for part in f.hint.splitlines())
    return "\n".join(lines)


def format_json(findings: Iterable[Finding]) -> str:
    """Exactly one JSON array; keys are fixed so other tools can rely on them."""
    rows = [
        {
            "severity": f.severity.value,
            "code": f.code,
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "message": f.message,
            "hint": f.hint,
        }
        for f in findings
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands, shown as annotations on the changed lines."""
    lines = []
    for f in findings:
        props = [f"file={_escape_github(f.path, property_value=True)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_github(f.code, property_value=True)}")
        body = f.message + (f"\n{f.hint}" if f.hint else "")
        lines.append(f"::{f.severity.value} {','.join(props)}::{_escape_github(body)}")
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    return f"{errors} lỗi (errors), {warnings} cảnh báo (warnings)"
