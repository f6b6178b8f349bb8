"""One review answer for records and hand-written pages: next review date and state on a given day."""

from __future__ import annotations

import datetime as dt

import pytest

from minhbach.catalog.docpages import PageReview
from minhbach.catalog.review import DUE_SOON_DAYS, PAGE_KIND, Review, ReviewPolicy, ReviewState
from minhbach.model import LegalDocument, Procedure, Unit

LAST = dt.date(2026, 1, 31)
POLICY = ReviewPolicy({"procedure": "3 tháng", PAGE_KIND: "1 tháng"})


def _record(model, **keys):
    return model.model_construct(**{"last_reviewed": LAST, "review_in": None, "review_by": None, **keys})


def test_a_record_without_its_own_period_follows_its_kind_then_the_default():
    assert Review.of_record(_record(Procedure), policy=POLICY, today=LAST).next_review == dt.date(2026, 4, 30)
    assert Review.of_record(_record(LegalDocument), policy=POLICY, today=LAST).next_review == dt.date(2027, 1, 31)
    assert Review.of_record(_record(Unit), policy=ReviewPolicy(default="6 tháng"), today=LAST).next_review == dt.date(2026, 7, 31)


def test_the_record_own_period_or_date_comes_before_its_kind():
    assert Review.of_record(_record(Procedure, review_in="2 tuần"), policy=POLICY, today=LAST).next_review == dt.date(2026, 2, 14)
    assert Review.of_record(_record(Procedure, review_by=dt.date(2026, 3, 3)), policy=POLICY, today=LAST).next_review == dt.date(2026, 3, 3)


def test_a_page_follows_the_period_of_pages():
    keys = PageReview(owner="phong-mot", last_reviewed=LAST)
    assert Review.of_page(keys, policy=POLICY, today=LAST).next_review == dt.date(2026, 2, 28)
    assert Review.of_page(keys.model_copy(update={"review_in": "1 năm"}), policy=POLICY, today=LAST).next_review == dt.date(2027, 1, 31)


@pytest.mark.parametrize(("days_before_next", "state"), [
    (DUE_SOON_DAYS + 1, ReviewState.CURRENT), (DUE_SOON_DAYS, ReviewState.DUE_SOON), (0, ReviewState.DUE_SOON), (-1, ReviewState.OVERDUE)])
def test_state_on_the_day(days_before_next: int, state: ReviewState):
    next_review = dt.date(2026, 4, 30)
    review = Review.of_record(_record(Procedure), policy=POLICY, today=next_review - dt.timedelta(days=days_before_next))
    assert (review.last_reviewed, review.next_review, review.state, review.overdue) == (LAST, next_review, state, state is ReviewState.OVERDUE)
