"""Troop facts: the force's strength told as ``N strong`` with no troop word, its name in a naming clause before
(``the force, known as KFOR, is some 3,800 strong``); ``by N`` measures the verb that governs the troops, not a verb
that only qualifies them (``cutting the number of soldiers it may deploy by 30``), and ``cutting`` / ``decreasing`` cut;
troops in a clause of "where" / "nơi" after another country are that country's, however far into the clause;
the force's own troops (``binh sĩ KFOR``) serving with no place said serve in it; scale words written without
diacritics (``4,6 nghin``); a rotation that brings ``N fewer`` troops (``ít hơn N binh sĩ so với``) is a cut."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    # "N strong" with no troop word states the force's size, even with its name in a naming clause before
    ("The NATO mission, known as KFOR, is now about 3,800 strong and will reach some 4,800 when the extra battalions "
     "land.", [("total", 3800), ("total", 4800)]),
    ("KFOR, also called the Kosovo Force, is currently around 3,800 strong and will grow once reinforcements arrive.",
     [("total", 3800)]),
    ("Lực lượng gìn giữ hòa bình, còn gọi là KFOR, hiện có khoảng 3.800 binh sĩ và sẽ được tăng cường.",
     [("total", 3800)]),
    # a contingent so named is no force
    ("The Austrian contingent, known as AUCON, is about 1,100 strong and will get 200 more soldiers.", []),
])
def test_force_strong_after_a_naming_clause(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the verb after the troops only says which troops; the verb before them is the change "by N" measures
    ("Parliament agreed to extend the KFOR mission while reducing the number of troops it can send by 40.",
     [("change", -40)]),
    ("The government is trimming the number of soldiers it deploys to KFOR by 25.", [("change", -25)]),
    ("Thụy Sĩ sẽ cắt giảm số binh sĩ được phép triển khai tại KFOR thêm 30.", [("change", -30)]),
    # every form of cutting cuts
    ("Romania is cutting its KFOR contingent by 20 soldiers.", [("change", -20)]),
    ("Romania is decreasing its KFOR contingent by 20 soldiers.", [("change", -20)]),
    # control: a verb of adding before the troops still adds
    ("Austria will increase the number of soldiers it sends to KFOR by 50.", [("change", 50)]),
])
def test_by_n_measures_the_verb_that_governs_the_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops in a clause of "where" after another country are that country's, however far into the clause
    ("Belgium is withdrawing its last KFOR officers so they can move to Lithuania, where Brussels plans to deploy "
     "about 600 soldiers next year.", []),
    ("Bỉ rút các sĩ quan cuối cùng khỏi KFOR để chuyển sang Litva, nơi Brussels dự kiến triển khai khoảng 600 binh sĩ "
     "vào năm tới.", []),
    # controls: the force's place before "where"; the force's own troops
    ("NATO will send 700 troops to Kosovo, where KFOR has 4,500 soldiers.", [("change", 700), ("total", 4500)]),
    ("Italy sends 200 soldiers to Kosovo, where Rome will also deploy 300 more troops next year.",
     [("change", 200), ("change", 300)]),
])
def test_troops_in_a_where_clause_of_another_place(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the force's troops by name serving with no place after them serve in it
    ("Các trận đấu quốc tế ở vùng lãnh thổ nơi khoảng 4.600 binh sĩ KFOR vẫn đang đóng quân luôn được báo trước.",
     [("total", 4600)]),
    ("Ở Kosovo, nơi 4,6 nghìn binh sĩ KFOR đang đồn trú, trận đấu diễn ra an toàn.", [("total", 4600)]),
    ("Kosovo, where some 4,600 KFOR troops are still stationed, hosted the match safely.", [("total", 4600)]),
    # a nation's troops serving elsewhere stay out
    ("Hiện khoảng 10.000 binh sĩ Ba Lan đang làm nhiệm vụ tại khu vực giáp biên giới với Belarus.", []),
    # scale words without diacritics
    ("KFOR hien co khoang 4,6 nghin binh si tu 29 quoc gia.", [("total", 4600)]),
    ("Luc luong KFOR co khoang 4 ngan binh si.", [("total", 4000)]),
])
def test_force_troops_serving_and_unaccented_scales(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a rotation that brings fewer troops than the unit it relieves is a cut, not a rotation
    ("The incoming Dutch rotation brings about 120 fewer soldiers to KFOR than the unit it relieves.",
     [("change", -120)]),
    ("Đợt luân chuyển mới đưa tới KFOR ít hơn khoảng 120 binh sĩ so với đơn vị trước đó.", [("change", -120)]),
    ("Britain will keep 120 fewer soldiers in KFOR from next spring.", [("change", -120)]),
    # controls: "fewer than N" / "ít hơn N" with nothing compared is an approximation; a plain rotation is none
    ("Britain will send fewer than 150 soldiers to KFOR.", [("change", 150)]),
    ("Anh sẽ gửi ít hơn 150 binh sĩ tới KFOR.", [("change", 150)]),
    ("In a routine rotation, 500 British soldiers arrived in Kosovo for KFOR.", []),
])
def test_fewer_troops_is_a_cut(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
