"""The MkDocs plugin: load and check the data once per build, then add one page per record.

Only glue lives here; loading, checks and page text are MkDocs-free modules, so the engine can
move to another site generator without rewriting them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from minhbach.catalog import Catalog
from minhbach.findings import Finding, format_text
from minhbach.pages import MERMAID_JS, PageRenderer
from minhbach.project import check_project, today_from_environment

log = get_plugin_logger(__name__)
STYLESHEET = "assets/minhbach/minhbach.css"


class MinhbachConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of the records, relative to mkdocs.yml."""


class MinhbachPlugin(BasePlugin[MinhbachConfig]):
    """Checks the records and generates their pages; exposes the catalog to the macros module."""

    command = "build"

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.findings: list[Finding] = []
        self.renderer: PageRenderer | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        MinhbachPlugin.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        today = today_from_environment()
        self.catalog, self.findings = check_project(root / self.config.data_dir, Path(config.docs_dir), today, display_base=root)
        for finding in self.findings:
            level = logging.ERROR if finding.is_error else logging.INFO
            log.log(level, format_text([finding]))
        errors = [f for f in self.findings if f.is_error]
        if errors and MinhbachPlugin.command != "serve":
            raise PluginError(f"{len(errors)} lỗi dữ liệu (data errors): sửa các lỗi ở trên rồi dựng lại trang.")
        self.renderer = PageRenderer(self.catalog, directory_urls=config.use_directory_urls)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        for page in self.renderer.pages():
            generated = File.generated(config, page.path, content=page.markdown)
            if page.source:
                generated.edit_uri = f"../{page.source}"
            files.append(generated)
        assets = Path(__file__).parent / "assets"
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(assets / "minhbach.css")))
        files.append(File.generated(config, MERMAID_JS, abs_src_path=str(assets / "vendor" / "mermaid.min.js")))
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        return server
