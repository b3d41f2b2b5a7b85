"""The store: SQLModel on SQLite (WAL) by default, PostgreSQL through MONITOR_DATABASE_URL.

All writes that belong together happen in one transaction: an article, the keys it is
known by, its alerts and one delivery per channel (the outbox), so a crash loses nothing.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import logging
import operator
import os
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, case, delete, event, func, insert, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine, select

from monitor.dedup import NEAR
from monitor.normalize import to_utc  # SQLite hands back naive datetimes; every stored time is UTC
from monitor.records import Article, Match
from monitor.redact import REDACTOR
from monitor.store import migrate
from monitor.store.errors import StoreError
from monitor.store.instance import instance_id, sqlite_path
from monitor.store.leases import Leases, add_sources
from monitor.store.models import (
    OPERATOR_TOPIC,
    AlertRow,
    ArticleRow,
    DeliveryRow,
    SeenKey,
    SourceState,
    TopicTotal,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


def open_engine(url: str, schema: str = "upgrade") -> Engine:
    """The engine of a database URL, its schema brought to this version's (``schema="upgrade"``, as
    ``monitor run`` does), only checked (``"require"``, for the commands that read) or left (``"none"``)."""
    url = _with_driver(url)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
    else:
        engine = create_engine(url, pool_pre_ping=True)
    old = os.umask(0o077)  # a SQLite database and its WAL are private to the daemon's user
    try:
        if schema == "upgrade":
            migrate.upgrade(engine)
        elif schema == "require":
            migrate.require_head(engine)
    except OperationalError as e:
        engine.dispose()
        reason = str(e.orig or e).strip().splitlines()[0] if str(e.orig or e).strip() else e.__class__.__name__
        raise StoreError(f"cannot use the database {safe_url(url)}: {REDACTOR(reason)}; check MONITOR_DATABASE_URL "
                         "(or [monitor] database) and that the database server runs and lets this user in") from None
    finally:
        os.umask(old)
    return engine


def _with_driver(url: str) -> str:
    """``postgresql://`` means psycopg (version 3, the driver monitor ships with), not SQLAlchemy's default."""
    for bare in ("postgresql://", "postgres://"):
        if url.startswith(bare):
            return "postgresql+psycopg://" + url.removeprefix(bare)
    return url


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unparsable database URL)"


@dataclass(frozen=True)
class NewAlert:
    id: str
    topic_id: str
    title: str
    body: str
    channels: tuple[str, ...]


@dataclass(frozen=True)
class ArticleToSave:
    """An article ready to store: the keys it is known by, its topic matches, its body's fingerprint."""

    article: Article
    keys: tuple[str, ...]
    matches: tuple[Match, ...] = ()
    fingerprint: str | None = None  # monitor.dedup.fingerprint of its summary and body


@dataclass(frozen=True)
class Saved:
    """What became of one ArticleToSave."""

    status: str  # "new" | "copy" (an article known by URL or content: only its keys added) | "seen" (nothing written)
    alerts: tuple[NewAlert, ...] = ()


@dataclass(frozen=True)
class OperatorNotices:
    """Tell the operator's channel when a source starts failing and when it recovers (see ``record_poll``).

    ``render(kind, state) -> (title, body)``: the words of a "failing" or "recovered" notice, from the
    source's state as this poll left it."""

    channel_id: str
    threshold: int  # consecutive failures that make a source failing
    render: Callable[[str, SourceState], tuple[str, str]]
    # when a notice made at a moment may go out (the channel's quiet hours): asked only when one is made
    due: Callable[[datetime], datetime | None] = lambda now: None


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
    # the topic's latest total before this alert's article, stored with the alert (None before that was stored)
    previous_total: int | None = None
    also_reported_by: tuple[dict, ...] = ()
    notice: str | None = None  # an operator notice ("failing" | "recovered", about source_id): no article


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


@dataclass
class _Stories:
    """One topic's alerts as this Store last read them: (created_at, alert id, simhash or ``_NO_PRINT``, held),
    oldest first (an alert's ``held`` never changes)."""

    since: datetime  # read from here on
    upto: datetime  # newest created_at read
    alerts: list[tuple[datetime, str, int, str | None]]
    ids: set[str]


_FINGERPRINT = operator.itemgetter(2)  # of a _Stories row


# per engine (so per Store): topic -> its alerts read so far; a topic's alerts are never deleted (only operator
# notices may be withdrawn), so only newer ones are read
_STORIES: weakref.WeakKeyDictionary[Engine, dict[str, _Stories]] = weakref.WeakKeyDictionary()


# The statements of storing a poll's articles. A cold round stores tens of thousands of articles, so these bypass
# SQLAlchemy's statement objects: they are SQL written here, run on the DB-API cursor of the session's connection
# with plain tuples. SQLAlchemy's own work per statement and per row (rendering an expanding IN list, building each
# row's parameters and processing its values, making a result) costs several times what SQLite spends running
# them. A value is converted as SQLAlchemy would convert it for its column (its bind processor: SQLite keeps a
# datetime as text), so what is written and read is the same. In the SQL, each ``?`` is one parameter and each
# ``{}`` an IN list (see ``_sql``).
_ALERT, _ARTICLE, _KEY, _DELIVERY = AlertRow.__table__, ArticleRow.__table__, SeenKey.__table__, DeliveryRow.__table__
_RECENT = "FROM alert WHERE topic_id = ? AND created_at >= ?"  # a topic's alerts since a time
_READ_STORIES = ("SELECT alert.created_at, alert.id, article.simhash, alert.held FROM alert JOIN article "
                 "ON article.id = alert.article_id WHERE alert.topic_id = ? AND alert.created_at >= ?")
_COUNT_STORIES = f"SELECT count(*) {_RECENT}"
_COUNT_SENT = f"SELECT count(*) {_RECENT} AND held IS NULL"
_KNOWN_KEYS = "SELECT key FROM seen_key WHERE key IN ({})"
_TAKEN_IDS = "SELECT id, dedup_key FROM alert WHERE id IN ({})"
_ARTICLES_BY = "SELECT id, url, content_hash FROM article WHERE url IN ({}) OR content_hash IN ({})"
# a poll's new articles go in in one executemany, then their ids are read by URL in one query (URLs are unique:
# an article whose URL is known is a copy): cheaper than INSERT ... RETURNING, which runs row by row
_IDS_OF_URLS = "SELECT url, id FROM article WHERE url IN ({})"
_CHUNK = 500  # values in one IN (...): well below every database's limit on parameters
_MARK = {"qmark": "?", "format": "%s", "pyformat": "%s"}  # a positional parameter, by the driver's paramstyle


@functools.lru_cache(maxsize=1024)
def _sql(paramstyle: str, sql: str, *in_lists: int) -> str:
    """The SQL in the driver's placeholders, each ``{}`` an IN list of as many parameters as the next of
    ``in_lists`` says."""
    mark = _MARK[paramstyle]
    return sql.replace("?", mark).format(*(", ".join([mark] * n) for n in in_lists))


def _run(conn, sql: str, params: Sequence = (), *in_lists: int) -> list[tuple]:
    """One statement written as ``_sql`` takes it, with positional parameters (a list of tuples: executemany), on
    the connection's DB-API cursor, in its transaction; the rows it returns. A driver's error is raised as
    SQLAlchemy raises it (wrapped in its exception classes, a lost connection invalidated)."""
    return _on_cursor(conn, sql, params, in_lists, False)


def _count(conn, sql: str, params: Sequence) -> int:
    """An UPDATE or DELETE run as ``_run`` runs it: how many rows it changed."""
    return _on_cursor(conn, sql, params, (), True)


def _on_cursor(conn, sql: str, params: Sequence, in_lists: tuple[int, ...], count: bool):
    sql = _sql(conn.dialect.paramstyle, sql, *in_lists)
    cursor = conn.connection.cursor()
    try:
        if isinstance(params, list):
            cursor.executemany(sql, params)
            return cursor.rowcount if count else []
        cursor.execute(sql, params)
        if count:
            return cursor.rowcount
        return cursor.fetchall() if cursor.description is not None else []
    except Exception as e:
        conn._handle_dbapi_exception(e, sql, params, cursor, None)  # what exec_driver_sql does with it
    finally:
        cursor.close()


def _select_in(conn, sql: str, *values: list) -> list[tuple]:
    """The rows of a SELECT with an IN list per list of values (each at most ``_CHUNK``; an empty one matches no
    row: ``IN (NULL)``)."""
    values = tuple(v or [None] for v in values)
    return _run(conn, sql, tuple(x for v in values for x in v), *map(len, values))


@functools.lru_cache(maxsize=256)
def _bind(dialect, table, column: str):
    """The column's bind processor on this dialect, as SQLAlchemy applies it (None: the value as it is)."""
    return table.c[column].type.dialect_impl(dialect).bind_processor(dialect)


@functools.lru_cache(maxsize=16)
def _read_time(dialect):
    """A DateTime column's value as the driver gives it (SQLite: text) -> datetime, as SQLAlchemy reads it."""
    return _ALERT.c.created_at.type.dialect_impl(dialect).result_processor(dialect, None) or (lambda value: value)


def _time_param(conn, value: datetime):
    """A datetime to compare with a DateTime column."""
    bind = _bind(conn.dialect, _ALERT, "created_at")
    return value if bind is None else bind(value)


@functools.lru_cache(maxsize=64)
def _insert_sql(dialect, table, columns: tuple[str, ...]) -> tuple[str, list[tuple[int, Callable]]]:
    """The INSERT of these columns, and the bind processor of each that has one, by its place."""
    quote = dialect.identifier_preparer.quote
    binds = [(i, bind) for i, c in enumerate(columns) if (bind := _bind(dialect, table, c)) is not None]
    return (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) "
            f"VALUES ({', '.join('?' * len(columns))})", binds)


def _insert_rows(conn, table, rows: list[dict]) -> None:
    """Rows (dicts with the same keys, two keys or more) into the table, in one executemany."""
    columns = tuple(rows[0])
    sql, binds = _insert_sql(conn.dialect, table, columns)
    values = list(map(operator.itemgetter(*columns), rows))
    if binds:
        values = [list(row) for row in values]
        for row in values:
            for i, bind in binds:
                row[i] = bind(row[i])
    _run(conn, sql, values)


# An article too short for a fingerprint, among a topic's stories: more than NEAR bits from any 64-bit fingerprint
# (the bits above them), so the one comparison covers it
_NO_PRINT = ((1 << (NEAR + 1)) - 1) << 64


def _print(fingerprint: str | None) -> int:
    return _NO_PRINT if fingerprint is None else int(fingerprint, 16)


def _read_stories(conn, topic_id: str, since: datetime) -> list[tuple[datetime, str, int, str | None]]:
    read = _read_time(conn.dialect)
    return [(to_utc(read(at)), aid, _print(h), held)
            for at, aid, h, held in _run(conn, _READ_STORIES, (topic_id, _time_param(conn, since)))]


def _topic_stories(s: Session, topic_id: str, since: datetime, reload: bool = False) -> _Stories:
    """The topic's alerts from ``since`` on, as the session sees them now: those read before, and the newer."""
    conn = s.connection()
    topics = _STORIES.setdefault(s.get_bind(), {})
    known = topics.get(topic_id)
    if reload or known is None or since < known.since:
        rows = sorted(_read_stories(conn, topic_id, since))
        known = topics[topic_id] = _Stories(since, rows[-1][0] if rows else since, rows, {r[1] for r in rows})
    else:  # only the newer (ties at the newest included: the ids tell the ones read already)
        for row in _read_stories(conn, topic_id, known.upto):
            if row[1] not in known.ids:
                bisect.insort(known.alerts, row)
                known.ids.add(row[1])
                known.upto = max(known.upto, row[0])
    start = bisect.bisect_left(known.alerts, (since,))
    if start > len(known.alerts) // 2:  # past the cooldown: forget them (an earlier ``since`` reads again)
        known.ids.difference_update(row[1] for row in known.alerts[:start])
        del known.alerts[:start]
        known.since, start = since, 0
    ((stored,),) = _run(conn, _COUNT_STORIES, (topic_id, _time_param(conn, since)))
    if stored != len(known.alerts) - start and not reload:
        # another instance committed an alert older than the newest read, or a transaction that wrote some was
        # rolled back: read the cooldown again
        return _topic_stories(s, topic_id, since, reload=True)
    return known


@dataclass
class _BatchAlerts:
    """What one ``save_articles`` call reads once and then keeps up to date itself, so that an alert costs
    no query of its own: the alert ids already taken, and per topic its alerts sent in the last hour and its
    stories within the cooldown (checked against the database once per call, see ``_topic_stories``). The
    alerts sent in the last hour are counted from those stories when they span the hour (a cooldown of an hour
    or more), else read."""

    taken: dict[str, str]  # alert id -> its dedup key, for the ids this call's matches would take
    sent_last_hour: dict[str, int] = field(default_factory=dict)
    stories: dict[str, _Stories] = field(default_factory=dict)
    checked: dict[str, datetime] = field(default_factory=dict)  # per topic: the time its stories were checked from
    # the alerts and deliveries made and not yet written: written together (``flush``) before anything reads
    # alerts back, and before the commit - one executemany each instead of the ORM's work per row
    unwritten_alerts: list[dict] = field(default_factory=list)
    unwritten_deliveries: list[dict] = field(default_factory=list)

    def flush(self, s: Session) -> None:
        """All this call made so far into the transaction: the session's objects, then the unwritten rows."""
        s.flush()
        conn = s.connection()
        if self.unwritten_alerts:
            _insert_rows(conn, _ALERT, self.unwritten_alerts)
            self.unwritten_alerts = []
        if self.unwritten_deliveries:  # after their alerts (foreign key)
            _insert_rows(conn, _DELIVERY, self.unwritten_deliveries)
            self.unwritten_deliveries = []

    def stories_of(self, s: Session, topic_id: str, since: datetime, reload: bool = False) -> _Stories:
        """The topic's stories from ``since`` on: read and checked once per call (or again: ``reload``)."""
        known = self.stories.get(topic_id)
        if known is None or reload:
            self.flush(s)
            known = self.stories[topic_id] = _topic_stories(s, topic_id, since, reload)
            self.checked[topic_id] = since
        return known

    def sent(self, s: Session, topic_id: str, now: datetime) -> int:
        if topic_id not in self.sent_last_hour:
            hour_ago, checked = now - timedelta(hours=1), self.checked.get(topic_id)
            if checked is not None and checked <= hour_ago:  # the stories this call checked span the hour
                known = self.stories[topic_id].alerts
                count = [row[3] for row in known[bisect.bisect_left(known, (hour_ago,)):]].count(None)  # held None
            else:
                conn = s.connection()
                ((count,),) = _run(conn, _COUNT_SENT, (topic_id, _time_param(conn, hour_ago)))
            self.sent_last_hour[topic_id] = count
        return self.sent_last_hour[topic_id]

    def forget(self, s: Session) -> None:
        """The call is rolled back: drop the topics it read from the per-Store cache (read again next time)."""
        topics = _STORIES.get(s.get_bind(), {})
        for topic_id in self.stories:
            topics.pop(topic_id, None)

    def added(self, topic_id: str, alert_id: str, key: str, at: datetime, fingerprint: str | None,
              held: str | None) -> None:
        """An alert this call wrote: counted and remembered as the database will have it once committed."""
        self.taken[alert_id] = key
        if held is None and topic_id in self.sent_last_hour:
            self.sent_last_hour[topic_id] += 1
        known = self.stories.get(topic_id)
        if known is not None:
            bisect.insort(known.alerts, (at, alert_id, _print(fingerprint), held))
            known.ids.add(alert_id)
            known.upto = max(known.upto, at)


def _same_story(s: Session, batch: _BatchAlerts, topic_id: str, fingerprint: str | None,
                since: datetime) -> AlertRow | None:
    """The first alert of this topic, within its cooldown, whose article's body is a near-duplicate."""
    if fingerprint is None:
        return None
    mine = int(fingerprint, 16)  # near_duplicate, inlined: a topic's alerts within its cooldown are many
    known = batch.stories_of(s, topic_id, since)
    for attempt in (False, True):
        start = bisect.bisect_left(known.alerts, (since,))  # the distances to each, in C (a cold round: thousands)
        prints = map(_FINGERPRINT, itertools.islice(known.alerts, start, None))
        bits = list(map(int.bit_count, map(mine.__xor__, prints)))
        if not bits or min(bits) > NEAR:
            return None
        first = known.alerts[start + next(i for i, b in enumerate(bits) if b <= NEAR)][1]
        batch.flush(s)
        row = s.get(AlertRow, first)
        if row is not None:
            return row
        if not attempt:  # gone (a rolled-back transaction's?): read the cooldown again
            known = batch.stories_of(s, topic_id, since, reload=True)
    return None  # read again, it is gone: not reached while a topic's alerts are never deleted


def _also_reported(s: Session, alert: AlertRow, article: Article, now: datetime) -> None:
    """Record a copy of the alert's story at another address (once per address)."""
    also = json.loads(alert.also_reported_by or "[]")
    if any(x.get("url") == article.url for x in also):
        return
    also.append({"source": article.source_id, "url": article.url, "title": article.title,
                 "at": now.strftime("%Y-%m-%dT%H:%M:%SZ")})
    alert.also_reported_by = json.dumps(also, ensure_ascii=False)
    s.add(alert)


def _delivery_row(alert_id: str, channel_id: str, due: datetime | None, digest_key: str | None,
                  now: datetime) -> dict:
    """A new delivery, pending and never tried (every column: rows are inserted many at a time)."""
    return dict(alert_id=alert_id, channel_id=channel_id, status="pending", attempts=0, next_attempt_at=due,
                last_error=None, sent_at=None, last_attempt_at=None, digest_key=digest_key, created_at=now)


def _known_keys(conn, keys: list[str]) -> set[str]:
    known: set[str] = set()
    for i in range(0, len(keys), _CHUNK):
        known.update(key for (key,) in _select_in(conn, _KNOWN_KEYS, keys[i:i + _CHUNK]))
    return known


def _taken_ids(conn, ids: list[str]) -> dict[str, str]:
    """{alert id: its dedup key} of these ids that are stored."""
    taken: dict[str, str] = {}
    for i in range(0, len(ids), _CHUNK):
        taken.update((aid, key) for aid, key in _select_in(conn, _TAKEN_IDS, ids[i:i + _CHUNK]))
    return taken


def _articles_by(conn, urls: set[str], hashes: set[str]) -> tuple[dict, dict]:
    """The stored articles with one of these URLs or content hashes: ({url: (id, url)}, {hash: (id, url)}),
    the oldest article for a hash several share."""
    by_url: dict[str, tuple[int, str]] = {}
    by_hash: dict[str, tuple[int, str]] = {}
    urls_, hashes_ = sorted(urls), sorted(hashes)
    for i in range(0, max(len(urls_), len(hashes_)), _CHUNK):
        rows = _select_in(conn, _ARTICLES_BY, urls_[i:i + _CHUNK], hashes_[i:i + _CHUNK])
        for article_id, url, content_hash in rows:
            by_url[url] = (article_id, url)
            if content_hash not in by_hash or article_id < by_hash[content_hash][0]:
                by_hash[content_hash] = (article_id, url)
    return by_url, by_hash


def _latest_total(s: Session, topic_id: str) -> int | None:
    row = s.get(TopicTotal, topic_id)
    return row.value if row is not None else None


def _set_total(s: Session, topic_id: str, value: int, article_url: str) -> None:
    now = utcnow()
    row = s.get(TopicTotal, topic_id) or TopicTotal(topic_id=topic_id, value=value, article_url=article_url,
                                                     reported_at=now)
    row.value, row.article_url, row.reported_at = value, article_url, now
    s.add(row)


def _evidence(match, previous_total: int | None) -> dict:
    """An alert's stored evidence: the match's, and the topic's total as it stood before this alert's article, the
    one the alert's log line and its messages both say "previously" of (read back by ``Store._view``)."""
    evidence = match.evidence.to_json()
    if previous_total is not None:
        evidence["previous_total"] = previous_total
    return evidence


def alert_id_for(topic_id: str, article_url: str, length: int = 12) -> str:
    """Stable: the same story and topic always give the same id, so a resend is recognisable."""
    import hashlib

    return hashlib.sha256(f"{topic_id}|{article_url}".encode()).hexdigest()[:length]


@functools.cache
def _record_poll_statement(names: tuple[str, ...], ok: bool):
    """The UPDATE of a poll's outcome setting these columns (values bound as ``v_<name>``), built once per shape:
    one more poll, a lease this instance holds given up, the failure count reset or one more.

    A failure returns the row as it left it. A success applies only to a source reported failing, whose notice it
    clears, returning the row: it runs after ``_ok_poll_sql``'s UPDATE, which applies only to one not reported
    failing, and which of the two matched tells, atomically, whether this poll is the recovery."""
    t = SourceState.__table__
    mine = t.c.lease_owner == bindparam("owner")  # done: free for the next poll, by any instance
    values: dict = {name: bindparam(f"v_{name}") for name in names}
    if "items_new" in names:
        values["articles"] = t.c.articles + bindparam("v_items_new")
    values.update(polls=t.c.polls + 1, lease_owner=case((mine, None), else_=t.c.lease_owner),
                  lease_until=case((mine, None), else_=t.c.lease_until))
    source = t.c.source_id == bindparam("source")
    if not ok:
        values["consecutive_failures"] = t.c.consecutive_failures + 1
        return update(t).where(source).values(values).returning(*t.c)
    values["failing_notice"] = None
    return update(t).where(source, t.c.failing_notice.is_not(None)).values(values).returning(*t.c)


@functools.lru_cache(maxsize=64)
def _ok_poll_sql(dialect, names: tuple[str, ...]) -> tuple[str, list[Callable | None]]:
    """The UPDATE of a successful poll on a source not reported failing (no ``failing_notice``), written for
    ``_count`` (a round runs a thousand of it), setting the same as ``_record_poll_statement``; and the bind
    processor of each of the ``names``. Its parameters: the values of ``names`` (``items_new`` twice: it is also
    added to ``articles``), the owner twice, the source."""
    freed = "CASE WHEN lease_owner = ? THEN NULL ELSE {} END"  # each SET reads the row as it was
    sets = [f"{name} = ?" for name in names] + (["articles = articles + ?"] if "items_new" in names else [])
    sets += ["polls = polls + 1", f"lease_owner = {freed.format('lease_owner')}",
             f"lease_until = {freed.format('lease_until')}"]
    sql = f"UPDATE source_state SET {', '.join(sets)} WHERE source_id = ? AND failing_notice IS NULL"
    return sql, [_bind(dialect, _STATE, name) for name in names]


_STATE = SourceState.__table__
_NEW_STATE = SourceState(source_id="").model_dump()  # a new source's columns, before its first poll
_INSERT_STATE = insert(_STATE)
_STATE_EXISTS = select(_STATE.c.source_id).where(_STATE.c.source_id == bindparam("source"))
# a failing source reported to the operator: only by the one poll that finds it not reported yet
_FLAG_FAILING = (update(_STATE).where(_STATE.c.source_id == bindparam("source"), _STATE.c.failing_notice.is_(None))
                 .values(failing_notice=bindparam("notice")))


def notice_about(alert: AlertRow) -> tuple[str, str]:
    """(kind, source id) of an operator notice, as ``_queue_notice`` wrote them in its evidence."""
    about = json.loads(alert.evidence or "{}")
    return about.get("notice", "notice"), about.get("source", "")


def notice_id_for(source_id: str, kind: str, poll: int) -> str:
    """A notice's id: the source, what it says and the poll that made it (a source's polls are counted)."""
    return alert_id_for(OPERATOR_TOPIC, f"{source_id}|{kind}|{poll}")


_WITHDRAW_MARGIN = timedelta(minutes=5)  # a held notice due sooner than this is left to go out


def _notice_key(source_id: str, kind: str, notice_id: str = "") -> str:
    """A notice's dedup key: the source and what it says are found by it (``_withdraw_held_failing``)."""
    return f"{OPERATOR_TOPIC}|{kind}|{source_id}|{notice_id}"


def _queue_notice(conn, notices: OperatorNotices, kind: str, state: SourceState, notice_id: str,
                  now: datetime) -> None:
    """A notice and its one delivery in the outbox, in the caller's transaction (the poll's record)."""
    title, body = notices.render(kind, state)
    _insert_rows(conn, _ALERT, [AlertRow(
        id=notice_id, topic_id=OPERATOR_TOPIC, article_id=None, dedup_key=_notice_key(state.source_id, kind, notice_id),
        severity="warning" if kind == "failing" else "info", score=0.0, title=title, body=body,
        evidence=json.dumps({"notice": kind, "source": state.source_id}), facts="[]", also_reported_by="[]",
        held=None, created_at=now).model_dump()])
    _insert_rows(conn, _DELIVERY, [_delivery_row(notice_id, notices.channel_id, notices.due(now) or now, None, now)])


def _withdraw_held_failing(conn, source_id: str) -> bool:
    """A source recovering while its "failing" notice still waits, never tried, for the end of the channel's quiet
    hours: the notice is withdrawn (its delivery and row deleted) and no "recovered" notice is needed. Only a notice
    due later than ``_WITHDRAW_MARGIN`` from now, decided by the DELETE itself: one due sooner may be in a sender's
    hands (``monitor retry`` makes it due now). True when one was withdrawn."""
    notices = select(_ALERT.c.id).where(
        _ALERT.c.topic_id == OPERATOR_TOPIC,
        _ALERT.c.dedup_key.startswith(_notice_key(source_id, "failing"), autoescape=True))
    gone = conn.execute(delete(_DELIVERY).where(
        _DELIVERY.c.alert_id.in_(notices), _DELIVERY.c.status == "pending", _DELIVERY.c.attempts == 0,
        _DELIVERY.c.next_attempt_at > utcnow() + _WITHDRAW_MARGIN).returning(_DELIVERY.c.alert_id)).scalars().all()
    if gone:
        conn.execute(delete(_ALERT).where(_ALERT.c.id.in_(gone)))
    return bool(gone)


class Store:
    def __init__(self, url: str, schema: str = "upgrade"):
        self.url = url
        self.engine = open_engine(url, schema)
        self.leases = Leases(self.engine, instance_id())  # this process's share of the work

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

    def add_sources(self, source_ids: Sequence[str]) -> None:
        """State rows for the sources that have none (never polled), made at once: each poll's record is then one
        UPDATE (the leases' claim makes them too, a batch at a time)."""
        add_sources(self.engine, source_ids)

    def all_source_states(self) -> dict[str, SourceState]:
        with self._session() as s:
            rows = s.exec(select(SourceState)).all()
            return {r.source_id: r for r in rows}

    def record_poll(self, source_id: str, *, status: str, error: str | None, ok: bool, next_due: datetime,
                    etag: str | None = None, last_modified: str | None = None, items_seen: int | None = None,
                    items_new: int | None = None, notices: OperatorNotices | None = None) -> str | None:
        """Record a poll's outcome on its source. With ``notices``, the poll that makes the source fail
        ``notices.threshold`` times in a row queues one "failing" notice (in the outbox, in this transaction),
        and its first success after that one "recovered" notice - or, when the "failing" one still waits for the end
        of the channel's quiet hours, never tried, withdraws it and sends none; returns which, if any.

        Each is decided by an UPDATE, so only one poll ever makes it, whatever the instances sharing the
        database: the failure count is incremented and read back in one statement, and a failing source is
        marked reported (``failing_notice``) only where it was not yet; a success clears the mark only where it
        is set, with or without ``notices`` (a spell reported before the channel was unset ends too). A success
        on a source not reported failing, the common case, is still one UPDATE."""
        now = utcnow()
        values = {"status": status, "last_error": error, "last_poll_at": now, "next_due_at": next_due}
        if ok:
            values.update(consecutive_failures=0, last_success_at=now)
            if etag is not None or last_modified is not None:
                values.update(etag=etag, last_modified=last_modified)
            if items_seen is not None:
                values["items_seen"] = items_seen
            if items_new is not None:
                values["items_new"] = items_new
        names = tuple(values)
        params = {"source": source_id, "owner": self.leases.owner, **{f"v_{k}": v for k, v in values.items()}}
        with self.engine.begin() as conn:  # a round records a thousand of these: mostly one UPDATE, no read
            exists = False
            if ok:
                sql, binds = _ok_poll_sql(conn.dialect, names)
                row = [v if bind is None else bind(v) for v, bind in zip(values.values(), binds, strict=True)]
                first = (*row, *([items_new] if "items_new" in values else []), self.leases.owner, self.leases.owner,
                         source_id)
            for _ in range(3):
                if ok and _count(conn, sql, first):
                    return None
                # a failure; or a success on a source reported failing (this poll ends the spell), or not stored
                after = conn.execute(_record_poll_statement(names, ok), params).first()
                exists = after is not None or (ok and conn.execute(_STATE_EXISTS, {"source": source_id}).first()
                                                is not None)
                if after is not None or not exists:
                    break
                # neither matched, yet the row is there: on PostgreSQL another instance's success cleared the
                # mark between the two statements (each sees what is committed when it runs); again
            if after is None and exists:  # raced three times: the row is there, the next poll records its own
                logging.getLogger("monitor.store").warning("source %s: poll not recorded (other instances were "
                                                           "recording it at the same time)", source_id)
                return None
            if after is None:  # no row yet: the source's first poll
                row = {**_NEW_STATE, "source_id": source_id, **values, "polls": 1, "lease_owner": None,
                       "lease_until": None, "consecutive_failures": 0 if ok else 1,
                       "articles": values.get("items_new", 0)}
                conn.execute(_INSERT_STATE, row)
            else:
                row = after._mapping
            if notices is None or (ok and after is None):
                return None
            if ok:
                if _withdraw_held_failing(conn, source_id):
                    logging.getLogger("monitor.store").info(
                        "source %s recovered before its failing notice left (quiet hours): notice withdrawn", source_id)
                    return None
                state = SourceState(**row)
                _queue_notice(conn, notices, "recovered", state, notice_id_for(source_id, "recovered", state.polls),
                              now)
                return "recovered"
            if row["failing_notice"] is not None or row["consecutive_failures"] < notices.threshold:
                return None
            state = SourceState(**row)
            notice_id = notice_id_for(source_id, "failing", state.polls)
            if not conn.execute(_FLAG_FAILING, {"source": source_id, "notice": notice_id}).rowcount:
                return None  # another poll reported it meanwhile
            state.failing_notice = notice_id
            _queue_notice(conn, notices, "failing", state, notice_id, now)
            return "failing"

    # -- articles ----------------------------------------------------------------------------

    def seen(self, keys: Iterable[str]) -> bool:
        keys = [k for k in keys if k]
        if not keys:
            return False
        with self._session() as s:
            return s.exec(select(SeenKey.key).where(SeenKey.key.in_(keys)).limit(1)).first() is not None

    def seen_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these keys are known: one query for a whole poll's items."""
        with self.engine.connect() as conn:
            return _known_keys(conn, list(dict.fromkeys(k for k in keys if k)))

    def save_articles(self, items: Sequence[ArticleToSave], render, plan,
                      cooldown=lambda topic_id: 3 * 86400.0) -> list[Saved]:
        """Store articles with their alerts and deliveries (the outbox), in one transaction, one after the other.

        An item with a key already known (stored before, or by an earlier item) is skipped: nothing is written
        ("seen"). An article known by its URL or content hash is not stored again: only its keys are, and a copy
        from another address is recorded as "also reported by" on the first article's alerts ("copy"). A match on
        a near-duplicate of an article that already alerted for the topic within its cooldown (the same text
        republished) is recorded the same way instead of alerting. The first total a new article's match
        states becomes the topic's latest. A new article that matched no topic is remembered by its keys only (no
        article row: nothing reads it again, and at a thousand sources its row would cost more than all the rest).

        ``render(article, match, previous_total, alert_id) -> (title, body, severity)``;
        ``plan(match, sent_last_hour) -> (held, [DeliveryPlan])`` (see ``monitor.noise``);
        ``cooldown(topic_id) -> seconds`` a story is remembered for that topic. Returns one Saved per item,
        in order.
        """
        results: list[Saved | None] = []
        with self._session() as s:
            conn = s.connection()
            known = _known_keys(conn, list({k for it in items for k in it.keys if k}))
            by_url, by_hash = _articles_by(conn, {it.article.url for it in items},
                                           {it.article.content_hash for it in items})
            # first what becomes of each item, in order; an article to insert is known by its place in
            # new_rows until the one INSERT of them all gives it its id
            new_rows: list[dict] = []
            steps: list[tuple[int, bool, object, str, tuple[str, ...], datetime]] = []  # item, new?, ref, url, keys, at
            for n, it in enumerate(items):
                keys = tuple(dict.fromkeys(k for k in it.keys if k))
                if any(k in known for k in keys):
                    results.append(Saved("seen"))
                    continue
                now, article = utcnow(), it.article
                found = [x for x in (by_url.get(article.url), by_hash.get(article.content_hash)) if x]
                is_new = not found
                if found:  # the article at this URL, else the first with this content
                    ref, url = found[0]
                elif not it.matches:  # its keys, with no article
                    ref, url = None, article.url
                else:
                    ref, url = ("new", len(new_rows)), article.url
                    new_rows.append(dict(
                        source_id=article.source_id, url=article.url, guid=article.guid, title=article.title,
                        summary=article.summary, body=article.body, published=article.published,
                        language=article.language, content_hash=article.content_hash, simhash=it.fingerprint,
                        first_seen=now))
                    by_url[article.url] = (ref, article.url)
                    by_hash.setdefault(article.content_hash, (ref, article.url))
                results.append(None)
                steps.append((n, is_new, ref, url, keys, now))
                known.update(keys)
            ids = {}
            if new_rows:
                _insert_rows(conn, _ARTICLE, new_rows)
                urls = [r["url"] for r in new_rows]
                for i in range(0, len(urls), _CHUNK):
                    ids.update((url, n) for url, n in _select_in(conn, _IDS_OF_URLS, urls[i:i + _CHUNK]))
            batch = _BatchAlerts(_taken_ids(conn, [alert_id_for(m.topic_id, items[n].article.url)
                                                   for n, is_new, *_ in steps if is_new for m in items[n].matches]))
            try:
                new_keys: list[dict] = []
                for n, is_new, ref, url, keys, now in steps:  # then, in order, the alerts of the new and the copies
                    it = items[n]
                    article_id = ids[new_rows[ref[1]]["url"]] if isinstance(ref, tuple) else ref
                    if is_new:
                        results[n] = Saved("new", tuple(self._alerts(s, batch, article_id, it, now, render, plan,
                                                                     cooldown)) if it.matches else ())
                    else:
                        if url != it.article.url:
                            batch.flush(s)
                            for alert in s.exec(select(AlertRow).where(AlertRow.article_id == article_id)).all():
                                _also_reported(s, alert, it.article, now)
                        results[n] = Saved("copy")
                    new_keys += [{"key": k, "article_id": article_id} for k in keys]
                batch.flush(s)
                if new_keys:
                    _insert_rows(conn, _KEY, new_keys)
                s.commit()
            except BaseException:  # rolled back: the alerts the batch remembered were never stored
                batch.forget(s)
                raise
        return results  # type: ignore[return-value]  # every place filled

    @staticmethod
    def _alerts(s: Session, batch: _BatchAlerts, article_id: int, item: ArticleToSave, now: datetime, render, plan,
                cooldown) -> list[NewAlert]:
        """The alerts (and their deliveries) of a new article's matches, and the topics' latest totals."""
        article, alerts = item.article, []
        previous = {m.topic_id: _latest_total(s, m.topic_id) for m in item.matches
                    if any(f.kind == "total" for f in m.facts)}
        for m in item.matches:
            aid, key = alert_id_for(m.topic_id, article.url), f"{m.topic_id}|{article.url}"
            taken = batch.taken.get(aid)
            if taken is not None and taken != key:  # two stories, one short id: take a longer one
                logging.getLogger("monitor.store").error("alert id %s is taken by another story; using a longer id",
                                                         aid)
                aid = alert_id_for(m.topic_id, article.url, length=32)
                batch.flush(s)
                longer = s.get(AlertRow, aid)
                taken = None if longer is None else longer.dedup_key
            if taken is not None:
                continue
            first = _same_story(s, batch, m.topic_id, item.fingerprint,
                                now - timedelta(seconds=cooldown(m.topic_id)))
            if first is not None:
                _also_reported(s, first, article, now)
                continue
            title, body, severity = render(article, m, previous.get(m.topic_id), aid)
            held, plans = plan(m, batch.sent(s, m.topic_id, now))
            batch.unwritten_alerts.append(dict(
                id=aid, topic_id=m.topic_id, article_id=article_id, dedup_key=key, severity=severity, score=m.score,
                title=title, body=body, evidence=json.dumps(_evidence(m, previous.get(m.topic_id)), ensure_ascii=False),
                facts=json.dumps([f.to_json() for f in m.facts], ensure_ascii=False), also_reported_by="[]",
                held=held, created_at=now))
            batch.added(m.topic_id, aid, key, now, item.fingerprint, held)
            batch.unwritten_deliveries += [_delivery_row(aid, p.channel_id, p.due, p.digest_key, now) for p in plans]
            alerts.append(NewAlert(aid, m.topic_id, title, body, tuple(p.channel_id for p in plans)))
        for m in item.matches:  # the first total an article states becomes the topic's latest
            totals = [f.value for f in m.facts if f.kind == "total"]
            if totals:
                _set_total(s, m.topic_id, totals[0], article.url)
        return alerts

    def latest_total(self, topic_id: str) -> int | None:
        """The last total a matching article stated for the topic (``Fact`` kind "total"), if any."""
        with self._session() as s:
            return _latest_total(s, topic_id)

    def record_total(self, topic_id: str, value: int, article_url: str) -> None:
        """Keep ``value`` as the topic's latest stated total."""
        with self._session() as s:
            _set_total(s, topic_id, value, article_url)
            s.commit()

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
                due = to_utc(d.next_attempt_at)
                if now is not None and due is not None and due > now:
                    continue
                if with_alert and a.id not in views:
                    views[a.id] = self._view(s, a)
                out.append(PendingDelivery(d.id, a.id, d.channel_id, d.attempts, a.title, a.body,
                                           to_utc(a.created_at), due, d.digest_key, views.get(a.id)))
            return out

    @staticmethod
    def _view(s: Session, a: AlertRow) -> AlertView:
        if a.article_id is None:  # an operator notice: its words were written when it was made
            kind, source_id = notice_about(a)
            return AlertView(alert_id=a.id, topic_id=a.topic_id, severity=a.severity, title=a.title, body=a.body,
                             article_title="", url="", source_id=source_id, published=None,
                             created_at=to_utc(a.created_at), notice=kind)
        evidence = json.loads(a.evidence or "{}")
        art = s.get(ArticleRow, a.article_id)
        facts = tuple(json.loads(a.facts or "[]"))
        previous_total = evidence.get("previous_total")
        return AlertView(
            alert_id=a.id, topic_id=a.topic_id, severity=a.severity, title=a.title, body=a.body,
            article_title=art.title, url=art.url, source_id=art.source_id, published=to_utc(art.published),
            created_at=to_utc(a.created_at), snippet=evidence.get("snippet", ""),
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

    def recent_alerts(self, limit: int = 20) -> list[tuple[AlertRow, ArticleRow | None, list[DeliveryRow]]]:
        """The newest alerts with their article (None: an operator notice) and deliveries."""
        with self._session() as s:
            alerts = s.exec(select(AlertRow, ArticleRow).outerjoin(ArticleRow, ArticleRow.id == AlertRow.article_id)
                            .order_by(AlertRow.created_at.desc()).limit(limit)).all()
            out = []
            for a, art in alerts:
                ds = s.exec(select(DeliveryRow).where(DeliveryRow.alert_id == a.id)
                            .order_by(DeliveryRow.channel_id)).all()
                out.append((a, art, list(ds)))
            return out
