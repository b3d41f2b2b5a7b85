"""What a poll leaves in the store, on SQLite and PostgreSQL: the source's state after a successful poll (one
UPDATE written for the driver's cursor), and the text kept of the articles it stored."""

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


def test_an_article_keeps_its_text_only_when_it_matched_a_topic(db_url):
    store = Store(db_url)

    def article(n: int) -> Article:
        body = f"Body of story {n}, " + "words " * 40
        return Article(source_id="s", url=f"https://a.test/{n}", guid=None, title=f"Story {n}", summary=f"Lead {n}",
                       body=body, published=None, language="en", content_hash=content_hash(f"Story {n}", body))

    match = Match("kfor-troops", "KFOR troop changes", 1.0, Evidence((), "«KFOR»"))
    try:
        saved = store.save_articles(
            [ArticleToSave(article(1), ("url:https://a.test/1",)),
             ArticleToSave(article(2), ("url:https://a.test/2",), (match,))],
            lambda a, m, previous, aid: (a.title, a.summary, "warning"),
            lambda m, sent: (None, [DeliveryPlan("desk", utcnow())]))
        assert [s.status for s in saved] == ["new", "new"]
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT url, title, summary, body, content_hash FROM article ORDER BY url")).all()
        assert [(r.url, r.title, r.summary, r.body != "") for r in rows] == [
            ("https://a.test/1", "Story 1", "", False), ("https://a.test/2", "Story 2", "Lead 2", True)]
        assert rows[0].content_hash == article(1).content_hash  # a copy of it elsewhere is still known
        again = store.save_articles([ArticleToSave(article(1), ("url:https://b.test/1",))],
                                    lambda *a: ("", "", ""), lambda m, sent: (None, []))
        assert [s.status for s in again] == ["copy"]
    finally:
        store.close()
