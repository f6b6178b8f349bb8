"""The messages of the page text (`pages.i18n`): gathered from the templates and the code, and the labels
of the model's choices, into one Babel catalogue; `make messages` merges it into each language's.

A message is what `_("...")` and `{% trans %}` mark in the templates (minhbach/templates, the theme
overrides in minhbach/mkdocs/theme), what `gettext("...")` marks in the Python code (`METHOD_MAP`),
the reader-facing label of every member of the model's `Labelled` choices shown on pages
(`LABELLED`), and the label of every record kind (`model.KINDS`: "Thông báo" on an announcement,
the kind of a search result), and the names of the languages (`settings.languages.LANGUAGE_NAMES`,
on the dashboard), and the titles of the open data's datasets and CSV columns and the title and description of each
JSON field, from the model (`exports.opendata.DATASETS`, `json_fields`, on the data page: the `gettext` filter) and the type of a hand-written page in search results (`site.search.PAGE_KIND`),
whose text lives there and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

from minhbach.exports.opendata import DATASETS, json_fields
from minhbach.model import KINDS
from minhbach.model.announcement import EventType, NoticeCategory
from minhbach.model.base import Labelled
from minhbach.model.legal import DocumentType, Validity
from minhbach.model.organisation import UnitKind
from minhbach.model.procedure import ChannelKind, Level, OnlineLevel
from minhbach.model.workflow import WorkflowKind
from minhbach.pages.i18n import DATASET_CONTEXT, DOMAIN, KIND_CONTEXT
from minhbach.settings.languages import LANGUAGE_NAMES
from minhbach.site.search import PAGE_KIND

PACKAGE = Path(__file__).resolve().parent.parent
PROJECT = PACKAGE.parent
METHOD_MAP = [("minhbach/**.py", "python"), ("minhbach/templates/**.j2", "jinja2"), ("minhbach/mkdocs/theme/**.html", "jinja2")]
"""Where messages are written (Babel's method map); the Jinja options below are the page environment's."""
OPTIONS = {"minhbach/templates/**.j2": {"extensions": "jinja2.ext.do", "trim_blocks": "True", "lstrip_blocks": "True"}}
LABELLED: tuple[type[Labelled], ...] = (DocumentType, Validity, OnlineLevel, Level, ChannelKind, EventType, NoticeCategory, WorkflowKind, UnitKind)
"""The model's choices whose labels pages show (through the `label` filter, `i18n.label`)."""


def gather(root: Path = PROJECT) -> Catalog:
    """Every message of the page text under `root` (the project), as a Babel catalogue without translations."""
    catalogue = Catalog(domain=DOMAIN, project="minhbach", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(str(root), METHOD_MAP, OPTIONS,
                                                                         callback=None, strip_comment_tags=True):
        if message:
            catalogue.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    for choice in LABELLED:
        for member in choice:
            catalogue.add(member.label, locations=[(f"{choice.__module__.replace('.', '/')}.py", 0)])
    for kind in KINDS.values():
        catalogue.add(kind.label, locations=[("minhbach/model/__init__.py", 0)], context=KIND_CONTEXT)
    for name in LANGUAGE_NAMES.values():
        catalogue.add(name, locations=[("minhbach/settings/languages.py", 0)])
    catalogue.add(PAGE_KIND, locations=[("minhbach/site/search.py", 0)])
    for dataset in DATASETS:
        catalogue.add(dataset.title, locations=[("minhbach/exports/opendata.py", 0)], context=DATASET_CONTEXT)
        for column in dataset.columns:
            catalogue.add(column.title, locations=[("minhbach/exports/opendata.py", 0)])
        for _, title, description, _ in json_fields(dataset):
            for text in filter(None, (title, description)):
                catalogue.add(text, locations=[("minhbach/model", 0)])
    return catalogue
