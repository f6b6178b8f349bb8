"""Hand-written Markdown pages under docs/: their review front matter, read with positions.

A page says who owns it and when it was last reviewed, like a record does:

    ---
    title: Liên hệ
    owner: phong-lanh-su-hop-tac-quoc-te
    last_reviewed: 2026-11-27
    review_in: 6 tháng
    ---

The front matter is found as MkDocs finds it, so the checks read the same body MkDocs renders and
agree with mkdocs-macros on which pages render macros (`render_macros: true`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from minhbach.findings import Finding, error
from minhbach.model.base import PERIOD_PATTERN, SLUG_PATTERN
from minhbach.source import Position, SourceDocument, decode, parse


class PageReview(BaseModel):
    """The review keys of a page's front matter; other keys (title, hide...) belong to MkDocs."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    owner: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
    last_reviewed: dt.date
    review_in: Annotated[str | None, StringConstraints(pattern=PERIOD_PATTERN)] = None
    review_by: dt.date | None = None


@dataclass(frozen=True)
class DocPage:
    """One Markdown file under docs/: its review keys, its front matter with positions, and its body."""

    path: str  # as shown in findings
    docs_path: str  # relative to docs/, e.g. "lien-he.md"
    review: PageReview | None
    source: SourceDocument | None  # the front matter, positions relative to the file
    body: str = ""
    """The Markdown MkDocs renders: the file without its front matter, line ends as "\\n"."""
    body_line: int = 1
    """The line of the file the body starts on (1-based), to report findings in the body at file lines."""

    @property
    def front_matter(self) -> dict:
        """The front matter's keys and values; {} when there is none (or it is not a mapping)."""
        data = self.source.data if self.source is not None else None
        return data if isinstance(data, dict) else {}

    @property
    def declares_review(self) -> bool:
        """Whether the front matter tries to give review keys (valid or not)."""
        return self.source is not None and isinstance(self.source.data, dict) and bool({"owner", "last_reviewed"} & set(self.source.data))

    def position(self, key: str) -> Position:
        if self.source is None:
            return Position(1, 1)
        return self.source.position((key,), prefer_key=True)


# MkDocs 1.6, mkdocs/utils/meta.py: YAML front matter between "---" and "---" or "...".
_YAML_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def _front_matter(text: str) -> re.Match[str] | None:
    """The front matter as MkDocs finds it; group 1 is the YAML, which starts on line 2."""
    return _YAML_FRONT_MATTER.match(text)


def _body(text: str, end: int) -> tuple[str, int]:
    """What MkDocs keeps after a front matter ending at `end` (blank lines after it dropped), and its first line."""
    body = text[end:].lstrip("\n")
    return body, text.count("\n", 0, len(text) - len(body)) + 1


def load_page(file: Path, docs_dir: Path, shown: str) -> tuple[DocPage, list[Finding]]:
    docs_path = file.relative_to(docs_dir).as_posix()
    text, findings = decode(shown, file.read_bytes())
    if text is None:
        return DocPage(shown, docs_path, None, None), findings
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads it (universal newlines)
    block = _front_matter(text)
    if block is None:
        return DocPage(shown, docs_path, None, None, text, 1), findings
    doc, problems = parse(shown, "\n" + block.group(1))  # keep the file's line numbers
    findings += problems
    if doc is None or not isinstance(doc.data, dict):
        return DocPage(shown, docs_path, None, doc, text, 1), findings  # MkDocs renders the whole file then
    body, body_line = _body(text, block.end())
    if not {"owner", "last_reviewed"} & set(doc.data):
        return DocPage(shown, docs_path, None, doc, body, body_line), findings
    try:
        return DocPage(shown, docs_path, PageReview.model_validate(doc.data), doc, body, body_line), findings
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            key = str(err["loc"][0]) if err["loc"] else ""
            position = doc.position((key,), prefer_key=True) if key in doc.data else Position(2, 1)
            problem = "ngày phải viết dạng YYYY-MM-DD" if key in ("last_reviewed", "review_by") else err["msg"]
            findings.append(error(shown, position.line, position.column, "page-review-invalid",
                                  f"khóa rà soát `{key}` của trang không hợp lệ: {problem}",
                                  "Cần `owner` (mã đơn vị), `last_reviewed` (YYYY-MM-DD) và tùy chọn `review_in` hoặc `review_by`."))
        return DocPage(shown, docs_path, None, doc, body, body_line), findings


def load_pages(docs_dir: Path, *, display_base: Path) -> tuple[list[DocPage], list[Finding]]:
    """Every Markdown page under docs/ (hidden folders skipped)."""
    pages, findings = [], []
    if not docs_dir.is_dir():
        return pages, findings
    for file in sorted(docs_dir.rglob("*.md")):
        if any(part.startswith(".") for part in file.relative_to(docs_dir).parts):
            continue
        try:
            shown = file.relative_to(display_base).as_posix()
        except ValueError:
            shown = file.as_posix()
        page, problems = load_page(file, docs_dir, shown)
        pages.append(page)
        findings += problems
    return pages, findings
