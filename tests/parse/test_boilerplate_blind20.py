"""A related-news heading in a page copied without diacritics ("Bai viet lien quan:") ends the article as its
accented form does; a longer line that only starts with such words is the article's own."""

from __future__ import annotations

import pytest

from monitor.parse.boilerplate import is_related_heading, strip_boilerplate


@pytest.mark.parametrize("line", ["Bai viet lien quan:", "Tin lien quan", "Tin khac", "Doc nhieu nhat", "Xem them"])
def test_folded_heading(line: str) -> None:
    assert is_related_heading(line)


@pytest.mark.parametrize("line", ["Tin khac nhau ve vu viec", "Bai viet cua chung toi"])
def test_folded_sentence_is_no_heading(line: str) -> None:
    assert not is_related_heading(line)


def test_folded_related_block_is_cut() -> None:
    text = ("Nguoi Serb bieu tinh o mien Bac Kosovo.\n\nBai viet lien quan:\n"
            "- NATO dieu them 700 binh si toi Kosovo")
    assert "700" not in strip_boilerplate(text)
