"""Deliver pending alerts through apprise, one channel at a time; failures stay pending.

A failed send keeps its error (with secrets masked) and is retried on a later delivery
tick with exponential backoff, until it succeeds or the give-up age passes, when it is
marked ``failed`` and shown by ``monitor alerts``.
"""

from __future__ import annotations

import logging
import random

import apprise

from monitor.config import Channel, Config
from monitor.redact import REDACTOR
from monitor.store import Store, utcnow

log = logging.getLogger("monitor.notify")


def send(channel: Channel, title: str, body: str) -> str | None:
    """Send one message; return None on success or the (redacted) reason it failed."""
    sender = apprise.Apprise()
    if not sender.add(channel.url):
        return "apprise does not understand this channel's URL"
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        try:
            ok = sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
        except Exception as e:  # a plugin bug must not kill the delivery loop
            ok = False
            captured.write(f"{e.__class__.__name__}: {e}\n")
        reason = captured.getvalue().strip().splitlines()
    if ok:
        return None
    return REDACTOR(" / ".join(reason[-3:]) or "the notifier reported a failure")


def backoff(attempts: int, base: float, cap: float) -> float:
    """Exponential backoff with jitter: base, 2·base, 4·base ... capped, ±20 %."""
    delay = min(cap, base * (2 ** max(0, attempts - 1)))
    return delay * random.uniform(0.8, 1.2)


def deliver_pending(store: Store, config: Config) -> tuple[int, int]:
    """Try every due pending delivery once, oldest alert first. Returns (sent, failed attempts)."""
    channels = {c.id: c for c in config.channels}
    settings = config.settings
    sent = failed = 0
    now = utcnow()
    for d in store.pending_deliveries(now, channels):
        channel = channels[d.channel_id]
        error = send(channel, d.title, d.body)
        if error is None:
            store.mark_sent(d.delivery_id)
            sent += 1
            log.info("alert %s delivered to channel %s", d.alert_id, d.channel_id)
            continue
        failed += 1
        give_up = (now - d.created_at).total_seconds() > settings.give_up_after
        retry_in = backoff(d.attempts + 1, settings.retry_base, settings.retry_max)
        store.mark_failed_attempt(d.delivery_id, error, retry_in, give_up)
        if give_up:
            log.error("alert %s to channel %s: giving up after %d attempts: %s",
                      d.alert_id, d.channel_id, d.attempts + 1, error)
        else:
            log.warning("alert %s to channel %s failed (attempt %d), retry in %.0fs: %s",
                        d.alert_id, d.channel_id, d.attempts + 1, retry_in, error)
    return sent, failed
