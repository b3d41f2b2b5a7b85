"""An article page is normalized and matched in a parse worker, like a feed's items: under the parse budget,
and the daemon's own process holds no compiled topics."""

from __future__ import annotations

import asyncio

from monitor import config as config_mod
from monitor.daemon import Daemon
from monitor.parse import jobs
from monitor.store import Store

LISTING = '<html><body><ul><li><a class="item" href="/news/1.html">KFOR</a></li></ul></body></html>'
PAGE = ("<html><head><title>x</title></head><body><h1>KFOR gets 300 more troops</h1>"
        "<div class='body'><p>NATO sends 300 more troops to KFOR in Kosovo, the alliance said on Monday.</p>"
        "<p>The reinforcement arrives next week.</p></div></body></html>")


def test_a_page_is_matched_in_a_worker_not_in_the_daemon(tmp_path, site, monkeypatch):
    site.add("/news", LISTING)
    site.add("/news/1.html", PAGE)
    path = tmp_path / "monitor.toml"
    path.write_text("\n".join([
        "[monitor]", f'database = "sqlite:///{(tmp_path / "db.sqlite").as_posix()}"', "allow_private_addresses = true",
        "politeness_delay = 0", "parse_workers = 1", "", "[[topic]]", 'id = "kfor"', 'name = "KFOR"',
        "query = 'KFOR AND troops'", "",
        "[[source]]", 'id = "news"', 'kind = "page"', f'url = "{site.url}/news"', 'interval = "10m"',
        'links = "a.item"', 'title = "h1"', 'body = "div.body > p"', "",
    ]), encoding="utf-8")
    config = config_mod.load(path, env={})
    daemon = Daemon(config, Store(config.settings.database))
    assert not hasattr(daemon, "topics"), "the daemon's process compiles no topics"

    def in_the_daemon(*args, **kwargs):
        raise AssertionError("an article was prepared in the daemon's process")

    # the workers import their own jobs module: only a preparation in this process would call this one
    monkeypatch.setattr(jobs, "make_article", in_the_daemon)
    daemon.parser = daemon._parse_pool()

    async def go():
        async with daemon._fetcher() as fetcher:
            return await daemon.poll(fetcher, all_sources=True)

    try:
        (outcome,) = asyncio.run(go())
    finally:
        daemon.parser.close()
    assert outcome.ok, outcome.error
    assert outcome.items_new == 1
    assert len(outcome.alerts) == 1 and "KFOR gets 300 more troops" in outcome.alerts[0].title
