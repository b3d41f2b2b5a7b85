"""Troop-count facts: the figures of one force's strength an article states, in Vietnamese and English.

A topic may carry a fact extractor (``facts`` in rules.toml) that names the force (``KFOR``), the place
it serves in (``Kosovo``) and the other forces and armies whose figures are not its own. In every
sentence of the article (sentences end where the engine's ``text.ends_sentence`` says) the extractor reads
numbers as numbers (``numbers.read_numbers``) and keeps those that count troops (a troop word right after the
number: ``4.200 binh sĩ``, ``700 additional troops``, ``nearly 4,600 women and men``, ``120 carabinieri``; or
``a 120-strong unit``, ``một đơn vị 120 người``). A troop figure is the force's when the sentence, or the
sentence before it, names the force or its place, and no other force or army stands next to the figure
(``1.000 quân nhân và cảnh sát Serbia``) or is the last one named before it in its clause (``Vucic said the
army would deploy 1,000 soldiers``). It is then:

- a **total** when the sentence says what the force comes to (``bring KFOR to 4,800``, ``the force will reach
  about 4,800``, ``sẽ lên khoảng 4.800``, ``lực lượng sẽ còn 4.400``), when the force is named before the figure
  with a verb of having (``KFOR has about 4,500 troops``, ``KFOR hiện có 4.700 quân nhân``, ``the force of about
  4,700``), or when the figure is of troops from a count of countries (``4,500 troops from 28 Allies``; troops
  "from allied countries" are not); with no word of moving near it, a figure in the thousands of the force's
  own troops (``4,500 KFOR troops``, ``4.500 binh sĩ của KFOR``, ``KFOR's 4,500 troops``, ``4,500 NATO
  peacekeepers ... in Kosovo``) is one too;
- a **change** when a verb or word of moving troops stands near it: added (``send``, ``deploy``,
  ``700 more``, ``bổ sung``, ``điều thêm``, ``tới Kosovo``, ``leave for Kosovo``) or, negative, removed
  (``withdraw``, ``pull``, ``bring home``, ``rút``, ``cắt giảm``, ``về nước``); troops that "are (currently)
  deployed" somewhere are there, not sent;
- nothing otherwise: a national contingent's size (``Poland's 250 soldiers in KFOR``), soldiers
  injured or killed, a ceiling (``tối đa 400 binh sĩ``, ``a maximum of 235``), a figure of the past with
  no movement. A size stated after a verb of having in a clause of its own (``The Polish contingent, which
  numbers around 250 soldiers, will be reduced``, ``Italy, a contributor with 1,100 troops, will send ...``) is
  not moved by a verb outside that clause.

Strength is also written without a troop word after the number, and those figures are read too:
``the 6,000-strong force`` (a total); a number whose troop word comes with the next number
(``from nearly 3,800 to about 4,500 troops``, ``350 German and 250 Austrian soldiers``); a number in
the thousands right after a verb of having, reaching or removing with the force named before it
(``has some 14,000 now``, ``will be cut to about 10,000 by January``, ``has shed about 4,000``).
``from X to Y`` of the force's strength states two totals and the change between them (Y - X).
A figure that troops are added to (``bổ sung cho 18.500 binh sĩ của KFOR``, ``join the 4,500 troops
of KFOR``, ``joining its 240 troops already there``) is the force's total, or nothing, never a change.
A national contingent in the force's place growing ``from X to Y`` is the change Y - X.

``to Y ... from X`` (``cut to 10,000 by January from some 14,000 now``, ``to some 4,500, up from roughly 3,800 earlier
in the year``) states two totals and no change; ``từ mức X`` is ``from X``.
What is left after a movement (``withdraw 150 troops from KFOR, leaving about 4,300``, ``chỉ còn lại 700 binh sĩ``) is
the force's total or a contingent's size, and a size dated by a movement (``which will number about 700 troops after
the drawdown``) is not moved by it. A ceiling named earlier in the figure's clause (``the troop ceiling stays at 400
soldiers``, ``trần quân số ... vẫn ở mức 400 binh sĩ``) is no fact, and a sentence of an extension (``gia hạn thêm
một năm``, ``extended the deployment of``) tells no troops arriving.
Two troop figures joined by "and" (``550 German and 150 Austrian soldiers``) are parts of one group: never
the force's total, troops added or removed when the sentence before tells troops arriving or leaving.
A word of direction before the place (``bắt đầu tới Cô-xô-vô``) is an arrival. Vietnamese written without
diacritics is read with the word lists folded.

The part of a whole (``100 of its roughly 250 soldiers``, ``the first 60 of 200 soldiers``, ``80 soldiers out of its
300``, ``80 binh sĩ trong tổng số 300 quân nhân``) is the figure; the whole is not.
Troops put on standby (``500 troops were placed on standby``, ``được đặt trong tình trạng sẵn sàng cao``) or sent only
``if needed`` / ``nếu cần`` are not moved. ``by N troops`` is the amount of the verb of changing before it, however far
(``scale back its contribution to NATO's Kosovo Force by about a hundred troops``). A number of adding right after a
verb of moving with no noun after it (``Romania is to deploy about 90 more``) counts troops. ``N người`` after a unit
or a strength word (``với quân số khoảng 650 người``) is troops. A verb of leaving right before troops (``will leave
roughly 150 soldiers``, ``để lại``) leaves them in place.

General guards and loosenings, for phrasings not seen before: a total is in the thousands (``MIN_TOTAL``);
nationalities or a word of adding may stand between a number and its troop word; a Vietnamese clause is longer
in words, so its window for a verb of moving is longer; a figure introduced by ``including`` / ``trong đó có``
moves with the group the sentence moved before it; ``by N`` / ``thêm N`` after a verb of changing the force is
the change, of any size when the troops stand between the verb and ``by`` (``cut the number of its soldiers in
Kosovo by 70``; ``by 20%`` is no figure);
troops in the thousands that open a sentence and serve in the force, or that NATO has in the force's place, are
its strength.
A figure of the past (``at its peak``, ``từng đóng góp``) moves nothing; troops arriving or leaving in a rotation
(``in a routine rotation``, ``thay thế``, ``luân chuyển``) change nothing unless they are said to be added; troops
serving now (``At present 41 servicemen serve in the mission``) are a size. In a sentence that names neither the force
nor its place, troops serving in another mission (``đang tham gia Phái bộ ... tại CHDC Công-gô``) or of a unit placed
elsewhere (``the brigade in Latvia, to which it has committed 800 troops``) are not the force's. The force's strength
word a few words before a figure makes it a total (``KFOR's strength temporarily rises above 5,000``, ``quân số của
phái bộ hiện vào khoảng 4.700 người``), and ``reduced by 30 to 165`` is a change of 30.
A year earlier than the newest one the article names (or is dated by) dates a sentence's figures to the past (``In
2023, NATO sent 700 troops``), and so does a year followed by "when" (``in 1999, when 7,000 soldiers arrived``); ``since
1999`` / ``từ năm 1999`` does not. A lead such as ``at the time`` / ``khi đó`` is of the past too. Troops counted among
casualties named before them (``injured 40 people, including nine peacekeepers``), the strength a national contingent
reaches (``quân số Italy ... sẽ lên khoảng 1.150 người``) and troops given ``to`` another mission are no facts.
A name transliterated in hyphenated syllables is read with "x" or "s" (``Cô-xô-vô`` / ``Cô-sô-vô``). A troop word past a
comma is another clause's (``120 phiếu thuận, 45 phiếu chống, quân số ...``: votes), and ``more than`` after the troops
compares, it adds none. The alliance's force placed in the force's place before its verb of having has the force's
strength (``a NATO force in Kosovo that still counts some 4,300 troops``, ``ở Kosovo, nơi NATO vẫn duy trì khoảng 4.600
quân``); a relative clause is about the clause before it (``and the EU's EUFOR operation in Bosnia, which has about
1,100 troops`` is EUFOR's); a unit told in a lead clause of its own (``With the Romanian company, KFOR now counts``) is
not the part that has the figure; what a unit is made of (``tiểu đoàn gồm khoảng 500 quân nhân``) after a sentence that
moves a unit counts the troops moved.
A number with a currency (``€33.6 million``, ``52 triệu USD``) is money, no figure; a year of a deadline to come (``by
2027``, ``đến năm 2027``) does not date the article. As near before the troops as after, the verb before governs them
(``rút 200 binh sĩ tăng cường``), and a verb of removing right before reinforcements takes them away. Troops moved with
a perfect "since" a year (``has sent more than 9,000 soldiers to Kosovo since 1999``) are counted over the years; a size
is dated by a movement it comes ``with``; a relative clause right after the figure's (``500 soldiers of the battalion,
which was sent in 2023, will be withdrawn``) tells its noun's past when a verb of moving follows it.
The force's whole strength on alert is its strength (``KFOR với khoảng 4.500 binh sĩ đang ở trong tình trạng sẵn sàng
cao``). ``N strong`` ending its clause is a size, and so is the strength a contingent reaches, whatever moved in the
sentence before. ``from about 850 troops to around 700`` counts the troops of X in Y. Troops ``assigned to`` a unit go
nowhere. A participle right after the troops (``sent to Kosovo last June``, ``được điều tới Kosovo``) tells their past
when a verb the other way follows it. ``between 500 and 600 soldiers`` / ``500-600 binh sĩ`` is one group, counted at
its upper bound. A thing counted before the troops (``two transport helicopters and 35 personnel``) does not share their
troop word, and the troops of a unit moved with it (``the deployment of a detachment with ... and 35 personnel``) move
with it. Troops put under the force's command (``placed under KFOR's command``, ``đặt dưới quyền chỉ huy của KFOR``)
join it, an exercise notwithstanding.
A Vietnamese compound word is not its first syllable (``điều chỉnh`` adjusts, ``điều`` sends). Troops cut from a
contribution (``trim 150 soldiers``, ``rút 150 binh sĩ khỏi thành phần đóng góp``) are a change even in a rotation. The
troops of a unit in an apposition after it (``two companies, with about 150 soldiers,``) move with it; troops of now in
an apposition (``the Hungarian presence, currently some 370 personnel, will reach``) are a size. Troops after "where" /
"nơi" are of the place named before it (``the eastern border, where 17,000 soldiers are deployed``), and an arrival to
visit (``đã tới thăm``, ``arrived in Kosovo to visit``) moves no troops.
A change only weighed, put off, denied or offered on a condition (``is considering sending 60 more troops``, ``hoãn
bỏ phiếu về việc tăng thêm 60 binh sĩ``, ``denied that it would withdraw``, ``if NATO asks``, ``nếu NATO yêu cầu``) is
none; one decided by a government that awaits a vote of parliament (``if parliament approves``) still is. A figure
corrected away (``not 1,000 soldiers, as reported, but 100``, ``không phải 1.000 binh sĩ``) is no fact; the figure after
"but" / "mà" is the change it was to be; so is a figure a report gave wrongly (``an earlier version incorrectly said
... 400 soldiers``, ``đã đưa nhầm``). Troops a verb of hurting governs (``clashes injure 30 peacekeepers``, ``làm bị
thương 30 binh sĩ``) are casualties; a lead of time that names a movement (``Before this reinforcement,``, ``Trước đợt
bổ sung này,``) moves none of its sentence's troops; what troops come ``on top of`` / ``bên cạnh`` is the force's total;
a strength word with no owner opening its clause (``quân số sẽ lên khoảng 4.500 người``) is the force's strength.
A unit sized in an apposition (``a reserve battalion, with about 600 soldiers, will be deployed``) moves by the verb
after it; a table's total row (``Total KFOR | 4,510``) and the force told by its size (``lực lượng khoảng 4.500 binh sĩ
này``, ``the force is close to 4,500 soldiers strong``) state its strength; a participle after the unit an ``N-strong``
figure sizes tells its past; a replacement denied (``will not be replaced``) is no rotation; and an arrival in a clause
of "since" (``kể từ khi những binh sĩ đầu tiên tới Kosovo``) is a time, no troops moved for the sentence after it.
The force brought to a strength (``bringing its peacekeeping force there to about 5,500``) states it, never a change;
``N troops strong`` in an apposition sizes the noun before it (``the NATO-led KFOR mission, about 4,300 troops
strong,``); a sentence that points back at the force (``phái bộ``, ``a force that NATO says``) after the article named
it or its place is the force's; a qualifier of who leads the force (``do NATO chỉ huy``, ``NATO-led``) adds no distance
from its strength word; ``200 soldiers from the UK and some 100 from Romania`` is two groups of troops; troops back to
their base or barracks, or back from the force's place (``returned from Kosovo``), leave it.
The same (kind, value) is listed once per topic. Pure logic, no I/O.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from monitor.records import Article, Fact
from monitor.rules.numbers import EN_WORDS, VI_WORDS, NumberSpan, read_numbers
from monitor.rules.query import list_term
from monitor.rules.text import FieldTokens, Token, norm_word, norms_of, tokenize, word_norms

__all__ = ["FactRules", "extract_facts", "sentences"]

_Pattern = tuple[tuple[str, bool], ...]  # the words of a term: (norm, is_prefix)


def _patterns(items: Sequence[str], fold: bool) -> tuple[_Pattern, ...]:
    out: list[_Pattern] = []
    for item in items:
        term = list_term(item)
        pattern = tuple((norm_word(w.text, fold), w.prefix) for w in term.words)
        out += [p for p in _spellings(pattern, item) if p not in out]
    return tuple(out)


_SPELLING_VARIANTS = 16  # at most this many spellings of one transliterated name


def _spellings(pattern: _Pattern, item: str) -> list[_Pattern]:
    """A name transliterated in hyphenated syllables (``Cô-xô-vô``, ``Pri-xti-na``) is written with "x" or "s" for the
    same sound by different outlets (``Cô-sô-vô``, ``Pri-sti-na``), and with "c" or "k" (``Kô-sô-vô``): every such
    syllable in either spelling."""
    if not re.search(r"\w-\w", item) or len(pattern) < 2:
        return [pattern]
    out: list[_Pattern] = [()]
    for word, prefix in pattern:
        alts = [word]
        if word[:1] == "x":
            alts.append("s" + word[1:])
        elif word[:1] == "s" and word[:2] != "sh":
            alts.append("x" + word[1:])
        elif word[:1] == "c" and word[:2] != "ch":
            alts.append("k" + word[1:])
        elif word[:1] == "k" and word[:2] != "kh":
            alts.append("c" + word[1:])
        out = [(*p, (w, prefix)) for p in out for w in alts][:_SPELLING_VARIANTS]
    return out


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


def _word_set(words: str) -> frozenset[str]:
    """Single words, space-separated, as a set of their norms (tested one word at a time, by ``in``)."""
    return frozenset(norm_word(w, False) for w in words.split())


UNITS = _words(
    "troops", "troop", "soldiers", "soldier", "personnel", "servicemembers", "service members",
    "servicemen", "peacekeepers", "women and men", "men and women", "military personnel", "marines",
    "paratroopers", "binh sĩ", "binh si", "quân nhân", "quan nhan", "binh lính", "lính", "quân",
    "chiến sĩ", "lính gìn giữ hòa bình", "nhân viên quân sự", "commandos", "reservists", "reinforcements",
    "infantrymen", "binh sỹ", "binh sy", "người lính", "lính đặc nhiệm", "quân tăng viện", "quân tiếp viện",
    # gendarmes serve in the force as troops (its Multinational Specialized Unit)
    "carabinieri", "gendarmes", "cảnh binh", "hiến binh", "quân cảnh",
)
# A troop word that is itself troops added: ``700 reinforcements``, ``700 quân tăng viện``.
_REINFORCEMENTS = _words("reinforcements", "quân tăng viện", "quân tiếp viện")
# Between a number and its troop word at most this many words (``700 additional troops``,
# ``200 British soldiers``); Vietnamese puts the word right after the number.
_UNIT_GAP = 2
# ... and those words are not function words: "1244 with troops", "29 countries and troops" are no figures.
_GAP_STOP = _word_set(
    "with from of in on at to by for and or the a an as than after before since per was were is are "
    "và với từ của ở tại trong cho năm ngày tháng là có được đã sẽ")
_PARTITIVE = _words("of its", "of their", "of the", "of our", "trong số", "trong tổng số", "of")

ADD = _words(
    "send", "sends", "sent", "sending", "deploy", "deploys", "deployed", "deploying", "deployment of",
    "deployments of", "redeploy*", "dispatch*", "additional", "extra", "more",
    "reinforce*", "arriv*", "join", "joins", "joined", "joining", "boost*", "add", "adds", "added",
    "bolster*", "contribute an additional", "landed", "lands", "increase", "increases", "increased",
    "increasing", "grow", "grows", "growing", "expand*",
    "thêm", "bổ sung", "tăng cường", "tăng viện", "điều", "điều động", "triển khai", "gửi", "tới kosovo",
    "đến kosovo", "gia nhập", "tăng", "tăng thêm", "đã tới", "đã đến", "sẽ tới", "sẽ đến", "hạ cánh", "touched down",
    "touch down", "touches down", "cử thêm", "đã cử", "sẽ cử", "phái thêm", "lên đường", "đã có mặt",
    "augment*", "beef up", "beefs up", "beefed up", "bring in", "brings in", "bringing in", "brought in",
)
# ``bắt đầu tới Cô-xô-vô``, ``flown into Kosovo``: a word of direction right before the place is an arrival.
_TOWARD = _word_set("to into tới đến sang vào toi den vao")
# ... and a word of leaving right before it is a departure (``left Kosovo``, ``rời khỏi Cô-xô-vô``).
_AWAY = _word_set("left leave leaves leaving departed quit khỏi rời roi khoi")
# Verbs of cutting a contribution (fewer troops, even in a rotation: see ``_said_cut``), and of removing troops.
_CUT = _words("cut", "cuts", "cutting", "reduc*", "decreas*", "trim", "trims", "trimmed", "trimming", "shrink*",
              "shrank", "shrunk", "scale back", "scales back", "scaled back", "scaling back", "downsiz*", "slash*",
              "cắt giảm", "thu hẹp", "giảm bớt", "giảm quân")
REMOVE = _CUT + _words(
    "withdraw*", "withdrew", "pull", "pulls", "pulled", "pulling", "bring home", "brings home",
    "brought home", "bring back", "return home", "returns home", "returned home", "returning home", "go home",
    "goes home", "went home", "going home", "gone home", "come home", "came home", "coming home", "head home",
    "headed home",
    "draw down", "drawdown", "repatriat*", "leave", "leaving", "shed", "sheds", "shedding",
    "rút", "rút quân", "giảm", "về nước", "trở về", "hồi hương", "rời", "rời khỏi",
    "recall", "recalls", "recalled", "recalling", "triệu hồi", "triệu tập về", "rút về",
)
_MOVES = ADD + REMOVE
# ``bring KFOR to 4,800``, ``sẽ lên 4.800``, ``sẽ còn 4.400``: what the force comes to.
REACH = _words("to", "lên", "còn", "đạt", "at", "xuống", "reach", "reaches", "reaching", "reached")
# ... with the force as a pronoun: "will bring it to roughly 4,500", "taking its strength to 4,800".
_IT_REACH = _words("bring it to", "brings it to", "bringing it to", "take it to", "takes it to", "taking it to",
                   "raise it to", "raises it to", "raising it to", "push it to", "pushes it to", "pushing it to",
                   "swell it to", "boost it to", "boosts it to", "taking its strength to", "bring its strength to",
                   "bringing its strength to", "take its strength to")
# ... with the force as its noun: "bringing its peacekeeping force there to about 5,500", "nâng quân số của lực lượng
# lên 4.800". A contingent brought to a size is not the force (``_PARTS``).
_BRINGING = _words("bring", "brings", "bringing", "brought", "take", "takes", "taking", "took", "raise", "raises",
                   "raising", "raised", "push", "pushes", "pushing", "pushed", "swell", "swells", "swelling",
                   "swelled", "boost", "boosts", "boosting", "boosted", "lift", "lifts", "lifting", "lifted", "nâng",
                   "đưa")
_BROUGHT_TO = _words("to", "lên", "lên tới", "lên đến", "lên mức")
_BROUGHT_REACH = 6  # words from the verb of bringing to "to": "bringing its peacekeeping force there to"


def _brought_to(norms: _Words, folded: _Words, rules: FactRules, before: int) -> bool:
    """The figure ends ``bring(ing) its / the ... force to``: a verb of bringing a few words before ``to``, the force
    (its name or a word of it) between them, and no part of it (``bringing its contingent to``) or other figure."""
    to = _ending_at(norms, before, _BROUGHT_TO)
    if to is None:
        return False
    verbs = _find(norms, _BRINGING, to - _scaled(norms, _BROUGHT_REACH), to)
    if not verbs:
        return False
    lo = verbs[-1] + 1
    named = _find(folded, rules.force, lo, to) or _find(norms, _FORCE_NAMES + _STRENGTH, lo, to) or _find(
        norms, _FORCE_WORDS, lo, to)
    return bool(named) and not _find(norms, _PARTS, lo, to) and not any(ch.isdigit() for w in norms[lo:to] for ch in w)


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
    "fewer than", "less than", "well over", "well above", "well under", "up to", "an estimated", "at least",
    "close to", "just over", "just under",
    "currently", "now", "today", "still", "already", "another", "an additional", "additional", "a further",
    "a total of", "the current", "its current", "the present",
    "khoảng", "vào khoảng", "gần", "hơn", "trên", "chừng", "ước tính", "ít nhất", "tới", "hiện", "hiện nay", "thêm",
    "tổng cộng", "xấp xỉ", "chưa đến", "dưới", "above", "below",
)
# ``from 28 Allies and partners``, ``đến từ 29 quốc gia``: the figure is of many nations' troops.
_NATIONS = _words("countries", "nations", "allies", "states", "quốc gia", "nước", "thành viên")
_FROM = _words("from", "từ", "đến từ")
# After a figure: the soldiers were casualties, not a strength (``30 soldiers were injured``).
_CASUALTY = _words("injured", "wounded", "killed", "hurt", "dead", "died", "bị thương", "thiệt mạng", "tử vong",
                   "hy sinh", "tử trận")
# words after the troop word ("30 binh sĩ gìn giữ hòa bình bị thương", "Thirty peacekeepers - 11 Italians and 19
# Hungarians - were injured"), longer in Vietnamese
_CASUALTY_WINDOW = 8


_HURT_OF = _words("including", "among them", "of whom", "among whom", "trong đó có", "trong số đó có", "bao gồm")
_HURT_OF_REACH = 8  # words before "including" where the casualties are named ("injured dozens of people, including")
# Right before a figure: a verb of hurting whose object its troops are (``clashes injure 30 peacekeepers``, ``làm bị
# thương 30 binh sĩ``).
_HURTING = _words("injure", "injures", "injured", "injuring", "wound", "wounds", "wounded", "wounding", "kill",
                  "kills", "killed", "killing", "hurt", "hurts", "hurting", "làm bị thương", "làm thiệt mạng",
                  "làm chết", "sát hại", "giết", "giết chết")


def _hurt(norms: _Words, fig: _Figure) -> bool:
    """``30 soldiers from KFOR, NATO's 3,700-strong Kosovo mission, were injured``: the troops are casualties; so are
    troops a verb of hurting right before them governs (``clashes injure 30 peacekeepers``) and troops counted among
    casualties named before them (``wounded 40 people, including six peacekeepers``)."""
    if fig.strong:
        return False
    if _hurting_before(norms, fig.start) is not None:
        return True
    # not past the verb that hurts the next figure's troops ("điều 700 quân ... làm bị thương 30 binh sĩ")
    hi = min(fig.unit_end + _scaled(norms, _CASUALTY_WINDOW), _hurting_before(norms, fig.next_start) or len(norms))
    if _find(norms, _CASUALTY, fig.unit_end, hi):
        return True
    among = _ending_at(norms, _skip_back(norms, fig.start), _HURT_OF)
    return among is not None and bool(_find(norms, _CASUALTY, among - _HURT_OF_REACH, among))


def _hurting_before(norms: _Words, pos: int) -> int | None:
    """Where a verb of hurting right before the figure at ``pos`` starts (see ``_HURTING``)."""
    return _ending_at(norms, _skip_back(norms, pos), _HURTING) if pos < len(norms) else None


# Before a figure: a ceiling, not troops sent (``tối đa 400 binh sĩ``, ``a maximum of 235``).
# What a mandate allows is a ceiling too (``the mandate, which allows for up to 8,500 troops``).
_CAP = _words("tối đa", "maximum of", "a maximum of", "maximum", "ceiling of", "cap of", "limit of", "no more than",
              "không quá", "allows for", "allow for", "allows", "allowing", "authorises", "authorizes",
              "authorising", "authorizing", "permits")
# Earlier in the figure's clause, a ceiling named with no word of moving between it and the figure: the figure is
# the ceiling, whatever the sentence before told (``trần quân số tối đa cho sứ mệnh vẫn được giữ ở mức 400 binh sĩ``,
# ``the troop ceiling stays at 400 soldiers``; not ``the cap was raised and Germany will send 150 more soldiers``).
# ("trần" alone is also a surname.)
_CAP_NOUN = _words("ceiling", "ceilings", "cap", "upper limit", "troop limit", "maximum", "maximum number",
                   "mức trần", "trần quân số", "trần số quân", "giới hạn quân số", "giới hạn tối đa", "tối đa")
_CAP_WINDOW = 12  # words before the figure, in its clause
# After a figure: what may be deployed is a ceiling (``up to 400 soldiers of the Bundeswehr may be deployed``).
_PERMITTED = _words("may", "might", "can", "could", "được phép", "có thể được")
_PERMITTED_WINDOW = 5  # words after the troop word
# ... but "in May", "by May", "until May" is the month.
_MONTH_BEFORE = _word_set("in by until till since from of early late mid next last this"
                          )
# Before a figure: what troops are added to, i.e. the force's strength (``bổ sung cho 18.500 binh sĩ``, ``will come on
# top of the about 4,500 soldiers already serving with KFOR``, ``ngoài khoảng 4.500 binh sĩ hiện có``).
_RECIPIENT = _words("bổ sung cho", "tăng cường cho", "add to", "adds to", "added to", "adding to", "join", "joins",
                    "joined", "joining", "reinforce", "reinforces", "reinforced", "reinforcing", "bolster", "bolsters",
                    "bolstered", "bolstering", "swell", "swells", "swelled", "swelling", "on top of", "in addition to",
                    "ngoài", "bên cạnh")
# ... with these between: ``join the country's 400-strong contingent``, ``joining its 240 troops``, ``reinforce the
# existing force of about 4,300 troops``.
_OWNERS = _word_set(
    "the its their his her our s country nation country's existing current already của các những "
    # the group named before its size: "reinforce the existing force of about 4,300 troops"
    "force contingent mission of")
# Between two numbers: the first shares the second's troop word (``from 3,800 to 4,500 troops``).
_JOINERS = _word_set("and or to và hoặc lên xuống đến tới còn")
# "từ mức 3.800" (from the level of 3,800) is "from 3,800".
_FROM_X = _words("from", "từ", "từ mức", "from a level of", "from a strength of")
_TO_Y = _words("to", "lên", "xuống", "xuống còn", "đến", "tới")
# ``the 6,000-strong force``: a strength when a word of the force follows, a contingent's size otherwise.
_STRONG = _words("strong")
_FORCE_WORDS = _words("force", "mission", "peacekeeping force", "nato-led force", "nato force")
# A number with no troop word is read only before one of these (or at the end of the sentence): a time
# (``some 14,000 now``, ``up from 3,800 earlier in the year``, ``từ 3.800 hồi đầu năm``), a preposition, ``người``.
_BARE_NEXT = _word_set(
    "now today currently by in at this next from as after before when since following under hiện nay vào trong "
    "từ sau khi kể người once until upon earlier previously last early late hồi trước đầu cuối")
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
_ADD_ADJ = _word_set("additional extra more further new fresh thêm")

# Words that point back at the force: ``the mission``, ``lực lượng này``.
# ("which" is not one: ``Germany, which ... has 2,300 soldiers`` is a country's contingent; nor is "lực lượng"
# alone, which names any force: ``lực lượng đặc nhiệm``, ``lực lượng an ninh``.)
ANAPHORA = _words("the force", "the mission", "lực lượng này", "lực lượng gìn giữ hòa bình", "lực lượng do nato",
                  "lực lượng nato", "lực lượng sẽ", "lực lượng hiện", "lực lượng đã", "lực lượng có", "lực lượng gồm",
                  "sứ mệnh", "phái bộ", "liên minh")

# KFOR has never counted fewer than a few thousand troops: a smaller figure is a contingent or a change.
MIN_TOTAL = 1000
_ADD_WINDOW_BEFORE = 8  # words before the figure where a verb of moving troops is looked for
_ADD_WINDOW_AFTER = 16  # and after its troop word
_VI_WINDOW_SCALE = 1.5  # Vietnamese words are syllables: the same clause is half as long again in tokens


def _vietnamese(norms: _Words) -> bool:
    return norms.unaccented or _VI_MARKS.search(norms.joined) is not None


def _scaled(norms: _Words, reach: int) -> int:
    """A reach in words, half as long again in a Vietnamese sentence (see ``_VI_WINDOW_SCALE``)."""
    return round(reach * _VI_WINDOW_SCALE) if _vietnamese(norms) else reach


def _windows(norms: _Words) -> tuple[int, int]:
    """How many words before a figure and after its troop word a verb of moving troops may stand."""
    return _scaled(norms, _ADD_WINDOW_BEFORE), _scaled(norms, _ADD_WINDOW_AFTER)
_OTHERS_WINDOW = 4  # words around the figure where another force or army excludes it


# ── sentences ────────────────────────────────────────────────────────────────────────────────────

_NOT_SPACE = re.compile(r"\S*")


def _sentence_spans(text: str, tokens: Sequence[Token]) -> list[tuple[int, int, int, int]]:
    """The sentences of ``text`` as (first token, end token, start, stop): indices into ``tokens``
    (``tokenize(text)``) and the sentence's character offsets, white space stripped. A sentence ends where
    ``text.ends_sentence`` says (the engine's notion: a phrase never spans one); it keeps its final marks and
    closing quotes, the next one its opening quote."""
    if not tokens:
        return []
    out = []
    first, start = 0, 0
    for cut in [*FieldTokens(text).sentence_starts(), len(tokens)]:
        # the marks and closing quotes before the white space of the gap end the sentence
        stop = _NOT_SPACE.match(text, tokens[cut - 1].end).end() if cut < len(tokens) else len(text)
        piece = text[start:stop]
        out.append((first, cut, start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
        first, start = cut, stop
    return out


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences, as the engine cuts it (``text.ends_sentence``)."""
    return [text[start:stop] for _, _, start, stop in _sentence_spans(text, tokenize(text, fold_diacritics=False))]


# ── matching helpers ─────────────────────────────────────────────────────────────────────────────


class _Words(list):
    """The norms of one sentence's words (``norms``, or ``folded`` with every diacritic removed), and where
    each word list occurs in them: found once per list, by one regular expression over the words joined by
    spaces (a scan in C), then looked up in a window by bisection.

    ``unaccented``: Vietnamese written without diacritics (``dieu them 700 binh si``): the word lists are
    compared folded there, since ``thêm`` can only be ``them`` in such a text."""

    __slots__ = ("_hits", "_joined", "unaccented")

    def __init__(self, words: Sequence[str], unaccented: bool = False) -> None:
        super().__init__(words)
        self.unaccented = unaccented
        self._joined: str | None = None
        self._hits: dict[int, list[int]] = {}

    @property
    def joined(self) -> str:
        """The words with a space before each and one at the end: `` kfor có 4.500 binh sĩ ``."""
        if self._joined is None:
            self._joined = " " + " ".join(self) + " "
        return self._joined

    def hits(self, patterns: Sequence[_Pattern]) -> list[int]:
        """Every position where one of ``patterns`` starts, in order; not where a compound word of ``_COMPOUNDS``
        starts that the list does not name (``điều chỉnh`` is no ``điều``)."""
        found = self._hits.get(id(patterns))
        if found is None:
            found = self._starts(patterns)
            if found and patterns is not _COMPOUNDS:
                compounds = set(self.hits(_COMPOUNDS))
                found = [i for i in found if i not in compounds or _compound_named(self, i, patterns)]
            self._hits[id(patterns)] = found
        return found

    def _starts(self, patterns: Sequence[_Pattern]) -> list[int]:
        joined, found, count, pos = self.joined, [], 0, 0
        for m in _regex_of(patterns, self.unaccented).finditer(joined):
            count += joined.count(" ", pos, m.start())  # the words before the match's space
            pos = m.start()
            found.append(count)
        return found


# Vietnamese compound words whose first syllable alone is a word of a list (``điều`` sends troops, ``điều chỉnh``
# adjusts, ``điều tra`` investigates; ``tăng`` adds, ``tăng trưởng`` is growth): a list finds its word at the start of
# one only when it names the compound, or a longer word that starts with it.
_COMPOUNDS = _words(
    "điều chỉnh", "điều tra", "điều hành", "điều kiện", "điều khoản", "điều phối", "điều trị", "điều khiển",
    "điều tiết", "điều hòa", "điều luật", "điều ước", "điều này", "điều đó", "điều gì", "điều lệ",
    "tăng trưởng", "rút kinh nghiệm", "rút gọn", "rời rạc",
)


def _compound_named(norms: _Words, i: int, patterns: Sequence[_Pattern]) -> bool:
    """A list names the compound that starts at ``i`` (it has a pattern at least as long that matches there)."""
    longest = max(len(p) for p in _COMPOUNDS if _at(norms, i, p))
    return any(len(p) >= longest and _at(norms, i, p) for p in patterns)


@functools.cache
def _fold_pattern(pattern: _Pattern) -> _Pattern:
    return tuple((norm_word(word, True), prefix) for word, prefix in pattern)


# Word lists by identity (the lists are module constants and a topic's ``FactRules``, kept here alive, so an
# id is never reused) → the expression that finds where they start: `` (?=(?:a b|c[^ ]*|...) )``.
_REGEXES: dict[tuple[int, bool], tuple[Sequence[_Pattern], re.Pattern[str]]] = {}
# The caches by identity hold each word list they saw: one made at call time (``a + b``) would be kept, and compiled,
# once per call for as long as the daemon runs. Past this many entries a cache starts again (the module's lists and the
# topics' few are far fewer).
_CACHE_MAX = 1024


def _remember(cache: dict, key: tuple[int, bool], value: tuple):
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[key] = value
    return value


def _regex_of(patterns: Sequence[_Pattern], unaccented: bool) -> re.Pattern[str]:
    found = _REGEXES.get((id(patterns), unaccented))
    if found is None or found[0] is not patterns:
        words = [_fold_pattern(p) if unaccented else p for p in patterns if p]
        trie: dict[str, Any] = {}  # one branch per character: the expression tries few alternatives at a word
        for p in words:
            if any(prefix for _, prefix in p[:-1]):  # "foo* bar": no trie, its own alternative
                trie.setdefault(_RAW, {})[" ".join(re.escape(w) + ("[^ ]*" if x else "") for w, x in p)] = {}
                continue
            node = trie
            for c in " ".join(w for w, _ in p):
                node = node.setdefault(c, {})
            node[_END] = node.get(_END) or p[-1][1]  # a prefix ("withdraw*") takes in the exact word
        regex = re.compile(f" (?={_trie_expression(trie)} )" if words else r"(?!)")
        found = _remember(_REGEXES, (id(patterns), unaccented), (patterns, regex))
    return found[1]


_END, _RAW = "end", "raw"  # keys of a trie node that are not characters


def _trie_expression(node: dict[str, Any]) -> str:
    alternatives = [re.escape(c) + _trie_expression(child) for c, child in node.items() if len(c) == 1]
    alternatives += node.get(_RAW, {})
    if _END in node:
        alternatives.append("[^ ]*" if node[_END] else "")
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


_VI_MARKS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
_VI_UNACCENTED = _words("binh si", "binh sy", "quan nhan", "binh linh", "luc luong", "nguoi linh")


def _words_of(sentence: str, norms: Sequence[str]) -> _Words:
    """``norms``, marked as unaccented Vietnamese when the sentence has no diacritic but Vietnamese troop words."""
    words = _Words(norms)
    if not _VI_MARKS.search(sentence) and _find(words, _VI_UNACCENTED):
        words.unaccented = True
        words._hits.clear()
    return words


def _at(norms: _Words, i: int, pattern: _Pattern) -> bool:
    if i < 0 or i + len(pattern) > len(norms):
        return False
    if norms.unaccented:
        pattern = _fold_pattern(pattern)
    for k, (word, prefix) in enumerate(pattern):
        actual = norms[i + k]
        if not (actual.startswith(word) if prefix else actual == word):
            return False
    return True


def _find(norms: _Words, patterns: Sequence[_Pattern], lo: int = 0, hi: int | None = None) -> list[int]:
    """Start positions in ``norms[lo:hi]`` where one of ``patterns`` occurs."""
    hits = norms.hits(patterns)
    if not hits:
        return hits
    return hits[bisect_left(hits, lo) : len(hits) if hi is None else bisect_left(hits, hi)]


def _ending_at(norms: _Words, end: int, patterns: Sequence[_Pattern]) -> int | None:
    """The start of the longest pattern that ends right before position ``end``, if any."""
    by_length, prefixed = _ends_of(patterns, norms.unaccented)
    for length in range(min(len(by_length) - 1, end), 0, -1):
        if tuple(norms[end - length : end]) in by_length[length] or any(
                len(p) == length and _at(norms, end - length, p) for p in prefixed):
            return end - length
    return None


# Word lists by identity (as ``_REGEXES``) → their patterns of exact words as tuples of words, by number of
# words, and those with a prefix.
_ENDS: dict[tuple[int, bool], tuple[Sequence[_Pattern], list[frozenset[tuple[str, ...]]], list[_Pattern]]] = {}


def _ends_of(patterns: Sequence[_Pattern], unaccented: bool) -> tuple[list[frozenset[tuple[str, ...]]],
                                                                       list[_Pattern]]:
    found = _ENDS.get((id(patterns), unaccented))
    if found is None or found[0] is not patterns:
        words = [_fold_pattern(p) if unaccented else p for p in patterns]
        longest = max(map(len, words), default=0)
        by_length = [frozenset(tuple(w for w, _ in p) for p in words if len(p) == n and not any(x for _, x in p))
                     for n in range(longest + 1)]
        found = _remember(_ENDS, (id(patterns), unaccented),
                          (patterns, by_length, [p for p in words if any(x for _, x in p)]))
    return found[1], found[2]


def _skip_back(norms: _Words, pos: int) -> int:
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
    elided: bool = False  # "... and Poland 100 more", "with a further four hundred": the troops of the figure before
    sized: bool = False  # "the contingent, about 850 strong, ...": a size stated, whatever moves around it
    ranged: bool = False  # "500 to 600 soldiers": the upper bound of a range, its "to" no target
    clause: tuple[int, int] = (0, 1 << 30)  # the tokens of its clause, between commas, brackets, colons or dashes
    head: int = 0  # where its clause's subject starts: before a relative clause that splits them ("X, which ..., is")
    next_start: int = 1 << 30  # where the next figure of the sentence starts
    cuts: tuple[int, ...] = ()  # where the clauses of its sentence start (after a comma, a bracket, a colon, a dash)


def _figures(tokens: Sequence[Token], norms: _Words, numbers: Sequence[NumberSpan], text: str,
             stop: int) -> list[_Figure]:
    """The numbers of troops in a sentence (a number with a troop word right after it), and the numbers
    of strength written without one (``6,000-strong``, ``from 3,800 to 4,500 troops``, ``has 14,000 now``).
    ``tokens`` are the sentence's, with their offsets in ``text``, where the sentence ends at ``stop``."""
    figures: list[_Figure] = []
    first = tokens[0].start if tokens else 0
    wholes: set[int] = set()
    by_start = {n.start: n for n in numbers}
    counted = _counted_from_to(norms, numbers)
    uppers: set[int] = set()  # the upper bounds of ranges
    for k, n in enumerate(numbers):
        if n.start in wholes:
            continue
        if ((n.value <= _LAST_DAY and _DATE_PART.match(text, tokens[n.end - 1].end))
                or _DATE_PART_BEFORE.search(text, first, tokens[n.start].start)):
            continue  # "ngày 7/10", "29-5": a date (not "500-600 binh sĩ", a range)
        if _money(tokens, norms, text, first, n):
            continue  # "€33.6 million", "CHF 45 million", "65 tỷ đồng": a sum of money
        # a troop word is in the number's clause: "ngày 7/10, các binh sĩ" is no figure
        unit = None if _CLAUSE_END.match(text, tokens[n.end - 1].end, stop) else _unit_after(norms, n.end, by_start)
        if unit is not None and _CLAUSE_MARK.search(text, tokens[n.end - 1].end, tokens[unit - 1].start):
            unit = None  # "132 phiếu thuận, 51 phiếu chống, quân số ...": the troop word is another clause's
        if unit is None:
            part = _partitive(norms, n.end, by_start)
            if part is not None:
                whole, unit = part
                wholes.add(whole)
        if unit is None and not _CLAUSE_END.match(text, tokens[n.end - 1].end, stop):
            unit = _unit_after_names(tokens, norms, text, n.end)
        if unit is not None:
            wholes |= _whole_after(norms, n, unit, by_start)
        shared = _shares_unit(tokens, text, norms, n, numbers[k + 1], by_start) if k + 1 < len(numbers) else None
        if shared and _lower_bound(norms, n):
            uppers.add(numbers[k + 1].start)
            continue  # "between 500 and 600 soldiers", "500 to 600 troops": one group, counted at its upper bound
        if unit is None and shared:
            unit = n.end
        if unit is None and _at(norms, n.end, _PEOPLE[0]) and (_ending_at(
                norms, _skip_back(norms, n.start), _UNIT_OR_STRENGTH) is not None
                or (_find(norms, _STRENGTH, n.start - _PEOPLE_REACH, n.start) and _after_by(norms, n.start) is None)):
            # "một tiểu đoàn 500 người", "đơn vị 120 người", "với quân số khoảng 650 người": a unit, or a strength,
            # of so many troops
            unit = n.end + 1
        strong = unit is None and _at(norms, n.end, _STRONG[0])
        if strong and any(_at(norms, n.end + 1 + gap, p) for gap in (0, 1) for p in _FORCE_WORDS):
            figures.append(_Figure(n.value, n.start, n.end, n.end + 1, strong=True))
        elif unit is not None or strong:
            # "a 120-strong unit" is troops as "120 soldiers" are
            lead = _skip_back(norms, n.start)
            apposed = lead > 0 and bool(_APPOSITION.search(text, tokens[lead - 1].end, tokens[lead].start))
            # "the contingent, currently about 850 strong, will ...": "strong" ending its clause states a size
            sized = strong and _CLAUSE_END.match(text, tokens[n.end].end, stop) is not None
            sized = sized or (unit is not None and _now_apposition(tokens, norms, text, stop, lead, n.start, unit))
            figures.append(_Figure(n.value, n.start, n.end, unit or n.end + 1, apposed=apposed, sized=sized,
                                   ranged=n.start in uppers))
        elif _PERCENT.match(text, tokens[n.end - 1].end) or _at(norms, n.end, _PERCENT_WORD[0]):
            continue
        elif n.start in counted or (figures and _to_after_from(norms, figures[-1], n)):
            figures.append(_Figure(n.value, n.start, n.end, n.end))
        elif (_elided(norms, n) or (figures and _parallel_from(norms, figures[-1], n))) and (
                any(not (f.bare or f.strong) for f in figures)
                                    or _moved_alone(tokens, norms, text, stop, n)):
            figures.append(_Figure(n.value, n.start, n.end, n.end, elided=True))
        elif (_thousands(tokens, n) or (n.value < MIN_TOTAL and _after_by(norms, n.start) is not None)) and (
                n.end >= len(norms) or norms[n.end] in _BARE_NEXT
                or _CLAUSE_END.match(text, tokens[n.end - 1].end, stop) or (
                shared is False and _thousands(tokens, numbers[k + 1]) and norms[n.end] in _JOINERS) or (
                # "will be reduced by 30 to 165": the change, then the size it comes to
                n.value < MIN_TOTAL and norms[n.end] in _JOINERS and k + 1 < len(numbers)
                and numbers[k + 1].start == n.end + 1)):
            # a strength in the thousands, or a change after "by" ("cut its soldiers in Kosovo by 70 next year")
            figures.append(_Figure(n.value, n.start, n.end, n.end, bare=True))
    figures = [replace(f, next_start=g.start) for f, g in zip(figures, figures[1:], strict=False)] + figures[-1:]
    return _mark_parts(_in_clauses(figures, tokens, text), norms)


def _now_apposition(tokens: Sequence[Token], norms: _Words, text: str, stop: int, lead: int, start: int,
                    unit: int) -> bool:
    """``the Hungarian presence in Kosovo, currently some 370 personnel, will reach``, ``lực lượng Hungary, hiện khoảng
    370 quân nhân, sẽ``: troops of now in a clause of their own, opened after a comma and closed by the troop word, are
    a size the clause states, whatever moves around it; and so are troops in a clause that a verb of having or "of"
    opens (``the Italian contingent, of about 800 soldiers, is``, ``a battalion, numbering about 500 personnel,``)."""
    closed = _CLAUSE_END.match(text, tokens[unit - 1].end, stop) is not None
    opener = _ending_at(norms, lead, _SIZE_OPENERS)
    if closed and opener and text[tokens[opener - 1].end : tokens[opener].start].strip() == ",":
        return True
    opened = lead > 0 and text[tokens[lead - 1].end : tokens[lead].start].strip() == ","
    return opened and closed and bool(_find(norms, _NOW, lead, start))


# A sum of money: a currency sign or code right before the number, or a currency right after it (``€33.6 million``,
# ``CHF 45 million``, ``$1.2 billion``, ``2 triệu USD``, ``65 tỷ đồng``, ``45 million francs``).
_MONEY_BEFORE = re.compile(r"(?:[€$£¥₫]|\b(?:USD|EUR|CHF|GBP|PLN|SEK|NOK|DKK|CZK|HUF|RON|TRY|VND|RSD))\s*$")
_CURRENCIES = _words("euro", "euros", "dollar", "dollars", "franc", "francs", "pound", "pounds", "sterling", "zloty",
                     "zlotys", "krona", "kronor", "kroner", "forint", "lei", "lira", "dinar", "dinars", "usd", "eur",
                     "chf", "gbp", "pln", "sek", "nok", "dkk", "czk", "rsd", "đồng", "đô la", "đô-la", "bảng anh",
                     "franc thụy sĩ", "yen", "yên", "rúp", "roubles", "rubles")


def _money(tokens: Sequence[Token], norms: _Words, text: str, first: int, n: NumberSpan) -> bool:
    if _MONEY_BEFORE.search(text, max(first, tokens[n.start].start - 6), tokens[n.start].start):
        return True
    return any(_at(norms, n.end, p) for p in _CURRENCIES)


_COUNTED_WINDOW = 10  # words before "from X" where the troops or their number are named


def _counted_from_to(norms: _Words, numbers: Sequence[NumberSpan]) -> set[int]:
    """``giảm số binh sĩ tham gia KFOR từ 600 xuống còn 500``, ``cut the number of its troops in KFOR from 600 to
    500``: two numbers "from X to Y" with the troops (or their number) named before them, not after; their starts."""
    out: set[int] = set()
    for n, m in zip(numbers, numbers[1:], strict=False):
        start = _skip_back(norms, n.start)
        mid = _skip_back(norms, m.start)
        if (not (_year_like(norms, n) and _year_like(norms, m) and n.value < m.value)  # "from 2000 to 2009": years
                and _ending_at(norms, start, _FROM_X) is not None and 0 < mid - n.end <= 2
                and any(_ending_at(norms, mid - k, _TO_Y) is not None for k in (0, 1))
                and _find(norms, _TROOPS_OR_STRENGTH, start - _COUNTED_WINDOW, start)
                and _unit_after(norms, m.end, {}) is None):
            out |= {n.start, m.start}
    return out


def _to_after_from(norms: _Words, prev: _Figure, n: NumberSpan) -> bool:
    """``shrink from about 850 troops to around 700``, ``giảm từ 850 binh sĩ xuống còn 700``, ``from 850 troops now to
    700``: the number after "to" counts the troops named after the "from" figure right before it."""
    if prev.bare or prev.strong or prev.unit_end == prev.end:
        return False
    to = _ending_at(norms, _skip_back(norms, n.start), _TO_Y)
    # a word of time may date X ("from around 200 soldiers today to about 100")
    dated = to is not None and 0 <= to - prev.unit_end <= 2 and all(
        w in _TIME_WORDS for w in norms[prev.unit_end:to])
    return dated and _ending_at(norms, _skip_back(norms, prev.start), _FROM_X) is not None


def _is_year(word: str) -> bool:
    """A word a year could be: four digits from 1800 to 2099 (``1999``, ``2009``)."""
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2099


def _year_like(norms: _Words, n: NumberSpan) -> bool:
    """A number that is one bare word a year could be (``2009``), not ``2,009`` nor ``hai nghìn``."""
    return n.end - n.start == 1 and _is_year(norms[n.start])


_MORE = _word_set("more further another additional extra thêm nữa")


def _elided(norms: _Words, n: NumberSpan) -> bool:
    """A number with no troop word and a word of adding right before or after it (``and Poland 100 more``, ``with a
    further four hundred due to follow``, ``và Ba Lan thêm 100``): it counts the troops of a figure before it."""
    lead = _skip_back(norms, n.start)
    before = norms[lead : n.start]
    return "than" not in before and (any(w in _MORE for w in before) or (
        n.end < len(norms) and norms[n.end] in _MORE and not _at(norms, n.end + 1, _THAN[0])))


def _parallel_from(norms: _Words, prev: _Figure, n: NumberSpan) -> bool:
    """``200 soldiers from the United Kingdom and some 100 from Romania``, ``200 binh sĩ từ Anh và khoảng 100 từ
    Romania``: a number with no troop word, joined to a troop figure whose troops come ``from`` somewhere, and itself
    followed by ``from``, counts troops as that figure does (not ``from 3,800 to 4,500``: its "from" stands before)."""
    if prev.bare or prev.strong or prev.unit_end == prev.end or n.end >= len(norms) or norms[n.end] not in _FROM_WORD:
        return False
    lead = _skip_back(norms, n.start)
    return (lead >= 1 and norms[lead - 1] in _AND_WORD and prev.unit_end < lead - 1
            and norms[prev.unit_end] in _FROM_WORD)


_FROM_WORD = _word_set("from từ tu")  # with "tu": Vietnamese written without diacritics
_AND = _word_set("and plus và cùng cộng")
_AND_WORD = _AND | _word_set("va")  # with "va": Vietnamese written without diacritics
_THAN = _words("than")
_AFTER_ELIDED = _GAP_STOP | _BARE_NEXT | _TOWARD


def _moved_alone(tokens: Sequence[Token], norms: _Words, text: str, stop: int, n: NumberSpan) -> bool:
    """``Romania is to deploy about 90 more, adding to ...``, ``Ba Lan sẽ điều thêm 120 tới Kosovo``: a number of
    adding right after a verb of moving, with no noun after it, counts the troops the article speaks of, though no
    troop figure stands before it in the sentence (not ``send 300 more tanks``)."""
    if _ending_at(norms, _skip_back(norms, n.start), _MOVES) is None:
        return False
    j = n.end + 1 if n.end < len(norms) and norms[n.end] in _MORE else n.end
    return (j >= len(norms) or norms[j] in _AFTER_ELIDED
            or _CLAUSE_END.match(text, tokens[j - 1].end, stop) is not None)


def _after_by(norms: _Words, start: int) -> int | None:
    """``by (about) N``, ``thêm N``: a number of changing; the position of its ``by``."""
    lead = _skip_back(norms, start)
    return next((i for i in range(start - 1, max(lead - 2, -1), -1) if norms[i] in _BY), None)


_PEOPLE = _words("người")
# words before "N người" where a strength word makes them troops ("quân số của phái bộ hiện vào khoảng 4.700
# người"); not after "thêm" ("cắt giảm quân số thêm 30 người" is a change, read as one after "by")
_PEOPLE_REACH = 8
_PERCENT = re.compile(r"\s*%")
_PERCENT_WORD = _words("percent", "per cent", "phần trăm")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]\u2013\u2014]|\s-\s")
# A short name in brackets (``the NATO-led Kosovo Force (KFOR) has returned``, ``Cô-xô-vô (Kosovo)``): no clause.
_BRACKETED_NAME = re.compile(r"\(\s*[^\W\d][\w\-.]*(?:\s+[^\W\d][\w\-.]*)?\s*\)")


def _clause_cuts(tokens: Sequence[Token], text: str) -> list[int]:
    """Where the clauses of a sentence (its ``tokens``) start: after a comma, a bracket, a colon or a dash; not around
    a short name in brackets."""
    if not tokens:
        return []
    starts = [t.start for t in tokens]
    cuts: list[int] = []
    named = [m.span() for m in _BRACKETED_NAME.finditer(text, tokens[0].start, tokens[-1].end)]
    for m in _CLAUSE_MARK.finditer(text, tokens[0].end, tokens[-1].start):
        if any(a <= m.start() < b for a, b in named):
            continue
        i = bisect_right(starts, m.start())  # the token after the mark, unless the mark is inside a number
        if tokens[i - 1].end <= m.start() and (not cuts or cuts[-1] != i):
            cuts.append(i)
    return cuts


# A clause that names what stands before it: "the force, known as KFOR, ...", "lực lượng này, còn gọi là KFOR, ...".
_NAMING = ("known as", "also known as", "called", "also called", "dubbed", "also dubbed", "gọi là", "còn gọi là",
           "được gọi là", "hay còn gọi là", "goi la", "con goi la", "duoc goi la")


def _naming(tokens: Sequence[Token]) -> bool:
    """The clause of ``tokens`` opens by naming the noun before it (see ``_NAMING``)."""
    opening = " ".join(norm_word(t.norm, False) for t in tokens[:4])
    return any(opening == p or opening.startswith(p + " ") for p in _NAMING)


def _in_clauses(figures: list[_Figure], tokens: Sequence[Token], text: str) -> list[_Figure]:
    """The figures with the tokens of their clauses (``_Figure.clause``)."""
    if not figures:
        return figures
    cuts = _clause_cuts(tokens, text)
    out = []
    for f in figures:
        k = bisect_right(cuts, f.start)
        head = cuts[k - 1] if k else 0
        # "The Kosovo Security Force (KSF), which has about 2,500 members, is due to grow to 5,000 troops": the
        # clause before is a relative one, and the subject stands before it
        # (or one that names it: "The force, known as KFOR, is some 3,700 strong")
        if k >= 2 and (norm_word(tokens[cuts[k - 2]].norm, False) in _RELATIVE
                       or _naming(tokens[cuts[k - 2] : cuts[k - 1]])):
            head = cuts[k - 3] if k >= 3 else 0
        # "..., and the EU's EUFOR operation in Bosnia, which has about 1,100 troops": a relative clause is about the
        # clause before it, where its subject stands, and so is an apposition of a size ("Lực lượng EUFOR, với quân
        # số khoảng 1.100 người, ...", "the EU force, with some 1,100 troops, ...")
        elif k and (norm_word(tokens[cuts[k - 1]].norm, False) in _RELATIVE
                    or norm_word(tokens[cuts[k - 1]].norm, True) in _WITH_FOLDED):
            head = cuts[k - 2] if k >= 2 else 0
        out.append(replace(f, clause=(cuts[k - 1] if k else 0, cuts[k] if k < len(cuts) else len(tokens)),
                           head=head, cuts=tuple(cuts)))
    return out


# A full stop before white space ends the clause too, where the sentence was not cut there ("hồi tháng 9. Số binh sĩ
# tăng thêm ...": the 9 is the month's, the soldiers the next sentence's).
_CLAUSE_END = re.compile(r"\s*(?:[,;:)]|[.!?](?:\s|$))")
_APPOSITION = re.compile(r"[:\u2013\u2014]")
_DATE_PART = re.compile(r"[/\-.]\d")  # 29/5, 29-5, 29.5: the day before a month
_DATE_PART_BEFORE = re.compile(r"(?<!\d)(?:[0-2]?\d|3[01])[/\-.]$")  # ... and the month after a day
_LAST_DAY = 31


def _mark_parts(figures: list[_Figure], norms: _Words) -> list[_Figure]:
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


def _shares_unit(tokens: Sequence[Token], text: str, norms: _Words, n: NumberSpan, nxt: NumberSpan,
                 numbers: dict[int, NumberSpan]) -> bool | None:
    """``350 German and 250 Austrian soldiers``, ``from 3,800 to about 4,500 troops``: True when ``n`` is
    counted in the troop word of the next number, False when the two are joined but the next has no troop
    word either (``from 3,800 to 4,500.``), None when they are not joined, or when a thing of its own stands
    between (``two transport helicopters and 35 soldiers``, ``2 trực thăng và 35 quân nhân``: lower case, no word of
    counting)."""
    between = norms[n.end : nxt.start]
    if len(between) > 3 or not any(w in _JOINERS for w in between):
        return None
    if _CLAUSE_MARK.search(text, tokens[n.end - 1].end, tokens[nxt.start].start):
        return None  # "khi bước vào Kosovo năm 1999, KFOR có tới 50.000 quân": a clause of its own ends the first
    if any(_own_noun(tokens, text, norms, i) for i in range(n.end, nxt.start)):
        return None
    return _unit_after(norms, nxt.end, numbers) is not None


# Words that may stand between two numbers that share one troop word: joiners, approximators, words of adding or time.
_BETWEEN_NUMBERS = _JOINERS | _GAP_STOP | _ADD_ADJ | _BARE_NEXT | frozenset(
    w for p in _APPROX for w, _ in p)


def _own_noun(tokens: Sequence[Token], text: str, norms: _Words, i: int) -> bool:
    """The word at ``i`` is a lower-case word that counts nothing: the thing the number before it counts."""
    word = text[tokens[i].start : tokens[i].end]
    return word[:1].islower() and norms[i] not in _BETWEEN_NUMBERS


_BETWEEN = _words("between", "giữa", "từ khoảng giữa")
_RANGE_JOINERS = _word_set("to or hoặc đến tới")


def _lower_bound(norms: _Words, n: NumberSpan) -> bool:
    """The number is the lower bound of a range of one group of troops: ``between 500 and 600 soldiers``, ``500 to 600
    troops``, ``500 hoặc 600 binh sĩ`` (not ``from 3,800 to 4,500 troops``, two strengths)."""
    lead = _skip_back(norms, n.start)
    joiner = norms[n.end] if n.end < len(norms) else ""
    if _ending_at(norms, lead, _BETWEEN) is not None:
        return joiner in _AND
    return joiner in _RANGE_JOINERS and _ending_at(norms, lead, _FROM_X) is None and (
        _ending_at(norms, lead, _TO_Y) is None)


def _thousands(tokens: Sequence[Token], n: NumberSpan) -> bool:
    """A number that can be a strength on its own: in the thousands, written with a separator or a
    scale word (``14,000``, ``10.000``, ``một nghìn``), never a bare year (``2026``)."""
    if n.value < 1000:
        return False
    return n.end - n.start > 1 or not tokens[n.start].norm.isdigit()


def _unit_at(norms: _Words, i: int) -> int | None:
    """The end of the troop word at ``i``, if one starts there (the first of ``UNITS`` that does)."""
    if not _find(norms, UNITS, i, i + 1):
        return None
    return next(i + len(p) for p in UNITS if _at(norms, i, p))


def _unit_after(norms: _Words, pos: int, numbers: dict[int, NumberSpan]) -> int | None:
    for gap in range(_UNIT_GAP + 1):
        if pos + gap in numbers or (gap and pos + gap - 1 < len(norms) and norms[pos + gap - 1] in _GAP_STOP):
            return None
        unit = _unit_at(norms, pos + gap)
        if unit is not None:
            return unit
    return None


_NAMES_GAP = 4  # "seven hundred German and Austrian soldiers", "300 U.S. and Italian troops"


def _unit_after_names(tokens: Sequence[Token], norms: _Words, text: str, pos: int) -> int | None:
    """The troop word after a run of capitalized names joined by "and" (nationalities, units): its end."""
    for k in range(pos, min(pos + _NAMES_GAP + 1, len(norms))):
        unit = _unit_at(norms, k)
        if unit is not None:
            return unit if k > pos else None
        word = text[tokens[k].start : tokens[k].end]
        if not (word[:1].isupper() or norms[k] in _AND or norms[k] in _ADD_ADJ):
            return None
    return None


_WHOLE_OF = _PARTITIVE + _words("out of", "out of its", "out of the", "out of a total of", "of a total of")
_WHOLE_GAP = 3  # words between "of" and the whole's number: "of its roughly", "trong tổng số gần"


def _whole_after(norms: _Words, n: NumberSpan, unit: int, numbers: dict[int, NumberSpan]) -> set[int]:
    """``cut 80 soldiers out of its roughly 300``, ``cắt giảm 80 binh sĩ trong tổng số gần 300 quân nhân``: a
    larger number right after the troops' "of" is the whole they are part of (a contingent's size), no figure;
    the start of that number. Not ``the 4,500-strong force`` (the force's strength, read as such)."""
    for p in _WHOLE_OF:
        if not _at(norms, unit, p):
            continue
        for k in range(unit + len(p), unit + len(p) + _WHOLE_GAP):
            whole = numbers.get(k)
            if whole is not None:
                if whole.value > n.value and not _at(norms, whole.end, _STRONG[0]):
                    return {k}
                return set()
    return set()


def _partitive(norms: _Words, pos: int, numbers: dict[int, NumberSpan]) -> tuple[int, int] | None:
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


# "up to N" after a verb of being allowed in the figure's clause: what may be done is a ceiling, not troops moved
# (``the government may temporarily raise the contingent by up to 20 soldiers``).
_UP_TO = _words("up to", "as many as")
_PERMITTED_BEFORE = _PERMITTED + _words("is allowed to", "are allowed to", "is authorised to", "is authorized to",
                                        "would be allowed to", "will be allowed to", "được quyền")
_PERMITTED_REACH = 8  # words before "up to" where the verb of being allowed stands


def _permitted_up_to(norms: _Words, fig: _Figure) -> bool:
    """``may send up to 200 soldiers``, ``could raise the contingent by up to 20 troops``: the most that is allowed,
    not a movement (not ``in May, up to 200 soldiers arrived``)."""
    lead = _skip_back(norms, fig.start)
    up = next((i for i in range(lead, fig.start) if any(_at(norms, i, p) for p in _UP_TO)), None)
    if up is None:
        return False
    lo = max(fig.clause[0], up - _PERMITTED_REACH)
    return any(i == 0 or norms[i - 1] not in _MONTH_BEFORE for i in _find(norms, _PERMITTED_BEFORE, lo, up))


def _ceiling(norms: _Words, fig: _Figure) -> bool:
    """The figure is a ceiling: a word of one right before it (``tối đa 400 binh sĩ``, ``a maximum of 235``), one
    earlier in its clause with no word of moving between (``the troop ceiling stays at 400 soldiers``), or a verb
    of being allowed after it (``up to 400 soldiers may be deployed``; not ``in May``)."""
    before = _skip_back(norms, fig.start)
    if _ending_at(norms, before, _CAP) is not None:
        return True
    if _permitted_up_to(norms, fig):
        return True
    if any(norms[i - 1] not in _MONTH_BEFORE
           for i in _find(norms, _PERMITTED, fig.unit_end, fig.unit_end + _PERMITTED_WINDOW)):
        return True
    window = _scaled(norms, _CAP_WINDOW)
    caps = _find(norms, _CAP_NOUN, max(fig.clause[0], before - window), before)
    return bool(caps) and not _find(norms, _MOVES, caps[-1] + 1, before)


def _classify(fig: _Figure, norms: _Words, folded: _Words, rules: FactRules) -> int | None:
    """The fact kind of a figure of the force: 0 total, +1 added, -1 removed, None neither."""
    # "30 soldiers from KFOR, NATO's 3,700-strong Kosovo mission, were injured": the casualties are the 30
    if _hurt(norms, fig):
        return None
    # "some 200 soldiers, already in Kosovo for an exercise, would be placed under KFOR's command": troops put under the
    # force are added to it, wherever they were before
    if not fig.part and fig.value < MIN_TOTAL and _placed_under_force(norms, folded, rules, fig):
        return 1
    if _cumulative(norms, fig):
        return None
    # the force's strength is in the thousands; "trong đó có bốn mươi quân nhân" is a contingent, never a total
    whole = not fig.part and fig.value >= MIN_TOTAL
    # troops put on standby are moved nowhere; but the force's whole strength on alert is still its strength
    # ("KFOR, với khoảng 4.500 binh sĩ, đang ở trong tình trạng sẵn sàng cao", "KFOR's 4,500 troops are on standby")
    if _on_standby(norms, fig):
        return _standby_total(fig, norms, folded, rules) if whole else None
    before = _skip_back(norms, fig.start)
    if _ceiling(norms, fig):
        return None
    if fig.strong and whole:
        return 0
    if whole and _force_of_size(fig, before, norms, folded, rules):
        return 0
    if _past(norms, fig):
        # "thời điểm quân số của Đức từng lên tới 8.500 người", "At its peak KFOR had 50,000 troops", "At its peak,
        # Germany had sent more than 6,000 troops": a figure of the past is neither a strength now nor a movement
        return None
    force_before = _find(folded, rules.force, 0, before) or _find(norms, ANAPHORA, 0, before)
    if _recipient(norms, before):
        return 0 if whole and (_find(folded, rules.force) or force_before) else None
    # "KFOR's Polish contingent has 250 soldiers", "Ý, nước đóng góp lớn cho KFOR với 1.100 binh sĩ": what a
    # contingent or a contributor has or reaches is not the force's; but a relative clause after the force is
    # about the force ("one of the main contributors to KFOR, which numbers 4,400 troops")
    of_force = False
    if force_before:
        relative = force_before[-1] < fig.clause[0] and norms[fig.clause[0]] in _RELATIVE
        # a few words before the force's name, in its clause ("the Polish contingent of KFOR has"; not "With the
        # Romanian company, KFOR now counts about 4,700 troops", where the unit is told in a lead of its own)
        named_in = max((c for c in fig.cuts if c <= force_before[-1]), default=0)
        lo = fig.clause[0] if relative else min(fig.clause[0], max(force_before[-1] - 3, named_in))
        of_force = not _find(norms, _PARTS, lo, before)
    if before > 0 and _ending_at(norms, before, REACH) is not None and of_force and whole:
        return 0
    # "withdraw 150 troops from KFOR, leaving about 4,300", "rút 150 binh sĩ, chỉ còn lại 700 binh sĩ": what is left
    # after a movement is the force's strength, or a contingent's size, never the troops moved
    if _remaining(norms, before):
        return 0 if of_force and whole else None
    # "KFOR currently numbers about 3,800. The reinforcements will bring it to roughly 4,500": "it" is the force
    # of the sentence before (the figure's sentence is the force's, see ``extract_facts``)
    if whole and (_ending_at(norms, before, _IT_REACH) is not None or _brought_to(norms, folded, rules, before)):
        return 0
    have = _ending_at(norms, before, HAVE)
    if of_force and have is not None and whole:
        return 0
    # "NATO has about 4,500 troops in Kosovo", "a NATO force in Kosovo that still counts some 4,300 troops", "ở Kosovo,
    # nơi NATO vẫn duy trì khoảng 4.600 quân": the alliance's troops in the force's place are the force
    if have is not None and whole and _alliance_in_place_has(fig, have, norms, folded, rules):
        return 0
    # "Today we are about 4,500", "we will be close to 4,800 soldiers": the force speaking of its strength
    if _ending_at(norms, before, _WE_ARE) is not None and whole:
        return 0
    # "Kfor was a vast enterprise: some fifty thousand soldiers": the force named, then its strength after a colon
    if (fig.apposed and whole and _find(folded, rules.force, before - 8, before)
            and not _find(norms, _MOVES, before - 8, before)):
        return 0
    # "quân số của phái bộ hiện là hơn 4.000 binh sĩ", "KFOR's strength is now about 4,500"
    copula = _ending_at(norms, before, _COPULA)
    if of_force and copula is not None and _find(norms, _STRENGTH, copula - 5, copula) and whole:
        return 0
    if whole and _serving_in_force(fig, before, norms, folded, rules):
        return 0
    if whole and _strength_of_force(fig, before, norms, folded, rules):
        return 0
    # "quân số KFOR hiện vào khoảng 4.500 người": the force's strength word and name right before the figure
    named_at = _ending_at(folded, before, rules.force)
    if whole and named_at is not None and _find(norms, _STRENGTH, named_at - 3, named_at):
        return 0
    # "there are now some 4,800 KFOR troops in Kosovo": the force's own troops after "there are" are its strength,
    # whatever arrived before
    if whole and _ending_at(norms, before, _THERE_ARE) is not None and _force_troops(fig, before, norms, folded, rules):
        return 0
    if fig.bare:
        return _classify_bare(fig, before, norms, folded, rules)
    # "cut its KFOR contingent to 150 soldiers", "tăng đóng góp lên 300 binh sĩ": the size a contingent is brought
    # to (the force's was read above) is no change
    to = None if fig.ranged else _ending_at(norms, before, _TARGET)
    if to is not None and (_removals(norms, to - _TARGET_REACH, to) or _find(norms, ADD, to - _TARGET_REACH, to)):
        return None
    # "quân số Italy tại Kosovo sẽ lên khoảng 1.150 người", "Italy's contingent will grow to about 1,150": the strength
    # a contingent reaches (the force's was read above) is its size, whatever the sentence adds
    if _reached_size(norms, fig):
        return None
    if whole and _from_nations(norms, fig.unit_end) and not _of_a_part(norms, folded, before, rules):
        return 0
    before_window, after_window = _windows(norms)
    lo, hi = fig.start - before_window, fig.unit_end + after_window
    if _serving_elsewhere(norms, folded, fig, rules):
        return None
    if _size(norms, fig):
        # "The Polish contingent, which currently numbers around 250 soldiers, will be reduced": a size stated in
        # its own clause; a word of moving outside the clause moves the contingent, not the figure
        # ("hiện có khoảng 1.000 binh sĩ tại Kosovo và sẽ gửi thêm 200 quân": what follows "and" before the next
        # figure is that figure's)
        lo, hi = max(lo, fig.clause[0]), min(hi, fig.clause[1], fig.next_start)
        hi = next((i for i in range(fig.unit_end, hi) if norms[i] in _AND and fig.next_start < len(norms)), hi)
    removes = [i for i in _removals(norms, lo, hi) if not fig.start <= i < fig.unit_end]
    adds = [i for i in _find(norms, ADD, lo, hi) if not fig.start <= i < fig.unit_end and not _stative(norms, i)]
    # "more" / "thêm" count only where they qualify the troops, not in "more than 800"
    # (nor in "4,300 troops more than a quarter-century after the war": "more than" compares, it adds nothing)
    adds = [i for i in adds if norms[i] not in ("more", "hơn") or (i >= fig.start and not _at(norms, i + 1, _THAN[0]))]
    named_added = _find(norms, _REINFORCEMENTS, fig.end, fig.unit_end) or any(
        w in _ADD_ADJ for w in norms[fig.end:fig.unit_end])
    if (named_added
            and not any(_GOVERNING_GAP >= before - i >= 0 for i in removes if i < fig.start)):
        # "700 reinforcements", "50 additional soldiers"; not what a verb of removing right before them takes away
        # ("rút 150 quân tăng viện khỏi Kosovo", "withdraw 150 reinforcements")
        adds.append(fig.end)
    # "would not withdraw its 250 soldiers": a movement denied is none; a direction after the figure ("không
    # rút 250 binh sĩ khỏi Kosovo") is denied by a negation before the figure
    removes = [i for i in removes if not _negated(norms, i)]
    adds = [i for i in adds if not (_negated(norms, i) or _if_needed(norms, i))]
    denied = _negated(norms, _skip_back(norms, fig.start), 6)
    removes += [i for i in _departures(norms, folded, rules, lo, hi) if not (denied or _negated(norms, i))]
    adds += [i for i in _arrivals(norms, folded, rules, lo, hi) if not (denied or _negated(norms, i) or
                                                                        _if_needed(norms, i))]
    if _size(norms, fig):
        # "Austria also has around 300 soldiers deployed with EUFOR": a participle right after the troops of a size
        # says where they are, not that they are sent
        adds = [i for i in adds if not (norms[i] in _PARTICIPLES and fig.unit_end <= i <= fig.unit_end + 1)]
        # "which will number about 700 troops after the drawdown", "sẽ có khoảng 700 binh sĩ sau đợt cắt giảm": a
        # word of moving after "after" dates the size, it does not move the figure
        removes = [i for i in removes if not _dated(norms, i)]
        adds = [i for i in adds if not _dated(norms, i)]
    removes = [i for i in removes if not _in_time_lead(norms, fig, i)]
    adds = [i for i in adds if not _in_time_lead(norms, fig, i)]
    # "Some 500 soldiers of the battalion, which was sent in 2023 after the riots, will be withdrawn": a relative clause
    # right after the figure's tells the past of its noun; the verb after it, however far, tells what the troops do
    rel = _relative_after(norms, fig)
    if rel is not None:
        end, far = rel
        then_removes = _removed_in(norms, end, far)
        then_adds = [i for i in _find(norms, ADD, end, far) if not (_negated(norms, i) or _if_needed(norms, i))]
        if then_removes or then_adds:
            removes = [i for i in removes if not fig.clause[1] <= i < end] + then_removes
            adds = [i for i in adds if not fig.clause[1] <= i < end] + then_adds
    # of sending that the extension governs ("the deployment of") sends nothing
    extends = _find(norms, _EXTEND, lo, fig.start)
    if extends and not any(w in _ADD_ADJ for w in norms[fig.end:fig.unit_end]):
        adds = [i for i in adds if not any(0 < i - e <= _EXTEND_REACH for e in extends)]
        if max(extends) > max((i for i in adds + removes if i < fig.start), default=-1):
            return None
    group = before if _ending_at(norms, before, _INCLUDING) is not None else _unit_made_of(norms, fig, before)
    if not (removes or adds) and group is not None:
        # "triệu hồi toàn bộ binh sĩ ..., trong đó có bốn mươi quân nhân phục vụ trong KFOR": a part of troops
        # moved earlier in the sentence moves with them; so do the troops a unit moved is made of ("the deployment
        # of a helicopter detachment with two transport helicopters and 35 personnel")
        removes, adds = _removed_in(norms, 0, group), _added_in(norms, 0, group)
        if not (removes or adds) and (predicate := _apposition_predicate(norms, fig)):
            removes, adds = _removed_in(norms, *predicate), _added_in(norms, *predicate)
    if not (removes or adds) and (by := _after_by(norms, fig.start)) is not None and norms[by] == "by":
        # "scale back its contribution to NATO's Kosovo Force (KFOR) by about a hundred troops": "by N troops" is
        # the amount of a change whose verb stands further back than the window
        direction = _changed_by(norms, by, far=True)
        if direction:
            return direction
    if not (removes or adds):
        # "about 4,500 KFOR troops", "4.500 binh sĩ của KFOR", "4,500 NATO peacekeepers in Kosovo", "KFOR's 4,500
        # troops", with no movement: the force's own troops
        return 0 if whole and _force_troops(fig, before, norms, folded, rules) else None
    removes, adds = _past_participle(norms, fig, removes, adds)
    if removes and adds:
        # "đã kết thúc nhiệm vụ tăng cường cho KFOR và trở về nước", "ended their reinforcement mission and went home":
        # a word of adding that names a task tells what the troops did, not where they go now
        adds = [i for i in adds if not (_find(norms, _TASKS, i - _TASK_GAP, i) or _find(norms, _TASKS, i + 1, i + 2))]
    if not (removes and adds):
        return -1 if removes else 1
    # "sẽ rời căn cứ ở Craiova để tới Kosovo", "will leave their barracks in Germany for Kosovo": a word of leaving
    # with no place after it leaves a base; the place they go to tells the movement
    if _arrivals(norms, folded, rules, lo, hi) and all(norms[i] in _AWAY for i in removes):
        return 1
    # "send 200 troops to Kosovo as the U.S. urges Serbia to pull back forces": the word of moving nearest
    # the figure is the one that tells what its troops do; as near before as after, the verb before governs the
    # troops and the word after names them ("rút 200 binh sĩ tăng cường", withdraw 200 reinforcement troops)
    def distance(i: int) -> tuple[int, int]:
        return (fig.start - i, 0) if i < fig.start else (i - fig.unit_end + 1, 1)
    return -1 if min(map(distance, removes)) < min(map(distance, adds)) else 1


_GOVERNING_GAP = 3  # words between a verb and the troops it governs ("rút toàn bộ", "withdraw all its")
_TASKS = _words("mission", "missions", "nhiệm vụ", "sứ mệnh", "tour", "deployment")  # what troops came to do
_TASK_GAP = 2  # words from the task to the word of adding that names it ("mission of reinforcing")
# words of the predicate after a relative clause where its verb of moving stands ("will be withdrawn")
_RELATIVE_REACH = 4
# Right after the troops, a participle that tells how they came or went (``500 soldiers sent to Kosovo last June``,
# ``500 binh sĩ được điều tới Kosovo``): English forms that are participles, Vietnamese after the passive ``được``.
_PARTICIPLE_MOVES = _word_set(
    "sent deployed dispatched redeployed flown brought withdrawn pulled recalled moved transferred")
_PASSIVE = _word_set("được đã duoc da")
# between a relative word and its participle (``a battalion of 500 soldiers that was sent this summer``)
_AUXILIARY = _word_set("was were had has have been")
_PARTICIPLE_GAP = 3  # words of a nation's name between the troops and "được": "binh sĩ Thổ Nhĩ Kỳ được điều"


def _past_participle(norms: _Words, fig: _Figure, removes: list[int], adds: list[int]) -> tuple[list[int], list[int]]:
    """``Some 500 soldiers sent to Kosovo last June as NATO's reserve have completed their mission and returned home``,
    ``khoảng 500 binh sĩ Áo được điều tới Kosovo hồi tháng 6 ... đã hoàn thành nhiệm vụ và trở về nước``: a participle
    right after the troops (and their nation's name) describes them; a word of moving the other way after it in the
    clause, however far, tells what they do now. The words of the participle's direction from it to that word are
    dropped; (removes, adds)."""
    p = next((k for k in range(fig.unit_end, min(fig.unit_end + _PARTICIPLE_GAP + 1, len(norms)))
              if norms[k] in _PASSIVE or norms[k] in _PARTICIPLE_MOVES), None)
    if p is None or p > _troop_noun_end(norms, fig) and norms[p] not in ("được", "duoc") and not (
            (norms[fig.unit_end] in _RELATIVE or norms[fig.unit_end] == "who")
            and set(norms[fig.unit_end + 1 : p]) <= _AUXILIARY):
        return removes, adds
    while p < len(norms) and norms[p] in _PASSIVE:
        p += 1
    hi = fig.clause[1]
    if p in adds:
        # after troops sent, coming back is leaving, wherever to (``sent to bolster KFOR ... have returned to the UK``)
        back = [i for i in _find(norms, _BACK_AGAIN, p + 1, hi) if not _negated(norms, i)]
        later = sorted(set(_removed_in(norms, p + 1, hi) + back))
        return (removes + later, [i for i in adds if not p <= i < later[0]]) if later else (removes, adds)
    if p in removes:
        later = _added_in(norms, p + 1, hi)
        return ([i for i in removes if not p <= i < later[0]], adds + later) if later else (removes, adds)
    return removes, adds


def _troop_noun_end(norms: _Words, fig: _Figure) -> int:
    """Where the noun of the figure's troops ends: after its troop word, or after the unit that ``N-strong`` sizes
    (``the 400-strong infantry battalion``, a few words on)."""
    if not (fig.end < len(norms) and _at(norms, fig.end, _STRONG[0])):
        return fig.unit_end
    units = _find(norms, _TROOP_NOUNS, fig.unit_end, fig.unit_end + _PARTICIPLE_GAP)
    return units[0] + 1 if units else fig.unit_end


def _relative_after(norms: _Words, fig: _Figure) -> tuple[int, int] | None:
    """The clause after the figure's is a relative one (``, which ...,``) and another follows it: where that one starts
    and how far its verb is looked for."""
    c = fig.clause[1]
    if c >= len(norms) or norms[c] not in _RELATIVE or fig.next_start < len(norms):
        return None
    end = next((k for k in fig.cuts if k > c), None)
    if end is None:
        return None
    nxt = next((k for k in fig.cuts if k > end), len(norms))
    return end, min(nxt, end + _RELATIVE_REACH + 1)


# Right before a figure: it is what is left after a movement (``leaving about 4,300``, ``chỉ còn lại 700 binh sĩ``),
# also with its owner between (``leaving its contingent with 1,200 soldiers``).
# A verb of leaving right before the troops leaves them in place (``the cut will leave roughly 150 soldiers``, ``để lại
# 150 binh sĩ``); troops that leave stand before the verb (``150 soldiers will leave Kosovo``).
_REMAINING = _words("leaving", "leaves", "leave", "left", "left with", "còn lại", "chỉ còn", "chỉ còn lại",
                    "sẽ còn lại", "để lại")
_LEAVING = _words("leaving", "leaves", "leave", "left")
_WITH = _words("with", "với")
_WITH_FOLDED = frozenset({"with", "voi"})  # "với" as ``_in_clauses`` compares it, diacritics folded
_LEFT_WITH_GAP = 4  # words between "leaving" and "with": "leaving the Italian contingent with"


def _remaining(norms: _Words, before: int) -> bool:
    if _ending_at(norms, before, _REMAINING) is not None:
        return True
    return _ending_at(norms, before, _WITH) is not None and bool(
        _find(norms, _LEAVING, before - 1 - _LEFT_WITH_GAP, before - 1))


# Right before a word of moving: a time that dates a state (``after the drawdown``, ``sau đợt cắt giảm``), also told
# as what comes with it (``with the reinforcement the contingent will number about 310``, ``với đợt bổ sung này``).
_AFTER_TIME = _words("after", "following", "once", "upon", "sau", "sau khi", "sau đợt", "with", "với")
_DATED_GAP = 3  # words from the time word to the word of moving: "after the planned drawdown"


def _dated(norms: _Words, i: int) -> bool:
    return bool(_find(norms, _AFTER_TIME, i - _DATED_GAP, i))


# A lead of time of its own that names a movement (``Before this reinforcement,``, ``Trước đợt bổ sung này,``, ``After
# the drawdown,``) dates what its sentence states after it; it moves none of its troops (``Before this reinforcement,
# Romania kept a unit of about 55 soldiers in Kosovo``). Not a lead with a verb (``After arriving in Pristina, 120
# soldiers ...``): the movement is named with one of these.
_BEFORE_TIME = _words("before", "prior to", "ahead of", "trước", "trước khi")
_TIME_LEAD = _AFTER_TIME + _BEFORE_TIME
_EVENT = _word_set("the this that its their these đợt việc cuộc lần")


def _in_time_lead(norms: _Words, fig: _Figure, i: int) -> bool:
    """The word of moving at ``i`` is in a lead of time that opens a clause before the figure's (see ``_TIME_LEAD``)."""
    if i >= fig.clause[0]:
        return False
    opens = {0, *fig.cuts}
    return any(t in opens and any(w in _EVENT for w in norms[t:i])
               for t in _find(norms, _TIME_LEAD, i - _DATED_GAP, i))


# Right before a figure: it is a size the sentence states (``which numbers 250 soldiers``, ``hiện có 250 binh sĩ``).
_HAS = _words("has", "have", "had", "having", "number", "numbers", "numbered", "numbering", "counts", "totals",
              "totalled", "totaled", "totalling", "totaling", "with", "comprising", "có", "hiện có", "vốn có",
              "đang có", "với", "gồm", "bao gồm",
              # a standing contribution: "Türkiye already contributes some 350 soldiers", "vốn đã duy trì 350 binh sĩ"
              "maintains", "maintained", "keeps", "kept", "contributes", "provides", "duy trì")
# Troops that "are deployed" or "remain stationed" somewhere are there, not sent (``where 6,000 soldiers are
# currently deployed``).
_BE = _word_set("is are remain remains stay stays")
_STILL = _word_set("currently now still already permanently also")
_PARTICIPLES = _word_set("deployed stationed based")


_THERE_ARE = _words("there are", "there will be", "there were")
_TARGET = _words("to", "lên", "xuống", "xuống còn", "còn")  # not "đến"/"tới": "gửi tới 500 binh sĩ" sends them
_TARGET_REACH = 5  # words before "to" where the verb of changing stands ("cut its KFOR contingent to")
# A mandate or a deployment extended keeps the troops it names (``extended the deployment of up to 195 soldiers``).
_GROWS_TO = _words("to", "lên", "lên tới", "lên đến", "đạt", "đạt tới", "reach", "reaches", "will reach", "xuống",
                   "xuống còn", "còn")
_GROWS_REACH = 8  # words before the word of reaching where the contingent's strength word stands


def _reached_size(norms: _Words, fig: _Figure) -> bool:
    """The strength a contingent reaches (``the Hungarian contingent will reach some 500 personnel``, ``quân số Italy
    tại Kosovo sẽ lên khoảng 1.150 người``): its size, however troops moved in this sentence or the one before."""
    reach = _ending_at(norms, _skip_back(norms, fig.start), _GROWS_TO)
    return reach is not None and bool(
        _find(norms, _UNIT_OR_STRENGTH, max(fig.clause[0], reach - _GROWS_REACH), reach))


_EXTEND = _words("extend*", "prolong*", "renew*", "gia hạn", "kéo dài")
_EXTEND_REACH = 4  # words after the verb of extending that it governs ("extended the deployment of")
# Right after the troop word (and a nation's name): the troops serve somewhere now. Where that is not the force or
# its place, the figure is no fact of the force, whatever a word of moving elsewhere in the sentence says
# (``Hiện khoảng 10.000 binh sĩ Ba Lan đang làm nhiệm vụ tại khu vực giáp biên giới với Belarus``, ``some 2,000
# Polish soldiers are currently stationed along the border with Belarus``).
_SERVING_NOW = _words("đang làm nhiệm vụ", "đang phục vụ", "đang đóng quân", "đang đồn trú", "đang tham gia",
                      "are serving", "are currently serving", "are stationed", "are currently stationed",
                      "are based", "are currently based", "are deployed", "are currently deployed", "serve in",
                      "currently serve", "serving in", "serving with", "taking part in", "participating in")
_SERVING_PARTICIPLE = _words("serving in", "serving with", "taking part in", "participating in", "đang làm nhiệm vụ",
                             "đang phục vụ", "đang đóng quân", "đang đồn trú", "đang tham gia")
_NOW = _words("at present", "currently", "now", "today", "hiện", "hiện nay", "hiện tại", "hiện đang")
# After a verb of serving: where the sentence before named (``serving there``, ``đang phục vụ tại đây``).
_THERE = _words("there", "here", "đó", "đây", "the force", "the mission", "this force", "this mission",
                "lực lượng này", "sứ mệnh này", "phái bộ này")
_SERVING_GAP = 3  # words (a nation's name) between the troop word and the verb of serving


def _serving_elsewhere(norms: _Words, folded: _Words, fig: _Figure, rules: FactRules,
                       gap: int = _SERVING_GAP) -> bool:
    """A verb of serving now within ``gap`` words after the troop word (not the force's troops by name), and neither
    the force nor its place named after it in the figure's clause, as far as a verb of moving is looked for (the
    force's long Vietnamese name comes before its place: ``đang phục vụ trong Lực lượng gìn giữ hòa bình do NATO dẫn
    dắt tại Cô-xô-vô``)."""
    serving = _find(norms, _SERVING_NOW, fig.unit_end, min(fig.unit_end + gap + 1, fig.clause[1], fig.next_start))
    if not serving or _find(folded, rules.force, fig.end, serving[0]):
        # troops the force's name owns serve in it, wherever that is said ("4.500 binh sĩ KFOR vẫn đang đồn trú")
        return False
    hi = min(serving[0] + _windows(norms)[1], fig.clause[1])
    return not (_find(folded, rules.force, serving[0], hi) or _find(folded, rules.place, serving[0], hi)
                or _find(norms, _THERE, serving[0], hi))


_BEEN = frozenset({"been"})
_SINCE_REACH = 4  # words after the participle where "since" dates the state: "deployed in Kosovo since"


def _stative(norms: _Words, i: int) -> bool:
    """``are currently deployed``; also ``have been deployed since the war``, ``has been stationed there since
    1999``: a state since a time, not troops sent."""
    if norms[i] not in _PARTICIPLES:
        return False
    k = i - 1 if i > 0 and norms[i - 1] in _STILL else i
    if k > 0 and norms[k - 1] in _BEEN:
        return bool(_find(norms, _SINCE, i + 1, i + 1 + _SINCE_REACH))
    return k > 0 and norms[k - 1] in _BE


def _size(norms: _Words, fig: _Figure) -> bool:
    """The figure is a size stated after a verb of having (``which numbers 250 soldiers``, ``hiện có 250 binh
    sĩ``), not troops added (``has 700 more troops``, ``có thêm 700 binh sĩ``; ``more than`` adds nothing)."""
    if fig.sized:
        return True
    before = _skip_back(norms, fig.start)
    if _find(norms, _SERVING_NOW, fig.unit_end, min(fig.unit_end + _SERVING_GAP + 1, fig.clause[1])) and (
            _find(norms, _NOW, 0, fig.start) or not _find(norms, _SERVING_PARTICIPLE, fig.unit_end, fig.clause[1])):
        # "At present 41 Moldovan servicemen serve in the mission": troops serving now are a size; not the subject of
        # a verb of moving, "40 soldiers serving in KFOR will leave", "40 quân nhân đang phục vụ trong KFOR sẽ rời"
        # (Vietnamese tells no participle: only a word of now makes it a size there)
        return True
    return _ending_at(norms, before, _HAS) is not None and not (
        any(w in _ADD_ADJ and w != "more" for w in norms[before : fig.start])
        or any(w in _ADD_ADJ for w in norms[fig.end : fig.unit_end]))


# A unit that troops come in (not a contingent, a nation's standing presence).
_UNIT_NOUNS = _words("battalion", "battalions", "company", "companies", "platoon", "platoons", "detachment",
                     "detachments", "unit", "units", "tiểu đoàn", "đại đội", "trung đội", "đơn vị", "phân đội")
_TROOP_NOUNS = UNITS + _UNIT_NOUNS  # one list, made once (see ``_CACHE_MAX``)
_UNIT_SIZE_REACH = 4  # words from the unit to its verb of having ("một tiểu đoàn bộ binh cơ giới gồm")


def _unit_size(norms: _Words, fig: _Figure) -> bool:
    """The figure is what a unit is made of (``tiểu đoàn gồm khoảng 500 quân nhân``, ``the battalion has about 500
    soldiers``): a unit named shortly before the verb of having, in the figure's clause. After a sentence that sends
    or withdraws a unit, its troops are the ones moved."""
    before = _skip_back(norms, fig.start)
    have = _ending_at(norms, before, _HAS)
    if have is None:
        return False
    reach = _scaled(norms, _UNIT_SIZE_REACH)
    return bool(_find(norms, _UNIT_NOUNS, max(fig.clause[0], have - reach), have))


_MADE_OF = _words("with", "comprising", "consisting of", "made up of", "numbering", "totalling", "totaling", "với",
                  "gồm", "bao gồm", "gồm có", "có")
_MADE_OF_REACH = 8  # words from "with" to the figure: a list of what the unit has ("two transport helicopters and")


def _unit_made_of(norms: _Words, fig: _Figure, before: int) -> int | None:
    """A unit named right before ``with`` / ``gồm`` and the figure in the list after it, in its clause (``a helicopter
    detachment with two transport helicopters and 35 personnel``, ``một phân đội gồm hai trực thăng và 35 quân
    nhân``), or right before an apposition that ``with`` opens (``two infantry companies, with about 150 soldiers,``,
    ``hai đại đội bộ binh, với khoảng 150 binh sĩ,``): where the unit is named, whose movement the figure's troops
    share; None when none is."""
    reach = _scaled(norms, _MADE_OF_REACH)
    for w in reversed(_find(norms, _MADE_OF, max(fig.clause[0], before - reach), before)):
        # an apposition's unit is anywhere in the clause before it ("một tiểu đoàn thuộc lực lượng dự bị, với")
        units = _find(norms, _UNIT_NOUNS, _clause_before(fig) if w == fig.clause[0] else
                      max(fig.clause[0], w - _UNIT_SIZE_REACH), w)
        if units and (w + len(next(p for p in _MADE_OF if _at(norms, w, p))) == before or any(
                x in _AND for x in norms[w:before])):
            return units[0]
    return None


def _clause_before(fig: _Figure) -> int:
    """Where the clause before the figure's starts."""
    return max((c for c in fig.cuts if c < fig.clause[0]), default=0)


def _apposition_predicate(norms: _Words, fig: _Figure) -> tuple[int, int] | None:
    """The clause after the figure's, when the figure's is an apposition that ``with`` / ``với`` opens: the predicate
    of the unit the apposition sizes (``a reserve battalion, with about 600 soldiers, will be deployed to Kosovo``)."""
    if not any(_at(norms, fig.clause[0], p) for p in _MADE_OF) or fig.clause[1] >= len(norms):
        return None
    return fig.clause[1], next((c for c in fig.cuts if c > fig.clause[1]), len(norms))


_NUMBER_WORDS = (frozenset(EN_WORDS) | frozenset(VI_WORDS)) - {"a", "an"}
_NATIONS_WINDOW = 6  # words after "from": "from 28 allied and partner countries"


def _from_nations(norms: _Words, after: int) -> bool:
    """``4,500 troops from 28 Allies and partners``, ``binh sĩ đến từ 29 quốc gia``: troops of a count of nations,
    right after the troop word (or one word later). Troops "from allied countries" (no count) are not."""
    for k in (after + 1, after + 2):
        if _ending_at(norms, k, _FROM) is not None:
            tail = _find(norms, _NATIONS, k, k + _NATIONS_WINDOW)
            return bool(tail) and any(w[:1].isdigit() or w in _NUMBER_WORDS for w in norms[k : tail[0]])
    return False


# Before a figure: it is one part of a group the sentence told of (``including 40 soldiers serving in KFOR``).
_INCLUDING = _words("including", "among them", "of whom", "trong đó có", "trong đó", "bao gồm", "gồm cả")
# After a troop word: the troops serve in the force (``about 4,000 troops serve in KFOR``).
_SERVING = _words("serve in", "serve with", "serving in", "serving with", "are serving in", "are serving with",
                  "in", "with", "phục vụ trong", "phục vụ tại", "đang phục vụ trong", "đang phục vụ tại", "trong",
                  "thuộc", "của", "đang phục vụ cho", "phục vụ cho")
# A clause that starts at the figure: nothing but these (or a clause mark) before it.
_CLAUSE_OPEN = _word_set("today currently now hiện hiện nay hiện tại")


def _of_a_part(norms: _Words, folded: _Words, before: int, rules: FactRules) -> bool:
    """A part of the force is named before the figure, after the force's last name there (a name after ``of`` /
    ``của`` is whose part it is: ``Bộ chỉ huy khu vực phía Đông của KFOR``)."""
    parts = _find(norms, _PARTS, 0, before)
    ours = [i for i in _find(folded, rules.force, 0, before) if not _find(norms, _OF, i - 1, i)]
    ours += _find(norms, _FORCE_WORDS, 0, before)  # "... of KFOR, the NATO-led force of about 4,700 troops"
    return bool(parts) and (not ours or max(ours) < parts[-1])


def _recipient(norms: _Words, before: int) -> bool:
    """A verb of adding to right before the figure (and its owner): the figure is what troops are added to."""
    k = before
    while _ending_at(norms, k, _RECIPIENT) is None:
        if not (k > 0 and before - k < 4 and norms[k - 1] in _OWNERS):
            return False
        k -= 1  # "on top of the": the verb may end in an owner's word
    return True


_OF = _words("of", "của", "thuộc")
_SIZE_OPENERS = _HAS + _OF  # words that open a clause of a size (see ``_now_apposition``)
_RELATIVE = _word_set("which that whose vốn")
_POSSESSIVE = _words("s")


def _whose(norms: _Words, before: int) -> bool:
    """``KFOR, whose 4,500 troops``: the figure opens a relative clause of whose troops they are."""
    return before > 0 and norms[before - 1] == "whose"


def _force_troops(fig: _Figure, before: int, norms: _Words, folded: _Words, rules: FactRules) -> bool:
    """The troops are the force's by their name: the force named inside the figure, right after its troop
    word (``of``, ``của``), or right before it with a possessive; or the alliance named there and the force's
    place in the figure's clause."""
    after = fig.unit_end + (1 if _find(norms, _OF, fig.unit_end, fig.unit_end + 1) else 0)
    possessed = before - (1 if _find(norms, _POSSESSIVE, before - 1, before) or _whose(norms, before) else 0)
    if (_find(folded, rules.force, fig.end, fig.unit_end) or _find(folded, rules.force, after, after + 1)
            or _ending_at(folded, possessed, rules.force) is not None):
        return True
    return bool((_find(norms, _ALLIANCE, fig.end, fig.unit_end) or _find(norms, _ALLIANCE, after, after + 1))
                and _find(folded, rules.place, fig.unit_end, fig.clause[1]))


# Between the alliance and its verb of having: its force in a place, a relative word, a word of now
# ("a NATO force in Kosovo that still counts", "nơi NATO vẫn duy trì"); not a nation ("NATO ally Italy has").
_ALLIANCE_HAS_BETWEEN = _word_set(
    "that which where whose still now currently today nơi mà vốn vẫn hiện đang") | frozenset(
    w for p in _FORCE_WORDS + _ALLIANCE + _IN_PLACE for w, _ in p)
_ALLIANCE_HAS_REACH = 6  # words from the alliance to its verb of having
_PLACE_BEFORE_REACH = 4  # words before the alliance where its place is named ("ở Kosovo, nơi NATO")


def _alliance_in_place_has(fig: _Figure, have: int, norms: _Words, folded: _Words, rules: FactRules) -> bool:
    """The alliance (or its force) has the troops, and the force's place is where: named right after the troops (``NATO
    has about 4,500 troops in Kosovo``) or before the verb of having, with the alliance (``a NATO force in Kosovo that
    still counts some 4,300 troops``, ``ở Kosovo, nơi NATO vẫn duy trì khoảng 4.600 quân``)."""
    lead = _skip_back(norms, have)
    allied = _find(norms, _ALLIANCE, max(lead - _ALLIANCE_HAS_REACH, 0), lead)
    if not allied:
        return False
    a = allied[-1]
    places = {k for i in _find(folded, rules.place, a - _PLACE_BEFORE_REACH, lead)
              for k in range(i, i + max(len(p) for p in rules.place if _at(folded, i, p)))}
    if not all(norms[i] in _ALLIANCE_HAS_BETWEEN or i in places for i in range(a, lead)):
        return False
    return bool(places) or any(_at(norms, fig.unit_end, p) and _find(
        folded, rules.place, fig.unit_end + len(p), fig.unit_end + len(p) + 1) for p in _IN_PLACE)


def _serving_in_force(fig: _Figure, before: int, norms: _Words, folded: _Words,
                      rules: FactRules) -> bool:
    """``Around 4,000 troops serve in KFOR``, ``Khoảng 4.500 binh sĩ đang phục vụ trong KFOR``: a figure in the
    thousands that opens its sentence, with no nation's name, and whose troops serve in the force."""
    if any(w not in _CLAUSE_OPEN for w in norms[:before]) or not any(
            fig.end + len(p) == fig.unit_end and _at(norms, fig.end, p) for p in UNITS):
        return False  # "About 2,300 German soldiers serve in KFOR": a nation's contingent
    return any(_at(norms, fig.unit_end, p) and _find(folded, rules.force, fig.unit_end + len(p),
                                                     fig.unit_end + len(p) + 2) for p in _SERVING)


_STRENGTH_REACH = 6  # words from the force's strength word to the figure ("KFOR's strength temporarily rises above")
_NAMED_NEAR = 3  # words around the strength word where the force is named ("quân số của phái bộ", "KFOR's strength")


_LED_BY = _words("do nato dẫn đầu", "do nato chỉ huy", "do nato lãnh đạo", "do na-tô dẫn đầu", "do na-tô chỉ huy",
                 "led by nato", "commanded by nato", "nato-led", "nato led")


def _strength_of_force(fig: _Figure, before: int, norms: _Words, folded: _Words, rules: FactRules) -> bool:
    """``KFOR's strength temporarily rises above 5,000 personnel``, ``quân số của phái bộ hiện vào khoảng 4.700
    người``: the force's strength word a few words before the figure in its clause, nothing moved by a figure
    between (``by``, ``thêm``, ``more``), and no nation's own troops (``its``, ``của mình``) nor a part of the force."""
    reach = _scaled(norms, _STRENGTH_REACH)
    # "tổng quân số của phái bộ do NATO chỉ huy sẽ vào khoảng": the force's qualifier of who leads it adds no distance
    reach += sum(len(p) for i in _find(norms, _LED_BY, before - 2 * reach, before) for p in _LED_BY if _at(norms, i, p))
    for at in reversed(_find(norms, _STRENGTH, max(fig.clause[0], before - reach), before)):
        lo, hi = at - _NAMED_NEAR, at + _NAMED_NEAR + 2
        # the force by its name, a word of it, or the alliance's force ("the strength of the NATO-led mission")
        led = _find(norms, _LED_BY, at, before)
        if not (_find(folded, rules.force, lo, hi) or _find(norms, ANAPHORA, lo, hi) or _unowned(norms, fig, at)
                or (led and _alliance_force(norms, at, led[-1] + _NAMED_NEAR + 1))):
            continue
        leading = {k for i in led for p in _LED_BY if _at(norms, i, p) for k in range(i, i + len(p))}  # "led by"
        return not (any((norms[i] in _BY or norms[i] == "more") and i not in leading for i in range(at, before))
                    or _find(norms, _OWN, lo, before)
                    or _find(norms, _PARTS, lo, before))
    return False


# A strength word that opens its clause with no owner (``quân số sẽ lên khoảng 4.500 người``, ``the troop level will
# reach 4,800``): a tense, a word of now or of reaching right after it, only these before it. The figure's sentence is
# the force's (see ``extract_facts``), so the strength is too.
# The force's strength told as the size of the force (``lực lượng khoảng 4.500 binh sĩ này``, this force of about
# 4,500 soldiers; ``the NATO-led force in Kosovo is close to 4,500 soldiers strong``).
_FORCE_HEADS = _words("lực lượng", "phái bộ", "sứ mệnh")
_THIS = _word_set("nay ay do")  # folded: "này", "ấy", "đó" (and "do NATO dẫn đầu", led by NATO)
_FORCE_NAMES = _FORCE_WORDS + ANAPHORA  # one list, made once (see ``_CACHE_MAX``)


def _force_of_size(fig: _Figure, before: int, norms: _Words, folded: _Words, rules: FactRules) -> bool:
    """The figure sizes the force: between a Vietnamese head noun of a force and a demonstrative (``lực lượng khoảng
    4.500 binh sĩ này``), or ``N soldiers strong`` with the force named before it in its clause and no part of it there
    (not ``the Austrian contingent in KFOR is 1,100 soldiers strong``)."""
    after = fig.unit_end
    if after < len(norms) and folded[after] in _THIS:
        return _ending_at(norms, before, _FORCE_HEADS) is not None
    # "N soldiers strong", or "N strong" with no troop word (then "strong" ends the figure)
    if not (_at(norms, after, _STRONG[0]) or (fig.unit_end == fig.end + 1 and _at(norms, fig.end, _STRONG[0]))):
        return False
    lo = fig.head  # the clause's subject, before a relative clause ("KFOR, which is about 4,500 soldiers strong")
    if before <= fig.clause[0]:
        # "the NATO-led KFOR mission, about 4,300 troops strong, remains": an apposition sizes the noun before it
        lo = max((c for c in fig.cuts if c < fig.clause[0]), default=0)
    named = _find(folded, rules.force, lo, before) or _find(norms, _FORCE_NAMES, lo, before)
    return bool(named) and not _find(norms, _PARTS, lo, before)


_UNOWNED_BEFORE = _word_set("the overall total")
_UNOWNED_AFTER = _GROWS_TO + _COPULA


def _unowned(norms: _Words, fig: _Figure, at: int) -> bool:
    """The strength word at ``at`` has no owner (see ``_UNOWNED_BEFORE``)."""
    if any(w not in _UNOWNED_BEFORE for w in norms[fig.clause[0]:at]):
        return False
    after = at + max(len(p) for p in _STRENGTH if _at(norms, at, p))
    return after < len(norms) and (norms[after] in _TENSE or norms[after] in _STILL
                                   or bool(_find(norms, _UNOWNED_AFTER, after, after + 1)))


# "không" that is no negation: "không quân" (air force), "không kích" (air strike), "không phận" (airspace).
_AIR = _words("không quân", "không kích", "không phận", "không gian")
# Words of arriving that do not say where: after a sentence of troops going home they tell the landing at home.
_LAND = _words("landed", "lands", "land", "arriv*", "touched down", "touch down", "touches down")


def _own_arrival(norms: _Words, fig: _Figure) -> bool:
    """The figure's sentence tells troops added by a word other than a bare landing or arrival."""
    before_window, after_window = _windows(norms)
    lo, hi = fig.start - before_window, fig.unit_end + after_window
    land = set(_find(norms, _LAND, lo, hi))
    return any(i not in land and not fig.start <= i < fig.unit_end for i in _find(norms, ADD, lo, hi))


# Before a figure in its sentence: the figure is of the past (``at its peak``, ``vào thời điểm cao nhất``, ``từng đóng
# góp``; "từng" alone is also "each": ``từng nước``).
_PAST = _words("at its peak", "at the peak", "at their peak", "at its height", "at the height", "in its heyday",
               "at one point", "peaked at", "vào thời điểm cao nhất", "thời điểm cao nhất", "lúc cao điểm",
               "thời kỳ cao điểm", "thời kỳ đỉnh điểm", "lúc đỉnh điểm", "lúc đỉnh cao", "đã từng", "từng có",
               "từng đóng góp", "từng duy trì", "từng triển khai", "từng điều", "từng gửi", "từng cử", "từng lên tới",
               "từng lên đến", "từng đạt", "từng là",
               # the force's start: "originally", "at the outset", "ban đầu", "khi mới triển khai"
               "originally", "initially", "at first", "at the start", "at the outset", "at the beginning",
               "in the beginning", "in its early years", "in its first years", "in the early years", "first deployed",
               "first arrived", "first entered", "ban đầu", "lúc đầu", "thời gian đầu", "những năm đầu",
               "khi mới triển khai", "khi mới được triển khai", "lúc mới triển khai", "khi mới thành lập",
               "khi mới được thành lập", "lúc mới thành lập", "khi mới vào", "khi mới tiến vào", "khi mới đến",
               "khi mới tới")
# A lead that dates its clause to a time told before it ("At the time, KFOR numbered about 3,700"): of the past in the
# clause it leads only ("Khi đó KFOR là một lực lượng lớn: khoảng 50.000 binh sĩ" tells what it was like).
_THEN = _words("at the time", "at that time", "back then", "by then", "vào thời điểm đó", "thời điểm đó", "khi đó",
               "lúc đó", "khi ấy", "lúc ấy", "thời điểm ấy", "vao thoi diem do", "khi do", "luc do")
_THEN_LEAD = 6  # words before the figure's clause: a lead-in of its own ("At the time, ...")
# Between a word of the past and the figure: the sentence comes back to now ("At its peak KFOR had 50,000 troops, but it
# now has about 4,500", "ban đầu có gần 50.000 quân, hiện còn khoảng 4.500") or tells a plan ("will initially send").
_BACK_TO_NOW = _NOW + _words("but", "nhưng", "song", "whereas", "while", "trong khi", "today", "since then", "sau đó",
                             "kể từ đó", "later", "afterwards", "will", "would", "shall", "sẽ", "còn")
_WILL = _words("will", "would", "shall", "sẽ", "is to", "are to")
_WILL_GAP = 2  # words between the word of a plan and the word of the start ("will only initially")


def _past(norms: _Words, fig: _Figure) -> bool:
    """A word of the past before the figure in its sentence, with no word of now, of contrast or of a plan between
    (``At its peak, the Kosovo Force, or KFOR, counted some 50,000 soldiers``; not ``At its peak KFOR had 50,000
    troops; now Germany will send 200 more``), or a lead of "then" in its clause or right before it."""
    if _find(norms, _THEN, fig.clause[0] - _THEN_LEAD, fig.start):
        return True
    past = _find(norms, _PAST, 0, fig.start)
    return bool(past) and not _find(norms, _BACK_TO_NOW, past[-1] + 1, fig.start) and not _find(
        norms, _WILL, past[-1] - _WILL_GAP, past[-1])  # "Germany will initially send 200 soldiers": a plan's first step


# Troops counted over the years (``22.000 quân nhân đã lần lượt luân phiên phục vụ``, ``more than 9,000 soldiers
# have served in Kosovo since 1999``) or taking part in an exercise: neither a strength nor a change.
_CUMULATIVE = _words("have served", "had served", "has served", "served in", "rotated through", "over the years",
                     "in total over", "luân phiên", "lần lượt", "từng phục vụ", "đã phục vụ", "qua các năm",
                     "exercise", "exercises", "drill", "drills", "diễn tập", "tập trận")


_CUMULATIVE_WINDOW = 10  # words around the figure


# Troops moved with a perfect tense "since" a year are counted over the years (``Switzerland has sent more than 9,000
# soldiers to Kosovo since 1999``, ``Ba Lan đã cử hơn 9.000 binh sĩ tới Kosovo kể từ năm 1999``).
_PERFECT = _words("has", "have", "had", "đã", "da")
_SINCE = _words("since", "ever since", "kể từ", "kể từ năm", "ke tu", "ke tu nam")
_PERFECT_REACH = 5  # words before the figure where the perfect's auxiliary stands ("has so far sent more than")


def _aside(norms: _Words, fig: _Figure, i: int) -> bool:
    """Word ``i`` stands in a clause other than the figure's that describes its noun's state or past (``200 soldiers,
    already deployed in the region for exercises, will join KFOR``, ``200 binh sĩ, vốn đang ở đây để diễn tập, sẽ``):
    it tells where the troops were, not what the figure counts."""
    if fig.clause[0] <= i < fig.clause[1]:
        return False
    lo = max((c for c in fig.cuts if c <= i), default=0)
    return lo > 0 and any(w in _STILL or w in _RELATIVE or w == "who" for w in norms[lo : lo + 2])


def _cumulative(norms: _Words, fig: _Figure) -> bool:
    if [i for i in _find(norms, _CUMULATIVE, fig.start - _CUMULATIVE_WINDOW, fig.unit_end + _CUMULATIVE_WINDOW)
            if not _aside(norms, fig, i)]:
        return True
    hi = min(fig.unit_end + _CUMULATIVE_WINDOW, fig.clause[1])
    since = [i for i in _find(norms, _SINCE, fig.unit_end, hi)
             if any(_is_year(w) for w in norms[i + 1 : i + 4])]
    return bool(since) and bool(_find(norms, _PERFECT, max(fig.clause[0], fig.start - _PERFECT_REACH), fig.start))


# Troops put on standby are kept ready at home, not sent (``another 500 troops were placed on standby``, ``khoảng 500
# quân được đặt trong tình trạng sẵn sàng cao``); a verb of sending that their readiness or a condition governs
# (``on standby to deploy``, ``triển khai nếu cần``) sends nobody.
_STANDBY = _words("standby", "stand by", "stand-by", "high readiness", "heightened readiness", "on notice",
                  "on short notice", "tình trạng sẵn sàng", "trạng thái sẵn sàng", "chế độ sẵn sàng", "sẵn sàng cao",
                  "sẵn sàng chiến đấu", "chờ lệnh")
_IF_NEEDED = _words("if needed", "if necessary", "if required", "when needed", "when necessary",
                    "should the need arise", "nếu cần", "nếu cần thiết", "khi cần", "khi cần thiết", "nếu được yêu cầu")
_STANDBY_REACH = 6  # words before a verb of sending where a readiness governs it ("sẵn sàng cao để có thể")
_IF_REACH = 3  # words after a verb of sending where a condition governs it ("triển khai nhanh nếu cần")
# Between the troops and a readiness, a new clause with its own subject: "NATO sends 700 troops as Belgrade puts its
# army on high readiness" (the army is on standby, not the troops).
_NEW_CLAUSE = _word_set("as while whereas but and và nhưng")


def _if_needed(norms: _Words, i: int) -> bool:
    return bool(_find(norms, _IF_NEEDED, i + 1, i + 1 + _IF_REACH) or _find(norms, _STANDBY, i - _STANDBY_REACH, i))


def _on_standby(norms: _Words, fig: _Figure) -> bool:
    """The figure's troops are put on standby or sent only if needed: a readiness named after them in their clause,
    before the next figure, with no verb of sending between (``500 troops were put on standby``; not ``send 500
    troops, with 300 more on standby``, where the 300 are the ones kept), or a condition there (``and 300 more if
    needed``)."""
    hi = min(fig.unit_end + _windows(norms)[1], fig.clause[1], fig.next_start)
    hi = next((i for i in range(fig.unit_end, hi) if norms[i] in _NEW_CLAUSE), hi)
    if _find(norms, _IF_NEEDED, fig.unit_end, hi):
        return True
    ready = _find(norms, _STANDBY, fig.unit_end, hi)
    return bool(ready) and not any(norms[i] not in _ADD_ADJ for i in _find(norms, ADD, fig.unit_end, ready[0]))


# A verb of putting troops under a command, the force named right after it: they join the force.
_PLACED_UNDER = _words("placed under", "put under", "brought under", "transferred to", "transferred under",
                       "đặt dưới", "đặt dưới quyền", "đặt dưới sự", "chuyển giao cho", "chuyển sang")
_UNDER_REACH = 4  # words from the verb to the force's name ("placed under the command of KFOR", "đặt dưới quyền chỉ huy
# của KFOR")


def _placed_under_force(norms: _Words, folded: _Words, rules: FactRules, fig: _Figure) -> bool:
    """After the figure in its sentence (past an apposition of its own), its troops are put under the force's command
    (``placed under KFOR's command``, ``được đặt dưới quyền chỉ huy của KFOR``), and no other figure stands between."""
    reach = _scaled(norms, _UNDER_REACH)
    for i in _find(norms, _PLACED_UNDER, fig.unit_end, fig.next_start):
        if not _negated(norms, i) and _find(folded, rules.force, i + 2, i + 3 + reach):
            return True
    return False


def _standby_total(fig: _Figure, norms: _Words, folded: _Words, rules: FactRules) -> int | None:
    """A figure in the thousands on standby: the force's total when the force has it (``KFOR, with about 4,500
    troops, is on high alert``, ``KFOR với khoảng 4.500 binh sĩ``) or the troops are the force's own, no fact else
    (``NATO placed 3,000 troops on standby``)."""
    before = _skip_back(norms, fig.start)
    named = _find(folded, rules.force, max(0, before - _STANDBY_NAMED), before)
    if named and _ending_at(norms, before, HAVE) is not None and not _find(norms, _PARTS_OR_MOVES, named[-1], before):
        return 0
    return 0 if _force_troops(fig, before, norms, folded, rules) else None


_STANDBY_NAMED = 6  # words before the figure where the force is named ("Lực lượng Kosovo (KFOR) với khoảng")


# A change only offered, weighed, put off or denied is none: a word of one earlier in the figure's clause
# (``is considering sending 60 more troops``, ``hoãn bỏ phiếu về việc tăng thêm 60 binh sĩ``, ``denied that it would
# withdraw 150 soldiers``, ``từ chối gửi thêm 60 binh sĩ``), unless the change is decided after it (``after weighing
# the request it decided to send``), or a putting off right after the troops (``the deployment of 60 troops was
# postponed``, ``việc điều 60 binh sĩ bị hoãn``).
_WEIGHED = _words("consider", "considers", "considering", "mull", "mulls", "mulling", "weigh", "weighs", "weighing",
                  "contemplat*", "xem xét", "cân nhắc")
_PUT_OFF = _words("postpone*", "defer", "defers", "deferred", "deferring", "put off", "puts off", "putting off",
                  "shelve*", "hoãn", "trì hoãn", "tạm hoãn", "gác lại")
_DENIED = _words("deny", "denies", "denied", "denying", "reject*", "refus*", "bác bỏ", "bác tin", "phủ nhận",
                 "từ chối")
_UNSETTLED = _WEIGHED + _PUT_OFF + _DENIED
_DECIDED = _words("decided", "decides", "agreed", "đã quyết định", "đã nhất trí", "đã đồng ý")
_UNSETTLED_REACH = 12  # words before the figure where a word of weighing, putting off or denying governs it
_PUT_OFF_REACH = 6  # words after the troops: "the deployment of 60 troops to KFOR has been postponed"
# A condition on the change (``would send 60 more troops if NATO asks``, ``nếu NATO yêu cầu``, ``If NATO asks, ...``)
# offers it; not a vote of parliament that a government's decision awaits (``if parliament approves``, ``nếu Quốc hội
# thông qua``): that change is decided.
_CONDITION = _words("if", "unless", "provided that", "on condition that", "nếu", "trừ khi",
                    "với điều kiện", "miễn là")
_BY_VOTE = _words("parliament*", "lawmakers", "legislators", "the bundestag", "vote", "votes", "quốc hội",
                  "nghị viện", "bỏ phiếu", "thông qua", "phê chuẩn")
_CONDITION_REACH = 8  # words after the troops where a condition governs them ("to KFOR next month if NATO asks")
_BY_VOTE_REACH = 3  # words after the condition where the vote is named ("if the Slovak parliament")


def _unsettled(norms: _Words, fig: _Figure) -> bool:
    """The change the figure tells is only weighed, put off, denied or offered on a condition (see ``_UNSETTLED``,
    ``_CONDITION``)."""
    lead = _skip_back(norms, fig.start)
    lo = max(fig.clause[0], lead - _scaled(norms, _UNSETTLED_REACH))
    weighed = _find(norms, _UNSETTLED, max([lo, *_predicates(norms, lo, lead)]), lead)
    if weighed and not _find(norms, _DECIDED, weighed[-1] + 1, lead):
        return True
    after = min(fig.clause[1], fig.next_start)
    if _find(norms, _PUT_OFF, fig.unit_end, min(after, fig.unit_end + _scaled(norms, _PUT_OFF_REACH))):
        return True
    return _conditional(norms, fig, lo, lead, after)


# After "and" / "và", a predicate of its own starts with a tense or a verb of moving (``rejected Belgrade's demands and
# will send 100 more soldiers``; not ``denied that Germany and Austria would withdraw``).
_TENSE = _word_set("will would shall has have had is are was were sẽ đã đang vẫn")


def _predicates(norms: _Words, lo: int, hi: int) -> list[int]:
    """Where a new predicate starts in ``norms[lo:hi]``: after "but", "while", ... or "and" + a tense or a verb."""
    return [k + 1 for k in range(lo, hi) if norms[k] in _NEW_CLAUSE and (
        norms[k] not in _AND or k + 1 < len(norms) and (norms[k + 1] in _TENSE or _find(norms, _MOVES, k + 1, k + 2)))]


def _conditional(norms: _Words, fig: _Figure, lo: int, lead: int, after: int) -> bool:
    """A condition earlier in the figure's clause, in the clause that opens its sentence, or after its troops in its
    clause, that is not a vote of parliament."""
    opening = min(fig.cuts, default=0)
    conditions = (_find(norms, _CONDITION, lo, lead) + _find(norms, _CONDITION, 0, min(opening, lead))
                  + _find(norms, _CONDITION, fig.unit_end, min(after, fig.unit_end + _scaled(norms, _CONDITION_REACH))))
    return any(not _find(norms, _BY_VOTE, c + 1, c + 1 + _scaled(norms, _BY_VOTE_REACH)) for c in conditions)


# Right before a figure: it is corrected away (``not 1,000 soldiers, as reported earlier, but 100``, ``không phải 1.000
# binh sĩ``, ``instead of the 1,000 first reported``): no fact of any kind.
_CORRECTED = _words("not", "không phải", "không phải là", "chứ không phải", "chứ không phải là", "rather than",
                    "rather than the", "instead of", "instead of the", "thay vì", "thay cho")
# ... and the figure that replaces it (``but only 50 soldiers``, ``mà chỉ là 50 binh sĩ``) is the change it was to be.
_BUT = _words("but", "but only", "but rather", "but just", "mà", "mà là", "mà chỉ", "mà chỉ là", "nhưng")
# Earlier in the figure's sentence, with no "but" between: the figure is what a report said wrongly (``An earlier
# version of this story incorrectly said Slovenia would withdraw 400 soldiers``, ``Bản tin trước đã đưa nhầm rằng
# Slovenia sẽ rút 400 binh sĩ``): no fact of any kind either. ("sai" alone also sends: "sai quân".)
_MISREPORTED = _words("incorrectly", "wrongly", "erroneously", "mistakenly", "in error", "misreported", "misstated",
                      "nhầm", "đưa sai", "ghi sai", "nêu sai", "viết sai", "đăng sai", "báo sai", "đưa tin sai",
                      "không chính xác")


def _corrected(norms: _Words, fig: _Figure) -> bool:
    """The figure is corrected away: right before it (``_CORRECTED``), or as a report's error (``_MISREPORTED``)."""
    lead = _skip_back(norms, fig.start)
    if _ending_at(norms, lead, _CORRECTED) is not None:
        return True
    wrong = _find(norms, _MISREPORTED, max(0, lead - _scaled(norms, _UNSETTLED_REACH)), lead)
    return bool(wrong) and not _find(norms, _BUT, wrong[-1] + 1, lead)


# "no" before a plan or intention denies what is planned: "there is no announced plan to withdraw", "no intention to".
_PLANNED = _word_set("plan plans intention intentions decision")


def _negated(norms: _Words, i: int, window: int = 4) -> bool:
    """A word of moving troops with a negation in the few words before it (``will not send``, ``không rút``,
    ``không có kế hoạch rút``, ``no announced plan to withdraw``)."""
    if any(norms[k] == "no" and not _PLANNED.isdisjoint(norms[k + 1 : min(k + 3, i)])
           for k in range(max(i - window, 0), i)):
        return True
    return any(not _find(norms, _AIR, k, k + 1) for k in _find(norms, _NEGATION, i - window, i))


_LEAVE_FOR_GAP = 8  # "left for Kosovo", "will leave its barracks in Bavaria for Kosovo": leaving, then where to


def _arrivals(norms: _Words, folded: _Words, rules: FactRules, lo: int, hi: int,
              toward: frozenset[str] = _TOWARD) -> list[int]:
    """Positions in ``[lo, hi)`` of a word of direction followed by the force's place (``tới Cô-xô-vô``), or of
    ``for`` after a word of leaving (``leave for Kosovo``, ``leave its barracks in Bavaria for Kosovo``)."""
    lo, hi = max(lo, 0), min(hi, len(norms) - 1)
    return [i - 1 for i in _find(folded, rules.place, lo + 1, hi + 1) if (
        norms[i - 1] in toward and not (i >= 2 and norms[i - 2] in _BELONGING)) or (
        toward is _TOWARD and _at(norms, i - 1, _FOR[0])
        and any(w in _AWAY for w in norms[max(i - 1 - _LEAVE_FOR_GAP, 0) : i - 1]))]


# Before "to": troops that belong to a unit, not troops going there (``soldiers assigned to Kosovo Force Regional
# Command-East``, ``binh sĩ được biên chế vào KFOR``).
_BELONGING = _word_set("assigned attached belonging belong belongs subordinated "
                       "subordinate biên chế")


# A verb of bringing back that sends the troops it governs home (``returning some 500 soldiers to their home
# garrisons``, ``flying the 200 troops back home``, ``đưa 200 binh sĩ trở về quê hương``); not ``home to`` (a base
# that hosts troops: ``Camp Bondsteel, home to 600 U.S. troops``).
_RETURN = _words("return", "returns", "returned", "returning")
_RETURNING = _RETURN + _words("send back", "sends back", "sent back", "sending back", "bring", "brings", "bringing",
                              "brought", "fly", "flies", "flew", "flown", "flying", "đưa", "chở")
_HOME = _words("home", "homeland", "home country", "quê hương", "quê nhà", "về quê", "base", "bases", "barracks",
               "home base", "home bases", "garrison", "garrisons")  # "returned to their base in Tidworth"
_HOSTING = _word_set("to of for")
_HOME_GAP = 6  # words from the verb to "home": "returning some 500 soldiers to their home"


def _sent_home(norms: _Words, lo: int, hi: int) -> list[int]:
    """Positions in ``[lo, hi)`` of a verb of bringing back with a word of home a few words after it."""
    reach = _scaled(norms, _HOME_GAP)
    return [i for i in _find(norms, _RETURNING, lo, hi) if any(
        k + 1 >= len(norms) or norms[k + 1] not in _HOSTING for k in _find(norms, _HOME, i + 1, i + reach + 1))]


def _removals(norms: _Words, lo: int, hi: int) -> list[int]:
    """Positions in ``[lo, hi)`` of a word of removing troops; ``leave for`` (Kosovo) is going, not leaving."""
    removes = [i for i in _find(norms, REMOVE, lo, hi) if not (norms[i] in _AWAY and _at(norms, i + 1, _FOR[0]))]
    return sorted(set(removes + _sent_home(norms, lo, hi)))


def _removed_in(norms: _Words, lo: int, hi: int) -> list[int]:
    """The words of removing troops in ``[lo, hi)`` that are not denied."""
    return [i for i in _removals(norms, lo, hi) if not _negated(norms, i)]


def _added_in(norms: _Words, lo: int, hi: int) -> list[int]:
    """The words of adding troops in ``[lo, hi)`` that are not denied, "more" / "hơn" aside (``more than`` compares)."""
    return [i for i in _find(norms, ADD, lo, hi) if not _negated(norms, i) and norms[i] not in ("more", "hơn")]


_FOR = _words("for")


def _departures(norms: _Words, folded: _Words, rules: FactRules, lo: int, hi: int) -> list[int]:
    """``left Kosovo``, ``rời Cô-xô-vô``: a word of leaving followed by the force's place; ``returned from Kosovo``,
    ``trở về từ Kosovo``: a verb of coming back, ``from``, then the force's place or name; ``have returned to the
    UK``: a verb of coming back, ``to``, then no place or name of the force (``will return to Kosovo`` arrives)."""
    back = [i - 2 for i in _find(folded, rules.place + rules.force, max(lo, 0) + 2, hi + 2)
            if norms[i - 1] in _FROM_WORD and _ending_at(norms, i - 1, _RETURNING + _COMING_BACK) is not None]
    back += [i for i in _find(norms, _BACK_AGAIN, lo, hi) if _at(norms, i + 1, _TO_Y[0]) and not (
        _find(folded, rules.place, i + 2, i + 2 + _BACK_TO_REACH) or _find(folded, rules.force, i + 2,
                                                                               i + 2 + _BACK_TO_REACH))]
    return sorted(set(_arrivals(norms, folded, rules, lo, hi, _AWAY) + back))


_COMING_BACK = _words("came back", "come back", "comes back", "coming back", "trở về", "quay về", "tro ve", "quay ve")
_BACK_AGAIN = _RETURN + _COMING_BACK  # troops coming back (see ``_departures``, ``_past_participle``)
_BACK_TO_REACH = 4  # words after "to" where the force's place is looked for ("return to northern Kosovo")


_BY = _word_set("by thêm")
_BY_WINDOW = 16  # words between a verb of changing and "by N" when the troops stand between them
_TROOPS_OR_STRENGTH = UNITS + _STRENGTH


def _changed_by(norms: _Words, by: int, far: bool) -> int:
    """The direction (+1 / -1, 0 none) of the verb of changing that ``by`` at ``by`` measures: the last one in the
    words before it, close before, or further with the troops or their strength between (``cut the number of its
    soldiers serving in the NATO mission in Kosovo by 70``), or anywhere in the window when ``far`` (the figure after
    ``by`` counts troops itself: ``scale back its contribution to NATO's Kosovo Force by about a hundred troops``)."""
    verbs = [(i, -1) for i in _removals(norms, by - _BY_WINDOW, by)] + [
        (i, 1) for i in _find(norms, ADD, by - _BY_WINDOW, by) if norms[i] not in ("more", "hơn")]
    verbs = [(i, d) for i, d in verbs if not _negated(norms, i) and (
        far or i >= by - 8 or _find(norms, _TROOPS_OR_STRENGTH, i + 1, by))]
    # "cutting the number of soldiers it may deploy by 30", "giảm số binh sĩ được triển khai đi 30": a verb after the
    # troops that the first verb governs only qualifies them; the verb before them is the change
    if verbs and (troops := _find(norms, _TROOPS_OR_STRENGTH, min(verbs)[0] + 1, by)):
        verbs = [v for v in verbs if v[0] < troops[0]]
    return max(verbs)[1] if verbs else 0


def _classify_bare(fig: _Figure, before: int, norms: _Words, folded: _Words,
                   rules: FactRules) -> int | None:
    """A number with no troop word (``has shed about 4,000``): a change only with a verb of moving troops
    right before it, in a sentence that speaks of troops or strength or names the force close by."""
    if not (_find(norms, UNITS) or _find(norms, _STRENGTH) or _find(folded, rules.force, fig.start - 6, fig.start)):
        return None
    by = _after_by(norms, fig.start)
    # "the contingent ... will be reduced by 30 to 165": with "by", a contingent (in a sentence tied to the force by
    # the one before) is named enough
    named = _find(folded, rules.force, 0, before) or (by is not None and (
        _find(folded, rules.place, 0, before) or _find(norms, _CONTINGENT, 0, by)))
    if not named or (rules.others and _find(folded, rules.others, 0, before)):
        return None
    if _ending_at(norms, before, REMOVE) is not None:
        return -1
    if by is not None:
        # "reduce KFOR by about 1,000", "tăng quân số thêm 1.000", "cut the number of its soldiers serving in the
        # NATO mission in Kosovo by 70": a verb of changing close before "by", or further with the troops between
        direction = _changed_by(norms, by, far=False)
        if direction:
            return direction
    added = _ending_at(norms, before, ADD)
    if added is not None and norms[added] not in ("more", "hơn"):
        return 1
    return None


# Between X and "to Y": when X stands (``from about 14,000 now to 10,000``, ``từ 14.000 người hiện nay xuống
# còn 10.000``).
_TIME_WORDS = _word_set(
    "now today currently at present people persons hiện nay hiện tại người lúc đó")


_IN = frozenset({"in", "năm"})  # "from 50,000 troops in 1999 to about 4,500 today"


def _from_to(figs: Sequence[_Figure], norms: _Words, folded: _Words,
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
        gap = [w for w in norms[a.unit_end:mid] if w not in _TIME_WORDS and w not in _IN and not _is_year(w)]
        if len(gap) > 2 or not any(_ending_at(norms, mid - k, _TO_Y) is not None for k in (0, 1)):
            continue
        if not (_find(folded, rules.force, 0, start) or _find(norms, ANAPHORA, 0, start)):
            # "increase its contingent in Kosovo from 165 to 195 soldiers": a contingent in the force's place
            # grows (only the change counts); any other force's or army's strength is no fact
            # ("lực lượng Slovakia tại Kosovo sẽ giảm từ 240 binh sĩ xuống còn 180": troops named with X are a nation's)
            troops = _find(norms, _CONTINGENT, 0, start) or _find(norms, UNITS, a.end, a.unit_end)
            contingent = (troops and _find(folded, rules.place, 0, start)
                          and not (rules.others and _find(folded, rules.others, 0, start)))
            pairs.append((a, b, False if contingent else None))
            continue
        # a force's strength is in the thousands; hundreds growing to hundreds are a contingent's, and so are a
        # nation's own troops in the force ("cut the number of its soldiers in KFOR from 2,000 to 1,950")
        pairs.append((a, b, b.value >= 1000 and not _find(norms, _CONTINGENT, 0, b.unit_end)
                      and not _owned_by_a_nation(norms, folded, rules, start)))
    return pairs


_OWN = _words("its", "their", "của mình", "của nước này", "của họ")
_OWN_WINDOW = 6  # words before the force's name where "its soldiers in KFOR" names a nation's own troops


def _owned_by_a_nation(norms: _Words, folded: _Words, rules: FactRules, start: int) -> bool:
    """``Germany will cut the number of its soldiers in KFOR from ...``: a possessive stands before the force's
    last name before ``start``, so the troops are the subject's own within the force; ``KFOR will raise its
    strength from ...`` names the force first, and its strength is the force's."""
    names = _find(folded, rules.force, 0, start)
    if not names:
        return False
    return bool(_find(norms, _OWN, max(0, names[-1] - _OWN_WINDOW), names[-1]))


def _movement(norms: _Words, folded: _Words, rules: FactRules, cuts: Sequence[int] = ()) -> int:
    """+1 when a sentence tells troops arriving (a verb of adding, ``tới Kosovo``), -1 leaving, 0 neither. A word
    of adding that an extension governs (``gia hạn thêm một năm``, ``extended the deployment of``) adds nothing:
    the troops of an extended mission stay; nor does one in a clause of "since" (``25 năm kể từ khi những quân nhân
    đầu tiên tới Kosovo``, ``since the first soldiers arrived in Kosovo``): a time, no news of troops moving. ``cuts``:
    where the sentence's clauses start."""
    if [i for i in _removals(norms, 0, len(norms)) + _departures(norms, folded, rules, 0, len(norms))
            if not _since_clause(norms, cuts, i)]:
        return -1
    extends = _find(norms, _EXTEND)
    adds = [i for i in _find(norms, ADD) + _arrivals(norms, folded, rules, 0, len(norms))
            if norms[i] not in ("more", "hơn") and not _visit(norms, i) and not _since_clause(norms, cuts, i)
            and not any(0 < i - e <= _EXTEND_REACH and _AND.isdisjoint(norms[e:i]) for e in extends)]
    return 1 if adds else 0


def _since_clause(norms: _Words, cuts: Sequence[int], i: int) -> bool:
    """The word at ``i`` follows "since" / "kể từ" in its clause (no clause mark between them)."""
    opened = max((c for c in cuts if c <= i), default=0)
    return bool(_find(norms, _SINCE, opened, i))


_VISIT = _words("visit", "visits", "thăm")
_VISIT_GAP = 4  # words from the arrival to the visit: "arrived in Kosovo to visit", "đã tới thăm"


def _visit(norms: _Words, i: int) -> bool:
    """An arrival to visit (``the minister arrived in Kosovo to visit the troops``, ``Bộ trưởng đã tới thăm binh sĩ``):
    a visitor comes, no troops."""
    return bool(_find(norms, _VISIT, i + 1, i + 1 + _VISIT_GAP))


def _reversed_from(fig: _Figure, figs: Sequence[_Figure], kinds: dict[int, int | None],
                   norms: _Words) -> bool:
    """``to about 5,000 troops early next year from the current 10,000``: the figure after ``from``, when a
    figure before it in the sentence is the force's total, is the strength it starts from."""
    if fig.part or _ending_at(norms, _skip_back(norms, fig.start), _FROM_X) is None:
        return False
    return any(kinds.get(f.start) == 0 and f.start < fig.start for f in figs)


# In an article whose title names the force or its place, these words point back at its troops.
# "we" / "our" is the force speaking in an interview or a statement about it (``Today we are about 4,500``).
_BACK_REF = _words("we", "our", "chúng tôi", "the contingent", "its contingent", "the mission", "the force",
                   "the troops", "lực lượng này",
                   "sứ mệnh này", "đội quân", "số quân", "phái bộ", "sứ mệnh")
# Back in an article that named the force or its place: the force pointed at (``_BACK_REF``), or the alliance's force
# (``a force that NATO says now numbers``, ``lực lượng do NATO dẫn đầu``).
_ALLIANCE_FORCE = _words("force", "forces", "mission") + _FORCE_HEADS


def _alliance_force(norms: _Words, lo: int = 0, hi: int | None = None) -> bool:
    """The alliance and a word of a force both in ``[lo, hi)``: ``the NATO-led mission``, ``lực lượng do NATO``."""
    return bool(_find(norms, _ALLIANCE, lo, hi) and _find(norms, _ALLIANCE_FORCE, lo, hi))


def _points_back(norms: _Words) -> bool:
    """The sentence points back at the force: a word of it (``_BACK_REF``), or the alliance with a word of a force."""
    return bool(_find(norms, _BACK_REF)) or _alliance_force(norms)
_CONTINGENT = _words("contingent", "contingents", "battalion", "company", "brigade", "national", "contributor",
                     "contributors", "đội quân", "tiểu đoàn", "đại đội", "lữ đoàn", "đóng góp", "đơn vị", "phân đội")

_UNIT_OR_STRENGTH = _CONTINGENT + _STRENGTH  # before "N người": a unit, or a strength, of N troops

# A part of the force: ``Regional Command-East brings together some 1,400 soldiers from 10 nations`` is not the force.
# (Not "command" alone: "Bộ chỉ huy KFOR cho biết", "KFOR command said" is the force speaking.)
_PARTS = _CONTINGENT + _words("regional command", "battlegroup", "battle group", "task force", "bộ chỉ huy khu vực",
                              "chiến đoàn", "nhóm tác chiến")
_PARTS_OR_MOVES = _PARTS + _MOVES  # one list, made once (see ``_CACHE_MAX``)


def _near_others(norms: _Words, folded: _Words, fig: _Figure, rules: FactRules) -> bool:
    """Another force or army stands next to the figure (``1.000 quân nhân và cảnh sát Serbia``), or is the last
    named before it in its clause (``Vucic said the army would deploy 1,000 soldiers``, ``The Kosovo Security
    Force plans to grow to 5,000 troops``), or before a relative clause that splits its clause from its subject
    (``The KSF, which has about 2,500 members, is due to grow to 5,000 troops``)."""
    if not rules.others:
        return False
    if _find(folded, rules.others, fig.start - _OTHERS_WINDOW, fig.unit_end):
        return True
    # after the figure, in its clause, and not past the force's place (``send 700 troops to Kosovo as Belgrade puts
    # its army on alert``: the army is Belgrade's, the troops are not)
    after = _find(folded, rules.others, fig.unit_end, min(fig.unit_end + _OTHERS_WINDOW, fig.clause[1]))
    if after and not (_find(folded, rules.place, fig.unit_end, after[0]) or _find(folded, rules.force, fig.unit_end,
                                                                                   after[0])):
        return True
    # where the troops go, past the clause of an apposition (``the largest contingent, around 200 soldiers, to the EU's
    # EUFOR operation``): troops given to another force are not the force's
    for i in range(fig.unit_end, min(fig.unit_end + 2, len(norms))):
        if norms[i] in _TOWARD:
            there = _find(folded, rules.others, i + 1, i + 1 + _OTHERS_WINDOW)
            if there and not (_find(folded, rules.place, i + 1, there[0])
                              or _find(folded, rules.force, i + 1, there[0])):
                return True
            break
    others = _find(folded, rules.others, fig.head, fig.start)
    ours = _find(folded, rules.force, fig.head, fig.start) + _find(norms, _ALLIANCE, fig.head, fig.start)
    return bool(others) and (not ours or max(ours) < others[-1])


# After the troop word, where troops go or serve: a name right after ``to``, ``in``, ``tới``, ``tại`` (a country or a
# town takes no article: ``in Latvia``, ``tới Phần Lan``; ``to the Multinational Battle Group`` may be the force's own
# unit, and ``landed at Arlanda`` is troops coming home).
_WHERE = _word_set("to into in tới đến sang tại ở")
_WHITHER = _word_set("to into tới đến sang")
# Capitalized words that name no other place: a time, the alliance, or a base of the force (``to Camp Novo Selo``).
_NOT_A_PLACE = _word_set(
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Camp Trại Căn NATO")


def _elsewhere(tokens: Sequence[Token], text: str, norms: _Words, folded: _Words, fig: _Figure,
               rules: FactRules, named: bool) -> bool:
    """The troops go to or serve in a place the sentence names that is not the force's: in a sentence that names
    neither the force nor its place, any such place (``send some 700 soldiers to the Multinational Brigade in
    Latvia``, ``800 of its soldiers served with NATO's enhanced Forward Presence battlegroup in Estonia``, ``gửi 600
    binh sĩ tới Phần Lan``); in one that does, the first place the troops go to, in their clause (``1,000 soldiers
    will deploy to Poland, while 600 will go to Kosovo``). Not troops leaving (``100 binh sĩ sẽ trở về nước ... ở
    biên giới với Belarus`` leave the force)."""
    if not named and _unit_placed_elsewhere(tokens, text, norms, fig):
        return True
    if _where_elsewhere(norms, folded, fig, rules):
        return True
    if not named and _serving_elsewhere(norms, folded, fig, rules, gap=len(norms)):
        # "U-crai-na cũng rút khoảng 250 quân nhân và 8 trực thăng đang tham gia Phái bộ ... tại CHDC Công-gô": in a
        # sentence that names neither the force nor its place, troops serving now anywhere in their clause serve
        # elsewhere, wherever they leave for
        return True
    before_window, after_window = _windows(norms)
    hi = min(fig.unit_end + after_window, fig.clause[1], fig.next_start, len(norms) - 1)
    if _removals(norms, fig.start - before_window, hi):
        return False  # troops leaving the force, wherever they go next
    for i in range(fig.unit_end, hi):
        if norms[i] not in (_WHERE if not named else _WHITHER):
            continue
        if _ending_at(norms, i, _BACK_AGAIN) is not None:
            return False  # "returned to Germany": troops coming home from the force
        if not text[tokens[i + 1].start : tokens[i + 1].end][:1].isupper() or norms[i + 1] in _NOT_A_PLACE:
            continue
        if not named:
            return True
        return not (_find(folded, rules.place, i + 1, i + 2) or _find(folded, rules.force, i + 1, i + 2))
    return False


_PLACE_RELATIVE = _words("where", "nơi", "nơi có", "nơi đang có")


def _where_elsewhere(norms: _Words, folded: _Words, fig: _Figure, rules: FactRules) -> bool:
    """``on the eastern border, where some 17,000 soldiers are deployed``, ``ở biên giới phía Đông, nơi khoảng 17.000
    binh sĩ``: a clause of "where" opened by the figure tells the troops of the place the clause before it names (after
    its last word of place); when that names neither the force nor its place, they are elsewhere."""
    where = _ending_at(norms, _skip_back(norms, fig.start), _PLACE_RELATIVE)
    if where is None and _find(norms, _PLACE_RELATIVE, fig.clause[0], fig.clause[0] + 1):
        # "in Latvia, where Denmark has pledged to deploy 800 troops": the clause of "where" holds the figure further
        # on; the force named in it makes them its own ("Camp Bondsteel, where KFOR keeps 1,000 troops")
        where = None if _find(folded, rules.force, fig.clause[0], fig.start) else fig.clause[0]
    if where is None or where != fig.clause[0]:
        return False
    clause = max((c for c in fig.cuts if c < where), default=0)
    # the place is named after the last word of place in the clause before ("to shore up the eastern border")
    places = [i for i in range(clause, where) if norms[i] in _WHERE] + _find(norms, _IN_PLACE, clause, where)
    antecedent = max(places, default=clause)
    return not (_find(folded, rules.place, antecedent, where) or _find(folded, rules.force, antecedent, where))


# A presence named by a place before it (``its Germany presence``, ``the Europe garrison``); a word of a nation
# (``the German presence``, ``the US presence``) may be the nation's troops in the force.
_PRESENCE = _words("presence", "garrison", "garrisons", "hiện diện", "sự hiện diện")
_NATION_ENDINGS = ("an", "ish", "ese", "ch", "ss", "i")


def _place_word(tokens: Sequence[Token], text: str, norms: _Words, folded: _Words, rules: FactRules, i: int) -> bool:
    """The word at ``i`` is a capitalized name that is neither the force, its place, nor a time or base."""
    word = text[tokens[i].start : tokens[i].end]
    return (word[:1].isupper() and norms[i] not in _NOT_A_PLACE
            and not (_find(folded, rules.place, i, i + 1) or _find(folded, rules.force, i, i + 1)
                     or _find(norms, _ALLIANCE, i, i + 1)))


def _changed_elsewhere(tokens: Sequence[Token], text: str, norms: _Words, folded: _Words, fig: _Figure,
                       rules: FactRules) -> bool:
    """What the verb before the figure changes is in another place, named between the verb and the figure: ``cut its
    presence in Germany by 3,000 troops``, ``cut its Germany presence by 3,000 troops``, ``giảm hiện diện quân sự tại
    Đức khoảng 3.000 quân`` (not ``send to Kosovo 200 troops``, ``cut the German presence by 100 troops``)."""
    lead = _skip_back(norms, fig.start)
    verbs = _find(norms, _MOVES, max(fig.clause[0], lead - _windows(norms)[0]), lead)
    if not verbs:
        return False
    for i in range(verbs[-1] + 1, lead - 1):
        if norms[i] in _WHERE and _place_word(tokens, text, norms, folded, rules, i + 1):
            return True
        word = text[tokens[i].start : tokens[i].end]
        if (_find(norms, _PRESENCE, i + 1, i + 2) and not word.isupper() and not word.lower().endswith(_NATION_ENDINGS)
                and _place_word(tokens, text, norms, folded, rules, i)):
            return True
    return False


_MISSIONS = _PARTS + _words("mission", "missions", "phái bộ", "sứ mệnh")
_UNIT_PLACE_GAP = 2  # words between a unit and "in": "the brigade based in", "lữ đoàn đa quốc gia tại"


def _unit_placed_elsewhere(tokens: Sequence[Token], text: str, norms: _Words, fig: _Figure) -> bool:
    """Before the figure, in a sentence that names neither the force nor its place, a unit or mission placed in a
    named place (``Denmark leads the NATO brigade in Latvia, to which it has committed around 800 troops``, ``Lữ đoàn
    đa quốc gia tại Latvia hiện có 800 binh sĩ Đan Mạch``): the troops are that unit's. (A place alone is not enough:
    ``Speaking in Brussels, the minister said ...``.)"""
    gap = 2 * _UNIT_PLACE_GAP if _vietnamese(norms) else _UNIT_PLACE_GAP  # "lữ đoàn đa quốc gia tại"
    for u in _find(norms, _MISSIONS, 0, fig.start):
        for i in range(u + 1, min(u + 2 + gap, fig.start - 1)):
            if norms[i] in _WHERE and text[tokens[i + 1].start : tokens[i + 1].end][:1].isupper() and (
                    norms[i + 1] not in _NOT_A_PLACE):
                return True
    return False


# A rotation: troops that replace others of the force (``in a routine rotation``, ``has taken over from an outgoing
# unit``, ``thay thế đơn vị trước``, ``luân chuyển``) change nothing; troops said to be added (``200 more``, ``thêm``)
# still do.
_ROTATION = _words("rotation", "rotations", "rotate", "rotates", "rotated", "rotating", "rotational",
                   "take over from", "takes over from", "took over from", "taken over from", "taking over from",
                   "replace", "replaces", "replaced", "replacing", "relieve", "relieves", "relieved", "relieving",
                   "thay thế", "thay quân", "luân chuyển", "luân phiên", "tiếp quản nhiệm vụ",
                   "tiếp nhận nhiệm vụ từ")


def _rotation(norms: _Words) -> bool:
    """The sentence tells a rotation; not one denied (``would not be replaced``, ``sẽ không được thay thế``): troops
    that leave with no one in their place are a cut."""
    return any(not _negated(norms, i) for i in _find(norms, _ROTATION))


def _said_added(norms: _Words, fig: _Figure) -> bool:
    """The figure's troops are said to be added: a word of adding with them (``200 more troops``, ``thêm 200 binh sĩ``,
    ``200 reinforcements``) or a verb of adding to the force (``bổ sung``, ``tăng cường``, ``reinforce``)."""
    lead = _skip_back(norms, fig.start)
    return (any(w in _ADD_ADJ for w in norms[lead : fig.unit_end]) or fig.end < len(norms) and norms[fig.end] in _MORE
            or _difference(norms, fig) == 1
            or bool(_find(norms, _REINFORCEMENTS, fig.end, fig.unit_end) or _find(norms, _ADDED_TO, 0, len(norms))))


_ADDED_TO = _words("bổ sung", "tăng cường", "tăng viện", "reinforce*", "bolster*", "boost*", "beef up", "beefs up",
                   "beefed up", "augment*", "increase", "increases", "increased", "tăng thêm")


def _said_cut(norms: _Words, fig: _Figure) -> bool:
    """The figure's troops are said to be cut: a verb of cutting a contribution in the sentence (``trim 150 soldiers``,
    ``cắt giảm 150 binh sĩ``), or troops taken out of a contribution (``150 soldiers from its contribution to KFOR``,
    ``150 binh sĩ khỏi thành phần đóng góp``), or told as fewer (``150 fewer soldiers``): fewer troops, not troops
    replaced in a rotation."""
    out_of = _find(norms, _OUT_OF, fig.unit_end, fig.unit_end + _OUT_OF_GAP)
    return bool(_find(norms, _CUT) or _fewer(norms, fig)
                or any(_find(norms, _CONTRIBUTION, i + 1, i + 1 + _OUT_OF_GAP) for i in out_of))


# A change told as a difference from what was there: "150 fewer soldiers (than the unit it replaces)", "ít hơn khoảng
# 150 binh sĩ so với ...", "70 soldiers larger than the previous rotation", "nhiều hơn 70 binh sĩ so với đợt trước"
# (not "fewer than 150 soldiers", "more than 70 soldiers", nor "ít hơn 150 binh sĩ" with nothing compared: an
# approximation).
_FEWER = _word_set("fewer less smaller")
_LARGER = _word_set("more larger bigger")
_FEWER_BEFORE = _words("ít hơn", "it hon")
_LARGER_BEFORE = _words("nhiều hơn", "đông hơn", "lớn hơn", "nhieu hon", "dong hon", "lon hon")
_FEWER_REACH = 3  # words before the figure where "ít hơn" stands ("ít hơn khoảng")
_COMPARED = _words("so với", "so voi", "compared with", "compared to")
_COMPARED_REACH = 3  # words after the troop word where "so với" stands


def _difference(norms: _Words, fig: _Figure) -> int:
    """-1 when the figure's troops are a difference of fewer, +1 of more (see ``_FEWER``), else 0."""
    if any(w in _FEWER for w in norms[fig.end : fig.unit_end]):
        return -1
    after = fig.unit_end
    # "70 soldiers larger than the previous one", in the figure's clause ("320 soldiers, more than any other" is a size)
    if after + 1 < min(fig.clause[1], len(norms)) and norms[after + 1] == "than" and norms[after] in _FEWER | _LARGER:
        return -1 if norms[after] in _FEWER else 1
    if not _find(norms, _COMPARED, fig.unit_end, fig.unit_end + _COMPARED_REACH):
        return 0
    if _find(norms, _FEWER_BEFORE, fig.start - _FEWER_REACH, fig.start):
        return -1
    return 1 if _find(norms, _LARGER_BEFORE, fig.start - _FEWER_REACH, fig.start) else 0


def _fewer(norms: _Words, fig: _Figure) -> bool:
    """The figure's troops are a difference of fewer (see ``_FEWER``)."""
    return _difference(norms, fig) == -1


_OUT_OF = _words("from", "out of", "khỏi", "ra khỏi")
_OUT_OF_GAP = 3  # words from the troops to "from", and from it to the contribution ("from its national contribution")
_CONTRIBUTION = _CONTINGENT + _words("contribution", "contributions")


# A sentence with no digit and no number word cannot state a figure.
_DIGIT = re.compile(r"\d")
_COUNT_WORDS = _word_set(
    "a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand trăm nghìn ngàn triệu "
    "mươi mười tram nghin ngan trieu muoi")  # without diacritics: "bay tram", "ba muoi"


def _may_count(sentence: str, norms: _Words) -> bool:
    return _DIGIT.search(sentence) is not None or not _COUNT_WORDS.isdisjoint(norms)


def _names(sentence: str, rules: FactRules) -> bool:
    folded = _Words(norms_of(word_norms(sentence, fold_diacritics=False), fold_diacritics=True))
    return bool(_find(folded, rules.force) or _find(folded, rules.place))


# A year that dates a sentence (``In 2023, NATO sent ...``, ``vào năm 2019``), not the year a state began (``since
# 1999``, ``từ tháng 6-1999``) unless a "when" clause follows it (``from June 1999, when 7,000 soldiers arrived``).
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?!\d|[.,]\d)")
_SINCE_YEAR = re.compile(r"(?:\bsince|\bfrom|\btừ|\btu)\s+"
                         r"(?:(?:the\s+)?(?:end|start|beginning|close)\s+of\s+(?:the\s+)?)?"  # "since the end of the"
                         r"(?:(?:năm|nam|tháng|thang|ngày|ngay|early|late|mid|[A-Z][a-z]+)\s+)?[\d/\-. ]*$",
                         re.IGNORECASE)
_WHEN_AFTER = re.compile(r"\s*,?\s*(?:when|khi|lúc|luc)\b", re.IGNORECASE)


# A year after a word of a deadline is a time to come (``a complete withdrawal by 2027``, ``serve until 2026``, ``đến
# năm 2027``), not a date the article stands at: the years before it are not of the past.
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\btill|\bthrough|\bđến|\btới|\bden|\btoi)\s+(?:"
                              r"(?:the\s+)?(?:end|mid|middle|start|beginning)(?:\s+of)?[\s\-]+|"
                              r"(?:hết\s+|het\s+|cuối\s+|cuoi\s+)?(?:năm|nam)\s+|"
                              r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s*,?\s+)?|"
                              r"(?:ngày\s+|ngay\s+)?[\d/\-. ]*)$", re.IGNORECASE)


# A year told after a word of the future in its sentence (``the budget will reach 1% of GDP in 2032``, ``ngân sách sẽ
# được nâng lên ... vào năm 2032``, ``theo kế hoạch``) is a time to come too.
_FUTURE_BEFORE = re.compile(r"(?:\bwill|\bsẽ|\bse|\bplans?\s+to|\bplanned|\bexpected\s+to|\bkế\s+hoạch|\bke\s+hoach"
                            r"|\bdự\s+kiến|\bdu\s+kien|\bmục\s+tiêu|\bmuc\s+tieu)\b[^.!?;]*$", re.IGNORECASE)
_FUTURE_REACH = 120  # characters before the year


def _present_years(text: str) -> list[int]:
    """The years ``text`` names, but those of a deadline or a plan to come."""
    return [int(m.group(1)) for m in _YEAR.finditer(text)
            if not _DEADLINE_BEFORE.search(text, max(0, m.start() - 30), m.start())
            and not _FUTURE_BEFORE.search(text, max(0, m.start() - _FUTURE_REACH), m.start())]


# A timeline or "On this day" entry: a line that opens with a bare year and a dash or colon (``1999 — The first KFOR
# troops enter Kosovo.``, ``2022: barricades in the north``, ``Năm 2004 – bạo loạn ...``). Every sentence of the entry,
# up to the end of its line, is dated to that year.
_LINE_YEAR = re.compile(r"[ \t]*(?:(?:năm|nam)\s+)?((?:19|20)\d\d)[ \t]*(?:[:\u2013\u2014]|-(?!\d))", re.IGNORECASE)


def _line_year(text: str, start: int) -> tuple[int, int] | None:
    """The offset in ``text`` and the value of the year the line holding ``start`` opens with as a timeline entry."""
    m = _LINE_YEAR.match(text, text.rfind("\n", 0, start) + 1)
    return (m.start(1), int(m.group(1))) if m else None


def _dated_at(sentence: str, newest: int, dateline: int = -1, line: tuple[int, int] | None = None) -> list[int]:
    """Offsets in ``sentence`` of a year that dates it to the past: earlier than the newest year the article names, or
    followed by a clause of "when" (``It began in 1999, when ...``); not the year of the article's dateline (at
    ``dateline`` in ``sentence``, see ``_dateline``). ``line`` is the offset (from the sentence's start) and the value
    of the year the sentence's line opens with as a timeline entry (``_line_year``): when earlier than the newest year,
    it dates each later sentence of the entry too."""
    out = [line[0]] if line and line[0] < 0 and line[1] < newest else []
    for m in _YEAR.finditer(sentence):
        if _WHEN_AFTER.match(sentence, m.end()):
            out.append(m.start())
        elif (int(m.group(1)) < newest and m.start() != dateline
              and not _SINCE_YEAR.search(sentence, 0, m.start())):
            out.append(m.start())
        elif _BEFORE_YEAR.search(sentence, 0, m.start()) and not _FUTURE_WORD.search(sentence):
            out.append(m.start())  # "Trước năm 2023, KFOR chỉ có dưới 4 nghìn binh sĩ", "until 2023, KFOR had"
    return out


# A year after "before" / "until" (``before 2023``, ``trước năm 2023``, ``cho đến năm 2023``) dates a sentence to the
# time before it, whatever the newest year, unless the sentence tells a time to come (``will stay until 2027``).
_BEFORE_YEAR = re.compile(r"(?:\bbefore|\bprior\s+to|\buntil|\btill|\btrước|\btruoc|\bcho\s+đến|\bcho\s+tới"
                          r"|\bcho\s+den|\bcho\s+toi)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+"
                          r"|(?:năm|nam|tháng|thang|ngày|ngay)\s+|[A-Z][a-z]+\s+)?[\d/\-. ]*$", re.IGNORECASE)
_FUTURE_WORD = re.compile(r"\b(?:will|shall|sẽ|se)\b", re.IGNORECASE)


# The date a news lead opens with (``Biên phòng - Ngày 17-3-2026, Quốc hội ...``, ``WASHINGTON, March 17, 2026 -``): the
# day of the news, not a past its sentence is dated to, even when a later year is named (``from April 2027``).
_FULL_DATE = re.compile(r"\b(?:\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*|(?:tháng|thang)\s+\d{1,2}\s*,?\s+(?:năm|nam)\s+"
                        r"|[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+,?\s+)((?:19|20)\d\d)\b")
_DATELINE_REACH = 80  # characters from the start of the body


def _dateline(body: str) -> int:
    """The offset in ``body`` of the year of the date its lead opens with, or -1."""
    m = _FULL_DATE.search(body, 0, _DATELINE_REACH + 20)
    return m.start(1) if m and m.start() <= _DATELINE_REACH else -1


# A year in a clause of "when" (``when it entered Kosovo in 1999``, ``khi bước vào Kosovo năm 1999``; not ``sau khi``,
# ``trong khi``, "after", "while"): the time of that clause, so a strength stated with it is the strength then.
_WHEN_BEFORE = re.compile(r"(?<!\bsau )(?<!\btrong )(?<!\bsau khi )\b(?:when|khi|lúc|luc)\b[^,.;:!?()]{0,80}$",
                          re.IGNORECASE)


def _when_dated_at(sentence: str) -> list[int]:
    """Offsets in ``sentence`` of a year told in a clause of "when" (not a deadline to come)."""
    return [m.start() for m in _YEAR.finditer(sentence)
            if _WHEN_BEFORE.search(sentence, 0, m.start())
            and not _DEADLINE_BEFORE.search(sentence, max(0, m.start() - 30), m.start())]


def _dated_past(fig: _Figure, words: Sequence[Token], norms: _Words, offset: int, dated: list[int]) -> bool:
    """A year of the past dates the figure: before it in its sentence with no word of now between (``In 2023, NATO sent
    700 troops``; not ``It had 50,000 in 1999 and has about 4,500 now``), or after it in its clause."""
    at = words[fig.start].start - offset
    for d in dated:
        if d < at:
            k = bisect_left(words, d + offset, key=lambda w: w.start)
            if not _find(norms, _NOW, k, fig.start):
                return True
        elif fig.clause[1] >= len(words) or d < words[min(fig.clause[1], len(words) - 1)].start - offset:
            return True
    return False


# A table's total row (``Total KFOR | 4,510``, ``Tổng quân số KFOR | 4.510``): a short label that opens with a word of
# the whole and names the force or its troops, then the number alone, in its cell (the next sentence) or after it.
_TOTAL_WORDS = _words("total", "grand total", "overall", "tổng", "tổng cộng", "tổng số", "tổng quân số", "tong cong",
                      "tong so")
_TOTAL_LABEL_WORDS = 5


def _total_label(norms: _Words, folded: _Words, rules: FactRules, hi: int) -> bool:
    """``norms[:hi]`` is the label of a total row (see ``_TOTAL_WORDS``)."""
    return (0 < hi <= _TOTAL_LABEL_WORDS and _find(norms, _TOTAL_WORDS, 0, 1) != []
            and not any(w[:1].isdigit() for w in norms[:hi])
            and bool(_find(folded, rules.force, 0, hi) or _find(norms, _TROOPS_OR_STRENGTH, 0, hi)))


def _total_row(norms: _Words, folded: _Words, rules: FactRules, fig: _Figure, label_before: bool) -> bool:
    """The figure, in the thousands, is the number of a total row: alone after a label sentence, or right after a
    label in its own sentence, with nothing after it but its troop word."""
    if not (fig.value >= MIN_TOTAL and fig.unit_end == len(norms)):
        return False
    return (fig.start == 0 and label_before) or _total_label(norms, folded, rules, fig.start)


def _no_change(norms: _Words, fig: _Figure, kind: int | None) -> bool:
    """The figure is corrected away, or the change it tells is not settled (``_corrected``, ``_unsettled``)."""
    return kind is not None and (_corrected(norms, fig) or (kind != 0 and _unsettled(norms, fig)))


def _no_move() -> int:
    return 0


def _no_rotation() -> bool:
    return False


def extract_facts(rules: FactRules, topic_id: str, article: Article) -> tuple[Fact, ...]:
    """The troop facts of the force ``rules`` names that ``article`` states, in reading order."""
    facts: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    # A headline about the force or its place ties a sentence that speaks of "the contingent" to it.
    title_names = _names(article.title, rules)
    # the newest year the article names or is dated by: a year before it dates a figure to the past
    newest = max(_present_years(article.title) + _present_years(article.summary) + _present_years(article.body)
                 + ([article.published.year] if article.published else []), default=0)
    dateline = _dateline(article.body)
    for text in (article.title, article.summary, article.body):
        tokens = tokenize(text, fold_diacritics=False)
        all_norms = [t.norm for t in tokens]
        all_folded = norms_of(all_norms, fold_diacritics=True)
        previous_names_force = False
        previous_label = False  # the sentence before is the label of a total row (``_total_row``)
        # +1 / -1: the sentence before tells troops arriving / leaving (worked out when a figure asks)
        previous_move: Callable[[], int] = _no_move
        previous_rotation: Callable[[], bool] = _no_rotation  # the sentence before tells a rotation
        named_before = title_names  # the title or a sentence before names the force or its place
        # the sentence before names another force and not this one: "the mission" after it is that force
        previous_names_other = False
        for first, end, start, stop in _sentence_spans(text, tokens):
            sentence = text[start:stop]
            norms = _words_of(sentence, all_norms[first:end])
            folded = _Words(all_folded[first:end])
            names_force = bool(_find(folded, rules.force) or _find(folded, rules.place))
            other_before, previous_names_other = previous_names_other, not names_force and bool(
                rules.others and _find(folded, rules.others))
            words = tokens[first:end]
            moved = functools.partial(_movement, norms, folded, rules, _clause_cuts(words, text))
            label_before, previous_label = previous_label, _total_label(norms, folded, rules, len(norms))
            if not previous_names_force and not _may_count(sentence, norms):
                named_before = named_before or names_force
                previous_names_force = names_force
                previous_move = moved if names_force else _no_move
                previous_rotation = functools.partial(_rotation, norms) if names_force else _no_rotation
                continue
            # under a headline about the force, a sentence that points back at it or tells troops moving is its
            # ... and so does one that points back at the force after the article named it or its place
            # ("EUFOR has been reinforced. The mission now counts around 1,500 soldiers": EUFOR's, not the force's)
            tied = (names_force or previous_names_force or (title_names and bool(
                (_find(norms, _BACK_REF) and not other_before) or moved()))
                    or (named_before and not other_before and _points_back(norms)))
            named_before = named_before or names_force
            previous_names_force = names_force
            move_before = previous_move
            previous_move = moved if tied else _no_move
            rotation_before = previous_rotation
            previous_rotation = functools.partial(_rotation, norms) if tied else _no_rotation
            if not tied:
                continue
            line = _line_year(text, start)
            dated = _dated_at(sentence, newest, dateline - start if text is article.body else -1,
                              line and (line[0] - start, line[1]))
            figs = [f for f in _figures(words, norms, read_numbers(text, words), text, stop)
                    if not _near_others(norms, folded, f, rules)
                    and not _elsewhere(words, text, norms, folded, f, rules, names_force)
                    and not _changed_elsewhere(words, text, norms, folded, f, rules)
                    and not (dated and _dated_past(f, words, norms, start, dated))]
            found: list[tuple[str, int]] = []
            paired: set[int] = set()
            for x, y, whole in _from_to(figs, norms, folded, rules):
                paired |= {x.start, y.start}
                if whole is not None:
                    found += [("total", x.value), ("total", y.value)] if whole else []
                    found.append(("change", y.value - x.value))
            kinds: dict[int, int | None] = {}
            corrected_as: int | None = None  # the direction of a change corrected away earlier in the sentence
            for fig in figs:
                if fig.start in paired:
                    continue
                if fig.elided:
                    # moved by its own verb ("Italy, which has 1,000 soldiers there, will send 200 more"), else the
                    # way the troops of the figure before it move: "Italy will send about 300 soldiers and Poland
                    # 100 more"
                    kind = _classify(fig, norms, folded, rules)
                    if kind not in (-1, 1) and not _on_standby(norms, fig):
                        kind = next((k for f in reversed(figs) if f.start < fig.start and not f.elided
                                     and (k := kinds.get(f.start)) in (-1, 1)), None)
                    if _no_change(norms, fig, kind):
                        kind = None
                    if kind is not None:
                        found.append(("change", fig.value * kind))
                    continue
                kind = kinds[fig.start] = _classify(fig, norms, folded, rules)
                if kind != 0 and (diff := _difference(norms, fig)) and not _no_change(norms, fig, diff):
                    kind = kinds[fig.start] = diff  # "the new rotation brings 150 fewer soldiers": a net cut
                if (kind is None and (fig.part or _unit_size(norms, fig) or not (names_force or _size(norms, fig)))
                        and not fig.bare
                        and not _cumulative(norms, fig) and not _serving_elsewhere(norms, folded, fig, rules)
                        and not _past(norms, fig) and not _hurt(norms, fig)
                        and not _ceiling(norms, fig) and not _on_standby(norms, fig) and not _reached_size(norms, fig)
                        and not _from_nations(norms, fig.unit_end) and (moved := move_before())):
                    # "Lực lượng gồm 550 quân nhân Đức và 150 quân nhân Áo", "The final group of about seventy
                    # soldiers landed at Arlanda" (not "Italy has about 1,000 soldiers in the mission", a size, nor
                    # troops serving elsewhere, nor "some 1,400 soldiers from 10 nations", a multinational count):
                    # after a sentence of troops arriving or leaving, a figure that
                    # says no movement of its own (and no place) counts the troops that moved
                    kind = moved
                elif kind == 1 and not names_force and move_before() == -1 and not _own_arrival(norms, fig):
                    kind = -1  # "... returned home. The last 70 soldiers landed at Arlanda": landing at home
                if kind is None and _total_row(norms, folded, rules, fig, label_before):
                    kind = 0  # "Total KFOR | 4,510": a table's total row
                if kind is None and _reversed_from(fig, figs, kinds, norms):
                    kind = 0  # "cut it to about 10,000 troops by January from some 14,000 now"
                if (kind in (-1, 1) and (_rotation(norms) or rotation_before())
                        and not (_said_added(norms, fig) or kind == -1 and _said_cut(norms, fig))):
                    kind = None  # "in a routine rotation ... Some 500 soldiers arrived at Pristina airport"
                if kind == 0 and _dated_past(fig, words, norms, start, _when_dated_at(sentence)):
                    kind = None  # "when it entered Kosovo in 1999, KFOR had 50,000 troops": the strength then
                if kind is None and corrected_as and _ending_at(norms, _skip_back(norms, fig.start), _BUT) is not None:
                    kind = corrected_as  # "will withdraw not 500 soldiers, as reported, but only 50 soldiers"
                if kind in (-1, 1) and _corrected(norms, fig):
                    corrected_as = kind
                if _no_change(norms, fig, kind):
                    kind = kinds[fig.start] = None  # "is considering sending 60 more troops", "not 1,000 but 100"
                if kind is not None:
                    found.append(("total" if kind == 0 else "change", fig.value * (kind or 1)))
            for kind_name, value in found:
                if (kind_name, value) not in seen and (kind_name == "total" or value):
                    seen.add((kind_name, value))
                    facts.append(Fact(topic_id, kind_name, value, sentence))
    return tuple(facts)
