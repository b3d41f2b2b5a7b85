"""The daemon end to end against real loopback servers: a news site, an SMTP server, a webhook."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli import monitor
from tests.e2e.fixture_site import loopback_config, populate

KFOR = "[KFOR troop changes]"
ESCALATION = "[Kosovo escalation]"
SEED_000_TITLE = "NATO và EU thảo luận tình hình Kosovo"
SEED_001_TITLE = "NATO muốn thúc đẩy quan hệ với Serbia, lên án căng thẳng ở Kosovo"


@pytest.fixture
def env(site, smtp, webhook, tmp_path):
    populate(site)
    config = loopback_config(site, tmp_path, f"sqlite:///{tmp_path / 'monitor.db'}")
    environ = {**os.environ, "MONITOR_EMAIL_URL": smtp.apprise_url(), "MONITOR_WEBHOOK_URL": webhook.url,
               "MONITOR_CONFIG": str(config)}
    return environ



def titles(smtp, webhook):
    mail = sorted(str(m["Subject"]) for m in smtp.messages)
    hooks = sorted(m["title"] for m in webhook.received())
    return mail, hooks


def test_once_alerts_each_seed_once_by_email_and_webhook(env, site, smtp, webhook):
    out = monitor(env, "run", "--once")
    assert out.returncode == 0, out.stderr
    mail, hooks = titles(smtp, webhook)
    assert mail == hooks, "both channels get the same alerts"
    assert [t for t in mail if t.startswith(KFOR)] == [f"{KFOR} {SEED_000_TITLE}"]
    assert sorted(t for t in mail if t.startswith(ESCALATION)) == sorted(
        [f"{ESCALATION} {SEED_000_TITLE}", f"{ESCALATION} {SEED_001_TITLE}"])
    assert len(mail) == 3, "the unrelated articles and related-news teasers alert nothing"

    # Vietnamese text intact in the email: UTF-8 subject and body
    kfor_mail = next(m for m in smtp.messages if str(m["Subject"]).startswith(KFOR))
    body = kfor_mail.get_body(("plain", "html")).get_content()
    assert "binh sĩ" in body and "Thổ Nhĩ Kỳ" in body or "KFOR" in body
    assert "Link: http://127.0.0.1:" in body and "230412.html" in body
    assert "Alert id: " in body

    # seed 000 comes by two feeds of the same outlet; its page is fetched at most once, never again
    assert site.hits("/nato-va-eu-thao-luan-tinh-hinh-kosovo-230412.html") <= 1

    # a second round and a restart: nothing new, nothing twice
    for _ in range(2):
        out = monitor(env, "run", "--once")
        assert out.returncode == 0, out.stderr
    assert titles(smtp, webhook) == (mail, hooks)
    assert site.hits("/nato-va-eu-thao-luan-tinh-hinh-kosovo-230412.html") <= 1
    conditional = [h for p, h in site.requests if p == "/rss_feed/"]
    assert "if-none-match" in conditional[-1], "the feed is polled with a conditional GET"

    # the broken sources are reported plainly, the others are fine
    sources = monitor(env, "sources").stdout
    lines = {line.split()[0]: line for line in sources.splitlines()[1:]}
    assert " http error " in lines["broken-500"] and "HTTP 500" in lines["broken-500"]
    assert " parse error " in lines["garbage"] and "not a feed" in lines["garbage"]
    assert " blocked " in lines["blocked-403"] and "HTTP 403" in lines["blocked-403"]
    assert " blocked " in lines["challenge"] and "bot-challenge" in lines["challenge"]
    assert " 0 " not in lines["challenge"].split("blocked")[0], "a block page is never '0 new items'"
    for ok in ("bqt-feed", "bqt-section-feed", "vov-listing", "vov-sitemap"):
        assert lines[ok].split()[2] in ("ok", "not"), lines[ok]

    alerts = monitor(env, "alerts").stdout
    assert alerts.count("desk-email") == 3 and alerts.count("sent") >= 6


def test_related_news_block_never_alerts(env, site, smtp, webhook):
    # only the VOV page whose related-news block speaks of clashes in Kosovo, nothing else
    for path in list(site.routes):
        if path.startswith(("/rss_feed", "/broken", "/sitemaps")):
            del site.routes[path]
    out = monitor(env, "run", "--once")
    assert out.returncode == 0
    mail, _ = titles(smtp, webhook)
    assert mail == [f"{ESCALATION} {SEED_001_TITLE}"]


def test_daemon_runs_until_sigterm_and_picks_up_new_items(env, site, smtp, webhook):
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "run"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while len(webhook.received()) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(webhook.received()) == 3
        assert proc.poll() is None, "the daemon keeps running"
        time.sleep(3)  # several more poll ticks: still nothing twice
        assert len(webhook.received()) == 3
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "stopped" in err


def test_notifier_outage_keeps_alerts_pending_until_it_is_back(env, site, smtp, webhook):
    webhook.fail_with = 503
    smtp.stop()
    out = monitor(env, "run", "--once")
    assert out.returncode == 0
    assert webhook.received() == [] and smtp.messages == []
    pending = monitor(env, "alerts").stdout
    assert pending.count("pending") == 6, pending
    webhook.fail_with = None
    smtp.start()
    # loopback.toml's retry backoff is 1-2 s (±20 %): run rounds until it has passed, as the daemon would
    deadline = time.monotonic() + 20
    while True:
        time.sleep(1)
        out = monitor(env, "run", "--once")
        assert out.returncode == 0
        if "pending" not in monitor(env, "alerts").stdout or time.monotonic() > deadline:
            break
    mail, hooks = titles(smtp, webhook)
    assert len(mail) == 3 and mail == hooks


def test_offline_sources_are_reported_and_the_round_completes(tmp_path):
    closed = tmp_path / "offline.toml"
    closed.write_text(f'''
[monitor]
database = "sqlite:///{tmp_path / 'db.sqlite'}"
allow_private_addresses = true
topics_file = "{Path(__file__).parents[2].joinpath('rules.toml').as_posix()}"
[[source]]
id = "nowhere"
kind = "feed"
url = "http://127.0.0.1:9/feed.xml"
interval = "5m"
''', encoding="utf-8")
    env = {**os.environ, "MONITOR_CONFIG": str(closed)}
    out = monitor(env, "run", "--once")
    assert out.returncode == 0
    assert "source nowhere: network error: connection refused" in out.stderr
    assert "network error" in monitor(env, "sources").stdout
