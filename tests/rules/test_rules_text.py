import unicodedata

import pytest

from monitor.rules.text import Token, fold, normalize_tones, tokenize, word_norms, word_spans


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
