"""The rule engine: topic queries compiled once and matched against articles, with evidence and facts.

The query language is described in ``monitor.rules.query`` (and for analysts in docs/rules.md),
matching in ``monitor.rules.engine``, Vietnamese-aware normalization in ``monitor.rules.text``,
numbers in ``monitor.rules.numbers`` and troop-count facts in ``monitor.rules.facts``. Pure logic, no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.lazy import exports

_NAMES = {"ArticleIndex": "engine", "CompiledTopic": "engine", "TopicSet": "engine", "compile_topic": "engine",
          "match_all": "engine", "FactRules": "facts", "QuerySyntaxError": "query"}
__getattr__ = exports(__name__, _NAMES)  # each submodule imported when one of its names is first used

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.rules.engine import ArticleIndex, CompiledTopic, TopicSet, compile_topic, match_all
    from monitor.rules.facts import FactRules
    from monitor.rules.query import QuerySyntaxError

__all__ = ["ArticleIndex", "CompiledTopic", "FactRules", "QuerySyntaxError", "TopicSet", "compile_config_topics",
           "compile_topic", "match_all"]


def compile_config_topics(config: Config) -> TopicSet:
    """Every topic of a (validated) config compiled once, together, with its named term lists and facts."""
    from monitor.rules.engine import TopicSet, compile_topic
    from monitor.rules.facts import FactRules

    return TopicSet(
        compile_topic(t.id, t.name, t.query, fold_diacritics=t.fold_diacritics, threshold=t.threshold,
                      terms=config.terms, facts=FactRules.of(**dict(t.facts)) if t.facts else None)
        for t in config.topics
    )
