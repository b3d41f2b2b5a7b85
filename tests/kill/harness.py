"""The daemon as a real subprocess against loopback servers, and what its notifiers received."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ALERT_ID = re.compile(r"Alert id: ([0-9a-f]{12})")


class DaemonProcess:
    """``monitor run`` in a subprocess; its stderr goes to a file the test can read."""

    def __init__(self, config: Path, env: dict[str, str], log: Path):
        self.config, self.env, self.log = config, {**os.environ, **env}, log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self._offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(self.config), "run"],
                                         env=self.env, stdout=subprocess.DEVNULL, stderr=err)

    def wait_running(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.log.open("rb") as f:
                f.seek(self._offset)
                if b"monitor running" in f.read():
                    return
            if self.proc.poll() is not None:
                raise AssertionError(f"the daemon exited with {self.proc.returncode}:\n{self.output()[-3000:]}")
            time.sleep(0.02)
        raise AssertionError("the daemon did not start in time:\n" + self.output()[-3000:])

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


def received_ids(smtp, webhook) -> dict[str, Counter]:
    """Alert ids as each channel received them (from the email header and the chat text), with counts."""
    mail = Counter(str(m["X-Monitor-Alert-Id"]) for m in list(smtp.messages))
    chat = Counter(i for m in webhook.received() for i in ALERT_ID.findall(m.get("message", "")))
    return {"desk-email": mail, "desk-chat": chat}


def wait_for(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def channels() -> str:
    return ('[[channel]]\nid = "desk-email"\nurl = "${EMAIL_URL}"\n\n'
            '[[channel]]\nid = "desk-chat"\nurl = "${HOOK_URL}"\n')
