"""An index on alert (topic_id, created_at): a topic's recent alerts read as a range.

Every new alert looks up its topic's alerts within the cooldown (near-duplicates) and counts those of
the last hour (rate limit); with one index per column, SQLite walked all of the topic's alerts each
time, so storing a busy topic's alerts slowed down as they accumulated.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_alert_topic_created", "alert", ["topic_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_alert_topic_created", "alert")
