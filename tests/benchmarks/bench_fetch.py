"""Poll-round throughput: the daemon against a loopback feed farm, and urlwatch on the same farm.

    .venv/bin/python tests/benchmarks/bench_fetch.py --feeds 1000 --items 30

The farm (a separate process, aiohttp) serves N RSS feeds of M items (~50 KB each at M = 30)
spread over 127.0.0.2–127.0.0.9, with ETag / Last-Modified and 304s, and a control URL that adds
one new item to 5 % of the feeds. The farm's hosts are configured as a user would configure their
own servers: no politeness delay, 16 requests in flight per host, robots.txt obeyed (the farm
serves one that allows everything).

Rounds, each measured inside one running daemon process (as the daemon polls for months):
cold (every item new: parse, match, store), unchanged (every feed answers 304), incremental
(one new item in 5 % of the feeds). CPU counts the daemon process and every process it starts (the parse
workers and the forkserver they are started from); peak RSS is the daemon process's (workers' peaks printed
apart). The daemon's start-up (imports, config, database) is printed on its own line, and added to the cold
round on a line of its own, as changedetection.io's first round would be measured (its start-up included).
The daemon matches with two small topics of the farm's own;
--shipped-topics matches with rules.toml's instead (as a real deployment does, and far more costly here:
the farm's items name NATO and Kosovo, so the prefilter lets most of them through to the shipped queries).

urlwatch (PyPI, one URL job per feed, its defaults) is installed into a throwaway venv in a temp
folder and run as a user would run it, one process per round; its figures include its start-up.
With --no-urlwatch, or when it cannot be installed (offline), that part is skipped with a note.
Not collected by pytest (bench_*.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOSTS = [f"127.0.0.{i}" for i in range(2, 10)]
CLK = os.sysconf("SC_CLK_TCK")

WORDS = ("NATO Kosovo Serbia Pristina exercise ministers summit security forces regional stability dialogue "
         "Brussels agreement border mission command council report weather market election school river road "
         "hòa bình an ninh khu vực đối thoại thỏa thuận biên giới kinh tế thời tiết giáo dục").split()
MATCH_EVERY = 25  # one item in this many is about KFOR troops: it alerts (unless it is the same story)


def _item(feed: int, n: int, host: str, port: int) -> str:
    """Item n of a feed: ~1.6 KB of words drawn at random (seeded), its own story; one in MATCH_EVERY on topic."""
    rnd = random.Random(feed * 1_000_003 + n)
    words = [rnd.choice(WORDS) for _ in range(220)]
    if (feed + n) % MATCH_EVERY == 0:
        words[10:13] = ["KFOR", "troops", "deployed"]
    text = " ".join(words)
    stamp = formatdate(1_750_000_000 + feed * 100 + n * 3600, usegmt=True)
    return (f"<item><title>Item {n} of feed {feed}: {' '.join(words[:8])}</title>"
            f"<link>http://{host}:{port}/a/{feed}/{n}.html</link><guid>farm-{feed}-{n}</guid>"
            f"<pubDate>{stamp}</pubDate><description>{text}</description></item>")


class Farm:
    def __init__(self, feeds: int, items: int, port: int):
        self.feeds, self.items, self.port = feeds, items, port
        self.count = [items] * feeds  # items of each feed: the newest M are served
        self.version = [0] * feeds
        self.body: list[bytes] = [self._render(i) for i in range(feeds)]

    def host(self, feed: int) -> str:
        return HOSTS[feed % len(HOSTS)]

    def _render(self, feed: int) -> bytes:
        host = self.host(feed)
        top = self.count[feed]
        items = "".join(_item(feed, n, host, self.port) for n in range(top - 1, top - 1 - self.items, -1))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Farm feed {feed}'
                f"</title><link>http://{host}:{self.port}/</link><description>loopback farm</description>"
                f"{items}</channel></rss>").encode()

    def add(self, every: int) -> int:
        changed = 0
        for i in range(0, self.feeds, every):
            self.count[i] += 1
            self.version[i] += 1
            self.body[i] = self._render(i)
            changed += 1
        return changed

    def serve(self) -> None:
        from aiohttp import web

        started = formatdate(time.time() - 3600, usegmt=True)

        async def feed(request):
            i = int(request.match_info["n"])
            if not 0 <= i < self.feeds:
                raise web.HTTPNotFound()
            etag = f'"f{i}-v{self.version[i]}"'
            modified = started if self.version[i] == 0 else formatdate(1_800_000_000 + self.version[i], usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified}
            if request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers=headers)
            return web.Response(body=self.body[i], headers=headers, content_type="application/rss+xml",
                                charset="utf-8")

        async def robots(request):
            return web.Response(text="User-agent: *\nDisallow: /private/\n")

        async def control(request):
            return web.Response(text=str(self.add(int(request.query.get("every", "20")))))

        app = web.Application()
        app.router.add_get("/feed/{n}.xml", feed)
        app.router.add_get("/robots.txt", robots)
        app.router.add_post("/control/add", control)

        async def main():
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            for host in HOSTS:
                await web.TCPSite(runner, host, self.port, backlog=4096).start()
            print("ready", flush=True)
            await asyncio.Event().wait()

        asyncio.run(main())


def add_items(port: int) -> int:
    req = urllib.request.Request(f"http://{HOSTS[0]}:{port}/control/add?every=20", method="POST", data=b"")
    with urllib.request.urlopen(req, timeout=30) as r:
        return int(r.read())


# -- the daemon ---------------------------------------------------------------------------------------------

def write_config(folder: Path, urls: list[str], shipped_topics: bool = False) -> Path:
    """The farm's sources, and two small topics of its own; ``shipped_topics``: rules.toml's topics instead (their
    queries are far larger, and the farm's items, which name NATO and Kosovo, make them test most items)."""
    lines = ["[monitor]", f'database = "sqlite:///{(folder / "monitor.db").as_posix()}"',
             "allow_private_addresses = true", "concurrency = 64", "host_concurrency = 16", "politeness_delay = 0",
             'timeout = "30s"']
    if shipped_topics:
        lines += [f'topics_file = "{(ROOT / "rules.toml").as_posix()}"', ""]
    else:
        lines += ["", "[[topic]]", 'id = "kfor-troops"', 'name = "KFOR troop changes"',
                  """query = 'KFOR AND (troops OR deployment OR "quân đội")'""", "", "[[topic]]",
                  'id = "kosovo-escalation"', 'name = "Kosovo escalation"',
                  """query = '(Kosovo OR Pristina) AND (border NEAR/5 patrol OR clashes)'""", ""]
    # the alerts' deliveries are written in the round (the outbox); nothing is sent during it
    lines += ["[[channel]]", 'id = "desk-webhook"', 'url = "json://127.0.0.1:9/alerts"', ""]
    for i, url in enumerate(urls):
        lines += ["[[source]]", f'id = "farm-{i}"', 'kind = "feed"', f'url = "{url}"', 'interval = "1h"',
                  'language = "en"', ""]
    path = folder / "farm.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _proc_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK
    except (OSError, IndexError, ValueError):
        return 0.0


def _proc_hwm(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    """Every live process under ``pid``: the parse workers and the forkserver that starts them."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text().split()]
            except (OSError, ValueError):
                continue
            found += kids
            todo += kids
    return found


def _self_cpu() -> float:
    t = os.times()
    return t.user + t.system


def daemon_rounds(config_path: str, port: int) -> None:
    """Run in a child process: print one JSON line per round."""
    t0, c0 = time.perf_counter(), _self_cpu()
    from monitor import config as config_mod
    from monitor.daemon import Daemon
    from monitor.logging_setup import setup_logging
    from monitor.store import Store

    setup_logging(os.environ.get("MONITOR_LOG_LEVEL", "INFO"))  # as `monitor run` does
    config = config_mod.load(config_path)
    store = Store(config.settings.database)
    daemon = Daemon(config, store)
    daemon.parser = daemon._parse_pool()
    print(json.dumps({"round": "start-up", "wall": time.perf_counter() - t0, "cpu": _self_cpu() - c0,
                      "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)

    async def rounds():
        async with daemon._fetcher() as fetcher:
            for name in ("cold", "unchanged", "incremental"):
                if name == "incremental":
                    await asyncio.to_thread(add_items, port)
                w0 = sum(_proc_cpu(p) for p in _descendants(os.getpid()))
                t, c = time.perf_counter(), _self_cpu()
                outcomes = await daemon.poll(fetcher, all_sources=True)
                wall, cpu = time.perf_counter() - t, _self_cpu() - c
                workers = daemon.parser.pids()
                wcpu = sum(_proc_cpu(p) for p in _descendants(os.getpid())) - w0  # the forkserver's start-up too
                bad = [o for o in outcomes if not o.ok]
                print(json.dumps({
                    "round": name, "wall": wall, "cpu": cpu + wcpu, "cpu_main": cpu, "cpu_workers": wcpu,
                    "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                    "rss_workers": max((_proc_hwm(p) for p in workers), default=0.0),
                    "polled": len(outcomes), "failed": len(bad), "new": sum(o.items_new for o in outcomes),
                    "alerts": sum(len(o.alerts) for o in outcomes),
                    "first_error": bad[0].error if bad else None}), flush=True)

    asyncio.run(rounds())
    daemon.parser.close()


# -- urlwatch ---------------------------------------------------------------------------------------------

def install_urlwatch(folder: Path) -> Path | None:
    venv = folder / "urlwatch-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "urlwatch"], check=True, capture_output=True,
                       timeout=600)
    except (subprocess.SubprocessError, OSError) as e:
        detail = getattr(e, "stderr", b"") or b""
        print(f"urlwatch: skipped, it could not be installed ({e.__class__.__name__}: "
              f"{detail.decode(errors='replace').strip()[-200:]})")
        return None
    return venv / "bin" / "urlwatch"


def run_measured(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict:
    t = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "ok": os.waitstatus_to_exitcode(status) == 0, "stderr": err[-300:]}


def urlwatch_rounds(urlwatch: Path, folder: Path, urls: list[str], port: int) -> dict[str, dict]:
    jobs = folder / "urls.yaml"
    jobs.write_text("---\n".join(f"name: feed {i}\nurl: {u}\n" for i, u in enumerate(urls)), encoding="utf-8")
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_CACHE_HOME": str(folder / "cache")}
    argv = [str(urlwatch), "--urls", str(jobs), "--config", str(folder / "urlwatch.yaml"),
            "--cache", str(folder / "cache.db")]
    out = {}
    for name in ("cold", "unchanged", "incremental"):
        if name == "incremental":
            add_items(port)
        out[name] = run_measured(argv, folder, env)
        if not out[name]["ok"]:
            print(f"urlwatch {name}: exit status not 0: {out[name]['stderr']}")
    return out


# -- the run ------------------------------------------------------------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOSTS[0], 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--items", type=int, default=30)
    ap.add_argument("--no-urlwatch", action="store_true")
    ap.add_argument("--shipped-topics", action="store_true",
                    help="match with rules.toml's topics rather than the farm's two small ones")
    ap.add_argument("--log-level", default="ERROR",
                    help="the daemon's MONITOR_LOG_LEVEL (its log goes to a pipe, as to a journal); WARNING adds "
                         "one line per alert (1,200 in the cold round), INFO one per poll")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--daemon", metavar="CONFIG", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        Farm(args.feeds, args.items, args.port).serve()
        return 0
    if args.daemon:
        daemon_rounds(args.daemon, args.port)
        return 0

    port = _free_port()
    folder = Path(tempfile.mkdtemp(prefix="bench-fetch-"))
    farm = subprocess.Popen([sys.executable, __file__, "--serve", "--feeds", str(args.feeds), "--items",
                             str(args.items), "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        if farm.stdout.readline().strip() != "ready":
            print("the farm did not start")
            return 1
        urls = [f"http://{HOSTS[i % len(HOSTS)]}:{port}/feed/{i}.xml" for i in range(args.feeds)]
        size = len(urllib.request.urlopen(urls[0], timeout=10).read())
        print(f"farm: {args.feeds} feeds x {args.items} items (~{size / 1024:.0f} KB per feed) on "
              f"{HOSTS[0]}-{HOSTS[-1]}:{port}; {os.cpu_count()} CPU cores; daemon log level {args.log_level}")
        config = write_config(folder, urls, args.shipped_topics)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MONITOR_LOG_LEVEL": args.log_level}
        proc = subprocess.run([sys.executable, __file__, "--daemon", str(config), "--port", str(port)],
                              capture_output=True, text=True, env=env, cwd=folder)
        ours = {}
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                row = json.loads(line)
                ours[row["round"]] = row
        if proc.returncode != 0 or "incremental" not in ours:
            print(f"the daemon run failed:\n{proc.stderr[-3000:]}")
            return 1
        s = ours["start-up"]
        print(f"\nmonitor start-up (imports, config, database): {s['wall']:.2f} s wall, {s['cpu']:.2f} s CPU\n")
        print(f"{'round':<12} {'tool':<9} {'wall s':>7} {'CPU s':>7} {'peak RSS MB':>12}  notes")
        theirs: dict[str, dict] = {}
        if not args.no_urlwatch:
            urlwatch = install_urlwatch(folder)
            if urlwatch:
                theirs = urlwatch_rounds(urlwatch, folder, urls, port)
        else:
            print("urlwatch: skipped (--no-urlwatch)")
        for name in ("cold", "unchanged", "incremental"):
            o = ours[name]
            print(f"{name:<12} {'monitor':<9} {o['wall']:>7.2f} {o['cpu']:>7.2f} {o['rss']:>12.0f}  "
                  f"{o['polled']} polled, {o['failed']} failed, {o['new']} new, {o['alerts']} alerts; "
                  f"CPU main {o['cpu_main']:.2f} + "
                  f"workers {o['cpu_workers']:.2f}; worker peak RSS {o['rss_workers']:.0f} MB"
                  + (f"; first error: {o['first_error']}" if o["first_error"] else ""))
            if name == "cold":
                print(f"{'':<12} {'monitor':<9} {s['wall'] + o['wall']:>7.2f} {s['cpu'] + o['cpu']:>7.2f} {'':>12}  "
                      "start-up and cold round together (whole process, as changedetection.io's first round is "
                      "measured)")
            if name in theirs:
                t = theirs[name]
                print(f"{'':<12} {'urlwatch':<9} {t['wall']:>7.2f} {t['cpu']:>7.2f} {t['rss']:>12.0f}  "
                      f"(whole process, start-up included)")
                print(f"{'':<12} {'ratio':<9} {t['wall'] / o['wall']:>6.1f}x {t['cpu'] / max(o['cpu'], 1e-9):>6.1f}x"
                      f" {t['rss'] / o['rss']:>11.1f}x  urlwatch / monitor")
        return 0
    finally:
        farm.terminate()
        farm.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
