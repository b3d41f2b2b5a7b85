"""A canary secret in every channel URL appears nowhere: not in what the daemon prints or logs,
not in errors, not in the database."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli import monitor
from tests.e2e.fixture_site import loopback_config, populate
from tests.servers import free_port

CANARY = "c4nary-S3cret-77x"



def test_canary_secret_never_leaves(site, smtp, webhook, tmp_path):
    populate(site)
    config = loopback_config(site, tmp_path, f"sqlite:///{tmp_path / 'monitor.db'}")
    closed = free_port()
    env = {
        **os.environ,
        "MONITOR_CONFIG": str(config),
        # a password the SMTP server will not take (it offers no AUTH): the send fails, its error is shown
        "MONITOR_EMAIL_URL": f"mailto://desk:{CANARY}@127.0.0.1:{smtp.port}?mode=insecure"
                             f"&from=monitor@example.org&to=desk@example.org",
        # a token in the path and a password, to a port where nothing listens: connection errors carry URLs
        "MONITOR_WEBHOOK_URL": f"json://bot:{CANARY}@127.0.0.1:{closed}/hooks/{CANARY}",
    }
    outputs = []
    for args in (["check"], ["--log-format", "json", "run", "--once"], ["run", "--once"], ["sources"],
                 ["alerts"], ["retry", "--failed"], ["notify-test", "desk-webhook"],
                 ["notify-test", "desk-email"]):
        out = monitor(env, *args)
        outputs.append((args, out.stdout + out.stderr))
    everything = "\n".join(text for _, text in outputs)
    assert CANARY not in everything, [args for args, text in outputs if CANARY in text]

    # the failures were reported, so the redaction was tried on real error text
    alerts = outputs[4][1]
    assert "desk-webhook" in alerts and "pending" in alerts
    assert "test message failed" in outputs[6][1] and "test message failed" in outputs[7][1]

    # and nothing of it was stored
    for path in tmp_path.glob("monitor.db*"):
        assert CANARY.encode() not in path.read_bytes(), path.name
    assert not any(CANARY in p.read_text(errors="replace") for p in Path(tmp_path).glob("*.log"))
