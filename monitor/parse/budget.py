"""Parsing untrusted documents under a time budget, in worker processes.

A hostile feed can make a parser spin for seconds (feedparser's author regex on a long
``<author>``, issue #562) or eat memory; in a worker process that costs the daemon nothing but
the budget: a worker that overruns it is killed and replaced, the document is an error on its
own source, and every other source goes on. The workers also spread a cold round's parsing
over the machine's cores.

    pool = ParsePool(workers=2, budget=10.0)
    result = await pool.run(parse_feed, body, url, content_type, language)
    pool.close()

A job may need a value that is costly to build and to send, the same for every job (the compiled
topics): ``pool.share(name, build, arg, key)`` has each worker build ``build(arg())`` once, before its
next job, and again only when ``key`` is another object (a reloaded config); ``Shared(name)`` in a
job's arguments stands for the worker's value.

``InlineParser`` has the same interface and parses in the calling process, without a budget
(for one-shot tools and tests that do not need one).
"""

from __future__ import annotations

import asyncio
import importlib
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from monitor.parse.errors import BlockedPage, ParseError

T = TypeVar("T")
PRELOAD = ["monitor.parse.jobs"]  # the parsers and the pure stages after them, imported once for every worker
MEMORY_LIMIT = 1024 * 1024 * 1024  # address space of one worker: a runaway parse fails, not the machine


class ParseTimeout(ParseError):
    """A document took longer than the parse budget: hostile, or far too big."""


class WorkerCrashed(ParseError):
    """The worker process died while parsing (out of memory, a crash in a C library)."""


@dataclass(frozen=True)
class Job:
    """A worker's function, named by its module and its name: the daemon's process sends the name, and only the
    worker imports the module (the daemon never loads the parsers, the query compiler or the fact readers)."""

    module: str
    name: str

    def __call__(self, *args: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args)


@dataclass(frozen=True)
class Shared:
    """Stands in a job's arguments for the value each worker built for ``name`` (see ``ParsePool.share``)."""

    name: str


def _resolve(args: tuple, values: dict[str, Any]) -> tuple:
    return tuple(values[a.name] if isinstance(a, Shared) else a for a in args)


def _serve(conn: Connection) -> None:
    """A worker's loop: (function, args) in, ("ok", result) or ("error", kind, message, extra) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the daemon's to handle
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    shared: dict[str, Any] = {}  # this worker's shared values, built once (see ParsePool.share)
    while True:
        try:
            fn, args, builds = conn.recv()
        except (EOFError, OSError):
            return
        try:
            for name, (build, arg) in builds.items():
                shared.pop(name, None)
                shared[name] = build(arg)
            reply: tuple = ("ok", fn(*_resolve(args, shared)))
        except BlockedPage as e:
            reply = ("blocked", e.reason)
        except ParseError as e:
            reply = ("parse", type(e).__module__, type(e).__qualname__, str(e))
        except MemoryError:
            reply = ("parse", __name__, "WorkerCrashed", "the document needed more memory than a parse may use")
        except Exception as e:  # a parser bug on one document is that document's error
            reply = ("error", f"{type(e).__name__}: {e}")
        try:
            conn.send(reply)
        except Exception as e:  # an unpicklable result
            conn.send(("error", f"result could not be returned: {e}"))


def _rebuild(reply: tuple) -> Exception:
    kind = reply[0]
    if kind == "blocked":
        return BlockedPage(reply[1])
    if kind == "parse":
        cls = getattr(importlib.import_module(reply[1]), reply[2], ParseError)
        return cls(reply[3]) if isinstance(cls, type) and issubclass(cls, ParseError) else ParseError(reply[3])
    return RuntimeError(reply[1])


class _Worker:
    def __init__(self, ctx) -> None:
        self.versions: dict[str, int] = {}  # the shared values this worker holds, by version
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True, name="monitor-parse")
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(1)
        self.conn.close()


class ParsePool:
    def __init__(self, workers: int | None = None, budget: float = 10.0):
        self.budget = budget
        # by default one more than the cores: the daemon's own process shares them, and while it waits (a commit,
        # a write to a busy worker) the extra parser keeps them busy (a cold round of 1,000 feeds on 2 cores:
        # 2 workers 14.9-15.6 s, 3 workers 13.1-14.2 s)
        self.size = max(1, workers or (os.cpu_count() or 1) + 1)
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(PRELOAD)
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._shared: dict[str, tuple[int, Callable[[Any], Any], Any, Any]] = {}  # name: (version, build, arg, key)

    def share(self, name: str, build: Callable[[Any], Any], arg: Callable[[], Any], key: Any) -> Shared:
        """Have each worker hold ``build(arg())`` (built in the worker, before its next job) as ``Shared(name)``;
        built again only when ``key`` is another object. ``build`` and ``arg()`` must pickle."""
        current = self._shared.get(name)
        if current is None or current[1] is not build or current[3] is not key:
            self._shared[name] = ((current[0] + 1) if current else 1, build, arg(), key)
        return Shared(name)

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                worker = _Worker(self._ctx)
                self._workers.append(worker)
                self._idle.put_nowait(worker)
        return self._idle

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker; ParseTimeout past the budget, the worker's ParseError as raised."""
        idle = self._queue()
        worker = await idle.get()
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        sent = {name: shared[0] for name, shared in self._shared.items() if worker.versions.get(name) != shared[0]}
        builds = {name: self._shared[name][1:3] for name in sent}
        try:
            worker.conn.send((fn, args, builds))
            loop.add_reader(worker.conn.fileno(), lambda: done.done() or done.set_result(None))
            try:
                await asyncio.wait_for(done, self.budget)
            finally:
                loop.remove_reader(worker.conn.fileno())
            reply = worker.conn.recv()
        except TimeoutError:
            worker = self._replace(worker)
            raise ParseTimeout(f"parsing took longer than the budget of {self.budget:g}s and was stopped "
                               "(a hostile or malformed document?)") from None
        except (EOFError, OSError, BrokenPipeError):
            worker = self._replace(worker)
            raise WorkerCrashed("the parser process died on this document (out of memory?)") from None
        except BaseException:  # cancelled mid-parse: the worker's state is unknown
            worker = self._replace(worker)
            raise
        finally:
            idle.put_nowait(worker)
        if reply[0] == "ok":  # else the values are built again with the worker's next job
            worker.versions.update(sent)
            return reply[1]
        raise _rebuild(reply)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        if worker not in self._workers:  # the pool was closed under this job: nothing to start again
            return worker
        fresh = _Worker(self._ctx)
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def close(self) -> None:
        for worker in self._workers:
            worker.conn.close()  # the worker sees EOF and exits
        for worker in self._workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
        self._workers.clear()
        self._idle = None

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid]

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class InlineParser:
    """The ParsePool interface, parsing in this process (no budget)."""

    budget = None

    def __init__(self) -> None:
        self._shared: dict[str, tuple[Any, Any]] = {}  # name: (key, value)

    def share(self, name: str, build: Callable[[Any], Any], arg: Callable[[], Any], key: Any) -> Shared:
        current = self._shared.get(name)
        if current is None or current[0] is not key:
            self._shared[name] = (key, build(arg()))
        return Shared(name)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return fn(*_resolve(args, {name: value for name, (_, value) in self._shared.items()}))

    def close(self) -> None:
        pass

    def pids(self) -> list[int]:
        return []


__all__ = ["InlineParser", "Job", "ParsePool", "ParseTimeout", "Shared", "WorkerCrashed"]
