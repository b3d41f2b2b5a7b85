"""Notices to the operator's channel, end to end in process: a loopback site whose feed breaks and mends, the
daemon's rounds, a real webhook (the operator's channel) and a real SMTP server (a topic's channel beside it)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from monitor.config import load
from monitor.daemon import Daemon
from monitor.errors import ConfigError
from monitor.notify import deliver_pending
from monitor.status import alerts_table, sources_table
from monitor.store import Store
from tests.notify.helpers import Feed, story, write_config

BROKEN = "/broken.xml"
CHANNELS = ('[[channel]]\nid = "desk-email"\nurl = "${EMAIL_URL}"\n\n'
            '[[channel]]\nid = "ops-chat"\nurl = "${HOOK_URL}"\ntopics = ["quiet"]\n')
TOPICS = ('[[topic]]\nid = "kfor"\nname = "KFOR"\nquery = "KFOR"\nmax_per_hour = 1\n\n'
          '[[topic]]\nid = "quiet"\nname = "Never matches"\nquery = "zzzqqq"\n')


class Rig:
    """Two feed sources: "outlet-a" always answers, "outlet-b" (at BROKEN) answers 500 until ``mend``."""

    def __init__(self, tmp_path, site, smtp, webhook, monitor: str, hook_url: str | None = None):
        self.site, self.tmp_path = site, tmp_path
        self.feed = Feed(site)
        site.add(BROKEN, b"oops", status=500)
        self.path = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml", "outlet-b": site.url + BROKEN},
                                 CHANNELS, TOPICS, "politeness_delay = 0\n" + monitor)
        self.env = {"EMAIL_URL": smtp.apprise_url(), "HOOK_URL": hook_url or webhook.url}
        self.config = load(self.path, self.env)
        self.store = Store(self.config.settings.database)

    def round(self) -> None:
        asyncio.run(Daemon(self.config, self.store).run_once())

    def mend(self) -> None:
        Feed(self.site, BROKEN)

    def restart(self) -> None:
        self.store.close()
        self.config = load(self.path, self.env)
        self.store = Store(self.config.settings.database)


@pytest.fixture
def rig(tmp_path, site, smtp, webhook):
    made: list[Rig] = []

    def make(monitor: str = 'operator_channel = "ops-chat"\nfailure_threshold = 3', **kw) -> Rig:
        r = Rig(tmp_path, site, smtp, webhook, monitor, **kw)
        made.append(r)
        return r

    yield make
    for r in made:
        r.store.close()


def titles(webhook) -> list[str]:
    return [m["title"] for m in webhook.received()]


def test_one_notice_at_the_threshold_none_after_and_one_on_recovery(rig, webhook, smtp):
    r = rig()
    for _ in range(2):
        r.round()
    assert titles(webhook) == [], "below the threshold: nothing yet"
    r.round()
    assert titles(webhook) == ["Source Outlet outlet-b (outlet-b) is failing"]
    body = webhook.received()[0]["message"]
    assert "is failing: http error: HTTP 500" in body
    assert "(3 failures in a row, never succeeded); what to do: open the URL in a browser" in body
    table = sources_table(r.config, r.store)
    notice_id = r.store.all_source_states()["outlet-b"].failing_notice
    assert f"operator notified (notice {notice_id})" in table and f"Notice id: {notice_id}" in body
    for _ in range(3):
        r.round()
    assert len(webhook.received()) == 1, "once per failing spell, not every poll"
    assert smtp.messages == [], "only the operator's channel is told"

    r.mend()
    r.round()
    assert titles(webhook)[1:] == ["Source Outlet outlet-b (outlet-b) recovered"]
    r.round()
    assert len(webhook.received()) == 2

    r.site.add(BROKEN, b"gone", status=404)  # a new spell: told again, once
    for _ in range(5):
        r.round()
    assert titles(webhook)[2:] == ["Source Outlet outlet-b (outlet-b) is failing"]
    assert "last success" in webhook.received()[2]["message"] and "HTTP 404" in webhook.received()[2]["message"]
    assert "outlet-a" not in " ".join(titles(webhook)), "the healthy source is never mentioned"
    table = alerts_table(r.store)
    assert table.count("notice to the operator: source outlet-b") == 3 and table.count("ops-chat") == 3


def test_notices_are_not_topic_alerts(rig, webhook, smtp):
    r = rig()
    r.feed.add("k1", "KFOR patrol one", "KFOR " + story(1))
    for _ in range(3):
        r.round()
    r.feed.add("k2", "KFOR patrol two", "KFOR " + story(2))
    r.round()
    # kfor's cap is one alert an hour: k2 is held, the notice neither counts nor is held, nor joins a digest
    held = [a.held for a, _, _ in r.store.recent_alerts() if a.topic_id == "kfor"]
    assert sorted(held, key=str) == [None, "rate limit"]
    assert [str(m["Subject"]) for m in smtp.messages] == ["[KFOR] KFOR patrol one"]
    assert titles(webhook) == ["Source Outlet outlet-b (outlet-b) is failing"]


def test_no_notice_without_an_operator_channel(rig, webhook, smtp):
    r = rig(monitor="failure_threshold = 3")
    for _ in range(4):
        r.round()
    r.mend()
    r.round()
    assert webhook.received() == [] and smtp.messages == []
    assert r.store.recent_alerts() == []
    assert r.store.all_source_states()["outlet-b"].failing_notice is None


def test_a_notice_survives_a_notifier_outage_and_a_restart(rig, webhook):
    r = rig()
    webhook.fail_with = 503
    for _ in range(4):
        r.round()
    assert webhook.received() == []
    assert "pending" in alerts_table(r.store)
    r.restart()  # the notice is in the database, not in memory
    r.round()
    webhook.fail_with = None
    deliver_pending(r.store, r.config, force=True)
    deliver_pending(r.store, r.config, force=True)
    assert titles(webhook) == ["Source Outlet outlet-b (outlet-b) is failing"], "sent once, after the outage"
    assert "sent" in alerts_table(r.store)


def test_the_channel_secret_never_reaches_the_logs(rig, webhook, caplog):
    canary = "CanaryOperator77secret"
    r = rig(hook_url=webhook.url.replace("json://", f"json://ops:{canary}@"))
    webhook.fail_with = 401
    with caplog.at_level(logging.DEBUG):
        for _ in range(4):
            r.round()
    assert "the operator's channel ops-chat is told" in caplog.text
    assert "to channel ops-chat failed" in caplog.text
    assert canary not in caplog.text
    assert canary not in alerts_table(r.store) and canary not in sources_table(r.config, r.store)


def test_operator_channel_must_name_a_channel(tmp_path, site):
    path = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml"}, CHANNELS, TOPICS,
                        'operator_channel = "ops"')
    with pytest.raises(ConfigError) as e:
        load(path, {"EMAIL_URL": "json://127.0.0.1:9/a", "HOOK_URL": "json://127.0.0.1:9/b"})
    assert e.value.problems == [f'{path}: [monitor]: field "operator_channel": no channel has id "ops"; name one of '
                                'the [[channel]] entries (desk-email, ops-chat), or remove the field']
