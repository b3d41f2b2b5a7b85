"""SQLite is for one daemon: a second `monitor run` on the same file is refused, saying why and what to do;
the commands that only read still work meanwhile, and after a SIGKILL a new daemon starts at once."""

from __future__ import annotations

import subprocess
import sys

from tests.kill.harness import DaemonProcess
from tests.notify.helpers import write_config


def test_a_second_instance_on_the_same_sqlite_file_is_refused(tmp_path, site):
    site.add("/feed.xml", "<rss version='2.0'><channel><title>t</title></channel></rss>", "application/rss+xml")
    config = write_config(tmp_path, {"outlet-a": site.url + "/feed.xml"}, "")
    first = DaemonProcess(config, {}, tmp_path / "first.log")
    first.start()
    try:
        first.wait_running()
        second = subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "run", "--once"],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert f"another `monitor run` (pid {first.proc.pid}) is using the SQLite database" in second.stderr
        assert "use PostgreSQL (MONITOR_DATABASE_URL=postgresql+psycopg://...)" in second.stderr
        sources = subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "sources"],
                                 capture_output=True, text=True, timeout=60)
        assert sources.returncode == 0 and "outlet-a" in sources.stdout, sources.stderr
        first.kill()
        again = DaemonProcess(config, {}, tmp_path / "again.log")
        again.start()
        again.wait_running()
        assert again.stop() == 0
    finally:
        if first.proc.poll() is None:
            first.stop()
