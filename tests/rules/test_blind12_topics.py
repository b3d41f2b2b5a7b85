"""Shipped topics, a twelfth blind dev set: KFOR counted in apposition ("KFOR, the NATO-led force that numbers ..."),
a share of a contingent cut, a headline figure of Serbia's troops next to KFOR, stones thrown at the police, and
relations strained with a third party. Each class has controls on the other side."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # KFOR in apposition to the force that is counted
    ("Fans pack the stadium in Prizren",
     "Officers from KFOR, the NATO-led force which still numbers some 4,300 troops in Kosovo, watched the game.",
     True),
    ("Hội chợ Giáng sinh ở Pristina",
     "Binh sĩ của KFOR, lực lượng hiện có quân số khoảng 4.400 binh sĩ, cũng tham gia hội chợ.", True),
    # a share of a national contingent cut or withdrawn
    ("Portugal to withdraw half of its soldiers from KFOR",
     "The defence ministry said the rest of the company would stay in Pristina until the autumn.", True),
    ("Hà Lan rút một nửa lực lượng tại KFOR",
     "Bộ Quốc phòng Hà Lan cho biết số quân nhân còn lại vẫn làm nhiệm vụ tại trại Film City.", True),
    # ... not Serbia's forces cut, nor a share denied
    ("Belgrade trims army units near the boundary",
     "Serbia will cut half of its forces stationed near the line, KFOR said on Friday.", False),
    # a headline figure of Serbia's troops asked to enter Kosovo is not KFOR's
    ("Belgrade asks KFOR to let 800 soldiers return to Kosovo",
     "The request cites the UN resolution that ended the war.", False),
    # ... while KFOR's own figure in a headline that names Serbia still counts
    ("KFOR adds 300 troops as Serbia raises alert",
     "The new company will patrol the north.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_classes(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # stones thrown at the police, pepper spray on a crowd
    ("Crowd gathers outside the court in Leposavic",
     "A group of youths in Leposavic threw stones at police cars and officers answered with pepper spray.", True),
    ("Căng thẳng trước trụ sở xã ở Zubin Potok",
     "Một nhóm thanh niên ở Zubin Potok ném đá vào xe cảnh sát, khiến hai cảnh sát phải nhập viện.", True),
    # relations strained with a third party are diplomacy
    ("Kosovo kết thúc bầu cử địa phương",
     "Bầu cử diễn ra trật tự. Thời gian qua, quan hệ giữa Pristina với Mỹ và phương Tây trở nên căng thẳng do bất đồng"
     " về lộ trình đối thoại với ông Kurti.", False),
    ("Kurti sworn in for second term",
     "Kurti's ties with Washington and the EU have grown tense over the pace of the dialogue.", False),
    # ... while tension by a security actor in the same passage still counts
    ("Kurti sworn in for second term",
     "Relations with the EU are tense as police units and protesters face off in the north of Kosovo, raising tension.",
     True),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_escalation_classes(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
