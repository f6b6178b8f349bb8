"""The dossier checklist of a procedure page: the key its ticks are kept under in the reader's browser.

The page's script (assets `checklist.js`) keeps which dossier items the reader has ticked in the
browser's localStorage, under `storage_key`; nothing leaves the browser. The key joins the
procedure's id with a digest of its dossier items, so that when the agency changes the list (an
item added, renamed, or its originals/copies changed) old ticks no longer apply to new items.
"""

from __future__ import annotations

import hashlib
import json

from minhbach.model import Procedure
from minhbach.model.base import Pending

STORAGE_PREFIX = "minhbach:ho-so:"


def storage_key(procedure: Procedure) -> str | None:
    """"minhbach:ho-so:<id>:<12 hex digits>" for a procedure with a dossier list, None while it is pending.

    The digest is SHA-256 of the items as JSON (name, originals, copies, form, note), in order.
    """
    if isinstance(procedure.dossier, Pending):
        return None
    items = [item.model_dump(mode="json") for item in procedure.dossier.items]
    digest = hashlib.sha256(json.dumps(items, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]
    return f"{STORAGE_PREFIX}{procedure.id}:{digest}"
