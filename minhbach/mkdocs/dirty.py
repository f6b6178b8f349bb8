"""What `mkdocs serve --dirty` keeps from one rebuild to the next, so that an edit rebuilds only the pages it changes.

MkDocs' dirty build (`build(config, dirty=True)`, MkDocs 1.6 `mkdocs/commands/build.py`) neither converts nor
renders a page whose `File.is_modified()` is False: a file backed by a file on disk (`abs_src_path`) that is
older than its built output (`abs_dest_path`). A file given as bytes (`content`) is always modified. Under a
dirty `mkdocs serve`, the engine writes the files it generates into a folder of its own (`Kept.folder`),
rewriting a file only when its bytes change, and hands MkDocs those files: a generated page whose Markdown
did not change keeps the HTML built before, as a full build would write it again.

A page's HTML depends on more than its Markdown: the navigation Material draws on every page, the number of
errors in the preview banner, the files Markdown links are resolved against, the pages each language has
and the configuration. They make the build's `site_key`; when it differs from the previous build's, the site
folder is emptied and every page is built again (`start`). Hand-written pages are built every time (their
macros may show any record), and so are the pages in the navigation (their titles are drawn on every page).
The search documents of the pages not built again are kept from the build before.

MkDocs reads the configuration again for each rebuild (`get_config` in `mkdocs/commands/serve.py`) and keeps
the plugin's instance (as it does for any plugin with `on_startup`, MkDocs 1.6 `config_options.Plugins`) for
every build of the process, whatever the site; so what is kept lives here, by configuration file and site
folder, and never reaches another site built in the same process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory, get_markdown_title, meta

from minhbach.site.generate import Generation, target_in
from minhbach.site.search import SearchDocuments


@dataclass(eq=False)
class Kept:
    """What one served site keeps between rebuilds.

    `folder` holds the generated files as last written, `digests` their BLAKE2 digest (with the file a person
    edits) by path relative to docs_dir; `generation` made them (`kept_file` gives them back by path);
    `site_key` is the previous build's (`site_key`), `search` its search documents (None before the first
    build and after a full one started).
    """

    folder: Path
    digests: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # the kept file of each path of `digests`
    generation: Generation | None = None
    site_key: bytes | None = None
    search: SearchDocuments | None = None

    def kept_file(self, path: str) -> Path | None:
        """The kept file of the generated file at `path`, None when none is kept."""
        return self.files.get(path)

    def file(self, config: MkDocsConfig, path: str, content: bytes, *, edit_source: str = "", **options: object) -> File:
        """A generated file of MkDocs at `path` backed by `folder`: rewritten, and so modified for a dirty build,
        only when `content` or `edit_source` changed since the previous build. `options` go to `File.generated`."""
        digest = hashlib.blake2b(content + b"\0" + edit_source.encode("utf-8"), digest_size=16).digest()
        target = target_in(self.folder, path)
        if self.digests.get(path) != digest or not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            self.digests[path] = digest
            self.files[path] = target
        return File.generated(config, path, abs_src_path=str(target), **options)

    def forget_others(self, paths: Iterable[str]) -> None:
        """Delete the kept files not at `paths` (those of records gone or now blocked by errors)."""
        keep = set(paths)
        for path in [path for path in self.digests if path not in keep]:
            del self.digests[path]
            self.files.pop(path).unlink(missing_ok=True)


_kept: dict[tuple[str, str], Kept] = {}
EVERY_PAGE = "dựng lại mọi trang (every page is built again: first build, or the navigation, configuration, files or errors changed)"


def kept_for(config: MkDocsConfig) -> Kept:
    """The `Kept` of the site `config` serves (by its configuration file and site folder), made on first use."""
    key = (os.path.abspath(config.config_file_path or ""), os.path.abspath(config.site_dir))
    if key not in _kept:
        _kept[key] = Kept(Path(tempfile.mkdtemp(prefix="minhbach-serve-")))
    return _kept[key]


def discard_all() -> None:
    """Delete every kept folder (when `mkdocs serve` stops)."""
    for kept in _kept.values():
        shutil.rmtree(kept.folder, ignore_errors=True)
    _kept.clear()


def _nav_key(items: Iterable[Page | Section | Link], titles: dict[str, str]) -> list[object]:
    found: list[object] = []
    for item in items:
        if isinstance(item, Section):
            found.append(("section", item.title, _nav_key(item.children, titles)))
        elif isinstance(item, Page):
            found.append(("page", item.url, item.title, titles.get(item.file.src_uri, "")))
        else:
            found.append(("link", item.title, item.url))
    return found


def markdown_title(markdown: str) -> str:
    """The title MkDocs would read from a page's Markdown: its front matter's `title`, else its first
    heading (`mkdocs.utils.meta.get_data`, `get_markdown_title`), as text; "" when it has neither."""
    body, data = meta.get_data(markdown)
    title = data.get("title") if isinstance(data, dict) else None
    return str(title) if title is not None else get_markdown_title(body) or ""


def site_key(*, files: Files, nav: Navigation, config_text: str, generated_titles: dict[str, str], others: Iterable[object]) -> bytes:
    """What every page of the site shows besides its own Markdown, as a digest.

    `files`: MkDocs' files (links are resolved against their set); `nav`: the navigation before any page is
    read, with `generated_titles`, the title of each generated page in it (`markdown_title`), by src_uri;
    hand-written pages stand for their title by their size and time of change. `config_text`: the
    configuration as read (`options.read_config`); `others`: whatever else the plugin draws on every page
    (the preview banner, the languages' pages), each with a stable `repr`.
    """
    titles = dict(generated_titles)
    for page in nav.pages:
        if page.file.src_uri not in titles and page.file.abs_src_path:
            try:
                stat = os.stat(page.file.abs_src_path)
                titles[page.file.src_uri] = f"{stat.st_mtime_ns}:{stat.st_size}"
            except OSError:
                titles[page.file.src_uri] = ""
    parts = [config_text, repr(_nav_key(nav.items, titles)), repr(sorted(file.src_uri for file in files)), *map(repr, others)]
    return hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=16).digest()


def start(kept: Kept, key: bytes, *, config: MkDocsConfig, files: Files, nav: Navigation, generated: Iterable[str]) -> bool:
    """Prepare the site folder for this dirty build, before MkDocs reads any page; returns whether it is a full build.

    With a `key` other than the previous build's, the site folder is emptied (every page is then modified)
    and the search documents start again; otherwise the built pages of hand-written files and of the
    navigation are deleted so that MkDocs builds them again. `generated` are the src_uris of generated pages.
    """
    full = key != kept.site_key
    kept.site_key = key
    if full:
        clean_directory(config.site_dir)
        kept.search = None
        return True
    generated = set(generated)
    again = {page.file.src_uri for page in nav.pages}
    for file in files.documentation_pages():
        if file.src_uri in again or file.src_uri not in generated:
            Path(file.abs_dest_path).unlink(missing_ok=True)
    return False
