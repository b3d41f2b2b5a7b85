"""Shipped topics: escalation words used figuratively or of no security event, found on a sixth blind dev set. A
trade or tariff dispute "easing" or "escalating", players or lawmakers who "clash", "tension" in a title race or in
the chamber, soldiers hurt in a road accident, and a veteran's memoir that tells KFOR's 1999 strength. Each class has
positive controls: real escalation that mentions a match, a parliament vote, trade or an accident still counts."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a trade or tariff dispute is economic tension, not a security one
    ("Serbia và Kosovo nối lại đàm phán, căng thẳng thương mại dịu đi",
     "Hai bên thống nhất gỡ bỏ một phần thuế quan đối với nông sản.", set()),
    ("Trade tensions between Serbia and Kosovo ease as tariffs are cut",
     "Belgrade welcomed the decision to let dairy products and medicines cross again.", set()),
    ("Belgrade warns that the tariff dispute with Kosovo is escalating",
     "Serbian exporters say the levy has cost them millions of euros this year.", set()),
    # ... while tension by a security actor, or barricades in a trade story, still count
    ("Căng thẳng thương mại leo thang, cảnh sát Kosovo phong tỏa cửa khẩu",
     "Căng thẳng gia tăng khi cảnh sát đặc nhiệm Kosovo được triển khai tới cửa khẩu phía bắc.",
     {"kosovo-escalation"}),
    ("Kosovo bans Serbian goods",
     "Serb truck drivers put up barricades at the crossing into northern Kosovo after the ban on Serbian goods.",
     {"kosovo-escalation"}),
])
def test_a_trade_dispute_is_no_escalation(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # players, teams or a title race that "clash" are sport
    ("Heated finish in the Kosovo cup semi-final",
     "Players of both teams clashed near the benches in Gjilan before the referee sent two of them off.", set()),
    ("Trận cầu nóng ở Pristina",
     "Các cầu thủ hai đội đụng độ ở Pristina ngay sau tiếng còi mãn cuộc, trọng tài phải rút thẻ đỏ.", set()),
    ("Title race heats up in Prizren",
     "The tension in Prizren rose when players of the two clubs clashed at the final whistle.", set()),
    # ... while fans fighting the police or a side's forces around a match still count
    ("Riot police fire tear gas after match in Mitrovica",
     "Police clashed with hundreds of fans in north Mitrovica after the match, and twelve officers were injured.",
     {"kosovo-escalation"}),
    ("Fans clash with police after football match in Mitrovica",
     "Serb and Albanian fans clashed with riot police in Mitrovica after the qualifier; eight officers were hurt.",
     {"kosovo-escalation"}),
    ("Cổ động viên đụng độ cảnh sát sau trận bóng đá ở Mitrovica",
     "Cảnh sát Kosovo dùng hơi cay giải tán cổ động viên đụng độ với nhau ở Mitrovica sau trận bóng đá.",
     {"kosovo-escalation"}),
    ("Gunmen fire on a coach near Peja",
     "Gunmen opened fire on a coach carrying pilgrims near Peja on Sunday; the teams of investigators are at the site.",
     {"kosovo-escalation"}),
    ("Trận đấu ở Mitrovica bị hủy",
     "Cảnh sát Kosovo đụng độ với người biểu tình Serb bên ngoài sân vận động sau trận đấu.", {"kosovo-escalation"}),
])
def test_players_who_clash_are_sport(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # lawmakers who "clash" in the assembly, "tension in the chamber", are politics
    ("Kosovo deputies clash again over the rules of the session",
     "The vote on the budget was postponed after an hour of shouting.", set()),
    ("Pristina: parliamentary tension grows over the speaker's election",
     "In Pristina legislators clashed and the tension in the chamber rose as the opposition walked out.", set()),
    ("Quốc hội Kosovo lại bế tắc",
     "Các nghị sĩ Kosovo đụng độ gay gắt về thủ tục bỏ phiếu, căng thẳng trong nghị trường lên cao.", set()),
    # ... while a vote held as protesters clash with police, or a vote on an attack, still count
    ("Kosovo parliament votes on the north as protesters clash with police",
     "Outside the assembly in Pristina, Serb protesters clashed with police who fired tear gas.",
     {"kosovo-escalation"}),
    ("Lawmakers clash as Kosovo parliament condemns the attack on police in Zvečan",
     "Deputies argued for hours before the vote condemning the attack on a police patrol in Zvečan by armed Serbs.",
     {"kosovo-escalation"}),
])
def test_lawmakers_who_clash_are_politics(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # people hurt in an accident are no violence
    ("Two policemen hurt as patrol car overturns near Prizren",
     "Two Kosovo policemen were injured when their patrol car overturned on an icy road near Prizren.", set()),
    ("Hai binh sĩ KFOR bị thương trong tai nạn giao thông",
     "Hai binh sĩ KFOR bị thương khi xe của họ va chạm với một xe tải gần Ferizaj, cảnh sát Kosovo cho biết.", set()),
    # ... while people hurt in an attack, in an article that also names an accident, still count
    ("Gunmen attack police in north Kosovo",
     "Two policemen were injured in the attack near Zubin Potok; police said it was no accident.",
     {"kosovo-escalation"}),
])
def test_people_hurt_in_an_accident_are_no_violence(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a memoir tells the force of 1999 as history
    ("A veteran's memoir of the first months in Kosovo",
     "When he arrived, KFOR had some 45,000 soldiers from 35 countries, he writes.", set()),
    ("Cựu sĩ quan ra mắt hồi ký về những ngày đầu ở Kosovo",
     "Theo cuốn sách, lúc đó KFOR có khoảng 45.000 binh sĩ từ 35 quốc gia.", set()),
    # ... while a memoir article that tells troops sent now still counts
    ("A veteran's memoir of the first months in Kosovo",
     "The launch came as the government said it will send 60 more soldiers to KFOR next month.", {"kfor-troops"}),
])
def test_a_memoir_tells_history(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
