"""One poll of one source, end to end: fetch → parse → seen? → normalize → rules → store + alerts (outbox).

Pure stages (parse, normalize, rules, alerts) are called from here — parsing, and for every unseen item
(a feed's, an article page's) normalizing, matching and fingerprinting, run in the parse workers, under
the parse budget (the daemon's process holds no compiled topics); this module owns the
order, the budgets (how many article pages per poll) and the per-source error state.
A failure here is the source's own: it is recorded on the source and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from monitor import alerts as alert_text
from monitor import failing, noise
from monitor.config import Config
from monitor.errors import Blocked, FetchError
from monitor.fetch.client import Fetcher
from monitor.metrics import METRICS
from monitor.normalize import item_keys
from monitor.parse.budget import InlineParser, Job, ParsePool, ParseTimeout
from monitor.parse.errors import BlockedPage, EntityDeclared, NotAFeed, NotASitemap, ParseError
from monitor.records import Entry, Prepared, Source
from monitor.store import Store, utcnow
from monitor.store.db import ArticleToSave, NewAlert
from monitor.store.models import SourceState

log = logging.getLogger("monitor.pipeline")

# the workers' jobs (monitor.parse.jobs), by name: this process never imports the parsers or the rules' compiler
_JOBS = "monitor.parse.jobs"
READ_FEED, SITEMAP, LISTING, ARTICLE, PREPARE = (Job(_JOBS, name) for name in (
    "read_feed_job", "sitemap_job", "listing_job", "article_job", "prepare_articles"))
COMPILE_TOPICS = Job("monitor.rules", "compile_config_topics")

MAX_BACKOFF = 6 * 3600.0
_NO_STATE = SourceState(source_id="")  # a source never polled: read only (no ETag, no failures yet)
MAX_CHILD_SITEMAPS = 3  # of a sitemap index, the newest ones are read
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class PollOutcome:
    source_id: str
    status: str = "ok"
    error: str | None = None
    items_seen: int = 0
    items_new: int = 0
    alerts: list[NewAlert] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None or self.status in ("ok", "not modified")


@dataclass
class _Candidate:
    """An item found on a feed, listing or sitemap, maybe still to be fetched."""

    url: str
    entry: Entry | None  # what the feed itself says of the item; None for links, and for an item already prepared
    keys: list[str]
    fetch_page: bool = True  # the article page must be fetched (links; full-text feed items)
    prepared: Prepared | None = None  # made ready by the worker that read the feed


def source_url(source: Source, now: datetime) -> str:
    """A dated sitemap URL (``{year}``/``{month}``) filled in for the current month."""
    return source.url.replace("{year}", str(now.year)).replace("{month}", str(now.month))


class Poller:
    def __init__(self, config: Config, store: Store, fetcher: Fetcher,
                 parser: ParsePool | InlineParser | None = None, stored: dict[str, frozenset[str]] | None = None):
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.parser = parser or InlineParser()
        self._topic_conf = {t.id: t for t in config.topics}
        # the workers' own compiled topics: every item is normalized and matched in a worker (see
        # jobs.prepare_articles), under the parse budget, and the daemon's process holds no compiled topics
        self._worker_topics = self.parser.share("topics", COMPILE_TOPICS, config.topics_only, config)
        self._states: dict | None = None  # every source's state, read once per round (see poll)
        # per feed, the first keys of the items its last poll found stored: the worker that reads the feed next
        # time prepares only the others (a hint to save work; the store still decides what is new). The daemon
        # keeps it from round to round.
        self.stored: dict[str, frozenset[str]] = {} if stored is None else stored
        # polls under way at once: a cold round fetches faster than it parses, and each poll waiting for a
        # parser holds its document; more than the fetch concurrency in flight only costs memory
        self._slots = asyncio.Semaphore(max(2 * config.settings.concurrency, 16))

    async def _get(self, source: Source, url: str, accept: str, **conditional):
        return await self.fetcher.get(url, headers=dict(source.headers), accept=accept, robots=source.robots_txt,
                                      delay=source.politeness_delay, **conditional)

    async def poll(self, source: Source) -> PollOutcome:
        """Poll one source and record its health. Never raises for the source's own failures."""
        async with self._slots:
            return await self._poll(source)

    async def _poll(self, source: Source) -> PollOutcome:
        if self._states is None:  # one query for the round instead of one per source
            self._states = self.store.all_source_states()
        # popped: read once; a source with no row yet starts from a fresh state (record_poll writes the row)
        state = self._states.pop(source.id, None) or _NO_STATE
        outcome = PollOutcome(source.id)
        retry_after: float | None = None
        etag = last_modified = None
        try:
            result = await self._get(source, source_url(source, utcnow()),
                                     FEED_ACCEPT if source.kind != "page" else HTML_ACCEPT,
                                     etag=state.etag, last_modified=state.last_modified)
            etag, last_modified = result.headers.get("etag"), result.headers.get("last-modified")
            if result.not_modified:
                outcome.status = "not modified"
                etag, last_modified = etag or state.etag, last_modified or state.last_modified
            else:
                candidates = await self._candidates(source, result.body, result.content_type,
                                                    result.final_url)
                outcome.items_seen = len(candidates)
                await self._process(source, candidates, outcome)
        except FetchError as e:
            outcome.status, outcome.error = e.status_word, str(e)
            retry_after = getattr(e, "retry_after", None)
        except BlockedPage as e:
            outcome.status, outcome.error = "blocked", f"{e} (the site refuses this client)"
        except ParseError as e:
            outcome.status, outcome.error = parse_failure(e)
        except Exception as e:  # a bug on one source's data must not stop the others
            log.exception("source %s: unexpected error", source.id)
            outcome.status, outcome.error = "internal error", f"{e.__class__.__name__}: {e}"

        failures = 0 if outcome.ok else state.consecutive_failures + 1
        next_due = next_due_at(source.interval, failures, retry_after, self.config.settings.max_backoff)
        notice = self.store.record_poll(source.id, status=outcome.status, error=outcome.error, ok=outcome.ok,
                                        next_due=next_due, etag=etag, last_modified=last_modified,
                                        items_seen=outcome.items_seen if outcome.ok else None,
                                        items_new=outcome.items_new if outcome.ok else None,
                                        notices=failing.operator_notices(self.config, source))
        if notice:
            log.warning("source %s: %s: the operator's channel %s is told", source.id, notice,
                        self.config.settings.operator_channel)
        if outcome.ok:
            log.info("source %s: %s, %d items, %d new, %d alerts%s", source.id, outcome.status,
                     outcome.items_seen, outcome.items_new, len(outcome.alerts),
                     f" ({outcome.error})" if outcome.error else "")
        else:
            log.warning("source %s: %s: %s (failure %d, next try %s)", source.id, outcome.status,
                        outcome.error, failures, next_due.strftime("%H:%M:%S UTC"))
        METRICS.poll_done(source.id, outcome.status)
        return outcome

    # -- stage: parse the source document into candidates ------------------------------------

    async def _candidates(self, source: Source, body: bytes, content_type: str,
                          final_url: str) -> list[_Candidate]:
        if source.kind == "feed":
            topics = None if source.full_text else self._worker_topics  # full text: the pages are prepared
            read = await self.parser.run(READ_FEED, body, final_url, content_type, source, topics,
                                         self.stored.get(source.id, frozenset()))
            if read.warnings:
                log.warning("source %s: feed read with warnings: %s", source.id, "; ".join(read.warnings[:3]))
            return [_Candidate(p.article.url if e is None else e.url, e, keys, fetch_page=source.full_text, prepared=p)
                    for e, keys, p in zip(read.entries, read.keys, read.prepared, strict=True)]
        if source.kind == "sitemap":
            links = await self.parser.run(SITEMAP, body, source.link_pattern, final_url)
            if links and links[0].is_sitemap:  # an index: read its newest child sitemaps
                children, links = links[:MAX_CHILD_SITEMAPS], []
                for child in children:
                    got = await self._get(source, child.url, FEED_ACCEPT)
                    child_links = await self.parser.run(SITEMAP, got.body, source.link_pattern,
                                                        got.final_url)
                    links += [x for x in child_links if not x.is_sitemap]
            return [_Candidate(link.url, None, item_keys(source, link.url)) for link in links]
        try:
            links = await self.parser.run(LISTING, body, content_type, final_url, source.extraction,
                                          source.link_pattern)
        except BlockedPage as e:
            raise _blocked(e, final_url) from None
        return [_Candidate(url, None, item_keys(source, url)) for url in links]

    # -- stages: fetch article pages, normalize, dedup, match, store with alerts -------------

    async def _process(self, source: Source, candidates: list[_Candidate], outcome: PollOutcome) -> None:
        # An item its worker made ready goes to the store as it is: the store skips what it holds ("seen"). The
        # others - the items the hint said were stored, links, full-text items - are looked up first, in one query.
        rest = [c for c in candidates if c.prepared is None]
        known = self.store.seen_keys(k for c in rest for k in c.keys) if rest else set()
        fresh = [c for c in rest if known.isdisjoint(c.keys)]
        unprepared = [c for c in fresh if not c.fetch_page]  # the hint was wrong (a database restored from a backup)
        if unprepared:
            done = await self.parser.run(PREPARE, source, [c.entry for c in unprepared],
                                         self._worker_topics)
            for c, p in zip(unprepared, done, strict=True):
                c.prepared = p
        ready = [c for c in candidates if c.prepared is not None]  # in the feed's order
        if ready:  # a feed's own items: normalized, matched and fingerprinted by a worker, stored together
            self._store_prepared(source, [(c.prepared, c.keys) for c in ready], outcome)
        if source.kind == "feed" and not source.full_text:
            self.stored[source.id] = frozenset(c.keys[0] for c in candidates)  # each known or stored now
        budget = source.max_items
        page_errors: list[FetchError | ParseError] = []
        fetched = 0
        for cand in fresh:
            if not cand.fetch_page:
                continue
            if budget <= 0:
                continue  # next poll takes the rest: nothing is marked seen that was not read
            if self.store.seen(cand.keys):  # stored since the poll began (an earlier item, another source)
                continue
            budget -= 1
            fetched += 1
            try:
                entry = await self._fetch_article(source, cand.url)
            except (FetchError, ParseError) as e:
                page_errors.append(e)
                log.warning("source %s: article %s: %s", source.id, cand.url, e)
                continue
            (prepared,) = await self.parser.run(PREPARE, source, [_merge(cand.entry, entry)],
                                                self._worker_topics)
            self._store_prepared(source, [(prepared, cand.keys)], outcome)
        if page_errors:
            first = page_errors[0]
            summary = f"{len(page_errors)} of {fetched} article pages failed, first: {first}"
            if len(page_errors) == fetched and outcome.items_new == 0:
                outcome.status = getattr(first, "status_word", "parse error")
            outcome.error = summary

    async def _fetch_article(self, source: Source, url: str) -> Entry:
        result = await self._get(source, url, HTML_ACCEPT)
        try:
            return await self.parser.run(ARTICLE, result.body, result.content_type, result.final_url,
                                         source.extraction, source.language)
        except BlockedPage as e:
            raise _blocked(e, result.final_url) from None

    def _store_prepared(self, source: Source, found: list[tuple[Prepared, list[str]]], outcome: PollOutcome) -> None:
        """Store prepared articles with their alerts (see ``Store.save_articles``), in one transaction."""
        items = [ArticleToSave(p.article, (*keys, f"url:{p.article.url}"), p.matches, p.fingerprint)
                 for p, keys in found]

        def render(article, m, previous_total, aid):
            severity = self._topic_conf[m.topic_id].severity
            return alert_text.alert_title(m, article), alert_text.alert_body(m, article, source, aid,
                                                                           previous_total), severity

        def plan(m, sent_last_hour):
            topic = self._topic_conf[m.topic_id]
            receiving = alert_text.channels_receiving(m, topic, self.config.channels)
            return noise.plan(topic, receiving, utcnow(), sent_last_hour)

        saved = self.store.save_articles(items, render, plan,
                                         cooldown=lambda topic_id: self._topic_conf[topic_id].cooldown)
        for item, result in zip(items, saved, strict=True):
            if result.status == "copy":
                log.info("source %s: %s is a copy of an article already seen", source.id, item.article.url)
            if result.status != "new":
                continue
            outcome.items_new += 1
            outcome.alerts.extend(result.alerts)
            for a in result.alerts:
                where = ", ".join(a.channels) if a.channels else "no channel configured: shown here only"
                log.warning("ALERT %s %s\n%s\n(delivery: %s)", a.id, a.title, a.body, where)


def _merge(feed_entry: Entry | None, page: Entry) -> Entry:
    """A feed item whose page was fetched for its full text: the page's text (read with the site's
    selectors and cleaned), the feed's own fields where the page lacks them, and the feed's identity."""
    if feed_entry is None:
        return page
    return Entry(url=feed_entry.url, title=page.title or feed_entry.title,
                 summary=page.summary or feed_entry.summary, body=page.body or feed_entry.body,
                 published=page.published or feed_entry.published, guid=feed_entry.guid,
                 canonical_url=page.canonical_url)


def _blocked(error: BlockedPage, url: str) -> Blocked:
    return Blocked(f"blocked: {url} answered with a bot-challenge page ({error.reason})", 200)


def parse_failure(error: ParseError) -> tuple[str, str]:
    """(status, plain words) of a document that could not be read."""
    if isinstance(error, EntityDeclared):
        return "refused", (f"{error}: entity declarations are how XML bombs work; a real feed needs none "
                           "(ask the site to fix its feed)")
    if isinstance(error, ParseTimeout):
        return "parse timeout", str(error)
    if isinstance(error, (NotAFeed, NotASitemap)):
        return "parse error", f"malformed: {error} (is the URL still the feed? open it in a browser)"
    return "parse error", str(error)


def next_due_at(interval: float, failures: int, retry_after: float | None = None,
                max_backoff: float = MAX_BACKOFF) -> datetime:
    """The interval with ±10 % jitter; after failures, doubled per failure up to ``max_backoff``
    (never less than the interval), also jittered; never before Retry-After."""
    delay = interval
    if failures:
        delay = min(max(interval, max_backoff), interval * (2 ** min(failures - 1, 30)))
    delay *= random.uniform(0.9, 1.1)
    if retry_after:
        delay = max(delay, retry_after)
    return datetime.now(UTC) + timedelta(seconds=delay)


__all__ = ["Poller", "PollOutcome", "next_due_at", "source_url"]
