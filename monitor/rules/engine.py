"""Compile topic queries once and match them against articles, with evidence.

A query (see ``monitor.rules.query`` for the language) is compiled for one fold mode:

- ``fold_diacritics=True``: query and text are both stripped of diacritics, so ``binh si`` matches
  ``binh sĩ`` and ``"binh sĩ"`` matches ``binh si``;
- ``fold_diacritics=False``: diacritics count, but tone placement is unified (``hoà`` == ``hòa``).

Case never matters. An article is searched field by field (title, summary, body); a term without a
field looks in all three, and a phrase or a NEAR never spans two fields. A phrase never spans two
sentences either (``text.ends_sentence``); a NEAR may. Token positions count words:
``a NEAR/n b`` holds when an occurrence of ``a`` and one of ``b`` that do not overlap are at most ``n``
positions apart (``n - 1`` words or fewer in between; ``NEAR/1`` means adjacent), in either order.
An operand of NEAR occurs where its terms occur; an OR group where any alternative occurs; an AND
group, in a field where all its parts occur, where any of them occurs; a NEAR, over the span from
one operand to the other.

The evidence of a match is every occurrence of a positive term that made the query true (under an
OR, only the alternatives that hold; under NOT, nothing). Its score is the sum of the weights (1 unless
written ``term^w``) of the distinct (term, field) pairs found; a topic matches when the query holds and
the score reaches its threshold.

``TopicSet`` compiles all topics together with a prefilter (``monitor.rules.prefilter``): one pass of a
multi-pattern matcher over each field's folded text finds which query words occur there, and only the
topics whose needed words all occur are evaluated; the others could not match. The evaluation then looks a
term up only in the fields where the pass found it (of a named list, only the few found are looked up). The
result is the same as evaluating every topic.

A field is not cut into words: ``text.FieldTokens`` searches it (byte operations in C) for the terms looked
up and keeps where they are (their character offsets, for the evidence); only for the operands of a NEAR does it
count the tokens before those found (their positions). A NEAR of terms (or OR groups of terms) looks for its
right operand only within ``n`` tokens of its left one's occurrences (or the other way round), stepping over
those tokens in C, and counts only the occurrences that are near (``_Near._by_offsets``): most NEARs evaluated
do not hold, and then nothing is counted. Topics that share a term share its lookup (one ``text.TermPlan`` per
term).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, repeat

from monitor.records import Article, Evidence, Hit, Match
from monitor.rules.facts import FactRules, extract_facts
from monitor.rules.prefilter import Candidates, Prefilter, term_keys
from monitor.rules.query import And, Near, Node, Not, Num, Or, Term, parse
from monitor.rules.query import Field as FieldNode
from monitor.rules.text import FieldTokens, merged_spans, norm_word, scan_form, term_plan

__all__ = ["ArticleIndex", "CompiledTopic", "TopicSet", "compile_topic", "match_all"]

FIELD_ORDER = ("title", "summary", "body")
_RANK = {name: i for i, name in enumerate(FIELD_ORDER)}
SNIPPET_WIDTH = 200

_Words = tuple[tuple[str, bool], ...]  # (norm, is_prefix) per word of a term
_Occ = tuple[int, int, tuple[tuple[str, int, int], ...]]  # token start, end, (term, start, end) parts


# ── the searchable form of an article ───────────────────────────────────────────────────────────


@dataclass
class ArticleIndex:
    """An article tokenized once for one fold mode; pass it to ``CompiledTopic.match`` to share it.

    ``tokens``: the article's fields already cut (``article_tokens``), shared by the fold modes."""

    article: Article
    fold: bool
    tokens: dict[str, FieldTokens] | None = field(default=None, repr=False)
    fields: dict[str, FieldTokens] = field(init=False)
    worded: tuple[str, ...] = field(init=False)  # the fields with a token, in FIELD_ORDER

    def __post_init__(self) -> None:
        self.fields = self.tokens if self.tokens is not None else article_tokens(self.article)
        self.worded = tuple(name for name in FIELD_ORDER if self.fields[name])


def article_tokens(article: Article, encoded: Mapping[str, bytes | None] | None = None) -> dict[str, FieldTokens]:
    """The tokens of each field of an article (title, summary, body); ``encoded``: the fields in the fast
    encoding, when they were (``text.scan_form``)."""
    if encoded is None:
        return {name: FieldTokens(text) for name, text in article.text_fields().items()}
    return {name: FieldTokens(text, encoded.get(name)) for name, text in article.text_fields().items()}


# ── compiled query nodes ─────────────────────────────────────────────────────────────────────────


class _Ctx:
    """Per-article memo of node results, so a node shared by truth and evidence is computed once.

    ``keys``: the prefilter's keys found in the article (``Candidates``), or None; a term whose keys are not
    all found in a field does not occur there, so it is not looked up."""

    def __init__(self, index: ArticleIndex, keys: Candidates | None = None) -> None:
        self.index = index
        self.found = None if keys is None else keys.found
        self.in_field = None if keys is None else keys.in_field
        self.truth: dict[_Node, bool] = {}
        self.occ: dict[tuple[_Node, str], list[_Occ]] = {}
        self.live: dict[_Or, list[_Node]] = {}
        self.present: dict[frozenset[str], frozenset[str]] = {}


class _Node:
    def holds(self, ctx: _Ctx) -> bool:
        value = ctx.truth.get(self)
        if value is None:
            value = ctx.truth[self] = self._holds(ctx)
        return value

    def occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        key = (self, fname)
        value = ctx.occ.get(key)
        if value is None:
            value = ctx.occ[key] = self._occurrences(ctx, fname)
        return value

    def _holds(self, ctx: _Ctx) -> bool:
        raise NotImplementedError

    def _occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        raise NotImplementedError

    def collect(self, ctx: _Ctx, out: set[tuple[str, str, int, int]]) -> None:
        """Add (term, field, character start, character end) of the evidence of a node that holds."""
        for fname in ctx.index.worded:
            parts = [part for _start, _end, parts in self.occurrences(ctx, fname) for part in parts]
            if parts:
                spans = ctx.index.fields[fname].spans({(s, e) for _term, s, e in parts})
                out.update([(term, fname, *spans[s, e]) for term, s, e in parts])


class _Leaf(_Node):
    """A word, a phrase or #num, searched in some fields."""

    def __init__(self, text: str, words: _Words | None, fields: frozenset[str], keys: frozenset[str],
                 fold: bool) -> None:
        self.text = text
        self.words = words  # None for #num
        self.plan = None if words is None else term_plan(words, fold)  # how a field's tokens search it
        self.length = len(words) if words else 1
        self.fields = [f for f in FIELD_ORDER if f in fields]
        self.in_fields = fields
        self.keys = keys  # its prefilter keys (none for #num): all are found where it occurs

    def _starts(self, ctx: _Ctx, fname: str) -> list[int]:
        tokens = ctx.index.fields[fname]
        return tokens.numbers() if self.plan is None else tokens.find(self.plan)

    def _searched(self, ctx: _Ctx) -> list[str]:
        """The fields to look in: those where the prefilter found the term's keys."""
        in_field = ctx.in_field
        if in_field is None:
            return self.fields
        keys = self.keys
        return [f for f in self.fields if keys <= in_field[f]]

    def _holds(self, ctx: _Ctx) -> bool:
        fields, plan, in_field, keys = ctx.index.fields, self.plan, ctx.in_field, self.keys
        for fname in self.fields:
            if (in_field is None or keys <= in_field[fname]) and fields[fname].term_spans(plan):
                return True  # outside NEAR, its tokens are not counted
        return False

    def _occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        if fname not in self.in_fields or (ctx.in_field is not None and not self.keys <= ctx.in_field[fname]):
            return []
        n, text = self.length, self.text
        return [(s, s + n, ((text, s, s + n),)) for s in self._starts(ctx, fname)]

    def collect(self, ctx: _Ctx, out: set[tuple[str, str, int, int]]) -> None:
        text, fields, plan = self.text, ctx.index.fields, self.plan
        for fname in self._searched(ctx):
            out.update([(text, fname, start, end) for start, end in fields[fname].term_spans(plan)])


class _And(_Node):
    def __init__(self, children: list[_Node]) -> None:
        self.children = children

    def _holds(self, ctx: _Ctx) -> bool:
        for child in self.children:
            if not child.holds(ctx):
                return False
        return True

    def _occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        lists = [c.occurrences(ctx, fname) for c in self.children]
        return sorted(chain.from_iterable(lists)) if all(lists) else []

    def collect(self, ctx: _Ctx, out: set[tuple[str, str, int, int]]) -> None:
        for child in self.children:
            child.collect(ctx, out)


class _Or(_Node):
    """Alternatives; those that are terms (a named list's items) are indexed by a key of theirs, so that
    only the terms whose keys were found are looked at."""

    def __init__(self, children: list[_Node]) -> None:
        self.children = children
        self._others = [c for c in children if not (isinstance(c, _Leaf) and c.keys)]
        self._by_key: dict[str, list[_Leaf]] = {}  # terms of one key by their key
        self._multi: list[_Leaf] = []  # terms of several keys (long phrases, prefixes in phrases)
        for c in children:
            if isinstance(c, _Leaf) and c.keys:
                if len(c.keys) == 1:
                    self._by_key.setdefault(next(iter(c.keys)), []).append(c)
                else:
                    self._multi.append(c)
        self._keys = frozenset(self._by_key)

    def live(self, ctx: _Ctx) -> list[_Node]:
        """The alternatives that may hold (the order does not matter: any, a sorted union, a set)."""
        found = ctx.found
        if found is None:
            return self.children
        live = ctx.live.get(self)
        if live is None:
            present = ctx.present.get(self._keys)  # a named list used again has the same keys
            if present is None:
                present = ctx.present[self._keys] = self._keys & found
            live = self._others + [leaf for key in present for leaf in self._by_key[key]]
            if self._multi:
                live += [leaf for leaf in self._multi if leaf.keys <= found]
            ctx.live[self] = live
        return live

    def _holds(self, ctx: _Ctx) -> bool:
        for child in self.live(ctx):
            if child.holds(ctx):
                return True
        return False

    def _occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        return sorted(chain.from_iterable(c.occurrences(ctx, fname) for c in self.live(ctx)))

    def collect(self, ctx: _Ctx, out: set[tuple[str, str, int, int]]) -> None:
        for child in self.live(ctx):
            if child.holds(ctx):
                child.collect(ctx, out)


class _Not(_Node):
    def __init__(self, child: _Node) -> None:
        self.child = child

    def _holds(self, ctx: _Ctx) -> bool:
        return not self.child.holds(ctx)

    def _occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        return []  # the parser keeps NOT out of NEAR operands

    def collect(self, ctx: _Ctx, out: set[tuple[str, str, int, int]]) -> None:
        return None


_Found = list[tuple[int, int, _Leaf]]  # where a term's occurrences start, where their last words start, the term
_ANCHORS = 6  # occurrences of an operand at most for ``_Near._by_offsets``; past that, every one is counted


class _Near(_Node):
    def __init__(self, left: _Node, right: _Node, distance: int) -> None:
        self.left = left
        self.right = right
        self.distance = distance
        self._flat = _is_flat(left) and _is_flat(right)

    def _holds(self, ctx: _Ctx) -> bool:
        # Operands of terms are found where they occur anyway (``_by_offsets``): telling first whether they hold
        # would search them twice.
        if not self._flat and not (self.left.holds(ctx) and self.right.holds(ctx)):
            return False
        return any(self.occurrences(ctx, f) for f in ctx.index.worded)  # all of them: the evidence needs them

    def _occurrences(self, ctx: _Ctx, fname: str) -> list[_Occ]:
        """The spans where the operands are near each other."""
        if self._flat:
            found = self._by_offsets(ctx, fname)
            if found is not None:
                return found
        left = self.left.occurrences(ctx, fname)
        right = self.right.occurrences(ctx, fname) if left else []
        if not right:
            return []
        n = self.distance
        right_starts = [r[0] for r in right]
        longest = max(r[1] - r[0] for r in right)
        pairs: set[_Occ] = set()
        for ls, le, lparts in left:
            lo = bisect_left(right_starts, ls - n + 1 - longest)
            hi = bisect_right(right_starts, le - 1 + n)
            for rs, re_, rparts in right[lo:hi]:
                disjoint = rs >= le or re_ <= ls
                if disjoint and re_ - 1 >= ls - n:
                    pairs.add((min(ls, rs), max(le, re_), lparts + rparts))
        return sorted(pairs)

    def _by_offsets(self, ctx: _Ctx, fname: str) -> list[_Occ] | None:
        """``_occurrences`` of operands that are terms (or OR groups of terms) in a field cut the byte way, without
        counting the tokens of every occurrence: around each occurrence of an operand found a few times (the left
        one, else the right one), the tokens ``distance`` away on each side are stepped over (in C) to where they
        start, the other operand is looked for between those only, and its occurrences that start (end) before
        (after) them are near; only those are counted. Token starts grow with the offsets, so the test is the
        token test. None: not cut the byte way, or too many occurrences on both sides."""
        left_terms = _leaves(self.left, ctx, fname)
        right_terms = _leaves(self.right, ctx, fname) if left_terms else []
        if not right_terms:
            return []
        tokens, n = ctx.index.fields[fname], self.distance
        left = _offsets(left_terms, tokens)
        if left is None or not left:
            return left  # not cut the byte way, or no occurrence
        swap = len(left) > _ANCHORS
        if swap:  # the right operand's occurrences are the anchors, if they are few
            right = _offsets(right_terms, tokens)
            if right is None or len(right) > _ANCHORS:
                return None  # counted the plain way
            if not right:
                return []
            anchors, others = _windows(tokens, right, n), left
        else:  # the right operand is looked for where it may be near the left one only
            anchors = _windows(tokens, left, n)
            found = _offsets(right_terms, tokens, merged_spans((w[3], w[4]) for w in anchors))
            if found is None:
                return None
            others = found
        near: list[tuple[tuple[int, int, _Leaf], tuple[int, int, _Leaf]]] = []
        for first, last, leaf, lo, hi in anchors:
            anchor = (first, last, leaf)
            for other in others:
                o_first, o_last = other[0], other[1]
                if (o_first > last or o_last < first) and o_first <= hi and o_last >= lo:
                    near.append((other, anchor) if swap else (anchor, other))
        if not near:
            return []
        runs: dict[tuple[int, int, _Leaf], tuple[int, int, tuple[tuple[str, int, int], ...]]] = {}
        for pair in near:
            for found_at in pair:
                if found_at not in runs:
                    leaf = found_at[2]
                    s = tokens.run_at(found_at[0], found_at[1], leaf.length)
                    runs[found_at] = (s, s + leaf.length, ((leaf.text, s, s + leaf.length),))
        pairs = set()
        for lf, rf in near:
            (ls, le, lparts), (rs, re_, rparts) = runs[lf], runs[rf]
            pairs.add((min(ls, rs), max(le, re_), lparts + rparts))
        return sorted(pairs)


# An occurrence (``_Found``), then where an occurrence near it ends at the earliest and starts at the latest.
_Window = tuple[int, int, _Leaf, int, int]


def _windows(tokens: FieldTokens, found: _Found, distance: int) -> list[_Window]:
    """Each occurrence with the offsets an occurrence near it must start before (at most ``distance`` tokens after
    its last token) and end after (at most ``distance`` tokens before its first one)."""
    out = []
    for first, last, leaf in found:
        hi = tokens.start_after(last, distance)
        lo = tokens.start_before(first, distance)
        out.append((first, last, leaf, 0 if lo is None else lo, len(tokens.text) if hi is None else hi))
    return out


def _is_flat(node: _Node) -> bool:
    """Whether a NEAR operand is a term or an OR group of terms: its occurrences are those of its terms."""
    return isinstance(node, _Leaf) or (isinstance(node, _Or) and all(isinstance(c, _Leaf) for c in node.children))


def _leaves(node: _Node, ctx: _Ctx, fname: str) -> list[_Leaf]:
    """The terms of a flat NEAR operand (``_is_flat``) that may occur in a field: those ``_Leaf._occurrences``
    looks up."""
    in_field = ctx.in_field
    return [leaf for leaf in (node.live(ctx) if isinstance(node, _Or) else [node]) if isinstance(leaf, _Leaf)
            and fname in leaf.in_fields and (in_field is None or leaf.keys <= in_field[fname])]


def _offsets(leaves: list[_Leaf], tokens: FieldTokens, within: list[tuple[int, int]] | None = None) -> _Found | None:
    """Where terms (``_leaves``) occur in a field (``FieldTokens.byte_offsets``; ``within``: those that end after a
    stretch's start and start before its end, and maybe others); None when a term is not searched the byte way
    there."""
    out: _Found = []
    for leaf in leaves:
        found = tokens.byte_offsets(leaf.plan) if within is None else tokens.byte_offsets_within(leaf.plan, within)
        if found is None:
            return None
        out += zip(found[0], found[1], repeat(leaf))
    return out


def _compile(node: Node, fold: bool, fields: frozenset[str]) -> _Node:
    if isinstance(node, Term):
        words = tuple((norm_word(w.text, fold), w.prefix) for w in node.words)
        return _Leaf(node.text, words, fields, term_keys(node, fold), fold)
    if isinstance(node, Num):
        return _Leaf(node.text, None, fields, frozenset(), fold)
    if isinstance(node, FieldNode):
        return _compile(node.child, fold, fields & {node.name})
    if isinstance(node, Not):
        return _Not(_compile(node.child, fold, fields))
    if isinstance(node, And):
        return _And([_compile(c, fold, fields) for c in node.children])
    if isinstance(node, Or):
        return _Or([_compile(c, fold, fields) for c in node.children])
    if isinstance(node, Near):
        return _Near(_compile(node.left, fold, fields), _compile(node.right, fold, fields), node.distance)
    raise TypeError(f"unknown query node {node!r}")


def _weights(node: Node, out: dict[str, float]) -> dict[str, float]:
    """The weight of each term text of the query (the largest where a text is written twice)."""
    if isinstance(node, (Term, Num)):
        out[node.text] = max(out.get(node.text, 0.0), node.weight)
    elif isinstance(node, FieldNode):
        _weights(node.child, out)
    elif isinstance(node, (And, Or)):
        for child in node.children:
            _weights(child, out)
    elif isinstance(node, Near):
        _weights(node.left, out)
        _weights(node.right, out)
    return out  # NOT: its terms never score


# ── evidence ─────────────────────────────────────────────────────────────────────────────────────

_NON_SPACE_RE = re.compile(r"\S")


def _densest(marks: Sequence[tuple[int, int]], terms: Sequence[str], span: int) -> tuple[int, int]:
    """The mark that opens the stretch of ``span`` characters holding the most distinct terms (then the
    most marks, then the earliest): where the article is most about the topic. One sliding pass (marks that
    are equal open the same stretch: their order does not matter)."""
    pairs = sorted(zip(marks, terms, strict=True))
    size = len(pairs)
    if size == 1:
        return pairs[0][0]
    counts: dict[str, int] = {}
    best_key, best, hi = (0, 0), pairs[0][0], 0
    for lo, (mark, term) in enumerate(pairs):
        limit = mark[0] + span
        while hi < size and pairs[hi][0][0] < limit:
            added = pairs[hi][1]
            counts[added] = counts.get(added, 0) + 1
            hi += 1
        key = (len(counts), hi - lo)
        if key > best_key:
            best_key, best = key, mark
        left = counts[term] - 1
        if left:
            counts[term] = left
        else:
            del counts[term]
    return best


def _snippet(text: str, marks: Sequence[tuple[int, int]], width: int = SNIPPET_WIDTH,
             terms: Sequence[str] | None = None) -> str:
    """About ``width`` characters of ``text`` around the densest cluster of marks (the first mark when no
    terms are given), whole words, marks in « »."""
    if not text or text.isspace():
        return ""
    if marks and terms:
        first_start, first_end = _densest(marks, terms, width * 2 // 3)
    else:
        first_start, first_end = min(marks) if marks else (0, 0)
    start = max(0, first_start - width // 3)
    end = max(min(len(text), start + width), first_end)
    start = max(0, min(start, end - width))  # near the end of the text, use the room before
    if start > 0 and not text[start - 1].isspace():  # do not cut a word at the start: from the next space on
        while start < first_start and not text[start].isspace():
            start += 1
    if end < len(text) and not text[end].isspace():  # nor at the end: up to the last space after the mark
        cut = end
        while cut > first_end and not text[cut - 1].isspace():
            cut -= 1
        if cut > first_end:
            end = cut
    inside = merged_spans([(s, e) for s, e in marks if s < end and e > start])
    if inside:
        start, end = min(start, inside[0][0]), max(end, inside[-1][1])
    pieces, pos = [], start
    for s, e in inside:
        pieces += [text[pos:s], "«", text[s:e], "»"]
        pos = e
    pieces.append(text[pos:end])
    body = _one_spaced("".join(pieces))
    more = _NON_SPACE_RE.search(text, end) is not None  # end < len(text.rstrip())
    return ("…" if start > 0 else "") + body + ("…" if more else "")


def _one_spaced(text: str) -> str:
    """``text`` with its white space one space, none at the ends: most snippets are so already, which is told
    in C (a printable text has no white space but spaces) without cutting them in words."""
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return " ".join(text.split())


def _evidence(index: ArticleIndex, raw: set[tuple[str, str, int, int]]) -> Evidence:
    """``raw``: (term, field, character start, character end) of every occurrence (``_Node.collect``)."""
    fields = index.fields
    located = sorted([(_RANK[f], cs, ce, t, f) for t, f, cs, ce in raw])  # field order, start, end, term, field
    hits = tuple(Hit(*hit) for hit in dict.fromkeys((t, f, fields[f].text[cs:ce]) for _o, cs, ce, t, f in located))
    if located:  # the snippet is cut from the last field in FIELD_ORDER with a mark (the body first)
        rank, fname = located[-1][0], located[-1][4]
        marked = [found for found in located if found[0] == rank]
        marks = [(cs, ce) for _o, cs, ce, _t, _f in marked]
        return Evidence(hits, _snippet(fields[fname].text, marks, terms=[t for _o, _cs, _ce, t, _f in marked]))
    for fname in ("body", "summary", "title"):
        text = fields[fname].text
        if text and not text.isspace():
            return Evidence(hits, _snippet(text, []))
    return Evidence(hits, "")


# ── public API ───────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, eq=False)
class CompiledTopic:
    """A topic's query parsed and compiled once; ``match`` an article against it."""

    topic_id: str
    name: str
    query: str
    fold_diacritics: bool
    threshold: float
    ast: Node
    _root: _Node = field(repr=False)
    weights: dict[str, float] = field(default_factory=dict, repr=False)
    facts: FactRules | None = field(default=None, repr=False)

    def index(self, article: Article) -> ArticleIndex:
        return ArticleIndex(article, self.fold_diacritics)

    def match(self, article: Article, index: ArticleIndex | None = None) -> Match | None:
        """The match with its evidence and facts, or None when the query is false or scores under the threshold.

        ``index`` is the article already tokenized for this topic's fold mode (see ``match_all``).
        """
        found = self.evaluate(article, index)
        return found if found is None else self.with_facts(found, article)

    def evaluate(self, article: Article, index: ArticleIndex | None = None,
                 keys: Candidates | None = None) -> Match | None:
        """``match`` without the facts: the query, its score and its evidence.

        ``keys``: what a ``TopicSet`` holding this topic found in the article (its ``candidates``)."""
        if index is None or index.article is not article or index.fold != self.fold_diacritics:
            index = self.index(article)
        ctx = _Ctx(index, keys)
        if not self._root.holds(ctx):
            return None
        raw: set[tuple[str, str, int, int]] = set()
        self._root.collect(ctx, raw)
        weights = self.weights
        score = float(sum(weights.get(term, 1.0) for term, _f in {(t, f) for t, f, _s, _e in raw}))
        if score < self.threshold:
            return None
        return Match(self.topic_id, self.name, round(score, 6), _evidence(index, raw))

    def with_facts(self, found: Match, article: Article) -> Match:
        """A match of this topic with the facts its extractor finds in the article (if it has one)."""
        if self.facts is None:
            return found
        return replace(found, facts=extract_facts(self.facts, self.topic_id, article))


def compile_topic(
    topic_id: str,
    name: str,
    query: str,
    *,
    fold_diacritics: bool = True,
    threshold: float = 1.0,
    terms: Mapping[str, Sequence[str]] | None = None,
    facts: FactRules | None = None,
) -> CompiledTopic:
    """Parse and compile a topic's query; raises ``QuerySyntaxError`` when the query is wrong.

    ``terms``: the named term lists ``@name`` refers to; ``facts``: the topic's fact extractor."""
    ast = parse(query, terms)
    root = _compile(ast, fold_diacritics, frozenset(FIELD_ORDER))
    return CompiledTopic(topic_id, name, query, fold_diacritics, threshold, ast, root, _weights(ast, {}), facts)


class TopicSet(list):
    """Compiled topics matched together: one pass of the prefilter finds the topics worth evaluating."""

    def __init__(self, topics: Iterable[CompiledTopic] = ()) -> None:
        super().__init__(topics)
        self.prefilter = Prefilter([(t.ast, t.fold_diacritics) for t in self])
        self.folds = sorted({t.fold_diacritics for t in self})
        # The last article whose search forms were made, with its fields in the fast encoding: if it is evaluated
        # next, its tokens are cut from those (``FieldTokens``) rather than encoded again.
        self._encoded: tuple[Article | None, dict[str, bytes | None]] = (None, {})

    def search_forms(self, article: Article) -> dict[str, str]:
        """Each field of the article (title, summary, body) in the prefilter's folded form (``text.scan_form``)."""
        (title, title_bytes), (summary, summary_bytes), (body, body_bytes) = (
            scan_form(article.title), scan_form(article.summary), scan_form(article.body))
        self._encoded = (article, {"title": title_bytes, "summary": summary_bytes, "body": body_bytes})
        return {"title": title, "summary": summary, "body": body}

    def candidates(self, article: Article, forms: Mapping[str, str] | None = None) -> Candidates:
        """Indices of the topics that may match the article (the prefilter's answer), in topic order."""
        return self.prefilter.candidates(self.search_forms(article) if forms is None else forms)

    def evaluate(self, article: Article, candidates: Iterable[int]) -> list[tuple[int, Match]]:
        """(topic index, match without facts) of the given topics that match; the article is tokenized
        once. Given ``candidates`` from ``self.candidates``, the terms whose keys were not found in a field are
        not looked up there."""
        keys = candidates if isinstance(candidates, Candidates) else None
        indexes: dict[bool, ArticleIndex] = {}
        tokens = None
        matches = []
        for i in candidates:
            topic = self[i]
            index = indexes.get(topic.fold_diacritics)
            if index is None:
                encoded, fields = self._encoded  # one tuple: read at once, whichever thread wrote it last
                tokens = tokens or article_tokens(article, fields if encoded is article else None)
                index = indexes[topic.fold_diacritics] = ArticleIndex(article, topic.fold_diacritics, tokens)
            found = topic.evaluate(article, index, keys)
            if found is not None:
                matches.append((i, found))
        return matches

    def match(self, article: Article) -> list[Match]:
        """Every topic that matches the article, in topic order, with evidence and facts."""
        candidates = self.candidates(article)
        if not candidates:  # most articles
            return []
        return [self[i].with_facts(m, article) for i, m in self.evaluate(article, candidates)]


def match_all(topics: Iterable[CompiledTopic], article: Article) -> list[Match]:
    """Every topic that matches ``article``, in order; the article is tokenized once per fold mode.

    Pass a ``TopicSet`` (compiled once); any other iterable is wrapped in one (the last few are kept)."""
    topic_set = topics if isinstance(topics, TopicSet) else _topic_set(tuple(topics))
    return topic_set.match(article)


@lru_cache(maxsize=8)
def _topic_set(topics: tuple[CompiledTopic, ...]) -> TopicSet:
    return TopicSet(topics)
