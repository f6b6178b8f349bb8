"""Listing and reading the project's files: nothing outside its folder, nothing special, nothing unbounded."""

from __future__ import annotations

import os
import socket
import unicodedata
from pathlib import Path

import pytest

from minhbach.load import files as sourcefiles
from minhbach.load.files import UnsafeFile, folder_outside, list_files, read_limited


def shown(folder: Path):
    return lambda path: path.relative_to(folder.parent).as_posix()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A project with a docs folder holding one page, a form in a subfolder, and a secret beside it."""
    (tmp_path / "docs/forms").mkdir(parents=True)
    (tmp_path / "docs/index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "docs/forms/to-khai.docx").write_bytes(b"form")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git/config").write_text("[http] extraheader = AUTHORIZATION: basic c2VjcmV0\n", encoding="utf-8")
    (tmp_path / "docs/.hidden").mkdir()
    (tmp_path / "docs/.hidden/note.txt").write_text("private", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.txt").write_text("TOKEN=abc", encoding="utf-8")
    return tmp_path


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


def _chain(path: Path, root: Path) -> None:
    """A link to a link (secret.txt) that leads out."""
    if not (path.parent / "secret.txt").is_symlink():
        (path.parent / "secret.txt").symlink_to(root / "outside/secret.txt")
    path.symlink_to("secret.txt")


# name in docs/ -> (how to make it, the finding's code)
REFUSED = {
    "environ.txt": (lambda p, root: p.symlink_to("/proc/self/environ"), "symlink-outside"),
    "zero.pdf": (lambda p, root: p.symlink_to("/dev/zero"), "symlink-outside"),
    "secret.txt": (lambda p, root: p.symlink_to(root / "outside/secret.txt"), "symlink-outside"),
    "relative-secret.txt": (lambda p, root: p.symlink_to("../outside/secret.txt"), "symlink-outside"),
    "git-config.txt": (lambda p, root: p.symlink_to("../.git/config"), "symlink-outside"),
    "into-hidden.txt": (lambda p, root: p.symlink_to(".hidden/note.txt"), "symlink-outside"),
    "chain.txt": (lambda p, root: _chain(p, root), "symlink-outside"),
    "etc": (lambda p, root: p.symlink_to("/etc"), "symlink-folder"),
    "loop": (lambda p, root: p.symlink_to("."), "symlink-folder"),
    "forms-again": (lambda p, root: p.symlink_to("forms"), "symlink-folder"),
    "broken.md": (lambda p, root: p.symlink_to("nowhere.md"), "broken-symlink"),
    "self.md": (lambda p, root: p.symlink_to("self.md"), "broken-symlink"),
    "fifo.md": (lambda p, root: os.mkfifo(p), "special-file"),
    "socket.md": (lambda p, root: _socket(p), "special-file"),
    "trang.md": (lambda p, root: p.mkdir(), "folder-not-file"),
    "huge.pdf": (lambda p, root: _sparse(p, 200 * 1024 * 1024), "file-too-large"),
}


def _limit(path: Path):
    return (1024 * 1024, "") if path.suffix == ".md" else (100 * 1024 * 1024, "")


def test_every_entry_that_is_not_a_plain_file_of_the_folder_is_refused_with_a_finding(tree: Path):
    docs = tree / "docs"
    for name, (make, _) in REFUSED.items():
        make(docs / name, tree)
    listing = list_files(docs, shown=shown(docs), limit=_limit, file_suffixes=(".md",))
    assert [path.relative_to(docs).as_posix() for path in listing.files] == ["forms/to-khai.docx", "index.md"]
    by_path = {f.path: f for f in listing.findings}
    assert {path: f.code for path, f in by_path.items()} == {f"docs/{name}": code for name, (_, code) in REFUSED.items()}
    for finding in listing.findings:
        assert finding.is_error and (finding.line, finding.column) == (0, 0)
        assert finding.message and finding.hint and unicodedata.is_normalized("NFC", finding.message + finding.hint)
    assert "TOKEN" not in str(listing.findings) and "c2VjcmV0" not in str(listing.findings)


def test_a_link_to_a_file_of_the_same_folder_is_accepted_and_hidden_files_are_not_listed(tree: Path):
    docs = tree / "docs"
    (docs / "mau-don.docx").symlink_to("forms/to-khai.docx")
    (docs / "forms/trang-chu.md").symlink_to("../index.md")
    listing = list_files(docs, shown=shown(docs), file_suffixes=(".md",))
    assert listing.findings == []
    assert [path.relative_to(docs).as_posix() for path in listing.files] == ["forms/to-khai.docx", "forms/trang-chu.md", "index.md", "mau-don.docx"]
    assert read_limited(docs / "mau-don.docx", 100, within=docs) == b"form"


def test_hidden_entries_are_checked_but_never_listed(tree: Path):
    docs = tree / "docs"
    (docs / ".hidden/link").symlink_to("/etc")
    listing = list_files(docs, shown=shown(docs))
    assert [(f.path, f.code) for f in listing.findings] == [("docs/.hidden/link", "symlink-folder")]
    assert all(".hidden" not in path.parts for path in listing.files)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_reading_refuses_what_listing_refuses(tree: Path, name: str):
    docs = tree / "docs"
    make, code = REFUSED[name]
    make(docs / name, tree)
    with pytest.raises(UnsafeFile) as caught:
        read_limited(docs / name, 100 * 1024 * 1024, within=docs)
    assert caught.value.code == code


def test_reading_is_bounded_even_when_the_size_reported_is_false(tree: Path, monkeypatch):
    big = tree / "docs/big.bin"
    big.write_bytes(b"x" * (5 * 1024 * 1024))
    real_stat, real_lstat, real_fstat, real_read = os.stat, os.lstat, os.fstat, os.read

    def lying(result):
        values = list(result)
        values[6] = 10  # st_size: ten bytes, as /proc files and growing files may say
        return os.stat_result(values)

    read_total = []

    def counting_read(fd, n):
        chunk = real_read(fd, n)
        read_total.append(len(chunk))
        return chunk

    monkeypatch.setattr(sourcefiles.os, "stat", lambda path, *a, **k: lying(real_stat(path, *a, **k)))
    monkeypatch.setattr(sourcefiles.os, "lstat", lambda path, *a, **k: lying(real_lstat(path, *a, **k)))
    monkeypatch.setattr(sourcefiles.os, "fstat", lambda fd: lying(real_fstat(fd)))
    monkeypatch.setattr(sourcefiles.os, "read", counting_read)
    with pytest.raises(UnsafeFile) as caught:
        read_limited(big, 1000, within=tree / "docs")
    assert caught.value.code == "file-too-large"
    assert sum(read_total) == 1001


def test_a_fifo_is_refused_without_waiting_for_a_writer(tree: Path):
    fifo = tree / "docs/fifo.md"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeFile) as caught:
        read_limited(fifo, 1000)
    assert caught.value.code == "special-file"


def test_without_a_folder_a_path_is_still_size_checked_and_must_be_a_regular_file(tree: Path):
    with pytest.raises(UnsafeFile) as caught:
        read_limited(Path("/dev/zero"), 1000)
    assert caught.value.code == "special-file"
    with pytest.raises(UnsafeFile) as caught:
        read_limited(tree / "docs", 1000)
    assert caught.value.code == "folder-not-file"
    assert read_limited(tree / "docs/index.md", 1000) == "# Trang chủ\n".encode()


def test_a_folder_is_outside_the_project_once_links_are_followed(tree: Path, tmp_path_factory):
    (tree / "data").symlink_to(tmp_path_factory.mktemp("elsewhere"))
    (tree / "inner").symlink_to(tree / "docs")
    assert folder_outside(tree / "docs", tree, "docs") is None
    assert folder_outside(tree / "inner", tree, "inner") is None
    finding = folder_outside(tree / "data", tree, "data")
    assert finding is not None and finding.code == "folder-outside" and finding.path == "data"
