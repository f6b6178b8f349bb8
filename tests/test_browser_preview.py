"""The preview (`mkdocs serve`) in a real Chromium: a record with errors keeps its URL and shows its
findings in Vietnamese, a banner on every page counts the errors, and the strict build refuses the same.

Reuses the Chromium of tests/test_browser.py.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROCEDURE, line_of
from tests.site_helpers import build, make_site_project
from tests.test_browser import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

DATE_ORDER = PROCEDURE.replace("updated: 2026-03-01", "updated: 2025-12-01")
"""Valid for the model, refused by the checks: updated before published (the case the preview used to show as a normal page)."""
HOSTILE = """\
id: thu-tuc-hong
name: Hỏng
level: "<img src=x onerror=window.pwned=1>"
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_site_project(tmp_path_factory.mktemp("preview"), {
        "data/procedures/hop-phap-hoa.yml": DATE_ORDER,
        "data/procedures/thu-tuc-hong.yml": HOSTILE,
        "docs/gioi-thieu.md": "---\nauthor: <b>x</b>\n---\n\n# Giới thiệu\n\nNội dung.\n",
    })


@pytest.fixture(scope="module")
def preview(project: Path) -> Iterator[str]:
    """`mkdocs serve` of the project on 127.0.0.1, its address once it serves."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    env.pop("SITE_URL", None)
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while "Serving on" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_record_refused_by_the_checks_shows_its_findings_at_its_own_url(preview: str, browser):  # noqa: F811
    page = browser.new_page()
    response = page.goto(preview + "thu-tuc/hop-phap-hoa/")
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith("Trang này chưa xuất bản được")
    error = page.locator(".admonition.danger li").inner_text()
    line = line_of(DATE_ORDER, "updated:")
    assert f"data/procedures/hop-phap-hoa.yml:{line}" in error
    assert "date-order" in error and "ngày cập nhật (2025-12-01) trước ngày đăng (2026-01-05)" in error
    assert "Cách sửa: Ngày cập nhật không thể sớm hơn ngày đăng." in error
    assert "pending" in page.locator(".admonition.warning").inner_text()  # its warnings too, apart
    assert page.locator(".md-header").count() == 1  # laid out by the theme
    page.close()


def test_a_record_that_cannot_be_read_gets_an_error_page_not_a_404_and_its_values_stay_text(preview: str, browser):  # noqa: F811
    page = browser.new_page()
    response = page.goto(preview + "thu-tuc/thu-tuc-hong/")
    assert response.status == 200
    errors = page.locator(".admonition.danger").inner_text()
    assert "data/procedures/thu-tuc-hong.yml" in errors and "missing-part" in errors
    assert "<img src=x onerror=window.pwned=1>" in errors  # shown as written
    assert page.locator(".md-content img").count() == 0
    assert page.evaluate("window.pwned") is None
    page.close()


def test_a_hand_written_page_with_an_error_shows_it_at_its_top(preview: str, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(preview + "gioi-thieu/")
    error = page.locator(".md-content .admonition.danger li").inner_text()
    assert "docs/gioi-thieu.md:2" in error and "front-matter-key" in error
    assert page.locator(".md-content h1").inner_text().startswith("Giới thiệu")
    page.close()


def test_every_page_has_a_banner_counting_the_errors_that_links_to_all_of_them(preview: str, project: Path, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(preview)
    banner = page.locator(".md-banner a")
    count = int(re.match(r"(\d+) lỗi", banner.inner_text()).group(1))
    banner.click()
    page.wait_for_url(preview + "loi-du-lieu/")
    listed = page.locator(".mb-problems li")
    assert listed.count() == count
    page.locator(".mb-problems a", has_text="hop-phap-hoa.yml").click()
    page.wait_for_url(preview + "thu-tuc/hop-phap-hoa/")
    page.close()

    result = build(project, links=False, search=False)  # the strict build refuses exactly these errors
    assert result.returncode != 0
    refused = re.findall(r"^ERROR\s+-\s+(?:minhbach: )?(\S+?):\d+:\d+: error\[", result.stderr, re.M)
    assert len(refused) == count, result.stderr[-3000:]
    assert {"data/procedures/hop-phap-hoa.yml", "data/procedures/thu-tuc-hong.yml", "docs/gioi-thieu.md"} == set(refused)
