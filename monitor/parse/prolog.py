"""Checks on the prolog of an XML body before any XML parser sees it."""

from __future__ import annotations

import re

from monitor.parse.encoding import decode
from monitor.parse.errors import EntityDeclared

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_NAME = re.compile(r"[A-Za-z_][\w.:-]*")
_ENTITY = re.compile(r"<!ENTITY", re.I)


def _split(text: str) -> tuple[str, str]:
    """(prolog without comments, root element name as written)."""
    start = _root_start(text)
    m = _NAME.match(text, start + 1)
    return _COMMENT.sub("", text[:start]), m.group(0) if m else ""


def _root_start(text: str) -> int:
    """Where the root element starts (``len(text)`` when there is none). The XML declaration, processing
    instructions, comments and the document type declaration - its internal subset and quoted strings too -
    are stepped over, so a ``<`` inside one of them is never taken for the root (which would end the prolog
    before an ``<!ENTITY`` that follows it)."""
    i, n = 0, len(text)
    while (i := text.find("<", i)) >= 0:
        if text.startswith("<?", i):
            i = _past(text, "?>", i + 2)
        elif text.startswith("<!--", i):
            i = _past(text, "-->", i + 4)
        elif text.startswith("<!", i):
            i = _past_declaration(text, i + 2)
        elif _NAME.match(text, i + 1):
            return i
        else:
            i += 1
    return n


def _past(text: str, end: str, i: int) -> int:
    j = text.find(end, i)
    return len(text) if j < 0 else j + len(end)


def _past_declaration(text: str, i: int) -> int:
    """Just past the ``>`` that closes a ``<!DOCTYPE ...`` whose text starts at ``i``."""
    depth, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            i = _past(text, c, i + 1)
            continue
        if text.startswith("<!--", i):
            i = _past(text, "-->", i + 4)
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == ">" and depth <= 0:
            return i + 1
        i += 1
    return n


def refuse_entities(body: bytes, content_type: str = "") -> str:
    """The decoded (NFC) text; ``EntityDeclared`` when its prolog declares an entity."""
    text = decode(body, content_type)
    prolog, _ = _split(text)
    if _ENTITY.search(prolog):
        raise EntityDeclared("refused: the document declares <!ENTITY in its prolog")
    return text


def root_name(text: str) -> str:
    """The root element's local name, lower-cased ('' when there is none)."""
    return _split(text)[1].split(":")[-1].lower()
