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

``search_form`` is a coarser, much cheaper form of a whole text, for the prefilter: ASCII, case and
diacritics folded, every run of non-word characters one space. It is computed with a few C-level string
operations and no per-word work, and keeps every token apart between spaces (see its docstring).
"""

from __future__ import annotations

import codecs
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


class _Norms(dict):
    """word → norm for one fold mode, filled on demand; emptied when it grows past ``_NORMS_SIZE``."""

    def __init__(self, fold_diacritics: bool) -> None:
        super().__init__()
        self.fold_diacritics = fold_diacritics

    def __missing__(self, word: str) -> str:
        if len(self) >= _NORMS_SIZE:
            self.clear()
        norm = self[word] = norm_word(word, self.fold_diacritics)
        return norm


_NORMS_SIZE = 200_000
_NORMS = {True: _Norms(True), False: _Norms(False)}


def norms_of(words: list[str], *, fold_diacritics: bool) -> list[str]:
    """The norms of a list of words (a dictionary lookup per word, in C, once a word has been seen)."""
    return list(map(_NORMS[fold_diacritics].__getitem__, words))


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


# ── search form (the prefilter's) ────────────────────────────────────────────────────────────────

_NON_ASCII_GAP_RE = re.compile(rf"[^\x00-\x7f\w{_MARKS}]+")  # non-ASCII characters that separate tokens
_ASCII_FORM = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)).lower()
_CLASSES = bytes(48 if 48 <= c <= 57 else 97 if 97 <= c <= 122 else 32 for c in range(256))
_DIGIT_LETTER_RE = re.compile(rb"([0-9])([a-z])")
_SPACES_RE = re.compile(rb"  +")


def _general_form(text: str, gap: bytes) -> bytes:
    """The search form of any text, before spaces are collapsed: per character, casefold, decomposition,
    ``đ`` → ``d``, the ASCII residue (marks and letters of other scripts vanish), non-word characters
    ``gap`` (a space in a text; nothing inside one token's norm, where none separates words)."""
    if not text.isascii():
        text = _NON_ASCII_GAP_RE.sub(gap.decode(), text)
        text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return text.encode("ascii", "ignore").translate(_ASCII_FORM)


# The fast way for the letters of Vietnamese and western European text: lower-cased, each character is
# encoded to one byte by a C codec table, then translated to its search form by a byte table. A text with
# any other character takes the general way. Both give the same form (tests check every character).
_FAST_CHARS = (
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"  # Vietnamese
    "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"  # its combining marks (text written decomposed)
    "\u00a0\u00ad«»°·–—‘’“”•…′″€\u200b\u2010\u2011\u2012\u2015"  # punctuation
    "äëïöüÿçñåæøœšžčćłśşğıřěőűîșțńą"  # western and central European letters
)


def _fast_tables() -> tuple[dict, bytes, bytes]:
    chars = list(dict.fromkeys(_FAST_CHARS))
    assert len(chars) <= 128, "one byte each, above ASCII"
    decoding = [chr(i) for i in range(128)] + chars + ["\ufffe"] * (128 - len(chars))
    table = bytearray(_ASCII_FORM)
    delete = bytearray()
    for i, c in enumerate(chars, 128):
        form = _general_form(c, b" ")
        assert len(form) <= 1, c
        if form:
            table[i] = form[0]
        else:
            delete.append(i)
    return codecs.charmap_build("".join(decoding)), bytes(table), bytes(delete)


_FAST_ENCODING, _FAST_TABLE, _FAST_DELETE = _fast_tables()


def _form(text: str) -> bytes:
    if text.isascii():
        return text.encode().translate(_ASCII_FORM)
    try:
        raw, _n = codecs.charmap_encode(text.lower(), "strict", _FAST_ENCODING)
    except UnicodeEncodeError:
        return _general_form(text, b" ")
    return raw.translate(_FAST_TABLE, _FAST_DELETE)


def _finish(raw: bytes) -> str:
    # A number token may be followed right away by a word token ("1,5x"): a space keeps them apart.
    if b"0a" in raw.translate(_CLASSES):
        raw = _DIGIT_LETTER_RE.sub(rb"\1 \2", raw)
    return _SPACES_RE.sub(b" ", b" " + raw + b" ").decode()


def search_form(text: str) -> str:
    """``text`` folded to the prefilter's form: ``" kfor co 4 500 binh si "``.

    ASCII, lower case, diacritics and marks removed, every run of non-word characters one space, a space
    at each end. It is built character by character, so a token of ``tokenize`` appears in it as the
    ``search_form_of_norm`` of its norm (in either fold mode), and tokens in a row as their forms in a row,
    between spaces: a word or phrase of a query can occur in a text only if its search form, between
    spaces, occurs in the text's (tests check this character by character). Letters of scripts with no
    ASCII residue (Cyrillic, CJK, ...) vanish: words written only in them cannot be told apart here.
    """
    return _finish(_form(text))


def search_form_of_norm(norm: str) -> str:
    """The search form of one token's norm (``norm_word``), without the surrounding spaces."""
    return _finish(_general_form(norm, b"")).strip(" ")
