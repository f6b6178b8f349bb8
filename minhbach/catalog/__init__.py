"""All records of a data folder, loaded once, indexed by kind and id.

Layout: one folder per kind (`data/procedures/`, `data/legal/`, ...), one YAML file per
record, named after the record's id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TypeVar

from minhbach.findings import Finding, error, warning
from minhbach.model import KIND_BY_FOLDER, KINDS, InternalProcedure, Kind, LegalDocument, Procedure, ProcedureField, Record, Unit, Workflow
from minhbach.model.walk import Facts, facts_of
from minhbach.site.parallel import available_cores, run_all
from minhbach.load.cache import RecordCache, file_key
from minhbach.load.positions import Positions, encode
from minhbach.settings.languages import translatable_languages
from minhbach.load.source import MAX_FILE_BYTES, TOO_LARGE_HINT, Position, SourceDocument, load, load_bytes
from minhbach.load.files import UnsafeFile, folder_outside, list_files, read_limited
from minhbach.load.validate import validate

R = TypeVar("R", bound=Record)
YAML_SUFFIXES = (".yml", ".yaml")
PARALLEL_FROM = 400
"""Below this many files to read, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class Entry:
    """A valid record, where it came from, and where each of its parts was written: from the
    positions table kept when it was read (`load.positions`), or, for a record without one, from its
    file read again when a finding first needs a position."""

    kind: Kind
    record: Record
    file: Path
    path: str  # as shown in findings
    known_facts: Facts | None = None
    positions: Positions | SourceDocument | None = None
    translation_findings: tuple[Finding, ...] | None = None
    """The findings of its translations (`checks.translations`), when found as it was read."""

    @cached_property
    def source(self) -> SourceDocument | Positions:
        if self.positions is not None:
            return self.positions
        doc, _ = load(self.file, self.path)
        return doc if doc is not None else SourceDocument(path=self.path, data={})

    @cached_property
    def facts(self) -> Facts:
        """References, file paths and pending parts of the record, walked once for all checks."""
        return self.known_facts or facts_of(self.record)

    def position(self, loc: tuple[str | int, ...], *, prefer_key: bool = False) -> Position:
        path, _ = self.source.locate(loc)
        return self.source.position(path, prefer_key=prefer_key)

    def written(self, loc: tuple[str | int, ...]) -> bool:
        """Whether the file writes the part at `loc` (a default the model fills in is not written)."""
        return self.source.locate(loc)[1]


@dataclass
class Catalog:
    """Records by kind and id. Invalid records are left out; their findings say why."""

    root: Path
    entries: dict[str, dict[str, Entry]] = field(default_factory=lambda: {name: {} for name in KINDS})
    languages: tuple[str, ...] = ()
    """The languages the records' translation findings were found for as they were read (`Entry.translation_findings`)."""

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
    """`path` relative to `base` when it lies under it (as Path.relative_to, without its cost per file)."""
    text = path.as_posix()
    if base is None or base.as_posix() == ".":
        return text
    prefix = base.as_posix().rstrip("/") + "/"
    return text[len(prefix):] if text.startswith(prefix) else text


Read = tuple[Record | None, list[Finding], Facts | None, str | None, list[Finding]]
"""A record file read: the record (None if invalid), its findings, its facts, its positions table
(`load.positions`), and the findings of its translations, reported with the checks of the catalogue."""


def read_record(file: Path, shown: str, kind: Kind, raw: bytes | None = None, languages: tuple[str, ...] = ()) -> Read:
    """Parse and validate one record file (its bytes `raw`, or read from `file`); depends on nothing but them.

    The document itself is not kept, only where each of its parts was written (`load.positions`),
    for the findings of the checks over the whole catalogue. The checks of the record alone run here,
    so that their findings are cached with it: its Markdown (`checks.record_text`) and its
    translations in `languages`, the site's (`checks.translations`, reported with the catalogue's checks).
    """
    doc, findings = load(file, shown) if raw is None else load_bytes(raw, shown)
    if doc is None:
        return None, findings, None, None, []
    record, problems = validate(doc, kind)
    if record is None:
        return None, findings + problems, None, None, []
    from minhbach.checks.record_text import check_record  # the checks package needs the catalog
    from minhbach.checks.translations import record_findings

    table = encode(doc)
    entry = Entry(kind=kind, record=record, file=file, path=shown, positions=Positions(table) if table is not None else doc)
    return record, findings + problems + check_record(record, doc), facts_of(record), table, record_findings(entry, languages)


def _read_all(jobs: list[tuple[Path, str, Kind]], cache: RecordCache, folder: Path, languages: tuple[str, ...]) -> list[Read]:
    """Results in the order of `jobs`: from the cache when the bytes are known, otherwise parsed, in
    parallel processes when there are many files and more than one CPU.

    Each file is read once, here (inside `folder`, size-checked); the result cached under a key is
    the result of the very bytes of that key, even if the file changes meanwhile.
    """
    results: list[Read | None] = []
    keys: list[str | None] = []
    contents: list[bytes | None] = []
    for file, shown, kind in jobs:
        try:
            raw = read_limited(file, MAX_FILE_BYTES, within=folder, too_large_hint=TOO_LARGE_HINT)
        except UnsafeFile as problem:
            line = 1 if problem.code == "file-too-large" else 0
            keys.append(None)
            contents.append(None)
            results.append((None, [error(shown, line, line, problem.code, problem.message, problem.hint)], None, None, []))
            continue
        key = file_key(kind.name, shown, raw, languages)
        keys.append(key)
        contents.append(raw)
        results.append(cache.get(key, kind.name))
    missing = [index for index, result in enumerate(results) if result is None]
    read = run_all([partial(read_record, *jobs[index], contents[index], languages) for index in missing], workers=available_cores(),
                   min_jobs=PARALLEL_FROM)
    for index, result in zip(missing, read, strict=True):
        results[index] = result
        key = keys[index]
        if key is not None:
            cache.put(key, jobs[index][2].name, result[0], result[1], result[3], result[4])
    return [result for result in results if result is not None]


def load_catalog(data_dir: Path, *, display_base: Path | None = None, cache_dir: Path | None = None,
                 root: Path | None = None, languages: tuple[str, ...] | None = None) -> tuple[Catalog, list[Finding]]:
    """Load every record under `data_dir`. Paths in findings are relative to `display_base`.
    The translations of each record are checked as it is read, for `languages` (the site's; None:
    every language the engine has, `settings.languages.translatable_languages`).

    With `cache_dir`, files whose bytes were already read by the same engine are not read again.
    Only files that `sourcefiles.list_files` accepts are read; with `root` (the project's folder),
    a data folder that lies outside it once links are followed is not read at all.
    """
    languages = translatable_languages() if languages is None else languages
    catalog = Catalog(root=data_dir, languages=languages)
    findings: list[Finding] = []
    if not data_dir.is_dir():
        return catalog, [error(_display(data_dir, display_base), 0, 0, "no-data", "không tìm thấy thư mục dữ liệu",
                               "Chạy lệnh từ thư mục gốc của kho, hoặc chỉ rõ --data THƯ_MỤC.")]
    outside = folder_outside(data_dir, root, _display(data_dir, display_base)) if root is not None else None
    if outside is not None:
        return catalog, [outside]
    listing = list_files(data_dir, shown=lambda path: _display(path, display_base), file_suffixes=YAML_SUFFIXES)
    findings += listing.findings
    jobs: list[tuple[Path, str, Kind]] = []
    for file in listing.files:
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
        jobs.append((file, shown, kind))
    cache = RecordCache(cache_dir, shown=lambda path: _display(path, display_base), root=root)
    findings += cache.findings
    first_file: dict[tuple[str, str], str] = {}
    for (file, shown, kind), (record, problems, facts, table, translated) in zip(jobs, _read_all(jobs, cache, data_dir, languages), strict=True):
        findings += problems
        if record is None:
            continue
        entry = Entry(kind=kind, record=record, file=file, path=shown, known_facts=facts,
                      positions=Positions(table) if table is not None else None, translation_findings=tuple(translated))
        if record.id != file.stem:
            id_position = entry.position(("id",))
            findings.append(error(shown, id_position.line, id_position.column, "id-mismatch",
                                  f"mã bản ghi '{record.id}' khác tên tệp '{file.name}'",
                                  f"Đổi tên tệp thành '{record.id}{file.suffix}' hoặc sửa id thành '{file.stem}'."))
        key = (kind.name, record.id)
        if key in first_file:
            id_position = entry.position(("id",))
            findings.append(error(shown, id_position.line, id_position.column, "duplicate-id",
                                  f"mã '{record.id}' đã được dùng ở {first_file[key]}",
                                  "Mỗi bản ghi cần một mã riêng; đổi mã (và tên tệp) của một trong hai."))
            continue
        first_file[key] = shown
        catalog.entries[kind.name][record.id] = entry
    cache.save()
    return catalog, findings
