"""Turn a parser's Entry into a clean Article: NFC text, canonical URL, UTC time, content hash."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor.records import Article, Entry, Source
from monitor.rules.text import casefolded_words

# Query parameters that only track the reader; they never change the article.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|cmpid|"
    r"selectedlocale|at_medium|at_campaign|rss|from|source)$",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# a space other than the plain one, or what str.strip() would take off a line: with none of them and no run of
# plain spaces, a text needs no per-line cleaning (most do not: the test is cheaper than the cleaning)
_ODD_SPACE = re.compile("[\t\x0b-\r\x1c-\x1f\x85\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]")
_BLANKS = re.compile(r"\n{3,}")
# What str.isprintable() refuses besides control characters (category C): line breaks and tabs, which are
# kept, and the separators (category Z) other than the space. Without them left, a printable text has no
# control character to drop, so the per-character filter is skipped.
_NOT_CONTROL = re.compile("[\n\t\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def clean_text(text: str) -> str:
    """NFC, one space between words, no control characters, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text or "")
    # A text of one line (a title, a feed's summary) skips the tests about line breaks: each is a scan of the text.
    lines = "\n" in text
    odd = False  # a space other than the plain one: every one of them is a control or separator character
    if not (text.replace("\n", "") if lines else text).isprintable():  # rare: a control, format or odd space
        if not _NOT_CONTROL.sub("", text).isprintable():  # rarer: look at each character
            text = "".join(ch for ch in text if ch in "\n\t\r" or unicodedata.category(ch)[0] != "C")
        odd = _ODD_SPACE.search(text) is not None
    if (odd or "  " in text or (lines and (" \n" in text or "\n " in text))
            or text.startswith(" ") or text.endswith(" ")):
        lines = True
        split = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        text = "\n".join(_SPACE.sub(" ", line).strip() for line in split)
    if lines and "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


# A URL that is canonical already, as most items' links are: http(s), a lower-case host (ASCII letters, digits, "-",
# "_", dots between its labels), maybe a port (no leading zero), and a path of printable ASCII with no "?" or "#"
# (so no query and no fragment). ``canonical_url`` gives such a URL back as it is, without taking it apart.
_CANONICAL = re.compile(r'https?://[a-z0-9_-]+(?:\.[a-z0-9_-]+)*(?::([1-9][0-9]{0,4}))?/[!"$-/0->@-~]*')
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    m = _CANONICAL.fullmatch(url)
    if m is not None and (m[1] is None or (int(m[1]) <= 65535 and m[1] != _DEFAULT_PORTS[url[:url.index(":")]])):
        return url
    return _canonical_url(url)


@functools.lru_cache(maxsize=4096)  # an item's URL is made canonical for its keys, then for its article
def _canonical_url(url: str) -> str:
    """``canonical_url`` the long way: the URL taken apart and put together again."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _same_site(a: str, b: str) -> bool:
    host = lambda u: (urlsplit(u).hostname or "").lower().removeprefix("www.")  # noqa: E731
    return urlsplit(a).scheme in ("http", "https") and host(a) == host(b) and urlsplit(a).path not in ("", "/")


def item_keys(source: Source, url: str, guid: str | None = None) -> list[str]:
    """The keys an item is known by in the store: its canonical URL, and the source's guid for it."""
    keys = [f"url:{canonical_url(url)}"]
    if guid:
        keys.append(f"guid:{source.id}:{guid.strip()}")
    return keys


def to_utc(moment: datetime | None) -> datetime | None:
    """Aware UTC; a naive time is taken as UTC (as SQLite hands stored times back)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def content_hash(*fields: str, keep: bool = False) -> str:
    """Same words, same hash: case, spacing, punctuation and how the text is split into fields do not count (the
    ``casefolded_words`` of each field, joined). ``keep``: each field's encoding is kept for the prefilter's form of
    it (``casefolded_words``' ``keep``), when that is made next."""
    words = (casefolded_words(field, keep=keep) for field in fields)
    return hashlib.sha256(" ".join(filter(None, words)).encode("utf-8")).hexdigest()


def make_article(source: Source, entry: Entry) -> Article:
    title = clean_text(entry.title).replace("\n", " ")
    summary = clean_text(entry.summary)
    body = clean_text(entry.body)
    if summary and body.startswith(summary):
        body = body[len(summary):].lstrip()
    url = canonical_url(entry.url)
    if entry.canonical_url and _same_site(entry.canonical_url, url):
        url = canonical_url(entry.canonical_url)  # the page's own word, when it names its own site
    return Article(
        source_id=source.id,
        url=url,
        guid=(entry.guid or "").strip() or None,
        title=title,
        summary=summary,
        body=body,
        published=to_utc(entry.published),
        language=source.language,
        content_hash=content_hash(title, summary, body, keep=True),
    )
