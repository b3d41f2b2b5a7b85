from datetime import UTC, datetime

import pytest

from monitor.parse import BlockedPage, EntityDeclared, NotAFeed, ParseError, parse_feed

BQT_FEED = "https://baoquocte.vn/rss_feed/"
RSS_CT = "application/rss+xml; charset=utf-8"


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def bqt(data):
    return parse_feed(data.read_bytes("baoquocte/feed.xml"), BQT_FEED, RSS_CT)


def test_baoquocte_feed_items(bqt):
    assert bqt.title == "Thế giới 24h"
    assert bqt.warnings == []
    assert [e.url for e in bqt.entries] == [
        "https://baoquocte.vn/gia-vang-hom-nay-15-6-2023-230390.html",  # relative <link> resolved
        "https://baoquocte.vn/nato-va-eu-thao-luan-tinh-hinh-kosovo-230412.html",
        "https://baoquocte.vn/world-cup-nu-2023-doi-tuyen-viet-nam-len-duong-230350.html",
    ]
    assert [e.published for e in bqt.entries] == [
        utc(2023, 6, 15, 4, 5),
        utc(2023, 6, 15, 3, 25),
        utc(2023, 6, 15, 2, 40),
    ]


def test_baoquocte_seed_item_full_text(bqt):
    seed = bqt.entries[1]
    assert seed.title == "NATO và EU thảo luận tình hình Kosovo"
    assert seed.guid == "https://baoquocte.vn/nato-va-eu-thao-luan-tinh-hinh-kosovo-230412.html"
    assert seed.summary.startswith("Ngày 14/6, Phó Tổng thư ký")  # img dropped, "TG&VN." stripped
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("Ngày 14/6, Phó Tổng thư ký")
    assert "4.200 binh sĩ từ 27 quốc gia" in seed.body
    assert "Nguồn: NATO" not in seed.body  # the caption cell of the image table
    assert bqt.entries[0].body == ""  # no content:encoded


def test_relative_links_resolve_against_the_feed_url(data):
    result = parse_feed(data.read_bytes("baoquocte/feed.xml"), "http://127.0.0.1:8765/rss_feed/", RSS_CT)
    assert result.entries[0].url == "http://127.0.0.1:8765/gia-vang-hom-nay-15-6-2023-230390.html"
    assert result.entries[2].url.startswith("https://baoquocte.vn/")  # absolute links stay


def test_nato_rss_dates_and_html_description(data):
    result = parse_feed(
        data.read_bytes("nato/rss.xml"),
        "https://www.nato.int/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml",
        "application/rss+xml",
    )
    assert [e.published for e in result.entries] == [
        utc(2025, 9, 19, 12),
        utc(2025, 9, 17, 12),
        utc(2025, 8, 28, 12),
    ]
    first = result.entries[0]
    assert first.summary.startswith("The NATO Defence College in Rome opened") and "<p>" not in first.summary
    assert first.guid == "https://www.nato.int/cps/en/natohq/news_238114.htm"


def test_vnexpress_feed(data):
    result = parse_feed(
        data.read_bytes("vnexpress/the-gioi.rss"), "https://vnexpress.net/rss/the-gioi.rss", "text/xml"
    )  # no charset: feedparser warns, the entries are fine
    assert len(result.entries) == 3
    storm = result.entries[0]
    assert storm.title == "Bão Kajiki đổ bộ Hải Nam, hàng chục nghìn người sơ tán"
    assert storm.summary.startswith("Chính quyền tỉnh Hải Nam") and "<" not in storm.summary
    assert storm.published == utc(2025, 8, 24, 2)
    assert storm.url == storm.guid


def test_title_entities_and_markup_removed():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>NATO &amp;amp; EU &lt;b&gt;talks&lt;/b&gt;</title><link>https://x.test/1</link></item>
    </channel></rss>"""
    result = parse_feed(body, "https://x.test/feed", "application/rss+xml")
    assert result.entries[0].title == "NATO & EU talks"


def test_bozo_feed_with_entries_is_accepted_with_a_warning(data):
    body = data.read_bytes("nato/rss.xml").replace(
        b"Science for Peace and Security Programme supports", b"Science & Peace Programme supports"
    )
    result = parse_feed(body, "https://www.nato.int/rss.xml", "application/rss+xml")
    assert len(result.entries) == 3
    assert result.entries[1].title.startswith("NATO Science & Peace Programme")
    assert result.warnings and "SAXParseException" in result.warnings[0]


def test_unparsed_date_falls_back_to_parse_date():
    body = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
      <item><title>a</title><link>/a-post1.vov</link><pubDate>Thứ Ba, 11/07/2023 06:15</pubDate></item>
      <item><title>b</title><link>/b-post2.vov</link>
        <pubDate>Thứ bảy, 24/8/2025, 09:00 (GMT+7)</pubDate></item>
    </channel></rss>""".encode()
    result = parse_feed(body, "https://vov.vn/rss/the-gioi.rss", "application/rss+xml")
    assert [e.url for e in result.entries] == ["https://vov.vn/a-post1.vov", "https://vov.vn/b-post2.vov"]
    assert [e.published for e in result.entries] == [utc(2023, 7, 10, 23, 15), utc(2025, 8, 24, 2)]


def test_windows_1258_feed_gives_nfc_text(to_1258):
    xml = (
        '<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel><title>Thế giới</title>'
        "<item><title>Thượng đỉnh NATO 2023</title><link>https://vov.vn/a</link>"
        "<description>Tổng thư ký NATO Stoltenberg</description></item></channel></rss>"
    )
    result = parse_feed(to_1258(xml), "https://vov.vn/rss", "application/rss+xml")
    assert result.entries[0].title == "Thượng đỉnh NATO 2023"
    assert "Thượng đỉnh" in result.entries[0].title  # NFC, as the rules expect
    assert result.entries[0].summary == "Tổng thư ký NATO Stoltenberg"


def test_atom_feed():
    body = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title type="html">&lt;i&gt;Hi&lt;/i&gt;</title><link href="/n/1"/><id>tag:x,1</id>
      <updated>2025-09-19T12:00:00+02:00</updated>
      <content type="html">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content>
      </entry></feed>"""
    result = parse_feed(body, "https://x.test/atom.xml", "application/atom+xml")
    entry = result.entries[0]
    assert (entry.url, entry.title, entry.guid) == ("https://x.test/n/1", "Hi", "tag:x,1")
    assert entry.body == "One.\n\nTwo." and entry.published == utc(2025, 9, 19, 10)


def test_entity_declaration_refused():
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;"> ]>
<rss version="2.0"><channel><title>&lol2;</title><item><title>a</title><link>https://x.test/a</link></item></channel></rss>"""
    with pytest.raises(EntityDeclared):
        parse_feed(body, "https://x.test/feed", "application/rss+xml")
    with pytest.raises(ParseError):
        parse_feed(body.replace(b"ENTITY", b"entity"), "https://x.test/feed", "application/rss+xml")


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss [<?x <a?><!ENTITY lol "lol">]>',  # a '<' and a name inside the DOCTYPE are not the root
    '<!DOCTYPE rss SYSTEM "<a" [<!ENTITY lol "lol">]>',
    "<!DOCTYPE rss [<!-- it's <a> --><!ENTITY lol 'lol'>]>",
])
def test_entity_declaration_refused_behind_markup_in_the_doctype(doctype):
    body = (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>&lol;</title>'
            "<item><title>a</title><link>https://x.test/a</link></item></channel></rss>").encode()
    with pytest.raises(EntityDeclared):
        parse_feed(body, "https://x.test/feed", "application/rss+xml")


def test_doctype_with_a_subset_and_no_entity_is_read():
    body = b"""<?xml version="1.0"?><!DOCTYPE rss [<!-- it's a note --><!ATTLIST rss x CDATA "a>b">]>
<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://x.test/a</link></item></channel></rss>"""
    assert len(parse_feed(body, "https://x.test/feed", "application/rss+xml").entries) == 1


def test_doctype_without_entities_is_fine():
    body = b"""<?xml version="1.0"?><!-- <!ENTITY in a comment --><!DOCTYPE rss>
<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://x.test/a</link></item></channel></rss>"""
    assert len(parse_feed(body, "https://x.test/feed", "application/rss+xml").entries) == 1


def test_html_page_is_not_a_feed(data):
    with pytest.raises(NotAFeed, match="not a feed"):
        parse_feed(data.read_bytes("vov/listing.html"), "https://vov.vn/rss/the-gioi.rss", "text/html")


def test_block_page_instead_of_a_feed(data):
    with pytest.raises(BlockedPage):
        parse_feed(
            data.read_bytes("blocked/cloudflare-just-a-moment.html"), "https://vov.vn/rss", "text/html"
        )


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not xml at all",
        b"<?xml version='1.0'?><rss><channel><title>x</tit",
        b"<?xml version='1.0'?><root><a/></root>",
    ],
)
def test_garbage_is_not_a_feed(body):
    with pytest.raises(NotAFeed):
        parse_feed(body, "https://x.test/feed", "application/xml")


def test_valid_feed_with_no_items_is_empty_not_an_error():
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    result = parse_feed(body, "https://x.test/feed", "application/rss+xml")
    assert result.entries == [] and result.title == "Empty"


def test_item_without_link_is_skipped_with_a_warning():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>no link</title><guid isPermaLink="false">123</guid></item>
      <item><title>ok</title><guid>https://x.test/ok</guid></item></channel></rss>"""
    result = parse_feed(body, "https://x.test/feed", "application/rss+xml")
    assert [e.url for e in result.entries] == ["https://x.test/ok"]
    assert any("no link" in w for w in result.warnings)


def test_markup_in_items_never_reaches_the_text():
    """feedparser's sanitizer is off (we keep text, not markup): scripts, styles, frames, comments and CDATA
    markup in a title, description or content:encoded still leave only the words a reader sees."""
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        b'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
        b"<item><title>KFOR &lt;b&gt;update&lt;/b&gt;</title><link>/a/1.html</link>"
        b"<description><![CDATA[<p>Lead <script>alert('KFOR troops')</script>text.</p>"
        b"<style>p{color:red}</style><!-- 700 troops --><iframe src='x'>framed</iframe>]]></description>"
        b"<content:encoded><![CDATA[<p>First <a href='/rel'>link</a>.</p><svg><text>drawn</text></svg>"
        b"<p onclick='x()'>Second <noscript>no js</noscript>para.</p>]]></content:encoded></item>"
        b"</channel></rss>"
    )
    (entry,) = parse_feed(body, "https://example.test/feed/", RSS_CT).entries
    assert entry.title == "KFOR update"
    assert entry.summary == "Lead text."
    assert entry.body == "First link.\n\nSecond para."
    assert entry.url == "https://example.test/a/1.html"


def test_an_items_guid_does_not_depend_on_the_feeds_address():
    """A guid is the feed's own identifier: were it joined with the feed's URL (feedparser does, given a
    base), moving the feed to https or behind a redirect would make every item look new."""
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            b"<item><title>A</title><link>/a/1.html</link><guid isPermaLink=\"false\">12345</guid></item>"
            b"<item><title>B</title><link>https://example.test/a/2.html</link><guid>tag:example.test,2025:2</guid>"
            b"</item></channel></rss>")
    old = parse_feed(body, "http://example.test/rss", RSS_CT).entries
    moved = parse_feed(body, "https://www.example.test/feeds/news.xml", RSS_CT).entries
    assert [e.guid for e in old] == [e.guid for e in moved] == ["12345", "tag:example.test,2025:2"]
    assert [e.url for e in old] == ["http://example.test/a/1.html", "https://example.test/a/2.html"]
    assert moved[0].url == "https://www.example.test/a/1.html"  # a relative link: against the final URL
