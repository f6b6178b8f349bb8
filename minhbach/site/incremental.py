"""Which generated pages an edit changes: the rest keep the Markdown rendered before (`Generation.files`).

A record's page (and a procedure's notice sheet) shows its record, the records it references (a procedure's
field, units and legal documents; a legal document's replaced ones) and the records that reference it (the
procedures citing a legal document, the workflows of a procedure): every reference is a field marked
`RefTo` in the model (`model.walk.facts_of`, the same the reference checks read). So after an edit the
pages to render again are those of the records that changed, were added or removed (`changed_records`), of
the records they reference and of the records that reference them, in the catalog before the edit and after
it (`affected_records`). Pages of no record (the indexes, the archive years, the dashboard) list whole kinds
and are always rendered; a data file (a dataset, the feed) is made again when a record of a kind it shows
changed. When the renderer's own settings differ (`renderer_key`: the day, the language, the site's
address...), everything is.

Tests compare, for edits of each kind, the site served after the edit with a full build of the edited project.
"""

from __future__ import annotations

from dataclasses import dataclass

from minhbach.catalog import Catalog, Entry
from minhbach.pages import PageRenderer

RecordKey = tuple[str, str]
"""A record as (kind, id): ("legal", "nd-111-2011")."""


def renderer_key(renderer: PageRenderer) -> tuple[object, ...]:
    """Everything a generated page depends on besides the catalog: two renderers with the same key render a
    record's page the same when its records are the same."""
    return (renderer.today, renderer.language, renderer.directory_urls, renderer.site, repr(renderer.review_policy),
            renderer.publication_lag_days)


def _entries(catalog: Catalog) -> dict[RecordKey, Entry]:
    return {(entry.kind.name, entry.record.id): entry for entry in catalog.all_entries()}


def changed_records(before: Catalog, after: Catalog) -> set[RecordKey]:
    """The records in one catalog and not the other, or whose value or file differs between them."""
    return _changed(_entries(before), _entries(after))


def _changed(old: dict[RecordKey, Entry], new: dict[RecordKey, Entry]) -> set[RecordKey]:
    changed = set(old) ^ set(new)
    for key in set(old) & set(new):
        if old[key].record is not new[key].record and (old[key].path != new[key].path or old[key].record != new[key].record):
            changed.add(key)
    return changed


def _references(entry: Entry) -> set[RecordKey]:
    return {(marker.kind, record_id) for _, record_id, marker in entry.facts.references}


def affected_records(before: Catalog, after: Catalog) -> set[RecordKey]:
    """The records whose pages show something that changed from `before` to `after` (see the module's text)."""
    old, new = _entries(before), _entries(after)
    return _affected(old, new, _changed(old, new))


def _affected(old: dict[RecordKey, Entry], new: dict[RecordKey, Entry], changed: set[RecordKey]) -> set[RecordKey]:
    affected = set(changed)
    for key in changed:  # what a changed record referenced before or references now
        for entries in (old, new):
            if key in entries:
                affected |= _references(entries[key])
    for key, entry in new.items():  # a record that did not change references the same records in both catalogs
        if key not in changed and any((marker.kind, record_id) in changed for _, record_id, marker in entry.facts.references):
            affected.add(key)
    return affected


@dataclass(frozen=True)
class Edit:
    """What changed from one renderer (`before`) to the next: `everything`, or the records that `changed` and
    those whose pages show them (`affected`)."""

    everything: bool
    changed: frozenset[RecordKey] = frozenset()
    affected: frozenset[RecordKey] = frozenset()

    @classmethod
    def between(cls, before: PageRenderer, after: PageRenderer) -> Edit:
        if renderer_key(before) != renderer_key(after):
            return cls(everything=True)
        old, new = _entries(before.catalog), _entries(after.catalog)
        changed = _changed(old, new)
        return cls(everything=False, changed=frozenset(changed), affected=frozenset(_affected(old, new, changed)))

    def changes_page(self, record: RecordKey | None) -> bool:
        """Whether the page of `record` (None: a page of no record) must be rendered again."""
        return self.everything or record is None or record in self.affected

    def changes_data(self, kinds: frozenset[str]) -> bool:
        """Whether data files that show the records of `kinds` must be made again."""
        return self.everything or any(kind in kinds for kind, _ in self.changed)
