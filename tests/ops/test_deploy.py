"""The deploy files hold together: the unit verifies, the env example names every variable, the
compose file and the image build file say what the operator's guide promises.

The image cannot be built here (no container engine runs in CI); its file is checked as text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def env_example() -> dict[str, str]:
    out = {}
    for line in (DEPLOY / "monitor.env.example").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^#?([A-Z][A-Z0-9_]*)=(.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def test_the_env_example_names_every_variable_the_code_and_rules_read():
    read = set()
    for path in (ROOT / "monitor").rglob("*.py"):
        read |= set(re.findall(r"\b(MONITOR_[A-Z_]+)\b", path.read_text(encoding="utf-8")))
    read |= set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)\}", (ROOT / "rules.toml").read_text(encoding="utf-8")))
    missing = sorted(read - set(env_example()))
    assert not missing, f"deploy/monitor.env.example lacks {missing}"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_unit_verifies(tmp_path):
    unit = (DEPLOY / "monitor.service").read_text(encoding="utf-8")
    for key in ("Type=notify", "WatchdogSec=", "DynamicUser=yes", "StateDirectory=monitor", "ProtectSystem=strict",
                "NoNewPrivileges=yes", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID"):
        assert key in unit
    # verify checks that ExecStart exists: point it at this checkout's monitor for the check only
    executable = Path(sys.executable).parent / "monitor"
    (tmp_path / "monitor.service").write_text(unit.replace("/opt/monitor/bin/monitor", str(executable)),
                                              encoding="utf-8")
    out = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "monitor.service")], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and "monitor.service" not in out.stderr, out.stderr


def test_compose_runs_the_daemon_on_postgres_with_a_health_checked_database():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"monitor", "postgres"}
    daemon = services["monitor"]
    assert daemon["build"]["dockerfile"] == "deploy/Containerfile"
    assert (ROOT / daemon["build"]["context"].replace("..", ".")).is_dir()
    assert daemon["environment"]["MONITOR_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert daemon["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert daemon["ports"] == ["127.0.0.1:9464:9464"], "the endpoint is published on the host's loopback only"
    assert daemon["read_only"] is True and daemon["cap_drop"] == ["ALL"]
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])


def test_the_image_is_slim_non_root_and_health_checked():
    text = (DEPLOY / "Containerfile").read_text(encoding="utf-8")
    bases = re.findall(r"^FROM (\S+)", text, re.M)
    assert bases and all("slim" in b for b in bases)
    user = re.findall(r"^USER (\S+)", text, re.M)
    assert user and user[-1].split(":")[0] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, re.M)
    assert "MONITOR_LISTEN=0.0.0.0:9464" in text
    for copied in re.findall(r"^COPY (?!--from)(.+) \S+$", text, re.M):
        for path in copied.split():
            assert (ROOT / path).exists(), f"the Containerfile copies {path}, which is not in the repository"
