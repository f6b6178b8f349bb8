"""The numbers of a text, read as values, so a translation can be checked for the ones it lost.

A Vietnamese text holds three kinds of figures that a translation must keep: document numbers
("09/2023/QĐ-TTg", "118/2025/QH15", "5609/LS-XNC"), dates ("01/7/2026", or a month "12/2025") and
numbers ("30.000" đồng, "05" ngày làm việc, "1,5" giờ). Each is read as a value, so the same value written
the way of another language is the same: "30.000" ≡ "30,000" ≡ "30000" ≡ "3万"; "05" ≡ "5";
"01/7/2026" ≡ "1/7/2026" ≡ "1 July 2026" ≡ "July 1, 2026" ≡ "2026年7月1日"; "12/2025" ≡ "December 2025" ≡
"2025年12月". Vietnamese groups thousands with dots and writes decimals with a comma; English and Chinese
the other way round; a translated text may keep the Vietnamese form, so there both readings count.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from minhbach.settings.languages import SOURCE_LANGUAGE

_LATIN = "0-9A-Za-zĐđ"
"""What may not touch a figure: a Chinese character may (Chinese has no spaces between words)."""
_DOCUMENT = re.compile(rf"(?<![{_LATIN}/])(\d+)((?:/\d{{4}})?/[A-Za-zĐđ][{_LATIN}]*(?:[-–][{_LATIN}]+)*)(?![{_LATIN}/])")
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])")
_VIETNAMESE_DATE = re.compile(r"(?:ngày\s+(\d{1,2})\s+)?tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{4})(?![\d/])")
_MONTHS = "|".join(calendar.month_name[1:] + calendar.month_abbr[1:])
_ENGLISH_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_ENGLISH_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_ENGLISH_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_NUMBER = re.compile(rf"(?<![{_LATIN}.,])\d+(?:[.,]\d+)*(?:\s*万)?")
_MONTH_NUMBERS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})


@dataclass(frozen=True)
class Figure:
    """One figure as written (`text`) and the values it may stand for (`values`, e.g. ("date", 2026, 7, 1),
    ("number", Decimal("30000")), ("document", "09/2023/qd-ttg"))."""

    text: str
    values: frozenset[tuple[object, ...]]


def _document_key(number: str, rest: str) -> tuple[object, ...]:
    return ("document", str(int(number)) + rest.casefold().replace("đ", "d").replace("–", "-"))


def _date(year: str, month: str, day: str | None) -> tuple[object, ...] | None:
    try:
        if day is None:
            return ("month", dt.date(int(year), int(month), 1).year, int(month)) if 1 <= int(month) <= 12 else None
        found = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return ("date", found.year, found.month, found.day)


def _readings(written: str, language: str) -> frozenset[tuple[object, ...]]:
    """The values a number written as `written` stands for in `language` (both readings outside the source)."""
    text = written.replace(" ", "")
    factor = Decimal(10000) if text.endswith("万") else Decimal(1)
    text = text.rstrip("万")
    conventions = [(".", ",")] if language == SOURCE_LANGUAGE else [(".", ","), (",", ".")]
    values = set()
    for group, decimal in conventions:
        parts = text.split(decimal)
        if len(parts) > 2:
            continue
        whole = parts[0].split(group)
        if len(whole) > 1 and any(len(part) != 3 for part in whole[1:]):
            continue
        try:
            value = Decimal("".join(whole) + ("." + parts[1] if len(parts) == 2 else "")) * factor
        except InvalidOperation:
            continue
        values.add(("number", value.normalize()))
    # As written, without leading zeros: "1.2.3" (a clause), "2.002352" (a procedure's national code).
    values.add(("written", ".".join(part.lstrip("0") or "0" for part in re.split(r"[.,]", text))))
    return frozenset(values)


def _parts(value: tuple[object, ...]) -> set[tuple[object, ...]]:
    """A date or a month also gives its day, month and year as numbers: "11/2025 and 12/2025" says the 11 of
    "tháng 11 và 12/2025"."""
    if value[0] in ("date", "month"):
        return {("number", Decimal(part)) for part in value[1:]}
    return set()


def figures(text: str, language: str) -> list[Figure]:
    """The figures of `text` written in `language`, in order: document numbers, then dates, then numbers,
    each part of the text read once (the digits of a date or a document number are not numbers again)."""
    found: list[Figure] = []
    spans: list[tuple[int, int]] = []

    def take(pattern: re.Pattern[str], read: object) -> None:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in spans):
                continue
            value = read(match)  # type: ignore[operator]
            if value is not None:
                spans.append(match.span())
                found.append(Figure(match.group(0), frozenset([value])))

    take(_DOCUMENT, lambda m: _document_key(m.group(1), m.group(2)))
    take(_VIETNAMESE_DATE, lambda m: _date(m.group(3), m.group(2), m.group(1)))
    if language != SOURCE_LANGUAGE:
        take(_CHINESE_DATE, lambda m: _date(m.group(1), m.group(2), m.group(3)))
        take(_ENGLISH_DAY_MONTH_YEAR, lambda m: _date(m.group(3), str(_MONTH_NUMBERS[m.group(2).lower()]), m.group(1)))
        take(_ENGLISH_MONTH_DAY_YEAR, lambda m: _date(m.group(3), str(_MONTH_NUMBERS[m.group(1).lower()]), m.group(2)))
        take(_ENGLISH_MONTH_YEAR, lambda m: _date(m.group(2), str(_MONTH_NUMBERS[m.group(1).lower()]), None))
    take(_DAY_MONTH_YEAR, lambda m: _date(m.group(3), m.group(2), m.group(1)))
    take(_MONTH_YEAR, lambda m: _date(m.group(2), m.group(1), None))
    for match in _NUMBER.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end in spans):
            found.append(Figure(match.group(0), _readings(match.group(0), language)))
    return found


def lost_figures(source: str, translation: str, language: str) -> list[str]:
    """The figures of the Vietnamese `source` (as written there) that `translation` (in `language`) does not
    have, in order, once each. Every figure must be found as often as the Vietnamese writes it ("12 tháng
    ... Điều 12" needs two twelves), each figure of the translation standing for one: first as the same
    value, then as the day, month or year of a date ("tháng 11 và 12/2025" is "11/2025 and 12/2025")."""
    wanted = figures(source, SOURCE_LANGUAGE) if re.search(r"\d", source) else []
    if not wanted:
        return []
    available = [(figure.values, set().union(*map(_parts, figure.values))) for figure in figures(translation, language)]
    unmatched = []
    for figure in wanted:  # the same value first, so that a number does not take the date it is part of
        found = next((index for index, (values, _) in enumerate(available) if figure.values & values), None)
        if found is None:
            unmatched.append(figure)
        else:
            available.pop(found)
    lost = []
    for figure in unmatched:
        found = next((index for index, (_, parts) in enumerate(available) if figure.values & parts), None)
        if found is None:
            lost.append(figure.text)
        else:
            available.pop(found)
    return list(dict.fromkeys(lost))
