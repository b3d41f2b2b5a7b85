"""Persistence: source state, seen articles, alerts and deliveries (the outbox); schema migrations; leases."""
from monitor.store.db import Store, to_utc, utcnow
from monitor.store.errors import StoreError

__all__ = ["Store", "StoreError", "to_utc", "utcnow"]
