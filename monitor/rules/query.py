"""The topic query language: a parser from query text to a small AST.

Terms
    ``KFOR``              a word; case never matters, diacritics may not (see the engine)
    ``"binh sĩ"``         a phrase: its words in this order, next to each other (punctuation between
                          them in the article is ignored, so ``"Cô-xô-vô"`` matches ``Cô-xô-vô``)
    ``Cô-xô-vô``          a bare word that the tokenizer cuts in several words is a phrase too
    ``deploy*``           prefix wildcard; also inside a phrase: ``"triển khai*"``
    ``#num``              any number token (``4.200``, ``4,500``, ``27``)
    ``@troops``           a named term list (``[terms]`` of rules.toml): any of its terms
    ``term^2``            a weight: the term adds 2 to the score instead of 1 (also ``"a b"^2``,
                          ``@list^0.5``, ``(a OR b)^3``: every term of the group)

Operators, from the tightest to the loosest
    ``NOT x``             x does not match
    ``a NEAR/n b``        some occurrence of a and some of b are at most n tokens apart (either order,
                          same field); ``NEAR`` alone is ``NEAR/10``; operands may be terms, phrases
                          and groups of them but may not contain NOT
    ``a AND b``, ``a b``  both (AND may be left out)
    ``a OR b``            either

Parentheses group. ``title:``, ``summary:`` and ``body:`` restrict the term or group that follows
(``title:KFOR``, ``title:(a OR b)``, ``body:"binh sĩ"``). Keywords are upper case; ``and`` is a word.
A mistake raises ``QuerySyntaxError`` with the character position where it was found.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from monitor.rules.text import tokenize

__all__ = [
    "And",
    "DEFAULT_NEAR",
    "FIELDS",
    "Field",
    "Near",
    "Node",
    "Not",
    "Num",
    "Or",
    "QuerySyntaxError",
    "Term",
    "Word",
    "list_term",
    "parse",
]

FIELDS = ("title", "summary", "body")
DEFAULT_NEAR = 10
_KEYWORDS = ("AND", "OR", "NOT")


class QuerySyntaxError(Exception):
    """A query that cannot be parsed; ``position`` is the 0-based character offset of the problem."""

    def __init__(self, position: int, expected: str, found: str) -> None:
        self.position = position
        self.expected = expected
        self.found = found
        super().__init__(f"at position {position}: expected {expected} but found {found}")


# ── AST ──────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Word:
    text: str  # the word as written (not normalized: the engine normalizes per fold mode)
    prefix: bool = False  # written with a trailing '*'


@dataclass(frozen=True)
class Term:
    """A word or a phrase (several words in a row)."""

    text: str  # as written in the query, without quotes or field
    words: tuple[Word, ...]
    position: int
    weight: float = 1.0


@dataclass(frozen=True)
class Num:
    """``#num``: any number token."""

    position: int
    text: str = "#num"
    weight: float = 1.0


@dataclass(frozen=True)
class Field:
    name: str  # "title" | "summary" | "body"
    child: Node
    position: int


@dataclass(frozen=True)
class Not:
    child: Node
    position: int


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]
    position: int


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]
    position: int


@dataclass(frozen=True)
class Near:
    left: Node
    right: Node
    distance: int
    position: int


Node = Term | Num | Field | Not | And | Or | Near


# ── lexer ────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(" ")" "AND" "OR" "NOT" "NEAR" "FIELD" "WORD" "PHRASE" "NUM" "LIST" "WEIGHT" "END"
    text: str  # the source text (for a phrase: its content; for a field: its name)
    position: int  # where it starts in the query (for a phrase: the opening quote)
    value: float = 0  # NEAR distance, weight


_TERM_STARTS = frozenset({"(", "NOT", "FIELD", "WORD", "PHRASE", "NUM", "LIST"})
MAX_DEPTH = 100  # parentheses / NOT nesting deeper than this is refused
MAX_LENGTH = 100_000  # characters of one query


def _found(tok: _Tok) -> str:
    if tok.kind == "END":
        return "end of query"
    if tok.kind == "PHRASE":
        return f'"{tok.text}"'
    if tok.kind == "FIELD":
        return f"'{tok.text}:'"
    return f"'{tok.text}'"


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos, n = 0, len(query)
    while pos < n:
        c = query[pos]
        if c.isspace():
            pos += 1
        elif c in "()":
            toks.append(_Tok(c, c, pos))
            pos += 1
        elif c == '"':
            close = query.find('"', pos + 1)
            if close < 0:
                raise QuerySyntaxError(n, "'\"' to close the phrase", "end of query")
            toks.append(_Tok("PHRASE", query[pos + 1 : close], pos))
            pos = close + 1
        else:
            end = pos
            while end < n and not query[end].isspace() and query[end] not in '()"':
                end += 1
            toks.extend(_lex_run(query[pos:end], pos))
            pos = end
    toks.append(_Tok("END", "", n))
    return toks


def _lex_run(run: str, pos: int) -> list[_Tok]:
    """Classify one run of non-space characters: keyword, NEAR/n, field prefix, #num or word."""
    if run in _KEYWORDS:
        return [_Tok(run, run, pos)]
    if "^" in run:
        head, weight = run.rsplit("^", 1)
        tok = _Tok("WEIGHT", weight, pos + len(head), _weight(weight, pos + len(head) + 1))
        return [*(_lex_run(head, pos) if head else []), tok]
    if run == "NEAR" or run.startswith("NEAR/"):
        return [_Tok("NEAR", run, pos, _near_distance(run, pos))]
    if ":" in run:
        name, rest = run.split(":", 1)
        if name.lower() not in FIELDS:
            raise QuerySyntaxError(pos, "a field (title, summary or body) before ':'", f"'{name}'")
        field = _Tok("FIELD", name.lower(), pos)
        return [field, *_lex_run(rest, pos + len(name) + 1)] if rest else [field]
    if run.lower() == "#num":
        return [_Tok("NUM", run, pos)]
    if run.startswith("@"):
        if len(run) == 1 or not all(c.isalnum() or c in "_-" for c in run[1:]):
            raise QuerySyntaxError(pos, "a term list name after '@' (letters, digits, '_' or '-')", f"'{run}'")
        return [_Tok("LIST", run[1:], pos)]
    if run.startswith("#"):
        raise QuerySyntaxError(pos, "'#num'", f"'{run}'")
    if run.startswith("-"):
        raise QuerySyntaxError(pos, "a term (write NOT to exclude one)", f"'{run}'")
    return [_Tok("WORD", run, pos)]


def _near_distance(run: str, pos: int) -> int:
    if run == "NEAR":
        return DEFAULT_NEAR
    digits = run[len("NEAR/") :]
    if not digits.isascii() or not digits.isdigit() or int(digits) < 1:
        found = f"'{digits}'" if digits else "nothing"
        raise QuerySyntaxError(pos + len("NEAR/"), "a positive integer after 'NEAR/'", found)
    return int(digits)


def _weight(text: str, pos: int) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1000:
        raise QuerySyntaxError(pos, "a weight between 0 and 1000 after '^' (e.g. ^2 or ^0.5)",
                               f"'{text}'" if text else "nothing")
    return value


def _words(text: str, offset: int) -> tuple[Word, ...]:
    """The words of a bare word or phrase content; '*' is allowed right after a word only."""
    words, misplaced = _words_of(text)
    if misplaced is not None:
        raise QuerySyntaxError(offset + misplaced, "'*' only at the end of a word", f"'{text}'")
    return words


@functools.lru_cache(maxsize=16384)  # a named list's items are read again in every query that uses the list
def _words_of(text: str) -> tuple[tuple[Word, ...], int | None]:
    """``_words``' words, and where a misplaced '*' stands (None: nowhere)."""
    tokens = tokenize(text, fold_diacritics=False)
    ends = {t.end for t in tokens}
    for i, c in enumerate(text):
        if c == "*" and (i not in ends or (i + 1 < len(text) and (text[i + 1].isalnum()))):
            return (), i
    return tuple(Word(text[t.start : t.end], text[t.end : t.end + 1] == "*") for t in tokens), None


# ── parser ───────────────────────────────────────────────────────────────────────────────────────


class _Parser:
    def __init__(self, query: str, terms: Mapping[str, Sequence[str]]) -> None:
        if len(query) > MAX_LENGTH:
            raise QuerySyntaxError(MAX_LENGTH, f"a query of at most {MAX_LENGTH} characters", "a longer one")
        self.toks = _lex(query)
        self.i = 0
        self.field: str | None = None
        self.terms = terms
        self.depth = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def fail(self, expected: str) -> QuerySyntaxError:
        tok = self.peek()
        return QuerySyntaxError(tok.position, expected, _found(tok))

    def parse(self) -> Node:
        if self.peek().kind == "END":
            raise self.fail("a term")
        node = self.or_expr()
        if self.peek().kind != "END":
            raise self.fail("end of query")  # only an unmatched ')' can stop the top level early
        return node

    def or_expr(self) -> Node:
        start = self.peek().position
        items = [self.and_expr()]
        while self.peek().kind == "OR":
            self.take()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(_flatten(Or, items), start)

    def and_expr(self) -> Node:
        start = self.peek().position
        items = [self.near_expr()]
        while True:
            if self.peek().kind == "AND":
                self.take()
            elif self.peek().kind not in _TERM_STARTS:
                break
            items.append(self.near_expr())
        return items[0] if len(items) == 1 else And(_flatten(And, items), start)

    def near_expr(self) -> Node:
        left = self.unary()
        while self.peek().kind == "NEAR":
            op = self.take()
            right = self.unary()
            for operand in (left, right):
                bad = _find_not(operand)
                if bad is not None:
                    raise QuerySyntaxError(
                        bad.position, "a NEAR operand without NOT (NOT binds tighter than NEAR)", "'NOT'"
                    )
            left = Near(left, right, op.value, op.position)
        return left

    def unary(self) -> Node:
        if self.peek().kind == "NOT":
            tok = self.take()
            self.enter(tok)
            node: Node = Not(self.unary(), tok.position)
            self.depth -= 1
            return node
        node = self.primary()
        if self.peek().kind == "WEIGHT":
            node = _weighted(node, self.take().value)
        return node

    def enter(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError(tok.position, f"at most {MAX_DEPTH} levels of parentheses and NOT",
                                   "deeper nesting")

    def primary(self) -> Node:
        tok = self.peek()
        if tok.kind == "LIST":
            self.take()
            return self.term_list(tok)
        if tok.kind == "(":
            self.enter(tok)
            self.take()
            if self.peek().kind == ")":
                raise self.fail("a term")
            node = self.or_expr()
            if self.peek().kind != ")":
                raise self.fail("')'")
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "FIELD":
            return self.scoped()
        if tok.kind == "NUM":
            self.take()
            return Num(tok.position)
        if tok.kind in ("WORD", "PHRASE"):
            self.take()
            return self.term(tok)
        raise self.fail("a term")

    def scoped(self) -> Node:
        tok = self.take()
        if self.field is not None and self.field != tok.text:
            raise QuerySyntaxError(tok.position, f"no other field inside {self.field}:", _found(tok))
        outer, self.field = self.field, tok.text
        try:
            child = self.primary()
        finally:
            self.field = outer
        return Field(tok.text, child, tok.position)

    def term(self, tok: _Tok) -> Term:
        offset = tok.position + 1 if tok.kind == "PHRASE" else tok.position
        words = _words(tok.text, offset)
        if not words:
            raise QuerySyntaxError(tok.position, "a term with letters or digits", _found(tok))
        return Term(tok.text.strip(), words, tok.position)

    def term_list(self, tok: _Tok) -> Node:
        items = self.terms.get(tok.text)
        if items is None:
            known = ", ".join("@" + k for k in sorted(self.terms)) or "none defined in [terms]"
            raise QuerySyntaxError(tok.position, f"a known term list ({known})", f"'@{tok.text}'")
        terms = [list_term(item, tok.position) for item in items]
        return terms[0] if len(terms) == 1 else Or(tuple(terms), tok.position)


def list_term(item: str, position: int = 0) -> Term:
    """One item of a named term list: a word, a phrase (words separated by spaces) or ``prefix*``."""
    words = _words(item, position)
    if not words:
        raise QuerySyntaxError(position, "a term with letters or digits", f'"{item}"')
    return Term(item.strip(), words, position)


def _weighted(node: Node, weight: float) -> Node:
    """``node`` with every term's weight multiplied by ``weight``."""
    if isinstance(node, (Term, Num)):
        return replace(node, weight=node.weight * weight)
    if isinstance(node, Field):
        return replace(node, child=_weighted(node.child, weight))
    if isinstance(node, (And, Or)):
        return replace(node, children=tuple(_weighted(c, weight) for c in node.children))
    if isinstance(node, Near):
        return replace(node, left=_weighted(node.left, weight), right=_weighted(node.right, weight))
    return node  # NOT adds nothing to the score


def _flatten(kind: type[And] | type[Or], items: list[Node]) -> tuple[Node, ...]:
    out: list[Node] = []
    for item in items:
        out.extend(item.children if isinstance(item, kind) else (item,))
    return tuple(out)


def _find_not(node: Node) -> Not | None:
    if isinstance(node, Not):
        return node
    if isinstance(node, Field):
        return _find_not(node.child)
    if isinstance(node, (And, Or)):
        for child in node.children:
            found = _find_not(child)
            if found is not None:
                return found
    if isinstance(node, Near):
        return _find_not(node.left) or _find_not(node.right)
    return None


def parse(query: str, terms: Mapping[str, Sequence[str]] | None = None) -> Node:
    """Parse a query into its AST; ``terms`` are the named term lists ``@name`` refers to.

    Raises ``QuerySyntaxError``."""
    return _Parser(query, terms or {}).parse()
