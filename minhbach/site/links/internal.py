"""Internal links: every page, file and #fragment a built page points to must exist."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from minhbach.findings import Finding, error
from minhbach.site.links.crawl import Link, SitePage
from minhbach.site.links.fragment import reaches
from minhbach.site.links.sources import line_of, page_url

_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def is_internal(target: str, site_url: str = "") -> bool:
    """True for a link into the site: a relative or root-absolute URL, or one under `site_url`
    (the site's published address, e.g. "https://example.github.io/minhbach/"; '' when unknown)."""
    if site_url and under_site_url(target, site_url):
        return True
    return not _OTHER_SCHEME.match(target) and not target.startswith("//")


def under_site_url(target: str, site_url: str) -> bool:
    """True when `target` is an absolute URL inside the published site `site_url` (scheme and host
    compared without regard to letter case, the path with it, as URLs do)."""
    if not site_url or not target[:8].lower().startswith(("http://", "https://")):
        return False
    link, site = urlsplit(target), urlsplit(site_url)
    same_host = (link.scheme.lower(), link.netloc.lower()) == (site.scheme.lower(), site.netloc.lower())
    return same_host and (link.path + "/").startswith(base_path(site_url))


def _site_relative(target: str) -> str:
    """An absolute URL as a root-absolute one: "https://x.io/a/b?q#f" -> "/a/b?q#f"."""
    parts = urlsplit(target)
    return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))


def base_path(site_url: str) -> str:
    """The path the site is published under, with slashes at both ends: "https://x.io/minhbach" ->
    "/minhbach/", '' or "https://x.io" -> "/"."""
    path = urlsplit(site_url).path if site_url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


class OutsideSite(ValueError):
    """A root-absolute link that leaves the path the site is published under."""


def resolve(page: str, target: str, *, site_url: str = "", base: str = "") -> tuple[str, str] | None:
    """The built file (relative to the site root) a link on `page` reaches, and its fragment ('' if none).

    Root-absolute paths ("/thu-tuc/") are read against the path of `site_url`, where the site is
    published ("/minhbach/thu-tuc/" on a GitHub Pages project site); links under `site_url` itself
    are read the same way. `base` is the page's `<base href>` ('' when none); None when it sends a
    relative link to another site. Raises OutsideSite for a root-absolute link outside that path.
    A result starting with "../" is outside the site too.
    """
    root = base_path(site_url)
    if site_url and under_site_url(target, site_url):
        target = _site_relative(target)
    if base and not target.startswith("/"):
        if site_url and under_site_url(base, site_url):
            base = _site_relative(base)
        elif not is_internal(base):
            return None
        resolved = resolve(page, base.split("#")[0] or page, site_url=site_url)
        page = resolved[0] if resolved else page
    parts = urlsplit(target)
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        if path + "/" == root:
            path = root
        if not path.startswith(root):
            raise OutsideSite(path)
        joined = posixpath.normpath(path[len(root):] or ".")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined == ".":
        return "index.html", parts.fragment
    if path.endswith(("/", "/.", "/..")) or path in (".", ".."):
        joined = posixpath.join(joined, "index.html")
    return joined, parts.fragment


def check_internal(site: Path, pages: dict[str, SitePage], *, sources: dict[str, str], project: Path,
                   site_url: str = "", documents: Sequence[SitePage] = ()) -> list[Finding]:
    """One finding per broken link, at the source line that wrote it.

    `pages` are the built HTML pages by path; `documents` other files with links (sitemap, feeds,
    calendars; see crawl.read_documents). `site_url` is where the site is published ('' for the
    root of a domain); see `resolve`.
    """
    findings = []
    for page in [*pages.values(), *documents]:
        seen: Counter[str] = Counter()
        for link in page.links:
            if not is_internal(link.target, site_url):
                continue
            occurrence = seen[link.target]
            seen[link.target] += 1
            try:
                resolved = resolve(page.path, link.target, site_url=site_url, base=page.base)
            except OutsideSite:
                problem = f"đường dẫn nằm ngoài địa chỉ gốc của trang ({base_path(site_url)})"
            else:
                if resolved is None:
                    continue
                problem = _problem(site, pages, *resolved)
            if problem:
                findings.append(_finding(link, problem, sources=sources, project=project, occurrence=occurrence))
    return findings


def _problem(site: Path, pages: dict[str, SitePage], target_file: str, fragment: str) -> str:
    target = pages.get(target_file)
    if target is None:
        outside = target_file == ".." or target_file.startswith("../")
        if not outside and (site / target_file).is_file():
            return "" if not fragment else f"không kiểm tra được mục '#{fragment}' trong tệp không phải trang"
        if not outside and (site / target_file).is_dir() and (site / target_file / "index.html").is_file():
            return ""
        return f"không có trang hoặc tệp '{target_file}'"
    if not reaches(fragment, target.ids):
        return f"trang '{target_file}' không có mục '#{fragment}'"
    return ""


def _finding(link: Link, problem: str, *, sources: dict[str, str], project: Path, occurrence: int = 0) -> Finding:
    source = sources.get(page_url(link.page), "")
    message = f"liên kết '{link.target}' trên trang {page_url(link.page)}: {problem}"
    hint = "Sửa đường dẫn hoặc mã được trỏ tới; nếu trang đã đổi địa chỉ, cập nhật mọi nơi trỏ tới nó."
    if not source:
        return error(f"site/{link.page}", link.line, 1 if link.line else 0, "broken-link", message, hint)
    line = line_of(project, source, link.target, occurrence)
    return error(source, line, 1 if line else 0, "broken-link", message, hint)
