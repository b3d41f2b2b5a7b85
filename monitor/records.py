"""The small typed records that flow between the pipeline's stages.

config ─▶ Source ─▶ fetch ─▶ FetchResult ─▶ parse ─▶ Entry ─▶ normalize ─▶ Article
─▶ rules ─▶ Match ─▶ alerts ─▶ (Alert, Delivery rows in the store) ─▶ notify.

A parse worker reads a feed and prepares its new items (normalize, rules, fingerprint): it sends back a
``FeedRead`` of ``Prepared`` articles, which the daemon's process stores.

Only plain data lives here: no I/O, no behaviour beyond tiny helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Extraction:
    """How to get an article out of a page of one site: CSS selectors, all optional.

    Where a selector is missing the generic extractor decides.
    """

    links: str | None = None  # listing page: the <a> elements that lead to articles
    title: str | None = None  # article page: the headline
    summary: str | None = None  # article page: the lead / sapo
    body: str | None = None  # article page: the containers whose text is the article
    time: str | None = None  # article page: the element holding the visible date
    drop: tuple[str, ...] = ()  # article page: elements removed before anything is read


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # "feed" | "page" | "sitemap"
    url: str  # may hold {year} / {month} placeholders for a dated sitemap
    interval: float  # seconds between polls
    language: str = "en"
    name: str = ""
    full_text: bool = False  # feed: fetch each item's page for its full text
    link_pattern: str | None = None  # page / sitemap: regex an article URL must match
    max_items: int = 30  # page / sitemap / full-text feed: article pages fetched per poll at most
    extraction: Extraction = field(default_factory=Extraction)
    headers: tuple[tuple[str, str], ...] = ()  # extra request headers for this source
    robots_txt: bool = True  # False: this source is polled even where robots.txt disallows it
    politeness_delay: float | None = None  # seconds between requests to its host; None: [monitor]'s

    @property
    def host(self) -> str:
        from urllib.parse import urlsplit

        return (urlsplit(self.url).hostname or "").lower()


@dataclass(frozen=True)
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int  # HTTP status (0 when no response arrived)
    headers: dict[str, str]  # lower-cased names
    body: bytes
    elapsed: float  # seconds

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class Entry:
    """One item as a parser found it, before normalization."""

    url: str
    title: str = ""
    summary: str = ""
    body: str = ""
    published: datetime | None = None
    guid: str | None = None
    canonical_url: str | None = None  # from <link rel=canonical> / og:url, when the page gives it


@dataclass(frozen=True)
class Article:
    """A clean, normalized article: NFC text, canonical URL, UTC time, content hash."""

    source_id: str
    url: str  # canonical
    guid: str | None
    title: str
    summary: str
    body: str
    published: datetime | None  # aware, UTC
    language: str
    content_hash: str

    def text_fields(self) -> dict[str, str]:
        return {"title": self.title, "summary": self.summary, "body": self.body}


@dataclass(frozen=True)
class Hit:
    """One term of a query found in one field."""

    term: str  # the term as the analyst wrote it
    field: str  # "title" | "summary" | "body"
    text: str  # the words as they stand in the article


@dataclass(frozen=True)
class Evidence:
    hits: tuple[Hit, ...]
    snippet: str  # a short passage around the first hit, matched words in «»

    def to_json(self) -> dict:
        return {
            "terms": sorted({h.term for h in self.hits}),
            "fields": sorted({h.field for h in self.hits}),
            "hits": [{"term": h.term, "field": h.field, "text": h.text} for h in self.hits],
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class Fact:
    topic: str
    kind: str  # "total" | "change"
    value: int
    text: str  # the sentence it came from

    def to_json(self) -> dict:
        return {"topic": self.topic, "kind": self.kind, "value": self.value, "text": self.text}


@dataclass(frozen=True)
class Match:
    topic_id: str
    topic_name: str
    score: float
    evidence: Evidence
    facts: tuple[Fact, ...] = ()


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
