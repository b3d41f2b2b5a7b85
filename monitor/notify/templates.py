"""The words of an alert, or of a digest, for each kind of channel. Pure code, no I/O.

Formats: ``html`` (email: apprise sends it as multipart/alternative, an HTML part and a
plain-text part made from it), ``markdown`` (chat: CommonMark, which apprise turns into
Telegram MarkdownV2 or Slack mrkdwn), ``text``.

Article text is data, never a template: each field is escaped for the format first and then
substituted into a fixed layout with ``string.Template`` in a single pass, so a ``$name``,
``{{ }}`` or ``<script>`` in a title stays text. A channel may replace the layout with its own
file (``template = "path"``) using the same ``$placeholders``; see ``PLACEHOLDERS``.
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass, field

from monitor import alerts as alert_text
from monitor.records import Evidence, Fact, Match
from monitor.store.db import AlertView

FORMATS = ("html", "markdown", "text")
PLACEHOLDERS = {
    "title": "the article title", "topic": "the topic's name", "alert_title": "the alert's one-line title",
    "severity": "info / warning / critical", "source": "the source that reported it",
    "published": "the published time in the channel's time zone", "snippet": "the passage, matched words marked",
    "terms": "the matched terms", "facts": "the figures (troops) and their change", "link": "the article link",
    "url": "the article URL", "also_reported_by": "other outlets that carried the story",
    "alert_id": "the alert's stable id",
}
SNIPPET_MAX = 600
TITLE_MAX = alert_text.MAX_TITLE  # a message's title: one line of at most this many characters
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


@dataclass(frozen=True)
class Presentation:
    """How a channel shows alerts: its format, time zone, length limit, optional layout file text."""

    fmt: str = "text"
    tz: str = "UTC"
    max_length: int = 0  # 0: no limit
    template: str | None = None
    source_names: dict[str, str] = field(default_factory=dict)
    topic_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Message:
    title: str  # one line: no CR/LF ever (it becomes an email Subject)
    body: str
    format: str  # "html" | "markdown" | "text"
    headers: dict[str, str] = field(default_factory=dict)


def check_template(text: str) -> str | None:
    """None when ``text`` is a usable template; else what is wrong with it."""
    tpl = string.Template(text)
    if not tpl.is_valid():
        return "the template has a stray '$'; write '$$' for a dollar sign and $name for a placeholder"
    unknown = sorted(set(tpl.get_identifiers()) - set(PLACEHOLDERS))
    if unknown:
        return (f"unknown placeholder(s) {', '.join('$' + u for u in unknown)}; "
                f"known: {', '.join('$' + k for k in PLACEHOLDERS)}")
    return None


# -- escaping -------------------------------------------------------------------------------

def clean(text: str) -> str:
    """No control characters (a CR/LF never reaches a header, a NUL never a receiver)."""
    return _CONTROL.sub(" ", text or "")


def one_line(text: str, limit: int = TITLE_MAX) -> str:
    return alert_text.one_line(clean(text), limit)


_MD_ALWAYS = re.compile(r"([\\`*_\[\]<>~|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])", re.M)


def escape_markdown(text: str) -> str:
    """CommonMark: every character that could start markup is backslash-escaped, so it shows as itself.

    ``<!channel>`` becomes ``\\<!channel\\>`` (apprise sends Slack ``&lt;!channel&gt;``: no ping);
    Telegram's reserved characters are escaped again by apprise's MarkdownV2 conversion.
    """
    text = _MD_ALWAYS.sub(r"\\\1", clean(text))
    return _MD_LINE_START.sub(lambda m: m[1] + "".join("\\" + c if not c.isdigit() else c for c in m[2]), text)


def escape(text: str, fmt: str) -> str:
    if fmt == "html":
        return html.escape(clean(text), quote=True)
    if fmt == "markdown":
        return escape_markdown(text)
    return clean(text)


def _mark(snippet: str, fmt: str) -> str:
    """The snippet with its «matched words» highlighted in the format; the rest escaped."""
    out = []
    for i, part in enumerate(re.split(r"«([^»]*)»", snippet)):
        if i % 2 == 0:
            out.append(escape(part, fmt))
        elif fmt == "html":
            out.append(f"<mark><b>{escape(part, fmt)}</b></mark>")
        elif fmt == "markdown":
            out.append(f"**{escape(part, fmt)}**")
        else:
            out.append(f"«{clean(part)}»")
    return "".join(out)


def _link(url: str, fmt: str) -> str:
    safe = alert_text.safe_link(url)
    if safe != url:
        return escape(safe, fmt)
    if fmt == "html":
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    if fmt == "markdown":
        return "<" + url.replace(">", "%3E").replace(" ", "%20") + ">"
    return url


def fact_lines(view: AlertView) -> list[str]:
    """The figures (troops) and their change from the last reported total, worded as in the plain alert."""
    facts = tuple(Fact(topic=f.get("topic", view.topic_id), kind=f.get("kind", ""), value=int(f.get("value", 0)),
                       text=f.get("text", "")) for f in view.facts)
    if not facts:
        return []
    match = Match(view.topic_id, view.topic_id, view.score, Evidence((), ""), facts)
    return alert_text.facts_lines(match, view.previous_total)


def fields(view: AlertView, look: Presentation, snippet_max: int = SNIPPET_MAX) -> dict[str, str]:
    """Every placeholder's value for ``view``, escaped for the channel's format."""
    fmt, tz = look.fmt, look.tz
    source_name = look.source_names.get(view.source_id, view.source_id)
    snippet = one_line(view.snippet, snippet_max) if view.snippet and snippet_max > 0 else ""
    also = [f"{x.get('source', '?')}: {x.get('url', '')}" for x in view.also_reported_by]
    sep = "<br>" if fmt == "html" else "\n"
    return {
        "title": escape(one_line(view.article_title or view.url), fmt),
        "alert_title": escape(one_line(view.title), fmt),
        "topic": escape(one_line(look.topic_names.get(view.topic_id, view.topic_id)), fmt),
        "severity": escape(view.severity, fmt),
        "source": escape(one_line(source_name or view.source_id), fmt),
        "published": escape(alert_text.format_time(view.published, tz), fmt),
        "snippet": _mark(snippet, fmt),
        "terms": escape(", ".join(view.terms), fmt),
        "facts": sep.join(escape(line, fmt) for line in fact_lines(view)),
        "link": _link(view.url, fmt),
        "url": escape(view.url, fmt),
        "also_reported_by": sep.join(escape(a, fmt) for a in also),
        "alert_id": escape(view.alert_id, fmt),
    }


# -- the built-in layouts -----------------------------------------------------------------------

HTML_LAYOUT = """\
<div style="font-family:sans-serif;max-width:40em">
<h2 style="margin:0 0 .3em">$title</h2>
<p style="color:#555;margin:0 0 1em">$topic · $severity · $source · $published</p>
<blockquote style="margin:0 0 1em;padding-left:.8em;border-left:3px solid #ccc">$snippet</blockquote>
$facts_block<p>Matched: $terms</p>
<p>Source: $source<br>Published: $published<br>Link: $link</p>
$also_block<p style="color:#888;font-size:small">Alert id: $alert_id</p>
</div>"""

MARKDOWN_LAYOUT = """\
**$title**
_${topic} · ${severity} · ${source} · ${published}_

$snippet

${facts_block}${also_block}Link: $link
Alert id: $alert_id"""

TEXT_LAYOUT = """\
$title

$snippet

$facts_block${also_block}Matched: $terms
Source: $source
Published: $published
Link: $link
Alert id: $alert_id"""

_LAYOUTS = {"html": HTML_LAYOUT, "markdown": MARKDOWN_LAYOUT, "text": TEXT_LAYOUT}


def _blocks(values: dict[str, str], fmt: str) -> dict[str, str]:
    facts, also = values["facts"], values["also_reported_by"]
    if fmt == "html":
        return {"facts_block": f"<p><b>{facts}</b></p>\n" if facts else "",
                "also_block": f"<p>Also reported by:<br>{also}</p>\n" if also else ""}
    return {"facts_block": f"{facts}\n\n" if facts else "",
            "also_block": f"Also reported by:\n{also}\n\n" if also else ""}


def render_alert(view: AlertView, look: Presentation) -> Message:
    """One alert as a message in the channel's format, within its length limit."""
    if view.notice is not None:
        return render_notice(view, look)
    fmt, max_length = look.fmt, look.max_length
    snippet_max = SNIPPET_MAX
    while True:
        values = fields(view, look, snippet_max)
        if look.template is not None:
            body = string.Template(look.template).safe_substitute(values)
        else:
            body = string.Template(_LAYOUTS[fmt]).safe_substitute({**values, **_blocks(values, fmt)})
        if not max_length or len(body) <= max_length or snippet_max <= 40:
            break
        snippet_max = max(40, snippet_max - max(40, len(body) - max_length + 10))
    if max_length and len(body) > max_length:  # still too long: keep the head and the link / id tail
        tail = body[body.rfind("Link:"):] if "Link:" in body else ""
        body = body[: max(0, max_length - len(tail) - 2)] + "…\n" + tail
        body = body[:max_length]
    return Message(title=one_line(view.title), body=body, format=fmt, headers=alert_headers([view.alert_id]))


def render_notice(view: AlertView, look: Presentation) -> Message:
    """A notice to the operator (a source failing or recovered): its stored words, escaped for the format, and
    its id line; never the channel's own layout file (its placeholders are an article's).

    Within the length limit, markup included: the words are cut, never the id line (as an alert keeps its link)."""
    fmt = look.fmt
    words = view.body.split("\n\nNotice id: ")[0]  # a notice stored by an older version carries the line itself
    id_line = escape(f"Notice id: {view.alert_id}", fmt)

    def build(text: str) -> str:
        paragraphs = [escape(p, fmt) for p in text.split("\n\n") if p.strip()] + [id_line]
        if fmt == "html":
            return ('<div style="font-family:sans-serif;max-width:40em">'
                    + "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs) + "</div>")
        return "\n\n".join(paragraphs)

    body, limit = build(words), look.max_length
    if limit and len(body) > limit:  # the longest cut of the words that fits, escaping and markup included
        low, high = 0, len(words)
        while low < high:
            mid = (low + high + 1) // 2
            if len(build(words[:mid].rstrip() + "…")) <= limit:
                low = mid
            else:
                high = mid - 1
        body = build(words[:low].rstrip() + "…")[:limit]  # [:limit]: not even the id line fits, no real channel
    return Message(title=one_line(view.title), body=body, format=fmt, headers=alert_headers([view.alert_id]))


def alert_headers(alert_ids: list[str]) -> dict[str, str]:
    """Headers a channel that takes them (email, JSON webhooks) gets: a resend is recognisable by them."""
    return {"X-Monitor-Alert-Id": ",".join(alert_ids)[:900],
            "References": " ".join(f"<{a}@alert.monitor>" for a in alert_ids[:20])}


def render_digest(views: list[AlertView], look: Presentation, why: str) -> Message:
    """Several alerts in one message: a line per alert (title, source, time, link, id), oldest first."""
    fmt, max_length = look.fmt, look.max_length
    topics = sorted({look.topic_names.get(v.topic_id, v.topic_id) for v in views})
    title = one_line(f"[{', '.join(topics)}] digest: {len(views)} alerts ({why})")
    items = []
    for v in views:
        f = fields(v, look, 0)
        also = f" (+{len(v.also_reported_by)} also reporting)" if v.also_reported_by else ""
        if fmt == "html":
            items.append(f"<li><b>{f['title']}</b> — {f['source']}, {f['published']}{escape(also, fmt)}<br>"
                         f"{f['link']} <small>alert {f['alert_id']}</small></li>")
        else:
            bullet = "\\-" if fmt == "markdown" else "-"
            items.append(f"{bullet} {f['title']} — {f['source']}, {f['published']}{escape(also, fmt)}\n"
                         f"  {f['link']} (alert {f['alert_id']})")
    head = escape(f"{len(views)} alerts, {why}:", fmt)

    def build(shown: list[str], hidden: int) -> str:
        more = escape(f"… and {hidden} more: run `monitor alerts` to see them all", fmt) if hidden else ""
        if fmt == "html":
            return (f'<div style="font-family:sans-serif"><p>{head}</p>\n<ul>\n' + "\n".join(shown)
                    + f"\n</ul>\n{'<p>' + more + '</p>' if more else ''}</div>")
        return head + "\n\n" + "\n".join(shown) + (f"\n{more}" if more else "")

    shown = len(items)
    body = build(items, 0)
    while max_length and len(body) > max_length and shown > 1:
        shown -= 1
        body = build(items[:shown], len(items) - shown)
    return Message(title=title, body=body[:max_length] if max_length else body, format=fmt,
                   headers=alert_headers([v.alert_id for v in views]))
