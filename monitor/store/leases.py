"""Leases: how several instances on one database share the work, each piece done by exactly one of them.

A due source is claimed with a row lock (``SELECT ... FOR UPDATE SKIP LOCKED``: instances claiming
at the same moment skip each other's rows instead of waiting) and marked with the instance's id
and an expiry. Recording the poll frees it, with its next due time. A channel is claimed the same
way for one delivery pass: one sender per channel keeps every pending delivery sent once and the
channel's alerts in the order they were made. A running instance renews what it holds (every
third of the lease period); when it dies its leases expire and another instance takes the work
over within one lease period. On SQLite (one instance) the same code runs; FOR UPDATE is a no-op.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from monitor.store.models import ChannelLease, SourceState

SOURCES = SourceState.__table__
CHANNELS = ChannelLease.__table__


def _insert_missing(conn: Connection, table, key: str, rows: list[dict]) -> None:
    """Insert these rows where their key is not there yet (another instance may insert them at once)."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(index_elements=[key]), rows)  # one statement, many rows


def add_sources(engine: Engine, source_ids: Sequence[str]) -> None:
    """A never-polled state row for each of these sources that has none yet, inserted in key order (no deadlock
    between instances doing the same): a poll's outcome is then recorded by one UPDATE."""
    ids = sorted(set(source_ids))
    with engine.begin() as conn:
        known = set(conn.execute(select(SOURCES.c.source_id).where(SOURCES.c.source_id.in_(ids))).scalars())
        _insert_missing(conn, SOURCES, "source_id", [SourceState(source_id=i).model_dump() for i in ids
                                                     if i not in known])


class Leases:
    def __init__(self, engine: Engine, owner: str):
        self.engine = engine
        self.owner = owner

    # -- sources -------------------------------------------------------------------------------

    def claim_sources(self, source_ids: Sequence[str], now: datetime, period: float,
                      limit: int | None = None, due_by: datetime | None = None) -> list[str]:
        """Claim up to ``limit`` of these sources that are due (at ``due_by``, default ``now``) and not
        leased at ``now``; the most overdue first."""
        due_by = due_by or now
        if not source_ids:
            return []
        ids = sorted(set(source_ids))
        add_sources(self.engine, ids)  # state rows of new sources first
        with self.engine.begin() as conn:
            query = (select(SOURCES.c.source_id)
                     .where(SOURCES.c.source_id.in_(ids),
                            or_(SOURCES.c.next_due_at.is_(None), SOURCES.c.next_due_at <= due_by),
                            or_(SOURCES.c.lease_until.is_(None), SOURCES.c.lease_until <= now))
                     .order_by(SOURCES.c.next_due_at.nulls_first(), SOURCES.c.source_id)
                     .with_for_update(skip_locked=True))
            if limit is not None:
                query = query.limit(limit)
            claimed = list(conn.execute(query).scalars())
            if claimed:
                conn.execute(update(SOURCES).where(SOURCES.c.source_id.in_(claimed))
                             .values(lease_owner=self.owner, lease_until=now + timedelta(seconds=period)))
            return claimed

    # -- channels ------------------------------------------------------------------------------

    def claim_channel(self, channel_id: str, now: datetime, period: float) -> bool:
        """Become the one sender of this channel's deliveries for a pass; False: another instance is."""
        with self.engine.begin() as conn:
            _insert_missing(conn, CHANNELS, "channel_id", [{"channel_id": channel_id}])
        with self.engine.begin() as conn:
            free = conn.execute(
                select(CHANNELS.c.channel_id)
                .where(CHANNELS.c.channel_id == channel_id,
                       or_(CHANNELS.c.lease_owner.is_(None), CHANNELS.c.lease_owner == self.owner,
                           CHANNELS.c.lease_until.is_(None), CHANNELS.c.lease_until <= now))
                .with_for_update(skip_locked=True)).first()
            if free is None:
                return False
            conn.execute(update(CHANNELS).where(CHANNELS.c.channel_id == channel_id)
                         .values(lease_owner=self.owner, lease_until=now + timedelta(seconds=period)))
            return True

    def holds_channel(self, channel_id: str, now: datetime, period: float) -> bool:
        """Still this channel's sender? Extends the lease if so."""
        with self.engine.begin() as conn:
            return conn.execute(update(CHANNELS).where(CHANNELS.c.channel_id == channel_id,
                                                       CHANNELS.c.lease_owner == self.owner)
                                .values(lease_until=now + timedelta(seconds=period))).rowcount == 1

    def release_channel(self, channel_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(CHANNELS).where(CHANNELS.c.channel_id == channel_id,
                                                CHANNELS.c.lease_owner == self.owner)
                         .values(lease_owner=None, lease_until=None))

    # -- all -----------------------------------------------------------------------------------

    def renew(self, now: datetime, period: float) -> None:
        """Extend every lease this instance holds (it is alive and still working on them)."""
        until = now + timedelta(seconds=period)
        with self.engine.begin() as conn:
            for table in (SOURCES, CHANNELS):
                conn.execute(update(table).where(table.c.lease_owner == self.owner).values(lease_until=until))

    def release_all(self) -> None:
        """On a clean stop: what this instance held is free for the others at once."""
        with self.engine.begin() as conn:
            for table in (SOURCES, CHANNELS):
                conn.execute(update(table).where(table.c.lease_owner == self.owner)
                             .values(lease_owner=None, lease_until=None))

    def reset(self) -> None:
        """Free every lease: only for the one instance of a SQLite database, at start-up (a killed
        predecessor's leases would otherwise hold its sources for a lease period)."""
        with self.engine.begin() as conn:
            for table in (SOURCES, CHANNELS):
                conn.execute(update(table).where(table.c.lease_owner.is_not(None))
                             .values(lease_owner=None, lease_until=None))
