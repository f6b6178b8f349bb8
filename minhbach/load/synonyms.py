"""The search box's synonyms: groups of words a reader may type for one another, kept as data.

The file is `SYNONYMS_FILE`, relative to the project's folder (next to mkdocs.yml, outside the
data folder, whose folders are record kinds), and editors extend it:

    synonyms:
      - [visa, thị thực]
      - [hộ chiếu công vụ, HCCV]

Each group lists two or more terms (a word or several); a query that contains one term is also
searched with each other term of its group in its place. Terms are compared folded (see
`site.search.fold`: no diacritics, "đ" as "d", lower case), so "Thị thực" and "thi thuc" are one
term: a term may be listed only once in the whole file. The file is optional.
"""

from __future__ import annotations

from pathlib import Path

from minhbach.findings import Finding, error
from minhbach.load.source import SourceDocument, load
from minhbach.load.searchtext import fold, index_words

SYNONYMS_FILE = "search/synonyms.yml"
KEY = "synonyms"
_HINT = "Mỗi nhóm là một danh sách từ hai cách gọi trở lên, ví dụ `- [visa, thị thực]`, dưới khóa `synonyms:`."


def _at(doc: SourceDocument, path: tuple[str | int, ...], code: str, message: str, hint: str = _HINT) -> Finding:
    found, _ = doc.locate(path)
    position = doc.position(found)
    return error(doc.path, position.line, position.column, code, message, hint)


def read_synonyms(root: Path, *, shown: str = SYNONYMS_FILE) -> tuple[list[tuple[str, ...]], list[Finding]]:
    """The groups of `root / SYNONYMS_FILE` as written (each a tuple of two or more terms), and
    findings about the file (`shown` is its path in them): a shape other than the one above, an
    empty term or one without a letter or digit, a group of one term, a term listed twice,
    text that is not NFC (from `load`). Groups with a problem are left out; no file, no groups."""
    file = root / SYNONYMS_FILE
    if not file.exists():
        return [], []
    doc, findings = load(file, shown, within=root)
    if doc is None:
        return [], findings
    if set(doc.data) != {KEY} or not isinstance(doc.data[KEY], list):
        return [], findings + [_at(doc, (), "synonyms-shape", f"tệp từ đồng nghĩa chỉ có một khóa `{KEY}:` chứa danh sách các nhóm")]
    groups: list[tuple[str, ...]] = []
    first: dict[str, tuple[int, int]] = {}
    for number, group in enumerate(doc.data[KEY]):
        if not isinstance(group, list) or not all(isinstance(term, str) for term in group):
            findings.append(_at(doc, (KEY, number), "synonyms-shape", f"nhóm thứ {number + 1} không phải danh sách các cách gọi"))
            continue
        problems = []
        for place, term in enumerate(group):
            folded = index_words(term)
            if not folded:
                problems.append(_at(doc, (KEY, number, place), "synonyms-empty", "cách gọi rỗng hoặc không có chữ, số",
                                    "Xóa mục rỗng hoặc điền từ người dân hay gõ."))
            elif folded in first:
                where = first[folded]
                problems.append(_at(doc, (KEY, number, place), "synonyms-twice",
                                    f"'{term}' đã có ở nhóm {where[0] + 1} (so sánh không dấu, không phân biệt hoa thường)",
                                    "Mỗi cách gọi chỉ ở một nhóm: gộp hai nhóm hoặc xóa mục lặp."))
            else:
                first[folded] = (number, place)
        if len(group) < 2:
            problems.append(_at(doc, (KEY, number), "synonyms-alone", f"nhóm thứ {number + 1} chỉ có {len(group)} cách gọi",
                                "Thêm cách gọi khác cùng nghĩa, hoặc xóa nhóm."))
        findings += problems
        if not problems:
            groups.append(tuple(group))
    return groups, findings


def browser_synonyms(groups: list[tuple[str, ...]]) -> list[list[str]]:
    """The groups as the search box uses them: each term folded (`fold`), in the order written."""
    return [[" ".join(fold(term).split()) for term in group] for group in groups]
