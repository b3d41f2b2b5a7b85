"""Alembic's environment: migrations run on the connection ``monitor.store.migrate`` hands over."""

from alembic import context
from sqlmodel import SQLModel

import monitor.store.models  # noqa: F401  (the tables, for comparisons)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the migrations with `monitor db upgrade` (they need the database connection it opens)")
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
