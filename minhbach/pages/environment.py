"""The Jinja environment of the generated pages: the package's templates, their filters and globals."""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket

from minhbach.exports import opendata
from minhbach.model import Pending
from minhbach.pages import formatting, i18n
from minhbach.pages.contact import link_phones, phone_link
from minhbach.pages.escape import md, yaml_string
from minhbach.pages.paths import CHECKLIST_JS, MERMAID_JS, archive_path, page_path, relative
from minhbach.pages.review import review_dates, review_notice
from minhbach.pages.translation import translation_notice
from minhbach.pages.values import (
    PENDING_HTML,
    code_text,
    document_label,
    document_title,
    online_badge,
    show,
    status_badge,
    step_duration,
    when_range,
    when_text,
)


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory for the life of the process (a `jinja2.BytecodeCache`).

    Each environment (one per build) would otherwise compile every template again: under `mkdocs serve`,
    a second or more at each rebuild. Jinja keys a template by its name and file and checks the checksum
    of its source, so a changed template is compiled again; the key does not say how the environment was
    set up, so each kind of environment has a cache of its own.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()
"""The process's compiled page templates (`environment`)."""

TEMPLATE_FUNCTIONS = (
    status_badge, online_badge, document_label, document_title, code_text, step_duration,
    formatting.hours_text, when_text, when_range, review_notice, review_dates, translation_notice, relative, page_path, archive_path,
    opendata.json_fields,
)
"""The functions templates call, each under its own name."""


def environment() -> Environment:
    """A new environment over `minhbach/templates`: autoescaped HTML, undefined names an error.

    Templates get the renderer as `r` (lookups, links) from `PageRenderer.render`; the value
    formatters and page paths below are globals.
    """
    env = Environment(
        extensions=["jinja2.ext.do", "jinja2.ext.i18n"],
        loader=PackageLoader("minhbach", "templates"),
        autoescape=True,
        auto_reload=False,  # templates are package files; no stat per page
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
    )
    env.filters.update(md=md, yaml=yaml_string, show=show, date=i18n.date_text, number=i18n.number_text, label=i18n.label, gettext=i18n.gettext,
                       kind_label=i18n.kind_label, dataset_title=lambda title: i18n.pgettext(i18n.DATASET_CONTEXT, title), phone_link=phone_link, phones=link_phones)
    # Jinja's i18n extension: `_("...")` and `{% trans %}` give the text in the language being rendered (pages.i18n).
    env.install_gettext_callables(gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True, pgettext=i18n.pgettext)
    env.tests["pending"] = lambda value: isinstance(value, Pending)
    env.globals.update({function.__name__: function for function in TEMPLATE_FUNCTIONS}, MERMAID_JS=MERMAID_JS, CHECKLIST_JS=CHECKLIST_JS, PENDING=PENDING_HTML)
    return env
