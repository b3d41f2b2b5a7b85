"""Fixtures of the ops tests."""

from __future__ import annotations

import pytest

from monitor import config as config_mod
from monitor.store import Store
from tests.ops.service import closed_port_url, config_text, monitor_env, populate, run_cli
from tests.servers import NewsSite


@pytest.fixture(scope="session")
def polled(tmp_path_factory):
    """One real round (`monitor run --once`) against the loopback site; the webhook is down."""
    tmp = tmp_path_factory.mktemp("web")
    site = NewsSite()
    populate(site)
    database = f"sqlite:///{tmp / 'monitor.db'}"
    path = tmp / "rules.toml"
    path.write_text(config_text(site, database), encoding="utf-8")
    env = monitor_env(path, closed_port_url())
    out = run_cli(env, "run", "--once")
    assert out.returncode == 0, out.stderr
    cfg = config_mod.load(path, env=env)
    store = Store(database)
    yield cfg, store, site
    store.close()
    site.close()
