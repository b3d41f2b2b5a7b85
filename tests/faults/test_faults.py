"""The daemon's poll round against a misbehaving server: every fault of a real internet, one source each.

One round polls them all together, with a well-behaved source beside them. For each fault: the
source's health record says what happened in plain words, nothing crashes, the good source is
polled on time, and no alert is lost or duplicated.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from monitor import config as config_mod
from monitor.daemon import Daemon
from monitor.errors import AddressRefused
from monitor.fetch import client as client_mod
from monitor.fetch import policy
from monitor.fetch.policy import PolicyResolver
from monitor.parse.budget import ParsePool
from monitor.status import sources_table
from monitor.store import Store, to_utc, utcnow
from tests.fetch.faulty_server import FaultyServer, drip, gzip_bomb, redirect, reset, respond
from tests.servers import free_port

MiB = 1024 * 1024
RSS = "application/rss+xml"


def rss(*items: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>{prolog}<rss version="2.0"><channel><title>t</title>'
            f'{"".join(items)}</channel></rss>').encode()


def item(n: int, title: str = "", guid: str | None = "", link: str | None = None) -> str:
    title = title or f"Tin số {n}: KFOR tăng cường binh sĩ"
    guid_tag = "" if guid is None else f"<guid>{guid or f'g-{n}'}</guid>"
    return (f"<item><title>{title}</title><link>{link or f'http://news.example.org/a/{n}.html'}</link>"
            f"{guid_tag}<description>Bài {n} về KFOR.</description></item>")


BILLION_LAUGHS = rss(item(1), prolog=(
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'))
# feedparser #562: its author regex spins for seconds on a long <author>. A well-formed feed is read by the
# strict reader, which never runs that regex; cut short, the feed is left to feedparser, and to the budget.
AUTHOR_562 = rss(item(1).replace("</item>", f"<author>{'a' * 31 * 1024}</author></item>"))
AUTHOR_562_CUT = AUTHOR_562[:-len("</channel></rss>")]

# source id -> (handler, expected status, words the last error must hold)
FAULTS = {
    "http-404": (respond(404, b"no"), "http error", ["HTTP 404", "not found"]),
    "http-500": (respond(500, b"oops"), "http error", ["HTTP 500"]),
    "http-429": (respond(429, b"", {"Retry-After": "3600"}), "http error", ["HTTP 429", "Retry-After 3600"]),
    "reset": (reset(), "network error", ["connection broken"]),
    "redirect-loop": (redirect("/f/redirect-loop"), "redirect loop", ["redirect loop"]),
    "slow-drip": (drip(rss(item(1)), every=0.3), "timeout", ["total deadline"]),
    "huge-body": (respond(200, b"x" * (2 * MiB), {"Content-Type": RSS}), "too large", ["limit"]),
    "gzip-bomb": (respond(200, gzip_bomb(256 * MiB), {"Content-Encoding": "gzip", "Content-Type": RSS}),
                  "too large", ["after decompression"]),
    "garbage": (respond(200, bytes(range(256)) * 20, {"Content-Type": RSS}), "parse error", ["not a feed"]),
    "empty-200": (respond(200, b"", {"Content-Type": RSS}), "empty body", ["empty body"]),
    "billion-laughs": (respond(200, BILLION_LAUGHS, {"Content-Type": RSS}), "refused", ["<!ENTITY"]),
    "author-562": (respond(200, AUTHOR_562_CUT, {"Content-Type": RSS}), "parse timeout", ["budget"]),
}
# faults a feed reader should shrug off: source id -> (handler, items expected new)
SURVIVABLE = {
    "author-562-well-formed": (respond(200, AUTHOR_562, {"Content-Type": RSS}), 1),
    "truncated-xml": (respond(200, rss(item(10), item(11), item(12))[:-60], {"Content-Type": RSS}), 3),
    "wrong-content-type": (respond(200, rss(item(20)), {"Content-Type": "text/html"}), 1),
    "wrong-charset": (respond(200, rss(item(30, "Thổ Nhĩ Kỳ gửi thêm binh sĩ cho KFOR")),
                              {"Content-Type": "application/rss+xml; charset=iso-8859-1"}), 1),
    "dup-guids": (respond(200, rss(item(40, guid="same"), item(41, guid="same")), {"Content-Type": RSS}), 1),
    "no-guids": (respond(200, rss(item(50, guid=None), item(51, guid=None)), {"Content-Type": RSS}), 2),
}


def write_config(tmp_path, sources: dict[str, str], *, allow_private: bool = True) -> config_mod.Config:
    lines = ["[monitor]", f'database = "sqlite:///{(tmp_path / "db.sqlite").as_posix()}"',
             f"allow_private_addresses = {str(allow_private).lower()}", 'timeout = "1.5s"',
             f"max_body_bytes = {MiB}", 'parse_budget = "1s"', "politeness_delay = 0", "failure_threshold = 2",
             "", "[[topic]]", 'id = "kfor"', 'name = "KFOR"', "query = 'KFOR'", ""]
    for sid, url in sources.items():
        lines += ["[[source]]", f'id = "{sid}"', 'kind = "feed"', f'url = "{url}"', 'interval = "10m"', ""]
    path = tmp_path / "faults.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return config_mod.load(path, env={})


def run_round(config, store, started: list[float] | None = None):
    """One poll round of every source, as the daemon runs it; ``started`` gets the round's start time."""
    daemon = Daemon(config, store)

    async def go():
        daemon.parser = ParsePool(2, config.settings.parse_budget)
        try:
            async with daemon._fetcher() as fetcher:
                if started is not None:
                    started.append(time.monotonic())
                return await daemon.poll(fetcher, all_sources=True)
        finally:
            daemon.parser.close()
            daemon.parser = None

    return asyncio.run(go())


@pytest.fixture(scope="module")
def fault_round(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("faults")
    server = FaultyServer()
    good_feed = rss(item(90, "KFOR nhận thêm 200 binh sĩ"))
    polled_at: dict[str, float] = {}
    started: list[float] = []

    def good(request, conn):
        polled_at.setdefault("good", time.monotonic() - started[0])
        respond(200, good_feed, {"Content-Type": RSS})(request, conn)

    server.add("/f/good", good)
    for sid, (handler, *_rest) in {**FAULTS, **SURVIVABLE}.items():
        server.add(f"/f/{sid}", handler)
    urls = {sid: f"{server.url}/f/{sid}" for sid in ["good", *FAULTS, *SURVIVABLE]}
    urls["refused-port"] = f"http://127.0.0.1:{free_port()}/feed.xml"
    config = write_config(tmp_path, urls)
    store = Store(config.settings.database)
    first = run_round(config, store, started)
    states_1 = store.all_source_states()
    articles_1 = store.article_count()
    # the second round: everything again (the title of item 90 changed under the same guid)
    good_feed = rss(item(90, "KFOR nhận thêm 200 binh sĩ (cập nhật)"))
    second = run_round(config, store)
    yield {"config": config, "store": store, "first": first, "second": second, "states_1": states_1,
           "articles_1": articles_1, "polled_at": polled_at, "server": server}
    server.close()
    store.close()


@pytest.mark.parametrize("sid", list(FAULTS))
def test_fault_is_recorded_in_plain_words(fault_round, sid):
    _, status, words = FAULTS[sid]
    state = fault_round["states_1"][sid]
    assert state.status == status, state.last_error
    for word in words:
        assert word in state.last_error, state.last_error
    assert state.consecutive_failures == 1 and state.last_success_at is None
    assert to_utc(state.next_due_at) > utcnow() + timedelta(minutes=5), "a failing source waits (backoff)"


def test_connection_refused_is_recorded(fault_round):
    state = fault_round["states_1"]["refused-port"]
    assert state.status == "network error" and "connection refused" in state.last_error


def test_retry_after_is_honoured(fault_round):
    state = fault_round["states_1"]["http-429"]
    assert to_utc(state.next_due_at) >= utcnow() + timedelta(seconds=3500)


@pytest.mark.parametrize("sid", list(SURVIVABLE))
def test_survivable_faults_are_read(fault_round, sid):
    state = fault_round["states_1"][sid]
    assert state.status == "ok", state.last_error
    first = next(o for o in fault_round["first"] if o.source_id == sid)
    assert first.items_new == SURVIVABLE[sid][1]


def test_wrong_charset_still_gives_the_right_text(fault_round):
    store = fault_round["store"]
    titles = [a.title for a in _articles(store)]
    assert "Thổ Nhĩ Kỳ gửi thêm binh sĩ cho KFOR" in titles


def test_nothing_crashed_and_every_source_has_a_record(fault_round):
    ids = {s.id for s in fault_round["config"].sources}
    assert {o.source_id for o in fault_round["first"]} == ids
    assert {o.source_id for o in fault_round["second"]} == ids
    assert not [o for o in fault_round["first"] if o.status == "internal error"]


def test_the_good_source_is_polled_on_time(fault_round):
    state = fault_round["states_1"]["good"]
    assert state.status == "ok" and state.items_new == 1
    assert fault_round["polled_at"]["good"] < 1.0, "the slow and broken sources did not hold it up"


def test_no_alert_lost_or_duplicated(fault_round):
    """Every readable KFOR item alerts once; a second round, a changed title, duplicate guids add nothing."""
    first = [a for o in fault_round["first"] for a in o.alerts]
    second = [a for o in fault_round["second"] for a in o.alerts]
    expected = 1 + sum(n for _, n in SURVIVABLE.values())  # the good one, and each item read
    assert len(first) == expected, [a.title for a in first]
    assert len({a.id for a in first}) == expected
    assert second == []
    assert fault_round["store"].article_count() == fault_round["articles_1"]


def test_second_failure_flags_the_source_with_what_to_do(fault_round):
    table = sources_table(fault_round["config"], fault_round["store"])
    assert "FAILING:" in table
    flagged = table.split("FAILING:", 1)[1]
    assert "http-404: 2 failures, never succeeded" in flagged
    assert "what to do: open the URL in a browser" in flagged
    assert "good:" not in flagged


def _articles(store):
    from sqlmodel import Session, select

    from monitor.store.models import ArticleRow

    with Session(store.engine) as s:
        return list(s.exec(select(ArticleRow)).all())


# -- the address policy, through the whole fetch path --------------------------------------------------------

def test_redirect_to_a_private_address_is_refused(tmp_path, monkeypatch):
    server = FaultyServer()
    try:
        start = f"{server.url}/f/start"
        real = policy.check_url

        async def first_url_only(url: str, *, allow_private: bool) -> None:  # the start stands for a public site
            if url != start:
                await real(url, allow_private=allow_private)

        monkeypatch.setattr(client_mod, "check_url", first_url_only)
        server.add("/f/start", redirect("http://169.254.169.254/latest/meta-data/"))
        config = write_config(tmp_path, {"to-metadata": start}, allow_private=False)
        store = Store(config.settings.database)
        run_round(config, store)
        state = store.source_state("to-metadata")
        assert state.status == "refused by address policy"
        assert "169.254.169.254" in state.last_error and "allow_private_addresses" in state.last_error
        store.close()
    finally:
        server.close()


def test_a_name_resolving_to_loopback_is_refused_at_connect_time(monkeypatch):
    """Even when the pre-check is skipped, the client's resolver refuses the address it would connect to."""
    server = FaultyServer()
    server.add("/", respond(200, b"internal"))

    async def no_precheck(url: str, *, allow_private: bool) -> None:
        policy.check_scheme(url)

    monkeypatch.setattr(client_mod, "check_url", no_precheck)

    async def go():
        async with client_mod.Fetcher(user_agent="t", timeout=3, allow_private=False) as fetcher:
            return await fetcher.get(f"http://localhost:{server.port}/")

    try:
        with pytest.raises(AddressRefused, match="localhost resolves to"):
            asyncio.run(go())
        assert server.requests == []
    finally:
        server.close()


def test_policy_resolver_allows_private_only_when_configured():
    async def go(allow):
        return await PolicyResolver(allow_private=allow).resolve("localhost", 80)

    with pytest.raises(AddressRefused):
        asyncio.run(go(False))
    assert asyncio.run(go(True))
