"""The site's languages: Vietnamese, the source and the legal text, and the languages it is translated into.

Two lists, each read in one place:

- the languages the engine can write pages in: those with a message catalogue under `minhbach/locale`
  (`translatable_languages`). Records may carry a translation into any of them (`model.translation`);
  the list is the engine's, so a record reads the same whichever folder a command runs in;
- the languages a site publishes: the entries of Material's language selector (`extra.alternate` in
  mkdocs.yml: one `{name, link, lang}` per language site), read by `alternate_entries`. A site without a
  selector is published in Vietnamese alone, and nothing in it is reported as untranslated.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

SOURCE_LANGUAGE = "vi"
"""The language records are written in; a translation never replaces it as the text that prevails."""
LANGUAGE_NAMES = {"en": "tiếng Anh", "zh": "tiếng Trung"}
"""How editors' messages name a language (Vietnamese); a language not listed is named by its code."""
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""The engine's message catalogues, one folder per language (`<code>/LC_MESSAGES/minhbach.po`, see `pages.i18n`)."""


class LanguageError(ValueError):
    """`extra.alternate` cannot be read as the site's languages; the text says why, in Vietnamese."""


@cache
def translatable_languages() -> tuple[str, ...]:
    """The codes of the languages the engine has page text for (a catalogue under `LOCALE_DIR`), sorted:
    ("en", "zh")."""
    return tuple(sorted(folder.name for folder in LOCALE_DIR.iterdir() if (folder / "LC_MESSAGES" / "minhbach.po").is_file()))


def alternate_entries(alternate: Any) -> list[tuple[str, str, str]]:
    """(code, name, folder) of each entry of `alternate` (Material's `extra.alternate`), in its order; the
    folder is "" for the entry at "/" (the source language's site), "en" for "/en/". None or an empty
    list: no entry.

    Raises LanguageError for a value that is not a list, an entry without `lang` or `link`, a link that is
    not "/" or "/<folder>/", a code that is not ASCII, the same code or folder twice, no entry at "/", or a
    language other than the source without page text (`translatable_languages`).
    """
    if not alternate:
        return []
    if not isinstance(alternate, list):
        raise LanguageError("extra.alternate phải là một danh sách các mục {name, link, lang}")
    entries: list[tuple[str, str, str]] = []
    for entry in alternate:
        if not isinstance(entry, dict) or not isinstance(entry.get("lang"), str) or not isinstance(entry.get("link"), str):
            raise LanguageError(f"mục {entry!r} của extra.alternate cần `lang` và `link`")
        code, link = entry["lang"], entry["link"]
        folder = link.strip("/")
        if not link.startswith("/") or not link.endswith("/") or "/" in folder or folder in (".", "..") or not code.isascii():
            raise LanguageError(f"link `{link}` của ngôn ngữ `{code}` phải là \"/\" hoặc \"/<thư mục>/\", ví dụ \"/en/\"")
        entries.append((code, str(entry.get("name") or code), folder))
    for index, attribute in ((0, "lang"), (2, "link")):
        values = [entry[index] for entry in entries]
        if len(values) != len(set(values)):
            raise LanguageError(f"extra.alternate có hai mục cùng `{attribute}`")
    if not any(folder == "" for _, _, folder in entries):
        raise LanguageError("extra.alternate không có mục nào ở \"/\" (ngôn ngữ gốc của trang)")
    known = translatable_languages()
    for code, _, folder in entries:
        if folder and code not in known:
            raise LanguageError(f"chưa có chữ giao diện cho ngôn ngữ `{code}`: các ngôn ngữ có là {', '.join(known)} "
                                f"(thêm minhbach/locale/{code}/LC_MESSAGES/minhbach.po)")
    return entries


def translation_languages(alternate: Any) -> tuple[str, ...]:
    """The codes of the languages a site with the selector `alternate` is translated into: its entries
    other than the one at "/", in order; () without a selector. Raises LanguageError as `alternate_entries`."""
    return tuple(code for code, _, folder in alternate_entries(alternate) if folder)


def language_name(code: str) -> str:
    """'tiếng Anh (en)' for messages to editors."""
    return f"{LANGUAGE_NAMES[code]} ({code})" if code in LANGUAGE_NAMES else code
