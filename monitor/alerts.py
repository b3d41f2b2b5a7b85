"""From a match to an alert's words: pure functions, no I/O.

An alert's title names the topic and the article; its body has the snippet, the facts,
the source, the time and the link, and ends with the alert id so that a rare resend
after a crash is recognisable.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from monitor.config import SEVERITIES, Channel, Topic
from monitor.records import Article, Match, Source

MAX_TITLE = 200


def one_line(text: str, limit: int) -> str:
    """One line (no CR/LF ever reaches a subject line) of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def alert_title(match: Match, article: Article) -> str:
    return one_line(f"[{match.topic_name}] {article.title or article.url}", MAX_TITLE)


def facts_lines(match: Match, previous_total: int | None = None) -> list[str]:
    """One line per fact of the match: "Strength reported 4,500 (previously 3,800): <sentence>",
    "Troops added: +700: <sentence>", "Troops withdrawn: -150: <sentence>"."""
    lines = []
    for fact in match.facts:
        if fact.kind == "total":
            before = f" (previously {previous_total:,})" if previous_total not in (None, fact.value) else ""
            lines.append(f"Strength reported {fact.value:,}{before}: {one_line(fact.text, 300)}")
        else:
            what = "Troops added" if fact.value > 0 else "Troops withdrawn"
            lines.append(f"{what}: {fact.value:+,}: {one_line(fact.text, 300)}")
    return lines


def alert_body(match: Match, article: Article, source: Source, alert_id: str,
               previous_total: int | None = None) -> str:
    lines = [article.title, ""]
    if match.evidence.snippet:
        lines += [match.evidence.snippet, ""]
    terms = sorted({h.term for h in match.evidence.hits})
    lines.append(f"Matched: {', '.join(terms)} (score {match.score:g})")
    lines += facts_lines(match, previous_total)
    lines.append(f"Source: {source.name or source.id}")
    lines.append(f"Published: {format_time(article.published)}")
    lines.append(f"Link: {safe_link(article.url)}")
    lines.append(f"Alert id: {alert_id}")
    return "\n".join(lines)


def format_time(moment: datetime | None, tz: str = "UTC") -> str:
    """"2025-06-01 23:30 UTC", or in the zone ``tz`` ("2025-06-02 06:30 +07")."""
    if moment is None:
        return "unknown"
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M %Z")


def safe_link(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else "(link withheld: not http/https)"


def channels_receiving(match: Match, topic: Topic, channels: tuple[Channel, ...]) -> list[Channel]:
    """The channels that take this topic (``topics``) at its severity (``min_severity``)."""
    rank = SEVERITIES.index
    return [c for c in channels
            if (not c.topics or match.topic_id in c.topics) and rank(topic.severity) >= rank(c.min_severity)]

