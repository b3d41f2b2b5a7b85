"""The shortcuts of the engine give what the plain way gives: NEAR of terms found around an operand found a
few times (``_Near._by_offsets``) against counting every occurrence, the prefilter's scan forms (runs of spaces
not cut) against search forms, a snippet's white space told in C against cutting it."""

from __future__ import annotations

import random
import sys

import pytest

from monitor.rules import TopicSet, compile_topic
from monitor.rules.engine import ArticleIndex, _Ctx, _Near, _Node, _one_spaced
from monitor.rules.prefilter import WIDEST_GAP, Prefilter, variants
from monitor.rules.text import cut_gaps, scan_form, search_form

from .helpers import article, shipped_topics

WORDS = ["a", "b", "bb", "ab", "binh", "sĩ", "Binh", "SĨ", "tấn", "công", "hòa", "hoà", "KFOR", "4.500", "12",
         "1,5", "x", "x1", "Đức", "đức", "troops", "trooper", *(f"w{i}" for i in range(10))]
GAPS = [" "] * 12 + ["  ", ", ", ". ", ". The ", "! ", "\n", " — ", " (", "” ", " -- ", ":: ", "\t", " ... ",
                     " ------- "]
TERMS = ["a", "b", "bb", "binh", "sĩ", "KFOR", "troop*", "b*", '"binh sĩ"', '"tấn công"', '"a b"', '"b a b"',
         '"binh s*"', "Đức", "hoà", "#num", "x", '"a a"', "công"]


def _text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(size)).strip()


def _operand(rng: random.Random) -> str:
    terms = rng.sample(TERMS, rng.randint(1, 3))
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def _nears(node: _Node) -> list[_Near]:
    found = [node] if isinstance(node, _Near) else []
    for child in (getattr(node, "children", None) or [getattr(node, n) for n in ("left", "right", "child")
                                                      if hasattr(node, n)]):
        found += _nears(child)
    return found


def _both_ways(near: _Near, index: ArticleIndex, keys: object, fname: str) -> tuple[list | None, list]:
    """``_by_offsets`` (None: it left the field to the plain way) and the plain way's occurrences."""
    fast = near._by_offsets(_Ctx(index, keys), fname)  # type: ignore[arg-type]
    near._flat = False
    try:
        plain = near.occurrences(_Ctx(index, keys), fname)  # type: ignore[arg-type]
    finally:
        near._flat = True
    return fast, plain


@pytest.mark.parametrize("seed", range(6))
def test_near_of_terms_by_offsets_is_near_by_counting(seed: int) -> None:
    rng = random.Random(seed)
    checked, plain_way = 0, 0
    for _ in range(400):
        body, title = _text(rng, rng.randint(1, 60)), _text(rng, rng.randint(0, 6))
        query = f"{_operand(rng)} NEAR/{rng.randint(1, 5)} {_operand(rng)}"
        fold = rng.random() < 0.7
        topic = compile_topic("t", "T", query, fold_diacritics=fold)
        art = article(body, title=title)
        topics = TopicSet([topic])
        for keys in (None, topics.candidates(art)):
            index = ArticleIndex(art, fold)
            for near in _nears(topic._root):
                assert near._flat
                for fname in index.worded:
                    fast, plain = _both_ways(near, index, keys, fname)
                    assert fast is None or fast == plain, (query, fold, fname, title, body)
                    checked += fast is not None and bool(plain)
                    plain_way += fast is None
        assert topics.match(art) == [m for m in [topic.match(art)] if m is not None]
    assert checked > 100 and plain_way < checked


def test_near_of_terms_in_the_shipped_topics_and_many_anchors() -> None:
    """Operands found more often than the anchors allowed (both sides), and nested NEARs left the plain way."""
    rng = random.Random(7)
    body = " ".join(rng.choice(["4.500", "troops", "KFOR", "binh sĩ", "a", "b", "the"]) for _ in range(400))
    topic = compile_topic("t", "T", "(#num NEAR/2 troops) NEAR/3 (KFOR OR a) AND troops NEAR/1 b")
    index = ArticleIndex(article(body), True)
    ways = []
    for near in _nears(topic._root):
        if near._flat:
            fast, plain = _both_ways(near, index, None, "body")
            assert fast is None or fast == plain
            ways.append(fast is not None)
    assert ways == [False, False]  # each operand found too often for anchors: counted the plain way
    few = ArticleIndex(article(body.replace("troops", "x").replace(" b ", " y ") + " 12 troops 7 troops b"), True)
    for near in _nears(topic._root):
        if near._flat:
            fast, plain = _both_ways(near, few, None, "body")
            assert fast == plain and fast  # the numbers, then the few troops as the anchors
    for topic in shipped_topics():
        assert topic.match(article(body)) == topic.match(article(body + " "))


def test_a_scan_form_finds_the_keys_a_search_form_does() -> None:
    rng = random.Random(3)
    prefilter = Prefilter([(compile_topic("t", "T", f"{_operand(rng)} AND {_operand(rng)}").ast, True)
                           for _ in range(40)])
    for _ in range(400):
        text = _text(rng, rng.randint(0, 40)) + " " * rng.randint(0, 12) + _text(rng, 3)
        form, _encoded = scan_form(text)
        assert cut_gaps(form) == search_form(text)
        assert prefilter.found(form) == prefilter.found(search_form(text)), text
    assert variants(" a b ", WIDEST_GAP)[:2] == [" a b ", " a  b "]
    wide = " " * (WIDEST_GAP + 1)
    assert prefilter.found(f" binh{wide}si  kfor ") == prefilter.found(" binh  si  kfor ")


def test_shipped_topics_are_evaluated_by_the_same_shortcuts() -> None:
    topics = shipped_topics()
    text = ("KFOR has 4.500 troops. About 4,500 soldiers from 28 nations serve in KFOR, said Gen. Ulutaş. "
            "Lực lượng KFOR có 4.500 binh sĩ đến từ 28 quốc gia.")
    art = article(text, title="KFOR troops")
    assert topics.match(art) == [m for t in topics if (m := t.match(art)) is not None]


def test_white_space_told_in_c_is_white_space_cut() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert all(not c.isprintable() for c in spaces if c != " ")
    rng = random.Random(11)
    chars = [" ", " ", "a", "«", "ấ", "\u200b", "\xad", *spaces]
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(12)))
        assert _one_spaced(text) == " ".join(text.split()), repr(text)


@pytest.mark.parametrize("gap", [" ", " ------- ", ", (", "\n\n"])
def test_a_phrase_that_starts_before_the_stretch_near_the_anchor_is_found(gap: str) -> None:
    """``x NEAR/1 "a b"``: only the phrase's last word is within one token of ``x``, its first one is not."""
    topic = compile_topic("t", "T", 'x NEAR/1 "a b"')
    art = article(f"w a{gap}b x w")
    [near] = _nears(topic._root)
    fast, plain = _both_ways(near, ArticleIndex(art, True), None, "body")
    assert fast == plain == [(1, 4, (("x", 3, 4), ("a b", 1, 3)))]
    assert topic.match(art) is not None
