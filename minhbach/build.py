"""Build the site into a fresh folder and put it in place only if the build succeeds.

A failed build leaves the last good site untouched. Builds are reproducible: in a clean checkout
SOURCE_DATE_EPOCH defaults to the time of the last commit, so two builds of one commit are
byte-identical.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
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


def build(config: Path, output: Path, *, extra_args: Sequence[str] = ()) -> int:
    """Run a strict MkDocs build into a temporary folder next to `output`, then swap it in."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    if "SOURCE_DATE_EPOCH" not in env:
        epoch = commit_epoch(config.resolve().parent)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=output.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(staging), *extra_args]
    result = subprocess.run(command, env=env, check=False)
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
    args = parser.parse_args(argv)
    return build(args.config, args.output)


if __name__ == "__main__":
    sys.exit(main())
