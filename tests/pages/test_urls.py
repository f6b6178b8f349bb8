"""MkDocs' URL rules, as `pages.urls` writes them without MkDocs, against MkDocs' own `File` (1.6)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from mkdocs.structure.files import File

from minhbach.pages import urls

DOCS_FILES = [
    "index.md", "a.md", "a.b.md", "thu-tuc/index.md", "thu-tuc/hop-phap-hoa.md", "thong-bao/luu-tru/2026.md", "a/b/c.md",
    "a/b/index.md", "v1.2/a.md", "thu-tuc/tờ-khai.md", "a b/c d.md",
    # MkDocs builds README.md as its folder's index (and skips it when the folder also has an index.md).
    "README.md", "a/README.md", "a/README.markdown", "a/readme.md",
    # Every Markdown suffix MkDocs knows; the name is case-sensitive.
    "notes.markdown", "x.mdown", "y.mkdn", "z.mkd", "a/INDEX.md", "a/Index.md", "a/b.MD",
    # Other files keep their path; an index.html copied from docs/ is linked as its folder with directory URLs.
    "forms/to-khai.docx", "a/index.html", "index.html", "thong-bao/feed.xml", "du-lieu/thu-tuc.csv", "index.md.txt", "README",
    "assets/minhbach/mermaid.min.js",
]


def _file(path: str, use_directory_urls: bool) -> File:
    return File(path, src_dir=None, dest_dir="/site", use_directory_urls=use_directory_urls)


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_built_file_and_url_are_mkdocs_own(use_directory_urls: bool):
    for path in DOCS_FILES:
        file = _file(path, use_directory_urls)
        assert urls.is_page(path) == file.is_documentation_page(), path
        assert urls.dest_uri(path, use_directory_urls=use_directory_urls) == file.dest_uri, path
        assert urls.url(path, use_directory_urls=use_directory_urls) == unquote(file.url), path


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_links_from_every_page_to_every_file_are_mkdocs_own(use_directory_urls: bool):
    files = {path: _file(path, use_directory_urls) for path in DOCS_FILES}
    for page in filter(urls.is_page, DOCS_FILES):
        for target, file in files.items():
            expected = unquote(file.url_relative_to(files[page]))
            assert urls.href(target, page, use_directory_urls=use_directory_urls) == expected, (target, page)


def test_urls_of_the_site_pages():
    assert urls.url("index.md", use_directory_urls=True) == "./"
    assert urls.url("thu-tuc/hop-phap-hoa.md", use_directory_urls=True) == "thu-tuc/hop-phap-hoa/"
    assert urls.url("thu-tuc/hop-phap-hoa.md", use_directory_urls=False) == "thu-tuc/hop-phap-hoa.html"
    assert urls.href("thu-tuc/hop-phap-hoa.md", "van-ban/nd-111-2011.md", use_directory_urls=True) == "../../thu-tuc/hop-phap-hoa/"
    assert urls.href("thu-tuc/README.md", "index.md", use_directory_urls=True) == "thu-tuc/"
