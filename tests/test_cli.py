"""The `minhbach` command: output formats, exit codes, and the shipped data passing its own check."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from minhbach.cli import main
from minhbach.model import KINDS
from tests.conftest import PROCEDURE, line_of, write_project
from tests.mkdocs.test_options import BAD_OPTIONS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project)
    return project


def test_clean_project_exits_zero_with_warnings(in_project: Path, capsys):
    assert main(["check", "--today", "2026-11-27"]) == 0
    out = capsys.readouterr()
    assert "warning[pending]" in out.out and "translation" not in out.out  # a site without a language selector: Vietnamese alone
    assert "0 lỗi (errors), 3 cảnh báo (warnings)" in out.err  # 3 pending parts


def test_a_site_with_a_language_selector_hears_of_its_untranslated_records(in_project: Path, capsys):
    write_project(in_project, {"mkdocs.yml": "site_name: x\nextra:\n  alternate:\n    - {lang: vi, link: /}\n    - {lang: zh, link: /zh/}\n"})
    assert main(["check", "--today", "2026-11-27"]) == 0
    out = capsys.readouterr()
    assert "warning[translation-missing]: 4 cảnh báo trong 4 tệp" in out.out  # 4 records not in Chinese; English is not published
    assert "0 lỗi (errors), 7 cảnh báo (warnings)" in out.err


def test_errors_exit_one_and_print_path_line_col(in_project: Path, capsys):
    text = PROCEDURE.replace("requirements: []", "requirement: []")
    write_project(in_project, {"data/procedures/hop-phap-hoa.yml": text})
    assert main(["check", "--today", "2026-11-27"]) == 1
    out = capsys.readouterr().out
    line = line_of(text, "requirement:")
    assert f"data/procedures/hop-phap-hoa.yml:{line}:1: error[unknown-key]: khóa `requirement` không có trong mẫu" in out


def test_check_prints_errors_first_then_a_count_per_warning_code(in_project: Path, capsys):
    text = PROCEDURE.replace("updated: 2026-03-01", "updated: 2025-12-01")  # sorts after the unit's warning
    write_project(in_project, {"data/procedures/hop-phap-hoa.yml": text})
    assert main(["check", "--today", "2026-11-27"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith(f"data/procedures/hop-phap-hoa.yml:{line_of(text, 'updated:')}:") and "error[date-order]" in lines[0]
    assert lines[2:] == ["warning[change-note-missing]: 1 cảnh báo trong 1 tệp (đầu tiên: data/procedures/hop-phap-hoa.yml:3)",
                         "warning[pending]: 3 cảnh báo trong 2 tệp (đầu tiên: data/procedures/hop-phap-hoa.yml:13)"]
    assert "1 lỗi (errors), 4 cảnh báo (warnings); in từng cảnh báo: minhbach check --verbose" in err

    assert main(["check", "--today", "2026-11-27", "--errors-only"]) == 1
    assert capsys.readouterr().out.splitlines() == lines[:2]
    assert main(["check", "--today", "2026-11-27", "-q", "--format", "json"]) == 1
    assert [row["code"] for row in json.loads(capsys.readouterr().out)] == ["date-order"]

    assert main(["check", "--today", "2026-11-27", "--verbose"]) == 1
    verbose = capsys.readouterr().out.splitlines()
    assert verbose[:2] == lines[:2]
    assert sum("warning[pending]: `" in line for line in verbose) == 3 and "phong-mot.yml" in "".join(verbose[2:])


def test_json_format_is_exactly_one_array(in_project: Path, capsys):
    write_project(in_project, {"data/units/bad.yml": "- 1\n"})
    assert main(["check", "--format", "json", "--today", "2026-11-27"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and len([row for row in rows if row["code"] != "translation-missing"]) == 4
    assert {row["severity"] for row in rows} == {"error", "warning"}
    assert all(set(row) == {"severity", "code", "path", "line", "column", "message", "hint"} for row in rows)


def test_json_format_with_no_findings_is_an_empty_array(in_project: Path, capsys):
    write_project(in_project, {"data/procedures/hop-phap-hoa.yml": PROCEDURE.replace("national_code: {pending: Chưa tra được mã.}", "national_code: '2.002352'").replace("  hours: {pending: Chưa công bố giờ tiếp nhận.}", "  hours: Giờ hành chính")})
    (in_project / "data/units/phong-mot.yml").write_text(
        (in_project / "data/units/phong-mot.yml").read_text(encoding="utf-8").replace("email: {pending: Chưa có địa chỉ thư công vụ.}", "email: phongmot@langson.gov.vn"),
        encoding="utf-8",
    )
    for record in (in_project / "data").glob("*/*.yml"):  # translated, on the day of the last update
        text = record.read_text(encoding="utf-8")
        updated = next(line.split(": ")[1] for line in text.splitlines() if line.startswith("updated: "))
        record.write_text(text + f"translations:\n  en: {{translated: {updated}}}\n  zh: {{translated: {updated}}}\n", encoding="utf-8")
    assert main(["check", "--format", "json", "--today", "2026-11-27"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format(in_project: Path, capsys):
    main(["check", "--format", "github", "--today", "2026-11-27"])
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("::warning file=data/") for line in lines)


def test_data_option_and_today_option(project: Path, capsys, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--data", str(project / "data"), "--docs", str(project / "docs"), "--today", "2026-02-01"]) == 1
    assert "future-date" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["check", "--today", "27/11/2026"], ["check", "--format", "xml"], ["nothing"], ["schema"]])
def test_usage_errors_exit_two(argv, in_project: Path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        assert main(argv) == 2
        raise SystemExit(2)
    assert exit_info.value.code == 2


def test_internal_failure_exits_two_with_a_report(in_project: Path, capsys, monkeypatch):
    import minhbach.cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(minhbach.cli, "check_project", broken)
    assert main(["check"]) == 2
    assert "internal error" in capsys.readouterr().err


def test_schema_prints_one_kind_and_writes_all(tmp_path: Path, capsys):
    assert main(["schema", "legal"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == "legal.schema.json"
    assert main(["schema", "--write", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{kind}.schema.json" for kind in KINDS)


def test_fix_nfc_command(tmp_path: Path, capsys):
    file = tmp_path / "x.yml"
    file.write_text("name: " + unicodedata.normalize("NFD", "hộ chiếu") + "\n", encoding="utf-8")
    assert main(["fix", "--nfc", str(file)]) == 0
    assert file.read_text(encoding="utf-8") == "name: hộ chiếu\n"
    assert "2 chỗ" in capsys.readouterr().out


def test_fix_invisible_command_removes_what_check_reports(tmp_path: Path, capsys):
    file = tmp_path / "x.yml"
    file.write_text("name: hộ\u200b chiếu\nnote: \u200b\n", encoding="utf-8")
    assert main(["fix", "--invisible", str(file)]) == 1  # the empty value cannot be fixed safely
    assert "bằng tay" in capsys.readouterr().err
    file.write_text("name: hộ\u200b chiếu\u2060\n", encoding="utf-8")
    assert main(["fix", "--invisible", "--nfc", str(file)]) == 0
    assert file.read_text(encoding="utf-8") == "name: hộ chiếu\n"
    assert "đã xóa 2 ký tự không nhìn thấy" in capsys.readouterr().out


def test_console_script_runs_check_on_the_shipped_data():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "minhbach.cli", "check", "--format", "json"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(row["severity"] == "warning" for row in json.loads(result.stdout))


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_console_script_writes_all_its_output_to_a_pipe_before_it_exits(output_format: str, capsys, monkeypatch):
    """The command ends without Python's teardown (`cli.run`); what it printed to a buffered pipe still arrives whole."""
    arguments = ["check", "--verbose", "--today", "2026-12-01", "--no-cache", "--format", output_format]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"} | {"PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "minhbach.cli", *arguments], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    monkeypatch.chdir(ROOT)
    assert main(arguments) == result.returncode == 0
    printed = capsys.readouterr()
    assert result.stdout.count("\n") > 10 and (result.stdout, result.stderr) == (printed.out, printed.err)


def test_publication_lag_is_set_on_the_command_line(in_project: Path, capsys):
    from tests.conftest import NOTICE

    write_project(in_project, {"data/notices/thong-bao-mot.yml": NOTICE.replace("2026-05-04", "2026-05-05")})
    assert main(["check", "--today", "2026-11-27", "--lag-days", "1"]) == 1
    assert "error[publication-lag]" in capsys.readouterr().out
    assert main(["check", "--today", "2026-11-27", "--lag-days", "3"]) == 0


def test_check_reads_the_plugin_settings_from_mkdocs_yml(in_project: Path, capsys):
    from tests.conftest import NOTICE

    write_project(in_project, {"data/notices/thong-bao-mot.yml": NOTICE.replace("2026-05-04", "2026-05-05"),
                               "data/procedures/hop-phap-hoa.yml": PROCEDURE.replace("review_in: 6 tháng\n", ""), "mkdocs.yml": (
        "site_name: x\nsite_url: !ENV SITE_URL\nplugins:\n  - minhbach:\n      publication_lag_days: 1\n"
        "      review_periods: {procedure: 1 tháng}\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:minhbach.pages.slug.slugify\n")})
    assert main(["check", "--today", "2026-11-27"]) == 1
    out = capsys.readouterr().out
    assert "error[publication-lag]" in out
    assert main(["check", "--today", "2026-12-15"]) == 1
    assert "warning[review-overdue]" in capsys.readouterr().out  # 2026-11-01 + 1 month
    assert main(["check", "--today", "2026-11-27", "--lag-days", "3"]) == 0


def test_report_writes_markdown_and_csv_that_are_reproducible(in_project: Path, tmp_path: Path, capsys):
    from tests.conftest import NOTICE

    write_project(in_project, {"data/notices/thong-bao-mot.yml": NOTICE.replace("2026-05-04", "2026-05-08"),
                               "mkdocs.yml": "site_name: Sở thử nghiệm\n"})
    assert main(["report", "--period", "2026-Q2", "--output", str(tmp_path / "a"), "--today", "2026-07-10"]) == 0
    assert main(["report", "--period", "2026-Q2", "--output", str(tmp_path / "b"), "--today", "2026-07-10"]) == 0
    for name in ("bao-cao-2026-Q2.md", "bao-cao-2026-Q2-chi-so.csv", "bao-cao-2026-Q2-viec-can-lam.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    text = (tmp_path / "a/bao-cao-2026-Q2.md").read_text(encoding="utf-8")
    assert "Kỳ báo cáo: 01/04/2026 – 30/06/2026. Ngày lập: 10/07/2026." in text
    assert "| Thông báo đăng trong kỳ, đúng hạn | 0/1 (0%) |" in text
    assert "### Phòng Một" in text and "đăng muộn: Thông báo thử nghiệm" in text
    rows = (tmp_path / "a/bao-cao-2026-Q2-chi-so.csv").read_text(encoding="utf-8-sig").splitlines()
    assert "thong_bao_tong,1" in rows and "thong_bao_dung_han,0" in rows
    assert main(["report", "--period", "2026-Q9"]) == 2


def test_check_knows_the_macros_and_the_opted_in_pages_from_mkdocs_yml(in_project: Path, capsys):
    page = "---\nrender_macros: true\n---\n# Trang\n\n{{ legal_badge(\"nd-111-2011\") }}\n"
    write_project(in_project, {"docs/trang.md": page, "mkdocs.yml": (
        "site_name: x\nplugins:\n  - minhbach\n  - macros:\n"
        f"      module_name: {(ROOT / 'macros' / 'main').as_posix()}\n      render_by_default: false\n")})
    assert main(["check", "--today", "2026-11-27"]) == 0
    (in_project / "docs/trang.md").write_text(page.replace('legal_badge("nd-111-2011")', "config.site_name"), encoding="utf-8")
    assert main(["check", "--today", "2026-11-27"]) == 1
    assert "docs/trang.md:6:1: error[template-unsafe]" in capsys.readouterr().out
    (in_project / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - minhbach\n", encoding="utf-8")  # no macros plugin: nothing renders
    assert main(["check", "--today", "2026-11-27"]) == 1
    assert "docs/trang.md:6:1: error[template-not-rendered]" in capsys.readouterr().out


NIGHTLY_EPOCH = str(int(dt.datetime(2026, 11, 26, 19, 30, tzinfo=dt.timezone.utc).timestamp()))
"""The nightly publish: 19:30 UTC on the 26th is 02:30 on the 27th in Việt Nam."""


@pytest.mark.parametrize(("zone", "code"), [(None, 0), ("Asia/Ho_Chi_Minh", 0), ("UTC", 1)])
def test_check_takes_today_in_the_sites_time_zone(in_project: Path, capsys, monkeypatch, zone, code):
    from tests.conftest import UNIT

    monkeypatch.setenv("SOURCE_DATE_EPOCH", NIGHTLY_EPOCH)
    options = f"plugins:\n  - minhbach:\n      time_zone: {zone}\n" if zone else ""
    write_project(in_project, {"data/units/phong-mot.yml": UNIT.replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-27"),
                               "mkdocs.yml": "site_name: x\n" + options})
    assert main(["check"]) == code
    assert ("error[future-date]" in capsys.readouterr().out) == bool(code)


def test_links_report_and_check_take_the_same_day(in_project: Path, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NIGHTLY_EPOCH)
    site = tmp_path / "built"
    write_project(site, {"index.html": "<html><body><a href='#'>x</a></body></html>"})
    assert main(["links", str(site), "--report", str(tmp_path / "links.json")]) == 0
    assert json.loads((tmp_path / "links.json").read_text(encoding="utf-8"))["checked_on"] == "2026-11-27"
    assert main(["report", "--period", "2026-Q4", "--output", str(tmp_path / "reports")]) == 0
    assert "Ngày lập: 27/11/2026." in (tmp_path / "reports/bao-cao-2026-Q4.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("epoch", ["yesterday", "-1", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_a_usage_error_without_a_traceback(in_project: Path, capsys, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "SOURCE_DATE_EPOCH" in err and "Traceback" not in err


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
@pytest.mark.parametrize(("options", "name", "needle", "words"), BAD_OPTIONS)
def test_a_bad_plugin_option_exits_one_with_the_finding_and_no_traceback(in_project: Path, capsys, options, name, needle, words,
                                                                          output_format):
    body = "".join(f"      {line}\n" for line in options.splitlines())
    write_project(in_project, {"mkdocs.yml": "site_name: x\nsite_url: !ENV SITE_URL\nplugins:\n  - minhbach:\n" + body})
    assert main(["check", "--format", output_format]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err
    assert "bad-option" in out and name in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["--lag-days", "-1"], "0 đến 60"), (["--lag-days", "ba"], "số nguyên"), (["--lag-days", "1000000"], "0 đến 60"),
     (["--review-period", "procedure=6 thang"], "6 tháng"), (["--review-period", "procedur=6 tháng"], "procedure")],
)
def test_bad_setting_on_the_command_line_is_a_usage_error(in_project: Path, capsys, argv, words):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", *argv])
    assert exit_info.value.code == 2
    assert words in capsys.readouterr().err


def test_folders_in_the_config_are_relative_to_it(project: Path, tmp_path: Path, capsys, monkeypatch):
    write_project(project, {"mkdocs.yml": "site_name: x\nplugins:\n  - minhbach:\n      publication_lag_days: 2\n"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["check", "--config", str(project / "mkdocs.yml"), "--today", "2026-11-27", "--verbose"]) == 0
    assert "phong-mot.yml" in capsys.readouterr().out


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_a_value_with_a_line_break_cannot_forge_a_workflow_command(in_project: Path, capsys, output_format: str):
    forged = PROCEDURE.replace("hours: {pending: Chưa công bố giờ tiếp nhận.}",
                               'hours: {pending: "x\\n::error file=a::forged\\n  ::add-mask::b"}')
    write_project(in_project, {"data/procedures/hop-phap-hoa.yml": forged})
    every = ["--verbose"] if output_format == "text" else []  # text lists each warning only when asked
    assert main(["check", "--today", "2026-11-27", "--format", output_format, *every]) == 0
    out = capsys.readouterr().out
    assert "forged" in out
    assert not any(line.lstrip().startswith(("::error file=a", "::add-mask")) for line in out.splitlines())
    if output_format == "github":
        assert all(line.startswith("::warning file=data/") for line in out.splitlines())
