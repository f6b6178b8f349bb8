"""One run of the link checker over a built site, and its report for the dashboard."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from functools import partial
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path

from minhbach.findings import Finding, sorted_findings
from minhbach.pages.i18n import SOURCE, date_text, gettext, number_text, using
from minhbach.site.links.crawl import SitePage, html_files, read_documents, read_page
from minhbach.site.links.external import ExternalOptions, check_external
from minhbach.site.links.internal import check_internal, is_internal
from minhbach.site.links.sources import load_sources
from minhbach.site.parallel import available_cores, run_all


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
        del data["seconds"]  # timing differs between runs; the published report must not
        data["broken"] = self.broken
        data["findings"] = [{"severity": f.severity.value, "code": f.code, "path": f.path, "line": f.line, "message": f.message}
                            for f in self.findings]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_pages(site: Path) -> list[SitePage]:
    """Every built page of `site`, read on every core (html.parser is pure Python, about 2 ms a page)."""
    files = list(html_files(site))
    return run_all([partial(read_page, site, file) for file in files], workers=available_cores(), chunk=200)


def published_url(pages: dict[str, SitePage]) -> str:
    """Where the site is published, from its home page's `<link rel="canonical">` (MkDocs writes one
    on every page when `site_url` is set): "https://example.github.io/minhbach/", or '' when unknown."""
    home = pages.get("index.html")
    canonical = home.canonical if home else ""
    return canonical if canonical.startswith(("http://", "https://")) else ""


def check_site(site: Path, *, project: Path, today: dt.date, external: ExternalOptions | None = None,
               site_url: str | None = None) -> LinkReport:
    """Check the built site in `site`; `site_url` (where it is published) defaults to `published_url`."""
    started = time.perf_counter()
    pages = {page.path: page for page in read_pages(site)}
    sources = load_sources(site)
    site_url = published_url(pages) if site_url is None else site_url
    documents = read_documents(site)
    findings = check_internal(site, pages, sources=sources, project=project, site_url=site_url, documents=documents)
    outside = [link for page in [*pages.values(), *documents] for link in page.links
               if not is_internal(link.target, site_url) and link.target.startswith(("http://", "https://"))]
    if external is not None and outside:
        findings += check_external(outside, external, sources=sources, project=project)
    return LinkReport(
        checked_on=today.isoformat(),
        pages=len(pages),
        links=sum(len(page.links) for page in [*pages.values(), *documents]),
        external_urls=len({link.target for link in outside}),
        external_checked=external is not None,
        seconds=round(time.perf_counter() - started, 3),
        findings=sorted_findings(findings),
    )


REPORT_FILE = "du-lieu/kiem-tra-lien-ket.json"
DASHBOARD_PAGE = "minh-bach/index.html"
PLACEHOLDER = re.compile(r"<span data-mb-links>.*?</span>", re.S)


def fill_dashboard(site: Path, report: LinkReport, *, language: str = SOURCE) -> None:
    """Publish the report beside the open data and write its figure into the dashboard page,
    which was rendered before the site existed to be checked; `site` is the site of `language`
    (a code such as "en"), whose words and numbers the figure takes (`pages.i18n`)."""
    (site / REPORT_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site / REPORT_FILE).write_text(report.to_json(), encoding="utf-8")
    page = site / DASHBOARD_PAGE
    if not page.is_file():
        return
    warnings = sum(1 for f in report.findings if not f.is_error)
    with using(language):
        scope = gettext("gồm cả liên kết ra ngoài") if report.external_checked else gettext("liên kết trong trang")
        figure = gettext("{broken} hỏng, {warnings} cần xem lại trên {links} liên kết (kiểm tra ngày {date}, {scope})").format(
            broken=number_text(report.broken), warnings=number_text(warnings), links=number_text(report.links),
            date=date_text(dt.date.fromisoformat(report.checked_on)), scope=scope)
    html_text = page.read_text(encoding="utf-8")
    page.write_text(PLACEHOLDER.sub(lambda _: f"<span data-mb-links>{escape(figure)}</span>", html_text, count=1), encoding="utf-8")
