"""Built pages are read as a browser reads them: every way of writing a link, nothing in comments or scripts."""

from __future__ import annotations

import pytest

from minhbach.site.links.crawl import parse_calendar, parse_page, parse_xml, refresh_url, srcset_urls

# (HTML, the link targets a browser finds in it)
LINKS = [
    ("<a href='mot.html'>x</a>", ["mot.html"]),
    ("<a href=hai.html>x</a>", ["hai.html"]),
    ('<A HREF="ba.html">x</A>', ["ba.html"]),
    ('<a\nclass="x"\n  href = "bon.html" >x</a>', ["bon.html"]),
    ('<a href="nam.html?a=1&amp;b=2">x</a>', ["nam.html?a=1&b=2"]),
    ('<a href="&#x73;au.html">x</a>', ["sau.html"]),
    ('<a href="  bay.html  ">x</a>', ["bay.html"]),
    ('<img alt="" srcset="tam.png 1x, chin.png 2x">', ["tam.png", "chin.png"]),
    ('<IMG SRC="anh.png" SRCSET="anh-2x.png 2x">', ["anh.png", "anh-2x.png"]),
    ('<picture><source srcset="a.webp 480w,b.webp 800w" type="image/webp"><img src="c.jpg"></picture>', ["a.webp", "b.webp", "c.jpg"]),
    ('<video src="v.mp4" poster="v.jpg"><track src="v.vtt"></video>', ["v.mp4", "v.jpg", "v.vtt"]),
    ('<audio src="a.mp3"></audio><embed src="e.pdf"><iframe src="f.html"></iframe>', ["a.mp3", "e.pdf", "f.html"]),
    ('<object data="o.svg"></object><map><area href="m.html" alt=""></map>', ["o.svg", "m.html"]),
    ('<form action="tim/"></form><input type="image" src="nut.png" alt="">', ["tim/", "nut.png"]),
    ('<link rel="stylesheet" href="s.css"><script src="j.js"></script>', ["s.css", "j.js"]),
    ('<svg><use href="#bieu-tuong"/><use xlink:href="#khac"/><image href="h.png"/></svg>', ["#bieu-tuong", "#khac", "h.png"]),
    ('<meta http-equiv="Refresh" content="0; URL=\'moi/\'">', ["moi/"]),
    ('<a href="mot.html" href="hai.html">x</a>', ["mot.html"]),
]

# HTML that holds no link a browser would follow
NO_LINKS = [
    '<!-- <a href="ghi-chu.html">x</a> -->',
    '<!--\n<img src="ghi-chu.png">\n-->',
    "<script>var s = '<a href=\"trong-script.html\">';</script>",
    "<style>/* <a href=\"trong-style.html\"> */ a { color: red }</style>",
    '<p data-href="khong-phai-lien-ket.html">x</p>',
    '<a>khong co href</a><a name="moc">x</a>',
    '<meta name="description" content="0; url=khong-phai.html">',
    '<meta http-equiv="refresh" content="30">',
    '<input type="text" src="khong-tai.png"><input src="cung-khong.png">',
]


@pytest.mark.parametrize(("html", "expected"), LINKS)
def test_links_are_read_however_the_html_writes_them(html: str, expected: list[str]):
    assert [link.target for link in parse_page("trang/index.html", html).links] == expected


@pytest.mark.parametrize("html", NO_LINKS)
def test_comments_scripts_and_other_attributes_hold_no_links(html: str):
    assert parse_page("trang/index.html", html).links == []


def test_fragment_targets_are_ids_and_anchor_names_only():
    page = parse_page("trang/index.html", """
        <h2 ID="chu-hoa">x</h2><span id='nhay-don'></span><div id=khong-nhay></div>
        <a name="moc-cu">x</a><p id="">rỗng</p>
        <meta name="meta-ten"><input name="o-nhap"><form name="bieu-mau"></form>
        <!-- <span id="trong-ghi-chu"></span> -->
        <script>document.write('<span id="trong-script"></span>')</script>
        <svg><g id="trong-svg"></g></svg>
        <h3 id="ph&#7909;-l&#7909;c">Phụ lục</h3>
    """)
    assert page.ids == {"chu-hoa", "nhay-don", "khong-nhay", "moc-cu", "trong-svg", "phụ-lục"}


def test_each_link_knows_its_line_in_the_built_file():
    page = parse_page("trang/index.html", '<p>\n<a href="a.html">a</a>\n\n<img\n src="b.png">\n')
    assert [(link.target, link.line) for link in page.links] == [("a.html", 2), ("b.png", 4)]


def test_base_and_canonical_addresses_are_kept():
    page = parse_page("index.html", '<head><base href="/goc/"><base href="/thu-hai/">'
                                    '<link rel="Canonical" href="https://vi-du.github.io/minhbach/"></head>')
    assert (page.base, page.canonical) == ("/goc/", "https://vi-du.github.io/minhbach/")


def test_broken_html_is_read_without_an_error():
    page = parse_page("x.html", '<a href="a.html"<p id="x"><a href="b.html>x</a><!-- không đóng <a href="c.html">')
    assert isinstance(page.links, list)


@pytest.mark.parametrize(("value", "expected"), [
    ("a.png", ["a.png"]),
    ("a.png 1x,b.png 2x", ["a.png", "b.png"]),
    ("  a.png  1x ,  b.png   2x  ", ["a.png", "b.png"]),
    ("a.png,b.png 2x", ["a.png,b.png"]),  # a URL runs to whitespace, commas and all
    ("a.png 100w, b.png (chú thích, có phẩy) 2x, c.png 3x", ["a.png", "b.png", "c.png"]),
    ("hinh,1.png 1x, hinh,2.png 2x", ["hinh,1.png", "hinh,2.png"]),
    ("", []),
    (" , , ", []),
])
def test_srcset_lists_follow_the_html_standard(value: str, expected: list[str]):
    assert srcset_urls(value) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("0; url=moi/", "moi/"),
    ("0;URL='moi/'", "moi/"),
    ('5, url="moi/"', "moi/"),
    ("0; moi/", "moi/"),
    ("30", ""),
])
def test_refresh_urls_follow_the_html_standard(content: str, expected: str):
    assert refresh_url(content) == expected


def test_sitemaps_and_atom_feeds_give_their_links_with_lines():
    sitemap = (b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               b"<url><loc> https://vi-du.github.io/minhbach/ </loc></url>\n<url>\n<loc>https://vi-du.github.io/minhbach/thu-tuc/</loc>"
               b"</url>\n</urlset>\n")
    assert [(link.target, link.line) for link in parse_xml("sitemap.xml", sitemap).links] == [
        ("https://vi-du.github.io/minhbach/", 3), ("https://vi-du.github.io/minhbach/thu-tuc/", 5)]
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom">\n<link rel="self" href="feed.xml"/>\n<entry>\n'
            '<link rel="alternate" href="thông-báo/"/><title>Có &lt;link href="khong.html"&gt;</title></entry></feed>').encode()
    assert [(link.target, link.line) for link in parse_xml("thong-bao/feed.xml", feed).links] == [("feed.xml", 2), ("thông-báo/", 4)]
    other = b'<svg xmlns="http://www.w3.org/2000/svg"><link href="khong.html"/><loc>khong</loc></svg>'
    assert parse_xml("anh.xml", other).links == [] and parse_xml("hong.xml", b"<feed><link").links == []


def test_calendars_give_their_url_properties_unfolded():
    calendar = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Có URL:khong.html trong chữ\r\nURL:https://vi-du.github.io/minhbach/thong-bao/h\r\n"
                " oi-cho/\r\nURL;VALUE=URI:../khac/\r\nDESCRIPTION:x\r\n\tURL:khong\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert [(link.target, link.line) for link in parse_calendar("thong-bao/events.ics", calendar).links] == [
        ("https://vi-du.github.io/minhbach/thong-bao/hoi-cho/", 4), ("../khac/", 6)]
