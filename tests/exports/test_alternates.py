"""The feeds and data files a page announces in its head."""

from __future__ import annotations

from minhbach.exports.alternates import head_links
from minhbach.exports.feeds import CALENDAR_PATH, FEED_PATH


def paths(page_url: str | None) -> list[str]:
    return [path for path, _, _ in head_links(page_url)]


def test_every_page_announces_the_feed_and_the_calendar():
    for url in (None, "", "gioi-thieu/", "thu-tuc/cap-ho-chieu/"):
        assert paths(url)[:2] == [FEED_PATH, CALENDAR_PATH]


def test_an_index_page_announces_the_open_data_of_the_records_it_lists():
    assert paths("thu-tuc/")[2:] == ["du-lieu/thu-tuc.json", "du-lieu/thu-tuc.csv"]
    assert paths("van-ban/")[2:] == ["du-lieu/van-ban.json", "du-lieu/van-ban.csv"]
    assert set(paths("thong-bao/")[2:]) == {f"du-lieu/{name}.{suffix}" for name in ("su-kien", "tai-tro", "thong-bao") for suffix in ("json", "csv")}


def test_a_record_page_announces_no_dataset_and_titles_name_the_dataset():
    assert len(paths("thu-tuc/cap-ho-chieu/")) == 2
    titles = [title for _, _, title in head_links("thong-bao/")[2:]]
    assert len(set(titles)) == len(titles) == 6
