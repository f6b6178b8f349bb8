"""Where a person fixes a link: the record or Markdown file that produced the page, and the line.

The build writes `du-lieu/nguon-trang.json` (page URL -> source file), which is also published
as open data. The line is the first line of the source that names the link's target.
"""

from __future__ import annotations

import json
import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from minhbach.sourcefiles import UnsafeFile, read_limited

SOURCES_FILE = "du-lieu/nguon-trang.json"


def page_url(built_file: str) -> str:
    """'thu-tuc/x/index.html' -> 'thu-tuc/x/', 'index.html' -> './' (MkDocs' page URLs, the sources file's keys)."""
    return built_file.removesuffix("index.html") or "./"


def load_sources(site: Path) -> dict[str, str]:
    try:
        data = json.loads((site / SOURCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}


MAX_SOURCE_BYTES = 2 * 1024 * 1024
"""Records and pages are smaller (see `source.MAX_FILE_BYTES`, `docpages.MAX_PAGE_BYTES`)."""


@cache
def _lines(path: Path, project: Path) -> tuple[str, ...]:
    """The lines of a source file named by the built site, read only inside the project (see `sourcefiles`)."""
    try:
        return tuple(read_limited(path, MAX_SOURCE_BYTES, within=project).decode("utf-8", errors="replace").splitlines())
    except UnsafeFile:
        return ()


def _needles(target: str) -> list[str]:
    """What a source file would contain for a link: the URL itself, its fragment, its last path part."""
    address, _, fragment = target.partition("#")
    needles = [target]
    if fragment:
        needles.append(fragment)
    parts = [part for part in unquote(address).split("/") if part not in ("", ".", "..", "index.html")]
    if parts:
        last = posixpath.splitext(parts[-1])[0] if parts[-1].endswith((".html", ".md")) else parts[-1]
        needles += [parts[-1], last]
    return [needle for needle in needles if needle]


def line_of(project: Path, source: str, target: str) -> int:
    """1-based line in `source` naming `target`, or 0 when no line does."""
    lines = _lines(project / source, project)
    for needle in _needles(target):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 0
