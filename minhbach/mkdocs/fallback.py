"""A translated site publishes the source language's files it has no copy of.

The English and Chinese sites are built from their own docs_dir (docs-en/, docs-zh/), which holds
only the pages translated so far. Every other file of the Vietnamese docs/ (a page not yet
translated, a form a record points to) is added to the build from docs/ itself, under the same
path, so that every language has the same pages and the same addresses. The pages added so are
named by `add_source_files`, for the not-translated notice. The editors' guide is the exception
(`SOURCE_ONLY`): it goes with the web editor, which only the source language's site has.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from minhbach.catalog.docpages import list_docs
from minhbach.exports import admin
from minhbach.mkdocs.languages import Language

SOURCE_ONLY = frozenset({admin.EDITOR_GUIDE})
"""Pages of the source's docs_dir that a translated site does not publish from it (see `exports.admin.published_in`)."""


def add_source_files(files: Files, config: MkDocsConfig, source_docs: Path) -> set[str]:
    """Add to `files` every file of `source_docs` (read as `docpages.list_docs` allows: no link out,
    no special file, size bounds) whose path the build does not have yet, but `SOURCE_ONLY`; returns
    the `src_uri` of the pages (Markdown) among them."""
    have = {file.src_uri for file in files}
    added: set[str] = set()
    root = Path(config.config_file_path).parent
    for path in list_docs(source_docs, display_base=root).files:
        uri = path.relative_to(source_docs).as_posix()
        if uri in have or uri in SOURCE_ONLY:
            continue
        file = File(uri, src_dir=str(source_docs), dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        files.append(file)
        if file.is_documentation_page():
            added.add(uri)
    return added


def published_pages(languages: Sequence[Language], *, root: Path) -> dict[str, set[str]]:
    """The hand-written pages (Markdown under docs_dir, as `list_docs` reads it) each language publishes,
    by language code: its own and, for a translated language, every page of the source's docs_dir but `SOURCE_ONLY`."""
    from minhbach.mkdocs.options import read_config

    def pages_of(language: Language) -> set[str]:
        docs = (language.config_file.parent / (read_config(language.config_file).get("docs_dir") or "docs")).resolve()
        return {path.relative_to(docs).as_posix() for path in list_docs(docs, display_base=root).files if path.suffix == ".md"}

    source = pages_of(languages[0])
    return {language.code: pages_of(language) | (source - SOURCE_ONLY if language.folder else set()) for language in languages}
