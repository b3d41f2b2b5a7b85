"""The rule engine: topic queries compiled once and matched against articles, with evidence.

The query language is described in ``monitor.rules.query``, matching in ``monitor.rules.engine`` and
Vietnamese-aware normalization in ``monitor.rules.text``. Pure logic, no I/O.
"""

from monitor.rules.engine import ArticleIndex, CompiledTopic, compile_topic, match_all
from monitor.rules.query import QuerySyntaxError

__all__ = ["ArticleIndex", "CompiledTopic", "QuerySyntaxError", "compile_topic", "match_all"]
