import codecs
import unicodedata

import pytest

from monitor.parse import decode
from tests.parse.conftest import to_cp1258

TITLE = "Thượng đỉnh NATO 2023 và những quyết định quan trọng ở Tây Balkan"


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def test_cp1258_decodes_to_decomposed_text_so_nfc_matters():
    raw = to_cp1258(TITLE).decode("cp1258")
    assert raw != TITLE and unicodedata.normalize("NFC", raw) == TITLE


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (TITLE.encode("utf-8"), ""),
        (TITLE.encode("utf-8"), "text/html; charset=UTF-8"),
        (codecs.BOM_UTF8 + TITLE.encode("utf-8"), ""),
        (codecs.BOM_UTF8 + TITLE.encode("utf-8"), "text/html; charset=windows-1258"),  # BOM wins
        (codecs.BOM_UTF16_LE + TITLE.encode("utf-16-le"), ""),
        (to_cp1258(TITLE), "text/html; charset=windows-1258"),
        (to_cp1258(TITLE), 'text/html; charset="cp1258"'),
        (to_cp1258(TITLE), ""),  # not UTF-8: the windows-1258 fallback
        (to_cp1258(TITLE), "text/html; charset=utf-8"),  # the header lies
    ],
)
def test_same_nfc_text_whatever_the_encoding(body, content_type):
    text = decode(body, content_type)
    assert text == TITLE
    assert text == _nfc(text)


def test_meta_charset_and_http_equiv():
    html = '<html><head><meta charset="windows-1258"></head><body>{}</body></html>'
    body = to_cp1258(html.format(TITLE))
    assert TITLE in decode(body)
    html2 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>{}</p>'
    assert TITLE in decode(to_cp1258(html2.format(TITLE)))


def test_xml_declaration():
    xml = '<?xml version="1.0" encoding="windows-1258"?><rss><title>{}</title></rss>'
    assert TITLE in decode(to_cp1258(xml.format(TITLE)))


def test_header_wins_over_meta():
    body = ('<meta charset="utf-8"><p>' + TITLE + "</p>").encode("utf-8")
    # a header naming an encoding the bytes also satisfy is taken at its word
    assert decode(body, "text/html; charset=utf-8").endswith(TITLE + "</p>")


def test_latin1_label_reads_as_windows_1252():
    body = "café – “quoted”".encode("cp1252")
    assert decode(body, "text/html; charset=ISO-8859-1") == "café – “quoted”"


def test_mostly_utf8_with_a_stray_byte_stays_utf8():
    body = (TITLE * 20).encode("utf-8") + b"\xff"
    text = decode(body)
    assert text.startswith(TITLE) and text.endswith("\ufffd")


def test_unknown_charset_and_empty_body():
    assert decode(TITLE.encode(), "text/html; charset=x-no-such-thing") == TITLE
    assert decode(b"") == ""
