"""The web editor at /admin/: Sveltia CMS (vendored in assets/vendor), configured from the content model.

`editor_config` walks each record kind's pydantic model (`model.KINDS`) and gives Sveltia CMS one
collection per kind (folder = the kind's data folder, one `<id>.yml` per record) whose fields carry
the model's Vietnamese titles (`label`) and descriptions (`hint`), the widget for their type, and
`required` as the model says. Nothing is listed by hand: a field added to the model appears in the
editor at the next build.

How the model's types become Sveltia widgets (Sveltia CMS 0.221, sveltiacms.app/en/docs/fields):

- text -> `string` (with its pattern), Markdown text (`MarkdownText`) -> `text` (raw Markdown;
  Sveltia's rich text editor would fetch code highlighting from a CDN);
- whole numbers -> `number` (int), amounts (Decimal) -> `number` (float), with their bounds;
- dates -> `datetime` date only, written `YYYY-MM-DD`; a date *or* a date and time (`When`) ->
  `string` with the pattern the model reads, since Sveltia's date picker has one format per field;
- labelled enums -> `select` with the readers' labels; booleans -> `boolean`; a flag that is `true` or
  absent (`free: true`) -> a `select` of that one value, left out when not chosen;
- references (`RefTo`) -> `relation` to the kind's collection, saving the record's `id`;
- nested models -> `object`, lists of them -> `list` with `fields`, lists of values -> `list` with `field`;
- a part written in one of several shapes, a mapping among them (a pendable part `value | {pending:
  reason}`, and any marker added the same way) -> one `object` holding the fields of every mapping
  (the value's fields, then `pending`), all optional: the editor fills one shape, `check` says
  what is wrong with a mix;
- when one of those shapes is a plain value (a code, a date, a number): Sveltia has no field for "a
  value *or* a mapping", so the editor shows `{value: ..., pending: ...}` and the site's file format
  for the kind (assets/admin-format.js, `formats`) wraps the value when it reads a record and unwraps
  it when it writes one: the files keep the model's shape;
- Sveltia takes a required list to need one item and leaves an empty list out of what it writes: a
  list the model requires but allows empty (`requirements: []`) is not required in the editor, and
  the file format writes it back as `[]`.

The backend is GitHub, repository from MkDocs' `repo_url` (read once from mkdocs.yml, as MkDocs
reads it); Sveltia's sign-in page also offers "work with a local repository" (Chromium browsers).
"""

from __future__ import annotations

import datetime as dt
import json
import types
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from urllib.parse import urlsplit

import yaml
from pydantic import AnyHttpUrl, BaseModel
from pydantic.fields import FieldInfo

from minhbach.model import KINDS, Kind
from minhbach.model.base import Labelled, MarkdownText, RefTo
from minhbach.settings.languages import SOURCE_LANGUAGE

SVELTIA_VERSION = "0.221.1"
"""The vendored @sveltia/cms (assets/vendor/README.txt); its Vietnamese strings are served beside it."""

ADMIN_DIR = "admin"
PAGE = f"{ADMIN_DIR}/index.html"
CONFIG = f"{ADMIN_DIR}/config.yml"
SCRIPT = f"{ADMIN_DIR}/sveltia-cms.js"
YAML_SCRIPT = f"{ADMIN_DIR}/js-yaml.min.js"
FORMAT_SCRIPT = f"{ADMIN_DIR}/admin-format.js"
LOCALE_SCRIPT = f"{ADMIN_DIR}/admin-locale.js"
LOCAL_LOCALES = f"{ADMIN_DIR}/locales"
EDITOR_GUIDE = "huong-dan-bien-tap.md"
"""The editors' guide page under docs/; the admin page links to it when the site has it."""


def published_in(language: str) -> bool:
    """Whether the site of `language` (a code such as "en") has the web editor and its guide: only the source
    language's site. Editors are the department's staff, who write the Vietnamese records and their
    translations in one editor; a second copy under /en/admin/ would edit the same files. The translated
    sites leave out the guide (`EDITOR_GUIDE`) too, rather than publish it in Vietnamese."""
    return language == SOURCE_LANGUAGE

DATE_FORMAT = "YYYY-MM-DD"
WHEN_PATTERN = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$"
VALUE_KEY = "value"
"""The editor's name for the plain value of a part that may also be a mapping (assets/admin-format.js unwraps it)."""
SHAPES_HINT = "Chỉ ghi theo một cách: giá trị, hoặc lý do ở ô cuối (ví dụ khi chưa có giá trị chính thức)."


@dataclass(frozen=True)
class _Type:
    """An annotation taken apart: the bare type, the metadata of its `Annotated` layers, whether None is allowed."""

    base: Any
    metadata: tuple[Any, ...]
    optional: bool


def _unwrap(annotation: Any, metadata: tuple[Any, ...] = ()) -> _Type:
    optional = False
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *more = get_args(annotation)
            metadata = (*metadata, *more)
        elif get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation):
            rest = [arg for arg in get_args(annotation) if arg is not type(None)]
            optional = True
            annotation = rest[0] if len(rest) == 1 else Union[tuple(rest)]  # noqa: UP007 - a runtime union
        else:
            return _Type(annotation, metadata, optional)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _shapes(annotation: Any) -> list[_Type] | None:
    """The members of a union with a mapping among them (`value | {pending: reason}`, `Fee | {pending: ...}`, any
    other marker the model adds the same way), each taken apart; None for any other annotation."""
    if get_origin(annotation) not in (Union, types.UnionType):
        return None
    members = [_unwrap(arg) for arg in get_args(annotation)]
    return members if any(_is_model(member.base) for member in members) else None


def _constraint(metadata: tuple[Any, ...], kind: type) -> Any:
    for item in metadata:
        if isinstance(item, kind):
            return item
        for nested in getattr(item, "metadata", ()):  # a FieldInfo inside Annotated carries its own constraints
            if isinstance(nested, kind):
                return nested
    return None


def _pattern(metadata: tuple[Any, ...]) -> str | None:
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            return pattern
    return None


def _described(typed: _Type, attribute: str) -> str:
    """The first `title` or `description` given inside the type (`Annotated[..., Field(...)]`), pendable value included."""
    layers = [typed, *(_shapes(typed.base) or [])]
    for layer in layers:
        for item in layer.metadata:
            if isinstance(item, FieldInfo) and getattr(item, attribute):
                return str(getattr(item, attribute))
    return ""


def _title_field(model: type[BaseModel]) -> str:
    return next((name for name in ("name", "title") if name in model.model_fields), "id")


def _relation(ref: RefTo) -> dict[str, Any]:
    target = KINDS[ref.kind].model
    shown = _title_field(target)
    return {"widget": "relation", "collection": ref.kind, "value_field": "id", "search_fields": sorted({"id", shown}),
            "display_fields": [shown if shown == "name" else "id"]}


def _bound(metadata: tuple[Any, ...], *names: str) -> Any:
    """The first of the constraints `names` (`ge`, `min_length`...: pydantic's constraint objects name them so) set in `metadata`."""
    for item in metadata:
        for candidate in (item, *getattr(item, "metadata", ())):  # a FieldInfo inside Annotated carries its own constraints
            for name in names:
                if getattr(candidate, name, None) is not None:
                    return getattr(candidate, name)
    return None


def _number(kind: type, metadata: tuple[Any, ...]) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "number", "value_type": "int" if kind is int else "float"}
    low, high = _bound(metadata, "ge", "gt"), _bound(metadata, "le", "lt")
    if low is not None:
        widget["min"] = low
    if high is not None:
        widget["max"] = high
    return {key: (float(value) if isinstance(value, Decimal) else value) for key, value in widget.items()}


class _Walk:
    """One walk of the model: the widgets, and the pendable plain values it could not express."""

    def __init__(self) -> None:
        self.plain_or_mapping: list[str] = []
        """Paths of the parts that may be a plain value or a mapping, edited as {value, ...} (see the module's text)."""
        self.empty_lists: list[str] = []
        """Paths of the lists the model requires but allows empty."""

    def fields(self, model: type[BaseModel], path: str) -> list[dict[str, Any]]:
        """The fields of `model` under the names the records' files use (a field's alias, e.g. a period's `from`)."""
        named = [(info.alias or name, info) for name, info in model.model_fields.items()]
        return [self.field(name, info, f"{path}.{name}" if path else name) for name, info in named]

    def field(self, name: str, info: FieldInfo, path: str) -> dict[str, Any]:
        """One Sveltia field for the model field `name`: label, hint, widget, required.

        A pendable plain value is never required: the editor would have to guess a value it cannot yet give.
        """
        typed = _unwrap(info.annotation, tuple(info.metadata))
        config: dict[str, Any] = {"name": name, "label": info.title or _described(typed, "title") or name}
        widget, widget_hint = self.widget(typed, path)
        hint = f"{info.description or _described(typed, 'description')} {widget_hint}".strip()
        if hint:
            config["hint"] = hint
        config.update(widget)
        # Sveltia takes a required list to need one item: a list the model allows empty (`requirements: []`) is not required there.
        empty_list = widget.get("widget") == "list" and not widget.get("min")
        config["required"] = info.is_required() and not typed.optional and not empty_list
        if empty_list and info.is_required() and not typed.optional:
            self.empty_lists.append(path)
        return config

    def shapes_widget(self, shapes: list[_Type], path: str) -> tuple[dict[str, Any], str]:
        """One `object` for a part written in one of several shapes (see the module's text): the fields of each
        mapping, all optional (markers of one field, like `pending`, last), and `VALUE_KEY` for a plain value."""
        values = [shape for shape in shapes if not _is_model(shape.base)]
        if len(values) > 1:
            raise TypeError(f"no editor widget for a part that may be several plain values at {path}")
        fields: list[dict[str, Any]] = []
        if values:
            self.plain_or_mapping.append(path)
            widget, hint = self.widget(values[0], path)
            fields.append({"name": VALUE_KEY, "label": "Giá trị", **({"hint": hint} if hint else {}), **widget, "required": False})
        models = sorted((shape.base for shape in shapes if _is_model(shape.base)), key=lambda model: len(model.model_fields) == 1)
        for model in models:
            fields += [{**item, "required": False} for item in self.fields(model, path) if item["name"] not in {f["name"] for f in fields}]
        return {"widget": "object", "fields": fields}, SHAPES_HINT

    def widget(self, typed: _Type, path: str) -> tuple[dict[str, Any], str]:
        """(Sveltia widget options, extra hint) for a value of type `typed.base`."""
        base, metadata = typed.base, typed.metadata
        shapes = _shapes(base)
        if shapes is not None:
            return self.shapes_widget(shapes, path)
        ref = _constraint(metadata, RefTo)
        if ref is not None:
            return _relation(ref), ""
        if isinstance(base, type) and issubclass(base, BaseModel):
            return {"widget": "object", "fields": self.fields(base, path)}, ""
        if get_origin(base) is list:
            return self.list_widget(base, metadata, path)
        if isinstance(base, type) and issubclass(base, Labelled):
            return {"widget": "select", "options": [{"label": member.label, "value": member.value} for member in base]}, ""
        if isinstance(base, type) and issubclass(base, Enum):
            return {"widget": "select", "options": [member.value for member in base]}, ""
        if get_origin(base) is Literal and get_args(base) == (True,):
            # A flag that is `true` or absent: Sveltia's boolean field would write `false`, which the model refuses.
            return {"widget": "select", "options": [{"label": "Có", "value": True}]}, ""
        if base is bool:
            return {"widget": "boolean"}, ""
        if base is dt.date:
            return {"widget": "datetime", "time_format": False, "date_format": DATE_FORMAT, "format": DATE_FORMAT}, ""
        if get_origin(base) in (Union, types.UnionType) and set(get_args(base)) == {dt.date, dt.datetime}:
            return {"widget": "string", "pattern": [WHEN_PATTERN, "Ngày dạng YYYY-MM-DD, có thể kèm giờ: YYYY-MM-DD HH:MM"]}, ""
        if base is int or base is Decimal:
            return _number(base, metadata), ""
        if base is AnyHttpUrl:
            return {"widget": "string", "type": "url"}, ""
        if base is str:
            if _constraint(metadata, MarkdownText) is not None:
                return {"widget": "text"}, ""
            widget: dict[str, Any] = {"widget": "string"}
            pattern = _pattern(metadata)
            if pattern:
                widget["pattern"] = [pattern, "Chưa đúng dạng: xem hướng dẫn bên dưới ô."]
            return widget, ""
        raise TypeError(f"no editor widget for {base!r} at {path}")

    def list_widget(self, base: Any, metadata: tuple[Any, ...], path: str) -> tuple[dict[str, Any], str]:
        (item_type,) = get_args(base)
        item = _unwrap(item_type)
        widget: dict[str, Any] = {"widget": "list"}
        low, high = _bound(metadata, "min_length"), _bound(metadata, "max_length")
        if low:
            widget["min"] = low
        if high is not None:
            widget["max"] = high
        ref = _constraint(item.metadata, RefTo)
        if ref is not None:
            return {**_relation(ref), "multiple": True, **{k: v for k, v in widget.items() if k != "widget"}}, ""
        if isinstance(item.base, type) and issubclass(item.base, BaseModel):
            widget["fields"] = self.fields(item.base, f"{path}[]")
            shown = next((name for name in item.base.model_fields if name in ("name", "date", "reason", "channel", "action", "doc", "number")), None)
            if shown:
                widget["summary"] = "{{fields." + shown + "}}"
            return widget, ""
        inner, hint = self.widget(item, f"{path}[]")
        widget["field"] = {"name": "item", "label": "Mục", **{k: v for k, v in inner.items() if not k.startswith("_")}}
        return widget, hint


def collection(kind: Kind, walk: _Walk, data_dir: str) -> dict[str, Any]:
    """The Sveltia collection of one record kind: its data folder, one `<id>.yml` per record."""
    shown = _title_field(kind.model)
    return {
        "name": kind.name,
        "label": kind.label,
        "description": (kind.model.__doc__ or "").strip().splitlines()[0],
        "folder": f"{data_dir}/{kind.folder}",
        "extension": "yml",
        "format": format_name(kind),
        "create": True,
        "delete": False,
        "identifier_field": shown,
        "slug": "{{fields.id}}",
        "summary": "{{fields." + shown + "}}",
        "sortable_fields": ["id", "updated"],
        "fields": walk.fields(kind.model, ""),
    }


def github_repo(repo_url: str | None) -> str | None:
    """'owner/name' of a GitHub `repo_url` (https://github.com/owner/name[.git][/]), None for any other address."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if parts.hostname not in ("github.com", "www.github.com") or len(segments) != 2:
        return None
    return f"{segments[0]}/{segments[1].removesuffix('.git')}"


LOCAL_ONLY_REPO = "local/repository"
"""Stands for the repository when mkdocs.yml has no GitHub `repo_url`: Sveltia requires one, and only
its local-repository mode (which reads the folder the editor picks) can then be used."""


def editor_config(*, data_dir: str, repo_url: str | None, site_url: str | None, branch: str = "main") -> dict[str, Any]:
    """Sveltia CMS's configuration (its config.yml, as a mapping) for every record kind, from the model.

    `data_dir` is the plugin's data folder (relative to the repository's root, where mkdocs.yml is);
    `repo_url` MkDocs' `repo_url` (the GitHub backend's repository); `site_url` MkDocs' `site_url`.
    """
    walk = _Walk()
    config: dict[str, Any] = {
        "backend": {"name": "github", "repo": github_repo(repo_url) or LOCAL_ONLY_REPO, "branch": branch},
        "app_title": "Biên tập dữ liệu",
        "media_folder": "docs/files",
        "public_folder": "/files",
        "output": {"omit_empty_optional_fields": True, "yaml": {"indent_size": 2}},
        "editor": {"preview": False},
        "collections": [collection(kind, walk, data_dir.strip("/")) for kind in KINDS.values()],
    }
    if site_url:
        config["site_url"] = site_url
    return config


def formats() -> dict[str, dict[str, Any]]:
    """For assets/admin-format.js, by kind: its file format's name, the key of a wrapped value (`VALUE_KEY`), the parts
    that may be a plain value or a mapping, its lists that may be empty."""
    found = {}
    for kind in KINDS.values():
        walk = _Walk()
        walk.fields(kind.model, "")
        found[kind.name] = {"format": format_name(kind), "value": VALUE_KEY, "plain_or_mapping": walk.plain_or_mapping, "lists": walk.empty_lists}
    return found


def format_name(kind: Kind) -> str:
    """The Sveltia file format of a kind's records (registered by assets/admin-format.js)."""
    return f"minhbach-{kind.name}"


def config_text(config: dict[str, Any]) -> str:
    """config.yml's text: a header saying it is generated, then the mapping as YAML."""
    header = "# Sinh tự động từ mô hình dữ liệu (minhbach/model) mỗi lần dựng trang; đừng sửa tay.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


GUIDE_STYLE = ("position:fixed;right:1rem;bottom:1rem;z-index:1000;background:#fff;padding:.4rem .7rem;"
               "border:1px solid #3f51b5;border-radius:4px;font:14px system-ui,sans-serif;color:#3f51b5")
"""The link to the editors' guide, over Sveltia's screens (an attribute: the site's pages carry no <style> element)."""


def page_html(*, guide_href: str | None) -> str:
    """/admin/index.html: the vendored Sveltia CMS, its Vietnamese strings and no request off the site (assets/admin-locale.js),
    and the records' file formats (assets/admin-format.js, with js-yaml) for the model's shapes (`formats`)."""
    shapes = json.dumps(formats(), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    guide = (f'<a href="{guide_href}" target="_blank" rel="noopener" style="{GUIDE_STYLE}">Hướng dẫn biên tập</a>\n'
             if guide_href else "")
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Biên tập dữ liệu</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
{guide}<script src="admin-locale.js"></script>
<script id="minhbach-formats" type="application/json">{shapes}</script>
<script src="js-yaml.min.js"></script>
<script src="sveltia-cms.js"></script>
<script src="admin-format.js"></script>
</body>
</html>
"""


FONTS_DIR = f"{ADMIN_DIR}/fonts"
SVELTIA_FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2": "source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2": "noto-mono-latin-400-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "material-symbols-outlined-latin-wght-normal.woff2",
}
"""The fonts Sveltia's stylesheet takes from cdn.jsdelivr.net -> the vendored copy (assets/vendor/sveltia-fonts) served in `FONTS_DIR`."""


class VendoredScriptChanged(ValueError):
    """The vendored Sveltia CMS no longer names a font address `served_script` replaces (a new version: see assets/vendor/README.txt)."""


def served_script(vendored: bytes) -> bytes:
    """The vendored sveltia-cms.js with each font address of `SVELTIA_FONTS` made relative to /admin/ (`fonts/...`).

    Relative addresses in its stylesheet resolve against the page, /admin/. Raises `VendoredScriptChanged`
    when an address is missing, so that an update of Sveltia cannot quietly bring the CDN back.
    """
    text = vendored
    for remote, name in SVELTIA_FONTS.items():
        found = text.count(remote.encode())
        if found == 0:
            raise VendoredScriptChanged(f"{remote} is not in the vendored Sveltia CMS")
        text = text.replace(remote.encode(), f"fonts/{name}".encode())
    return text
