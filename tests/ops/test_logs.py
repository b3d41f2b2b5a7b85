"""Logs: one line per event, text or JSON, every line about a source or an alert names it, no secret ever."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest

from monitor.logging_setup import setup_logging
from monitor.redact import Redactor, secrets_of_url
from tests.ops.service import CANARY, closed_port_url, config_text, monitor_env, populate, run_cli

TEXT_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (DEBUG|INFO|WARNING|ERROR|CRITICAL) +[\w.]+: ")


@pytest.fixture
def capture():
    """The root logger's one handler writing to a buffer; the previous handlers come back after."""
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level

    def install(fmt: str) -> io.StringIO:
        buffer = io.StringIO()
        redactor = Redactor(secrets_of_url(f"json://127.0.0.1:9/hooks/{CANARY}"))
        setup_logging("INFO", fmt, stream=buffer, redactor=redactor)
        return buffer

    yield install
    root.handlers[:] = saved
    root.setLevel(level)


def emit_events() -> None:
    log = logging.getLogger("monitor.test")
    log.warning("source vov-world: network error: cannot reach json://127.0.0.1:9/hooks/%s", CANARY)
    log.warning("ALERT 0123456789ab [Kosovo] Title\nline two of the body\n(delivery: desk-hook)")
    log.warning("alert 0123456789ab to channel desk-hook failed (attempt 1), retry in 60s: refused")
    try:
        raise ConnectionError(f"refused by json://127.0.0.1:9/hooks/{CANARY}")
    except ConnectionError:
        log.exception("source vov-world: unexpected error")


def test_json_lines_parse_name_what_they_are_about_and_mask_secrets(capture):
    buffer = capture("json")
    emit_events()
    text = buffer.getvalue()
    assert CANARY not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == 4, "one line per event, the multi-line alert and the traceback included"
    assert lines[0]["source"] == "vov-world" and "****" in lines[0]["message"]
    assert lines[1]["alert"] == "0123456789ab" and "line two of the body" in lines[1]["message"]
    assert lines[2]["alert"] == "0123456789ab" and lines[2]["channel"] == "desk-hook"
    assert lines[3]["source"] == "vov-world" and "ConnectionError: refused by" in lines[3]["exception"]
    assert {"time", "level", "logger", "message"} <= set(lines[0])
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", lines[0]["time"])


def test_text_lines_are_one_per_event_and_mask_secrets(capture):
    buffer = capture("text")
    emit_events()
    lines = buffer.getvalue().splitlines()
    assert CANARY not in buffer.getvalue()
    assert len(lines) == 4 and all(TEXT_LINE.match(line) for line in lines)
    assert "source vov-world: network error" in lines[0]
    assert "ALERT 0123456789ab [Kosovo] Title | line two of the body | (delivery: desk-hook)" in lines[1]
    assert "Traceback (most recent call last):" in lines[3] and "ConnectionError: refused by" in lines[3]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_real_round_logs_no_secret(fmt, site, tmp_path):
    populate(site)
    path = tmp_path / "rules.toml"
    path.write_text(config_text(site, f"sqlite:///{tmp_path / 'm.db'}"), encoding="utf-8")
    out = run_cli(monitor_env(path, closed_port_url()), "--log-format", fmt, "run", "--once")
    assert out.returncode == 0, out.stderr
    assert CANARY not in out.stderr + out.stdout
    lines = out.stderr.splitlines()
    if fmt == "text":
        assert lines and all(TEXT_LINE.match(line) for line in lines), out.stderr
        assert any("source broken: http error" in line for line in lines)
        return
    records = [json.loads(line) for line in lines]
    about_sources = [r for r in records if r["logger"] == "monitor.pipeline"]
    assert about_sources and all(r.get("source") or r.get("alert") for r in about_sources), about_sources
    assert {r.get("source") for r in about_sources} >= {"world", "region", "broken"}
    failed = [r for r in records if r["logger"].startswith("monitor.notify") and r["level"] == "WARNING"]
    assert failed and all(r.get("alert") and r.get("channel") == "desk-hook" for r in failed), records
    alerts = [r for r in records if r["message"].startswith("ALERT ")]
    assert len(alerts) == 2 and all(r.get("alert") for r in alerts)


def test_log_format_from_the_environment(site, tmp_path):
    populate(site)
    path = tmp_path / "rules.toml"
    path.write_text(config_text(site, f"sqlite:///{tmp_path / 'm.db'}"), encoding="utf-8")
    out = run_cli(monitor_env(path, closed_port_url(), MONITOR_LOG_FORMAT="json"), "run", "--once")
    assert out.returncode == 0 and all(json.loads(line) for line in out.stderr.splitlines())
