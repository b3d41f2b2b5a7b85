"""Persistence: source state, seen articles, alerts and deliveries (the outbox)."""
from monitor.store.db import Store, as_utc, utcnow

__all__ = ["Store", "as_utc", "utcnow"]
