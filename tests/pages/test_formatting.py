"""Values are written the Vietnamese way."""

import datetime as dt
from decimal import Decimal

import pytest

from minhbach.pages.formatting import duration, fee, vn_date, vn_number
from minhbach.model.procedure import Fee, FeeItem, ProcessingTime


def test_dates_are_day_month_year():
    assert vn_date(dt.date(2026, 3, 5)) == "05/03/2026"


@pytest.mark.parametrize(("value", "text"), [(30000, "30.000"), (1200000, "1.200.000"), (Decimal("0.5"), "0,5"), (0, "0"), (Decimal("30000.00"), "30.000")])
def test_numbers_group_thousands_with_dots_and_use_a_decimal_comma(value, text):
    assert vn_number(value) == text


@pytest.mark.parametrize(
    ("time", "text"),
    [
        (ProcessingTime(working_days=Decimal(5)), "05 ngày làm việc"),
        (ProcessingTime(days=Decimal(30)), "30 ngày"),
        (ProcessingTime(working_hours=Decimal("0.5")), "0,5 giờ làm việc"),
        (ProcessingTime(not_fixed="Tùy theo cơ quan có thẩm quyền"), "Tùy theo cơ quan có thẩm quyền"),
    ],
)
def test_durations(time, text):
    assert duration(time) == text


def test_fees():
    assert fee(Fee(free=True)) == "Không thu phí, lệ phí"
    two = Fee(items=[FeeItem(amount=Decimal(200000), per="mỗi quyển", label="Cấp mới"), FeeItem(amount=Decimal(10000))])
    assert fee(two) == "Cấp mới: 200.000 đồng/quyển; 10.000 đồng"
