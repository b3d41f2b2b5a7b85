"""Near-duplicate detection: the same text republished by another outlet is the same story.

A 64-bit SimHash over word 3-shingles of the folded body: two bodies that share most of
their sentences differ in only a few bits, unrelated texts in about half of them. Pure code.
"""

from __future__ import annotations

import hashlib
import unicodedata

from monitor.rules.text import casefolded_words

NEAR = 10  # bits: at most this many differ between near-duplicates (unrelated texts differ in ~32 ± 4)
MIN_WORDS = 30  # shorter texts are too small to call copies by their fingerprint alone
_BIT_OF = [bytes((v >> b) & 1 for v in range(256)) for b in range(8)]  # byte value -> its bit b


def words(text: str) -> list[str]:
    return casefolded_words(unicodedata.normalize("NFC", text)).split()


def simhash(text: str) -> int | None:
    """The fingerprint of ``text``, or None when it is too short to compare.

    Bit ``b`` is set when more than half of the shingles' 64-bit BLAKE2b hashes (big-endian) have it
    set. The bits are counted a byte column at a time with ``bytes.translate``/``count`` rather than
    bit by bit per shingle: the same fingerprint, about ten times faster.
    """
    tokens = [t.encode() for t in words(text)]
    if len(tokens) < MIN_WORDS:
        return None
    shingles = len(tokens) - 2
    blake = hashlib.blake2b
    digests = b"".join([blake(b" ".join(tokens[i:i + 3]), digest_size=8).digest() for i in range(shingles)])
    value = 0
    for k in range(8):  # byte k of every digest holds bits 8 * (7 - k) ... 8 * (7 - k) + 7
        column = digests[k::8]
        for b in range(8):
            if 2 * column.translate(_BIT_OF[b]).count(1) > shingles:
                value |= 1 << (8 * (7 - k) + b)
    return value


def fingerprint(summary: str, body: str) -> str | None:
    """An article's fingerprint as stored (hex), of its summary and body; None for a short text."""
    return to_hex(simhash(f"{summary}\n{body}"))


def to_hex(value: int | None) -> str | None:
    return None if value is None else f"{value:016x}"


def distance(a: str | int, b: str | int) -> int:
    a = int(a, 16) if isinstance(a, str) else a
    b = int(b, 16) if isinstance(b, str) else b
    return (a ^ b).bit_count()


def near_duplicate(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and distance(a, b) <= NEAR
