"""Templates, escaping, noise-control timing and near-duplicate detection: pure functions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from apprise.plugins.slack import NotifySlack
from apprise.plugins.telegram import NotifyTelegram

from monitor.config import Channel, Topic
from monitor.dedup import distance, near_duplicate, simhash, to_hex
from monitor.noise import period_end, plan, quiet_until
from monitor.notify.templates import (
    Presentation,
    check_template,
    escape_markdown,
    render_alert,
    render_digest,
    render_notice,
)
from monitor.store.db import AlertView
from tests.notify.helpers import story

NASTY = "Sốc: <script>alert(1)</script> <!channel> *bold* _x_ [a](b) 1.5 #tag $alert_id\r\nBcc: x@y.z"


def view(**kw) -> AlertView:
    base = dict(alert_id="0123456789ab", topic_id="kfor", severity="warning", title="[KFOR] " + NASTY,
                body="", article_title=NASTY, url="https://vov.vn/the-gioi/a-post1.vov", source_id="vov",
                published=datetime(2025, 6, 1, 23, 30, tzinfo=UTC), created_at=datetime(2025, 6, 1, tzinfo=UTC),
                snippet="lực lượng «KFOR» tăng thêm «binh sĩ»", terms=("KFOR",),
                facts=({"topic": "kfor", "kind": "total", "value": 4500, "text": "KFOR có 4.500 binh sĩ"},),
                previous_total=3800)
    return AlertView(**{**base, **kw})


def test_html_escapes_article_text_and_highlights_terms():
    msg = render_alert(view(), Presentation("html", tz="Asia/Ho_Chi_Minh", topic_names={"kfor": "KFOR"}))
    assert "<script>" not in msg.body and "&lt;script&gt;" in msg.body
    assert "<mark><b>binh sĩ</b></mark>" in msg.body
    assert "2025-06-02 06:30 +07" in msg.body, "published time in the channel's zone"
    assert "4,500" in msg.body and "3,800" in msg.body, "the total and the last reported one"
    assert "\r" not in msg.title and "\n" not in msg.title
    assert msg.headers["X-Monitor-Alert-Id"] == "0123456789ab"


def test_markdown_is_text_on_slack_and_telegram():
    md = render_alert(view(), Presentation("markdown")).body
    slack = NotifySlack._commonmark_to_slack(md)
    assert "<!channel>" not in slack and "&lt;!channel&gt;" in slack
    assert "<script>" not in slack
    telegram = NotifyTelegram._commonmark_to_telegram(md, strict=True)
    assert "\\<script\\>" in telegram and "\\*bold\\*" in telegram and "\\_x\\_" in telegram
    assert "1\\.5" in telegram and "\\#tag" in telegram
    assert escape_markdown("- item") == "\\- item"


def test_article_text_is_never_a_template():
    msg = render_alert(view(article_title="$alert_id ${title} {{7*7}}"), Presentation("text"))
    assert "$alert_id ${title} {{7*7}}" in msg.body
    tpl = "$title / $alert_id"
    assert render_alert(view(article_title="$alert_id"), Presentation("text", template=tpl)).body == \
        "$alert_id / 0123456789ab"


@pytest.mark.parametrize("limit", [200, 500, 1000])
def test_chat_message_fits_the_length_limit_keeping_link_and_id(limit):
    msg = render_alert(view(snippet="«KFOR» " + story(1, 400)), Presentation("markdown", max_length=limit))
    assert len(msg.body) <= limit
    assert "Alert id: 0123456789ab" in msg.body and "vov.vn" in msg.body


def test_digest_lists_alerts_and_fits():
    views = [view(alert_id=f"{i:012x}", article_title=f"Tin {i}") for i in range(40)]
    msg = render_digest(views, Presentation("markdown", max_length=1500), "digest of the period")
    assert len(msg.body) <= 1500 and "more: run" in msg.body and "monitor alerts" in msg.body
    assert "digest: 40 alerts" in msg.title


def test_check_template():
    assert check_template("$title $link") is None
    assert "unknown placeholder" in check_template("$title $password")
    assert "stray '$'" in check_template("costs $ 5")


def test_quiet_hours_across_midnight_in_the_channel_zone():
    ch = Channel("c", "json://x", quiet_hours=(22 * 60, 7 * 60), timezone="Asia/Ho_Chi_Minh")
    assert quiet_until(ch, datetime(2025, 6, 1, 16, 0, tzinfo=UTC)) == datetime(2025, 6, 2, 0, 0, tzinfo=UTC)
    assert quiet_until(ch, datetime(2025, 6, 1, 23, 0, tzinfo=UTC)) == datetime(2025, 6, 2, 0, 0, tzinfo=UTC)
    assert quiet_until(ch, datetime(2025, 6, 1, 5, 0, tzinfo=UTC)) is None  # 12:00 local


def test_topic_cap_and_digest_plans():
    now = datetime(2025, 6, 1, 10, 20, tzinfo=UTC)
    ch = [Channel("c", "json://x")]
    assert plan(Topic("t", "T", "q", max_per_hour=2), ch, now, 1)[0] is None
    held, plans = plan(Topic("t", "T", "q", max_per_hour=2), ch, now, 2)
    assert held == "rate limit" and plans[0].due == datetime(2025, 6, 1, 11, tzinfo=UTC)
    held, plans = plan(Topic("t", "T", "q", digest=3600), ch, now, 0)
    assert held == "digest" and plans[0].digest_key.startswith("topic:t:")
    assert period_end(now, 86400) == datetime(2025, 6, 2, tzinfo=UTC)


def test_simhash_finds_republished_copies_not_other_stories():
    text = story(7, 150)
    copy = "Theo báo A: " + text.replace("Peace", "peace") + " (Ảnh: TTXVN)"
    assert near_duplicate(to_hex(simhash(text)), to_hex(simhash(copy)))
    others = [distance(simhash(story(i, 150)), simhash(story(i + 500, 150))) for i in range(100)]
    assert min(others) > 10
    assert simhash("too short") is None


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("limit", [120, 300, 4000])
def test_a_long_notice_is_cut_in_its_words_and_keeps_its_id_line(fmt, limit):
    words = "Source <vov> is failing: " + " & ".join(["HTTP 500 <b>error</b>"] * 80) + "\n\nwhat to do: check it"
    msg = render_notice(view(alert_id="n0t1ce1d0001", topic_id="(operator)", title="Source vov is failing",
                             body=words), Presentation(fmt, max_length=limit))
    assert len(msg.body) <= limit, "markup and escaping included"
    assert "Notice id: n0t1ce1d0001" in msg.body
    assert msg.body.startswith(("Source", '<div style="font-family:sans-serif;max-width:40em"><p>Source'))
    if fmt == "html":
        assert "<b>error" not in msg.body and msg.body.endswith("</p></div>"), "cut in the words, not the markup"
    if limit == 4000:
        assert "…" not in msg.body and "what to do: check it" in msg.body
    else:
        assert "…" in msg.body


def test_a_notice_stored_with_its_id_line_by_an_older_version_shows_it_once():
    msg = render_notice(view(alert_id="n0t1ce1d0001", topic_id="(operator)", title="Source vov is failing",
                             body="Source vov is failing: HTTP 500.\n\nNotice id: n0t1ce1d0001"), Presentation("text"))
    assert msg.body == "Source vov is failing: HTTP 500.\n\nNotice id: n0t1ce1d0001"


def test_a_service_that_puts_the_title_in_the_body_keeps_room_for_it():
    from monitor.notify.sender import service_limit
    from monitor.notify.templates import TITLE_MAX

    telegram = "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/-100123456"
    assert service_limit(Channel("t", telegram)) == 4096 - TITLE_MAX - 2  # Telegram: title + "\n" + body <= 4096
    assert service_limit(Channel("t", telegram, max_length=1000)) == 1000
    assert service_limit(Channel("d", "discord://1234567890/abcdefghijklmnop")) == 2000  # a title of its own
    look = Presentation("markdown", max_length=service_limit(Channel("t", telegram)))
    msg = render_notice(view(alert_id="n0t1ce1d0001", topic_id="(operator)", title="x" * 500,
                             body="Source vov is failing. " * 400), look)
    assert len(msg.title) + 1 + len(msg.body) <= 4096 and msg.body.endswith("Notice id: n0t1ce1d0001")
