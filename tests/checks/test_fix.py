"""`minhbach fix` rewrites only what it is named for: characters not in NFC, invisible characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from minhbach.checks.fix import fix_invisible, fix_nfc, invisible_fix_text, nfc_fix_text
from minhbach.load.source import parse
from minhbach.load.text import odd_characters


def test_only_non_nfc_characters_change_and_everything_else_is_kept(tmp_path: Path):
    original = (
        "\ufeff# Ghi chú: giữ nguyên   \r\n"
        "name: 'Cấp " + unicodedata.normalize("NFD", "hộ chiếu") + "'  # chú thích\r\n"
        "z_key: 1\r\n"
        "a_key: \"" + unicodedata.normalize("NFD", "Đăng ký") + "\"\r\n"
    )
    file = tmp_path / "x.yml"
    file.write_bytes(original.encode("utf-8"))
    result = fix_nfc(file)
    assert result.changed == 4
    assert file.read_bytes() == unicodedata.normalize("NFC", original).encode("utf-8")
    assert file.read_bytes().startswith(b"\xef\xbb\xbf# Ghi ch")
    assert fix_nfc(file).changed == 0


def test_file_that_is_already_nfc_is_not_touched(tmp_path: Path):
    file = tmp_path / "x.yml"
    file.write_text("name: hộ chiếu\n", encoding="utf-8")
    before = file.stat().st_mtime_ns
    assert fix_nfc(file).changed == 0
    assert file.stat().st_mtime_ns == before


def test_non_utf8_file_is_left_alone(tmp_path: Path):
    file = tmp_path / "x.yml"
    file.write_bytes(b"name: C\xe9ng h\xdfa\n")
    result = fix_nfc(file)
    assert result.problem and file.read_bytes() == b"name: C\xe9ng h\xdfa\n"


@given(st.text())
def test_fixing_equals_normalising_and_is_idempotent(text: str):
    fixed, _ = nfc_fix_text(text)
    assert unicodedata.normalize("NFC", fixed) == unicodedata.normalize("NFC", text), "meaning never changes"
    again, count = nfc_fix_text(fixed)
    assert (again, count) == (fixed, 0)


def test_invisible_characters_are_removed_and_every_other_byte_is_kept(tmp_path: Path):
    original = (
        "\ufeff# Ghi chú\u200b: giữ nguyên   \r\n"
        "name: 'Cấp hộ\u200b chiếu\u00ad'  # chú thích\r\n"
        "summary: \"Nhóm 👩\u200d💻 ❤\ufe0f\"  # \u2060\r\n"
        "steps: [a\u200c, \u200b b]\r\n"
    )
    file = tmp_path / "x.yml"
    file.write_bytes(original.encode("utf-8"))
    assert {f.code for f in parse("x.yml", original[1:])[1]} == {"invisible-char"}
    result = fix_invisible(file)
    assert (result.changed, result.problem) == (6, "")
    fixed = file.read_bytes().decode("utf-8")
    assert fixed == original.replace("\u200b", "").replace("\u00ad", "").replace("\u2060", "").replace("a\u200c", "a")
    assert "👩\u200d💻 ❤\ufe0f" in fixed, "the joiner of an emoji sequence and a presentation selector stay"
    assert parse("x.yml", fixed[1:])[1] == []
    assert fix_invisible(file).changed == 0


def test_a_file_whose_meaning_would_change_is_left_alone(tmp_path: Path):
    original = "name: \u200b\nnote: key:\u200b value\n"  # an empty value, a key inside a value
    file = tmp_path / "x.yml"
    file.write_text(original, encoding="utf-8")
    result = fix_invisible(file)
    assert result.changed == 0 and "bằng tay" in result.problem
    assert file.read_text(encoding="utf-8") == original


def test_direction_controls_and_hidden_text_are_not_removed_automatically(tmp_path: Path):
    original = "name: a\u202eb\u200b\nnote: c\U000e0041\n"
    file = tmp_path / "x.yml"
    file.write_text(original, encoding="utf-8")
    assert fix_invisible(file).changed == 1
    assert file.read_text(encoding="utf-8") == "name: a\u202eb\nnote: c\U000e0041\n"


def test_only_yaml_files_are_fixed(tmp_path: Path):
    page = tmp_path / "x.md"
    page.write_text("---\ntitle: a\u200bb\n---\n\u200b# not a heading\n", encoding="utf-8")
    assert fix_invisible(page).problem and "\u200b" in page.read_text(encoding="utf-8")


@given(st.text())
def test_removing_invisible_characters_is_idempotent(text: str):
    fixed, _ = invisible_fix_text(text)
    assert invisible_fix_text(fixed) == (fixed, 0) or odd_characters(fixed, whole_file=True)


def test_links_devices_fifos_and_huge_files_are_left_alone_without_being_read(tmp_path: Path):
    import os

    target = tmp_path / "that.yml"
    target.write_text(unicodedata.normalize("NFD", "name: hộ chiếu\n"), encoding="utf-8")
    (tmp_path / "link.yml").symlink_to(target)
    (tmp_path / "zero.yml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.yml")
    with (tmp_path / "huge.yml").open("wb") as handle:
        handle.truncate(3 * 1024**3)
    for name in ("link.yml", "zero.yml", "fifo.yml", "huge.yml", "/dev/zero"):
        result = fix_nfc(tmp_path / name)
        assert result.changed == 0 and result.problem, name
    assert (tmp_path / "link.yml").is_symlink() and target.read_text(encoding="utf-8") == unicodedata.normalize("NFD", "name: hộ chiếu\n")
