"""A full-text feed item: the page gives the text, the feed fills what the page lacks."""

from datetime import UTC, datetime

from monitor.pipeline import _Candidate, _merge
from monitor.records import Entry


def test_page_text_feed_identity_and_date():
    feed = Entry(url="https://x.test/a", title="Feed title", summary="feed summary", body="short",
                 published=datetime(2025, 6, 1, 8, tzinfo=UTC), guid="guid-1")
    page = Entry(url="https://x.test/a?utm_source=rss", title="Page title", body="the whole article",
                 canonical_url="https://x.test/a")
    got = _merge(feed, page)
    assert (got.title, got.summary, got.body) == ("Page title", "feed summary", "the whole article")
    assert got.published == datetime(2025, 6, 1, 8, tzinfo=UTC), "the page has no date: the feed's counts"
    assert (got.url, got.guid, got.canonical_url) == ("https://x.test/a", "guid-1", "https://x.test/a")


def test_a_full_text_candidate_keeps_the_feed_entry():
    feed = Entry(url="https://x.test/a", title="t")
    cand = _Candidate("https://x.test/a", feed, ["url:https://x.test/a"], fetch_page=True)
    assert cand.entry is feed and cand.fetch_page
