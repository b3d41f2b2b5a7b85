"""A generated news feed on the loopback site and a config around it, for the delivery tests."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

from tests.servers import NewsSite

WORDS = ("quân đội binh sĩ hòa bình an ninh tình hình biên giới chính phủ đàm phán liên minh hội nghị "
         "ngoại giao kinh tế thương mại xuất khẩu thời tiết mưa bão khu vực báo cáo tổng thống bộ trưởng "
         "peace security border talks alliance summit report minister mission patrol village election "
         "bridge river convoy checkpoint statement council vote budget harbour railway festival").split()


@dataclass
class Item:
    slug: str
    title: str
    body: str
    published: datetime


def story(seed: int, words: int = 80) -> str:
    rnd = random.Random(seed)
    sentences = []
    for _ in range(words // 10):
        sentences.append(" ".join(rnd.choice(WORDS) for _ in range(10)).capitalize() + ".")
    return " ".join(sentences)


class Feed:
    """An RSS feed at ``path`` whose items carry their full text (content:encoded)."""

    def __init__(self, site: NewsSite, path: str = "/feed.xml"):
        self.site, self.path, self.items = site, path, []
        self.publish()

    def add(self, slug: str, title: str, body: str, published: datetime | None = None) -> Item:
        published = published or datetime(2025, 6, 1, 8, 0, tzinfo=UTC) + timedelta(minutes=len(self.items))
        item = Item(slug, title, body, published)
        self.items.append(item)
        self.publish()
        return item

    def url_of(self, item: Item) -> str:
        return f"{self.site.url}/news/{item.slug}.html"

    def publish(self) -> None:
        entries = "".join(
            f"<item><title>{escape(i.title)}</title><link>{self.url_of(i)}</link><guid>{i.slug}</guid>"
            f"<pubDate>{i.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate>"
            f"<description>{escape(i.body[:120])}</description>"
            f"<content:encoded><![CDATA[<p>{escape(i.body)}</p>]]></content:encoded></item>"
            for i in reversed(self.items))
        self.site.add(self.path, '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
                                 'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
                                 f"<title>Loopback news</title><link>{self.site.url}/</link>{entries}"
                                 "</channel></rss>", "application/rss+xml; charset=utf-8")


def write_config(tmp: Path, feeds: dict[str, str], channels: str, topics: str = "", monitor: str = "") -> Path:
    """A config with one feed source per ``feeds`` id → URL, a KFOR topic (unless ``topics``) and ``channels``."""
    sources = "".join(f'[[source]]\nid = "{sid}"\nname = "Outlet {sid}"\nkind = "feed"\nurl = "{url}"\n'
                      f'interval = "1s"\nlanguage = "vi"\n\n' for sid, url in feeds.items())
    topics = topics or '[[topic]]\nid = "kfor"\nname = "KFOR"\nquery = "KFOR"\n'
    settings = {"database": f'"sqlite:///{(tmp / "monitor.db").as_posix()}"', "allow_private_addresses": "true",
                "poll_tick": '"0.3s"', "delivery_tick": '"0.3s"', "retry_base": '"0.5s"', "retry_max": '"1s"',
                "timeout": '"5s"'}
    for line in monitor.splitlines():  # "key = value" lines replace the defaults
        key, _, value = line.partition("=")
        if value:
            settings[key.strip()] = value.strip()
    head = "".join(f"{k} = {v}\n" for k, v in settings.items())
    path = tmp / "monitor.toml"
    path.write_text(f"[monitor]\n{head}\n{sources}{topics}\n{channels}", encoding="utf-8")
    return path
