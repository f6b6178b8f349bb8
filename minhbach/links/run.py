"""One run of the link checker over a built site, and its report for the dashboard."""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from minhbach.findings import Finding, sorted_findings
from minhbach.links.crawl import html_files, read_page
from minhbach.links.external import ExternalOptions, check_external
from minhbach.links.internal import check_internal, is_internal
from minhbach.links.sources import load_sources


@dataclass
class LinkReport:
    checked_on: str  # ISO date of the check
    pages: int
    links: int
    external_urls: int
    external_checked: bool
    seconds: float
    findings: list[Finding] = field(default_factory=list)

    @property
    def broken(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    def to_json(self) -> str:
        data = asdict(self)
        data["broken"] = self.broken
        data["findings"] = [{"severity": f.severity.value, "code": f.code, "path": f.path, "line": f.line, "message": f.message}
                            for f in self.findings]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def check_site(site: Path, *, project: Path, today: dt.date, external: ExternalOptions | None = None) -> LinkReport:
    started = time.perf_counter()
    pages = {page.path: page for page in (read_page(site, file) for file in html_files(site))}
    sources = load_sources(site)
    findings = check_internal(site, pages, sources=sources, project=project)
    outside = [link for page in pages.values() for link in page.links
               if not is_internal(link.target) and link.target.startswith(("http://", "https://"))]
    if external is not None and outside:
        findings += check_external(outside, external, sources=sources, project=project)
    return LinkReport(
        checked_on=today.isoformat(),
        pages=len(pages),
        links=sum(len(page.links) for page in pages.values()),
        external_urls=len({link.target for link in outside}),
        external_checked=external is not None,
        seconds=round(time.perf_counter() - started, 3),
        findings=sorted_findings(findings),
    )


def read_report(path: Path) -> dict | None:
    """The last saved report, for the dashboard; None when there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
