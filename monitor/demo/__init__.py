"""``monitor demo``: the whole daemon on a bundled news site, offline, in under a minute.

It serves the sample site on loopback (an RSS feed, a listing page and article pages made
from the two seed articles and a few unrelated ones), points the configured topics at it
with a loopback webhook as the channel, runs one round and prints every alert as it was
delivered, then the sources' health. State goes to a temporary database.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import tempfile
from pathlib import Path

from monitor.config import Channel, Config, Settings
from monitor.demo.inbox import WebhookInbox
from monitor.demo.site import DemoSite
from monitor.records import Extraction, Source

log = logging.getLogger("monitor.demo")


def demo_config(base: Config, site_url: str, channel_url: str, database: str) -> Config:
    """The analyst's topics from ``base``, the demo site as sources, the inbox as the channel."""
    extraction = Extraction(links="a.vovvn-title", title="h1", body="div.text-long p",
                            drop=(".field-related-article",))
    sources = (
        Source(id="demo-feed", name="Demo News — RSS", kind="feed", url=f"{site_url}/feed.xml", interval=60,
               language="vi", full_text=True, extraction=extraction),
        Source(id="demo-listing", name="Demo News — Thế giới", kind="page", url=f"{site_url}/the-gioi",
               interval=60, language="vi", extraction=extraction, link_pattern=r"-post\d+\.vov$"),
    )
    # the demo site is our own server on loopback: no politeness delay needed (as for any own server)
    settings = Settings(database=database, allow_private_addresses=True, poll_tick=5, delivery_tick=2,
                        host_concurrency=4, politeness_delay=0,
                        timeout=10, retry_base=2, retry_max=10)
    channel = Channel(id="demo-webhook", url=channel_url, url_template="(demo inbox on loopback)")
    return dataclasses.replace(base, settings=settings, sources=sources, channels=(channel,))


def run_demo(base: Config, seconds: float = 0) -> int:
    from monitor.daemon import Daemon
    from monitor.status import alerts_table, sources_table
    from monitor.store import Store

    site = DemoSite()
    inbox = WebhookInbox()
    with tempfile.TemporaryDirectory(prefix="monitor-demo-") as tmp:
        config = demo_config(base, site.url, inbox.url, f"sqlite:///{Path(tmp) / 'demo.db'}")
        store = Store(config.settings.database)
        print(f"Demo news site on {site.url} (feed.xml, the-gioi listing, {len(site.articles)} articles)")
        print(f"Topics from {base.path}: {', '.join(t.id for t in config.topics)}\n")
        daemon = Daemon(config, store)
        try:
            asyncio.run(daemon.run_once())
            if seconds > 0:
                asyncio.run(_run_for(daemon, seconds))
            messages = inbox.received()
            print(f"\n=== {len(messages)} alert(s) delivered to the demo webhook ===")
            for m in messages:
                print(f"\n--- {m.get('title')}\n{m.get('message')}")
            print("\n=== monitor sources ===")
            print(sources_table(config, store))
            print("\n=== monitor alerts ===")
            print(alerts_table(store))
        finally:
            store.close()
            site.close()
            inbox.close()
    return 0


async def _run_for(daemon, seconds: float) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(seconds, stop.set)
    await daemon.run_forever(stop)
