"""A package's names imported on first use (PEP 562), so that importing one light module of a package does not
import all the others.

The daemon's own process imports ``monitor.rules.text`` and ``monitor.parse.budget``, never the parsers, the
query compiler or the fact readers: those run in the parse workers. Eager imports in the packages'
``__init__`` would load them all (BeautifulSoup, soupsieve, feedparser, the facts' patterns) into every process
and every ``monitor`` command.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``names`` maps each exported name to the submodule (relative to
    the package) that defines it."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
