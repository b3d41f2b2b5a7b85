"""The first schema: source state, articles and their seen keys, alerts, deliveries (the outbox).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ts(name: str, **kw) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), **kw)


def upgrade() -> None:
    op.create_table(
        "source_state",
        sa.Column("source_id", sa.String(), primary_key=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        _ts("last_poll_at"),
        _ts("last_success_at"),
        _ts("next_due_at"),
        sa.Column("etag", sa.String()),
        sa.Column("last_modified", sa.String()),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("items_new", sa.Integer(), nullable=False),
        sa.Column("polls", sa.Integer(), nullable=False),
    )
    op.create_index("ix_source_state_next_due_at", "source_state", ["next_due_at"])

    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_id", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("guid", sa.String()),
        sa.Column("title", sa.Text()),
        sa.Column("summary", sa.Text()),
        sa.Column("body", sa.Text()),
        _ts("published"),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        _ts("first_seen", nullable=False),
        sa.UniqueConstraint("url"),
    )
    op.create_index("ix_article_source_id", "article", ["source_id"])
    op.create_index("ix_article_guid", "article", ["guid"])
    op.create_index("ix_article_content_hash", "article", ["content_hash"])

    op.create_table(
        "seen_key",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("article.id")),
    )

    op.create_table(
        "alert",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("topic_id", sa.String(), nullable=False),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("article.id"), nullable=False),
        sa.Column("dedup_key", sa.String(), nullable=False, unique=True),
        sa.Column("severity", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("body", sa.Text()),
        sa.Column("evidence", sa.Text()),
        sa.Column("facts", sa.Text()),
        _ts("created_at", nullable=False),
    )
    op.create_index("ix_alert_topic_id", "alert", ["topic_id"])
    op.create_index("ix_alert_created_at", "alert", ["created_at"])

    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("alert_id", sa.String(), sa.ForeignKey("alert.id"), nullable=False),
        sa.Column("channel_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _ts("next_attempt_at"),
        sa.Column("last_error", sa.Text()),
        _ts("sent_at"),
        _ts("created_at", nullable=False),
        sa.UniqueConstraint("alert_id", "channel_id"),
    )
    op.create_index("ix_delivery_alert_id", "delivery", ["alert_id"])
    op.create_index("ix_delivery_status", "delivery", ["status"])
    op.create_index("ix_delivery_next_attempt_at", "delivery", ["next_attempt_at"])


def downgrade() -> None:
    for table in ("delivery", "alert", "seen_key", "article", "source_state"):
        op.drop_table(table)
