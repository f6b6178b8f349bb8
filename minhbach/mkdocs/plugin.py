"""The MkDocs plugin: load and check the data once per build, then add the engine's files to MkDocs' own.

Only glue lives here: the options, MkDocs' files, the theme, what `mkdocs serve` watches and how
errors stop a build. What the engine adds to a site is one `site.generate.Generation`, the same
that `minhbach generate` writes to a folder; loading, checks and page text are MkDocs-free modules.
"""

from __future__ import annotations

import logging
import re
from html import escape as escape_html
from html import unescape as unescape_html
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from minhbach.catalog import Catalog
from minhbach.catalog.docpages import FRONT_MATTER_KEYS
from minhbach.catalog.macros import MacrosConfig
from minhbach.exports.alternates import head_links
from minhbach.findings import Finding, format_text, warning_counts
from minhbach.mkdocs import files as mkdocsfiles
from minhbach.mkdocs import dirty as dirtybuild
from minhbach.mkdocs import navcache
from minhbach.mkdocs.languages import Language, LanguageError, language_of, languages_of
from minhbach.mkdocs.alternates import Alternate, alternates, without_language_links
from minhbach.mkdocs.fallback import add_source_files, published_pages
from minhbach.mkdocs.options import MinhbachConfig, read_config, settings_of
from minhbach.mkdocs.output import counts_level, quiet_repeated_lines
from minhbach.mkdocs.rawhtml import RawBlocks
from minhbach.model import Record
from minhbach.pages import PageRenderer
from minhbach.pages.environment import CompiledTemplates
from minhbach.pages.i18n import SOURCE, gettext, translations, using
from minhbach.pages.translation import translation_notice
from minhbach.pages import notice, problems
from minhbach.pages.paths import page_path
from minhbach.pages.workflows import empty_menu_pages
from minhbach.settings.calendar import ClockError
from minhbach.site.generate import STYLESHEET, Generation, Previous, register
from minhbach.site.links.fragment import decoded_form, decoded_ids
from minhbach.site.parallel import Background, available_cores
from minhbach.load.synonyms import SYNONYMS_FILE, read_synonyms
from minhbach.site.search import SearchDocuments, page_settings, record_labels, write_synonyms

log = get_plugin_logger(__name__)
THEME_DIR = str(Path(__file__).parent / "theme")  # template overrides, ahead of Material's own
THEME_TEMPLATES = CompiledTemplates()  # the theme's templates as compiled in MkDocs' environment


def _shown_prefix(folder: Path, root: Path) -> str:
    """`folder` as findings name files in it, from the project's folder `root`, with a slash ("docs/"); "" when outside it."""
    try:
        return folder.resolve().relative_to(root.resolve()).as_posix() + "/"
    except ValueError:
        return ""


def _macros_config(config: MkDocsConfig, root: Path) -> MacrosConfig | None:
    """The macros plugin's options, so the checks know its module and which pages it renders."""
    macros = config.plugins.get("macros")
    return MacrosConfig.from_options(dict(macros.config), root) if macros is not None else None


def theme_texts(page: Page, *, meta_is_html: bool = False) -> None:
    """Give the theme the page's title and description as HTML, whatever their source.

    Material (and MkDocs' own templates) print `page.meta.title`, `page.title`,
    `page.meta.description` (and `author`, `subtitle`, `status`) without escaping, in `<title>`, the
    header, the navigation and `<meta>`: front matter values are plain text, so every text value is
    escaped here, and keys a page may not use (`docpages.FRONT_MATTER_KEYS`) are dropped; a title
    taken from the page's first heading is already HTML (MkDocs keeps its entities) and is made
    plain and escaped again, so that `page.title | striptags` is never used on it.

    `meta_is_html`: the page's front matter text is already HTML, as the engine writes it on the pages it
    generates (see templates/partials/front_matter.md.j2), so it is taken back to plain text first.
    """
    def plain(value: str) -> str:
        return unescape_html(value) if meta_is_html else value

    title = page.meta.get("title")
    plain_title = plain(str(title)) if title is not None else _plain(page.title or "")
    page.meta["title"] = escape_html(plain_title)
    for key in [key for key in page.meta if key not in FRONT_MATTER_KEYS]:
        del page.meta[key]  # refused by the checks; the theme would print some (author, subtitle) or obey them (template)
    for key, value in page.meta.items():
        if key != "title" and isinstance(value, str):
            page.meta[key] = escape_html(plain(value))


def _plain(html_text: str) -> str:
    return unescape_html(re.sub(r"<[^>]*>", "", html_text))


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


def _source_docs(source: Language) -> Path:
    """The source language's docs_dir, as its configuration sets it."""
    docs_dir = read_config(source.config_file).get("docs_dir") or "docs"
    return (source.config_file.parent / docs_dir).resolve()


class MinhbachPlugin(BasePlugin[MinhbachConfig]):
    """Checks the records and adds the engine's files; registers its generation for the macros module (`generation_for`)."""

    command = "build"
    incremental = False  # under `mkdocs serve --dirty`: rebuild only what an edit changes (`mkdocs.dirty`)

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.findings: list[Finding] = []
        self.renderer: PageRenderer | None = None
        self.generation: Generation | None = None
        self._pages_with_errors: set[str] = set()  # hand-written pages with an error, relative to docs/
        self._generated_sources: dict[str, str] = {}
        self._raw_blocks = RawBlocks()  # raw HTML of generated pages, stored without being parsed
        self.languages: list[Language] = []  # the site's languages (extra.alternate), the source first
        self.language: Language | None = None  # the language this build is of
        self.source_docs: Path | None = None  # the source language's docs_dir
        self.untranslated: set[str] = set()  # pages of this build taken from the source's docs_dir (src_uri)
        self.language_pages: dict[str, set[str]] = {}  # the hand-written pages each language publishes (src_uri), by code
        self._preview_pages: dict[str, tuple[str, str]] = {}  # serve only: page -> (Markdown, file to edit), see `pages.problems`
        self._page_problems: dict[str, list[Finding]] = {}  # serve only: hand-written page -> its findings, when it has an error
        self._page_records: dict[str, Record] = {}  # records by their page, relative to docs/ (for search)
        self.search_documents = SearchDocuments()  # the search records of this build's pages (`on_pre_build`)
        self._stand_ins: dict[str, str] = {}  # pages of the source language's site alone -> the page standing for each elsewhere

    def on_startup(self, *, command: str, dirty: bool) -> None:
        MinhbachPlugin.command = command
        MinhbachPlugin.incremental = command == "serve" and dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            self.languages = languages_of(config.extra.get("alternate"), config_file=Path(config.config_file_path))
        except LanguageError as exc:
            raise PluginError(f"extra.alternate: {exc}") from None
        self.language = language_of(self.languages, config.theme.get("language", "vi"))
        _translate_permalink_title(config, self.language.code)
        if self.language.folder and config.site_url and not config.site_url.rstrip("/").endswith(f"/{self.language.folder}"):
            # A language's file inherits the site's root address; its pages are published in its folder.
            config.site_url = f"{config.site_url.rstrip('/')}/{self.language.prefix}"
        settings = settings_of(self.config)
        try:
            today = settings.today()
        except ClockError as exc:
            raise PluginError(str(exc)) from None
        self.source_docs = Path(config.docs_dir) if not self.language.folder else _source_docs(self.languages[0])
        # A translated site checks and generates from the source's docs_dir (forms, pages' review), as the source's build does.
        self.generation = Generation.load(settings, config_file=Path(config.config_file_path), docs_dir=self.source_docs, today=today,
                                          site_name=config.site_name, site_url=config.site_url, directory_urls=config.use_directory_urls,
                                          macros=_macros_config(config, root), repo_url=config.repo_url, language=self.language.code,
                                          languages=tuple(language.code for language in self.languages if language.folder))
        register(config, self.generation)
        self.catalog, self.findings, self.renderer = self.generation.catalog, self.generation.findings, self.generation.renderer
        docs_prefix = _shown_prefix(self.source_docs, root)  # findings name files from the project's folder ("docs/lien-he.md")
        self._pages_with_errors = {f.path.removeprefix(docs_prefix) for f in self.findings if f.is_error and f.path.startswith(docs_prefix)}
        for finding in self.findings:  # each error; each warning only with `mkdocs build --verbose`
            log.log(logging.ERROR if finding.is_error else logging.DEBUG, format_text([finding]))
        translated = bool(self.language.folder)  # the same findings as the source language's build, which prints them
        for line in warning_counts(self.findings):
            log.log(counts_level(translated=translated), line)
        quiet_repeated_lines(translated=translated)
        mkdocsfiles.refuse_unsafe(config, self.findings)
        errors = [f for f in self.findings if f.is_error]
        if errors and MinhbachPlugin.command != "serve":
            raise PluginError(f"{len(errors)} lỗi dữ liệu (data errors): sửa các lỗi ở trên rồi dựng lại trang.")
        # MkDocs keeps this instance from one build of the process to the next (the plugin has `on_startup`).
        self._preview_pages, self._page_problems = {}, {}
        if MinhbachPlugin.command == "serve":
            self._preview_problems(data_prefix=_shown_prefix(root / settings.data_dir, root), docs_prefix=docs_prefix)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self._raw_blocks not in config.markdown_extensions:
            config.markdown_extensions.append(self._raw_blocks)
        if THEME_DIR not in config.theme.dirs:
            # After the site's own custom_dir (if any), before Material's templates.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
        return config

    def _preview_problems(self, *, data_prefix: str, docs_prefix: str) -> None:
        """Under `mkdocs serve`: the pages that show the errors the strict build would stop on (`pages.problems`).

        The findings are the build's own (`self.findings`, one check for both): each record file with an
        error gets a page at its own URL instead of its page (or of a 404), hand-written pages with an
        error get the list at their top, and `problems.ERRORS_PAGE` lists them all.
        """
        assert self.renderer is not None
        href = self.renderer.href
        blocked = problems.blocked_records(self.findings, data_prefix)
        self._preview_pages = {page: (problems.record_error_page(page, found, href=href), found[0].path) for page, found in blocked.items()}
        pages = {f.path: page for f in self.findings
                 if f.is_error and (page := problems.page_of(f.path, data_prefix=data_prefix, docs_prefix=docs_prefix)) is not None}
        self._preview_pages[problems.ERRORS_PAGE] = (problems.errors_page(self.findings, pages=pages, href=href), "")
        self._page_problems = {}
        for finding in self.findings:
            page = finding.path.removeprefix(docs_prefix) if docs_prefix and finding.path.startswith(docs_prefix) else None
            if page in self._pages_with_errors:
                self._page_problems.setdefault(page, []).append(finding)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.generation is not None
        mkdocsfiles.drop_unsafe(files, config)
        self.untranslated = add_source_files(files, config, self.source_docs) if self.language and self.language.folder else set()
        self.language_pages = published_pages(self.languages, root=Path(config.config_file_path).parent)
        self._stand_ins = notice.stand_ins(self.generation.renderer)
        hand_written = [file.src_uri for file in files.documentation_pages() if not file.generated_by]
        self._generated_sources = {}
        # With a `nav` in mkdocs.yml, the engine's pages are reached through its index pages, not the menu:
        # MkDocs' own "not in the nav" level keeps them out of its list of pages missing from the nav.
        pages = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
        kept = dirtybuild.kept_for(config) if MinhbachPlugin.incremental else None
        previous = Previous(kept.generation, kept.kept_file) if kept is not None and kept.generation is not None else None
        # Under `serve` (whose watcher and server are threads) `run_all` keeps to this process by itself.
        for item in self.generation.files(hand_written, workers=available_cores(), previous=previous):
            if item.path in self._preview_pages:
                continue  # serve only: the record's errors are shown at its URL instead (`_preview_problems`)
            if item.page:
                self._generated_sources[item.path] = item.edit_source
            inclusion = pages if item.page else InclusionLevel.UNDEFINED
            if item.source_file is not None:
                generated = File.generated(config, item.path, abs_src_path=str(item.source_file), inclusion=inclusion)
            elif kept is not None:
                generated = kept.file(config, item.path, item.read(), edit_source=item.edit_source, inclusion=inclusion)
            else:
                generated = File.generated(config, item.path, content=item.read(), inclusion=inclusion)
            if item.edit_source:
                generated.edit_uri = f"../{item.edit_source}"
            files.append(generated)
        if kept is not None:
            kept.forget_others(file.src_uri for file in files if file.generated_by)
            kept.generation = self.generation
        for path, (markdown, source) in self._preview_pages.items():
            self._generated_sources[path] = source
            files.append(File.generated(config, path, content=markdown, inclusion=pages))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Leave out of the menu the index pages with nothing in them yet (`workflows.empty_menu_pages`).

        The page leaves the menu's top level (`Navigation.items`) and the reading order (`Navigation.pages`,
        whose neighbours MkDocs has already linked for `<link rel="prev/next">`); it is still built and
        reachable by its address.
        """
        assert self.catalog is not None
        empty = empty_menu_pages(self.catalog)
        left_out = [item for item in nav.items if item.is_page and item.file.src_uri in empty]
        for page in left_out:
            before, after = page.previous_page, page.next_page
            if before is not None:
                before.next_page = after
            if after is not None:
                after.previous_page = before
            page.previous_page = page.next_page = None
        nav.items = [item for item in nav.items if item not in left_out]
        nav.pages = [item for item in nav.pages if item not in left_out]
        if MinhbachPlugin.incremental:
            self._start_dirty_build(config, files, nav)
        return nav

    def _start_dirty_build(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Under `mkdocs serve --dirty`: build again only the pages an edit changed, or every page when what
        every page shows changed (`mkdocs.dirty.site_key`)."""
        kept = dirtybuild.kept_for(config)
        titles = {page.file.src_uri: dirtybuild.markdown_title(page.file.content_string)
                  for page in nav.pages if page.file.src_uri in self._generated_sources}
        errors = sum(1 for f in self.findings if f.is_error)
        others = (errors, sorted(self._preview_pages), sorted((code, sorted(pages)) for code, pages in self.language_pages.items()),
                  sorted(self.untranslated))
        key = dirtybuild.site_key(files=files, nav=nav, config_text=repr(sorted(read_config(Path(config.config_file_path)).items())),
                                  generated_titles=titles, others=others)
        if dirtybuild.start(kept, key, config=config, files=files, nav=nav, generated=self._generated_sources):
            log.info(dirtybuild.EVERY_PAGE)
            self.search_documents = SearchDocuments(site_name=config.site_name, site_description=config.site_description or "")
        kept.search = self.search_documents

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
        return None if page.file.generated_by else self.renderer.page_review(page.meta)

    def _head_links(self, page_url: str | None) -> list[tuple[str, str, str]]:
        """`exports.alternates.head_links`, titled in this site's language."""
        with using(self.language.code if self.language else SOURCE):
            return head_links(page_url)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.bytecode_cache = THEME_TEMPLATES  # compiled once per process, not at every `mkdocs serve` rebuild
        navcache.install(env, theme_dirs=list(config.theme.dirs), ours=THEME_DIR)
        # The theme overrides' own text (404.html) in the site's language, from the page text's catalogues.
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations(self.language.code if self.language else SOURCE), newstyle=True)
        env.globals["mb_head_links"] = self._head_links  # used by theme/main.html
        env.globals["mb_alternates"] = lambda page, absolute=False: self.alternates(page, site_url=config.site_url, absolute=absolute)
        env.filters["mb_without_language_links"] = without_language_links
        env.globals["mb_preview_banner"] = ""  # ditto: under `mkdocs serve`, the number of errors that block publishing
        if MinhbachPlugin.command == "serve" and self.renderer is not None:
            env.globals["mb_preview_banner"] = problems.banner(sum(1 for f in self.findings if f.is_error))
            env.globals["mb_preview_errors_url"] = self.renderer.site_path(problems.ERRORS_PAGE)
        env.globals["mb_search"] = page_settings()  # used by theme/partials/search.html
        return env

    def alternates(self, page: Page | None, *, site_url: str | None, absolute: bool) -> list[Alternate]:
        """`page` in each language of the site (`alternates.alternates`). `site_url` is this build's (it ends
        with its language's folder); the links are absolute when it is set and `absolute` asks for it, or
        for the 404 page, which is served at any address."""
        if self.language is None:
            return []
        src_uri = page.file.src_uri if page is not None and page.file is not None and page.url != "404.html" else None
        if not (absolute or src_uri is None):
            site_url = None
        root_url = site_url.rstrip("/").removesuffix(f"/{self.language.folder}") + "/" if site_url and self.language.folder else site_url
        return alternates(page.url if src_uri else "", src_uri, language=self.language, languages=self.languages,
                          pages=self.language_pages, site_url=root_url, stand_ins=self._stand_ins)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Add hand-written pages' review block; make titles HTML.

        The review block is added to the converted HTML, never to the Markdown: the owner's name is
        record text, and Markdown pages may go through mkdocs-macros, which would run it as Jinja.
        """
        page_review = self._page_review(page)
        heading_end = html.find("</h1>") + len("</h1>") if html.lstrip().startswith("<h1") else 0
        if page_review is not None:
            notice, dates = page_review
            html = f"{html[:heading_end]}\n{notice}{html[heading_end:]}\n{dates}\n"
        if page.file.src_uri in self.untranslated:  # a hand-written page this language has no copy of
            with using(self.language.code if self.language else SOURCE):
                html = f"{html[:heading_end]}\n{translation_notice('missing')}{html[heading_end:]}"
        found = self._page_problems.get(page.file.src_uri)
        if found:  # serve only: what stops the build, at the top of the page
            html = f"{problems.problems_admonition(found)}\n{html}"
        theme_texts(page, meta_is_html=page.file.src_uri in self._generated_sources)
        accept_encoded_anchors(page)
        return html

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        kept = dirtybuild.kept_for(config).search if MinhbachPlugin.incremental else None
        # `mkdocs build` reads the pages for search on the other cores while it converts the next ones (under `serve`, in line).
        background = Background(workers=available_cores() - 1) if MinhbachPlugin.command == "build" else None
        self.search_documents = kept or SearchDocuments(site_name=config.site_name, site_description=config.site_description or "",
                                                        background=background)
        self._page_records = {} if self.catalog is None else {
            page_path(entry.record): entry.record for entry in self.catalog.all_entries() if entry.kind.page_dir is not None}

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Hand the page as converted, before the theme lays it out, to the search index (see `site.search`),
        unless its front matter says `search: {exclude: true}`."""
        self.search_documents.forget(url=page.url)  # its record of the build before, under `mkdocs serve --dirty`
        search_meta = page.meta.get("search")
        if isinstance(search_meta, dict) and search_meta.get("exclude") is True:
            self.search_documents.exclude(url=page.url)
            return context
        with using(self.language.code if self.language else SOURCE):
            labels = record_labels(self._page_records.get(page.file.src_uri) if page.file.generated_by else None)
        self.search_documents.add(url=page.url, language=config.theme.get("language", "en"), content=page.content or "", title=page.title or "",
                                  description=page.meta.get("description") or "", headings=not page.file.generated_by,
                                  **labels)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.search_documents.write(Path(config.site_dir))
        self._close_background()
        groups, _ = read_synonyms(Path(config.config_file_path).parent)  # its findings are the checks' (`check_project`)
        write_synonyms(Path(config.site_dir), groups)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when a record or the search box's synonyms (`load.synonyms`, if the site has them) change."""
        root = Path(config.config_file_path).parent
        server.watch(str(root / self.config.data_dir))
        if (root / SYNONYMS_FILE).is_file():
            server.watch(str(root / SYNONYMS_FILE))
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self._close_background()

    def _close_background(self) -> None:
        if self.search_documents.background is not None:
            self.search_documents.background.close()

    def on_shutdown(self) -> None:
        dirtybuild.discard_all()


PERMALINK_TITLE = "Liên kết đến mục này"
"""The Vietnamese title of a heading's anchor link (`toc`'s `permalink_title` in mkdocs.yml), a message."""


def _translate_permalink_title(config: MkDocsConfig, language: str) -> None:
    """A language's site inherits mkdocs.yml's Markdown extensions (a list, which MkDocs' INHERIT replaces
    whole rather than merges): its headings' anchor links get their title in its language when mkdocs.yml
    gives them the Vietnamese `PERMALINK_TITLE`."""
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink_title") == PERMALINK_TITLE:
        with using(language):
            config.mdx_configs["toc"] = {**toc, "permalink_title": gettext("Liên kết đến mục này")}
