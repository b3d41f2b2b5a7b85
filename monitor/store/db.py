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

from monitor.dedup import near_duplicate, simhash, to_hex
from monitor.records import Article, Match
from monitor.store.models import AlertRow, ArticleRow, DeliveryRow, SeenKey, SourceState, TopicTotal


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
class AlertView:
    """What a message template needs of one alert: plain data, article text unescaped."""

    alert_id: str
    topic_id: str
    severity: str
    title: str  # the alert's one-line title: "[Topic name] article title"
    body: str  # the plain-text body written when the alert was made
    article_title: str
    url: str
    source_id: str
    published: datetime | None
    created_at: datetime
    snippet: str = ""  # matched words in «»
    terms: tuple[str, ...] = ()
    score: float = 0.0
    facts: tuple[dict, ...] = ()
    previous_total: int | None = None  # the last total reported for this topic before this alert
    also_reported_by: tuple[dict, ...] = ()


@dataclass(frozen=True)
class PendingDelivery:
    delivery_id: int
    alert_id: str
    channel_id: str
    attempts: int
    title: str
    body: str
    created_at: datetime
    next_attempt_at: datetime | None = None
    digest_key: str | None = None
    alert: AlertView | None = None


def _same_story(s: Session, topic_id: str, fingerprint: str | None, since: datetime) -> AlertRow | None:
    """The first alert of this topic, within its cooldown, whose article's body is a near-duplicate."""
    if fingerprint is None:
        return None
    rows = s.exec(select(AlertRow, ArticleRow.simhash).join(ArticleRow, ArticleRow.id == AlertRow.article_id)
                  .where(AlertRow.topic_id == topic_id, AlertRow.created_at >= since,
                         ArticleRow.simhash.is_not(None))
                  .order_by(AlertRow.created_at)).all()
    return next((a for a, other in rows if near_duplicate(fingerprint, other)), None)


def _also_reported(s: Session, alert: AlertRow, article: Article, now: datetime) -> None:
    """Record a copy of the alert's story at another address (once per address)."""
    also = json.loads(alert.also_reported_by or "[]")
    if any(x.get("url") == article.url for x in also):
        return
    also.append({"source": article.source_id, "url": article.url, "title": article.title,
                 "at": now.strftime("%Y-%m-%dT%H:%M:%SZ")})
    alert.also_reported_by = json.dumps(also, ensure_ascii=False)
    s.add(alert)


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
                     render, plan, cooldown=lambda topic_id: 3 * 86400.0) -> list[NewAlert] | None:
        """Store a new article with its alerts and their deliveries, in one transaction (the outbox).

        ``render(match) -> (title, body, severity)``; ``plan(match, sent_last_hour) -> (held, [DeliveryPlan])``
        (see ``monitor.noise``); ``cooldown(topic_id) -> seconds`` a story is remembered for that topic.
        Returns the new alerts, or None when the article turned out to be known already (by its URL
        or content hash): then nothing is written but its keys, and a copy from another address is
        recorded as "also reported by" on the first article's alerts. A match on a near-duplicate of
        an article that already alerted for the topic (the same text republished) is recorded the same way.
        """
        now = utcnow()
        keys = list(dict.fromkeys(k for k in keys if k))
        with self._session() as s:
            existing = s.exec(select(ArticleRow).where(
                (ArticleRow.url == article.url) | (ArticleRow.content_hash == article.content_hash))).first()
            if existing is not None:
                self._add_keys(s, keys, existing.id)
                if existing.url != article.url:
                    for alert in s.exec(select(AlertRow).where(AlertRow.article_id == existing.id)).all():
                        _also_reported(s, alert, article, now)
                s.commit()
                return None
            fingerprint = to_hex(simhash(f"{article.summary}\n{article.body}"))
            row = ArticleRow(source_id=article.source_id, url=article.url, guid=article.guid,
                             title=article.title, summary=article.summary, body=article.body,
                             published=article.published, language=article.language,
                             content_hash=article.content_hash, simhash=fingerprint, first_seen=now)
            s.add(row)
            s.flush()
            self._add_keys(s, keys, row.id)
            alerts = []
            for m in matches:
                aid = alert_id_for(m.topic_id, article.url)
                if s.get(AlertRow, aid) is not None:
                    continue
                first = _same_story(s, m.topic_id, fingerprint, now - timedelta(seconds=cooldown(m.topic_id)))
                if first is not None:
                    _also_reported(s, first, article, now)
                    continue
                title, body, severity = render(m)
                sent_last_hour = s.exec(select(func.count()).select_from(AlertRow).where(
                    AlertRow.topic_id == m.topic_id, AlertRow.created_at >= now - timedelta(hours=1),
                    AlertRow.held.is_(None))).one()
                held, plans = plan(m, sent_last_hour)
                s.add(AlertRow(id=aid, topic_id=m.topic_id, article_id=row.id,
                               dedup_key=f"{m.topic_id}|{article.url}", severity=severity, score=m.score,
                               title=title, body=body, evidence=json.dumps(m.evidence.to_json(), ensure_ascii=False),
                               facts=json.dumps([f.to_json() for f in m.facts], ensure_ascii=False),
                               held=held, created_at=now))
                s.flush()
                for p in plans:
                    s.add(DeliveryRow(alert_id=aid, channel_id=p.channel_id, next_attempt_at=p.due,
                                      digest_key=p.digest_key, created_at=now))
                alerts.append(NewAlert(aid, m.topic_id, title, body, tuple(p.channel_id for p in plans)))
            s.commit()
            return alerts

    def latest_total(self, topic_id: str) -> int | None:
        """The last total a matching article stated for the topic (``Fact`` kind "total"), if any."""
        with self._session() as s:
            row = s.get(TopicTotal, topic_id)
            return row.value if row is not None else None

    def record_total(self, topic_id: str, value: int, article_url: str) -> None:
        """Keep ``value`` as the topic's latest stated total."""
        with self._session() as s:
            row = s.get(TopicTotal, topic_id) or TopicTotal(topic_id=topic_id, value=value, article_url=article_url,
                                                             reported_at=utcnow())
            row.value, row.article_url, row.reported_at = value, article_url, utcnow()
            s.add(row)
            s.commit()

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

    def pending_deliveries(self, now: datetime | None, channel_ids: Iterable[str],
                           with_alert: bool = False) -> list[PendingDelivery]:
        """Pending deliveries of these channels, oldest alert first; only those due at ``now`` unless None."""
        with self._session() as s:
            rows = s.exec(
                select(DeliveryRow, AlertRow).join(AlertRow, AlertRow.id == DeliveryRow.alert_id)
                .where(DeliveryRow.status == "pending", DeliveryRow.channel_id.in_(list(channel_ids)))
                .order_by(AlertRow.created_at, AlertRow.id, DeliveryRow.id)).all()
            views: dict[str, AlertView] = {}
            out = []
            for d, a in rows:
                due = as_utc(d.next_attempt_at)
                if now is not None and due is not None and due > now:
                    continue
                if with_alert and a.id not in views:
                    views[a.id] = self._view(s, a)
                out.append(PendingDelivery(d.id, a.id, d.channel_id, d.attempts, a.title, a.body,
                                           as_utc(a.created_at), due, d.digest_key, views.get(a.id)))
            return out

    @staticmethod
    def _view(s: Session, a: AlertRow) -> AlertView:
        art = s.get(ArticleRow, a.article_id)
        evidence = json.loads(a.evidence or "{}")
        facts = tuple(json.loads(a.facts or "[]"))
        previous_total = None
        for earlier in s.exec(select(AlertRow.facts).where(AlertRow.topic_id == a.topic_id,
                                                           AlertRow.created_at < a.created_at)
                              .order_by(AlertRow.created_at.desc()).limit(50)).all():
            totals = [f["value"] for f in json.loads(earlier or "[]") if f.get("kind") == "total"]
            if totals:
                previous_total = totals[0]
                break
        return AlertView(
            alert_id=a.id, topic_id=a.topic_id, severity=a.severity, title=a.title, body=a.body,
            article_title=art.title, url=art.url, source_id=art.source_id, published=as_utc(art.published),
            created_at=as_utc(a.created_at), snippet=evidence.get("snippet", ""),
            terms=tuple(sorted({h.get("term", "") for h in evidence.get("hits", [])} - {""})), score=a.score,
            facts=facts, previous_total=previous_total, also_reported_by=tuple(json.loads(a.also_reported_by or "[]")))

    def mark_sent(self, delivery_ids: int | Sequence[int]) -> None:
        """The notifier accepted the message: these deliveries (one, or a digest's) are done."""
        ids = [delivery_ids] if isinstance(delivery_ids, int) else list(delivery_ids)
        now = utcnow()
        with self._session() as s:
            for d in s.exec(select(DeliveryRow).where(DeliveryRow.id.in_(ids))).all():
                d.status, d.sent_at, d.attempts, d.last_error = "sent", now, d.attempts + 1, None
                d.last_attempt_at = now
                s.add(d)
            s.commit()

    def mark_failed_attempt(self, delivery_ids: int | Sequence[int], error: str, retry_in: float,
                            give_up: bool) -> None:
        ids = [delivery_ids] if isinstance(delivery_ids, int) else list(delivery_ids)
        now = utcnow()
        with self._session() as s:
            for d in s.exec(select(DeliveryRow).where(DeliveryRow.id.in_(ids))).all():
                d.attempts += 1
                d.last_error = error
                d.last_attempt_at = now
                if give_up:
                    d.status = "failed"
                else:
                    d.next_attempt_at = now + timedelta(seconds=retry_in)
                s.add(d)
            s.commit()

    def retry_now(self, channel_id: str | None = None, include_failed: bool = False) -> int:
        """Make pending (and with ``include_failed``, given-up) deliveries due now; returns how many."""
        now = utcnow()
        states = ["pending", "failed"] if include_failed else ["pending"]
        with self._session() as s:
            query = select(DeliveryRow).where(DeliveryRow.status.in_(states))
            if channel_id:
                query = query.where(DeliveryRow.channel_id == channel_id)
            rows = s.exec(query).all()
            for d in rows:
                d.status = "pending"
                if d.digest_key is None or d.attempts > 0:  # a digest not yet due keeps its time
                    d.next_attempt_at = now
                s.add(d)
            s.commit()
            return len(rows)

    def delivery_counts(self) -> dict[str, int]:
        with self._session() as s:
            rows = s.exec(select(DeliveryRow.status, func.count()).group_by(DeliveryRow.status)).all()
            return {status: n for status, n in rows}

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
