"""Hostile text in every text and URL field of every record kind, and in every hand-written page slot.

One project holds, for each record kind, as many records as there are payloads, each field of
each record with a different payload, so that every field receives every payload. The project
must check with warnings at most, build, and come out inert: no event handler, script URL or
foreign script in any page, every data file well formed, nothing run in a real browser.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from minhbach.model import KINDS, MarkdownText
from minhbach.model.walk import iter_marked, iter_models
from minhbach.pages.markdown import ALLOWED_TAGS, SAFE_SCHEMES, RecordMarkdown, url_scheme
from tests.conftest import write_project
from tests.hostile import EXTRA_FILES, FOLDERS, FULL, MARKDOWN_REFUSED, TEXT_PAYLOADS, injected, present_fields, schema_text_fields, text_leaves
from tests.site_helpers import build, make_site_project
from tests.test_browser import _results, _serve, browser  # noqa: F401 - the browser fixture

BASE_IDS = {"unit": "phong-mot", "field": "lanh-su", "legal": "nd-111-2011", "procedure": "hop-phap-hoa", "internal": "noi-bo-mot",
            "workflow": "qt-hop-phap-hoa", "event": "hoi-cho-mot", "funding": "quy-mot", "notice": "thong-bao-mot"}
MARKDOWN_FIELDS = {"Event.body", "FundingPolicy.body", "Notice.body"}
HANDWRITTEN = """\
---
title: "</title><script>alert(1)</script> Trang <b>viết tay</b>"
description: "\\"><script>alert(1)</script>"
owner: phong-mot
last_reviewed: 2026-11-01
render_macros: true
---
# Trang dùng dữ liệu

{{ procedure_table() }}

{{ legal_badge("nd-111-2011") }}

{{ recent_changes(limit=50) }}

{{ unit_directory() }}

{{ next_events(limit=50) }}

{{ newest_announcements(limit=50) }}

{{ open_policies() }}
"""


def _record_files() -> tuple[dict[str, str], dict[str, set[str]]]:
    files: dict[str, str] = {}
    covered: dict[str, set[str]] = {kind: set() for kind in FULL}
    for kind in FULL:
        for variant in range(len(TEXT_PAYLOADS)):
            record_id = BASE_IDS[kind] if variant == 0 else f"{BASE_IDS[kind]}-{variant}"
            data, fields = injected(kind, variant, record_id=record_id, markdown_fields=MARKDOWN_FIELDS)
            if kind in ("event", "funding", "notice"):
                data["body"] = _markdown_payload(variant)
                for translation in data["translations"].values():
                    translation["body"] = data["body"]
            if kind == "event" and variant % 2:
                data["start"], data["end"] = "2026-12-02 08:00", "2026-12-06 17:00"  # dated ones reach the calendar
            files[f"data/{FOLDERS[kind]}/{record_id}.yml"] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            covered[kind] |= fields
    return files, covered


def _markdown_payload(variant: int) -> str:
    """Payloads a Markdown field accepts (shown as text or as safe Markdown), cycling."""
    renderer = RecordMarkdown()
    accepted = [p for p in TEXT_PAYLOADS if all(problem.code.startswith("markdown-") for problem in renderer.render(p).problems)]
    return accepted[variant % len(accepted)] + "\n\n[trang](../thu-tuc/hop-phap-hoa.md) <https://a.vn/x> ![ảnh](../forms/to-khai.docx)"


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    root = make_site_project(tmp_path_factory.mktemp("hostile"))
    files, _ = _record_files()
    write_project(root, {**files, **EXTRA_FILES, "docs/du-lieu-viet-tay.md": HANDWRITTEN})
    return root


@pytest.fixture(scope="module")
def hostile_site(hostile_project: Path) -> Path:
    result = build(hostile_project)  # with the link check: hostile links must not break it either
    assert result.returncode == 0, result.stderr[-4000:]
    return hostile_project / "site"


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory) -> Path:
    """The same kinds of records without hostile text: what the engine itself writes."""
    root = make_site_project(tmp_path_factory.mktemp("plain"))
    files = {}
    for kind, data in FULL.items():
        data = {**data, "id": BASE_IDS[kind]}
        files[f"data/{FOLDERS[kind]}/{BASE_IDS[kind]}.yml"] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    write_project(root, {**files, **EXTRA_FILES, "docs/du-lieu-viet-tay.md": HANDWRITTEN.replace("</title><script>alert(1)</script>", "").replace(
        '\\"><script>alert(1)</script>', "mô tả")})
    result = build(root, links=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


def test_every_text_field_of_every_kind_receives_hostile_text():
    _, covered = _record_files()
    for kind in KINDS:
        in_schema = schema_text_fields(kind)
        as_text = {field for _, field, _ in text_leaves(kind, FULL[kind])}
        missing = set(in_schema) - present_fields(kind, FULL[kind]) | {field for field, free in in_schema.items() if free} - as_text
        assert not missing, f"{kind}: give these fields a text value in tests/hostile.py FULL: {sorted(missing)}"
        constrained = {field for path, field, schema in text_leaves(kind, FULL[kind]) if field not in covered[kind]}
        for path, field, schema in text_leaves(kind, FULL[kind]):
            if field in constrained:
                assert "pattern" in schema or path == ("id",), f"{kind}: {field} takes any text but received no payload"
        assert covered[kind], kind


def test_markdown_fields_are_marked_in_the_model():
    found = set()
    for kind in ("event", "funding", "notice"):
        record = KINDS[kind].model.model_validate(FULL[kind])
        found |= {f"{type(record).__name__}.{loc[-1]}" for loc, _, _ in iter_marked(iter_models(record), MarkdownText)}
    assert found == MARKDOWN_FIELDS


def test_hostile_text_is_at_most_a_warning_and_never_forges_a_log_line(hostile_project: Path):
    for output_format in ("text", "github", "json"):
        result = subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--format", output_format, "--today", "2026-11-27"],
                                cwd=hostile_project, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        lines = result.stdout.splitlines()
        if output_format == "github":
            assert all(line.startswith(("::warning ", "::notice ")) for line in lines if line), [line for line in lines if "forged" in line]
        else:
            assert not [line for line in lines if line.lstrip().startswith("::")], "a value started a line of its own"
        if output_format == "json":
            json.loads(result.stdout)


@pytest.mark.parametrize("kind", ["event", "funding", "notice"])
@pytest.mark.parametrize("payload", sorted(MARKDOWN_REFUSED))
def test_markdown_fields_refuse_script_links_remote_images_and_runaway_nesting(tmp_path: Path, kind: str, payload: str):
    from minhbach.catalog import load_catalog

    root = make_site_project(tmp_path)
    data = {**FULL[kind], "id": BASE_IDS[kind], "body": payload}
    write_project(root, {**EXTRA_FILES, f"data/{FOLDERS[kind]}/{BASE_IDS[kind]}.yml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)})
    _, findings = load_catalog(root / "data", display_base=root)
    codes = {(f.code, f.path) for f in findings if f.is_error}
    assert (MARKDOWN_REFUSED[payload], f"data/{FOLDERS[kind]}/{BASE_IDS[kind]}.yml") in codes, findings


class _Page(HTMLParser):
    """Elements and attributes of one built page, and its scripts."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value}>")
            if name in self.URL_ATTRIBUTES and value is not None:
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(",")) if name == "srcset" else self.urls.append(value)
            if tag == "meta" and name == "http-equiv":
                self.handlers.append(f"<meta http-equiv={value}>")
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def _read(file: Path) -> _Page:
    parser = _Page()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _script_key(attrs: dict[str, str | None], text: str) -> str:
    return f"src={attrs['src']}" if attrs.get("src") else f"inline={text.strip()}"


def test_built_pages_carry_no_event_handler_script_url_or_foreign_script(hostile_site: Path, plain_site: Path):
    plain = [_read(file) for file in plain_site.rglob("*.html")]
    ours = {_script_key(attrs, text).split("/")[-1] for page in plain for attrs, text in page.scripts if attrs.get("type") != "application/ld+json"}
    tags = {tag for page in plain for tag in page.tags} | ALLOWED_TAGS  # and what Markdown in records may produce
    assert not {"iframe", "object", "embed", "frame", "base", "style"} & tags
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 6 * len(TEXT_PAYLOADS)
    for file in pages:
        page = _read(file)
        where = file.relative_to(hostile_site).as_posix()
        assert not page.handlers, (where, page.handlers[:5])
        bad = [url for url in page.urls if url_scheme(url) not in (None, *SAFE_SCHEMES)]
        assert not bad, (where, bad[:5])
        assert set(page.tags) <= tags, (where, set(page.tags) - tags)
        assert page.tags.count("form") <= 1, where  # the search box's
        for attrs, text in page.scripts:
            if attrs.get("type") == "application/ld+json":
                json.loads(text)  # JSON-LD stays data: the payload cannot end the script element
                continue
            assert _script_key(attrs, text).split("/")[-1] in ours, (where, _script_key(attrs, text)[:200])


def test_titles_and_descriptions_keep_their_text_and_stay_text(hostile_site: Path):
    page = (hostile_site / "du-lieu-viet-tay" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Trang &lt;b&gt;viết tay&lt;/b&gt; - Thử nghiệm</title>" in page
    assert '<meta name="description" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">' in page
    titles = [file.read_text(encoding="utf-8").split("<title>", 1)[1].split("</title>", 1)[0] for file in hostile_site.rglob("*.html")]
    assert not [title for title in titles if "<" in title]


def test_every_data_output_parses_whatever_the_text(hostile_site: Path):
    from icalendar import Calendar

    xml_files = [hostile_site / "thong-bao" / "feed.xml", hostile_site / "sitemap.xml"]
    for file in xml_files:
        ET.fromstring(file.read_bytes())
    dashboard = (hostile_site / "minh-bach" / "index.html").read_text(encoding="utf-8")
    svg = dashboard[dashboard.index("<svg"): dashboard.index("</svg>") + len("</svg>")]
    ET.fromstring(svg)
    events = Calendar.from_ical((hostile_site / "thong-bao" / "events.ics").read_bytes())
    assert len(events.walk("VEVENT")) == len(TEXT_PAYLOADS) // 2
    data_files = sorted((hostile_site / "du-lieu").glob("*.json"))
    assert data_files
    for file in data_files:
        json.loads(file.read_text(encoding="utf-8"))
    for file in sorted((hostile_site / "du-lieu").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"))))
        assert len(rows) > 1, file.name
        formulas = [cell for row in rows for cell in row if cell.lstrip()[:1] in ("=", "+", "-", "@", "\t", "\r")]
        assert not formulas, (file.name, formulas[:3])  # a spreadsheet would run them (OWASP CSV injection)


@pytest.mark.browser
def test_chromium_runs_nothing_from_hostile_text_on_any_page_type(hostile_site: Path, browser):
    from urllib.parse import urlsplit

    paths = ["", "thu-tuc/", "van-ban/", "quy-trinh/", "thong-bao/", "thong-bao/luu-tru/2026/", "du-lieu/", "minh-bach/",
             "du-lieu-viet-tay/", "khong-co-trang-nay/"]
    pages = {"procedure": "thu-tuc", "internal": "thu-tuc-noi-bo", "legal": "van-ban", "workflow": "quy-trinh",
             "event": "thong-bao", "funding": "thong-bao", "notice": "thong-bao"}
    for kind, folder in pages.items():
        paths += [f"{folder}/{BASE_IDS[kind]}{suffix}/" for suffix in ("", "-1", "-2", "-13")]
    for file in sorted((hostile_site / "quy-trinh").glob("*/index.html")):  # every diagram with a Mermaid directive in a label
        diagram = file.read_text(encoding="utf-8").split('class="mb-mermaid"', 1)[1].split("</pre>", 1)[0]
        if "init" in diagram:
            paths.append(file.parent.relative_to(hostile_site).as_posix() + "/")
    with _serve(hostile_site) as server:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        messages: list[str] = []
        requested: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        current = [""]
        page.on("console", lambda message: messages.append(f"{current[0]}: {message.type}: {message.text}"))
        page.on("pageerror", lambda error: messages.append(f"{current[0]}: pageerror: {error}"))
        page.on("request", lambda request: requested.append(request.url))
        failed: list[str] = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        for path in paths:
            current[0] = path
            page.goto(server + path, wait_until="networkidle")
            if path.startswith("quy-trinh/qt"):
                page.wait_for_selector(".mb-mermaid[data-processed] svg", timeout=30_000)
            page.focus("body")
            page.keyboard.press("Tab")
            page.mouse.move(200, 300)
            assert page.evaluate("document.documentElement.getAttribute('data-pwned')") is None, path
        page.goto(server + "thong-bao/", wait_until="networkidle")
        titles = _results(page, "alert")  # hostile titles and summaries in the search results
        assert any("<script>" in title for title in titles), titles
        assert page.evaluate("document.documentElement.getAttribute('data-pwned')") is None
        context.close()
    assert not dialogs, dialogs[:5]
    assert [url.removeprefix(server) for url in failed] == ["khong-co-trang-nay/"]
    assert [m for m in messages if not m.startswith("khong-co-trang-nay/: error: Failed to load resource")] == [], messages[:5]
    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}, sorted({url for url in requested if "127.0.0.1" not in url})
