"""A small news site, built from the bundled articles and served on loopback for ``monitor demo``.

Articles are plain ``.txt`` files (title on the first line). Pages are laid out the way
VOV.vn lays them out (listing ``a.vovvn-title`` cards, body in ``.text-long``, a
"Tin liên quan" related block after the follow line), and there is an RSS feed of them all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = Path(__file__).parent / "articles"
_FOLLOW = "Mời quý độc giả theo dõi"
_RELATED = {"tin liên quan", "read more", "related news"}


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    paragraphs: list[str]
    related: list[str]  # the teasers after the body: never part of the article
    published: datetime


def load_articles(folder: Path = ARTICLES) -> list[DemoArticle]:
    out = []
    base = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
    for i, path in enumerate(sorted(folder.glob("*.txt"))):
        title, *lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        body: list[str] = []
        related: list[str] = []
        target = body
        for line in lines:
            if line.startswith(_FOLLOW) or line.lower() in _RELATED:
                target = related
                continue
            if line:
                target.append(line)
        out.append(DemoArticle(path.stem, title, body, related, base + timedelta(minutes=7 * i)))
    return out


def article_page(a: DemoArticle) -> str:
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    related = "\n".join(f'<div class="taxonomy-content"><a class="vovvn-title" '
                        f'href="/the-gioi/related-{n}-post9{n}.vov">{escape(t)}</a></div>'
                        for n, t in enumerate(a.related))
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{escape(a.title)} | Demo News</title>
<meta property="article:published_time" content="{a.published.isoformat()}">
</head><body>
<nav class="menu"><a href="/the-gioi">Thế giới</a> <a href="/kinh-te">Kinh tế</a></nav>
<div class="row article-content"><div class="col">
<h1>{escape(a.title)}</h1>
<div class="text-long">
{paragraphs}
</div></div></div>
<p class="follow">{_FOLLOW} Demo News trên</p>
<div class="field-related-article"><h3>Tin liên quan</h3>
{related}
</div>
<footer>© Demo News — trang tin mẫu chạy trên máy của bạn</footer>
</body></html>"""


def listing_page(articles: list[DemoArticle]) -> str:
    cards = "\n".join(
        f'<div class="taxonomy-content"><div class="article-media"><a class="vovvn-title" '
        f'href="/the-gioi/{a.slug}-post{100 + i}.vov"><h5 class="media-title">{escape(a.title)}</h5></a></div></div>'
        for i, a in enumerate(articles))
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thế giới | Demo News</title></head><body>
<nav class="menu"><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></nav>
<div class="views-element-container">
{cards}
</div>
<footer>© Demo News</footer></body></html>"""


def feed(articles: list[DemoArticle], base_url: str) -> str:
    items = "\n".join(
        f"""<item><title>{escape(a.title)}</title><link>{base_url}/the-gioi/{a.slug}-post{100 + i}.vov</link>
<guid isPermaLink="false">demo-{a.slug}</guid><pubDate>{format_datetime(a.published)}</pubDate>
<description>{escape(a.paragraphs[0] if a.paragraphs else "")}</description></item>"""
        for i, a in enumerate(articles))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Demo News</title><link>{base_url}/</link>
<description>Demo News, sample feed</description>
{items}
</channel></rss>"""


class DemoSite:
    """Serves the site on 127.0.0.1 on a free port until ``close()``."""

    def __init__(self, articles: list[DemoArticle] | None = None):
        self.articles = articles or load_articles()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body, ctype = site.page(self.path)
                if body is None:
                    self.send_error(404)
                    return
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def page(self, path: str) -> tuple[str | None, str]:
        path = path.split("?", 1)[0]
        if path == "/feed.xml":
            return feed(self.articles, self.url), "application/rss+xml; charset=utf-8"
        if path == "/the-gioi":
            return listing_page(self.articles), "text/html; charset=utf-8"
        for i, a in enumerate(self.articles):
            if path == f"/the-gioi/{a.slug}-post{100 + i}.vov":
                return article_page(a), "text/html; charset=utf-8"
        return None, ""

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
