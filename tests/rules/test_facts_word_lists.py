"""The fact extractor's word-list caches (by identity) stay bounded: a list made at call time is not kept, and
compiled, once per call for as long as the daemon runs; and what they find is right after a cache starts again."""

from __future__ import annotations

from monitor.rules import facts
from monitor.rules.facts import _CACHE_MAX, _ending_at, _find, _Words, _words


def test_word_lists_made_at_call_time_do_not_grow_the_caches() -> None:
    norms = _Words("the contingent will send its soldiers home".split())
    parts, moves = _words("contingent"), _words("send")
    for _ in range(3 * _CACHE_MAX):
        made = parts + moves  # a new list each time, as an inline concatenation passes one
        assert _find(norms, made) == [1, 3]
        assert _ending_at(norms, 4, made) == 3
    assert len(facts._REGEXES) <= _CACHE_MAX
    assert len(facts._ENDS) <= _CACHE_MAX
    # a module list read before the caches started again is read right after
    assert _find(_Words("troops home".split()), facts.UNITS) == [0]
