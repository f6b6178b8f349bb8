"""The languages a site is translated into come from its language selector; those records may be translated into, from the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.mkdocs.options import read_settings
from minhbach.settings.languages import LanguageError, alternate_entries, translatable_languages, translation_languages

SELECTOR = [{"name": "Tiếng Việt", "link": "/", "lang": "vi"}, {"name": "中文", "link": "/zh/", "lang": "zh"},
            {"name": "English", "link": "/en/", "lang": "en"}]


def test_languages_are_the_selector_entries_other_than_the_one_at_the_root_in_order():
    assert translation_languages(SELECTOR) == ("zh", "en")
    assert alternate_entries(SELECTOR)[0] == ("vi", "Tiếng Việt", "")


def test_a_site_without_a_selector_is_published_in_vietnamese_alone():
    assert translation_languages(None) == translation_languages([]) == ()
    assert translation_languages([{"lang": "vi", "link": "/"}]) == ()


def test_records_may_be_translated_into_every_language_the_engine_has_page_text_for():
    assert translatable_languages() == ("en", "zh")


@pytest.mark.parametrize("alternate", [
    "nonsense", [{"lang": "vi"}], [{"lang": "vi", "link": "/"}, {"lang": "fr", "link": "/fr/"}],
    [{"lang": "vi", "link": "/"}, {"lang": "en", "link": "/"}], [{"lang": "en", "link": "/en/"}],
])
def test_a_selector_the_build_cannot_follow_is_refused(alternate):
    with pytest.raises(LanguageError):
        translation_languages(alternate)


def test_check_reads_the_languages_from_mkdocs_yml_and_reports_a_bad_selector_at_its_line(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  alternate:\n    - {lang: vi, link: /}\n    - {lang: en, link: /en/}\n", encoding="utf-8")
    project, problems = read_settings(config)
    assert problems == [] and project.languages == ("en",)
    config.write_text("site_name: x\nextra:\n  alternate:\n    - {lang: vi, link: /}\n    - {lang: fr, link: /fr/}\n", encoding="utf-8")
    project, [problem] = read_settings(config)
    assert project is None and problem.code == "bad-config" and problem.line == 3 and "`fr`" in problem.message
