"""What readers see of a review (`catalog.review.Review`): the overdue notice and the review dates,
on record pages and on hand-written pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from minhbach.catalog.docpages import PageReview
from minhbach.catalog.review import Review, ReviewPolicy
from minhbach.pages import formatting


def review_notice(review: Review) -> Markup:
    """A visible notice when a review is overdue; nothing otherwise."""
    if not review.overdue:
        return Markup("")
    return Markup(
        '<div class="mb-alert mb-review-overdue" role="note"><strong>Nội dung này đã quá hạn rà soát</strong> từ ngày {next} '
        "(rà soát gần nhất {last}). Thông tin có thể đã cũ; hãy liên hệ đơn vị phụ trách trước khi dùng.</div>\n\n"
    ).format(next=formatting.vn_date(review.next_review), last=formatting.vn_date(review.last_reviewed))


def review_dates(review: Review, *, owner: str, published: dt.date | None = None, updated: dt.date | None = None) -> Markup:
    """The dates every page shows: published and updated (records), last and next review, owner."""
    rows = []
    if published is not None:
        rows.append(("Ngày đăng", formatting.vn_date(published)))
    if updated is not None:
        rows.append(("Cập nhật", formatting.vn_date(updated)))
    rows.append(("Rà soát gần nhất", formatting.vn_date(review.last_reviewed)))
    overdue = Markup(' <span class="mb-badge mb-status-bad">quá hạn</span>') if review.overdue else Markup("")
    items = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>\n").format(label, value) for label, value in rows)
    items += Markup("<dt>Hạn rà soát tiếp theo</dt><dd>{}{}</dd>\n").format(formatting.vn_date(review.next_review), overdue)
    items += Markup("<dt>Đơn vị phụ trách</dt><dd>{}</dd>\n").format(owner)
    return Markup('<dl class="mb-facts mb-review">\n{}</dl>').format(items)


def page_review(front_matter: object, *, policy: ReviewPolicy, today: dt.date,
                unit_name: Callable[[str], str]) -> tuple[Markup, Markup] | None:
    """The overdue notice (empty unless overdue) and the review dates of a hand-written page, from
    its front matter as MkDocs read it; None when it gives no valid review keys (`PageReview.of`).
    `unit_name` names the owner from its id."""
    keys = PageReview.of(front_matter)
    if keys is None:
        return None
    review = Review.of_page(keys, policy=policy, today=today)
    return review_notice(review), review_dates(review, owner=unit_name(keys.owner))
