"""Migrations on SQLite and on PostgreSQL: a database at 0001 with data comes to head with its data and
the daemon works on it; a database made before migrations is recognised; what cannot be used is named."""

from __future__ import annotations

import asyncio
import os
import stat
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, text
from sqlmodel import SQLModel

from monitor.cli import main
from monitor.config import load
from monitor.daemon import Daemon
from monitor.normalize import item_keys
from monitor.store import Store, StoreError, migrate
from monitor.store.db import alert_id_for, open_engine
from tests.notify.helpers import Feed, story, write_config

OLD_TIME = datetime(2025, 5, 1, 8, 0)


def _insert(conn, table: str, *rows: dict) -> None:
    conn.execute(Table(table, MetaData(), autoload_with=conn).insert(), list(rows))


def _at_0001(url: str):
    engine = open_engine(url, "none")
    migrate.upgrade(engine, "0001")
    return engine


def _schema_matches_models(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)


def test_the_head_written_in_the_code_is_alembics_and_a_start_at_head_loads_no_alembic(tmp_path):
    """``migrate.HEAD`` spares a start Alembic's import: it must name the newest migration, and a database
    already there must open without importing Alembic (a fresh interpreter tells)."""
    import subprocess
    import sys

    assert migrate.HEAD == migrate.head()
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    Store(url).close()  # made at head
    probe = ("import sys; from monitor.store import Store; Store(sys.argv[1]).close(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))")
    out = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_a_new_database_is_created_at_head_and_matches_the_models(db_url):
    store = Store(db_url)
    try:
        assert migrate.state(store.engine).revision == migrate.head()
        assert _schema_matches_models(store.engine) == []
    finally:
        store.close()


def test_a_database_at_0001_with_data_is_upgraded_and_the_daemon_works_on_it(db_url, tmp_path, site, webhook):
    feed = Feed(site)
    old = feed.add("kfor-old", "KFOR tăng quân tại Kosovo", "Lực lượng KFOR tăng thêm binh sĩ. " + story(1))
    path = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml"},
                        '[[channel]]\nid = "desk-chat"\nurl = "${HOOK_URL}"\n', monitor=f'database = "{db_url}"')
    config = load(path, {"HOOK_URL": webhook.url})
    source = config.source("outlet-a")
    old_url, old_alert = feed.url_of(old), alert_id_for("kfor", feed.url_of(old))

    engine = _at_0001(db_url)  # the first schema, with what a daemon of that time stored
    with engine.begin() as conn:
        _insert(conn, "source_state", dict(source_id="outlet-a", status="ok", consecutive_failures=0, items_seen=1,
                                           items_new=1, polls=7, last_poll_at=OLD_TIME, next_due_at=OLD_TIME))
        _insert(conn, "article", dict(source_id="outlet-a", url=old_url, guid="kfor-old", title=old.title,
                                      summary="", body=old.body, language="vi", content_hash="c0ffee",
                                      first_seen=OLD_TIME))
        article_id = conn.execute(text("SELECT id FROM article")).scalar()
        keys = item_keys(source, old_url, "kfor-old")
        _insert(conn, "seen_key", *({"key": k, "article_id": article_id} for k in keys))
        _insert(conn, "alert", dict(id=old_alert, topic_id="kfor", article_id=article_id, dedup_key=f"kfor|{old_url}",
                                    severity="warning", score=2.0, title="[KFOR] " + old.title,
                                    body="stored by the old version", evidence="{}", facts="[]",
                                    created_at=OLD_TIME))
        _insert(conn, "delivery", dict(alert_id=old_alert, channel_id="desk-chat", status="pending", attempts=1,
                                       last_error="timeout", next_attempt_at=OLD_TIME, created_at=OLD_TIME))
    engine.dispose()

    store = Store(db_url)  # what `monitor run` does at start-up
    try:
        assert migrate.state(store.engine).revision == migrate.head()
        assert _schema_matches_models(store.engine) == []
        state = store.all_source_states()["outlet-a"]
        assert (state.polls, state.status, state.lease_owner) == (7, "ok", None)
        assert store.article_count() == 1
        (alert, article, deliveries), = store.recent_alerts()
        assert (alert.id, alert.body, article.url, alert.also_reported_by) == (old_alert, "stored by the old version",
                                                                             old_url, "[]")
        assert [(d.status, d.attempts, d.last_error) for d in deliveries] == [("pending", 1, "timeout")]

        new = feed.add("kfor-new", "KFOR điều thêm 300 binh sĩ", "NATO cho biết KFOR điều thêm binh sĩ. " + story(2))
        asyncio.run(Daemon(config, store).run_once())
        sent = [m["message"] for m in webhook.received()]
        assert len(sent) == 2, sent  # the old pending alert, then the new article's; the old article not again
        assert f"Alert id: {old_alert}" in sent[0]
        assert f"Alert id: {alert_id_for('kfor', feed.url_of(new))}" in sent[1]
        assert store.delivery_counts() == {"sent": 2}
    finally:
        store.close()


def test_a_database_made_before_migrations_is_recognised_and_upgraded(db_url):
    engine = _at_0001(db_url)
    with engine.begin() as conn:  # as an earlier version left it: its own new table made, no new column
        conn.execute(text("DROP TABLE alembic_version"))
        SQLModel.metadata.tables["topic_total"].create(conn)
        _insert(conn, "source_state", dict(source_id="kept", status="ok", consecutive_failures=0, items_seen=0,
                                           items_new=0, polls=3))
    assert migrate.state(engine).legacy
    before, after = migrate.upgrade(engine)
    assert (before.revision, after) == (None, migrate.head())
    assert _schema_matches_models(engine) == []
    engine.dispose()
    store = Store(db_url)
    try:
        assert store.all_source_states()["kept"].polls == 3
    finally:
        store.close()


def test_an_unrecognised_or_newer_database_is_refused_with_what_to_do(db_url):
    engine = open_engine(db_url, "none")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE article (id INTEGER PRIMARY KEY)"))
    with pytest.raises(StoreError, match=r"some of monitor's tables \(article\).*restore a backup"):
        migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE article"))
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="revision 9999, which this version of monitor does not know"):
        migrate.upgrade(engine)
    engine.dispose()


def test_db_commands_and_the_read_commands_on_an_old_schema(tmp_path, capsys):
    url = f"sqlite:///{(tmp_path / 'state' / 'monitor.db').as_posix()}"
    config = write_config(tmp_path, {"outlet-a": "http://127.0.0.1:9/feed.xml"}, "", monitor=f'database = "{url}"')
    _at_0001(url).dispose()
    args = ["--config", str(config)]
    assert main([*args, "db", "current"]) == 1
    assert "0001; this version needs 0005: monitor db upgrade" in capsys.readouterr().out
    assert main([*args, "sources"]) == 2  # reads only: names the step instead of changing the schema
    assert "schema is at 0001, this version needs 0005: run `monitor db upgrade`" in capsys.readouterr().err
    assert main([*args, "db", "upgrade"]) == 0
    assert "upgraded from 0001 to 0005" in capsys.readouterr().out
    assert main([*args, "db", "current"]) == 0
    assert "0005 (current)" in capsys.readouterr().out
    assert main([*args, "db", "history"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("0001  The first schema")
    assert main([*args, "sources"]) == 0


def test_the_sqlite_state_stays_private(tmp_path):
    store = Store(f"sqlite:///{(tmp_path / 'state' / 'monitor.db').as_posix()}")
    try:
        store.record_poll("a", status="ok", error=None, ok=True, next_due=datetime.now(UTC))
        assert stat.S_IMODE(os.stat(tmp_path / "state").st_mode) == 0o700
        for name in ("monitor.db", "monitor.db-wal"):
            assert stat.S_IMODE(os.stat(tmp_path / "state" / name).st_mode) == 0o600, name
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        store.close()


def test_an_unreachable_database_is_named_without_its_password():
    with pytest.raises(StoreError) as e:
        Store("postgresql://monitor:s3cret@127.0.0.1:9/monitor")
    assert "cannot use the database postgresql+psycopg://monitor:***@127.0.0.1:9/monitor" in str(e.value)
    assert "s3cret" not in str(e.value)


def test_copy_moves_all_state_to_an_empty_postgresql_database(tmp_path, pg_url, capsys):
    source = Store(f"sqlite:///{(tmp_path / 'monitor.db').as_posix()}")
    try:
        source.record_poll("a", status="ok", error=None, ok=True, next_due=datetime.now(UTC), items_seen=4)
        source.record_total("kfor", 4500, "https://example.test/1")
    finally:
        source.close()
    config = write_config(tmp_path, {"a": "http://127.0.0.1:9/feed.xml"}, "",
                          monitor=f'database = "sqlite:///{(tmp_path / "monitor.db").as_posix()}"')
    assert main(["--config", str(config), "db", "copy", "--to", pg_url]) == 0
    assert "source_state   1 rows" in capsys.readouterr().out
    target = Store(pg_url)
    try:
        assert target.all_source_states()["a"].items_seen == 4 and target.latest_total("kfor") == 4500
    finally:
        target.close()
    assert main(["--config", str(config), "db", "copy", "--to", pg_url]) == 2
    assert "is not empty (rows in source_state, topic_total)" in capsys.readouterr().err


def test_a_failed_sqlite_upgrade_changes_nothing_and_can_be_retried(tmp_path):
    """SQLite's driver runs DDL outside transactions unless one is begun: a failure half-way (here the foreign
    key check after 0004 rebuilt the alert table) must leave the schema at its revision, not half-changed."""
    url = f"sqlite:///{(tmp_path / 'm.db').as_posix()}"
    engine = open_engine(url, schema="none")
    migrate.upgrade(engine, "0003")
    with engine.connect() as conn:  # a delivery whose alert is gone: what the foreign key check finds
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("INSERT INTO delivery (alert_id, channel_id, status, attempts, created_at) "
                             "VALUES ('gone', 'c', 'pending', 0, '2025-01-01 00:00:00')")
        conn.commit()
    with pytest.raises(StoreError, match="upgrade was undone"):
        migrate.upgrade(engine)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0003"
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(source_state)")}
        assert "failing_notice" not in columns
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not any(t.startswith("_alembic_tmp") for t in tables)
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again
        conn.exec_driver_sql("DELETE FROM delivery WHERE alert_id = 'gone'")
        conn.commit()
    assert migrate.upgrade(engine)[1] == migrate.head()  # the fixed database upgrades
    engine.dispose()
