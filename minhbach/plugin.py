"""The MkDocs plugin: load and check the data once per build, then add one page per record.

Only glue lives here; loading, checks and page text are MkDocs-free modules, so the engine can
move to another site generator without rewriting them.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from pydantic import ValidationError

from minhbach import mkdocsfiles, navcache
from minhbach.catalog import Catalog
from minhbach.docpages import PageReview
from minhbach.feeds import CALENDAR_PATH, FEED_PATH, Site
from minhbach.findings import Finding, format_text
from minhbach.freshness import ReviewPolicy, review
from minhbach.links.sources import SOURCES_FILE
from minhbach.opendata import DATA_DIR
from minhbach.pages import MERMAID_JS, PageRenderer
from minhbach.pages.values import review_dates, review_notice
from minhbach.parallel import available_cores, run_all
from minhbach.project import check_project, today_from_environment
from minhbach.rawhtml import Stash

log = get_plugin_logger(__name__)
STYLESHEET = "assets/minhbach/minhbach.css"
SEARCH_JS = "assets/minhbach/search.js"
THEME_DIR = str(Path(__file__).parent / "theme")  # template overrides, ahead of Material's own


def _with_slash(url: str | None) -> str:
    return "" if not url else url if url.endswith("/") else url + "/"


class MinhbachConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of the records, relative to mkdocs.yml."""
    publication_lag_days = c.Type(int, default=3)
    """Working days allowed between an announcement's source document and its publication."""
    review_periods = c.Type(dict, default={})
    """Default review period by kind, e.g. {procedure: "6 tháng", page: "3 tháng"}; others 12 months."""


class MinhbachPlugin(BasePlugin[MinhbachConfig]):
    """Checks the records and generates their pages; exposes the catalog to the macros module."""

    command = "build"

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.findings: list[Finding] = []
        self.renderer: PageRenderer | None = None
        self._generated_sources: dict[str, str] = {}
        self._stashes: dict[str, Stash] = {}  # raw HTML taken out of generated pages, until converted

    def on_startup(self, *, command: str, dirty: bool) -> None:
        MinhbachPlugin.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        today = today_from_environment()
        policy = ReviewPolicy(dict(self.config.review_periods))
        self.catalog, self.findings = check_project(root / self.config.data_dir, Path(config.docs_dir), today, display_base=root,
                                                    publication_lag_days=self.config.publication_lag_days, review_policy=policy,
                                                    cache_dir=root / ".cache" / "minhbach")
        for finding in self.findings:
            level = logging.ERROR if finding.is_error else logging.INFO
            log.log(level, format_text([finding]))
        mkdocsfiles.refuse_unsafe(config, self.findings)
        errors = [f for f in self.findings if f.is_error]
        if errors and MinhbachPlugin.command != "serve":
            raise PluginError(f"{len(errors)} lỗi dữ liệu (data errors): sửa các lỗi ở trên rồi dựng lại trang.")
        site = Site(name=config.site_name, url=_with_slash(config.site_url), uid_domain=urlsplit(config.site_url or "").hostname or "minhbach")
        self.renderer = PageRenderer(self.catalog, today=today, directory_urls=config.use_directory_urls, site=site, review_policy=policy,
                                     findings=self.findings, publication_lag_days=self.config.publication_lag_days)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
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
        assets = Path(__file__).parent / "assets"
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

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages with review front matter show their review dates, and a notice when overdue."""
        assert self.renderer is not None
        if page.file.src_uri in self._generated_sources:
            stash = self._stashes[page.file.src_uri] = Stash()
            return stash.take(markdown)
        if page.file.generated_by or "last_reviewed" not in page.meta:
            return markdown
        try:
            review_of_page = PageReview.model_validate(page.meta)
        except ValidationError:
            return markdown  # reported by the check with its line
        state = review(last_reviewed=review_of_page.last_reviewed, review_in=review_of_page.review_in, review_by=review_of_page.review_by,
                       kind="page", policy=self.renderer.review_policy, today=self.renderer.today)
        owner = self.renderer.unit_name(review_of_page.owner)
        title, _, rest = markdown.partition("\n") if markdown.startswith("# ") else ("", "", markdown)
        return f"{title}\n\n{review_notice(state)}{rest}\n\n{review_dates(state, owner=owner)}\n"

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        navcache.install(env, theme_dirs=list(config.theme.dirs), ours=THEME_DIR)
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        stash = self._stashes.pop(page.file.src_uri, None)
        return stash.restore(html) if stash else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Announce the feed, the calendar and (on index pages) the open data in every page's head."""
        links = [(FEED_PATH, "application/atom+xml", "Thông báo (Atom)"), (CALENDAR_PATH, "text/calendar", "Lịch sự kiện")]
        datasets = {"thu-tuc/": "thu-tuc", "van-ban/": "van-ban", "thong-bao/": "thong-bao"}
        if page.url in datasets:
            name = f"{DATA_DIR}/{datasets[page.url]}"
            links += [(f"{name}.json", "application/json", "Dữ liệu JSON"), (f"{name}.csv", "text/csv", "Dữ liệu CSV")]
        tags = "".join(
            f'<link rel="alternate" type="{kind}" title="{title}" href="{get_relative_url(path, page.url)}">' for path, kind, title in links
        )
        return output.replace("</head>", tags + "</head>", 1)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        return server
