"""Troop facts: numbers spelled in words, the whole a part is taken from, troops kept on standby, "by N troops" far
from its verb, a number of adding with its troop word left out, "N người" after a strength word, troops left in place,
and a full stop the sentence cutter kept inside a sentence."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from monitor.rules.numbers import read_numbers
from monitor.rules.text import tokenize
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


def numbers(text: str) -> list[int]:
    return [n.value for n in read_numbers(text, tokenize(text, fold_diacritics=False))]


@pytest.mark.parametrize(("text", "expected"), [
    # a number in words goes on after its scale word with a smaller one
    ("one hundred and forty soldiers", [140]), ("a hundred and sixty troops", [160]),
    ("four thousand five hundred troops", [4500]), ("two thousand and five", [2005]), ("a hundred and one", [101]),
    ("one hundred and twenty-five soldiers", [125]), ("a hundred twenty troops", [120]),
    ("một trăm bốn mươi binh sĩ", [140]), ("ba nghìn tám trăm quân", [3800]), ("một trăm linh năm người", [105]),
    # "rưỡi" after a scale word is half of it
    ("gần ba nghìn rưỡi binh sĩ", [3500]), ("một trăm rưỡi quân nhân", [150]), ("4 nghìn rưỡi", [4500]),
    # ... and not where a comma, a larger number or a lone unit follows, nor "năm" (year) with no scale or tens
    ("about a hundred, forty of them", [100, 40]), ("five hundred and three thousand", [500, 3000]),
    ("a thousand two days later", [1000, 2]), ("một trăm năm", [100]), ("một trăm năm mươi", [150]),
])
def test_numbers_spelled_in_words_go_on_after_the_scale(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Slovakia will send a new company, some one hundred and sixty soldiers strong, to KFOR.", [("change", 160)]),
    ("Reinforcements will bring KFOR to nearly four thousand five hundred troops.", [("total", 4500)]),
    ("Đợt tăng viện sẽ nâng tổng quân số KFOR lên khoảng ba nghìn rưỡi người.", [("total", 3500)]),
    ("Slovakia sẽ điều thêm một trăm bốn mươi binh sĩ tới Kosovo.", [("change", 140)]),
])
def test_spelled_figures_are_facts(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the whole the troops moved are part of, after their troop word, is a contingent's size
    ("Belgium will withdraw about 60 soldiers out of its roughly 250 in KFOR.", [("change", -60)]),
    ("Bỉ sẽ rút khoảng 60 binh sĩ trong tổng số gần 250 quân nhân Bỉ đang phục vụ trong KFOR.", [("change", -60)]),
    ("Belgium will withdraw 60 soldiers of its 250 soldiers from KFOR.", [("change", -60)]),
])
def test_the_whole_after_the_troops_is_no_fact(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops put on standby, or sent only if needed, are not moved, whatever the sentence before sent
    ("NATO flew 600 troops into Kosovo. A further battalion of some 400 soldiers was put on standby.",
     [("change", 600)]),
    ("NATO điều 600 binh sĩ tới Kosovo. Một tiểu đoàn khác gồm khoảng 400 quân được đặt trong tình trạng sẵn sàng "
     "cao để triển khai khi cần thiết.", [("change", 600)]),
    ("NATO will send 600 troops to Kosovo, with another 400 kept on standby.", [("change", 600)]),
    ("NATO will send 600 troops to Kosovo now and 400 more if necessary.", [("change", 600)]),
    ("NATO sẽ điều 400 binh sĩ tới Kosovo nếu cần.", []),
    # a readiness of another army, in a clause of its own, leaves the troops sent
    ("NATO sends 600 troops to Kosovo as Belgrade puts its army on high readiness.", [("change", 600)]),
])
def test_troops_on_standby_are_not_moved(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "by N troops" is the amount of the verb of changing before it, however far back
    ("Denmark will scale back its contribution to NATO's Kosovo Force (KFOR) by about a hundred troops next year.",
     [("change", -100)]),
    ("Denmark will increase its participation in the NATO-led peacekeeping mission in Kosovo by some 70 soldiers.",
     [("change", 70)]),
    # a number of adding right after a verb of moving, with no noun after it, counts the troops
    ("Several allies pledged more troops for KFOR. Portugal is to deploy about 80 more, joining its company there.",
     [("change", 80)]),
    ("Nhiều nước cam kết thêm quân cho KFOR. Bồ Đào Nha sẽ điều thêm khoảng 80 tới Kosovo.", [("change", 80)]),
    ("KFOR needs more equipment. Germany will send 30 more vehicles to Kosovo.", []),
])
def test_a_change_whose_verb_or_troop_word_stands_apart(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "N người" after a strength word is troops, moved by the sentence before
    ("NATO quyết định điều lực lượng dự bị tới Kosovo. Lực lượng này gồm một tiểu đoàn bộ binh Đức, với quân số "
     "khoảng 550 người.", [("change", 550)]),
    # a verb of leaving right before the troops leaves them in place
    ("Norway will reduce its KFOR contingent by 40 soldiers. The cut will leave some 110 Norwegian soldiers serving "
     "with KFOR.", [("change", -40)]),
    ("Na Uy sẽ giảm 40 binh sĩ khỏi KFOR. Việc cắt giảm sẽ để lại khoảng 110 binh sĩ Na Uy trong KFOR.",
     [("change", -40)]),
    ("Norway will withdraw 40 soldiers from KFOR. The last 40 soldiers will leave Kosovo in June.", [("change", -40)]),
])
def test_a_strength_in_people_and_troops_left_in_place(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a full stop left inside a sentence ends the number's clause: the month is no figure of the soldiers after it
    ("Quốc hội Áo thông qua việc tăng đóng góp cho KFOR từ 160 lên 180 binh sĩ. Đề xuất được thông qua sau khi "
     "Thượng viện đã bỏ phiếu tán thành hồi tháng 9. Số binh sĩ tăng thêm chủ yếu là công binh.", [("change", 20)]),
    ("Austria raised its contingent in KFOR from 160 to 180 soldiers. The vote came on May 9. Soldiers added are "
     "mostly engineers.", [("change", 20)]),
])
def test_a_full_stop_ends_the_numbers_clause(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
