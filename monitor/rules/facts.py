"""Troop-count facts: the figures of one force's strength an article states, in Vietnamese and English.

A topic may carry a fact extractor (``facts`` in rules.toml) that names the force (``KFOR``), the place
it serves in (``Kosovo``) and the other forces and armies whose figures are not its own. In every
sentence of the article the extractor reads numbers as numbers (``numbers.read_numbers``) and keeps
those that count troops (a troop word right after the number: ``4.200 binh sĩ``, ``700 additional
troops``, ``nearly 4,600 women and men``). A troop figure is the force's when the sentence, or the
sentence before it, names the force or its place, and no other force or army stands next to the
figure (``1.000 quân nhân và cảnh sát Serbia``). It is then:

- a **total** when the sentence says what the force comes to (``bring KFOR to 4,800``, ``sẽ lên
  khoảng 4.800``, ``lực lượng sẽ còn 4.400``), when the force is named before the figure with a verb
  of having (``KFOR has about 4,500 troops``, ``KFOR hiện có 4.700 quân nhân``, ``the force of about
  4,700``), or when the figure is of troops from many countries (``4,500 troops from 28 Allies``);
- a **change** when a verb or word of moving troops stands near it: added (``send``, ``deploy``,
  ``700 more``, ``bổ sung``, ``điều thêm``, ``tới Kosovo``) or, negative, removed (``withdraw``,
  ``pull``, ``bring home``, ``rút``, ``cắt giảm``, ``về nước``);
- nothing otherwise: a national contingent's size (``Poland's 250 soldiers in KFOR``), soldiers
  injured, a figure of the past with no movement.

The part of a whole (``100 of its roughly 250 soldiers``) is the figure; the whole is not.
The same (kind, value) is listed once per topic. Pure logic, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.records import Article, Fact
from monitor.rules.numbers import NumberSpan, read_numbers
from monitor.rules.query import list_term
from monitor.rules.text import Token, norm_word, tokenize

__all__ = ["FactRules", "extract_facts", "sentences"]

_Pattern = tuple[tuple[str, bool], ...]  # the words of a term: (norm, is_prefix)


def _patterns(items: Sequence[str], fold: bool) -> tuple[_Pattern, ...]:
    out = []
    for item in items:
        term = list_term(item)
        out.append(tuple((norm_word(w.text, fold), w.prefix) for w in term.words))
    return tuple(out)


@dataclass(frozen=True)
class FactRules:
    """What a topic's troop-fact extractor looks for; built from rules.toml term lists."""

    force: tuple[_Pattern, ...]
    place: tuple[_Pattern, ...] = ()
    others: tuple[_Pattern, ...] = ()

    @classmethod
    def of(cls, force: Sequence[str], place: Sequence[str] = (), others: Sequence[str] = ()) -> FactRules:
        """Compile term lists (words, phrases, ``prefix*``); diacritics and case are folded."""
        return cls(_patterns(force, True), _patterns(place, True), _patterns(others, True))


# ── the language of troop figures ────────────────────────────────────────────────────────────────
# Words are compared after case folding and tone unification, diacritics kept (``thêm`` is not
# ``them``); Vietnamese entries are listed with and without diacritics where that is unambiguous.


def _words(*items: str) -> tuple[_Pattern, ...]:
    return tuple(tuple((norm_word(w.text, False), w.prefix) for w in list_term(i).words) for i in items)


UNITS = _words(
    "troops", "troop", "soldiers", "soldier", "personnel", "servicemembers", "service members",
    "servicemen", "peacekeepers", "women and men", "men and women", "military personnel", "marines",
    "paratroopers", "binh sĩ", "binh si", "quân nhân", "quan nhan", "binh lính", "lính", "quân",
    "chiến sĩ", "lính gìn giữ hòa bình", "nhân viên quân sự",
)
# Between a number and its troop word at most this many words (``700 additional troops``,
# ``200 British soldiers``); Vietnamese puts the word right after the number.
_UNIT_GAP = 2
# ... and those words are not function words: "1244 with troops", "29 countries and troops" are no figures.
_GAP_STOP = frozenset(norm_word(w, False) for w in (
    "with from of in on at to by for and or the a an as than after before since per was were is are "
    "và với từ của ở tại trong cho năm ngày tháng là có được đã sẽ").split())
_PARTITIVE = _words("of its", "of their", "of the", "of our", "trong số", "trong tổng số")

ADD = _words(
    "send", "sends", "sent", "sending", "deploy*", "dispatch*", "additional", "extra", "more",
    "reinforce*", "arriv*", "join", "joins", "joined", "joining", "boost*", "add", "adds", "added",
    "bolster*", "contribute an additional",
    "thêm", "bổ sung", "tăng cường", "tăng viện", "điều", "điều động", "triển khai", "gửi", "tới kosovo",
    "đến kosovo", "gia nhập", "tăng thêm", "đã tới", "đã đến", "sẽ tới", "sẽ đến",
)
REMOVE = _words(
    "withdraw*", "withdrew", "pull", "pulls", "pulled", "pulling", "bring home", "brings home",
    "brought home", "bring back", "return home", "returning home", "cut", "cuts", "reduc*", "draw down",
    "drawdown", "repatriat*", "leave", "leaving",
    "rút", "rút quân", "cắt giảm", "giảm", "về nước", "trở về", "hồi hương", "rời", "rời khỏi",
)
# ``bring KFOR to 4,800``, ``sẽ lên 4.800``, ``sẽ còn 4.400``: what the force comes to.
REACH = _words("to", "lên", "còn", "đạt", "at")
# A verb of having right before the figure, with the force named earlier in the sentence.
HAVE = _words(
    "has", "have", "had", "numbers", "numbering", "totals", "totalling", "totaling", "comprises",
    "comprising", "of", "with", "counts", "fields", "strength", "có", "hiện có", "duy trì", "gồm", "với",
    "bởi", "khoảng", "quân số", "tổng quân số",
)
# Before a figure, skipped when looking at what precedes it.
_APPROX = _words(
    "about", "around", "some", "nearly", "almost", "roughly", "approximately", "over", "more than",
    "fewer than", "less than", "up to", "an estimated", "at least", "close to", "just over", "just under",
    "currently", "now", "today", "still", "another", "an additional", "additional", "a further", "a total of",
    "khoảng", "gần", "hơn", "trên", "chừng", "ước tính", "ít nhất", "tới", "hiện", "hiện nay", "thêm",
    "tổng cộng", "xấp xỉ", "chưa đến", "dưới",
)
# ``from 28 Allies and partners``, ``đến từ 29 quốc gia``: the figure is of many nations' troops.
_NATIONS = _words("countries", "nations", "allies", "states", "quốc gia", "nước", "thành viên")
_FROM = _words("from", "từ", "đến từ")
# Words that point back at the force: ``the mission``, ``lực lượng này``.
ANAPHORA = _words("which", "the force", "the mission", "lực lượng", "sứ mệnh", "phái bộ", "liên minh")

_ADD_WINDOW_BEFORE = 8  # words before the figure where a verb of moving troops is looked for
_ADD_WINDOW_AFTER = 16  # and after its troop word (Vietnamese syllables make clauses long)
_OTHERS_WINDOW = 4  # words around the figure where another force or army excludes it


# ── sentences ────────────────────────────────────────────────────────────────────────────────────

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9])|\n+")
_ABBREV = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z])\.$")  # "Mr.", "Gen.", "U.S." before a break


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (and lines); abbreviations such as ``Gen.`` do not end one."""
    out: list[str] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[pos : m.start()]
        if "\n" not in m.group() and _ABBREV.search(piece):
            continue
        if piece.strip():
            out.append(piece.strip())
        pos = m.end()
    if text[pos:].strip():
        out.append(text[pos:].strip())
    return out


# ── matching helpers ─────────────────────────────────────────────────────────────────────────────


def _at(norms: Sequence[str], i: int, pattern: _Pattern) -> bool:
    if i < 0 or i + len(pattern) > len(norms):
        return False
    for k, (word, prefix) in enumerate(pattern):
        actual = norms[i + k]
        if not (actual.startswith(word) if prefix else actual == word):
            return False
    return True


class _PatternSet:
    """Patterns indexed by their first word, so a scan looks each word up once."""

    def __init__(self, patterns: Sequence[_Pattern]) -> None:
        self.exact: dict[str, list[_Pattern]] = {}
        self.prefixed: list[_Pattern] = []
        for p in patterns:
            if p[0][1]:
                self.prefixed.append(p)
            else:
                self.exact.setdefault(p[0][0], []).append(p)

    def at(self, norms: Sequence[str], i: int) -> bool:
        return any(_at(norms, i, p) for p in self.exact.get(norms[i], ())) or any(
            _at(norms, i, p) for p in self.prefixed)


_SETS: dict[int, tuple[Sequence[_Pattern], _PatternSet]] = {}


def _set_of(patterns: Sequence[_Pattern]) -> _PatternSet:
    found = _SETS.get(id(patterns))
    if found is None or found[0] is not patterns:
        found = _SETS[id(patterns)] = (patterns, _PatternSet(patterns))
    return found[1]


def _find(norms: Sequence[str], patterns: Sequence[_Pattern], lo: int = 0, hi: int | None = None) -> list[int]:
    """Start positions in ``norms[lo:hi]`` where one of ``patterns`` occurs."""
    hi = len(norms) if hi is None else min(hi, len(norms))
    pset = _set_of(patterns)
    return [i for i in range(max(lo, 0), hi) if pset.at(norms, i)]


def _ending_at(norms: Sequence[str], end: int, patterns: Sequence[_Pattern]) -> int | None:
    """The start of the longest pattern that ends right before position ``end``, if any."""
    best = None
    for p in patterns:
        start = end - len(p)
        if _at(norms, start, p) and (best is None or start < best):
            best = start
    return best


def _skip_back(norms: Sequence[str], pos: int) -> int:
    """Position ``pos`` moved back over approximators and adverbs (``about``, ``hiện có khoảng``)."""
    while True:
        start = _ending_at(norms, pos, _APPROX)
        if start is None:
            return pos
        pos = start


@dataclass(frozen=True)
class _Figure:
    value: int
    start: int  # token index of the number
    end: int  # token index after the troop word
    unit_end: int


def _figures(tokens: Sequence[Token], norms: Sequence[str], numbers: Sequence[NumberSpan]) -> list[_Figure]:
    """The numbers of troops in a sentence (a number with a troop word right after it)."""
    figures: list[_Figure] = []
    wholes: set[int] = set()
    by_start = {n.start: n for n in numbers}
    for n in numbers:
        if n.start in wholes:
            continue
        unit = _unit_after(norms, n.end, by_start)
        if unit is None:
            part = _partitive(norms, n.end, by_start)
            if part is None:
                continue
            whole, unit = part
            wholes.add(whole)
        figures.append(_Figure(n.value, n.start, n.end, unit))
    return figures


def _unit_after(norms: Sequence[str], pos: int, numbers: dict[int, NumberSpan]) -> int | None:
    for gap in range(_UNIT_GAP + 1):
        if pos + gap in numbers or (gap and pos + gap - 1 < len(norms) and norms[pos + gap - 1] in _GAP_STOP):
            return None
        for p in UNITS:
            if _at(norms, pos + gap, p):
                return pos + gap + len(p)
    return None


def _partitive(norms: Sequence[str], pos: int, numbers: dict[int, NumberSpan]) -> tuple[int, int] | None:
    """``100 of its roughly 250 soldiers``: the whole's start and the troop word's end."""
    for p in _PARTITIVE:
        if _at(norms, pos, p):
            after = pos + len(p)
            for k in range(after, after + 3):
                if k in numbers:
                    unit = _unit_after(norms, numbers[k].end, numbers)
                    return (k, unit) if unit is not None else None
            unit = _unit_after(norms, after, numbers)  # "one hundred of our soldiers"
            return (-1, unit) if unit is not None else None
    return None


# ── the extractor ────────────────────────────────────────────────────────────────────────────────


def _classify(fig: _Figure, norms: Sequence[str], folded: Sequence[str], rules: FactRules) -> int | None:
    """The fact kind of a figure of the force: 0 total, +1 added, -1 removed, None neither."""
    before = _skip_back(norms, fig.start)
    force_before = _find(folded, rules.force, 0, before) or _find(norms, ANAPHORA, 0, before)
    if before > 0 and _ending_at(norms, before, REACH) is not None and force_before:
        return 0
    if force_before and _ending_at(norms, before, HAVE) is not None:
        return 0
    after = fig.unit_end
    if _ending_at(norms, after + 1, _FROM) is not None or _ending_at(norms, after + 2, _FROM) is not None:
        tail = _find(norms, _NATIONS, after + 1, after + 5)
        if tail:
            return 0
    lo, hi = fig.start - _ADD_WINDOW_BEFORE, fig.unit_end + _ADD_WINDOW_AFTER
    removes = [i for i in _find(norms, REMOVE, lo, hi) if not fig.start <= i < fig.unit_end]
    if removes:
        return -1
    adds = [i for i in _find(norms, ADD, lo, hi) if not fig.start <= i < fig.unit_end]
    # "more" / "thêm" count only where they qualify the troops, not in "more than 800"
    adds = [i for i in adds if norms[i] not in ("more", "hơn") or i >= fig.start]
    if adds:
        return 1
    return None


def _near_others(folded: Sequence[str], fig: _Figure, rules: FactRules) -> bool:
    lo, hi = fig.start - _OTHERS_WINDOW, fig.unit_end + _OTHERS_WINDOW
    return bool(rules.others and _find(folded, rules.others, lo, hi))


# A sentence with no digit and no number word cannot state a figure.
_MAY_COUNT = re.compile(r"\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|trăm|nghìn|"
                        r"ngàn|triệu)\b", re.I)


def _names(sentence: str, rules: FactRules) -> bool:
    folded = [norm_word(t.norm, True) for t in tokenize(sentence, fold_diacritics=False)]
    return bool(_find(folded, rules.force) or _find(folded, rules.place))


def extract_facts(rules: FactRules, topic_id: str, article: Article) -> tuple[Fact, ...]:
    """The troop facts of the force ``rules`` names that ``article`` states, in reading order."""
    facts: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    for text in (article.title, article.summary, article.body):
        previous_names_force = False
        for sentence in sentences(text):
            if not _MAY_COUNT.search(sentence) and not previous_names_force:
                previous_names_force = _names(sentence, rules)
                continue
            tokens = tokenize(sentence, fold_diacritics=False)
            norms = [t.norm for t in tokens]
            folded = [norm_word(t.norm, True) for t in tokens]
            names_force = bool(_find(folded, rules.force) or _find(folded, rules.place))
            tied = names_force or previous_names_force
            previous_names_force = names_force
            if not tied:
                continue
            for fig in _figures(tokens, norms, read_numbers(sentence, tokens)):
                if _near_others(folded, fig, rules):
                    continue
                kind = _classify(fig, norms, folded, rules)
                if kind is None:
                    continue
                fact = Fact(topic_id, "total" if kind == 0 else "change", fig.value * (kind or 1), sentence)
                if (fact.kind, fact.value) not in seen:
                    seen.add((fact.kind, fact.value))
                    facts.append(fact)
    return tuple(facts)
