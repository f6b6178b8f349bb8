"""The macros a site offers its hand-written pages (its mkdocs-macros module), read without MkDocs.

mkdocs-macros (1.5) imports the site's module and calls its `define_env(env)`; every function the
module registers with `env.macro` can then be called from a page that renders macros. Here the
same `define_env` is called with a recorder that only collects those functions, so `minhbach check`
knows their names and signatures from the module itself. A page that renders macros is Python run
at build time (Jinja is not sandboxed), so the checks accept nothing on it but calls of these
functions with literal arguments.

When a macro fails during the build, `report_failures` turns the failure into a finding at the line
of the Markdown file (mkdocs-macros would name the line of its template, which starts after the
front matter).
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import inspect
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from minhbach.catalog.docpages import DocPage
from minhbach.findings import Finding, error, format_text

Macro = Callable[..., Any]


@dataclass(frozen=True)
class MacrosConfig:
    """The options of the macros plugin that decide which pages render and with which markers.

    Names and defaults are mkdocs-macros 1.5's (`module_name: main`, `render_by_default: true`).
    `module` is `module_name` resolved against the folder of mkdocs.yml, without `.py`.
    """

    module: Path
    render_by_default: bool = True
    force_render_paths: str = ""
    jinja: tuple[tuple[str, str], ...] = ()
    """Jinja markers the site changed (`j2_variable_start_string`...), without the `j2_` prefix."""
    unsupported: tuple[str, ...] = ()
    """Other `j2_` options: mkdocs-macros 1.5 hands every `j2_*` option with a value to Jinja's
    Environment (`j2_line_statement_prefix` makes `%% ...` lines statements, `j2_extensions` adds
    tags), which the page check does not model, so they are refused."""

    @classmethod
    def from_options(cls, options: Mapping[str, Any], project_dir: Path) -> MacrosConfig:
        """From the plugin's options as written in mkdocs.yml (or as MkDocs validated them)."""
        jinja = {str(key): value for key, value in options.items() if str(key).startswith("j2_") and value}
        markers = tuple(sorted((key[3:], str(value)) for key, value in jinja.items() if key in JINJA_MARKERS))
        return cls(module=project_dir / str(options.get("module_name") or "main"),
                   render_by_default=bool(options.get("render_by_default", True)),
                   force_render_paths=str(options.get("force_render_paths") or ""), jinja=markers,
                   unsupported=tuple(sorted(key for key in jinja if key not in JINJA_MARKERS)))


@dataclass(frozen=True)
class SiteMacros:
    """The registered macros (name -> function) and which pages mkdocs-macros renders."""

    functions: Mapping[str, Macro] = field(default_factory=dict)
    config: MacrosConfig | None = None

    def renders(self, page: DocPage) -> bool:
        """Whether mkdocs-macros renders `page`: mkdocs-macros 1.5's `render` and `force_page_rendering`.

        `render_macros: false` wins; then `render_by_default`, the `force_render_paths` patterns
        (gitignore syntax, relative to docs/) and `render_macros: true`. The comparisons are its own
        (`== True`, `== False`), so 1 and 0 count as true and false.
        """
        setting = page.front_matter.get("render_macros")
        if setting == False:  # noqa: E712
            return False
        config = self.config or MacrosConfig(Path("main"), render_by_default=False)
        if config.render_by_default or setting == True:  # noqa: E712
            return True
        if config.force_render_paths.strip():
            import pathspec

            # mkdocs-macros builds the same patterns with PathSpec "gitwildmatch", which pathspec 1.x deprecates for this class.
            return pathspec.GitIgnoreSpec.from_lines(config.force_render_paths.splitlines()).match_file(page.docs_path)
        return False

    @property
    def jinja_options(self) -> dict[str, str]:
        return dict(self.config.jinja) if self.config else {}


class _Recorder:
    """Stands in for mkdocs-macros' environment while `define_env` runs: collects what it registers."""

    def __init__(self) -> None:
        self.macros: dict[str, Macro] = {}
        self.filters: dict[str, Macro] = {}
        self.variables: dict[str, Any] = {}

    def macro(self, function: Macro, name: str = "") -> Macro:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Macro, name: str = "") -> Macro:
        self.filters[name or function.__name__] = function
        return function


class MacroHost(_Recorder):
    """Stands in for mkdocs-macros' environment when the engine renders pages itself (`site.pagemacros`).

    What the site's macros module uses of mkdocs-macros' environment: `conf` (the site's
    configuration: here any object with `config_file_path`, the key under which the engine's
    generation is registered, see `site.generate.generation_for`), `page` (the page being rendered:
    `page.file.src_uri`, `src_path`, `abs_src_path`) and `markdown` (its text), plus the registry
    of macros and filters.
    """

    def __init__(self, conf: Any) -> None:
        super().__init__()
        self.conf = conf
        self.page: Any = None
        self.markdown = ""


def _module_file(module: Path) -> Path | None:
    """`main` -> main.py, or main/__init__.py for a package (mkdocs-macros' `import_local_module`)."""
    for candidate in (module.with_name(module.name + ".py"), module / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


JINJA_MARKERS = frozenset(f"j2_{part}_{end}_string" for part in ("block", "variable", "comment") for end in ("start", "end"))


def load_site_macros(config: MacrosConfig, *, display_base: Path, host: MacroHost | None = None) -> tuple[SiteMacros, list[Finding]]:
    """Import the site's macros module and collect the functions its `define_env` registers.

    `host` is the environment `define_env` is given: by default one that only records; a
    `MacroHost` to call the macros afterwards. Never raises: a missing module, an import error or a
    failing `define_env` becomes a finding (and no macro is known, so every call on a page is reported too).
    """
    if config.unsupported:
        return SiteMacros({}, config), [error("mkdocs.yml", 0, 0, "macros-option",
                                              f"tùy chọn Jinja {', '.join(f'`{key}`' for key in config.unsupported)} của plugin `macros` "
                                              "không được hỗ trợ: trang dùng hàm dữ liệu có thể chạy mã mà việc kiểm tra không thấy",
                                              "Bỏ tùy chọn này; chỉ các tùy chọn j2_..._start_string, j2_..._end_string được dùng.")]
    file = _module_file(config.module)
    shown = _shown(file or config.module.with_name(config.module.name + ".py"), display_base)
    if file is None:
        return SiteMacros({}, config), [error(shown, 0, 0, "macros-module", "không tìm thấy mô-đun hàm dữ liệu (macros) khai trong mkdocs.yml",
                                              "Kiểm tra `module_name` của plugin `macros` trong mkdocs.yml.")]
    recorder = host if host is not None else _Recorder()
    try:
        spec = importlib.util.spec_from_file_location(f"_minhbach_site_macros_{abs(hash(str(file)))}", file,
                                                      submodule_search_locations=[str(file.parent)] if file.name == "__init__.py" else None)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        define_env = getattr(module, "define_env", None)
        if callable(define_env):
            define_env(recorder)
    except Exception as exc:  # the site's own code: whatever it raises is reported, not propagated
        line = next((frame.lineno for frame in reversed(traceback.extract_tb(exc.__traceback__)) if Path(frame.filename) == file), 0)
        return SiteMacros({}, config), [error(shown, line or 0, 0, "macros-module",
                                              f"mô-đun hàm dữ liệu không chạy được: {type(exc).__name__}: {exc}",
                                              "Sửa lỗi trong mô-đun (người phụ trách kỹ thuật) rồi chạy lại.")]
    return SiteMacros(dict(recorder.macros), config), []


def _shown(file: Path, display_base: Path) -> str:
    try:
        return file.resolve().relative_to(display_base.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


# --- failures during the build -------------------------------------------------------------------


class MacroFailed(Exception):
    """A macro failed while a page rendered; the message is the finding, formatted as `minhbach check` prints it."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(format_text([finding]))
        self.finding = finding


def _template_line(frame: FrameType | None) -> int | None:
    """The template line of the nearest Jinja template frame from `frame` up the stack.

    Jinja (3.1) runs a template as Python compiled from it; the compiled module's globals hold the
    `Template` as `__jinja_template__`, and `Template.get_corresponding_lineno` maps a compiled line
    back to a template line (what Jinja itself does to rewrite tracebacks).
    """
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and hasattr(template, "get_corresponding_lineno"):
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return None


def file_line(template: str, source: str, line: int) -> int | None:
    """The line of `source` (the Markdown file) that line `line` of `template` came from.

    mkdocs-macros renders the page without its front matter, after other plugins may have added
    lines; lines that are the same in both are matched in order (difflib), so whatever was
    removed or added before the line does not matter. None when the line is not from the file.
    """
    template_lines, source_lines = template.split("\n"), source.split("\n")
    matcher = difflib.SequenceMatcher(a=template_lines, b=source_lines, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.a <= line - 1 < block.a + block.size:
            return block.b + (line - 1 - block.a) + 1
    return None


def report_failures(env: Any, function: Macro) -> Macro:
    """Wrap a macro registered with mkdocs-macros so that its failure names the page's file and line.

    `env` is mkdocs-macros' environment: `env.markdown` is the page being rendered, `env.page` its
    MkDocs page and `env.conf` the MkDocs configuration. The failure is raised again as
    `MacroFailed`, which mkdocs-macros prints (with `on_error_fail: true` the build stops).
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except MacroFailed:
            raise
        except Exception as exc:
            raise MacroFailed(_failure(env, function.__name__, exc, _template_line(inspect.currentframe()))) from exc

    return wrapper


def _failure(env: Any, name: str, exc: Exception, template_line: int | None) -> Finding:
    message = f"hàm `{name}` không chạy được: {exc}"
    hint = "Sửa lời gọi theo thông báo; `make check` báo lỗi của mọi trang trước khi dựng."
    try:
        page_file = Path(env.page.file.abs_src_path)
        root = Path(env.conf.config_file_path).parent
        shown = _shown(page_file, root)
        source = page_file.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        line = file_line(str(env.markdown), source, template_line) if template_line else None
    except Exception:  # the finding must still be made, even without a place
        return error(getattr(getattr(getattr(env, "page", None), "file", None), "src_path", "?"), 0, 0, "macro-failed", message, hint)
    if line is None:
        return error(shown, 0, 0, "macro-failed", message, hint)
    text = source.split("\n")[line - 1]
    call = text.find(name)
    opening = text.rfind("{{", 0, call) if call >= 0 else -1
    column = opening + 1 if opening >= 0 else (call + 1 if call >= 0 else 1)
    return error(shown, line, column, "macro-failed", message, hint)


def signature(function: Macro) -> inspect.Signature:
    """The signature of a registered macro, through any wrapper (`functools.wraps`)."""
    return inspect.signature(inspect.unwrap(function))
