"""The strict feed reader gives what feedparser gives, or gives up (None) and leaves the feed to feedparser.

Each case reads one document both ways and compares the entries the daemon would make from each: the
test data's real feeds, hand-written edge cases, and generated feeds (hypothesis) whose text fields carry
entities, CDATA, markup, C1 controls, UTF-8 read as latin-1 and odd whitespace, in varied element orders.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.parse import feed as feed_module
from monitor.parse.encoding import decode
from monitor.parse.feed import parse_feed
from monitor.parse.feedxml import read_feed

from .conftest import read_bytes

URL = "https://news.example/rss/world.rss"
FEEDS = ["baoquocte/feed.xml", "nato/rss.xml", "vnexpress/the-gioi.rss"]


def both_ways(body: bytes, content_type: str = "application/rss+xml"):
    """(strict reader's FeedResult or None, feedparser's FeedResult) for one document."""
    if read_feed(decode(body, content_type)) is None:
        strict = None
    else:
        strict = parse_feed(body, URL, content_type)
    original = feed_module.read_feed
    feed_module.read_feed = lambda *args, **kwargs: None
    try:
        loose = parse_feed(body, URL, content_type)
    finally:
        feed_module.read_feed = original
    return strict, loose


def assert_same(body: bytes, content_type: str = "application/rss+xml") -> None:
    strict, loose = both_ways(body, content_type)
    assert strict is not None, "the strict reader gave up on a plain feed"
    assert strict.entries == loose.entries
    assert (strict.title, strict.link, strict.language) == (loose.title, loose.link, loose.language)


@pytest.mark.parametrize("rel", FEEDS)
def test_real_feeds_read_the_same(rel):
    assert_same(read_bytes(rel))


def rss(items: str, channel: str = "<title>World</title><link>https://news.example/</link>") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            f'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">'
            f"<channel>{channel}{items}</channel></rss>").encode()


def atom(entries: str, head: str = "<title>World</title>") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">'
            f"{head}{entries}</feed>").encode()


EDGE_CASES = {
    "guid before link, link wins": rss("<item><guid>https://a.example/g</guid><link>/x</link><title>T</title></item>"),
    "permalink guid is the link": rss("<item><guid>https://a.example/g</guid><title>T</title></item>"),
    "relative permalink guid": rss("<item><guid>p/17</guid><title>T</title></item>"),
    "guid not a permalink": rss('<item><guid isPermaLink="false">x-1</guid><link>/a</link></item>'),
    "two links, the last wins": rss("<item><link>/a</link><link>/b</link></item>"),
    "atom link in an rss item": rss('<item><atom:link href="/alt"/><atom:link rel="self" href="/s"/></item>'),
    "first non-empty title": rss("<item><title></title><title>One</title><link>/a</link></item>"),
    "empty guid": rss("<item><guid></guid><link>/a</link></item>"),
    "decomposed guid and link": rss("<item><guid isPermaLink='false'>cafe\u0301</guid><link>/cafe\u0301</link></item>"),
    "html-looking title": rss("<item><title>AT&amp;amp;T &lt;b&gt;wins&lt;/b&gt;</title><link>/a</link></item>"),
    "plain title with a bracket": rss("<item><title>a &lt; b &amp; c</title><link>/a</link></item>"),
    "unknown tag in a title": rss("<item><title>&lt;blink&gt;x&lt;/blink&gt;</title><link>/a</link></item>"),
    "content before description": rss(
        "<item><link>/a</link><content:encoded><![CDATA[<p>Body one.</p><p>Two.</p>]]></content:encoded>"
        "<description>Lead.</description></item>"),
    "content only": rss("<item><link>/a</link><content:encoded>&lt;p&gt;A.&lt;/p&gt;&lt;p&gt;B.&lt;/p&gt;"
                        "</content:encoded></item>"),
    "two descriptions": rss("<item><link>/a</link><description>One</description>"
                            "<description>&lt;p&gt;Two&lt;/p&gt;</description></item>"),
    "dc:date only": rss("<item><link>/a</link><dc:date>2025-09-19T12:00:00+02:00</dc:date></item>"),
    "pubDate and dc:date": rss("<item><link>/a</link><dc:date>2025-09-19T12:00:00Z</dc:date>"
                               "<pubDate>Thu, 06 Feb 2025 20:30:00 +0700</pubDate></item>"),
    "pubDate EST": rss("<item><link>/a</link><pubDate>Thu, 06 Feb 2025 20:30:00 EST</pubDate></item>"),
    "pubDate GMT+7": rss("<item><link>/a</link><pubDate>Thứ bảy, 24/8/2025, 09:00 (GMT+7)</pubDate></item>"),
    "no link at all": rss("<item><title>lost</title></item><item><link>/b</link></item>"),
    "query escaped twice": rss("<item><link>/a?x=1&amp;amp;y=2</link></item>"),
    "channel image and language": rss(
        "<item><link>/a</link></item>",
        "<image><title>Logo</title><link>https://img.example/</link><url>https://img.example/l.png</url></image>"
        "<title>World &amp; more</title><language>vi-VN</language><atom:link rel='self' href='https://x/'/>"),
    "media thumbnail": rss('<item><link>/a</link><media:thumbnail url="https://img.example/1.jpg"/>'
                           '<media:content url="https://img.example/1.mp4"/><title>T</title></item>'),
    "C1 controls and mojibake": rss("<item><link>/a</link><title>\u0093quoted\u0094 cafÃ©</title>"
                                    "<description>Gi\u00c3\u00a1 v\u00c3\u00a0ng</description></item>"),
    "source element": rss("<item><source url='https://s/'>Other</source><title>Mine</title><link>/a</link></item>"),
    "atom entry": atom('<entry><title type="html">&lt;i&gt;Hi&lt;/i&gt;</title><link href="/n/1"/>'
                       "<id>tag:x,1</id><updated>2025-09-19T12:00:00+02:00</updated>"
                       '<content type="html">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>'),
    "atom id then link": atom('<entry><id>https://a.example/1</id><title>x</title>'
                              '<link rel="alternate" type="text/html" href="/n/2"/>'
                              '<link rel="enclosure" href="/e.mp3"/></entry>'),
    "atom rel and type in capitals": atom("<entry><id>tag:x,1</id><title>x</title>"
                                          "<link rel='Alternate' type='text/HTML' href='/n/1'/></entry>"),
    "atom href with an escaped ampersand": atom("<entry><id>tag:x,1</id><link href='/n?a=1&amp;amp;b=2'/></entry>"),
    "atom id only": atom("<entry><id>https://a.example/1</id><title>x</title></entry>"),
    "atom text title": atom("<entry><title>a &lt;b&gt;c&lt;/b&gt;</title><link href='/a'/>"
                            "<summary>S</summary><content>C</content><published>2025-01-02</published></entry>"),
    "atom feed link and author": atom(
        "<entry><link href='/a'/><author><name>N</name></author><source><title>S</title></source></entry>",
        "<title>F</title><link href='https://news.example/'/><link rel='self' href='https://news.example/a'/>"),
}


@pytest.mark.parametrize("name", list(EDGE_CASES))
def test_edge_cases_read_the_same(name):
    assert_same(EDGE_CASES[name])


GIVE_UP = {
    "not well-formed": rss("<item><link>/a</link><title>x & y</title></item>"),
    "undefined entity": rss("<item><link>/a</link><title>x&nbsp;y</title></item>"),
    "media title": rss("<item><link>/a</link><media:title>Other</media:title></item>"),
    "itunes summary": rss("<item><link>/a</link><itunes:summary xmlns:itunes="
                          "'http://www.itunes.com/dtds/podcast-1.0.dtd'>S</itunes:summary></item>"),
    "dc description": rss("<item><link>/a</link><dc:description>S</dc:description></item>"),
    "unknown element": rss("<item><link>/a</link><summary>S</summary></item>"),
    "two titles": rss("<item><title>One</title><source url='https://s/'>S</source><title>Two</title>"
                      "<link>/a</link></item>"),
    "a link inside a category": rss("<item><link>/a</link><category><link>/b</link></category></item>"),
    "a description inside comments": rss("<item><link>/a</link><comments><description>X</description>"
                                         "</comments></item>"),
    "an image inside an item": rss("<item><link>/a</link><image><title>Img</title></image></item>"),
    "a date inside the channel's image": rss("<item><link>/a</link></item>",
                                             "<image><pubDate>Thu, 06 Feb 2025 20:30:00 GMT</pubDate></image>"),
    "markup inside a field": rss("<item><link>/a</link><description><p>raw</p></description></item>"),
    "xml:base": rss("<item xml:base='https://b.example/'><link>/a</link></item>"),
    "xhtml content": atom("<entry><link href='/a'/><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>"
                          "<p>x</p></div></content></entry>"),
    "base64 content": atom("<entry><link href='/a'/><content type='application/octet-stream'>eA==</content></entry>"),
    "rss 1.0": b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
               b'<item rdf:about="https://a/1"><title>x</title><link>https://a/1</link></item></rdf:RDF>',
    "atom 0.3": b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>x</title></entry></feed>',
}


@pytest.mark.parametrize("name", list(GIVE_UP))
def test_what_it_does_not_know_is_left_to_feedparser(name):
    strict, loose = both_ways(GIVE_UP[name])
    assert strict is None
    # and parse_feed still reads it, through feedparser
    original = parse_feed(GIVE_UP[name], URL, "application/rss+xml")
    assert original.entries == loose.entries


@pytest.mark.parametrize("content_type", ["application/rss+xml; charset=iso-8859-1", "application/rss+xml"])
def test_utf8_labeled_latin1_reads_as_utf8(content_type):
    """A feed generator's common mistake: UTF-8 bytes under a latin-1 label (header or XML declaration)."""
    body = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>t</title><item>'
            "<title>Café – Noël, Thổ Nhĩ Kỳ</title><guid isPermaLink='false'>Noël-1</guid>"
            "<link>https://a.example/x</link></item></channel></rss>").encode()
    assert_same(body, content_type)
    entry = parse_feed(body, URL, content_type).entries[0]
    assert (entry.title, entry.guid) == ("Café – Noël, Thổ Nhĩ Kỳ", "Noël-1")


def test_real_latin1_stays_latin1():
    body = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>t</title><item>'
            "<title>Café à Noël</title><link>https://a.example/x</link></item></channel></rss>").encode("latin-1")
    assert_same(body)
    assert parse_feed(body, URL, "application/rss+xml").entries[0].title == "Café à Noël"


def test_the_strict_reader_is_used_for_plain_feeds():
    doc = read_feed(decode(read_bytes("vnexpress/the-gioi.rss")))
    assert doc is not None and len(doc.items) == 3
    assert all(item.published and item.published.tzinfo is UTC for item in doc.items)
    assert isinstance(doc.items[0].published, datetime)


# -- generated feeds ------------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "Kosovo", "binh sĩ", "4.200", " ", "  \n ", "&amp;", "&lt;b&gt;", "&lt;/b&gt;", "&lt;p&gt;", "&lt;/p&gt;",
    "&amp;amp;", "&amp;nbsp;", "&#233;", "&lt;", "&gt;", "\u0093", "\u0085", "Ã©", "cafÃ", "Thổ Nhĩ Kỳ", "'",
    '"', "&lt;script&gt;x&lt;/script&gt;", "&lt;br/&gt;", "&amp;copy;", "&amp;bogus;", "\t",
])
_TEXT = st.lists(_PIECES, max_size=8).map("".join)
_DATES = st.sampled_from([
    "Thu, 06 Feb 2025 20:30:00 +0700", "Thu, 06 Feb 2025 20:30:00 GMT", "6 Feb 2025 20:30 EST",
    "2025-02-06T20:30:00Z", "2025-02-06T20:30:00.5+07:00", "2025-02-06", "19 Sep. 2025 12:00:00 GMT",
    "Thứ Ba, 22:35, 26/08/2025", "yesterday", "",
])


@st.composite
def rss_items(draw):
    items = []
    for n in range(draw(st.integers(1, 4))):
        parts = []
        if draw(st.booleans()):
            parts.append(f"<title>{draw(_TEXT)}</title>")
        if draw(st.booleans()):
            parts.append(f"<link>/a/{n}?q={draw(st.sampled_from(['1', '1&amp;r=2', '1&amp;amp;r=2']))}</link>")
        if draw(st.booleans()):
            permalink = draw(st.sampled_from(["", ' isPermaLink="false"', ' isPermaLink="true"']))
            guid = draw(st.sampled_from([f"https://g.example/{n}", f"id-{n}", f"/rel/{n}"]))
            parts.append(f"<guid{permalink}>{guid}</guid>")
        for _ in range(draw(st.integers(0, 2))):
            parts.append(f"<description>{draw(_TEXT)}</description>")
        if draw(st.booleans()):
            parts.append(f"<content:encoded><![CDATA[{draw(_TEXT)}]]></content:encoded>")
        if draw(st.booleans()):
            parts.append(f"<pubDate>{escape(draw(_DATES))}</pubDate>")
        if draw(st.booleans()):
            parts.append(f"<dc:date>{escape(draw(_DATES))}</dc:date>")
        if draw(st.booleans()):
            parts.append('<media:thumbnail url="https://i.example/1.jpg"/><category>World</category>')
        items.append("<item>" + "".join(draw(st.permutations(parts))) + "</item>")
    return "".join(items)


@st.composite
def atom_entries(draw):
    entries = []
    for n in range(draw(st.integers(1, 3))):
        parts = [f"<id>{draw(st.sampled_from([f'https://g.example/{n}', f'tag:x,{n}']))}</id>"]
        kind = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
        parts.append(f"<title{kind}>{draw(_TEXT)}</title>")
        if draw(st.booleans()):
            rel = draw(st.sampled_from(["", ' rel="alternate"', ' rel="related"']))
            parts.append(f'<link{rel} href="/e/{n}"/>')
        if draw(st.booleans()):
            parts.append(f"<summary{kind}>{draw(_TEXT)}</summary>")
        if draw(st.booleans()):
            parts.append(f'<content type="html">{draw(_TEXT)}</content>')
        if draw(st.booleans()):
            parts.append(f"<updated>{escape(draw(_DATES))}</updated>")
        if draw(st.booleans()):
            parts.append(f"<published>{escape(draw(_DATES))}</published>")
        entries.append("<entry>" + "".join(draw(st.permutations(parts))) + "</entry>")
    return "".join(entries)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=rss_items(), title=_TEXT)
def test_generated_rss_reads_the_same(items, title):
    assert_same(rss(items, f"<title>{title}</title><link>https://news.example/</link>"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=atom_entries())
def test_generated_atom_reads_the_same(entries):
    assert_same(atom(entries), "application/atom+xml")
