"""Delivery end to end, in process: a loopback feed, a real SMTP server (aiosmtpd), a real webhook."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest

from monitor.config import load
from monitor.daemon import Daemon
from monitor.notify import deliver_pending
from monitor.status import alerts_table
from monitor.store import Store, utcnow
from tests.notify.helpers import Feed, story, write_config

VI_TITLE = "KFOR tăng thêm 200 binh sĩ tới Kosovo"


def channels(smtp, webhook, email_extra: str = "", hook_extra: str = "") -> str:
    return (f'[[channel]]\nid = "desk-email"\nurl = "${{EMAIL_URL}}"\ntimezone = "Asia/Ho_Chi_Minh"\n{email_extra}\n'
            f'[[channel]]\nid = "desk-chat"\nurl = "${{HOOK_URL}}"\n{hook_extra}\n')


class Rig:
    def __init__(self, tmp_path, site, smtp, webhook, *, email_extra="", hook_extra="", topics="", monitor=""):
        self.feed = Feed(site)
        self.path = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml"},
                                 channels(smtp, webhook, email_extra, hook_extra), topics, monitor)
        self.env = {"EMAIL_URL": smtp.apprise_url(), "HOOK_URL": webhook.url}
        self.site = site
        self.config = load(self.path, self.env)
        self.store = Store(self.config.settings.database)

    def round(self):
        return asyncio.run(Daemon(self.config, self.store).run_once())

    def deliver(self, **kw):
        return deliver_pending(self.store, self.config, **kw)


@pytest.fixture
def rig(tmp_path, site, smtp, webhook):
    made = []

    def make(**kw):
        r = Rig(tmp_path, site, smtp, webhook, **kw)
        made.append(r)
        return r

    yield make
    for r in made:
        r.store.close()


def test_email_is_multipart_utf8_escaped_and_carries_the_alert_id(rig, smtp, webhook):
    r = rig()
    r.feed.add("a1", VI_TITLE + " <script>alert(1)</script>",
               "Lực lượng KFOR do NATO dẫn đầu đã tăng thêm 200 binh sĩ. " + story(1))
    r.round()
    assert len(smtp.messages) == 1 and len(webhook.received()) == 1
    mail = smtp.messages[0]
    subject = str(mail["Subject"])
    assert subject.startswith("[KFOR] KFOR tăng thêm 200 binh sĩ") and "\n" not in subject
    assert mail.is_multipart() and mail.get_content_type() == "multipart/alternative"
    plain = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "binh sĩ" in plain and "binh sĩ" in html, "Vietnamese intact in both parts"
    assert "<script>" not in html and "&lt;script&gt;" in html, "article text is escaped in HTML"
    assert "<mark><b>KFOR</b></mark>" in html, "matched terms highlighted"
    assert "(ICT)" in html or "+07" in html, "published time in the channel's time zone"
    alert_id = mail["X-Monitor-Alert-Id"]
    assert alert_id and f"Alert id: {alert_id}" in plain
    assert f"<{alert_id}@alert.monitor>" in mail["References"]
    assert f"{r.feed.url_of(r.feed.items[0])}" in plain

    chat = webhook.received()[0]
    assert chat["title"] == subject
    assert "\\<script\\>" in chat["message"], "Markdown: the tag is escaped text"
    assert f"Alert id: {alert_id}" in chat["message"]


def test_templates_never_evaluate_article_text_and_can_be_overridden(rig, tmp_path, smtp, webhook):
    (tmp_path / "chat.tpl").write_text("NEW: $title | $source | $alert_id\n$link\n", encoding="utf-8")
    r = rig(hook_extra='template = "chat.tpl"')
    r.feed.add("a1", "KFOR $alert_id ${title} {{7*7}} <!channel>", "KFOR " + story(2))
    r.round()
    msg = webhook.received()[0]["message"]
    assert msg.startswith("NEW: KFOR $alert\\_id ${title} {{7\\*7}} \\<!channel\\> | Outlet outlet-a | ")
    title = msg.split("\n")[0].split(" | ")[0]  # the alert id after it is hex, and may hold 49
    assert "49" not in title, "{{7*7}} stays text"
    html = smtp.messages[0].get_body(("html",)).get_content()
    assert "KFOR $alert_id ${title} {{7*7}} &lt;!channel&gt;" in html


def test_republished_copy_is_one_alert_also_reported_by(rig, site, smtp, webhook):
    r = rig()
    text = "KFOR " + story(3, 120)
    r.feed.add("first", "KFOR tăng quân", text)
    r.round()
    other = Feed(site, "/other.xml")
    r.path.write_text(r.path.read_text(encoding="utf-8").replace(
        '[[topic]]', f'[[source]]\nid = "outlet-b"\nkind = "feed"\nurl = "{site.url}/other.xml"\n'
                     f'interval = "1s"\n\n[[topic]]', 1), encoding="utf-8")
    r.config = load(r.path, r.env)
    # the same text, republished with a new headline, a changed word and a credit line
    other.add("copy", "Tin KFOR: tăng quân ở Kosovo", text.replace("hòa", "hoà", 1) + " Theo Báo A.")
    other.add("exact", "KFOR tăng quân", text)  # a verbatim copy: same content hash
    r.round()
    assert len(smtp.messages) == 1 and len(webhook.received()) == 1
    table = alerts_table(r.store)
    assert "also reported by" in table and other.url_of(other.items[0]) in table


def test_hourly_cap_folds_the_rest_into_one_digest(rig, smtp, webhook):
    r = rig(topics='[[topic]]\nid = "kfor"\nname = "KFOR"\nquery = "KFOR"\nmax_per_hour = 2\n')
    for i in range(5):
        r.feed.add(f"n{i}", f"KFOR news {i}", "KFOR " + story(10 + i))
    r.round()
    assert len(smtp.messages) == 2 and len(webhook.received()) == 2
    r.deliver(now=utcnow() + timedelta(hours=1))
    hooks = webhook.received()
    assert len(hooks) == 3 and "digest: 3 alerts (over the topic's hourly cap)" in hooks[-1]["title"]
    singles = {h["title"].removeprefix("[KFOR] ") for h in hooks[:2]}
    assert all((f"KFOR news {i}" in hooks[-1]["message"]) != (f"KFOR news {i}" in singles) for i in range(5))
    assert "digest: 3 alerts" in str(smtp.messages[-1]["Subject"])


def test_digest_mode_sends_one_message_per_period(rig, smtp, webhook):
    r = rig(topics='[[topic]]\nid = "kfor"\nname = "KFOR"\nquery = "KFOR"\ndigest = "1h"\n')
    for i in range(3):
        r.feed.add(f"d{i}", f"KFOR item {i}", "KFOR " + story(20 + i))
    r.round()
    assert smtp.messages == [] and webhook.received() == []
    r.deliver(now=utcnow() + timedelta(hours=1))
    assert len(smtp.messages) == 1 and len(webhook.received()) == 1
    html = smtp.messages[0].get_body(("html",)).get_content()
    assert all(f"KFOR item {i}" in html for i in range(3))


def test_quiet_hours_hold_alerts_for_one_digest_at_their_end(rig, smtp, webhook):
    now = utcnow()
    start, end = now - timedelta(hours=1), now + timedelta(hours=2)
    r = rig(hook_extra=f'quiet_hours = "{start:%H:%M}-{end:%H:%M}"\n')
    for i in range(2):
        r.feed.add(f"q{i}", f"KFOR quiet {i}", "KFOR " + story(30 + i))
    r.round()
    assert len(smtp.messages) == 2, "the email channel has no quiet hours"
    assert webhook.received() == []
    r.deliver(now=now + timedelta(hours=2, minutes=1))
    hooks = webhook.received()
    assert len(hooks) == 1 and "quiet hours ended" in hooks[0]["title"]


def test_channels_take_their_topics_and_minimum_severity(rig, smtp, webhook):
    topics = ('[[topic]]\nid = "kfor"\nname = "KFOR"\nquery = "KFOR"\nseverity = "info"\n'
              '[[topic]]\nid = "clash"\nname = "Clash"\nquery = "clash"\nseverity = "critical"\n')
    r = rig(topics=topics, email_extra='min_severity = "critical"', hook_extra='topics = ["kfor"]')
    r.feed.add("k", "KFOR patrol", "KFOR " + story(40))
    r.feed.add("c", "Border clash", "clash " + story(41))
    r.round()
    assert [str(m["Subject"]) for m in smtp.messages] == ["[Clash] Border clash"]
    assert [m["title"] for m in webhook.received()] == ["[KFOR] KFOR patrol"]


def test_outage_keeps_order_and_gives_up_after_the_configured_age(rig, smtp, webhook):
    r = rig(monitor='give_up_after = "1h"')
    webhook.fail_with = 503
    for i in range(3):
        r.feed.add(f"o{i}", f"KFOR outage {i}", "KFOR " + story(50 + i))
    r.round()
    assert webhook.received() == []
    table = alerts_table(r.store)
    assert "pending" in table and "HTTP" in table or "503" in table
    webhook.fail_with = None
    r.deliver(force=True)
    created = [a.title for a, _, _ in reversed(r.store.recent_alerts())]
    assert [m["title"] for m in webhook.received()] == created, "in order of creation"

    webhook.fail_with = 500
    r.feed.add("late", "KFOR late", "KFOR " + story(60))
    r.round()
    r.deliver(now=utcnow() + timedelta(hours=2), force=True)
    table = alerts_table(r.store)
    assert "failed" in table and "gave up after 2 attempts" in table
    assert "1 delivery given up in all" in table


def test_canary_secret_never_in_errors_or_status(rig, tmp_path, smtp, webhook):
    r = rig()
    canary = "CanarySecret42xyz"
    r.env["HOOK_URL"] = webhook.url.replace("json://", f"json://user:{canary}@")
    r.config = load(r.path, r.env)
    webhook.fail_with = 401
    r.feed.add("s", "KFOR secret", "KFOR " + story(70))
    r.round()
    with r.store._session() as s:
        from sqlmodel import select

        from monitor.store.models import DeliveryRow
        errors = [d.last_error or "" for d in s.exec(select(DeliveryRow)).all()]
    assert any(errors) and not any(canary in e for e in errors)
    assert canary not in alerts_table(r.store)
    assert canary not in json.dumps(webhook.received())
