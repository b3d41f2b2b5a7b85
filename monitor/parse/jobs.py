"""The jobs the pipeline hands to a worker process: plain functions, bytes (or entries) in, records out.

They live here, apart from the pipeline, so a worker imports only the parsers and the pure stages
after them (normalize, rules, fingerprint), never the store or the fetcher.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from monitor.config import Config, Settings
from monitor.dedup import fingerprint
from monitor.normalize import canonical_url, make_article
from monitor.parse.encoding import decode
from monitor.parse.errors import BlockedPage
from monitor.parse.feed import parse_feed
from monitor.parse.page import extract_article, find_links, looks_blocked
from monitor.parse.sitemap import SitemapLink, parse_sitemap
from monitor.records import Article, Entry, Extraction, Match, Source
from monitor.rules import TopicSet, match_all


@dataclass(frozen=True)
class Prepared:
    """A feed item made ready to store: the clean article, its topic matches and, when it matches a topic, its
    body's fingerprint (only the alerts' articles are ever compared for near-duplicates; see Store.save_articles).

    An article that matched no topic comes without its summary and body: the store keeps only its keys, its
    URL and content hash say whether it is a copy, and each text sent back from a worker costs both processes."""

    article: Article
    matches: tuple[Match, ...]
    fingerprint: str | None


@dataclass(frozen=True)
class FeedRead:
    """A feed read by a worker, and each entry made ready to store there too, unless the poller's hint said it
    was already stored (None in ``prepared``): a cold feed then costs one trip to a worker, not two. An entry made
    ready goes back as its article only (None in ``entries``): the daemon needs the entry itself only to prepare
    it or to fetch its page, and each text sent back costs both processes."""

    warnings: list[str]  # the feed's: bozo errors and skipped items
    entries: list[Entry | None]
    keys: list[list[str]]  # each entry's item_keys
    prepared: list[Prepared | None]


def item_keys(source: Source, url: str, guid: str | None = None) -> list[str]:
    """The keys an item is known by in the store: its canonical URL, and the source's guid for it."""
    keys = [f"url:{canonical_url(url)}"]
    if guid:
        keys.append(f"guid:{source.id}:{guid.strip()}")
    return keys


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


def topics_config(config: Config) -> Config:
    """What a worker needs to compile the topics: the config without its sources, channels and settings
    (nothing secret leaves the daemon's process)."""
    return replace(config, sources=(), channels=(), settings=Settings())


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
