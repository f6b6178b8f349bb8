"""One project on disk: where its data and docs live, and checking it as a whole.

Shared by the command line and the MkDocs plugin so both report exactly the same findings.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from minhbach.catalog import Catalog, load_catalog
from minhbach.checks import CheckContext, run_checks
from minhbach.docpages import load_pages
from minhbach.findings import Finding, sorted_findings
from minhbach.freshness import ReviewPolicy
from minhbach.sitemacros import MacrosConfig, load_site_macros


def today_from_environment() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def docs_files(docs_dir: Path) -> frozenset[str]:
    """Every file under docs/, as a POSIX path relative to it."""
    if not docs_dir.is_dir():
        return frozenset()
    return frozenset(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file())


def check_project(
    data_dir: Path,
    docs_dir: Path,
    today: dt.date,
    *,
    display_base: Path | None = None,
    publication_lag_days: int = 3,
    review_policy: ReviewPolicy | None = None,
    cache_dir: Path | None = None,
    macros: MacrosConfig | None = None,
) -> tuple[Catalog, list[Finding]]:
    """Load every record and hand-written page, and run every check.

    `cache_dir` keeps what was read from files that have not changed since (see `recordcache`).
    `macros` is the macros plugin's configuration (None: the site has no macros plugin, no page renders macros).
    """
    base = display_base or Path.cwd()
    catalog, findings = load_catalog(data_dir, display_base=base, cache_dir=cache_dir)
    pages, page_findings = load_pages(docs_dir, display_base=base)
    site_macros = None
    if macros is not None:
        site_macros, macro_findings = load_site_macros(macros, display_base=base)
        findings += macro_findings
    context = CheckContext(today=today, docs_files=docs_files(docs_dir), publication_lag_days=publication_lag_days,
                           review_policy=review_policy or ReviewPolicy(), pages=tuple(pages), macros=site_macros)
    findings += page_findings + run_checks(catalog, context)
    return catalog, sorted_findings(findings)


@dataclass(frozen=True)
class ProjectSettings:
    """The minhbach plugin's options in mkdocs.yml, so the command line checks what the build checks."""

    data_dir: str = "data"
    docs_dir: str = "docs"
    publication_lag_days: int = 3
    review_periods: dict[str, str] = field(default_factory=dict)
    macros: MacrosConfig | None = None
    """The macros plugin's options (module resolved against mkdocs.yml's folder); None without the plugin."""

    @property
    def review_policy(self) -> ReviewPolicy:
        return ReviewPolicy(dict(self.review_periods))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running it: `!ENV` and `!!python/name` tags become plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> ProjectSettings:
    """Settings from mkdocs.yml; defaults when the file or the plugin entry is missing."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 - a safe loader subclass
    except (OSError, yaml.YAMLError):
        return ProjectSettings()
    if not isinstance(config, dict):
        return ProjectSettings()
    options: dict = {}
    macros = None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("minhbach"), dict):
            options = plugin["minhbach"]
        if plugin == "macros" or (isinstance(plugin, dict) and "macros" in plugin):
            macro_options = plugin.get("macros") if isinstance(plugin, dict) else None
            macros = MacrosConfig.from_options(macro_options if isinstance(macro_options, dict) else {}, config_file.parent)
    return ProjectSettings(
        data_dir=str(options.get("data_dir", "data")),
        docs_dir=str(config.get("docs_dir", "docs")),
        publication_lag_days=int(options.get("publication_lag_days", 3)),
        review_periods={str(k): str(v) for k, v in (options.get("review_periods") or {}).items()},
        macros=macros,
    )


def read_site_name(config_file: Path) -> str:
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 - a safe loader subclass
    except (OSError, yaml.YAMLError):
        return ""
    return str(config.get("site_name", "")) if isinstance(config, dict) else ""
