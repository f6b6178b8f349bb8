"""Hand-written pages: template syntax, the macros they call, and the HTML they put on the page.

A page that renders macros (`render_macros: true`) is code: mkdocs-macros runs it as a Jinja
template, and Jinja is not sandboxed, so `{{ cycler.__init__.__globals__.os.popen('id').read() }}`
would run a command at build time. On such a page the only template syntax accepted is a call of
one of the site's registered macros (read from its macros module, `minhbach.catalog.macros`) with
literal arguments (strings, numbers, lists of strings, keyword arguments with such values), and
`{% raw %}...{% endraw %}` to show braces as text. Everything else (variables, attributes, filters,
statements, comments, expressions, calls of anything else, nested calls) is reported where it is.
Arguments are checked against the macro's signature and annotations, and ids marked `RefTo(kind)`
against the catalog, so `make check` finds what would otherwise stop the build.

A page that does not render macros shows its template syntax to readers as it is written: every
`{{`, `{%` and `{# ... #}` outside code spans and code blocks is reported.

Templates are read with Jinja's own lexer and parser (`Environment.lex`, `Environment.parse`).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import inspect
import posixpath
import types
import typing
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin
from urllib.parse import unquote, urlsplit

import jinja2
import markdown
from jinja2 import nodes
from markdown.treeprocessors import Treeprocessor
from pydantic import TypeAdapter, ValidationError

from minhbach.catalog import Catalog
from minhbach.checks import CheckContext, pagehtml
from minhbach.checks.record_text import finding_of
from minhbach.catalog.docpages import FRONT_MATTER_KEYS, DocPage
from minhbach.findings import Finding, error
from minhbach.model import KINDS, RefTo
from minhbach.pages.markdown import complexity_problems
from minhbach.catalog.macros import SiteMacros, signature

_RAW_HINT = "Muốn hiện nguyên văn dấu ngoặc nhọn cho người đọc thì đặt đoạn đó giữa `{% raw %}` và `{% endraw %}`."


def check(catalog: Catalog, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    macros = context.macros
    for page in context.pages:
        too_complex = complexity_problems(page.body)
        if too_complex:  # rendering it would take minutes or exhaust the stack: nothing else is checked
            findings += [finding_of(page.path, page.body_line + problem.line - 1, 1, problem) for problem in too_complex]
            continue
        renders = macros is not None and macros.renders(page)
        environment = jinja2.Environment(**(macros.jinja_options if macros else {}))
        findings += _front_matter_keys(page)
        findings += _title(page, environment, renders=renders)
        if renders:
            assert macros is not None
            findings += _TemplateCheck(page, macros, catalog, environment).run()
        else:
            findings += _shown_templates(page, environment)
        findings += _html(page)
    findings += _broken_page_links(catalog, context)
    for shown, text in context.markup_files:
        findings += [error(shown, line, column, problem.code, problem.message, problem.hint)
                     for problem, line, column in pagehtml.problems_at(text)]
    return findings


# --- positions -----------------------------------------------------------------------------------


class _Lines:
    """Offsets in the body <-> lines and columns of the file."""

    def __init__(self, page: DocPage) -> None:
        self.page = page
        self.starts = [0] + [index + 1 for index, char in enumerate(page.body) if char == "\n"]

    def at(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.page.body_line + row, offset - self.starts[row] + 1

    def line_start(self, body_row: int) -> int:
        """Offset of the start of the body's line `body_row` (1-based)."""
        return self.starts[min(max(body_row, 1), len(self.starts)) - 1]


def _markers(environment: jinja2.Environment) -> tuple[str, str, str]:
    return environment.variable_start_string, environment.block_start_string, environment.comment_start_string


# --- the front matter -----------------------------------------------------------------------------

HIDE_VALUES = ("navigation", "toc", "footer", "path")
"""Parts of Material's layout a page may hide (Material's `hide` front matter)."""


def _shown_value(value: object) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "trống"
    kind = "số" if isinstance(value, (int, float)) and not isinstance(value, bool) else "ngày" if hasattr(value, "isoformat") else (
        "giá trị đúng/sai" if isinstance(value, bool) else "danh sách" if isinstance(value, list) else "một khối")
    return f"{kind} ({value})"


def _front_matter_keys(page: DocPage) -> list[Finding]:
    findings = []
    for key, value in page.front_matter.items():
        position = page.position(str(key))
        if key not in FRONT_MATTER_KEYS:
            close = difflib.get_close_matches(str(key), FRONT_MATTER_KEYS, n=1)
            findings.append(error(page.path, position.line, position.column, "front-matter-key",
                                  f"khóa `{key}` không được dùng ở phần đầu trang",
                                  (f"Có phải ý bạn là `{close[0]}`? " if close else "")
                                  + f"Các khóa được dùng: {', '.join(FRONT_MATTER_KEYS)}."))
        elif key in ("title", "description") and not (isinstance(value, str) and value.strip()):
            findings.append(error(page.path, position.line, position.column, "front-matter-key",
                                  f"`{key}` phải là một dòng chữ, đang là {_shown_value(value)}",
                                  f'Viết chữ trong dấu ngoặc kép, ví dụ `{key}: "Liên hệ"`, hoặc bỏ dòng này.'))
        elif key == "hide" and not (isinstance(value, list) and all(item in HIDE_VALUES for item in value)):
            findings.append(error(page.path, position.line, position.column, "front-matter-key",
                                  "`hide` phải là danh sách các phần cần ẩn", f"Chọn trong: {', '.join(HIDE_VALUES)}; ví dụ `hide: [toc]`."))
        elif key == "search" and value != {"exclude": True}:
            findings.append(error(page.path, position.line, position.column, "front-matter-key",
                                  f"`search` chỉ nhận `exclude: true` (bỏ trang khỏi ô tìm kiếm), đang là {_shown_value(value)}",
                                  "Viết hai dòng `search:` và `  exclude: true`, hoặc bỏ khóa này để trang được tìm thấy."))
    return findings


def _title(page: DocPage, environment: jinja2.Environment, *, renders: bool) -> list[Finding]:
    """mkdocs-macros renders the `title` of a page it renders; elsewhere the title is shown as written."""
    title = page.front_matter.get("title")
    if not isinstance(title, str) or not any(marker in title for marker in _markers(environment)):
        return []
    position = page.position("title")
    if renders:
        return [error(page.path, position.line, position.column, "template-unsafe",
                      "tiêu đề trang (`title`) có cú pháp mẫu `{{`, `{%` hoặc `{#`, sẽ chạy như mã khi dựng trang",
                      "Viết tiêu đề bằng chữ thường, không có dấu ngoặc nhọn đôi.")]
    return [error(page.path, position.line, position.column, "template-not-rendered",
                  "tiêu đề trang (`title`) có cú pháp mẫu `{{`, `{%` hoặc `{#`, sẽ hiện nguyên văn cho người đọc",
                  "Viết tiêu đề bằng chữ thường, không có dấu ngoặc nhọn đôi.")]


# --- pages that do not render macros ------------------------------------------------------------


def _escaped(text: str, index: int) -> bool:
    """Whether the character at `index` follows an odd number of backslashes (a Markdown escape)."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _template_spans(text: str, environment: jinja2.Environment) -> list[tuple[int, int]]:
    """Openers of template syntax: `{{`, `{%`, and `{#` when a `#}` closes it on the same line
    (otherwise it is more likely attr_list's `{#id}`)."""
    variable, block, comment = _markers(environment)
    comment_end = environment.comment_end_string
    spans, index = [], 0
    while index < len(text):
        for marker in (variable, block, comment):
            if text.startswith(marker, index) and not _escaped(text, index):
                line_end = text.find("\n", index)
                if marker == comment and text.find(comment_end, index + len(marker), None if line_end < 0 else line_end) < 0:
                    continue
                spans.append((index, index + len(marker)))
                index += len(marker) - 1
                break
        index += 1
    return spans


def _shown_templates(page: DocPage, environment: jinja2.Environment) -> list[Finding]:
    """Template syntax a reader would see as written on a page that does not render macros."""
    spans = _template_spans(page.body, environment)
    if not spans:
        return []
    lines = _Lines(page)
    findings = []
    for index in pagehtml.shown_outside_code(page.body, spans):
        line, column = lines.at(spans[index][0])
        written = page.body[spans[index][0]:].split("\n", 1)[0][:40]
        findings.append(error(page.path, line, column, "template-not-rendered",
                              f"trang không bật `render_macros` nên `{written}` hiện nguyên văn cho người đọc",
                              "Muốn gọi hàm dữ liệu thì thêm `render_macros: true` vào phần đầu trang (giữa hai dòng `---`). "
                              "Muốn hiện dấu ngoặc nhọn như chữ thường thì đặt trong dấu huyền (`` `{{ ... }}` ``) "
                              "hoặc thêm dấu `\\` trước dấu ngoặc đầu tiên (`\\{{`)."))
    return findings


# --- pages that render macros -------------------------------------------------------------------


@dataclass(frozen=True)
class _Tag:
    kind: str  # variable, block, comment, raw
    start: int
    end: int


_BEGIN = {"variable_begin": "variable", "block_begin": "block", "comment_begin": "comment", "raw_begin": "raw",
          "linestatement_begin": "block", "linecomment_begin": "comment"}
_END = {"variable_end", "block_end", "comment_end", "raw_end", "linestatement_end", "linecomment_end"}


def _tags(environment: jinja2.Environment, text: str) -> tuple[list[_Tag], tuple[str, int] | None]:
    """The template tags of `text` with their offsets, from Jinja's lexer; and its syntax error if any
    (message, offset).

    The lexer gives each token's text but not its offset, and whitespace control (`{{-`) drops
    whitespace from the text around; every token's text is still found in order in the source.
    """
    tags: list[_Tag] = []
    position, opened = 0, None
    try:
        for _, kind, value in environment.lex(text):
            found = text.find(value, position) if value else position
            at = found if found >= 0 else position
            position = at + len(value)
            if kind in _BEGIN:
                if kind == "raw_begin":
                    tags.append(_Tag("raw", at, position))
                else:
                    opened = (_BEGIN[kind], at)
            elif kind in _END and opened is not None:
                tags.append(_Tag(opened[0], opened[1], position))
                opened = None
            elif kind == "raw_end":
                tags.append(_Tag("raw", at, position))
    except jinja2.TemplateSyntaxError as exc:
        line_start = 0
        for _ in range((exc.lineno or 1) - 1):
            line_start = text.find("\n", line_start) + 1 or len(text)
        return tags, (f"Jinja: {exc.message}", opened[1] if opened is not None else line_start)
    if opened is not None:  # the lexer stops at the end of the text; the parser would report it
        return tags, ("thẻ mở ra nhưng chưa đóng", opened[1])
    return tags, None


def _literal(node: nodes.Node) -> tuple[bool, Any]:
    """(True, value) for a literal argument: a string, a number, or a list of strings."""
    if isinstance(node, nodes.Const) and type(node.value) in (str, int, float):
        return True, node.value
    if isinstance(node, (nodes.Neg, nodes.Pos)) and isinstance(node.node, nodes.Const) and type(node.node.value) in (int, float):
        return True, -node.node.value if isinstance(node, nodes.Neg) else node.node.value
    if isinstance(node, nodes.List) and all(isinstance(item, nodes.Const) and type(item.value) is str for item in node.items):
        return True, [item.value for item in node.items]
    return False, None


def _describe(node: nodes.Node) -> tuple[str, str]:
    """What a node is, for a reader, and the text to look for to find its column."""
    if isinstance(node, nodes.Name):
        return f"biến `{node.name}`", node.name
    if isinstance(node, nodes.Getattr):
        return f"truy cập thuộc tính `.{node.attr}`", node.attr
    if isinstance(node, nodes.Getitem):
        return "truy cập phần tử `[...]`", "["
    if isinstance(node, (nodes.Filter, nodes.Test)):
        return f"bộ lọc hay phép thử `{node.name}`", node.name
    if isinstance(node, nodes.Call):
        callee = node.node
        name = callee.name if isinstance(callee, nodes.Name) else callee.attr if isinstance(callee, nodes.Getattr) else ""
        return (f"lời gọi `{name}(...)`" if name else "lời gọi hàm"), name or "("
    if isinstance(node, nodes.Const):
        return f"giá trị `{node.value!r}`", str(node.value)
    if isinstance(node, nodes.List):
        return "danh sách có phần tử không phải chuỗi cố định", "["
    if isinstance(node, nodes.Tuple):
        return "bộ giá trị `(...)`", "("
    if isinstance(node, nodes.Dict):
        return "bảng `{...}`", "{"
    if isinstance(node, (nodes.BinExpr, nodes.UnaryExpr)):
        return f"phép tính `{node.operator}`", node.operator
    if isinstance(node, nodes.Compare):
        return "phép so sánh", ""
    if isinstance(node, nodes.CondExpr):
        return "biểu thức điều kiện `if`", "if"
    if isinstance(node, nodes.Concat):
        return "phép nối chuỗi `~`", "~"
    return "biểu thức", ""


class _TemplateCheck:
    """One page that renders macros."""

    def __init__(self, page: DocPage, macros: SiteMacros, catalog: Catalog, environment: jinja2.Environment) -> None:
        self.page, self.macros, self.catalog, self.environment = page, macros, catalog, environment
        self.lines = _Lines(page)
        self.findings: list[Finding] = []
        names = sorted(macros.functions)
        self.allowed = ", ".join(f"`{name}`" for name in names) if names else "(chưa có hàm nào)"
        self.hint = (f"Trang bật `render_macros` là mã chạy khi dựng trang, cần người phụ trách kỹ thuật duyệt. Chỉ được viết "
                     f"`{{{{ tên_hàm(giá trị cố định) }}}}` với một trong các hàm: {self.allowed}. " + _RAW_HINT)

    def _error(self, offset: int, code: str, message: str, hint: str | None = None) -> None:
        line, column = self.lines.at(offset)
        self.findings.append(error(self.page.path, line, column, code, message, self.hint if hint is None else hint))

    def run(self) -> list[Finding]:
        tags, syntax = _tags(self.environment, self.page.body)
        for tag in tags:
            if tag.kind == "variable":
                self._variable(tag)
            elif tag.kind == "block":
                written = self.page.body[tag.start:tag.end].split("\n", 1)[0][:40]
                self._error(tag.start, "template-unsafe", f"câu lệnh mẫu `{written}` không được dùng trên trang")
            elif tag.kind == "comment":
                self._error(tag.start, "template-unsafe", "chú thích mẫu `{# ... #}` không được dùng trên trang",
                            "Dùng chú thích HTML `<!-- ... -->` nếu cần ghi chú cho người biên tập. " + _RAW_HINT)
        if syntax is not None:
            self._syntax(*syntax)
        return self.findings

    def _syntax(self, message: str, offset: int) -> None:
        self._error(offset, "template-syntax", f"lỗi cú pháp mẫu ({message})",
                    "Kiểm tra dấu ngoặc và dấu nháy của lời gọi hàm, ví dụ `{{ legal_badge(\"qd-09-2023-qd-ttg\") }}`. " + _RAW_HINT)

    def _node_offset(self, tag: _Tag, node: nodes.Node, needle: str, after: int = 0) -> int:
        """Offset of `node` in the body: its needle on the node's line inside the tag (not before `after`),
        else the line's start."""
        text = self.page.body
        first_row = self.lines.at(tag.start)[0] - self.page.body_line + 1
        row_start = tag.start if node.lineno <= 1 else self.lines.line_start(first_row + node.lineno - 1)
        if needle:
            found = text.find(needle, max(row_start, after), tag.end)
            if found >= 0:
                return found
        return row_start

    def _variable(self, tag: _Tag) -> None:
        source = self.page.body[tag.start:tag.end]
        try:
            tree = self.environment.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            row = self.lines.at(tag.start)[0] - self.page.body_line + (exc.lineno or 1)
            self._syntax(f"Jinja: {exc.message}", tag.start if (exc.lineno or 1) <= 1 else self.lines.line_start(row))
            return
        for output in tree.body:
            for node in (output.nodes if isinstance(output, nodes.Output) else [output]):
                if not isinstance(node, nodes.TemplateData):
                    self._expression(tag, node)

    def _expression(self, tag: _Tag, node: nodes.Node) -> None:
        if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
            what, _ = _describe(node)
            written = " ".join(self.page.body[tag.start:tag.end].split())
            written = written if len(written) <= 50 else written[:49] + "…"
            self._error(tag.start, "template-unsafe", f"`{written}`: {what} không được dùng trên trang; chỉ được gọi hàm dữ liệu")
            return
        name = node.node.name
        function = self.macros.functions.get(name)
        if function is None:
            close = difflib.get_close_matches(name, list(self.macros.functions), n=1, cutoff=0.6)
            hint = (f"Có phải ý bạn là `{close[0]}`? " if close else "") + f"Các hàm dữ liệu: {self.allowed}."
            self._error(self._node_offset(tag, node.node, name), "unknown-macro", f"`{name}` không phải hàm dữ liệu của trang", hint)
            return
        safe = True
        after = self._node_offset(tag, node.node, name) + len(name)
        for argument in [*node.args, *(keyword.value for keyword in node.kwargs)]:
            ok, _ = _literal(argument)
            if not ok:
                safe = False
                what, needle = _describe(argument)
                self._error(self._node_offset(tag, argument, needle, after), "template-unsafe",
                            f"đối số của `{name}` phải là giá trị cố định (chuỗi trong ngoặc kép, số, danh sách chuỗi), không phải {what}")
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                safe = False
                self._error(self._node_offset(tag, extra, "*"), "template-unsafe", f"đối số `*`/`**` của `{name}` không được dùng trên trang")
        if not safe:
            return
        arguments = [(argument, _literal(argument)[1]) for argument in node.args]
        keywords = [(keyword.key, keyword.value, _literal(keyword.value)[1]) for keyword in node.kwargs]
        self._call(tag, node, name, function, arguments, keywords)

    def _call(self, tag: _Tag, node: nodes.Call, name: str, function: Any,
              arguments: list[tuple[nodes.Node, Any]], keywords: list[tuple[str, nodes.Node, Any]]) -> None:
        sig = signature(function)
        parameters = list(sig.parameters.values())
        usage = f"{name}({', '.join(p.name if p.default is p.empty else f'{p.name}={p.default!r}' for p in parameters)})"
        hint = f"Cách gọi: `{{{{ {usage} }}}}`."
        positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        bound: dict[str, tuple[nodes.Node, Any]] = {}
        call_offset = self._node_offset(tag, node.node, name)
        if len(arguments) > len(positional) and not any(p.kind is p.VAR_POSITIONAL for p in parameters):
            self._error(call_offset, "macro-arguments", f"`{name}` nhận nhiều nhất {len(positional)} đối số không đặt tên, ở đây có {len(arguments)}", hint)
            return
        for parameter, (argument, value) in zip(positional, arguments):
            bound[parameter.name] = (argument, value)
        for key, argument, value in keywords:
            parameter = sig.parameters.get(key)
            if parameter is None or parameter.kind in (parameter.POSITIONAL_ONLY, parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
                if any(p.kind is p.VAR_KEYWORD for p in parameters):
                    continue
                close = difflib.get_close_matches(key, [p.name for p in parameters], n=1, cutoff=0.6)
                self._error(self._node_offset(tag, argument, key), "macro-arguments", f"`{name}` không có tham số `{key}`",
                            (f"Có phải ý bạn là `{close[0]}`? " if close else "") + hint)
                continue
            if key in bound:
                self._error(self._node_offset(tag, argument, key), "macro-arguments", f"tham số `{key}` của `{name}` được cho hai lần", hint)
                continue
            bound[key] = (argument, value)
        missing = [p.name for p in parameters if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name not in bound]
        if missing:
            self._error(call_offset, "macro-arguments", f"`{name}` thiếu đối số {', '.join(f'`{m}`' for m in missing)}", hint)
        hints = _type_hints(function)
        for key, (argument, value) in bound.items():
            annotation = hints.get(key)
            if annotation is None:
                continue
            problem = _type_problem(annotation, value)
            if problem:
                needle = key if any(key == keyword for keyword, _, _ in keywords) else _describe(argument)[1]
                self._error(self._node_offset(tag, argument, needle), "macro-arguments", f"đối số `{key}` của `{name}` {problem}", hint)
                continue
            for kind, record_id in _references(annotation, value):
                if self.catalog.entry(kind, record_id) is None:
                    known = sorted(self.catalog.entries.get(kind, {}))
                    close = difflib.get_close_matches(record_id, known, n=1, cutoff=0.6)
                    label = KINDS[kind].label.lower() if kind in KINDS else kind
                    folder = KINDS[kind].folder if kind in KINDS else kind
                    self._error(self._node_offset(tag, argument, record_id), "unknown-reference",
                                f"không có {label} nào mang mã '{record_id}' (đối số `{key}` của `{name}`)",
                                (f"Có phải ý bạn là '{close[0]}'? " if close else "")
                                + f"Mã phải trùng tên một tệp trong data/{folder}/ (không có đuôi .yml).")


def _type_hints(function: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(inspect.unwrap(function), include_extras=True)
    except Exception:  # an annotation that does not evaluate: the arguments are still checked by name
        return {}


_ADAPTERS: dict[Any, TypeAdapter] = {}


def _type_problem(annotation: Any, value: Any) -> str:
    """"" when `value` fits `annotation` (pydantic, strict: no "5" for 5), else what is wrong, in Vietnamese."""
    try:
        adapter = _ADAPTERS.get(annotation)
        if adapter is None:
            adapter = _ADAPTERS[annotation] = TypeAdapter(annotation)
        adapter.validate_python(value, strict=True)
        return ""
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        context = first.get("ctx", {})
        described = {
            "string_type": "phải là chuỗi chữ trong ngoặc kép, ví dụ \"abc\"",
            "int_type": "phải là số nguyên, ví dụ 5",
            "float_type": "phải là số",
            "list_type": "phải là danh sách chuỗi, ví dụ [\"a\", \"b\"]",
            "greater_than_equal": f"phải từ {context.get('ge')} trở lên",
            "greater_than": f"phải lớn hơn {context.get('gt')}",
            "less_than_equal": f"không được lớn hơn {context.get('le')}",
            "less_than": f"phải nhỏ hơn {context.get('lt')}",
            "string_pattern_mismatch": "không đúng dạng mã (chữ thường không dấu, nối bằng gạch ngang)",
        }.get(first["type"], f"không hợp lệ ({first['msg']})")
        where = [part for part in first.get("loc", ()) if isinstance(part, int)]
        return (f"(phần tử thứ {where[0] + 1}) " if where else "") + described
    except Exception:  # an annotation pydantic cannot read: not checked by type
        return ""


def _references(annotation: Any, value: Any) -> Iterator[tuple[str, str]]:
    """(kind, id) for every part of `value` that `annotation` marks with `RefTo(kind)`."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        for mark in metadata:
            if isinstance(mark, RefTo) and isinstance(value, str):
                yield mark.kind, value
        yield from _references(base, value)
    elif origin in (typing.Union, types.UnionType):
        seen: set[tuple[str, str]] = set()
        for member in get_args(annotation):
            for found in _references(member, value):
                if found not in seen:
                    seen.add(found)
                    yield found
    elif origin is list and isinstance(value, list):
        (item,) = get_args(annotation) or (Any,)
        for element in value:
            yield from _references(item, element)


# --- HTML ----------------------------------------------------------------------------------------


def _html(page: DocPage) -> list[Finding]:
    lines = _Lines(page)
    try:
        located = pagehtml.locate(page.body)
    except Exception as exc:  # Python-Markdown on hostile input (e.g. nesting deep enough to exhaust the stack)
        return [error(page.path, page.body_line, 1, "page-unreadable", f"không đọc được trang như Markdown ({type(exc).__name__})",
                      "Kiểm tra các đoạn lồng nhau quá sâu (trích dẫn `>`, danh sách) hoặc thẻ HTML không đóng.")]
    findings = []
    for item in located:
        line, column = lines.at(lines.line_start(item.line) + item.column - 1)
        findings.append(error(page.path, line, column, item.problem.code, item.problem.message, item.problem.hint))
    return findings


# --- links to files of the site -----------------------------------------------------------------


class _MarkdownLinks(Treeprocessor):
    """Collects the links and images Markdown makes (not those of raw HTML, which MkDocs does not check either)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            value = element.get("href") if element.tag == "a" else element.get("src") if element.tag == "img" else None
            if value:
                self.found.append(value)


@functools.cache
def _link_reader() -> tuple[markdown.Markdown, _MarkdownLinks]:
    md = markdown.Markdown(extensions=list(pagehtml.SITE_EXTENSIONS))
    collector = _MarkdownLinks(md)
    md.treeprocessors.register(collector, "minhbach_links", 0)
    return md, collector


def _markdown_links(text: str) -> list[str]:
    md, collector = _link_reader()
    collector.found = []
    md.reset().convert(text)
    return collector.found


def _broken_page_links(catalog: Catalog, context: CheckContext) -> list[Finding]:
    """Markdown links of hand-written pages to files of the site that do not exist, at their line.

    MkDocs' strict build refuses them too, but with an English message and no line; generated
    pages (records) count as files of the site. Links in raw HTML are left to the link checker.
    """
    from minhbach.site.links.sources import without_code
    from minhbach.pages import PageRenderer

    known = set(context.docs_files) | {job.path for job in PageRenderer(catalog, today=context.today).page_jobs()}
    findings = []
    for page in context.pages:
        try:
            hrefs = _markdown_links(page.body)
        except Exception:  # noqa: BLE001 - reported by the page's HTML check as page-unreadable
            continue
        lines, row = without_code(page.body.split("\n")), 0
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.docs_path), unquote(parts.path)))
            if target in known or target + "/index.md" in known or target.startswith(".."):
                continue
            hit = next((index for index in range(row, len(lines)) if parts.path in lines[index]), None)
            row = hit if hit is not None else row
            findings.append(error(page.path, page.body_line + (hit or 0), 1, "broken-link",
                                  f"liên kết '{href}' dẫn tới tệp không có trong docs/ (hay trang được tạo từ dữ liệu): '{target}'",
                                  "Sửa đường dẫn (tính từ thư mục của trang này, phân biệt chữ hoa, chữ thường) hoặc thêm tệp đó."))
    return findings
