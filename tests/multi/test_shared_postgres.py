"""Three `monitor run` processes on one PostgreSQL share 200 loopback feeds; one is SIGKILLed mid-run.

Every expected alert reaches the webhook exactly once, and no feed is polled twice within its
interval (requests counted at the feed server, per client: each instance has its own user agent),
except a poll the killed instance had started and never recorded, which another instance redoes
after the lease lapsed. Prints the counts.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter, defaultdict

from sqlalchemy import create_engine, text

from monitor.store.db import alert_id_for
from tests.kill.harness import DaemonProcess, wait_for
from tests.multi.feeds import FeedFarm
from tests.store.postgres import pg_url  # noqa: F401  (a fixture)

FEEDS, INSTANCES, ROUNDS, PER_ROUND = 200, 3, 4, 50
INTERVAL, LEASE, TICK = 8.0, 4.0, 0.5  # a lease renewed every LEASE / 3 s: a busy machine may lag by 2 s
ALERT_ID = re.compile(r"Alert id: ([0-9a-f]{12})")


def _config(farm: FeedFarm, database: str, n: int) -> str:
    head = (f'[monitor]\ndatabase = "{database}"\nallow_private_addresses = true\nuser_agent = "monitor-test/{n}"\n'
            f'poll_tick = "{TICK}s"\ndelivery_tick = "{TICK}s"\nlease = "{LEASE}s"\ntimeout = "5s"\n'
            'politeness_delay = 0\nrobots_txt = false\nconcurrency = 16\nhost_concurrency = 16\nparse_workers = 1\n'
            'retry_base = "1s"\nretry_max = "2s"\n\n')
    sources = "".join(f'[[source]]\nid = "feed-{i:03d}"\nkind = "feed"\nurl = "{farm.url}{farm.path(i)}"\n'
                      f'interval = "{INTERVAL:g}s"\nlanguage = "en"\n\n' for i in range(FEEDS))
    return (head + sources + '[[topic]]\nid = "kfor"\nname = "KFOR"\nquery = "KFOR"\n\n'
            '[[channel]]\nid = "desk-chat"\nurl = "${HOOK_URL}"\n')


def _add_round(farm: FeedFarm, rnd: random.Random, r: int, expected: set[str]) -> None:
    for k, i in enumerate(rnd.sample(range(FEEDS), PER_ROUND)):
        slug = f"r{r}-f{i:03d}"
        if k % 2 == 0:
            url = farm.add(i, slug, f"KFOR patrol {slug} near the border", f"KFOR soldiers on patrol, report {slug}.")
            expected.add(alert_id_for("kfor", url))
        else:
            farm.add(i, slug, f"Harbour festival {slug}", f"A festival by the harbour, report {slug}.")


def _leased_by(db, pid: int) -> set[str]:
    """The feed paths of the sources an instance (by its process id) holds a lease on now."""
    with db.connect() as conn:
        ids = conn.execute(text("SELECT source_id FROM source_state WHERE lease_owner LIKE :who"),
                           {"who": f"%:{pid}:%"}).scalars()
        return {FeedFarm.path(int(i.removeprefix("feed-"))) for i in ids}


def test_three_instances_share_the_work_and_survive_a_kill(tmp_path, pg_url, webhook):  # noqa: F811
    started = time.monotonic()
    farm = FeedFarm(FEEDS)
    rnd = random.Random(7)
    for i in range(FEEDS):  # what the feeds list before the daemons start: seen, no alert
        farm.add(i, f"r0-f{i:03d}", f"Weather {i}", "Rain in the region.")
    instances = []
    for n in range(INSTANCES):
        path = tmp_path / f"instance-{n}.toml"
        path.write_text(_config(farm, pg_url, n), encoding="utf-8")
        instances.append(DaemonProcess(path, {"HOOK_URL": webhook.url},
                                       tmp_path / f"instance-{n}.log"))
    expected: set[str] = set()
    killed, kill_at, orphans = instances[0], None, set()
    db = create_engine(pg_url)
    try:
        for d in instances:
            d.start()
        for d in instances:
            d.wait_running(timeout=30)
        assert wait_for(lambda: {h.path for h in farm.hits} >= set(farm.items), timeout=20), "first round"
        for r in range(1, ROUNDS + 1):
            _add_round(farm, rnd, r, expected)
            if r == 2:  # mid-round, at a moment it holds leases: polls under way
                time.sleep(INTERVAL / 2)
                wait_for(lambda: bool(_leased_by(db, killed.proc.pid)), timeout=INTERVAL / 2, step=0.02)
                killed.kill()
                kill_at = time.monotonic()
                orphans = _leased_by(db, killed.proc.pid)
                time.sleep(INTERVAL / 2)
            else:
                time.sleep(INTERVAL)
        received = lambda: Counter(i for m in webhook.received() for i in ALERT_ID.findall(m.get("message", "")))  # noqa: E731
        wait_for(lambda: set(received()) >= expected, timeout=3 * INTERVAL)
        time.sleep(2 * TICK)  # a duplicate, if any, would arrive now
        got = received()
    finally:
        for d in instances:
            if d.proc and d.proc.poll() is None:
                d.stop()
        farm.close()
        db.dispose()

    by_agent = Counter(h.agent for h in farm.hits)
    per_feed: dict[str, list] = defaultdict(list)
    for h in farm.hits:
        per_feed[h.path].append(h)
    early, redone = [], []
    for path, hits in per_feed.items():
        hits.sort(key=lambda h: h.at)
        for a, b in zip(hits, hits[1:], strict=False):
            if b.at - a.at < 0.9 * INTERVAL - 0.3:
                lost = a.agent == "monitor-test/0" and kill_at is not None and kill_at - 2.0 <= a.at <= kill_at
                (redone if lost else early).append((path, round(b.at - a.at, 2), a.agent, b.agent))
    taken_over = {p for p in orphans if any(h.agent != "monitor-test/0" and 0 < h.at - kill_at <= LEASE + 2.0
                                            for h in per_feed[p])}
    duplicates = {i: n for i, n in got.items() if n > 1}
    unexpected = set(got) - expected
    print(f"\n{FEEDS} feeds, {INSTANCES} instances (monitor-test/0 SIGKILLed mid-run), {ROUNDS} rounds, "
          f"interval {INTERVAL:g}s, lease {LEASE:g}s")
    print(f"feed requests: {len(farm.hits)} in all, by instance: {dict(sorted(by_agent.items()))}")
    print(f"polls redone after the kill (started by the killed instance, never recorded): {len(redone)}; "
          f"polled twice within an interval otherwise: {len(early)}")
    print(f"sources leased by the killed instance when killed: {len(orphans)}, polled by another instance "
          f"within the lease period + 2s: {len(taken_over)}")
    print(f"alerts: {len(expected)} expected, {sum(got.values())} webhook messages, {len(set(got) & expected)} "
          f"distinct expected received, {len(duplicates)} duplicated, {len(unexpected)} unexpected")
    print(f"run time {time.monotonic() - started:.1f}s")
    logs = "\n".join(d.output()[-2000:] for d in instances[1:])
    assert not early, f"polled twice within one interval: {early[:10]}"
    assert taken_over == orphans, f"not taken over in time: {sorted(orphans - taken_over)}"
    assert set(got) == expected and not duplicates, (sorted(expected - set(got))[:10], duplicates, logs)
    assert all(by_agent[f"monitor-test/{n}"] > FEEDS / 10 for n in range(1, INSTANCES)), by_agent
