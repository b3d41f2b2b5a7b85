"""Shared fixtures for the parse tests: the test-data tree and the per-site selectors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from monitor.config import load

ROOT = Path(__file__).resolve().parents[2]

TESTDATA = ROOT / "tests" / "testdata"

# The selectors the shipped rules.toml gives each site (one place for them: rules.toml), pinned here
# against the fixtures.
_SHIPPED = {s.id: s for s in load(ROOT / "rules.toml", env={}).sources}
VOV = _SHIPPED["vov-world"].extraction
BAOQUOCTE = _SHIPPED["baoquocte"].extraction
NATO = _SHIPPED["nato-news"].extraction
VOV_LINK_PATTERN = _SHIPPED["vov-world"].link_pattern
NATO_NEWS_PATTERN = _SHIPPED["nato-news"].link_pattern


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
