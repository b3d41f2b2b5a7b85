"""The poll round's hot path: fast forms that must say exactly what the plain forms said.

A source's new articles are stored in one transaction (``Store.save_articles``) with the same outcome
as storing them one at a time; ``simhash`` counts bits a byte column at a time; ``clean_text`` skips
its per-character filter on printable text.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from monitor.dedup import MIN_WORDS, fingerprint, simhash, words
from monitor.noise import DeliveryPlan
from monitor.normalize import _BLANKS, _SPACE, clean_text, content_hash
from monitor.records import Article, Evidence, Fact, Match
from monitor.store import Store
from monitor.store.db import ArticleToSave
from monitor.store.models import AlertRow, DeliveryRow, SeenKey
from tests.notify.helpers import story


def _simhash_bit_by_bit(text: str) -> int | None:
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    weights = [0] * 64
    for i in range(len(tokens) - 2):
        h = int.from_bytes(hashlib.blake2b(" ".join(tokens[i:i + 3]).encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def test_simhash_is_the_bit_by_bit_fingerprint() -> None:
    texts = [story(i, n) for i in range(20) for n in (20, 29, 30, 31, 80, 600)]
    texts += ["", "x " * 29, "x " * 30, "Quân đội hòa bình KFOR " * 12, "ǅ ﬁ ß Ä " * 10]
    for text in texts:
        assert simhash(text) == _simhash_bit_by_bit(text), text[:40]


def _clean_text_slow(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(ch for ch in text if ch in "\n\t\r" or unicodedata.category(ch)[0] != "C")
    lines = [_SPACE.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def test_clean_text_drops_control_characters_only_where_there_are_some() -> None:
    cases = ["plain words, nothing odd", "line one\r\nline two\rold Mac line", "tab\there\u00a0nbsp\u3000wide",
             "zero\u200bwidth and soft\u00adhyphen", "bell\x07 and nul\x00 and\x1b esc", "\u2028line sep\u2029para",
             "Quân đội\u202fhòa bình\n\n\n\nKFOR", "bidi \u202etxet\u202c end", "private \ue000 use"]
    for text in cases:
        assert clean_text(text) == _clean_text_slow(text), repr(text)
    assert clean_text("a\x07b\u200bc\r\nd") == "abc\nd"


def _article(url: str, body: str, source: str = "s1") -> Article:
    return Article(source_id=source, url=url, guid=None, title=f"Title of {url}", summary="", body=body,
                   published=datetime(2025, 9, 1, tzinfo=UTC), language="en", content_hash=content_hash("t", body))


def _match(total: int | None = None) -> Match:
    facts = (Fact("kfor-troops", "total", total, f"KFOR has {total} troops."),) if total else ()
    return Match("kfor-troops", "KFOR troop changes", 2.0, Evidence((), "«KFOR»"), facts)


def test_a_batch_stores_like_one_article_after_the_other(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    seen_previous = []

    def render(article, match, previous_total, alert_id):
        seen_previous.append(previous_total)
        return f"[{match.topic_name}] {article.title}", article.body[:40], "warning"

    def plan(match, sent_last_hour):
        return None, [DeliveryPlan("desk", datetime.now(UTC))]

    first, other = story(1, 200), story(2, 200)
    republished = first + " Theo TTXVN."  # the same text elsewhere, credited: near-duplicate, another hash
    items = [
        ArticleToSave(_article("https://a.test/1", first), ("guid:s1:1", "url:https://a.test/1"), (_match(3800),),
                      fingerprint("", first)),
        ArticleToSave(_article("https://a.test/1b", first), ("guid:s1:1",), (_match(),), fingerprint("", first)),
        ArticleToSave(_article("https://b.test/1", first, "s2"), ("url:https://b.test/1",), (_match(),),
                      fingerprint("", first)),
        ArticleToSave(_article("https://c.test/9", republished, "s3"), ("url:https://c.test/9",), (_match(),),
                      fingerprint("", republished)),
        ArticleToSave(_article("https://a.test/2", other), ("url:https://a.test/2",), (_match(4500),),
                      fingerprint("", other)),
        ArticleToSave(_article("https://a.test/2", other), ("guid:s1:2",), (_match(),), fingerprint("", other)),
    ]
    try:
        store.record_total("kfor-troops", 3000, "https://z.test/0")  # stated by an article that made no alert
        saved = store.save_articles(items, render, plan)
        assert [s.status for s in saved] == ["new", "seen", "copy", "new", "new", "copy"]
        assert [len(s.alerts) for s in saved] == [1, 0, 0, 0, 1, 0]  # the republished text: same story, no alert
        assert saved[0].alerts[0].channels == ("desk",)
        assert seen_previous == [3000, 3800]  # a batch's earlier total is the next article's "previously"
        assert store.latest_total("kfor-troops") == 4500
        store.record_total("kfor-troops", 5000, "https://d.test/1")  # later news: the alerts keep what they said
        views = {p.alert_id: p.alert for p in store.pending_deliveries(None, ["desk"], with_alert=True)}
        # the message says what the alert's log line said
        assert [views[a.id].previous_total for a in (saved[0].alerts[0], saved[4].alerts[0])] == [3000, 3800]
        with Session(store.engine) as s:
            alert = s.exec(select(AlertRow).where(AlertRow.id == saved[0].alerts[0].id)).one()
            also = [x["url"] for x in json.loads(alert.also_reported_by)]
            assert also == ["https://b.test/1", "https://c.test/9"]
            assert len(s.exec(select(DeliveryRow)).all()) == 2
            keys = {k.key: k.article_id for k in s.exec(select(SeenKey)).all()}
            assert keys["url:https://b.test/1"] == keys["guid:s1:1"]  # the copy's key points at the first
        again = store.save_articles(items[:1], render, plan)
        assert [s.status for s in again] == ["seen"]
        assert store.seen_keys(["guid:s1:1", "url:https://nowhere.test/"]) == {"guid:s1:1"}
    finally:
        store.close()


def _config(tmp_path, query: str):
    from monitor import config as config_mod

    path = tmp_path / f"c{abs(hash(query))}.toml"
    path.write_text(f'[monitor]\ndatabase = "sqlite:///{(tmp_path / "m.db").as_posix()}"\n\n[[topic]]\nid = "t"\n'
                    f'name = "T"\nquery = \'{query}\'\n\n[[source]]\nid = "s1"\nkind = "feed"\n'
                    'url = "https://a.test/feed.xml"\ninterval = "1h"\n', encoding="utf-8")
    return config_mod.load(str(path))


def test_a_worker_prepares_a_feeds_items_as_the_daemon_would_and_follows_a_reload(tmp_path) -> None:
    import asyncio

    from monitor.normalize import make_article
    from monitor.parse.budget import InlineParser, ParsePool
    from monitor.pipeline import COMPILE_TOPICS, PREPARE
    from monitor.records import Entry, Prepared
    from monitor.rules import compile_config_topics, match_all

    first, reloaded = _config(tmp_path, "KFOR AND troops"), _config(tmp_path, "Pristina")
    source = first.sources[0]
    entries = [Entry(url=f"https://a.test/{i}?utm_source=x", title=f"  KFOR  troops {i}\x07",
                     summary=story(i, 40), body=story(i + 1, 200) + " KFOR troops near Pristina.")
               for i in range(4)]
    entries.append(Entry(url="https://a.test/weather", title="Weather", summary=story(9, 40), body=story(10, 200)))

    def expected(config):
        topics = compile_config_topics(config)
        out = []
        for e in entries:
            a = make_article(source, e)
            matches = tuple(match_all(topics, a))  # only an article that matches is fingerprinted
            if not matches:  # and kept whole: the store keeps an unmatched one's keys, URL and hash only
                a = replace(a, summary="", body="")
            out.append(Prepared(a, matches, fingerprint(a.summary, a.body) if matches else None))
        return out

    async def prepare(parser, config):
        shared = parser.share("topics", COMPILE_TOPICS, config.topics_only, config)
        return await parser.run(PREPARE, source, entries, shared)

    async def main():
        with ParsePool(workers=2, budget=20) as pool:
            inline = InlineParser()
            for config in (first, reloaded, first):
                want = expected(config)
                assert want[0].matches and want[0].matches[0].topic_id == "t"
                for _ in range(3):  # each worker, built once per config
                    assert await prepare(pool, config) == want
                assert await prepare(inline, config) == want
            # the reloaded query is matched by the workers: its evidence differs from the first one's
            assert expected(first)[0].matches != expected(reloaded)[0].matches
            weather = (await prepare(inline, first))[-1]
            assert weather.matches == () and weather.fingerprint is None
            assert (weather.article.title, weather.article.body) == ("Weather", "")
            assert weather.article.content_hash == make_article(source, entries[-1]).content_hash

    asyncio.run(main())


def test_a_story_alerted_by_another_instance_on_the_same_database_is_found(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    mine, theirs = Store(url), Store(url)

    def render(article, match, previous_total, alert_id):
        return f"[{match.topic_name}] {article.title}", article.body[:40], "warning"

    def plan(match, sent_last_hour):
        return None, [DeliveryPlan("desk", datetime.now(UTC))]

    def item(link: str, body: str, source: str) -> ArticleToSave:
        return ArticleToSave(_article(link, body, source), (f"url:{link}",), (_match(),), fingerprint("", body))

    first, other, late = story(1, 200), story(2, 200), story(3, 200)
    try:
        assert len(mine.save_articles([item("https://a.test/2", other, "s1")], render, plan)[0].alerts) == 1
        assert len(theirs.save_articles([item("https://a.test/1", first, "s1")], render, plan)[0].alerts) == 1
        saved = mine.save_articles([item("https://b.test/1", first + " Theo TTXVN.", "s2")], render, plan)
        assert [len(s.alerts) for s in saved] == [0]  # their alert, stored after mine were read, is the story's
        # their transaction committed late: an alert older than the newest this instance has read
        theirs.save_articles([item("https://a.test/3", late, "s1")], render, plan)
        with Session(theirs.engine) as s:
            alert = s.exec(select(AlertRow).where(AlertRow.dedup_key == "kfor-troops|https://a.test/3")).one()
            read = s.exec(select(AlertRow).where(AlertRow.dedup_key == "kfor-troops|https://a.test/1")).one()
            alert.created_at = read.created_at - timedelta(milliseconds=1)
            s.add(alert)
            s.commit()
        assert len(mine.save_articles([item("https://c.test/3", late + " Theo TTXVN.", "s3")], render,
                                      plan)[0].alerts) == 0
        with Session(mine.engine) as s:
            also = {a.dedup_key: [x["url"] for x in json.loads(a.also_reported_by)]
                    for a in s.exec(select(AlertRow)).all()}
        assert also == {"kfor-troops|https://a.test/2": [], "kfor-troops|https://a.test/1": ["https://b.test/1"],
                        "kfor-troops|https://a.test/3": ["https://c.test/3"]}
    finally:
        mine.close()
        theirs.close()


_ROUND_PROBE = """
import asyncio, functools, http.server, sys, threading
from pathlib import Path
folder = Path(sys.argv[1])
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
handler.log_message = lambda *a: None
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
(folder / "m.toml").write_text((folder / "m.toml.in").read_text().replace("PORT", str(server.server_port)))
from monitor import config as config_mod
from monitor.daemon import Daemon
from monitor.store import Store
config = config_mod.load(str(folder / "m.toml"))
outcomes = asyncio.run(Daemon(config, Store(config.settings.database)).run_once())
heavy = ("bs4", "soupsieve", "feedparser", "ahocorasick", "monitor.parse.jobs", "monitor.parse.feed",
         "monitor.parse.page", "monitor.rules.engine", "monitor.rules.facts", "monitor.rules.prefilter")
print(sum(len(o.alerts) for o in outcomes), [o.error for o in outcomes if not o.ok],
      sorted(m for m in sys.modules if m.startswith(heavy)))
"""


def test_a_round_in_the_daemons_process_imports_no_parser_and_no_rules_compiler(tmp_path) -> None:
    """The parse workers read the feeds and compile and match the topics: the daemon's own process sends them
    the jobs by name and never imports those modules (BeautifulSoup, feedparser, the facts' patterns), which
    would cost every start and every ``monitor`` command. A fresh interpreter runs a real round on loopback
    with the shipped rules and tells."""
    import subprocess
    import sys
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "rules.toml"
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>NATO sends 500 more troops to KFOR</title><link>http://example.test/kfor-500</link>"
        "<guid>kfor-500</guid><description>NATO will deploy 500 additional troops to its Kosovo Force (KFOR) "
        "after the clashes in the north, bringing KFOR to about 4,500 soldiers.</description></item>"
        "</channel></rss>", encoding="utf-8")
    (tmp_path / "m.toml.in").write_text(
        f'[monitor]\ndatabase = "sqlite:///{(tmp_path / "m.db").as_posix()}"\nallow_private_addresses = true\n'
        f'robots_txt = false\ntopics_file = "{rules.as_posix()}"\n\n[[source]]\nid = "desk"\nkind = "feed"\n'
        'url = "http://127.0.0.1:PORT/feed.xml"\ninterval = "1h"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _ROUND_PROBE, str(tmp_path)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    alerts, errors, heavy = out.stdout.strip().rsplit("\n", 1)[-1].split(" ", 2)
    assert errors == "[]" and int(alerts) >= 1, out.stdout + out.stderr[-3000:]  # the round read and matched it
    assert heavy == "[]", heavy
