"""Every page type passes axe-core's WCAG 2.0 and 2.1 level A and AA rules, on a desktop and a phone.

axe-core runs inside a real Chromium on the served site of tests/test_browser.py. Its script is the
axe.min.js bundled in the `axe-playwright-python` wheel (pinned in requirements-dev.txt), injected
from the file: no network. The page types are those of tests/test_browser_layout.py, plus a workflow
page from the small site that has one. Every violation of the rules counts, whatever its impact.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from tests.test_browser import _search, browser, server, workflow_server  # noqa: F401 - fixtures
from tests.test_browser_layout import PAGE_TYPES

pytestmark = pytest.mark.browser

AXE_SCRIPT = files("axe_playwright_python") / "axe.min.js"
AXE_VERSION = "4.12.1"  # the rules these pages were checked with; read the changelog before moving on
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # axe-core's tags for WCAG 2.0/2.1 A and AA
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}
WORKFLOW_PAGE = "quy-trinh/qt-hop-phap-hoa/"


@pytest.fixture(scope="module", params=VIEWPORTS.keys())
def screen(request, browser):  # noqa: F811 - the fixture imported above
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page, url: str | None = None) -> list[dict]:
    """axe-core's violations of the WCAG 2.0/2.1 A and AA rules on the page at `url` (or on the page
    as it is now), as axe-core reports them (`id`, `impact`, `help`, `nodes` with `target` and
    `failureSummary`)."""
    if url is not None:
        page.goto(url, wait_until="networkidle")
    page.add_script_tag(path=str(AXE_SCRIPT))
    assert page.evaluate("axe.version") == AXE_VERSION
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return results["violations"]


def describe(violations: list[dict]) -> str:
    """One line per violated rule: its id, impact, number of elements and the first of them."""
    lines = []
    for rule in violations:
        first = rule["nodes"][0]
        summary = " ".join(first["failureSummary"].split())
        lines.append(f"{rule['id']} ({rule['impact']}) on {len(rule['nodes'])} element(s), e.g. {first['target']}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_has_no_wcag_violation(server, screen, path):  # noqa: F811
    violations = axe_violations(screen, server + path)
    assert violations == [], describe(violations)


def test_a_workflow_page_has_no_wcag_violation(workflow_server, screen):  # noqa: F811
    violations = axe_violations(screen, workflow_server + WORKFLOW_PAGE)
    assert violations == [], describe(violations)


def test_search_results_have_no_wcag_violation(server, screen):  # noqa: F811
    screen.goto(server + "thu-tuc/", wait_until="networkidle")
    if screen.viewport_size["width"] < 960:  # Material shows the search box when its button is pressed
        screen.click("label.md-header__button[for='__search']")
    _search(screen, "hộ chiếu")
    violations = axe_violations(screen)
    assert violations == [], describe(violations)


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio (1 to 21) of two opaque CSS colours given as `rgb(r, g, b)`."""
    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1:-1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_a_link_under_keyboard_focus_keeps_its_contrast(server, browser):  # noqa: F811
    """axe-core reads the page at rest; a focused (or pointed-at) link takes Material's accent colour."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(server + "thu-tuc/chung-nhan-lanh-su-hop-phap-hoa-lanh-su/", wait_until="networkidle")
    link = page.locator("article .mb-legal-basis a").first
    link.focus()
    colour, decoration = link.evaluate("""async a => {
      await Promise.all(a.getAnimations().map(animation => animation.finished));  // Material's colour transition
      return [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine];
    }""")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert contrast(colour, background) >= 4.5, (colour, background)
    assert decoration == "underline"
