"""The open data: its index page, and its JSON, JSON Schema and CSV files (see `exports.opendata`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from minhbach.exports import opendata
from minhbach.pages.paths import page_path

if TYPE_CHECKING:
    from minhbach.pages.renderer import PageRenderer

INDEX = f"{opendata.DATA_DIR}/index.md"


def index(r: PageRenderer) -> str:
    """Every dataset with its record count, its files and its field dictionary."""
    counts = {d.name: len(opendata.records_of(r.catalog, d)) for d in opendata.DATASETS}
    return r.render("data_index.md.j2", datasets=opendata.DATASETS, counts=counts, page=INDEX)


def files(r: PageRenderer) -> dict[str, bytes]:
    """Each dataset as JSON, JSON Schema and CSV, by path under the site. The CSV's site columns
    are the record's page URL, its next review date, and the processing times and fees in force on the build day."""
    found: dict[str, bytes] = {}
    site_values = {"trang": lambda record: r.site_path(page_path(record)), "ra_soat_tiep": lambda record: r.review(record).next_review,
                   "thoi_han": lambda record: opendata.channel_times(record, r.today),
                   "phi_le_phi": lambda record: opendata.channel_fees(record, r.today)}
    for dataset in opendata.DATASETS:
        records = opendata.records_of(r.catalog, dataset)
        base = f"{opendata.DATA_DIR}/{dataset.name}"
        found[f"{base}.json"] = opendata.json_export(records)
        found[f"{base}.schema.json"] = (json.dumps(opendata.json_schema(dataset), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        found[f"{base}.csv"] = opendata.csv_export(dataset, records, site_values=site_values)
    return found
