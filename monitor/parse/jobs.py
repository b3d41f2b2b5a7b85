"""The jobs the pipeline hands to a worker process: plain functions, bytes (or entries) in, records out.

They live here, apart from the pipeline, so a worker imports only the parsers and the pure stages
after them (normalize, rules, fingerprint), never the store or the fetcher; and the daemon's process, which
names them (``monitor.pipeline``'s ``Job``s), never imports this module. What they send back is in
``monitor.records`` (``FeedRead``, ``Prepared``).
"""

from __future__ import annotations

from dataclasses import replace

from monitor.dedup import fingerprint
from monitor.normalize import item_keys, make_article
from monitor.parse.encoding import decode
from monitor.parse.errors import BlockedPage
from monitor.parse.feed import parse_feed
from monitor.parse.page import extract_article, find_links, looks_blocked
from monitor.parse.sitemap import SitemapLink, parse_sitemap
from monitor.records import Entry, Extraction, FeedRead, Prepared, Source
from monitor.rules import TopicSet, match_all


def read_feed_job(body: bytes, url: str, content_type: str, source: Source, topics: TopicSet | None,
                  stored: frozenset[str]) -> FeedRead:
    """Parse a feed and prepare its entries whose first key is not in ``stored`` (none without ``topics``).

    ``stored`` is only a hint to save work: the poller still asks the store which entries are new, and
    prepares any new entry the hint made this skip."""
    feed = parse_feed(body, url, content_type, source.language)
    keys = [item_keys(source, entry.url, entry.guid) for entry in feed.entries]  # every entry has a URL
    entries: list[Entry | None] = []
    prepared: list[Prepared | None] = []
    for entry, its_keys in zip(feed.entries, keys, strict=True):
        ready = None if topics is None or its_keys[0] in stored else prepare_articles(source, [entry], topics)[0]
        entries.append(None if ready else entry)
        prepared.append(ready)
    return FeedRead(feed.warnings, entries, keys, prepared)


def prepare_articles(source: Source, entries: list[Entry], topics: TopicSet) -> list[Prepared]:
    """Normalize, match and fingerprint a source's new items (the same as the pipeline did for each in turn)."""
    out = []
    for entry in entries:
        article = make_article(source, entry)
        matches = tuple(match_all(topics, article))
        if matches:
            out.append(Prepared(article, matches, fingerprint(article.summary, article.body)))
        else:
            out.append(Prepared(replace(article, summary="", body=""), (), None))
    return out


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
