"""Every reference to another record (owner, field, legal basis, ...) must name a record that exists."""

from __future__ import annotations

import difflib

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext
from minhbach.findings import Finding, error
from minhbach.model import KINDS


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings = []
    for entry in catalog.all_entries():
        for loc, target, marker in entry.facts.references:
            if catalog.entry(marker.kind, target) is not None:
                continue
            known = sorted(catalog.entries[marker.kind])
            close = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
            kind = KINDS[marker.kind]
            hint = f"Có phải ý bạn là '{close[0]}'? " if close else ""
            hint += f"Mã phải trùng tên một tệp trong data/{kind.folder}/ (không có đuôi .yml)."
            position = entry.position(loc)
            findings.append(
                error(entry.path, position.line, position.column, marker.code,
                      f"không có {kind.label.lower()} nào mang mã '{target}'", hint)
            )
    return findings
