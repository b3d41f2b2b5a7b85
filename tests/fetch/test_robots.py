"""robots.txt against real loopback servers: fetched once per site, obeyed for our User-Agent, a source's
opt-out, lenient when a site has none or cannot serve it, and checked again on a redirect's target site."""

from __future__ import annotations

import asyncio

import pytest

from monitor.errors import RobotsDisallowed
from monitor.fetch.client import Fetcher
from tests.fetch.faulty_server import redirect, respond

UA = "monitor-tests/1.0"
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


@pytest.fixture
def site(faulty):
    """A site serving a feed at /feed.xml and at /private/feed.xml."""
    for path in ("/feed.xml", "/private/feed.xml"):
        faulty.add(path, respond(200, FEED, {"Content-Type": "application/rss+xml"}))
    return faulty


@pytest.fixture
def other(more_faulty):
    return more_faulty()


def robots(text: str):
    return respond(200, text.encode(), {"Content-Type": "text/plain"})


def get_all(urls: list[str], *, robots: bool = True, per_source: bool = True) -> list[object]:
    """Fetch each URL with one Fetcher (one robots cache); an error is returned in the URL's place."""

    async def go():
        async with Fetcher(user_agent=UA, timeout=5.0, allow_private=True, robots=robots) as fetcher:
            out = []
            for url in urls:
                try:
                    out.append(await fetcher.get(url, robots=per_source))
                except RobotsDisallowed as e:
                    out.append(e)
            return out

    return asyncio.run(go())


def test_a_disallowed_path_is_refused_in_plain_words_and_robots_txt_is_read_once(site):
    site.add("/robots.txt", robots("User-agent: *\nDisallow: /private/\n"))
    ok, refused, again = get_all([f"{site.url}/feed.xml", f"{site.url}/private/feed.xml", f"{site.url}/feed.xml"])
    assert ok.status == 200 and again.status == 200
    assert isinstance(refused, RobotsDisallowed)
    assert f"robots.txt of 127.0.0.1:{site.port} disallows {site.url}/private/feed.xml" in str(refused)
    assert "robots_txt = false" in str(refused)  # what to do, in the config's own words
    assert site.paths().count("/robots.txt") == 1  # cached for the site
    assert "/private/feed.xml" not in site.paths()  # never requested


def test_rules_for_our_user_agent_apply_and_those_for_others_do_not(site):
    site.add("/robots.txt", robots("User-agent: otherbot\nDisallow: /\n\nUser-agent: monitor-tests\n"
                                   "Disallow: /private/\n"))
    ok, refused = get_all([f"{site.url}/feed.xml", f"{site.url}/private/feed.xml"])
    assert ok.status == 200 and isinstance(refused, RobotsDisallowed)


def test_a_source_that_opts_out_and_a_daemon_that_does_are_not_stopped(site):
    site.add("/robots.txt", robots("User-agent: *\nDisallow: /\n"))
    (by_source,) = get_all([f"{site.url}/feed.xml"], per_source=False)
    (by_daemon,) = get_all([f"{site.url}/feed.xml"], robots=False)
    assert by_source.status == 200 and by_daemon.status == 200
    assert "/robots.txt" not in site.paths()


@pytest.mark.parametrize("answer", [respond(404, b"none here"), respond(500, b"oops")])
def test_a_site_without_robots_txt_or_with_a_broken_one_is_polled(site, answer):
    site.add("/robots.txt", answer)
    (result,) = get_all([f"{site.url}/private/feed.xml"])
    assert result.status == 200


def test_a_redirect_to_a_site_whose_robots_txt_disallows_the_target_is_refused(site, other):
    site.add("/robots.txt", robots("User-agent: *\nAllow: /\n"))
    other.add("/robots.txt", robots("User-agent: *\nDisallow: /moved/\n"))
    other.add("/moved/feed.xml", respond(200, FEED, {"Content-Type": "application/rss+xml"}))
    other.add("/open/feed.xml", respond(200, FEED, {"Content-Type": "application/rss+xml"}))
    site.add("/old-feed.xml", redirect(f"{other.url}/moved/feed.xml", 301))
    site.add("/old-open.xml", redirect(f"{other.url}/open/feed.xml", 301))
    refused, followed = get_all([f"{site.url}/old-feed.xml", f"{site.url}/old-open.xml"])
    assert isinstance(refused, RobotsDisallowed)
    assert f"disallows {other.url}/moved/feed.xml (redirected from {site.url}/old-feed.xml)" in str(refused)
    assert "/moved/feed.xml" not in other.paths()
    assert followed.status == 200 and followed.final_url == f"{other.url}/open/feed.xml"
    assert other.paths().count("/robots.txt") == 1
