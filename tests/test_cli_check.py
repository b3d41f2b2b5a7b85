"""``monitor check`` as the operator runs it: a subprocess, its exit status, what it prints."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.test_config import MANY_PROBLEMS

ROOT = Path(__file__).resolve().parent.parent
CANARY = "s3cr3t-canary-9f2"

VALID = """
[[source]]
id = "feed-1"
kind = "feed"
url = "https://example.org/rss.xml"
interval = "10m"

[[topic]]
id = "kfor"
name = "KFOR"
query = "KFOR AND troops"

[[channel]]
id = "desk-chat"
url = "json://user:${DESK_PASSWORD}@127.0.0.1:9/x"
topics = ["kfor"]
"""


def check(config: Path, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "check"],
                          cwd=cwd, env={**base, **env}, capture_output=True, text=True, timeout=60)


def write(directory: Path, text: str, name: str = "rules.toml") -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_config_checks(tmp_path):
    run = check(ROOT / "rules.toml", tmp_path)
    assert run.returncode == 0, run.stderr
    assert "rules.toml: OK" in run.stdout
    assert "2 topics:" in run.stdout
    assert "kfor-troops" in run.stdout and "kosovo-escalation" in run.stdout
    assert "0 channels:" in run.stdout
    assert "problem" not in run.stderr


def test_secret_from_the_environment_is_never_printed(tmp_path):
    run = check(write(tmp_path, VALID), tmp_path, DESK_PASSWORD=CANARY)
    assert run.returncode == 0, run.stderr
    assert "1 channels:" in run.stdout
    assert "desk-chat" in run.stdout and "json://" in run.stdout and "${DESK_PASSWORD}" in run.stdout
    assert CANARY not in run.stdout + run.stderr


def test_secret_from_the_secrets_file_is_never_printed(tmp_path):
    secrets = write(tmp_path, f"DESK_PASSWORD={CANARY}\nBAD_URL=nosuchservice://user:{CANARY}@127.0.0.1/x\n",
                    name="monitor.env")
    run = check(write(tmp_path, VALID), tmp_path, MONITOR_SECRETS_FILE=str(secrets))
    assert run.returncode == 0, run.stderr
    assert "desk-chat" in run.stdout
    assert CANARY not in run.stdout + run.stderr

    # the same secrets, now with problems: neither the problems nor any log line shows them
    broken = VALID.replace('"10m"', '"often"') + '\n[[channel]]\nid = "bad"\nurl = "${BAD_URL}"\n'
    run = check(write(tmp_path, broken, name="broken.toml"), tmp_path, MONITOR_SECRETS_FILE=str(secrets))
    assert run.returncode == 2
    assert "2 problem(s)" in run.stderr
    assert 'field "interval"' in run.stderr and "${BAD_URL} is not an apprise URL" in run.stderr
    assert CANARY not in run.stdout + run.stderr


def test_every_problem_one_line_each_exit_2(tmp_path):
    path = write(tmp_path, MANY_PROBLEMS)
    run = check(path, tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert lines[0] == "monitor: the configuration has 10 problem(s):"
    problems = [line.strip() for line in lines[1:]]
    assert len(problems) == 10, run.stderr
    assert all(p.startswith(f"{path}: ") for p in problems)
    expected = [
        ('[monitor]: field "timout"', 'did you mean "timeout"'),
        ('source "vov": field "kind"', 'write "feed", "page" or "sitemap"'),
        ('source "vov": field "interval"', 'write e.g. "30s"'),
        ('source "vov": field "link_pattern"', "not a valid regular expression"),
        ('source "vov": field "links"', "not a valid CSS selector"),
        ('source "nato": field "max_items"', "write a whole number"),
        ('topic "kfor": field "query"', "position 16"),
        ('topic "kfor": field "id"', "duplicate id"),
        ('channel "desk": field "url"', "export DESK_URL="),
        ('channel "desk": field "topics"', 'no topic has id "ghost"'),
    ]
    for where, fix in expected:
        assert any(where in p and fix in p for p in problems), f"{where} / {fix}:\n{run.stderr}"


def test_toml_syntax_error(tmp_path):
    path = write(tmp_path, '[monitor]\ntimeout = "20s"\npoll_tick = "30s\n')
    run = check(path, tmp_path)
    assert run.returncode == 2
    assert str(path) in run.stderr and "TOML syntax error" in run.stderr and "line 3" in run.stderr


def test_missing_config_file(tmp_path):
    run = check(tmp_path / "nowhere.toml", tmp_path)
    assert run.returncode == 2
    assert "nowhere.toml: file not found" in run.stderr
