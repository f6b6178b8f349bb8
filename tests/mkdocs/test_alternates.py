"""Each page's counterparts in the other languages (`mkdocs.alternates`), and the theme overrides that show them."""

from __future__ import annotations

import re
from pathlib import Path

import material

from minhbach.mkdocs.alternates import alternates, without_language_links
from minhbach.mkdocs.languages import languages_of

MATERIAL = Path(material.__file__).parent / "templates"
OURS = Path(__file__).resolve().parents[2] / "minhbach/mkdocs/theme"
LANGUAGES = languages_of([{"lang": "vi", "link": "/"}, {"lang": "en", "link": "/en/"}, {"lang": "zh", "link": "/zh/"}], config_file=Path("mkdocs.yml"))
PAGES = {"vi": {"index.md", "lien-he.md"}, "en": {"index.md", "lien-he.md", "chi-tieng-anh.md"}, "zh": {"index.md", "lien-he.md"}}
VI, EN, ZH = LANGUAGES


def _hrefs(url: str, src_uri: str | None, language, site_url: str | None = None) -> list[str]:
    return [alt.href for alt in alternates(url, src_uri, language=language, languages=LANGUAGES, pages=PAGES, site_url=site_url)]


def test_a_record_page_leads_to_the_same_path_in_each_language():
    assert _hrefs("thu-tuc/a/", "thu-tuc/a.md", VI) == ["./", "../../en/thu-tuc/a/", "../../zh/thu-tuc/a/"]
    assert _hrefs("thu-tuc/a/", "thu-tuc/a.md", ZH) == ["../../../thu-tuc/a/", "../../../en/thu-tuc/a/", "./"]
    assert _hrefs("", "index.md", EN) == ["../", "./", "../zh/"]


def test_links_are_absolute_from_the_site_root_when_the_site_has_an_address():
    assert _hrefs("lien-he/", "lien-he.md", EN, site_url="https://x.org/m/") == [
        "https://x.org/m/lien-he/", "https://x.org/m/en/lien-he/", "https://x.org/m/zh/lien-he/"]


def test_a_page_only_one_language_has_leads_to_the_homes_of_the_others_and_the_404_page_to_the_homes_from_the_root():
    assert _hrefs("chi-tieng-anh/", "chi-tieng-anh.md", EN) == ["../../", "./", "../../zh/"]
    assert _hrefs("", None, ZH) == ["/", "/en/", "/zh/"]


def test_materials_own_language_links_are_taken_out_of_the_head_and_nothing_else():
    """Material 9.8.2 base.html writes one `<link rel="alternate" href hreflang>` per `extra.alternate` entry, in this form."""
    assert '<link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t(\'language\')) }}">' in (
        MATERIAL / "base.html").read_text(encoding="utf-8")
    head = ('<meta charset="utf-8">\n      <link rel="alternate" href="/en/" hreflang="en">\n'
            '      <link rel="alternate" type="application/rss+xml" title="x" href="feed.xml">\n<link rel="icon" href="i.png">')
    assert without_language_links(head) == ('<meta charset="utf-8">\n      <link rel="alternate" type="application/rss+xml" title="x" href="feed.xml">'
                                            '\n<link rel="icon" href="i.png">')


def _outside_the_list(text: str) -> list[str]:
    """The template's lines outside its comment and the `<li>` of each language."""
    text = re.sub(r"\{#-.*?-#\}\n", "", text, flags=re.S)
    text = re.sub(r"\{% for alt in .*?\{% endfor %\}", "{% for %}", text, flags=re.S)
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_language_selector_is_materials_but_for_where_each_language_leads():
    """theme/partials/alternate.html is Material 9.8.2's, line for line, but for the list of languages."""
    assert _outside_the_list((OURS / "partials/alternate.html").read_text(encoding="utf-8")) == _outside_the_list(
        (MATERIAL / "partials/alternate.html").read_text(encoding="utf-8"))


def test_a_page_only_the_source_language_has_leads_to_the_page_that_stands_for_it_in_the_others():
    found = [alt.href for alt in alternates("thu-tuc/a/niem-yet/", "thu-tuc/a/niem-yet.md", language=VI, languages=LANGUAGES, pages=PAGES,
                                            stand_ins={"thu-tuc/a/niem-yet.md": "thu-tuc/a/"})]
    assert found == ["./", "../../../en/thu-tuc/a/", "../../../zh/thu-tuc/a/"]
