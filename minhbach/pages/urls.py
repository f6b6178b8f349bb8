"""Where MkDocs publishes a docs file and the URL it gives it, without importing MkDocs.

The rules of MkDocs 1.6's `mkdocs.structure.files.File` (`dest_uri`, `url`, `url_relative_to`):

- a page is a file with one of MkDocs' Markdown suffixes; any other file keeps its path;
- with directory URLs (`use_directory_urls: true`, the default) `a/b.md` is built as
  `a/b/index.html` and linked as `a/b/`; without them it is `a/b.html`;
- `index.md` and `README.md` are their folder's `index.html`, linked as the folder (`a/`, or `./`
  for the home page) with directory URLs.

Generated pages write links in raw HTML, which MkDocs does not rewrite, so they must be the links
MkDocs would write; `tests/pages/test_urls.py` compares these functions with MkDocs' own. Paths
are returned as they are: MkDocs percent-encodes its URLs, browsers do the same with ours.
"""

from __future__ import annotations

import posixpath

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
"""The file names MkDocs builds as pages (`mkdocs.utils.markdown_extensions`)."""


def is_page(docs_path: str) -> bool:
    """Whether MkDocs builds `docs_path` (relative to docs/) as a page."""
    return docs_path.endswith(MARKDOWN_SUFFIXES)


def dest_uri(docs_path: str, *, use_directory_urls: bool) -> str:
    """The built file of `docs_path`, relative to the site ("thu-tuc/a.md" -> "thu-tuc/a/index.html")."""
    if not is_page(docs_path):
        return docs_path
    parent, filename = posixpath.split(docs_path)
    stem = posixpath.splitext(filename)[0]
    name = "index" if stem == "README" else stem
    if not use_directory_urls or name == "index":
        return posixpath.join(parent, f"{name}.html")
    return posixpath.join(parent, name, "index.html")


def url(docs_path: str, *, use_directory_urls: bool) -> str:
    """The URL of `docs_path` from the site root: "thu-tuc/a/", "./" for the home page with
    directory URLs; "thu-tuc/a.html", "index.html" without."""
    built = dest_uri(docs_path, use_directory_urls=use_directory_urls)
    folder, filename = posixpath.split(built)
    if use_directory_urls and filename == "index.html":
        return f"{folder or '.'}/"
    return built


def href(target: str, page: str, *, use_directory_urls: bool) -> str:
    """The link from the built page of `page` to the docs file `target` (both relative to docs/),
    as MkDocs writes it for a Markdown link: "../../forms/x.docx", "../b/", "./" for the page itself."""
    folder = posixpath.dirname(dest_uri(page, use_directory_urls=use_directory_urls)) or "."
    link = posixpath.relpath(dest_uri(target, use_directory_urls=use_directory_urls), folder)
    if url(target, use_directory_urls=use_directory_urls).endswith("/"):
        link = link.removesuffix("index.html") or "./"
    return link
