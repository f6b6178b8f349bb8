"""`python -m minhbach.site.build`: the build's day, and the plugin's options checked before anything is built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from minhbach.site.build import build as build_in_process
from tests.conftest import EVENT
from tests.site_helpers import article, build, make_language_project, make_site_project

pytestmark = pytest.mark.build

BAD = "site_name: x\nplugins:\n  - minhbach:\n      review_periods: {procedure: \"6 thang\"}\n"


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
    subprocess.run(["git", "-c", "user.name=Thử nghiệm", "-c", "user.email=thu@example.org", *args], cwd=root, env=env,
                   check=True, capture_output=True)


def test_the_dashboard_and_the_link_report_take_the_vietnamese_day_of_the_commit(tmp_path: Path):
    """A commit made at 19:30 UTC on 26/11 is built as 27/11, the day it is in Việt Nam, by the plugin and the link check alike."""
    ended = EVENT.replace("start: 2026-12-02 08:00", "start: 2026-11-25 08:00").replace("end: 2026-12-06 17:00", "end: 2026-11-26 17:00")
    root = make_site_project(tmp_path / "repo", {"data/events/hoi-cho-mot.yml": ended})
    _git(root, "init", "--quiet")
    _git(root, "add", "--all")
    _git(root, "commit", "--quiet", "--message", "Trang thử nghiệm", date="2026-11-26T19:30:00+00:00")
    result = build(root, tmp_path / "site", epoch=None)
    assert result.returncode == 0, result.stderr[-3000:]
    dashboard = article((tmp_path / "site/minh-bach/index.html").read_text(encoding="utf-8"))
    assert "khi dựng trang ngày 27/11/2026" in dashboard
    assert "(kiểm tra ngày 27/11/2026, liên kết trong trang)" in dashboard
    assert json.loads((tmp_path / "site/du-lieu/kiem-tra-lien-ket.json").read_text(encoding="utf-8"))["checked_on"] == "2026-11-27"
    announcements = article((tmp_path / "site/thong-bao/index.html").read_text(encoding="utf-8"))
    upcoming = announcements[announcements.index('id="su-kien-sap-toi"'): announcements.index('id="chuong-trinh-tai-tro-dang-mo"')]
    assert "hoi-cho-mot/" not in upcoming, "an event that ended yesterday in Việt Nam is not upcoming"


@pytest.mark.parametrize(
    ("options", "words"),
    [('review_periods: {procedure: "6 thang"}', "6 tháng"), ("time_zone: Asia/Hanoi", "time_zone"),
     ("extra_days_off: [2026-02-30]", "2026-02-30"), ("extra_days_off: [2026-08-22]", "thứ Bảy"), ("lag_days: 3", "lag_days")],
)
def test_a_bad_option_stops_the_build_before_it_starts_and_keeps_the_last_site(tmp_path: Path, capsys, options, words):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - minhbach:\n      " + options + "\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text("trang cũ", encoding="utf-8")
    assert build_in_process(config, tmp_path / "site") == 1
    err = capsys.readouterr().err
    assert f"{config.as_posix()}:4:" in err and words in err and "Traceback" not in err
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "trang cũ"
    assert not list(tmp_path.glob(".site-build-*"))


@pytest.mark.parametrize("command", [["-m", "minhbach.site.build", "--config", "mkdocs.yml"], ["-m", "mkdocs", "build", "--strict"]])
def test_the_build_commands_exit_one_with_a_vietnamese_message_and_no_traceback(tmp_path: Path, command):
    (tmp_path / "mkdocs.yml").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = subprocess.run([sys.executable, *command], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1
    assert "'6 thang' không phải một chu kỳ" in result.stderr and "Viết đủ dấu: '6 tháng'" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_command_builds_every_language_into_its_folder(tmp_path: Path):
    root = make_language_project(tmp_path / "repo")
    result = build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    homes = {folder: (tmp_path / "site" / folder / "index.html").read_text(encoding="utf-8") for folder in ("", "en", "zh")}
    assert "Xin chào." in homes[""] and "Hello." in homes["en"] and "你好。" in homes["zh"]
    for folder in ("", "en", "zh"):
        assert (tmp_path / "site" / folder / "thu-tuc/hop-phap-hoa/index.html").is_file(), "every record is published in every language"
        assert (tmp_path / "site" / folder / "pagefind/pagefind-entry.json").is_file(), "each language has its own search index"
    assert "Hello." not in homes[""] and "Xin chào." not in homes["en"]


def test_a_language_that_fails_to_build_fails_the_whole_and_keeps_the_last_site(tmp_path: Path):
    root = make_language_project(tmp_path / "repo", {"docs-zh/index.md": "# 首页\n\n[坏链接](khong-co.md)\n"})
    (tmp_path / "site").mkdir()
    (tmp_path / "site/index.html").write_text("trang cũ", encoding="utf-8")
    result = build(root, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.zh.yml" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "trang cũ"
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == ["index.html"]
    assert not list(tmp_path.glob(".site-build-*"))
