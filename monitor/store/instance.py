"""Who this daemon is among several, and the guard that keeps a SQLite database to one daemon.

On PostgreSQL several ``monitor run`` share the work through leases (``monitor.store.leases``),
each under an instance id. SQLite is for one daemon: ``hold_sqlite`` takes an OS lock on a file
beside the database for the life of the process, and a second daemon is refused with a message.
The kernel drops the lock when the process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import socket
from pathlib import Path

from monitor.store.errors import StoreError


def instance_id() -> str:
    """host:pid:random, unique among the instances sharing a database (the random part survives pid reuse)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database or another kind."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:"):
        return None
    return Path(url.removeprefix("sqlite:///").split("?", 1)[0])


class SingleInstance:
    """An exclusive ``flock`` on ``<database>.lock``, held until ``release`` or the process ends."""

    def __init__(self, database: Path):
        self.path = database.with_name(database.name + ".lock")
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self._fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(self._fd)
            self._fd = None
            raise StoreError(
                f"another `monitor run` (pid {holder}) is using the SQLite database {database}; "
                "SQLite is for one instance: stop the other one first, or, to run several instances, "
                "use PostgreSQL (MONITOR_DATABASE_URL=postgresql+psycopg://...)") from None
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None


def hold_sqlite(url: str) -> SingleInstance | None:
    """The single-instance guard of a SQLite database file; None (no guard needed) for other databases."""
    path = sqlite_path(url)
    return SingleInstance(path) if path is not None else None
