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
diacritics folded, digits all ``0``, every run of non-word characters one or two spaces. It is computed
with a few C-level string operations and no per-word work, and keeps every token apart between spaces (see
its docstring). The prefilter scans ``scan_form``'s, the same but for the runs of spaces, left as they are.

``FieldTokens`` cuts a field the way ``tokenize`` does, with C-level byte operations too, for the engine,
and finds where a term (a word, a prefix or a phrase) occurs without making an object per word.

``ends_sentence`` tells whether a sentence ends between two tokens (a phrase never spans one): see its docstring.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from itertools import accumulate, chain, repeat
from typing import NamedTuple

__all__ = [
    "FieldTokens",
    "TermPlan",
    "Token",
    "ends_sentence",
    "fold",
    "is_number",
    "norm_word",
    "normalize_tones",
    "norms_of",
    "sentence_breaks",
    "spans_of",
    "split_words",
    "term_plan",
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


class Token(NamedTuple):
    """A token of ``tokenize`` (a named tuple: made by the thousand, in C)."""

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
        norm = self[word] = norm_word(self._text(word), self.fold_diacritics)
        return norm

    @staticmethod
    def _text(word: str) -> str:
        return word


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
    pieces = split_words(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    norms = norms_of(pieces[1::2], fold_diacritics=fold_diacritics)
    return list(map(tuple.__new__, repeat(Token), zip(norms, offsets[1:-1:2], offsets[2::2], strict=True)))


# ── search form (the prefilter's) ────────────────────────────────────────────────────────────────

_NON_ASCII_GAP_RE = re.compile(rf"[^\x00-\x7f\w{_MARKS}]+")  # non-ASCII characters that separate tokens
# Letters lower case, every digit 0 (fewer keys: see prefilter.variants), anything else a space.
_ASCII_FORM = bytes(48 if 48 <= c <= 57 else c if chr(c).isascii() and chr(c).isalnum() else 32
                    for c in range(256)).lower()
_SPACES_RE = re.compile(rb"   +")  # three spaces or more (two are left: fewer runs to cut, see search_form)


def _general_form(text: str, gap: bytes) -> bytes:
    """The search form of any text, before spaces are collapsed: per character, casefold, decomposition,
    ``đ`` → ``d``, the ASCII residue (marks and letters of other scripts vanish), non-word characters
    ``gap`` (a space in a text; nothing inside one token's norm, where none separates words)."""
    if not text.isascii():
        text = _NON_ASCII_GAP_RE.sub(gap.decode(), text)
        text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return text.encode("ascii", "ignore").translate(_ASCII_FORM)


# The fast way for the letters of Vietnamese and western European text: each character is encoded to one
# byte by a C codec table, then translated to its search form by a byte table. The table has the lower-case
# letters only (and ASCII): from the first character it lacks (a capital ``Đ``), the rest of the text is
# lower-cased and encoded (``_lower_rest``), so a text without such capitals is never copied lower-cased.
# A text with any other character takes the general way. Both give the same form (tests check every
# character).
_FAST_CHARS = (
    "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"  # Vietnamese
    "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"  # its combining marks (text written decomposed)
    "\u00a0\u00ad«»°·–—‘’“”•…′″€\u200b\u2010\u2011\u2012\u2015"  # punctuation
    "äëïöüÿçñåæøœšžčćłśşğıřěőűîșțńą"  # western and central European letters
)


def _fast_tables() -> tuple[dict, bytes, bytes, str]:
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
    return codecs.charmap_build("".join(decoding)), bytes(table), bytes(delete), "".join(decoding)


_FAST_ENCODING, _FAST_TABLE, _FAST_DELETE, _FAST_DECODING = _fast_tables()


assert all(c.lower() == c for c in _FAST_DECODING[128:]), "lower-casing leaves a text's encoded part alone"


def _lower_rest(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the text from the first character the fast table lacks on, lower-cased."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return error.object[error.start :].lower(), len(error.object)


_LOWER_REST = "monitor.rules.lower-rest"
codecs.register_error(_LOWER_REST, _lower_rest)


def _fast_bytes(text: str) -> bytes | None:
    """``text`` in the fast encoding, the rest lower-cased from a character the table lacks (a capital):
    one byte per character of that text; None when a character has no byte even lower-cased."""
    if text.isascii():
        return text.encode("ascii")
    try:
        return codecs.charmap_encode(text, _LOWER_REST, _FAST_ENCODING)[0]
    except UnicodeEncodeError:
        return None


def _form(text: str) -> bytes:
    raw = _fast_bytes(text)
    if raw is None:
        return _general_form(text, b" ")
    return raw.translate(_FAST_TABLE, _FAST_DELETE)


def _finish(raw: bytes) -> str:
    spaced = b" " + raw + b" "
    return (_SPACES_RE.sub(b"  ", spaced) if b"   " in spaced else spaced).decode()  # ``in``: found in C, fast


def search_form(text: str) -> str:
    """``text`` folded to the prefilter's form: ``" kfor co 0 000 binh si "``.

    ASCII, lower case, diacritics and marks removed, every digit ``0``, every run of non-word characters
    one or two spaces (``", "`` is two: runs of two are left as they are, since cutting those took half the
    time of the whole form), a space at each end. It is built character by character, so a token of ``tokenize`` appears
    in it as the ``search_form_of_norm`` of its norm (in either fold mode), and tokens in a row as their
    forms in a row, one or two spaces apart; except that a token right after a number with nothing between
    (``1,5x``: ``1,5`` and ``x``) stands right after the number's last digit (``" 0 0x "``). So a word or
    phrase of a query can occur in a text only if its search form occurs in the text's, between spaces or
    after a digit, its words one or two spaces apart (tests check this character by character;
    ``prefilter.term_keys`` and ``prefilter.variants`` say how). Letters of scripts with no ASCII residue
    (Cyrillic, CJK, ...) vanish: words written only in them cannot be told apart here.
    """
    return _finish(_form(text))


def scan_form(text: str) -> tuple[str, bytes | None]:
    """``search_form`` without its last step: runs of three spaces or more are left as they are. What the
    prefilter scans: looking for such runs in a whole text took a third of the time of the form, and the
    prefilter's automaton finds them on its way (``prefilter.WIDEST_GAP``). ``cut_gaps`` of it is
    ``search_form``'s. With the text in the fast encoding (None when it has no such form), for ``FieldTokens``:
    an article that is evaluated is not encoded twice."""
    if not text:
        return "  ", b""
    raw = _ENCODED.pop(text, _NOT_ENCODED)
    if raw is _NOT_ENCODED:
        raw = _fast_bytes(text)
    form = _general_form(text, b" ") if raw is None else raw.translate(_FAST_TABLE, _FAST_DELETE)
    return (b" " + form + b" ").decode(), raw


def _word_bytes_casefolded() -> bytes:
    """Each byte of the fast encoding → its character casefolded when that is a word character (``\\w``) with a
    byte of its own, else a space. The encoded text is lower-cased already where it is not ASCII (the table has
    lower-case letters only; tests check that lower-casing and casefolding agree on every character that
    encodes)."""
    word = re.compile(r"\w")
    table = bytearray(b" " * 256)
    for i, c in enumerate(_FAST_DECODING):
        folded = c.casefold()
        if c != "\ufffe" and word.fullmatch(folded):
            table[i] = _FAST_DECODING.index(folded)  # every character of the table casefolds to one of it
    return bytes(table)


_WORD_BYTES_CASEFOLDED = _word_bytes_casefolded()


# A text casefolded_words encoded (a field of an article whose content hash was just made) -> its fast encoding,
# until scan_form takes it: an article's fields are encoded once for both. A few at most (emptied when full).
_ENCODED: dict[str, bytes | None] = {}
_ENCODED_MAX = 16
_NOT_ENCODED = object()  # scan_form: no encoding kept for the text


def casefolded_words(text: str, *, keep: bool = False) -> str:
    """The words of ``text`` (runs of ``\\w``) casefolded, joined by one space: ``" ".join(re.findall(r"\\w+",
    text.casefold()))``. By byte tables in C where the text is in the fast encoding, else by that expression.
    ``keep``: the text's fast encoding is kept for ``scan_form`` of the same text, which comes next."""
    raw = _fast_bytes(text)
    if keep and text:
        if len(_ENCODED) >= _ENCODED_MAX:
            _ENCODED.clear()
        _ENCODED[text] = raw
    if raw is None:
        return " ".join(_ANY_WORD_RE.findall(text.casefold()))
    spaced = raw.translate(_WORD_BYTES_CASEFOLDED)
    while b"  " in spaced:  # runs of spaces halve at each pass (found in C): two or three passes
        spaced = spaced.replace(b"  ", b" ")
    return codecs.charmap_decode(spaced.strip(b" "), "strict", _FAST_DECODING)[0]


_ANY_WORD_RE = re.compile(r"\w+")


_SPACES_STR_RE = re.compile("   +")


def cut_gaps(form: str) -> str:
    """``scan_form``'s form with its runs of three spaces or more cut to two: ``search_form``'s."""
    return _SPACES_STR_RE.sub("  ", form)


def search_form_of_norm(norm: str) -> str:
    """The search form of one token's norm (``norm_word``), without the surrounding spaces."""
    return _finish(_general_form(norm, b"")).strip(" ")


# ── sentences ────────────────────────────────────────────────────────────────────────────────────

# A sentence mark, maybe more marks or closing quotes and brackets, then white space: "years. Since",
# "years.” Since", "what? The", "so… The". A mark with no space after it is inside a word ("TP.HCM", "v1.2").
_SENTENCE_MARK_RE = re.compile(r"([.!?…]+)[.!?…\"'”’»)\]]*\s")
_SENTENCE_CHARS = ".!?…\n\r\u2028\u2029"  # what a gap needs to end a sentence
_LINE_RE = re.compile(r"[\n\r\u2028\u2029]")
_SENTENCE_GAP_RE = re.compile(f"[{_SENTENCE_CHARS}]")  # a gap without one ends no sentence
# Lower-case words a single "." follows without ending the sentence ("no. 1244", "vs. Serbia", "et al. The").
# Capitalized short words ("Mr.", "Gen.", "Apr.", "TP.", "PGS.") and single letters ("U.S.", "Ph.D.") are
# taken as abbreviations by their shape (see ``ends_sentence``).
_ABBREVIATIONS = frozenset({"no", "nr", "nos", "vs", "etc", "approx", "ca", "al", "cf", "incl",
                            # Vietnamese: thành phố, thạc sĩ, tiến sĩ, phó giáo sư, giáo sư, bác sĩ ("TP. HCM")
                            "tp", "ths", "ts", "pgs", "gs", "bs"})


def ends_sentence(text: str, before: tuple[int, int], after: int) -> bool:
    """Whether a sentence ends between the token of ``text`` at ``before`` (start, end) and the token
    starting at ``after``: the next token starts with a capital or a digit, and the gap holds a line break,
    or a ``!``, ``?``, ``…`` or ``.`` followed by white space (closing quotes or brackets may stand between).
    A single ``.`` after a single letter (``U.S. Army``, ``Ph.D. Student``) or a list's number at the start of
    a line (``1. Introduction``; another one-digit number ends one: ``tháng 9. Số``), a
    known abbreviation (``no. 1244``, ``TP. HCM``, ``PGS. TS``) or a capitalized word of four characters at
    most (``Mr.``, ``Gen.``, ``Apr. 2025``) does not end one; an acronym in capitals does (``... KFOR. The``).
    ``;``, ``:`` and ``,`` never do. Short capitalized words err on the side of no end: a phrase across an
    abbreviation's period still matches."""
    first = text[after : after + 1]
    if not (first.isupper() or first.isdigit()):
        return False
    start, end = before
    if _LINE_RE.search(text, end, after) is not None:
        return True
    mark = _SENTENCE_MARK_RE.search(text, end, after)
    if mark is None:
        return False
    if mark.group(1) != "." or mark.start() != end:
        return True
    word = text[start:end]
    if word.casefold() in _ABBREVIATIONS:
        return False
    if len(word) == 1:  # an initial (U.S.) never ends one; a digit does ("hồi tháng 9. Số binh sĩ", "on May 9. Troops")
        return word.isdigit() and bool(text[text.rfind("\n", 0, start) + 1 : start].strip())  # but a list's number
    if word.isupper():  # an acronym ends its sentence ("... in KFOR. Another 500 troops"), a listed one not
        return True
    return not (word[0].isupper() and len(word) <= 4)


def _sentence_marks(text: str) -> list[int]:
    """Where ``text`` has a character of ``_SENTENCE_CHARS``, in order (``str.find`` is much faster than
    a regular expression's character class)."""
    out: list[int] = []
    for c in _SENTENCE_CHARS:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _ends_sentence_between(text: str, start: int, end: int, after: int) -> bool:
    """``ends_sentence`` for the token at ``start:end`` and the next one, at ``after``, told at once when the
    gap is one space or holds no sentence mark nor line break."""
    if after - end == 1 and text[end] == " ":
        return False
    return _SENTENCE_GAP_RE.search(text, end, after) is not None and ends_sentence(text, (start, end), after)


def sentence_breaks(text: str) -> list[int]:
    """The indices of the tokens of ``tokenize(text)`` that start a sentence, the first one left out: the
    reference ``FieldTokens.sentence_starts`` is tested against."""
    spans = word_spans(text)
    return [i for i in range(1, len(spans)) if ends_sentence(text, spans[i - 1], spans[i][0])]


# ── the engine's tokens of a field ───────────────────────────────────────────────────────────────
#
# ``tokenize`` makes an object per token and ``split_words`` a string per word and per gap: too much for
# every field of every article a topic is evaluated on. ``FieldTokens`` finds the same words with a few C-level
# byte operations: the text is encoded one byte per character by the fast table above (``_fast_bytes``, so a
# byte offset is a character offset), translated so that every byte outside a word is a space (the *layout*:
# its runs of non-spaces are the words, at their offsets in the text); a number with separators (``4.500``,
# found by one regular expression over the bytes) is put back whole. Lower-casing (of a part of the text)
# never changes a norm nor a word's extent (case is folded anyway; tests check it character by character). A
# text with a character outside the table, or a number glued to the word before it (``v1.2``, rare), is cut
# by the regular expression instead.
#
# A term is looked up without cutting the text in words: the layout is translated once more, every letter to
# its search form's letter (``_FOLD_BYTES``: ``Đ``, ``đ``, ``ồ`` → ``d``, ``d``, ``o``), and the bytes of a
# norm are searched for (in C) in that form, between spaces; a phrase's first word, then the rest of it at
# once (a regular expression). The bytes of a folded norm tell it (tests check every character); for a norm
# with diacritics, the words found are checked (their norm is looked up). Only the tokens found are counted
# (in C) for their indices, and only when the indices are asked for (``term_starts``, for NEAR): the evidence of
# a term outside NEAR needs only where it is (``term_spans``). A NEAR of terms needs only the tokens near an
# occurrence: ``start_after`` and ``start_before`` step over them (in C), ``byte_offsets_within`` searches
# between, and only the occurrences near each other are counted (``run_at``). So a term costs a few searches
# of the text, not the norms of all its words. How a term is searched (its bytes, its phrase's regular
# expression) is worked out once per term (``TermPlan``), not per field. A text with a combining mark (written
# decomposed: NFC joins a mark to the letter before, and a norm does) is looked up in its norms instead.


def _byte_tables() -> bytes:
    word = re.compile(rf"[\w{_MARKS}]")
    digit = re.compile(r"\d")
    words = bytearray(b" " * 256)
    for i, c in enumerate(_FAST_DECODING):
        assert not digit.fullmatch(c) or c.isascii(), "only ASCII digits have a byte"
        if c not in "_\ufffe" and word.fullmatch(c):
            words[i] = i
    assert words[32] == 32 and words[ord(".")] == words[ord(",")] == 32
    return bytes(words)


_WORD_BYTES = _byte_tables()
_WORD_MARKS = bytes(32 if c == 32 else 120 for c in range(256))  # a layout's words all "x"
# Numbers with separators are looked for in the bytes' classes, digits "0" and separators ".": the regular
# expression then starts with a literal, which is searched for in C, and digits are rare.
_NUMBER_CLASSES = bytes(48 if 48 <= c <= 57 else 46 if c in b".," else 32 for c in range(256))
_BYTE_NUMBER_RE = re.compile(rb"00*(?:\.0+)+")  # 0+(?:\.0+)+, with a literal first
# A layout's bytes' classes: digits and separators "0", other word bytes "a" (a separator is in a token only
# inside a number, put back whole above): a token of "0" only is a number.
_NUMBER_RUNS = bytes(32 if c == 32 else 48 if 48 <= c <= 57 or c in b".," else 97 for c in range(256))
_COMBINING = 0  # the byte of a combining mark in ``_FOLD_BYTES``: such a text is not searched there


def _fold_bytes() -> bytes:
    """Each byte of a layout → the byte it is searched by: a letter's search form when that is one ASCII
    letter (lower case, no diacritics), a digit and the other letters themselves (``ø``), a combining mark
    ``_COMBINING``; a layout's space and the separators of numbers stay."""
    table = bytearray(range(256))
    for i, c in enumerate(_FAST_DECODING):
        if _WORD_BYTES[i] == 32 or c.isdigit():
            continue
        if unicodedata.combining(c):
            table[i] = _COMBINING
            continue
        form = _general_form(c, b" ")
        if len(form) == 1:
            table[i] = form[0]
    # A word of the table and its norm (in either fold mode) are searched by the same bytes, one per character:
    # so a word whose norm is a norm's (or starts with it) has that norm's bytes at its start. Folded norms
    # have bytes of their own: there, the converse holds too.
    folded: dict[int, str] = {}
    for i, c in enumerate(_FAST_DECODING):
        if _WORD_BYTES[i] != 32 and table[i] != _COMBINING:
            for fold_diacritics in (True, False):
                norm = norm_word(c, fold_diacritics)
                assert _encode(norm).translate(table) == bytes(table[i : i + 1]), c
            assert folded.setdefault(table[i], norm_word(c, True)) == norm_word(c, True), c
    return bytes(table)


def _encode(norm: str) -> bytes:
    return codecs.charmap_encode(norm, "strict", _FAST_ENCODING)[0]


_FOLD_BYTES = _fold_bytes()


def merged_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans (start, end) in order, those that overlap merged."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@lru_cache(maxsize=256)
def _tokens_after(count: int) -> re.Pattern[bytes]:
    """``count`` tokens and the gaps after them, in a field's marks (``x`` a word's byte, a space a gap's), up to
    where a token starts."""
    return re.compile(b"(?:x+ +){%d}(?=x)" % count)


@lru_cache(maxsize=256)
def _tokens_before(count: int) -> re.Pattern[bytes]:
    """``count`` gaps and the tokens before them, in a field's marks backwards."""
    return re.compile(b"(?: +x+){%d}" % count)


@lru_cache(maxsize=2_000)
def _phrase_re(words: tuple[tuple[bytes, bool], ...]) -> re.Pattern[bytes]:
    """The words of a phrase (their bytes, and whether each is a prefix) in a row in a layout's search bytes,
    each a group; it starts with the space before the first word (``match`` it there)."""
    parts = (b"(" + re.escape(probe) + (rb"[^ ]*" if prefix else b"") + b")" for probe, prefix in words)
    return re.compile(b" " + b" +".join(parts) + b"(?= )")


@lru_cache(maxsize=20_000)
def _is_folded(norm: str) -> bool:
    """Whether ``norm`` is a norm folded (``norm_word(..., True)``): then the bytes it is searched by tell it."""
    return norm_word(norm, True) == norm


@lru_cache(maxsize=20_000)
def _probe(norm: str) -> bytes | None:
    """The bytes a norm is searched by in a layout (``_FOLD_BYTES``); None when it has a character outside the
    table (no word of the table has that norm)."""
    try:
        return _encode(norm).translate(_FOLD_BYTES)
    except UnicodeEncodeError:
        return None


def _fast_layout(text: str, raw: bytes | None) -> tuple[bytes, bool] | None:
    """A byte string as long as ``text`` (in the fast encoding ``raw``, some lower-cased) whose runs of
    non-spaces are the words of ``text``, and whether a number glued to the word after it (``1.5km``) had a
    space put between them (then the words are right but not their offsets); None when the text must be cut by
    the regular expression."""
    if raw is None or len(raw) != len(text):  # lower-casing made "İ" two characters
        return None
    spaced = raw.translate(_WORD_BYTES)
    pieces: list[bytes] = []
    glued, pos = False, 0
    for m in _BYTE_NUMBER_RE.finditer(raw.translate(_NUMBER_CLASSES)):
        start, end = m.span()
        if start and spaced[start - 1] != 32:
            return None  # "v1.2": "v1" is a word, then "2" may start a number
        pieces += (spaced[pos:start], raw[start:end])
        if end < len(raw) and spaced[end] != 32:
            pieces.append(b" ")  # "1.5km": the number, then a word
            glued = True
        pos = end
    if not pieces:
        return spaced, False
    pieces.append(spaced[pos:])
    return b"".join(pieces), glued


class _ByteNorms(_Norms):
    """word (bytes of the fast encoding) → norm for one fold mode, like ``_Norms``."""

    @staticmethod
    def _text(word: bytes) -> str:  # type: ignore[override]
        return codecs.charmap_decode(word, "strict", _FAST_DECODING)[0]


_BYTE_NORMS = {True: _ByteNorms(True), False: _ByteNorms(False)}
_SCANS = 32  # words of a field looked up in its norms (in C) before the field's words are all indexed


class _NormIndex:
    """The norms of a field's tokens in one fold mode, for the words that cannot be searched in bytes: a
    few words are searched for in the list (in C); past that, every word is indexed."""

    __slots__ = ("_lines", "_lookups", "_positions", "norms", "vocab")

    def __init__(self, norms: list[str]) -> None:
        self.norms = norms
        self.vocab = frozenset(norms)
        self._positions: dict[str, list[int]] | None = None
        self._lookups = 0
        self._lines: str | None = None

    def positions(self, norm: str, prefix: bool) -> list[int]:
        if not prefix:
            return self._positions_of(norm)
        lists = [self._positions_of(w) for w in self._with_prefix(norm)]
        return lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))

    def _with_prefix(self, prefix: str) -> list[str]:
        """The words that start with ``prefix``, found in C in the vocabulary written one word a line."""
        lines = self._lines
        if lines is None:
            lines = self._lines = "\n" + "\n".join(self.vocab) + "\n"
        needle = "\n" + prefix
        out = []
        i = lines.find(needle)
        while i >= 0:
            end = lines.find("\n", i + 1)
            out.append(lines[i + 1 : end])
            i = lines.find(needle, end)
        return out

    def _positions_of(self, norm: str) -> list[int]:
        if self._positions is None:
            self._lookups += 1
            if self._lookups <= _SCANS:
                if norm not in self.vocab:
                    return []
                norms, i = self.norms, -1
                return [i := norms.index(norm, i + 1) for _ in range(norms.count(norm))]
            positions: defaultdict[str, list[int]] = defaultdict(list)
            for i, n in enumerate(self.norms):
                positions[n].append(i)
            self._positions = positions
        return self._positions.get(norm, [])


class TermPlan:
    """How ``FieldTokens`` searches a term (its words: norm, and whether it is a prefix) in one fold mode, worked
    out once per term (``term_plan``) rather than per field: whether its words can be searched for in bytes
    (``in_bytes``: every norm has characters), the bytes its first word is found by between spaces (``needle``;
    None when a norm has a character outside the fast table: no word of the table has that norm), the rest of a
    phrase (``match``: ``_phrase_re``), and whether the bytes found tell the norms (``told``: folded norms, in
    the folded mode), or each word found must be checked."""

    __slots__ = ("fold", "in_bytes", "match", "needle", "told", "words")

    def __init__(self, words: tuple[tuple[str, bool], ...], fold_diacritics: bool) -> None:
        self.words = words
        self.fold = fold_diacritics
        self.in_bytes = all(norm for norm, _prefix in words)
        probes = tuple((_probe(norm), prefix) for norm, prefix in words)
        self.needle: bytes | None = None
        self.match: Callable[[bytes, int], re.Match[bytes] | None] | None = None
        if self.in_bytes and all(probe is not None for probe, _prefix in probes):
            first, first_prefix = probes[0]
            assert first is not None
            self.needle = b" " + first + (b"" if first_prefix else b" ")
            if len(words) > 1:
                self.match = _phrase_re(probes).match
        self.told = fold_diacritics and all(_is_folded(norm) for norm, _prefix in words)


@lru_cache(maxsize=100_000)
def term_plan(words: tuple[tuple[str, bool], ...], fold_diacritics: bool) -> TermPlan:
    """The ``TermPlan`` of a term, one object per term and fold mode (the tokens of a field remember what they
    found by plan, so topics that share a term share its lookup)."""
    return TermPlan(words, fold_diacritics)


class FieldTokens:
    """The tokens of one text, as ``tokenize`` cuts it, for the engine: where a term occurs in a fold mode
    (``term_starts``, ``find``: token indices; ``term_spans``: character offsets), where numbers do
    (``numbers``), the character offsets of the tokens found (``spans``) and where sentences start
    (``sentence_starts``), each computed when asked for."""

    __slots__ = ("_at", "_char_spans", "_counts", "_cut", "_folded", "_found", "_in_bytes", "_index", "_known",
                 "_layout", "_lengths", "_marks", "_norms", "_numbers", "_offsets", "_reversed", "_sentences", "_words",
                 "text")

    def __init__(self, text: str, encoded: bytes | None = None) -> None:
        """``encoded``: the text in the fast encoding, when it was (``scan_form``)."""
        self.text = text
        fast = _fast_layout(text, _fast_bytes(text) if encoded is None else encoded)
        self._words: list[bytes] | list[str] | None = None
        self._cut: bytes | None = None  # the byte way: its runs of non-spaces are the words
        self._layout: bytes | None = None  # ... at their offsets in the text
        self._offsets: list[int] | None = None
        self._lengths: bytes | None = None  # of the words, cut the byte way
        self._sentences: list[int] | None = None
        self._folded: bytes | None = None
        self._marks: bytes | None = None
        self._reversed: bytes | None = None  # ``_marks`` backwards, for ``start_before``
        self._numbers: list[int] | None = None
        self._found: dict[TermPlan, list[int]] = {}
        self._in_bytes: dict[TermPlan | None, tuple[list[int], list[int]]] = {}  # see ``_byte_offsets``
        self._char_spans: dict[TermPlan | None, list[tuple[int, int]]] = {}
        self._index: dict[bool, _NormIndex] = {}
        self._at: dict[int, int] = {}  # token index → character offset, of the tokens found in bytes
        self._known, self._counts = [0], [0]  # see ``_indices``
        if fast is None:
            self._words = _WORD_RE.findall(_scannable(text))
            self._norms: dict[bool, dict] = _NORMS
        else:
            self._cut, glued = fast
            self._layout = None if glued else self._cut
            self._norms = _BYTE_NORMS

    def _word_list(self) -> list[bytes] | list[str]:
        if self._words is None:
            assert self._cut is not None
            self._words = self._cut.split()
        return self._words

    def __len__(self) -> int:
        return len(self._word_list())

    def __bool__(self) -> bool:
        """Whether the text has a token."""
        cut = self._cut
        return bool(self._words) if cut is None else bool(cut) and not cut.isspace()

    def norms(self, fold_diacritics: bool) -> list[str]:
        """The norm of every token, in order (``tokenize``'s ``norm``)."""
        return list(map(self._norms[fold_diacritics].__getitem__, self._word_list()))

    def term_starts(self, words: tuple[tuple[str, bool], ...], fold_diacritics: bool) -> list[int]:
        """The indices of the tokens where a term starts, in order: its words (norm, and whether it is a
        prefix) in a row, in one sentence; a token matches a word when its norm (``norm_word``) is the word's,
        or starts with it for a prefix. Computed once."""
        return self.find(term_plan(words, fold_diacritics))

    def find(self, plan: TermPlan) -> list[int]:
        """``term_starts`` of the term ``plan`` is for (``term_plan``): computed once per plan."""
        found = self._found.get(plan)
        if found is None:
            in_bytes = self._byte_offsets(plan)
            if in_bytes is not None:
                starts, lasts = in_bytes
                found = self._indices(starts)
                size = len(plan.words)
                if size > 1:
                    at = self._at
                    for index, offset in zip(found, lasts, strict=True):
                        at[index + size - 1] = offset  # for ``spans``
            else:
                words, fold_diacritics = plan.words, plan.fold
                index = self._index.get(fold_diacritics)
                if index is None:
                    index = self._index[fold_diacritics] = _NormIndex(self.norms(fold_diacritics))
                found = index.positions(*words[0])
                for k, (norm, prefix) in enumerate(words[1:], 1):
                    if not found:
                        break
                    at = set(index.positions(norm, prefix))
                    found = [i for i in found if i + k in at]
                found = self.in_one_sentence(found, len(words))
            self._found[plan] = found
        return found

    def term_spans(self, plan: TermPlan | None) -> list[tuple[int, int]]:
        """The character offsets (start, end) of the occurrences of a term (``plan``; None: of the numbers), in
        order: ``spans`` of ``find``'s (or ``numbers``') runs. Found the byte way, they are where the term was
        found: its tokens are not counted. Computed once."""
        spans = self._char_spans.get(plan)
        if spans is None:
            in_bytes = self._byte_offsets(plan)
            layout = self._layout
            if in_bytes is not None and layout is not None:
                spans = []
                for start, last in zip(*in_bytes, strict=True):
                    end = layout.find(b" ", last)  # a token ends at the layout's next space
                    spans.append((start, end if end >= 0 else len(layout)))
            else:
                starts, n = (self.numbers(), 1) if plan is None else (self.find(plan), len(plan.words))
                offsets = self.offsets()
                spans = [(offsets[2 * s + 1], offsets[2 * (s + n)]) for s in starts]
            self._char_spans[plan] = spans
        return spans

    def _byte_offsets(self, plan: TermPlan | None) -> tuple[list[int], list[int]] | None:
        """Where the occurrences of a term (``plan``; None: the numbers) start in the layout, and where their last
        words start, found the byte way (computed once); None when they are looked up in the norms."""
        found = self._in_bytes.get(plan)
        if found is None:
            folded = self._search_bytes()
            if not folded or (plan is not None and not plan.in_bytes):
                return None
            found = self._in_bytes[plan] = self._number_offsets() if plan is None else self._search(folded, plan)
        return found

    def _search_bytes(self) -> bytes:
        """The layout, its letters folded (``_FOLD_BYTES``), between spaces; empty when the words must be
        looked up in their norms (the regular way, or a combining mark)."""
        folded = self._folded
        if folded is None:
            layout = self._layout
            folded = b"" if layout is None else b" " + layout.translate(_FOLD_BYTES) + b" "
            if _COMBINING in folded:
                folded = b""
            self._folded = folded
        return folded

    def _search(self, folded: bytes, plan: TermPlan) -> tuple[list[int], list[int]]:
        """``_byte_offsets`` of a term: a word is searched for between spaces (``bytes.find``), a phrase by a
        regular expression (its words' bytes, spaces between) that starts with its first word, a literal."""
        needle = plan.needle
        if needle is None:
            return [], []  # the norm of a word of the table is in the table
        if plan.match is not None:
            return self._search_phrase(folded, plan, needle, plan.match)
        offsets = []
        i = folded.find(needle)  # the word at ``i`` in the layout (``folded`` has a space first)
        if plan.told:  # folded norms have bytes of their own (``_fold_bytes``)
            while i >= 0:
                offsets.append(i)
                i = folded.find(needle, i + 1)
            return offsets, offsets
        (norm, prefix), fold_diacritics, length = plan.words[0], plan.fold, len(needle) - 2
        while i >= 0:
            end = i + length if not prefix else folded.find(b" ", i + 1) - 1
            if self._is_word(i, end, norm, prefix, fold_diacritics):
                offsets.append(i)
            i = folded.find(needle, i + 1)
        return offsets, offsets

    def _search_phrase(self, folded: bytes, plan: TermPlan, needle: bytes,
                       match: Callable[[bytes, int], re.Match[bytes] | None], lo: int = 0,
                       end: int | None = None) -> tuple[list[int], list[int]]:
        """A phrase's occurrences the byte way (where they start, where their last words start): where its first
        word is (``bytes.find``; its needle in ``folded[lo:end]``), the rest of it is matched (``_phrase_re``). A
        sentence end between two of its words (``ends_sentence``) is looked for in the gaps between them only,
        and only where a gap is more than a space."""
        words, fold_diacritics, told = plan.words, plan.fold, plan.told
        text, size = self.text, len(words)
        starts, lasts = [], []
        if end is None:
            end = len(folded)
        i = folded.find(needle, lo, end)
        while i >= 0:
            m = match(folded, i)
            # group k is word k, in the layout (and the text) from ``m.start(k) - 1`` to ``m.end(k) - 1``
            if m is not None and (told or all(self._is_word(m.start(k) - 1, m.end(k) - 1, norm, prefix,
                                                            fold_diacritics)
                                              for k, (norm, prefix) in enumerate(words, 1))) \
                    and not any(_ends_sentence_between(text, m.start(k) - 1, m.end(k) - 1, m.start(k + 1) - 1)
                                for k in range(1, size)):
                starts.append(i)
                lasts.append(m.start(size) - 1)
            i = folded.find(needle, i + 1, end)
        return starts, lasts

    def _is_word(self, start: int, end: int, norm: str, prefix: bool, fold_diacritics: bool) -> bool:
        """Whether the token of the layout at ``start:end`` has ``norm`` (or starts with it, for a prefix):
        asked when the search bytes may be those of another norm (one not folded)."""
        assert self._layout is not None
        word_norm = self._norms[fold_diacritics][self._layout[start:end]]
        return word_norm.startswith(norm) if prefix else word_norm == norm

    def byte_offsets(self, plan: TermPlan | None) -> tuple[list[int], list[int]] | None:
        """Where the occurrences of a term (``plan``; None: the numbers) start in the text and where their last words
        start, when the field is searched the byte way (None otherwise): ``find`` without counting tokens."""
        return self._byte_offsets(plan)

    def byte_offsets_within(self, plan: TermPlan | None,
                            within: list[tuple[int, int]]) -> tuple[list[int], list[int]] | None:
        """``byte_offsets`` of the occurrences that end (their last word starts) at or after a stretch's start and
        start at or before its end (stretches in order, apart), and maybe others: a word not searched yet is
        searched for in the stretches only."""
        if plan is None or plan in self._in_bytes:
            return self._byte_offsets(plan)
        folded = self._search_bytes()
        if not folded or not plan.in_bytes:
            return None
        needle = plan.needle
        if needle is None:
            return [], []
        if plan.match is not None:  # a phrase: it starts at most its length in tokens before where it ends
            size = len(plan.words) - 1
            wider = [(lo if lo == 0 else self.start_before(lo, size) or 0, hi) for lo, hi in within]
            starts: list[int] = []
            lasts: list[int] = []
            for lo, hi in merged_spans(wider):
                found = self._search_phrase(folded, plan, needle, plan.match, lo, hi + len(needle))
                starts += found[0]
                lasts += found[1]
            return starts, lasts
        (norm, prefix), fold_diacritics, told = plan.words[0], plan.fold, plan.told
        length, size = len(needle) - 2, len(needle)
        offsets = []
        for lo, hi in within:
            i = folded.find(needle, lo, hi + size)  # the word at ``i`` in the layout, ``lo <= i <= hi``
            while i >= 0:
                if told or self._is_word(i, i + length if not prefix else folded.find(b" ", i + 1) - 1, norm,
                                         prefix, fold_diacritics):
                    offsets.append(i)
                i = folded.find(needle, i + 1, hi + size)
        return offsets, offsets

    def run_at(self, start: int, last: int, size: int) -> int:
        """The index of the first token of a run of ``size`` tokens found at ``start`` (``byte_offsets``), its last
        token at ``last``: counted as ``find`` counts it, and remembered for ``spans``."""
        index = self._indices([start])[0]
        if size > 1:
            self._at[index + size - 1] = last
        return index

    def start_after(self, start: int, count: int) -> int | None:
        """Where the token ``count`` tokens after the one at ``start`` starts (cut the byte way); None when fewer
        tokens follow. Tokens are stepped over in C, without counting those before."""
        found = _tokens_after(count).match(self._word_marks(), start + 1)  # the token's first byte in the marks
        return None if found is None else found.end() - 1

    def start_before(self, start: int, count: int) -> int | None:
        """Where the token ``count`` tokens before the one at ``start`` starts (cut the byte way); None when fewer
        tokens precede it."""
        marks = self._reversed
        if marks is None:
            marks = self._reversed = self._word_marks()[::-1]
        size = len(marks)
        found = _tokens_before(count).match(marks, size - 1 - start)  # the gap before the token, backwards
        return None if found is None else size - found.end() - 1

    def _word_marks(self) -> bytes:
        marks = self._marks
        if marks is None:
            assert self._layout is not None
            marks = self._marks = b" " + self._layout.translate(_WORD_MARKS)  # " x" where a token starts
        return marks

    def _indices(self, offsets: list[int]) -> list[int]:
        """The token indices of tokens starting at ``offsets``, counted in C from the nearest offset counted
        before (so a field is counted through about once); remembered for ``spans``."""
        if not offsets:
            return []
        marks = self._word_marks()
        known, counts = self._known, self._counts  # offsets, in order, and how many tokens start before each
        out, at = [], self._at
        for p in offsets:
            k = bisect_right(known, p) - 1
            count = counts[k]
            if known[k] != p:
                count += marks.count(b" x", known[k], p + 1)  # the tokens that start from there to ``p``
                known.insert(k + 1, p)
                counts.insert(k + 1, count)
            out.append(count)
            at[count] = p
        return out

    def numbers(self) -> list[int]:
        """The indices of the tokens that are numbers (``is_number``), in order."""
        if self._numbers is None:
            in_bytes = self._byte_offsets(None)  # none with a combining mark: "5\u0301" folds to a number
            if in_bytes is not None:
                self._numbers = self._indices(in_bytes[0])
            else:
                norms = self.norms(True)
                numbers = {n for n in frozenset(norms) if n[:1].isdigit() and is_number(n)}
                self._numbers = [i for i, n in enumerate(norms) if n in numbers]
        return self._numbers

    def _number_offsets(self) -> tuple[list[int], list[int]]:
        """``_byte_offsets`` of the numbers: the layout's tokens of digits and separators only."""
        layout = self._layout
        assert layout is not None
        runs = b" " + layout.translate(_NUMBER_RUNS) + b" "  # the layout's byte ``i`` at ``i + 1``
        starts = []
        i = runs.find(b"0")  # digits are rare: found in C, then their token looked at
        while i >= 0:
            end = runs.find(b" ", i)
            if runs[i - 1] == 32 and runs.count(b"0", i, end) == end - i:
                starts.append(i - 1)
            i = runs.find(b"0", end)
        return starts, starts

    def offsets(self) -> list[int]:
        """Where each item of ``split_words(text)`` ([gap, word, gap, ..., word, gap]) starts, then the text's
        length: token ``i`` spans ``offsets[2 * i + 1]`` to ``offsets[2 * i + 2]``."""
        if self._offsets is None:
            self._offsets = list(accumulate(map(len, split_words(self.text)), initial=0))
        return self._offsets

    def spans(self, tokens: Collection[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
        """The character offsets of some runs of tokens (``start``, ``end`` exclusive) in the text.

        Cut the byte way, the tokens ``term_starts`` and ``numbers`` found are where they were found, and a
        token ends at the layout's next space. Otherwise a token is as long as its word and the gaps are the
        layout's runs of spaces: the start of a token is the previous one's plus the words' lengths between
        (summed in C) plus the spaces of the layout up to it (counted in C, a few times until the count stops
        growing)."""
        layout, at = self._layout, self._at
        if layout is not None:
            out = {}
            for run in tokens:
                start, last = at.get(run[0]), at.get(run[1] - 1)
                if start is None or last is None:
                    break
                end = layout.find(b" ", last)
                out[run] = (start, end if end >= 0 else len(layout))
            else:
                return out
        tokens = set(tokens)
        if layout is not None and self._lengths is None:
            try:
                self._lengths = bytes(map(len, self._word_list()))
            except ValueError:  # a word of 256 characters or more: counted in ``offsets`` (the layout stays)
                layout = None
        if layout is None or self._lengths is None:
            offsets = self.offsets()
            return {(s, e): (offsets[2 * s + 1], offsets[2 * e]) for s, e in tokens}
        lengths = self._lengths
        starts: dict[int, int] = {}
        done, pos = 0, len(layout) - len(layout.lstrip(b" "))  # token ``done`` starts at ``pos``
        for i in sorted({s for s, _e in tokens} | {e - 1 for _s, e in tokens}):
            base = pos + sum(lengths[done:i])
            at_i = base + i - done  # if every gap were one space
            while (more := base + layout.count(b" ", pos, at_i + 1)) != at_i:
                at_i = more
            starts[i], done, pos = at_i, i, at_i
        return {(s, e): (starts[s], starts[e - 1] + lengths[e - 1]) for s, e in tokens}

    def sentence_starts(self) -> list[int]:
        """The indices of the tokens that start a sentence, the first one left out (``sentence_breaks``),
        computed once: only the gaps that hold a sentence mark or a line break are looked at. Cut the byte
        way, a gap's tokens are found in the layout (its runs of non-spaces are the tokens, at the same
        offsets) and its index by counting the tokens before it, in C."""
        if self._sentences is not None:
            return self._sentences
        text, out = self.text, []
        layout = self._layout
        if layout is None:
            offsets = self.offsets()
            starts, ends = offsets[1:-1:2], offsets[2::2]
            size = len(starts)
            for p in _sentence_marks(text) if size > 1 else ():
                i = bisect_left(starts, p)  # the token after the mark (or after the number it is in)
                if 0 < i < size and (not out or out[-1] != i) and \
                        ends_sentence(text, (starts[i - 1], ends[i - 1]), starts[i]):
                    out.append(i)
        else:
            marks = self._marks
            if marks is None:
                marks = self._marks = b" " + layout.translate(_WORD_MARKS)
            words = marks[1:]  # "x" for every byte of a word, " " between
            count, pos = int(words[:1] == b"x"), 0  # tokens that start before ``pos``
            for p in _sentence_marks(text):
                after = words.find(b"x", p)
                if after < 0:
                    break
                first = text[after]
                if words[p] != 32 or not (first.isupper() or first.isdigit()):
                    continue  # inside a number, or not before a capital or a digit
                count += words.count(b" x", pos, p)
                pos = p
                if count and (not out or out[-1] != count):
                    end = words.rfind(b"x", 0, p) + 1
                    if ends_sentence(text, (words.rfind(b" ", 0, end) + 1, end), after):
                        out.append(count)
        self._sentences = out
        return out

    def in_one_sentence(self, starts: list[int], length: int) -> list[int]:
        """Of runs of ``length`` tokens starting at ``starts``, the starts of those that no sentence end cuts
        (``ends_sentence``): the phrases that hold."""
        if length < 2 or not starts:
            return starts
        breaks = self.sentence_starts()
        if not breaks:
            return starts
        return [s for s in starts if (b := bisect_right(breaks, s)) == len(breaks) or breaks[b] >= s + length]
