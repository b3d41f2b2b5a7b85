"""``SIGHUP``: read rules.toml again; on any problem keep running on the config in use and say why.

Sources, topics, channels (with secrets re-read from the environment and the secrets
file), the poll and delivery ticks and the retry settings take effect at once. A few
settings are fixed for the life of the process (the database, the listen address, the
HTTP client's settings): a change to them is logged as needing a restart.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from monitor import sdnotify
from monitor.config import Config
from monitor.errors import ConfigError
from monitor.metrics import METRICS, Metrics

log = logging.getLogger("monitor.reload")

RESTART_SETTINGS = ("database", "listen", "user_agent", "timeout", "max_body_bytes", "concurrency",
                    "allow_private_addresses", "host_concurrency", "politeness_delay", "robots_txt",
                    "parse_workers", "parse_budget")  # read once, when the daemon starts


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    restart: list[str] = field(default_factory=list)  # settings that need a restart to take effect

    def summary(self) -> str:
        parts = [f"{label}: {', '.join(ids)}" for label, ids in
                 (("added", self.added), ("removed", self.removed), ("changed", self.changed)) if ids]
        return "; ".join(parts) if parts else "no source changed"


def diff(old: Config, new: Config) -> Changes:
    before = {s.id: s for s in old.sources}
    after = {s.id: s for s in new.sources}
    ch = Changes(added=[i for i in after if i not in before], removed=[i for i in before if i not in after],
                 changed=[i for i in after if i in before and after[i] != before[i]])
    ch.restart = [k for k in RESTART_SETTINGS if getattr(old.settings, k, None) != getattr(new.settings, k, None)]
    return ch


def load(path) -> Config:
    from monitor.cli import load_config  # the one place that also registers the new secrets for masking

    return load_config(str(path))


async def reload(daemon, metrics: Metrics = METRICS) -> bool:
    """Reload ``daemon.config`` from its file. Returns whether the new config is in use."""
    old: Config = daemon.config
    sdnotify.reloading()
    try:
        try:
            new = await asyncio.to_thread(load, old.path)
        except ConfigError as e:
            log.error("config reload: %s has %d problem(s); still running on the previous config: %s",
                      old.path, len(e.problems), " | ".join(e.problems))
            metrics.reload_done(False)
            return False
        except Exception as e:  # anything else unexpected: the old config stays, the reason is logged
            log.error("config reload: cannot read %s (%s: %s); still running on the previous config",
                      old.path, e.__class__.__name__, e)
            metrics.reload_done(False)
            return False
        changes = diff(old, new)
        daemon.apply_config(new)
        metrics.reload_done(True)
        log.info("config reloaded from %s: %d sources (%s), %d topics, %d channels", new.path, len(new.sources),
                 changes.summary(), len(new.topics), len(new.channels))
        for key in changes.restart:
            log.warning("config reload: [monitor] %s changed; it takes effect after a restart, the running "
                        "daemon keeps the previous value", key)
        return True
    finally:
        sdnotify.notify("READY=1")
