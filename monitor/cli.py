"""The ``monitor`` command: run, check, match, eval, demo, sources, alerts, retry, notify-test, db."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from monitor import config as config_mod
from monitor.errors import ConfigError
from monitor.logging_setup import FORMATS, setup_logging
from monitor.redact import REDACTOR
from monitor.store.errors import StoreError

log = logging.getLogger("monitor")


def load_config(path: str) -> config_mod.Config:
    cfg = config_mod.load(path)
    REDACTOR.add(cfg.secrets())
    return cfg


def open_store(cfg: config_mod.Config, schema: str = "require"):
    """The store of the config's database; the commands that only read need its schema current."""
    from monitor.store import Store

    return Store(cfg.settings.database, schema)


# -- commands -------------------------------------------------------------------------------

def cmd_check(args) -> int:
    cfg = load_config(args.config)
    print(f"{cfg.path}: OK")
    print(f"  database: {_safe_db(cfg.settings.database)}")
    print(f"  {len(cfg.sources)} sources:")
    for s in cfg.sources:
        print(f"    {s.id:<22} {s.kind:<8} every {_dur(s.interval):<5} {s.language}  {s.url}")
    print(f"  {len(cfg.topics)} topics:")
    for t in cfg.topics:
        fold = "diacritics folded" if t.fold_diacritics else "diacritics exact"
        print(f"    {t.id:<22} {t.name} ({fold}, threshold {t.threshold:g}, {t.severity})")
    print(f"  {len(cfg.channels)} channels:")
    for c in cfg.channels:
        print(f"    {c.id:<22} {_channel_kind(c.url)} from {c.url_template}"
              f"{' topics ' + ','.join(c.topics) if c.topics else ''}")
    if not cfg.channels:
        print("    (none: alerts are stored and written to the log only)")
    return 0


def cmd_run(args) -> int:
    from monitor.daemon import Daemon
    from monitor.store.instance import hold_sqlite

    cfg = load_config(args.config)
    guard = hold_sqlite(cfg.settings.database)  # SQLite: one daemon per database file, while it runs
    try:
        store = open_store(cfg, "upgrade")
        if guard is not None:
            store.leases.reset()  # the only instance: leases left by a killed predecessor mean nothing
        return _run(args, Daemon(cfg, store))
    finally:
        if guard is not None:
            guard.release()


def _run(args, daemon) -> int:
    if args.once:
        outcomes = asyncio.run(daemon.run_once())
        failed = [o for o in outcomes if not o.ok]
        alerts = sum(len(o.alerts) for o in outcomes)
        log.info("round done: %d sources polled, %d failed, %d new articles, %d alerts",
                 len(outcomes), len(failed), sum(o.items_new for o in outcomes), alerts)
        return 0
    asyncio.run(daemon.run_forever())
    return 0


def _channel(cfg: config_mod.Config, channel_id: str | None):
    """The configured channel of that id (None for None); a ConfigError naming the known ones otherwise."""
    if channel_id is None:
        return None
    for channel in cfg.channels:
        if channel.id == channel_id:
            return channel
    known = ", ".join(c.id for c in cfg.channels) or "none configured"
    raise ConfigError([f'{cfg.path}: no channel has id "{channel_id}"; known channels: {known}'])


def cmd_retry(args) -> int:
    """Send pending deliveries now, ignoring their backoff (with --failed, those given up on too)."""
    from monitor.notify.worker import deliver_pending

    cfg = load_config(args.config)
    channel = _channel(cfg, args.channel)
    store = open_store(cfg)
    due = store.retry_now(channel.id if channel else None, include_failed=args.failed)
    sent, failed = deliver_pending(store, cfg, force=True, channel_id=channel.id if channel else None)
    print(f"{due} deliveries made due now: {sent} sent, {failed} failed again "
          f"(see monitor alerts for each one's error)")
    return 0 if failed == 0 else 1


def cmd_notify_test(args) -> int:
    """Send a test message to one channel and say plainly whether it arrived; the URL is never shown."""
    from monitor.notify.sender import channel_format, send
    from monitor.notify.templates import Message

    cfg = load_config(args.config)
    channel = _channel(cfg, args.channel)
    body = ("This is a test message from monitor: the channel works. "
            "Tiếng Việt: tin nhắn thử từ monitor, kênh này hoạt động.")
    fmt = channel_format(channel)
    message = Message(title=f"monitor: test message to channel {channel.id}",
                      body=f"<p>{body}</p>" if fmt == "html" else body, format=fmt)
    error = send(channel, message)
    if error is None:
        print(f"channel {channel.id}: test message accepted by {channel.url_template}")
        return 0
    print(f"channel {channel.id}: test message failed: {REDACTOR(error)}", file=sys.stderr)
    return 1


def cmd_sources(args) -> int:
    from monitor.status import sources_table

    cfg = load_config(args.config)
    print(sources_table(cfg, open_store(cfg)))
    return 0


def cmd_alerts(args) -> int:
    from monitor.status import alerts_table

    cfg = load_config(args.config)
    print(alerts_table(open_store(cfg), limit=args.limit))
    return 0


def cmd_match(args) -> int:
    from monitor.matching import match_files

    cfg = load_config(args.config)
    status = 0
    for result in match_files(cfg, [Path(p) for p in args.paths]):
        if result.error:
            print(f"{result.path}: {result.error}", file=sys.stderr)
            status = 1
            continue
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            print(result.to_text())
    return status


def cmd_eval(args) -> int:
    from monitor.evaluate import evaluate, report

    cfg = load_config(args.config)
    print(report(evaluate(cfg, Path(args.corpus))))
    return 0


def cmd_demo(args) -> int:
    from monitor.demo import run_demo

    return run_demo(load_config(args.config), seconds=args.seconds)


def cmd_db(args) -> int:
    from monitor.store import migrate
    from monitor.store.db import open_engine, safe_url

    cfg = load_config(args.config)
    url = cfg.settings.database
    if args.db_command == "history":
        for rev, doc in migrate.revisions():
            print(f"{rev}  {doc}")
        return 0
    if args.db_command == "copy":
        from monitor.redact import credentials_of_url
        from monitor.store.copy import copy_database
        from monitor.store.instance import hold_sqlite

        REDACTOR.add(credentials_of_url(args.to))  # the target's password never reaches a message
        guard = hold_sqlite(url)  # a SQLite database is copied while no daemon writes to it
        try:
            return copy_database(url, args.to)
        finally:
            if guard is not None:
                guard.release()
    engine = open_engine(url, "none")
    try:
        if args.db_command == "current":
            now = migrate.state(engine)
            latest = migrate.HEAD
            advice = " (current)" if now.revision == latest else f"; this version needs {latest}: monitor db upgrade"
            print(f"{safe_url(url)}: {now.describe()}{advice}")
            return 0 if now.revision == latest else 1
        before, after = migrate.upgrade(engine)
        print(f"{safe_url(url)}: " + (f"upgraded from {before.describe()} to {after}" if before.revision != after
                                      else f"already at {after} (current)"))
        return 0
    finally:
        engine.dispose()


def _dur(seconds: float) -> str:
    for unit, n in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= n and seconds % n == 0:
            return f"{int(seconds // n)}{unit}"
    return f"{seconds:g}s"


def _safe_db(url: str) -> str:
    from monitor.store.db import safe_url

    return safe_url(url)


def _channel_kind(url: str) -> str:
    return url.split("://", 1)[0] + "://" if "://" in url else "?"


def _log_format_default() -> str:
    fmt = os.environ.get("MONITOR_LOG_FORMAT", "text").strip().lower()
    return fmt if fmt in FORMATS else "text"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="monitor", description="News-monitoring alert daemon.")
    p.add_argument("--config", default=os.environ.get("MONITOR_CONFIG", "rules.toml"),
                   help="path to rules.toml (default: ./rules.toml or $MONITOR_CONFIG)")
    p.add_argument("--log-level", default=os.environ.get("MONITOR_LOG_LEVEL", "INFO"))
    p.add_argument("--log-format", choices=FORMATS, default=_log_format_default(),
                   help="text (default) or json: one object per line ($MONITOR_LOG_FORMAT)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the daemon until SIGTERM/SIGINT")
    run.add_argument("--once", action="store_true", help="poll every source once, deliver, exit")
    run.set_defaults(func=cmd_run)
    sub.add_parser("check", help="validate the config and print a summary").set_defaults(func=cmd_check)
    m = sub.add_parser("match", help="dry run: match article files (.html .txt .xml .rss .atom)")
    m.add_argument("--json", action="store_true", help="one JSON object per line per article")
    m.add_argument("paths", nargs="+")
    m.set_defaults(func=cmd_match)
    e = sub.add_parser("eval", help="precision/recall of the topics on a labeled corpus folder")
    e.add_argument("corpus")
    e.set_defaults(func=cmd_eval)
    d = sub.add_parser("demo", help="serve a sample news site on loopback and run the daemon on it")
    d.add_argument("--seconds", type=float, default=0, help="keep running this long after the first round")
    d.set_defaults(func=cmd_demo)
    sub.add_parser("sources", help="each source's health").set_defaults(func=cmd_sources)
    a = sub.add_parser("alerts", help="recent alerts and their deliveries")
    a.add_argument("--limit", type=int, default=20)
    a.set_defaults(func=cmd_alerts)
    r = sub.add_parser("retry", help="send pending deliveries now, ignoring their backoff")
    r.add_argument("--channel", help="only this channel's deliveries")
    r.add_argument("--failed", action="store_true", help="also the deliveries given up on")
    r.set_defaults(func=cmd_retry)
    nt = sub.add_parser("notify-test", help="send a test message to a channel and report the outcome")
    nt.add_argument("channel", help="a channel id of rules.toml")
    nt.set_defaults(func=cmd_notify_test)
    db = sub.add_parser("db", help="the database schema: upgrade, current, history; copy to another database")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="DB_COMMAND")
    db_sub.add_parser("upgrade", help="apply the migrations this version has (monitor run does it at start-up)")
    db_sub.add_parser("current", help="the database's schema revision; exit 1 if it needs an upgrade")
    db_sub.add_parser("history", help="the migrations this version has")
    cp = db_sub.add_parser("copy", help="copy all state to another, empty database (SQLite to PostgreSQL)")
    cp.add_argument("--to", required=True, metavar="URL", help="the target, e.g. postgresql+psycopg://...")
    db.set_defaults(func=cmd_db)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(args.log_level, args.log_format)
    try:
        return args.func(args)
    except ConfigError as e:
        print(f"monitor: the configuration has {len(e.problems)} problem(s):", file=sys.stderr)
        for problem in e.problems:
            print(f"  {REDACTOR(problem)}", file=sys.stderr)
        return 2
    except StoreError as e:
        print(f"monitor: {REDACTOR(str(e))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
