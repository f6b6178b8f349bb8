"""What MkDocs itself reads and copies from the project, held to the rules of `sourcefiles`.

MkDocs collects `docs_dir` and a theme's `custom_dir` by walking them and following every
symbolic link (`os.walk(followlinks=True)`, `jinja2.FileSystemLoader.list_templates`), then reads
the pages and copies every other file into the site. Left alone it would publish a link to
`/proc/self/environ` or `../.git/config`, copy `/dev/zero` until the disk is full, block on a FIFO
and walk a link to `.` without end. Two steps keep it to what `list_files` accepts:

- `refuse_unsafe` (from the plugin's `on_config`, before MkDocs walks anything) stops the build,
  `mkdocs serve` included, when a source folder holds a link out, a link to a folder or a
  special file; the check reports each one with its path;
- `drop_unsafe` (from `on_files`) removes from MkDocs' `Files` every file of those folders that
  the listing does not accept at that moment, and logs an error for it, so a strict build fails.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from minhbach.catalog.docpages import list_docs, shown_path
from minhbach.findings import Finding, format_text
from minhbach.load.files import Listing, folder_outside, list_files

log = get_plugin_logger(__name__)

UNSAFE_CODES = frozenset({"symlink-outside", "symlink-folder", "special-file", "folder-outside"})
"""Findings about entries MkDocs would follow or block on while collecting files, even for a preview."""


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _listings(config: MkDocsConfig) -> list[tuple[Path, Listing]]:
    """(folder, listing) for docs_dir and, if set, the theme's custom_dir; a folder outside the
    project gets an empty listing with the finding that says so."""
    root = _root(config)
    folders = [Path(config.docs_dir)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    found = []
    for index, folder in enumerate(folders):
        if not folder.is_dir():
            continue
        outside = folder_outside(folder, root, shown_path(folder, root))
        if outside is not None:
            found.append((folder, Listing(findings=[outside])))
        elif index == 0:
            found.append((folder, list_docs(folder, display_base=root, include_hidden=True)))
        else:
            found.append((folder, list_files(folder, shown=lambda path: shown_path(path, root), include_hidden=True)))
    return found


def refuse_unsafe(config: MkDocsConfig, findings: list[Finding]) -> list[Finding]:
    """Raise PluginError if the check's `findings`, or the theme's custom_dir, name an entry that
    MkDocs would follow or block on (`UNSAFE_CODES`); return the custom_dir's findings otherwise.

    The check already reports docs/ and data/; custom_dir is checked here and its findings are logged.
    """
    extra: list[Finding] = []
    for folder, listing in _listings(config):
        if folder != Path(config.docs_dir):
            extra += listing.findings
    for finding in extra:
        log.error(format_text([finding]))
    unsafe = [f for f in [*findings, *extra] if f.code in UNSAFE_CODES]
    if unsafe:
        raise PluginError(f"{len(unsafe)} mục trong thư mục nguồn không được đọc (liên kết ra ngoài, liên kết tới thư mục, "
                          "tệp đặc biệt): xóa hoặc thay bằng tệp thật, rồi dựng lại trang.")
    return extra


def drop_unsafe(files: Files, config: MkDocsConfig) -> list[str]:
    """Remove from `files` every file of docs_dir or custom_dir that `list_files` does not accept
    now (hidden files included: MkDocs publishes them when `exclude_docs` says so), and log an
    error for each. Returns the removed files' `src_uri`s."""
    removed = []
    for folder, listing in _listings(config):
        source = os.path.normpath(os.path.abspath(folder))
        accepted = {os.path.normpath(os.path.abspath(path)) for path in listing.files}
        for file in list(files):
            if file.generated_by or file.abs_src_path is None or os.path.normpath(os.path.abspath(file.src_dir or "")) != source:
                continue
            if os.path.normpath(os.path.abspath(file.abs_src_path)) in accepted:
                continue
            files.remove(file)
            removed.append(file.src_uri)
            log.error(f"'{shown_path(Path(file.abs_src_path), _root(config))}' không được đăng: "
                      "tệp không nằm thật trong thư mục nguồn, không phải tệp thông thường hoặc quá lớn (xem kết quả kiểm tra).")
    return removed
