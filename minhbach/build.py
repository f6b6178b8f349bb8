"""Build the site into a fresh folder and put it in place only if the build succeeds.

A failed build leaves the last good site untouched. Builds are reproducible: in a clean checkout
SOURCE_DATE_EPOCH defaults to the time of the last commit, so two builds of one commit are
byte-identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path


def _git(directory: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=directory, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def commit_epoch(directory: Path) -> str | None:
    """Unix time of the last commit when the checkout is clean; None when there are local edits
    (then "today" is the real today, so records dated today are not taken for the future)."""
    status = _git(directory, "status", "--porcelain")
    if status is None or status.strip():
        return None
    value = (_git(directory, "log", "-1", "--format=%ct") or "").strip()
    return value if value.isdigit() else None


def _check_links(staging: Path, project: Path, *, today: dt.date, external: bool) -> bool:
    """Check the fresh build's links, publish the result, and fill in the dashboard's link figure.

    `today` is the build's own date, so the link report and the dashboard show the same day.
    Only broken internal links stop the build: an external site being down is not a reason to
    keep the last site, and is reported instead.
    """
    from minhbach.findings import format_text
    from minhbach.links.external import ExternalOptions
    from minhbach.links.run import check_site, fill_dashboard

    result = check_site(staging, project=project, today=today,
                        external=ExternalOptions(cache_dir=project / ".cache" / "links") if external else None)
    if result.findings:
        print(format_text(result.findings), file=sys.stderr)
    fill_dashboard(staging, result)
    return not any(f.is_error and f.code == "broken-link" for f in result.findings)


def build(config: Path, output: Path, *, extra_args: Sequence[str] = (), check_links: bool = True,
          external_links: bool = False, search: bool = True) -> int:
    """Run a strict MkDocs build into a temporary folder next to `output`, check its links, then swap it in.

    The plugin's options are checked first, as `minhbach check` does; a bad one stops the build (1).
    """
    from minhbach.findings import format_text
    from minhbach.options import read_settings
    from minhbach.sitecalendar import ClockError

    project, problems = read_settings(config)
    if project is None:
        print(format_text(problems), file=sys.stderr)
        print(f"Dựng trang thất bại: sửa tùy chọn trong {config.as_posix()} rồi dựng lại. (Build failed; the last good site is kept.)",
              file=sys.stderr)
        return 1
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    if "SOURCE_DATE_EPOCH" not in env:
        # The last commit's time, or now: the build and its link check below then take the same day.
        env["SOURCE_DATE_EPOCH"] = commit_epoch(config.resolve().parent) or str(int(time.time()))
    try:
        today = project.plugin.today(environ=env)  # the day the plugin takes in the build below
    except ClockError as exc:
        print(f"Dựng trang thất bại: {exc}. (Build failed; the last good site is kept.)", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=output.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(staging), *extra_args]
    result = subprocess.run(command, env=env, check=False)
    if result.returncode == 0 and check_links and not _check_links(staging, config.resolve().parent, today=today,
                                                                          external=external_links):
        result = subprocess.CompletedProcess(command, 1)
    if result.returncode == 0 and search:
        from minhbach.search import build_index

        print(f"INFO    -  minhbach: {build_index(staging)} trang trong chỉ mục tìm kiếm", file=sys.stderr)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Dựng trang thất bại; trang cũ trong {output} được giữ nguyên. (Build failed; the last good site is kept.)", file=sys.stderr)
        return result.returncode or 1
    previous = None
    if output.exists():
        previous = Path(tempfile.mkdtemp(prefix=".site-previous-", dir=output.parent))
        previous.rmdir()
        output.rename(previous)
    staging.rename(output)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minhbach.build", description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--output", type=Path, default=Path("site"))
    parser.add_argument("--no-links", dest="links", action="store_false", help="skip the link check")
    parser.add_argument("--external-links", action="store_true", help="also check links to other sites (needs lychee)")
    parser.add_argument("--no-search", dest="search", action="store_false", help="skip building the search index")
    args = parser.parse_args(argv)
    return build(args.config, args.output, check_links=args.links, external_links=args.external_links, search=args.search)


if __name__ == "__main__":
    sys.exit(main())
