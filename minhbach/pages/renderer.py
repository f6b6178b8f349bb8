"""The page renderer: the core that page modules share, and the list of pages to generate.

Each kind of page is built by its own module (`procedures`, `legal`, `workflows`, `announcements`,
`dashboard`, `data`, `lists`), which gathers what its template shows; the core holds the catalog,
the build day, the Jinja environment, the lookups and links every template uses, and `page_jobs`,
which names every page and the function that renders it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, TypeVar

from markupsafe import Markup

from minhbach.catalog import Catalog
from minhbach.catalog.review import Review, ReviewPolicy
from minhbach.catalog.timeline import Timeline
from minhbach.catalog.translations import localised, translation_status
from minhbach.exports import opendata
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH, Site
from minhbach.findings import Finding
from minhbach.model import ANNOUNCEMENTS_PAGE_DIR, KINDS, LegalDocument, Procedure, ProcedureField, Record, Unit
from minhbach.pages import announcements, dashboard, data, i18n, legal, lists, notice, urls, workflows
from minhbach.pages import review as review_html
from minhbach.pages import procedures as procedure_pages
from minhbach.pages.backlinks import BackLinks
from minhbach.pages.environment import environment
from minhbach.pages.markdown import RecordMarkdown, docs_link_resolver
from minhbach.pages.values import OnBuildDay, document_label, not_in_force_text
from minhbach.pages.paths import ANNOUNCEMENTS_INDEX, DASHBOARD_INDEX, archive_path, index_path, page_path
from minhbach.settings.calendar import today as site_today
from minhbach.settings.defaults import DEFAULTS
from minhbach.settings.languages import translatable_languages

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class GeneratedPage:
    """A rendered page: its path under docs/, its Markdown, and the file a person edits to change it."""

    path: str  # relative to docs/
    markdown: str
    source: str  # the record file it comes from, for edit links; "" for index pages


@dataclass(frozen=True)
class PageJob:
    """A page to generate: `render()` returns its Markdown."""

    path: str  # relative to docs/
    render: Callable[[], str]
    source: str  # as in GeneratedPage
    record: tuple[str, str] | None = None  # (kind, id) of the record whose page this is (a sheet: its procedure's); None for indexes


@dataclass(frozen=True)
class DataJob:
    """Data files to generate: `make()` returns them by path (exactly `paths`); they show records of `kinds` only."""

    paths: tuple[str, ...]
    kinds: frozenset[str]
    make: Callable[[], dict[str, bytes]]


ANNOUNCEMENT_KINDS = frozenset(kind.name for kind in KINDS.values() if kind.page_dir == ANNOUNCEMENTS_PAGE_DIR)
"""The kinds of the announcements (`catalog.timeline`), which the feed and the calendar show."""

RECORD_PAGES: dict[str, Callable[[PageRenderer, Any], str]] = {
    "procedure": procedure_pages.page,
    "internal": procedure_pages.internal_page,
    "workflow": workflows.page,
    "legal": legal.page,
    "event": announcements.page,
    "funding": announcements.page,
    "notice": announcements.page,
}
"""How the page of a record is rendered, by record kind: every kind with a `page_dir` (model.KINDS)."""

INDEX_PAGES: tuple[tuple[str, Callable[[PageRenderer], str]], ...] = (
    (index_path("procedure"), procedure_pages.index),
    (index_path("legal"), legal.index),
    (index_path("workflow"), workflows.index),
    (ANNOUNCEMENTS_INDEX, announcements.index),
    (data.INDEX, data.index),
    (DASHBOARD_INDEX, dashboard.page),
)
"""The pages that belong to no record: docs path, and how it is rendered."""


class PageRenderer:
    """Renders every generated page of a catalog with the package's templates."""

    def __init__(self, catalog: Catalog, *, today: dt.date | None = None, directory_urls: bool = True,
                 site: Site | None = None, review_policy: ReviewPolicy | None = None,
                 findings: list[Finding] | None = None, publication_lag_days: int = DEFAULTS.publication_lag_days,
                 language: str = i18n.SOURCE, languages: tuple[str, ...] | None = None) -> None:
        self.catalog = catalog
        self.language = language
        """The language pages are written in (`pages.i18n`): "vi", "en", "zh"."""
        self.languages = translatable_languages() if languages is None else languages
        """The languages the site is translated into (`settings.languages`), for the dashboard's counts."""
        self.findings = findings or []
        self.publication_lag_days = publication_lag_days
        self.review_policy = review_policy or ReviewPolicy()
        self.today = today or site_today()
        self.directory_urls = directory_urls
        self.site = site or Site(name="minhbach", url="")
        self.timeline = Timeline.build(catalog, self.today)
        self.dated = OnBuildDay(self.today, self._document_label)
        """Fees and processing times as they stand on the build day (see `pages.values.OnBuildDay`)."""
        self.env = environment()
        self._shown: dict[int, tuple[Record, Record]] = {}

    def render(self, template: str, **context: object) -> Markup:
        """`template` rendered with `context`, the renderer as `r` and the timeline as `timeline`."""
        with i18n.using(self.language):
            return Markup(self.env.get_template(template).render(r=self, timeline=self.timeline, **context))

    # Links -------------------------------------------------------------------------------

    def href(self, target: str, page: str) -> str:
        """URL of the docs file `target` as seen from the built page of `page`, for raw HTML.

        Markdown links are resolved by MkDocs itself; links inside HTML blocks are not (see `pages.urls`).
        """
        return urls.href(target, page, use_directory_urls=self.directory_urls)

    def site_path(self, docs_path: str) -> str:
        """A page's URL path from the site root ('thu-tuc/abc/'), for data files and feeds."""
        return urls.url(docs_path, use_directory_urls=self.directory_urls)

    @cached_property
    def _record_markdown(self) -> RecordMarkdown:
        return RecordMarkdown()

    def markdown(self, text: str, page: str) -> Markup:
        """Record text marked as Markdown, as a finished HTML block (see `pages.markdown`).

        Links are written relative to the record's page file `page` (as in a Markdown page).
        """
        rendered = self._record_markdown.render(text, resolve=docs_link_resolver(page, self.href))
        return Markup('<div class="mb-body">\n{}\n</div>').format(Markup(rendered.html))

    # Lookups the templates need ----------------------------------------------------------
    # Every record they give is as readers of the page language see it (`shown`).

    def shown(self, record: R) -> R:
        """`record` with its translation into the page language laid over the Vietnamese
        (`catalog.translations.localised`); the very record on the Vietnamese site."""
        if self.language == i18n.SOURCE:
            return record
        key = id(record)
        if key not in self._shown:
            self._shown[key] = (record, localised(record, self.language).record)  # the record is kept: its id stays its own
        return self._shown[key][1]

    def shown_all(self, records: Iterable[R]) -> list[R]:
        """`shown` of each record, in order."""
        return [self.shown(record) for record in records]

    def field(self, procedure: Procedure) -> ProcedureField | None:
        found = self.catalog.get("field", procedure.field)
        return self.shown(found) if isinstance(found, ProcedureField) else None

    def document(self, record_id: str) -> LegalDocument | None:
        found = self.catalog.get("legal", record_id)
        return self.shown(found) if isinstance(found, LegalDocument) else None

    def _document_label(self, record_id: str) -> str | None:
        document = self.document(record_id)
        return document_label(document) if document else None

    def documents(self, record_ids: Iterable[str]) -> list[LegalDocument]:
        return [d for d in map(self.document, record_ids) if d is not None]

    def unit(self, record_id: str | None) -> Unit | None:
        found = self.catalog.get("unit", record_id) if record_id else None
        return self.shown(found) if isinstance(found, Unit) else None

    def procedure(self, record_id: str | None) -> Procedure | None:
        found = self.catalog.get("procedure", record_id) if record_id else None
        return self.shown(found) if isinstance(found, Procedure) else None

    def unit_name(self, record_id: str) -> str:
        unit = self.unit(record_id)
        return unit.name if unit else record_id

    def in_force(self, document: LegalDocument) -> tuple[bool, str]:
        """Whether a procedure may rest on `document` on the build day, and why not, in the page language."""
        with i18n.using(self.language):
            return not_in_force_text(document, self.today)

    def translation(self, record: Record | None = None) -> str:
        """How far the page of `record` is translated into the page language ("source", "translated",
        "outdated", "missing": `catalog.translations.translation_status`); for a page of no record (an index, the
        dashboard), "source" in the source language and "translated" in the others: its words are the
        message catalogue's, the records it lists each as translated as they are."""
        if record is None:
            return "source" if self.language == i18n.SOURCE else "translated"
        return translation_status(record, self.language)

    def review(self, record: Record) -> Review:
        """Last and next review of a record, and whether it is overdue, as of the build day."""
        return Review.of_record(record, policy=self.review_policy, today=self.today)

    def page_review(self, front_matter: object) -> tuple[Markup, Markup] | None:
        """The overdue notice and the review dates of a hand-written page, from its front matter
        as MkDocs read it, as of the build day (see `pages.review.page_review`)."""
        with i18n.using(self.language):
            return review_html.page_review(front_matter, policy=self.review_policy, today=self.today, unit_name=self.unit_name)

    @cached_property
    def back_links(self) -> BackLinks:
        """Who points at each record (computed on first use)."""
        return BackLinks.of(self.catalog)

    # Lists for hand-written pages (the site's macros) ----------------------------------------

    def procedure_table(self, procedures: list[Procedure], *, page: str) -> str:
        """The catalogue table; also used by the `procedure_table` macro on hand-written pages."""
        return procedure_pages.table(self, procedures, page=page)

    def legal_badge(self, document: LegalDocument, *, page: str) -> Markup:
        """A link to a legal document with its validity badge (see `legal.badge`)."""
        return legal.badge(self, document, page=page)

    def recent_changes(self, *, limit: int, page: str) -> str:
        """The newest change notes of procedures and legal documents (see `lists.recent_changes`)."""
        return lists.recent_changes(self, limit=limit, page=page)

    def announcement_list(self, which: str, *, limit: int | None, page: str) -> str:
        """A list for hand-written pages: 'events' (upcoming), 'policies' (open) or 'newest'."""
        return announcements.announcement_list(self, which, limit=limit, page=page)

    def unit_directory(self) -> str:
        """Contact details of every unit."""
        return lists.unit_directory(self)

    def record_kinds(self) -> str:
        """The table of record kinds, for the editors' guide."""
        return lists.record_kinds(self)

    # What a build generates --------------------------------------------------------------

    def page_jobs(self) -> list[PageJob]:
        """Every page generated from the catalog, not yet rendered: cheap to list, rendered in any order.

        The index pages, the archive years, then one page per record of each kind with pages, by kind and id,
        each public procedure followed by its notice sheet (`pages.notice`; the source language's site only). A sheet has no source, as an
        index page: search leads to the procedure's page, and the sheet has no edit link of its own.
        """
        jobs = [PageJob(path, partial(render, self), "") for path, render in INDEX_PAGES]
        jobs += [PageJob(archive_path(year), partial(announcements.archive, self, year), "") for year in self.timeline.years]
        for entry in sorted(self.catalog.all_entries(), key=lambda e: (e.kind.name, e.record.id)):
            key = (entry.kind.name, entry.record.id)
            if entry.kind.page_dir is not None:
                jobs.append(PageJob(page_path(entry.record), partial(self._localised_page, RECORD_PAGES[entry.kind.name], entry.record),
                                    entry.path, key))
            if entry.kind.name == "procedure" and notice.published_in(self.language):
                jobs.append(PageJob(notice.sheet_path(entry.record), partial(self._localised_page, notice.page, entry.record), "", key))
        return jobs

    def _localised_page(self, render: Callable[[PageRenderer, Any], str], record: Record) -> str:
        """`render` of `record` as shown in the page language (`shown`), made when the page is rendered."""
        return render(self, self.shown(record))

    def pages(self) -> list[GeneratedPage]:
        """Every page generated from the catalog, rendered in this process."""
        return [GeneratedPage(job.path, job.render(), job.source) for job in self.page_jobs()]

    def data_jobs(self) -> list[DataJob]:
        """Open data (one job per dataset), the Atom feed and the events calendar, not yet made."""
        jobs = [DataJob(data.dataset_paths(dataset), frozenset({dataset.kind}), partial(data.dataset_files, self, dataset))
                for dataset in opendata.DATASETS]
        return [*jobs, DataJob((FEED_PATH, CALENDAR_PATH), ANNOUNCEMENT_KINDS, partial(announcements.feed_files, self))]

    def data_files(self) -> dict[str, bytes]:
        """Open data, the Atom feed and the events calendar, by path under the site."""
        return {path: content for job in self.data_jobs() for path, content in job.make().items()}
