"""Checks on the prolog of an XML body before any XML parser sees it."""

from __future__ import annotations

import re

from monitor.parse.encoding import decode
from monitor.parse.errors import EntityDeclared

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_ENTITY = re.compile(r"<!ENTITY", re.I)


def _split(text: str) -> tuple[str, str]:
    """(prolog without comments, root element name as written)."""
    stripped = _COMMENT.sub("", text)
    m = _FIRST_ELEMENT.search(stripped)
    if m is None:
        return stripped, ""
    return stripped[: m.start()], m.group(1)


def refuse_entities(body: bytes, content_type: str = "") -> str:
    """The decoded (NFC) text; ``EntityDeclared`` when its prolog declares an entity."""
    return refuse_declared_entities(decode(body, content_type))


def refuse_declared_entities(text: str) -> str:
    """``text``, or ``EntityDeclared`` when its prolog declares an entity."""
    prolog, _ = _split(text)
    if _ENTITY.search(prolog):
        raise EntityDeclared("refused: the document declares <!ENTITY in its prolog")
    return text


def root_name(text: str) -> str:
    """The root element's local name, lower-cased ('' when there is none)."""
    return _split(text)[1].split(":")[-1].lower()
