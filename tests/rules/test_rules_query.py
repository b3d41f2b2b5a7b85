import pytest

from monitor.rules import QuerySyntaxError
from monitor.rules.query import And, Field, Near, Not, Num, Or, Term, Word, parse


def words(node: object) -> object:
    """The AST with terms reduced to their text, to compare shapes compactly."""
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Num):
        return "#num"
    if isinstance(node, Field):
        return (f"{node.name}:", words(node.child))
    if isinstance(node, Not):
        return ("NOT", words(node.child))
    if isinstance(node, And):
        return ("AND", *[words(c) for c in node.children])
    if isinstance(node, Or):
        return ("OR", *[words(c) for c in node.children])
    if isinstance(node, Near):
        return (f"NEAR/{node.distance}", words(node.left), words(node.right))
    raise AssertionError(node)


@pytest.mark.parametrize(
    ("query", "shape"),
    [
        ("KFOR", "KFOR"),
        ("KFOR troops", ("AND", "KFOR", "troops")),
        ("KFOR AND troops", ("AND", "KFOR", "troops")),
        ("a b OR c", ("OR", ("AND", "a", "b"), "c")),
        ("a OR b c", ("OR", "a", ("AND", "b", "c"))),
        ("a OR b AND c OR d", ("OR", "a", ("AND", "b", "c"), "d")),
        ("(a OR b) c", ("AND", ("OR", "a", "b"), "c")),
        ("NOT a b", ("AND", ("NOT", "a"), "b")),
        ("a NOT b", ("AND", "a", ("NOT", "b"))),
        ("NOT NOT a", ("NOT", ("NOT", "a"))),
        ("a NEAR/3 b c", ("AND", ("NEAR/3", "a", "b"), "c")),
        ("a NEAR b", ("NEAR/10", "a", "b")),
        ("a NEAR/2 b NEAR/4 c", ("NEAR/4", ("NEAR/2", "a", "b"), "c")),
        ("a OR b NEAR/5 c", ("OR", "a", ("NEAR/5", "b", "c"))),
        ('(a OR b) NEAR/3 ("x y" OR z)', ("NEAR/3", ("OR", "a", "b"), ("OR", "x y", "z"))),
        ("title:KFOR body:(a OR b)", ("AND", ("title:", "KFOR"), ("body:", ("OR", "a", "b")))),
        ('summary:"binh sĩ" #num', ("AND", ("summary:", "binh sĩ"), "#num")),
        ("title: KFOR", ("title:", "KFOR")),
        ("kfor and troops or", ("AND", "kfor", "and", "troops", "or")),
    ],
)
def test_structure_and_precedence(query: str, shape: object) -> None:
    assert words(parse(query)) == shape


def test_phrases_and_bare_hyphenated_words_are_cut_by_the_tokenizer() -> None:
    assert parse('"Cô-xô-vô"') == Term("Cô-xô-vô", (Word("Cô"), Word("xô"), Word("vô")), 0)
    assert parse("Cô-xô-vô") == Term("Cô-xô-vô", (Word("Cô"), Word("xô"), Word("vô")), 0)
    assert parse('"Kosovo Force"').words == (Word("Kosovo"), Word("Force"))
    assert parse('"foo: bar"').words == (Word("foo"), Word("bar"))  # a colon in a phrase is text


def test_prefix_wildcards() -> None:
    assert parse("deploy*") == Term("deploy*", (Word("deploy", prefix=True),), 0)
    assert parse('"triển khai*"').words == (Word("triển"), Word("khai", prefix=True))
    assert parse('"troop* deploy*"').words == (Word("troop", True), Word("deploy", True))


def test_positions_are_recorded() -> None:
    node = parse("a NEAR/5 title:b")
    assert isinstance(node, Near)
    assert (node.position, node.right.position) == (2, 9)


@pytest.mark.parametrize(
    ("query", "position", "expected", "found"),
    [
        ("", 0, "a term", "end of query"),
        ("   ", 3, "a term", "end of query"),
        ("(KFOR OR troops", 15, "')'", "end of query"),
        ("(a OR (b c)", 11, "')'", "end of query"),
        ("a )", 2, "end of query", "')'"),
        ("()", 1, "a term", "')'"),
        ('KFOR "binh sĩ', 13, "'\"' to close the phrase", "end of query"),
        ('""', 0, "a term with letters or digits", '""'),
        ("KFOR AND", 8, "a term", "end of query"),
        ("OR KFOR", 0, "a term", "'OR'"),
        ("a OR OR b", 5, "a term", "'OR'"),
        ("a NOT", 5, "a term", "end of query"),
        ("a NEAR", 6, "a term", "end of query"),
        ("KFOR NEAR/x troops", 10, "a positive integer after 'NEAR/'", "'x'"),
        ("KFOR NEAR/1.5 troops", 10, "a positive integer after 'NEAR/'", "'1.5'"),
        ("KFOR NEAR/0 troops", 10, "a positive integer after 'NEAR/'", "'0'"),
        ("KFOR NEAR/ troops", 10, "a positive integer after 'NEAR/'", "nothing"),
        ("KFOR foo:bar", 5, "a field (title, summary or body) before ':'", "'foo'"),
        ("10:30", 0, "a field (title, summary or body) before ':'", "'10'"),
        ("title:", 6, "a term", "end of query"),
        ("title:(body:x)", 7, "no other field inside title:", "'body:'"),
        ("NOT a NEAR b", 0, "a NEAR operand without NOT (NOT binds tighter than NEAR)", "'NOT'"),
        ("a NEAR/3 (b OR NOT c)", 15, "a NEAR operand without NOT (NOT binds tighter than NEAR)", "'NOT'"),
        ("-kfor", 0, "a term (write NOT to exclude one)", "'-kfor'"),
        ("de*ploy", 2, "'*' only at the end of a word", "'de*ploy'"),
        ("*", 0, "'*' only at the end of a word", "'*'"),
        ("#number", 0, "'#num'", "'#number'"),
    ],
)
def test_syntax_errors_say_where_and_what(query: str, position: int, expected: str, found: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    err = caught.value
    assert (err.position, err.expected, err.found) == (position, expected, found)
    assert str(err) == f"at position {position}: expected {expected} but found {found}"


def test_a_word_read_again_elsewhere_in_a_query_is_the_same_and_its_error_says_where() -> None:
    """A word's reading is remembered (a named list's items are read in every query that uses the list); an
    error in it still names the position where this query wrote it."""
    assert parse("troops AND (troops OR x)") == parse("troops AND (troops OR x)")
    for query, position in (("de*ploy", 2), ("a OR de*ploy", 7), ('"x de*ploy"', 1 + 4)):
        with pytest.raises(QuerySyntaxError) as caught:
            parse(query)
        assert caught.value.position == position, query
    with pytest.raises(QuerySyntaxError) as caught:
        parse("a AND @bad", {"bad": ["ok", "de*ploy"]})
    assert caught.value.position == 6 + 2


def test_error_message_format_for_an_unclosed_group() -> None:
    with pytest.raises(QuerySyntaxError, match=r"^at position 14: expected '\)' but found end of query$"):
        parse("(KFOR OR KFOR2")
