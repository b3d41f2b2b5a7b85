"""What a poll leaves in the store, on SQLite and PostgreSQL: the source's state after a successful poll (one
UPDATE written for the driver's cursor) and the count of its new articles, and what it keeps of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from monitor.noise import DeliveryPlan
from monitor.normalize import content_hash
from monitor.records import Article, Evidence, Match
from monitor.store import Store, utcnow
from monitor.store.db import ArticleToSave
from monitor.store.leases import Leases


def test_a_success_sets_what_it_is_given_and_frees_only_its_own_lease(db_url):
    store = Store(db_url)
    other = Leases(store.engine, "other-instance")
    try:
        now = utcnow()
        due = now + timedelta(minutes=5)
        store.record_poll("mine", status="http error", error="HTTP 500", ok=False, next_due=now)
        store.record_poll("theirs", status="timeout", error="slow", ok=False, next_due=now)
        assert store.leases.claim_sources(["mine"], now, 30) == ["mine"]
        assert other.claim_sources(["theirs"], now, 30) == ["theirs"]

        for source in ("mine", "theirs"):
            store.record_poll(source, status="ok", error=None, ok=True, next_due=due, etag='"v2"',
                              last_modified="Mon, 01 Dec 2025 08:00:00 GMT", items_seen=30, items_new=7)
        states = store.all_source_states()
        for source in ("mine", "theirs"):
            state = states[source]
            assert (state.status, state.last_error, state.consecutive_failures) == ("ok", None, 0)
            assert (state.etag, state.last_modified) == ('"v2"', "Mon, 01 Dec 2025 08:00:00 GMT")
            assert (state.items_seen, state.items_new, state.polls) == (30, 7, 2)
            assert abs(_utc(state.next_due_at) - due) < timedelta(milliseconds=1)
            assert now <= _utc(state.last_success_at) == _utc(state.last_poll_at) <= utcnow()
        assert (states["mine"].lease_owner, states["mine"].lease_until) == (None, None)
        assert states["theirs"].lease_owner == "other-instance" and states["theirs"].lease_until is not None

        # without validators or counts, a success leaves those as they were
        store.record_poll("mine", status="not modified", error=None, ok=True, next_due=due)
        state = store.all_source_states()["mine"]
        assert (state.status, state.etag, state.items_seen, state.polls) == ("not modified", '"v2"', 30, 3)
    finally:
        store.close()


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def test_an_article_that_matched_nothing_is_remembered_by_its_keys_only(db_url):
    store = Store(db_url)

    def article(n: int, url: str | None = None) -> Article:
        body = f"Body of story {n}, " + "words " * 40
        return Article(source_id="s", url=url or f"https://a.test/{n}", guid=None, title=f"Story {n}",
                       summary=f"Lead {n}", body=body, published=None, language="en",
                       content_hash=content_hash(f"Story {n}", body))

    match = Match("kfor-troops", "KFOR troop changes", 1.0, Evidence((), "«KFOR»"))
    render = lambda a, m, previous, aid: (a.title, a.summary, "warning")  # noqa: E731
    plan = lambda m, sent: (None, [DeliveryPlan("desk", utcnow())])  # noqa: E731
    try:
        saved = store.save_articles(
            [ArticleToSave(article(1), ("url:https://a.test/1", "guid:s:1")),
             ArticleToSave(article(2), ("url:https://a.test/2",), (match,))], render, plan)
        assert [(s.status, len(s.alerts)) for s in saved] == [("new", 0), ("new", 1)]
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT url, title, summary, body FROM article")).all()
            keys = dict(conn.execute(text("SELECT key, article_id FROM seen_key")).all())
        assert [(r.url, r.title, r.summary, r.body != "") for r in rows] == [
            ("https://a.test/2", "Story 2", "Lead 2", True)]
        assert keys["url:https://a.test/1"] is None and keys["guid:s:1"] is None
        assert store.seen_keys(["guid:s:1", "url:https://a.test/3"]) == {"guid:s:1"}

        again = store.save_articles(
            [ArticleToSave(article(1), ("url:https://a.test/1",)),  # the same item: seen
             ArticleToSave(article(1, "https://b.test/1"), ("url:https://b.test/1",)),  # its text elsewhere: new
             ArticleToSave(article(2, "https://b.test/2"), ("url:https://b.test/2",))],  # a matched one's: a copy
            render, plan)
        assert [s.status for s in again] == ["seen", "new", "copy"]
        assert store.article_count() == 1
    finally:
        store.close()


def test_a_source_counts_the_new_articles_of_its_polls(db_url):
    store = Store(db_url)
    try:
        due = utcnow() + timedelta(minutes=5)
        store.record_poll("s", status="ok", error=None, ok=True, next_due=due, items_seen=30, items_new=30)  # first
        store.record_poll("s", status="ok", error=None, ok=True, next_due=due, items_seen=30, items_new=2)
        store.record_poll("s", status="not modified", error=None, ok=True, next_due=due)  # no count given
        store.record_poll("s", status="timeout", error="slow", ok=False, next_due=due, items_new=9)  # a failure
        store.record_poll("s", status="ok", error=None, ok=True, next_due=due, items_seen=31, items_new=1)
        state = store.all_source_states()["s"]
        assert (state.articles, state.items_new, state.polls) == (33, 1, 5)
    finally:
        store.close()


def test_sources_added_before_a_round_are_never_polled_and_known_ones_are_left_alone(db_url):
    store = Store(db_url)
    try:
        due = utcnow() + timedelta(minutes=5)
        store.record_poll("old", status="ok", error=None, ok=True, next_due=due, etag='"e"', items_new=4)
        store.add_sources(["new-b", "old", "new-a", "new-a"])
        states = store.all_source_states()
        assert sorted(states) == ["new-a", "new-b", "old"]
        assert (states["new-a"].status, states["new-a"].polls, states["new-a"].next_due_at) == ("new", 0, None)
        assert (states["old"].etag, states["old"].articles, states["old"].polls) == ('"e"', 4, 1)
        store.record_poll("new-a", status="ok", error=None, ok=True, next_due=due, items_seen=3, items_new=3)
        assert (store.all_source_states()["new-a"].articles, store.all_source_states()["new-a"].polls) == (3, 1)
    finally:
        store.close()
