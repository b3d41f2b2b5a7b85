"""Errors of the parse stage. Every one is a ``ParseError``; the name says what went wrong."""

from __future__ import annotations


class ParseError(Exception):
    """The body could not be turned into records."""


class NotAFeed(ParseError):
    """The body is no RSS/Atom feed (an HTML page, an empty or broken document)."""


class NotASitemap(ParseError):
    """The body is neither a ``<urlset>`` nor a ``<sitemapindex>``."""


class EntityDeclared(ParseError):
    """The XML prolog declares ``<!ENTITY``: refused (entity expansion, external entities)."""


class BlockedPage(ParseError):
    """The server answered with a bot challenge / access-denied page instead of content."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"blocked page: {reason}")
        self.reason = reason
