"""Checks on the prolog of an XML body before any XML parser sees it."""

from __future__ import annotations

import re

from monitor.parse.encoding import decode
from monitor.parse.errors import EntityDeclared

_FIRST_ELEMENT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_ENTITY = re.compile(r"<!ENTITY", re.I)


def _root(text: str) -> re.Match[str] | None:
    """The root element's start tag: the first element start outside a comment."""
    pos = 0
    while (m := _FIRST_ELEMENT.search(text, pos)) is not None:
        before = text[: m.start()]
        if before.count("<!--") <= before.count("-->"):
            return m
        pos = m.end()
    return None


def refuse_entities(body: bytes, content_type: str = "") -> str:
    """The decoded (NFC) text; ``EntityDeclared`` when its prolog declares an entity."""
    text = decode(body, content_type)
    m = _root(text)
    prolog = text[: m.start()] if m else text
    if _ENTITY.search(prolog):
        raise EntityDeclared("refused: the document declares <!ENTITY in its prolog")
    return text


def root_name(text: str) -> str:
    """The root element's local name, lower-cased ('' when there is none)."""
    m = _root(text)
    return m.group(1).split(":")[-1].lower() if m else ""
