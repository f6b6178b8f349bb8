"""Internal links: every page, file and #fragment a built page points to must exist."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from minhbach.findings import Finding, error
from minhbach.links.crawl import Link, SitePage
from minhbach.links.sources import line_of, page_url

_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def is_internal(target: str) -> bool:
    return not _OTHER_SCHEME.match(target) and not target.startswith("//")


def resolve(page: str, target: str) -> tuple[str, str]:
    """The built file a link on `page` reaches, and its fragment ('' if none)."""
    parts = urlsplit(target)
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or joined in (".", ""):
        joined = posixpath.join(joined, "index.html") if joined not in (".", "") else "index.html"
    return joined, parts.fragment


def check_internal(site: Path, pages: dict[str, SitePage], *, sources: dict[str, str], project: Path) -> list[Finding]:
    """One finding per broken link, at the source line that wrote it."""
    findings = []
    for page in pages.values():
        for link in page.links:
            if not is_internal(link.target) or link.tag == "a" and link.target.startswith("javascript:"):
                continue
            target_file, fragment = resolve(page.path, link.target)
            problem = _problem(site, pages, target_file, fragment)
            if problem:
                findings.append(_finding(link, problem, sources=sources, project=project))
    return findings


def _problem(site: Path, pages: dict[str, SitePage], target_file: str, fragment: str) -> str:
    target = pages.get(target_file)
    if target is None:
        if not target_file.startswith("..") and (site / target_file).is_file():
            return "" if not fragment else f"không kiểm tra được mục '#{fragment}' trong tệp không phải trang"
        if (site / target_file).is_dir() and (site / target_file / "index.html").is_file():
            return ""
        return f"không có trang hoặc tệp '{target_file}'"
    if fragment and fragment not in target.ids:
        return f"trang '{target_file}' không có mục '#{fragment}'"
    return ""


def _finding(link: Link, problem: str, *, sources: dict[str, str], project: Path) -> Finding:
    source = sources.get(page_url(link.page), "")
    message = f"liên kết '{link.target}' trên trang {page_url(link.page)}: {problem}"
    hint = "Sửa đường dẫn hoặc mã được trỏ tới; nếu trang đã đổi địa chỉ, cập nhật mọi nơi trỏ tới nó."
    if not source:
        return error(f"site/{link.page}", 0, 0, "broken-link", message, hint)
    line = line_of(project, source, link.target)
    return error(source, line, 1 if line else 0, "broken-link", message, hint)
