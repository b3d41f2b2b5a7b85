"""Leases on SQLite and PostgreSQL: a due source or a channel is claimed by one instance until it is done
or its lease lapses; then another instance takes it."""

from __future__ import annotations

from datetime import timedelta

from monitor.store import Store, utcnow
from monitor.store.leases import Leases


def test_sources_and_channels_are_claimed_by_one_instance_until_done_or_lapsed(db_url):
    a = Store(db_url)
    b = Leases(a.engine, "other-instance")
    try:
        now = utcnow()
        ids = ["s1", "s2", "s3"]
        assert a.leases.claim_sources(ids, now, 30, limit=2) == ["s1", "s2"]
        assert b.claim_sources(ids, now, 30) == ["s3"]
        assert b.claim_sources(ids, now, 30) == []  # all leased
        a.record_poll("s1", status="ok", error=None, ok=True, next_due=now + timedelta(seconds=60))
        assert b.claim_sources(ids, now, 30) == []  # s1 is free but not due; s2 still a's
        later = now + timedelta(seconds=31)  # a died: its lease on s2 lapsed (and b's on s3, not renewed)
        assert b.claim_sources(ids, later, 30) == ["s2", "s3"]
        assert a.leases.claim_sources(ids, now + timedelta(seconds=60), 30) == ["s1"]  # due again

        assert a.leases.claim_channel("chat", now, 30) and not b.claim_channel("chat", now, 30)
        assert a.leases.holds_channel("chat", now, 30)
        a.leases.release_channel("chat")
        assert b.claim_channel("chat", now, 30) and not a.leases.holds_channel("chat", now, 30)
        assert a.leases.claim_channel("chat", now + timedelta(seconds=31), 30)  # b's lapsed
        assert not b.holds_channel("chat", now, 30)

        b.release_all()
        a.leases.renew(now, 30)
        assert a.leases.claim_sources(["s3", "s4"], now, 30) == ["s3", "s4"]
    finally:
        a.close()
