"""Figures of a Vietnamese text found again in its translation, whatever the way of writing them."""

from __future__ import annotations

import pytest

from minhbach.checks.numbers import lost_figures

KEPT = [
    ("Lệ phí 30.000 đồng mỗi giấy tờ", "VND 30,000 per paper", "en"),
    ("Lệ phí 30.000 đồng mỗi giấy tờ", "每份30000越南盾", "zh"),
    ("Lệ phí 30.000 đồng mỗi giấy tờ", "每份3万越南盾", "zh"),
    ("Lệ phí 1.500.000 đồng", "Fee: 1,500,000 dong", "en"),
    ("trong 05 ngày làm việc", "within 5 working days", "en"),
    ("trong 1,5 giờ", "within 1.5 hours", "en"),
    ("có hiệu lực từ ngày 01/7/2026", "in force from 1 July 2026", "en"),
    ("có hiệu lực từ ngày 01/7/2026", "in force from July 1st, 2026", "en"),
    ("có hiệu lực từ ngày 01/7/2026", "in force from 1/7/2026", "en"),
    ("có hiệu lực từ ngày 01/7/2026", "自2026年7月1日起施行", "zh"),
    ("từ tháng 12/2025", "since December 2025", "en"),
    ("từ tháng 12/2025", "自2025年12月起", "zh"),
    ("theo Quyết định 09/2023/QĐ-TTg", "under Decision 09/2023/QĐ-TTg", "en"),
    ("theo Quyết định 09/2023/QĐ-TTg", "under Decision 9/2023/QD-TTg", "en"),
    ("theo Quyết định 09/2023/QĐ-TTg", "根据第09/2023/QĐ-TTg号决定", "zh"),
    ("Luật 118/2025/QH15 và Công văn 5609/LS-XNC", "第118/2025/QH15号法律和第5609/LS-XNC号公文", "zh"),
    ("Điều 12, khoản 2", "Article 12, clause 2", "en"),
    ("Hỗ trợ: 024 3799 2309", "Support: 024 3799 2309", "en"),
    ("Không có số nào", "There are no numbers", "en"),
]

LOST = [
    ("Lệ phí 30.000 đồng", "VND 3,000", "en", ["30.000"]),
    ("trong 05 ngày làm việc", "within 15 working days", "en", ["05"]),
    ("trong 05 ngày làm việc", "within five working days", "en", ["05"]),
    ("có hiệu lực từ ngày 01/7/2026", "in force from 1 June 2026", "en", ["01/7/2026"]),
    ("có hiệu lực từ ngày 01/7/2026", "自2026年1月7日起施行", "zh", ["01/7/2026"]),
    ("theo Quyết định 09/2023/QĐ-TTg", "under Decision 09/2023", "en", ["09/2023/QĐ-TTg"]),
    ("Luật 118/2025/QH15", "Law 118/2024/QH15", "en", ["118/2025/QH15"]),
    ("theo Công văn 5609/LS-XNC ngày 01/12/2025, phí 200.000 đồng", "per Official Letter 5609/LS-XNC, fee VND 200,000", "en",
     ["01/12/2025"]),
    ("từ tháng 12/2025", "since 2025", "en", ["12/2025"]),
]


@pytest.mark.parametrize(("vietnamese", "translated", "language"), KEPT)
def test_a_figure_written_another_way_is_kept(vietnamese, translated, language):
    assert lost_figures(vietnamese, translated, language) == []


@pytest.mark.parametrize(("vietnamese", "translated", "language", "lost"), LOST)
def test_a_lost_figure_is_named_as_written_in_vietnamese(vietnamese, translated, language, lost):
    assert lost_figures(vietnamese, translated, language) == lost


@pytest.mark.parametrize(("vietnamese", "translated", "language"), [
    ("Thông tư 25/2021/TT-BTC ngày 07 tháng 4 năm 2021", "Circular 25/2021/TT-BTC of 07/4/2021", "en"),
    ("Thông tư 25/2021/TT-BTC ngày 07 tháng 4 năm 2021", "2021年4月7日第25/2021/TT-BTC号通知", "zh"),
    ("các tin tháng 11 và 12/2025", "news items of 11/2025 and 12/2025", "en"),
    ("thủ tục mã 2.002352", "the procedure with code 2.002352", "en"),
    ("thủ tục mã 2.002352", "编码2.002352的手续", "zh"),
])
def test_dates_in_words_parts_of_dates_and_codes_are_kept(vietnamese, translated, language):
    assert lost_figures(vietnamese, translated, language) == []


def test_a_code_with_one_digit_changed_is_lost():
    assert lost_figures("thủ tục mã 2.002352", "the procedure with code 2.002353", "en") == ["2.002352"]


def test_a_figure_the_vietnamese_writes_twice_is_needed_twice():
    vietnamese = "Hộ chiếu còn hạn dưới 12 tháng (Điều 12, khoản 2)"
    assert lost_figures(vietnamese, "Less than 12 months of validity left (Article 12, clause 2)", "en") == []
    assert lost_figures(vietnamese, "Less than 13 months of validity left (Article 12, clause 2)", "en") == ["12"]
    assert lost_figures("tháng 12 và 12/2025", "December 2025 (12/2025)", "en") == []
