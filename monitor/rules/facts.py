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
  injured or killed, a ceiling (``tối đa 400 binh sĩ``, ``a maximum of 235``), a figure of the past with
  no movement.

Strength is also written without a troop word after the number, and those figures are read too:
``the 6,000-strong force`` (a total); a number whose troop word comes with the next number
(``from nearly 3,800 to about 4,500 troops``, ``350 German and 250 Austrian soldiers``); a number in
the thousands right after a verb of having, reaching or removing with the force named before it
(``has some 14,000 now``, ``will be cut to about 10,000 by January``, ``has shed about 4,000``).
``from X to Y`` of the force's strength states two totals and the change between them (Y - X).
A figure that troops are added to (``bổ sung cho 18.500 binh sĩ của KFOR``, ``join the 4,500 troops
of KFOR``) is the force's total, not a change.

``to Y ... from X`` (``cut to 10,000 by January from some 14,000 now``) states two totals and no change.
Two troop figures joined by "and" (``550 German and 150 Austrian soldiers``) are parts of one group: never
the force's total, troops added or removed when the sentence before tells troops arriving or leaving.
A word of direction before the place (``bắt đầu tới Cô-xô-vô``) is an arrival. Vietnamese written without
diacritics is read with the word lists folded.

The part of a whole (``100 of its roughly 250 soldiers``) is the figure; the whole is not.

General guards and loosenings, for phrasings not seen before: a total is in the thousands (``MIN_TOTAL``);
nationalities or a word of adding may stand between a number and its troop word; a Vietnamese clause is longer
in words, so its window for a verb of moving is longer; a figure introduced by ``including`` / ``trong đó có``
moves with the group the sentence moved before it; ``by N`` after a verb of changing the force is the change;
troops in the thousands that open a sentence and serve in the force, or that NATO has in the force's place, are
its strength.
The same (kind, value) is listed once per topic. Pure logic, no I/O.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

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
    "chiến sĩ", "lính gìn giữ hòa bình", "nhân viên quân sự", "commandos", "reservists", "reinforcements",
    "infantrymen", "lính đặc nhiệm", "quân tăng viện", "quân tiếp viện",
)
# A troop word that is itself troops added: ``700 reinforcements``, ``700 quân tăng viện``.
_REINFORCEMENTS = _words("reinforcements", "quân tăng viện", "quân tiếp viện")
# Between a number and its troop word at most this many words (``700 additional troops``,
# ``200 British soldiers``); Vietnamese puts the word right after the number.
_UNIT_GAP = 2
# ... and those words are not function words: "1244 with troops", "29 countries and troops" are no figures.
_GAP_STOP = frozenset(norm_word(w, False) for w in (
    "with from of in on at to by for and or the a an as than after before since per was were is are "
    "và với từ của ở tại trong cho năm ngày tháng là có được đã sẽ").split())
_PARTITIVE = _words("of its", "of their", "of the", "of our", "trong số", "trong tổng số")

ADD = _words(
    "send", "sends", "sent", "sending", "deploy", "deploys", "deployed", "deploying", "deployment of",
    "deployments of", "redeploy*", "dispatch*", "additional", "extra", "more",
    "reinforce*", "arriv*", "join", "joins", "joined", "joining", "boost*", "add", "adds", "added",
    "bolster*", "contribute an additional", "landed", "lands", "increase", "increases", "increased",
    "increasing", "grow", "grows", "growing", "expand*",
    "thêm", "bổ sung", "tăng cường", "tăng viện", "điều", "điều động", "triển khai", "gửi", "tới kosovo",
    "đến kosovo", "gia nhập", "tăng", "tăng thêm", "đã tới", "đã đến", "sẽ tới", "sẽ đến", "hạ cánh", "touched down",
    "touch down", "touches down", "cử thêm", "đã cử", "sẽ cử", "phái thêm", "augment*", "beef up", "beefs up",
    "beefed up",
)
# ``bắt đầu tới Cô-xô-vô``, ``flown into Kosovo``: a word of direction right before the place is an arrival.
_TOWARD = frozenset(norm_word(w, False) for w in "to into tới đến sang vào toi den vao".split())
# ... and a word of leaving right before it is a departure (``left Kosovo``, ``rời khỏi Cô-xô-vô``).
_AWAY = frozenset(norm_word(w, False) for w in "left leave leaves leaving departed quit khỏi rời roi khoi".split())
REMOVE = _words(
    "withdraw*", "withdrew", "pull", "pulls", "pulled", "pulling", "bring home", "brings home",
    "brought home", "bring back", "return home", "returns home", "returned home", "returning home", "go home",
    "goes home", "went home", "going home", "come home", "came home", "coming home", "head home", "headed home",
    "cut", "cuts", "reduc*", "draw down",
    "drawdown", "repatriat*", "leave", "leaving", "shed", "sheds", "shedding", "scale back", "scaled back",
    "rút", "rút quân", "cắt giảm", "giảm", "về nước", "trở về", "hồi hương", "rời", "rời khỏi",
    "recall", "recalls", "recalled", "recalling", "shrink*", "shrank", "trim", "trims", "trimmed", "trimming",
    "downsiz*", "slash*", "triệu hồi", "triệu tập về", "rút về", "thu hẹp",
)
# ``bring KFOR to 4,800``, ``sẽ lên 4.800``, ``sẽ còn 4.400``: what the force comes to.
REACH = _words("to", "lên", "còn", "đạt", "at", "xuống")
# A verb of having right before the figure, with the force named earlier in the sentence.
HAVE = _words(
    "has", "have", "had", "number", "numbers", "numbered", "numbering", "total", "totals", "totalled", "totaled",
    "totalling", "totaling", "comprise", "comprises", "comprised", "consists of", "consisting of", "made up of",
    "keeps", "maintains", "stands at", "stood at", "force of", "mission of",
    "comprising", "of", "with", "counts", "fields", "strength", "có", "hiện có", "duy trì", "gồm", "với",
    "bởi", "khoảng", "quân số", "tổng quân số", "quy mô", "quy mô khoảng",
)
# Before a figure, skipped when looking at what precedes it.
_APPROX = _words(
    "about", "around", "some", "nearly", "almost", "roughly", "approximately", "over", "more than",
    "fewer than", "less than", "up to", "an estimated", "at least", "close to", "just over", "just under",
    "currently", "now", "today", "still", "another", "an additional", "additional", "a further", "a total of",
    "the current", "its current", "the present",
    "khoảng", "gần", "hơn", "trên", "chừng", "ước tính", "ít nhất", "tới", "hiện", "hiện nay", "thêm",
    "tổng cộng", "xấp xỉ", "chưa đến", "dưới",
)
# ``from 28 Allies and partners``, ``đến từ 29 quốc gia``: the figure is of many nations' troops.
_NATIONS = _words("countries", "nations", "allies", "states", "quốc gia", "nước", "thành viên")
_FROM = _words("from", "từ", "đến từ")
# After a figure: the soldiers were casualties, not a strength (``30 soldiers were injured``).
_CASUALTY = _words("injured", "wounded", "killed", "hurt", "dead", "died", "bị thương", "thiệt mạng", "tử vong",
                   "hy sinh", "tử trận")
_CASUALTY_WINDOW = 6  # words after the troop word ("30 binh sĩ gìn giữ hòa bình bị thương")
# Before a figure: a ceiling, not troops sent (``tối đa 400 binh sĩ``, ``a maximum of 235``).
# What a mandate allows is a ceiling too (``the mandate, which allows for up to 8,500 troops``).
_CAP = _words("tối đa", "maximum of", "a maximum of", "maximum", "ceiling of", "cap of", "limit of", "no more than",
              "không quá", "allows for", "allow for", "allows", "allowing", "authorises", "authorizes",
              "authorising", "authorizing", "permits")
# After a figure: what may be deployed is a ceiling (``up to 400 soldiers of the Bundeswehr may be deployed``).
_PERMITTED = _words("may", "might", "can", "could", "được phép", "có thể được")
_PERMITTED_WINDOW = 5  # words after the troop word
# Before a figure: what troops are added to, i.e. the force's strength (``bổ sung cho 18.500 binh sĩ``).
_RECIPIENT = _words("bổ sung cho", "tăng cường cho", "add to", "adds to", "added to", "adding to", "join the",
                    "joins the", "joined the", "joining the", "reinforce the", "reinforcing the", "bolster the",
                    "swell the", "swelling the")
# Between two numbers: the first shares the second's troop word (``from 3,800 to 4,500 troops``).
_JOINERS = frozenset(norm_word(w, False) for w in "and or to và hoặc lên xuống đến tới còn".split())
_FROM_X = _words("from", "từ")
_TO_Y = _words("to", "lên", "xuống", "xuống còn", "đến", "tới")
# ``the 6,000-strong force``: a strength when a word of the force follows, a contingent's size otherwise.
_STRONG = _words("strong")
_FORCE_WORDS = _words("force", "mission", "peacekeeping force", "nato-led force", "nato force")
# A number with no troop word is read only before one of these (or at the end of the sentence).
_BARE_NEXT = frozenset(norm_word(w, False) for w in (
    "now today currently by in at this next from as after before when since following under hiện nay vào trong "
    "từ sau khi kể người once until upon").split())
# A sentence that speaks of troops or strength; a number with no troop word needs one (or the force close by).
_STRENGTH = _words("strength", "troop level", "troop levels", "quân số", "tổng quân số", "sĩ số")
# Between a word of strength and the figure: "quân số ... hiện là 4.000", "its strength is about 4,500".
_COPULA = _words("is", "was", "is now", "now", "stands at", "stood at", "là", "hiện là", "nay là", "lên tới",
                 "ở mức")
# The force speaking of its own strength, in an interview or a statement.
_WE_ARE = _words("we are", "we will be", "we ll be", "we would be", "we number", "we have", "we now have",
                 "we currently have", "we are now", "chúng tôi có", "chúng tôi hiện có", "chúng tôi sẽ có")
# Before a word of moving troops: the movement is denied or ruled out.
_NEGATION = _words("not", "never", "won t", "wouldn t", "don t", "doesn t", "didn t", "no plans to", "không", "chưa",
                   "chẳng", "không có kế hoạch")

# The alliance that leads the force, and the words that put troops in a place.
_ALLIANCE = _words("nato", "the alliance", "na-tô", "na tô", "liên minh")
_IN_PLACE = _words("in", "at", "ở", "tại", "on")
# Words of adding between a number and its troop word: ``50 additional soldiers``, ``200 more U.S. troops``.
_ADD_ADJ = frozenset(norm_word(w, False) for w in "additional extra more further new fresh thêm".split())

# Words that point back at the force: ``the mission``, ``lực lượng này``.
# ("which" is not one: ``Germany, which ... has 2,300 soldiers`` is a country's contingent.)
ANAPHORA = _words("the force", "the mission", "lực lượng", "sứ mệnh", "phái bộ", "liên minh")

# KFOR has never counted fewer than a few thousand troops: a smaller figure is a contingent or a change.
MIN_TOTAL = 1000
_ADD_WINDOW_BEFORE = 8  # words before the figure where a verb of moving troops is looked for
_ADD_WINDOW_AFTER = 16  # and after its troop word
_VI_WINDOW_SCALE = 1.5  # Vietnamese words are syllables: the same clause is half as long again in tokens


def _windows(norms: Sequence[str]) -> tuple[int, int]:
    """How many words before a figure and after its troop word a verb of moving troops may stand."""
    if type(norms) is _Unaccented or any(_VI_MARKS.search(w) for w in norms):
        return round(_ADD_WINDOW_BEFORE * _VI_WINDOW_SCALE), round(_ADD_WINDOW_AFTER * _VI_WINDOW_SCALE)
    return _ADD_WINDOW_BEFORE, _ADD_WINDOW_AFTER
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


class _Unaccented(list):
    """The words of a Vietnamese sentence written without diacritics (``dieu them 700 binh si``): the
    word lists are compared folded there, since ``thêm`` can only be ``them`` in such a text."""


@functools.cache
def _fold_pattern(pattern: _Pattern) -> _Pattern:
    return tuple((norm_word(word, True), prefix) for word, prefix in pattern)


_FOLDED: dict[int, tuple[Sequence[_Pattern], tuple[_Pattern, ...]]] = {}


def _folded(patterns: Sequence[_Pattern]) -> tuple[_Pattern, ...]:
    found = _FOLDED.get(id(patterns))
    if found is None or found[0] is not patterns:
        found = _FOLDED[id(patterns)] = (patterns, tuple(_fold_pattern(p) for p in patterns))
    return found[1]


_VI_MARKS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
_VI_UNACCENTED = _words("binh si", "quan nhan", "binh linh", "luc luong", "nguoi linh")


def _words_of(sentence: str, norms: list[str]) -> list[str]:
    """``norms``, marked as unaccented Vietnamese when the sentence has no diacritic but Vietnamese troop words."""
    if not _VI_MARKS.search(sentence) and _find(norms, _VI_UNACCENTED):
        return _Unaccented(norms)
    return norms


def _at(norms: Sequence[str], i: int, pattern: _Pattern) -> bool:
    if i < 0 or i + len(pattern) > len(norms):
        return False
    if type(norms) is _Unaccented:
        pattern = _fold_pattern(pattern)
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
    pset = _set_of(_folded(patterns) if type(norms) is _Unaccented else patterns)
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
    end: int  # token index after the number
    unit_end: int  # token index after the troop word (after the number when it has none)
    bare: bool = False  # no troop word: read only by a verb of having, reaching or removing before it
    strong: bool = False  # "the 6,000-strong force": a total
    part: bool = False  # "550 German and 150 Austrian soldiers": a part of a breakdown, never the force's total
    apposed: bool = False  # right after a colon or a dash: "Kfor was a vast enterprise: some fifty thousand soldiers"


def _figures(tokens: Sequence[Token], norms: Sequence[str], numbers: Sequence[NumberSpan],
             text: str = "") -> list[_Figure]:
    """The numbers of troops in a sentence (a number with a troop word right after it), and the numbers
    of strength written without one (``6,000-strong``, ``from 3,800 to 4,500 troops``, ``has 14,000 now``)."""
    figures: list[_Figure] = []
    wholes: set[int] = set()
    by_start = {n.start: n for n in numbers}
    for k, n in enumerate(numbers):
        if n.start in wholes:
            continue
        if _DATE_PART.match(text, tokens[n.end - 1].end) or _DATE_PART_BEFORE.search(text, 0, tokens[n.start].start):
            continue  # "ngày 7/10", "29-5": a date
        # a troop word is in the number's clause: "ngày 7/10, các binh sĩ" is no figure
        unit = None if _CLAUSE_END.match(text, tokens[n.end - 1].end) else _unit_after(norms, n.end, by_start)
        if unit is None:
            part = _partitive(norms, n.end, by_start)
            if part is not None:
                whole, unit = part
                wholes.add(whole)
        if unit is None and not _CLAUSE_END.match(text, tokens[n.end - 1].end):
            unit = _unit_after_names(tokens, norms, text, n.end)
        shared = _shares_unit(norms, n, numbers[k + 1], by_start) if k + 1 < len(numbers) else None
        if unit is None and shared:
            unit = n.end
        if unit is not None:
            lead = _skip_back(norms, n.start)
            apposed = lead > 0 and bool(_APPOSITION.search(text, tokens[lead - 1].end, tokens[lead].start))
            figures.append(_Figure(n.value, n.start, n.end, unit, apposed=apposed))
        elif _at(norms, n.end, _STRONG[0]):
            if any(_at(norms, n.end + 1 + gap, p) for gap in (0, 1) for p in _FORCE_WORDS):
                figures.append(_Figure(n.value, n.start, n.end, n.end + 1, strong=True))
        elif _thousands(tokens, n) and (n.end >= len(norms) or norms[n.end] in _BARE_NEXT
                                        or _CLAUSE_END.match(text, tokens[n.end - 1].end) or (
                shared is False and _thousands(tokens, numbers[k + 1]) and norms[n.end] in _JOINERS)):
            figures.append(_Figure(n.value, n.start, n.end, n.end, bare=True))
    return _mark_parts(figures, norms)


_CLAUSE_END = re.compile(r"\s*[,;:)]")
_APPOSITION = re.compile(r"[:\u2013\u2014]")
_DATE_PART = re.compile(r"[/\-.]\d")  # 29/5, 29-5, 29.5: the day before a month
_DATE_PART_BEFORE = re.compile(r"\d[/\-.]$")  # ... and the month after a day
_AND = frozenset(norm_word(w, False) for w in "and plus và cùng cộng".split())


def _mark_parts(figures: list[_Figure], norms: Sequence[str]) -> list[_Figure]:
    """``550 quân nhân Đức và 150 quân nhân Áo``, ``350 German and 250 Austrian soldiers``: two troop figures
    joined by "and" are parts of one group (a breakdown by nation or unit), so neither is the force's whole."""
    parts: set[int] = set()
    for a, b in zip(figures, figures[1:], strict=False):
        if a.bare or b.bare or a.strong or b.strong:
            continue
        between = norms[a.unit_end : b.start]
        if len(between) <= 3 and any(w in _AND for w in between):
            parts |= {a.start, b.start}
    return [replace(f, part=True) if f.start in parts else f for f in figures]


def _shares_unit(norms: Sequence[str], n: NumberSpan, nxt: NumberSpan,
                 numbers: dict[int, NumberSpan]) -> bool | None:
    """``350 German and 250 Austrian soldiers``, ``from 3,800 to about 4,500 troops``: True when ``n`` is
    counted in the troop word of the next number, False when the two are joined but the next has no troop
    word either (``from 3,800 to 4,500.``), None when they are not joined."""
    between = norms[n.end : nxt.start]
    if len(between) > 3 or not any(w in _JOINERS for w in between):
        return None
    return _unit_after(norms, nxt.end, numbers) is not None


def _thousands(tokens: Sequence[Token], n: NumberSpan) -> bool:
    """A number that can be a strength on its own: in the thousands, written with a separator or a
    scale word (``14,000``, ``10.000``, ``một nghìn``), never a bare year (``2026``)."""
    if n.value < 1000:
        return False
    return n.end - n.start > 1 or not tokens[n.start].norm.isdigit()


def _unit_after(norms: Sequence[str], pos: int, numbers: dict[int, NumberSpan]) -> int | None:
    for gap in range(_UNIT_GAP + 1):
        if pos + gap in numbers or (gap and pos + gap - 1 < len(norms) and norms[pos + gap - 1] in _GAP_STOP):
            return None
        for p in UNITS:
            if _at(norms, pos + gap, p):
                return pos + gap + len(p)
    return None


_NAMES_GAP = 4  # "seven hundred German and Austrian soldiers", "300 U.S. and Italian troops"


def _unit_after_names(tokens: Sequence[Token], norms: Sequence[str], text: str, pos: int) -> int | None:
    """The troop word after a run of capitalized names joined by "and" (nationalities, units): its end."""
    for k in range(pos, min(pos + _NAMES_GAP + 1, len(norms))):
        unit = next((k + len(p) for p in UNITS if _at(norms, k, p)), None)
        if unit is not None:
            return unit if k > pos else None
        word = text[tokens[k].start : tokens[k].end]
        if not (word[:1].isupper() or norms[k] in _AND or norms[k] in _ADD_ADJ):
            return None
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
    # "30 soldiers from KFOR, NATO's 3,700-strong Kosovo mission, were injured": the casualties are the 30
    hurt = not fig.strong and _find(norms, _CASUALTY, fig.unit_end, fig.unit_end + _CASUALTY_WINDOW)
    if hurt or _cumulative(norms, fig):
        return None
    # the force's strength is in the thousands; "trong đó có bốn mươi quân nhân" is a contingent, never a total
    whole = not fig.part and fig.value >= MIN_TOTAL
    before = _skip_back(norms, fig.start)
    if (_ending_at(norms, before, _CAP) is not None
            or _find(norms, _PERMITTED, fig.unit_end, fig.unit_end + _PERMITTED_WINDOW)):
        return None
    if fig.strong and whole:
        return 0
    force_before = _find(folded, rules.force, 0, before) or _find(norms, ANAPHORA, 0, before)
    if _ending_at(norms, before, _RECIPIENT) is not None:
        return 0 if whole and (_find(folded, rules.force) or force_before) else None
    # "KFOR's Polish contingent has 250 soldiers": what a contingent has or reaches is not the force's.
    of_force = force_before and not _find(norms, _CONTINGENT, force_before[-1] - 3, before)
    if before > 0 and _ending_at(norms, before, REACH) is not None and of_force and whole:
        return 0
    have = _ending_at(norms, before, HAVE)
    if of_force and have is not None and whole:
        return 0
    # "NATO has about 4,500 troops in Kosovo": the alliance's troops in the force's place are the force
    if (have is not None and whole and _ending_at(norms, have, _ALLIANCE) is not None
            and any(_at(norms, fig.unit_end, p) and _find(folded, rules.place, fig.unit_end + len(p),
                                                          fig.unit_end + len(p) + 1) for p in _IN_PLACE)):
        return 0
    # "Today we are about 4,500", "we will be close to 4,800 soldiers": the force speaking of its strength
    if _ending_at(norms, before, _WE_ARE) is not None and whole:
        return 0
    # "Kfor was a vast enterprise: some fifty thousand soldiers": the force named, then its strength after a colon
    if (fig.apposed and whole and _find(folded, rules.force, before - 8, before)
            and not _find(norms, ADD + REMOVE, before - 8, before)):
        return 0
    # "quân số của phái bộ hiện là hơn 4.000 binh sĩ", "KFOR's strength is now about 4,500"
    copula = _ending_at(norms, before, _COPULA)
    if of_force and copula is not None and _find(norms, _STRENGTH, copula - 5, copula) and whole:
        return 0
    if whole and _serving_in_force(fig, before, norms, folded, rules):
        return 0
    if fig.bare:
        return _classify_bare(fig, before, norms, folded, rules)
    after = fig.unit_end
    if _ending_at(norms, after + 1, _FROM) is not None or _ending_at(norms, after + 2, _FROM) is not None:
        tail = _find(norms, _NATIONS, after + 1, after + 5)
        if tail and whole:
            return 0
    before_window, after_window = _windows(norms)
    lo, hi = fig.start - before_window, fig.unit_end + after_window
    removes = [i for i in _find(norms, REMOVE, lo, hi) if not fig.start <= i < fig.unit_end]
    adds = [i for i in _find(norms, ADD, lo, hi) if not fig.start <= i < fig.unit_end]
    # "more" / "thêm" count only where they qualify the troops, not in "more than 800"
    adds = [i for i in adds if norms[i] not in ("more", "hơn") or i >= fig.start]
    if _find(norms, _REINFORCEMENTS, fig.end, fig.unit_end) or any(w in _ADD_ADJ for w in norms[fig.end:fig.unit_end]):
        adds.append(fig.end)  # "700 reinforcements", "50 additional soldiers"
    # "would not withdraw its 250 soldiers": a movement denied is none; a direction after the figure ("không
    # rút 250 binh sĩ khỏi Kosovo") is denied by a negation before the figure
    removes = [i for i in removes if not _negated(norms, i)]
    adds = [i for i in adds if not _negated(norms, i)]
    denied = _negated(norms, _skip_back(norms, fig.start), 6)
    removes += [i for i in _departures(norms, folded, rules, lo, hi) if not (denied or _negated(norms, i))]
    adds += [i for i in _arrivals(norms, folded, rules, lo, hi) if not (denied or _negated(norms, i))]
    if not (removes or adds) and _ending_at(norms, before, _INCLUDING) is not None:
        # "triệu hồi toàn bộ binh sĩ ..., trong đó có bốn mươi quân nhân phục vụ trong KFOR": a part of troops
        # moved earlier in the sentence moves with them
        removes = [i for i in _find(norms, REMOVE, 0, before) if not _negated(norms, i)]
        adds = [i for i in _find(norms, ADD, 0, before) if not _negated(norms, i) and norms[i] not in ("more", "hơn")]
    if not (removes or adds):
        return None
    if not (removes and adds):
        return -1 if removes else 1
    # "send 200 troops to Kosovo as the U.S. urges Serbia to pull back forces": the word of moving nearest
    # the figure is the one that tells what its troops do
    def distance(i: int) -> int:
        return fig.start - i if i < fig.start else i - fig.unit_end + 1
    return -1 if min(map(distance, removes)) < min(map(distance, adds)) else 1


# Before a figure: it is one part of a group the sentence told of (``including 40 soldiers serving in KFOR``).
_INCLUDING = _words("including", "among them", "of whom", "trong đó có", "trong đó", "bao gồm", "gồm cả")
# After a troop word: the troops serve in the force (``about 4,000 troops serve in KFOR``).
_SERVING = _words("serve in", "serve with", "serving in", "serving with", "are serving in", "are serving with",
                  "in", "with", "phục vụ trong", "phục vụ tại", "đang phục vụ trong", "đang phục vụ tại", "trong",
                  "thuộc", "của", "đang phục vụ cho", "phục vụ cho")
# A clause that starts at the figure: nothing but these (or a clause mark) before it.
_CLAUSE_OPEN = frozenset(norm_word(w, False) for w in "today currently now hiện hiện nay hiện tại".split())


def _serving_in_force(fig: _Figure, before: int, norms: Sequence[str], folded: Sequence[str],
                      rules: FactRules) -> bool:
    """``Around 4,000 troops serve in KFOR``, ``Khoảng 4.500 binh sĩ đang phục vụ trong KFOR``: a figure in the
    thousands that opens its sentence, with no nation's name, and whose troops serve in the force."""
    if any(w not in _CLAUSE_OPEN for w in norms[:before]) or not any(
            fig.end + len(p) == fig.unit_end and _at(norms, fig.end, p) for p in UNITS):
        return False  # "About 2,300 German soldiers serve in KFOR": a nation's contingent
    return any(_at(norms, fig.unit_end, p) and _find(folded, rules.force, fig.unit_end + len(p),
                                                     fig.unit_end + len(p) + 2) for p in _SERVING)


# "không" that is no negation: "không quân" (air force), "không kích" (air strike), "không phận" (airspace).
_AIR = _words("không quân", "không kích", "không phận", "không gian")
# Words of arriving that do not say where: after a sentence of troops going home they tell the landing at home.
_LAND = _words("landed", "lands", "land", "arriv*", "touched down", "touch down", "touches down")


def _own_arrival(norms: Sequence[str], fig: _Figure) -> bool:
    """The figure's sentence tells troops added by a word other than a bare landing or arrival."""
    before_window, after_window = _windows(norms)
    lo, hi = fig.start - before_window, fig.unit_end + after_window
    land = set(_find(norms, _LAND, lo, hi))
    return any(i not in land and not fig.start <= i < fig.unit_end for i in _find(norms, ADD, lo, hi))


# Troops counted over the years (``22.000 quân nhân đã lần lượt luân phiên phục vụ``, ``more than 9,000 soldiers
# have served in Kosovo since 1999``) or taking part in an exercise: neither a strength nor a change.
_CUMULATIVE = _words("have served", "had served", "has served", "served in", "rotated through", "over the years",
                     "in total over", "luân phiên", "lần lượt", "từng phục vụ", "đã phục vụ", "qua các năm",
                     "exercise", "exercises", "drill", "drills", "diễn tập", "tập trận")


_CUMULATIVE_WINDOW = 10  # words around the figure


def _cumulative(norms: Sequence[str], fig: _Figure) -> bool:
    return bool(_find(norms, _CUMULATIVE, fig.start - _CUMULATIVE_WINDOW, fig.unit_end + _CUMULATIVE_WINDOW))


def _negated(norms: Sequence[str], i: int, window: int = 4) -> bool:
    """A word of moving troops with a negation in the few words before it (``will not send``, ``không rút``,
    ``không có kế hoạch rút``)."""
    return any(not _find(norms, _AIR, k, k + 1) for k in _find(norms, _NEGATION, i - window, i))


def _arrivals(norms: Sequence[str], folded: Sequence[str], rules: FactRules, lo: int, hi: int,
              toward: frozenset[str] = _TOWARD) -> list[int]:
    """Positions in ``[lo, hi)`` of a word of direction followed by the force's place (``tới Cô-xô-vô``)."""
    return [i for i in range(max(lo, 0), min(hi, len(norms) - 1))
            if norms[i] in toward and _set_of(rules.place).at(folded, i + 1)] if rules.place else []


def _departures(norms: Sequence[str], folded: Sequence[str], rules: FactRules, lo: int, hi: int) -> list[int]:
    """``left Kosovo``, ``rời Cô-xô-vô``: a word of leaving followed by the force's place."""
    return _arrivals(norms, folded, rules, lo, hi, _AWAY)


_BY = frozenset(norm_word(w, False) for w in "by thêm".split())


def _classify_bare(fig: _Figure, before: int, norms: Sequence[str], folded: Sequence[str],
                   rules: FactRules) -> int | None:
    """A number with no troop word (``has shed about 4,000``): a change only with a verb of moving troops
    right before it, in a sentence that speaks of troops or strength or names the force close by."""
    if not (_find(norms, UNITS) or _find(norms, _STRENGTH) or _find(folded, rules.force, fig.start - 6, fig.start)):
        return None
    if not _find(folded, rules.force, 0, before) or (rules.others and _find(folded, rules.others, 0, before)):
        return None
    if _ending_at(norms, before, REMOVE) is not None:
        return -1
    if before > 0 and norms[before - 1] in _BY:
        # "reduce its troops in Kosovo by about 1,000", "tăng quân số thêm 1.000"
        verbs = [(i, -1) for i in _find(norms, REMOVE, before - 8, before - 1)] + [
            (i, 1) for i in _find(norms, ADD, before - 8, before - 1) if norms[i] not in ("more", "hơn")]
        verbs = [(i, d) for i, d in verbs if not _negated(norms, i)]
        if verbs:
            return max(verbs)[1]
    added = _ending_at(norms, before, ADD)
    if added is not None and norms[added] not in ("more", "hơn"):
        return 1
    return None


# Between X and "to Y": when X stands (``from about 14,000 now to 10,000``, ``từ 14.000 người hiện nay xuống
# còn 10.000``).
_TIME_WORDS = frozenset(norm_word(w, False) for w in (
    "now today currently at present people persons hiện nay hiện tại người lúc đó").split())


def _from_to(figs: Sequence[_Figure], norms: Sequence[str], folded: Sequence[str],
             rules: FactRules) -> list[tuple[_Figure, _Figure, bool | None]]:
    """``KFOR will grow from nearly 3,800 to about 4,500 troops``: the pairs (X, Y), and whether they are
    the force's strength: True with the force named before X, False when a national contingent grows
    from X to Y (then only the change counts), None when the force is not named before X (no fact)."""
    pairs = []
    for a, b in zip(figs, figs[1:], strict=False):
        if a.strong or b.strong:
            continue
        start = _skip_back(norms, a.start)
        if _ending_at(norms, start, _FROM_X) is None:
            continue
        mid = _skip_back(norms, b.start)
        gap = [w for w in norms[a.unit_end:mid] if w not in _TIME_WORDS]
        if len(gap) > 2 or not any(_ending_at(norms, mid - k, _TO_Y) is not None for k in (0, 1)):
            continue
        if not _find(folded, rules.force, 0, start):
            pairs.append((a, b, None))  # some other force's or army's strength: neither figure is a fact
            continue
        # a force's strength is in the thousands; hundreds growing to hundreds are a contingent's
        pairs.append((a, b, b.value >= 1000 and not _find(norms, _CONTINGENT, 0, b.unit_end)))
    return pairs


def _movement(norms: Sequence[str], folded: Sequence[str], rules: FactRules) -> int:
    """+1 when a sentence tells troops arriving (a verb of adding, ``tới Kosovo``), -1 leaving, 0 neither."""
    if _find(norms, REMOVE) or _departures(norms, folded, rules, 0, len(norms)):
        return -1
    adds = [i for i in _find(norms, ADD) if norms[i] not in ("more", "hơn")]
    return 1 if adds or _arrivals(norms, folded, rules, 0, len(norms)) else 0


def _reversed_from(fig: _Figure, figs: Sequence[_Figure], kinds: dict[int, int | None],
                   norms: Sequence[str]) -> bool:
    """``to about 5,000 troops early next year from the current 10,000``: the figure after ``from``, when a
    figure before it in the sentence is the force's total, is the strength it starts from."""
    if fig.part or _ending_at(norms, _skip_back(norms, fig.start), _FROM_X) is None:
        return False
    return any(kinds.get(f.start) == 0 and f.start < fig.start for f in figs)


# In an article whose title names the force or its place, these words point back at its troops.
# "we" / "our" is the force speaking in an interview or a statement about it (``Today we are about 4,500``).
_BACK_REF = _words("we", "our", "chúng tôi", "the contingent", "its contingent", "the mission", "the force",
                   "the troops", "lực lượng này",
                   "sứ mệnh này", "đội quân", "số quân")
_CONTINGENT = _words("contingent", "contingents", "battalion", "company", "brigade", "national", "contributor",
                     "contributors", "đội quân", "tiểu đoàn", "đại đội", "lữ đoàn", "đóng góp")


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
    # A headline about the force or its place ties a sentence that speaks of "the contingent" to it.
    title_names = _names(article.title, rules)
    for text in (article.title, article.summary, article.body):
        previous_names_force = False
        previous_move = 0  # +1 / -1: the sentence before tells troops arriving / leaving
        for sentence in sentences(text):
            if not _MAY_COUNT.search(sentence) and not previous_names_force:
                tokens = tokenize(sentence, fold_diacritics=False)
                norms = _words_of(sentence, [t.norm for t in tokens])
                folded = [norm_word(t.norm, True) for t in tokens]
                previous_names_force = bool(_find(folded, rules.force) or _find(folded, rules.place))
                previous_move = _movement(norms, folded, rules) if previous_names_force else 0
                continue
            tokens = tokenize(sentence, fold_diacritics=False)
            norms = _words_of(sentence, [t.norm for t in tokens])
            folded = [norm_word(t.norm, True) for t in tokens]
            names_force = bool(_find(folded, rules.force) or _find(folded, rules.place))
            # under a headline about the force, a sentence that points back at it or tells troops moving is its
            tied = names_force or previous_names_force or (title_names and bool(
                _find(norms, _BACK_REF) or _movement(norms, folded, rules)))
            previous_names_force = names_force
            move_before, previous_move = previous_move, (_movement(norms, folded, rules) if tied else 0)
            if not tied:
                continue
            figs = [f for f in _figures(tokens, norms, read_numbers(sentence, tokens), sentence)
                    if not _near_others(folded, f, rules)]
            found: list[tuple[str, int]] = []
            paired: set[int] = set()
            for x, y, whole in _from_to(figs, norms, folded, rules):
                paired |= {x.start, y.start}
                if whole is not None:
                    found += [("total", x.value), ("total", y.value)] if whole else []
                    found.append(("change", y.value - x.value))
            kinds: dict[int, int | None] = {}
            for fig in figs:
                if fig.start in paired:
                    continue
                kind = kinds[fig.start] = _classify(fig, norms, folded, rules)
                if (kind is None and move_before and (fig.part or not names_force) and not fig.bare
                        and not _cumulative(norms, fig)):
                    # "Lực lượng gồm 550 quân nhân Đức và 150 quân nhân Áo", "The final group of about seventy
                    # soldiers landed at Arlanda": after a sentence of troops arriving or leaving, a figure that
                    # says no movement of its own (and no place) counts the troops that moved
                    kind = move_before
                elif kind == 1 and move_before == -1 and not names_force and not _own_arrival(norms, fig):
                    kind = -1  # "... returned home. The last 70 soldiers landed at Arlanda": landing at home
                if kind is None and _reversed_from(fig, figs, kinds, norms):
                    kind = 0  # "cut it to about 10,000 troops by January from some 14,000 now"
                if kind is not None:
                    found.append(("total" if kind == 0 else "change", fig.value * (kind or 1)))
            for kind_name, value in found:
                if (kind_name, value) not in seen and (kind_name == "total" or value):
                    seen.add((kind_name, value))
                    facts.append(Fact(topic_id, kind_name, value, sentence))
    return tuple(facts)
