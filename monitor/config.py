"""Read and validate ``rules.toml`` at start-up (and again on SIGHUP: a config with a mistake is refused).

Every problem is reported at once, each naming the file, the entry, the field,
what is wrong and what would be right, e.g.::

    rules.toml: source "vov-world": field "interval": "5 minutes" is not a duration; write e.g. "5m", "1h", "90s"

``${VAR}`` in a channel URL is taken from the environment, or from the secrets file
(``[monitor] secrets_file`` / ``MONITOR_SECRETS_FILE``: ``NAME=value`` lines), so
secrets stay out of rules.toml.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from monitor.errors import ConfigError
from monitor.records import Extraction, Source

DEFAULT_DATABASE = "sqlite:///state/monitor.db"
SOURCE_KINDS = ("feed", "page", "sitemap")
SEVERITIES = ("info", "warning", "critical")
USER_AGENT = "monitor/0.1 (news-monitoring alert daemon; +https://example.org/monitor)"

_SECRET_HEADERS = {"authorization", "cookie", "x-api-key", "x-auth-token", "proxy-authorization"}
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class Settings:
    database: str = DEFAULT_DATABASE
    allow_private_addresses: bool = False
    user_agent: str = USER_AGENT
    poll_tick: float = 30.0  # how often the scheduler looks for due sources
    delivery_tick: float = 30.0  # how often pending deliveries are tried
    timeout: float = 20.0  # total deadline of one fetch, seconds
    max_body_bytes: int = 5 * 1024 * 1024
    concurrency: int = 8  # fetches in flight at once
    host_concurrency: int = 2  # fetches in flight to one host at once
    politeness_delay: float = 1.0  # seconds between the starts of two requests to one host
    robots_txt: bool = True  # obey each site's robots.txt (a source may opt out)
    failure_threshold: int = 3  # consecutive failures after which `monitor sources` flags a source
    operator_channel: str | None = None  # a [[channel]] id told once when a source starts failing, once on recovery
    max_backoff: float = 6 * 3600.0  # a failing source is retried at least this often
    parse_budget: float = 10.0  # seconds one document may take to parse before it is refused
    parse_workers: int = 0  # parser processes; 0: one per CPU core, and one more
    retry_base: float = 60.0  # first delivery retry after this many seconds, then doubling
    retry_max: float = 3600.0
    give_up_after: float = 3 * 86400.0  # a delivery still failing after this is marked failed
    secrets_file: str | None = None
    listen: str | None = None  # "host:port" of the health, metrics and status endpoint; None: off
    lease: float = 60.0  # how long a source or channel claimed by one instance stays its (renewed meanwhile)


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    query: str
    fold_diacritics: bool = True
    threshold: float = 1.0
    severity: str = "warning"
    cooldown: float = 3 * 86400.0  # the same story (also republished elsewhere) alerts once in this window
    max_per_hour: int = 0  # 0: no cap; beyond it, alerts fold into a digest at the end of the hour
    digest: float = 0.0  # seconds; > 0: one digest message per period instead of one message per alert
    facts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # troop-fact extractor: (role, terms) for force/place/others


@dataclass(frozen=True)
class Channel:
    id: str
    url: str = field(repr=False)  # secret: the resolved apprise URL
    url_template: str = ""  # as written in rules.toml, ${VAR} unresolved: safe to show
    topics: tuple[str, ...] = ()  # empty: every topic
    min_severity: str = "info"
    quiet_hours: tuple[int, int] | None = None  # minutes after midnight (start, end) in ``timezone``
    timezone: str = "UTC"  # for quiet hours and the times shown in messages
    format: str = "auto"  # auto (email: html, chat: markdown) | html | markdown | text
    template: str | None = None  # a file whose $placeholders replace the built-in message layout
    max_length: int = 0  # 0: the service's own limit


@dataclass(frozen=True)
class Config:
    path: Path
    settings: Settings
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    channels: tuple[Channel, ...]
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [terms]: named term lists (@name)

    def source(self, source_id: str) -> Source:
        return self._source_by_id[source_id]

    @cached_property
    def _source_by_id(self) -> dict[str, Source]:  # a round looks up each of a thousand sources
        return {s.id: s for s in self.sources}

    def topics_only(self) -> Config:
        """What a parse worker needs to compile the topics: this config without its sources, channels and
        settings (nothing secret leaves the daemon's process)."""
        return replace(self, sources=(), channels=(), settings=Settings())

    def secrets(self) -> list[str]:
        """Every secret string the config holds, for redaction."""
        from monitor.redact import credentials_of_url, secrets_of_url

        out: list[str] = []
        for ch in self.channels:
            out.extend(secrets_of_url(ch.url))
        for src in self.sources:  # a source URL is shown everywhere; only its credentials are secret
            out.extend(credentials_of_url(src.url))
            out.extend(value for name, value in src.headers if name.lower() in _SECRET_HEADERS)
        if "@" in self.settings.database:  # the database password, as written and as decoded
            from urllib.parse import unquote, urlsplit

            try:
                password = urlsplit(self.settings.database).password
            except ValueError:
                password = None
            out.extend([password, unquote(password)] if password else [])
        return out


def parse_duration(value: Any) -> float:
    """``"5m"`` → 300.0; ``90`` → 90.0. Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value <= 0:
            raise ValueError(value)
        return float(value)
    m = _DURATION.match(str(value))
    if not m:
        raise ValueError(value)
    n = float(m.group(1))
    unit = {"ms": 0.001, "s": 1, None: 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
    if n <= 0:
        raise ValueError(value)
    return n * unit


def load_secrets_file(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        out[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return out


# ---------------------------------------------------------------------------
# The schema: key -> (type(s), description used in messages)

_STR = (str,)
_NUM = (int, float)
_SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "monitor": {
        "database": (_STR, 'a database URL such as "sqlite:///state/monitor.db"'),
        "allow_private_addresses": ((bool,), "true or false"),
        "user_agent": (_STR, "a string"),
        "poll_tick": (_STR + _NUM, 'a duration such as "30s"'),
        "delivery_tick": (_STR + _NUM, 'a duration such as "30s"'),
        "timeout": (_STR + _NUM, 'a duration such as "20s"'),
        "max_body_bytes": ((int,), "a whole number of bytes"),
        "concurrency": ((int,), "a whole number"),
        "host_concurrency": ((int,), "a whole number of fetches in flight to one host"),
        "politeness_delay": (_STR + _NUM, 'a duration such as "1s" (0 for your own servers)'),
        "robots_txt": ((bool,), "true or false"),
        "failure_threshold": ((int,), "a whole number of consecutive failures"),
        "operator_channel": (_STR, 'the id of a [[channel]] told when a source starts failing and when it recovers'),
        "max_backoff": (_STR + _NUM, 'a duration such as "6h"'),
        "parse_budget": (_STR + _NUM, 'a duration such as "10s"'),
        "parse_workers": ((int,), "a whole number of processes (0: one per core, and one more)"),
        "retry_base": (_STR + _NUM, 'a duration such as "1m"'),
        "retry_max": (_STR + _NUM, 'a duration such as "1h"'),
        "give_up_after": (_STR + _NUM, 'a duration such as "3d"'),
        "secrets_file": (_STR, "a path to a file of NAME=value lines"),
        "topics_file": (_STR, "a path to another TOML file whose [[topic]] entries are used too"),
        "listen": (_STR, 'an address and port for health, metrics and status, such as "127.0.0.1:9464"'),
        "lease": (_STR + _NUM, 'a duration such as "1m": an instance that dies leaves its work to the others '
                               "after this long"),
    },
    "source": {
        "id": (_STR, 'a unique lower-case id such as "vov-world"'),
        "name": (_STR, "a display name"),
        "kind": (_STR, '"feed", "page" or "sitemap"'),
        "url": (_STR, "an http(s) URL"),
        "interval": (_STR + _NUM, 'a duration such as "5m"'),
        "language": (_STR, 'a language code such as "vi" or "en"'),
        "full_text": ((bool,), "true or false"),
        "link_pattern": (_STR, "a regular expression article URLs must match"),
        "max_items": ((int,), "a whole number"),
        "links": (_STR, "a CSS selector"),
        "title": (_STR, "a CSS selector"),
        "summary": (_STR, "a CSS selector"),
        "body": (_STR, "a CSS selector"),
        "time": (_STR, "a CSS selector"),
        "drop": ((list,), "a list of CSS selectors"),
        "headers": ((dict,), "a table of header names and values"),
        "robots_txt": ((bool,), "true or false (false: poll even where robots.txt disallows it)"),
        "politeness_delay": (_STR + _NUM, 'a duration such as "1s" (0 for your own servers)'),
    },
    "topic": {
        "id": (_STR, 'a unique lower-case id such as "kfor-troops"'),
        "name": (_STR, "a display name"),
        "query": (_STR, "a query in the rule language"),
        "fold_diacritics": ((bool,), "true or false"),
        "threshold": (_NUM, "a number (the score a match needs)"),
        "severity": (_STR, '"info", "warning" or "critical"'),
        "cooldown": (_STR + _NUM, 'a duration such as "3d"'),
        "max_per_hour": ((int,), "a whole number of alerts (0: no cap)"),
        "digest": (_STR + _NUM, 'a duration such as "1h"'),
        "facts": ((dict,), 'a table such as { force = "@kfor", place = "@kosovo", others = "@other_forces" }'),
    },
    "channel": {
        "id": (_STR, 'a unique lower-case id such as "desk-email"'),
        "url": (_STR, 'an apprise URL, normally "${SOME_VARIABLE}"'),
        "topics": ((list,), "a list of topic ids"),
        "min_severity": (_STR, '"info", "warning" or "critical"'),
        "quiet_hours": (_STR, 'a time range such as "22:00-07:00"'),
        "timezone": (_STR, 'an IANA time zone such as "Asia/Ho_Chi_Minh"'),
        "format": (_STR, '"auto", "html", "markdown" or "text"'),
        "template": (_STR, "a path to a message template file"),
        "max_length": ((int,), "a whole number of characters"),
    },
}
_REQUIRED = {"source": ("id", "kind", "url"), "topic": ("id", "query"), "channel": ("id", "url")}
_TOP = {"monitor": dict, "source": list, "topic": list, "channel": list, "terms": dict}
FACT_ROLES = ("force", "place", "others")


class _Problems:
    def __init__(self, path: Path):
        self.path = path
        self.items: list[str] = []
        self.origin: dict[int, Path] = {}  # id() of an entry read from another file (topics_file) -> that file

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{self.path}: {where}: {message}")


def _where(section: str, entry: dict, index: int, key: str | None = None) -> str:
    name = entry.get("id") if isinstance(entry.get("id"), str) else f"#{index + 1}"
    where = f'{section} "{name}"' if section != "monitor" else "[monitor]"
    return where + (f': field "{key}"' if key else "")


def _check_keys(p: _Problems, section: str, entry: dict, index: int) -> None:
    schema = _SCHEMA[section]
    for key, value in entry.items():
        if key not in schema:
            close = [k for k in schema if k.startswith(key[:3])]
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            p.add(_where(section, entry, index, key),
                  f"unknown key{hint}; known keys are: {', '.join(schema)}")
            continue
        types, desc = schema[key]
        if isinstance(value, bool) and bool not in types:
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            p.add(_where(section, entry, index, key),
                  f"{value!r} is a {type(value).__name__}; write {desc}")
    for key in _REQUIRED.get(section, ()):
        if key not in entry:
            p.add(_where(section, entry, index, key), f"missing; write {schema[key][1]}")


def _duration(p: _Problems, where: str, value: Any, default: float) -> float:
    if value is None:
        return default
    try:
        return parse_duration(value)
    except ValueError:
        p.add(where, f'{value!r} is not a duration; write e.g. "30s", "5m", "1h", "1d"')
        return default


def _resolve_vars(p: _Problems, where: str, template: str, env: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name not in env or env[name] == "":
            p.add(where, f"variable ${{{name}}} is not set; export {name}=... or put it in the secrets "
                         "file (MONITOR_SECRETS_FILE), or remove this channel")
            return ""
        return env[name]

    return _VAR.sub(sub, template)


def load(path: str | os.PathLike, env: dict[str, str] | None = None) -> Config:
    """Read, validate and compile the config. Raises ConfigError with every problem."""
    path = Path(path)
    env = dict(os.environ if env is None else env)
    p = _Problems(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([f"{path}: file not found; pass --config PATH or set MONITOR_CONFIG"]) from None
    except UnicodeDecodeError as e:
        raise ConfigError([f"{path}: not UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8"]) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError([f"{path}: TOML syntax error: {e}; fix the line it names "
                           "(strings need quotes, tables use [name], lists of tables [[name]])"]) from None

    for key, value in raw.items():
        if key not in _TOP:
            p.add(f"[{key}]", "unknown section; known sections are [monitor], [terms], [[source]], [[topic]], "
                              "[[channel]]")
        elif not isinstance(value, _TOP[key]):
            form = f"[{key}]" if key in ("monitor", "terms") else f"[[{key}]]"
            p.add(f"[{key}]", f"wrong form; write it as {form}")
    if p.items:
        raise ConfigError(p.items)

    mon = raw.get("monitor", {})
    _check_keys(p, "monitor", mon, 0)
    if isinstance(mon.get("topics_file"), str):
        included_path = path.parent / mon["topics_file"]
        raw.setdefault("terms", {})
        included = _included_topics(p, included_path, raw["terms"] if isinstance(raw["terms"], dict) else None)
        p.origin.update((id(entry), included_path) for entry in included)
        raw["topic"] = included + raw.get("topic", [])
    settings = _settings(p, mon, env)
    secrets_path = settings.secrets_file or env.get("MONITOR_SECRETS_FILE")
    if secrets_path:
        sp = Path(secrets_path)
        if not sp.is_absolute():
            sp = path.parent / sp
        try:
            env = {**load_secrets_file(sp), **env}
        except OSError as e:
            p.add('[monitor]: field "secrets_file"', f"cannot read {sp}: {e.strerror}")

    sources = _entries(p, raw, "source", _source)
    terms = _terms(p, raw.get("terms", {}))
    topics = _entries(p, raw, "topic", lambda p, e, i: _topic(p, e, i, terms))
    channels = _entries(p, raw, "channel", lambda p, e, i: _channel(p, e, i, env))
    channel_ids = {e.get("id") for e in raw.get("channel", []) if isinstance(e, dict) and isinstance(e.get("id"), str)}
    if settings.operator_channel is not None and settings.operator_channel not in channel_ids:
        p.add('[monitor]: field "operator_channel"',
              f'no channel has id "{settings.operator_channel}"; name one of the [[channel]] entries '
              f'({", ".join(sorted(channel_ids)) or "there are none: add one"}), or remove the field')
    topic_ids = {t.id for t in topics}
    for ch in channels:
        for t in ch.topics:
            if t not in topic_ids:
                p.add(f'channel "{ch.id}": field "topics"',
                      f'no topic has id "{t}"; known topics: {", ".join(sorted(topic_ids)) or "none"}')
    if p.items:
        raise ConfigError(p.items)
    return Config(path, settings, tuple(sources), tuple(topics), tuple(channels), terms)


def _included_topics(p: _Problems, included: Path, terms: dict | None = None) -> list[dict]:
    """The [[topic]] entries of ``included``; its [terms] lists are added to ``terms`` (the file's own win)."""
    try:
        doc = tomllib.loads(included.read_text(encoding="utf-8"))
        topics = doc.get("topic", [])
        if terms is not None and isinstance(doc.get("terms"), dict):
            for name, items in doc["terms"].items():
                terms.setdefault(name, items)
    except OSError as e:
        p.add('[monitor]: field "topics_file"', f"cannot read {included}: {e.strerror}")
        return []
    except tomllib.TOMLDecodeError as e:
        p.add('[monitor]: field "topics_file"', f"{included}: TOML syntax error: {e}")
        return []
    if not isinstance(topics, list):
        p.add('[monitor]: field "topics_file"', f"{included}: topics must be [[topic]] entries")
        return []
    return topics


def _entries(p: _Problems, raw: dict, section: str, build) -> list:
    out = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw.get(section, [])):
        before = len(p.items)
        if not isinstance(entry, dict):
            p.add(f"{section} #{i + 1}", f"{entry!r} is not a table; write each entry as [[{section}]] with keys")
            continue
        _check_keys(p, section, entry, i)
        eid = entry.get("id")
        if isinstance(eid, str):
            if not _ID.match(eid):
                p.add(_where(section, entry, i, "id"),
                      f"{eid!r} is not a valid id; use lower-case letters, digits, '-', '_' or '.'")
            if eid in seen:
                p.add(_where(section, entry, i, "id"),
                      f'duplicate id: {section} #{seen[eid] + 1} already uses "{eid}"; ids must be unique')
            seen[eid] = i
        if len(p.items) == before:
            item = build(p, entry, i)
            if item is not None:
                out.append(item)
        if id(entry) in p.origin:  # a problem of an included topic names the file it is in
            p.items[before:] = [item.replace(f"{p.path}: ", f"{p.origin[id(entry)]}: ", 1)
                                for item in p.items[before:]]
    return out


def _settings(p: _Problems, mon: dict, env: dict[str, str]) -> Settings:
    d = Settings()
    w = lambda k: f'[monitor]: field "{k}"'  # noqa: E731
    database = env.get("MONITOR_DATABASE_URL") or mon.get("database") or d.database
    for key in ("max_body_bytes", "concurrency", "host_concurrency", "failure_threshold"):  # 0 would block all
        value = mon.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value < 1:
            p.add(w(key), f"{value} is too small; write a whole number of at least 1")
    return Settings(
        database=database if isinstance(database, str) else d.database,
        allow_private_addresses=bool(mon.get("allow_private_addresses", False)),
        user_agent=mon.get("user_agent", d.user_agent) if isinstance(mon.get("user_agent", ""), str) else d.user_agent,
        poll_tick=_duration(p, w("poll_tick"), mon.get("poll_tick"), d.poll_tick),
        delivery_tick=_duration(p, w("delivery_tick"), mon.get("delivery_tick"), d.delivery_tick),
        timeout=_duration(p, w("timeout"), mon.get("timeout"), d.timeout),
        max_body_bytes=mon.get("max_body_bytes", d.max_body_bytes)
        if isinstance(mon.get("max_body_bytes", 0), int) else d.max_body_bytes,
        concurrency=mon.get("concurrency", d.concurrency)
        if isinstance(mon.get("concurrency", 0), int) else d.concurrency,
        retry_base=_duration(p, w("retry_base"), mon.get("retry_base"), d.retry_base),
        retry_max=_duration(p, w("retry_max"), mon.get("retry_max"), d.retry_max),
        give_up_after=_duration(p, w("give_up_after"), mon.get("give_up_after"), d.give_up_after),
        secrets_file=mon.get("secrets_file") if isinstance(mon.get("secrets_file"), str) else None,
        host_concurrency=_whole(mon, "host_concurrency", d.host_concurrency),
        politeness_delay=_delay(p, w("politeness_delay"), mon.get("politeness_delay"), d.politeness_delay),
        robots_txt=mon.get("robots_txt", True) is not False,
        failure_threshold=_whole(mon, "failure_threshold", d.failure_threshold),
        operator_channel=mon.get("operator_channel") if isinstance(mon.get("operator_channel"), str) else None,
        max_backoff=_duration(p, w("max_backoff"), mon.get("max_backoff"), d.max_backoff),
        parse_budget=_duration(p, w("parse_budget"), mon.get("parse_budget"), d.parse_budget),
        parse_workers=max(0, _whole(mon, "parse_workers", d.parse_workers)),
        listen=_listen(p, w("listen"), env.get("MONITOR_LISTEN") or mon.get("listen")),
        lease=max(1.0, _duration(p, w("lease"), mon.get("lease"), d.lease)),
    )


def parse_listen(value: str) -> tuple[str, int]:
    """``"127.0.0.1:9464"`` → ("127.0.0.1", 9464); ``"[::1]:9464"`` → ("::1", 9464). Raises ValueError."""
    m = re.match(r"^\s*(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})\s*$", value)
    if not m or not 1 <= int(m.group(3)) <= 65535:
        raise ValueError(value)
    return m.group(1) or m.group(2), int(m.group(3))


def _listen(p: _Problems, where: str, value: Any) -> str | None:
    if value is None or not isinstance(value, str):
        return None
    try:
        parse_listen(value)
    except ValueError:
        p.add(where, f'{value!r} is not an address and port; write e.g. "127.0.0.1:9464" (this machine only), '
                     '"[::1]:9464", or "0.0.0.0:9464" (every interface: only behind a firewall)')
        return None
    return value.strip()


def _whole(mon: dict, key: str, default: int) -> int:
    value = mon.get(key, default)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


def _delay(p: _Problems, where: str, value: Any, default: float | None) -> float | None:
    """A duration where 0 is allowed (no delay)."""
    if value in (0, 0.0, "0", "0s"):
        return 0.0
    return _duration(p, where, value, default)


def _source(p: _Problems, e: dict, i: int) -> Source | None:
    where = lambda k: _where("source", e, i, k)  # noqa: E731
    kind = e["kind"]
    if kind not in SOURCE_KINDS:
        p.add(where("kind"), f'{kind!r} is not a source kind; write "feed", "page" or "sitemap"')
    url = e["url"]
    probe = url.replace("{year}", "2025").replace("{month}", "1")
    if not re.match(r"^https?://[^/\s]+", probe):
        p.add(where("url"), f"{url!r} is not an http(s) URL; write e.g. \"https://vov.vn/the-gioi\"")
    elif "{" in probe:
        p.add(where("url"), "only {year} and {month} may stand in braces in a source URL")
    pattern = e.get("link_pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as err:
            p.add(where("link_pattern"), f"not a valid regular expression ({err}); fix or remove it")
    if kind == "page" and not (e.get("links") or pattern):
        p.add(where("links"), 'a page source needs "links" (a CSS selector for article links) '
                              'or "link_pattern"')
    drop = e.get("drop", [])
    if not all(isinstance(s, str) for s in drop):
        p.add(where("drop"), "write a list of CSS selector strings")
    for key in ("links", "title", "summary", "body", "time", *(["drop"] if drop else [])):
        for sel in ([e[key]] if isinstance(e.get(key), str) else e.get(key, []) if key == "drop" else []):
            if isinstance(sel, str) and not _valid_selector(sel):
                p.add(where(key), f"{sel!r} is not a valid CSS selector; write one such as \"div.article > p\"")
    headers = e.get("headers", {})
    if not all(isinstance(v, str) for v in headers.values()):
        p.add(where("headers"), "header values must be strings")
    max_items = e.get("max_items", 30)
    if max_items < 1:
        p.add(where("max_items"), "must be at least 1")
    interval = _duration(p, where("interval"), e.get("interval"), 600.0)
    return Source(
        id=e["id"], kind=kind, url=url, interval=interval, language=e.get("language", "en"),
        name=e.get("name", e["id"]), full_text=e.get("full_text", False), link_pattern=pattern,
        max_items=max_items,
        extraction=Extraction(links=e.get("links"), title=e.get("title"), summary=e.get("summary"),
                              body=e.get("body"), time=e.get("time"), drop=tuple(drop)),
        headers=tuple(headers.items()),
        robots_txt=e.get("robots_txt", True) is not False,
        politeness_delay=_delay(p, where("politeness_delay"), e.get("politeness_delay"), None),
    )


def _valid_selector(selector: str) -> bool:
    try:
        import soupsieve

        soupsieve.compile(selector)
        return True
    except Exception:
        return False


def _terms(p: _Problems, raw: dict) -> dict[str, tuple[str, ...]]:
    """[terms]: name = ["word", "a phrase", "prefix*", ...], each item checked as a query term."""
    from monitor.rules import QuerySyntaxError
    from monitor.rules.query import list_term

    terms: dict[str, tuple[str, ...]] = {}
    for name, items in raw.items():
        where = f'[terms]: list "{name}"'
        if not all(c.isalnum() or c in "_-" for c in name):
            p.add(where, "a list name has only letters, digits, '_' and '-' (it is written @name in queries)")
            continue
        if not isinstance(items, list) or not items or not all(isinstance(t, str) for t in items):
            p.add(where, 'write a non-empty list of terms, e.g. troops = ["troops", "soldiers", "binh sĩ"]')
            continue
        for item in items:
            try:
                list_term(item)
            except QuerySyntaxError as err:
                p.add(where, f"term {item!r}: {err}; an item is a word, a phrase or a prefix such as deploy*")
        terms[name] = tuple(items)
    return terms


def _fact_roles(p: _Problems, where: str, raw: dict, terms: dict[str, tuple[str, ...]]
                ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A topic's facts table: force (required), place, others; each "@list" or a list of terms."""
    roles = []
    for key in raw:
        if key not in FACT_ROLES:
            p.add(where, f'unknown key "{key}"; known keys are {", ".join(FACT_ROLES)}')
    if "force" not in raw:
        p.add(where, 'missing "force": the names of the force whose troops are counted, e.g. force = "@kfor"')
    for role in FACT_ROLES:
        value = raw.get(role)
        if value is None:
            continue
        if isinstance(value, str) and value.startswith("@"):
            if value[1:] not in terms:
                known = ", ".join("@" + k for k in sorted(terms)) or "none defined"
                p.add(where, f'{role} = "{value}": no such list in [terms] (known: {known})')
                continue
            roles.append((role, terms[value[1:]]))
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            roles.append((role, tuple(value)))
        else:
            p.add(where, f'{role}: write "@a_list" of [terms] or a list of terms such as ["KFOR", "Kosovo Force"]')
    return tuple(roles)


def _topic(p: _Problems, e: dict, i: int, terms: dict[str, tuple[str, ...]] | None = None) -> Topic | None:
    from monitor.rules.query import QuerySyntaxError, list_term, parse

    terms = terms or {}

    where = lambda k: _where("topic", e, i, k)  # noqa: E731
    severity = e.get("severity", "warning")
    if severity not in SEVERITIES:
        p.add(where("severity"), f'{severity!r} is not a severity; write "info", "warning" or "critical"')
    max_per_hour = e.get("max_per_hour", 0)
    if max_per_hour < 0:
        p.add(where("max_per_hour"), f"{max_per_hour} is negative; write 0 (no cap) or a whole number of alerts")
    topic = Topic(id=e["id"], name=e.get("name", e["id"]), query=e["query"],
                  fold_diacritics=e.get("fold_diacritics", True), threshold=float(e.get("threshold", 1.0)),
                  severity=severity, cooldown=_duration(p, where("cooldown"), e.get("cooldown"), Topic.cooldown),
                  max_per_hour=max(0, max_per_hour), digest=_duration(p, where("digest"), e.get("digest"), 0.0),
                  facts=_fact_roles(p, where("facts"), e["facts"], terms) if isinstance(e.get("facts"), dict) else ())
    try:
        parse(topic.query, terms)  # what can be wrong in a query is found by reading it; the workers compile it
        for _, items in topic.facts:  # and in a fact role's terms, the same way (the workers build the readers)
            for item in items:
                list_term(item)
    except QuerySyntaxError as err:
        p.add(where("query"), f"syntax error {err}; see docs/rules.md for the rule language")
    return topic


def _channel(p: _Problems, e: dict, i: int, env: dict[str, str]) -> Channel | None:
    where = lambda k: _where("channel", e, i, k)  # noqa: E731
    template = e["url"]
    url = _resolve_vars(p, where("url"), template, env)
    severity = e.get("min_severity", "info")
    if severity not in SEVERITIES:
        p.add(where("min_severity"), f'{severity!r} is not a severity; write "info", "warning" or "critical"')
    topics = e.get("topics", [])
    if not all(isinstance(t, str) for t in topics):
        p.add(where("topics"), "write a list of topic id strings")
    if url:
        import apprise

        if apprise.Apprise.instantiate(url) is None:
            shown = template if _VAR.search(template) else "(the URL given)"
            p.add(where("url"), f"{shown} is not an apprise URL apprise understands; see "
                                "https://github.com/caronc/apprise/wiki for the URL of each service")
    return Channel(id=e["id"], url=url, url_template=template if _VAR.search(template) else "(inline URL)",
                   topics=tuple(topics), min_severity=severity, **_channel_presentation(p, e, where))


CHANNEL_FORMATS = ("auto", "html", "markdown", "text")


def _channel_presentation(p: _Problems, e: dict, where) -> dict[str, Any]:
    """quiet_hours, timezone, format, template and max_length of a channel, checked."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    out: dict[str, Any] = {}
    tz = e.get("timezone", "UTC")
    try:
        ZoneInfo(tz)
        out["timezone"] = tz
    except (ZoneInfoNotFoundError, ValueError):
        p.add(where("timezone"), f'{tz!r} is not a known time zone; write an IANA name such as "Asia/Ho_Chi_Minh"')
    if "quiet_hours" in e:
        m = re.match(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$", e["quiet_hours"])
        if (not m or int(m[1]) > 23 or int(m[3]) > 23 or int(m[2]) > 59 or int(m[4]) > 59
                or m.group(1, 2) == m.group(3, 4)):
            p.add(where("quiet_hours"), f'{e["quiet_hours"]!r} is not a time range; write e.g. "22:00-07:00" '
                                        "(24-hour clock, start and end differ)")
        else:
            out["quiet_hours"] = (int(m[1]) * 60 + int(m[2]), int(m[3]) * 60 + int(m[4]))
    fmt = e.get("format", "auto")
    if fmt not in CHANNEL_FORMATS:
        p.add(where("format"), f"{fmt!r} is not a format; write one of {', '.join(map(repr, CHANNEL_FORMATS))}")
    else:
        out["format"] = fmt
    if "template" in e:
        tpl = Path(e["template"])
        tpl = tpl if tpl.is_absolute() else p.path.parent / tpl
        try:
            from monitor.notify.templates import check_template

            problem = check_template(tpl.read_text(encoding="utf-8"))
        except OSError as err:
            problem = f"cannot read {tpl}: {err.strerror}"
        except UnicodeDecodeError:
            problem = f"{tpl} is not UTF-8 text; save it as UTF-8"
        if problem:
            p.add(where("template"), problem)
        else:
            out["template"] = str(tpl)
    max_length = e.get("max_length", 0)
    if max_length and max_length < 200:
        p.add(where("max_length"), f"{max_length} is too short for an alert; write at least 200 (or 0: the "
                                   "service's own limit)")
    else:
        out["max_length"] = max_length
    return out
