"""Parts marked pending are allowed, but listed, so nobody forgets them."""

from __future__ import annotations

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext
from minhbach.findings import Finding, warning
from minhbach.model.schema import title_of


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings = []
    for entry in catalog.all_entries():
        for loc, model in entry.facts.pending:
            name, parent = str(loc[-1]), loc[:-1]
            title, _ = title_of(entry.kind.name, parent, name)
            position = entry.position(loc, prefer_key=True)
            findings.append(
                warning(entry.path, position.line, position.column, "pending",
                        f"`{name}`{f' ({title})' if title else ''} đang cập nhật: {model.pending}",
                        "Trang hiển thị 'đang cập nhật'. Khi có giá trị chính thức, thay {pending: ...} bằng giá trị đó.")
            )
    return findings
