"""The prefilter: which topics an article may match, found in one pass over its text.

All topics are compiled together. Every term of every query is put, in its search form
(``text.search_form_of_norm``: ASCII, folded, lower case, words one space apart), into one Aho-Corasick
automaton (pyahocorasick, in C): a word as ``" word "``, a phrase as ``" binh si "``, a prefix
(``deploy*``) as ``" deploy"`` (a phrase is cut after a prefix word). An article is folded once to its
search form (``text.search_form``, a few C-level string operations, no per-word work) and scanned once;
the keys found are the terms that may occur in it. A topic is looked at only when one of its *trigger*
keys was found, and evaluated only when the keys its query needs are all there:

- a term needs its key(s);
- ``a AND b`` and ``a NEAR/n b`` need what ``a`` needs and what ``b`` needs; ``a OR b``, one of them;
- ``NOT x`` and ``#num`` need nothing (nothing can be told without the full evaluation).

A term under ``title:`` must be found in the title's search form. Order, distance, the other fields and
NOT are left to the evaluation. This condition is necessary for the query to
hold: tokens in a row whose norms equal a term's words (or start with its prefixes) have that term's
search form, between spaces, in the article's search form (``search_form`` keeps tokens apart; the tests
check it character by character), so the automaton finds it. The result is therefore the full evaluation's,
only cheaper. The triggers of a topic are a set of keys one of which is needed: the longest key of a
term, the smaller set of an AND, the union of an OR; a topic without one (``NOT x`` alone) is always
looked at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

from monitor.rules.query import And, Near, Node, Not, Num, Or, Term
from monitor.rules.query import Field as FieldNode
from monitor.rules.text import norm_word, search_form_of_norm

__all__ = ["Found", "Need", "Prefilter", "need_of"]

_second = itemgetter(1)

# What a query needs, as a test over the keys found (in the whole article, in its title): None when nothing
# can be told.
Found = tuple[set[str], set[str]]
Need = Callable[[Found], bool]


@dataclass(frozen=True)
class _Needs:
    test: Need | None  # None: always true
    triggers: frozenset[str] | None  # one of these keys is needed; None: cannot be told


def _term_keys(term: Term, fold: bool) -> frozenset[str]:
    """The keys of a term: its words in a row as one key (``" binh si "``), cut after a prefix word.

    A token that follows a number token with nothing between (``4.500Κ4``) may stand in the search form
    right after the number's digits when its own form starts with a digit: so a key has no space on a
    side where its form has a digit, and a phrase is cut between a word ending and one starting with one.
    """
    keys: list[str] = []
    run: list[str] = []

    def close(prefix: bool) -> None:
        if run:
            text = " ".join(run)
            keys.append(("" if text[0].isdigit() else " ") + text
                        + ("" if prefix or text[-1].isdigit() else " "))
            run.clear()
        elif not keys:
            keys.append(" ")  # only words with no ASCII form: found wherever there is a space

    for word in term.words:
        form = search_form_of_norm(norm_word(word.text, fold))
        if form:
            if run and run[-1][-1].isdigit() and form[0].isdigit():
                close(True)
            run.append(form)
        if word.prefix:
            close(True)
    close(False)
    return frozenset(keys)


def _all(tests: Sequence[Need]) -> Need:
    return tests[0] if len(tests) == 1 else lambda found: all(t(found) for t in tests)


def _needs(node: Node, fold: bool, title: bool = False) -> _Needs:
    """``title``: inside ``title:``, where the keys must be found in the title."""
    if isinstance(node, Term):
        keys = _term_keys(node, fold)
        trigger = max(keys, key=lambda k: (len(k.strip()), k))
        where = 1 if title else 0
        return _Needs(lambda found: keys <= found[where], frozenset({trigger}))
    if isinstance(node, FieldNode):
        return _needs(node.child, fold, title or node.name == "title")
    if isinstance(node, (Not, Num)):
        return _Needs(None, None)
    if isinstance(node, Or):
        parts = [_needs(c, fold, title) for c in node.children]
        if any(p.test is None for p in parts):
            return _Needs(None, None)
        tests = [p.test for p in parts if p.test is not None]
        triggers = None if any(p.triggers is None for p in parts) else frozenset().union(*(p.triggers or ()
                                                                                           for p in parts))
        return _Needs(lambda found: any(t(found) for t in tests), triggers)
    if isinstance(node, (And, Near)):
        children = node.children if isinstance(node, And) else (node.left, node.right)
        parts = [_needs(c, fold, title) for c in children]
        tests = [p.test for p in parts if p.test is not None]
        known = [p.triggers for p in parts if p.triggers is not None]
        triggers = min(known, key=lambda keys: (len(keys), -min(len(k.strip()) for k in keys))) if known else None
        return _Needs(_all(tests) if tests else None, triggers)
    raise TypeError(f"unknown query node {node!r}")


def _scopes_title(node: Node) -> bool:
    if isinstance(node, FieldNode):
        return node.name == "title" or _scopes_title(node.child)
    if isinstance(node, (And, Or)):
        return any(_scopes_title(c) for c in node.children)
    if isinstance(node, Near):
        return _scopes_title(node.left) or _scopes_title(node.right)
    return False  # a term, #num; NOT is never tested


def need_of(ast: Node, fold: bool) -> tuple[Need | None, frozenset[str] | None]:
    """The query's need (a test over the keys found; None: nothing to test) and its trigger keys."""
    needs = _needs(ast, fold)
    return needs.test, needs.triggers


def _keys_of(ast: Node, fold: bool) -> Iterable[str]:
    if isinstance(ast, Term):
        yield from _term_keys(ast, fold)
    elif isinstance(ast, FieldNode):
        yield from _keys_of(ast.child, fold)
    elif isinstance(ast, (And, Or)):
        for child in ast.children:
            yield from _keys_of(child, fold)
    elif isinstance(ast, Near):
        yield from _keys_of(ast.left, fold)
        yield from _keys_of(ast.right, fold)
    # NOT x, #num: never tested


class Prefilter:
    """The keys of many queries in one automaton; ``candidates`` of an article's search form."""

    def __init__(self, queries: Sequence[tuple[Node, bool]]) -> None:
        """``queries``: (parsed query, fold_diacritics) per topic, in topic order."""
        self._tests: list[Need | None] = []
        self._always: list[int] = []
        self.uses_title = any(_scopes_title(ast) for ast, _fold in queries)  # then pass the title's form too
        triggered: dict[str, list[int]] = {}
        needed: set[str] = set()
        for i, (ast, fold) in enumerate(queries):
            test, triggers = need_of(ast, fold)
            self._tests.append(test)
            if triggers is None:
                self._always.append(i)
            else:
                for key in triggers:
                    triggered.setdefault(key, []).append(i)
            if test is not None:
                needed.update(k for k in _keys_of(ast, fold) if not k.isspace())
        self._automaton: ahocorasick.Automaton | None = None
        # The keys that are all spaces (words of scripts with no ASCII residue) match any gap: always found.
        self._blank = {k for k in (*triggered, *needed) if k.isspace()}
        searched = (set(triggered) | needed) - self._blank
        if searched:
            automaton = ahocorasick.Automaton()
            for key in searched:
                automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        self._triggered = {key: tuple(topics) for key, topics in triggered.items()}

    def found(self, form: str) -> set[str]:
        """The keys that occur in a text's search form (``text.search_form``)."""
        if self._automaton is None:
            return set(self._blank)
        found = set(map(_second, self._automaton.iter(form)))
        return found | self._blank if self._blank else found

    def candidates(self, form: str, title_form: str | None = None) -> list[int]:
        """Indices of the topics whose needs hold in a text's search form (and its title's, for
        ``title:``), in topic order."""
        found = self.found(form)
        in_title = self.found(title_form) if title_form is not None and self.uses_title else found
        looked = set(self._always)
        triggered = self._triggered
        for key in found:
            topics = triggered.get(key)
            if topics:
                looked.update(topics)
        tests = self._tests
        both = (found, in_title)
        return sorted(i for i in looked if (test := tests[i]) is None or test(both))
