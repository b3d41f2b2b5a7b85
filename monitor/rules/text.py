"""Vietnamese-aware text normalization and tokenization for the rule engine.

Three steps turn a word into the form the engine compares:

- ``normalize_tones``: Vietnamese writes the tone mark of the vowel pairs *oa*, *oe* and *uy* in two
  styles, the old one on the first vowel (``hòa``, ``khỏe``, ``thủy``) and the new one on the second
  (``hoà``, ``khoẻ``, ``thuỷ``). Both are rewritten to the new style so the two spellings compare equal.
- lower-casing.
- optionally ``fold``: every diacritic removed (``binh sĩ`` → ``binh si``, ``Đức`` → ``Duc``).

``tokenize`` cuts a text into words (runs of letters and digits, Unicode aware) and keeps each word's
character offsets into the original text, so a snippet can be cut from it. A number written with
thousand or decimal separators (``4.200``, ``4,200``, ``1,5``) is one token; hyphens, apostrophes and
other punctuation separate tokens (``Cô-xô-vô`` is three tokens).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

__all__ = [
    "Token",
    "fold",
    "is_number",
    "norm_word",
    "normalize_tones",
    "norms_of",
    "spans_of",
    "split_words",
    "tokenize",
    "word_norms",
    "word_spans",
]

_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # huyền, sắc, ngã, hỏi, nặng
_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


def _tone_table() -> dict[str, str]:
    """Old-style pair (tone on the first vowel) → new-style pair (tone on the second), all case mixes."""
    table: dict[str, str] = {}
    for first, second in _PAIRS:
        for tone in _TONES:
            for a in (first, first.upper()):
                for b in (second, second.upper()):
                    old = unicodedata.normalize("NFC", a + tone) + b
                    new = a + unicodedata.normalize("NFC", b + tone)
                    table[old] = new
    return table


_TONE_TABLE = _tone_table()
_TONE_RE = re.compile("|".join(sorted(_TONE_TABLE)))

# Combining marks that may stand in NFD text or that NFC cannot compose; they belong to the word before.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_RE = re.compile(rf"\d+(?:[.,]\d+)+|[\w{_MARKS}]+")
_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")  # split() keeps the words: [gap, word, gap, word, ..., gap]
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def normalize_tones(s: str) -> str:
    """NFC-normalize ``s`` and move tone marks of oa / oe / uy to the new style (``hòa`` → ``hoà``)."""
    s = unicodedata.normalize("NFC", s)
    return _TONE_RE.sub(lambda m: _TONE_TABLE[m.group()], s)


def fold(s: str) -> str:
    """Remove every diacritic: decompose, drop combining marks, ``đ`` → ``d``, ``Đ`` → ``D``."""
    decomposed = unicodedata.normalize("NFD", s)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


@lru_cache(maxsize=200_000)
def norm_word(word: str, fold_diacritics: bool) -> str:
    """The comparable form of one word: NFC, case-folded, tones unified, and folded if asked."""
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())
    s = normalize_tones(s)
    return fold(s) if fold_diacritics else s


def is_number(norm: str) -> bool:
    """True when a token is a number (digits, maybe with ``.`` / ``,`` separators)."""
    return _NUMBER_RE.fullmatch(norm) is not None


@dataclass(frozen=True, slots=True)
class Token:
    norm: str  # case-folded, tone-normalized, folded if asked
    start: int  # character offsets into the original text
    end: int


def _scannable(text: str) -> str:
    # '_' counts as a word character for \w but is punctuation here; replacing it keeps offsets.
    return text.replace("_", " ") if "_" in text else text


def split_words(text: str) -> list[str]:
    """``text`` cut into ``[gap, word, gap, word, ..., gap]``: the words are the odd items, and the
    lengths of all items give the words' offsets (``spans_of``)."""
    return _SPLIT_RE.split(_scannable(text))


def spans_of(pieces: list[str]) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the words of ``split_words``' result."""
    offsets = list(accumulate(map(len, pieces), initial=0))
    return list(zip(offsets[1:-1:2], offsets[2::2], strict=True))


def norms_of(words: list[str], *, fold_diacritics: bool) -> list[str]:
    """The norms of a list of words, each distinct word normalized once."""
    norms = {w: norm_word(w, fold_diacritics) for w in set(words)}
    return list(map(norms.__getitem__, words))


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of every token of ``text``, in order."""
    return spans_of(split_words(text))


def word_norms(text: str, *, fold_diacritics: bool) -> list[str]:
    """The norms of every token of ``text`` (same tokens as ``word_spans``), cheaper than ``tokenize``."""
    return norms_of(_WORD_RE.findall(_scannable(text)), fold_diacritics=fold_diacritics)


def tokenize(text: str, *, fold_diacritics: bool) -> list[Token]:
    """Cut ``text`` into tokens with their normalized form and their offsets in ``text``."""
    matches = _WORD_RE.finditer(_scannable(text))
    return [Token(norm_word(m.group(), fold_diacritics), *m.span()) for m in matches]
