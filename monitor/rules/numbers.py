"""Numbers as Vietnamese and English news write them, read as numbers.

- Digits with thousand separators in either locale: ``4.200``, ``4,200``, ``4 200`` (a space or a
  narrow no-break space between groups of three) are 4200; ``1.000`` is one thousand.
- A separator followed by other than three digits is a decimal mark: ``1,5`` and ``1.5`` are 1.5.
- A scale word after a number multiplies it: ``1,5 triệu`` is 1,500,000, ``2 nghìn`` 2000,
  ``3 thousand`` 3000, ``1.2 million`` 1,200,000.
- Number words: ``a thousand``, ``one hundred``, ``twenty``, ``thirty-five``, ``five hundred``, ``an additional
  hundred``, ``another thousand``; ``một nghìn``,
  ``một trăm``, ``hai nghìn``, ``năm trăm``, ``năm mươi nghìn`` (a Vietnamese number word counts only with
  ``mươi`` or a scale word after it, since ``năm`` is also "year" and ``ba`` a name).
- A number in words goes on after its scale word with a smaller one: ``one hundred and forty`` (140), ``four
  thousand five hundred``, ``một trăm bốn mươi``, ``một trăm linh năm`` (105); ``rưỡi`` after a scale word is
  half of it: ``bốn nghìn rưỡi`` (4500), ``một trăm rưỡi`` (150).

A number is read only where it stands alone: ``29/5`` and ``29-5`` (dates) are two numbers that the
fact extractor never ties to troops, and ``1244`` is 1244; digits joined by a hyphen to a word with letters are part
of a name (``F-16``, ``Mi-8MTV-1``, ``T-72``), no number. Values are rounded to whole numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.rules.text import Token, is_number

__all__ = ["NumberSpan", "parse_number", "read_numbers"]

SCALES = {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
    "trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
    # pages written without diacritics ("4,5 nghin binh si", "bay tram binh si"; "tram" only after a number word, see
    # ``_WORDS_ONLY``: after digits it is "trạm", a station)
    "nghin": 1000, "ngan": 1000, "trieu": 1_000_000, "tram": 100,
}
_WORDS_ONLY = {"tram"}
EN_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# "a" / "an" are numbers only before a scale word ("a thousand"), never alone.
_EN_ALONE = {k: v for k, v in EN_WORDS.items() if k not in ("a", "an", "one")}
VI_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,
    # written without diacritics: counted, as above, only before "muoi" or a scale word ("bay tram", "ba muoi")
    "mot": 1, "bon": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}
_EN_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# A scale word alone after an article and a word of adding: "an additional hundred", "a further thousand".
_ONE_BEFORE_SCALE = {"a", "an", "another"}
_ADDING = {"additional", "extra", "further", "more"}
_VI_TENS = {"mươi", "muoi"}  # "năm mươi" is fifty, "bảy mươi lăm" seventy-five ("muoi" without diacritics)
_SPACES = {" ", "\u00a0", "\u202f", "\u2009"}
# Within a number spelled in words: "one hundred and forty", "một trăm linh năm" / "lẻ năm" (one hundred and five),
# "bốn nghìn rưỡi" (four and a half thousand).
_VI_ODD = {"linh", "lẻ", "le"}
_COMPOUND_JOINERS = {"and", *_VI_ODD}
_HALF = {"rưỡi", "ruoi"}


@dataclass(frozen=True)
class NumberSpan:
    value: int
    start: int  # index of its first token
    end: int  # index after its last token


def parse_number(text: str) -> float | None:
    """The value of one number written in digits (``4.200``, ``4,200``, ``1,5``), or None."""
    if not is_number(text):
        return None
    if text.isdigit():
        return float(text)
    for sep in ".,":
        groups = text.split(sep)
        other = "," if sep == "." else "."
        if len(groups) > 1 and other not in text and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            return float("".join(groups))
    if text.count(".") + text.count(",") == 1:
        return float(text.replace(",", "."))
    # "1.234,5" / "1,234.5": the last separator is the decimal mark
    last = max(text.rfind("."), text.rfind(","))
    whole, frac = text[:last], text[last + 1 :]
    digits = whole.replace(".", "").replace(",", "")
    return float(f"{digits}.{frac}") if digits.isdigit() else None


def _one_before(norms: Sequence[str], i: int) -> bool:
    """``an additional hundred``, ``another thousand``: one of the scale, with a word of adding between."""
    j = i - 1
    if j >= 0 and norms[j] in _ADDING:
        j -= 1
    return j >= 0 and norms[j] in _ONE_BEFORE_SCALE and (j < i - 1 or norms[j] == "another")


def read_numbers(text: str, tokens: Sequence[Token]) -> list[NumberSpan]:
    """Every number in ``tokens`` (the tokens of ``text``, see ``monitor.rules.text.tokenize``)."""
    out: list[NumberSpan] = []
    norms = [t.norm for t in tokens]
    i, n = 0, len(tokens)
    while i < n:
        read = None if _in_a_name(text, tokens[i]) else _read_at(text, tokens, norms, i)
        if read is None:
            i += 1
            continue
        value, end = read
        out.append(NumberSpan(round(value), i, end))
        i = end
    return out


_NAME_BEFORE = re.compile(r"[^\W\d_][\w]*-$")  # "F-", "Mi-8MTV-": a word with letters, then a hyphen
_NAME_REACH = 12  # characters before a number where such a word is looked for


def _in_a_name(text: str, token: Token) -> bool:
    """Digits right after a hyphen that follows a word with letters: a model or a code (``F-16``, ``Mi-8MTV-1``)."""
    return token.norm[:1].isdigit() and _NAME_BEFORE.search(text, max(0, token.start - _NAME_REACH),
                                                            token.start) is not None


def _read_at(text: str, tokens: Sequence[Token], norms: Sequence[str], i: int) -> tuple[float, int] | None:
    """The number that starts at token ``i``: its value and the index after its last token, or None."""
    n = len(norms)
    norm = norms[i]
    value: float | None = None
    end = i + 1
    if norm[0].isdigit():
        kilo = _kilo(text, tokens, norms, i)
        if kilo is not None:
            return kilo
        value = parse_number(norm)
        # "4 500": groups of three after a space
        if value is not None and len(norm) <= 3 and norm.isdigit():
            while (end < n and len(norms[end]) == 3 and norms[end].isdigit()
                   and text[tokens[end - 1].end : tokens[end].start] in _SPACES):
                value = value * 1000 + int(norms[end])
                end += 1
    elif norm in VI_WORDS and end < n and norms[end] in _VI_TENS:
        value = VI_WORDS[norm] * 10
        end += 1
        # the unit digit ("lăm", "tư", "bảy"), not "năm": "ba mươi năm" is thirty years
        if end < n and norms[end] in VI_WORDS and norms[end] not in ("mười", "một", "năm", "muoi", "mot", "nam"):
            value += VI_WORDS[norms[end]]
            end += 1
        elif end < n and norms[end] == "mốt":
            value += 1
            end += 1
    elif norm in _EN_TENS and end < n and norms[end] in _EN_UNITS:  # "thirty-five", "twenty one"
        value = EN_WORDS[norm] + _EN_UNITS[norms[end]]
        end += 1
    elif norm in EN_WORDS or norm in VI_WORDS:
        base = EN_WORDS.get(norm, VI_WORDS.get(norm))
        if end < n and norms[end] in SCALES:
            value = base
        elif norm in _EN_ALONE:
            value = base
    elif norm in ("hundred", "thousand") and _one_before(norms, i):
        value = 1
        end = i
    if value is None:
        return None
    if end < n and norms[end] in SCALES and not (norm[0].isdigit() and norms[end] in _WORDS_ONLY):
        value *= SCALES[norms[end]]
        end += 1
        value, end = _compound(text, tokens, norms, value, end, spelled=not norm[0].isdigit())
    return value, end


_KILO_DIGITS = r"\d{1,3}(?:[.,]\d{1,2})?"  # the figure before a "k" of thousands
_KILO = re.compile(f"({_KILO_DIGITS})k")  # "4k", "4.3k": thousands, as blogs and headlines write them


def _kilo(text: str, tokens: Sequence[Token], norms: Sequence[str], i: int) -> tuple[float, int] | None:
    """``4.3k`` / ``4,3k`` / ``4k`` (the "k" joined to the digits, one token or two): thousands; else None."""
    whole = _KILO.fullmatch(norms[i])
    if whole is not None:
        return float(whole.group(1).replace(",", ".")) * 1000, i + 1
    joined = (i + 1 < len(norms) and norms[i + 1] == "k" and tokens[i].end == tokens[i + 1].start
              and re.fullmatch(_KILO_DIGITS, norms[i]))
    if joined:
        return float(norms[i].replace(",", ".")) * 1000, i + 2
    return None


def _adjacent(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` (``a`` before ``b``) stand apart by white space only: no comma or full stop between."""
    return text[tokens[a].end : tokens[b].start].strip() == ""


def _compound(text: str, tokens: Sequence[Token], norms: Sequence[str], value: float, end: int,
              spelled: bool) -> tuple[float, int]:
    """A number spelled in words goes on after its scale word with a smaller one: ``one hundred and forty`` is 140,
    ``four thousand five hundred`` 4500, ``một trăm bốn mươi`` 140, ``một trăm linh năm`` 105, and ``rưỡi`` (a half)
    adds half the scale: ``bốn nghìn rưỡi`` is 4500, ``một trăm rưỡi`` 150, ``4 nghìn rưỡi`` 4500 (only ``rưỡi`` after
    digits: ``2 nghìn năm trăm`` is not written)."""
    n = len(norms)
    scale = SCALES[norms[end - 1]]
    if end >= n or not _adjacent(text, tokens, end - 1, end):
        return value, end
    if norms[end] in _HALF:
        return value + scale / 2, end + 1
    if not spelled:
        return value, end
    j = end + 1 if norms[end] in _COMPOUND_JOINERS else end
    if j >= n or (j > end and not _adjacent(text, tokens, end, j)):
        return value, end
    if norms[end] in _VI_ODD:  # "linh năm": a single digit, "năm" included
        unit = VI_WORDS.get(norms[j])
        return (value + unit, j + 1) if unit is not None and unit < 10 else (value, end)
    if norms[j][0].isdigit():
        return value, end
    if j > end and norms[j] == "one" and not (j + 1 < len(norms) and norms[j + 1] in SCALES):
        return value + 1, j + 1  # "a hundred and one" ("one" alone is no number: "one of them")
    piece = _read_at(text, tokens, norms, j)
    if piece is None or piece[0] >= scale:
        return value, end
    # with no "and", English goes on with tens or a smaller scale ("a hundred twenty", "four thousand five hundred");
    # "a thousand two days later" is two numbers
    if j == end and norms[j] in EN_WORDS and piece[0] < 20 and norms[piece[1] - 1] not in SCALES:
        return value, end
    return value + piece[0], piece[1]
