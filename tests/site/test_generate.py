"""`minhbach generate`: the engine's files without MkDocs, byte for byte what the plugin serves, built
by plain MkDocs with no plugin at all; what it refuses; the site's macros with and without the plugin."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from minhbach import cli
from minhbach.catalog import Catalog
from minhbach.pages.paths import page_path
from minhbach.site.build import commit_epoch
from minhbach.site.links.sources import SOURCES_FILE
from tests.conftest import PROCEDURE
from tests.site_helpers import ROOT, make_site_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def files_under(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def front_matter_and_body(text: str) -> tuple[dict, str]:
    """A page file as MkDocs reads it (`mkdocs.utils.meta.get_data`)."""
    from mkdocs.utils.meta import get_data

    body, meta = get_data(text)
    return meta, body


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> dict:
    """The repository's project generated with `--with-docs`, and what a real MkDocs run of its plugins serves,
    both on the same day."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    out = tmp_path_factory.mktemp("generated") / "docs"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", commit_epoch(ROOT) or str(int(time.time())))
        assert cli.main(["generate", "--config", str(ROOT / "mkdocs.yml"), str(out), "--with-docs"]) == 0

        config = load_config(str(ROOT / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        served = {file.src_uri: file.content_bytes for file in files if file.generated_by}
        rendered = {}
        for file in files.documentation_pages():
            if not file.generated_by:
                page = Page(None, file, config)
                page.read_source(config)
                rendered[file.src_uri] = (page.meta, config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files))
    return {"out": out, "served": served, "rendered": rendered, "catalog": config.plugins["minhbach"].catalog}


def test_generated_files_are_the_bytes_the_plugin_serves(real):
    generated = files_under(real["out"])
    served = real["served"]
    assert SOURCES_FILE in served and "assets/minhbach/minhbach.css" in served and "du-lieu/thu-tuc.json" in served
    assert {path: generated.get(path) for path in served} == served
    assert sorted(set(generated) - set(served)) == sorted(real["rendered"]), "the rest are docs/'s own files"


def test_hand_written_pages_have_their_macros_rendered_as_mkdocs_macros_renders_them(real):
    rendered = real["rendered"]
    assert any("{{" in (ROOT / "docs" / path).read_text(encoding="utf-8") for path in rendered), "the site's pages call macros"
    for path, (meta, markdown) in rendered.items():
        written_meta, body = front_matter_and_body((real["out"] / path).read_text(encoding="utf-8"))
        assert body == markdown, path
        assert written_meta == {**meta, "render_macros": False}, "mkdocs-macros, if run again, leaves what the macros wrote alone"


def _record_pages(catalog: Catalog) -> dict[str, str]:
    """Page (docs path) -> title, of every record that has a page."""
    pages = {page_path(p): p.name for p in [*catalog.procedures, *catalog.internal_procedures]}
    pages |= {page_path(d): d.label for d in catalog.legal}
    pages |= {page_path(w): f"{w.code}: {w.title}" for w in catalog.workflows}
    for kind in ("event", "funding", "notice"):
        pages |= {page_path(entry.record): entry.record.title for entry in catalog.entries[kind].values()}
    return pages


def plain_mkdocs_yml(docs: Path, site: Path) -> str:
    """A mkdocs.yml with no plugin at all: the site's name, theme, navigation, Markdown extensions and
    link validation as the repository's mkdocs.yml writes them (tags kept as written), and `docs` as docs_dir."""
    written = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    text = lambda value: yaml.ScalarNode("tag:yaml.org,2002:str", value)  # noqa: E731
    pairs = [(key, value) for key, value in written.value if key.value in ("site_name", "theme", "nav", "markdown_extensions", "validation")]
    pairs += [(text("docs_dir"), text(str(docs))), (text("site_dir"), text(str(site))),
              (text("plugins"), yaml.SequenceNode("tag:yaml.org,2002:seq", []))]
    return yaml.serialize(yaml.MappingNode("tag:yaml.org,2002:map", pairs), allow_unicode=True)


def test_plain_mkdocs_without_any_plugin_builds_every_record_page_with_its_title(real, tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(plain_mkdocs_yml(real["out"], tmp_path / "site"), encoding="utf-8")
    assert "minhbach:" not in config.read_text(encoding="utf-8") and "macros" not in config.read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
                            cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]

    pages = _record_pages(real["catalog"])
    assert len(pages) >= 30 and any(path.startswith("thong-bao/") for path in pages)
    for path, title in pages.items():
        built = tmp_path / "site" / path.removesuffix(".md") / "index.html"
        assert built.is_file(), path
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", built.read_text(encoding="utf-8"), re.S)
        assert heading is not None, path
        shown = html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", heading.group(1)))
        assert " ".join(shown.split()) == " ".join(title.split()), path

    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in home and 'href="thu-tuc/cap-van-ban-cho-phep-su-dung-the-abtc/"' in home, "the engine rendered the home page's macros"


# --- what it refuses (a small project; nothing is built) -----------------------------------------------


def generate(root: Path, out: Path, *args: str) -> int:
    return cli.main(["generate", "--config", str(root / "mkdocs.yml"), str(out), "--today", "2026-11-27", *args])


def test_it_writes_a_whole_docs_dir_with_the_hand_written_files(tmp_path: Path):
    root = make_site_project(tmp_path / "project")
    out = tmp_path / "out"
    assert generate(root, out, "--with-docs") == 0
    assert (out / "forms/to-khai.docx").read_bytes() == (root / "docs/forms/to-khai.docx").read_bytes()
    assert (out / "index.md").read_bytes() == (root / "docs/index.md").read_bytes()
    assert (out / "thu-tuc/hop-phap-hoa.md").is_file() and (out / "du-lieu/thu-tuc.csv").is_file()
    assert generate(root, out) == 0, "a previous output may be replaced"
    assert not (out / "index.md").exists() and (out / "thu-tuc/hop-phap-hoa.md").is_file()


def test_data_errors_are_refused_with_the_findings_and_nothing_is_written(tmp_path: Path, capsys):
    root = make_site_project(tmp_path / "project")
    out = tmp_path / "out"
    assert generate(root, out) == 0
    before = files_under(out)
    (root / "data/procedures/hop-phap-hoa.yml").write_text(PROCEDURE.replace("  - doc: nd-111-2011", "  - doc: nd-111-2099"), encoding="utf-8")
    capsys.readouterr()
    assert generate(root, out) == 1
    printed = capsys.readouterr()
    assert "data/procedures/hop-phap-hoa.yml:" in printed.out and "error[unknown-reference]" in printed.out
    assert "Traceback" not in printed.err and "không đổi" in printed.err
    assert files_under(out) == before
    assert not list(tmp_path.glob(".site-build-*"))


def test_a_page_that_would_run_code_is_refused_and_never_rendered(tmp_path: Path, capsys):
    page = "---\nrender_macros: true\n---\n# Bảng\n\n{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}\n"
    root = make_site_project(tmp_path / "project", {"docs/bang.md": page})
    assert generate(root, tmp_path / "out", "--with-docs") == 1
    assert "docs/bang.md:6:1: error[template-unsafe]" in capsys.readouterr().out
    assert not (root / "PWNED").exists() and not Path("PWNED").exists()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", [".", "docs", "data", "tracked", "other", "a" * 300])
def test_the_output_folder_is_refused_like_a_build_output(tmp_path: Path, where: str, capsys):
    root = make_site_project(tmp_path / "project")
    (root / "other").mkdir()
    (root / "other/ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    if where == "tracked":
        (root / "tracked").mkdir()
        (root / "tracked/a.md").write_text("a\n", encoding="utf-8")
        for args in (["init", "-q"], ["add", "tracked"]):
            subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    before = files_under(root)
    assert generate(root, root / where) == 2
    assert files_under(root) == before
    assert "Traceback" not in capsys.readouterr().err


def test_a_failure_while_writing_leaves_the_previous_output_whole(tmp_path: Path, monkeypatch, capsys):
    from minhbach.site import generate as generation

    root = make_site_project(tmp_path / "project")
    out = tmp_path / "out"
    assert generate(root, out) == 0
    before = files_under(out)
    written = []

    def write_some(folder: Path, files) -> int:
        for item in list(files)[:5]:
            target = folder / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"half")
            written.append(target)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(generation, "write_files", write_some)
    assert generate(root, out) == 2
    assert written and files_under(out) == before
    assert not list(tmp_path.glob(".site-build-*")) and not list(tmp_path.glob(".site-previous-*"))
    assert "No space left on device" in capsys.readouterr().err


# --- the site's macros, with and without the plugin ----------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("with_plugin", [True, False])
def test_the_macros_render_with_or_without_the_minhbach_plugin(tmp_path: Path, with_plugin: bool):
    page = "---\nrender_macros: true\n---\n# Bảng\n\n{{ procedure_table(field=\"lanh-su\") }}\n\n{{ legal_badge(\"nd-111-2011\") }}\n"
    root = make_site_project(tmp_path, {"docs/bang.md": page})
    if not with_plugin:
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs.yml").write_text(config.replace("  - minhbach\n", ""), encoding="utf-8")
        assert "minhbach\n" not in (root / "mkdocs.yml").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--config-file", str(root / "mkdocs.yml")],
                            cwd=root, env={**ENV, "SOURCE_DATE_EPOCH": "1795000000"}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    table = (root / "site/bang/index.html").read_text(encoding="utf-8")
    assert "Hợp pháp hóa lãnh sự" in table and "Hết hiệu lực một phần" in table
    assert 'href="../van-ban/nd-111-2011/"' in table
    assert (root / "site/thu-tuc/hop-phap-hoa/index.html").is_file() is with_plugin


def test_record_titles_stay_text_in_a_plain_mkdocs_build_without_the_adapter(tmp_path: Path):
    """Themes print a page's `title` and `description` front matter as HTML; generated pages write them escaped."""
    name = 'Thủ tục <img src=x onerror=alert(1)> & "ngoặc" <script>alert(2)</script>'
    root = make_site_project(tmp_path / "project", {"data/procedures/hop-phap-hoa.yml": _renamed(PROCEDURE, name)})
    out = tmp_path / "build" / "docs"
    assert generate(root, out, "--with-docs") == 0
    config = tmp_path / "build" / "mkdocs.yml"
    config.write_text(plain_mkdocs_yml(out, tmp_path / "site").replace("nav:", "not_nav:"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)],
                            cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "thu-tuc" / "hop-phap-hoa" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and html.unescape(title.group(1)).startswith(name)


def _renamed(procedure: str, name: str) -> str:
    lines = procedure.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    lines[index] = f"name: {json.dumps(name, ensure_ascii=False)}\n"
    return "".join(lines)


def test_the_output_folder_gets_the_mode_of_a_new_folder_not_a_private_one(tmp_path: Path):
    root = make_site_project(tmp_path / "project")
    out = tmp_path / "out"
    previous = os.umask(0o022)
    try:
        assert generate(root, out) == 0
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o755
