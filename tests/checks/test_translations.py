"""`check` reports translations: missing, out of date, a list that does not fit, figures lost."""

from __future__ import annotations

from pathlib import Path

from minhbach.checks.project import check_project
from minhbach.settings.languages import translatable_languages
from tests.conftest import EVENT, LEGAL, PROCEDURE, TODAY, VALID_FILES, line_of, write_project

CODES = {"translation-missing", "translation-outdated", "translation-numbers", "translation-list-length", "translation-unused"}

PROCEDURE_EN = PROCEDURE + """\
translations:
  en:
    translated: 2026-03-01
    name: Consular legalisation
    steps: [Submit the dossier., Collect the result.]
    channels:
      - time: {note: from 1 to 4 papers}
      - {}
  zh:
    translated: 2026-02-01
    name: 领事认证
    channels:
      - time: {note: 1至5份}
      - {}
"""

LEGAL_EN = LEGAL.replace("title: Về chứng nhận", "summary: Nghị định 111/2011/NĐ-CP có hiệu lực từ 01/02/2012.\ntitle: Về chứng nhận") + """\
translations:
  en:
    translated: 2026-01-05
    summary: Decree 111/2011/ND-CP is in force from 1 February 2012.
  zh:
    translated: 2026-01-05
    summary: 第111/2011号议定自2012年2月1日起施行。
"""

EVENT_EN = EVENT + """\
translations:
  en:
    translated: 2026-11-02
    title: Test fair
    body: |
      Businesses **register** their booths before 20/11.

      - Standard booth
  zh:
    translated: 2026-11-02
    body: 企业须于11月20日前登记展位。
"""


def run(project: Path, files: dict[str, str]):
    write_project(project, {**VALID_FILES, **files})
    _, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    return [f for f in findings if f.code in CODES]


def test_every_record_without_a_translation_is_reported_once_per_language(tmp_path: Path):
    findings = run(tmp_path, {})
    missing = [f for f in findings if f.code == "translation-missing"]
    assert len(missing) == 4 * len(translatable_languages())
    assert {f.severity.value for f in missing} == {"warning"}
    assert {f.path for f in missing} == {path for path in VALID_FILES if path.startswith("data/")}
    assert all((f.line, f.column) == (0, 0) for f in missing) and {"tiếng Anh (en)", "tiếng Trung (zh)"} <= {f.message.split("bản ")[1].split(";")[0] for f in missing}


def test_a_record_translated_into_one_language_only_is_reported_at_its_translations(tmp_path: Path):
    text = PROCEDURE + "translations:\n  en: {translated: 2026-03-01, name: Consular legalisation}\n"
    [missing] = [f for f in run(tmp_path, {"data/procedures/hop-phap-hoa.yml": text}) if f.path.endswith("hop-phap-hoa.yml")]
    assert missing.code == "translation-missing" and "(zh)" in missing.message and missing.line == line_of(text, "translations:")


def test_translations_across_kinds(tmp_path: Path):
    files = {"data/procedures/hop-phap-hoa.yml": PROCEDURE_EN, "data/legal/nd-111-2011.yml": LEGAL_EN, "data/events/hoi-cho-mot.yml": EVENT_EN}
    findings = run(tmp_path, files)
    by_path = {path: sorted((f.code, f.line) for f in findings if f.path == path) for path in files}
    assert by_path["data/procedures/hop-phap-hoa.yml"] == sorted([
        ("translation-outdated", line_of(PROCEDURE_EN, "translated: 2026-02-01")),
        ("translation-numbers", line_of(PROCEDURE_EN, "time: {note: 1至5份}")),
    ])
    assert by_path["data/legal/nd-111-2011.yml"] == [("translation-numbers", line_of(LEGAL_EN, "summary: 第111/2011号"))]
    assert by_path["data/events/hoi-cho-mot.yml"] == []  # "20/11" is "11月20日" in Chinese
    [legal] = [f for f in findings if f.path == "data/legal/nd-111-2011.yml"]
    assert legal.severity.value == "error" and "'111/2011/NĐ-CP'" in legal.message and "`summary`" in legal.message
    [lost] = [f for f in findings if f.code == "translation-numbers" and f.path.endswith("hop-phap-hoa.yml")]
    assert "'4'" in lost.message and "'1'" not in lost.message and "channels[0].time.note" in lost.message
    [outdated] = [f for f in findings if f.code == "translation-outdated"]
    assert "2026-02-01" in outdated.message and "2026-03-01" in outdated.message


def test_a_list_of_another_length_is_an_error(tmp_path: Path):
    text = PROCEDURE_EN.replace("steps: [Submit the dossier., Collect the result.]", "steps: [Submit the dossier and collect the result.]")
    [finding] = [f for f in run(tmp_path, {"data/procedures/hop-phap-hoa.yml": text}) if f.code == "translation-list-length"]
    assert finding.severity.value == "error" and finding.line == line_of(text, "steps: [Submit the dossier and")
    assert "1 mục" in finding.message and "2 mục" in finding.message


def test_translated_markdown_is_checked_like_the_vietnamese(tmp_path: Path):
    text = EVENT_EN.replace("Businesses **register** their booths", "Businesses [register](javascript:alert(1)) their booths")
    write_project(tmp_path, {**VALID_FILES, "data/events/hoi-cho-mot.yml": text})
    _, findings = check_project(tmp_path / "data", tmp_path / "docs", TODAY, display_base=tmp_path)
    [unsafe] = [f for f in findings if f.code == "unsafe-link"]
    assert unsafe.path == "data/events/hoi-cho-mot.yml" and unsafe.line == line_of(text, "    body: |") and unsafe.is_error


def test_a_translation_of_a_part_the_vietnamese_leaves_out_is_a_warning(tmp_path: Path):
    text = PROCEDURE_EN.replace("    name: Consular legalisation\n", "    name: Consular legalisation\n    summary: Legalising papers.\n")
    [unused] = [f for f in run(tmp_path, {"data/procedures/hop-phap-hoa.yml": text}) if f.code == "translation-unused"]
    assert unused.severity.value == "warning" and unused.line == line_of(text, "summary: Legalising papers.")
    assert "`summary`" in unused.message


def test_a_translation_that_leaves_text_in_vietnamese_is_reported_with_the_parts_it_lacks(tmp_path: Path):
    """The zh translation gives the name and a note but not the subjects or steps: the Chinese page shows them in Vietnamese."""
    write_project(tmp_path, {**VALID_FILES, "data/procedures/hop-phap-hoa.yml": PROCEDURE_EN})
    _, findings = check_project(tmp_path / "data", tmp_path / "docs", TODAY, display_base=tmp_path)
    incomplete = [f for f in findings if f.code == "translation-incomplete" and f.path.endswith("hop-phap-hoa.yml")]
    by_language = {f.message.split("bản ")[1].split(" chưa")[0]: f for f in incomplete}
    assert "tiếng Trung (zh)" in by_language and "`subjects[0]`" in by_language["tiếng Trung (zh)"].message
    assert "phần khác" in by_language["tiếng Trung (zh)"].message, "the first three are named, then how many more"
    assert by_language["tiếng Trung (zh)"].line == line_of(PROCEDURE_EN, "  zh:")
    assert all("changes" not in f.message for f in incomplete), "the change history is the editors' log"
    assert {f.severity.value for f in incomplete} == {"warning"}
