"""The tables. One row per source's state, per seen article, per alert, per delivery."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

OPERATOR_TOPIC = "(operator)"  # the topic_id of a notice to the operator's channel: no topic's id looks like it


def _ts(**kw) -> Field:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), **kw))


class SourceState(SQLModel, table=True):
    __tablename__ = "source_state"

    source_id: str = Field(primary_key=True)
    status: str = "new"  # new | ok | not modified | blocked | http error | network error | timeout | parse error ...
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    consecutive_failures: int = 0
    last_poll_at: datetime | None = _ts()
    last_success_at: datetime | None = _ts()
    next_due_at: datetime | None = _ts(index=True)
    etag: str | None = None
    last_modified: str | None = None
    items_seen: int = 0  # items the last successful poll found
    items_new: int = 0  # of which new
    articles: int = 0  # new articles its polls found, all told (each counted once)
    polls: int = 0
    # the instance polling it now, until when (see monitor.store.leases); None: free
    lease_owner: str | None = None
    lease_until: datetime | None = _ts()
    # the id of the notice telling the operator's channel that this source is failing, from the poll that reached
    # the failure threshold until its next success; None: not reported failing (see Store.record_poll)
    failing_notice: str | None = None


class ArticleRow(SQLModel, table=True):
    __tablename__ = "article"
    __table_args__ = (UniqueConstraint("url"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: str = Field(index=True)
    url: str
    guid: str | None = Field(default=None, index=True)
    title: str = Field(sa_column=Column(Text))
    # the text its alerts were made from. Only an article that matched a topic has a row (one that matched none is
    # remembered by its keys: see Store.save_articles); older versions also kept such rows, without their text
    summary: str = Field(default="", sa_column=Column(Text))
    body: str = Field(default="", sa_column=Column(Text))
    published: datetime | None = _ts()
    language: str = "en"
    content_hash: str = Field(index=True)
    # 64-bit SimHash of the body (16 hex digits), for near-duplicates across outlets; None for a short text
    simhash: str | None = None
    first_seen: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class SeenKey(SQLModel, table=True):
    """Every key an item was known by (guid per source, listing URL): seen once, never again."""

    __tablename__ = "seen_key"

    key: str = Field(primary_key=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")  # None: it matched no topic


class AlertRow(SQLModel, table=True):
    """A topic's alert on an article, or a notice to the operator's channel about a source's health: no article,
    topic_id ``OPERATOR_TOPIC`` (never a topic's: ids start with a letter or digit), evidence
    ``{"notice": "failing" | "recovered", "source": id}``. Either goes out through the same outbox."""

    __tablename__ = "alert"
    # a topic's recent alerts, read as a range (near-duplicates within the cooldown, the hourly rate limit)
    __table_args__ = (Index("ix_alert_topic_created", "topic_id", "created_at"),)

    id: str = Field(primary_key=True)  # stable, shown in every message so a resend is recognisable
    topic_id: str = Field(index=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")  # None: an operator notice
    dedup_key: str = Field(unique=True)
    severity: str = "warning"
    score: float = 0.0
    title: str = Field(sa_column=Column(Text))
    body: str = Field(sa_column=Column(Text))
    evidence: str = Field(default="{}", sa_column=Column(Text))  # JSON
    facts: str = Field(default="[]", sa_column=Column(Text))  # JSON
    also_reported_by: str = Field(default="[]", sa_column=Column(Text))  # JSON: [{source, url, title, at}]
    held: str | None = None  # "digest" | "rate limit": delivered in a digest, not on its own
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))


class DeliveryRow(SQLModel, table=True):
    __tablename__ = "delivery"
    __table_args__ = (UniqueConstraint("alert_id", "channel_id"),)

    id: int | None = Field(default=None, primary_key=True)
    alert_id: str = Field(foreign_key="alert.id", index=True)
    channel_id: str
    status: str = Field(default="pending", index=True)  # pending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime | None = _ts(index=True)
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    sent_at: datetime | None = _ts()
    last_attempt_at: datetime | None = _ts()
    digest_key: str | None = Field(default=None, index=True)  # deliveries sharing it go out as one digest
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class TopicTotal(SQLModel, table=True):
    """The latest stated total of a topic's fact (e.g. KFOR's strength), to say "previously N" in an alert."""

    __tablename__ = "topic_total"

    topic_id: str = Field(primary_key=True)
    value: int
    article_url: str = Field(sa_column=Column(Text))
    reported_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class ChannelLease(SQLModel, table=True):
    """Which instance sends a channel's pending deliveries now, until when: one sender per channel keeps
    each delivery sent once and the channel's alerts in order (see monitor.store.leases)."""

    __tablename__ = "channel_lease"

    channel_id: str = Field(primary_key=True)
    lease_owner: str | None = None
    lease_until: datetime | None = _ts()
