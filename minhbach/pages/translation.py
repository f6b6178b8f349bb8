"""What readers see of a page's translation (`catalog.translations.Localised.status`): a notice under its title.

A page of another language than the source always says which text applies: not translated (the
Vietnamese is shown, and applies), translated (the Vietnamese prevails where they differ), or possibly
behind the Vietnamese. The Vietnamese site shows nothing.
"""

from __future__ import annotations

from markupsafe import Markup

from minhbach.pages.i18n import gettext

def translation_notice(status: str) -> Markup:
    """The notice of a page whose translation has `status` ("source", "translated", "outdated",
    "missing"), in the page's language; nothing for the source language."""
    messages = {"missing": gettext("Trang này chưa được dịch; bản tiếng Việt được áp dụng."),
                "translated": gettext("Đây là bản dịch để tham khảo. Khi bản dịch khác với văn bản tiếng Việt, văn bản tiếng Việt được áp dụng."),
                "outdated": gettext("Bản dịch này có thể chưa theo kịp văn bản tiếng Việt, đã được sửa đổi sau khi dịch; văn bản tiếng Việt được áp dụng.")}
    if status not in messages:
        return Markup("")
    return Markup('<div class="mb-alert mb-translation mb-translation-{}" role="note">{}</div>\n\n').format(status, messages[status])
