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


def dataset_paths(dataset: opendata.Dataset) -> tuple[str, str, str]:
    """The JSON, JSON Schema and CSV files of `dataset`, by path under the site."""
    base = f"{opendata.DATA_DIR}/{dataset.name}"
    return f"{base}.json", f"{base}.schema.json", f"{base}.csv"


def dataset_files(r: PageRenderer, dataset: opendata.Dataset) -> dict[str, bytes]:
    """`dataset` as JSON, JSON Schema and CSV (`dataset_paths`), from the records of its kind only. The CSV's site
    columns are the record's page URL, its next review date, and the processing times and fees in force on the build day."""
    site_values = {"trang": lambda record: r.site_path(page_path(record)), "ra_soat_tiep": lambda record: r.review(record).next_review,
                   "thoi_han": lambda record: opendata.channel_times(record, r.today),
                   "phi_le_phi": lambda record: opendata.channel_fees(record, r.today)}
    records = opendata.records_of(r.catalog, dataset)
    json_path, schema_path, csv_path = dataset_paths(dataset)
    return {json_path: opendata.json_export(records),
            schema_path: (json.dumps(opendata.json_schema(dataset), ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            csv_path: opendata.csv_export(dataset, records, site_values=site_values)}


def files(r: PageRenderer) -> dict[str, bytes]:
    """Each dataset's files (`dataset_files`), by path under the site."""
    return {path: content for dataset in opendata.DATASETS for path, content in dataset_files(r, dataset).items()}
