import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.rules.text import (
    _FAST_DECODING,
    FieldTokens,
    Token,
    fold,
    is_number,
    normalize_tones,
    sentence_breaks,
    term_plan,
    tokenize,
    word_norms,
    word_spans,
)

from .helpers import code_points


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hòa", "hoà"),
        ("Thụy", "Thuỵ"),
        ("thủy", "thuỷ"),
        ("hóa", "hoá"),
        ("thỏa", "thoả"),
        ("khỏe", "khoẻ"),
        ("Ủy ban", "Uỷ ban"),
        ("HÒA BÌNH", "HOÀ BÌNH"),
        ("Hòa", "Hoà"),
    ],
)
def test_old_and_new_tone_placement_become_identical(old: str, new: str) -> None:
    assert normalize_tones(old) == normalize_tones(new) == new


@pytest.mark.parametrize("word", ["hoàng", "ngoài", "quý", "của", "mùa", "Kosovo", "thuyền"])
def test_words_without_the_ambiguity_are_left_alone(word: str) -> None:
    assert normalize_tones(word) == word


def test_normalize_tones_accepts_nfd_and_returns_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "hòa bình Thụy Điển")
    assert normalize_tones(nfd) == "hoà bình Thuỵ Điển"
    assert unicodedata.is_normalized("NFC", normalize_tones(nfd))


def test_fold_removes_every_diacritic() -> None:
    assert fold("binh sĩ Đức đường Thổ Nhĩ Kỳ ƯỚC") == "binh si Duc duong Tho Nhi Ky UOC"
    assert fold(unicodedata.normalize("NFD", "Cô-xô-vô")) == "Co-xo-vo"


def norms(text: str, fold_diacritics: bool = True) -> list[str]:
    return [t.norm for t in tokenize(text, fold_diacritics=fold_diacritics)]


def test_tokens_keep_offsets_into_the_original_text() -> None:
    text = "KFOR: 4.200 binh sĩ"
    tokens = tokenize(text, fold_diacritics=True)
    assert tokens == [Token("kfor", 0, 4), Token("4.200", 6, 11), Token("binh", 12, 16), Token("si", 17, 19)]
    assert [text[t.start : t.end] for t in tokens] == ["KFOR", "4.200", "binh", "sĩ"]


def test_offsets_point_into_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Thổ Nhĩ Kỳ hòa")
    tokens = tokenize(text, fold_diacritics=False)
    assert [t.norm for t in tokens] == ["thổ", "nhĩ", "kỳ", "hoà"]
    originals = [unicodedata.normalize("NFC", text[t.start : t.end]) for t in tokens]
    assert originals == ["Thổ", "Nhĩ", "Kỳ", "hòa"]


def test_case_tones_and_folding() -> None:
    assert norms("HÒA Hoà", fold_diacritics=False) == ["hoà", "hoà"]
    assert norms("HÒA Hoà Đức", fold_diacritics=True) == ["hoa", "hoa", "duc"]
    assert norms("binh sĩ", fold_diacritics=False) == ["binh", "sĩ"]


@pytest.mark.parametrize("number", ["4.200", "4,200", "1,5", "1.000.000", "27"])
def test_a_number_with_separators_is_one_token(number: str) -> None:
    assert norms(f"có {number} binh sĩ") == ["co", number, "binh", "si"]


def test_punctuation_and_hyphens_separate_tokens() -> None:
    assert norms("Cô-xô-vô") == ["co", "xo", "vo"]
    assert norms("Belgrade-Pristina") == ["belgrade", "pristina"]
    assert norms("KFOR's troops") == ["kfor", "s", "troops"]
    assert norms("năm 2023. Sau đó, 14/6") == ["nam", "2023", "sau", "do", "14", "6"]
    assert norms("snake_case “quoted”") == ["snake", "case", "quoted"]


def test_fast_helpers_agree_with_tokenize() -> None:
    text = "Ngày 14/6, KFOR có 4.200 binh_sĩ (Cô-xô-vô)… 1,5 triệu"
    tokens = tokenize(text, fold_diacritics=True)
    assert word_norms(text, fold_diacritics=True) == [t.norm for t in tokens]
    assert word_spans(text) == [(t.start, t.end) for t in tokens]


# ── FieldTokens: the engine's tokens, cut by bytes, are tokenize's ──────────────────────────────────


_SENTENCE_CHARS = set(".!?…\n\r\u2028\u2029")  # a text without any has one sentence


def _assert_field_tokens_are_tokenize(text: str) -> None:
    fast = FieldTokens(text)
    for fold_diacritics in (True, False):
        tokens = tokenize(text, fold_diacritics=fold_diacritics)
        assert fast.norms(fold_diacritics) == [t.norm for t in tokens], (text, fold_diacritics)
    expected = {(i, j): (tokens[i].start, tokens[j - 1].end)
                for i in range(len(tokens)) for j in (i + 1, min(len(tokens), i + 3), len(tokens))}
    assert FieldTokens(text).spans(expected) == expected, text  # the byte way, if the text takes it
    offsets = fast.offsets()  # the regular way
    assert {(i, j): (offsets[2 * i + 1], offsets[2 * j]) for i, j in expected} == expected, text
    assert offsets[-1] == len(text)
    if _SENTENCE_CHARS.isdisjoint(text):
        return  # one sentence (test_only_sentence_marks_and_line_breaks_end_a_sentence)
    breaks = sentence_breaks(text)
    phrases = FieldTokens(text)
    assert phrases.sentence_starts() == breaks, text  # the byte way, if the text takes it
    regular = FieldTokens(text)
    regular._layout = None  # the regular way, from the offsets
    assert regular.sentence_starts() == breaks, text
    for n in (2, 3):  # phrases: the runs of tokens no sentence end cuts
        starts = list(range(len(tokens) - n + 1))
        expected_runs = [s for s in starts if set(breaks).isdisjoint(range(s + 1, s + n))]
        assert phrases.in_one_sentence(starts, n) == expected_runs, (text, n)


def test_field_tokens_cut_like_tokenize() -> None:
    for text in ("KFOR: 4.200 binh sĩ", "  Đức 1.5km v1.2 x", "", "   ", "a", "4.5.6a, b_c ĐỨC ", "1.5x.2",
                 "Thổ Nhĩ Kỳ HÒA 1,234.5 İstanbul", "x\u0301 1.2\u0301", "4..5 ,5 5, 5.,5 12.a a.12 .5.5.",
                 "Ngày 14/6, KFOR có 4.200 binh_sĩ (Cô-xô-vô)… 1,5 triệu", "ΣΑΣ σας", "\n1.000.000\n"):
        _assert_field_tokens_are_tokenize(text)
    assert FieldTokens("Ngày 14/6 có 4.200 binh sĩ")._layout is not None  # the byte way
    assert FieldTokens("1.5km")._layout is None  # a number glued to a word: offsets the regular way
    assert FieldTokens("v1.2")._words == ["v1", "2"]  # the regular expression's way
    long_word = "x" * 300
    _assert_field_tokens_are_tokenize(f"a  {long_word} b, c")  # a word too long for the byte way's lengths


def test_field_tokens_cut_like_tokenize_for_every_character() -> None:
    """Each character alone, around letters, capitals, digits and numbers: the byte way (and its
    lower-casing of the text from the first capital the table lacks) cuts and normalizes like tokenize."""
    for c in code_points():
        for text in (c, f"a{c}b", f"Ò{c}a {c.upper()}", f"1{c}2", f"9.5{c}x", f"Đ 9,5{c}9", f"x {c}.{c}1 y"):
            _assert_field_tokens_are_tokenize(text)


_PIECES = st.sampled_from([
    "binh", "sĩ", "SĨ", "HÒA", "hoà", "Thụy", "ĐỨC", "đ", "KFOR", "4.500", "4,500", "1,5", "1.", ".5", "x", "Ớ",
    "Zvečan", "straße", "İstanbul", "Κόσοβο", "ǅ", "ﬁ", "²", "_", "-", "—", "“", ",", ".", " ", "\n", "\u00a0",
    "\u0301", "\u0323", "e\u0301", "A\u0306\u0301", "7", "km", ". ", "! ", "? ", "…", "”", ";", "Since", "Mr",
    "no", "\r",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30).map("".join))
def test_field_tokens_of_arbitrary_text(text: str) -> None:
    _assert_field_tokens_are_tokenize(text)
    _assert_field_tokens_are_tokenize(unicodedata.normalize("NFD", text))


# ── sentences: a phrase never spans one's end ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("the worst violence in years. Since then", ["Since"]),
        ("in years.” Since then", ["Since"]),  # a closing quote after the mark
        ("what? Then! It… Was", ["Then", "It", "Was"]),
        ("năm 2023. Sau đó, 14/6", ["Sau"]),
        ("in 2023. 500 troops", ["500"]),
        ("Kosovo police\n\nNATO said\nKFOR", ["NATO", "KFOR"]),  # a line break, before a capital
        ("in years. since then", []),  # not before a capital or a digit
        ("in years\nsince then", []),
        ("in years; Since then", []),  # ";", ":" and "," end no sentence
        ("years: Since, Then", []),
        ("the U.S. Army and U.S. troops", []),  # abbreviations: a single letter before the "."
        ("a Ph.D. Student", []),
        ("Gen. Smith met Mr. Kurti on 8 Apr. 2025 in TP. Hồ Chí Minh", []),  # a capitalized word of 1-4
        ("resolution no. 1244", []),  # a known lower-case abbreviation
        ("TP.HCM and 4.200 and 1,5 and v1.2 and example.Com", []),  # no space after the "."
        ("1. Introduction", []),
        ("troops in Kosovo. The", ["The"]),
        ("so... The", ["The"]),  # several marks: no abbreviation
        # an acronym in capitals ends its sentence; a known one (Vietnamese titles, "TP.") does not
        ("troops in KFOR. Another 500", ["Another"]),
        ("theo NATO. Lực lượng KFOR", ["Lực"]),
        ("PGS. TS Nguyễn Văn A và GS. Trần tại TP. Huế", []),
    ],
)
def test_where_sentences_end(text: str, breaks: list[str]) -> None:
    tokens = tokenize(text, fold_diacritics=False)
    assert [text[tokens[i].start : tokens[i].end] for i in sentence_breaks(text)] == breaks
    _assert_field_tokens_are_tokenize(text)


def test_only_sentence_marks_and_line_breaks_end_a_sentence() -> None:
    """Every character between a word and a capital: only ``. ! ? …`` (with a space after) and line breaks
    end the sentence."""
    assert _SENTENCE_CHARS == set(".!?…\n\r\u2028\u2029")
    for c in code_points():
        text = f"Đbcde{c} Cd"
        ends = c in _SENTENCE_CHARS
        assert sentence_breaks(text) == ([1] if ends else []), hex(ord(c))
        assert FieldTokens(text).in_one_sentence([0], 2) == ([] if ends else [0]), hex(ord(c))  # the byte way


# ── FieldTokens.term_starts: words looked up in the folded layout are tokenize's ─────────────────────


def _reference_starts(text: str, words: tuple[tuple[str, bool], ...], fold_diacritics: bool) -> list[int]:
    """Where a term starts, from ``tokenize`` and ``sentence_breaks``: what ``term_starts`` must answer."""
    norms = [t.norm for t in tokenize(text, fold_diacritics=fold_diacritics)]
    breaks = set(sentence_breaks(text))
    return [i for i in range(len(norms) - len(words) + 1)
            if all(norms[i + k].startswith(n) if p else norms[i + k] == n for k, (n, p) in enumerate(words))
            and breaks.isdisjoint(range(i + 1, i + len(words)))]


def _terms_of(text: str, fold_diacritics: bool) -> list[tuple[tuple[str, bool], ...]]:
    """Words, prefixes and phrases (two or three tokens in a row, the last maybe a prefix) of the text's own
    tokens, and a few that are not in it."""
    norms = [t.norm for t in tokenize(text, fold_diacritics=fold_diacritics)]
    terms: list[tuple[tuple[str, bool], ...]] = [(("zzq", False),), (("binh", False), ("zzq", False)), (("đức", True),)]
    for i, n in enumerate(norms):
        terms += [((n, False),), ((n[:2], True),), ((n, True),)]
        if i + 1 < len(norms):
            terms += [((n, False), (norms[i + 1], False)), ((n, False), (norms[i + 1][:1], True)),
                      ((n[:1], True), (norms[i + 1], False))]
        if i + 2 < len(norms):
            terms.append(((n, False), (norms[i + 1], False), (norms[i + 2], False)))
    return [t for t in dict.fromkeys(terms) if all(n for n, _p in t)]


def _assert_term_starts_are_tokenize(text: str) -> None:
    spans = word_spans(text)
    for fold_diacritics in (True, False):
        tokens = FieldTokens(text)  # one object, looked up in every order: its counts are reused
        terms = _terms_of(text, fold_diacritics)
        for words in terms[::-1] + terms:
            found = tokens.term_starts(words, fold_diacritics)
            assert found == _reference_starts(text, words, fold_diacritics), (text, words, fold_diacritics)
            runs = {(s, s + len(words)) for s in found}
            assert tokens.spans(runs) == {(s, e): (spans[s][0], spans[e - 1][1]) for s, e in runs}, (text, words)
            fresh = FieldTokens(text)  # where they are, without their indices counted first
            expected = [(spans[s][0], spans[s + len(words) - 1][1]) for s in found]
            assert fresh.term_spans(term_plan(words, fold_diacritics)) == expected, (text, words)
            assert tokens.term_spans(term_plan(words, fold_diacritics)) == expected, (text, words)
        numbers = [i for i, t in enumerate(tokenize(text, fold_diacritics=True)) if is_number(t.norm)]
        assert FieldTokens(text).term_spans(None) == [spans[i] for i in numbers], text
        assert tokens.numbers() == numbers, text
        assert bool(tokens) == bool(spans)


def test_term_starts_of_words_prefixes_and_phrases() -> None:
    for text in (
        "KFOR có 4.200 binh sĩ, Binh Sĩ và BINH SỸ; binh - sĩ. Binh sĩ",  # a phrase across a gap, a sentence end
        "Đức đức ĐỨC duc Đức-Hòa hoà HÒA hòa",  # đ, tone placement, case
        "Thụy Điển thuỵ điển Ủy ban uỷ ban",
        "the deployment of troops redeployed deploy deployed",
        "1,5x 4.500 binh 4,500 27 3rd 1.2.3 a1 12",  # numbers, and tokens that are not
        "ø Øresund æble Łódź ı ß straße œuvre",  # letters without an ASCII form of one letter
        "years. Since then, in years since the war. U.S. Army",
        "“Cô-xô-vô” Cô xô vô cô-xô-vô\ncô xô\n\nVô",  # a phrase over hyphens and line breaks
        "", "   ", "a", "x y", ". A",
    ):
        _assert_term_starts_are_tokenize(text)
        _assert_term_starts_are_tokenize(unicodedata.normalize("NFD", text))  # combining marks: the norms way


def test_term_starts_take_the_byte_way_unless_a_mark_or_the_regular_way() -> None:
    assert FieldTokens("binh sĩ Đức")._search_bytes() == b" binh si duc "
    assert FieldTokens("4.500 km, v")._search_bytes() == b" 4.500 km  v "  # a number stays one token
    assert FieldTokens(unicodedata.normalize("NFD", "binh sĩ"))._search_bytes() == b""  # a mark: the norms way
    assert FieldTokens("Косово binh")._search_bytes() == b""  # a character outside the table: the regular way
    assert FieldTokens("1.5km binh")._search_bytes() == b""  # a number glued to a word: the regular way


def test_term_starts_for_every_character() -> None:
    """Each character of the byte way's table (and a sample of the others) between words, after a number and
    inside a phrase: looked up the byte way or the norms way, the answer is tokenize's."""
    for c in sorted(set(_FAST_DECODING) - {"\ufffe"}) + code_points()[::61]:
        for text in (f"ab{c}cd {c}", f"Đức {c.upper()}{c} hòa", f"1.5{c}x y{c}"):
            for fold_diacritics in (True, False):
                tokens = FieldTokens(text)
                for words in _terms_of(text, fold_diacritics):
                    assert tokens.term_starts(words, fold_diacritics) == _reference_starts(text, words,
                                                                                            fold_diacritics), (
                        hex(ord(c)), text, words, fold_diacritics)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25).map("".join))
def test_term_starts_of_arbitrary_text(text: str) -> None:
    _assert_term_starts_are_tokenize(text)


def test_a_term_is_planned_once_and_its_lookup_shared() -> None:
    words = (("binh", False), ("si", False))
    plan = term_plan(words, True)
    assert term_plan(words, True) is plan and term_plan(words, False) is not plan
    assert plan.needle == b" binh " and plan.match is not None and plan.told
    assert not term_plan((("bình", False),), False).told  # a norm with diacritics: each word found is checked
    assert term_plan((("косово", False),), True).needle is None  # outside the byte table: no word has it
    tokens = FieldTokens("Ngày 14/6 có 4.200 binh sĩ. Binh sĩ đến")
    found = tokens.find(plan)
    assert found == [5, 7] == tokens.term_starts(words, True)
    assert tokens.find(plan) is found  # computed once per plan
    assert tokens.find(term_plan((("sĩ", False),), False)) == [6, 8]
    assert tokens.find(term_plan((("косово", False),), True)) == []


def test_a_number_with_a_combining_mark_is_a_number_when_folded() -> None:
    text = "a 5\u0301 b 4.500"
    numbers = [i for i, t in enumerate(tokenize(text, fold_diacritics=True)) if is_number(t.norm)]
    assert numbers == [1, 3]
    assert FieldTokens(text).numbers() == numbers
