"""The site's languages, read from Material's language selector (`extra.alternate` in mkdocs.yml).

One MkDocs build per language: the source language (the entry whose `lang` is the main
configuration's `theme.language`, Vietnamese) is built from mkdocs.yml into the site's root; every
other entry from `mkdocs.<lang>.yml` beside it (which says `INHERIT: mkdocs.yml`) into the folder its
`link` names ("/en/" -> en/). The list is read here and nowhere else: the build, the plugin (each
page's links to its other languages) and the tests take it from `site_languages`.

HTML's `hreflang` wants a BCP 47 tag: `zh` is written `zh-Hans`, the script the site is in
(simplified characters); other codes are used as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minhbach.settings.languages import LanguageError, alternate_entries

HREFLANG = {"zh": "zh-Hans"}
"""`hreflang` of a language code whose plain form would not say enough (Chinese: which script)."""


@dataclass(frozen=True)
class Language:
    """One language of the site: `code` as Material's `theme.language` ("vi", "en", "zh"), `name` in its own
    words ("English"), `folder` under the site's root ("" for the source language, "en"), and the
    MkDocs configuration it is built from."""

    code: str
    name: str
    folder: str
    config_file: Path

    @property
    def hreflang(self) -> str:
        """The BCP 47 tag of `<link rel="alternate" hreflang>` and `<html lang>`: "vi", "en", "zh-Hans"."""
        return HREFLANG.get(self.code, self.code)

    @property
    def prefix(self) -> str:
        """The site-relative path of this language's home: "" or "en/"."""
        return f"{self.folder}/" if self.folder else ""


def languages_of(alternate: Any, *, config_file: Path, source: str = "vi") -> list[Language]:
    """The languages listed in `alternate` (Material's `extra.alternate`: a list of {name, link, lang}),
    the source language (the one at "/") first. `config_file` is mkdocs.yml or one of the language files
    beside it (mkdocs.en.yml); the source is built from mkdocs.yml, the others from mkdocs.<lang>.yml.
    No list (or an empty one) means one language, `source`, from `config_file`.

    Raises LanguageError as `settings.languages.alternate_entries` does.
    """
    entries = alternate_entries(alternate)
    if not entries:
        return [Language(source, source, "", config_file)]
    main = _main_file(config_file, [code for code, _, folder in entries if folder])
    languages = [Language(code, name, folder, main if not folder else main.with_name(f"{main.stem}.{code}{main.suffix}"))
                 for code, name, folder in entries]
    return sorted(languages, key=lambda language: language.folder != "")


def _main_file(config_file: Path, codes: list[str]) -> Path:
    """mkdocs.yml for mkdocs.yml or any of its language files (mkdocs.en.yml)."""
    for code in codes:
        if config_file.stem.endswith(f".{code}"):
            return config_file.with_name(config_file.stem.removesuffix(f".{code}") + config_file.suffix)
    return config_file


def site_languages(config_file: Path) -> list[Language]:
    """The languages of the site configured by `config_file` (mkdocs.yml, or any language's file, which
    inherits the list), the source first; see `languages_of`."""
    from minhbach.mkdocs.options import read_config

    extra = read_config(config_file).get("extra") or {}
    return languages_of(extra.get("alternate") if isinstance(extra, dict) else None, config_file=config_file)


def language_of(languages: list[Language], code: str) -> Language:
    """The entry of `languages` for `code` (a configuration's `theme.language`); the source when none is."""
    return next((language for language in languages if language.code == code), languages[0])
