"""Record pages other than procedures (legal documents, workflows, internal procedures, the indexes) and the
lists of hand-written pages, in English and Chinese: their words from the message catalogues, their records
translated, and no Vietnamese word of the templates left on the English page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minhbach.checks.project import check_project
from minhbach.pages import PageRenderer
from minhbach.pages.messages import gather
from tests.conftest import FIELD, LEGAL, PROCEDURE, TODAY, UNIT, WORKFLOW, write_project
from tests.pages.test_pages import _internal_from

UNIT_TRANSLATED = UNIT + """\
translations:
  en:
    translated: 2026-01-05
    name: Division One
    role: Receives applications.
    address: No. 1, Luong Van Tri ward, Lang Son
  zh:
    translated: 2026-01-05
    name: 第一处
    role: 受理申请材料。
    address: 谅山省Lương Văn Tri坊1号
"""

FIELD_TRANSLATED = FIELD + """\
translations:
  en:
    translated: 2026-01-05
    name: Consular affairs
  zh:
    translated: 2026-01-05
    name: 领事
"""

LEGAL_TRANSLATED = LEGAL + """\
translations:
  en:
    translated: 2026-01-05
    issuer: Government
    title: On consular certification and legalization
  zh:
    translated: 2026-01-05
    issuer: 政府
    title: 关于领事认证、领事合法化
"""

OLD_LEGAL = (LEGAL.replace("id: nd-111-2011", "id: nd-05-2001").replace("number: 111/2011/NĐ-CP", "number: 05/2001/NĐ-CP")
             .replace("issued: 2011-12-05", "issued: 2001-01-05").replace("effective: 2012-02-01", "effective: 2001-02-01")
             .replace("status: het_hieu_luc_mot_phan", "status: het_hieu_luc_toan_bo\nreplaced_by: nd-111-2011\nexpiry: 2012-02-01"))

PROCEDURE_TRANSLATED = PROCEDURE + """\
translations:
  en:
    translated: 2026-03-01
    name: Consular legalization
  zh:
    translated: 2026-03-01
    name: 领事合法化
"""

WORKFLOW_TRANSLATED = WORKFLOW + """\
translations:
  en:
    translated: 2026-01-05
    title: Receiving applications for consular legalization
    steps:
      - action: Receive and check the application
      - action: Consider and sign
      - action: Return the result
  zh:
    translated: 2026-01-05
    title: 领事合法化申请受理流程
    steps:
      - action: 受理并审核申请材料
      - action: 审阅并签发
      - action: 返还结果
"""

INTERNAL_TRANSLATED = _internal_from(PROCEDURE) + """\
translations:
  en:
    translated: 2026-03-01
    name: Internal consular legalization
  zh:
    translated: 2026-03-01
    name: 内部领事合法化
"""


@pytest.fixture
def translated(project: Path) -> dict[str, PageRenderer]:
    """A renderer per language over a project whose records are all translated."""
    write_project(project, {
        "data/units/phong-mot.yml": UNIT_TRANSLATED, "data/fields/lanh-su.yml": FIELD_TRANSLATED,
        "data/legal/nd-111-2011.yml": LEGAL_TRANSLATED, "data/legal/nd-05-2001.yml": OLD_LEGAL,
        "data/procedures/hop-phap-hoa.yml": PROCEDURE_TRANSLATED, "data/workflows/qt-hop-phap-hoa.yml": WORKFLOW_TRANSLATED,
        "data/internal-procedures/noi-bo-mot.yml": INTERNAL_TRANSLATED,
    })
    catalog, findings = check_project(project / "data", project / "docs", TODAY, display_base=project)
    assert not [finding for finding in findings if finding.severity == "error"]
    return {code: PageRenderer(catalog, today=TODAY, language=code) for code in ("vi", "en", "zh")}


@pytest.fixture
def pages(translated: dict[str, PageRenderer]) -> dict[str, dict[str, str]]:
    return {code: {page.path: page.markdown for page in renderer.pages()} for code, renderer in translated.items()}


def _article(markdown: str) -> str:
    """The page without its JSON-LD (a description for machines, of the Vietnamese legal text)."""
    return re.sub(r'<script type="application/ld\+json">.*?</script>', "", markdown, flags=re.S)


_FIELDS = re.compile(r"%\(\w+\)s|\{\w+\}")


def _template_words(*templates: str) -> set[str]:
    """The Vietnamese words of the messages the templates write (the parts between their fields)."""
    words = set()
    for message in gather():
        if message.id and any(location.endswith(template) for location, _ in message.locations for template in templates):
            words.update(part.strip(" ,.:;()'\"") for part in re.split(_FIELDS.pattern + r"|\n", message.id))
    return {word for word in words if len(word) > 2}


@pytest.mark.parametrize(("path", "templates"), [
    ("van-ban/nd-111-2011.md", ("legal.md.j2",)),
    ("van-ban/nd-05-2001.md", ("legal.md.j2",)),
    ("van-ban/index.md", ("legal_index.md.j2",)),
    ("quy-trinh/qt-hop-phap-hoa.md", ("workflow.md.j2",)),
    ("quy-trinh/index.md", ("workflow_index.md.j2",)),
    ("thu-tuc-noi-bo/noi-bo-mot.md", ("internal_procedure.md.j2", "partials/procedure_sections.md.j2")),
    ("thu-tuc/index.md", ("procedure_index.md.j2", "partials/procedure_table.md.j2")),
])
def test_no_vietnamese_word_of_the_templates_is_left_on_the_english_page(pages, path, templates):
    records = "".join((UNIT, FIELD, LEGAL, PROCEDURE, WORKFLOW))
    words = {word for word in _template_words(*templates) if word not in records}  # else it may be record text left untranslated
    shown = [word for word in words if word in pages["vi"][path]]
    assert len(shown) >= 5, shown  # the Vietnamese page does show them
    left = sorted(word for word in shown if word in _article(pages["en"][path]))
    assert not left, left
    assert not [word for word in shown if word in _article(pages["zh"][path])]


def test_a_legal_document_is_cited_and_described_in_the_page_language(pages):
    vi, en, zh = (pages[code]["van-ban/nd-111-2011.md"] for code in ("vi", "en", "zh"))
    assert 'title: "Nghị định 111/2011/NĐ-CP"' in vi and "# Nghị định 111/2011/NĐ-CP" in vi
    assert "<dt>Loại văn bản</dt><dd>Nghị định</dd>" in vi and "<dt>Số, ký hiệu</dt><dd>111/2011/NĐ-CP</dd>" in vi
    assert 'title: "Decree 111/2011/NĐ-CP"' in en and "# Decree 111/2011/NĐ-CP" in en
    assert "<dt>Type of document</dt><dd>Decree</dd>" in en and "<dt>Issuing body</dt><dd>Government</dd>" in en
    assert "<dt>Date of issue</dt><dd>5 December 2011</dd>" in en
    assert "Read the full text of Decree 111/2011/NĐ-CP" in en
    assert '">Consular legalization</a></li>' in en and "## Procedures that cite it" in en
    assert "Replaces <a href=\"../nd-05-2001/\">Decree 05/2001/NĐ-CP</a>" in en
    assert "# 第111/2011/NĐ-CP号议定" in zh and "<dt>文件类型</dt><dd>议定</dd>" in zh and "<dt>颁布日期</dt><dd>2011年12月5日</dd>" in zh
    assert '">领事合法化</a></li>' in zh and "<dt>颁布机关</dt><dd>政府</dd>" in zh
    assert '"name": "Decree 111/2011/NĐ-CP"' in en and '"legislationType": "Decree"' in en  # its JSON-LD too
    assert '"name": "Nghị định 111/2011/NĐ-CP"' in vi and '"legislationType": "议定"' in zh


def test_why_a_document_is_not_in_force_is_said_in_the_page_language(pages):
    vi, en, zh = (pages[code]["van-ban/nd-05-2001.md"] for code in ("vi", "en", "zh"))
    assert "<strong>Văn bản đang ở tình trạng &#39;Hết hiệu lực toàn bộ&#39;.</strong> Không dùng văn bản này làm căn cứ cho hồ sơ mới; xem văn bản thay thế bên dưới." in vi
    assert "<strong>This document is marked &#39;Expired&#39;.</strong> Do not use this document as the basis of a new application; see" in en
    assert "## Replaced by" in en and '">Decree 111/2011/NĐ-CP</a>' in en
    assert "<strong>本文件处于“全部失效”状态。</strong>" in zh and "## 替代文件" in zh


def test_a_document_not_yet_in_force_gives_its_date_as_the_language_writes_dates(translated):
    document = translated["en"].document("nd-111-2011").model_copy(update={"status": None, "effective": TODAY.replace(year=2027)})
    for code, words in (("vi", "chưa có hiệu lực (có hiệu lực từ 27/11/2027)"), ("en", "not yet in force (in force from 27 November 2027)"),
                        ("zh", "尚未生效（自2027年11月27日起生效）")):
        assert translated[code].in_force(document) == (False, words)
    assert document.in_force_on(TODAY) == (False, "chưa có hiệu lực (có hiệu lực từ 2027-11-27)")  # findings stay Vietnamese


def test_the_legal_index_lists_documents_as_the_page_language_cites_them(pages):
    en, zh = pages["en"]["van-ban/index.md"], pages["zh"]["van-ban/index.md"]
    assert 'title: "Legal documents"' in en and "<th scope=\"col\">Number and code</th>" in en
    assert '">Decree 111/2011/NĐ-CP</a></td><td class="mb-cell-prose" data-label="Title">On consular certification and legalization</td>' in en
    assert "This is a translation for information." in en and "not yet translated" not in en
    assert '">第111/2011/NĐ-CP号议定</a>' in zh and 'data-label="颁布机关">政府</td>' in zh


def test_a_workflow_page_and_its_diagram_are_in_the_page_language(pages):
    en, zh = pages["en"]["quy-trinh/qt-hop-phap-hoa.md"], pages["zh"]["quy-trinh/qt-hop-phap-hoa.md"]
    assert "# QT-LS-01: Receiving applications for consular legalization" in en
    assert '<dt>Procedure</dt><dd><a href="../../thu-tuc/hop-phap-hoa/">Consular legalization</a></dd>' in en
    assert "<dt>Lead unit</dt><dd>Division One</dd>" in en and "<dt>Issue</dt><dd>2, in force from 5 January 2026</dd>" in en
    assert "<caption>3 steps, total time" in en and "<td data-label=\"Work\">Receive and check the application</td>" in en
    diagram = re.search(r'<pre class="mb-mermaid".*?</pre>', en, re.S).group(0)
    assert "1. Division One · Chuyên viên&lt;br/&gt;Receive and check the application&lt;br/&gt;2 working hours" in diagram
    assert 'Issue 1, in force from <time datetime="2025-03-01">1 March 2025</time>' in en
    assert "2个工作小时" in zh and "<dt>主办单位</dt><dd>第一处</dd>" in zh and "第2次，自2026年1月5日起生效" in zh


def test_the_workflow_index_and_the_procedure_index_list_translated_records(pages):
    expected = {
        ("en", "quy-trinh/index.md"): ['">Receiving applications for consular legalization</a></td><td data-label="Procedure">'
                                       '<a href="../thu-tuc/hop-phap-hoa/">Consular legalization</a>',
                                       '<a href="../thu-tuc-noi-bo/noi-bo-mot/">Internal consular legalization</a>'],
        ("en", "thu-tuc/index.md"): ["## Consular affairs", '">Consular legalization</a></td><td data-label="Processing time">',
                                     "The list has 1 procedures, by field.", '<th scope="col">Code</th>'],
        ("zh", "thu-tuc/index.md"): ["## 领事", '">领事合法化</a></td><td data-label="时限">'],
    }
    for (code, path), fragments in expected.items():
        assert [fragment for fragment in fragments if fragment not in pages[code][path]] == [], (code, path)


def test_the_procedure_page_cites_documents_workflows_and_units_in_the_page_language(pages):
    en = pages["en"]["thu-tuc/hop-phap-hoa.md"]
    assert '">Decree 111/2011/NĐ-CP</a> (Điều 11): On consular certification and legalization' in en
    assert '">QT-LS-01: Receiving applications for consular legalization</a>' in en
    assert "<dt>Field</dt><dd>Consular affairs</dd>" in en and "<dt>Guiding unit</dt><dd>Division One" in en
    internal = pages["en"]["thu-tuc-noi-bo/noi-bo-mot.md"]
    assert "# Internal consular legalization" in internal and "<dt>Type</dt><dd>Internal administrative procedure</dd>" in internal


def test_the_lists_of_hand_written_pages_are_in_the_page_language(translated):
    en, zh, vi = translated["en"], translated["zh"], translated["vi"]
    document = en.catalog.get("legal", "nd-111-2011")
    assert en.legal_badge(document, page="gioi-thieu.md").startswith('<a href="../van-ban/nd-111-2011/">Decree 111/2011/NĐ-CP</a> <span class="mb-badge')
    assert "第111/2011/NĐ-CP号议定</a>" in zh.legal_badge(document, page="gioi-thieu.md")
    assert ">Nghị định 111/2011/NĐ-CP</a>" in vi.legal_badge(document, page="gioi-thieu.md")
    directory = en.unit_directory()
    assert "<h3>Division One</h3>" in directory and "<dt>Telephone</dt>" in directory and "<dt>E-mail</dt>" in directory and "Điện thoại" not in directory
    changes = en.recent_changes(limit=10, page="index.md")
    assert '">Consular legalization</a>:' in changes and '">Decree 111/2011/NĐ-CP</a>:' in changes and "1 March 2026" in changes
    kinds = en.record_kinds()
    assert '<th scope="col">Record kind</th>' in kinds and ">Legal document</td>" in kinds and ">Workflow</td>" in kinds
    table = zh.procedure_table(zh.catalog.procedures, page="index.md")
    assert '<th scope="col">手续名称</th>' in table and '">领事合法化</a>' in table


def test_the_dossier_checklist_counts_in_the_page_language_under_one_key_for_every_language(pages):
    keys = {}
    for code, missing, complete in (("vi", "Còn thiếu {missing} / {total} giấy tờ.", "Đã đủ {total} giấy tờ."),
                                    ("en", "{missing} of {total} papers still missing.", "All {total} papers are ready."),
                                    ("zh", "还缺{missing}/{total}份材料。", "{total}份材料已齐全。")):
        page = pages[code]["thu-tuc/hop-phap-hoa.md"]
        assert f'role="status" data-missing="{missing}" data-complete="{complete}"' in page, code
        keys[code] = re.search(r'data-checklist="([^"]+)"', page).group(1)
    assert len(set(keys.values())) == 1, keys  # ticks made on one language's page show on the others


def test_a_document_whose_number_is_pending_is_cited_by_its_type(translated):
    from minhbach.model import Pending
    from minhbach.pages.i18n import using
    from minhbach.pages.values import document_label

    document = translated["vi"].document("nd-111-2011").model_copy(update={"number": Pending(pending="Chưa thấy bản gốc.")})
    cited = {}
    for code in ("vi", "en", "zh"):
        with using(code):
            cited[code] = document_label(document)
    assert cited == {"vi": "Nghị định (chưa rõ số)", "en": "Decree (number unknown)", "zh": "议定（文号不详）"}
    assert document.label == cited["vi"]  # as findings cite it
