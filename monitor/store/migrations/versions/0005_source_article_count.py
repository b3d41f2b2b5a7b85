"""source_state.articles: how many new articles a source's polls have found, all told.

An article that matched no topic is no longer stored as a row (only the keys it is known by are), so
counting a source's rows in ``article`` no longer tells how many articles it brought; each successful
poll adds its new ones here instead (``monitor_articles`` in the metrics). An upgraded database starts
from the rows it holds.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.add_column(sa.Column("articles", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE source_state SET articles = (SELECT count(*) FROM article "
               "WHERE article.source_id = source_state.source_id)")


def downgrade() -> None:
    with op.batch_alter_table("source_state") as batch:
        batch.drop_column("articles")
