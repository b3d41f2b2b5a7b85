import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.records import Evidence, Hit
from monitor.rules import CompiledTopic, QuerySyntaxError, compile_topic, match_all
from monitor.rules.engine import _densest, _snippet

from .helpers import article, match, matches

# ── words, phrases, tones, folding ───────────────────────────────────────────────────────────────


def test_case_never_matters() -> None:
    assert matches("kfor", "The KFOR mission")
    assert matches("KFOR", "the kfor mission")
    assert not matches("KFOR", "the KFORCE mission")  # whole words only


TONE_PAIRS = [("hoà bình", "HÒA BÌNH"), ("Thụy Điển", "Thuỵ Điển"), ("khoẻ", "khỏe")]


@pytest.mark.parametrize("fold_diacritics", [True, False])
@pytest.mark.parametrize(("query", "text"), TONE_PAIRS)
def test_tone_placement_never_matters(query: str, text: str, fold_diacritics: bool) -> None:
    assert matches(query, text, fold_diacritics=fold_diacritics)
    assert matches(text, query, fold_diacritics=fold_diacritics)


def test_nfd_text_and_query_match() -> None:
    nfd = unicodedata.normalize("NFD", "500 binh sĩ từ Thổ Nhĩ Kỳ")
    assert matches('"Thổ Nhĩ Kỳ"', nfd, fold_diacritics=False)
    assert matches(unicodedata.normalize("NFD", '"binh sĩ"'), "500 binh sĩ", fold_diacritics=False)
    found = match('"Thổ Nhĩ Kỳ"', article(nfd))
    assert found is not None
    assert found.evidence.hits[0].text == unicodedata.normalize("NFD", "Thổ Nhĩ Kỳ")  # as the article has it


def test_folding_on_ignores_diacritics_both_ways() -> None:
    assert matches("binh si", "4.200 binh sĩ")
    assert matches('"binh sĩ"', "4.200 binh si")
    assert matches("Duc", "quân đội Đức")


def test_folding_off_diacritics_count() -> None:
    assert not matches("binh si", "4.200 binh sĩ", fold_diacritics=False)
    assert not matches("bình", "binh sĩ", fold_diacritics=False)
    assert matches('"binh sĩ"', "4.200 BINH SĨ", fold_diacritics=False)


def test_phrases_are_consecutive_syllables() -> None:
    assert matches('"Thổ Nhĩ Kỳ"', "được triển khai tới Kosovo từ Thổ Nhĩ Kỳ.")
    assert not matches('"Thổ Nhĩ Kỳ"', "Thổ dân Nhĩ Kỳ")
    assert not matches('"Nhĩ Thổ"', "Thổ Nhĩ Kỳ")
    assert matches('"binh sĩ"', "binh, sĩ")  # punctuation between words is not a word


def test_a_phrase_never_spans_a_sentence_end() -> None:
    text = "It was the worst violence in years. Since then, KFOR has sent 700 more troops."
    assert not matches('"years since"', text)  # an analyst's false match
    assert matches('"years since"', "the first time in years since the war")
    assert matches('"years since"', "in years, since the war")  # other punctuation is ignored
    assert not matches('"binh sĩ"', "cùng binh! Sĩ quan")
    assert not matches('"Kosovo troops"', "in Kosovo\n\nTroops")  # a line break before a capital
    assert not matches('"tensions Kosovo"', title="Tensions", body="Kosovo")  # fields were always apart
    assert matches('"U.S. troops"', "the U.S. troops")  # abbreviations do not end a sentence
    assert matches('"U.S. Army"', "the U.S. Army")
    assert matches('"Gen. Barduani"', "Maj. Gen. Barduani said")
    assert matches('"TP HCM"', "tại TP. HCM và TP.HCM")
    assert matches('"4.200 binh sĩ" AND "1,5 triệu"', "có 4.200 binh sĩ và 1,5 triệu")
    assert matches('"Cô-xô-vô"', "tới Cô-xô-vô. Sau đó")
    assert matches('"years since"', "in years. since then")  # no capital: not taken for an end


def test_near_may_span_sentences() -> None:
    text = "It was the worst violence in years. Since then, KFOR has sent 700 more troops."
    assert matches("years NEAR/1 since", text)
    assert matches("violence NEAR/10 KFOR", text)
    assert matches('"violence in" NEAR/3 "since then"', text)  # each phrase in its own sentence
    assert not matches('"in years since" NEAR/10 KFOR', text)


def test_evidence_of_a_phrase_is_the_occurrences_in_one_sentence() -> None:
    found = match('"troops Kosovo"', article("700 troops. Kosovo police said troops Kosovo-wide."))
    assert found is not None
    assert [h.text for h in found.evidence.hits] == ["troops Kosovo"]


def test_hyphenated_transliterations() -> None:
    assert matches('"Cô-xô-vô"', "tình hình ở Cô-xô-vô căng thẳng")
    assert matches("Cô-xô-vô", "tình hình ở Cô xô vô")
    assert matches('"Belgrade Pristina"', "đối thoại Belgrade-Pristina")
    assert not matches("xô", "Cô-vô")


def test_prefix_wildcards() -> None:
    assert matches("deploy*", "troops were deployed")
    assert matches("deploy*", "the deployment")
    assert matches("deploy*", "they deploy")
    assert not matches("deploy*", "redeployed")
    assert matches('"triển khai*"', "được triển khai tới Kosovo")
    assert matches('"troop* deploy*"', "troops deployed")
    assert matches("trien*", "được triển khai")  # folded prefix


def test_num_matches_any_number_token() -> None:
    for text in ("4.200 binh sĩ", "about 4,500 troops", "27 quốc gia", "1,5 triệu"):
        assert matches("#num", text)
    assert not matches("#num", "không có số nào")
    assert not matches("#num", "F16 và COVID")


# ── boolean logic ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("KFOR AND troops", "KFOR troops", True),
        ("KFOR AND troops", "KFOR soldiers", False),
        ("KFOR troops", "troops of KFOR", True),
        ("KFOR OR troops", "troops", True),
        ("KFOR OR troops", "soldiers", False),
        ("KFOR NOT EUFOR", "KFOR and EUFOR", False),
        ("KFOR NOT EUFOR", "KFOR alone", True),
        ("NOT EUFOR", "KFOR alone", True),  # true, but no hits: score 0 < threshold 1 → no match
        ("a b OR c", "c", True),  # (a AND b) OR c
        ("a b OR c", "a", False),
        ("a OR b c", "a", True),  # a OR (b AND c)
        ("(a OR b) c", "a", False),
        ("(a OR b) c", "b c", True),
        ("NOT a b", "b", True),  # (NOT a) AND b
        ("NOT a b", "a b", False),
        ("NOT (a OR b) c", "b c", False),
    ],
)
def test_boolean_logic_and_precedence(query: str, text: str, expected: bool) -> None:
    topic = compile_topic("t", "T", query, threshold=0)
    assert (topic.match(article(text)) is not None) is expected


def test_a_query_true_only_by_not_has_no_hits_so_it_scores_zero() -> None:
    assert not matches("NOT EUFOR", "KFOR alone")
    found = match("NOT EUFOR", article("KFOR alone"), threshold=0)
    assert found is not None and found.score == 0 and found.evidence.hits == ()


# ── NEAR ─────────────────────────────────────────────────────────────────────────────────────────

#           0    1   2   3     4      5
SENTENCE = "KFOR has 4,500 troops in Kosovo"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("KFOR NEAR/3 troops", True),  # positions 0 and 3: at the limit
        ("KFOR NEAR/2 troops", False),
        ("troops NEAR/3 KFOR", True),  # either order
        ("troops NEAR/2 KFOR", False),
        ("KFOR NEAR/5 Kosovo", True),
        ("KFOR NEAR/4 Kosovo", False),
        ("KFOR NEAR/1 has", True),  # NEAR/1 = adjacent
        ("KFOR NEAR troops", True),  # NEAR = NEAR/10
        ("#num NEAR/1 troops", True),
        ('"has 4,500" NEAR/1 troops', True),  # a phrase's span ends at its last word
        ('"has 4,500" NEAR/1 KFOR', True),
        ('"4,500 troops" NEAR/1 has', True),
        ('KFOR NEAR/2 "in Kosovo"', False),
        ('KFOR NEAR/4 "in Kosovo"', True),
        ("(soldiers OR troops) NEAR/3 (KFOR OR NATO)", True),
        ("(soldiers OR troops) NEAR/3 (EUFOR OR NATO)", False),
        ("KFOR NEAR/3 troop*", True),
        ("troops NEAR/5 troop*", False),  # the two operands may not be the same word
        ("(KFOR NEAR/1 has) NEAR/2 troops", True),  # a NEAR spans from one operand to the other
        ("(KFOR NEAR/1 has) NEAR/1 troops", False),
        ("(KFOR has) NEAR/2 troops", True),  # an AND group occurs where its parts occur
        ("(KFOR EUFOR) NEAR/5 troops", False),
    ],
)
def test_near_distances(query: str, expected: bool) -> None:
    assert matches(query, SENTENCE) is expected


def test_near_never_spans_two_fields() -> None:
    assert not matches("KFOR NEAR/2 troops", title="News about KFOR", body="troops arrived")
    assert matches("KFOR NEAR/2 troops", title="KFOR troops", body="nothing")


def test_near_finds_a_close_pair_among_far_ones() -> None:
    filler = " ".join(["word"] * 50)
    text = f"KFOR {filler} troops {filler} KFOR {filler} KFOR sent troops {filler} troops"
    found = match("KFOR NEAR/2 troops", article(text))
    assert found is not None
    assert "«KFOR» sent «troops»" in found.evidence.snippet


# ── fields ───────────────────────────────────────────────────────────────────────────────────────


def test_field_scope() -> None:
    assert matches("title:KFOR", title="KFOR news", body="nothing")
    assert not matches("title:KFOR", title="news", body="KFOR", summary="KFOR")
    assert matches("summary:KFOR", summary="KFOR")
    assert matches("body:(EUFOR OR KFOR)", body="KFOR")
    assert not matches("body:(EUFOR OR KFOR)", title="KFOR")
    assert matches('title:"binh sĩ" body:#num', title="binh sĩ", body="4.200")
    assert matches("KFOR", summary="KFOR")  # unscoped: every field
    assert not matches('"KFOR troops"', title="KFOR", body="troops")  # a phrase stays in one field


# ── evidence, score, threshold ───────────────────────────────────────────────────────────────────


def test_evidence_lists_the_positive_terms_that_made_the_query_true() -> None:
    art = article(title="KFOR tăng quân", body="KFOR triển khai 500 binh sĩ; Kfor nói. EUFOR thì không.")
    found = match('KFOR AND ("binh sĩ" OR soldiers) NOT UNIFIL OR EUFOR', art)
    assert found is not None
    assert found.topic_id == "t" and found.topic_name == "Test topic" and found.facts == ()
    assert found.evidence.hits == (
        Hit("KFOR", "title", "KFOR"),
        Hit("KFOR", "body", "KFOR"),
        Hit("binh sĩ", "body", "binh sĩ"),
        Hit("KFOR", "body", "Kfor"),
        Hit("EUFOR", "body", "EUFOR"),
    )
    assert found.score == 4.0  # (KFOR, title), (KFOR, body), (binh sĩ, body), (EUFOR, body)


def test_false_or_branches_and_not_give_no_evidence() -> None:
    found = match("(KFOR OR Kosovo) NOT EUFOR", article("KFOR troops; Kosovo calm; UNIFIL", title="Kosovo"))
    assert found is not None
    assert {(h.term, h.field) for h in found.evidence.hits} == {
        ("KFOR", "body"),
        ("Kosovo", "body"),
        ("Kosovo", "title"),
    }
    found = match("(soldiers NEAR/2 KFOR) OR Kosovo", article("KFOR has soldiers; Kosovo"))
    assert found is not None
    assert [h.term for h in found.evidence.hits] == ["KFOR", "soldiers", "Kosovo"]


def test_near_evidence_is_only_the_close_occurrences() -> None:
    text = "KFOR here. " + "x " * 200 + "Later KFOR sent troops."
    found = match("KFOR NEAR/3 troops", article(text))
    assert found is not None
    assert found.evidence.hits == (Hit("KFOR", "body", "KFOR"), Hit("troops", "body", "troops"))
    assert found.evidence.snippet.startswith("…") and "Later «KFOR» sent «troops»." in found.evidence.snippet


def test_hit_text_is_the_article_words_as_written() -> None:
    found = match('"Cô-xô-vô" deploy* #num', article("Quân đội Cô-xô-vô DEPLOYED 4.200 người"))
    assert found is not None
    assert [(h.term, h.text) for h in found.evidence.hits] == [
        ("Cô-xô-vô", "Cô-xô-vô"),
        ("deploy*", "DEPLOYED"),
        ("#num", "4.200"),
    ]


def test_threshold_counts_distinct_terms_and_fields() -> None:
    art = article(title="KFOR", body="KFOR KFOR KFOR troops")
    assert match("KFOR troops", art, threshold=3) is not None  # (KFOR,title) (KFOR,body) (troops,body)
    assert match("KFOR troops", art, threshold=3.5) is None
    assert match("KFOR", art).score == 2.0  # type: ignore[union-attr]


def test_snippet_prefers_the_body_and_marks_hits_in_window() -> None:
    lead = "Mở đầu bài viết với nhiều chữ không liên quan đến chủ đề. " * 6
    tail = " Phần sau cũng dài và không có gì đáng chú ý cho chủ đề này." * 6
    body = lead + "Hiện có 4.200 binh sĩ KFOR tại Kosovo." + tail
    found = match('KFOR "binh sĩ"', article(body, title="KFOR tăng cường"))
    assert found is not None
    snippet = found.evidence.snippet
    assert "«4.200»" not in snippet and "«binh sĩ» «KFOR» tại" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    inner = snippet.strip("…")
    assert 150 <= len(inner) <= 230
    assert body.find(inner.replace("«", "").replace("»", "")) > 0  # whole words, cut from the body
    assert inner.split()[0] in body.split() and inner.split()[-1] in body.split()


def test_snippet_falls_back_to_summary_then_title_and_short_texts_are_whole() -> None:
    found = match("KFOR", article(body="không liên quan", summary="Tin KFOR ngắn", title="KFOR"))
    assert found is not None
    assert found.evidence.snippet == "Tin «KFOR» ngắn"
    found = match("KFOR", article(title="Tin\nKFOR   mới"))
    assert found is not None
    assert found.evidence.snippet == "Tin «KFOR» mới"


def test_snippet_merges_overlapping_hits() -> None:
    found = match('"binh sĩ" OR binh*', article("500 binh sĩ"))
    assert found is not None
    assert found.evidence.snippet == "500 «binh sĩ»"
    hits = (Hit("binh*", "body", "binh"), Hit("binh sĩ", "body", "binh sĩ"))
    assert found.evidence == Evidence(hits, "500 «binh sĩ»")


# ── API ──────────────────────────────────────────────────────────────────────────────────────────


def test_compile_topic_raises_on_a_bad_query() -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        compile_topic("t", "T", "KFOR AND (troops")
    assert caught.value.position == 16


def test_match_all_shares_tokenization_across_topics_and_fold_modes() -> None:
    topics = [
        compile_topic("a", "A", "KFOR"),
        compile_topic("b", "B", "binh si", fold_diacritics=True),
        compile_topic("c", "C", "binh si", fold_diacritics=False),
        compile_topic("d", "D", '"binh sĩ"', fold_diacritics=False),
        compile_topic("e", "E", "EUFOR"),
    ]
    assert all(isinstance(t, CompiledTopic) for t in topics)
    found = match_all(topics, article("4.200 binh sĩ KFOR"))
    assert [m.topic_id for m in found] == ["a", "b", "d"]


def test_a_long_article_matches_fast() -> None:
    words = "Phái bộ KFOR hiện có 4.200 binh sĩ từ 27 quốc gia tại Kosovo , Serbia lên án căng thẳng".split()
    body = " ".join(words[i % len(words)] if i % 7 else f"w{i}" for i in range(5000))
    terms = ["KFOR", '"binh sĩ"', "troop*", "Kosovo", "Serbia", "deploy*", '"căng thẳng"', "EUFOR", "UNIFIL"]
    query = (
        f'({" OR ".join(terms)}) AND (#num NEAR/5 ("binh sĩ" OR troops OR soldiers)) '
        'AND NOT (Althea OR "Ba Lan" OR Baltic*) OR title:(KFOR NEAR/3 quân) OR (Serbia NEAR/5 "biên giới") '
        'OR "Thổ Nhĩ Kỳ" OR Anh OR Đức OR Mỹ OR "Hoa Kỳ" OR Italy OR Turkey OR reinforce* OR "rút quân"'
    )
    topics = [compile_topic("k", "K", query), compile_topic("k2", "K", query, fold_diacritics=False)]
    art = article(body, title="KFOR tăng quân")
    match_all(topics, art)  # warm the caches
    best = min(_timed(lambda: match_all(topics, art)) for _ in range(5))
    assert best < 0.05  # two fold modes and two topics; typically a few ms


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def test_snippet_shows_where_the_article_is_most_about_the_topic():
    from tests.rules.helpers import article, match

    filler = " ".join(["Lorem ipsum dolor sit amet."] * 20)
    body = (f"KFOR was mentioned once here. {filler} Then KFOR said 700 more troops will deploy to Kosovo. "
            f"{filler}")
    m = match("KFOR AND (troops OR deploy*)", article(body=body))
    assert "«700»" not in m.evidence.snippet  # #num is not in this query
    assert "«troops»" in m.evidence.snippet and "«deploy»" in m.evidence.snippet
    assert "mentioned once" not in m.evidence.snippet


def _reference_densest(marks: list[tuple[int, int]], terms: list[str], span: int) -> tuple[int, int]:
    """The densest stretch by brute force: for each mark in order, the distinct terms and the marks that start
    within ``span`` characters of it; the most terms, then the most marks, then the earliest."""
    order = sorted(range(len(marks)), key=lambda i: marks[i])
    best_key, best = None, marks[order[0]]
    for lo, i in enumerate(order):
        inside = [j for j in order[lo:] if marks[j][0] < marks[i][0] + span]
        key = (len({terms[j] for j in inside}), len(inside))
        if best_key is None or key > best_key:
            best_key, best = key, marks[i]
    return best


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6), st.sampled_from("abc")), min_size=1, max_size=12),
       st.randoms())
def test_densest_is_the_brute_force_answer_in_any_order(found: list[tuple[int, int, str]], rnd) -> None:
    marks = [(s, s + n) for s, n, _t in found]
    terms = [t for _s, _n, t in found]
    expected = _reference_densest(marks, terms, 20)
    order = list(range(len(found)))
    rnd.shuffle(order)  # equal marks of different terms: their order does not matter
    assert _densest([marks[i] for i in order], [terms[i] for i in order], 20) == expected


def test_snippet_is_cut_from_the_last_field_with_a_hit_and_from_the_first_with_text_otherwise() -> None:
    both = match("KFOR", article(title="KFOR news", summary="", body="Soldiers of KFOR patrol the north."))
    assert both.evidence.snippet == "Soldiers of «KFOR» patrol the north."
    title_only = match("title:KFOR", article(title="KFOR news", summary="", body="Soldiers of KFOR patrol."))
    assert title_only.evidence.snippet == "«KFOR» news"
    by_not = compile_topic("t", "T", "NOT army", threshold=0).match(article(title="T", summary="  ",
                                                                             body="Nothing here."))
    assert by_not is not None and by_not.evidence == Evidence((), "Nothing here.")  # no hit: the body, whole
    no_body = compile_topic("t", "T", "NOT army", threshold=0).match(article(title="Title only", summary=" ",
                                                                              body=""))
    assert no_body is not None and no_body.evidence.snippet == "Title only"


_WHITE = [" ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\x1c", "\u200b"]  # Unicode white space, and one not


def _reference_snippet(text: str, marks: list[tuple[int, int]], width: int = 200) -> str:
    """The snippet's white space handled by regular expressions, as it was before it was done by hand: a
    word is not cut at either end of the window, and white space shows as one space."""
    first_start, first_end = min(marks)
    start = max(0, first_start - width // 3)
    end = max(min(len(text), start + width), first_end)
    start = max(0, min(start, end - width))
    if start > 0 and not text[start - 1].isspace():
        ws = re.compile(r"\s+").search(text, start, first_start)
        start = ws.end() if ws else first_start
    if end < len(text) and not text[end].isspace():
        cut = re.compile(r"\s+(?=\S*\Z)").search(text, first_end, end)
        end = cut.start() if cut is not None else end
    inside = sorted((s, e) for s, e in marks if s < end and e > start)
    pieces, pos = [], start
    for s, e in inside:
        pieces += [text[pos:s], "«", text[s:e], "»"]
        pos = e
    pieces.append(text[pos:end])
    body = re.sub(r"\s+", " ", "".join(pieces)).strip()
    return ("…" if start > 0 else "") + body + ("…" if re.search(r"\S", text[end:]) else "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WHITE), st.text("abcé", min_size=1, max_size=12)), min_size=1,
                max_size=120).map("".join), st.data())
def test_snippet_cuts_whole_words_and_folds_white_space(text: str, data: st.DataObject) -> None:
    if text.isspace():
        return
    start = data.draw(st.integers(0, len(text) - 1))
    marks = [(start, data.draw(st.integers(start + 1, min(len(text), start + 15))))]
    assert _snippet(text, marks, width=40) == _reference_snippet(text, marks, width=40)
