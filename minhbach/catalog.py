"""All records of a data folder, loaded once, indexed by kind and id.

Layout: one folder per kind (`data/procedures/`, `data/legal/`, ...), one YAML file per
record, named after the record's id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from minhbach.findings import Finding, error, warning
from minhbach.model import KIND_BY_FOLDER, KINDS, InternalProcedure, Kind, LegalDocument, Procedure, ProcedureField, Record, Unit, Workflow
from minhbach.model.walk import iter_models
from minhbach.source import Position, SourceDocument, load
from minhbach.validate import validate

R = TypeVar("R", bound=Record)
YAML_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Entry:
    """A valid record and the document it was read from."""

    kind: Kind
    record: Record
    source: SourceDocument

    @cached_property
    def models(self) -> list[tuple[tuple[str | int, ...], BaseModel]]:
        """Every model nested in the record with its location, walked once for all checks."""
        return list(iter_models(self.record))

    def position(self, loc: tuple[str | int, ...], *, prefer_key: bool = False) -> Position:
        path, _ = self.source.locate(loc)
        return self.source.position(path, prefer_key=prefer_key)


@dataclass
class Catalog:
    """Records by kind and id. Invalid records are left out; their findings say why."""

    root: Path
    entries: dict[str, dict[str, Entry]] = field(default_factory=lambda: {name: {} for name in KINDS})

    def entry(self, kind: str, record_id: str) -> Entry | None:
        return self.entries[kind].get(record_id)

    def get(self, kind: str, record_id: str) -> Record | None:
        found = self.entry(kind, record_id)
        return found.record if found else None

    def all_entries(self) -> Iterator[Entry]:
        for by_id in self.entries.values():
            yield from by_id.values()

    def _records(self, kind: str, model: type[R]) -> list[R]:
        return sorted(
            (e.record for e in self.entries[kind].values() if isinstance(e.record, model)),
            key=lambda record: record.id,
        )

    @property
    def procedures(self) -> list[Procedure]:
        return self._records("procedure", Procedure)

    @property
    def legal(self) -> list[LegalDocument]:
        return self._records("legal", LegalDocument)

    @property
    def units(self) -> list[Unit]:
        return self._records("unit", Unit)

    @property
    def fields(self) -> list[ProcedureField]:
        return self._records("field", ProcedureField)

    @property
    def internal_procedures(self) -> list[InternalProcedure]:
        return self._records("internal", InternalProcedure)

    @property
    def workflows(self) -> list[Workflow]:
        return self._records("workflow", Workflow)


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def record_files(data_dir: Path) -> Iterator[Path]:
    """Every file under the data folder that is not hidden, in a stable order."""
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(data_dir).parts):
            yield path


def load_catalog(data_dir: Path, *, display_base: Path | None = None) -> tuple[Catalog, list[Finding]]:
    """Load every record under `data_dir`. Paths in findings are relative to `display_base`."""
    catalog = Catalog(root=data_dir)
    findings: list[Finding] = []
    if not data_dir.is_dir():
        return catalog, [error(_display(data_dir, display_base), 0, 0, "no-data", "không tìm thấy thư mục dữ liệu",
                               "Chạy lệnh từ thư mục gốc của kho, hoặc chỉ rõ --data THƯ_MỤC.")]
    first_file: dict[tuple[str, str], str] = {}
    for file in record_files(data_dir):
        shown = _display(file, display_base)
        relative = file.relative_to(data_dir)
        if file.suffix not in YAML_SUFFIXES:
            if file.suffix.lower() != ".md":
                findings.append(warning(shown, 0, 0, "stray-file", "tệp không phải YAML nằm trong thư mục dữ liệu, sẽ bị bỏ qua",
                                        "Tệp mẫu, tài liệu đính kèm đặt trong docs/; bản ghi có đuôi .yml."))
            continue
        kind = KIND_BY_FOLDER.get(relative.parts[0]) if len(relative.parts) == 2 else None
        if kind is None:
            folders = ", ".join(f"{name}/" for name in KIND_BY_FOLDER)
            findings.append(error(shown, 0, 0, "unknown-folder", "bản ghi nằm ngoài các thư mục loại bản ghi nên sẽ không được đăng",
                                  f"Chuyển tệp vào một trong: {folders} (ngay dưới {data_dir.name}/)."))
            continue
        doc, problems = load(file, shown)
        findings += problems
        if doc is None:
            continue
        record, problems = validate(doc, kind)
        findings += problems
        if record is None:
            continue
        id_position = doc.position(("id",))
        if record.id != file.stem:
            findings.append(error(shown, id_position.line, id_position.column, "id-mismatch",
                                  f"mã bản ghi '{record.id}' khác tên tệp '{file.name}'",
                                  f"Đổi tên tệp thành '{record.id}{file.suffix}' hoặc sửa id thành '{file.stem}'."))
        key = (kind.name, record.id)
        if key in first_file:
            findings.append(error(shown, id_position.line, id_position.column, "duplicate-id",
                                  f"mã '{record.id}' đã được dùng ở {first_file[key]}",
                                  "Mỗi bản ghi cần một mã riêng; đổi mã (và tên tệp) của một trong hai."))
            continue
        first_file[key] = shown
        catalog.entries[kind.name][record.id] = Entry(kind=kind, record=record, source=doc)
    return catalog, findings
