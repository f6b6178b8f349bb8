"""Every file a record points to (form templates) must exist under docs/."""

from __future__ import annotations

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error


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
