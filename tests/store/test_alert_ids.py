"""An alert's id is stable and short; two stories whose short ids collide still both alert."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.dedup import fingerprint
from monitor.noise import DeliveryPlan
from monitor.store import Store
from monitor.store import db as store_db
from monitor.store.db import ArticleToSave, alert_id_for
from tests.notify.helpers import story
from tests.test_poll_hot_path import _article, _match


def test_ids_are_stable_and_a_short_collision_takes_a_longer_id(tmp_path, monkeypatch):
    assert alert_id_for("kfor-troops", "https://a.test/1") == alert_id_for("kfor-troops", "https://a.test/1")
    real = store_db.alert_id_for
    monkeypatch.setattr(store_db, "alert_id_for",
                        lambda topic, url, length=12: "deadbeef0000" if length == 12 else real(topic, url, length))
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    ids_rendered = []

    def render(article, match, previous_total, alert_id):
        ids_rendered.append(alert_id)
        return article.title, article.body[:40], "warning"

    def plan(match, sent_last_hour):
        return None, [DeliveryPlan("desk", datetime.now(UTC))]

    one, two = story(1, 200), story(2, 200)
    try:
        saved = store.save_articles([
            ArticleToSave(_article("https://a.test/1", one), ("url:https://a.test/1",), (_match(),),
                          fingerprint("", one)),
            ArticleToSave(_article("https://a.test/2", two), ("url:https://a.test/2",), (_match(),),
                          fingerprint("", two)),
        ], render, plan)
        ids = [a.id for s in saved for a in s.alerts]
        assert ids[0] == "deadbeef0000" and len(ids[1]) == 32, ids
        assert ids_rendered == ids, "the message carries the id the alert is stored under"
    finally:
        store.close()
