"""Build the site into a fresh folder and put it in place only if the build succeeds.

A failed build leaves the last good site untouched. Builds are reproducible: in a clean checkout
SOURCE_DATE_EPOCH defaults to the time of the last commit, so two builds of one commit are
byte-identical.

The output folder is replaced as a whole, so it is checked first (`output_problem`): never the
project, a folder of it that holds sources, a folder holding files tracked by git, a folder that
is not a previous build, or a symbolic link. MkDocs' own check (site_dir inside docs_dir) cannot
help here: MkDocs only ever sees the staging folder. The staging folder is removed when the build
fails or is interrupted (Ctrl-C, SIGTERM, SIGHUP), and folders left by a build that was killed
outright are removed by the next one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minhbach.mkdocs.languages import Language

EXIT_REFUSED = 2
STAGING_PREFIX = ".site-build-"
PREVIOUS_PREFIX = ".site-previous-"
_LEFTOVER = re.compile(rf"^(?:{re.escape(STAGING_PREFIX)}|{re.escape(PREVIOUS_PREFIX)})(?:(\d+)-)?[a-z0-9_]{{8}}$")
"""The names `tempfile.mkdtemp` gives our folders (8 characters of [a-z0-9_] after the prefix), with or without a process id."""
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _git(directory: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=directory, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def commit_epoch(directory: Path) -> str | None:
    """Unix time of the last commit when the checkout is clean; None when there are local edits
    (then "today" is the real today, so records dated today are not taken for the future)."""
    status = _git(directory, "status", "--porcelain")
    if status is None or status.strip():
        return None
    value = (_git(directory, "log", "-1", "--format=%ct") or "").strip()
    return value if value.isdigit() else None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _plugin_options(config: dict, name: str) -> dict:
    """The options of plugin `name` in mkdocs.yml, whether `plugins` is a list or a mapping."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        options = plugins.get(name)
        return options if isinstance(options, dict) else {}
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get(name), dict):
            return plugin[name]
    return {}


def project_folders(config_file: Path) -> list[tuple[str, Path]]:
    """(name, resolved path) of the project: mkdocs.yml's folder and, in a git checkout, the top of the repository."""
    root = _real(config_file.absolute().parent)
    folders = [("thư mục chứa mkdocs.yml", root)]
    top = (_git(root, "rev-parse", "--show-toplevel") or "").strip()
    if top and _real(Path(top)) != root:
        folders.append(("thư mục gốc của kho git", _real(Path(top))))
    return folders


def source_folders(config_file: Path) -> list[tuple[str, Path]]:
    """(name, resolved path) of every folder inside the project that the build reads: docs_dir, the
    plugin's data_dir, the macros module's folder and include_dir, the theme's custom_dir. Values
    that mkdocs.yml sets through tags (`!ENV`) are unknown here and skipped."""
    from minhbach.mkdocs.options import read_config

    root = _real(config_file.absolute().parent)
    config = read_config(config_file)
    theme = config.get("theme")
    macros = _plugin_options(config, "macros")
    named = {
        "docs_dir": config.get("docs_dir", "docs"),
        "data_dir": _plugin_options(config, "minhbach").get("data_dir", "data"),
        "thư mục macros": os.path.dirname(str(macros.get("module_name", "main"))),
        "include_dir của macros": macros.get("include_dir"),
        "custom_dir của theme": theme.get("custom_dir") if isinstance(theme, dict) else None,
    }
    return [(name, _real(root / value)) for name, value in named.items() if isinstance(value, str) and value]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def output_problem(output: Path, config_file: Path, *, marker: str = "index.html") -> str | None:
    """Why `output` may not be replaced by a build of `config_file`, or None when it may (see
    `_output_problem`); a path the system cannot even look at (a name too long, a folder that cannot be
    read) is refused with the system's reason."""
    try:
        return _output_problem(output, config_file, marker=marker)
    except OSError as exc:
        return f"không dùng được {output}: {exc.strerror or exc}. Chọn thư mục khác, ví dụ site/."


def _output_problem(output: Path, config_file: Path, *, marker: str = "index.html") -> str | None:
    """Why `output` may not be replaced by a build of `config_file`, or None when it may.

    Refused: a symbolic link (its target would be replaced); the project (see `project_folders`) or
    a folder holding it; a source folder (see `source_folders`), a folder inside one or holding one;
    a hidden folder of the project (`.git`, `.github`...) or a folder inside one; something that is
    not a folder; a folder holding files tracked by git; a non-empty folder without the file
    `marker` (a path inside it that every previous output holds: `index.html` for a built site).
    A folder outside the project is allowed under the last three rules.
    """
    absolute = Path(os.path.abspath(output))
    if absolute.is_symlink():
        return f"{output} là liên kết tượng trưng (symlink) tới {os.readlink(absolute)}; không thay thế liên kết. Xóa liên kết hoặc chọn thư mục khác."
    real = _real(absolute)
    projects = project_folders(config_file)
    for name, folder in projects:
        if _inside(folder, real):
            return f"{output} là hoặc chứa {name} ({folder}); dựng vào đó sẽ xóa cả kho. Chọn thư mục khác, ví dụ site/."
        if _inside(real, folder) and any(part.startswith(".") for part in real.relative_to(folder).parts):
            return f"{output} là hoặc nằm trong một thư mục ẩn của kho (.git, .github...). Chọn thư mục khác, ví dụ site/."
    for name, folder in source_folders(config_file):
        if _inside(folder, real) or _inside(real, folder):
            return f"{output} là, chứa hoặc nằm trong {name} ({folder}); dựng vào đó sẽ xóa hoặc lẫn vào tệp nguồn. Chọn thư mục khác, ví dụ site/."
    if not real.exists():
        return None
    if not real.is_dir():
        return f"{output} đã có và không phải thư mục. Chọn thư mục khác, ví dụ site/."
    tracked = _git(real, "ls-files", "--", ".")
    if tracked:
        return f"{output} chứa tệp được quản lý bằng git (ví dụ {tracked.splitlines()[0]}). Chọn thư mục khác, ví dụ site/."
    if any(real.iterdir()) and not (real / marker).is_file():
        return f"{output} có nội dung nhưng không phải kết quả của lần chạy trước (không có {marker}). Chọn thư mục khác, hoặc tự xóa thư mục này trước."
    return None


def _folder_mode() -> int:
    """The mode a new folder gets from `mkdir` under this process's umask (0755 under the usual 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o777 & ~umask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove staging and previous-site folders left in `folder` by builds that were killed outright;
    those of a build still running (its process id is in the name) are kept. Links are never followed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False):
            continue
        if match.group(1) and int(match.group(1)) != os.getpid() and _alive(int(match.group(1))):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(Path(entry.path))
    return removed


class Interrupted(BaseException):
    """A stop signal arrived; raised where the build is, so that its folders are cleaned up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_raise() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise `Interrupted` (Ctrl-C raises KeyboardInterrupt)."""
    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {}
    for signum in _STOP_SIGNALS:
        try:
            previous[signum] = signal.signal(signum, stop)
        except ValueError:  # not the main thread: leave the handlers as they are
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Delay stop signals for the block (the swap of two folders), so it is never left half done."""
    held = {signal.SIGINT, *_STOP_SIGNALS}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def _run(command: list[str], env: dict[str, str]) -> int:
    """Run the MkDocs build; if this process is stopped, stop it too before going on."""
    child = subprocess.Popen(command, env=env)
    try:
        return child.wait()
    except BaseException:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        raise


def _check_links(staging: Path, project: Path, *, today: dt.date, external: bool, languages: Sequence[Language]) -> bool:
    """Check the fresh build's links, publish the result, and fill in the dashboard's link figure.

    `today` is the build's own date, so the link report and the dashboard show the same day.
    Only broken internal links stop the build: an external site being down is not a reason to
    keep the last site, and is reported instead.
    """
    from minhbach.findings import format_text
    from minhbach.site.links.external import ExternalOptions
    from minhbach.site.links.run import check_site, fill_dashboard

    result = check_site(staging, project=project, today=today,
                        external=ExternalOptions(cache_dir=project / ".cache" / "links") if external else None)
    if result.findings:
        print(format_text(result.findings), file=sys.stderr)
    for language in languages:  # every language's dashboard shows the figure of the whole site
        fill_dashboard(staging / language.folder, result, language=language.code)
    return not any(f.is_error and f.code == "broken-link" for f in result.findings)


def build(config: Path, output: Path, *, extra_args: Sequence[str] = (), check_links: bool = True,
          external_links: bool = False, search: bool = True) -> int:
    """Run a strict MkDocs build of every language of `config` (`site_languages`: mkdocs.yml's
    `extra.alternate`) into a temporary folder next to `output`, check its links, then swap it in;
    a language that fails to build fails the whole, and the last good site stays.

    The plugin's options are checked first, as `minhbach check` does; a bad one stops the build (1).
    Returns 0 on success, 2 (nothing touched) when `output_problem` refuses the output, 128 + the
    signal's number when stopped, MkDocs' code otherwise.
    """
    from minhbach.findings import format_text
    from minhbach.mkdocs.languages import LanguageError, site_languages
    from minhbach.mkdocs.options import read_settings
    from minhbach.settings.calendar import ClockError

    project, problems = read_settings(config)
    if project is None:
        print(format_text(problems), file=sys.stderr)
        print(f"Dựng trang thất bại: sửa tùy chọn trong {config.as_posix()} rồi dựng lại. (Build failed; the last good site is kept.)",
              file=sys.stderr)
        return 1
    try:
        languages = site_languages(config)
    except LanguageError as exc:
        print(f"Dựng trang thất bại: {exc} ({config.as_posix()}). (Build failed; the last good site is kept.)", file=sys.stderr)
        return 1
    problem = next(filter(None, (output_problem(output, language.config_file) for language in languages)), None)
    if problem is not None:
        print(f"Không dựng trang: {problem} (Refusing to replace the output folder; nothing was changed.)", file=sys.stderr)
        return EXIT_REFUSED
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    if "SOURCE_DATE_EPOCH" not in env:
        # The last commit's time, or now: the build and its link check below then take the same day.
        env["SOURCE_DATE_EPOCH"] = commit_epoch(config.resolve().parent) or str(int(time.time()))
    try:
        today = project.plugin.today(environ=env)  # the day the plugin takes in the build below
    except ClockError as exc:
        print(f"Dựng trang thất bại: {exc}. (Build failed; the last good site is kept.)", file=sys.stderr)
        return 1
    try:
        status = fill_and_swap(output, lambda staging: _build_into(staging, languages, env, extra_args, today=today, check_links=check_links,
                                                                    external_links=external_links, search=search))
    except Stopped as stop:
        if stop.swapped:
            print(f"Dựng trang bị dừng ngay sau khi trang mới đã vào {output}. (Build interrupted after the new site was put in place.)",
                  file=sys.stderr)
        else:
            print(f"Dựng trang bị dừng; trang cũ trong {output} được giữ nguyên. (Build interrupted; the last good site is kept.)",
                  file=sys.stderr)
        return 128 + stop.signum
    if status != 0:
        print(f"Dựng trang thất bại; trang cũ trong {output} được giữ nguyên. (Build failed; the last good site is kept.)", file=sys.stderr)
    return status


class Stopped(Exception):
    """`fill_and_swap` was stopped by Ctrl-C or a stop signal (`signum`); `swapped` says whether the
    new folder had already taken the place of the old one."""

    def __init__(self, signum: int, *, swapped: bool) -> None:
        super().__init__(signum)
        self.signum, self.swapped = signum, swapped


def fill_and_swap(output: Path, fill: Callable[[Path], int]) -> int:
    """Fill a new folder beside `output` with `fill(folder)`; when it returns 0, put the folder in the
    place of `output` as a whole, and remove the old one. Returns what `fill` returned.

    The caller checks `output` first (`output_problem`). Folders left beside it by runs that were
    killed outright are removed first (`remove_leftovers`). The new folder is removed when `fill`
    fails, raises, or is stopped; the swap itself holds stop signals, so it is never half done.
    Ctrl-C and SIGTERM/SIGHUP during the run raise `Stopped`.
    """
    output = Path(os.path.abspath(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output.parent)
    previous = None
    with _signals_raise():
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=output.parent))
        staging.chmod(_folder_mode())  # mkdtemp makes it private (0700); the output is read by web servers and people
        try:
            status = fill(staging)
            if status == 0:
                previous = _swap(staging, output)
        except (KeyboardInterrupt, Interrupted) as stop:
            raise Stopped(stop.signum if isinstance(stop, Interrupted) else signal.SIGINT, swapped=not staging.exists()) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)  # if stopped meanwhile, the next run removes the rest
    return status


def _build_into(staging: Path, languages: Sequence[Language], env: dict[str, str], extra_args: Sequence[str], *, today: dt.date,
                check_links: bool, external_links: bool, search: bool) -> int:
    """Build every language into `staging` (the source at its root first, since MkDocs empties the folder
    it builds into, then each other language into its folder), check the links of the whole, then build
    each language's own search index. The first failure stops the rest."""
    for language in languages:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(language.config_file),
                   "--site-dir", str(staging / language.folder), *extra_args]
        status = _run(command, env)
        if status != 0:
            print(f"ERROR   -  minhbach: dựng bản {language.name} ({language.config_file.name}) thất bại", file=sys.stderr)
            return status
    project = languages[0].config_file.resolve().parent
    if check_links and not _check_links(staging, project, today=today, external=external_links,
                                        languages=languages):
        return 1
    if search:
        counts = []
        for language in languages:
            count = _build_search_index(staging / language.folder)
            if count is None:
                return 1
            counts.append(f"{count} ({language.code})" if len(languages) > 1 else str(count))
        print(f"INFO    -  minhbach: {', '.join(counts)} trang trong chỉ mục tìm kiếm", file=sys.stderr)
    return 0


def _build_search_index(site: Path) -> int | None:
    """Build the search index from the documents the MkDocs build wrote, then remove them: readers
    only load the index, and a published copy of every page's text would be one more file
    for others to depend on. Returns how many pages it holds; None (with the reason) when the index
    cannot be built."""
    from minhbach.site.search import DOCUMENTS_FILE, SearchError, build_index

    try:
        count = build_index(site)
    except SearchError as exc:
        print(f"ERROR   -  minhbach: chỉ mục tìm kiếm (search index): {exc}", file=sys.stderr)
        return None
    (site / DOCUMENTS_FILE).unlink()
    return count


def _swap(staging: Path, output: Path) -> Path | None:
    """Put `staging` in the place of `output`, with stop signals held so that it is never left half
    done; returns where the old site now is (to be removed), if there was one."""
    previous = None
    with _signals_held():
        if output.exists():
            previous = Path(tempfile.mkdtemp(prefix=f"{PREVIOUS_PREFIX}{os.getpid()}-", dir=output.parent))
            previous.rmdir()
            output.rename(previous)
        staging.rename(output)
    return previous


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minhbach.site.build", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--output", type=Path, default=Path("site"))
    parser.add_argument("--no-links", dest="links", action="store_false", help="skip the link check")
    parser.add_argument("--external-links", action="store_true", help="also check links to other sites (needs lychee)")
    parser.add_argument("--no-search", dest="search", action="store_false", help="skip building the search index (its documents stay in the output)")
    args = parser.parse_args(argv)
    try:
        return build(args.config, args.output, check_links=args.links, external_links=args.external_links, search=args.search)
    except KeyboardInterrupt:
        return 128 + signal.SIGINT


if __name__ == "__main__":
    sys.exit(main())
