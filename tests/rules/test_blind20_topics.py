"""Shipped topics, a twentieth blind dev set. kfor-troops: a country's troops "serving with" the force are its
contingent, not the force's strength; soldiers the force "has lost" are casualties; troops withdrawn from a national
contingent in Kosovo (or serving in KFOR) are a change; reinforcements told as the past next to a plan denied now,
a plan said not to exist in other words ("no announced plan to withdraw"), a title that judges a hypothetical change
("... would be a mistake"), and a minister who "flew to Pristina" to visit the troops are no change.
kosovo-escalation: an explosion from a technical fault with sabotage ruled out is an accident, and an article that
says the north went months "without serious incident" tells its dated clashes as background."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # a national contingent serving with the force is no strength of it
    ("Germany launches brigade in Lithuania",
     "Germany's missions abroad include roughly 230 soldiers serving with the NATO-led KFOR force in Kosovo.", False),
    # control: the force with its figure
    ("NATO chief in Pristina",
     "KFOR, the NATO-led mission with some 4,500 troops, patrols the north.", True),
    # soldiers lost are casualties, not a strength
    ("Ceremony at Camp Film City",
     "KFOR has lost more than 200 soldiers to accidents, illness and hostile acts since it deployed.", False),
    ("Buổi lễ tại trại Film City",
     "KFOR có hơn 200 binh sĩ hy sinh trong các tai nạn và vụ tấn công kể từ khi triển khai.", False),
    # troops withdrawn from a national contingent in Kosovo or serving in KFOR
    ("Thụy Sĩ điều chỉnh các nhiệm vụ ở nước ngoài",
     "Thụy Sĩ sẽ rút bớt 30 quân nhân khỏi đội hình SWISSCOY tham gia Lực lượng Kosovo (KFOR) kể từ tháng 4.", True),
    ("Swiss government adjusts missions abroad",
     "Switzerland will withdraw 30 soldiers from its SWISSCOY formation serving in KFOR from April.", True),
    ("Thụy Sĩ rút bớt 30 quân nhân khỏi đội hình SWISSCOY tại Kosovo",
     "Thụy Sĩ tham gia KFOR từ năm 1999.", True),
    ("Swiss to withdraw 30 soldiers from their formation in Kosovo",
     "Switzerland has taken part in KFOR since 1999.", True),
    # reinforcements of the past next to a plan denied now
    ("Góc nhìn: cần thêm đối thoại",
     "Mỗi lần bùng phát, NATO lại phải điều quân tăng viện cho KFOR. Năm nay, NATO khẳng định không có kế hoạch tăng"
     " quân cho KFOR.", False),
    # a plan said not to exist in other words; a title that judges a hypothetical change
    ("Opinion: Pulling American troops out of Kosovo would be a mistake",
     "There is no announced plan to withdraw the roughly 600 American soldiers serving with KFOR.", False),
    ("Quan điểm: Rút quân Mỹ khỏi Kosovo sẽ là sai lầm",
     "Hiện không có bất kỳ kế hoạch nào để rút khoảng 600 binh sĩ Mỹ đang phục vụ trong KFOR.", False),
    # control: a decided withdrawal under such a title still counts
    ("Pulling troops out of Kosovo would be a mistake, critics say",
     "The Pentagon will withdraw 300 soldiers from KFOR in May, officials said.", True),
    # a minister who flew to Pristina visits the troops
    ("Minister visits troops in Kosovo",
     "The minister thanked the troops of the contingent serving with KFOR for their work in the Balkans. He flew to"
     " Pristina where he met the KFOR commander.", False),
    # control: troops that flew to Pristina
    ("New troops for KFOR",
     "About 200 soldiers flew to Pristina on Monday to join KFOR, the ministry said.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_contingents_casualties_and_hypotheses(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # an industrial explosion, sabotage ruled out
    ("Explosion at Kosovo power plant causes blackouts",
     "An explosion hit a boiler at the power plant near Pristina. The operator blamed a technical fault and police"
     " ruled out sabotage.", False),
    ("Nổ tại nhà máy điện ở Kosovo, nhiều nơi mất điện",
     "Một vụ nổ xảy ra tại lò hơi của nhà máy gần Pristina do sự cố kỹ thuật. Cảnh sát Kosovo khẳng định không có dấu"
     " hiệu phá hoại hay tấn công.", False),
    # control: a bomb attack with sabotage suspected
    ("Explosion damages canal in Kosovo",
     "An explosion damaged the canal near Zubin Potok. Police said it was an attack and called it sabotage.", True),
    # months without serious incident: the clashes of a year gone by are background
    ("Góc nhìn: cần thêm đối thoại",
     "Miền Bắc Kosovo đã trải qua nhiều tháng không có vụ việc nghiêm trọng nào. Năm 2023, đụng độ tại Zvečan khiến"
     " nhiều binh sĩ bị thương.", False),
    # control: clashes of today
    ("Góc nhìn: cần thêm đối thoại",
     "Đụng độ tại Zvečan hôm thứ Hai khiến nhiều binh sĩ bị thương, dù các tháng trước không có vụ việc nghiêm trọng"
     " nào.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_escalation_accidents_and_calm_months(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
