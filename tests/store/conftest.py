from __future__ import annotations

import pytest

from tests.store.postgres import fresh_database, pg_url  # noqa: F401  (a fixture)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database of each kind: a SQLite file, and a fresh PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'state' / 'monitor.db').as_posix()}"
    else:
        yield from fresh_database()
