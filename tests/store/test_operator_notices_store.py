"""Operator notices in the store, on SQLite and on PostgreSQL: two Stores on one database recording the same
sources at once make one notice per transition, never two; migration 0004 keeps the outbox it rebuilds."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, text
from sqlmodel import SQLModel, select

from monitor.store import Store, migrate
from monitor.store.db import OperatorNotices, open_engine
from monitor.store.models import OPERATOR_TOPIC, AlertRow, DeliveryRow

THRESHOLD = 3
SOURCES = [f"src-{i}" for i in range(25)]
NOTICES = OperatorNotices("ops", THRESHOLD, lambda kind, state: (f"{kind} {state.source_id}",
                                                                  f"{state.consecutive_failures}"))


def _poll(store: Store, source_id: str, ok: bool) -> str | None:
    return store.record_poll(source_id, status="ok" if ok else "http error", error=None if ok else "HTTP 500",
                             ok=ok, next_due=datetime.now(UTC), notices=NOTICES)


def _together(stores: list[Store], ok: bool) -> list[str | None]:
    """Every source polled once by each store, the stores at the same time, in the same order (same rows)."""
    start = threading.Barrier(len(stores))

    def run(store: Store) -> list[str | None]:
        start.wait()
        return [_poll(store, sid, ok) for sid in SOURCES]

    with ThreadPoolExecutor(len(stores)) as pool:
        return [r for results in pool.map(run, stores) for r in results]


def _notices(store: Store) -> list[tuple[AlertRow, list[DeliveryRow]]]:
    with store._session() as s:
        rows = s.exec(select(AlertRow).where(AlertRow.topic_id == OPERATOR_TOPIC)).all()
        return [(a, list(s.exec(select(DeliveryRow).where(DeliveryRow.alert_id == a.id)).all())) for a in rows]


def test_two_stores_on_one_database_make_one_notice_per_transition(db_url):
    a, b = Store(db_url), Store(db_url)
    try:
        for sid in SOURCES:
            for _ in range(THRESHOLD - 1):
                assert _poll(a, sid, ok=False) is None
        results = _together([a, b], ok=False)  # each source fails twice more: the first of the two reaches 3
        assert results.count("failing") == len(SOURCES) and results.count(None) == len(SOURCES)
        states = a.all_source_states()
        assert {states[sid].consecutive_failures for sid in SOURCES} == {THRESHOLD + 1}
        notices = _notices(a)
        assert sorted(n.title for n, _ in notices) == sorted(f"failing {sid}" for sid in SOURCES)
        assert {n.body for n, _ in notices} == {str(THRESHOLD)}, "made by the poll that reached the threshold"
        assert all(n.article_id is None and len(ds) == 1 and ds[0].channel_id == "ops" for n, ds in notices)
        assert {states[sid].failing_notice for sid in SOURCES} == {n.id for n, _ in notices}

        assert _together([a, b], ok=False).count("failing") == 0, "still failing: nothing more"
        results = _together([a, b], ok=True)
        assert results.count("recovered") == len(SOURCES) and results.count(None) == len(SOURCES)
        assert len(_notices(b)) == 2 * len(SOURCES)
        assert {s.failing_notice for s in b.all_source_states().values()} == {None}
        assert a.pending_deliveries(None, ["ops"])[0].title.startswith("failing "), "oldest first"
    finally:
        a.close()
        b.close()


def test_a_first_poll_can_reach_a_threshold_of_one(db_url):
    store = Store(db_url)
    try:
        ones = OperatorNotices("ops", 1, NOTICES.render)
        assert store.record_poll("new", status="timeout", error="slow", ok=False, next_due=datetime.now(UTC),
                                 notices=ones) == "failing"
        assert store.record_poll("new", status="timeout", error="slow", ok=False, next_due=datetime.now(UTC),
                                 notices=ones) is None
    finally:
        store.close()


def test_0004_keeps_the_alerts_and_deliveries_it_rebuilds_around(db_url):
    engine = open_engine(db_url, "none")
    migrate.upgrade(engine, "0003")
    at = datetime(2025, 5, 1, 8, 0)
    with engine.begin() as conn:
        table = lambda name: Table(name, MetaData(), autoload_with=conn)  # noqa: E731
        conn.execute(table("article").insert(), [dict(source_id="s", url="https://a.example/1", title="t",
                                                      summary="", body="", language="en", content_hash="h",
                                                      first_seen=at)])
        article_id = conn.execute(text("SELECT id FROM article")).scalar()
        conn.execute(table("alert").insert(), [dict(id="a1", topic_id="kfor", article_id=article_id, dedup_key="k",
                                                    severity="warning", score=1.0, title="t", body="b",
                                                    evidence="{}", facts="[]", also_reported_by="[]",
                                                    created_at=at)])
        conn.execute(table("delivery").insert(), [dict(alert_id="a1", channel_id="ops", status="pending",
                                                       attempts=0, created_at=at)])
    assert migrate.upgrade(engine)[1] == migrate.head()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
        assert conn.execute(text("SELECT alert_id FROM delivery")).scalars().all() == ["a1"]
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1, "enforced again after migrating"
    engine.dispose()


def test_a_notice_made_in_the_channels_quiet_hours_waits_for_their_end(tmp_path):
    store = Store(f"sqlite:///{(tmp_path / 'm.db').as_posix()}")
    morning = datetime(2030, 1, 2, 7, 0, tzinfo=UTC)
    asked: list[datetime] = []

    def due(now: datetime) -> datetime:
        asked.append(now)
        return morning

    quiet = OperatorNotices("ops", 1, NOTICES.render, due=due)
    try:
        assert store.record_poll("s", status="ok", error=None, ok=True, next_due=datetime.now(UTC),
                                 notices=quiet) is None
        assert asked == []  # a poll that makes no notice never asks when one could go out
        assert store.record_poll("s", status="http error", error="HTTP 500", ok=False, next_due=datetime.now(UTC),
                                 notices=quiet) == "failing"
        ((_notice, (delivery,)),) = _notices(store)
        assert len(asked) == 1 and delivery.next_attempt_at.replace(tzinfo=UTC) == morning
    finally:
        store.close()


def _spell(store: Store, notices: OperatorNotices, source_id: str = "s") -> list[str | None]:
    """A failure that makes the source failing (threshold 1), then a success."""
    now = datetime.now(UTC)
    return [store.record_poll(source_id, status="http error", error="HTTP 500", ok=False, next_due=now,
                              notices=notices),
            store.record_poll(source_id, status="ok", error=None, ok=True, next_due=now, notices=notices)]


def test_a_spell_over_within_quiet_hours_sends_neither_notice(tmp_path):
    store = Store(f"sqlite:///{(tmp_path / 'm.db').as_posix()}")
    quiet = OperatorNotices("ops", 1, NOTICES.render, due=lambda now: datetime(2099, 1, 2, 7, 0, tzinfo=UTC))
    try:
        assert _spell(store, quiet, "s_%") == ["failing", None], "recovered before the failing notice left"
        assert _spell(store, quiet, "other") == ["failing", None]
        assert _notices(store) == [], "withdrawn: nothing waits in the outbox"
        assert store.all_source_states()["s_%"].failing_notice is None, "the spell is over"
        # the next spell is told again; a failing notice of another source is never withdrawn by this one
        store.record_poll("s_%", status="http error", error="HTTP 500", ok=False, next_due=datetime.now(UTC),
                          notices=quiet)
        store.record_poll("sx", status="http error", error="HTTP 500", ok=False, next_due=datetime.now(UTC),
                          notices=quiet)
        store.record_poll("s_%", status="ok", error=None, ok=True, next_due=datetime.now(UTC), notices=quiet)
        assert [n.title for n, _ in _notices(store)] == ["failing sx"]
    finally:
        store.close()


@pytest.mark.parametrize("due_in", [None, timedelta(minutes=1)])
def test_a_failing_notice_due_now_or_soon_is_followed_by_its_recovery(tmp_path, due_in):
    """No quiet hours, or their end so near that a sender may be taking the notice: it is never withdrawn."""
    store = Store(f"sqlite:///{(tmp_path / 'm.db').as_posix()}")
    ones = OperatorNotices("ops", 1, NOTICES.render, due=lambda now: None if due_in is None else now + due_in)
    try:
        assert _spell(store, ones) == ["failing", "recovered"]
        assert sorted(n.title for n, _ in _notices(store)) == ["failing s", "recovered s"]
    finally:
        store.close()
