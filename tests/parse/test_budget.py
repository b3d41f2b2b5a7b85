"""The parse pool: a job past the budget or one that kills its worker is that job's error only, and a pool
closed with a job under way leaves no process behind. Stdlib functions stand for jobs: a worker imports a
job's function by name."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from monitor.parse.budget import ParsePool, ParseTimeout, WorkerCrashed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped) counts as gone
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def test_a_job_past_the_budget_is_stopped_and_the_next_job_runs() -> None:
    async def main():
        with ParsePool(workers=1, budget=0.5) as pool:
            assert await pool.run(len, b"abc") == 3
            (before,) = pool.pids()
            started = time.monotonic()
            with pytest.raises(ParseTimeout, match="budget of 0.5s"):
                await pool.run(time.sleep, 30)
            assert time.monotonic() - started < 10
            assert await pool.run(len, b"abcd") == 4
            assert pool.pids() != [before] and not _alive(before)

    asyncio.run(main())


def test_a_job_that_kills_its_worker_is_its_own_error() -> None:
    async def main():
        with ParsePool(workers=1, budget=10) as pool:
            with pytest.raises(WorkerCrashed):
                await pool.run(os._exit, 3)
            assert await pool.run(len, b"ab") == 2

    asyncio.run(main())


def test_closing_the_pool_under_a_running_job_leaves_no_worker() -> None:
    async def main():
        pool = ParsePool(workers=2, budget=30)
        assert await pool.run(len, b"") == 0
        pids = pool.pids()
        job = asyncio.ensure_future(pool.run(time.sleep, 30))
        await asyncio.sleep(0.3)  # the job is under way in a worker
        pool.close()
        with pytest.raises(WorkerCrashed):
            await asyncio.wait_for(job, 10)
        assert pool.pids() == []  # none started in place of the closed ones
        deadline = time.monotonic() + 5
        while any(map(_alive, pids)) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert not any(map(_alive, pids))

    asyncio.run(main())
