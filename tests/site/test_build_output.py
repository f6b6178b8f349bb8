"""`python -m minhbach.site.build`: the output folder it may replace, and the folders it leaves behind
when it fails, is stopped, or is killed. Every build here is a real process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minhbach.site.build import remove_leftovers
from tests.site_helpers import make_site_project, use_custom_dir

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}


def run_build(root: Path, output: str | Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minhbach.site.build", "--config", str(root / "mkdocs.yml"), "--output", str(output), *args],
                          cwd=cwd or root, env=ENV, capture_output=True, text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder` (links not followed) with its content or link target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = "-> " + os.readlink(path)
        elif path.is_file():
            found[relative] = path.read_bytes()
        else:
            found[relative] = "dir"
    return found


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A small site project in a git repository, with an uncommitted page, a tracked folder of
    other files, a theme custom_dir and a macros folder."""
    root = make_site_project(tmp_path / "repo", {
        "macros/main.py": "def define_env(env):\n    pass\n",
        "overrides/main.html": "{% extends 'base.html' %}\n",
        "schemas/unit.schema.json": "{}\n",
        "notes/ghi-chu.txt": "ghi chú\n",
    })
    use_custom_dir(root, "overrides")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    (root / "docs/chua-commit.md").write_text("# Trang chưa commit\n", encoding="utf-8")
    (root / ".github/workflows").mkdir(parents=True)
    (root / ".github/workflows/publish.yml").write_text("on: push\n", encoding="utf-8")
    return root


REFUSED_OUTPUTS = [".", "..", "docs", "docs/site", "data", "data/units", "macros", "overrides", "overrides/site", ".git", ".github",
                   ".github/site", "mkdocs.yml", "schemas", "notes"]


@pytest.mark.parametrize("output", REFUSED_OUTPUTS)
def test_an_output_that_is_holds_or_lies_in_the_sources_is_refused_and_nothing_is_touched(checkout: Path, output: str):
    before = snapshot(checkout.parent)
    result = run_build(checkout, output)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Không dựng trang" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(checkout.parent) == before


@pytest.mark.parametrize("output", [".", ".github", "docs", "data"])
def test_with_the_config_in_a_subfolder_the_repository_and_its_sources_are_still_refused(checkout: Path, output: str):
    (checkout / "site-config").mkdir()
    config = (checkout / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name:", "docs_dir: ../docs\nsite_name:")
    config = config.replace("  - minhbach\n", "  - minhbach:\n      data_dir: ../data\n")
    (checkout / "site-config/mkdocs.yml").write_text(config, encoding="utf-8")
    before = snapshot(checkout)
    result = subprocess.run([sys.executable, "-m", "minhbach.site.build", "--config", "site-config/mkdocs.yml", "--output", output],
                            cwd=checkout, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "Không dựng trang" in result.stderr
    assert snapshot(checkout) == before


def test_a_symbolic_link_is_never_replaced(checkout: Path, tmp_path: Path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "index.html").write_text("<p>không phải của trang</p>", encoding="utf-8")
    (checkout / "site").symlink_to(target)
    before = snapshot(tmp_path)
    result = run_build(checkout, "site")
    assert result.returncode == 2 and "liên kết tượng trưng" in result.stderr
    assert snapshot(tmp_path) == before


def test_a_path_the_system_cannot_use_is_refused_without_a_traceback(checkout: Path):
    result = run_build(checkout, "a" * 300)
    assert result.returncode == 2 and "Không dựng trang" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_that_is_not_a_previous_build_is_not_replaced(checkout: Path, tmp_path: Path):
    documents = tmp_path / "tai-lieu"
    documents.mkdir()
    (documents / "bao-cao.docx").write_bytes(b"report")
    result = run_build(checkout, documents)
    assert result.returncode == 2 and "index.html" in result.stderr
    assert (documents / "bao-cao.docx").read_bytes() == b"report"


@pytest.mark.build
def test_a_previous_build_is_replaced_and_leftovers_of_killed_builds_are_removed(checkout: Path):
    leftovers = [checkout / ".site-build-abc12345", checkout / ".site-previous-4194399-x1234567", checkout / f".site-build-{os.getpid()}0-y1234567"]
    for folder in leftovers:
        (folder / "sub").mkdir(parents=True)
    (checkout / ".site-build-linkxxxx").symlink_to(checkout / "notes")
    (checkout / ".site-build-notes").mkdir()  # a folder of someone's, not a build's
    result = run_build(checkout, "site", "--no-links", "--no-search")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (checkout / "site/index.html").is_file()
    assert sorted(path.name for path in checkout.glob(".site-*")) == [".site-build-linkxxxx", ".site-build-notes"]
    assert (checkout / "notes/ghi-chu.txt").is_file()
    assert run_build(checkout, "site", "--no-links", "--no-search").returncode == 0


def test_leftovers_of_a_build_still_running_are_kept(tmp_path: Path):
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / f".site-build-{running.pid}-abcdefgh").mkdir()
        (tmp_path / ".site-build-999999999-abcdefgh").mkdir()
        assert [path.name for path in remove_leftovers(tmp_path)] == [".site-build-999999999-abcdefgh"]
        assert (tmp_path / f".site-build-{running.pid}-abcdefgh").is_dir()
    finally:
        running.kill()
        running.wait()


def _start_and_wait_for_staging(root: Path, *, new_session: bool = False) -> subprocess.Popen:
    (root / "site").mkdir(exist_ok=True)
    (root / "site/index.html").write_text("trang cũ", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "minhbach.site.build", "--config", str(root / "mkdocs.yml"), "--output", "site"],
                               cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=new_session)
    deadline = time.monotonic() + 120
    while not any(root.glob(".site-build-*/*")):
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.05)
    return process


@pytest.mark.build
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_build_removes_its_staging_folder_and_keeps_the_last_site(checkout: Path, stop: int):
    if signal.getsignal(stop) is signal.SIG_IGN:  # a background job of a shell ignores SIGINT, and so does the build it starts
        pytest.skip(f"{signal.Signals(stop).name} is ignored in this process, as in the build it would start")
    process = _start_and_wait_for_staging(checkout)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + stop, stderr[-3000:]
    assert "Traceback" not in stderr
    assert list(checkout.glob(".site-*")) == []
    assert (checkout / "site/index.html").read_text(encoding="utf-8") == "trang cũ"


@pytest.mark.build
def test_a_killed_build_leaves_the_last_site_and_the_next_build_removes_its_staging_folder(checkout: Path):
    process = _start_and_wait_for_staging(checkout, new_session=True)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert list(checkout.glob(".site-build-*")), "a killed build cannot clean up after itself"
    assert (checkout / "site/index.html").read_text(encoding="utf-8") == "trang cũ"
    result = run_build(checkout, "site", "--no-links", "--no-search")
    assert result.returncode == 0, result.stderr[-3000:]
    assert list(checkout.glob(".site-*")) == []
    assert "trang cũ" not in (checkout / "site/index.html").read_text(encoding="utf-8")
