"""How values are written for readers: dates, money, durations.

`vn_date` and `vn_number` write the Vietnamese forms that checks, reports and open data use;
`duration`, `hours_text`, `fee_item` and `fee` write pages' text in the language being built
(`pages.i18n`), which is Vietnamese unless a page of another language is being rendered."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from minhbach.model.procedure import Fee, FeeItem, ProcessingTime
from minhbach.model.workflow import HOURS_PER_WORKING_DAY
from minhbach.pages.i18n import SOURCE, amount_text, gettext, language, ngettext, number_text


def vn_date(value: dt.date) -> str:
    """2026-03-05 -> '05/03/2026'."""
    return value.strftime("%d/%m/%Y")


def vn_number(value: Decimal | int) -> str:
    """30000 -> '30.000'; 0.5 -> '0,5' (dot groups thousands, comma marks decimals)."""
    number = Decimal(value)
    whole, _, fraction = f"{number.normalize():f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    text = sign + ".".join(groups or ["0"])
    return f"{text},{fraction}" if fraction else text


def duration(time: ProcessingTime) -> str:
    """'01 ngày làm việc', '30 ngày', '04 giờ làm việc' (two digits at least, as Vietnamese administrative
    documents write them; in other languages as they write numbers: '1 working day'), or the not-fixed
    explanation."""
    if time.not_fixed is not None:
        return time.not_fixed
    if time.working_days is not None:
        unit = ngettext("{number} ngày làm việc", "{number} ngày làm việc", plural_count(time.working_days))
        amount = time.working_days
    elif time.days is not None:
        unit, amount = ngettext("{number} ngày", "{number} ngày", plural_count(time.days)), time.days
    elif time.working_hours is not None:
        unit = ngettext("{number} giờ làm việc", "{number} giờ làm việc", plural_count(time.working_hours))
        amount = time.working_hours
    else:
        raise ValueError("processing time without a value")
    text = number_text(amount)
    return unit.format(number=text.zfill(2) if text.isdigit() and language() == SOURCE else text)


def plural_count(amount: Decimal | int) -> int:
    """The count gettext chooses a plural form by: 1 for exactly one, else 2 (1.5 days are days)."""
    return 1 if amount == 1 else 2


def hours_text(hours: Decimal) -> str:
    """Working hours for readers: '12 giờ làm việc (1,5 ngày làm việc)' when a day or more."""
    text = ngettext("{number} giờ làm việc", "{number} giờ làm việc", plural_count(hours)).format(number=number_text(hours))
    if hours >= HOURS_PER_WORKING_DAY:
        days = hours / HOURS_PER_WORKING_DAY
        text = gettext("{number} ngày làm việc ({hours})").format(number=number_text(days), hours=text)
    return text


def fee_item(item: FeeItem) -> str:
    text = amount_text(item.amount)
    if item.per:
        text += f"/{item.per.removeprefix('mỗi ').strip()}"
    return f"{item.label}: {text}" if item.label else text


def fee(value: Fee) -> str:
    if value.free:
        return gettext("Không thu phí, lệ phí")
    return "; ".join(fee_item(item) for item in value.items or [])
