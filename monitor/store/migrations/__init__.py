"""The schema's history as Alembic migrations, shipped in the package (see ``monitor.store.migrate``)."""
