"""XML sitemaps (``<urlset>``) and sitemap indexes (``<sitemapindex>``) to links.

Parsed with lxml with entity resolution, DTD loading and network access off; a body whose
prolog declares ``<!ENTITY`` is refused before that. A gzip body (``sitemap.xml.gz``) is
unpacked up to a size limit.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from monitor.parse.dates import parse_date
from monitor.parse.errors import BlockedPage, NotASitemap
from monitor.parse.page import absolute_url, looks_blocked
from monitor.parse.prolog import refuse_entities, root_name

MAX_UNZIPPED = 50 * 1024 * 1024  # the sitemaps.org limit
_BARE_AMP = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")


@dataclass(frozen=True)
class SitemapLink:
    url: str
    lastmod: datetime | None = None
    is_sitemap: bool = False  # a child sitemap of a sitemap index, not an article


def _gunzip(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as f:
        data = f.read(MAX_UNZIPPED + 1)
    if len(data) > MAX_UNZIPPED:
        raise NotASitemap("not a sitemap: unpacked size over the 50 MB limit")
    return data


def _parse(body: bytes) -> tuple[str, etree._Element]:
    body = _gunzip(body)
    text = refuse_entities(body)
    root = root_name(text)
    if root in {"html", "head", "body"}:
        if reason := looks_blocked(text):
            raise BlockedPage(reason)
        raise NotASitemap("not a sitemap: an HTML page")
    if root not in {"urlset", "sitemapindex"}:
        raise NotASitemap(f"not a sitemap: root element <{root or '?'}>")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )
    # the text is decoded already; drop the XML declaration, lxml refuses it on str input
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    text = _BARE_AMP.sub("&amp;", text)  # a common sitemap error: '&' unescaped in a URL
    try:
        tree = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise NotASitemap(f"not a sitemap: {exc}") from exc
    if tree is None:
        raise NotASitemap("not a sitemap: empty document")
    return root, tree


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _items(tree: etree._Element, item_tag: str) -> list[tuple[str, datetime | None]]:
    out: list[tuple[str, datetime | None]] = []
    for el in tree.iter():
        if _local(el.tag) != item_tag:
            continue
        loc = lastmod = ""
        for child in el:
            name = _local(child.tag)
            if name == "loc":
                loc = (child.text or "").strip()
            elif name == "lastmod":
                lastmod = (child.text or "").strip()
        if loc:
            out.append((loc, parse_date(lastmod) if lastmod else None))
    return out


def _newest_first(links: list[SitemapLink]) -> list[SitemapLink]:
    dated = sorted((x for x in links if x.lastmod), key=lambda x: x.lastmod, reverse=True)
    return dated + [x for x in links if not x.lastmod]


def parse_sitemap(body: bytes, link_pattern: str | None = None, base_url: str = "") -> list[SitemapLink]:
    """The links of a sitemap, newest ``lastmod`` first (undated ones last, in document order).

    A ``<urlset>`` gives article links, filtered by ``link_pattern`` (a regex searched in the URL).
    A ``<sitemapindex>`` gives its child sitemaps, flagged ``is_sitemap=True`` and not filtered.
    """
    root, tree = _parse(body)
    is_index = root == "sitemapindex"
    pattern = re.compile(link_pattern) if link_pattern and not is_index else None
    seen: set[str] = set()
    links: list[SitemapLink] = []
    for loc, lastmod in _items(tree, "sitemap" if is_index else "url"):
        url = absolute_url(loc, base_url or loc)
        if url is None or url in seen or (pattern is not None and not pattern.search(url)):
            continue
        seen.add(url)
        links.append(SitemapLink(url=url, lastmod=lastmod, is_sitemap=is_index))
    return _newest_first(links)


def sitemap_children(body: bytes) -> list[SitemapLink]:
    """The child sitemaps of a sitemap index (empty for a plain ``<urlset>``)."""
    return [x for x in parse_sitemap(body) if x.is_sitemap]
