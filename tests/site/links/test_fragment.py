"""A #fragment reaches an id when a browser would scroll to it, written encoded or not."""

from __future__ import annotations

import pytest

from minhbach.site.links.fragment import decoded_form, decoded_ids, reaches

IDS = {"phụ-lục", "1-trinh-tu-thuc-hien", "a%20b", "điều-5"}


@pytest.mark.parametrize("fragment", [
    "phụ-lục",
    "ph%E1%BB%A5-l%E1%BB%A5c",
    "ph%e1%bb%a5-l%e1%bb%a5c",
    "ph%E1%BB%A5-lục",
    "1-trinh-tu-thuc-hien",
    "a%20b",  # the id itself holds "%20": found before decoding
    "a b",  # the URL parser stores the space as %20
    "%C4%91i%E1%BB%81u-5",
    "",
    "top",
    "TOP",
])
def test_fragments_that_reach_an_element(fragment: str):
    assert reaches(fragment, IDS)


@pytest.mark.parametrize("fragment", [
    "phu-luc",
    "Phụ-lục",
    "ph%E1%BB%A5",
    "ph%E1%BB%A5-l%E1%BB%A5c%20",
    "%FF",
    "1-trinh-tu",
    "a+b",
])
def test_fragments_that_reach_nothing(fragment: str):
    assert not reaches(fragment, IDS)


def test_decoded_forms_meet_for_tools_that_compare_plain_strings():
    ids = decoded_ids(IDS)
    for fragment in ("ph%E1%BB%A5-l%E1%BB%A5c", "phụ-lục", "a%20b", "%C4%91i%E1%BB%81u-5"):
        assert decoded_form(fragment) in ids
    assert decoded_form("phu-luc") not in ids
