"""The parse jobs the pipeline hands to a worker process: plain functions, bytes in, records out.

They live here, apart from the pipeline, so a worker imports only the parsers.
"""

from __future__ import annotations

from monitor.parse.encoding import decode
from monitor.parse.errors import BlockedPage
from monitor.parse.feed import FeedResult, parse_feed
from monitor.parse.page import extract_article, find_links, looks_blocked
from monitor.parse.sitemap import SitemapLink, parse_sitemap
from monitor.records import Entry, Extraction


def feed_job(body: bytes, url: str, content_type: str, language: str) -> FeedResult:
    return parse_feed(body, url, content_type, language)


def sitemap_job(body: bytes, link_pattern: str | None, url: str) -> list[SitemapLink]:
    return parse_sitemap(body, link_pattern, url)


def listing_job(body: bytes, content_type: str, url: str, extraction: Extraction,
                link_pattern: str | None) -> list[str]:
    html = decode(body, content_type)
    _raise_if_blocked(html)
    return find_links(html, url, extraction, link_pattern)


def article_job(body: bytes, content_type: str, url: str, extraction: Extraction, language: str) -> Entry:
    html = decode(body, content_type)
    _raise_if_blocked(html)
    return extract_article(html, url, extraction, language)


def _raise_if_blocked(html: str) -> None:
    reason = looks_blocked(html)
    if reason:
        raise BlockedPage(reason)
