"""Hand-written Markdown pages under docs/: their review front matter, read with positions.

A page says who owns it and when it was last reviewed, like a record does:

    ---
    title: Liên hệ
    owner: phong-lanh-su-hop-tac-quoc-te
    last_reviewed: 2026-11-27
    review_in: 6 tháng
    ---
"""

from __future__ import annotations

import datetime as dt
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
    path: str  # as shown in findings
    docs_path: str  # relative to docs/, e.g. "lien-he.md"
    review: PageReview | None
    source: SourceDocument | None  # the front matter, positions relative to the file

    @property
    def declares_review(self) -> bool:
        """Whether the front matter tries to give review keys (valid or not)."""
        return self.source is not None and isinstance(self.source.data, dict) and bool({"owner", "last_reviewed"} & set(self.source.data))

    def position(self, key: str) -> Position:
        if self.source is None:
            return Position(1, 1)
        return self.source.position((key,), prefer_key=True)


def _front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the first two '---' lines, and the line it starts on (1-based)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), 2
    return None


def load_page(file: Path, docs_dir: Path, shown: str) -> tuple[DocPage, list[Finding]]:
    docs_path = file.relative_to(docs_dir).as_posix()
    text, findings = decode(shown, file.read_bytes())
    if text is None:
        return DocPage(shown, docs_path, None, None), findings
    block = _front_matter(text)
    if block is None:
        return DocPage(shown, docs_path, None, None), findings
    yaml_text, first_line = block
    doc, problems = parse(shown, "\n" * (first_line - 1) + yaml_text)  # keep the file's line numbers
    findings += problems
    if doc is None or not isinstance(doc.data, dict):
        return DocPage(shown, docs_path, None, doc), findings
    if not {"owner", "last_reviewed"} & set(doc.data):
        return DocPage(shown, docs_path, None, doc), findings
    try:
        return DocPage(shown, docs_path, PageReview.model_validate(doc.data), doc), findings
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            key = str(err["loc"][0]) if err["loc"] else ""
            position = doc.position((key,), prefer_key=True) if key in doc.data else Position(first_line, 1)
            problem = "ngày phải viết dạng YYYY-MM-DD" if key in ("last_reviewed", "review_by") else err["msg"]
            findings.append(error(shown, position.line, position.column, "page-review-invalid",
                                  f"khóa rà soát `{key}` của trang không hợp lệ: {problem}",
                                  "Cần `owner` (mã đơn vị), `last_reviewed` (YYYY-MM-DD) và tùy chọn `review_in` hoặc `review_by`."))
        return DocPage(shown, docs_path, None, doc), findings


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
