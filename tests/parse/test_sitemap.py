import gzip
from datetime import UTC, datetime

import pytest

from monitor.parse import BlockedPage, EntityDeclared, NotASitemap, parse_sitemap, sitemap_children

NEWS = "https://www.nato.int/en/news-and-events/articles/news/"


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_nato_sitemap_filtered_and_newest_first(data):
    links = parse_sitemap(data.read_bytes("nato/sitemap.xml"), data.NATO_NEWS_PATTERN)
    assert [x.url.removeprefix(NEWS) for x in links] == [
        "2025/09/22/secretary-general-meets-the-prime-minister-of-iceland?selectedLocale=en",
        "2025/09/19/nato-defence-college-opens-new-senior-course",
        "2025/09/17/nato-science-for-peace-and-security-programme-supports-flood-forecasting-in-moldova",
        "2025/08/28/defence-expenditure-of-nato-countries-2014-2025",
    ]
    assert links[1].lastmod == utc(2025, 9, 19, 12, 2, 11)
    assert links[3].lastmod == utc(2025, 8, 28)
    assert not any(x.is_sitemap for x in links)


def test_sitemap_without_pattern_keeps_everything_undated_last(data):
    links = parse_sitemap(data.read_bytes("nato/sitemap.xml"), None)
    assert len(links) == 9
    assert links[0].url == "https://www.nato.int/en/news-and-events/articles/news"  # newest lastmod
    assert links[-1].url.endswith("/operations-and-missions/kfor") and links[-1].lastmod is None
    assert not any("/fr/" in x.url for x in links)  # xhtml:link alternates are not <loc>


SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://vov.vn/sitemaps/2025/7/article.xml</loc><lastmod>2025-08-01T00:05:00+07:00</lastmod></sitemap>
  <sitemap><loc>https://vov.vn/sitemaps/2025/8/article.xml</loc><lastmod>2025-09-01T00:05:00+07:00</lastmod></sitemap>
  <sitemap><loc>https://vov.vn/sitemaps/2025/8/video.xml</loc></sitemap>
</sitemapindex>"""


def test_sitemap_index_gives_child_sitemaps():
    children = sitemap_children(SITEMAP_INDEX)
    assert [c.url for c in children] == [
        "https://vov.vn/sitemaps/2025/8/article.xml",
        "https://vov.vn/sitemaps/2025/7/article.xml",
        "https://vov.vn/sitemaps/2025/8/video.xml",
    ]
    assert all(c.is_sitemap for c in children)
    # the article pattern does not filter sitemap URLs
    assert len(parse_sitemap(SITEMAP_INDEX, r"-post\d+\.vov$")) == 3
    assert sitemap_children(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>') == []


def test_gzip_sitemap(data):
    body = gzip.compress(data.read_bytes("nato/sitemap.xml"))
    assert len(parse_sitemap(body, data.NATO_NEWS_PATTERN)) == 4


def test_entity_declaration_refused():
    body = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.test/&x;</loc></url></urlset>"""
    with pytest.raises(EntityDeclared):
        parse_sitemap(body, None)


def test_not_a_sitemap(data):
    with pytest.raises(NotASitemap):
        parse_sitemap(data.read_bytes("nato/rss.xml"), None)
    with pytest.raises(NotASitemap):
        parse_sitemap(data.read_bytes("vov/listing.html"), None)
    with pytest.raises(NotASitemap):
        parse_sitemap(b"", None)
    with pytest.raises(BlockedPage):
        parse_sitemap(data.read_bytes("blocked/cloudflare-attention-required.html"), None)


def test_unescaped_ampersand_and_whitespace_tolerated():
    body = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>
        https://x.test/news/a-1?x=1&y=2
      </loc><lastmod>2025-01-02</lastmod></url>
      <url><loc>https://x.test/news/a-1?x=1&amp;y=2</loc></url>
      <url><loc>javascript:alert(1)</loc></url></urlset>"""
    links = parse_sitemap(body, r"/news/")
    assert [x.url for x in links] == ["https://x.test/news/a-1?x=1&y=2"]
