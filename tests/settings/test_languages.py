"""The site's translation languages come from its language selector in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from minhbach.settings.languages import DEFAULT_TRANSLATIONS, read_languages, translation_languages


def test_languages_are_the_selector_entries_other_than_vietnamese():
    config = {"extra": {"alternate": [{"name": "Tiếng Việt", "link": "/", "lang": "vi"},
                                      {"name": "中文", "link": "/zh/", "lang": "zh"},
                                      {"name": "English", "link": "/en/", "lang": "en"},
                                      {"name": "English again", "link": "/en/", "lang": "en"},
                                      "not a mapping", {"name": "no code"}]}}
    assert translation_languages(config) == ("zh", "en")


def test_a_site_without_a_selector_is_translated_into_the_defaults():
    assert translation_languages({}) == DEFAULT_TRANSLATIONS == ("en", "zh")
    assert translation_languages({"extra": {"alternate": [{"lang": "vi"}]}}) == DEFAULT_TRANSLATIONS
    assert translation_languages({"extra": "nonsense"}) == DEFAULT_TRANSLATIONS


def test_mkdocs_tags_are_read_without_running_them(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV SITE_URL\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n"
                      "extra:\n  alternate:\n    - {lang: vi, link: /}\n    - {lang: fr, link: /fr/}\n", encoding="utf-8")
    assert read_languages(config) == ("fr",)
    assert read_languages(tmp_path / "absent.yml") == DEFAULT_TRANSLATIONS
    (tmp_path / "broken.yml").write_text("extra: [\n", encoding="utf-8")
    assert read_languages(tmp_path / "broken.yml") == DEFAULT_TRANSLATIONS
