"""Send one message to one channel through apprise; report failure in plain, redacted words.

Email (``mailto://``) gets the HTML body, which apprise sends as multipart/alternative with a
plain-text part made from it. The alert id travels in headers where the service takes headers
(email and ``json://``/``form://``/``xml://`` webhooks): ``X-Monitor-Alert-Id`` and ``References``.
apprise always writes its own ``Message-ID`` (a fresh one per send) after any header we give, so
the alert id cannot be the Message-ID; ``References`` makes mail clients thread a resend with the first.
"""

from __future__ import annotations

import logging

import apprise

from monitor.config import Channel
from monitor.notify.templates import TITLE_MAX, Message
from monitor.redact import REDACTOR, Redactor, secrets_of_url

log = logging.getLogger("monitor.notify")

_FORMATS = {"html": apprise.NotifyFormat.HTML, "markdown": apprise.NotifyFormat.MARKDOWN,
            "text": apprise.NotifyFormat.TEXT}
_EMAIL_SCHEMES = ("mailto", "mailtos")


def scheme(url: str) -> str:
    return url.split("://", 1)[0].lower() if "://" in url else ""


def channel_format(channel: Channel) -> str:
    """The format a channel's messages are written in: its own setting, else email: html, chat: markdown."""
    if channel.format != "auto":
        return channel.format
    if scheme(channel.url) in _EMAIL_SCHEMES:
        return "html"
    plugin = apprise.Apprise.instantiate(channel.url)
    formats = getattr(plugin, "notify_format", ()) if plugin is not None else ()
    formats = formats if isinstance(formats, (tuple, list, set)) else (formats,)
    return "markdown" if apprise.NotifyFormat.MARKDOWN in formats or not formats else "text"


def service_limit(channel: Channel) -> int:
    """The channel's length limit for a message's body: its own ``max_length``, else the service's (as apprise
    knows it). A service with no title of its own (Telegram: ``title_maxlen`` 0) gets the title as the body's
    first line, within the same limit: room is kept for it, so the body's end (its link, its id) is never cut."""
    plugin = apprise.Apprise.instantiate(channel.url)
    limit = int(getattr(plugin, "body_maxlen", 0) or 0) if plugin is not None else 0
    if limit and plugin is not None and not getattr(plugin, "title_maxlen", 1):
        limit = max(0, limit - TITLE_MAX - 2)  # the title, one line of at most TITLE_MAX, and its line break
    if channel.max_length:
        return min(channel.max_length, limit) if limit else channel.max_length
    return limit


def send(channel: Channel, message: Message) -> str | None:
    """Send one message; return None on success or the (redacted) reason it failed."""
    plugin = apprise.Apprise.instantiate(channel.url)
    if plugin is None:
        return "apprise does not understand this channel's URL"
    if isinstance(getattr(plugin, "headers", None), dict) and message.headers:
        plugin.headers.update(message.headers)
    sender = apprise.Apprise()
    sender.add(plugin)
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        try:
            ok = sender.notify(title=message.title, body=message.body, body_format=_FORMATS[message.format])
        except Exception as e:  # a plugin bug must not kill the delivery loop
            ok = False
            captured.write(f"{e.__class__.__name__}: {e}\n")
        reason = captured.getvalue().strip().splitlines()
    if ok:
        return None
    text = " / ".join(reason[-3:]) or "the notifier reported a failure"
    return Redactor(secrets_of_url(channel.url))(REDACTOR(text))
