"""Shipped topics: classes of errors found on a fourth blind dev set written from the labeling guide. Another
mission's strength "from N nations" in an article about that mission, and a reinforcement leaving Kosovo once the
situation has become more stable."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the figure "from N nations" belongs to the mission the article is about, KFOR named a paragraph later
    ("Netherlands sends extra platoon to EUFOR in Bosnia",
     "The Dutch government will send a further platoon to the EU operation in Bosnia and Herzegovina. The "
     "commander said more reserve units could follow if the crisis deepens. The operation usually counts about "
     "1,200 soldiers from 21 nations. The minister added that the country's other deployments in the region would "
     "not change, and its small team in the NATO-led Kosovo Force stays as it is.",
     set()),
    ("Ba Lan gửi thêm quân cho EUFOR ở Bô-xni-a",
     "Ba Lan sẽ gửi thêm một trung đội cho chiến dịch của EU tại Bô-xni-a Héc-xê-gô-vi-na trong bối cảnh khủng "
     "hoảng chính trị. Chiến dịch này thường có khoảng 1.200 binh sĩ từ 21 quốc gia. Bộ trưởng nói các cam kết "
     "khác của Ba Lan ở khu vực không thay đổi, kể cả phân đội trong lực lượng gìn giữ hòa bình KFOR.",
     set()),
    # ... while KFOR's own strength stated in its sentence still counts in such an article
    ("Netherlands sends extra platoon to EUFOR in Bosnia",
     "The Dutch government will send a further platoon to the EU operation in Bosnia and Herzegovina. Next door, "
     "KFOR counts about 4,500 soldiers from 28 nations.",
     {"kfor-troops"}),
])
def test_another_missions_strength_in_its_own_article(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a reinforcement leaving once the situation has become more stable: the unrest that brought it is background
    ("Romanian battalion to leave Kosovo as reinforcement ends",
     "A Romanian infantry battalion that was deployed to Kosovo two summers ago to reinforce KFOR will go home next "
     "month. The unit was sent from NATO's reserve after violent protests in the north left several peacekeepers "
     "injured. \"The situation has become more stable, so the reserve deployment is ending,\" the ministry said.",
     {"kfor-troops"}),
    ("Tiểu đoàn Ru-ma-ni rút khỏi Kosovo",
     "Tiểu đoàn bộ binh Ru-ma-ni được điều tới Kosovo để tăng cường cho KFOR sẽ về nước vào tháng tới. Đơn vị này "
     "được điều từ lực lượng dự bị của NATO sau các vụ bạo lực ở miền bắc Kosovo khiến nhiều binh sĩ bị thương. "
     "Bộ Quốc phòng cho biết tình hình đã ổn định hơn nên nhiệm vụ tăng cường kết thúc.",
     {"kfor-troops"}),
    # ... but not when the title tells tension, nor when the article does not say things have calmed
    ("Romanian battalion to leave Kosovo despite new clashes",
     "A Romanian battalion sent to reinforce KFOR will go home next month, although violent clashes broke out again "
     "in the north of Kosovo on Monday. The ministry said the situation has become more stable overall.",
     {"kfor-troops", "kosovo-escalation"}),
    ("Romanian battalion to leave Kosovo",
     "A Romanian battalion sent to reinforce KFOR will go home next month. On Monday violent protests in the north "
     "of Kosovo left several peacekeepers injured.",
     {"kfor-troops", "kosovo-escalation"}),
])
def test_a_reinforcement_leaving_once_calm(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
