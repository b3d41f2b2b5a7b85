"""Bytes to text: find the charset the way browsers do, then return NFC text.

Order: a byte-order mark (unambiguous, so it wins, as in the WHATWG encoding spec), the
``charset`` of the HTTP ``Content-Type`` header, the XML declaration, an HTML ``<meta charset>``
or ``http-equiv`` tag, UTF-8 when the bytes are valid UTF-8, and last windows-1258 / latin-1.
A latin-1 or windows-1252 label on bytes that are valid UTF-8 (and not ASCII) is taken for the
mistake it nearly always is: the text is read as UTF-8.
windows-1258 decodes Vietnamese to decomposed text, so the result is always NFC-normalised.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:+-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:+-]+)["']""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:+-]+)""", re.I)
# Labels that browsers read as windows-1252 (a superset of latin-1 for printable bytes).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when it is unknown or useless."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    if label in {"utf-16", "utf-32", "unicode"}:  # declared in an 8-bit document: it lies
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _sniff_bom(body: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, len(bom)
    return None


def declared_charset(body: bytes, content_type: str = "") -> str | None:
    """The charset the header, XML declaration or HTML meta tag declares (codec name)."""
    m = _HEADER_CHARSET.search(content_type or "")
    if m and (name := _codec(m.group(1))):
        return name
    head = body[:4096]
    m = _XML_DECL.search(head)
    if m and (name := _codec(m.group(1).decode("ascii", "replace"))):
        return name
    m = _META_CHARSET.search(head)
    if m and (name := _codec(m.group(1).decode("ascii", "replace"))):
        return name
    return None


def decode(body: bytes, content_type: str = "") -> str:
    """Decode a response body to NFC text; never raises."""
    text = _decode(body or b"", content_type)
    return unicodedata.normalize("NFC", text)


def _decode(body: bytes, content_type: str) -> str:
    bom = _sniff_bom(body)
    if bom:
        name, size = bom
        return body[size:].decode(name, "replace")
    declared = declared_charset(body, content_type)
    if declared == "cp1252" and not body.isascii():
        # UTF-8 labeled latin-1 / windows-1252, a common mistake of feed generators: real latin-1 text almost
        # never forms valid UTF-8 sequences (feedparser repairs such text as well)
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if declared:
        try:
            return body.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration lies; sniff below
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        # Mostly UTF-8 with a stray byte or two: keep UTF-8 rather than garble every letter.
        if _mostly_utf8(body):
            return body.decode("utf-8", "replace")
    for name in (declared, "cp1258"):
        if name:
            try:
                return body.decode(name)
            except UnicodeDecodeError:
                continue
    return body.decode("latin-1")


def _mostly_utf8(body: bytes) -> bool:
    bad = body.decode("utf-8", "replace").count("\ufffd")
    multibyte = sum(1 for b in body if b >= 0xC2)
    return multibyte > 0 and bad * 50 <= multibyte
