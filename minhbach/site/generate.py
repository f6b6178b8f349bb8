"""Everything the engine adds to a site, as files: one generation for `minhbach generate` and the MkDocs plugin.

A `Generation` is made from the project's settings (the minhbach options in mkdocs.yml), the
checked catalog, the site's day, and the few site settings the files depend on (name, URL,
`use_directory_urls`). `Generation.files` lists, by path under docs_dir:

- every generated page (Markdown, `PageRenderer.page_jobs`), with the record file it comes from;
- every data file (`PageRenderer.data_files`: open data, the Atom feed, the events calendar);
- the sources map (`site.links.sources.SOURCES_FILE`: page URL -> the file a person edits);
- the engine's assets (`ASSETS`: stylesheet, search script, dossier checklist script, Mermaid);
- the web editor at /admin/ (`exports.admin`: its page, its configuration from the model, Sveltia CMS), in
  the source language's site only (`admin.published_in`).

The MkDocs plugin adds exactly these files to MkDocs' own; `minhbach generate` writes them to a
folder (`generate`), with the hand-written files of docs/ if asked (`Generation.docs_files`), so
that any generator that builds a folder of Markdown pages can build the site.

`generation_for` gives the site's macros module the generation of the build it runs in.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from minhbach.catalog import Catalog
from minhbach.catalog.docpages import MAX_DOCS_FILE_BYTES, list_docs, load_page, shown_path
from minhbach.catalog.macros import MacroHost, MacrosConfig, load_site_macros
from minhbach.checks.project import check_project
from minhbach.exports import admin
from minhbach.exports.feeds import Site
from minhbach.findings import Finding, format_text, summary
from minhbach.load.files import read_limited
from minhbach.pages import CHECKLIST_JS, MERMAID_JS, PageRenderer
from minhbach.pages.i18n import SOURCE
from minhbach.settings.defaults import Settings
from minhbach.site import incremental
from minhbach.site.build import fill_and_swap
from minhbach.site.links.sources import SOURCES_FILE
from minhbach.site.pagemacros import render_body, rendered_page
from minhbach.site.parallel import run_all

if TYPE_CHECKING:
    from minhbach.mkdocs.options import ProjectSettings

STYLESHEET = "assets/minhbach/minhbach.css"
SEARCH_JS = "assets/minhbach/search.js"
ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
ASSETS = ((STYLESHEET, ASSETS_DIR / "minhbach.css"), (MERMAID_JS, ASSETS_DIR / "vendor" / "mermaid.min.js"),
          (SEARCH_JS, ASSETS_DIR / "search.js"), (CHECKLIST_JS, ASSETS_DIR / "checklist.js"))
"""(path in the site, package file) of the engine's assets; pages name the stylesheet and scripts by these paths."""
ADMIN_VENDOR = ASSETS_DIR / "vendor"
"""Sveltia CMS, its Vietnamese strings and its fonts (assets/vendor/README.txt), served under /admin/."""


@dataclass(frozen=True)
class GeneratedFile:
    """One file of a generation, at `path` (POSIX, relative to docs_dir, never leaving it).

    Its bytes are `content`, or those of the package file `source_file` (assets). `edit_source` is
    the file a person edits to change it (a record, "data/procedures/x.yml", relative to the
    project), "" when none; `page` says whether it is a Markdown page of the site.
    """

    path: str
    content: bytes | None = None
    source_file: Path | None = None
    edit_source: str = ""
    page: bool = False

    def read(self) -> bytes:
        return self.content if self.content is not None else Path(self.source_file or "").read_bytes()


@dataclass(frozen=True)
class Previous:
    """A generation made before from the same project (`generation`), and where the Markdown of its pages
    lies as it was rendered (`kept`: a page's path -> a file, or None when not kept), for `Generation.files`."""

    generation: Generation
    kept: Callable[[str], Path | None]


def _with_slash(url: str | None) -> str:
    return "" if not url else url if url.endswith("/") else url + "/"


class GenerationRefused(Exception):
    """The project has errors (`findings`); nothing may be generated from it. The message is the findings as `minhbach check` prints them."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{format_text(findings)}\n{summary(findings)}")
        self.findings = findings


class Generation:
    """The engine's files for one site, from one checked catalog (see the module's text).

    `renderer` renders the pages; `findings` are every finding of the check, and `errors` those
    that forbid publishing (the MkDocs plugin still previews them under `mkdocs serve`).
    """

    def __init__(self, renderer: PageRenderer, *, config_file: Path, docs_dir: Path, macros: MacrosConfig | None = None,
                 data_dir: str = "data", repo_url: str | None = None) -> None:
        self.renderer = renderer
        self.config_file = config_file
        self.root = config_file.parent
        self.docs_dir = docs_dir
        self.macros = macros
        self.data_dir = data_dir
        self.repo_url = repo_url

    @classmethod
    def load(cls, settings: Settings, *, config_file: Path, docs_dir: Path, today: dt.date, site_name: str, site_url: str | None,
             directory_urls: bool, macros: MacrosConfig | None, repo_url: str | None = None, language: str = SOURCE,
             languages: tuple[str, ...] | None = None) -> Generation:
        """Load and check the project of `config_file` (records under `settings.data_dir`, pages under
        `docs_dir`) as `checks.project.check_project` does, as of `today`, and make its generation.

        `site_name`, `site_url`, `directory_urls` and `repo_url` are MkDocs' `site_name`, `site_url`,
        `use_directory_urls` and `repo_url`; `macros` the macros plugin's options (None without it);
        `language` the one pages are written in (MkDocs' `theme.language`, see `pages.i18n`); `languages` those
        the site is translated into (`ProjectSettings.languages`; None: every one the engine has). What was read
        from unchanged files is kept in `.cache/minhbach` beside `config_file`.
        """
        root = config_file.parent
        catalog, findings = check_project(root / settings.data_dir, docs_dir, today, display_base=root,
                                          publication_lag_days=settings.publication_lag_days, review_policy=settings.review_policy,
                                          calendar=settings.calendar, cache_dir=root / ".cache" / "minhbach", macros=macros,
                                          languages=languages)
        site = Site(name=site_name, url=_with_slash(site_url), uid_domain=urlsplit(site_url or "").hostname or "minhbach")
        renderer = PageRenderer(catalog, today=today, directory_urls=directory_urls, site=site, review_policy=settings.review_policy,
                                findings=findings, publication_lag_days=settings.publication_lag_days, language=language,
                                languages=languages)
        return cls(renderer, config_file=config_file, docs_dir=docs_dir, macros=macros, data_dir=settings.data_dir, repo_url=repo_url)

    @classmethod
    def of_project(cls, project: ProjectSettings, *, config_file: Path, today: dt.date | None = None) -> Generation:
        """`load` with everything read from mkdocs.yml (`mkdocs.options.read_settings`); `today` defaults to the site's day."""
        return cls.load(project.plugin, config_file=config_file, docs_dir=project.docs_path, today=today or project.plugin.today(),
                        site_name=project.site_name, site_url=project.site_url, directory_urls=project.use_directory_urls,
                        macros=project.macros, repo_url=project.repo_url or None, languages=project.languages)

    @property
    def catalog(self) -> Catalog:
        return self.renderer.catalog

    @property
    def findings(self) -> list[Finding]:
        return self.renderer.findings

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    def files(self, hand_written: Iterable[str], *, workers: int = 1, previous: Previous | None = None) -> list[GeneratedFile]:
        """Every file the engine adds to the site (see the module's text), pages rendered on `workers` processes.

        `hand_written` are the site's other pages (paths relative to docs_dir), for the sources map. With
        `previous`, a page whose Markdown cannot differ from the one kept of it (`site.incremental`) is not
        rendered again: its file is the kept one (`GeneratedFile.source_file`).
        """
        jobs, data_jobs = self.renderer.page_jobs(), self.renderer.data_jobs()
        edit = incremental.Edit(everything=True) if previous is None else incremental.Edit.between(previous.generation.renderer, self.renderer)

        def kept(paths: Iterable[str]) -> list[Path] | None:  # the files kept of `paths`, None unless every one is
            files = [previous.kept(path) for path in paths] if previous is not None else [None]
            return None if None in files else files  # type: ignore[return-value]

        kept_pages = [None if edit.changes_page(job.record) else kept([job.path]) for job in jobs]
        kept_data = [None if edit.changes_data(job.kinds) else kept(job.paths) for job in data_jobs]
        fresh = [job for job, files in zip(jobs, kept_pages, strict=True) if files is None]
        made = [job.make for job, files in zip(data_jobs, kept_data, strict=True) if files is None]
        results = run_all([*made, *(job.render for job in fresh)], workers=workers)
        rendered = {job.path: text for job, text in zip(fresh, results[len(made):], strict=True)}
        found = [GeneratedFile(job.path, rendered[job.path].encode("utf-8"), edit_source=job.source, page=True) if files is None
                 else GeneratedFile(job.path, source_file=files[0], edit_source=job.source, page=True)
                 for job, files in zip(jobs, kept_pages, strict=True)]
        found += [GeneratedFile(path, content) for data_files in results[:len(made)] for path, content in data_files.items()]
        found += [GeneratedFile(path, source_file=file) for job, files in zip(data_jobs, kept_data, strict=True) if files is not None
                  for path, file in zip(job.paths, files, strict=True)]
        found.append(GeneratedFile(SOURCES_FILE, self._sources(hand_written, [item for item in found if item.page])))
        found += [GeneratedFile(path, source_file=file) for path, file in ASSETS]
        if admin.published_in(self.renderer.language):
            found += self._admin_files(hand_written)
        return found

    def _admin_files(self, hand_written: Iterable[str]) -> list[GeneratedFile]:
        """/admin/: the editor's page (linking the editors' guide when the site has it), its configuration, Sveltia CMS."""
        guide = self.renderer.href(admin.EDITOR_GUIDE, admin.PAGE.removesuffix(".html") + ".md") if admin.EDITOR_GUIDE in hand_written else None
        return [GeneratedFile(admin.PAGE, admin.page_html(guide_href=guide).encode("utf-8")),
                GeneratedFile(admin.CONFIG, _editor_config(self.data_dir, self.repo_url, self.renderer.site.url or None)),
                GeneratedFile(admin.SCRIPT, _served_script()),
                GeneratedFile(f"{admin.LOCAL_LOCALES}/vi.json", source_file=ADMIN_VENDOR / "sveltia-cms.vi.json"),
                GeneratedFile(admin.YAML_SCRIPT, source_file=ADMIN_VENDOR / "js-yaml.min.js"),
                GeneratedFile(admin.FORMAT_SCRIPT, source_file=ASSETS_DIR / "admin-format.js"),
                GeneratedFile(admin.LOCALE_SCRIPT, source_file=ASSETS_DIR / "admin-locale.js"),
                *(GeneratedFile(f"{admin.FONTS_DIR}/{name}", source_file=ADMIN_VENDOR / "sveltia-fonts" / name) for name in admin.SVELTIA_FONTS.values())]

    def _sources(self, hand_written: Iterable[str], pages: list[GeneratedFile]) -> bytes:
        """Page URL -> the file a person edits (record or Markdown page, from the project's folder), for the link checker.

        URLs are MkDocs' own (`thu-tuc/x/`, `./` for the home page with directory URLs), not percent-encoded.
        """
        root, docs = self.root.resolve(), self.docs_dir.resolve()
        mapping = {}
        for path in hand_written:
            try:
                mapping[self._url(path)] = (docs / path).relative_to(root).as_posix()
            except ValueError:
                mapping[self._url(path)] = path
        mapping.update({self._url(page.path): page.edit_source for page in pages})
        return (json.dumps(dict(sorted(mapping.items())), ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def _url(self, docs_path: str) -> str:
        """The URL of the page of the docs file `docs_path`, from the site's root (a link from the home page)."""
        return self.renderer.href(docs_path, "index.md")

    def _listing(self) -> list[Path]:
        return list_docs(self.docs_dir, display_base=self.root).files if self.docs_dir.is_dir() else []

    def hand_written_pages(self) -> list[str]:
        """The Markdown pages of docs/ that may be published (`docpages.list_docs`), relative to docs/."""
        return [path.relative_to(self.docs_dir).as_posix() for path in self._listing() if path.suffix == ".md"]

    def docs_files(self) -> list[GeneratedFile]:
        """Every file of docs/ that may be published (`docpages.list_docs`), so that with `files` it
        makes a whole docs_dir; pages that render macros are rendered here (`site.pagemacros`).

        Each file is read within docs/ and within `docpages.MAX_DOCS_FILE_BYTES`. Raises
        `GenerationRefused` when the project has errors, and what a failing macro raises (`MacroFailed`).
        """
        if self.errors:
            raise GenerationRefused(self.errors)
        host = MacroHost(_MacroConf(str(self.config_file)))
        register(host.conf, self)
        site_macros = None
        if self.macros is not None:
            site_macros, problems = load_site_macros(self.macros, display_base=self.root, host=host)
            if problems:
                raise GenerationRefused(problems)
        found = []
        for file in self._listing():
            path, content = file.relative_to(self.docs_dir).as_posix(), None
            if file.suffix == ".md" and site_macros is not None:
                page, _ = load_page(file, self.docs_dir, shown_path(file, self.root))  # read as the check read it
                if site_macros.renders(page):
                    content = rendered_page(page, render_body(page, host=host, macros=site_macros, file=file)).encode("utf-8")
            if content is None:
                content = read_limited(file, MAX_DOCS_FILE_BYTES, within=self.docs_dir)
            found.append(GeneratedFile(path, content, page=file.suffix == ".md"))
        return found


@functools.cache
def _editor_config(data_dir: str, repo_url: str | None, site_url: str | None) -> bytes:
    """/admin/config.yml (`admin.editor_config`): made once per process for the same settings, as it only
    depends on them and on the model (a second under `mkdocs serve` at every rebuild otherwise)."""
    return admin.config_text(admin.editor_config(data_dir=data_dir, repo_url=repo_url, site_url=site_url)).encode("utf-8")


@functools.cache
def _served_script() -> bytes:
    """Sveltia CMS as served (`admin.served_script`), made once per process from the package's file."""
    return admin.served_script((ADMIN_VENDOR / "sveltia-cms.js").read_bytes())


@dataclass(eq=False)
class _MacroConf:
    """The configuration the engine gives the site's macros when it renders pages itself: the key of its generation."""

    config_file_path: str


_registered: dict[int, tuple[weakref.ref, Generation]] = {}


def register(config: Any, generation: Generation) -> None:
    """Make `generation` the one `generation_for(config)` returns, for as long as `config` lives.

    The MkDocs plugin registers its generation for the build's configuration in `on_config`.
    """
    key = id(config)
    _registered[key] = (weakref.ref(config, lambda _: _registered.pop(key, None)), generation)


def generation_for(config: Any) -> Generation:
    """The generation of the site that `config` configures: the public entry point of the site's macros.

    `config` is what mkdocs-macros gives a macros module as `env.conf` (MkDocs' configuration), or
    the configuration the engine gives it while rendering pages itself. The generation registered
    for it (`register`: the MkDocs plugin's own, made in this build) is returned; without one (a
    site that runs mkdocs-macros without the minhbach plugin), one is made from the project of
    `config.config_file_path` (its minhbach options, or the defaults) with MkDocs' `docs_dir`,
    `site_name`, `site_url` and `use_directory_urls` from `config`, and kept for the next call.

    Raises `GenerationRefused` when mkdocs.yml's options are wrong or the project has errors.
    """
    found = _registered.get(id(config))
    if found is not None and found[0]() is config:
        return found[1]
    from minhbach.mkdocs.options import read_settings

    config_file = Path(config.config_file_path)
    project, problems = read_settings(config_file)
    if project is None:
        raise GenerationRefused(problems)
    generation = Generation.load(project.plugin, config_file=config_file, docs_dir=Path(config.docs_dir), today=project.plugin.today(),
                                 site_name=config.site_name, site_url=config.site_url, directory_urls=config.use_directory_urls,
                                 macros=project.macros, repo_url=config.repo_url, languages=project.languages)
    if generation.errors:
        raise GenerationRefused(generation.errors)
    register(config, generation)
    return generation


def target_in(folder: Path, path: str) -> Path:
    """Where `path` (POSIX, relative) goes in `folder`; ValueError for a path that would leave it."""
    parts = PurePosixPath(path).parts
    if not parts or PurePosixPath(path).is_absolute() or any(part in ("", ".", "..") or "\\" in part for part in parts):
        raise ValueError(f"not a path inside the output folder: {path!r}")
    return folder.joinpath(*parts)


def write_files(folder: Path, files: Iterable[GeneratedFile]) -> int:
    """Write `files` into `folder` (later files replace earlier ones at the same path); returns how many paths were written."""
    written = set()
    for item in files:
        target = target_in(folder, item.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.read())
        written.add(item.path)
    return len(written)


def generate(generation: Generation, output: Path, *, with_docs: bool = False, workers: int = 1) -> int:
    """Write the generation's files (and, `with_docs`, docs/'s own first) into a new folder that then
    replaces `output` as a whole (`site.build.fill_and_swap`); returns how many files were written.

    The caller checks `output` first (`site.build.output_problem`). Raises `GenerationRefused`
    when the project has errors (nothing is touched), `site.build.Stopped` when stopped.
    """
    if generation.errors:
        raise GenerationRefused(generation.errors)
    files = generation.docs_files() if with_docs else []
    files += generation.files(generation.hand_written_pages(), workers=workers)
    count = 0

    def fill(folder: Path) -> int:
        nonlocal count
        count = write_files(folder, files)
        return 0

    fill_and_swap(output, fill)
    return count

