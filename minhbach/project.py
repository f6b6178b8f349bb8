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
from minhbach.docpages import list_docs, load_pages, shown_path
from minhbach.findings import Finding, sorted_findings
from minhbach.freshness import ReviewPolicy
from minhbach.sourcefiles import Listing, UnsafeFile, folder_outside, read_limited


def today_from_environment() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def docs_files(docs_dir: Path, *, display_base: Path | None = None) -> frozenset[str]:
    """Every file under docs/ that may be published (see `docpages.list_docs`), as a POSIX path relative to it."""
    if not docs_dir.is_dir():
        return frozenset()
    listing = list_docs(docs_dir, display_base=display_base or docs_dir.parent)
    return frozenset(path.relative_to(docs_dir).as_posix() for path in listing.files)


def check_project(
    data_dir: Path,
    docs_dir: Path,
    today: dt.date,
    *,
    display_base: Path | None = None,
    publication_lag_days: int = 3,
    review_policy: ReviewPolicy | None = None,
    cache_dir: Path | None = None,
    root: Path | None = None,
) -> tuple[Catalog, list[Finding]]:
    """Load every record and hand-written page, and run every check.

    `cache_dir` keeps what was read from files that have not changed since (see `recordcache`).
    `root` is the project's folder (default: `display_base`, else the working folder): a data or
    docs folder outside it is not read, and nothing is read or published through a link out of
    its folder (see `sourcefiles`).
    """
    base = display_base or Path.cwd()
    root = root or base
    catalog, findings = load_catalog(data_dir, display_base=base, cache_dir=cache_dir, root=root)
    listing = Listing()
    if docs_dir.is_dir():
        outside = folder_outside(docs_dir, root, shown_path(docs_dir, base))
        listing = Listing(findings=[outside]) if outside is not None else list_docs(docs_dir, display_base=base)
    pages, page_findings = load_pages(docs_dir, display_base=base, files=listing.files)
    files = frozenset(path.relative_to(docs_dir).as_posix() for path in listing.files)
    context = CheckContext(today=today, docs_files=files, publication_lag_days=publication_lag_days,
                           review_policy=review_policy or ReviewPolicy(), pages=tuple(pages))
    findings += listing.findings + page_findings + run_checks(catalog, context)
    return catalog, sorted_findings(findings)


@dataclass(frozen=True)
class ProjectSettings:
    """The minhbach plugin's options in mkdocs.yml, so the command line checks what the build checks."""

    data_dir: str = "data"
    docs_dir: str = "docs"
    publication_lag_days: int = 3
    review_periods: dict[str, str] = field(default_factory=dict)

    @property
    def review_policy(self) -> ReviewPolicy:
        return ReviewPolicy(dict(self.review_periods))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running it: `!ENV` and `!!python/name` tags become plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


MAX_CONFIG_BYTES = 1024 * 1024


def _config_text(config_file: Path) -> str:
    """mkdocs.yml's text: a regular file, size-checked (see `sourcefiles.read_limited`); raises UnsafeFile or UnicodeDecodeError."""
    return read_limited(config_file, MAX_CONFIG_BYTES).decode("utf-8")


def read_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data, without running it (`!ENV`, `!!python/name` become None); {} when unreadable."""
    try:
        config = yaml.load(_config_text(config_file), Loader=_TolerantLoader)  # noqa: S506 - a safe loader subclass
    except (UnsafeFile, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def read_settings(config_file: Path) -> ProjectSettings:
    """Settings from mkdocs.yml; defaults when the file or the plugin entry is missing."""
    config = read_config(config_file)
    if not config:
        return ProjectSettings()
    options: dict = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("minhbach"), dict):
            options = plugin["minhbach"]
    return ProjectSettings(
        data_dir=str(options.get("data_dir", "data")),
        docs_dir=str(config.get("docs_dir", "docs")),
        publication_lag_days=int(options.get("publication_lag_days", 3)),
        review_periods={str(k): str(v) for k, v in (options.get("review_periods") or {}).items()},
    )


def read_site_name(config_file: Path) -> str:
    return str(read_config(config_file).get("site_name", ""))
