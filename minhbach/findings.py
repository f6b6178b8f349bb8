"""Findings: what a check reports, and the three ways of printing them.

A finding always names a place (file, line, column), what is wrong, and how to fix it,
because the people who read them edit YAML by hand and are not programmers.

Paths, messages and hints quote data (file names, values, link targets), so every format prints
them so that no value can add a line, a terminal control sequence or a CI workflow command
(`::error ...`, `::add-mask::`, `::stop-commands::`): each finding is exactly one line of text
(two with its hint), one GitHub annotation, one JSON object.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from minhbach.load.text import UNPRINTABLE_ABOVE_C0, visible


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
    """`path:line:col: severity[code]: message`, the hint indented on the next line.

    Control, format and line-separator characters of path, code, message and hint are printed as
    escapes (`text.visible`), so each finding takes one line, or two with a hint; a path or hint
    that begins with `::` has its first colon escaped too.
    """
    lines = []
    for f in findings:
        lines.append(f"{_line_start(visible(f.path))}:{f.line}:{f.column}: {f.severity.value}[{visible(f.code)}]: {visible(f.message)}")
        if f.hint:
            lines.append(f"    {_line_start(visible(f.hint))}")
    return "\n".join(lines)


def _line_start(text: str) -> str:
    """Text that begins a line: its first colon escaped if it would make the line a workflow command."""
    return text.replace(":", "\\x3a", 1) if text.lstrip().startswith("::") else text


# What json.dumps leaves as it is although it is not printable (it escapes only C0 controls, quote
# and backslash when ensure_ascii is off); it can only occur inside strings of its output.
_JSON_UNPRINTABLE = re.compile(f"[{UNPRINTABLE_ABOVE_C0}]")


def _json_escape(match: re.Match[str]) -> str:
    """The JSON escape of one character (RFC 8259, section 7): astral ones as a surrogate pair."""
    point = ord(match.group())
    if point < 0x10000:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


def format_json(findings: Iterable[Finding]) -> str:
    """Exactly one JSON array; keys are fixed so other tools can rely on them.

    Values are exact (a parser reads back the very strings of the findings), and every character
    that is not printable is written as a `\\uXXXX` escape, so the output is plain printable text.
    """
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
    # One finding per line, each written by the json module's C encoder (which `indent` would turn off).
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return _JSON_UNPRINTABLE.sub(_json_escape, f"[\n{lines}\n]" if rows else "[]")


def _escape_github(value: str, *, property_value: bool = False) -> str:
    """Escape a workflow command's data and property values as the Actions runner decodes them
    (actions/toolkit, packages/core/src/command.ts: escapeData and escapeProperty)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands, shown as annotations on the changed lines.

    Data is first made printable (`text.visible`: a line break in a value shows as `\\n`), then
    escaped for the command; the only line break in an annotation is the one before the hint.
    """
    lines = []
    for f in findings:
        props = [f"file={_escape_github(visible(f.path), property_value=True)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_github(visible(f.code), property_value=True)}")
        body = visible(f.message) + (f"\n{visible(f.hint)}" if f.hint else "")
        lines.append(f"::{f.severity.value} {','.join(props)}::{_escape_github(body)}")
    return "\n".join(lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def warning_counts(findings: Iterable[Finding]) -> list[str]:
    """One line per warning code, codes in alphabetical order: how many, in how many files, and the first place.

    `warning[pending]: 99 cảnh báo trong 12 tệp (đầu tiên: data/procedures/a.yml:13)`; printed
    instead of every warning, so that errors stay in sight (`format_ordered`). Values are made
    printable as in `format_text`.
    """
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        if not finding.is_error:
            by_code.setdefault(finding.code, []).append(finding)
    lines = []
    for code, found in sorted(by_code.items()):
        first = found[0]
        place = f"{visible(first.path)}:{first.line}" if first.line else visible(first.path)
        files = len({finding.path for finding in found})
        lines.append(f"warning[{visible(code)}]: {len(found)} cảnh báo trong {files} tệp (đầu tiên: {_line_start(place)})")
    return lines


def format_ordered(findings: Iterable[Finding], *, verbose: bool = False, errors_only: bool = False) -> str:
    """Text for people: every error first (as `format_text`), then the warnings, one line per code
    (`warning_counts`), every one of them when `verbose`, none when `errors_only`."""
    findings = list(findings)
    errors = [finding for finding in findings if finding.is_error]
    warnings = [finding for finding in findings if not finding.is_error]
    parts = [format_text(errors)] if errors else []
    if warnings and not errors_only:
        parts.append(format_text(warnings) if verbose else "\n".join(warning_counts(warnings)))
    return "\n".join(parts)


def summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    return f"{errors} lỗi (errors), {warnings} cảnh báo (warnings)"
