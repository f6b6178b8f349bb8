"""Where generated pages live: one folder per record kind, from `model.KINDS`."""

from __future__ import annotations

import pytest

from minhbach.model import KINDS, LegalDocument
from minhbach.pages.paths import ANNOUNCEMENTS_INDEX, archive_path, index_path, page_path, record_path


def test_page_folders_are_the_site_urls():
    """The published URLs of every kind's pages; changing one breaks links from elsewhere."""
    assert {name: record_path(name, "x") for name, kind in KINDS.items() if kind.page_dir} == {
        "procedure": "thu-tuc/x.md", "internal": "thu-tuc-noi-bo/x.md", "workflow": "quy-trinh/x.md", "legal": "van-ban/x.md",
        "event": "thong-bao/x.md", "funding": "thong-bao/x.md", "notice": "thong-bao/x.md"}
    assert [index_path(name) for name in ("procedure", "legal", "workflow", "notice")] == [
        "thu-tuc/index.md", "van-ban/index.md", "quy-trinh/index.md", "thong-bao/index.md"]
    assert ANNOUNCEMENTS_INDEX == index_path("event") == index_path("funding")
    assert archive_path(2026) == "thong-bao/luu-tru/2026.md"


@pytest.mark.parametrize("kind", ["unit", "field"])
def test_kinds_without_pages_have_no_page_path(kind: str):
    with pytest.raises(ValueError, match=kind):
        record_path(kind, "x")
    with pytest.raises(ValueError, match=kind):
        index_path(kind)


def test_a_record_page_is_in_its_kind_folder():
    document = LegalDocument.model_construct(id="nd-111-2011")
    assert page_path(document) == "van-ban/nd-111-2011.md"
