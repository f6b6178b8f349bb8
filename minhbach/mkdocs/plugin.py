"""The MkDocs plugin: load and check the data once per build, then add one page per record.

Only glue lives here; loading, checks and page text are MkDocs-free modules, so the engine can
move to another site generator without rewriting them.
"""

from __future__ import annotations

import json
import logging
import re
from html import escape as escape_html
from html import unescape as unescape_html
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import ValidationError

from minhbach.mkdocs import files as mkdocsfiles

from minhbach.mkdocs import navcache
from minhbach.catalog import Catalog
from minhbach.catalog.docpages import FRONT_MATTER_KEYS, PageReview
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH, Site
from minhbach.findings import Finding, format_text
from minhbach.catalog.review import review
from minhbach.site.links.fragment import decoded_form, decoded_ids
from minhbach.site.links.sources import SOURCES_FILE
from minhbach.exports.opendata import DATA_DIR
from minhbach.mkdocs.options import MinhbachConfig, settings_of
from minhbach.pages import MERMAID_JS, PageRenderer
from minhbach.pages.values import review_dates, review_notice
from minhbach.site.parallel import available_cores, run_all
from minhbach.checks.project import check_project
from minhbach.mkdocs.rawhtml import RawBlocks
from minhbach.settings.calendar import ClockError
from minhbach.catalog.macros import MacrosConfig

log = get_plugin_logger(__name__)
STYLESHEET = "assets/minhbach/minhbach.css"
SEARCH_JS = "assets/minhbach/search.js"
THEME_DIR = str(Path(__file__).parent / "theme")  # template overrides, ahead of Material's own


def _with_slash(url: str | None) -> str:
    return "" if not url else url if url.endswith("/") else url + "/"


def _macros_config(config: MkDocsConfig, root: Path) -> MacrosConfig | None:
    """The macros plugin's options, so the checks know its module and which pages it renders."""
    macros = config.plugins.get("macros")
    return MacrosConfig.from_options(dict(macros.config), root) if macros is not None else None


def theme_texts(page: Page) -> None:
    """Give the theme the page's title and description as HTML, whatever their source.

    Material (and MkDocs' own templates) print `page.meta.title`, `page.title`,
    `page.meta.description` (and `author`, `subtitle`, `status`) without escaping, in `<title>`, the
    header, the navigation and `<meta>`: front matter values are plain text, so every text value is
    escaped here, and keys a page may not use (`docpages.FRONT_MATTER_KEYS`) are dropped; a title
    taken from the page's first heading is already HTML (MkDocs keeps its entities) and is made
    plain and escaped again, so that `page.title | striptags` is never used on it.
    """
    title = page.meta.get("title")
    plain_title = str(title) if title is not None else _plain(page.title or "")
    page.meta["title"] = escape_html(plain_title)
    for key in [key for key in page.meta if key not in FRONT_MATTER_KEYS]:
        del page.meta[key]  # refused by the checks; the theme would print some (author, subtitle) or obey them (template)
    for key, value in page.meta.items():
        if key != "title" and isinstance(value, str):
            page.meta[key] = escape_html(value)


def _plain(html_text: str) -> str:
    return unescape_html(re.sub(r"<[^>]*>", "", html_text))


def head_links(page_url: str | None) -> list[tuple[str, str, str]]:
    """(path from the site root, media type, title) of the feeds a page announces in its head:
    the Atom feed and the calendar on every page, and its data on an index page with open data.

    theme/main.html writes them as `<link rel="alternate feed">`: the HTML standard's "alternate"
    with a type makes a syndication feed, and the extra token keeps Material's language switcher,
    which fetches `sitemap.xml` beside every `link[rel=alternate]` it finds, from taking them for
    other languages of the site (material/templates/assets/javascripts, setupAlternate, 9.8).
    """
    links = [(FEED_PATH, "application/atom+xml", "Thông báo (Atom)"), (CALENDAR_PATH, "text/calendar", "Lịch sự kiện")]
    datasets = {"thu-tuc/": "thu-tuc", "van-ban/": "van-ban", "thong-bao/": "thong-bao"}
    if page_url in datasets:
        name = f"{DATA_DIR}/{datasets[page_url]}"
        links += [(f"{name}.json", "application/json", "Dữ liệu JSON"), (f"{name}.csv", "text/csv", "Dữ liệu CSV")]
    return links


def accept_encoded_anchors(page: Page) -> None:
    """Let MkDocs' anchor validation accept what browsers accept: `#ph%E1%BB%A5-l%E1%BB%A5c` for
    `{#phụ-lục}` (the HTML standard decodes fragments before looking them up).

    MkDocs compares fragments with ids as plain strings after every page is built; this puts the
    decoded form of this page's fragments and ids in the public `Page.links_to_anchors` and
    `Page.present_anchor_ids` (MkDocs 1.6) before that comparison.
    """
    if page.present_anchor_ids is not None:
        page.present_anchor_ids = decoded_ids(page.present_anchor_ids)
    if page.links_to_anchors:
        page.links_to_anchors = {target: {decoded_form(anchor): url for anchor, url in links.items()}
                                 for target, links in page.links_to_anchors.items()}


class MinhbachPlugin(BasePlugin[MinhbachConfig]):
    """Checks the records and generates their pages; exposes the catalog to the macros module."""

    command = "build"

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.findings: list[Finding] = []
        self.renderer: PageRenderer | None = None
        self._pages_with_errors: set[str] = set()  # hand-written pages with an error, relative to docs/
        self._generated_sources: dict[str, str] = {}
        self._raw_blocks = RawBlocks()  # raw HTML of generated pages, stored without being parsed

    def on_startup(self, *, command: str, dirty: bool) -> None:
        MinhbachPlugin.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        settings = settings_of(self.config)
        try:
            today = settings.today()
        except ClockError as exc:
            raise PluginError(str(exc)) from None
        policy = settings.review_policy
        self.catalog, self.findings = check_project(root / settings.data_dir, Path(config.docs_dir), today, display_base=root,
                                                    publication_lag_days=settings.publication_lag_days, review_policy=policy,
                                                    calendar=settings.calendar, cache_dir=root / ".cache" / "minhbach",
                                                    macros=_macros_config(config, root))
        try:  # findings name pages from the project's folder ("docs/lien-he.md"); MkDocs from docs/
            docs_prefix = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix() + "/"
        except ValueError:
            docs_prefix = ""
        self._pages_with_errors = {f.path.removeprefix(docs_prefix) for f in self.findings if f.is_error and f.path.startswith(docs_prefix)}
        for finding in self.findings:
            level = logging.ERROR if finding.is_error else logging.INFO
            log.log(level, format_text([finding]))
        mkdocsfiles.refuse_unsafe(config, self.findings)
        errors = [f for f in self.findings if f.is_error]
        if errors and MinhbachPlugin.command != "serve":
            raise PluginError(f"{len(errors)} lỗi dữ liệu (data errors): sửa các lỗi ở trên rồi dựng lại trang.")
        site = Site(name=config.site_name, url=_with_slash(config.site_url), uid_domain=urlsplit(config.site_url or "").hostname or "minhbach")
        self.renderer = PageRenderer(self.catalog, today=today, directory_urls=config.use_directory_urls, site=site, review_policy=policy,
                                     findings=self.findings, publication_lag_days=settings.publication_lag_days)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self._raw_blocks not in config.markdown_extensions:
            config.markdown_extensions.append(self._raw_blocks)
        if THEME_DIR not in config.theme.dirs:
            # After the site's own custom_dir (if any), before Material's templates.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        mkdocsfiles.drop_unsafe(files, config)
        self._generated_sources = {}
        jobs = self.renderer.page_jobs()
        # `serve` may hold threads (the file watcher), which must not be forked.
        workers = available_cores() if MinhbachPlugin.command == "build" else 1
        data_files, *texts = run_all([self.renderer.data_files, *(job.render for job in jobs)], workers=workers)
        for job, markdown in zip(jobs, texts, strict=True):
            self._generated_sources[job.path] = job.source
            generated = File.generated(config, job.path, content=markdown)
            if job.source:
                generated.edit_uri = f"../{job.source}"
            files.append(generated)
        for path, content in data_files.items():
            files.append(File.generated(config, path, content=content))
        files.append(File.generated(config, SOURCES_FILE, content=self._sources(files, config)))
        assets = Path(__file__).parent.parent / "assets"
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(assets / "minhbach.css")))
        files.append(File.generated(config, MERMAID_JS, abs_src_path=str(assets / "vendor" / "mermaid.min.js")))
        files.append(File.generated(config, SEARCH_JS, abs_src_path=str(assets / "search.js")))
        return files

    def _sources(self, files: Files, config: MkDocsConfig) -> str:
        """Page URL -> the file a person edits (record or Markdown page), for the link checker."""
        root = Path(config.config_file_path).resolve().parent
        docs = Path(config.docs_dir).resolve()
        mapping = {}
        for file in files.documentation_pages():
            if file.generated_by:
                mapping[file.url] = self._generated_sources.get(file.src_uri, "")
            else:
                try:
                    mapping[file.url] = (docs / file.src_uri).relative_to(root).as_posix()
                except ValueError:
                    mapping[file.url] = file.src_uri
        return json.dumps(dict(sorted(mapping.items())), ensure_ascii=False, indent=1) + "\n"

    @event_priority(100)  # before mkdocs-macros renders the page, whatever the order in mkdocs.yml
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages: their plain raw HTML blocks skip Markdown's HTML parsers (see `rawhtml`).

        A hand-written page with an error is never rendered by mkdocs-macros: the build stops on errors,
        but the preview (`mkdocs serve`) goes on, and the error may be template code that runs Python.
        `render_macros: false` in a page's meta takes priority over every other setting of mkdocs-macros.
        """
        self._raw_blocks.enabled = page.file.src_uri in self._generated_sources
        if self._raw_blocks.enabled:
            return markdown
        for key in ("title", "description"):  # refused by the checks when not text; mkdocs-macros would raise
            if key in page.meta and not isinstance(page.meta[key], str):
                page.meta[key] = "" if page.meta[key] is None else str(page.meta[key])
        if page.file.src_uri in self._pages_with_errors:
            page.meta["render_macros"] = False
        return markdown

    def _page_review(self, page: Page) -> tuple[Markup, Markup] | None:
        """The overdue notice and the review dates of a hand-written page with review front matter."""
        assert self.renderer is not None
        if page.file.generated_by or "last_reviewed" not in page.meta:
            return None
        try:
            review_of_page = PageReview.model_validate(page.meta)
        except ValidationError:
            return None  # reported by the check with its line
        state = review(last_reviewed=review_of_page.last_reviewed, review_in=review_of_page.review_in, review_by=review_of_page.review_by,
                       kind="page", policy=self.renderer.review_policy, today=self.renderer.today)
        return review_notice(state), review_dates(state, owner=self.renderer.unit_name(review_of_page.owner))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        navcache.install(env, theme_dirs=list(config.theme.dirs), ours=THEME_DIR)
        env.globals["mb_head_links"] = head_links  # used by theme/main.html
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Add hand-written pages' review block; make titles HTML.

        The review block is added to the converted HTML, never to the Markdown: the owner's name is
        record text, and Markdown pages may go through mkdocs-macros, which would run it as Jinja.
        """
        page_review = self._page_review(page)
        if page_review is not None:
            notice, dates = page_review
            heading_end = html.find("</h1>") + len("</h1>") if html.lstrip().startswith("<h1") else 0
            html = f"{html[:heading_end]}\n{notice}{html[heading_end:]}\n{dates}\n"
        theme_texts(page)
        accept_encoded_anchors(page)
        return html

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        return server
