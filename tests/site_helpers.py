"""Helpers for tests that run real MkDocs builds."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
from markdown.extensions import Extension
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.conftest import VALID_FILES, write_project

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
# Theme, Markdown extensions, validation and `extra` are the site's own (MkDocs merges mappings, replaces lists).
INHERIT: {site_config}
site_name: Thử nghiệm
nav:
  - Trang chủ: index.md
  - Thủ tục: thu-tuc/index.md
  - Văn bản: van-ban/index.md
  - Quy trình: quy-trinh/index.md
plugins:
  - minhbach
  - macros:
      module_name: {macros}
      render_by_default: false
      on_undefined: strict
      on_error_fail: true
extra:
  alternate: {alternate}
"""

ONE_LANGUAGE = "[]  # one language; `make_language_project` gives three"
THREE_LANGUAGES = "[{name: Tiếng Việt, link: /, lang: vi}, {name: English, link: /en/, lang: en}, {name: 中文, link: /zh/, lang: zh}]"
LANGUAGE_YML = "INHERIT: mkdocs.yml\nsite_name: {name}\ndocs_dir: docs-{code}\ntheme:\n  language: {code}\n"


def site_yml(alternate: str = ONE_LANGUAGE) -> str:
    """MKDOCS_YML for a project anywhere on disk: `INHERIT` and the macros module given as absolute paths."""
    return MKDOCS_YML.format(site_config=(ROOT / "mkdocs.yml").as_posix(), macros=(ROOT / "macros" / "main").as_posix(), alternate=alternate)


@functools.cache
def site_config() -> MkDocsConfig:
    """The site's own mkdocs.yml, loaded and validated by MkDocs (nothing is built)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def site_markdown(*extensions: Extension) -> markdown.Markdown:
    """Python-Markdown as MkDocs sets it up for the site's pages (mkdocs.yml), with `extensions` added."""
    config = site_config()
    return markdown.Markdown(extensions=[*config.markdown_extensions, *extensions], extension_configs=config.mdx_configs)


def make_site_project(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A small buildable site: the valid test records plus a config and a home page."""
    write_project(root, VALID_FILES)
    write_project(root, {
        "mkdocs.yml": site_yml(),
        "docs/index.md": "# Trang chủ\n\nXin chào.\n",
    })
    if files:
        write_project(root, files)
    return root


def make_language_project(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """`make_site_project` in three languages: Vietnamese at the root, English (docs-en/) and Chinese (docs-zh/)
    in their folders, each with a home page of its own, as the site's mkdocs.yml sets them up."""
    make_site_project(root, {
        "mkdocs.yml": site_yml(THREE_LANGUAGES),
        "mkdocs.en.yml": LANGUAGE_YML.format(name="Test", code="en"),
        "mkdocs.zh.yml": LANGUAGE_YML.format(name="测试", code="zh"),
        "docs-en/index.md": "# Home\n\nHello.\n",
        "docs-zh/index.md": "# 首页\n\n你好。\n",
        **(files or {}),
    })
    return root


def use_custom_dir(root: Path, folder: str) -> None:
    """Give the project's theme a `custom_dir` (MkDocs merges it into the site's theme settings)."""
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"theme:\n  custom_dir: {folder}\n", encoding="utf-8")


def build(root: Path, output: Path | None = None, *, epoch: str | None = "1795000000", links: bool = True,
          search: bool = True) -> subprocess.CompletedProcess:
    """Build with `minhbach.site.build`; epoch None lets it choose (commit time, or now); links=False skips the link check,
    search=False the search index (its documents stay in the output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("SITE_URL", None)  # mkdocs.yml's site_url: !ENV SITE_URL
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    output = output or root / "site"
    return run_with_stacks(
        [sys.executable, "-m", "minhbach.site.build", "--config", str(root / "mkdocs.yml"), "--output", str(output),
         *([] if links else ["--no-links"]), *([] if search else ["--no-search"])],
        cwd=root, env=env, timeout=300,
    )


def run_with_stacks(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """Run `command` as `subprocess.run(..., capture_output=True, text=True)` does; past `timeout`
    seconds, stop it and every process it started (MkDocs, forked workers), and fail with the
    Python stack of each of them (faulthandler prints it on SIGABRT), so a hang can be diagnosed."""
    import signal

    child = subprocess.Popen(command, cwd=cwd, env={**env, "PYTHONFAULTHANDLER": "1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGABRT)
        try:
            stdout, stderr = child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            stdout, stderr = child.communicate()
        raise AssertionError(f"{command} did not end within {timeout} s; the stacks of its processes:\n{stderr[-20000:]}") from None
    finally:
        try:
            os.killpg(child.pid, signal.SIGKILL)  # whatever is left of the group (workers of a stopped build)
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)


def h2_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def article(html: str) -> str:
    """The page's own content, without Material's header, navigation and footer."""
    start = html.index('<article class="md-content__inner')
    return html[start: html.index("</article>", start)]
