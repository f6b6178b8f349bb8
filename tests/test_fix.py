"""`minhbach fix --nfc` rewrites only the characters that are not NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from minhbach.fix import fix_nfc, nfc_fix_text


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
