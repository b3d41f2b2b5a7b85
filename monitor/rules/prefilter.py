"""The prefilter: which topics an article may match, found in one pass over its text.

All topics are compiled together. Every term of every query is put, in its search form
(``text.search_form_of_norm``: ASCII, folded, lower case, words one space apart), into one Aho-Corasick
automaton (pyahocorasick, in C): a word as ``" word "``, a phrase as ``" binh si "``, a prefix
(``deploy*``) as ``" deploy"`` (a phrase is cut after a prefix word and after a number). Each field of an
article (title, summary, body) is folded once to its search form (``text.search_form``, a few C-level
string operations, no per-word work; ``text.scan_form``: without cutting its runs of spaces, the automaton
tells where one is too wide, see ``WIDEST_GAP``) and scanned once; the keys found are the terms that may
occur in it (a phrase never spans two fields). A topic is looked at only when one of its *trigger* keys was
found, and evaluated only when the keys its query needs are all there:

- a term needs its key(s);
- ``a AND b`` and ``a NEAR/n b`` need what ``a`` needs and what ``b`` needs; ``a OR b``, one of them;
- ``NOT x`` and ``#num`` need nothing (nothing can be told without the full evaluation).

A term under ``title:`` must be found in the title's search form. Order, distance, the other fields and
NOT are left to the evaluation. This condition is necessary for the query to
hold: tokens in a row whose norms equal a term's words (or start with its prefixes) have that term's
search form, between spaces (or after a digit, see ``term_keys``), in the article's search form
(``search_form`` keeps tokens apart; the tests check it character by character), so the automaton finds
it. The result is therefore the full evaluation's, only cheaper. The triggers of a topic are a set of keys
one of which is needed: the longest key of a term, the smaller set of an AND, the union of an OR; a topic
without one (``NOT x`` alone) is always looked at.

The keys found go on to the evaluation (``Candidates.found``, and field by field ``Candidates.in_field``):
a term whose keys were not all found in a field does not occur there, and is not looked up in that field's
words (a named list of fifty terms costs the few found).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

from monitor.rules.query import And, Near, Node, Not, Num, Or, Term, Word
from monitor.rules.query import Field as FieldNode
from monitor.rules.text import cut_gaps, norm_word, search_form_of_norm

__all__ = ["WIDEST_GAP", "Candidates", "Found", "Need", "Prefilter", "need_of", "occurs", "term_keys", "variants"]

_second = itemgetter(1)

# What a query needs, as a test over the keys found (in the whole article, in its title): None when nothing
# can be told.
Found = tuple[set[str], set[str]]
Need = Callable[[Found], bool]

# A need as data, compiled to one test (``_compile``): ("any", where, keys) one of the keys was found (in the
# whole article 0, in the title 1); ("all", where, keys) every one was; ("and", parts), ("or", parts).
_Expr = tuple


@dataclass(frozen=True)
class _Needs:
    expr: _Expr | None  # None: always true
    triggers: frozenset[str] | None  # one of these keys is needed; None: cannot be told


_KEY_WORDS = 3  # words of a key at most: a longer phrase has several keys (its variants stay few)
# The automaton scans forms whose runs of spaces were not cut (``text.scan_form``): the words of a key are
# looked for up to this many spaces apart, and a wider run (rare: the corpus has none over five) is looked for
# too, as a key of its own; where one is found, the form is cut (``text.cut_gaps``) and scanned again.
WIDEST_GAP = 6
_WIDE = " " * (WIDEST_GAP + 1)
_NEST = 40  # and/or levels of one compiled test at most; a deeper part is a test of its own, called from it


def term_keys(term: Term, fold: bool) -> frozenset[str]:
    """The keys of a term: its words in a row as one key (``" binh si "``), cut after a prefix word and
    every three words.

    A token that follows a number token with nothing between (``1,5x``, ``4.500Κ4``) stands in the search
    form right after the number's last digit (``" 0 0x "``, ``" 0 0000 "``): so a key has no space on a side
    where its form has a digit, a phrase is cut after a word whose form ends with a digit, and a key that
    starts with a space and a letter is also looked for with a digit instead of the space (``variants``).
    """
    return _keys_of_words(term.words, fold)


@functools.lru_cache(maxsize=16384)  # a named list's items are terms of every query that uses the list
def _keys_of_words(words: tuple[Word, ...], fold: bool) -> frozenset[str]:
    keys: list[str] = []
    run: list[str] = []

    def close(prefix: bool) -> None:
        if run:
            for i in range(0, len(run), _KEY_WORDS):
                text = " ".join(run[i : i + _KEY_WORDS])
                last = i + _KEY_WORDS >= len(run)
                keys.append(("" if text[0].isdigit() else " ") + text
                            + ("" if (prefix and last) or text[-1].isdigit() else " "))
            run.clear()
        elif not keys:
            keys.append(" ")  # only words with no ASCII form: found wherever there is a space

    for word in words:
        form = search_form_of_norm(norm_word(word.text, fold))
        if form:
            if run and run[-1][-1].isdigit():
                close(True)
            run.append(form)
        if word.prefix:
            close(True)
    close(False)
    return frozenset(keys)


def variants(key: str, widest: int = 2) -> list[str]:
    """The strings the automaton looks for to find ``key``: its words one or two spaces apart (a search
    form leaves two where the text has punctuation and a space; ``widest``: up to that many, for a form
    whose runs of spaces were not cut, ``text.scan_form``), and, when it starts with a space and a
    letter, after a digit instead of the space (every digit is ``0`` in a search form: ``" x "`` is also
    ``"0x "``, for ``1,5x``)."""
    if key.isspace():
        return [key]
    words = key.strip(" ").split(" ")
    gaps = [" " * width for width in range(1, widest + 1)]
    out = [words[0]]
    for word in words[1:]:
        out = [v + gap + word for v in out for gap in gaps]
    head, tail = key[:1] == " ", key[-1:] == " "
    out = [(" " if head else "") + v + (" " if tail else "") for v in out]
    if head:
        out += ["0" + v[1:] for v in out]
    return out


def occurs(key: str, form: str) -> bool:
    """Whether the automaton finds ``key`` in a search form."""
    return any(v in form for v in variants(key))


def _needs(node: Node, fold: bool, title: bool = False) -> _Needs:
    """``title``: inside ``title:``, where the keys must be found in the title."""
    if isinstance(node, Term):
        keys = term_keys(node, fold)
        trigger = max(keys, key=lambda k: (len(k.strip()), k))
        return _Needs(("any" if len(keys) == 1 else "all", 1 if title else 0, keys), frozenset({trigger}))
    if isinstance(node, FieldNode):
        return _needs(node.child, fold, title or node.name == "title")
    if isinstance(node, (Not, Num)):
        return _Needs(None, None)
    if isinstance(node, Or):
        parts = [_needs(c, fold, title) for c in node.children]
        if any(p.expr is None for p in parts):
            return _Needs(None, None)
        triggers = None if any(p.triggers is None for p in parts) else frozenset().union(*(p.triggers or ()
                                                                                           for p in parts))
        # One of a few keys (terms of one key, a named list): one test per place, in C.
        merged: dict[int, frozenset[str]] = {}
        rest: list[_Expr] = []
        for p in parts:
            expr = p.expr
            assert expr is not None
            if expr[0] == "any":
                merged[expr[1]] = merged.get(expr[1], frozenset()) | expr[2]
            else:
                rest.extend(expr[1] if expr[0] == "or" else [expr])
        tests = [("any", where, keys) for where, keys in merged.items()] + rest
        return _Needs(tests[0] if len(tests) == 1 else ("or", tuple(tests)), triggers)
    if isinstance(node, (And, Near)):
        children = node.children if isinstance(node, And) else (node.left, node.right)
        parts = [_needs(c, fold, title) for c in children]
        tests = []
        for p in parts:
            if p.expr is not None:
                tests.extend(p.expr[1] if p.expr[0] == "and" else [p.expr])
        known = [p.triggers for p in parts if p.triggers is not None]
        triggers = min(known, key=lambda keys: (len(keys), -min(len(k.strip()) for k in keys))) if known else None
        # The one-call tests first: the and stops at the first that fails.
        tests.sort(key=lambda t: t[0] not in ("any", "all"))
        return _Needs(None if not tests else tests[0] if len(tests) == 1 else ("and", tuple(tests)), triggers)
    raise TypeError(f"unknown query node {node!r}")


def _compile(expr: _Expr) -> Need:
    """One Python function for a need: a query's tree of tests in one expression, each key set a constant,
    rather than a closure per node (the prefilter tests a topic's need in most articles that name its
    trigger)."""
    consts: list[object] = []

    def const(value: object) -> str:
        consts.append(value)
        return f"k{len(consts) - 1}"

    def emit(e: _Expr, depth: int) -> str:
        kind = e[0]
        if kind in ("any", "all"):
            name, where = const(e[2]), "article" if e[1] == 0 else "title"
            return f"not {name}.isdisjoint({where})" if kind == "any" else f"{name} <= {where}"
        if depth >= _NEST:
            return f"{const(_compile(e))}(found)"
        return "(" + f" {kind} ".join(emit(p, depth + 1) for p in e[1]) + ")"

    body = emit(expr, 0)
    names = ", ".join(f"k{i}" for i in range(len(consts)))
    source = (f"def build({names}):\n"
              f"    def need(found):\n        article, title = found\n        return {body}\n"
              f"    return need\n")
    namespace: dict[str, Callable[..., Need]] = {}
    exec(compile(source, "<prefilter need>", "exec"), namespace)  # noqa: S102 - our own source, of key-set names
    return namespace["build"](*consts)


def need_of(ast: Node, fold: bool) -> tuple[Need | None, frozenset[str] | None]:
    """The query's need (a test over the keys found; None: nothing to test) and its trigger keys."""
    needs = _needs(ast, fold)
    return (None if needs.expr is None else _compile(needs.expr)), needs.triggers


def _keys_of(ast: Node, fold: bool) -> Iterable[str]:
    """The keys of every term of a query, those under NOT too."""
    if isinstance(ast, Term):
        yield from term_keys(ast, fold)
    elif isinstance(ast, (FieldNode, Not)):
        yield from _keys_of(ast.child, fold)
    elif isinstance(ast, (And, Or)):
        for child in ast.children:
            yield from _keys_of(child, fold)
    elif isinstance(ast, Near):
        yield from _keys_of(ast.left, fold)
        yield from _keys_of(ast.right, fold)
    # #num: no key


class Candidates(list):
    """The indices of the topics worth evaluating, with ``found``: every key found in the article, and
    ``in_field``: the keys found in each field (``title``, ``summary``, ``body``). A term of any of the topics
    whose keys are not all in a field's keys does not occur in that field."""

    __slots__ = ("found", "in_field")

    found: set[str]
    in_field: dict[str, set[str]]


class Prefilter:
    """The keys of many queries in one automaton; ``candidates`` of an article's fields' search forms."""

    def __init__(self, queries: Sequence[tuple[Node, bool]]) -> None:
        """``queries``: (parsed query, fold_diacritics) per topic, in topic order."""
        self._tests: list[Need | None] = []
        self._always: list[int] = []
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
            # Every term's keys, even those no need tests: the evaluation skips the terms whose keys are not found.
            needed.update(_keys_of(ast, fold))
        self._automaton: ahocorasick.Automaton | None = None
        # The keys that are all spaces (words of scripts with no ASCII residue) match any gap: always found.
        self._blank = {k for k in (*triggered, *needed) if k.isspace()}
        searched = (set(triggered) | needed) - self._blank
        if searched:
            automaton = ahocorasick.Automaton()
            for key in searched:
                for variant in variants(key, WIDEST_GAP):
                    automaton.add_word(variant, key)
            automaton.add_word(_WIDE, _WIDE)
            automaton.make_automaton()
            self._automaton = automaton
        self._triggered = {key: tuple(topics) for key, topics in triggered.items()}
        self._trigger_keys = frozenset(triggered)

    def found(self, form: str) -> set[str]:
        """The keys that occur in a text's search form (``text.search_form``, or ``text.scan_form``: the same)."""
        automaton = self._automaton
        if automaton is None or form.isspace():  # no key is only spaces (``self._blank`` aside)
            return set(self._blank)
        found = set(map(_second, automaton.iter(form)))
        if _WIDE in found:  # a run of spaces wider than the variants allow: cut to two, as in a search form
            found = set(map(_second, automaton.iter(cut_gaps(form))))
        return found | self._blank if self._blank else found

    def candidates(self, forms: Mapping[str, str]) -> Candidates:
        """Indices of the topics whose needs hold in the search forms of an article's fields (field name →
        form; ``title`` for ``title:``), in topic order, with the keys found."""
        in_field = {name: self.found(form) for name, form in forms.items()}
        found: set[str] = set().union(*in_field.values())
        out = Candidates()
        out.found = found
        out.in_field = in_field
        triggers = found & self._trigger_keys
        if triggers or self._always:
            triggered = self._triggered
            looked = {topic for key in triggers for topic in triggered[key]}
            looked.update(self._always)
            tests = self._tests
            both = (found, in_field.get("title", set()))
            out += sorted(i for i in looked if (test := tests[i]) is None or test(both))
        return out
