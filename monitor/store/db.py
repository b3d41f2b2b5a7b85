"""The store: SQLModel on SQLite (WAL) by default, PostgreSQL through MONITOR_DATABASE_URL.

All writes that belong together happen in one transaction: an article, the keys it is
known by, its alerts and one delivery per channel (the outbox), so a crash loses nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine, select

from monitor.records import Article, Match
from monitor.store.models import AlertRow, ArticleRow, DeliveryRow, SeenKey, SourceState


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def open_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        old = os.umask(0o077)  # the database and its WAL are private to the daemon's user
        try:
            SQLModel.metadata.create_all(engine)
        finally:
            os.umask(old)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    SQLModel.metadata.create_all(engine)
    return engine


@dataclass(frozen=True)
class NewAlert:
    id: str
    topic_id: str
    title: str
    body: str
    channels: tuple[str, ...]


@dataclass(frozen=True)
class PendingDelivery:
    delivery_id: int
    alert_id: str
    channel_id: str
    attempts: int
    title: str
    body: str
    created_at: datetime


def alert_id_for(topic_id: str, article_url: str) -> str:
    import hashlib

    return hashlib.sha256(f"{topic_id}|{article_url}".encode()).hexdigest()[:12]


class Store:
    def __init__(self, url: str):
        self.url = url
        self.engine = open_engine(url)

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        """Rows read here stay readable after the session closes (they are plain records to callers)."""
        return Session(self.engine, expire_on_commit=False)

    # -- sources -----------------------------------------------------------------------------

    def source_state(self, source_id: str) -> SourceState:
        with self._session() as s:
            state = s.get(SourceState, source_id)
            if state is None:
                state = SourceState(source_id=source_id)
                s.add(state)
                s.commit()
            return state

    def all_source_states(self) -> dict[str, SourceState]:
        with self._session() as s:
            rows = s.exec(select(SourceState)).all()
            return {r.source_id: r for r in rows}

    def due_sources(self, source_ids: Sequence[str], now: datetime) -> list[str]:
        states = self.all_source_states()
        due = []
        for sid in source_ids:
            st = states.get(sid)
            if st is None or st.next_due_at is None or as_utc(st.next_due_at) <= now:
                due.append(sid)
        return due

    def record_poll(self, source_id: str, *, status: str, error: str | None, ok: bool, next_due: datetime,
                    etag: str | None = None, last_modified: str | None = None, items_seen: int | None = None,
                    items_new: int | None = None) -> None:
        now = utcnow()
        with self._session() as s:
            st = s.get(SourceState, source_id) or SourceState(source_id=source_id)
            st.status = status
            st.last_error = error
            st.last_poll_at = now
            st.next_due_at = next_due
            st.polls += 1
            if ok:
                st.consecutive_failures = 0
                st.last_success_at = now
                if etag is not None or last_modified is not None:
                    st.etag, st.last_modified = etag, last_modified
                if items_seen is not None:
                    st.items_seen = items_seen
                if items_new is not None:
                    st.items_new = items_new
            else:
                st.consecutive_failures += 1
            s.add(st)
            s.commit()

    # -- articles ----------------------------------------------------------------------------

    def seen(self, keys: Iterable[str]) -> bool:
        keys = [k for k in keys if k]
        if not keys:
            return False
        with self._session() as s:
            return s.exec(select(SeenKey.key).where(SeenKey.key.in_(keys)).limit(1)).first() is not None

    def save_article(self, article: Article, keys: Iterable[str], matches: Sequence[Match],
                     render, channels_for) -> list[NewAlert] | None:
        """Store a new article with its alerts and their deliveries, in one transaction.

        ``render(match) -> (title, body, severity)``; ``channels_for(match) -> channel ids``.
        Returns the new alerts, or None when the article turned out to be known already
        (by its URL or content hash) — then nothing is written but its keys.
        """
        now = utcnow()
        keys = list(dict.fromkeys(k for k in keys if k))
        with self._session() as s:
            existing = s.exec(select(ArticleRow).where(
                (ArticleRow.url == article.url) | (ArticleRow.content_hash == article.content_hash))).first()
            if existing is not None:
                self._add_keys(s, keys, existing.id)
                s.commit()
                return None
            row = ArticleRow(source_id=article.source_id, url=article.url, guid=article.guid,
                             title=article.title, summary=article.summary, body=article.body,
                             published=article.published, language=article.language,
                             content_hash=article.content_hash, first_seen=now)
            s.add(row)
            s.flush()
            self._add_keys(s, keys, row.id)
            alerts = []
            for m in matches:
                title, body, severity = render(m)
                aid = alert_id_for(m.topic_id, article.url)
                if s.get(AlertRow, aid) is not None:
                    continue
                s.add(AlertRow(id=aid, topic_id=m.topic_id, article_id=row.id,
                               dedup_key=f"{m.topic_id}|{article.url}", severity=severity, score=m.score,
                               title=title, body=body, evidence=json.dumps(m.evidence.to_json(), ensure_ascii=False),
                               facts=json.dumps([f.to_json() for f in m.facts], ensure_ascii=False),
                               created_at=now))
                s.flush()
                channels = tuple(channels_for(m))
                for ch in channels:
                    s.add(DeliveryRow(alert_id=aid, channel_id=ch, next_attempt_at=now, created_at=now))
                alerts.append(NewAlert(aid, m.topic_id, title, body, channels))
            s.commit()
            return alerts

    @staticmethod
    def _add_keys(s: Session, keys: list[str], article_id: int | None) -> None:
        known = set(s.exec(select(SeenKey.key).where(SeenKey.key.in_(keys))).all()) if keys else set()
        for k in keys:
            if k not in known:
                s.add(SeenKey(key=k, article_id=article_id))

    def article_count(self) -> int:
        with self._session() as s:
            return s.exec(select(func.count()).select_from(ArticleRow)).one()

    # -- deliveries --------------------------------------------------------------------------

    def pending_deliveries(self, now: datetime, channel_ids: Iterable[str]) -> list[PendingDelivery]:
        with self._session() as s:
            rows = s.exec(
                select(DeliveryRow, AlertRow).join(AlertRow, AlertRow.id == DeliveryRow.alert_id)
                .where(DeliveryRow.status == "pending", DeliveryRow.channel_id.in_(list(channel_ids)))
                .order_by(AlertRow.created_at, DeliveryRow.id)).all()
            return [PendingDelivery(d.id, a.id, d.channel_id, d.attempts, a.title, a.body, as_utc(a.created_at))
                    for d, a in rows if d.next_attempt_at is None or as_utc(d.next_attempt_at) <= now]

    def mark_sent(self, delivery_id: int) -> None:
        with self._session() as s:
            d = s.get(DeliveryRow, delivery_id)
            d.status, d.sent_at, d.attempts, d.last_error = "sent", utcnow(), d.attempts + 1, None
            s.add(d)
            s.commit()

    def mark_failed_attempt(self, delivery_id: int, error: str, retry_in: float, give_up: bool) -> None:
        with self._session() as s:
            d = s.get(DeliveryRow, delivery_id)
            d.attempts += 1
            d.last_error = error
            if give_up:
                d.status = "failed"
            else:
                d.next_attempt_at = utcnow() + timedelta(seconds=retry_in)
            s.add(d)
            s.commit()

    def recent_alerts(self, limit: int = 20) -> list[tuple[AlertRow, ArticleRow, list[DeliveryRow]]]:
        with self._session() as s:
            alerts = s.exec(select(AlertRow, ArticleRow).join(ArticleRow, ArticleRow.id == AlertRow.article_id)
                            .order_by(AlertRow.created_at.desc()).limit(limit)).all()
            out = []
            for a, art in alerts:
                ds = s.exec(select(DeliveryRow).where(DeliveryRow.alert_id == a.id)
                            .order_by(DeliveryRow.channel_id)).all()
                out.append((a, art, list(ds)))
            return out
