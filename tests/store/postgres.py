"""A fresh PostgreSQL database per test, on the server of MONITOR_TEST_POSTGRES (default: 127.0.0.1:5432,
user postgres, the existing database "test" to connect through); dropped afterwards. Skips, saying why,
when the server cannot be reached."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ADMIN_URL = os.environ.get("MONITOR_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _admin():
    return create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


def fresh_database() -> Iterator[str]:
    name = f"monitor_test_{secrets.token_hex(4)}"
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as e:
        admin.dispose()
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        pytest.skip(f"PostgreSQL is not reachable at {make_url(ADMIN_URL).render_as_string(hide_password=True)} "
                    f"(set MONITOR_TEST_POSTGRES to a server where this user may create databases): {reason}")
    try:
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from fresh_database()
