"""Where each generated page lives under docs/, and links between docs files.

A record's page folder is its kind's `page_dir` in `model.KINDS`, the one place it is written;
every path below is derived from it. Pages that belong to no record kind (the dashboard, the
archive of announcements by year) have their folders here.
"""

from __future__ import annotations

import posixpath

from minhbach.model import ANNOUNCEMENTS_PAGE_DIR, KIND_BY_MODEL, KINDS, Record

DASHBOARD_DIR = "minh-bach"
MERMAID_JS = "assets/minhbach/mermaid.min.js"
CHECKLIST_JS = "assets/minhbach/checklist.js"


def _page_dir(kind: str) -> str:
    page_dir = KINDS[kind].page_dir
    if page_dir is None:
        raise ValueError(f"records of kind {kind!r} have no pages of their own")
    return page_dir


def record_path(kind: str, record_id: str) -> str:
    """The page of record `record_id` of `kind` ("procedure" -> "thu-tuc/<id>.md"), relative to docs/.

    Raises KeyError for an unknown kind, ValueError for a kind without pages (units, fields).
    """
    return f"{_page_dir(kind)}/{record_id}.md"


def page_path(record: Record) -> str:
    """The page of `record`, relative to docs/ (see `record_path`)."""
    return record_path(KIND_BY_MODEL[type(record)].name, record.id)


def index_path(kind: str) -> str:
    """The page listing the records of `kind` ("legal" -> "van-ban/index.md"); errors as `record_path`."""
    return f"{_page_dir(kind)}/index.md"


ANNOUNCEMENTS_INDEX = f"{ANNOUNCEMENTS_PAGE_DIR}/index.md"
DASHBOARD_INDEX = f"{DASHBOARD_DIR}/index.md"


def archive_path(year: int) -> str:
    """The page listing every announcement of `year`, relative to docs/."""
    return f"{ANNOUNCEMENTS_PAGE_DIR}/luu-tru/{year}.md"


def relative(target: str, *, start: str) -> str:
    """Link from the Markdown file `start` to the docs file `target` (both relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(start) or ".")
