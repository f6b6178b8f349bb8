"""The site's languages, read from `extra.alternate` (Material's language selector)."""

from __future__ import annotations

from pathlib import Path

import pytest

from minhbach.mkdocs.languages import LanguageError, languages_of, site_languages
from tests.site_helpers import ROOT

THREE = [{"name": "English", "link": "/en/", "lang": "en"}, {"name": "Tiếng Việt", "link": "/", "lang": "vi"},
         {"name": "中文", "link": "/zh/", "lang": "zh"}]


def test_the_source_comes_first_and_each_other_language_has_its_folder_and_file():
    languages = languages_of(THREE, config_file=Path("site/mkdocs.yml"))
    assert [(language.code, language.folder, language.config_file.as_posix(), language.hreflang) for language in languages] == [
        ("vi", "", "site/mkdocs.yml", "vi"), ("en", "en", "site/mkdocs.en.yml", "en"), ("zh", "zh", "site/mkdocs.zh.yml", "zh-Hans")]


def test_a_language_file_names_the_same_files():
    assert [language.config_file for language in languages_of(THREE, config_file=Path("mkdocs.zh.yml"))] == [
        Path("mkdocs.yml"), Path("mkdocs.en.yml"), Path("mkdocs.zh.yml")]


def test_no_list_is_one_language():
    assert [(language.code, language.folder) for language in languages_of([], config_file=Path("mkdocs.yml"))] == [("vi", "")]


@pytest.mark.parametrize("alternate", [
    [{"name": "English", "link": "/en/", "lang": "en"}],  # nothing at /
    [*THREE, {"name": "English again", "link": "/en2/", "lang": "en"}],
    [*THREE, {"name": "Deutsch", "link": "/en/", "lang": "de"}],
    [{"link": "/", "lang": "vi"}, {"link": "en/", "lang": "en"}],
    [{"link": "/", "lang": "vi"}, {"link": "/../", "lang": "en"}],
    [{"link": "/", "lang": "vi"}, {"link": "/a/b/", "lang": "en"}],
    [{"link": "/", "lang": "vi"}, {"lang": "en"}],
    "vi",
])
def test_a_list_the_build_cannot_follow_is_refused(alternate):
    with pytest.raises(LanguageError):
        languages_of(alternate, config_file=Path("mkdocs.yml"))


def test_the_site_has_vietnamese_english_and_chinese_each_built_from_its_own_file():
    for config in ("mkdocs.yml", "mkdocs.en.yml", "mkdocs.zh.yml"):
        languages = site_languages(ROOT / config)
        assert [(language.code, language.folder, language.config_file.name) for language in languages] == [
            ("vi", "", "mkdocs.yml"), ("en", "en", "mkdocs.en.yml"), ("zh", "zh", "mkdocs.zh.yml")]
