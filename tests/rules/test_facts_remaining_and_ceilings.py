"""Troop facts: a strength "up from" an earlier one, ceilings named in the clause, an extension that sends nobody,
and what is left after a movement (never the troops moved)."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # the strength the force reaches, and the one it comes from, are both its totals (as "to Y ... from X")
    ("The new units take KFOR's strength to about 4,800, up from some 4,100 in the spring.",
     [("total", 4800), ("total", 4100)]),
    ("Reinforcements brought KFOR to nearly 5,000 troops, up from 4,200 last year.",
     [("total", 5000), ("total", 4200)]),
    ("NATO will cut KFOR to about 3,900, down from 4,300 earlier this year.", [("total", 3900), ("total", 4300)]),
    ("Đợt tăng viện đưa quân số KFOR lên gần 4.900, tăng từ khoảng 4.200 hồi đầu năm.",
     [("total", 4900), ("total", 4200)]),
    ("Quân số KFOR sẽ giảm xuống 3.900, từ 4.300 trước đó.", [("total", 3900), ("total", 4300)]),
    # "từ mức X" is "from X"
    ("Quân số KFOR tăng từ mức 4.100 lên 4.600 binh sĩ.", [("total", 4100), ("total", 4600), ("change", 500)]),
])
def test_a_strength_up_or_down_from_an_earlier_one(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a ceiling named earlier in the figure's clause, after a sentence of an extension: no fact
    ("Quốc hội Hà Lan gia hạn thêm hai năm sự tham gia vào KFOR. Mức trần cho sứ mệnh vẫn được giữ ở mức 250 "
     "binh sĩ.", []),
    ("The Dutch parliament extended its participation in KFOR for two more years. The ceiling for the mission "
     "remains at 250 soldiers.", []),
    # ... nor after a sentence of troops arriving
    ("Áo sẽ điều thêm binh sĩ tới Kosovo. Số quân tối đa được phép cho sứ mệnh là 250 binh sĩ.", []),
    ("Austria will send more soldiers to Kosovo. The maximum number for the mission stays at 250 soldiers.", []),
    # a word of moving between the ceiling and the figure moves the figure; "Trần" is also a surname
    ("Parliament raised the cap, and Austria will send 120 more soldiers to Kosovo.", [("change", 120)]),
    ("Ông Trần Minh cho biết Áo sẽ điều 120 binh sĩ tới Kosovo.", [("change", 120)]),
])
def test_a_ceiling_named_in_the_clause_is_no_fact(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an extension ("gia hạn thêm một năm", "extended the deployment of") sends no troops: the figure after it is
    # of the troops kept
    ("Slovenia gia hạn thêm một năm sứ mệnh tại KFOR. Khoảng 90 binh sĩ Slovenia sẽ tiếp tục phục vụ.", []),
    ("Slovenia extended the deployment of its troops in KFOR. About 90 Slovenian soldiers will stay on.", []),
    # ... while a sentence of troops sent still tells what the next figure's troops do
    ("Slovenia sẽ điều thêm binh sĩ tới Kosovo. Khoảng 90 binh sĩ sẽ lên đường vào tuần tới.", [("change", 90)]),
    ("Slovenia will send more soldiers to Kosovo. The first 90 soldiers are due on Monday.", [("change", 90)]),
])
def test_an_extension_sends_no_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a size stated after a verb of having, dated by "after the reduction": what remains, not troops moved
    ("Hungary will pull 120 soldiers out of Kosovo. Its contingent, which will number some 280 soldiers after "
     "the reduction, keeps its base.", [("change", -120)]),
    ("Hungary sẽ rút 120 binh sĩ khỏi Kosovo. Đội quân Hungary, vốn sẽ có khoảng 280 binh sĩ sau đợt cắt giảm, vẫn "
     "giữ căn cứ.", [("change", -120)]),
    # what is left after a movement: the force's total, or a contingent's size
    ("Hungary will withdraw 120 troops from KFOR, leaving about 4,350.", [("change", -120), ("total", 4350)]),
    ("Hungary will withdraw 120 soldiers from KFOR, leaving its contingent with 280 soldiers.", [("change", -120)]),
    ("Hungary sẽ rút 120 binh sĩ khỏi KFOR, chỉ còn lại khoảng 280 binh sĩ.", [("change", -120)]),
    # ... but the remaining troops withdrawn are a change
    ("The remaining 280 soldiers will be withdrawn from Kosovo next spring.", [("change", -280)]),
])
def test_what_is_left_after_a_movement_is_not_moved(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
