"""Outage test: the SMTP server and the webhook are down for a stretch of polls, then come back.

Every alert made meanwhile arrives on both channels, in the order the alerts were created, none twice.
"""

from __future__ import annotations

import time

from monitor.store import Store
from tests.kill.harness import ALERT_ID, DaemonProcess, channels, wait_for
from tests.notify.helpers import Feed, story, write_config


def test_notifiers_down_then_back_every_alert_once_in_order(tmp_path, site, smtp, webhook):
    feed = Feed(site)
    config = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml"}, channels(),
                          monitor='poll_tick = "0.2s"\ndelivery_tick = "0.2s"\nretry_base = "0.3s"\n'
                                  'retry_max = "1s"')
    daemon = DaemonProcess(config, {"EMAIL_URL": smtp.apprise_url(), "HOOK_URL": webhook.url},
                           tmp_path / "daemon.log")
    smtp.stop()
    webhook.fail_with = 503
    daemon.start()
    try:
        daemon.wait_running()
        for batch in range(4):  # new alerts over several polls while both notifiers are down
            for i in range(3):
                feed.add(f"b{batch}-{i}", f"KFOR outage story {batch}.{i}", "KFOR " + story(500 + batch * 10 + i))
            time.sleep(0.8)
        time.sleep(1.5)
        assert smtp.messages == [] and webhook.received() == []
        store = Store(f"sqlite:///{(tmp_path / 'monitor.db').as_posix()}")
        rows = store.recent_alerts(100)
        store.close()
        created = [a.id for a, _, _ in sorted(rows, key=lambda r: (r[0].created_at, r[0].id))]
        assert len(created) == 12
        failed_attempts = daemon.output().count("failed (attempt")

        smtp.start()
        webhook.fail_with = None
        assert wait_for(lambda: len(smtp.messages) >= 12 and len(webhook.received()) >= 12, 30)
        time.sleep(1.0)  # more delivery ticks: nothing twice
    finally:
        assert daemon.stop() == 0
    mail = [str(m["X-Monitor-Alert-Id"]) for m in smtp.messages]
    chat = [ALERT_ID.search(m["message"]).group(1) for m in webhook.received()]
    print(f"\noutage test: {len(created)} alerts made while both notifiers were down "
          f"({failed_attempts} failed attempts logged); email received {len(mail)}, chat received {len(chat)}, "
          f"in creation order: email {mail == created}, chat {chat == created}")
    assert mail == created, "email: every alert, in order of creation, none twice"
    assert chat == created, "chat: every alert, in order of creation, none twice"
