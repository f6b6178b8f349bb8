"""Markdown in records: what the restricted subset will not show as written is a finding; and texts a
new record's draft left to write (`checks.pending.placeholder_findings`).

Runs on one record as it is read (its findings are cached with it), because rendering every
announcement body on every check would cost more than all the other checks together.
"""

from __future__ import annotations

from minhbach.findings import Finding, error, warning
from minhbach.model import MarkdownText, Record
from minhbach.model.walk import iter_marked, iter_models
from minhbach.pages.markdown import MAX_BRACKETS_PER_BLOCK, MAX_BREAKS_PER_BLOCK, MAX_NESTING, Problem, RecordMarkdown
from minhbach.load.source import SourceDocument

_MESSAGES = {
    "unsafe-link": (error, "liên kết không được phép: '{detail}'",
                    "Liên kết chỉ được dẫn tới địa chỉ https://, http://, mailto:, tel: hoặc trang, tệp của chính trang web "
                    "(ví dụ ../thu-tuc/ma-thu-tuc.md). Liên kết javascript:, data:, vbscript: bị bỏ."),
    "external-image": (error, "ảnh lấy từ trang web khác: '{detail}'",
                       "Trang không tải gì từ máy chủ khác (người đọc ở Trung Quốc và khi mất mạng vẫn xem được): "
                       "đặt ảnh vào thư mục docs/ và dẫn bằng đường dẫn tương đối."),
    "markdown-html": (warning, "nội dung có thẻ HTML '{detail}'; thẻ này được hiện nguyên văn, không có tác dụng",
                      "Nội dung chỉ dùng Markdown (đoạn văn, danh sách, **đậm**, [liên kết](https://...)). "
                      "Nếu muốn hiện dấu < như chữ thường thì không cần sửa."),
    "markdown-attr-list": (warning, "nội dung có khối thuộc tính '{detail}'; khối này được hiện nguyên văn, không có tác dụng",
                           "Bỏ phần {...}: nội dung bản ghi không được gắn thuộc tính, lớp hay mã cho thẻ."),
    "markdown-too-complex": (error, "nội dung quá phức tạp để hiển thị: {detail}",
                             f"Chia nội dung thành nhiều đoạn ngắn, cách nhau một dòng trống (tối đa {MAX_BRACKETS_PER_BLOCK} "
                             f"dấu '[' và {MAX_BREAKS_PER_BLOCK} đường kẻ, tiêu đề mỗi đoạn; danh sách lồng tối đa {MAX_NESTING} tầng)."),
}

_RENDERER: RecordMarkdown | None = None


def _renderer() -> RecordMarkdown:
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = RecordMarkdown()
    return _RENDERER


def finding_of(path: str, line: int, column: int, problem: Problem) -> Finding:
    """The finding for one `Problem` of Markdown text at (line, column) of `path`."""
    make, message, hint = _MESSAGES[problem.code]
    return make(path, line, column, problem.code, message.format(detail=problem.detail), hint)


def check_record(record: Record, doc: SourceDocument) -> list[Finding]:
    """Findings for every Markdown field of `record` (fields marked `MarkdownText` in the model)."""
    findings = []
    for loc, text, _ in iter_marked(iter_models(record), MarkdownText):
        problems = _renderer().render(text).problems
        if problems:
            position = doc.position(doc.locate(loc)[0])
            findings += [finding_of(doc.path, position.line, position.column, problem) for problem in dict.fromkeys(problems)]
    from minhbach.checks.pending import placeholder_findings  # the checks package needs the catalog, which reads records with this

    return findings + placeholder_findings(record, doc)
