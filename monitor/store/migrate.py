"""Schema migrations (Alembic, shipped in ``monitor/store/migrations``): where a database is, bring it to head.

``monitor run`` upgrades at start-up, ``monitor db upgrade`` on demand. A database made before
migrations existed (the daemon created its tables itself, no ``alembic_version`` table) is
recognised by its tables and stamped at 0001 first; migration 0002 adds only what it lacks.
On PostgreSQL an advisory lock makes instances starting together upgrade one after the other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from monitor.store.errors import StoreError

log = logging.getLogger("monitor.store")
logging.getLogger("alembic").setLevel(logging.WARNING)  # our own line says what was upgraded

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in MIGRATIONS, written here so that a start on a database already at it needs no Alembic
# (importing it costs more than the rest of opening the store); a test checks it against Alembic's head.
HEAD = "0005"
FIRST_TABLES = frozenset({"source_state", "article", "seen_key", "alert", "delivery"})  # those of 0001
ADVISORY_LOCK = 0x6D6F6E69  # any constant shared by every instance: "moni"


def _config(connection: Connection | None = None):
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """Alembic's head, read from the migration scripts: what ``HEAD`` must say (its test asks)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def revisions() -> list[tuple[str, str]]:
    """(revision, first line of its description), oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config())
    return [(s.revision, (s.doc or "").strip().splitlines()[0]) for s in reversed(list(scripts.walk_revisions()))]


@dataclass(frozen=True)
class SchemaState:
    revision: str | None  # None: no migration record
    tables: frozenset[str]  # monitor's tables found

    @property
    def empty(self) -> bool:
        return self.revision is None and not self.tables

    @property
    def legacy(self) -> bool:
        """Made by a version before migrations: the first schema's tables, no migration record."""
        return self.revision is None and FIRST_TABLES <= self.tables

    def describe(self) -> str:
        if self.revision:
            return self.revision
        if self.empty:
            return "empty (no tables yet)"
        return "made before migrations (no alembic_version table)" if self.legacy else "unrecognised"


def _revision(conn: Connection) -> str | None:
    """The revision recorded in the database (Alembic's one-row table; the history here has a single head)."""
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _state(conn: Connection) -> SchemaState:
    names = set(inspect(conn).get_table_names())
    revision = _revision(conn) if "alembic_version" in names else None
    return SchemaState(revision, frozenset(names & (FIRST_TABLES | {"topic_total", "channel_lease"})))


def state(engine: Engine) -> SchemaState:
    with engine.connect() as conn:
        return _state(conn)


def upgrade(engine: Engine, revision: str = "head") -> tuple[SchemaState, str]:
    """Bring the database to ``revision``; returns the state it was in and the revision it is at now.
    All of it or nothing: a failed upgrade leaves the database as it was."""
    with engine.connect() as conn:
        if revision in ("head", HEAD):  # the usual start: already there, nothing to lock or to load
            now = _state(conn)
            if now.revision == HEAD:
                return now, HEAD
            conn.rollback()
        if conn.dialect.name == "sqlite":
            before, after = _upgrade_sqlite(conn, revision)
        else:
            with conn.begin():
                before, after = _upgrade(conn, revision)
    if after != before.revision:
        log.info("database upgraded from %s to %s", before.describe(), after)
    return before, after


def _upgrade_sqlite(conn: Connection, revision: str) -> tuple[SchemaState, str]:
    """SQLite's Python driver runs DDL outside any transaction unless one is begun explicitly: BEGIN IMMEDIATE
    makes the upgrade atomic and takes the write lock, so daemons starting together upgrade one at a time.
    Foreign keys are not enforced meanwhile (a migration that changes a column rebuilds its table, and dropping
    the old one would break the rows that refer to it) and are checked before committing, as SQLite's
    documentation prescribes for table changes; that pragma only takes effect outside a transaction."""
    dbapi = conn.connection.driver_connection
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    conn.commit()
    level = dbapi.isolation_level
    dbapi.isolation_level = None  # the driver opens and ends no transaction of its own: ours below
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            result = _upgrade(conn, revision)
            if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise StoreError("the database's rows refer to rows that are missing (PRAGMA foreign_key_check "
                                 "lists them): the upgrade was undone, nothing changed; restore a backup")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")
        return result
    finally:
        conn.commit()  # SQLAlchemy's own bookkeeping; the database's transaction is already ended
        dbapi.isolation_level = level
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()


def _upgrade(conn: Connection, revision: str) -> tuple[SchemaState, str]:
    """The upgrade itself, in the transaction ``upgrade`` opened."""
    if conn.dialect.name == "postgresql":  # instances starting together: one upgrades, the others wait
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    before = _state(conn)
    if before.revision is None and before.tables and not before.legacy:
        raise StoreError(
            f"the database has some of monitor's tables ({', '.join(sorted(before.tables))}) but not "
            f"{', '.join(sorted(FIRST_TABLES - before.tables))}, and no migration record: it was not made by "
            "monitor or is damaged; restore a backup, or point MONITOR_DATABASE_URL to an empty database")
    from alembic import command

    cfg = _config(conn)
    if before.legacy:
        log.info("database made before migrations: recording it at revision 0001, then upgrading")
        command.stamp(cfg, "0001")
    if before.revision not in (None, *_known()):
        raise StoreError(f"the database is at revision {before.revision}, which this version of monitor does "
                         f"not know (its newest is {HEAD}): a newer version has upgraded it; run that version")
    command.upgrade(cfg, revision)
    return before, _revision(conn)


def _known() -> set[str]:
    return {r for r, _ in revisions()}


def require_head(engine: Engine) -> None:
    """For the commands that only read: a database behind this version's schema is named, not touched
    (an empty one is created: nothing uses it yet)."""
    now = state(engine)
    if now.empty:
        upgrade(engine)
        return
    if now.revision != HEAD:
        raise StoreError(f"the database schema is at {now.describe()}, this version needs {HEAD}: "
                         "run `monitor db upgrade` (or start `monitor run`, which upgrades it)")
