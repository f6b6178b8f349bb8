"""One project on disk: where its data and docs live, and checking it as a whole.

Shared by the command line and the MkDocs plugin so both report exactly the same findings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minhbach.catalog import Catalog, load_catalog
from minhbach.checks import CheckContext, run_checks
from minhbach.catalog.docpages import list_docs, load_pages, shown_path
from minhbach.findings import Finding, sorted_findings
from minhbach.catalog.review import ReviewPolicy
from minhbach.settings.defaults import DEFAULTS
from minhbach.settings.calendar import WorkCalendar
from minhbach.settings.languages import translatable_languages
from minhbach.catalog.macros import MacrosConfig, load_site_macros
from minhbach.load import collector
from minhbach.load.files import Listing, UnsafeFile, folder_outside, read_limited
from minhbach.load.synonyms import SYNONYMS_FILE, read_synonyms
from minhbach.site.parallel import available_cores


def docs_files(docs_dir: Path, *, display_base: Path | None = None) -> frozenset[str]:
    """Every file under docs/ that may be published (see `docpages.list_docs`), as a POSIX path relative to it."""
    if not docs_dir.is_dir():
        return frozenset()
    listing = list_docs(docs_dir, display_base=display_base or docs_dir.parent)
    return frozenset(path.relative_to(docs_dir).as_posix() for path in listing.files)


MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".svg")
"""Files under docs/ that a browser runs as a page when opened: checked like the HTML of a page."""
MAX_MARKUP_BYTES = 2 * 1024 * 1024


def read_markup_files(files: list[Path], docs_dir: Path, *, display_base: Path) -> tuple[tuple[tuple[str, str], ...], list[Finding]]:
    """(path as shown, text) of every HTML and SVG file among `files`, read inside `docs_dir` with a size bound."""
    found, findings = [], []
    for path in files:
        if path.suffix.lower() not in MARKUP_SUFFIXES:
            continue
        shown = shown_path(path, display_base)
        try:
            found.append((shown, read_limited(path, MAX_MARKUP_BYTES, within=docs_dir).decode("utf-8", errors="replace")))
        except UnsafeFile as problem:
            findings.append(problem.finding(shown))
    return tuple(found), findings


def check_project(
    data_dir: Path,
    docs_dir: Path,
    today: dt.date,
    *,
    display_base: Path | None = None,
    publication_lag_days: int = DEFAULTS.publication_lag_days,
    review_policy: ReviewPolicy | None = None,
    calendar: WorkCalendar | None = None,
    cache_dir: Path | None = None,
    macros: MacrosConfig | None = None,
    root: Path | None = None,
    languages: tuple[str, ...] | None = None,
) -> tuple[Catalog, list[Finding]]:
    """Load every record and hand-written page, and run every check.

    `today` is the site's date (`Settings.today`); `calendar` says which days are working days (Vietnam's
    public holidays and weekends when None). `cache_dir` keeps what was read from files that have not
    changed since (see `recordcache`).
    `macros` is the macros plugin's configuration (None: the site has no macros plugin, no page renders macros).
    `root` is the project's folder (default: `display_base`, else the working folder): a data or
    docs folder outside it is not read, and nothing is read or published through a link out of
    its folder (see `sourcefiles`); the search box's synonyms are read from it (`load.synonyms`).
    `languages` are those the site is translated into (`ProjectSettings.languages`); None: every
    language the engine has (`settings.languages.translatable_languages`).

    The cycle collector waits meanwhile (`load.collector`): the catalogue and the findings are hundreds
    of thousands of objects kept to the end, and its passes over them found nothing and took a third
    of a check of 12,000 records.
    """
    with collector.paused():
        return _check_project(data_dir, docs_dir, today, display_base=display_base, publication_lag_days=publication_lag_days,
                              review_policy=review_policy, calendar=calendar, cache_dir=cache_dir, macros=macros, root=root,
                              languages=translatable_languages() if languages is None else languages)


def _check_project(data_dir: Path, docs_dir: Path, today: dt.date, *, display_base: Path | None, publication_lag_days: int,
                   review_policy: ReviewPolicy | None, calendar: WorkCalendar | None, cache_dir: Path | None,
                   macros: MacrosConfig | None, root: Path | None, languages: tuple[str, ...]) -> tuple[Catalog, list[Finding]]:
    base = display_base or Path.cwd()
    root = root or base
    catalog, findings = load_catalog(data_dir, display_base=base, cache_dir=cache_dir, root=root, languages=languages)
    listing = Listing()
    if docs_dir.is_dir():
        outside = folder_outside(docs_dir, root, shown_path(docs_dir, base))
        listing = Listing(findings=[outside]) if outside is not None else list_docs(docs_dir, display_base=base)
    pages, page_findings = load_pages(docs_dir, display_base=base, files=listing.files)
    files = frozenset(path.relative_to(docs_dir).as_posix() for path in listing.files)
    markup, markup_findings = read_markup_files(listing.files, docs_dir, display_base=base)
    findings += markup_findings
    site_macros = None
    if macros is not None:
        site_macros, macro_findings = load_site_macros(macros, display_base=base)
        findings += macro_findings
    context = CheckContext(today=today, docs_files=files, publication_lag_days=publication_lag_days,
                           review_policy=review_policy or ReviewPolicy(), calendar=calendar or WorkCalendar(), pages=tuple(pages),
                           markup_files=markup, macros=site_macros, languages=languages)
    findings += listing.findings + page_findings + run_checks(catalog, context, workers=available_cores())
    findings += read_synonyms(root, shown=shown_path(root / SYNONYMS_FILE, base))[1]
    return catalog, sorted_findings(findings)
