"""The preview's pages about errors, so an editor sees a problem where they look for the page.

Under `mkdocs serve` a record file with an error (any finding of `checks.project.check_project` with
severity error: the very list that stops the strict build) keeps its URL: instead of its page, or of a
404 when the file could not be read at all, the preview shows a page listing every finding of that file
(file, line, what is wrong, how to fix it). `ERRORS_PAGE` lists every error of the project. The strict
build never has these pages: it stops on the first of these errors.

Every value shown (paths, messages, hints) comes from the editors' files and is HTML-escaped here; the
pages are Markdown with raw HTML blocks, like the other generated pages, so the theme lays them out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from minhbach.catalog import YAML_SUFFIXES
from minhbach.findings import Finding
from minhbach.model import KIND_BY_FOLDER
from minhbach.model.base import SLUG_PATTERN
from minhbach.pages.escape import md, yaml_string
from minhbach.pages.paths import record_path

ERRORS_PAGE = "loi-du-lieu.md"
"""The preview's list of every error that blocks publishing, relative to docs/."""

Href = Callable[[str, str], str]
"""(target docs path, page docs path) -> URL of the target as seen from the page (`PageRenderer.href`)."""


def record_page_of(path: str, data_prefix: str) -> str | None:
    """The page (relative to docs/) that the record file `path` would have, or None.

    `path` is a file as findings name it ("data/procedures/x.yml"), `data_prefix` the data folder as
    findings name it, with a slash ("data/"). The page is its kind's page for the file's name, the id
    a valid record would have (`catalog.load_catalog`); None for a file outside a kind's folder, of a
    kind without pages (units, fields), or whose name is not a valid id.
    """
    if not path.startswith(data_prefix):
        return None
    parts = path[len(data_prefix):].split("/")
    if len(parts) != 2 or parts[0] not in KIND_BY_FOLDER:
        return None
    stem, dot, suffix = parts[1].rpartition(".")
    kind = KIND_BY_FOLDER[parts[0]]
    if kind.page_dir is None or f"{dot}{suffix}" not in YAML_SUFFIXES or not re.fullmatch(SLUG_PATTERN, stem):
        return None
    return record_path(kind.name, stem)


def page_of(path: str, *, data_prefix: str, docs_prefix: str) -> str | None:
    """The page (relative to docs/) where the problems of the file `path` are shown: a record's page
    (`record_page_of`), a hand-written Markdown page of docs/ (`docs_prefix`, e.g. "docs/"), or None."""
    if docs_prefix and path.startswith(docs_prefix) and path.endswith(".md"):
        return path[len(docs_prefix):]
    return record_page_of(path, data_prefix)


def blocked_records(findings: Iterable[Finding], data_prefix: str) -> dict[str, list[Finding]]:
    """Page (relative to docs/) -> every finding of its record file, for each record file with an error.

    Errors come first, then warnings, each in the order given. A page claimed by two files (the same
    name with .yml and .yaml) lists the findings of both.
    """
    findings = list(findings)
    with_errors = {finding.path for finding in findings if finding.is_error}
    pages: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: not f.is_error):
        page = record_page_of(finding.path, data_prefix) if finding.path in with_errors else None
        if page is not None:
            pages.setdefault(page, []).append(finding)
    return pages


def _place(finding: Finding) -> str:
    return finding.path if not finding.line else f"{finding.path}:{finding.line}"


def findings_html(findings: Iterable[Finding]) -> Markup:
    """One list item per finding: where (file:line), what is wrong, how to fix it; every value escaped."""
    items = []
    for finding in findings:
        label = "Lỗi" if finding.is_error else "Cảnh báo"
        hint = Markup(" <br>Cách sửa: {}").format(finding.hint) if finding.hint else ""
        items.append(Markup("<li><strong>{}</strong> <code>{}</code> ({}): {}{}</li>").format(
            label, _place(finding), finding.code, finding.message, hint))
    return Markup("<ol>\n{}\n</ol>").format(Markup("\n").join(items))


def _admonition(kind: str, title: str, findings: list[Finding]) -> Markup:
    return Markup('<div class="admonition {}">\n<p class="admonition-title">{}</p>\n{}\n</div>').format(
        kind, title, findings_html(findings))


def problems_admonition(findings: list[Finding]) -> Markup:
    """The findings of one file as the theme's admonitions: errors ("danger"), then warnings ("warning")."""
    errors = [finding for finding in findings if finding.is_error]
    warnings = [finding for finding in findings if not finding.is_error]
    blocks = []
    if errors:
        blocks.append(_admonition("danger", f"{len(errors)} lỗi phải sửa trước khi xuất bản", errors))
    if warnings:
        blocks.append(_admonition("warning", f"{len(warnings)} cảnh báo (không chặn xuất bản)", warnings))
    return Markup("\n\n").join(blocks)


def _front_matter(title: str) -> str:
    return f"---\ntitle: {yaml_string(escape(title))}\nrender_macros: false\n---\n\n"


def record_error_page(page: str, findings: list[Finding], *, href: Href) -> str:
    """The Markdown of the preview page shown at `page` instead of a record with errors (`findings`: its file's)."""
    files = sorted({finding.path for finding in findings})
    named = ", ".join(files)
    back = Markup('<p>Sửa tệp <code>{}</code> rồi lưu lại: trang xem trước tự tải lại. <a href="{}">Xem mọi lỗi của trang</a>.</p>').format(
        named, href(ERRORS_PAGE, page))
    return (f"{_front_matter(f'Lỗi dữ liệu: {named}')}# {md('Trang này chưa xuất bản được')}\n\n"
            f"{problems_admonition(findings)}\n\n{back}\n")


def errors_page(findings: Iterable[Finding], *, pages: dict[str, str], href: Href) -> str:
    """The Markdown of `ERRORS_PAGE`: every error, grouped by file, each file linked to its page.

    `pages` maps a file (as findings name it) to the page its problems are shown on (see `page_of`).
    """
    errors = [finding for finding in findings if finding.is_error]
    by_file: dict[str, list[Finding]] = {}
    for finding in errors:
        by_file.setdefault(finding.path, []).append(finding)
    parts = [f"{_front_matter('Lỗi dữ liệu')}# {md('Lỗi chặn xuất bản')}\n"]
    if not errors:
        parts.append(str(Markup("<p>Không có lỗi nào: trang có thể xuất bản.</p>")))
    else:
        parts.append(str(Markup("<p>{} lỗi trong {} tệp. Trang chỉ được xuất bản (<code>make site</code>) khi đã sửa hết; "
                                "các cảnh báo không chặn xuất bản (xem bằng <code>minhbach check --verbose</code>).</p>").format(
            len(errors), len(by_file))))
    for path, found in sorted(by_file.items()):
        target = pages.get(path)
        heading = (Markup('<p><a href="{}"><code>{}</code></a></p>').format(href(target, ERRORS_PAGE), path) if target is not None
                   else Markup("<p><code>{}</code></p>").format(path))
        parts.append(str(Markup('<div class="mb-problems">\n{}\n{}\n</div>').format(heading, findings_html(found))))
    return "\n\n".join(parts) + "\n"


def banner(errors: int) -> str:
    """The preview banner's text for `errors` errors ("" when there are none)."""
    return f"{errors} lỗi dữ liệu chặn xuất bản: bấm để xem và sửa" if errors else ""
