"""``monitor db copy --to URL``: all state of one database into another, empty one (SQLite → PostgreSQL).

Both are brought to this version's schema first; rows are copied table by table in foreign-key
order, in batches, in one transaction on the target (a failure leaves it empty). Leases are not
copied: they belong to the instances of the old database. The daemon must be stopped meanwhile.
"""

from __future__ import annotations

import sys

from sqlalchemy import Integer, func, select, text
from sqlmodel import SQLModel

from monitor.store import migrate
from monitor.store.db import open_engine, safe_url
from monitor.store.errors import StoreError

BATCH = 1000
LEASE_COLUMNS = ("lease_owner", "lease_until")


def copy_database(source_url: str, target_url: str, out=sys.stdout) -> int:
    source = open_engine(source_url, "upgrade")
    target = open_engine(target_url, "upgrade")
    try:
        tables = [t for t in SQLModel.metadata.sorted_tables if t.name != "channel_lease"]
        with target.connect() as conn:
            filled = [t.name for t in tables if conn.execute(select(func.count()).select_from(t)).scalar()]
        if filled:
            raise StoreError(f"the target database {safe_url(target_url)} is not empty (rows in "
                             f"{', '.join(filled)}); copy into a new, empty database")
        counts = {}
        with source.connect() as src, target.begin() as dst:
            for table in tables:
                n = 0
                result = src.execution_options(stream_results=True).execute(select(table))
                while rows := result.mappings().fetchmany(BATCH):
                    batch = [{k: (None if k in LEASE_COLUMNS else v) for k, v in row.items()} for row in rows]
                    dst.execute(table.insert(), batch)
                    n += len(batch)
                counts[table.name] = n
            if dst.dialect.name == "postgresql":  # the id sequences continue after the copied ids
                for table in tables:
                    pk = list(table.primary_key.columns)
                    if len(pk) == 1 and isinstance(pk[0].type, Integer):
                        dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                                         f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"))
        print(f"copied {safe_url(source_url)} to {safe_url(target_url)} (schema {migrate.HEAD}):", file=out)
        for name, n in counts.items():
            print(f"  {name:<14} {n} rows", file=out)
        return 0
    finally:
        source.dispose()
        target.dispose()
