"""Notices to the operator's channel: a failing source, and its recovery, told once per failing spell.

A notice goes through the outbox as an alert without an article (alert.article_id may be NULL:
topic_id "(operator)", see monitor.store.models.AlertRow), so it is stored, retried and sent once
like any alert. source_state.failing_notice holds the notice sent for the current failing spell:
setting it (from NULL) and clearing it are the transitions, each made by one UPDATE, so instances
sharing a database cannot both send one.

Revision ID: 0004
Revises: 0003

On SQLite the alert table is rebuilt to drop NOT NULL (SQLite cannot alter a column);
``monitor.store.migrate`` runs migrations with foreign keys unchecked until the end for that, as
SQLite's documentation prescribes, and checks them before committing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.add_column(sa.Column("failing_notice", sa.String()))
    with op.batch_alter_table("alert") as batch:
        batch.alter_column("article_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # the notices (and their deliveries) go: the older schema has no place for an alert without an article
    op.execute("DELETE FROM delivery WHERE alert_id IN (SELECT id FROM alert WHERE article_id IS NULL)")
    op.execute("DELETE FROM alert WHERE article_id IS NULL")
    with op.batch_alter_table("alert") as batch:
        batch.alter_column("article_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("source_state") as batch:
        batch.drop_column("failing_notice")
