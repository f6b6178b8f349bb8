"""Front matter, generated or hand-written, never becomes page markup or template code.

MkDocs reads a page's front matter with PyYAML's SafeLoader (mkdocs/utils/meta.py, 1.6); when that
fails it keeps the whole file, front matter included, as the Markdown of the page, and the site's
Python-Markdown passes raw HTML through. Material prints some front matter keys without escaping
(`author`, `subtitle`, `status`; `template: redirect.html` with `location`). mkdocs-macros renders a
page title derived from the file name as Jinja on pages that render macros (mkdocs-macros 1.x,
`on_page_markdown`).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from minhbach.pages.escape import yaml_string
from tests import conftest
from tests.conftest import write_project
from tests.site_helpers import build, make_site_project

# Characters that json.dumps leaves as they are and PyYAML refuses in a document (yaml.reader.Reader.NON_PRINTABLE).
NOT_YAML_PRINTABLE = ["\x7f", "\x80", "\x84", "\x86", "\x9f", "\ufffe", "\uffff"]
HANDLER = re.compile(r"<svg onload|<img [^>]*onerror|window\.location\.replace\(\[\"javascript", re.I)


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--today", "2026-11-27"], cwd=root,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("char", NOT_YAML_PRINTABLE, ids=[f"U+{ord(c):04X}" for c in NOT_YAML_PRINTABLE])
def test_front_matter_strings_read_back_as_written_whatever_the_characters(char: str):
    value = f"Thông báo{char} <svg onload=alert(1)>"
    page = f"---\ntitle: {yaml_string(value)}\nrender_macros: false\n---\n# x\n"
    body, meta = get_data(page)
    assert meta == {"title": value, "render_macros": False}, body[:200]


@pytest.fixture(scope="module")
def record_front_matter_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Records whose title or summary holds a character YAML refuses, written with a YAML escape."""
    root = make_site_project(tmp_path_factory.mktemp("front-matter-records"))
    procedure = yaml.safe_load(conftest.PROCEDURE)
    procedure["summary"] = "Tóm tắt\u0080 <svg onload=alert(11)>"
    legal = yaml.safe_load(conftest.LEGAL)
    legal["title"] = "Trích yếu\uffff <svg onload=alert(22)>"
    workflow = yaml.safe_load(conftest.WORKFLOW)
    workflow["title"] = "Quy trình\u009f <svg onload=alert(33)>"
    notice = yaml.safe_load(conftest.NOTICE)
    notice["title"] = "Thông báo lịch tiếp công dân\x7f <svg onload=alert(44)>"
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)  # noqa: E731
    write_project(root, {"data/procedures/hop-phap-hoa.yml": dump(procedure), "data/legal/nd-111-2011.yml": dump(legal),
                         "data/workflows/qt-hop-phap-hoa.yml": dump(workflow), "data/notices/thong-bao-mot.yml": dump(notice)})
    return root, build(root)


@pytest.mark.parametrize("page", ["thu-tuc/hop-phap-hoa", "van-ban/nd-111-2011", "quy-trinh/qt-hop-phap-hoa", "thong-bao/thong-bao-mot"])
def test_record_text_that_yaml_refuses_in_front_matter_stays_text(record_front_matter_site, page: str):
    root, result = record_front_matter_site
    if result.returncode != 0:  # refused before publishing, with a finding: also acceptable
        assert "data/" in result.stderr, result.stderr[-2000:]
        return
    html = (root / "site" / page / "index.html").read_text(encoding="utf-8")
    assert not HANDLER.search(html), HANDLER.search(html).group(0)
    assert "render_macros: false" not in html, "the front matter was shown on the page"


HANDWRITTEN_UNREADABLE = {
    # minhbach's reader accepts these; MkDocs' SafeLoader raises (invalid date, bad integer) and renders the front matter.
    "docs/gioi-thieu.md": "---\ntitle: Giới thiệu\nngay_ban_hanh: 2026-02-30\nghi_chu: <svg onload=alert(1)>\n---\n# Giới thiệu\n",
    "docs/lien-he.md": "---\ntitle: Liên hệ\nso: 0x_\nghi_chu: <svg onload=alert(2)>\n---\n# Liên hệ\n",
}
HANDWRITTEN_THEME_KEYS = {
    "docs/tac-gia.md": "---\ntitle: Tác giả\nauthor: '\"><svg onload=alert(3)>'\n---\n# Tác giả\n",
    "docs/chuyen.md": "---\ntemplate: redirect.html\nlocation: 'javascript:alert(4)//'\n---\n# Chuyển\n",
    "docs/chuyen-ngoai.md": "---\ntemplate: redirect.html\nlocation: 'https://x.invalid/'\n---\n# Chuyển\n",
}


@pytest.mark.parametrize("path", sorted(HANDWRITTEN_UNREADABLE))
def test_front_matter_that_mkdocs_cannot_read_is_an_error(tmp_path: Path, path: str):
    root = make_site_project(tmp_path, {path: HANDWRITTEN_UNREADABLE[path]})
    result = _check(root)
    assert result.returncode != 0 and path in result.stdout, result.stdout[-2000:]


def test_front_matter_keys_the_theme_prints_cannot_add_markup_or_leave_the_site(tmp_path: Path):
    nav_page = "---\ntitle: Trang chủ\nsubtitle: <svg onload=alert(5)>\nstatus: 'x\"><svg onload=alert(6)>'\n---\n# Trang chủ\n"
    root = make_site_project(tmp_path, {**HANDWRITTEN_THEME_KEYS, "docs/index.md": nav_page})
    checked = _check(root)
    if checked.returncode != 0:  # refused by the page checks: acceptable, if every page is named
        for path in [*HANDWRITTEN_THEME_KEYS, "docs/index.md"]:
            assert path in checked.stdout, (path, checked.stdout[-2000:])
        return
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    for file in sorted((root / "site").rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        assert not HANDLER.search(html), (file.relative_to(root).as_posix(), HANDLER.search(html).group(0))
        assert "x.invalid" not in html, file.relative_to(root).as_posix()


# A title mkdocs-macros derives from this file name ("-" and "_" become spaces) is rendered as Jinja.
FILENAME_PAYLOAD = "{{ (cycler|attr('\\x5f\\x5finit\\x5f\\x5f')|attr('\\x5f\\x5fglobals\\x5f\\x5f'))['os'].system('touch pwned') }}.md"


def test_a_page_file_name_is_never_run_as_a_template(tmp_path: Path):
    page = "---\nrender_macros: true\n---\nBảng thủ tục:\n\n{{ procedure_table() }}\n"
    root = make_site_project(tmp_path, {f"docs/{FILENAME_PAYLOAD}": page})
    checked = _check(root)
    build(root, links=False)
    assert not (root / "pwned").exists(), "the file name ran as a template at build time"
    assert checked.returncode != 0, "minhbach check accepted a page whose name is template code"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_preview_does_not_run_a_page_the_checks_refuse(tmp_path: Path):
    page = "---\nrender_macros: true\n---\n# Trang\n\n{{ cycler.__init__.__globals__.os.system('touch pwned-serve') }}\n"
    root = make_site_project(tmp_path, {"docs/trang.md": page})
    assert _check(root).returncode != 0  # `make check` and `make site` refuse the page
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{_free_port()}"],
                              cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    output: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            line = server.stdout.readline()
            output.append(line)
            if "Serving on" in line:
                break
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert not (root / "pwned-serve").exists(), "".join(output)[-3000:]
