"""The page renderer: one Jinja environment over the package templates, one method per page kind."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, partial

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from minhbach.pages import formatting

from minhbach.pages import jsonld

from minhbach.exports import opendata
from minhbach.catalog import Catalog
from minhbach.pages.chart import bar_chart
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH, Site, atom_feed, calendar
from minhbach.findings import Finding
from minhbach.catalog.review import Review, ReviewPolicy, record_review
from minhbach.checks.metrics import figures
from minhbach.model import (
    KIND_BY_MODEL,
    InternalProcedure,
    LegalDocument,
    Pending,
    Procedure,
    ProcedureField,
    Record,
    Unit,
    Workflow,
)
from minhbach.pages.escape import md, yaml_string
from minhbach.pages.markdown import RecordMarkdown, docs_link_resolver
from minhbach.pages import urls
from minhbach.pages.paths import ANNOUNCEMENTS_INDEX, DASHBOARD_INDEX, MERMAID_JS, archive_path, index_path, page_path, relative
from minhbach.pages.values import (
    PENDING_HTML,
    code_text,
    document_title,
    fee_summary,
    fee_text,
    mermaid_label,
    online_badge,
    review_dates,
    review_notice,
    show,
    status_badge,
    step_duration,
    time_summary,
    time_text,
    when_range,
    when_text,
)
from minhbach.settings.defaults import DEFAULTS
from minhbach.settings.calendar import today as site_today
from minhbach.catalog.timeline import Announcement, Timeline, is_current, year_of


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # relative to docs/
    markdown: str
    source: str  # the record file it comes from, for edit links; "" for index pages


@dataclass(frozen=True)
class PageJob:
    """A page to generate: `render()` returns its Markdown."""

    path: str  # relative to docs/
    render: Callable[[], str]
    source: str  # as in GeneratedPage


@dataclass(frozen=True)
class BackLinks:
    """Who points at a record, computed once so that each page's lookup does not scan the catalog."""

    citing: dict[str, list[Procedure]]  # legal document id -> procedures based on or announced by it
    replaced: dict[str, list[LegalDocument]]  # legal document id -> documents it replaced
    amends: dict[str, list[LegalDocument]]  # legal document id -> documents it amends
    workflows: dict[str, list[Workflow]]  # procedure id -> its workflows

    @classmethod
    def of(cls, catalog: Catalog) -> BackLinks:
        citing: dict[str, list[Procedure]] = {}
        for procedure in catalog.procedures:
            for doc in dict.fromkeys([*(b.doc for b in procedure.legal_basis), procedure.announced_by]):
                if doc:
                    citing.setdefault(doc, []).append(procedure)
        replaced: dict[str, list[LegalDocument]] = {}
        amends: dict[str, list[LegalDocument]] = {}
        for document in catalog.legal:
            if document.replaced_by:
                replaced.setdefault(document.replaced_by, []).append(document)
            for amending in dict.fromkeys(document.amended_by):
                amends.setdefault(amending, []).append(document)
        workflows: dict[str, list[Workflow]] = {}
        for workflow in catalog.workflows:
            workflows.setdefault(workflow.procedure, []).append(workflow)
        return cls(citing=citing, replaced=replaced, amends=amends, workflows=workflows)


class PageRenderer:
    """Renders every generated page of a catalog with the package's templates."""

    def __init__(self, catalog: Catalog, *, today: dt.date | None = None, directory_urls: bool = True,
                 site: Site | None = None, review_policy: ReviewPolicy | None = None,
                 findings: list[Finding] | None = None, publication_lag_days: int = DEFAULTS.publication_lag_days) -> None:
        self.catalog = catalog
        self.findings = findings or []
        self.publication_lag_days = publication_lag_days
        self.review_policy = review_policy or ReviewPolicy()
        self.today = today or site_today()
        self.directory_urls = directory_urls
        self.site = site or Site(name="minhbach", url="")
        self.timeline = Timeline.build(catalog, self.today)
        self.env = Environment(
            extensions=["jinja2.ext.do"],
            loader=PackageLoader("minhbach", "templates"),
            autoescape=True,
            auto_reload=False,  # templates are package files; no stat per page
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(md=md, yaml=yaml_string, show=show, date=formatting.vn_date)
        self.env.tests["pending"] = lambda value: isinstance(value, Pending)
        self.env.globals.update(
            time_text=time_text,
            fee_text=fee_text,
            time_summary=time_summary,
            fee_summary=fee_summary,
            status_badge=status_badge,
            online_badge=online_badge,
            document_title=document_title,
            code_text=code_text,
            relative=relative,
            page_path=page_path,
            hours_text=formatting.hours_text,
            step_duration=step_duration,
            MERMAID_JS=MERMAID_JS,
            review_notice=review_notice,
            review_dates=review_dates,
            archive_path=archive_path,
            when_text=when_text,
            when_range=when_range,
            json_fields=opendata.json_fields,
            PENDING=PENDING_HTML,
        )

    # Lookups the templates need -------------------------------------------------------

    @cached_property
    def _record_markdown(self) -> RecordMarkdown:
        return RecordMarkdown()

    def markdown(self, text: str, page: str) -> Markup:
        """Record text marked as Markdown, as a finished HTML block (see `pages.markdown`).

        Links are written relative to the record's page file `page` (as in a Markdown page).
        """
        rendered = self._record_markdown.render(text, resolve=docs_link_resolver(page, self.href))
        return Markup('<div class="mb-body">\n{}\n</div>').format(Markup(rendered.html))

    def href(self, target: str, page: str) -> str:
        """URL of the docs file `target` as seen from the built page of `page`, for raw HTML.

        Markdown links are resolved by MkDocs itself; links inside HTML blocks are not.
        """
        return urls.href(target, page, use_directory_urls=self.directory_urls)

    def field(self, procedure: Procedure) -> ProcedureField | None:
        found = self.catalog.get("field", procedure.field)
        return found if isinstance(found, ProcedureField) else None

    def document(self, record_id: str) -> LegalDocument | None:
        found = self.catalog.get("legal", record_id)
        return found if isinstance(found, LegalDocument) else None

    def documents(self, record_ids: Iterable[str]) -> list[LegalDocument]:
        return [d for d in map(self.document, record_ids) if d is not None]

    def unit(self, record_id: str | None) -> Unit | None:
        found = self.catalog.get("unit", record_id) if record_id else None
        return found if isinstance(found, Unit) else None

    def procedure(self, record_id: str | None) -> Procedure | None:
        found = self.catalog.get("procedure", record_id) if record_id else None
        return found if isinstance(found, Procedure) else None

    def unit_name(self, record_id: str) -> str:
        unit = self.unit(record_id)
        return unit.name if unit else record_id

    def workflows_for(self, procedure: Procedure) -> list[Workflow]:
        return self._back_links.workflows.get(procedure.id, [])

    def mermaid(self, workflow: Workflow) -> str:
        """Mermaid flowchart source: one box per step, in order."""
        lines = ["flowchart TD"]
        for number, step in enumerate(workflow.steps, start=1):
            who = self.unit_name(step.actor) + (f" · {step.role}" if step.role else "")
            label = "<br/>".join(mermaid_label(part) for part in (f"{number}. {who}", step.action, step_duration(step.duration)))
            lines.append(f'    s{number}["{label}"]')
            if number > 1:
                lines.append(f"    s{number - 1} --> s{number}")
        return "\n".join(lines)

    def citing(self, document: LegalDocument) -> list[Procedure]:
        return self._back_links.citing.get(document.id, [])

    def replaced(self, document: LegalDocument) -> list[LegalDocument]:
        return self._back_links.replaced.get(document.id, [])

    def amends(self, document: LegalDocument) -> list[LegalDocument]:
        return self._back_links.amends.get(document.id, [])

    @cached_property
    def _back_links(self) -> BackLinks:
        return BackLinks.of(self.catalog)

    # Pages ----------------------------------------------------------------------------

    def _render(self, template: str, **context: object) -> Markup:
        return Markup(self.env.get_template(template).render(r=self, timeline=self.timeline, **context))

    def in_force(self, document: LegalDocument) -> tuple[bool, str]:
        return document.in_force_on(self.today)

    def review(self, record: Record) -> Review:
        """Last and next review of a record, and whether it is overdue, as of the build day."""
        return record_review(record, KIND_BY_MODEL[type(record)].name, policy=self.review_policy, today=self.today)

    def site_path(self, docs_path: str) -> str:
        """A page's URL path from the site root ('thu-tuc/abc/'), for data files and feeds."""
        return urls.url(docs_path, use_directory_urls=self.directory_urls)

    def kind_of(self, item: Announcement) -> str:
        return {"Event": "event", "FundingPolicy": "funding", "Notice": "notice"}[type(item).__name__]

    def kind_label(self, item: Announcement) -> str:
        from minhbach.model import KINDS

        kind = self.kind_of(item)
        return item.event_type.label if kind == "event" else KINDS[kind].label

    def status_text(self, item: Announcement) -> str:
        current = is_current(item, self.today)
        kind = self.kind_of(item)
        if kind == "event":
            return "Sắp diễn ra / đang diễn ra" if current else "Đã diễn ra"
        if kind == "funding":
            if current:
                return "Đang nhận hồ sơ"
            return "Chưa rõ hạn; không ghi là đang mở" if isinstance(item.valid_until, Pending) else "Đã đóng"
        return "Mới" if current else "Lưu trữ"

    def procedure_page(self, procedure: Procedure) -> str:
        field = self.field(procedure)
        ld = jsonld.script(jsonld.procedure(procedure, field_name=field.name if field else None))
        return self._render("procedure.md.j2", p=procedure, ld=ld, page=page_path(procedure))

    def legal_page(self, document: LegalDocument) -> str:
        return self._render("legal.md.j2", d=document, ld=jsonld.script(jsonld.legal(document)), page=page_path(document))

    def internal_page(self, procedure: InternalProcedure) -> str:
        return self._render("internal_procedure.md.j2", p=procedure, page=page_path(procedure))

    def workflow_page(self, workflow: Workflow) -> str:
        return self._render("workflow.md.j2", w=workflow, page=page_path(workflow))

    def announcement_page(self, item: Announcement) -> str:
        kind = self.kind_of(item)
        data = jsonld.event(item) if kind == "event" else None
        return self._render("announcement.md.j2", a=item, kind=kind, kind_label=self.kind_label(item),
                            current=is_current(item, self.today), year=year_of(item),
                            ld=jsonld.script(data), page=page_path(item))

    def announcement_index(self) -> str:
        return self._render("announcement_index.md.j2", page=ANNOUNCEMENTS_INDEX)

    def archive_page(self, year: int) -> str:
        return self._render("announcement_archive.md.j2", year=year, items=self.timeline.years[year],
                            kind_label=self.kind_label, status_text=self.status_text, page=archive_path(year))

    def dashboard(self) -> str:
        quarter = figures(self.catalog, self.findings, start=self.today - dt.timedelta(days=90), end=self.today)
        year = figures(self.catalog, self.findings, start=self.today - dt.timedelta(days=365), end=self.today)
        chart = bar_chart([("Thủ tục đủ mọi phần", quarter.complete.percent), ("Rà soát đúng hạn", quarter.reviewed.percent),
                           ("Đăng đúng hạn (12 tháng)", year.on_time.percent)], title="Tỉ lệ đạt các chỉ số minh bạch")
        return self._render("dashboard.md.j2", quarter=quarter, year=year, chart=chart,
                            lag_days=self.publication_lag_days, page=DASHBOARD_INDEX)

    def data_index(self) -> str:
        counts = {d.name: len(opendata.records_of(self.catalog, d)) for d in opendata.DATASETS}
        return self._render("data_index.md.j2", datasets=opendata.DATASETS, counts=counts, page=f"{opendata.DATA_DIR}/index.md")

    def data_files(self) -> dict[str, bytes]:
        """Open data, the Atom feed and the events calendar, by path under the site."""
        files: dict[str, bytes] = {}
        for dataset in opendata.DATASETS:
            records = opendata.records_of(self.catalog, dataset)
            base = f"{opendata.DATA_DIR}/{dataset.name}"
            files[f"{base}.json"] = opendata.json_export(records)
            files[f"{base}.schema.json"] = (json.dumps(opendata.json_schema(dataset), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            site_values = {"trang": lambda record: self.site_path(page_path(record)), "ra_soat_tiep": lambda record: self.review(record).next_review}
            files[f"{base}.csv"] = opendata.csv_export(dataset, records, site_values=site_values)
        page_paths = {item.id: self.site_path(page_path(item)) for item in self.timeline.newest}
        kinds = {item.id: self.kind_of(item) for item in self.timeline.newest}
        files[FEED_PATH] = atom_feed(self.timeline.newest[:50], site=self.site, page_path=page_paths, kind_of=kinds)
        events = [item for item in self.timeline.newest if self.kind_of(item) == "event"]
        files[CALENDAR_PATH] = calendar(sorted(events, key=lambda e: e.id), site=self.site, page_path=page_paths)
        return files

    def workflow_index(self) -> str:
        return self._render("workflow_index.md.j2", page=index_path("workflow"))

    def procedure_index(self) -> str:
        return self._render("procedure_index.md.j2", page=index_path("procedure"))

    def legal_index(self) -> str:
        return self._render("legal_index.md.j2", page=index_path("legal"))

    def procedure_table(self, procedures: list[Procedure], *, page: str) -> str:
        """The catalogue table; also used by the `procedure_table` macro on hand-written pages."""
        return self._render("partials/procedure_table.md.j2", procedures=procedures, page=page)

    def recent_changes(self, *, limit: int, page: str) -> str:
        changes = []
        for entry in self.catalog.all_entries():
            record = entry.record
            if entry.kind.name not in ("procedure", "legal"):
                continue
            title = record.name if isinstance(record, Procedure) else record.label
            for change in record.changes:
                changes.append((change.date, title, page_path(record), change.note))
        changes.sort(key=lambda row: (row[0], row[1]), reverse=True)
        return self._render("partials/recent_changes.md.j2", changes=changes[:limit], page=page)

    def announcement_list(self, which: str, *, limit: int | None, page: str) -> str:
        """A list for hand-written pages: 'events' (upcoming), 'policies' (open) or 'newest'."""
        items = {"events": self.timeline.upcoming_events, "policies": self.timeline.open_policies, "newest": self.timeline.newest}[which]
        return self._render("partials/announcement_macro.md.j2", which=which, items=items[:limit], page=page)

    def unit_directory(self) -> str:
        return self._render("partials/unit_directory.md.j2", units=self.catalog.units)

    def page_jobs(self) -> list[PageJob]:
        """Every page generated from the catalog, not yet rendered: cheap to list, rendered in any order."""
        def job(path: str, render: Callable[..., str], *args: object, source: str = "") -> PageJob:
            return PageJob(path, partial(render, *args), source)

        jobs = [
            job(index_path("procedure"), self.procedure_index),
            job(index_path("legal"), self.legal_index),
            job(index_path("workflow"), self.workflow_index),
            job(ANNOUNCEMENTS_INDEX, self.announcement_index),
            job(f"{opendata.DATA_DIR}/index.md", self.data_index),
            job(DASHBOARD_INDEX, self.dashboard),
        ]
        jobs += [job(archive_path(year), self.archive_page, year) for year in self.timeline.years]
        record_pages = {"procedure": self.procedure_page, "internal": self.internal_page, "legal": self.legal_page,
                        "workflow": self.workflow_page, "event": self.announcement_page, "funding": self.announcement_page,
                        "notice": self.announcement_page}
        for entry in sorted(self.catalog.all_entries(), key=lambda e: (e.kind.name, e.record.id)):
            if entry.kind.page_dir is not None:
                jobs.append(job(page_path(entry.record), record_pages[entry.kind.name], entry.record, source=entry.path))
        return jobs

    def pages(self) -> list[GeneratedPage]:
        """Every page generated from the catalog, rendered in this process."""
        return [GeneratedPage(job.path, job.render(), job.source) for job in self.page_jobs()]

    def fields_in_order(self) -> list[tuple[ProcedureField, list[Procedure]]]:
        """Fields that have procedures, in display order, each with its procedures by name."""
        by_field: dict[str, list[Procedure]] = {}
        for procedure in self.catalog.procedures:
            by_field.setdefault(procedure.field, []).append(procedure)
        ordered = sorted(self.catalog.fields, key=lambda f: (f.order, f.name))
        return [(field, sorted(by_field[field.id], key=lambda p: p.name)) for field in ordered if field.id in by_field]
