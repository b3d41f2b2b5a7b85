"""Shipped topics, a seventeenth blind dev set. kfor-troops: a national contingent's own size told in the sentence
after one that names KFOR ("... within KFOR. The contingent has some 200 soldiers") is no strength of the force;
troops sent to another mission are not sent to KFOR because KFOR is named after them ("countries that send soldiers
to EUFOR also contribute to NATO's Kosovo Force"); a battalion replacing another in an article whose title names
another mission (UNIFIL) is that mission's rotation, even when KFOR is named later. kosovo-escalation: tension said
to be absent ("no signs of tension", "không có căng thẳng", "không ghi nhận dấu hiệu căng thẳng") in an article whose
title names none is no rise of it (but "no sign of tension easing" is); scuffles, a place "on edge" and calls on
the sides to show restraint are tension; an exercise called off or Kosovo dropped from it as a rebuke is a reaction,
not a scenario, so the exercise-title guard does not hide the clashes it reacts to. Controls keep KFOR's own
strength, troops sent to KFOR, a KFOR rotation, real tension, and an exercise scenario in (or out of) each class."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # a contingent's size in the sentence after KFOR is named
    ("Austrian peacekeepers mark 20 years",
     "The Austrian troops serve within the NATO-led Kosovo Force (KFOR). The contingent has about 300 soldiers,"
     " most of them engineers.", False),
    ("Hai thập kỷ của binh sĩ Áo",
     "Các binh sĩ Áo phục vụ trong khuôn khổ Lực lượng KFOR. Phân đội hiện có khoảng 300 quân nhân, phần lớn là"
     " công binh.", False),
    ("Hai thap ky cua binh si Ao",
     "Cac binh si Ao phuc vu trong khuon kho Luc luong KFOR. Phan doi hien co khoang 300 quan nhan.", False),
    # controls: KFOR's own strength stays in
    ("Election passes quietly",
     "Voting went smoothly. KFOR has about 4,500 troops in Kosovo and was not called upon.", True),
    ("Bầu cử diễn ra yên bình",
     "Cuộc bỏ phiếu diễn ra suôn sẻ. KFOR hiện có khoảng 4.500 binh sĩ tại Kosovo.", True),
    # troops sent to another mission, KFOR named after them
    ("EU force in Bosnia calls in reserves",
     "Many states that deploy troops to EUFOR also contribute to NATO's Kosovo Force next door.", False),
    ("EU force in Bosnia calls in reserves",
     "Several nations that send soldiers to UNIFIL also contribute to KFOR.", False),
    # controls: troops sent to KFOR
    ("Austria reinforces Kosovo mission",
     "Vienna will send soldiers to KFOR next month, the defence ministry said.", True),
    ("Italy boosts NATO presence",
     "Rome will send troops to the NATO-led force in Kosovo after the unrest.", True),
    # a rotation of another mission named by the title
    ("Parliament backs new UNIFIL battalion",
     "The incoming battalion will replace the current one in May. Some staff officers also serve at KFOR"
     " headquarters.", False),
    ("Quốc hội thông qua tiểu đoàn mới cho UNIFIL",
     "Tiểu đoàn mới sẽ thay thế đơn vị hiện tại vào tháng 5. Một số sĩ quan khác phục vụ tại sở chỉ huy KFOR.",
     False),
    # controls: a KFOR rotation, also in an article whose title names no other mission
    ("Parliament backs new UNIFIL battalion",
     "A separate infantry company will replace the Irish unit serving in KFOR in June.", True),
    ("New contingent for the Balkans",
     "The incoming battalion will replace the current one in KFOR's western sector in May.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_contingent_size_other_mission_troops_and_rotation(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # tension said to be absent
    ("KFOR chief visits school in the north",
     "The commander said the situation in Kosovo was stable. \"We see no signs of tension among soldiers and"
     " residents,\" he told reporters in Zvecan.", False),
    ("Kosovo bỏ phiếu trong trật tự",
     "Cảnh sát Kosovo cho biết không có căng thẳng nào được ghi nhận tại các điểm bỏ phiếu.", False),
    ("Tân chỉ huy KFOR nhậm chức",
     "Ông cho rằng tình hình an ninh ở Kosovo ổn định và không ghi nhận dấu hiệu căng thẳng nào trong những tháng"
     " qua.", False),
    ("Tan chi huy KFOR nham chuc",
     "Ong cho rang tinh hinh an ninh o Kosovo on dinh va khong ghi nhan dau hieu cang thang nao.", False),
    # controls: tension not easing, a title that names tension
    ("Talks fail in Brussels",
     "Police in Kosovo's north said there were no signs of tension easing after the arrests.", True),
    ("Căng thẳng ở miền bắc Kosovo",
     "Cảnh sát Kosovo cho biết không có căng thẳng tại Pristina, nhưng miền bắc vẫn bất ổn.", True),
    ("Night in the north",
     "Police said there were no signs of tension in Pristina, but clashes broke out in Zvecan overnight.", True),
    # scuffles, on edge, calls for restraint
    ("Serbs protest office closures",
     "Police in North Mitrovica detained several people after scuffles with a crowd outside the town hall.", True),
    ("Người Serb phản đối đóng cửa văn phòng",
     "Cảnh sát ở Bắc Mitrovica đã bắt giữ nhiều người sau khi xảy ra xô xát với đám đông.", True),
    ("Why the north of Kosovo is on edge again",
     "Analysts describe a stalled dialogue and growing mistrust.", True),
    ("Western capitals react",
     "Berlin and Paris urged Belgrade and Pristina to show restraint after the police operation in Kosovo.", True),
    ("Các nước phương Tây phản ứng",
     "Đức và Pháp kêu gọi các bên kiềm chế sau chiến dịch của cảnh sát ở Kosovo.", True),
    # controls: restraint of spending, Europe (folded "Âu đã"), a calm report
    ("Kosovo budget approved",
     "The finance minister in Pristina said the government would keep spending under control.", False),
    ("Kosovo được miễn thị thực",
     "Liên minh châu Âu đã thông qua quy chế miễn thị thực cho công dân Kosovo.", False),
    # an exercise called off, or Kosovo dropped from it, as a rebuke
    ("US drops Kosovo from NATO drills over police raid",
     "Washington said the move in the north of Kosovo had triggered clashes in which peacekeepers were injured.",
     True),
    ("Mỹ loại Kosovo khỏi cuộc tập trận của NATO",
     "Washington cho biết chiến dịch của cảnh sát ở miền bắc Kosovo đã gây ra các vụ đụng độ khiến nhiều binh sĩ"
     " gìn giữ hòa bình bị thương.", True),
    ("Joint exercise with Kosovo cancelled",
     "The decision follows clashes in Zvecan in which protesters and soldiers were hurt.", True),
    # controls: an exercise whose scenario has clashes stays out
    ("KFOR exercise in Kosovo tests crowd control",
     "Soldiers rehearsed a scenario of clashes with protesters at a roadblock near Mitrovica.", False),
    ("KFOR diễn tập tại Kosovo",
     "Binh sĩ luyện tập tình huống đụng độ với người biểu tình gần Mitrovica.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_absent_tension_scuffles_restraint_and_exercise_called_off(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
