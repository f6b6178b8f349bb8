"""Where a person fixes a link: the record or Markdown file that produced the page, and the line.

The build writes `du-lieu/nguon-trang.json` (page URL -> source file), which is also published
as open data. The line is where the source names the link's target as a whole URL part; the
n-th link to one target on a page is placed at the n-th place its target is named.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from minhbach.site.links.fragment import decoded_form, stored_form
from minhbach.load.files import UnsafeFile, read_limited

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
    """The lines of a source file named by the built site, read only inside the project (see `sourcefiles`).

    In a Markdown page, what cannot write a link (fenced code, HTML comments, code spans) is blanked,
    so that a link is never placed at a line that only shows or mentions it.
    """
    try:
        lines = read_limited(path, MAX_SOURCE_BYTES, within=project).decode("utf-8", errors="replace").splitlines()
    except UnsafeFile:
        return ()
    return tuple(without_code(lines)) if path.suffix == ".md" else tuple(lines)


_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


def without_code(lines: list[str]) -> list[str]:
    """`lines` with fenced code blocks, HTML comments and code spans replaced by spaces (line count kept)."""
    out, fence, in_comment = [], "", False
    for line in lines:
        if fence:
            out.append("")
            if line.strip().startswith(fence):
                fence = ""
            continue
        if not in_comment and (opening := _FENCE.match(line)):
            fence = opening.group(1)
            out.append("")
            continue
        kept, rest = [], line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    break
                rest, in_comment = rest[end + 3:], False
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept.append(rest)
                    break
                kept.append(rest[:start])
                rest, in_comment = rest[start + 4:], True
        out.append(_CODE_SPAN.sub(lambda match: " " * len(match.group(0)), "".join(kept)))
    return out


# A needle counts only as a whole URL part: not inside a longer path, name or word.
_BEFORE = r"(?<![\w.%/-])"
_BEFORE_PART = r"(?<![\w.%-])"
_AFTER = r"(?![\w%-]|\.\w)"


def _needles(target: str) -> list[re.Pattern[str]]:
    """What a source file would contain for a link, best first: the URL itself, its #fragment (as
    written, percent-decoded or percent-encoded), its last path part with and without a .md/.html suffix."""
    address, _, fragment = target.partition("#")
    needles = [_BEFORE + re.escape(target) + _AFTER]
    if fragment:
        forms = [fragment, decoded_form(fragment), stored_form(fragment)]
        needles += [r"#" + re.escape(form) + _AFTER for form in dict.fromkeys(forms)]
    parts = [part for part in unquote(address).split("/") if part not in ("", ".", "..", "index.html")]
    if parts:
        last = posixpath.splitext(parts[-1])[0] if parts[-1].endswith((".html", ".md")) else parts[-1]
        needles += [_BEFORE_PART + re.escape(part) + _AFTER for part in dict.fromkeys([parts[-1], last]) if part]
    return [re.compile(needle) for needle in needles]


def line_of(project: Path, source: str, target: str, occurrence: int = 0) -> int:
    """1-based line in `source` naming `target`, or 0 when no line does.

    `occurrence` counts the earlier links to the same target on the same page (0 for the first):
    the n-th link is placed at the n-th place the best needle is found, or the last such place.
    """
    lines = _lines(project / source, project)
    for needle in _needles(target):
        found = [number for number, line in enumerate(lines, start=1) for _ in needle.finditer(line)]
        if found:
            return found[min(occurrence, len(found) - 1)]
    return 0
