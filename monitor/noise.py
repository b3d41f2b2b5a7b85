"""Alert noise control, as pure functions of the config and the clock.

- a topic with ``digest = "1h"`` sends one message per period listing its matches;
- a topic with ``max_per_hour = N`` sends the first N alerts of any hour on their own and
  folds the rest into a digest at the end of the clock hour;
- a channel with ``quiet_hours = "22:00-07:00"`` holds everything during those hours (in its
  ``timezone``) and sends one digest when they end.

The same-story rule (canonical URL, content hash, near-duplicate body) lives in the store,
which sees the history; this module decides when and how each delivery goes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from monitor.config import Channel, Topic

HOUR = 3600.0


@dataclass(frozen=True)
class DeliveryPlan:
    channel_id: str
    due: datetime  # not before
    digest_key: str | None = None  # deliveries sharing a key go out as one digest message


def period_end(now: datetime, period: float) -> datetime:
    """The end of the period (aligned to the epoch, so to the clock for hours) that holds ``now``."""
    t = now.timestamp()
    return datetime.fromtimestamp((t // period + 1) * period, UTC)


def quiet_until(channel: Channel, now: datetime) -> datetime | None:
    """When the channel's quiet hours end, if ``now`` is inside them; else None."""
    if not channel.quiet_hours:
        return None
    start, end = channel.quiet_hours
    local = now.astimezone(ZoneInfo(channel.timezone))
    minute = local.hour * 60 + local.minute
    inside = start <= minute < end if start < end else (minute >= start or minute < end)
    if not inside:
        return None
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end_at = midnight + timedelta(minutes=end)
    if end_at <= local:
        end_at += timedelta(days=1)
    return end_at.astimezone(UTC)


def topic_hold(topic: Topic, now: datetime, sent_last_hour: int) -> tuple[str | None, datetime | None, str | None]:
    """(reason, due, digest key) when the topic folds this alert into a digest, else (None, None, None)."""
    if topic.digest > 0:
        due = period_end(now, topic.digest)
        return "digest", due, f"topic:{topic.id}:{due:%Y%m%dT%H%M%S}"
    if topic.max_per_hour and sent_last_hour >= topic.max_per_hour:
        due = period_end(now, HOUR)
        return "rate limit", due, f"cap:{topic.id}:{due:%Y%m%dT%H%M%S}"
    return None, None, None


def plan(topic: Topic, channels: list[Channel], now: datetime, sent_last_hour: int
         ) -> tuple[str | None, list[DeliveryPlan]]:
    """The alert's hold reason (None: sent on its own) and one plan per channel that receives it."""
    held, due, key = topic_hold(topic, now, sent_last_hour)
    plans = []
    for ch in channels:
        ch_due, ch_key = due or now, key
        quiet = quiet_until(ch, ch_due)
        if quiet is not None:
            ch_due, ch_key = quiet, f"quiet:{ch.id}:{quiet:%Y%m%dT%H%M%S}"
        plans.append(DeliveryPlan(ch.id, ch_due, ch_key))
    return held, plans
