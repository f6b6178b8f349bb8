"""Every file a record points to (form templates) must exist under docs/."""

from __future__ import annotations

import re

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error
from minhbach.load.text import fold


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings = []
    for entry in catalog.all_entries():
        for loc, relative, _ in entry.facts.files:
            if relative in context.docs_files:
                continue
            position = entry.position(loc)
            findings.append(
                error(entry.path, position.line, position.column, "missing-file",
                      f"không tìm thấy tệp docs/{relative}",
                      "Đặt tệp vào đúng đường dẫn trong thư mục docs/ hoặc sửa lại đường dẫn (phân biệt chữ hoa, chữ thường).")
            )
    return findings


_SAFE_NAME = re.compile(r"^(?!\.+$)[A-Za-z0-9._-]+$")


def _ascii_name(part: str) -> str:
    stem, dot, suffix = part.rpartition(".") if "." in part.lstrip(".") else (part, "", "")
    clean = lambda text: re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "tep"  # noqa: E731
    return clean(stem) + (dot + clean(suffix) if dot else "")


def file_names(catalog: Catalog, context: CheckContext) -> list[Finding]:
    """Files under docs/ have names of unaccented letters, digits, '.', '_' and '-'.

    A page's name becomes its address and, when it has no title, its title: MkDocs derives one from
    the file name, and mkdocs-macros renders a title containing `{{` as a template (1.5), so a name
    such as `{{ ... }}.md` would run code at build time. Other names are refused with the one to use.
    """
    findings = []
    for relative in sorted(context.docs_files):
        parts = relative.split("/")
        if all(_SAFE_NAME.match(part) for part in parts):
            continue
        suggestion = "/".join(_ascii_name(part) for part in parts)
        findings.append(error(f"docs/{relative}", 0, 0, "bad-file-name",
                              "tên tệp hoặc thư mục có ký tự không được dùng (chỉ dùng chữ không dấu, chữ số, '.', '_', '-')",
                              f"Đổi tên, ví dụ thành docs/{suggestion}, rồi sửa mọi liên kết tới tệp này."))
    return findings
