"""Synthetic, valid project data at a chosen scale, for `scripts/bench-parts` (never written into data/).

`scripts/bench` measures varied copies of the real records instead (scripts/realistic.py); this
stays for bench-parts because it is small, quick to build, and has workflows, the one kind of
record data/ has no example of. Its records are lighter than real ones (median procedure page
13.8 KB against 31 KB) and carry almost no findings. Deterministic for a given seed: Vietnamese names and text assembled from word lists, with the
cross-references a real province would have (fields, units, legal bases, workflows, forms).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

TODAY = dt.date(2026, 11, 27)

VERBS = ["Cấp", "Cấp lại", "Gia hạn", "Điều chỉnh", "Xác nhận", "Thẩm định", "Cho phép", "Công nhận", "Đăng ký", "Thu hồi"]
OBJECTS = [
    "giấy phép hoạt động", "văn bản chấp thuận", "thẻ đi lại của doanh nhân", "chứng chỉ hành nghề", "giấy chứng nhận đủ điều kiện",
    "văn bản cho phép tổ chức hội thảo", "quyết định phê duyệt dự án", "giấy xác nhận ưu đãi đầu tư", "hộ chiếu công vụ",
    "giấy phép lao động cho người nước ngoài", "văn bản thỏa thuận hợp tác quốc tế", "giấy chứng nhận đăng ký đầu tư",
]
QUALIFIERS = [
    "tại địa phương", "cho tổ chức nước ngoài", "lần đầu", "cho doanh nghiệp có vốn đầu tư nước ngoài", "trên địa bàn tỉnh",
    "đối với cơ quan nhà nước", "theo đề nghị của hiệp hội", "cho hợp tác xã", "tại khu kinh tế cửa khẩu", "cho cá nhân",
]
SENTENCES = [
    "Tổ chức, cá nhân chuẩn bị đầy đủ hồ sơ theo quy định và nộp tại nơi tiếp nhận.",
    "Cơ quan tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; trường hợp chưa đủ thì hướng dẫn bổ sung một lần.",
    "Chuyên viên thẩm định nội dung, đối chiếu với điều kiện của văn bản quy phạm pháp luật đang có hiệu lực.",
    "Lãnh đạo đơn vị xem xét, ký văn bản trình cấp có thẩm quyền quyết định.",
    "Cơ quan có thẩm quyền ban hành quyết định hoặc văn bản trả lời nêu rõ lý do nếu không chấp thuận.",
    "Kết quả được trả trực tiếp, qua dịch vụ bưu chính công ích hoặc trên Cổng dịch vụ công.",
]
PAPERS = [
    "Đơn đề nghị theo mẫu", "Bản sao giấy chứng nhận đăng ký doanh nghiệp", "Báo cáo tình hình hoạt động năm gần nhất",
    "Văn bản ủy quyền (nếu có)", "Bản sao hộ chiếu hoặc căn cước", "Kế hoạch, đề án chi tiết", "Báo cáo tài chính đã được kiểm toán",
    "Ý kiến bằng văn bản của cơ quan liên quan",
]
ISSUERS = ["Chính phủ", "Thủ tướng Chính phủ", "Bộ Ngoại giao", "Bộ Công an", "Bộ Tài chính", "Ủy ban nhân dân tỉnh"]
PLACES = ["tỉnh Lạng Sơn", "tỉnh Cao Bằng", "Hà Nội", "tỉnh Quảng Ninh", "Nam Ninh, Trung Quốc", "Bằng Tường, Trung Quốc"]
HEAD = """id: {id}
published: {published}
updated: {published}
last_reviewed: {reviewed}
review_in: 1 năm
owner: {owner}
changes:
  - date: {published}
    note: Đăng lần đầu.
"""


@dataclass(frozen=True)
class Scale:
    procedures: int = 2000
    announcements: int = 8000
    legal: int = 2000
    workflows: int = 300
    fields: int = 20
    units: int = 12
    forms: int = 40

    def times(self, factor: float) -> Scale:
        def at_least_one(n: int) -> int:
            return max(1, round(n * factor))

        return Scale(at_least_one(self.procedures), at_least_one(self.announcements), at_least_one(self.legal),
                     at_least_one(self.workflows), self.fields, self.units, self.forms)

    @property
    def records(self) -> int:
        return self.procedures + self.announcements + self.legal + self.workflows + self.fields + self.units


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def write_project(root: Path, scale: Scale, *, seed: int = 7) -> None:
    """Write data/, docs/ and mkdocs.yml for a project of `scale` under `root`."""
    rng = random.Random(seed)
    data = root / "data"
    for folder in ("units", "fields", "legal", "procedures", "workflows", "events", "funding", "notices"):
        (data / folder).mkdir(parents=True, exist_ok=True)
    (root / "docs/forms").mkdir(parents=True, exist_ok=True)
    for index in range(scale.forms):
        (root / f"docs/forms/mau-{index:02d}.docx").write_bytes(b"form")
    (root / "docs/index.md").write_text("# Trang chủ\n\nTrang thử tải.\n", encoding="utf-8")

    def head(record_id: str, published: dt.date, owner: str) -> str:
        reviewed = max(published, TODAY - dt.timedelta(days=rng.randrange(200)))
        return HEAD.format(id=record_id, published=published, reviewed=reviewed, owner=owner)

    units = [f"don-vi-{i:02d}" for i in range(scale.units)]
    for i, unit in enumerate(units):
        (data / "units" / f"{unit}.yml").write_text(
            head(unit, dt.date(2024, 1, 2), units[0]) + f"name: Phòng nghiệp vụ số {i + 1}\nkind: phong\n"
            "role: Tham mưu, hướng dẫn và tiếp nhận hồ sơ thuộc lĩnh vực được giao.\n"
            f'phones: ["0205 3719 {800 + i}"]\nemail: phong{i + 1}@example.gov.vn\naddress: Số {i + 1} đường Hùng Vương, phường Lương Văn Tri, tỉnh Lạng Sơn\n',
            encoding="utf-8")
    fields = [f"linh-vuc-{i:02d}" for i in range(scale.fields)]
    for i, field in enumerate(fields):
        (data / "fields" / f"{field}.yml").write_text(
            head(field, dt.date(2024, 1, 2), units[0]) + f"name: Lĩnh vực {OBJECTS[i % len(OBJECTS)]} {i + 1}\norder: {i}\n", encoding="utf-8")

    legal = [f"van-ban-{i:05d}" for i in range(scale.legal)]
    for i, doc in enumerate(legal):
        issued = _date(rng, dt.date(2010, 1, 1), dt.date(2026, 6, 30))
        replaced = i % 9 == 0 and i + 1 < len(legal)
        status = "het_hieu_luc_toan_bo" if replaced else "con_hieu_luc"
        text = head(doc, dt.date(2024, 1, 2), rng.choice(units)) + (
            f"number: {i + 1}/{issued.year}/QĐ-UBND\ntype: quyet_dinh\nissuer: {rng.choice(ISSUERS)}\n"
            f"title: Về việc {rng.choice(VERBS).lower()} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}\n"
            f"issued: {issued}\neffective: {issued + dt.timedelta(days=rng.randrange(0, 45))}\nstatus: {status}\n"
        )
        if replaced:
            text += f"replaced_by: {legal[i + 1]}\n"
        (data / "legal" / f"{doc}.yml").write_text(text, encoding="utf-8")
    in_force = [doc for i, doc in enumerate(legal) if i % 9 != 0]

    procedures = []
    for i in range(scale.procedures):
        record_id = f"thu-tuc-{i:05d}"
        days = rng.choice([5, 7, 10, 15, 20, 30])
        procedures.append((record_id, days))
        name = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)} (số {i + 1})"
        steps = "".join(f"  - {_quote(rng.choice(SENTENCES))}\n" for _ in range(rng.randint(3, 6)))
        items = []
        for n in range(rng.randint(3, 7)):
            item = f"    - name: {_quote(rng.choice(PAPERS) + f' ({n + 1})')}\n      originals: 1\n      copies: {rng.randint(0, 2)}\n"
            if n == 0:
                item += f"      form:\n        name: Mẫu đơn số {i % scale.forms + 1:02d}\n        file: forms/mau-{i % scale.forms:02d}.docx\n"
            items.append(item)
        basis = "".join(f"  - doc: {doc}\n    provisions: Điều {rng.randint(1, 40)}\n" for doc in rng.sample(in_force, rng.randint(1, 3)))
        published = _date(rng, dt.date(2020, 1, 1), dt.date(2026, 10, 1))
        (data / "procedures" / f"{record_id}.yml").write_text(
            head(record_id, published, rng.choice(units)) + (
                f"name: {_quote(name)}\nsummary: {_quote(rng.choice(SENTENCES))}\n"
                f'national_code: "{rng.randint(1, 3)}.{i:06d}"\nagency_code: 000.00.00.H37\nfield: {rng.choice(fields)}\nlevel: tinh\n'
                f"agency:\n  authority: Ủy ban nhân dân tỉnh Lạng Sơn\n  performing: Sở Ngoại vụ tỉnh Lạng Sơn\n  unit: {rng.choice(units)}\n"
                f"subjects:\n  - Tổ chức, doanh nghiệp\n  - Cá nhân\nsteps:\n{steps}"
                "reception:\n  place: Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn\n  hours: Giờ hành chính các ngày làm việc\n"
                f"channels:\n  - channel: truc_tiep\n    time: {{working_days: {days}}}\n    fee: {{free: true}}\n"
                f"  - channel: truc_tuyen\n    time: {{working_days: {days}}}\n    fee:\n      items:\n        - amount: {rng.choice([50000, 100000, 200000])}\n"
                f"dossier:\n  items:\n{''.join(items)}  sets: 1\n"
                f"result: {_quote('Văn bản ' + rng.choice(OBJECTS))}\nrequirements: []\nlegal_basis:\n{basis}"
                "online:\n  level: mot_phan\n  url: https://dichvucong.gov.vn/\n"
            ), encoding="utf-8")

    for i in range(scale.workflows):
        procedure, days = procedures[i % len(procedures)]
        hours = days * 8
        split = [hours // 4, hours // 4, hours // 4, hours - 3 * (hours // 4)]
        steps = "".join(
            f"  - actor: {rng.choice(units)}\n    action: {_quote(SENTENCES[n + 1])}\n    duration: {{working_hours: {h}}}\n"
            for n, h in enumerate(split)
        )
        record_id = f"quy-trinh-{i:04d}"
        (data / "workflows" / f"{record_id}.yml").write_text(
            head(record_id, dt.date(2025, 3, 3), rng.choice(units)) + (
                f"code: QT-{i:04d}\ntitle: Quy trình giải quyết thủ tục số {i + 1}\nkind: iso\nprocedure: {procedure}\n"
                f"revisions:\n  - number: 1\n    date: 2025-03-01\nsteps:\n{steps}"
            ), encoding="utf-8")

    kinds = ["events"] * 3 + ["funding"] + ["notices"] * 4
    for i in range(scale.announcements):
        folder = kinds[i % len(kinds)]
        record_id = f"thong-bao-{i:05d}"
        issued = _date(rng, dt.date(2018, 1, 1), dt.date(2026, 11, 20))
        base = head(record_id, issued, rng.choice(units)) + (
            f"title: {_quote(rng.choice(['Hội chợ', 'Diễn đàn', 'Thông báo', 'Chương trình']) + ' ' + rng.choice(OBJECTS) + f' số {i + 1}')}\n"
            f"summary: {_quote(rng.choice(SENTENCES))}\nbody: {_quote(' '.join(rng.sample(SENTENCES, 3)))}\nissued: {issued}\n"
        )
        if folder == "events":
            start = issued + dt.timedelta(days=rng.randint(10, 120))
            base += (f"event_type: hoi_cho_trien_lam\nstart: {start} 08:00\nend: {start + dt.timedelta(days=2)} 17:00\n"
                     f"location: {_quote(rng.choice(PLACES))}\norganiser: Ủy ban nhân dân tỉnh Lạng Sơn\n")
        elif folder == "funding":
            until = issued + dt.timedelta(days=rng.randint(30, 400))
            base += (f"funder: Quỹ hợp tác số {i % 17 + 1}\neligible: [Cơ quan nhà nước, Doanh nghiệp]\nvalid_from: {issued}\n"
                     f"valid_until: {until}\nopen: {'true' if until >= TODAY else 'false'}\n")
        else:
            base += f"category: {rng.choice(['lanh_su', 'bao_ho_cong_dan', 'quan_ly_nha_nuoc'])}\n"
        (data / folder / f"{record_id}.yml").write_text(base, encoding="utf-8")

    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")


SITE_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
# Theme, Markdown extensions, validation and `extra` are the site's own, from its mkdocs.yml (MkDocs merges
# mappings and replaces lists); the navigation is the synthetic project's.
_SHARED_YML = f"""\
INHERIT: {SITE_CONFIG.as_posix()}
nav:
  - Trang chủ: index.md
  - Thủ tục: thu-tuc/index.md
  - Văn bản: van-ban/index.md
  - Quy trình: quy-trinh/index.md
  - Thông báo: thong-bao/index.md
  - Dữ liệu mở: du-lieu/index.md
"""
# The generated project and the baseline differ only in the plugins; the baseline also keeps quiet
# about its hand-written links.
MKDOCS_YML = f"""\
site_name: Thử tải minhbach
{_SHARED_YML}plugins:
  - minhbach
"""

BASELINE_YML = f"""\
site_name: Thử tải MkDocs + Material
{_SHARED_YML}plugins: []
validation:
  omitted_files: info
  not_found: info
  unrecognized_links: info
"""
