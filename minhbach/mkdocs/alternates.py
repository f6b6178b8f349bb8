"""Each page's addresses in the site's other languages: for the language selector and `hreflang`.

Every language publishes the same records and generated pages at the same paths under its folder
("thu-tuc/abc/" at /thu-tuc/abc/, /en/thu-tuc/abc/, /zh/thu-tuc/abc/), and a hand-written page that a
language has not translated is published there from the Vietnamese (`fallback`). So the same page in
another language is the same path under that language's folder, computed at build time: the selector
works without JavaScript, and stays on the record in every direction. A hand-written page that exists
in one translated site only (none of the Vietnamese) has no counterpart elsewhere: its links lead to
the other languages' home pages. A generated page that only the source language's site has (a
procedure's notice sheet, `pages.notice.published_in`) names a page that stands for it in the others
(the procedure's page).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from minhbach.mkdocs.languages import Language


@dataclass(frozen=True)
class Alternate:
    """The page in one language: `href` relative to the page being built, or absolute (from `site_url`)."""

    language: Language
    href: str
    current: bool


def _page_dir(path: str) -> str:
    """The folder a page's relative links start from: "thu-tuc/abc/" -> "thu-tuc/abc", "404.html" -> ""."""
    return path.rstrip("/") if path.endswith("/") or not path else posixpath.dirname(path)


def alternates(url: str, src_uri: str | None, *, language: Language, languages: Sequence[Language],
               pages: dict[str, Collection[str]], site_url: str | None = None,
               stand_ins: Mapping[str, str] | None = None) -> list[Alternate]:
    """The page at `url` (MkDocs' `page.url`, "thu-tuc/abc/", "" for the home page) of the build of
    `language`, in each of `languages`. `src_uri` is the page's file under docs_dir (None for the
    404 page, which is served at any address: its links lead to each language's home from the root), `pages` the hand-written files each language publishes by code (a
    generated page, not among them, is published by every language). With `site_url` (the site root,
    that of the source language) the links are absolute, as search engines ask of `hreflang`;
    otherwise relative to the page. `stand_ins` maps a generated page that only the source language
    publishes (`src_uri`) to the URL of the page that stands for it in the other languages ("thu-tuc/abc/").
    """
    generated = src_uri is not None and not any(src_uri in files for files in pages.values())
    here = language.prefix + url
    result = []
    stand_in = (stand_ins or {}).get(src_uri) if src_uri is not None else None
    for other in languages:
        exists = generated or src_uri in pages.get(other.code, ())
        target = other.prefix + (url if exists else "")
        if stand_in is not None and other.folder:
            target = other.prefix + stand_in
        if site_url:
            href = site_url.rstrip("/") + "/" + target
        elif src_uri is None:  # the 404 page, served at any address: the other languages' homes from the site root
            href = "/" + target
        else:
            href = posixpath.relpath(target or ".", _page_dir(here) or ".")
            href = "./" if href == "." else href + ("/" if target.endswith("/") or not target else "")
        result.append(Alternate(other, href, other.code == language.code))
    return result


_MATERIAL_LANGUAGE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_language_links(head: str) -> Markup:
    """Material's `site_meta` block without the `<link rel="alternate" hreflang>` it writes from
    `extra.alternate` (each language's home, on every page; Material 9.8.2 base.html): the page's own
    alternates replace them (theme/main.html)."""
    return Markup(_MATERIAL_LANGUAGE_LINK.sub("", str(head)))
