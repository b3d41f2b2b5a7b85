"""A source that keeps failing, in plain words: what went wrong, since when, what to do about it.

One place for these words: ``monitor sources`` shows them for every source failing
``failure_threshold`` polls in a row, and the operator's channel (``[monitor] operator_channel``)
gets them once when a source starts failing, then once when it recovers (see
``Store.record_poll``; a spell over before its notice left, in quiet hours, sends neither).
Pure functions of the config and a source's state, apart from the clock.
"""

from __future__ import annotations

from datetime import datetime

from monitor import noise
from monitor.config import Config
from monitor.records import Source
from monitor.redact import REDACTOR
from monitor.store import to_utc
from monitor.store.db import OperatorNotices
from monitor.store.models import SourceState

# What to do about a source that keeps failing, by its status.
ADVICE = {
    "http error": "open the URL in a browser; if it moved, fix the source's url, if it is gone, remove the source",
    "network error": "check the host name and port in the URL, and that this machine is online (DNS, firewall)",
    "timeout": "the site is slow or unreachable; if it lasts, raise [monitor] timeout or poll less often",
    "tls error": "the site's certificate is invalid or expired; tell the site, or use its http:// URL if it has one",
    "blocked": "the site refuses this client: try its RSS feed, listing page or sitemap instead, or ask the site",
    "parse error": "the answer is no readable feed/page: open the URL in a browser and check it is still the feed",
    "parse timeout": "the document is hostile or huge: raise [monitor] parse_budget only if you trust the site",
    "refused": "the document declares XML entities, which a real feed never needs: ask the site to fix its feed",
    "too large": "the answer passed the size limit: raise [monitor] max_body_bytes if the document is genuine",
    "empty body": "the server answered with nothing: usually the site's fault; check the URL in a browser",
    "redirect loop": "the URL redirects in circles: open it in a browser and use the address it should reach",
    "refused by address policy": "the URL points into a private network: allow_private_addresses = true "
                                 "in [monitor] if that is intended",
    "robots.txt": "the site's robots.txt disallows this URL: ask the site, or set robots_txt = false on the source",
    "internal error": "a bug in monitor on this source's data: please report it with the log lines",
}
RECOVERY = "retried with growing pauses; it recovers by itself on the next success"


def is_failing(state: SourceState, threshold: int) -> bool:
    """Flagged: failed ``[monitor] failure_threshold`` polls in a row (what the operator is told of)."""
    return state.consecutive_failures >= threshold


def when(moment: datetime | None) -> str:
    moment = to_utc(moment)
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


def advice(status: str) -> str:
    return ADVICE.get(status, "see the last error above")


def since(state: SourceState) -> str:
    """"last success 2025-06-01 08:00:00 UTC", or "never succeeded"."""
    return f"last success {when(state.last_success_at)} UTC" if state.last_success_at else "never succeeded"


def trouble(state: SourceState) -> str:
    """The last error in plain words: "http error: HTTP 404 ...", secrets masked."""
    return f"{state.status}: {REDACTOR(state.last_error or '-')}"


def label(source: Source) -> str:
    return f"{source.name} ({source.id})" if source.name and source.name != source.id else source.id


def notice_words(kind: str, source: Source, state: SourceState) -> tuple[str, str]:
    """(title, body) of a "failing" or "recovered" notice about ``source``, from its state after the poll
    (the message adds the notice's id: ``templates.render_notice``)."""
    name = label(source)
    if kind == "failing":
        title = f"Source {name} is failing"
        body = (f"Source {name} is failing: {trouble(state)} ({state.consecutive_failures} failures in a row, "
                f"{since(state)}); what to do: {advice(state.status)}.\n\n"
                f"It is {RECOVERY}; this channel is told once when it does. `monitor sources` shows every "
                "source's health.")
    else:
        title = f"Source {name} recovered"
        body = (f"Source {name} recovered: polled successfully at {when(state.last_success_at)} UTC "
                f"({state.status}) after it was reported failing.")
    return title, body


def operator_notices(config: Config, source: Source) -> OperatorNotices | None:
    """How the operator's channel hears of this source's failing and recovery; None when no channel is set."""
    settings = config.settings
    channel = next((c for c in config.channels if c.id == settings.operator_channel), None)
    if channel is None:
        return None
    return OperatorNotices(channel.id, settings.failure_threshold,
                           lambda kind, state: notice_words(kind, source, state),
                           due=lambda now: noise.quiet_until(channel, now))
