"""Run the `monitor` command as a user does: a separate process, its own environment."""

from __future__ import annotations

import subprocess
import sys


def monitor(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
