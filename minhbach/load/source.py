"""Read one YAML file safely, keeping the line and column of every key and value.

Nothing here trusts the input: the file may be empty, huge, in a legacy encoding, indented
with tabs, full of duplicate keys, carry control, direction or invisible characters (as they are
or as escapes in double quotes) or be built to explode through aliases. Each of those becomes
a finding; the caller gets either a document or nothing, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from minhbach.findings import Finding, error, warning
from minhbach.load.legacy import guess_byte_encoding, guess_legacy_text
from minhbach.load.files import UnsafeFile, read_limited
from minhbach.load.text import (
    BIDI_CONTROL,
    CONTROL_CHAR,
    HIDDEN_TEXT,
    INVISIBLE_CHAR,
    MISREAD_NUMBER,
    OddChar,
    char_name,
    non_nfc_runs,
    odd_characters,
    plain_number,
)

# libyaml's parser when PyYAML was built with it (the wheels are): about ten times faster than the
# pure-Python one, with the same nodes, positions and errors.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 512 * 1024
TOO_LARGE_HINT = "Mỗi tệp chỉ chứa một bản ghi; tách nội dung dài ra tệp khác hoặc bỏ phần thừa."
MAX_NODES = 20_000  # values built from one file, counting every alias expansion
EXPANSION_FACTOR = 4
MIN_BUILT_CHARS = 64 * 1024
"""Characters of text (values and keys) one file may build, counting every alias expansion:
EXPANSION_FACTOR times the file's own length, and never less than MIN_BUILT_CHARS.

Without aliases a file builds at most as much text as it holds (escapes, folding and indentation
only shrink it), so four times leaves room for honest reuse (one fee block for three channels)
while no record of a 512 KB file can make more than 2 M characters of page text. The floor lets a
small file reuse a block freely. The node count above cannot see this: a thousand aliases of one
450 KB string are only a thousand values, but a 450 MB page."""
MAX_DEPTH = 50
MAX_NFC_FINDINGS = 10
MAX_ODD_FINDINGS = 10  # lines reported per file and kind of odd character; the rest are counted

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class SourceDocument:
    """The plain data of one file, with where each part came from.

    Positions are kept as the parser's 0-based (line, column) pairs and turned into `Position`s
    only when a finding asks, because most values of most files never need one.
    """

    path: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    """The text as written, for values YAML read as something other than text (numbers, dates)."""
    misread_numbers: dict[Path_, str] = field(default_factory=dict)
    """Numbers YAML reads as other numbers: `30.000` (30.0), `1:30` (90), `010` (8)."""
    numeric_text: dict[Path_, str] = field(default_factory=dict)
    """Text values that are numbers written with separators or a currency ("30.000", "30000 đồng"),
    for the validator to check wherever the model expects a number (see `text.plain_number`)."""

    def locate(self, loc: tuple[Any, ...]) -> tuple[Path_, bool]:
        """Follow `loc` into the data as far as it exists.

        Parts that do not exist (a missing key, or a tag that a validation library adds for
        union members) are skipped. Returns the path that exists and whether all of `loc` did.
        """
        current: Any = self.data
        found: list[str | int] = []
        complete = True
        for part in loc:
            if isinstance(current, dict) and isinstance(part, str) and part in current:
                current = current[part]
                found.append(part)
            elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
                current = current[part]
                found.append(part)
            else:
                complete = False
        return tuple(found), complete

    def position(self, path: Path_, *, prefer_key: bool = False) -> Position:
        mark = self.keys.get(path) if prefer_key else None
        mark = mark or self.values.get(path) or self.keys.get(path)
        return Position(mark[0] + 1, mark[1] + 1) if mark is not None else Position(1, 1)


class _Budget(Exception):
    """Raised inside construction when a limit is reached; becomes a finding.

    `alias_path` is where the alias being expanded sits, if the limit was reached inside one.
    """

    def __init__(self, code: str, node: Node, message: str, hint: str, alias_path: Path_ | None = None) -> None:
        super().__init__(message)
        self.code, self.node, self.message, self.hint, self.alias_path = code, node, message, hint, alias_path


_SCALARS = SafeConstructor()
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str": None,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _SCALARS.construct_yaml_timestamp,
}


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _pos(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed YAML node graph into plain values, recording positions and findings."""

    def __init__(self, doc: SourceDocument, text: str) -> None:
        self.doc = doc
        self.text = text
        self.findings: list[Finding] = []
        self.count = 0
        self.chars = 0
        self.max_chars = max(EXPANSION_FACTOR * len(text), MIN_BUILT_CHARS)
        self.active: set[int] = set()
        self.built: set[int] = set()
        self.alias_path: Path_ | None = None
        """Where the outermost value being built again (through an alias) sits, while it is built."""
        self.odd_reported: set[int] = set()
        self.escapes = "\\" in text
        """Whether any value may hold an escape sequence; without one, `_odd_findings` saw every character."""
        self.aliases = "&" in text and "*" in text
        """Whether a node may be built more than once: an alias (*name) needs an anchor (&name).
        Without, the text built is never longer than the file (escapes, folding and indentation only
        shrink it) and there can be no cycle, so none of that is counted."""

    def _finding(self, node: Node, code: str, message: str, hint: str = "", *, severity: str = "error") -> None:
        p = _pos(node)
        make = error if severity == "error" else warning
        self.findings.append(make(self.doc.path, p.line, p.column, code, message, hint))

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Budget(
                "alias-bomb",
                node,
                f"tệp tạo ra quá nhiều giá trị (hơn {MAX_NODES}), thường do bí danh YAML (&, *) lồng nhau",
                "Viết trực tiếp các giá trị, không dùng & và * để nhân bản nội dung.",
                self.alias_path,
            )
        if len(path) > MAX_DEPTH:
            raise _Budget("too-deep", node, f"cấu trúc lồng nhau quá {MAX_DEPTH} tầng", "Kiểm tra thụt lề của tệp.")
        if self.aliases:
            return self._build_shared(node, path)
        mark = node.start_mark
        self.doc.values.setdefault(path, (mark.line, mark.column))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        return self._collection(node, path)

    def _build_shared(self, node: Node, path: Path_) -> Any:
        """`build` for a file with anchors and aliases: one node may be built many times, so count
        the text built and notice cycles and where the alias being expanded sits."""
        key = id(node)
        outermost_alias = False
        if key not in self.built:
            self.built.add(key)
        elif self.alias_path is None:  # built before: this occurrence is an alias (*name)
            self.alias_path, outermost_alias = path, True
        mark = node.start_mark
        self.doc.values.setdefault(path, (mark.line, mark.column))
        if isinstance(node, ScalarNode):
            self.chars += len(node.value)
            if self.chars > self.max_chars:
                self._too_much_text(node)
            value = self._scalar(node, path)
        elif key in self.active:
            raise _Budget("alias-cycle", node, "bí danh YAML (*) trỏ vào chính nó", "Bỏ bí danh, viết trực tiếp giá trị.")
        else:
            self.active.add(key)
            value = self._collection(node, path)
            self.active.discard(key)  # after an exception the whole build is abandoned
        if outermost_alias:
            self.alias_path = None
        return value

    def _collection(self, node: Node, path: Path_) -> Any:
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self._unsupported_tag(node)
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self._unsupported_tag(node)
            return self._mapping(node, path)
        raise AssertionError(f"unknown YAML node {type(node).__name__}")

    def _too_much_text(self, node: Node) -> None:
        limit, size = (f"{number:,}".replace(",", ".") for number in (self.max_chars, len(self.text)))
        raise _Budget(
            "alias-bomb",
            node,
            f"bí danh YAML (*) lặp lại nội dung quá nhiều: tệp dài {size} ký tự nhưng tạo ra hơn {limit} ký tự",
            "Viết trực tiếp các giá trị, không dùng & và * để nhân bản nội dung dài.",
            self.alias_path,
        )

    def _unsupported_tag(self, node: Node) -> None:
        self._finding(node, "yaml-tag", f"thẻ YAML '{node.tag}' không được hỗ trợ", "Bỏ thẻ bắt đầu bằng '!' hoặc '!!'.")

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._finding(key_node, "yaml-merge", "khóa gộp '<<' không được hỗ trợ", "Viết trực tiếp các khóa cần có.")
                continue
            if not isinstance(key_node, ScalarNode):
                self._finding(key_node, "complex-key", "khóa phải là một từ đơn giản", "Viết khóa dạng `ten_khoa: giá trị`.")
                continue
            if self.aliases:
                self.chars += len(key_node.value)
                if self.chars > self.max_chars:
                    self._too_much_text(key_node)
            if self.escapes:
                self._escaped_odd_characters(key_node, key_node.value)
            key = unicodedata.normalize("NFC", str(key_node.value))
            if key in result:
                first = first_seen[key]
                self._finding(
                    key_node,
                    "duplicate-key",
                    f"khóa '{key}' bị lặp lại (đã có ở dòng {first.line + 1})",
                    "Mỗi khóa chỉ được xuất hiện một lần trong cùng một khối; gộp hai chỗ lại hoặc xóa chỗ thừa.",
                )
                continue
            first_seen[key] = key_node.start_mark
            self.doc.keys[path + (key,)] = (key_node.start_mark.line, key_node.start_mark.column)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: ScalarNode, path: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._unsupported_tag(node)
            return node.value
        constructor = _SCALAR_TAGS[node.tag]
        if constructor is None:
            value = self._text(node)
            if value[:1] in "+-0123456789" and plain_number(value) is not None:
                self.doc.numeric_text[path] = value
            return value
        self.doc.raw[path] = str(node.value)
        if node.tag in _NUMBER_TAGS and MISREAD_NUMBER.fullmatch(node.value):
            self.doc.misread_numbers[path] = node.value
        try:
            return constructor(node)
        except (ValueError, TypeError, OverflowError, ConstructorError):
            # '2026-02-31' or '0x' and the like stay text; the model says why they are wrong
            # in terms of the part they were written for.
            return self._text(node)

    def _text(self, node: ScalarNode) -> str:
        value = str(node.value)
        if self.escapes:
            self._escaped_odd_characters(node, value)
        guess = guess_legacy_text(value)
        if guess is not None:
            name = {"TCVN3": "TCVN3 (ABC, .VnTime)", "VNI": "VNI-Windows"}[guess.encoding]
            self._finding(
                node,
                "legacy-encoding",
                f"chữ có vẻ bị lỗi phông (gõ bằng bảng mã {name} rồi dán vào): '{_clip(value)}'",
                f"Có lẽ là: '{_clip(guess.suggestion)}'. Chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) rồi dán lại.",
            )
        return unicodedata.normalize("NFC", value)

    def _escaped_odd_characters(self, node: ScalarNode, value: str) -> None:
        """Report odd characters that a double-quoted scalar wrote as escapes (`\\b`, `\\u202e`), at the
        escape. Characters written as they are were found by `_odd_findings` in the file itself."""
        odd = odd_characters(value)
        if not odd or node.style != '"' or id(node) in self.odd_reported:
            return
        self.odd_reported.add(id(node))
        flagged = {found.char: found for found in odd}
        start, end = node.start_mark.index, node.end_mark.index
        for escape in _ESCAPE.finditer(self.text, start, end):
            char = _unescape(escape.group())
            if char not in flagged:
                continue
            code, name, sequence = flagged[char].code, flagged[char].name, escape.group()
            line = self.text.count("\n", 0, escape.start()) + 1
            column = escape.start() - (self.text.rfind("\n", 0, escape.start()) + 1) + 1
            message = f"{_ODD_NOUNS[code]} {name} trong chữ, do mã thoát `{sequence}` trong dấu ngoặc kép"
            hint = _QUOTING_HINT if len(sequence) == 2 else f"Xóa mã thoát `{sequence}` khỏi chữ."
            make = warning if code == INVISIBLE_CHAR else error
            self.findings.append(make(self.doc.path, line, column, code, message, hint))


# Escape sequences of double-quoted YAML scalars (YAML 1.1, section 5.6; 1.2 adds `\/` and tab).
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SINGLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
                   "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _unescape(sequence: str) -> str:
    """The character one escape sequence stands for ("" for a line continuation or an unknown one)."""
    body = sequence[1:]
    if len(body) > 1:
        point = int(body[1:], 16)
        return chr(point) if point <= 0x10FFFF else ""
    return _SINGLE_ESCAPES.get(body, body if body in ' "/\\' else "")


_ODD_NOUNS = {
    CONTROL_CHAR: "ký tự điều khiển",
    BIDI_CONTROL: "ký tự đổi chiều chữ",
    INVISIBLE_CHAR: "ký tự không nhìn thấy",
    HIDDEN_TEXT: "ký tự thẻ (chữ ẩn)",
}
_ODD_EFFECTS = {
    CONTROL_CHAR: "làm hỏng nguồn tin, dữ liệu mở và nhật ký kiểm tra",
    BIDI_CONTROL: "chữ hiện ra theo thứ tự khác với nội dung thật",
    INVISIBLE_CHAR: "người đọc không thấy nhưng tìm kiếm và so sánh chữ bị sai",
    HIDDEN_TEXT: "người đọc không thấy nhưng máy đọc được như chữ thường",
}
_ODD_HINTS = {
    CONTROL_CHAR: "Xóa ký tự này (thường do dán từ Word hoặc PDF).",
    BIDI_CONTROL: "Xóa ký tự này: nó không nhìn thấy được (VS Code đánh dấu nó bằng một khung màu). "
                  "Chữ tiếng Việt không cần ký tự đổi chiều.",
    INVISIBLE_CHAR: "Xóa ký tự này (thường do dán từ trang web, Word hoặc PDF); VS Code đánh dấu nó bằng một khung màu.",
    HIDDEN_TEXT: "Xóa các ký tự này; đừng dán chữ từ nguồn không rõ.",
}
_QUOTING_HINT = ("Trong dấu ngoặc kép, dấu '\\' bắt đầu một mã thoát (\\b, \\f, \\n...). Viết đường dẫn trong dấu nháy đơn "
                 "('D:\\bieu-mau\\fax.docx') hoặc dùng dấu '/' (D:/bieu-mau/fax.docx).")


def _odd_findings(path: str, text: str) -> list[Finding]:
    """Odd characters written as they are anywhere in the file (values, keys, comments: a direction
    override in a comment still reorders what a reviewer sees), one finding per line and kind."""
    odd = odd_characters(text, whole_file=True)
    if not odd:
        return []
    by_line: dict[tuple[str, int], list[tuple[int, OddChar]]] = {}
    for found in odd:
        line = text.count("\n", 0, found.index) + 1
        column = found.index - (text.rfind("\n", 0, found.index) + 1) + 1
        by_line.setdefault((found.code, line), []).append((column, found))
    findings: list[Finding] = []
    shown: dict[str, int] = {}
    for (code, line), places in by_line.items():
        shown[code] = shown.get(code, 0) + 1
        make = warning if code == INVISIBLE_CHAR else error
        if shown[code] > MAX_ODD_FINDINGS:
            continue
        column, first = places[0]
        more = f" ({len(places)} chỗ trên dòng này)" if len(places) > 1 else ""
        fixable = code == INVISIBLE_CHAR and path.endswith((".yml", ".yaml"))
        hint = _ODD_HINTS[code] + (f" Sửa tự động: minhbach fix --invisible {path}" if fixable else "")
        findings.append(make(path, line, column, code, f"{_ODD_NOUNS[code]} {first.name}{more}: {_ODD_EFFECTS[code]}", hint))
    for code, lines in shown.items():
        if lines > MAX_ODD_FINDINGS:
            make = warning if code == INVISIBLE_CHAR else error
            findings.append(make(path, 0, 0, code, f"còn {lines - MAX_ODD_FINDINGS} dòng khác có {_ODD_NOUNS[code]}", _ODD_HINTS[code]))
    return findings


def _alias_position(text: str, target: Path_) -> Position | None:
    """Where the alias (*name) whose value sits at `target` is written.

    Composed nodes forget their aliases (an alias is the anchored node itself), so this reads the
    parser's events again, following keys and indexes as the builder does. Only used for a finding.
    """
    # One frame per open collection: [its path, next index or current key, waiting for a key?]
    frames: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frames.pop()
                if frames:
                    _advance(frames[-1])
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if not frames:
                here: Path_ | None = ()
            elif frames[-1][0] is None:
                here = None  # inside a key that is itself a collection: nothing the builder keeps
            elif isinstance(frames[-1][1], int):
                here = (*frames[-1][0], frames[-1][1])
            elif frames[-1][2]:  # this node is a key
                if isinstance(event, yaml.ScalarEvent):
                    frames[-1][1], frames[-1][2] = unicodedata.normalize("NFC", event.value), False
                    continue
                here = None
            else:
                here = (*frames[-1][0], frames[-1][1])
            if isinstance(event, yaml.AliasEvent) and here == target:
                return Position(event.start_mark.line + 1, event.start_mark.column + 1)
            if isinstance(event, yaml.SequenceStartEvent):
                frames.append([here, 0, False])
            elif isinstance(event, yaml.MappingStartEvent):
                frames.append([here, None, True])
            elif frames:
                _advance(frames[-1])
    except yaml.YAMLError:
        return None
    return None


def _advance(frame: list[Any]) -> None:
    """After one value of a collection: next index of a sequence, next key of a mapping."""
    if isinstance(frame[1], int):
        frame[1] += 1
    elif frame[2]:  # a key that was a collection has ended: its value follows
        frame[2] = False
        frame[1] = None
    else:
        frame[2] = True


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SYNTAX_HINTS = {
    "mapping values are not allowed here": "Giá trị có dấu hai chấm ':' cần đặt trong dấu ngoặc kép, ví dụ: ten: \"Điều 12: ...\".",
    "could not find expected ':'": "Mỗi dòng khóa cần dạng `khoa: giá trị`; kiểm tra dấu hai chấm và thụt lề.",
    "found character '\\t' that cannot start any token": "Dùng dấu cách để thụt lề, không dùng phím Tab.",
    "did not find expected key": "Kiểm tra thụt lề: các khóa cùng cấp phải thẳng cột với nhau.",
    "did not find expected '-' indicator": "Các mục của danh sách phải bắt đầu bằng '- ' và thẳng cột với nhau.",
    "found undefined alias": "Bỏ dấu '*' ở đầu giá trị hoặc đặt giá trị trong dấu ngoặc kép.",
    "found unexpected end of stream": "Có dấu ngoặc kép hoặc ngoặc vuông chưa đóng.",
    "expected a single document in the stream": "Tệp chỉ chứa một bản ghi; bỏ dòng '---' thứ hai.",
    "found unknown escape character": _QUOTING_HINT,
    "expected escape sequence": _QUOTING_HINT,
    "expected hexdecimal number": _QUOTING_HINT,
}


def _syntax_hint(problem: str) -> str:
    for needle, hint in _SYNTAX_HINTS.items():
        if needle in problem:
            return hint
    return "Kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở dòng này."


def _tab_findings(path: str, text: str) -> list[Finding]:
    found = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(
                error(path, line_no, indent.index("\t") + 1, "tab-indent", "thụt lề bằng phím Tab",
                      "YAML chỉ chấp nhận dấu cách để thụt lề; thay Tab bằng dấu cách.")
            )
    return found


def _nfc_findings(path: str, text: str) -> list[Finding]:
    runs_by_line: dict[int, list] = {}
    for run in non_nfc_runs(text):
        runs_by_line.setdefault(run.line, []).append(run)
    found = []
    for line_no, runs in list(runs_by_line.items())[:MAX_NFC_FINDINGS]:
        first = runs[0]
        found.append(
            error(
                path,
                line_no,
                first.column,
                "not-nfc",
                f"chữ có dấu viết ở dạng tổ hợp (không phải Unicode NFC): {len(runs)} chỗ trên dòng này",
                f"Trông giống nhau nhưng máy so sánh khác nhau. Sửa tự động: minhbach fix --nfc {path}",
            )
        )
    if len(runs_by_line) > MAX_NFC_FINDINGS:
        found.append(
            error(path, 0, 0, "not-nfc", f"còn {len(runs_by_line) - MAX_NFC_FINDINGS} dòng khác chưa ở dạng NFC",
                  f"Sửa tự động cả tệp: minhbach fix --nfc {path}")
        )
    return found


def decode(path: str, raw: bytes) -> tuple[str | None, list[Finding]]:
    """Bytes to text: strict UTF-8, a BOM tolerated with a warning, legacy encodings named."""
    findings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error(path, 1, 1, "not-utf8", "tệp lưu ở bảng mã UTF-16, không phải UTF-8",
                            "Mở tệp và lưu lại với bảng mã UTF-8 (không BOM).")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        findings.append(warning(path, 1, 1, "bom", "tệp bắt đầu bằng ký tự BOM",
                                "Lưu lại tệp dạng 'UTF-8' (không chọn 'UTF-8 with BOM')."))
    try:
        return raw.decode("utf-8"), findings
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        guess = guess_byte_encoding(raw)
        findings.append(
            error(path, line, column, "not-utf8",
                  f"tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X}); có vẻ là {guess}",
                  "Chuyển tệp sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại; "
                  "tệp chưa bị thay đổi.")
        )
        return None, findings


def parse(path: str, text: str) -> tuple[SourceDocument | None, list[Finding]]:
    """Text to a SourceDocument; every problem is a finding."""
    findings = _tab_findings(path, text) + _nfc_findings(path, text) + _odd_findings(path, text)
    tab_lines = {f.line for f in findings if f.code == "tab-indent"}
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "invalid Unicode character escape code" in str(exc.problem) and exc.problem_mark is not None:
            # "\ud800" (half of a UTF-16 pair) or beyond U+10FFFF: no character at all.
            start = text.rfind("\\", 0, exc.problem_mark.index + 1)
            escape = _ESCAPE.match(text, start) if start >= 0 else None
            sequence = escape.group() if escape else "\\u"
            line, column = text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
            findings.append(error(path, line, column, CONTROL_CHAR,
                                  f"mã thoát `{sequence}` không phải một ký tự (nửa cặp UTF-16, hoặc vượt quá U+10FFFF)",
                                  f"Xóa mã thoát `{sequence}` khỏi chữ. {_QUOTING_HINT}"))
        elif "nesting depth" in str(exc.problem):
            findings.append(error(path, line, column, "too-deep", "cấu trúc lồng nhau quá sâu", "Kiểm tra dấu ngoặc và thụt lề của tệp."))
        elif line not in tab_lines:
            problem = exc.problem or exc.context or "lỗi cú pháp"
            hint = _syntax_hint(f"{exc.context} {exc.problem}")
            findings.append(error(path, line, column, "yaml-syntax", f"lỗi cú pháp YAML ({problem})", hint))
        return None, findings
    except yaml.reader.ReaderError as exc:
        code_point = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        # Parsers disagree on whether `position` counts characters or bytes; the character tells.
        offset = text.find(chr(code_point))
        offset = offset if offset >= 0 else min(exc.position, len(text))
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        if not any(f.code == CONTROL_CHAR and f.line == line for f in findings):  # else already named by _odd_findings
            findings.append(
                error(path, line, column, CONTROL_CHAR, f"ký tự không được phép trong tệp ({char_name(chr(code_point))})",
                      "Xóa ký tự lạ này (thường do dán từ tệp Word hoặc PDF).")
            )
        return None, findings
    except yaml.YAMLError as exc:
        findings.append(error(path, 1, 1, "yaml-syntax", f"lỗi cú pháp YAML: {exc}", _syntax_hint(str(exc))))
        return None, findings
    except RecursionError:
        findings.append(error(path, 1, 1, "too-deep", "cấu trúc lồng nhau quá sâu", "Kiểm tra dấu ngoặc và thụt lề của tệp."))
        return None, findings
    if node is None:
        findings.append(error(path, 1, 1, "empty-file", "tệp rỗng", "Điền nội dung bản ghi hoặc xóa tệp."))
        return None, findings
    doc = SourceDocument(path=path, data=None)
    builder = _Builder(doc, text)
    try:
        doc.data = builder.build(node, ())
    except _Budget as exc:
        p = _pos(exc.node)
        if exc.alias_path is not None:
            p = _alias_position(text, exc.alias_path) or p
        return None, findings + builder.findings + [error(path, p.line, p.column, exc.code, exc.message, exc.hint)]
    except RecursionError:
        return None, findings + builder.findings + [error(path, 1, 1, "too-deep", "cấu trúc lồng nhau quá sâu", "Kiểm tra thụt lề.")]
    findings += builder.findings
    if not isinstance(doc.data, dict):
        p = _pos(node)
        findings.append(error(path, p.line, p.column, "not-a-mapping",
                              "bản ghi phải là một khối `khoa: giá trị` ở cấp ngoài cùng",
                              "Bắt đầu tệp bằng các dòng như `id: ...`, `name: ...` (không bắt đầu bằng '- ')."))
        return None, findings
    return doc, findings


def load(file: Path, display_path: str, *, max_bytes: int = MAX_FILE_BYTES, within: Path | None = None) -> tuple[SourceDocument | None, list[Finding]]:
    """Read (see `sourcefiles.read_limited`: a regular file, size-checked, inside `within` if given), decode and parse one YAML file."""
    try:
        raw = read_limited(file, max_bytes, within=within, too_large_hint=TOO_LARGE_HINT)
    except UnsafeFile as problem:
        line = 1 if problem.code == "file-too-large" else 0
        return None, [error(display_path, line, line, problem.code, problem.message, problem.hint)]
    return load_bytes(raw, display_path)


def load_bytes(raw: bytes, display_path: str) -> tuple[SourceDocument | None, list[Finding]]:
    """Decode and parse the bytes of one YAML file."""
    if not raw.strip():
        return None, [error(display_path, 1, 1, "empty-file", "tệp rỗng", "Điền nội dung bản ghi hoặc xóa tệp.")]
    text, findings = decode(display_path, raw)
    if text is None:
        return None, findings
    doc, more = parse(display_path, text)
    return doc, findings + more
