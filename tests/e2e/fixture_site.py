"""The loopback news site the end-to-end tests (and a person trying the daemon by hand) poll.

It serves the seed fixtures of tests/testdata as their outlets would:

    /rss_feed/                 baoquocte.vn's RSS (seed 000 + two unrelated items), links rewritten to here
    /rss_feed/the-gioi         the same outlet's section feed, carrying the same items again
    /<slug>-230412.html        baoquocte.vn article pages (seed 000 and the unrelated ones)
    /the-gioi                  VOV.vn's "Thế giới" listing page (relative links)
    /the-gioi/...-postN.vov    VOV.vn article pages (seed 001, two unrelated ones)
    /sitemaps/Y/M/article.xml  VOV.vn's sitemap of the current month, listing the same VOV pages
    /broken/500.rss            always HTTP 500
    /broken/garbage.rss        200 with random bytes
    /blocked/403.rss           HTTP 403, as VOV's RSS answers bots
    /blocked/challenge         200 with a Cloudflare "Just a moment..." page

By hand:  python -m tests.e2e.fixture_site --port 8765
then:     monitor run --once --config tests/e2e/loopback.toml
"""

from __future__ import annotations

import argparse
import re
import time
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from tests.servers import NewsSite

DATA = Path(__file__).resolve().parent.parent / "testdata"
FIXTURE_HOST = "127.0.0.1:8765"  # the address loopback.toml names; tests replace it with the real one
RSS = "application/rss+xml; charset=utf-8"


def _simple_page(title: str, text: str) -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body><article class="article-detail"><h1 class="article-detail-title">{escape(title)}</h1>'
            f'<div class="article-detail-content"><p>{escape(text)}</p></div></article></body></html>')


def populate(site: NewsSite) -> None:
    feed = (DATA / "baoquocte" / "feed.xml").read_text(encoding="utf-8").replace("https://baoquocte.vn", site.url)
    site.add("/rss_feed/", feed, RSS)
    site.add("/rss_feed/the-gioi", feed, RSS)
    site.add("/nato-va-eu-thao-luan-tinh-hinh-kosovo-230412.html",
             (DATA / "baoquocte" / "article-seed-000.html").read_bytes())
    for item in re.findall(r"<item>(.*?)</item>", feed, re.S):
        link = re.search(r"<link>(.*?)</link>", item).group(1)
        path = link.removeprefix(site.url)
        if path not in site.routes:
            title = re.search(r"<title>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</title>", item, re.S).group(1)
            site.add(path, _simple_page(title, f"{title}. Bài viết không liên quan tới Kosovo."))

    site.add("/the-gioi", (DATA / "vov" / "listing.html").read_bytes())
    vov_paths = []
    for name in ("article-seed-001.html", "article-unrelated.html", "article-unrelated-2.html"):
        page = (DATA / "vov" / name).read_text(encoding="utf-8")
        canonical = re.search(r'rel="canonical" href="https://vov\.vn(/[^"]+)"', page).group(1)
        site.add(canonical, page)
        vov_paths.append(canonical)
    now = datetime.now(UTC)
    urls = "".join(f"<url><loc>{site.url}{p}</loc><lastmod>{now:%Y-%m-%d}</lastmod></url>" for p in vov_paths)
    site.add(f"/sitemaps/{now.year}/{now.month}/article.xml",
             f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<url><loc>{site.url}/the-gioi</loc></url>{urls}</urlset>", "application/xml")

    site.add("/broken/500.rss", "internal error", "text/plain", status=500, etag=False)
    site.add("/broken/garbage.rss", bytes(range(256)) * 8, "application/rss+xml", etag=False)
    site.add("/blocked/403.rss", "Forbidden", "text/plain", status=403, etag=False)
    site.add("/blocked/challenge", (DATA / "blocked" / "cloudflare-just-a-moment.html").read_bytes())


def loopback_config(site: NewsSite, tmp: Path, database: str) -> Path:
    """tests/e2e/loopback.toml pointed at ``site``, its database at ``database``."""
    text = (Path(__file__).parent / "loopback.toml").read_text(encoding="utf-8")
    text = text.replace(FIXTURE_HOST, site.url.removeprefix("http://"))
    text = text.replace('topics_file = "../../rules.toml"',
                        f'topics_file = "{(Path(__file__).parents[2] / "rules.toml").as_posix()}"')
    text = re.sub(r'^database = ".*"$', f'database = "{database}"', text, flags=re.M)
    path = tmp / "loopback.toml"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    site = NewsSite(port=args.port)
    populate(site)
    print(f"serving the fixture site on {site.url}; Ctrl-C stops")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.close()


if __name__ == "__main__":
    main()
