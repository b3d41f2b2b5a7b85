"""Kill test: SIGKILL the daemon at random points, ≥ 20 times; every alert still reaches every channel.

Between kills new articles appear on the loopback feed, so a kill lands while a feed or an
article is being fetched, while an article and its alerts are being written, or while a
delivery is being sent. After the last restart every expected alert must have reached both
channels. A duplicate is only allowed where the notifier accepted a message and the daemon
died before marking it sent: deliveries are sent one at a time, so at most one per kill.
"""

from __future__ import annotations

import random
import time

from monitor.normalize import canonical_url
from monitor.store.db import alert_id_for
from tests.kill.harness import DaemonProcess, channels, received_ids, wait_for
from tests.notify.helpers import Feed, story, write_config

KILLS = 22


def test_sigkill_at_random_points_loses_nothing(tmp_path, site, smtp, webhook):
    rnd = random.Random()
    seed = rnd.randrange(10**6)
    rnd.seed(seed)
    feed = Feed(site)
    config = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml"}, channels(),
                          monitor='poll_tick = "0.1s"\ndelivery_tick = "0.1s"\nretry_base = "0.2s"\n'
                                  'retry_max = "0.5s"')
    config.write_text(config.read_text(encoding="utf-8").replace('interval = "1s"', 'interval = "0.2s"'),
                      encoding="utf-8")
    daemon = DaemonProcess(config, {"EMAIL_URL": smtp.apprise_url(), "HOOK_URL": webhook.url},
                           tmp_path / "daemon.log")
    expected: set[str] = set()
    n = 0
    started = time.monotonic()
    for _ in range(KILLS):
        for _ in range(3):  # two matching articles and one that matches nothing
            n += 1
            matching = n % 3 != 0
            item = feed.add(f"k{n}", f"{'KFOR' if matching else 'Weather'} story {n}",
                            ("KFOR " if matching else "") + story(1000 + n, 200))
            if matching:
                expected.add(alert_id_for("kfor", canonical_url(feed.url_of(item))))
        daemon.start()
        daemon.wait_running()
        time.sleep(rnd.uniform(0.0, 0.6))
        daemon.kill()

    daemon.start()
    done = wait_for(lambda: all(set(c) >= expected for c in received_ids(smtp, webhook).values()), 40)
    time.sleep(1.0)  # a few more ticks: nothing more may arrive
    assert daemon.stop() == 0
    got = received_ids(smtp, webhook)
    duplicates = {ch: sum(c - 1 for c in counts.values() if c > 1) for ch, counts in got.items()}
    print(f"\nkill test (seed {seed}): {KILLS} SIGKILLs in {time.monotonic() - started:.1f}s, "
          f"{len(expected)} alerts expected per channel; "
          + "; ".join(f"{ch}: {len(set(c) & expected)} received, {len(expected - set(c))} missing, "
                      f"{duplicates[ch]} duplicates" for ch, c in got.items()))
    assert done, f"missing: { {ch: sorted(expected - set(c)) for ch, c in got.items()} }"
    for ch, counts in got.items():
        assert set(counts) == expected, f"{ch}: unexpected alerts {sorted(set(counts) - expected)}"
    assert sum(duplicates.values()) <= KILLS, "at most one resend per kill (sent, not yet marked)"
