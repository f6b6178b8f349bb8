"""Shared test helpers: a small valid project that each test breaks in one place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

TODAY = dt.date(2026, 11, 27)

UNIT = """\
id: phong-mot
published: 2026-01-05
updated: 2026-01-05
last_reviewed: 2026-11-01
review_in: 6 tháng
owner: phong-mot
changes:
  - date: 2026-01-05
    note: Đăng lần đầu.
name: Phòng Một
kind: phong
role: Tiếp nhận hồ sơ.
phones: ["0205 3719 886"]
email: {pending: Chưa có địa chỉ thư công vụ.}
address: Số 1, phường Lương Văn Tri, tỉnh Lạng Sơn
"""

FIELD = """\
id: lanh-su
published: 2026-01-05
updated: 2026-01-05
last_reviewed: 2026-11-01
review_in: 1 năm
owner: phong-mot
changes:
  - date: 2026-01-05
    note: Đăng lần đầu.
name: Lãnh sự
"""

LEGAL = """\
id: nd-111-2011
published: 2026-01-05
updated: 2026-01-05
last_reviewed: 2026-11-01
review_in: 6 tháng
owner: phong-mot
changes:
  - date: 2026-01-05
    note: Đăng lần đầu.
number: 111/2011/NĐ-CP
type: nghi_dinh
issuer: Chính phủ
title: Về chứng nhận lãnh sự, hợp pháp hóa lãnh sự
issued: 2011-12-05
effective: 2012-02-01
status: het_hieu_luc_mot_phan
url: https://example.org/van-ban/nd-111-2011
"""

PROCEDURE = """\
id: hop-phap-hoa
published: 2026-01-05
updated: 2026-03-01
last_reviewed: 2026-11-01
review_in: 6 tháng
owner: phong-mot
changes:
  - date: 2026-01-05
    note: Đăng lần đầu.
  - date: 2026-03-01
    note: Bổ sung cách nộp trực tuyến.
name: Hợp pháp hóa lãnh sự
national_code: {pending: Chưa tra được mã.}
agency_code: 000.00.00.H37
field: lanh-su
level: trung_uong
agency:
  authority: Cục Lãnh sự, Bộ Ngoại giao
  performing: Cục Lãnh sự, Bộ Ngoại giao
  unit: phong-mot
subjects:
  - Cá nhân
steps:
  - Nộp hồ sơ.
  - Nhận kết quả.
reception:
  place: Phòng Một
  hours: {pending: Chưa công bố giờ tiếp nhận.}
channels:
  - channel: truc_tiep
    time: {working_days: 1, note: từ 1 đến 4 giấy tờ}
    fee:
      items:
        - amount: 30000
          per: mỗi giấy tờ
  - channel: truc_tuyen
    time: {not_fixed: Tùy số lượng giấy tờ}
    fee: {free: true}
dossier:
  items:
    - name: Tờ khai
      originals: 1
      copies: 0
      form:
        name: Mẫu tờ khai
        file: forms/to-khai.docx
  sets: 1
result: Giấy tờ được hợp pháp hóa lãnh sự
requirements: []
legal_basis:
  - doc: nd-111-2011
    provisions: Điều 11
online:
  level: mot_phan
  url: https://dichvucong.gov.vn/
"""

WORKFLOW = """\
id: qt-hop-phap-hoa
published: 2026-01-05
updated: 2026-01-05
last_reviewed: 2026-11-01
review_in: 1 năm
owner: phong-mot
changes:
  - date: 2026-01-05
    note: Đăng lần đầu.
code: QT-LS-01
title: Quy trình tiếp nhận hồ sơ hợp pháp hóa lãnh sự
kind: iso
procedure: hop-phap-hoa
revisions:
  - number: 1
    date: 2025-03-01
  - number: 2
    date: 2026-01-05
    note: Rút ngắn bước kiểm tra.
steps:
  - actor: phong-mot
    role: Chuyên viên
    action: Tiếp nhận và kiểm tra hồ sơ
    duration: {working_hours: 2}
    output: Giấy tiếp nhận hồ sơ
    form:
      name: Mẫu tờ khai
      file: forms/to-khai.docx
  - actor: phong-mot
    role: Lãnh đạo phòng
    action: Xem xét, ký chuyển hồ sơ
    duration: {working_hours: 4}
  - actor: phong-mot
    action: Trả kết quả
    duration: {working_hours: 2}
"""

EVENT = """\
id: hoi-cho-mot
published: 2026-11-02
updated: 2026-11-02
last_reviewed: 2026-11-02
review_in: 1 năm
owner: phong-mot
changes:
  - date: 2026-11-02
    note: Đăng lần đầu.
title: Hội chợ thử nghiệm
summary: Hội chợ thương mại biên giới.
body: |
  Doanh nghiệp **đăng ký** gian hàng trước ngày 20/11.

  - Gian hàng tiêu chuẩn
  - Gian hàng đặc biệt
issued: 2026-10-30
event_type: hoi_cho_trien_lam
start: 2026-12-02 08:00
end: 2026-12-06 17:00
location: Quảng trường trung tâm, phường Lương Văn Tri, tỉnh Lạng Sơn
organiser: Ban tổ chức thử nghiệm
registration:
  deadline: 2026-11-20
  url: https://example.org/dang-ky
tags: [hội chợ, biên giới]
"""

FUNDING = """\
id: quy-mot
published: 2026-03-04
updated: 2026-03-04
last_reviewed: 2026-03-04
review_in: 1 năm
owner: phong-mot
changes:
  - date: 2026-03-04
    note: Đăng lần đầu.
title: Quỹ thử nghiệm
summary: Tài trợ dự án hợp tác.
issued: 2026-03-02
funder: Quỹ thử nghiệm
eligible: [Cơ quan nhà nước]
amount: 300.000–1.000.000 USD mỗi dự án
valid_from: 2026-03-02
valid_until: 2026-12-31
"""

NOTICE = """\
id: thong-bao-mot
published: 2026-05-04
updated: 2026-05-04
last_reviewed: 2026-05-04
review_in: 1 năm
owner: phong-mot
changes:
  - date: 2026-05-04
    note: Đăng lần đầu.
title: Thông báo thử nghiệm
summary: Thay đổi cách nộp hồ sơ.
issued: 2026-04-30
category: lanh_su
"""

VALID_FILES = {
    "data/units/phong-mot.yml": UNIT,
    "data/fields/lanh-su.yml": FIELD,
    "data/legal/nd-111-2011.yml": LEGAL,
    "data/procedures/hop-phap-hoa.yml": PROCEDURE,
    "docs/forms/to-khai.docx": "placeholder form",
}


def write_project(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A valid project in a temporary folder."""
    return write_project(tmp_path, VALID_FILES)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def column_of(text: str, needle: str) -> int:
    """1-based column where `needle` starts on its line."""
    line = text.splitlines()[line_of(text, needle) - 1]
    return line.index(needle) + 1


@pytest.fixture(scope="session")
def real_site_build(tmp_path_factory) -> tuple[Path, str]:
    """The repository's own site, built once per test session, and what its build printed (stderr)."""
    from tests.site_helpers import ROOT, build

    output = tmp_path_factory.mktemp("real-site") / "site"
    result = build(ROOT, output, epoch=None)
    assert result.returncode == 0, result.stderr[-3000:]
    return output, result.stderr


@pytest.fixture(scope="session")
def real_site(real_site_build: tuple[Path, str]) -> Path:
    """The repository's own site, built once per test session."""
    return real_site_build[0]
