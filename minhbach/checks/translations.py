"""Translations: missing, out of date, a list that does not fit, and figures lost on the way.

A translation that lost a fee, a deadline, a date or a document number tells a reader something the
Vietnamese (the text that prevails) does not: that is an error. A missing or out-of-date translation
is a warning: the page is still published, in Vietnamese, with a notice.

They depend on nothing but the record and the site's languages, so they are found once, as the
record is read (`catalog.read_record`), and cached with it: comparing the figures of every
translated text of every record on every check would cost more than all the other checks together.
"""

from __future__ import annotations

from minhbach.catalog import Catalog, Entry
from minhbach.catalog.translations import localised
from minhbach.checks import CheckContext
from minhbach.checks.numbers import lost_figures
from minhbach.findings import Finding, error, warning
from minhbach.load.source import Position
from minhbach.model.translation import TRANSLATED_FIELD, translation_model
from minhbach.model.walk import Loc
from minhbach.settings.languages import language_name


def _shown(loc: Loc) -> str:
    """('dossier', 'items', 0, 'name') as an editor finds it: dossier.items[0].name (lists counted from 0)."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def record_findings(entry: Entry, languages: tuple[str, ...]) -> list[Finding]:
    """The translation findings of one record, for each of `languages`: missing, outdated, incomplete (a
    text part the Vietnamese has and the translation lacks, but for the change history's notes, an
    editors' log), and errors where a translation lost a figure or a list item."""
    findings = []
    record = entry.record
    for language in languages:
        result = localised(record, language)
        name = language_name(language)
        here = ("translations", language)
        if result.status == "missing":
            # The whole file (line 0) when it has no translation at all: finding a line would read every file again.
            position = entry.position(("translations",), prefer_key=True) if getattr(record, "translations", None) is not None else Position(0, 0)
            example = ", ".join([field for field in translation_model(type(record)).model_fields if field not in (TRANSLATED_FIELD, "changes")][:3])
            findings.append(warning(entry.path, position.line, position.column, "translation-missing",
                                    f"chưa có bản {name}; trang {name} đang hiện bằng tiếng Việt",
                                    f"Thêm vào cuối tệp `translations:` → `{language}:` với `translated: YYYY-MM-DD` và các phần chữ đã dịch "
                                    f"(cùng tên khóa như bản tiếng Việt, ví dụ {example})."))
            continue
        if result.status == "outdated":
            position = entry.position(here + (TRANSLATED_FIELD,))
            findings.append(warning(entry.path, position.line, position.column, "translation-outdated",
                                    f"bản {name} dịch ngày {getattr(getattr(record.translations, language), TRANSLATED_FIELD).isoformat()}, "
                                    f"trước lần cập nhật bản tiếng Việt ngày {record.updated.isoformat()}",
                                    f"Đối chiếu bản dịch với bản tiếng Việt hiện tại, sửa phần đã đổi, rồi ghi ngày đối chiếu vào `{TRANSLATED_FIELD}`."))
        untranslated = [loc for loc in result.missing_fields if loc[0] != "changes"]
        if untranslated:
            position = entry.position(here, prefer_key=True)
            shown = ", ".join(f"`{_shown(loc)}`" for loc in untranslated[:3]) + (f" và {len(untranslated) - 3} phần khác" if len(untranslated) > 3 else "")
            findings.append(warning(entry.path, position.line, position.column, "translation-incomplete",
                                    f"bản {name} chưa dịch {shown}; các phần này đang hiện bằng tiếng Việt trên trang {name}",
                                    "Thêm bản dịch của các phần đó vào bản dịch này, cùng tên khóa và vị trí như bản tiếng Việt."))
        for loc, vietnamese, translated in result.translated_fields:
            lost = lost_figures(vietnamese, translated, language)
            if lost:
                position = entry.position(here + loc)
                shown = ", ".join(f"'{figure}'" for figure in lost)
                findings.append(error(entry.path, position.line, position.column, "translation-numbers",
                                      f"bản {name} của `{_shown(loc)}` thiếu {shown} có trong bản tiếng Việt",
                                      f"Ghi lại {shown} đúng như bản tiếng Việt (số có thể viết theo cách của {name}: 30,000 cho 30.000; "
                                      f"ngày như 1 July 2026 hoặc 2026年7月1日 cho 01/7/2026; số văn bản giữ nguyên)."))
        for loc, vietnamese_items, translated_items in result.mismatched_lists:
            position = entry.position(here + loc)
            findings.append(error(entry.path, position.line, position.column, "translation-list-length",
                                  f"bản {name} của `{_shown(loc)}` có {translated_items} mục, bản tiếng Việt có {vietnamese_items} mục; "
                                  f"danh sách này đang hiện bằng tiếng Việt",
                                  "Giữ đúng số mục và thứ tự như bản tiếng Việt; mục không có chữ để dịch thì ghi `{}`."))
        for loc in result.unused_fields:
            position = entry.position(here + loc)
            findings.append(warning(entry.path, position.line, position.column, "translation-unused",
                                    f"bản {name} có `{_shown(loc)}` nhưng bản tiếng Việt không có chữ ở đó "
                                    f"(đang cập nhật, không áp dụng, để trống hoặc viết theo dạng khác); phần dịch này không được hiện",
                                    "Đối chiếu với bản tiếng Việt: dịch đúng phần đang có, hoặc xóa phần này khỏi bản dịch."))
    return findings


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    """Translation findings of every record, in every language of the site: those found as it was read
    (`Entry.translation_findings`, when they were found for the same languages), or found now."""
    findings: list[Finding] = []
    languages = context.languages
    for entry in catalog.all_entries():
        found = entry.translation_findings if catalog.languages == languages else None
        findings += found if found is not None else record_findings(entry, languages)
    return findings
