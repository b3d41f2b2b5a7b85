"""The delivery worker: sends the outbox's pending deliveries, records every attempt.

Per channel, alerts go out in the order they were created: the oldest pending alert is
tried first and, while it fails, the ones behind it wait (a channel that is down is tried
once per pass, not once per alert). A failed send keeps its (redacted) error and is retried
with exponential backoff and jitter until it succeeds or ``give_up_after`` has passed since
the alert was made; then it is marked ``failed``, shown and counted by ``monitor alerts``.

Notices to the operator (a source failing, recovered; see ``monitor.failing``) are alerts without
an article: they go out the same way, on their own, never in a digest.

Deliveries held for a digest (a topic's digest period or hourly cap, a channel's quiet
hours) share a digest key; when due, each key's deliveries go out as one message and are
marked sent together.

A delivery is marked sent right after the notifier accepted it. A crash between the two
is the only way to send one twice; the alert id in the message (and headers) makes it
recognisable.
"""

from __future__ import annotations

import logging
import random
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from monitor.config import Channel, Config
from monitor.notify.sender import channel_format, send, service_limit
from monitor.notify.templates import Message, Presentation, render_alert, render_digest
from monitor.store import Store, utcnow
from monitor.store.db import PendingDelivery

log = logging.getLogger("monitor.notify")


def backoff(attempts: int, base: float, cap: float) -> float:
    """Exponential backoff with jitter: base, 2·base, 4·base ... capped, ±20 %."""
    delay = min(cap, base * (2 ** max(0, attempts - 1)))
    return delay * random.uniform(0.8, 1.2)


def presentation(channel: Channel, config: Config) -> Presentation:
    template = Path(channel.template).read_text(encoding="utf-8") if channel.template else None
    return Presentation(fmt=channel_format(channel), tz=channel.timezone, max_length=service_limit(channel),
                        template=template, source_names={s.id: s.name or s.id for s in config.sources},
                        topic_names={t.id: t.name for t in config.topics})


def _digest_reason(key: str) -> str:
    kind = key.partition(":")[0]
    return {"quiet": "quiet hours ended", "cap": "over the topic's hourly cap"}.get(kind, "digest of the period")


def deliver_pending(store: Store, config: Config, *, now: datetime | None = None, force: bool = False,
                    channel_id: str | None = None) -> tuple[int, int]:
    """Try every due pending delivery once (``force``: due or not). Returns (sent, failed attempts).

    Instances sharing a database send each channel's deliveries one at a time: a channel is claimed
    (a lease) before its pending deliveries are read, and freed after the pass; one another instance
    holds is left to it."""
    channels = {c.id: c for c in config.channels if channel_id is None or c.id == channel_id}
    held = [cid for cid in channels if store.leases.claim_channel(cid, utcnow(), config.settings.lease)]
    try:
        return _deliver_held(store, config, {cid: channels[cid] for cid in held}, now or utcnow(), force)
    finally:
        for cid in held:
            store.leases.release_channel(cid)


def _deliver_held(store: Store, config: Config, channels: dict[str, Channel], now: datetime,
                  force: bool) -> tuple[int, int]:
    by_channel: dict[str, list[PendingDelivery]] = defaultdict(list)
    for d in store.pending_deliveries(None, channels, with_alert=True):
        by_channel[d.channel_id].append(d)
    sent = failed = 0
    for cid, rows in by_channel.items():
        channel = channels[cid]
        try:
            look = presentation(channel, config)
        except OSError as e:
            log.error("channel %s: cannot read its template %s: %s; using the built-in one",
                      cid, channel.template, e.strerror)
            look = Presentation(fmt=channel_format(channel), tz=channel.timezone, max_length=service_limit(channel))
        # single alerts, in order of creation: stop at the first that is not due or fails
        for d in (r for r in rows if r.digest_key is None):
            if not force and d.next_attempt_at is not None and d.next_attempt_at > now:
                break
            ok = _attempt(store, config, channel, [d], render_alert(d.alert, look), now)
            sent, failed = sent + ok, failed + (not ok)
            if not ok:
                break
        digests: dict[str, list[PendingDelivery]] = defaultdict(list)
        for d in rows:
            if d.digest_key is not None:
                digests[d.digest_key].append(d)
        for key, group in digests.items():
            if not force and any(d.next_attempt_at is not None and d.next_attempt_at > now for d in group):
                continue
            views = [d.alert for d in group]
            message = render_alert(views[0], look) if len(views) == 1 else \
                render_digest(views, look, _digest_reason(key))
            ok = _attempt(store, config, channel, group, message, now)
            sent, failed = sent + (len(group) if ok else 0), failed + (not ok)
    return sent, failed


def _attempt(store: Store, config: Config, channel: Channel, group: list[PendingDelivery], message: Message,
             now: datetime) -> bool:
    ids = [d.delivery_id for d in group]
    kind = "notice" if group[0].alert is not None and group[0].alert.notice else "alert"  # to the operator
    what = f"{kind} {group[0].alert_id}" if len(group) == 1 else f"digest of {len(group)} alerts"
    if not store.leases.holds_channel(channel.id, utcnow(), config.settings.lease):
        log.warning("%s to channel %s: not sent now: this instance's lease on the channel lapsed and another "
                    "instance sends its deliveries", what, channel.id)
        return False
    error = send(channel, message)
    if error is None:
        store.mark_sent(ids)
        log.info("%s delivered to channel %s", what, channel.id)
        return True
    s = config.settings
    attempts = max(d.attempts for d in group) + 1
    oldest = min(d.created_at for d in group)
    give_up = (now - oldest).total_seconds() > s.give_up_after
    retry_in = backoff(attempts, s.retry_base, s.retry_max)
    store.mark_failed_attempt(ids, error, retry_in, give_up)
    if give_up:
        log.error("%s to channel %s: giving up after %d attempts: %s", what, channel.id, attempts, error)
    else:
        log.warning("%s to channel %s failed (attempt %d), retry in %.0fs: %s",
                    what, channel.id, attempts, retry_in, error)
    return False
