"""Troop facts: the force's strength on alert, a contingent's size ("N strong", the size it reaches), "from X troops to
Y", troops belonging to a unit, a participle that tells the troops' past, a range of one group, a thing counted next
to the troops, model names, a unit made of troops, and troops put under the force's command."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # the force's whole strength on alert is still its strength
    ("Theo người phát ngôn, KFOR với gần 4.700 binh sĩ hiện ở trong trạng thái sẵn sàng cao.", [("total", 4700)]),
    ("The spokesman said KFOR, with some 4,700 troops, has been placed on high readiness.", [("total", 4700)]),
    ("KFOR with some 4,700 troops is now on high readiness.", [("total", 4700)]),
    # troops put on standby move nowhere
    ("NATO placed 3,000 troops on standby for Kosovo.", []),
    ("Germany placed 500 soldiers on standby for KFOR.", []),
])
def test_force_strength_on_alert(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "N strong" closing its clause is a contingent's size, not troops moved
    ("With the extra troops, the Austrian contingent in Kosovo, now some 320 strong, will grow past 400.", []),
    ("Austria will send a 120-strong company to Kosovo.", [("change", 120)]),
    # the size a contingent reaches after troops moved in the sentence before is its size
    ("Slovenia will add 60 soldiers to KFOR. After that, the Slovenian contingent will reach about 150 soldiers.",
     [("change", 60)]),
])
def test_contingent_size_is_no_change(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "from X troops to Y": Y counts the troops named with X; a contingent in the place changes by Y - X
    ("Under the plan, the Slovak contingent in Kosovo will be cut from about 240 soldiers to some 180 by autumn.",
     [("change", -60)]),
    ("Theo kế hoạch, lực lượng Slovakia tại Kosovo sẽ giảm từ khoảng 240 binh sĩ xuống còn 180 vào mùa thu.",
     [("change", -60)]),
    ("KFOR will grow from about 3,800 troops to some 4,500 by spring.",
     [("total", 3800), ("total", 4500), ("change", 700)]),
])
def test_from_troops_to_a_number(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops assigned to a unit of the force belong to it; "to" is no direction there
    ("Some 300 Polish soldiers assigned to Kosovo Force took part in a parade in Pristina.", []),
    ("Germany sent 300 soldiers to Kosovo.", [("change", 300)]),
])
def test_troops_belonging_to_a_unit(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a participle right after the troops tells how they came; the verb after it what they do now
    ("About 300 Austrian soldiers sent to Kosovo last spring as a reserve have finished their tour and returned home.",
     [("change", -300)]),
    ("Khoảng 300 binh sĩ Áo được triển khai tới Kosovo hồi mùa xuân đã kết thúc nhiệm vụ và về nước.",
     [("change", -300)]),
    # controls: with no verb the other way the participle is the movement; a verb of another clause does not count
    ("NATO said 300 soldiers sent to Kosovo last week will stay.", [("change", 300)]),
    ("Germany sent 300 soldiers to Kosovo as Serbia pulled back its forces.", [("change", 300)]),
])
def test_participle_tells_the_past(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a range of one group is counted once, at its upper bound
    ("NATO will send between 300 and 400 soldiers of its reserve force to Kosovo.", [("change", 400)]),
    ("NATO sẽ điều 300-400 binh sĩ thuộc lực lượng dự bị tới Kosovo.", [("change", 400)]),
    ("Germany will send 300 to 400 soldiers to Kosovo.", [("change", 400)]),
    # controls: two strengths, a date, a contingent brought to a size
    ("KFOR sẽ tăng từ 3.800 lên 4.500 binh sĩ.", [("total", 3800), ("total", 4500), ("change", 700)]),
    ("Ngày 29-5, NATO điều 500 binh sĩ tới Kosovo.", [("change", 500)]),
    ("Germany will cut its KFOR contingent to 400 soldiers.", []),
])
def test_range_of_one_group(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a thing counted before the troops does not share their troop word; a model name is no number
    ("Slovenia will send three armoured vehicles and 40 soldiers to KFOR.", [("change", 40)]),
    ("Croatia will send two F-16 jets and 20 soldiers to KFOR.", [("change", 20)]),
    # the troops a unit moved is made of are moved with it
    ("Parliament backed the deployment of a medical detachment with two field ambulances and 25 personnel to the "
     "NATO-led Kosovo Force.", [("change", 25)]),
    ("Quốc hội đã phê chuẩn việc triển khai một phân đội y tế gồm hai xe cứu thương và 25 quân nhân cho KFOR.",
     [("change", 25)]),
    # controls: a nation's size after "with" is no movement
    ("Croatia, with 150 soldiers in KFOR, is a reliable ally.", []),
    ("Austria will send 350 German and 250 Austrian soldiers to Kosovo.", [("change", 350), ("change", 250)]),
])
def test_things_counted_with_the_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops put under the force's command join it, wherever they were before (an exercise included)
    ("The ministry said some 200 soldiers of the 2nd Battalion, already in Kosovo for a training exercise, would be "
     "placed under KFOR's command.", [("change", 200)]),
    ("Bộ Quốc phòng cho biết khoảng 200 binh sĩ Anh, vốn đang ở Kosovo để tham gia diễn tập, sẽ được đặt dưới quyền "
     "chỉ huy của KFOR.", [("change", 200)]),
    # controls: an exercise alone moves nobody; a denied transfer neither
    ("Some 200 soldiers took part in a joint exercise with KFOR near Pristina.", []),
    ("Khoảng 200 binh sĩ đã tham gia cuộc tập trận chung với KFOR.", []),
    ("Germany will not put its 200 soldiers under KFOR command.", []),
])
def test_placed_under_the_force(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
