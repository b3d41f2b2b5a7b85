"""A feed polled again: the worker that reads it prepares only the items the last poll did not find stored.

The daemon remembers, per feed, the items its last poll found stored, and the worker skips normalizing and
matching those. That is a hint to save work, never the judge of what is new: an item the hint names but
the store does not hold (a database restored from an older backup) is prepared and stored all the same.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from monitor import config as config_mod
from monitor.daemon import Daemon
from monitor.parse import jobs
from monitor.store import Store
from tests.servers import NewsSite

RSS = "application/rss+xml; charset=utf-8"


def feed(*numbers: int) -> str:
    items = "".join(f"<item><title>Tin {n}: KFOR</title><link>/a/{n}.html</link><guid>g-{n}</guid>"
                    f"<description>Bài {n} về KFOR và binh sĩ.</description></item>" for n in numbers)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def test_only_new_items_are_prepared_and_a_wrong_hint_loses_nothing(tmp_path, monkeypatch):
    site = NewsSite()
    site.add("/rss", feed(3, 2, 1), RSS)
    path = tmp_path / "monitor.toml"
    path.write_text("\n".join([
        "[monitor]", f'database = "sqlite:///{(tmp_path / "db.sqlite").as_posix()}"', "allow_private_addresses = true",
        "politeness_delay = 0", "", "[[topic]]", 'id = "kfor"', 'name = "KFOR"', "query = 'KFOR'", "",
        "[[source]]", 'id = "news"', 'kind = "feed"', f'url = "{site.url}/rss"', 'interval = "10m"', "",
    ]), encoding="utf-8")
    config = config_mod.load(path, env={})
    store = Store(config.settings.database)
    daemon = Daemon(config, store)  # parses inline (no worker pool): the same jobs, in this process
    prepared: list[str] = []
    make_article = jobs.make_article
    monkeypatch.setattr(jobs, "make_article", lambda source, entry: prepared.append(entry.guid) or
                        make_article(source, entry))

    def poll():
        prepared.clear()

        async def go():
            async with daemon._fetcher() as fetcher:
                return await daemon.poll(fetcher, all_sources=True)

        (outcome,) = asyncio.run(go())
        assert outcome.ok, outcome.error
        return outcome

    try:
        first = poll()
        assert (first.items_new, sorted(prepared)) == (3, ["g-1", "g-2", "g-3"])

        site.add("/rss", feed(4, 3, 2, 1), RSS)
        second = poll()
        assert (second.items_new, prepared) == (1, ["g-4"]), "the three stored items are not prepared again"
        assert [a.title for a in second.alerts] and len(second.alerts) == 1

        # the database loses item 2 (restored from an older backup) while the daemon still runs
        with store.engine.begin() as conn:
            (article_id,) = conn.execute(text("SELECT article_id FROM seen_key WHERE key = 'guid:news:g-2'")).one()
            conn.execute(text("DELETE FROM seen_key WHERE article_id = :a"), {"a": article_id})
            conn.execute(text("DELETE FROM delivery WHERE alert_id IN (SELECT id FROM alert WHERE article_id = :a)"),
                         {"a": article_id})
            conn.execute(text("DELETE FROM alert WHERE article_id = :a"), {"a": article_id})
            conn.execute(text("DELETE FROM article WHERE id = :a"), {"a": article_id})
        site.add("/rss", feed(5, 4, 3, 2, 1), RSS)
        third = poll()
        # item 5 is prepared with the feed's reading; item 2, which the hint named, once the store says it is new
        assert prepared == ["g-5", "g-2"]
        assert third.items_new == 2
        assert sorted("Tin 2" in a.title for a in third.alerts) == [False, True] and len(third.alerts) == 2
    finally:
        store.close()
        site.close()
