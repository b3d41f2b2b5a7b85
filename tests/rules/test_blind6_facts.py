"""Troop facts: a change spelled in words, troops serving in the force under its long name or in another mission, a
unit placed elsewhere, figures of the past, rotations, troops serving now as a size, casualties after a breakdown,
"by N to M", and the force's strength word before its figure."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # a tens number in words is a number of the sentence, whatever the sentence before
    ("KFOR: gần năm mươi quân nhân Séc sẽ rút khỏi Kosovo.", [("change", -50)]),
    # the force's long Vietnamese name stands between the verb of serving and its place
    ("Theo kế hoạch, gần năm mươi quân nhân Séc đang phục vụ trong Lực lượng gìn giữ hòa bình do NATO dẫn dắt tại "
     "Cô-xô-vô (KFOR) sẽ rời khỏi khu vực.", [("change", -50)]),
    ("Khoảng 60 binh sĩ Séc đang phục vụ trong Lực lượng gìn giữ hòa bình do NATO dẫn dắt tại Kosovo sẽ về nước.",
     [("change", -60)]),
    ("About 60 Czech soldiers serving in the NATO-led peacekeeping force in Kosovo will return home next month.",
     [("change", -60)]),
])
def test_troops_serving_in_the_force_move(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops serving now in another mission, in a sentence that names neither the force nor its place
    ("Hà Lan rút 20 binh sĩ khỏi KFOR. Nước này cũng rút khoảng 150 quân nhân và 4 trực thăng đang tham gia Phái bộ "
     "của Liên hợp quốc tại Mali.", [("change", -20)]),
    ("The Netherlands will withdraw 20 soldiers from KFOR. It will also pull out some 150 troops and four helicopters "
     "serving with the UN mission in Mali.", [("change", -20)]),
    # a unit placed elsewhere before the figure
    ("Norway will withdraw 30 soldiers from KFOR. Norway leads the NATO battalion in Lithuania, to which it has sent "
     "around 600 troops.", [("change", -30)]),
    ("Na Uy sẽ rút 30 binh sĩ khỏi KFOR. Lữ đoàn đa quốc gia tại Litva sẽ nhận thêm 600 binh sĩ Na Uy.",
     [("change", -30)]),
    # ... but not a place alone
    ("NATO will send reinforcements to KFOR. Speaking in Brussels, the minister said the 700 soldiers come from "
     "Germany.", [("change", 700)]),
    # a size with a participle of where the troops are is not troops sent
    ("Austria will keep its 280 soldiers in KFOR. Austria also has around 300 soldiers deployed with the UN mission in "
     "Lebanon.", []),
])
def test_troops_of_another_mission_are_no_facts(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("KFOR was deployed in 1999. At its peak, Italy had sent more than 5,000 troops to the force.", []),
    ("KFOR được triển khai năm 1999. Vào thời điểm cao nhất, Ý từng đóng góp hơn 5.000 quân cho lực lượng này.", []),
    # the past in another clause leaves the present movement
    ("At its peak in 1999 KFOR had 50,000 troops, but now Germany will send 200 more troops to Kosovo.",
     [("change", 200)]),
    # "từng" before a noun is "each"
    ("Từng nước sẽ gửi thêm 100 binh sĩ tới KFOR.", [("change", 100)]),
])
def test_figures_of_the_past_move_nothing(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("A new Austrian company has replaced the outgoing one in KFOR in a routine rotation. Some 200 soldiers arrived at "
     "Pristina airport on Monday.", []),
    ("Một đại đội mới của Áo đã thay thế đơn vị cũ trong KFOR theo kế hoạch luân chuyển. Khoảng 200 binh sĩ đã tới "
     "Pri-sti-na hôm thứ Hai.", []),
    # troops said to be added still are
    ("A new Austrian company has replaced the outgoing one in KFOR in a routine rotation. Austria will also send 100 "
     "more soldiers to Kosovo.", [("change", 100)]),
])
def test_a_rotation_changes_nothing(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops serving now are a size, not moved by the sentence before nor by a participle in the next clause
    ("Moldova will send 30 additional soldiers to KFOR. At present 45 Moldovan soldiers serve in the mission, "
     "deployed with the U.S. battle group.", [("change", 30)]),
    ("Moldova sẽ gửi thêm 30 binh sĩ tới KFOR. Hiện 45 binh sĩ Moldova đang phục vụ trong phái bộ, được triển khai "
     "cùng nhóm tác chiến của Mỹ.", [("change", 30)]),
    # casualties after a breakdown between dashes
    ("NATO sent 500 troops to Kosovo. Twenty peacekeepers - 8 Poles and 12 Italians - were injured.",
     [("change", 500)]),
    ("NATO điều 500 binh sĩ tới Kosovo. 20 binh sĩ - 8 người Ba Lan và 12 người Ý - đã bị thương.", [("change", 500)]),
])
def test_sizes_and_casualties_after_a_movement(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "by N to M": the change, then the size the contingent comes to
    ("Austria's KFOR contingent will shrink. The contingent, which numbers up to 300 soldiers, will be reduced by 50 "
     "to 250 next year.", [("change", -50)]),
    # the force's strength word a few words before the figure
    ("With the reinforcements, KFOR's strength temporarily rises above 4,800 personnel.", [("total", 4800)]),
    ("Theo KFOR, quân số của phái bộ hiện vào khoảng 4.800 người, đến từ 27 quốc gia.", [("total", 4800)]),
    ("KFOR's strength will grow by 700 troops.", [("change", 700)]),
    ("Thụy Sĩ sẽ cắt giảm quân số tại Kosovo thêm 30 người.", [("change", -30)]),
])
def test_by_n_to_m_and_the_forces_strength(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
