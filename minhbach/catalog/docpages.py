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

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from minhbach.findings import Finding, error
from minhbach.model.base import PERIOD_PATTERN, SLUG_PATTERN
from minhbach.load.source import Position, SourceDocument, decode, parse
from minhbach.load.files import Listing, UnsafeFile, list_files, read_limited


REVIEW_KEYS = ("owner", "last_reviewed")
"""A front matter with either key means to give the page's review (then both are required)."""


def declares_review(front_matter: object) -> bool:
    """Whether a front matter (any YAML value) tries to give review keys, valid or not."""
    return isinstance(front_matter, dict) and any(key in front_matter for key in REVIEW_KEYS)


class PageReview(BaseModel):
    """The review keys of a page's front matter; other keys (title, hide...) belong to MkDocs."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    owner: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
    last_reviewed: dt.date
    review_in: Annotated[str | None, StringConstraints(pattern=PERIOD_PATTERN)] = None
    review_by: dt.date | None = None

    @classmethod
    def of(cls, front_matter: object) -> PageReview | None:
        """The review keys of a front matter as read (by MkDocs or `load_page`); None when it gives
        none, or gives invalid ones (`load_page` reports those with their line)."""
        if not declares_review(front_matter):
            return None
        try:
            return cls.model_validate(front_matter)
        except ValidationError:
            return None


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
        return self.source is not None and declares_review(self.source.data)

    def position(self, key: str) -> Position:
        if self.source is None:
            return Position(1, 1)
        return self.source.position((key,), prefer_key=True)


FRONT_MATTER_KEYS = ("title", "description", "owner", "last_reviewed", "review_in", "review_by", "render_macros", "hide", "search")
"""What a hand-written page may say in its front matter. Material prints other keys it knows without
escaping (`author`, `subtitle`, `status`) or lets them choose a template (`template: redirect.html`
with a `location`, which sends the reader anywhere): a page may not use them."""

# MkDocs 1.6, mkdocs/utils/meta.py: YAML front matter between "---" and "---" or "...".
_YAML_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def _front_matter(text: str) -> re.Match[str] | None:
    """The front matter as MkDocs finds it; group 1 is the YAML, which starts on line 2."""
    return _YAML_FRONT_MATTER.match(text)


def _body(text: str, end: int) -> tuple[str, int]:
    """What MkDocs keeps after a front matter ending at `end` (blank lines after it dropped), and its first line."""
    body = text[end:].lstrip("\n")
    return body, text.count("\n", 0, len(text) - len(body)) + 1


_MKDOCS_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")
"""A first line MkDocs 1.6 takes for MultiMarkdown metadata when a page has no `---` block (`utils/meta.py` META_RE)."""


def _unreadable_by_mkdocs(yaml_text: str) -> tuple[int, str] | None:
    """(line in the file, what is wrong) when MkDocs cannot read this front matter, else None.

    MkDocs 1.6 (`mkdocs/utils/meta.py get_data`) loads it with PyYAML's SafeLoader and, on any error
    or a result that is not a mapping, keeps the whole file as the page's Markdown, front matter
    included: raw HTML in it would reach the reader. Our own reader is more lenient (an impossible
    date such as 2026-02-30 stays text), so the page is also read the way MkDocs reads it.
    """
    try:
        data = yaml.load(yaml_text, Loader=_MKDOCS_LOADER)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return (mark.line + 2 if mark else 1), str(exc.problem or exc.context or "lỗi cú pháp")
    except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise ValueError and others on values like 2026-02-30
        return 1, f"giá trị không đọc được ({exc})"
    return None if isinstance(data, dict) else (1, "không phải một khối `khóa: giá trị`")


MAX_PAGE_BYTES = 2 * 1024 * 1024
"""A hand-written page is read whole, by this module and by MkDocs; a longer one is a mistake (a pasted file)."""
PAGE_TOO_LARGE_HINT = "Một trang viết tay không dài đến thế; tách thành nhiều trang, tệp lớn thì đặt làm tệp đính kèm (PDF)."


def load_page(file: Path, docs_dir: Path, shown: str) -> tuple[DocPage, list[Finding]]:
    """One page's review front matter; the file is read as `sourcefiles.read_limited` allows (inside `docs_dir`)."""
    docs_path = file.relative_to(docs_dir).as_posix()
    try:
        raw = read_limited(file, MAX_PAGE_BYTES, within=docs_dir, too_large_hint=PAGE_TOO_LARGE_HINT)
    except UnsafeFile as problem:
        return DocPage(shown, docs_path, None, None), [problem.finding(shown)]
    text, findings = decode(shown, raw)
    if text is None:
        return DocPage(shown, docs_path, None, None), findings
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as MkDocs reads it (universal newlines)
    block = _front_matter(text)
    if block is None:
        if _MULTIMARKDOWN_META.match(text.split("\n", 1)[0]):
            findings.append(error(shown, 1, 1, "page-metadata-lines",
                                  "MkDocs đọc các dòng đầu trang dạng `Khóa: giá trị` là thông tin của trang và bỏ chúng khỏi nội dung: "
                                  "người đọc sẽ không thấy các dòng này",
                                  "Bắt đầu trang bằng tiêu đề `# ...` (hoặc khối `---` phần đầu trang), rồi mới đến các dòng này."))
        return DocPage(shown, docs_path, None, None, text, 1), findings
    doc, problems = parse(shown, "\n" + block.group(1))  # keep the file's line numbers
    findings += problems
    if doc is None or not isinstance(doc.data, dict):
        return DocPage(shown, docs_path, None, doc, text, 1), findings  # MkDocs renders the whole file then
    unreadable = _unreadable_by_mkdocs(block.group(1))
    if unreadable is not None:
        line, detail = unreadable
        findings.append(error(shown, line, 1, "front-matter-unreadable",
                              f"MkDocs không đọc được phần đầu trang (front matter): {detail}; cả phần đó sẽ hiện ra như nội dung trang",
                              "Sửa giá trị ở dòng này (ngày có thật dạng YYYY-MM-DD, số viết đúng), "
                              "hoặc đặt giá trị trong dấu ngoặc kép nếu đó là chữ."))
        return DocPage(shown, docs_path, None, doc, text, 1), findings
    body, body_line = _body(text, block.end())
    if not declares_review(doc.data):
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


def load_pages(docs_dir: Path, *, display_base: Path, files: list[Path] | None = None) -> tuple[list[DocPage], list[Finding]]:
    """Every Markdown page under docs/ (hidden folders skipped): those of `files` (a `list_docs`
    listing), or, without it, of a listing made here, whose findings are returned too."""
    pages: list[DocPage] = []
    findings: list[Finding] = []
    if not docs_dir.is_dir():
        return pages, findings
    if files is None:
        listing = list_docs(docs_dir, display_base=display_base)
        files, findings = listing.files, list(listing.findings)
    for file in files:
        if file.suffix != ".md":
            continue
        page, problems = load_page(file, docs_dir, shown_path(file, display_base))
        pages.append(page)
        findings += problems
    return pages, findings


def shown_path(file: Path, display_base: Path) -> str:
    """`file` as findings name it: relative to `display_base` when under it, else as given."""
    try:
        return file.relative_to(display_base).as_posix()
    except ValueError:
        return file.as_posix()


MAX_DOCS_FILE_BYTES = 100 * 1024 * 1024
"""Any other file under docs/ (forms, attachments, images): GitHub refuses files larger than 100 MiB
("About large files on GitHub", docs.github.com), so such a file cannot be published from the repository."""


def _docs_limit(path: Path) -> tuple[int, str]:
    if path.suffix == ".md":
        return MAX_PAGE_BYTES, PAGE_TOO_LARGE_HINT
    return MAX_DOCS_FILE_BYTES, "GitHub không nhận tệp lớn hơn 100 MB; nén hoặc chia nhỏ tệp."


def list_docs(docs_dir: Path, *, display_base: Path, include_hidden: bool = False) -> Listing:
    """Every file under docs/ that may be read and published, and a finding for each entry refused
    (see `sourcefiles.list_files`): a page or file over its size, a link leading out of docs/ or to a
    folder, a special file, a folder named like a page."""
    return list_files(docs_dir, shown=lambda path: shown_path(path, display_base), limit=_docs_limit, file_suffixes=(".md",),
                      include_hidden=include_hidden)
