"""normalize: the clean text, URL and hash every stored article is made of."""

import hashlib
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.dedup import words as dedup_words
from monitor.normalize import canonical_url, clean_text, content_hash
from monitor.parse.text import norm_space
from monitor.rules.text import _FAST_DECODING

ODD_SPACES = "\t\x0b\x0c\r\x1c\x1f\x85\xa0\u1680\u2000\u2009\u200b\u2028\u2029\u202f\u205f\u3000"


def test_clean_text_spaces_lines_and_controls():
    assert clean_text("  KFOR\u00a0 troops\t arrive  ") == "KFOR troops arrive"
    assert clean_text("one \n  two\r\nthree\rfour") == "one\ntwo\nthree\nfour"  # CRLF is one line break
    assert clean_text("a\n\n\n\n b") == "a\n\nb"
    assert clean_text("bell\x07 and\x00 nul") == "bell and nul"
    assert clean_text("zero\u200bwidth") == "zerowidth"  # an invisible format character
    assert clean_text("already clean text\n\nsecond paragraph") == "already clean text\n\nsecond paragraph"
    assert clean_text("Ho\u0300a bi\u0300nh") == "Hòa bình"  # NFC
    assert clean_text("") == clean_text(None) == ""


def test_clean_text_line_ending_whitespace_of_any_kind_is_stripped():
    assert clean_text("end\u2028\nnext\u1680") == "end\nnext"
    assert clean_text("\u3000lead") == "lead"


@settings(max_examples=400)
@given(st.lists(st.sampled_from(list("ab é\n") + list(ODD_SPACES) + ["\x07", "e\u0301"]), max_size=40).map("".join))
def test_clean_text_leaves_no_odd_space_and_is_idempotent(text):
    out = clean_text(text)
    assert clean_text(out) == out
    assert unicodedata.is_normalized("NFC", out)
    assert not any(ch in out for ch in ODD_SPACES.replace("\u2028", "").replace("\u2029", "").replace("\u1680", ""))
    assert "  " not in out and "\n\n\n" not in out
    assert all(line == line.strip() for line in out.split("\n"))


def test_every_space_but_the_plain_one_is_unprintable():
    """The shortcut of norm_space and clean_text: a printable text holds no whitespace but " "."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [ch for ch in spaces if ch.isprintable()] == [" "]
    assert all(not ch.isprintable() for ch in ODD_SPACES)


def _clean_text_per_line(text: str) -> str:
    """clean_text without its shortcuts: every line cleaned."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text)
                   if ch in "\n\t\r" or unicodedata.category(ch)[0] != "C")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(re.sub(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", line).strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


MIXED = st.lists(st.sampled_from(list("ab é\n.") + list(ODD_SPACES) + ["\x07", "\x00", "e\u0301", "  ", "\u00ad"]),
                 max_size=30).map("".join)
PRINTABLE = st.lists(st.sampled_from(["a", "b", "é", "e\u0301", ".", " ", "  ", "\n"]), max_size=20).map("".join)


@settings(max_examples=1500)
@given(st.one_of(MIXED, PRINTABLE))
def test_clean_text_and_norm_space_are_their_long_ways(text):
    assert clean_text(text) == _clean_text_per_line(text)
    assert norm_space(text) == " ".join(unicodedata.normalize("NFC", text).split())


def test_canonical_url_drops_tracking_fragment_and_default_port():
    assert canonical_url("HTTPS://Example.TEST:443/a?utm_source=x&id=7#top") == "https://example.test/a?id=7"
    assert canonical_url("http://example.test:8080") == "http://example.test:8080/"


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert content_hash("KFOR troops", "arrive,  today!") == content_hash("kfor troops", "arrive today")
    assert content_hash("KFOR troops", "arrive") != content_hash("KFOR troops", "leave")


def _content_hash_by_regex(title: str, body: str) -> str:
    words = re.findall(r"\w+", f"{title}\n{body}".casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def test_content_hash_of_every_character_is_the_regular_expressions():
    """The byte tables' words agree with ``\\w+`` of the casefolded text for every character, alone and in words,
    also where the text falls back (a character the fast encoding lacks: ``ß``, ``İ``, Greek, CJK)."""
    for code in range(0x3100):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        for text in (ch, f"Ab{ch}cD", f"{ch}Đ{ch}x", f"KFOR {ch}{ch} 4.200"):
            assert content_hash(text, "") == _content_hash_by_regex(text, ""), hex(code)


def test_lower_casing_and_casefolding_agree_on_every_character_that_encodes():
    """What the byte tables rely on: a text is lower-cased to encode, the hash casefolds."""
    table = set(_FAST_DECODING) - {"\ufffe"}
    assert all(c.lower() == c for c in table if not c.isascii())
    assert [hex(code) for code in range(0x110000)
            if set(chr(code).lower()) <= table and chr(code).casefold() != chr(code).lower()] == []


@settings(max_examples=800)
@given(st.text(alphabet=st.sampled_from(list("aAzZ09_ .,:-\n\t“”–…") + list("ĐđẶặỨứÀàÝýÑñŒœßİı\u0301\u00a0") + ["Σ"]),
               max_size=40), st.text(max_size=20))
def test_content_hash_is_the_regular_expressions(title, body):
    assert content_hash(title, body) == _content_hash_by_regex(title, body)
    assert content_hash(title, "") == _content_hash_by_regex(title, "")
    assert dedup_words(title) == re.findall(r"\w+", unicodedata.normalize("NFC", title).casefold())  # simhash's
