"""Where each generated page lives under docs/, and links between docs files."""

from __future__ import annotations

import posixpath

ANNOUNCEMENTS_DIR = "thong-bao"
DASHBOARD_DIR = "minh-bach"
PROCEDURES_DIR = "thu-tuc"
INTERNAL_DIR = "thu-tuc-noi-bo"
LEGAL_DIR = "van-ban"
WORKFLOWS_DIR = "quy-trinh"
MERMAID_JS = "assets/minhbach/mermaid.min.js"


def procedure_path(record_id: str) -> str:
    return f"{PROCEDURES_DIR}/{record_id}.md"


def legal_path(record_id: str) -> str:
    return f"{LEGAL_DIR}/{record_id}.md"


def internal_path(record_id: str) -> str:
    return f"{INTERNAL_DIR}/{record_id}.md"


def workflow_path(record_id: str) -> str:
    return f"{WORKFLOWS_DIR}/{record_id}.md"


def announcement_path(record_id: str) -> str:
    return f"{ANNOUNCEMENTS_DIR}/{record_id}.md"


def archive_path(year: int) -> str:
    return f"{ANNOUNCEMENTS_DIR}/luu-tru/{year}.md"


def relative(target: str, *, start: str) -> str:
    """Link from the Markdown file `start` to the docs file `target` (both relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(start) or ".")
