"""The model of values that change on a date: periods, the value in force on a day, the JSON Schema."""

from __future__ import annotations

import datetime as dt
import pickle

from minhbach.model.dated import on_day
from minhbach.model.procedure import Channel, Fee
from minhbach.model.schema import json_schema

HALVED = {"channel": "truc_tiep", "time": {"working_days": 5}, "fee": {"periods": [
    {"from": dt.date(2025, 7, 1), "until": dt.date(2025, 12, 31), "basis": "tt-64-2025-tt-btc", "value": {"items": [{"amount": 100000}]}},
    {"from": dt.date(2026, 1, 1), "until": dt.date(2026, 12, 31), "value": {"pending": "Các nguồn chưa thống nhất."}},
    {"from": dt.date(2027, 1, 1), "basis": "tt-25-2021-tt-btc", "value": {"items": [{"amount": 200000}]}},
]}}


def _amount(value: object) -> object:
    return value.items[0].amount if isinstance(value, Fee) else value


def test_the_value_in_force_counts_both_ends_of_a_period():
    fee = Channel.model_validate(HALVED).fee
    assert on_day(fee, dt.date(2025, 6, 30)).value is None
    assert on_day(fee, dt.date(2025, 6, 30)).following.start == dt.date(2025, 7, 1)
    assert _amount(on_day(fee, dt.date(2025, 7, 1)).value) == 100000
    assert _amount(on_day(fee, dt.date(2025, 12, 31)).value) == 100000
    disputed = on_day(fee, dt.date(2026, 1, 1))
    assert disputed.value.pending == "Các nguồn chưa thống nhất." and disputed.period.until == dt.date(2026, 12, 31)
    assert disputed.following.basis == "tt-25-2021-tt-btc"
    last = on_day(fee, dt.date(2030, 1, 1))
    assert _amount(last.value) == 200000 and last.following is None


def test_a_plain_value_is_in_force_every_day():
    channel = Channel.model_validate({**HALVED, "fee": {"free": True}})
    state = on_day(channel.fee, dt.date(1990, 1, 1))
    assert state.value == channel.fee and state.period is None and state.following is None


def test_periods_keep_the_editors_key_from_in_json_and_survive_the_record_cache_and_pickling():
    channel = Channel.model_validate(HALVED)
    text = channel.model_dump_json()
    assert '"from":"2025-07-01"' in text and '"start"' not in text
    assert Channel.model_validate_json(text) == channel
    assert pickle.loads(pickle.dumps(channel)) == channel


def test_editors_schema_names_the_period_types_and_describes_from_and_until():
    schema = json_schema("procedure")
    assert {"FeePeriod", "FeeSchedule", "ProcessingTimePeriod", "ProcessingTimeSchedule"} <= set(schema["$defs"])
    period = schema["$defs"]["FeePeriod"]
    assert period["required"] == ["from", "value"]
    assert period["properties"]["from"]["title"] == "Áp dụng từ ngày"
    assert "giai đoạn cuối cùng" in period["properties"]["until"]["description"]
