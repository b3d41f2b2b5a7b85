"""Small builders shared by the rule-engine tests."""

from __future__ import annotations

import functools
from pathlib import Path

from monitor.config import load as load_config
from monitor.records import Article, Match
from monitor.rules import compile_config_topics, compile_topic, match_all

TESTDATA = Path(__file__).parent / "testdata"
SEED_NATO_EU = TESTDATA / "000_4b158e7d9e1f12f6.txt"  # NATO–EU meeting, states KFOR's strength
SEED_VILNIUS = TESTDATA / "001_e57a02a533333419.txt"  # NATO summit condemns the escalation in Kosovo
SHIPPED_RULES = Path(__file__).resolve().parents[2] / "rules.toml"


def article(body: str = "", title: str = "", summary: str = "") -> Article:
    return Article(
        source_id="test",
        url="https://example.test/a",
        guid=None,
        title=title,
        summary=summary,
        body=body,
        published=None,
        language="vi",
        content_hash="h",
    )


def article_from_txt(path: Path) -> Article:
    """A ``.txt`` article file: the title on the first line, the body after it."""
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return article(body=body.strip(), title=title.strip())


def match(query: str, art: Article, **options: object) -> Match | None:
    return compile_topic("t", "Test topic", query, **options).match(art)  # type: ignore[arg-type]


def matches(query: str, body: str = "", title: str = "", summary: str = "", **options: object) -> bool:
    return match(query, article(body, title, summary), **options) is not None


def code_points() -> list[str]:
    """Every character of the Basic Multilingual Plane (surrogates left out) and a sample above it."""
    import sys

    points = [*range(0x20, 0xD800), *range(0xE000, 0x10000), *range(0x10000, sys.maxunicode, 97)]
    return [chr(cp) for cp in points]


@functools.cache
def shipped_topics():
    """The topics rules.toml ships, compiled once."""
    return compile_config_topics(load_config(str(SHIPPED_RULES)))


def shipped(title: str, body: str) -> set[str]:
    """The ids of the shipped topics an article with this title and body matches."""
    return {m.topic_id for m in match_all(shipped_topics(), article(body, title))}
