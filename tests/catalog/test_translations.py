"""A record in one language: the translation laid over the Vietnamese, and its status."""

from __future__ import annotations

from minhbach.catalog.translations import localised, translation_status
from minhbach.load.source import load_bytes
from minhbach.load.validate import validate
from minhbach.model import KINDS
from tests.conftest import PROCEDURE

EN = """\
translations:
  en:
    translated: {translated}
    name: Consular legalisation
    steps:
{steps}
    reception:
      place: Division One
      hours: Not translated, the Vietnamese is pending
    channels:
      - {{}}
      - time: {{not_fixed: Depending on the number of papers}}
"""


def _record(translated: str = "2026-03-01", steps: tuple[str, ...] = ("Submit the dossier.", "Collect the result.")):
    text = PROCEDURE + EN.format(translated=translated, steps="\n".join(f"      - {step}" for step in steps))
    doc, _ = load_bytes(text.encode("utf-8"), "data/procedures/hop-phap-hoa.yml")
    record, findings = validate(doc, KINDS["procedure"])
    assert findings == [], findings
    return record


def test_vietnamese_is_the_source():
    record = _record()
    result = localised(record, "vi")
    assert (result.record, result.status, result.missing_fields) == (record, "source", ())


def test_the_translation_replaces_what_it_gives_and_nothing_else():
    record = _record()
    result = localised(record, "en")
    assert result.status == "translated"
    shown = result.record
    assert shown.name == "Consular legalisation"
    assert shown.steps == ["Submit the dossier.", "Collect the result."]
    assert shown.reception.place == "Division One"
    assert shown.reception.hours == record.reception.hours  # pending in Vietnamese: stays pending
    assert shown.channels[1].time.not_fixed == "Depending on the number of papers"
    assert shown.channels[0] == record.channels[0]
    assert shown.channels[0].time.note == "từ 1 đến 4 giấy tờ"
    assert shown.dossier.items[0].name == "Tờ khai" and shown.agency_code == record.agency_code
    assert ("channels", 0, "time", "note") in result.missing_fields
    assert ("dossier", "items", 0, "name") in result.missing_fields and ("name",) not in result.missing_fields
    assert record.name == "Hợp pháp hóa lãnh sự"  # the record itself is not changed
    assert (("name",), "Hợp pháp hóa lãnh sự", "Consular legalisation") in result.translated_fields


def test_a_list_of_another_length_stays_vietnamese():
    record = _record(steps=("Submit the dossier and collect the result.",))
    result = localised(record, "en")
    assert result.record.steps == record.steps
    assert {("steps", 0), ("steps", 1)} <= set(result.missing_fields)
    assert result.mismatched_lists == ((("steps",), 2, 1),)


def test_a_translation_older_than_the_vietnamese_is_outdated():
    record = _record(translated="2026-02-28")  # updated: 2026-03-01
    result = localised(record, "en")
    assert result.status == "outdated" and result.record.name == "Consular legalisation"


def test_a_language_without_a_translation_is_missing():
    record = _record()
    for language in ("zh", "fr"):
        result = localised(record, language)
        assert result.status == "missing" and result.record is record
        assert ("name",) in result.missing_fields and ("steps", 1) in result.missing_fields


def test_text_for_a_part_the_vietnamese_does_not_have_is_not_used():
    record = _record()
    result = localised(record, "en")
    assert result.unused_fields == (("reception", "hours"),)  # pending in Vietnamese
    assert result.record.reception.hours == record.reception.hours


def test_the_status_alone_is_the_status_of_the_record_laid_in_each_language():
    """The dashboard counts statuses without laying every translation over its record."""
    import datetime as dt
    from pathlib import Path

    from minhbach.catalog import load_catalog

    root = Path(__file__).resolve().parents[2]
    catalog, _ = load_catalog(root / "data", display_base=root)
    seen = set()
    for entry in catalog.all_entries():
        updated_later = entry.record.model_copy(update={"updated": dt.date(2100, 1, 1)})  # after any translation's date
        for record in (entry.record, updated_later):
            for language in ("vi", "en", "zh", "fr"):
                assert translation_status(record, language) == localised(record, language).status, (entry.path, language)
                seen.add(translation_status(record, language))
    assert seen == {"source", "translated", "outdated", "missing"}
