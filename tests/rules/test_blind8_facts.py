"""Troop facts: transliterated names spelled with "s" or "x", a troop word in another clause than the number (vote
counts), "more than" after the troops, the alliance's force in the force's place having its strength, a relative clause
about the clause before it, a unit told in a lead clause of its own, and what a moved unit is made of."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # a hyphenated transliteration is spelled with "s" where the list has "x", and the other way round
    ("Bộ Quốc phòng Ba Lan cho biết sẽ rút toàn bộ 60 quân nhân đang làm nhiệm vụ tại Cô-sô-vô về nước.",
     [("change", -60)]),
    ("Bộ Quốc phòng Ba Lan cho biết sẽ rút toàn bộ 60 quân nhân đang làm nhiệm vụ tại Cô-xô-vô về nước.",
     [("change", -60)]),
    ("Séc-bi-a điều thêm 1.500 binh sĩ tới khu vực giáp ranh Cô-xô-vô.", []),
    # "Séc" alone is the Czech Republic, not a spelling of Serbia
    ("Cộng hòa Séc sẽ gửi thêm 30 binh sĩ tới Cô-xô-vô để tăng cường cho KFOR.", [("change", 30)]),
])
def test_transliterations_with_s_or_x(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a troop word past a comma belongs to another clause: vote counts are no troops
    ("Quốc hội Áo thông qua việc cắt giảm 20 quân nhân tham gia KFOR với 120 phiếu thuận, 45 phiếu chống, quân số "
     "tối đa sẽ còn 250.", [("change", -20)]),
    ("Lawmakers voted to cut 20 soldiers from KFOR, 120 for, 45 against, troops unions said.", [("change", -20)]),
])
def test_troop_word_in_another_clause(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "more than" after the troops compares a time, it adds no troops
    ("About 4,300 KFOR troops remain in Kosovo more than two decades after the war.", [("total", 4300)]),
    ("Khoảng 4.300 binh sĩ KFOR vẫn ở lại Kosovo hơn hai thập kỷ sau chiến tranh.", [("total", 4300)]),
    ("Germany will send 150 troops more than planned to KFOR.", [("change", 150)]),
])
def test_more_than_after_the_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the alliance's force, placed in the force's place before its verb of having, has the force's strength
    ("The Americans at the base are part of a NATO force in Kosovo that still counts about 4,400 troops.",
     [("total", 4400)]),
    ("Ngay cả ở Kosovo, nơi NATO vẫn duy trì khoảng 4.400 quân, chi phí do các nước tự gánh.", [("total", 4400)]),
    ("NATO has about 4,400 troops in Kosovo.", [("total", 4400)]),
    # a nation between the alliance and its verb of having keeps the figure its contingent's
    ("NATO ally Italy has about 1,100 troops in Kosovo.", []),
    ("In Kosovo, NATO ally Italy still has about 1,100 troops.", []),
])
def test_the_alliance_in_the_place_has(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a relative clause is about the clause before it: another mission named there owns the figure
    ("The ministers discussed KFOR, which has about 4,600 troops, and the EU's EUFOR operation in Bosnia and "
     "Herzegovina, which currently has about 1,100 troops.", [("total", 4600)]),
    ("Hai bên bàn về KFOR, vốn có khoảng 4.600 binh sĩ, và chiến dịch EUFOR Althea ở Bosnia và Héc-xê-gô-vi-na, vốn "
     "hiện có khoảng 1.100 binh sĩ.", [("total", 4600)]),
    ("Italy is one of the largest contributors to KFOR, which numbers about 4,600 troops.", [("total", 4600)]),
])
def test_relative_clause_of_another_mission(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a unit told in a lead clause of its own is not the subject that has the figure
    ("With the Spanish company, KFOR now counts about 4,900 troops.", [("total", 4900)]),
    ("Với đại đội của Tây Ban Nha, KFOR hiện có khoảng 4.900 binh sĩ.", [("total", 4900)]),
    # a part of the force named in the clause of the verb of having still owns the figure
    ("The Polish contingent of KFOR has about 1,250 soldiers.", []),
])
def test_unit_in_a_lead_clause(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # what a unit that the sentence before moved is made of counts the troops moved
    ("Turkey sent a commando battalion to Kosovo on Monday. The battalion has about 450 soldiers and will serve "
     "under KFOR command.", [("change", 450)]),
    ("Thổ Nhĩ Kỳ đã điều một tiểu đoàn biệt kích tới Kosovo. Tiểu đoàn gồm khoảng 450 quân nhân, sẽ được đặt dưới "
     "quyền chỉ huy của KFOR.", [("change", 450)]),
    # with no movement before, a unit's size is no fact; nor is a contingent's after one
    ("KFOR troops patrol the north. The Turkish battalion has about 450 soldiers under KFOR command.", []),
    ("Turkey sent a commando battalion to Kosovo. Its contingent in KFOR has about 350 soldiers.", []),
    ("Thổ Nhĩ Kỳ đã điều một tiểu đoàn tới Kosovo. Đội quân của nước này trong KFOR hiện có khoảng 350 quân nhân.",
     []),
])
def test_what_a_moved_unit_is_made_of(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
