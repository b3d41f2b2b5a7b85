"""The parse stage: bytes in, records out; no network.

- ``decode`` — response bytes to NFC text (header, BOM, XML declaration, meta charset, sniffing).
- ``parse_date`` — the date formats of the monitored sites to aware UTC datetimes.
- ``clean_paragraphs`` / ``strip_boilerplate`` — drop related-news blocks, follow lines, captions,
  outlet prefixes and repeated lines from article text.
- ``parse_feed`` — RSS/Atom bytes to ``FeedResult`` (entries as ``Entry``).
- ``find_links`` / ``extract_article`` / ``looks_blocked`` — listing and article pages.
- ``parse_sitemap`` / ``sitemap_children`` — XML sitemaps and sitemap indexes.
"""

from typing import TYPE_CHECKING

from monitor.lazy import exports

_NAMES = {
    "clean_paragraphs": "boilerplate", "strip_boilerplate": "boilerplate", "parse_date": "dates", "decode": "encoding",
    "BlockedPage": "errors", "EntityDeclared": "errors", "NotAFeed": "errors", "NotASitemap": "errors",
    "ParseError": "errors", "FeedResult": "feed", "parse_feed": "feed", "check_selector": "page",
    "extract_article": "page", "find_links": "page", "looks_blocked": "page", "SitemapLink": "sitemap",
    "parse_sitemap": "sitemap", "sitemap_children": "sitemap",
}  # fmt: skip
__getattr__ = exports(__name__, _NAMES)  # each submodule imported when one of its names is first used

if TYPE_CHECKING:
    from monitor.parse.boilerplate import clean_paragraphs, strip_boilerplate
    from monitor.parse.dates import parse_date
    from monitor.parse.encoding import decode
    from monitor.parse.errors import BlockedPage, EntityDeclared, NotAFeed, NotASitemap, ParseError
    from monitor.parse.feed import FeedResult, parse_feed
    from monitor.parse.page import check_selector, extract_article, find_links, looks_blocked
    from monitor.parse.sitemap import SitemapLink, parse_sitemap, sitemap_children

__all__ = [
    "BlockedPage",
    "EntityDeclared",
    "FeedResult",
    "NotAFeed",
    "NotASitemap",
    "ParseError",
    "SitemapLink",
    "check_selector",
    "clean_paragraphs",
    "strip_boilerplate",
    "decode",
    "extract_article",
    "find_links",
    "looks_blocked",
    "parse_date",
    "parse_feed",
    "parse_sitemap",
    "sitemap_children",
]
