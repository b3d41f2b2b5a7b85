"""Troop facts: sums of money, a deadline year that does not date the article, the verb before the troops governing
them over a word that names them, troops moved "since" a year, a movement that dates a size, and a relative clause
between the troops and their verb."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # a number with a currency is a sum of money, never a strength
    ("KFOR has about 4,500 troops. The cost of the mission next year is put at €41.2 million.", [("total", 4500)]),
    ("KFOR has about 4,500 troops. The budget of the mission is put at $52.5 million.", [("total", 4500)]),
    # controls: a currency code or word (and a figure of troops next to money) keep their readings
    ("KFOR has about 4,500 troops. The mission will cost CHF 38 million next year.", [("total", 4500)]),
    ("KFOR hiện có khoảng 4.500 binh sĩ. Chi phí cho phái bộ năm tới ước tính 52 triệu USD.", [("total", 4500)]),
    ("Germany will send 150 more soldiers to KFOR at a cost of €12 million.", [("change", 150)]),
    ("The mission of KFOR now numbers 4,500 troops.", [("total", 4500)]),
])
def test_money_is_no_figure(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a year of a deadline to come does not make the article's own year a year of the past
    ("Vienna, 3 June 2025 - Austria will cut its contingent in KFOR by about 60 soldiers this autumn. Critics want "
     "a complete withdrawal from all missions abroad by 2028.", [("change", -60)]),
    ("Ngày 3/6/2025, Áo cho biết sẽ rút khoảng 60 binh sĩ khỏi KFOR. Phe đối lập muốn rút toàn bộ đến năm 2028.",
     [("change", -60)]),
    ("The soldiers will serve in KFOR until the end of 2027. In 2025 Austria sent 60 more soldiers to Kosovo.",
     [("change", 60)]),
    # a year before one the article stands at still dates a figure to the past
    ("In 2023, NATO sent 700 troops to Kosovo. In 2025 the force is calm.", []),
])
def test_deadline_year_is_no_date_of_the_article(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the verb of moving before the troops governs them; a word of adding right after them names what they are
    ("Anh rút 150 binh sĩ tăng cường khỏi Kosovo.", [("change", -150)]),
    ("Pháp sẽ rút 150 quân tăng viện khỏi Kosovo vào cuối tháng.", [("change", -150)]),
    ("Britain will withdraw 150 reinforcement troops from Kosovo.", [("change", -150)]),
    ("Anh gửi 150 binh sĩ tăng cường tới Kosovo.", [("change", 150)]),
])
def test_verb_before_the_troops_governs_them(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops moved with a perfect tense "since" a year are counted over the years
    ("Critics noted that Sweden has sent more than 8,000 soldiers to Kosovo since 1999.", []),
    ("Thụy Điển đã cử hơn 8.000 binh sĩ tới Kosovo kể từ năm 1999.", []),
    # not a movement since a day, nor a year told of something else in another clause
    ("Germany has sent 200 more soldiers to KFOR since Monday.", [("change", 200)]),
    ("Germany will send 200 more soldiers to KFOR, its first increase since 2019.", [("change", 200)]),
])
def test_moved_since_a_year_is_cumulative(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a size dated by a movement it comes with is not moved by it
    ("Portugal will send 40 additional soldiers to Kosovo. With the reinforcement the contingent will number about "
     "260 troops.", [("change", 40)]),
    ("Bồ Đào Nha sẽ gửi thêm 40 binh sĩ tới Kosovo. Với đợt tăng cường này, đội ngũ sẽ có khoảng 260 binh sĩ.",
     [("change", 40)]),
    ("Portugal will send 40 additional soldiers to Kosovo.", [("change", 40)]),
])
def test_size_with_a_movement(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a relative clause between the troops and their verb tells the past of the noun before it
    ("Some 400 soldiers of the battalion, which was deployed to Kosovo after last year's riots left many peacekeepers "
     "injured, will be withdrawn in two groups, the ministry said.", [("change", -400)]),
    ("Khoảng 400 binh sĩ của tiểu đoàn, vốn được điều tới Kosovo sau các vụ bạo loạn năm ngoái khiến nhiều binh sĩ "
     "gìn giữ hòa bình bị thương, sẽ được rút về nước.", [("change", -400)]),
    # with no verb of moving after it, the relative clause still tells the troops' own arrival
    ("The 120 soldiers, who arrived in Kosovo on Monday, will serve in the north.", [("change", 120)]),
])
def test_relative_clause_between_troops_and_verb(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
