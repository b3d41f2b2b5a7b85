"""HTML fragments to plain paragraphs (shared by the page and feed parsers)."""

from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6"
    " header hr li main nav ol p pre section table tbody thead tfoot td th tr ul".split()
)
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed")


def norm_space(text: str) -> str:
    """NFC, runs of whitespace (also no-break spaces) to one space, stripped."""
    text = unicodedata.normalize("NFC", text)
    # Most text is already so. A printable text has no whitespace but the plain space (every other one is a
    # control or separator character): with no two in a row and none at either end, splitting changes nothing.
    # Both tests cost far less than splitting and joining.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def soup_of(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "lxml")


def block_texts(node: Tag) -> list[str]:
    """The paragraphs of ``node``: text split at block elements and ``<br>``. Mutates ``node``."""
    for bad in node.find_all(INVISIBLE_TAGS):
        bad.decompose()
    for comment in node.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for br in node.find_all("br"):
        br.replace_with(NavigableString("\n"))
    for el in node.find_all(BLOCK_TAGS):
        el.insert_before(NavigableString("\n"))
        el.insert_after(NavigableString("\n"))
    text = node.get_text() if isinstance(node, Tag) else str(node)
    return [t for t in (norm_space(line) for line in text.split("\n")) if t]


def html_to_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed's description or content:encoded)."""
    if not fragment or not fragment.strip():
        return []
    if "<" not in fragment and "&" not in fragment:
        return [t for t in (norm_space(line) for line in fragment.split("\n")) if t]
    soup = soup_of(f"<div>{fragment}</div>")
    root = soup.body or soup
    return block_texts(root)


def html_to_text(fragment: str) -> str:
    """One line of plain text from an HTML fragment: tags stripped, entities decoded."""
    return norm_space(" ".join(html_to_paragraphs(fragment)))
