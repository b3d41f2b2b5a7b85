"""HTML pages: article links from a listing page, one article from an article page,
and recognition of bot-challenge / access-denied pages.

Selectors come from the source's ``Extraction``; where one is missing a generic rule decides.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urldefrag, urljoin, urlsplit

import soupsieve
from bs4 import BeautifulSoup, Tag

from monitor.parse.boilerplate import clean_paragraphs, is_related_heading
from monitor.parse.dates import VIETNAM_TZ_HOURS, parse_date
from monitor.parse.errors import BlockedPage
from monitor.parse.text import block_texts, norm_space, soup_of
from monitor.records import Entry, Extraction

# ---------------------------------------------------------------------------- block pages

# A title or <h1> that is nothing but one of these phrases (plus " | site" at most).
_TAIL = r"\s*(?:[|:–—-].{0,60})?$"
_BLOCK_TITLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^attention required!?" + _TAIL, re.I), "Cloudflare block page (Attention Required!)"),
    (re.compile(r"^just a moment\.*" + _TAIL, re.I), "Cloudflare challenge (Just a moment...)"),
    (
        re.compile(r"^(?:checking your browser|browser check|ddos-guard|ddos protection)", re.I),
        "browser check / DDoS protection page",
    ),
    (
        re.compile(
            r"^(?:captcha|are you a robot\??|are you (?:a )?human\??|verify you are (?:a )?human"
            r"|bot verification|human verification|security check)" + _TAIL,
            re.I,
        ),
        "captcha page",
    ),
    (
        re.compile(
            r"^(?:error\s*)?(?:403\s*[-:]?\s*)?(?:access denied|access to this page has been denied"
            r"|forbidden|request rejected|request unsuccessful.*|pardon our interruption\.*"
            r"|sorry, you have been blocked|you have been blocked)" + _TAIL,
            re.I,
        ),
        "access denied page",
    ),
)
_BLOCK_MARKERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"cf-chl|cf_chl_|/cdn-cgi/challenge-platform|challenge-form", re.I),
        "Cloudflare challenge (cf-chl)",
    ),
    (
        re.compile(r"checking your browser before accessing|enable javascript and cookies to continue", re.I),
        "browser check page",
    ),
    (re.compile(r"_incapsula_resource|incident id:.{0,40}incapsula", re.I), "Imperva/Incapsula block page"),
    (re.compile(r"cloudflare ray id|cf-error-details|cf-wrapper", re.I), "Cloudflare error page"),
)
# These only count on a page with little text: a news page may carry a captcha for comments.
_SHORT_PAGE_MARKERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"g-recaptcha|h-captcha|cf-turnstile|captcha-delivery|geo\.captcha", re.I), "captcha page"),
    (
        re.compile(r"access denied|you don't have permission to access|403 forbidden", re.I),
        "access denied page",
    ),
)
_SHORT_PAGE_CHARS = 1500


def looks_blocked(html: str) -> str | None:
    """A short reason when ``html`` is a bot challenge or access-denied page, else None."""
    if not html:
        return None
    head = html[:200_000]
    soup = soup_of(head)
    title = norm_space(soup.title.get_text()) if soup.title else ""
    h1 = soup.find("h1")
    h1_text = norm_space(h1.get_text()) if h1 else ""
    for text in (title, h1_text):
        if text and len(text) <= 120:
            for rx, reason in _BLOCK_TITLES:
                if rx.search(text):
                    return reason
    for rx, reason in _BLOCK_MARKERS:
        if rx.search(head):
            return reason
    body = soup.body
    visible = ""
    if body is not None:
        for bad in body.find_all(("script", "style", "noscript", "template")):
            bad.decompose()
        visible = norm_space(body.get_text(" "))
    if len(visible) < _SHORT_PAGE_CHARS:
        for rx, reason in _SHORT_PAGE_MARKERS:
            if rx.search(head):
                return reason
    return None


def check_selector(selector: str) -> str | None:
    """An error message when ``selector`` is no valid CSS selector (for config validation)."""
    try:
        soupsieve.compile(selector)
    except Exception as exc:  # soupsieve raises SelectorSyntaxError and a few others
        return str(exc).splitlines()[0]
    return None


# ---------------------------------------------------------------------------- listing pages

_SKIP_HREF = re.compile(r"^(?:#|javascript:|mailto:|tel:|data:)", re.I)
# An absolute http(s) URL that joining, cutting the fragment and splitting would give back unchanged (lower-case
# scheme, a plain host, no params, fragment or empty query): most links in feeds. Checking it costs less than that.
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[\w.~!$&'()*+,=@%/-]*)?"
                             r"(?:\?[\w.~!$&'()*+,=@%/?:-]+)?", re.ASCII)


def _base_href(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    if isinstance(base, Tag):
        return urljoin(page_url, str(base["href"]).strip())
    return page_url


def absolute_url(href: str, base: str) -> str | None:
    """``href`` joined with ``base``, without its fragment; None unless http(s)."""
    href = (href or "").strip()
    if _PLAIN_ABSOLUTE.fullmatch(href):
        return href
    if not href or _SKIP_HREF.match(href):
        return None
    url, _ = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def find_links(html: str, base_url: str, extraction: Extraction, link_pattern: str | None) -> list[str]:
    """Absolute article URLs of a listing page, de-duplicated in page order.

    With ``extraction.links`` the selected elements (``<a>`` or containers of ``<a>``) give the
    links; without it every ``<a href>`` on the page does, and ``link_pattern`` is required.
    ``link_pattern`` (a regex searched in the absolute URL) filters either way.
    Raises ``BlockedPage`` for a bot-challenge page that yields no link.
    """
    if not extraction.links and not link_pattern:
        raise ValueError("find_links needs extraction.links or a link_pattern")
    soup = soup_of(html)
    base = _base_href(soup, base_url)
    pattern = re.compile(link_pattern) if link_pattern else None
    if extraction.links:
        anchors: list[Tag] = []
        for el in soup.select(extraction.links):
            if el.name == "a" and el.has_attr("href"):
                anchors.append(el)
            else:
                anchors.extend(el.find_all("a", href=True))
    else:
        anchors = soup.find_all("a", href=True)
    seen: set[str] = set()
    links: list[str] = []
    for a in anchors:
        url = absolute_url(str(a.get("href", "")), base)
        if url is None or url in seen:
            continue
        if pattern is not None and not pattern.search(url):
            continue
        seen.add(url)
        links.append(url)
    if not links and (reason := looks_blocked(html)):
        raise BlockedPage(reason)
    return links


# ---------------------------------------------------------------------------- article pages

_JUNK_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "iframe",
    "button",
    "select",
    "svg",
    "dialog",
)
_JUNK_WORDS = frozenset(
    "related relate share sharing sharer social comment comments footer menu breadcrumb breadcrumbs"
    " tag tags subscribe subscription newsletter advert advertisement adv ads banner caption sidebar"
    " nav navbar navigation popup modal cookie cookies promo follow print toolbar recommend"
    " recommended byline author".split()
)
_JUNK_PREFIXES = (
    "related",
    "relate",
    "advert",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "social",
    "comment",
    "sharing",
    "caption",
    "footer",
    "sidebar",
    "banner",
    "mostread",
)
_JUNK_COMPOUND = re.compile(
    r"(?:image|img|photo|pic|video)[-_]*(?:desc|caption|credit|title|source)"
    r"|sr-only|visually-hidden|screen-reader",
    re.I,
)
_WORD_SPLIT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# The lead (sapo, standfirst) under the title, named by its class or id: "article-sapo", "lead_post_detail",
# "summary", "description", "standfirst", "chapeau", "excerpt", "intro". Not a picture's or a person's line.
_LEAD_WORDS = frozenset("sapo lead summary description desc excerpt intro standfirst chapeau abstract".split())
_NOT_LEAD_WORDS = frozenset(
    "image img photo picture pic video media thumb thumbnail figure icon author date time meta title".split()
)
_LEAD_CHARS = (30, 1500)
_LEAD_LEVELS = 3  # the lead and the title share a container at most this many levels above the title
_PROTECTED = frozenset({"html", "body", "main", "article"})
_TITLE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|::|»)\s+([^|]{1,40})$")
_DATE_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "article:published_time"),
    ("property", "og:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "DC.date.issued"),
)


def _names(el: Tag) -> str:
    """The element's classes and id, one string."""
    attrs = el.attrs or {}
    classes = attrs.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return " ".join([*classes, str(attrs.get("id") or "")])


def _name_words(names: str) -> set[str]:
    return {w.lower() for w in _WORD_SPLIT.findall(names)}


def _is_junk_element(el: Tag) -> bool:
    if el.name in _PROTECTED:
        return False
    names = _names(el)
    if not names.strip():
        return False
    if _JUNK_COMPOUND.search(names):
        return True
    return any(w in _JUNK_WORDS or w.startswith(_JUNK_PREFIXES) for w in _name_words(names))


def _drop_junk(root: Tag) -> None:
    for el in root.find_all(_JUNK_TAGS):
        if not el.decomposed:
            el.decompose()
    for el in root.find_all(True):
        if el.decomposed or not _is_junk_element(el):
            continue
        if el.find("h1") or el.find(attrs={"itemprop": "articleBody"}):
            continue  # it holds the article itself
        el.decompose()


def _in_junk(el: Tag) -> bool:
    """True when ``el`` sits in a sidebar, menu or related-news box (a selector may reach into one)."""
    for parent in el.parents:
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            return False
        if parent.find("h1") or parent.find(attrs={"itemprop": "articleBody"}):
            return False  # it holds the article itself
        if _is_junk_element(parent):
            return True
        heading = parent.find(["h2", "h3", "h4", "h5", "h6"], recursive=False)
        if heading is not None and is_related_heading(heading.get_text(" ")):
            return True
    return False


def _meta(soup: BeautifulSoup, attr: str, value: str) -> str:
    el = soup.find("meta", attrs={attr: value})
    if el is None:
        el = soup.find("meta", attrs={attr: re.compile(rf"^{re.escape(value)}$", re.I)})
    if isinstance(el, Tag):
        return norm_space(str(el.get("content") or ""))
    return ""


def _json_ld(soup: BeautifulSoup) -> list[dict]:
    found: list[dict] = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            data = json.loads(script.string or script.get_text() or "", strict=False)
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    articles = [d for d in found if re.search(r"Article|Posting|Report", str(d.get("@type", "")))]
    return articles + [d for d in found if d not in articles]


def _ld_value(objects: list[dict], key: str) -> str:
    for obj in objects:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return norm_space(value)
    return ""


def _select_text(soup: BeautifulSoup, selector: str | None, *, first: bool = True) -> str:
    if not selector:
        return ""
    els = soup.select(selector)
    if not els:
        return ""
    if first:
        return norm_space(els[0].get_text(" "))
    return norm_space(" ".join(el.get_text(" ") for el in els))


def _strip_site_name(text: str, site_names: list[str]) -> str | None:
    """``text`` without a trailing " | Site" / " - Site" of one of ``site_names``; None when it has none."""
    for name in site_names:
        if name:
            for sep in (" | ", " - ", " – ", " — "):
                if text.endswith(sep + name):
                    return text[: -len(sep + name)].strip()
    return None


def _strip_site_suffix(title: str, site_names: list[str]) -> str:
    if (stripped := _strip_site_name(title, site_names)) is not None:
        return stripped
    m = _TITLE_SUFFIX.search(title)
    if m and len(title) - len(m.group(0)) > len(m.group(1)):
        return title[: m.start()].strip()
    return title


def _title(soup: BeautifulSoup, extraction: Extraction, ld: list[dict]) -> str:
    title = _select_text(soup, extraction.title)
    if not title:
        title = _meta(soup, "property", "og:title") or _meta(soup, "name", "twitter:title")
    if not title:
        title = _ld_value(ld, "headline")
    if not title:
        h1 = soup.find("h1")
        title = norm_space(h1.get_text(" ")) if h1 else ""
    if not title and soup.title:
        site = _meta(soup, "property", "og:site_name")
        title = _strip_site_suffix(norm_space(soup.title.get_text(" ")), [site])
    return title


def _published(soup: BeautifulSoup, extraction: Extraction, ld: list[dict], language: str):
    default_tz = VIETNAM_TZ_HOURS if language.lower().startswith("vi") else None
    candidates = [_meta(soup, attr, value) for attr, value in _DATE_META[:2]]
    candidates.append(_ld_value(ld, "datePublished"))
    candidates += [_meta(soup, attr, value) for attr, value in _DATE_META[2:]]
    for text in candidates:
        if text and (dt := parse_date(text, default_tz_hours=default_tz)):
            return dt
    if extraction.time:
        for el in soup.select(extraction.time):
            for text in (el.get_text(" "), str(el.get("datetime") or "")):
                if dt := parse_date(text, default_tz_hours=default_tz):
                    return dt
    for el in soup.find_all("time"):
        for text in (str(el.get("datetime") or ""), el.get_text(" ")):
            if dt := parse_date(text, default_tz_hours=default_tz):
                return dt
    return None


def _canonical(soup: BeautifulSoup, url: str) -> str | None:
    href = ""
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        if "canonical" in [r.lower() for r in (rel.split() if isinstance(rel, str) else rel)]:
            href = str(link["href"]).strip()
            break
    href = href or _meta(soup, "property", "og:url")
    return absolute_url(href, url) if href else None


def _selected_paragraphs(soup: BeautifulSoup, selector: str) -> list[str]:
    paragraphs: list[str] = []
    seen_ids: set[int] = set()
    for el in soup.select(selector):
        if any(id(parent) in seen_ids for parent in el.parents) or _in_junk(el):
            continue  # nested in an element already taken, or in a related-news box
        seen_ids.add(id(el))
        for junk in el.find_all(True):
            if not junk.decomposed and (junk.name in _JUNK_TAGS or _is_junk_element(junk)):
                junk.decompose()
        paragraphs.extend(block_texts(el))
    return paragraphs


def _generic_paragraphs(soup: BeautifulSoup) -> list[str]:
    root = soup.body or soup
    _drop_junk(root)
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for p in root.find_all("p"):
        length = len(norm_space(p.get_text(" ")))
        if length < 25:
            continue
        weight = 1.0
        for parent in list(p.parents)[:3]:
            if not isinstance(parent, Tag) or parent.name in ("html", "[document]"):
                break
            scores[id(parent)] = scores.get(id(parent), 0.0) + length * weight
            nodes[id(parent)] = parent
            weight /= 2
    if not scores:
        return block_texts(root)
    best = nodes[max(scores, key=lambda k: scores[k])]
    return block_texts(best)


def _title_element(soup: BeautifulSoup, title: str) -> Tag | None:
    """The article's <h1>: the one that says the title, else the first outside a menu or sidebar."""
    h1s = [h for h in soup.find_all("h1") if not _in_junk(h)]
    key = _fold(title)
    return next((h for h in h1s if key and _fold(h.get_text(" ")) == key), h1s[0] if h1s else None)


def _is_lead_element(el: Tag) -> bool:
    words = _name_words(_names(el))
    if not words & _LEAD_WORDS or words & _NOT_LEAD_WORDS or el.name in _JUNK_TAGS or el.find("h1"):
        return False
    return _LEAD_CHARS[0] <= len(norm_space(el.get_text(" "))) <= _LEAD_CHARS[1]


def _generic_lead(soup: BeautifulSoup, title: str) -> list[str]:
    """The paragraphs of the lead (sapo) near the title when the page marks it by class or id
    (``<div class="article-sapo">``, ``<p class="lead">``, ``<span class="lead_post_detail">``).

    Near the title: after the page's <h1>, in a container it shares with it at most ``_LEAD_LEVELS`` above it
    (the <body> when the <h1> stands right in it); with no <h1>, inside the <article> or <main>. Never in a
    related-news box, menu or sidebar."""
    h1 = _title_element(soup, title)
    if h1 is not None:
        scopes = [p for p in list(h1.parents)[:_LEAD_LEVELS] if p.name not in ("body", "html", "[document]")]
        # an <h1> right under <body>: the page's article, or its whole body (the lead must still follow the <h1>)
        scope = scopes[-1] if scopes else soup.find("article") or soup.find("main") or soup.body
    else:
        scope = soup.find("article") or soup.find("main")
    if not isinstance(scope, Tag):
        return []
    after_title = h1 is None
    for el in scope.find_all(True):
        if el is h1:
            after_title = True
        elif after_title and _is_lead_element(el) and not _in_junk(el) and all(p is not h1 for p in el.parents):
            return block_texts(el)
    return []


def extract_article(html: str, url: str, extraction: Extraction, language: str) -> Entry:
    """Title, summary, body, time and canonical URL of an article page.

    ``extraction.drop`` is removed first; meta / JSON-LD dates win over visible ones; the body
    is the ``extraction.body`` elements or the page's main text, cleaned of boilerplate; the summary is the
    ``extraction.summary`` elements, else the lead the page marks near its title, else the meta description.
    Raises ``BlockedPage`` for a bot-challenge / access-denied page.
    """
    if reason := looks_blocked(html):
        raise BlockedPage(reason)
    soup = soup_of(html)
    for selector in extraction.drop:
        for el in soup.select(selector):
            if not el.decomposed:
                el.decompose()
    ld = _json_ld(soup)
    title = _title(soup, extraction, ld)
    published = _published(soup, extraction, ld, language)
    canonical = _canonical(soup, url)
    summary_parts: list[str] = []
    if extraction.summary:
        for el in soup.select(extraction.summary):
            if not _in_junk(el):
                summary_parts.extend(block_texts(el))
    if not summary_parts:  # no selector, or the site changed its layout: the lead the page marks near the title
        summary_parts = _generic_lead(soup, title)
    paragraphs = _selected_paragraphs(soup, extraction.body) if extraction.body else []
    if not paragraphs:  # no selector, or the site changed its layout: the generic extractor decides
        paragraphs = _generic_paragraphs(soup)
    body_paragraphs = clean_paragraphs(paragraphs, language)
    body = "\n\n".join(body_paragraphs)
    summary = " ".join(clean_paragraphs(summary_parts, language))
    if not summary:
        summary = _meta_summary(soup, ld, body, language)
    if summary and body_paragraphs and norm_space(body_paragraphs[0]) == summary:
        body = "\n\n".join(body_paragraphs[1:])  # the sapo was taken into the body too
    return Entry(
        url=url, title=title, summary=summary, body=body, published=published, canonical_url=canonical
    )


def _meta_summary(soup: BeautifulSoup, ld: list[dict], body: str, language: str) -> str:
    body_key = _fold(body)
    site = [_meta(soup, "property", "og:site_name")]
    for text in (
        _meta(soup, "name", "description"),
        _meta(soup, "property", "og:description"),
        _ld_value(ld, "description"),
    ):
        text = _strip_site_name(text, site) or text  # "... - VnExpress International"
        if not text:
            continue
        cleaned = " ".join(clean_paragraphs([text], language))
        key = _fold(cleaned).rstrip(".… ")
        if cleaned and not (key and body_key.startswith(key[: max(40, len(key) - 3)])):
            return cleaned
    return ""


def _fold(text: str) -> str:
    return norm_space(text).casefold()
