"""The short cuts of a feed item's way through a worker give what the long ways give.

Each fast path is checked against the long way it skips, on generated input made to sit on its edges (a URL a
character away from canonical, a date a field away from RFC 822's, text with the characters the tests of
cleanliness look for), and on the common case, where the short cut must be the one taken.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.normalize import _canonical_url, canonical_url, clean_text, content_hash
from monitor.parse import boilerplate
from monitor.parse.boilerplate import _COPYRIGHT, _COPYRIGHT_REACH, _without_copyright, clean_paragraphs
from monitor.parse.dates import _parse, _parse_long, _rfc822, parse_date
from monitor.parse.feedxml import _has_c1, read_feed
from monitor.parse.text import html_to_paragraphs, norm_space
from monitor.rules import text as rules_text
from monitor.rules.text import casefolded_words, scan_form

# -- canonical_url ------------------------------------------------------------------------------------------


def _outcome(f, *args):
    try:
        return f(*args)
    except (ValueError, OverflowError) as exc:  # a port out of range, a day 32: the long way raises
        return type(exc)


# Mostly canonical URLs, each part now and then a character away from it.
_SCHEMES = st.sampled_from(["http"] * 4 + ["https"] * 4 + ["HTTP", "Https", "ftp", " http", "h"])
_SEPARATORS = st.sampled_from(["://"] * 8 + [":/", "//", ":"])
_LABELS = st.sampled_from(["a", "b0", "x-y", "z_", "9", "127", "-"] * 3 + ["A", "Ex", "é", "", "u@", "u:p@", "[::1]",
                                                                            "[", "%41", " ", "\t"])
_HOSTS = st.tuples(st.lists(_LABELS, min_size=1, max_size=4).map(".".join),
                   st.sampled_from([""] * 6 + ["."])).map("".join)
_PORTS = st.sampled_from([""] * 12 + [":", ":0", ":00", ":80", ":080", ":443", ":0443", ":8080", ":65535", ":65536",
                                      ":99999", ":123456", ":1a", ":-1", ":٣"])
_PATH_CHARS = st.sampled_from(list("aZ09/-._~%!$&'()*+,;=:@[]\\^`{|}\"<>") * 2
                              + ["?", "#", " ", "\t", "\n", "\x00", "\x7f", "é", "\u3000", "\x85", "?utm_source=x",
                                 "?id=1&ref=2", "?id=1", "#top"])
_PATHS = st.one_of(st.lists(_PATH_CHARS, max_size=8).map(lambda cs: "/" + "".join(cs)),
                   st.just(""), st.lists(_PATH_CHARS, max_size=4).map("".join))


@st.composite
def urls(draw):
    return (draw(_SCHEMES) + draw(_SEPARATORS) + draw(_HOSTS) + draw(_PORTS) + draw(_PATHS)
            + draw(st.sampled_from([""] * 8 + [" ", "\n", "\u00a0"])))


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(urls())
def test_canonical_url_fast_path_is_the_long_way(url):
    assert _outcome(canonical_url, url) == _outcome(_canonical_url.__wrapped__, url)


@pytest.mark.parametrize("url", ["http://127.0.0.2:8080/a/1/2.html", "https://news.example/world/2025/x-y_z.html",
                                 "https://vnexpress.net/a-b-c-4890123.html", "http://a.b/", "https://h/%C3%A9;p=1"])
def test_a_canonical_url_is_given_back_as_it_is(url):
    assert canonical_url(url) is url  # the short cut, not taken apart and put together
    assert _canonical_url.__wrapped__(url) == url


# -- dates --------------------------------------------------------------------------------------------------

_DAYS = st.sampled_from(["Mon, ", "Thu, ", "Sun, ", "", "mon, ", "Thu ", "Tue,", "Fri, , ", "Xyz, ", "UTC, ",
                         "GMT, "])
_ZONES = st.sampled_from(["GMT", "UTC", "UT", "Z", "+0000", "-0000", "+0700", "-0530", "+1400", "+1401", "-1500",
                          "+0099", "+2359", "EST", "PDT", "gmt", "+07:00", "GMT+7", "+070", "", "(GMT+7)"])


@st.composite
def rfc822_like(draw):
    day = draw(st.sampled_from(["1", "01", "6", "29", "30", "31", "32", "00", "0", "111"]))
    month = draw(st.sampled_from(["Jan", "Feb", "Jun", "Dec", "jun", "JUN", "June", "Sept", "Sep.", "Foo"]))
    year = draw(st.sampled_from(["2025", "2024", "1900", "0001", "9999", "0000", "25", "20250"]))
    clock = draw(st.sampled_from(["20:30:00", "00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60",
                                  "9:05:00", "20:30", "20:30:00.5", "08:15 pm", "12:00:00 AM"]))
    zone = draw(_ZONES)
    sep = draw(st.sampled_from([" ", " ", "  ", ", ", "/"]))
    text = f"{draw(_DAYS)}{day} {month} {year}{sep}{clock} {zone}"
    return draw(st.sampled_from(["", " ", "x "])) + text + draw(st.sampled_from(["", " ", " x"]))


def _same_date(a, b):
    if not isinstance(a, datetime):
        return a == b
    return a == b and a.tzinfo is UTC and b.tzinfo is UTC


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(rfc822_like(), st.sampled_from([None, 0, 2, -5, 7]))
def test_rfc822_fast_path_is_the_long_way(text, default):
    s = " ".join(text.split())  # as parse_date hands it on
    long = _outcome(_parse_long, s, default)
    assert _same_date(_outcome(_parse, s, default), long)
    assert _same_date(parse_date(text, default_tz_hours=default), None if long in (ValueError, OverflowError) else long)


@pytest.mark.parametrize(("text", "expected"), [
    ("Thu, 06 Feb 2025 20:30:00 +0700", datetime(2025, 2, 6, 13, 30, tzinfo=UTC)),
    ("Sun, 15 Jun 2025 15:06:40 GMT", datetime(2025, 6, 15, 15, 6, 40, tzinfo=UTC)),
    ("1 Jan 2024 00:00:00 -0530", datetime(2024, 1, 1, 5, 30, tzinfo=UTC)),
])
def test_the_common_rfc822_date_takes_the_short_cut(text, expected):
    assert _same_date(_rfc822(text), expected)
    assert _same_date(parse_date(text), expected)
    assert _same_date(_parse_long(text, None), expected)


def test_rfc822_fast_path_leaves_what_it_does_not_read_to_the_long_way():
    assert _rfc822("Thu, 06 Feb 2025 20:30:00 +1500") is None  # the long way refuses the offset
    assert parse_date("Thu, 06 Feb 2025 20:30:00 +1500") is None
    assert _rfc822("Mon, 01 Jan 2024 10:00:00 EST") is None
    assert _same_date(parse_date("Mon, 01 Jan 2024 10:00:00 EST"), datetime(2024, 1, 1, 15, tzinfo=UTC))


# -- the strict feed reader -----------------------------------------------------------------------------------


@settings(max_examples=2000)
@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x70, max_codepoint=0xC5),
                                  st.characters(codec=None, categories=("Cs", "Co", "Lo", "Mn"))), max_size=12))
def test_c1_test_by_utf8_is_the_regular_expressions(text):
    assert _has_c1(text) == (re.search("[\x80-\x9f]", text) is not None)


def _rss(item: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            f"<link>https://n.example/</link>\n  <item>\n   {item}\n  </item>\n</channel></rss>")


def test_a_text_field_in_many_pieces_is_read_whole():
    """The text of a field comes in pieces (expat's buffer, entities, CDATA sections); the text between elements
    is not any field's."""
    long = "Kosovo &amp; NATO " * 1200 + "<![CDATA[<b>x</b>]]>" + "&#233;" + "\u0093q\u0094"
    doc = read_feed(_rss(f"<title>A &lt;b&gt; title</title>\n   <link>https://n.example/a</link> stray text? "
                         f"<description>{long}</description>"))
    assert doc is not None and len(doc.items) == 1
    item = doc.items[0]
    assert item.title == "A <b> title" and item.link == "https://n.example/a"
    assert item.summary == ("Kosovo & NATO " * 1200 + "<b>x</b>é“q”").strip()
    assert read_feed(_rss("<title>a<b>b</b></title>")) is None  # markup inside a text field: left to feedparser


# -- text cleaning ------------------------------------------------------------------------------------------

_ODD = ["\u00a0", "\u2003", "\u2000", "\u3000", "\u200b", "\u00ad", "\u2028", "\x85", "\x1f", "\x0b", "\r", "\t",
        "\x00", "\x93", "\ufeff", "\u202f"]
_PIECES = st.sampled_from(["a", "B", " ", "  ", "\n", "\n\n\n", "é", "e\u0301", "\u0301", "\u1100", "\u1161",
                           "Ω", "ß", "Đ", ".", ":", "<p>", "</p>", "<br>", "&amp;", "&nbsp;", "©", " © X",
                           "Copyright 2025 X", "All rights reserved", "ALL RIGHTS RESERVED", "TTO - ",
                           "(Ảnh: AFP)", "Read more: x", "Related", *_ODD])
_TEXTS = st.lists(_PIECES, max_size=25).map("".join)


@settings(max_examples=2000, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_norm_space_gives_its_own_result_back(text):
    once = norm_space(text)
    assert norm_space(once) == once
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXTS, max_size=5).map("\n".join))
def test_paragraphs_normalized_already_are_cleaned_the_same(fragment):
    paragraphs = html_to_paragraphs(fragment)
    assert clean_paragraphs(paragraphs, "vi", normalized=True) == clean_paragraphs(paragraphs, "vi")


def _clean_paragraphs_eager(paragraphs: list[str]) -> list[str]:
    """``clean_paragraphs`` as it was: every paragraph casefolded, and the copyright tail always searched."""
    out, seen = [], set()
    context = "\n".join(paragraphs[1:])
    for raw in paragraphs:
        para = norm_space(raw)
        if not para:
            continue
        if boilerplate._related_heading(para):
            if out:
                break
            continue
        if boilerplate._follow_line(para) or boilerplate._teaser_line(para) or boilerplate._byline(para):
            continue
        para = boilerplate.strip_glued_caption(para)
        m = _COPYRIGHT.search(para, max(0, len(para) - _COPYRIGHT_REACH))
        para = para[: m.start()] if m else para
        if not para or boilerplate._caption(para):
            continue
        para = boilerplate.strip_outlet_prefix(para, lead=not out, context=context).strip()
        if not para:
            continue
        key = para.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out


_REPEATS = st.sampled_from(["Kosovo", "KOSOVO", "kosovo", "Straße", "STRASSE", "strasse", "x", "X"])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TEXTS, _REPEATS), max_size=6))
def test_clean_paragraphs_is_the_eager_way(paragraphs):
    assert clean_paragraphs(paragraphs, "vi") == _clean_paragraphs_eager(paragraphs)


@settings(max_examples=1500)
@given(_TEXTS, st.sampled_from(["", "x" * _COPYRIGHT_REACH, "y" * (_COPYRIGHT_REACH - 5)]))
def test_copyright_tail_short_cut_is_the_search(text, tail):
    for para in (text, text + tail, tail + text):
        m = _COPYRIGHT.search(para, max(0, len(para) - _COPYRIGHT_REACH))
        assert _without_copyright(para) == (para[: m.start()] if m else para)


def _clean_text_before(text: str) -> str:
    """``clean_text`` as it was, before a text of one line skipped the tests about line breaks."""
    from monitor.normalize import _BLANKS, _NOT_CONTROL, _ODD_SPACE, _SPACE

    text = unicodedata.normalize("NFC", text or "")
    odd = False
    if not text.replace("\n", "").isprintable():
        if not _NOT_CONTROL.sub("", text).isprintable():
            text = "".join(ch for ch in text if ch in "\n\t\r" or unicodedata.category(ch)[0] != "C")
        odd = _ODD_SPACE.search(text) is not None
    if (odd or "  " in text or " \n" in text or "\n " in text
            or text.startswith(" ") or text.endswith(" ")):
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        text = "\n".join(_SPACE.sub(" ", line).strip() for line in lines)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


@settings(max_examples=3000)
@given(st.one_of(_TEXTS, st.lists(st.sampled_from(["a", " ", "\r", "\r\r\r", "\r\n", "\t", "\n", *_ODD]),
                                  max_size=12).map("".join)))
def test_clean_text_of_one_line_is_the_way_it_was(text):
    assert clean_text(text) == _clean_text_before(text)


# -- the content hash and the prefilter's forms -----------------------------------------------------------------

_WORDS = st.lists(st.sampled_from(["KFOR", "binh sĩ", "Đức", "ß", "İ", "Σ", "ς", "4.200", "a_b", " ", "\n", ",",
                                   "日本", "e\u0301", "Ⅻ", "ﬁ", ""]), max_size=10).map("".join)


@settings(max_examples=2000)
@given(_WORDS, _WORDS, _WORDS)
def test_content_hash_by_fields_is_the_hash_of_the_fields_joined(title, summary, body):
    assert content_hash(title, summary, body, keep=True) == content_hash(title, f"{summary}\n{body}")


@settings(max_examples=1000)
@given(st.lists(_WORDS, min_size=1, max_size=4))
def test_scan_form_of_a_kept_encoding_is_the_scan_form(texts):
    rules_text._ENCODED.clear()
    fresh = [scan_form(t) for t in texts]
    for t in texts:
        casefolded_words(t, keep=True)
    assert [scan_form(t) for t in texts] == fresh
    assert all(t not in rules_text._ENCODED for t in texts if t)  # taken, not left behind


def test_kept_encodings_stay_few():
    rules_text._ENCODED.clear()
    for n in range(10 * rules_text._ENCODED_MAX):
        casefolded_words(f"text {n}", keep=True)
    assert len(rules_text._ENCODED) <= rules_text._ENCODED_MAX
    rules_text._ENCODED.clear()
