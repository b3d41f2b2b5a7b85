"""``monitor.config.load``: the shipped rules.toml, every kind of mistake, ${VAR} and secrets, durations."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest

from monitor.config import DEFAULT_DATABASE, Settings, load, parse_duration
from monitor.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
CANARY = "s3cr3t-canary-9f2"
CANARY_URL = f"json://user:{CANARY}@127.0.0.1:9/x"

SOURCE = """
[[source]]
id = "feed-1"
kind = "feed"
url = "https://example.org/rss.xml"
interval = "10m"
"""
TOPIC = """
[[topic]]
id = "kfor"
query = "KFOR AND troops"
"""
BASE = SOURCE + TOPIC

# one config with ten problems, each of another kind
MANY_PROBLEMS = """
        [monitor]
        timout = "5s"

        [[source]]
        id = "vov"
        kind = "blog"
        url = "https://vov.vn/the-gioi"
        interval = "5 minutes"
        link_pattern = "([a-z"
        links = "a[[["

        [[source]]
        id = "nato"
        kind = "feed"
        url = "https://www.nato.int/rss.xml"
        max_items = "ten"

        [[topic]]
        id = "kfor"
        query = "KFOR AND (troops"

        [[topic]]
        id = "kfor"
        query = "Kosovo"

        [[channel]]
        id = "desk"
        url = "${DESK_URL}"
        topics = ["ghost"]
    """


def write(directory: Path, text: str, name: str = "rules.toml") -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(path, env=env or {})
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


# -- the shipped configuration ---------------------------------------------------------------------

def test_shipped_rules_toml_loads():
    cfg = load(ROOT / "rules.toml", env={})
    assert [t.id for t in cfg.topics] == ["kfor-troops", "kosovo-escalation"]
    assert cfg.sources and len({s.id for s in cfg.sources}) == len(cfg.sources)
    assert {s.kind for s in cfg.sources} <= {"feed", "page", "sitemap"}
    assert cfg.channels == ()
    assert cfg.settings.allow_private_addresses is False
    assert cfg.settings.database == DEFAULT_DATABASE
    assert all(s.interval > 0 for s in cfg.sources)


def test_minimal_config_and_defaults(tmp_path):
    cfg = load(write(tmp_path, BASE), env={})
    assert cfg.settings == Settings()
    (source,) = cfg.sources
    assert (source.id, source.kind, source.url, source.interval) == ("feed-1", "feed", "https://example.org/rss.xml",
                                                                      600.0)
    (topic,) = cfg.topics
    assert (topic.id, topic.name, topic.fold_diacritics, topic.threshold, topic.severity) == (
        "kfor", "kfor", True, 1.0, "warning")
    assert cfg.source("feed-1") is source
    assert cfg.secrets() == []


def test_database_url_from_the_environment(tmp_path):
    cfg = load(write(tmp_path, BASE), env={"MONITOR_DATABASE_URL": "sqlite:///elsewhere.db"})
    assert cfg.settings.database == "sqlite:///elsewhere.db"


# -- one mistake each: file, entry, field, what would be right ----------------------------------------

CASES = {
    "unknown key": (
        SOURCE.replace('interval = "10m"', 'intervall = "10m"') + TOPIC,
        'source "feed-1": field "intervall"', ["unknown key", 'did you mean "interval"', "known keys are"]),
    "unknown key in [monitor]": (
        '[monitor]\ntimout = "5s"\n' + BASE,
        '[monitor]: field "timout"', ["unknown key", 'did you mean "timeout"']),
    "wrong type": (
        SOURCE + 'max_items = "ten"\n' + TOPIC,
        'source "feed-1": field "max_items"', ["'ten' is a str", "write a whole number"]),
    "wrong type, bool": (
        SOURCE + 'full_text = "yes"\n' + TOPIC,
        'source "feed-1": field "full_text"', ["'yes' is a str", "write true or false"]),
    "duplicate id": (
        BASE + TOPIC.replace("KFOR AND troops", "Kosovo"),
        'topic "kfor": field "id"', ["duplicate id", 'topic #1 already uses "kfor"', "unique"]),
    "undefined variable in a channel URL": (
        BASE + '[[channel]]\nid = "desk"\nurl = "${DESK_CHAT_URL}"\n',
        'channel "desk": field "url"', ["${DESK_CHAT_URL} is not set", "export DESK_CHAT_URL=",
                                         "MONITOR_SECRETS_FILE"]),
    "bad query syntax": (
        SOURCE + '[[topic]]\nid = "kfor"\nquery = "KFOR AND (troops"\n',
        'topic "kfor": field "query"', ["syntax error", "position 16", "expected ')'"]),
    "bad kind": (
        SOURCE.replace('"feed"', '"blog"') + TOPIC,
        'source "feed-1": field "kind"', ["'blog' is not a source kind", 'write "feed", "page" or "sitemap"']),
    "bad duration": (
        SOURCE.replace('"10m"', '"5 minutes"') + TOPIC,
        'source "feed-1": field "interval"', ["'5 minutes' is not a duration", 'write e.g. "30s", "5m"']),
    "bad duration in [monitor]": (
        '[monitor]\ntimeout = "soon"\n' + BASE,
        '[monitor]: field "timeout"', ["'soon' is not a duration", "write e.g."]),
    "invalid regex": (
        SOURCE + "link_pattern = '-post(\\d+\\.vov$'\n" + TOPIC,
        'source "feed-1": field "link_pattern"', ["not a valid regular expression", "fix or remove it"]),
    "invalid CSS selector": (
        SOURCE.replace('"feed"', '"page"') + 'links = "a.title[["\n' + TOPIC,
        'source "feed-1": field "links"', ["'a.title[[' is not a valid CSS selector", "write one such as"]),
    "invalid CSS selector in drop": (
        SOURCE + 'drop = ["figure", "div >> p"]\n' + TOPIC,
        'source "feed-1": field "drop"', ["'div >> p' is not a valid CSS selector"]),
    "unknown topic in a channel": (
        BASE + '[[channel]]\nid = "desk"\nurl = "json://127.0.0.1:9/x"\ntopics = ["kfor", "kosovo"]\n',
        'channel "desk": field "topics"', ['no topic has id "kosovo"', "known topics: kfor"]),
    "missing required field": (
        SOURCE.replace('url = "https://example.org/rss.xml"\n', "") + TOPIC,
        'source "feed-1": field "url"', ["missing", "an http(s) URL"]),
    "not an http URL": (
        SOURCE.replace("https://example.org/rss.xml", "ftp://example.org/rss.xml") + TOPIC,
        'source "feed-1": field "url"', ["is not an http(s) URL", "write e.g."]),
    "page source without links": (
        SOURCE.replace('"feed"', '"page"') + TOPIC,
        'source "feed-1": field "links"', ['needs "links"', "link_pattern"]),
    "bad severity": (
        SOURCE + TOPIC + 'severity = "urgent"\n',
        'topic "kfor": field "severity"', ["'urgent' is not a severity", '"critical"']),
    "bad id": (
        SOURCE.replace('"feed-1"', '"Feed One"') + TOPIC,
        'source "Feed One": field "id"', ["not a valid id", "lower-case"]),
    "unknown section": (
        BASE + '[[sources]]\nid = "x"\n',
        "[sources]", ["unknown section", "[[source]]"]),
    "concurrency 0": (
        "[monitor]\nconcurrency = 0\n" + BASE,
        '[monitor]: field "concurrency"', ["at least 1"]),
    "entry that is not a table": (
        'source = ["https://example.org/rss.xml"]\n' + TOPIC,
        "source #1", ["is not a table", "[[source]]"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_one_problem_names_file_entry_field_and_fix(tmp_path, case):
    text, where, fragments = CASES[case]
    path = write(tmp_path, text)
    (problem,) = problems(path)
    assert problem.startswith(f"{path}: {where}: "), problem
    for fragment in fragments:
        assert fragment in problem, f"{fragment!r} not in {problem!r}"


def test_toml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, '[monitor]\ntimeout = "20s"\npoll_tick = "30s\n' + BASE)
    (problem,) = problems(path)
    assert problem.startswith(f"{path}: TOML syntax error")
    assert "line 3" in problem
    assert "fix the line" in problem


def test_missing_file(tmp_path):
    (problem,) = problems(tmp_path / "nowhere.toml")
    assert "nowhere.toml" in problem and "file not found" in problem and "--config" in problem


def test_not_utf8(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_bytes(BASE.encode("utf-8") + b'\n# caf\xe9\n')
    (problem,) = problems(path)
    assert "not UTF-8" in problem and "save it as UTF-8" in problem


def test_every_problem_is_reported_at_once(tmp_path):
    path = write(tmp_path, MANY_PROBLEMS)
    found = problems(path)
    expected = [
        '[monitor]: field "timout": unknown key',
        'source "vov": field "kind"',
        'source "vov": field "interval"',
        'source "vov": field "link_pattern"',
        'source "vov": field "links"',
        'source "nato": field "max_items"',
        'topic "kfor": field "query": syntax error at position 16',
        'topic "kfor": field "id": duplicate id',
        'channel "desk": field "url": variable ${DESK_URL} is not set',
        'channel "desk": field "topics": no topic has id "ghost"',
    ]
    assert len(found) == len(expected), "\n".join(found)
    for want in expected:
        assert sum(p.startswith(f"{path}: {want}") for p in found) == 1, f"{want!r} in\n" + "\n".join(found)


# -- ${VAR}: environment and secrets file ------------------------------------------------------------

CHANNEL = BASE + """
[[channel]]
id = "desk"
url = "json://user:${DESK_PASSWORD}@127.0.0.1:9/x"
topics = ["kfor"]
"""


def test_variable_from_the_environment(tmp_path):
    cfg = load(write(tmp_path, CHANNEL), env={"DESK_PASSWORD": CANARY})
    (channel,) = cfg.channels
    assert channel.url == CANARY_URL
    assert channel.url_template == "json://user:${DESK_PASSWORD}@127.0.0.1:9/x"
    assert channel.topics == ("kfor",)
    assert CANARY not in repr(channel) and CANARY not in repr(cfg)
    assert CANARY in cfg.secrets()


def test_empty_variable_is_not_set(tmp_path):
    (problem,) = problems(write(tmp_path, CHANNEL), env={"DESK_PASSWORD": ""})
    assert "${DESK_PASSWORD} is not set" in problem


def test_variable_from_the_secrets_file_in_the_environment(tmp_path):
    secrets = tmp_path / "private" / "monitor.env"
    secrets.parent.mkdir()
    secrets.write_text(f"# desk credentials\n\nexport DESK_PASSWORD='{CANARY}'\nOTHER=1\n", encoding="utf-8")
    cfg = load(write(tmp_path, CHANNEL), env={"MONITOR_SECRETS_FILE": str(secrets)})
    assert cfg.channels[0].url == CANARY_URL


def test_variable_from_the_secrets_file_named_in_monitor(tmp_path):
    (tmp_path / "secrets.env").write_text(f"DESK_PASSWORD = {CANARY}\n", encoding="utf-8")
    cfg = load(write(tmp_path, '[monitor]\nsecrets_file = "secrets.env"\n' + CHANNEL), env={})
    assert cfg.settings.secrets_file == "secrets.env"
    assert cfg.channels[0].url == CANARY_URL


def test_unreadable_secrets_file(tmp_path):
    found = problems(write(tmp_path, CHANNEL), env={"MONITOR_SECRETS_FILE": str(tmp_path / "missing.env")})
    assert any('field "secrets_file"' in p and "cannot read" in p and "missing.env" in p for p in found)
    assert any("${DESK_PASSWORD} is not set" in p for p in found)


def test_secret_never_in_problems(tmp_path):
    """Problems elsewhere, and a resolved URL apprise rejects: the messages hold the template, not the secret."""
    text = CHANNEL.replace('"10m"', '"often"') + '\n[[channel]]\nid = "bad"\nurl = "${BAD_URL}"\n'
    found = problems(write(tmp_path, text),
                     env={"DESK_PASSWORD": CANARY, "BAD_URL": f"nosuchservice://user:{CANARY}@127.0.0.1/x"})
    assert len(found) == 2
    assert any('channel "bad": field "url": ${BAD_URL} is not an apprise URL' in p for p in found)
    assert not any(CANARY in p for p in found)


def test_inline_secret_is_not_echoed(tmp_path):
    text = BASE + f'[[channel]]\nid = "bad"\nurl = "nosuchservice://user:{CANARY}@127.0.0.1/x"\n'
    (problem,) = problems(write(tmp_path, text))
    assert CANARY not in problem and "(the URL given)" in problem


# -- topics_file --------------------------------------------------------------------------------------

def test_topics_file_adds_topics(tmp_path):
    write(tmp_path, """
        [[topic]]
        id = "kosovo-escalation"
        query = "Kosovo AND tension*"

        [[topic]]
        id = "kfor-troops"
        name = "KFOR troop changes"
        query = "KFOR AND troops"
        severity = "critical"
    """, name="topics.toml")
    cfg = load(write(tmp_path, '[monitor]\ntopics_file = "topics.toml"\n' + BASE +
                     '[[channel]]\nid = "desk"\nurl = "json://127.0.0.1:9/x"\ntopics = ["kfor-troops"]\n'), env={})
    assert [t.id for t in cfg.topics] == ["kosovo-escalation", "kfor-troops", "kfor"]
    assert cfg.topics[1].severity == "critical" and cfg.topics[1].name == "KFOR troop changes"
    assert cfg.channels[0].topics == ("kfor-troops",)


def test_topics_file_problems(tmp_path):
    included = write(tmp_path, '[[topic]]\nid = "inc"\nquery = "KFOR AND"\n', name="topics.toml")
    main = write(tmp_path, '[monitor]\ntopics_file = "topics.toml"\n' + BASE)
    (problem,) = problems(main)
    assert problem.startswith(f'{included}: topic "inc": field "query": syntax error at position 8')

    (problem,) = problems(write(tmp_path, '[monitor]\ntopics_file = "absent.toml"\n' + BASE, name="other.toml"))
    assert '[monitor]: field "topics_file"' in problem and "cannot read" in problem and "absent.toml" in problem

    write(tmp_path, "[[topic]\n", name="topics.toml")
    (problem,) = problems(main)
    assert '[monitor]: field "topics_file"' in problem and "TOML syntax error" in problem and "line 1" in problem


def test_duplicate_id_across_topics_file(tmp_path):
    write(tmp_path, TOPIC, name="topics.toml")
    (problem,) = problems(write(tmp_path, '[monitor]\ntopics_file = "topics.toml"\n' + BASE))
    assert 'topic "kfor": field "id": duplicate id' in problem


# -- durations ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, seconds", [
    ("90s", 90.0), ("5m", 300.0), ("1h", 3600.0), (30, 30.0), (2.5, 2.5), ("1d", 86400.0),
    ("1.5h", 5400.0), ("250ms", 0.25), ("45", 45.0), (" 10m ", 600.0),
])
def test_durations_parse(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["5 minutes", "1w", "", "m", "-5m", "0", 0, -1, True, math.nan, math.inf, None])
def test_bad_durations(value):
    with pytest.raises(ValueError):
        parse_duration(value)


@pytest.mark.parametrize("written, seconds", [('"90s"', 90.0), ('"5m"', 300.0), ('"1h"', 3600.0), ("30", 30.0)])
def test_durations_in_the_config(tmp_path, written, seconds):
    text = f"[monitor]\ntimeout = {written}\n" + SOURCE.replace('"10m"', written) + TOPIC
    cfg = load(write(tmp_path, text), env={})
    assert cfg.sources[0].interval == seconds
    assert cfg.settings.timeout == seconds
