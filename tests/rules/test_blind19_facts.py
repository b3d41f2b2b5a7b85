"""Troop facts: the force brought to a strength by a verb of bringing with the force as its noun (``bringing its
peacekeeping force there to about 5,500``, ``nâng quân số của lực lượng lên``), never a change of that size; ``N troops
strong`` in an apposition after the force's name (``the NATO-led KFOR mission, about 4,300 troops strong,``); a sentence
that points back at the force (``phái bộ``, or the alliance's force: ``a force that NATO says now numbers``) after the
article named the force or its place, however many sentences before; and the force's strength word read past a
qualifier of who leads it (``tổng quân số của phái bộ do NATO chỉ huy sẽ vào khoảng``, ``the strength of the NATO-led
mission``); a number joined to a troop figure and followed by ``from`` a country counts troops (``200 soldiers from
the UK and some 100 from Romania``); troops coming back to their base or barracks, or back from the force's place
(``returned from Kosovo``, ``trở về từ Kosovo``), leave it."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    ("The alliance will deploy 800 extra soldiers to Kosovo, bringing its force there to roughly 5,200.",
     [("change", 800), ("total", 5200)]),
    ("NATO is sending 600 more troops to Kosovo, taking the peacekeeping force to about 4,900 troops.",
     [("change", 600), ("total", 4900)]),
    ("NATO sẽ điều thêm 600 binh sĩ tới Kosovo, nâng quân số của lực lượng lên khoảng 4.900.",
     [("change", 600), ("total", 4900)]),
    # control: a contingent brought to a size is no total
    ("Italy will send 150 more soldiers to KFOR, bringing its contingent there to 1,250.", [("change", 150)]),
])
def test_force_brought_to_a_strength(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Talks resumed in the north, where the NATO-led KFOR mission, some 4,400 troops strong, keeps the peace.",
     [("total", 4400)]),
    ("The KFOR mission, roughly 4,400 soldiers strong, will stay impartial.", [("total", 4400)]),
    # control: another army in the same apposition
    ("Serbia's army, roughly 28,000 soldiers strong, was put on alert near Kosovo.", []),
])
def test_apposition_strong_sizes_the_force_before(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("MITROVICA, Kosovo - Italian carabinieri guard the bridge. The morning was quiet. Their unit belongs to a force "
     "that NATO says numbers about 4,600 troops from 28 countries.", [("total", 4600)]),
    ("Tại Kosovo, lính Italy canh gác cây cầu. Buổi sáng yên tĩnh. Đơn vị của họ thuộc lực lượng do NATO dẫn đầu, "
     "hiện có khoảng 4.600 quân nhân từ 28 quốc gia.", [("total", 4600)]),
    # control: an article that never names the force or its place
    ("Italian carabinieri guard the bridge. The morning was quiet. Their unit belongs to a force that NATO says "
     "numbers about 4,600 troops from 28 countries.", []),
    # control: the alliance's force elsewhere
    ("MITROVICA, Kosovo - The bridge was quiet. The morning was cold. NATO's battlegroup in Latvia numbers about "
     "1,600 troops from 10 countries.", []),
])
def test_sentence_pointing_back_after_the_place_was_named(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body, title="Bridge reportage") == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Ba Lan điều thêm 300 binh sĩ tới Kosovo. Khi số quân mới tới nơi, tổng quân số của phái bộ do NATO chỉ huy sẽ "
     "vào khoảng 4.800 người.", [("change", 300), ("total", 4800)]),
    ("Ba Lan điều thêm 300 binh sĩ tới Kosovo. Tổng quân số của phái bộ do NATO dẫn đầu sẽ lên khoảng 4.800 người.",
     [("change", 300), ("total", 4800)]),
    # control: a contingent's strength is no total
    ("Ba Lan điều thêm 300 binh sĩ tới Kosovo. Quân số của tiểu đoàn do NATO chỉ huy sẽ vào khoảng 1.100 người.",
     [("change", 300)]),
])
def test_strength_word_past_who_leads_the_force(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Once they arrive, the strength of the NATO-led mission will be around 4,800 troops.", [("total", 4800)]),
    ("Once they arrive, the strength of the mission led by NATO will be around 4,800 troops.", [("total", 4800)]),
    # control: "by" of a change still measures it
    ("The strength of the mission will be cut by 300 troops.", [("change", -300)]),
])
def test_strength_word_past_who_leads_the_force_in_english(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body, title="KFOR to grow") == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("About 250 soldiers from Poland and roughly 150 from Austria landed in Kosovo to reinforce KFOR.",
     [("change", 250), ("change", 150)]),
    ("Khoảng 250 binh sĩ từ Ba Lan và khoảng 150 từ Áo đã tới Kosovo để tăng cường cho KFOR.",
     [("change", 250), ("change", 150)]),
    ("Khoang 250 binh si tu Ba Lan va khoang 150 tu Ao da toi Kosovo de tang cuong cho KFOR.",
     [("change", 250), ("change", 150)]),
    # control: the number after a count of countries is no troops
    ("KFOR has 4,500 troops from 28 countries and 30 from partner nations.", [("total", 4500)]),
])
def test_parallel_number_from_a_country_counts_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Some 300 soldiers returned to their barracks in Bavaria after a six-month tour with KFOR.", [("change", -300)]),
    ("Some 300 soldiers came back from Kosovo after their tour with KFOR.", [("change", -300)]),
    ("Khoảng 300 binh sĩ đã trở về từ Kosovo sau sáu tháng phục vụ trong KFOR.", [("change", -300)]),
    # control: a base that is home to troops is no return
    ("Camp Bondsteel, home to some 600 KFOR soldiers, hosted the ceremony.", []),
])
def test_troops_returning_to_base_or_from_the_place(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
