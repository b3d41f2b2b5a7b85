"""systemd's readiness protocol (``Type=notify``), without a dependency: a datagram to ``$NOTIFY_SOCKET``.

``notify("READY=1")`` when the daemon runs, ``RELOADING=1`` … ``READY=1`` around a config reload,
``STOPPING=1`` when it stops, ``WATCHDOG=1`` from the scheduler's heartbeat (with ``WatchdogSec=``
systemd restarts a daemon whose scheduler stopped ticking). Outside systemd it does nothing.
"""

from __future__ import annotations

import os
import socket
import time


def notify(*states: str) -> bool:
    """Send ``states`` (e.g. "READY=1", "STATUS=...") to systemd; False when not run by it or on error."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address or not states:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall("\n".join(states).encode())
        return True
    except OSError:
        return False


def reloading() -> bool:
    """RELOADING=1 with the monotonic time systemd's Type=notify-reload expects; older versions ignore it."""
    return notify("RELOADING=1", f"MONOTONIC_USEC={time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000}")


def watchdog_enabled() -> bool:
    return bool(os.environ.get("WATCHDOG_USEC")) and os.environ.get("WATCHDOG_PID", str(os.getpid())) == str(
        os.getpid())
