"""The prefilter never changes a result: its search form keeps every token findable, and a TopicSet's
matches (prefiltered) equal evaluating every topic on its own."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.rules import TopicSet, compile_topic
from monitor.rules.prefilter import Prefilter, occurs, term_keys
from monitor.rules.query import Term, Word
from monitor.rules.text import (
    _FAST_CHARS,
    _form,
    _general_form,
    norm_word,
    search_form,
    search_form_of_norm,
    tokenize,
)

from .helpers import SEED_NATO_EU, SEED_VILNIUS, article, article_from_txt, code_points

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def _phrase_keys(text: str, start: int, count: int, fold: bool) -> frozenset[str]:
    """The prefilter keys of the phrase made of tokens ``start .. start + count`` of ``text``."""
    tokens = tokenize(text, fold_diacritics=False)[start : start + count]
    words = tuple(Word(text[t.start : t.end]) for t in tokens)
    return term_keys(Term("p", words, 0), fold)


def _assert_tokens_findable(text: str, max_phrase: int = 3) -> None:
    form = search_form(text)
    count = len(tokenize(text, fold_diacritics=False))
    for start in range(count):
        for n in range(1, min(max_phrase, count - start) + 1):
            for fold in (True, False):
                for key in _phrase_keys(text, start, n, fold):
                    assert occurs(key, form), (text, start, n, fold, key, form)


def test_search_form_folds_case_diacritics_and_punctuation() -> None:
    assert search_form("KFOR có 4.500 binh sĩ — “Cô-xô-vô”, Đức") == " kfor co 0 000 binh si  co xo vo  duc "
    assert search_form("Zvečan, Priština; STRASSE straße") == " zvecan  pristina  strasse strasse "
    assert search_form("a — b") == " a  b "  # runs of non-word characters: one or two spaces
    assert search_form("1,5x") == " 0 0x "  # a number token then a word token, with nothing between
    assert search_form("").strip() == ""
    assert search_form_of_norm(norm_word("Thổ", True)) == "tho"


def test_the_fast_way_gives_the_general_form_for_every_character() -> None:
    fast = set(_FAST_CHARS)
    checked = 0
    for cp in range(0x80, 0x10000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or not set(c.lower()) <= fast | {chr(i) for i in range(128)}:
            continue
        for text in (c, f"a{c}b", f"{c} {c.upper()}"):
            assert _form(text) == _general_form(text, b" "), (hex(cp), text)
        checked += 1
    assert checked > 2 * len(fast) - 40  # each fast letter and its capital


def test_every_character_keeps_its_tokens_findable() -> None:
    """Character by character (the Basic Multilingual Plane and a sample above): alone and next to a
    letter, a capital and a digit, each token's norm in both fold modes has its key in the text's form."""
    for c in code_points():
        for text in (c, f"a{c}", f"{c}A", f"1{c}", f"{c}1", f"9.5{c}x", f"9.5{c}9"):
            form = search_form(text)
            for tok in tokenize(text, fold_diacritics=False):
                word = text[tok.start : tok.end]
                for fold in (True, False):
                    for key in term_keys(Term(word, (Word(word),), 0), fold):
                        assert occurs(key, form), (hex(ord(c)), text, fold, key, form)


_PIECES = st.sampled_from([
    "binh", "sĩ", "Sĩ", "SĨ", "hòa", "hoà", "Thụy", "Thuỵ", "Đức", "đ", "KFOR", "4.500", "4,500", "1,5", "x",
    "Zvečan", "straße", "İstanbul", "Κόσοβο", "Косово", "東京", "ǅ", "ﬁ", "²", "µ", "_", "-", "—", "“", "”", ",",
    " ", " ", "\n", "\u00a0", "\u200b", "\u0301", "\u0323", "\u0345", "\u093c", "क़", "e\u0301", "a\u0306\u0301",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25).map("".join))
def test_tokens_and_phrases_of_arbitrary_text_are_found_by_their_keys(text: str) -> None:
    _assert_tokens_findable(text, max_phrase=5)  # longer phrases have a key every three words
    _assert_tokens_findable(unicodedata.normalize("NFD", text), max_phrase=2)


QUERIES = [
    "KFOR AND troops", 'title:Kosovo OR ("binh sĩ" NEAR/3 #num)', "deploy* AND NOT Serbia", "NOT Kosovo",
    '"Cô-xô-vô" NEAR/5 (căng* OR "leo thang")', "Đức OR straße", "(a OR b) AND (c NEAR/2 d*)", "#num",
    '"4.500 binh sĩ" OR "1,5x"', "hoà^2 AND (thuỵ OR tho*)", "Κόσοβο OR Косово", "body:(x AND y) OR summary:z",
    '"troops Kosovo" OR ("Mr. Serbia" AND NOT "a b c")',  # phrases a sentence end may cut
]
_WORDS = st.sampled_from([
    "KFOR", "troops", "Kosovo", "binh", "sĩ", "binh sĩ", "4.500", "deployed", "Serbia", "Cô-xô-vô", "căng thẳng",
    "leo", "thang", "Đức", "strasse", "straße", "a", "b", "c", "d", "dd", "hòa", "Thụy", "thô", "Κόσοβο",
    "Косово", "x", "y", "z", "1,5x", ",", ".", "—", "!", "?", "…", "\n", ";", "U.S.", "Mr.", "troops.", "B", "C",
])
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=4)), max_size=30).map(" ".join)


@pytest.fixture(scope="module")
def topic_sets() -> list[TopicSet]:
    terms = {"troops": ["troops", "binh sĩ", "soldier*"]}
    plain = [compile_topic(f"q{i}", "Q", q, terms=terms) for i, q in enumerate(QUERIES)]
    unfolded = [compile_topic(f"u{i}", "U", q, fold_diacritics=False) for i, q in enumerate(QUERIES)]
    extra = [compile_topic("list", "L", "@troops NEAR/2 #num", terms=terms)]
    return [TopicSet(plain + unfolded + extra)]


def _assert_same(topics: TopicSet, art) -> None:
    full = [m for t in topics if (m := t.match(art)) is not None]
    assert topics.match(art) == full


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT, summary=_TEXT, body=_TEXT)
def test_prefiltered_result_equals_the_full_evaluation_on_random_articles(topic_sets, title, summary, body) -> None:
    for topics in topic_sets:
        _assert_same(topics, article(body, title, summary))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(QUERIES), min_size=1, max_size=6), _TEXT)
def test_any_set_of_topics_gives_the_full_evaluation(queries: list[str], body: str) -> None:
    topics = TopicSet(compile_topic(f"t{i}", "T", q) for i, q in enumerate(queries))
    _assert_same(topics, article(body, title=body[:30]))


def test_prefiltered_result_equals_the_full_evaluation_on_real_articles() -> None:
    from monitor.config import load
    from monitor.matching import read_articles
    from monitor.rules import compile_config_topics

    config = load(ROOT / "rules.toml")
    topics = compile_config_topics(config)
    arts = [article_from_txt(SEED_NATO_EU), article_from_txt(SEED_VILNIUS)]
    if CORPUS.is_dir():
        arts += [a for p in sorted((CORPUS / "articles").glob("*.*")) for a in read_articles(config, p)]
    matched = 0
    for art in arts:
        _assert_same(topics, art)
        matched += bool(topics.match(art))
    assert matched >= 2


def test_only_topics_whose_terms_occur_are_evaluated() -> None:
    topics = TopicSet([
        compile_topic("a", "A", '"binh sĩ" AND KFOR'),
        compile_topic("b", "B", "deploy* NEAR/3 troops"),
        compile_topic("c", "C", "title:Kosovo OR Serbia"),
        compile_topic("d", "D", "NOT Kosovo"),
    ])
    assert topics.candidates(article("KFOR có 4.500 binh sĩ")) == [0, 3]
    assert topics.candidates(article("binh, sĩ của KFOR")) == [0, 3]  # punctuation inside a phrase is ignored
    assert topics.candidates(article("sĩ binh KFOR")) == [3]  # the phrase's words, not in a row
    assert topics.candidates(article("troops were deployed")) == [1, 3]
    assert topics.candidates(article("the deployment of more troops")) == [1, 3]
    assert topics.candidates(article("redeployed troops")) == [3]  # a prefix starts a word
    assert topics.candidates(article("Kosovo")) == [3]  # title:Kosovo needs it in the title
    assert topics.candidates(article("news", title="Kosovo")) == [2, 3]
    assert topics.candidates(article("Serbia")) == [2, 3]


def test_an_empty_topic_set_and_a_topic_of_another_script() -> None:
    assert TopicSet().match(article("anything")) == []
    topics = TopicSet([compile_topic("ru", "RU", "Косово AND НАТО")])  # no ASCII residue: always evaluated
    assert topics.candidates(article("nothing here")) == [0]
    assert [m.topic_id for m in topics.match(article("Косово и НАТО"))] == ["ru"]
    assert Prefilter([]).candidates({"body": " a "}) == []


def test_a_phrase_across_a_sentence_end_is_let_through_then_evaluated_false() -> None:
    """The search form joins the words of two sentences (the prefilter stays sound: it may let more through);
    the evaluation tells the sentences apart."""
    topics = TopicSet([compile_topic("a", "A", '"years since"'), compile_topic("b", "B", "years NEAR/1 since")])
    across = article("the worst violence in years. Since then")
    assert topics.candidates(across) == [0, 1]
    assert [m.topic_id for m in topics.match(across)] == ["b"]
    _assert_same(topics, across)
    assert [m.topic_id for m in topics.match(article("in years since the war"))] == ["a", "b"]


def test_keys_are_found_field_by_field() -> None:
    """Each field is scanned on its own: a phrase never spans two fields, and a term is looked up only in the
    fields where its keys were found."""
    topics = TopicSet([compile_topic("a", "A", '"binh sĩ" AND KFOR'), compile_topic("b", "B", "Serbia")])
    across = article("sĩ của KFOR", title="Tin binh")  # the phrase's words end one field and start the next
    assert topics.candidates(across) == []
    assert topics.match(across) == []
    _assert_same(topics, across)
    found = topics.candidates(article("KFOR có binh sĩ", title="Serbia"))
    assert found == [0, 1]
    assert found.in_field == {"title": {" serbia "}, "summary": set(), "body": {" kfor ", " binh si "}}
    assert found.found == {" serbia ", " kfor ", " binh si "}
    [m] = topics.match(article("binh sĩ", title="KFOR binh sĩ"))
    assert [(h.term, h.field) for h in m.evidence.hits] == [("KFOR", "title"), ("binh sĩ", "title"),
                                                            ("binh sĩ", "body")]


def test_a_need_nested_as_deep_as_a_query_may_be_is_compiled_and_exact() -> None:
    """A topic's need is compiled to one Python test; its levels past ``_NEST`` become tests of their own: at
    the deepest nesting a query may have, one expression is more than Python's compiler takes."""
    from monitor.rules.query import MAX_DEPTH

    levels = MAX_DEPTH - 1
    names = [f"w{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(2 * levels)]  # letters: digits fold to 0
    ors, ands = names[:levels], names[levels:]
    query = "zz"
    for o, a in zip(ors, ands, strict=True):  # ... OR a1 AND (o0 OR a0 AND (zz))
        query = f"{o} OR {a} AND ({query})"
    topics = TopicSet([compile_topic("deep", "D", query)])
    cases = {
        ors[-1]: [0],  # the outermost OR's word alone
        ors[0]: [],  # the innermost OR's word needs every AND's word above it
        " ".join([*ands, "zz"]): [0],
        " ".join([*ands[1:], "zz"]): [],  # the innermost AND's word missing ...
        " ".join([*ands[1:], ors[0]]): [0],  # ... and its OR's word instead
    }
    for text, expected in cases.items():
        assert topics.candidates(article(text)) == expected, text
        _assert_same(topics, article(text))
