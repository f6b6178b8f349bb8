"""The site as publish.yml builds it: under a GitHub Pages sub-path and at a domain root, every page
type loads without one failed request, the 404 page works at any depth, the sitemap lists every page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from minhbach.exports import admin
from minhbach.site.search import SYNONYMS_JSON
from tests.site.links.published import PAGE_TYPES, SITE_URL, build_copy, serve
from tests.site_helpers import ROOT
from tests.test_browser import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = [pytest.mark.build]
PREFIX = urlsplit(SITE_URL).path


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    return build_copy(tmp_path_factory.mktemp("subpath"), site_url=SITE_URL)


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    return build_copy(tmp_path_factory.mktemp("root"), site_url=None)


def test_publish_workflow_builds_for_the_pages_address():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    pages = [step for step in steps if str(step.get("uses", "")).startswith("actions/configure-pages@")]
    assert len(pages) == 1 and pages[0].get("id"), "the build asks GitHub Pages for the site's address"
    build = next(step for step in steps if "make site" in step.get("run", ""))
    assert build.get("env", {}).get("SITE_URL") == "${{ steps.%s.outputs.base_url }}/" % pages[0]["id"]
    assert steps.index(pages[0]) < steps.index(build)
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_sitemap_lists_every_page_at_its_published_address(subpath_site: Path):
    """Each language's site has its sitemap, of its own pages (the English one in en/...); together, every page."""
    locations = {}
    for folder in ("", "en/", "zh/"):
        sitemap = ET.parse(subpath_site / folder / "sitemap.xml").getroot()
        locations[folder] = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
        assert locations[folder] and all(location.startswith(SITE_URL + folder) for location in locations[folder]), folder
    pages = {SITE_URL + file.relative_to(subpath_site).as_posix().removesuffix("index.html")
             for file in subpath_site.rglob("index.html") if admin.ADMIN_DIR not in file.relative_to(subpath_site).parts}  # the editor: no page
    assert set().union(*locations.values()) == pages and len(pages) > 120


def _walk(browser, base: str, paths: list[str]) -> tuple[list[str], list[str]]:  # noqa: F811
    """Visit each path; (failed requests other than the 404 page itself, every URL requested)."""
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # A request the browser cancels itself (net::ERR_ABORTED: the favicon of a page left before it loaded) did not fail.
    page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})") if "ERR_ABORTED" not in str(request.failure) else None)
    page.on("response", lambda response: failed.append(f"{response.url} ({response.status})")
            if response.status >= 400 and not (response.request.resource_type == "document" and "khong-co" in response.url) else None)
    for path in paths:
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(200)
    context.close()
    return failed, requested


@pytest.mark.browser
def test_every_page_type_loads_without_a_failed_request_under_a_sub_path(subpath_site: Path, browser):  # noqa: F811
    with serve(subpath_site, PREFIX) as base:
        failed, requested = _walk(browser, base, [*PAGE_TYPES.values(), "khong-co/", "thu-tuc/khong-co/a/b/"])
    assert failed == []
    assert not [url for url in requested if urlsplit(url).path.endswith("sitemap.xml")]
    assert {urlsplit(url).path.split("/")[1] for url in requested} == {PREFIX.strip("/")}, "nothing outside the sub-path"


@pytest.mark.browser
def test_every_page_type_loads_without_a_failed_request_at_a_domain_root(root_site: Path, browser):  # noqa: F811
    with serve(root_site) as base:
        failed, requested = _walk(browser, base, [*PAGE_TYPES.values(), "khong-co/", "thu-tuc/khong-co/a/b/"])
    assert failed == []
    assert not [url for url in requested if urlsplit(url).path.endswith("sitemap.xml")]


@pytest.mark.browser
def test_the_404_page_works_at_any_depth_under_a_sub_path(subpath_site: Path, browser):  # noqa: F811
    with serve(subpath_site, PREFIX) as base:
        context = browser.new_context()
        page = context.new_page()
        loaded: list[str] = []
        page.on("response", lambda response: loaded.append(urlsplit(response.url).path) if response.ok else None)
        response = page.goto(base + "thu-tuc/khong-co/a/b/", wait_until="networkidle")
        assert response is not None and response.status == 404
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        page.keyboard.press("/")
        page.fill("[data-mb-search-input]", "ho chieu")
        page.wait_for_function("document.querySelector('[data-mb-search-meta]').textContent.includes('trang')", timeout=30_000)
        results = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        assert results and all(urlsplit(url).path.startswith(PREFIX) for url in results), results
        assert all(context.request.get(url).status == 200 for url in results)
        assert PREFIX + SYNONYMS_JSON in loaded, "the synonyms are loaded from the site's root, not the page's folder"
        page.keyboard.press("Escape")
        page.click(".md-header__button.md-logo")
        page.wait_for_load_state("networkidle")
        assert page.url == base
        context.close()
    assert f"{PREFIX}assets/minhbach/minhbach.css" in loaded and f"{PREFIX}pagefind/pagefind.js" in loaded


def test_feeds_stay_discoverable_on_every_page_type(subpath_site: Path):
    for path in [*PAGE_TYPES.values(), "404.html"]:
        file = subpath_site / (path if path.endswith(".html") else path + "index.html")
        head = file.read_text(encoding="utf-8").split("</head>", 1)[0]
        feeds = re.findall(r'<link rel="alternate feed" type="([^"]+)" title="[^"]+" href="([^"]+)">', head)
        assert ("application/atom+xml", f"{PREFIX}thong-bao/feed.xml" if path == "404.html" else None) in [
            (kind, href if path == "404.html" else None) for kind, href in feeds], path
        assert "text/calendar" in {kind for kind, _ in feeds}, path
        assert not re.search(r'<link rel="alternate"', head), path
