"""A topic's near-duplicate check over its alerts within the cooldown: the oldest alert within NEAR bits is the
story, an article too short for a fingerprint is never anybody's copy, and what is past the cooldown is not looked
at - within one call and across calls (the alerts read back from the database)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import Session, select

from monitor.dedup import NEAR
from monitor.noise import DeliveryPlan
from monitor.records import Article, Evidence, Match
from monitor.store import Store
from monitor.store.db import ArticleToSave
from monitor.store.models import AlertRow

BASE = 0x0123_4567_89AB_CDEF


def _flip(value: int, bits: int, offset: int = 0) -> str:
    """``value`` with ``bits`` of its bits flipped (from bit ``offset`` up), as a stored fingerprint."""
    return f"{value ^ (((1 << bits) - 1) << offset):016x}"


def _item(n: int, print_: str | None) -> ArticleToSave:
    article = Article(source_id="s", url=f"https://a.test/{n}", guid=None, title=f"Story {n}", summary="",
                      body=f"body {n}", published=datetime(2025, 9, 1, tzinfo=UTC), language="en",
                      content_hash=f"hash-{n}")
    match = Match("kfor-troops", "KFOR troop changes", 1.0, Evidence((), "«KFOR»"))
    return ArticleToSave(article, (f"url:https://a.test/{n}",), (match,), print_)


def _save(store: Store, items: list[ArticleToSave], cooldown: float = 86400.0) -> list[int]:
    saved = store.save_articles(items, lambda a, m, p, aid: (a.title, a.body, "warning"),
                                lambda m, sent: (None, [DeliveryPlan("desk", datetime.now(UTC))]),
                                cooldown=lambda topic_id: cooldown)
    assert [s.status for s in saved] == ["new"] * len(items)
    return [len(s.alerts) for s in saved]


def _also(store: Store) -> dict[str, list[str]]:
    with Session(store.engine) as s:
        return {a.title: [x["url"] for x in json.loads(a.also_reported_by)] for a in s.exec(select(AlertRow)).all()}


def test_the_oldest_alert_within_near_bits_is_the_story(tmp_path) -> None:
    store = Store(f"sqlite:///{(tmp_path / 'm.db').as_posix()}")
    try:
        # one call: a short text (no fingerprint), the story, a far one, then copies of the story
        assert _save(store, [_item(0, None), _item(1, _flip(BASE, 0)), _item(2, _flip(BASE, NEAR + 1)),
                             _item(3, _flip(BASE, NEAR)), _item(4, None)]) == [1, 1, 1, 0, 1]
        assert _also(store)["Story 1"] == ["https://a.test/3"]
        # another call (read back from the database): within NEAR bits of 1, 2 and 3 - the oldest is the story;
        # no fingerprint is close to a short text's (0 is as close as any: it differs in the bits above 64 only)
        assert _save(store, [_item(5, _flip(BASE, 1)), _item(6, "0" * 16)]) == [0, 1]
        also = _also(store)
        assert also["Story 1"] == ["https://a.test/3", "https://a.test/5"] and also["Story 2"] == []
        assert also["Story 0"] == also["Story 4"] == []
    finally:
        store.close()


def test_an_alert_past_the_cooldown_is_no_story(tmp_path) -> None:
    store = Store(f"sqlite:///{(tmp_path / 'm.db').as_posix()}")
    try:
        assert _save(store, [_item(1, _flip(BASE, 0))]) == [1]
        assert _save(store, [_item(2, _flip(BASE, 1))], cooldown=0.0) == [1]  # the first is older than 0 s
        assert _save(store, [_item(3, _flip(BASE, 2))]) == [0]  # within a day: the first is the story
        assert _also(store)["Story 1"] == ["https://a.test/3"]
    finally:
        store.close()
