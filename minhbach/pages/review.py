"""What readers see of a review (`catalog.review.Review`): the overdue notice and the review dates,
on record pages and on hand-written pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from minhbach.catalog.docpages import PageReview
from minhbach.catalog.review import Review, ReviewPolicy
from minhbach.pages.i18n import date_text, gettext


def review_notice(review: Review) -> Markup:
    """A visible notice when a review is overdue; nothing otherwise."""
    if not review.overdue:
        return Markup("")
    text = Markup(gettext(
        "<strong>Nội dung này đã quá hạn rà soát</strong> từ ngày {next} "
        "(rà soát gần nhất {last}). Thông tin có thể đã cũ; hãy liên hệ đơn vị phụ trách trước khi dùng."
    )).format(next=date_text(review.next_review), last=date_text(review.last_reviewed))
    return Markup('<div class="mb-alert mb-review-overdue" role="note">{}</div>\n\n').format(text)


def review_dates(review: Review, *, owner: str, published: dt.date | None = None, updated: dt.date | None = None) -> Markup:
    """The dates every page shows: published and updated (records), last and next review, owner."""
    rows = []
    if published is not None:
        rows.append((gettext("Ngày đăng"), date_text(published)))
    if updated is not None:
        rows.append((gettext("Cập nhật"), date_text(updated)))
    rows.append((gettext("Rà soát gần nhất"), date_text(review.last_reviewed)))
    overdue = Markup(' <span class="mb-badge mb-status-bad">{}</span>').format(gettext("quá hạn")) if review.overdue else Markup("")
    items = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>\n").format(label, value) for label, value in rows)
    items += Markup("<dt>{}</dt><dd>{}{}</dd>\n").format(gettext("Hạn rà soát tiếp theo"), date_text(review.next_review), overdue)
    items += Markup("<dt>{}</dt><dd>{}</dd>\n").format(gettext("Đơn vị phụ trách"), owner)
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
