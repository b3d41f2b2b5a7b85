"""Shared fixtures for the parse tests: the test-data tree and the per-site selectors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from monitor.records import Extraction

ROOT = Path(__file__).resolve().parents[2]

TESTDATA = ROOT / "tests" / "testdata"

# The selectors the report recommends for rules.toml, pinned here against the fixtures.
VOV = Extraction(
    links="div.views-element-container div.taxonomy-content a.vovvn-title",
    title="h1",
    summary="div.row.article-summary div.text-long",
    body="div.row.article-content div.col div.text-long p",
    time=".article-date .col-md-4",
    drop=(".field-related-article", ".follow-news", ".article-tags", "figure"),
)
BAOQUOCTE = Extraction(
    title="h1.article-detail-title",
    summary=".article-detail-desc",
    body="#__MB_MASTERCMS_EL_3",
    time=".article-detail-meta .article-date",
    drop=("#__MB_MASTERCMS_EL_3 figure", "#__MB_MASTERCMS_EL_3 table.image", ".box-related", ".article-tags"),
)
NATO = Extraction(
    title="h1.cmp-title__text",
    body="article.cmp-article .cmp-text p",
    time="time.cmp-article__date",
    drop=(".cmp-share", ".cmp-list--related", "figure"),
)
VOV_LINK_PATTERN = r"^https?://[^/]+/the-gioi/(?:[^/?#]+/)*[^/?#]+-post\d+\.vov$"
NATO_NEWS_PATTERN = r"/en/news-and-events/articles/news/\d{4}/\d{2}/\d{2}/[^/?#]+"


def read_bytes(rel: str) -> bytes:
    return (TESTDATA / rel).read_bytes()


def read_text(rel: str) -> str:
    return (TESTDATA / rel).read_text(encoding="utf-8")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as windows-1258 does: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out += (base + tones).encode("cp1258")
    return bytes(out)


class Data:
    """What the tests need, handed out as the ``data`` fixture (test modules import nothing from here)."""

    VOV = VOV
    BAOQUOCTE = BAOQUOCTE
    NATO = NATO
    VOV_LINK_PATTERN = VOV_LINK_PATTERN
    NATO_NEWS_PATTERN = NATO_NEWS_PATTERN
    read_bytes = staticmethod(read_bytes)
    read_text = staticmethod(read_text)
    to_cp1258 = staticmethod(to_cp1258)


@pytest.fixture
def data() -> type[Data]:
    return Data


@pytest.fixture
def to_1258():
    return to_cp1258
