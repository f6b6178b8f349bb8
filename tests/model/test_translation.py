"""The translation model is derived from each kind: its text fields, nested as in the record."""

from __future__ import annotations

import pytest

from minhbach.load.source import load_bytes
from minhbach.load.validate import validate
from minhbach.model import KINDS, Procedure
from minhbach.model.translation import text_model, translation_model
from minhbach.model.schema import json_schema
from tests.conftest import PROCEDURE


def _fields(model) -> set[str]:
    return set(model.model_fields)


def test_a_procedure_translates_its_text_and_nothing_else():
    translation = translation_model(Procedure)
    assert {"translated", "name", "summary", "steps", "subjects", "requirements", "result", "agency", "dossier", "reception",
            "channels", "common_rejections", "legal_basis", "time_note", "fee_note"} <= _fields(translation)
    # ids, dates, codes, references, urls, choices and text not shown to readers are left out
    assert not {"id", "published", "updated", "owner", "national_code", "agency_code", "field", "level", "online", "sources",
                "announced_by", "review_in"} & _fields(translation)
    dossier = translation.model_fields["dossier"].annotation
    assert "DossierText" in repr(dossier)
    from minhbach.model.procedure import Agency, DossierItem, Form, LegalRef

    assert _fields(text_model(DossierItem)) == {"name", "form", "note"}
    assert _fields(text_model(Form)) == {"name"}
    assert _fields(text_model(Agency)) == {"authority", "performing", "coordinating"}
    assert _fields(text_model(LegalRef)) == {"provisions"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_translations_in_its_schema(kind):
    schema = json_schema(kind)
    assert "translations" in schema["properties"]
    one = schema["$defs"][f"{KINDS[kind].model.__name__}Translation"]
    assert one["required"] == ["translated"]


def _validate(text: str):
    doc, problems = load_bytes(text.encode("utf-8"), "data/procedures/hop-phap-hoa.yml")
    assert doc is not None and not problems
    return validate(doc, KINDS["procedure"])


def test_a_translation_is_read_with_the_record():
    record, findings = _validate(PROCEDURE + "translations:\n  en:\n    translated: 2026-03-02\n    name: Consular legalisation\n"
                                            "    dossier:\n      items:\n        - name: Declaration form\n")
    assert findings == []
    assert record.translations.en.name == "Consular legalisation"
    assert record.translations.en.dossier.items[0].name == "Declaration form"
    assert record.translations.zh is None


def test_an_unknown_key_in_a_translation_is_an_error_with_a_suggestion():
    text = PROCEDURE + "translations:\n  en:\n    translated: 2026-03-02\n    nmae: Consular legalisation\n"
    record, findings = _validate(text)
    assert record is None
    [finding] = findings
    assert finding.code == "unknown-key" and finding.line == text.splitlines().index("    nmae: Consular legalisation") + 1
    assert "`name`" in finding.hint


def test_an_unknown_language_is_an_error_with_the_site_languages():
    record, findings = _validate(PROCEDURE + "translations:\n  eng:\n    translated: 2026-03-02\n")
    assert record is None
    [finding] = findings
    assert finding.code == "unknown-key" and "`en`" in finding.hint and "zh" in finding.hint


def test_a_translation_says_when_it_was_made():
    record, findings = _validate(PROCEDURE + "translations:\n  zh:\n    name: 领事认证\n")
    assert record is None
    assert [f.code for f in findings] == ["missing-part"]
    assert "translated" in findings[0].message


def test_a_code_is_not_translatable():
    record, findings = _validate(PROCEDURE + "translations:\n  en:\n    translated: 2026-03-02\n    national_code: 1.000001\n")
    assert record is None and [f.code for f in findings] == ["unknown-key"]
