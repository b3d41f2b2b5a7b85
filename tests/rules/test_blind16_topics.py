"""Shipped topics, a sixteenth blind dev set. kfor-troops: KFOR's own troops counted in passing, by a possessive or
"whose" ("around 500 of KFOR's roughly 4,300 troops", "KFOR, whose 4,600 troops", "4.600 binh sĩ của KFOR"), and a
rotation told by a new contingent or a unit that replaces another, or troops a contingent "brings to Kosovo".
kosovo-escalation: things thrown at police ("threw firecrackers at a police station") and a rise of tension said
outright ("the decision will increase tensions") count; past unrest told as background does not: in an article whose
title tells a contingent scaled back or pulled out of Kosovo and that calls the present quiet, or in a calm feature
that dates the tension "two years after". Controls keep a casualty count, a contingent's size, an exercise, a
commander replaced and present clashes out of (or in) each class."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # KFOR's strength in passing, by the possessive or "whose"
    ("Senate panel backs Balkan funding",
     "Washington provides about 500 of KFOR's roughly 4,300 troops, most of them in the east.", True),
    ("Accession talks resume",
     "Stability rests on the NATO-led force, KFOR, whose 4,600 troops have served there since 1999.", True),
    ("Đàm phán gia nhập EU được nối lại",
     "Mỹ đóng góp khoảng 500 trong số 4.600 binh sĩ của KFOR, phần lớn đóng tại miền đông.", True),
    # controls: soldiers hurt, a national contingent, troops counted in an exercise
    ("Patrol attacked",
     "Three of KFOR's 12 soldiers on the patrol were injured when the crowd turned on them.", False),
    ("Đội tuần tra bị tấn công",
     "Có 12 binh sĩ của KFOR bị thương khi đám đông lao vào đội tuần tra.", False),
    ("Poland's mission",
     "KFOR's Polish contingent has 250 soldiers, who patrol the north.", False),
    ("KFOR tổ chức diễn tập",
     "Khoảng 1.300 binh sĩ của KFOR tham gia cuộc diễn tập kiểm soát đám đông kéo dài ba ngày.", False),
    # a rotation: a new contingent, a unit replacing another, troops brought to Kosovo
    ("Alpine troops take over sector",
     "The regiment brings 320 soldiers to Kosovo, 40 more than the battalion it replaces in KFOR.", True),
    ("Mountain troops head south",
     "The regiment brings 320 soldiers to Kosovo this week. They will serve under KFOR's western command.", True),
    ("Handover in the west",
     "A new contingent of mountain infantry took charge of KFOR's western sector on Monday.", True),
    ("Bàn giao tại miền tây",
     "Tiểu đoàn bộ binh núi sẽ thay thế phân đội hiện tại của KFOR ở miền tây vào tháng tới.", True),
    # controls: a commander replaced, a handover of command
    ("New commander for KFOR",
     "Major General Rossi replaced General Kovacs as commander of KFOR at a ceremony in Pristina.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_strength_in_passing_and_rotation(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # things thrown at police in a protest, and a warning that tension will rise
    ("Serbs rally against currency rule",
     "Thousands protested in North Mitrovica on Saturday. Youths threw firecrackers at a police station before"
     " being pushed back.", True),
    ("Người Serb biểu tình phản đối quy định tiền tệ",
     "Hàng nghìn người biểu tình tại Bắc Mitrovica hôm thứ Bảy. Một nhóm thanh niên ném pháo sáng vào đồn cảnh sát.",
     True),
    ("Washington criticises Pristina",
     "The ambassador said Kosovo had acted without consultation and that the measure would increase tensions.", True),
    ("Washington chỉ trích Pristina",
     "Đại sứ Mỹ cho rằng Kosovo đã hành động thiếu tham vấn và quyết định này sẽ làm gia tăng căng thẳng.", True),
    # past unrest as background: a contingent scaled back or pulled out, the present quiet
    ("Country to scale back Kosovo contingent by 120",
     "KFOR has been reinforced several times since clashes in the north of Kosovo in 2023. The reduction affects a"
     " logistics unit.", False),
    ("Country to pull reserve battalion out of Kosovo",
     "The battalion was flown in after violent protests in Zvečan in which dozens of soldiers were injured. The north"
     " has been comparatively quiet in recent months.", False),
    ("Nước này rút tiểu đoàn dự bị khỏi Kosovo",
     "Tiểu đoàn được điều tới sau các cuộc biểu tình bạo lực ở Zvečan khiến hàng chục binh sĩ bị thương. Miền bắc"
     " Kosovo tương đối yên ắng trong những tháng gần đây.", False),
    # a calm feature that dates the tension "two years after"
    ("A quiet summer in Mitrovica",
     "Two years after the tensions in Kosovo's north, shop owners call this summer the calmest in memory. A KFOR"
     " spokesman called the situation calm and stable. Nobody wants to go back to the barricades.", False),
    ("Mùa hè yên bình ở Mitrovica",
     "Hai năm sau khi căng thẳng bùng phát ở miền bắc Kosovo, người dân nói mùa hè này yên bình nhất. Người phát ngôn"
     " KFOR cho biết tình hình vẫn ổn định. Không ai muốn quay lại thời rào chắn.", False),
    # controls: present clashes in a calm-then-violent report, a title that names the tension
    ("Clashes erupt in Mitrovica",
     "Two years after the tensions of 2023, police clashed with protesters on Friday; the city had been calm.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_thrown_objects_rising_tension_and_background_unrest(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
