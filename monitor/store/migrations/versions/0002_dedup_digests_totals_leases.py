"""Since the first schema: near-duplicates, digests, delivery attempts, topic totals, leases.

Near-duplicate fingerprints (article.simhash), "also reported by" and held alerts, delivery
attempts and digest keys, topic totals, and the leases that let several instances share the work.

Revision ID: 0002
Revises: 0001

Databases made before migrations existed were created by the daemon itself, table by table (a new
table appeared, a new column did not): each step here is skipped where its column, index or table
is there already, so such a database, stamped 0001, comes to this revision too.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = {
    "source_state": [sa.Column("lease_owner", sa.String()), sa.Column("lease_until", sa.DateTime(timezone=True))],
    "article": [sa.Column("simhash", sa.String())],
    "alert": [sa.Column("also_reported_by", sa.Text()), sa.Column("held", sa.String())],
    "delivery": [sa.Column("last_attempt_at", sa.DateTime(timezone=True)), sa.Column("digest_key", sa.String())],
}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names())
    for table, columns in COLUMNS.items():
        have = {c["name"] for c in inspector.get_columns(table)}
        missing = [c for c in columns if c.name not in have]
        if missing:
            with op.batch_alter_table(table) as batch:
                for column in missing:
                    batch.add_column(column)
    op.execute("UPDATE alert SET also_reported_by = '[]' WHERE also_reported_by IS NULL")
    if "ix_delivery_digest_key" not in {i["name"] for i in inspector.get_indexes("delivery")}:
        op.create_index("ix_delivery_digest_key", "delivery", ["digest_key"])
    if "topic_total" not in tables:
        op.create_table(
            "topic_total",
            sa.Column("topic_id", sa.String(), primary_key=True),
            sa.Column("value", sa.Integer(), nullable=False),
            sa.Column("article_url", sa.Text()),
            sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        )
    if "channel_lease" not in tables:
        op.create_table(
            "channel_lease",
            sa.Column("channel_id", sa.String(), primary_key=True),
            sa.Column("lease_owner", sa.String()),
            sa.Column("lease_until", sa.DateTime(timezone=True)),
        )


def downgrade() -> None:
    op.drop_table("channel_lease")
    op.drop_table("topic_total")
    op.drop_index("ix_delivery_digest_key", "delivery")
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column.name)
