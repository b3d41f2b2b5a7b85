"""Read and validate ``rules.toml`` once, at start-up.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.errors import ConfigError
from monitor.records import Extraction, Source

DEFAULT_DATABASE = "sqlite:///state/monitor.db"
SOURCE_KINDS = ("feed", "page", "sitemap")
SEVERITIES = ("info", "warning", "critical")
USER_AGENT = "monitor/0.1 (news-monitoring alert daemon; +https://example.org/monitor)"

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
    retry_base: float = 60.0  # first delivery retry after this many seconds, then doubling
    retry_max: float = 3600.0
    give_up_after: float = 3 * 86400.0  # a delivery still failing after this is marked failed
    secrets_file: str | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    query: str
    fold_diacritics: bool = True
    threshold: float = 1.0
    severity: str = "warning"


@dataclass(frozen=True)
class Channel:
    id: str
    url: str = field(repr=False)  # secret: the resolved apprise URL
    url_template: str = ""  # as written in rules.toml, ${VAR} unresolved: safe to show
    topics: tuple[str, ...] = ()  # empty: every topic
    min_severity: str = "info"


@dataclass(frozen=True)
class Config:
    path: Path
    settings: Settings
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    channels: tuple[Channel, ...]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def secrets(self) -> list[str]:
        """Every secret string the config holds, for redaction."""
        from monitor.redact import secrets_of_url

        out: list[str] = []
        for ch in self.channels:
            out.extend(secrets_of_url(ch.url))
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
        "retry_base": (_STR + _NUM, 'a duration such as "1m"'),
        "retry_max": (_STR + _NUM, 'a duration such as "1h"'),
        "give_up_after": (_STR + _NUM, 'a duration such as "3d"'),
        "secrets_file": (_STR, "a path to a file of NAME=value lines"),
        "topics_file": (_STR, "a path to another TOML file whose [[topic]] entries are used too"),
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
    },
    "topic": {
        "id": (_STR, 'a unique lower-case id such as "kfor-troops"'),
        "name": (_STR, "a display name"),
        "query": (_STR, "a query in the rule language"),
        "fold_diacritics": ((bool,), "true or false"),
        "threshold": (_NUM, "a number (the score a match needs)"),
        "severity": (_STR, '"info", "warning" or "critical"'),
    },
    "channel": {
        "id": (_STR, 'a unique lower-case id such as "desk-email"'),
        "url": (_STR, 'an apprise URL, normally "${SOME_VARIABLE}"'),
        "topics": ((list,), "a list of topic ids"),
        "min_severity": (_STR, '"info", "warning" or "critical"'),
    },
}
_REQUIRED = {"source": ("id", "kind", "url"), "topic": ("id", "query"), "channel": ("id", "url")}
_TOP = {"monitor": dict, "source": list, "topic": list, "channel": list}


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
            p.add(f"[{key}]", "unknown section; known sections are [monitor], [[source]], [[topic]], "
                              "[[channel]]")
        elif not isinstance(value, _TOP[key]):
            form = "[monitor]" if key == "monitor" else f"[[{key}]]"
            p.add(f"[{key}]", f"wrong form; write it as {form}")
    if p.items:
        raise ConfigError(p.items)

    mon = raw.get("monitor", {})
    _check_keys(p, "monitor", mon, 0)
    if isinstance(mon.get("topics_file"), str):
        included_path = path.parent / mon["topics_file"]
        included = _included_topics(p, included_path)
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
    topics = _entries(p, raw, "topic", _topic)
    channels = _entries(p, raw, "channel", lambda p, e, i: _channel(p, e, i, env))
    topic_ids = {t.id for t in topics}
    for ch in channels:
        for t in ch.topics:
            if t not in topic_ids:
                p.add(f'channel "{ch.id}": field "topics"',
                      f'no topic has id "{t}"; known topics: {", ".join(sorted(topic_ids)) or "none"}')
    if p.items:
        raise ConfigError(p.items)
    return Config(path, settings, tuple(sources), tuple(topics), tuple(channels))


def _included_topics(p: _Problems, included: Path) -> list[dict]:
    try:
        topics = tomllib.loads(included.read_text(encoding="utf-8")).get("topic", [])
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
    for key in ("max_body_bytes", "concurrency"):  # 0 would refuse every body / block every fetch forever
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
    )


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
    )


def _valid_selector(selector: str) -> bool:
    try:
        import soupsieve

        soupsieve.compile(selector)
        return True
    except Exception:
        return False


def _topic(p: _Problems, e: dict, i: int) -> Topic | None:
    from monitor.rules import QuerySyntaxError, compile_topic

    where = lambda k: _where("topic", e, i, k)  # noqa: E731
    severity = e.get("severity", "warning")
    if severity not in SEVERITIES:
        p.add(where("severity"), f'{severity!r} is not a severity; write "info", "warning" or "critical"')
    topic = Topic(id=e["id"], name=e.get("name", e["id"]), query=e["query"],
                  fold_diacritics=e.get("fold_diacritics", True), threshold=float(e.get("threshold", 1.0)),
                  severity=severity)
    try:
        compile_topic(topic.id, topic.name, topic.query, fold_diacritics=topic.fold_diacritics,
                      threshold=topic.threshold)
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
                   topics=tuple(topics), min_severity=severity)
