"""`monitor notify-test` and `monitor retry`, as an operator runs them after fixing a channel."""

from __future__ import annotations

import os

from tests.cli import monitor
from tests.e2e.fixture_site import loopback_config, populate


def test_notify_test_and_retry(site, smtp, webhook, tmp_path):
    populate(site)
    config = loopback_config(site, tmp_path, f"sqlite:///{tmp_path / 'monitor.db'}")
    env = {**os.environ, "MONITOR_CONFIG": str(config), "MONITOR_EMAIL_URL": smtp.apprise_url(),
           "MONITOR_WEBHOOK_URL": webhook.url}

    out = monitor(env, "notify-test", "desk-webhook")
    assert out.returncode == 0, out.stderr
    assert "test message accepted" in out.stdout
    assert webhook.received()[-1]["title"] == "monitor: test message to channel desk-webhook"
    out = monitor(env, "notify-test", "desk-email")
    assert out.returncode == 0 and "Tiếng Việt" in smtp.messages[-1].get_body(("plain", "html")).get_content()
    assert monitor(env, "notify-test", "nope").returncode == 2

    webhook.fail_with = 503  # the chat channel is down for a round: its alerts wait with their backoff
    assert monitor(env, "run", "--once").returncode == 0
    before = len(webhook.received())
    webhook.fail_with = None  # fixed: the operator sends what waits, now, without waiting for the backoff
    out = monitor(env, "retry", "--channel", "desk-webhook")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "3 sent, 0 failed" in out.stdout
    assert len(webhook.received()) == before + 3
    assert monitor(env, "retry").stdout.startswith("0 deliveries made due now")
