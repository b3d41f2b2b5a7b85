"""Near-duplicate detection: the same text republished by another outlet is the same story.

A 64-bit SimHash over word 3-shingles of the folded body: two bodies that share most of
their sentences differ in only a few bits, unrelated texts in about half of them. Pure code.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

BITS = 64
NEAR = 10  # bits: at most this many differ between near-duplicates (unrelated texts differ in ~32 ± 4)
MIN_WORDS = 30  # shorter texts are too small to call copies by their fingerprint alone
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    return _WORD.findall(text)


def simhash(text: str) -> int | None:
    """The fingerprint of ``text``, or None when it is too short to compare."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    weights = [0] * BITS
    for i in range(len(tokens) - 2):
        h = int.from_bytes(hashlib.blake2b(" ".join(tokens[i:i + 3]).encode(), digest_size=8).digest(), "big")
        for bit in range(BITS):
            weights[bit] += 1 if h >> bit & 1 else -1
    return sum(1 << bit for bit in range(BITS) if weights[bit] > 0)


def to_hex(value: int | None) -> str | None:
    return None if value is None else f"{value:016x}"


def distance(a: str | int, b: str | int) -> int:
    a = int(a, 16) if isinstance(a, str) else a
    b = int(b, 16) if isinstance(b, str) else b
    return (a ^ b).bit_count()


def near_duplicate(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and distance(a, b) <= NEAR
