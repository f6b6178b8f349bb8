"""The files of a project the engine may read or publish: listed without following links out,
size-checked before they are opened, and read with a bound.

Editors' folders (`data/`, `docs/`, a theme's `custom_dir`) may hold anything a checkout can hold:
a symbolic link to `/proc/self/environ`, `/dev/zero`, `/etc` or `../.git/config`, a FIFO, a
folder named like a page, a file of gigabytes. An entry is accepted only when it is

- a regular file, or
- a symbolic link to a regular file inside the same folder, outside its hidden folders (one form
  published under two names); links lead nowhere else, so what is published is exactly what
  lies in the folder, never a file of the rest of the checkout (`.git/config` holds the CI's
  token, `.venv/` anything) or of the machine;

and is no larger than the caller's limit. Anything else is a finding and is never opened; links
to folders are refused whatever they point to, because MkDocs walks them (a link to `.` makes
the walk endless). `read_limited` checks the same again at the moment of reading and reads at
most one byte more than the limit, so a file that grows or reports a false size (`/proc`) cannot
exhaust memory, and a FIFO cannot block the reader.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from minhbach.findings import Finding, error

_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def size_text(size: int) -> str:
    """Bytes as an editor reads them: '512 KB', '100 MB' (1 KB = 1024 bytes)."""
    return f"{size // (1024 * 1024)} MB" if size >= 10 * 1024 * 1024 else f"{size // 1024} KB"


class UnsafeFile(Exception):
    """Why a path may not be read or published; `finding(shown)` says it to the editor."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint

    def finding(self, shown: str) -> Finding:
        return error(shown, 0, 0, self.code, self.message, self.hint)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "một ống dẫn (FIFO)"
    if stat.S_ISSOCK(mode):
        return "một socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một tệp thiết bị"
    return "một mục đặc biệt của hệ điều hành"


def _special(mode: int, folder_name: str) -> UnsafeFile:
    return UnsafeFile("special-file", f"đây không phải tệp thông thường mà là {_kind_of(mode)}, nên không được đọc",
                      f"Xóa mục này; trong {folder_name}/ chỉ đặt tệp thông thường.")


def too_large(size: int, limit: int, hint: str = "") -> UnsafeFile:
    return UnsafeFile("file-too-large", f"tệp quá lớn ({size_text(size)}, giới hạn {size_text(limit)})",
                      hint or "Giảm dung lượng tệp (nén, chia nhỏ) hoặc bỏ phần thừa.")


def _inside(real: str, folder: str) -> bool:
    """Whether the resolved `real` lies in the resolved `folder`, outside its hidden folders."""
    prefix = folder.rstrip(os.sep) + os.sep
    if not real.startswith(prefix) or real == prefix:
        return False
    rest = real[len(prefix):]
    return not rest.startswith(".") and os.sep + "." not in rest


def _link_text(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def check_link(path: str, folder: str, folder_name: str) -> tuple[UnsafeFile | None, os.stat_result | None]:
    """A symbolic link at `path` in the resolved `folder`: (why it is refused, or None; the target's stat)."""
    target = _link_text(path)
    real = os.path.realpath(path)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        return UnsafeFile("symlink-folder", f"thư mục này là liên kết tượng trưng (symlink) tới '{target}'; không được dùng liên kết tới thư mục",
                          "Thay liên kết bằng một thư mục thật chứa các tệp cần đăng."), info
    if not _inside(real, folder):
        return UnsafeFile("symlink-outside", f"tệp là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục {folder_name}/: '{target}'",
                          f"Chép chính tệp vào {folder_name}/ thay cho liên kết, hoặc xóa liên kết. "
                          f"Chỉ tệp nằm trong {folder_name}/ mới được đọc và đăng."), info
    if info is None:
        return UnsafeFile("broken-symlink", f"liên kết tượng trưng (symlink) trỏ tới tệp không có: '{target}'",
                          "Xóa liên kết, hoặc thay bằng chính tệp cần đăng."), None
    if not stat.S_ISREG(info.st_mode):
        return _special(info.st_mode, folder_name), info
    return None, info


@dataclass
class Listing:
    """What `list_files` found: files that may be read (sorted as strings, as found under the
    folder, links not resolved) and a finding for every entry refused."""

    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


Limit = Callable[[Path], "tuple[int, str] | None"]
"""For a file, (largest size in bytes, hint when larger), or None when it is never read."""


def list_files(folder: Path, *, shown: Callable[[Path], str], limit: Limit | None = None,
               file_suffixes: tuple[str, ...] = (), include_hidden: bool = False) -> Listing:
    """Every non-hidden file under `folder` that may be read, and findings for everything refused.

    Hidden entries are checked too (MkDocs walks them) but listed only with `include_hidden` (what
    MkDocs may publish when told to: `.well-known/`). A folder whose name ends
    in one of `file_suffixes` ("x.md") is reported: a file was meant. `shown(path)` names a path in
    findings. The folder itself must exist; its own location is the caller's to check.
    """
    listing = Listing()
    root = os.path.realpath(folder)
    name = folder.name or str(folder)
    found: list[str] = []
    stack = [(str(folder), False)]
    while stack:
        here, in_hidden = stack.pop()
        try:
            with os.scandir(here) as entries:
                items = list(entries)
        except OSError as exc:
            listing.findings.append(UnsafeFile("unreadable", f"không đọc được thư mục: {exc.strerror}",
                                               "Kiểm tra quyền đọc thư mục.").finding(shown(Path(here))))
            continue
        for entry in items:
            hidden = in_hidden or entry.name.startswith(".")
            problem: UnsafeFile | None = None
            info: os.stat_result | None = None
            try:
                if entry.is_symlink():
                    problem, info = check_link(entry.path, root, name)
                elif entry.is_dir(follow_symlinks=False):
                    if not hidden and entry.name.lower().endswith(file_suffixes) and file_suffixes:
                        suffix = next(s for s in file_suffixes if entry.name.lower().endswith(s))
                        listing.findings.append(UnsafeFile(
                            "folder-not-file", f"'{entry.name}' là thư mục chứ không phải tệp",
                            f"Đổi tên thư mục để bỏ đuôi {suffix}, hoặc thay thư mục bằng tệp.").finding(shown(Path(entry.path))))
                    stack.append((entry.path, hidden))
                    continue
                else:
                    info = entry.stat(follow_symlinks=False)
                    if not stat.S_ISREG(info.st_mode):
                        problem = _special(info.st_mode, name)
            except OSError as exc:
                problem = UnsafeFile("unreadable", f"không đọc được tệp: {exc.strerror}", "Kiểm tra quyền đọc tệp.")
            if problem is None and info is not None and (include_hidden or not hidden) and limit is not None:
                bound = limit(Path(entry.path))
                if bound is not None and info.st_size > bound[0]:
                    problem = too_large(info.st_size, bound[0], bound[1])
            if problem is not None:
                listing.findings.append(problem.finding(shown(Path(entry.path))))
            elif include_hidden or not hidden:
                found.append(entry.path)
    listing.files = [Path(path) for path in sorted(found)]
    return listing


@lru_cache(maxsize=64)
def _real_folder(folder: str) -> str:
    """Where a folder really is; asked once per folder, not once per file of it."""
    return os.path.realpath(folder)


def _opened_path(fd: int, fallback: str) -> str:
    """Where the file open as `fd` really is: what Linux says of the descriptor itself, else the resolved path."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return os.path.realpath(fallback)


def read_limited(path: Path, max_bytes: int, *, within: Path | None = None, too_large_hint: str = "") -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them.

    With `within` (a folder), `path` must lie inside it as `list_files` requires, links and folders
    of the path followed. The entry is checked with `os.lstat`/`os.stat` before it is opened (a
    device is never opened), the opened file is checked again (the same file, a regular one, in
    the folder), and at most `max_bytes + 1` bytes are read. Raises `UnsafeFile` (codes:
    symlink-outside, symlink-folder, broken-symlink, special-file, folder-not-file, file-too-large,
    unreadable); nothing else.
    """
    original = text = os.fspath(path)
    folder = _real_folder(os.path.abspath(within)) if within is not None else None
    name = within.name if within is not None else Path(text).parent.name
    try:
        info = os.lstat(text)
        if stat.S_ISLNK(info.st_mode):
            if folder is not None:
                problem, _ = check_link(text, folder, name)
                if problem is not None:
                    raise problem
            text = os.path.realpath(text)
            info = os.stat(text)
        if stat.S_ISDIR(info.st_mode):
            raise UnsafeFile("folder-not-file", f"'{Path(original).name}' là thư mục chứ không phải tệp", "Thay thư mục bằng tệp, hoặc sửa đường dẫn.")
        if not stat.S_ISREG(info.st_mode):
            raise _special(info.st_mode, name)
        if info.st_size > max_bytes:
            raise too_large(info.st_size, max_bytes, too_large_hint)
        fd = os.open(text, _OPEN_FLAGS)
        try:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                raise _special(opened.st_mode, name)
            if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
                raise UnsafeFile("unreadable", "tệp vừa bị thay bằng tệp khác trong lúc đọc", "Chạy lại lệnh khi không còn ai sửa tệp.")
            if folder is not None and not _inside(_opened_path(fd, text), folder):
                raise UnsafeFile("symlink-outside", f"tệp nằm ngoài thư mục {name}/ (qua liên kết tượng trưng tới thư mục)",
                                 f"Đặt chính tệp vào {name}/, không qua liên kết.")
            chunks: list[bytes] = []
            remaining = max_bytes + 1
            while remaining > 0:
                chunk = os.read(fd, min(remaining, _CHUNK))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        if os.path.islink(original):
            raise UnsafeFile("broken-symlink", f"liên kết tượng trưng (symlink) trỏ tới tệp không có: '{_link_text(original)}'",
                             "Xóa liên kết, hoặc thay bằng chính tệp cần đăng.") from None
        raise UnsafeFile("unreadable", "không tìm thấy tệp", "Kiểm tra tên và đường dẫn của tệp.") from None
    except OSError as exc:
        raise UnsafeFile("unreadable", f"không đọc được tệp: {exc.strerror}", "Kiểm tra quyền đọc tệp.") from None
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes, too_large_hint)
    return data


def folder_outside(folder: Path, root: Path, shown: str) -> Finding | None:
    """A finding when `folder` (after following links) is not inside the project `root`."""
    real, base = os.path.realpath(folder), os.path.realpath(root)
    if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
        return None
    return error(shown, 0, 0, "folder-outside", f"thư mục {shown} nằm ngoài kho (sau khi theo liên kết tượng trưng: {real})",
                 "Đặt thư mục ngay trong kho; không dùng liên kết tượng trưng tới thư mục ở nơi khác.")


def tracked_by_git(path: Path) -> bool:
    """Whether git, in the checkout holding `path`, tracks it or (for a folder) a file under it.
    False outside a checkout or without git. What git tracks came with the repository, so a cache
    that git tracks was not written by this machine and is not trusted."""
    folder, name = (path, ".") if path.is_dir() else (path.parent, path.name)
    try:
        result = subprocess.run(["git", "ls-files", "--", name], cwd=folder, capture_output=True, check=False)
    except OSError:
        return False
    return result.returncode == 0 and bool(result.stdout.strip())
