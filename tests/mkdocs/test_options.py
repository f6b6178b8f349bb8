"""The plugin's options: one MkDocs option type each, Vietnamese errors at the option's line, one set of defaults."""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from minhbach.mkdocs.options import MinhbachConfig, read_settings
from minhbach.settings.defaults import DEFAULTS, Settings

HEAD = "site_name: Thử nghiệm\nsite_url: !ENV SITE_URL\nplugins:\n  - minhbach:\n"
TAIL = "markdown_extensions:\n  - toc:\n      slugify: !!python/name:minhbach.pages.slug.slugify\n"


def _config(tmp_path: Path, options: str) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "data").mkdir(exist_ok=True)
    file = tmp_path / "mkdocs.yml"
    body = "".join(f"      {line}\n" for line in options.splitlines())
    file.write_text(HEAD + body + TAIL, encoding="utf-8")
    return file


# (options as written under `- minhbach:`, the option named in the message, text on the reported line, words of the message)
BAD_OPTIONS = [
    ('review_periods: {procedure: "6 thang"}', "review_periods", "6 thang", "6 tháng"),
    ("review_periods: {procedur: 6 tháng}", "review_periods", "procedur", "procedure"),
    ("review_periods:\n  legal: 3 tháng\n  procedure: 6", "review_periods", "procedure: 6", "số 6"),
    ("review_periods: {procedure: 0 tháng}", "review_periods", "0 tháng", "bằng 0"),
    ("review_periods: {procedure: 99999 năm}", "review_periods", "99999", "100 năm"),
    ("review_periods: {procedure: 6 Tháng}", "review_periods", "6 Tháng", "không phải một chu kỳ"),
    ("review_periods: [procedure]", "review_periods", "[procedure]", "khối"),
    (unicodedata.normalize("NFD", "review_periods: {page: 6 tháng}"), "review_periods", "page", "NFC"),
    ("publication_lag_days: ba", "publication_lag_days", "ba", "số nguyên"),
    ("publication_lag_days: true", "publication_lag_days", "true", "số nguyên"),
    ("publication_lag_days: 2.5", "publication_lag_days", "2.5", "số nguyên"),
    ("publication_lag_days: -1", "publication_lag_days", "-1", "0 đến 60"),
    ("publication_lag_days: 100000000", "publication_lag_days", "100000000", "0 đến 60"),
    ("data_dir: 5", "data_dir", "data_dir", "thư mục"),
    ("data_dir: ''", "data_dir", "data_dir", "thư mục"),
    ("time_zone: Asia/Hanoi", "time_zone", "Asia/Hanoi", "múi giờ"),
    ("time_zone: asia/ho_chi_minh", "time_zone", "asia/ho_chi_minh", "Asia/Ho_Chi_Minh"),
    ("time_zone: +07:00", "time_zone", "+07:00", "múi giờ"),
    ("time_zone: ../../etc/passwd", "time_zone", "passwd", "múi giờ"),
    ("time_zone: localtime", "time_zone", "localtime", "múi giờ"),
    ("time_zone: 7", "time_zone", "time_zone", "múi giờ"),
    ("extra_working_days: 2026-08-22", "extra_working_days", "2026-08-22", "danh sách"),
    ("extra_working_days: [2026-08-24]", "extra_working_days", "2026-08-24", "thứ Hai"),
    ("extra_working_days: [22/08/2026]", "extra_working_days", "22/08/2026", "năm-tháng-ngày"),
    ("extra_working_days: [2026-08-22 08:00:00]", "extra_working_days", "2026-08-22 08:00:00", "ngày giờ"),
    ("extra_working_days:\n  - 2026-08-22\n  - 2026-08-22", "extra_working_days", "- 2026-08-22", "hai lần"),
    ("extra_days_off: [2026-08-22]", "extra_days_off", "2026-08-22", "thứ Bảy"),
    ("extra_days_off: ['2026-02-30']", "extra_days_off", "2026-02-30", "không có trên lịch"),
    ("extra_working_days: [2026-09-01]\nextra_days_off: [2026-09-01]", "extra_days_off", "extra_days_off", "hai danh sách"),
]


@pytest.mark.parametrize(("options", "name", "needle", "words"), BAD_OPTIONS)
def test_every_bad_option_is_a_finding_at_its_line_naming_the_option(tmp_path: Path, options, name, needle, words):
    file = _config(tmp_path, options)
    settings, findings = read_settings(file)
    assert settings is None
    [finding] = findings
    text = file.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert finding.code == "bad-option" and finding.is_error
    assert needle in lines[finding.line - 1], (finding, lines[finding.line - 1])
    assert f"`{name}`" in finding.message
    assert words in finding.message + finding.hint
    assert finding.message == unicodedata.normalize("NFC", finding.message) or "NFC" in finding.hint + finding.message


@pytest.mark.parametrize(("options", "name", "needle", "words"), BAD_OPTIONS)
def test_mkdocs_refuses_the_same_options_with_the_same_vietnamese_message(tmp_path: Path, caplog, options, name, needle, words):
    file = _config(tmp_path, options)
    with caplog.at_level(logging.ERROR, logger="mkdocs.config"), pytest.raises(Abort):
        load_config(str(file))
    logged = caplog.text
    assert f"Plugin 'minhbach' option '{name}'" in logged
    assert words in logged


@pytest.mark.parametrize(
    ("options", "needle", "suggestion"),
    [("review_period: {procedure: 6 tháng}", "review_period:", "review_periods"),
     ("timezone: Asia/Ho_Chi_Minh", "timezone:", "time_zone"),
     ("lag_days: 3", "lag_days:", "")],
)
def test_an_unknown_option_name_is_an_error_not_a_warning(tmp_path: Path, caplog, options, needle, suggestion):
    file = _config(tmp_path, options)
    _, [finding] = read_settings(file)
    assert finding.code == "unknown-option"
    assert file.read_text(encoding="utf-8").splitlines()[finding.line - 1].strip().startswith(needle)
    assert f"`{needle.rstrip(':')}`" in finding.message and suggestion in finding.hint
    with caplog.at_level(logging.ERROR, logger="mkdocs.config"), pytest.raises(Abort):
        load_config(str(file))
    assert "không có tùy chọn" in caplog.text


def test_mkdocs_own_switch_is_checked_as_mkdocs_checks_it(tmp_path: Path):
    """`enabled` belongs to MkDocs, which wants true or false (and says so in English); the check says it in Vietnamese."""
    _, [finding] = read_settings(_config(tmp_path, "enabled: có"))
    assert (finding.code, finding.line) == ("bad-option", 5) and "true hoặc false" in finding.message
    assert read_settings(_config(tmp_path, "enabled: false"))[1] == []


def test_a_date_yaml_cannot_read_is_a_finding_not_a_traceback(tmp_path: Path):
    file = _config(tmp_path, "extra_days_off: [2026-02-30]")
    _, [finding] = read_settings(file)
    assert (finding.code, finding.line) == ("bad-config", 5) and "2026-02-30" in finding.message


@pytest.mark.parametrize(
    "text",
    ["site_name: x\nplugins:\n  - minhbach: 5\n", "site_name: x\nplugins:\n  - minhbach: [data]\n",
     "site_name: x\nplugins: {minhbach: {data_dir: 5}}\n", "site_name: [x\n", "site_name: x\nnav: !Unknown x\n",
     "site_name: x\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:minhbach.no_such_module.slugify\n"],
)
def test_a_config_that_cannot_be_used_is_a_finding(tmp_path: Path, text):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    settings, findings = read_settings(tmp_path / "mkdocs.yml")
    assert settings is None and findings and all(f.is_error and f.path.endswith("mkdocs.yml") for f in findings)


def test_good_options_become_settings(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SITE_TZ", "Asia/Bangkok")
    file = _config(tmp_path, "data_dir: records\npublication_lag_days: 5\nreview_periods: {procedure: 6 tháng, page: 1 năm}\n"
                             "time_zone: !ENV [SITE_TZ, Asia/Ho_Chi_Minh]\nextra_working_days: [2026-08-22, '2026-02-28']\n"
                             "extra_days_off: [2026-03-06]\nenabled: true")
    settings, findings = read_settings(file)
    assert findings == [] and settings is not None
    assert settings.plugin == Settings(data_dir="records", publication_lag_days=5, review_periods={"procedure": "6 tháng", "page": "1 năm"},
                                       time_zone="Asia/Bangkok", extra_working_days=frozenset({dt.date(2026, 8, 22), dt.date(2026, 2, 28)}),
                                       extra_days_off=frozenset({dt.date(2026, 3, 6)}))
    assert settings.data_path == tmp_path / "records" and settings.docs_path == tmp_path / "docs"
    assert settings.site_name == "Thử nghiệm"


@pytest.mark.parametrize(
    "text",
    ["site_name: x\n", "site_name: x\nplugins:\n  - minhbach\n", "site_name: x\nplugins:\n  - minhbach:\n",
     "site_name: x\nplugins:\n  - minhbach:\n      review_periods:\n", "site_name: x\nplugins:\n  - search\n"],
)
def test_a_site_without_options_gets_the_defaults(tmp_path: Path, text):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    settings, findings = read_settings(tmp_path / "mkdocs.yml")
    assert findings == [] and settings is not None and settings.plugin == DEFAULTS


def test_the_shipped_config_is_valid():
    settings, findings = read_settings(Path(__file__).resolve().parents[2] / "mkdocs.yml")
    assert findings == [] and settings is not None
    assert settings.plugin.time_zone == "Asia/Ho_Chi_Minh"


def test_each_default_is_written_once():
    """The config class takes its defaults from the settings, so the two cannot drift apart."""
    config = MinhbachConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert {key: config[key] for key in config} == {
        "data_dir": DEFAULTS.data_dir, "publication_lag_days": DEFAULTS.publication_lag_days,
        "review_periods": dict(DEFAULTS.review_periods), "time_zone": DEFAULTS.time_zone,
        "extra_working_days": DEFAULTS.extra_working_days, "extra_days_off": DEFAULTS.extra_days_off}
