"""The minhbach plugin's options in mkdocs.yml: their MkDocs option types, and reading them outside a build.

Every option is validated by a `mkdocs.config.config_options` type, so `mkdocs build`, `mkdocs serve`,
`python -m minhbach.site.build` and `minhbach check` accept and refuse exactly the same values. A refused
value raises `OptionError`, a `mkdocs.config.base.ValidationError` whose text is Vietnamese and says
how to fix it; MkDocs prints it as "Plugin 'minhbach' option '<name>': ..." and stops (exit 1).
`read_settings` turns the same errors into findings at the option's line in mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError, get_schema
from mkdocs.config.defaults import MkDocsConfig

from minhbach.findings import Finding, error
from minhbach.load.validate import describe_value
from minhbach.catalog.review import PAGE_KIND, add_period
from minhbach.model import KINDS
from minhbach.model.base import PERIOD_PATTERN
from minhbach.settings.defaults import DEFAULTS, Settings
from minhbach.settings.calendar import WEEKDAY_NAMES, WorkCalendar
from minhbach.settings.languages import LanguageError, translation_languages
from minhbach.catalog.macros import MacrosConfig
from minhbach.load.source import SourceDocument, decode, parse

PLUGIN_NAME = "minhbach"
REVIEW_KINDS = (*KINDS, PAGE_KIND)
MAX_LAG_DAYS = 60
"""About three months of working days: a larger allowance is a typo, not a rule."""
LONGEST_PERIOD_YEARS = 100
_PERIOD = re.compile(PERIOD_PATTERN)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UNACCENTED_UNITS = {"ngay": "ngày", "tuan": "tuần", "thang": "tháng", "nam": "năm"}


class OptionError(ValidationError):
    """A refused option value. `message` says what is wrong and `hint` how to fix it, both in Vietnamese;
    `where` is the part of the option at fault (a key of a mapping, an index of a list), () for all of it."""

    def __init__(self, message: str, hint: str, where: tuple[str | int, ...] = ()) -> None:
        super().__init__(f"{message}. {hint}")
        self.message, self.hint, self.where = message, hint, where


def _suggestion(value: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    folded = {choice.casefold(): choice for choice in choices}
    match = folded.get(value.casefold()) or next(iter(difflib.get_close_matches(value, choices, n=1)), None)
    return f"Có phải ý bạn là `{match}`? " if match else ""


class Folder(c.BaseConfigOption[str]):
    """A folder path written as text (relative to mkdocs.yml)."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise OptionError(f"cần tên một thư mục, đang là {describe_value(value)}", f"Ví dụ: `{self._name}: {self.default}`.")
        return value


class WholeNumber(c.BaseConfigOption[int]):
    """A whole number in [minimum, maximum]; true/false and decimals are refused."""

    def __init__(self, default: int, *, minimum: int, maximum: int) -> None:
        super().__init__()
        self.default, self.minimum, self.maximum = default, minimum, maximum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"cần một số nguyên, đang là {describe_value(value)}", f"Ví dụ: `{self._name}: {self.default}`.")
        if not self.minimum <= value <= self.maximum:
            raise OptionError(f"{value} nằm ngoài khoảng cho phép ({self.minimum} đến {self.maximum})",
                              f"Ghi một số từ {self.minimum} đến {self.maximum}, ví dụ `{self._name}: {self.default}`.")
        return value


def period_problem(value: object) -> tuple[str, str] | None:
    """Why `value` is not a review period such as '6 tháng' (PERIOD_PATTERN, from 1 day to 100 years), as
    (message, hint) in Vietnamese; None when it is one."""
    hint = "Viết số rồi đơn vị: '90 ngày', '6 tháng', '1 năm' (hoặc days, weeks, months, years)."
    if not isinstance(value, str):
        return f"cần một chu kỳ như '6 tháng', đang là {describe_value(value)}", hint
    match = _PERIOD.match(value)
    if not match:
        if _PERIOD.match(unicodedata.normalize("NFC", value)):
            return (f"chu kỳ '{value}' có chữ có dấu ở dạng tổ hợp (không phải Unicode NFC)",
                    "Gõ lại chữ có dấu bằng bộ gõ tiếng Việt (Unikey, chế độ Unicode dựng sẵn).")
        count, _, unit = value.partition(" ")
        if unit.lower() in _UNACCENTED_UNITS:
            return f"'{value}' không phải một chu kỳ", f"Viết đủ dấu: '{count} {_UNACCENTED_UNITS[unit.lower()]}'."
        return f"'{value}' không phải một chu kỳ", hint
    if int(match.group(1)) == 0:
        return f"chu kỳ '{value}' bằng 0", hint
    start = dt.date(2000, 1, 1)
    try:
        too_long = add_period(start, value) > start.replace(year=start.year + LONGEST_PERIOD_YEARS)
    except (ValueError, OverflowError):
        too_long = True
    if too_long:
        return f"chu kỳ '{value}' dài hơn {LONGEST_PERIOD_YEARS} năm", hint
    return None


class ReviewPeriods(c.BaseConfigOption[dict]):
    """Default review period by kind: a mapping from a record kind or "page" to a period such as '6 tháng'."""

    def __init__(self, default: dict[str, str]) -> None:
        super().__init__()
        self.default = dict(default)

    def run_validation(self, value: object) -> dict[str, str]:
        example = "Ví dụ:\n  review_periods:\n    procedure: 6 tháng\n    page: 1 năm"
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise OptionError(f"cần một khối `loại: chu kỳ`, đang là {describe_value(value)}", example)
        for kind, period in value.items():
            if kind not in REVIEW_KINDS:
                raise OptionError(f"không có loại '{kind}'", f"{_suggestion(str(kind), REVIEW_KINDS)}Các loại: {', '.join(REVIEW_KINDS)}.",
                                  (str(kind),))
            problem = period_problem(period)
            if problem:
                raise OptionError(f"loại `{kind}`: {problem[0]}", problem[1], (kind,))
        return dict(value)


class TimeZone(c.BaseConfigOption[str]):
    """An IANA time zone key known to the tz database, such as "Asia/Ho_Chi_Minh"."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        hint = f"Ghi tên múi giờ theo cơ sở dữ liệu IANA, ví dụ `time_zone: {self.default}` (giờ Việt Nam)."
        if not isinstance(value, str):
            raise OptionError(f"cần tên một múi giờ, đang là {describe_value(value)}", hint)
        zones = zoneinfo.available_timezones() - {"localtime"}  # localtime differs from machine to machine
        if value not in zones:
            raise OptionError(f"không có múi giờ '{value[:60]}'", _suggestion(value, zones) + hint)
        return value


class Days(c.BaseConfigOption[frozenset]):
    """A list of dates (YYYY-MM-DD) that change the working-day calendar of one year.

    `working` True: days made working days, which must otherwise be a weekend day or a holiday;
    False: days made days off, which must otherwise be Monday to Friday.
    """

    def __init__(self, *, working: bool) -> None:
        super().__init__()
        self.working = working
        self.default = DEFAULTS.extra_working_days if working else DEFAULTS.extra_days_off

    def run_validation(self, value: object) -> frozenset[dt.date]:
        example = f"Ví dụ: `{self._name}: [2026-08-22]` (năm-tháng-ngày)."
        if value is None:
            return frozenset()
        if not isinstance(value, (list, tuple, set, frozenset)):
            raise OptionError(f"cần một danh sách ngày, đang là {describe_value(value)}", example)
        days: list[dt.date] = []
        plain = WorkCalendar()
        for index, item in enumerate(value):
            day = self._day(item, index, example)
            if day in days:
                raise OptionError(f"ngày {day.isoformat()} được ghi hai lần", "Xóa dòng thừa.", (index,))
            weekday = WEEKDAY_NAMES[day.weekday()]
            if self.working and plain.is_working_day(day):
                raise OptionError(f"ngày {day.isoformat()} ({weekday}) vốn đã là ngày làm việc",
                                  "Chỉ ghi ngày thứ Bảy, Chủ nhật hoặc ngày lễ mà cơ quan phải đi làm (làm bù); kiểm tra lại ngày.",
                                  (index,))
            if not self.working and day.weekday() >= 5:
                raise OptionError(f"ngày {day.isoformat()} là {weekday}, vốn đã là ngày nghỉ",
                                  "Chỉ ghi ngày từ thứ Hai đến thứ Sáu được nghỉ thêm (nghỉ bù, hoán đổi); kiểm tra lại ngày.",
                                  (index,))
            days.append(day)
        return frozenset(days)

    @staticmethod
    def _day(item: object, index: int, example: str) -> dt.date:
        if isinstance(item, dt.datetime):
            raise OptionError(f"cần một ngày, đang là ngày giờ {item.isoformat(sep=' ')}", example, (index,))
        if isinstance(item, dt.date):
            return item
        if isinstance(item, str) and _ISO_DATE.match(item):
            try:
                return dt.date.fromisoformat(item)
            except ValueError:
                raise OptionError(f"ngày '{item}' không có trên lịch", "Kiểm tra lại ngày và tháng.", (index,)) from None
        raise OptionError(f"cần một ngày dạng năm-tháng-ngày, đang là {describe_value(item)}", example, (index,))

    def post_validation(self, config: Config, key_name: str) -> None:
        if self.working:
            return
        both = sorted(config[key_name] & config["extra_working_days"])
        if both:
            raise OptionError(f"ngày {both[0].isoformat()} vừa ghi là ngày làm việc (extra_working_days) vừa ghi là ngày nghỉ",
                              "Giữ ngày đó ở đúng một trong hai danh sách.")


class MinhbachConfig(Config):
    """The plugin's options. Defaults come from `minhbach.settings.defaults.DEFAULTS`; unknown names are errors."""

    data_dir = Folder(DEFAULTS.data_dir)
    """Folder of the records, relative to mkdocs.yml."""
    publication_lag_days = WholeNumber(DEFAULTS.publication_lag_days, minimum=0, maximum=MAX_LAG_DAYS)
    """Working days allowed between an announcement's source document and its publication."""
    review_periods = ReviewPeriods(dict(DEFAULTS.review_periods))
    """Default review period by kind, e.g. {procedure: "6 tháng", page: "3 tháng"}; others 12 months."""
    time_zone = TimeZone(DEFAULTS.time_zone)
    """IANA time zone in which "today" is taken."""
    extra_working_days = Days(working=True)
    """Weekend days or holidays made working days by the Government (e.g. a Saturday worked in exchange)."""
    extra_days_off = Days(working=False)
    """Working days made days off by the Government, beyond the public holidays."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """MkDocs' validation, with unknown option names as errors (MkDocs only warns) in Vietnamese."""
        failed, warnings = super().validate()
        names = [name for name, _ in get_schema(type(self))]
        unknown = [key for key in self if key not in names]
        for key in unknown:
            failed.append((key, OptionError(f"plugin minhbach không có tùy chọn `{key}`",
                                            f"{_suggestion(str(key), names)}Các tùy chọn: {', '.join(names)}.")))
        return failed, [(key, text) for key, text in warnings if key not in unknown]


def settings_of(config: MinhbachConfig) -> Settings:
    """The validated options as plain settings."""
    return Settings(data_dir=config.data_dir, publication_lag_days=config.publication_lag_days,
                    review_periods=dict(config.review_periods), time_zone=config.time_zone,
                    extra_working_days=config.extra_working_days, extra_days_off=config.extra_days_off)


@dataclass(frozen=True)
class ProjectSettings:
    """What the command line reads from mkdocs.yml: the plugin's settings and MkDocs' own folders and name."""

    root: Path
    """The folder of mkdocs.yml; the data and docs folders are relative to it."""
    plugin: Settings = DEFAULTS
    docs_dir: str = MkDocsConfig.docs_dir.default
    site_name: str = ""
    site_url: str = ""
    """MkDocs' `site_url` as written ("" when unset); feeds and calendars name pages under it."""
    use_directory_urls: bool = MkDocsConfig.use_directory_urls.default
    repo_url: str = ""
    """MkDocs' `repo_url` as written ("" when unset); the web editor's GitHub repository (`exports.admin`)."""
    macros: MacrosConfig | None = None
    """The macros plugin's options (module resolved against mkdocs.yml's folder); None without the plugin."""
    languages: tuple[str, ...] = ()
    """The languages the site is translated into (`extra.alternate`, see `settings.languages`); () for one language."""

    @property
    def data_path(self) -> Path:
        return self.root / self.plugin.data_dir

    @property
    def docs_path(self) -> Path:
        return self.root / self.docs_dir


def _position(doc: SourceDocument, path: tuple[str | int, ...], *, key: bool) -> tuple[int, int]:
    found, _ = doc.locate(path)
    position = doc.position(found, prefer_key=key)
    return position.line, position.column


def _impossible_date(doc: SourceDocument) -> tuple[str | int, ...] | None:
    """Where YAML read a date that is not on the calendar (2026-02-30), which MkDocs' loader cannot load."""
    for path, text in doc.raw.items():
        found, complete = doc.locate(path)
        value: Any = doc.data
        for part in found:
            value = value[part]
        if complete and isinstance(value, str) and re.match(r"^\d{4}-\d\d?-\d\d?", text):
            return path
    return None


def _plugin_entry(plugins: object) -> tuple[tuple[str | int, ...], object] | None:
    """The minhbach entry of MkDocs' `plugins` (a list of names and one-key mappings, or a mapping):
    its path in mkdocs.yml and its options."""
    if isinstance(plugins, dict):
        return (("plugins", PLUGIN_NAME), plugins[PLUGIN_NAME]) if PLUGIN_NAME in plugins else None
    entry = None
    for index, item in enumerate(plugins if isinstance(plugins, list) else []):
        if item == PLUGIN_NAME:
            entry = (("plugins", index), {})
        elif isinstance(item, dict) and PLUGIN_NAME in item:
            entry = (("plugins", index, PLUGIN_NAME), item[PLUGIN_NAME])
    return entry


def _macros_entry(plugins: object, root: Path) -> MacrosConfig | None:
    """The options of the mkdocs-macros plugin in MkDocs' `plugins`, or None when the site does not use it."""
    items = plugins.items() if isinstance(plugins, dict) else [
        (item, {}) if isinstance(item, str) else next(iter(item.items())) for item in (plugins if isinstance(plugins, list) else [])
        if isinstance(item, str) or (isinstance(item, dict) and len(item) == 1)]
    for name, options in items:
        if name == "macros":
            return MacrosConfig.from_options(options if isinstance(options, dict) else {}, root)
    return None


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs loads it (`!ENV` resolved, `INHERIT` followed), not validated; {} when it cannot
    be loaded (`read_settings` says why) or is not a regular file (a FIFO or a device would never end)."""
    if not config_file.is_file():
        return {}
    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        with config_file.open("rb") as stream:
            config.load_file(stream)
    except Exception:  # noqa: BLE001 - anything MkDocs' loader raises: reported by read_settings
        return {}
    return dict(config)


def read_settings(config_file: Path) -> tuple[ProjectSettings | None, list[Finding]]:
    """Read mkdocs.yml through MkDocs' own loader (so `!ENV`, `INHERIT` and `!!python/name` work as in a
    build) and validate the plugin's options with `MinhbachConfig`, as MkDocs does; nothing is built.

    Returns the settings and no finding, or None and findings at the line of each problem (`yaml-syntax`,
    `bad-config`, `bad-option`, `unknown-option`). A missing file gives the defaults.
    """
    root = config_file.parent
    if not config_file.is_file():
        return ProjectSettings(root=root), []
    display = config_file.as_posix()
    try:
        raw = config_file.read_bytes()
    except OSError as exc:
        return None, [error(display, 1, 1, "bad-config", f"không đọc được tệp: {exc.strerror}", "Kiểm tra quyền đọc tệp.")]
    text, problems = decode(display, raw)
    doc, parse_problems = parse(display, text) if text is not None else (None, [])
    if doc is None:
        return None, [f for f in problems + parse_problems if f.is_error]
    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        with config_file.open("rb") as stream:
            config.load_file(stream)
    except Exception as exc:  # noqa: BLE001 - anything MkDocs' loader raises is a problem of this file
        bad_date = _impossible_date(doc) if isinstance(exc, ValueError) else None
        if bad_date is not None:
            line, column = _position(doc, bad_date, key=False)
            return None, [error(display, line, column, "bad-config", f"ngày '{doc.raw[bad_date]}' không có trên lịch",
                                "Kiểm tra lại ngày và tháng (năm-tháng-ngày).")]
        return None, [error(display, 1, 1, "bad-config", f"MkDocs không đọc được tệp cấu hình: {exc}",
                            "Sửa chỗ được nêu rồi chạy lại.")]
    docs_dir, site_name = config.get("docs_dir", ProjectSettings.docs_dir), config.get("site_name") or ""
    extra = config.get("extra")
    try:
        languages = translation_languages(extra.get("alternate") if isinstance(extra, Mapping) else None)
    except LanguageError as exc:
        line, column = _position(doc, ("extra", "alternate"), key=True)  # where it is written here, or the nearest part
        return None, [error(display, line, column, "bad-config", f"extra.alternate: {exc}",
                            "Mỗi ngôn ngữ một mục {name, link, lang}: tiếng Việt ở link \"/\", ngôn ngữ khác ở \"/<mã>/\".")]
    site = {"site_name": str(site_name), "site_url": str(config.get("site_url") or ""), "repo_url": str(config.get("repo_url") or ""),
            "use_directory_urls": config.get("use_directory_urls", ProjectSettings.use_directory_urls) is not False, "languages": languages}
    macros = _macros_entry(config.get("plugins"), root)
    entry = _plugin_entry(config.get("plugins"))
    if entry is None:
        return ProjectSettings(root=root, docs_dir=str(docs_dir), macros=macros, **site), []
    base, options = entry
    if options is None:
        options = {}
    if not isinstance(options, dict):
        line, column = _position(doc, base, key=False)
        return None, [error(display, line, column, "bad-option", f"tùy chọn của plugin minhbach phải là một khối `tên: giá trị`, "
                            f"đang là {describe_value(options)}", "Ví dụ:\n  - minhbach:\n      data_dir: data")]
    options = dict(options)
    enabled = options.pop("enabled", True)  # MkDocs' own switch for every plugin
    if not isinstance(enabled, bool):
        line, column = _position(doc, (*base, "enabled"), key=False)
        return None, [error(display, line, column, "bad-option", f"tùy chọn `enabled` của plugin minhbach: cần true hoặc false, "
                            f"đang là {describe_value(enabled)}", "Ghi `enabled: true` (hoặc bỏ dòng này).")]
    plugin_config = MinhbachConfig(config_file_path=str(config_file))
    plugin_config.load_dict(options)
    failed, _ = plugin_config.validate()
    findings = []
    for key, exc in failed:
        where = exc.where if isinstance(exc, OptionError) else ()
        unknown = key not in [name for name, _ in get_schema(MinhbachConfig)]
        line, column = _position(doc, (*base, key, *where), key=unknown)
        message, hint = (exc.message, exc.hint) if isinstance(exc, OptionError) else (str(exc), "")
        if unknown:
            findings.append(error(display, line, column, "unknown-option", message, hint))
        else:
            findings.append(error(display, line, column, "bad-option", f"tùy chọn `{key}` của plugin minhbach: {message}", hint))
    if findings:
        return None, findings
    return ProjectSettings(root=root, plugin=settings_of(plugin_config), docs_dir=str(docs_dir), macros=macros, **site), []

