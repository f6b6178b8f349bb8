"""The site's languages: Vietnamese, the source and the legal text, and the languages it is translated into.

The list is the site configuration's: the languages of Material's language selector (`extra.alternate` in
mkdocs.yml, one entry per language site, each with its `lang`) other than the source. A site that declares
no selector is translated into the defaults, English and simplified Chinese.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SOURCE_LANGUAGE = "vi"
"""The language records are written in; a translation never replaces it as the text that prevails."""
DEFAULT_TRANSLATIONS = ("en", "zh")
"""Languages a site translates into when its configuration names none."""
LANGUAGE_NAMES = {"en": "tiếng Anh", "zh": "tiếng Trung"}
"""How editors' messages name a language (Vietnamese); a language not listed is named by its code."""
CONFIG_FILE = Path("mkdocs.yml")


def translation_languages(config: Mapping[str, Any]) -> tuple[str, ...]:
    """The codes of the languages the site of `config` (mkdocs.yml as a mapping) is translated into, in the
    order of its language selector (`extra.alternate`: a list of `{name, link, lang}`), without the source
    language and without repeats; `DEFAULT_TRANSLATIONS` when the selector is absent or lists no other
    language. Entries that are not mappings or have no text `lang` are skipped."""
    extra = config.get("extra")
    alternate = extra.get("alternate") if isinstance(extra, Mapping) else None
    found: list[str] = []
    for entry in alternate if isinstance(alternate, list) else []:
        lang = entry.get("lang") if isinstance(entry, Mapping) else None
        if isinstance(lang, str) and lang.strip() and lang.strip() != SOURCE_LANGUAGE and lang.strip() not in found:
            found.append(lang.strip())
    return tuple(found) or DEFAULT_TRANSLATIONS


class _ConfigLoader(yaml.SafeLoader):
    """YAML of mkdocs.yml with MkDocs' own tags (`!ENV`, `!!python/name:`) read as nothing: the language
    selector is plain YAML, and nothing here may import or run what a tag names."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_languages(config_file: Path) -> tuple[str, ...]:
    """`translation_languages` of `config_file`; the defaults when it is missing or cannot be read."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return DEFAULT_TRANSLATIONS
    return translation_languages(config if isinstance(config, Mapping) else {})


@cache
def site_languages() -> tuple[str, ...]:
    """The translation languages of the site in the working folder (its mkdocs.yml), read once per process:
    the record model is built from them (`model.translation`)."""
    return read_languages(CONFIG_FILE)


def language_name(code: str) -> str:
    """'tiếng Anh (en)' for messages to editors."""
    return f"{LANGUAGE_NAMES[code]} ({code})" if code in LANGUAGE_NAMES else code
