"""Page text in every language of the site: message catalogues (gettext, read with Babel), dates and amounts."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from minhbach.checks.project import check_project
from minhbach.mkdocs.languages import site_languages
from minhbach.pages import PageRenderer
from minhbach.pages.i18n import amount_text, catalogue_path, date_text, number_text, using
from minhbach.pages.messages import gather
from tests.conftest import TODAY
from tests.site_helpers import ROOT

OTHER_LANGUAGES = [language.code for language in site_languages(ROOT / "mkdocs.yml")[1:]]
_FIELDS = re.compile(r"\{\w*\}|%\(\w+\)s")


def _catalogue(code: str) -> dict[tuple[str | None, str], str]:
    """(context, message) -> its translation: a message written the same for two meanings has two entries."""
    with catalogue_path(code).open("rb") as stream:
        return {(message.context, message.id): message.string for message in read_po(stream, locale=code) if message.id and not message.fuzzy}


def test_the_site_has_english_and_chinese():
    assert OTHER_LANGUAGES == ["en", "zh"]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_message_of_the_templates_and_the_code_has_a_translation(code):
    translated = _catalogue(code)
    messages = [(message.context, message.id) for message in gather() if message.id]
    assert len(messages) > 90
    missing = [message for message in messages if not translated.get(message) or not all(translated[message] if isinstance(translated[message], tuple) else (translated[message],))]
    assert not missing, f"add to {catalogue_path(code).relative_to(ROOT)} (make messages, then translate): {missing}"


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_a_translation_keeps_the_fields_of_its_message(code):
    def forms(value: str | tuple[str, ...]) -> tuple[str, ...]:  # a message with plural forms has a tuple of them
        return value if isinstance(value, tuple) else (value,)

    wrong = {message: text for (_, message), text in _catalogue(code).items() if any(text)
             for form in forms(text) if sorted(_FIELDS.findall(forms(message)[0])) != sorted(_FIELDS.findall(form))}
    assert not wrong


@pytest.mark.parametrize(("code", "date", "amount", "number"), [
    ("vi", "30/11/2026", "200.000 đồng", "1.234,5"),
    ("en", "30 November 2026", "VND 200,000", "1,234.5"),
    ("zh", "2026年11月30日", "200,000越南盾", "1,234.5"),
])
def test_dates_amounts_and_numbers_are_written_as_each_language_writes_them(code, date, amount, number):
    with using(code):
        assert (date_text(dt.date(2026, 11, 30)), amount_text(200000), number_text(Decimal("1234.5"))) == (date, amount, number)


def test_a_procedure_page_has_the_twelve_sections_of_the_national_format_in_the_page_language(project: Path):
    catalog, _ = check_project(project / "data", project / "docs", TODAY, display_base=project)
    pages = {code: {page.path: page.markdown for page in PageRenderer(catalog, today=TODAY, language=code).pages()}["thu-tuc/hop-phap-hoa.md"]
             for code in ("vi", "en", "zh")}
    assert re.findall(r"^## (\d+)\. (.+)$", pages["vi"], re.M)[0] == ("1", "Trình tự thực hiện")
    headings = {code: re.findall(r"^## (\d+)\. (.+)$", page, re.M) for code, page in pages.items()}
    assert [number for number, _ in headings["en"]] == [str(n) for n in range(1, 13)]
    assert headings["en"][0] == ("1", "Steps") and headings["en"][11] == ("12", "Legal basis")
    assert headings["zh"][0] == ("1", "办理程序") and headings["zh"][8] == ("9", "费用、规费")
    assert "<dt>Procedure code</dt>" in pages["en"] and "Mã thủ tục" not in pages["en"]
    assert "<dt>手续编号</dt>" in pages["zh"]


def _pages_in_every_language(project: Path) -> dict[str, dict[str, str]]:
    catalog, _ = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return {code: {page.path: page.markdown for page in PageRenderer(catalog, today=TODAY, language=code).pages()} for code in ("vi", "en", "zh")}


def test_a_page_without_a_translation_says_so_and_the_vietnamese_site_says_nothing(project: Path):
    pages = _pages_in_every_language(project)
    for path in ("thu-tuc/hop-phap-hoa.md", "van-ban/nd-111-2011.md"):
        assert "This page is not yet translated; the Vietnamese version applies." in pages["en"][path], path
        assert "本页尚未翻译；以越南文版本为准。" in pages["zh"][path], path
        assert "mb-translation" not in pages["vi"][path], path
    # A page of no record whose own words are all translated messages says the Vietnamese prevails.
    for path in ("thu-tuc/index.md", "minh-bach/index.md", "du-lieu/index.md", "thong-bao/index.md"):
        assert "Where it differs from the Vietnamese text, the Vietnamese text prevails." in pages["en"][path], path
        assert "mb-translation-translated" in pages["zh"][path], path
        assert "mb-translation" not in pages["vi"][path], path


@pytest.mark.parametrize(("status", "words"), [
    ("translated", "Where it differs from the Vietnamese text, the Vietnamese text prevails."),
    ("outdated", "This translation may be behind the Vietnamese text"),
    ("missing", "This page is not yet translated"),
])
def test_each_translation_status_has_its_notice(status, words):
    from minhbach.pages.translation import translation_notice

    with using("en"):
        assert words in translation_notice(status)
    with using("vi"):
        assert translation_notice("source") == ""


def test_a_word_written_the_same_for_two_meanings_is_translated_for_each():
    from minhbach.pages.i18n import DATASET_CONTEXT, gettext, kind_label, pgettext

    with using("en"):
        assert (gettext("Thông báo"), kind_label("Thông báo"), pgettext(DATASET_CONTEXT, "Thông báo")) == ("Announcements", "Notice", "Notices")
    with using("vi"):
        assert kind_label("Thông báo") == "Thông báo"


@pytest.mark.parametrize(("code", "one", "five"), [
    ("vi", "01 ngày làm việc", "05 ngày làm việc"), ("en", "1 working day", "5 working days"), ("zh", "1个工作日", "5个工作日"),
])
def test_processing_times_are_counted_as_each_language_counts(code, one, five):
    """Vietnamese administrative documents write two digits ("05 ngày làm việc"); English has a singular."""
    from minhbach.model.procedure import ProcessingTime
    from minhbach.pages.formatting import duration

    with using(code):
        assert (duration(ProcessingTime(working_days=1)), duration(ProcessingTime(working_days=5))) == (one, five)
