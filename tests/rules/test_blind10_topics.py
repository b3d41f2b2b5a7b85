"""Shipped topics: classes of errors found on a fifth pair of blind dev sets written from the labeling guide. The
transliterated "Cô-xô-vô" read as a verb of having, "kéo dài" (to last) and "có mặt tại" (to be present) read as
changes, KFOR told of an incident, a year ending the sentence before a troop word, troops sent with their figure right
before KFOR, military police and gendarmes, a rotation of contingents, and past unrest told in a troop-cut article."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # folded, "có" is the first syllable of "Cô-xô-vô": the figure after "(KFOR) và" is another mission's
    ("Hung-ga-ri cử sĩ quan tham mưu mới",
     "Hung-ga-ri hiện duy trì một tiểu đoàn trong lực lượng gìn giữ hòa bình tại Cô-xô-vô (KFOR) và khoảng 90 quân "
     "nhân trong phái bộ UNIFIL ở Li-băng.", set()),
    ("New staff officers from Hungary",
     "Hungary keeps a battalion in the peacekeeping force in Kosovo (KFOR) and about 90 soldiers in UNIFIL.", set()),
    # ... while "có" right before the figure, or in a phrase, is KFOR's strength
    ("Hội nghị an ninh khu vực", "Lực lượng KFOR có 4.600 binh sĩ.", {"kfor-troops"}),
    ("Hội nghị an ninh khu vực", "Lực lượng KFOR hiện có khoảng 4.600 binh sĩ.", {"kfor-troops"}),
])
def test_the_transliterated_place_is_no_verb_of_having(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # "kéo dài" of a command's term is "to last", not a contribution extended
    ("Tướng Ý nhận chức Tư lệnh KFOR",
     "Theo quy định, chức Tư lệnh KFOR được trao lần lượt cho các nước đóng góp quân, nhiệm kỳ kéo dài một năm.",
     set()),
    ("Italian general takes command of KFOR",
     "The command of KFOR passes in turn among the contributing nations, and each term lasts one year.", set()),
    # ... while a contribution extended still counts
    ("Quốc hội Áo họp phiên cuối năm",
     "Quốc hội Áo quyết định kéo dài nhiệm vụ của binh sĩ nước này trong KFOR thêm một năm.", {"kfor-troops"}),
    ("Quốc hội Áo họp phiên cuối năm",
     "Quốc hội Áo quyết định kéo dài thời gian đóng góp quân cho KFOR thêm một năm.", {"kfor-troops"}),
    ("Austrian parliament ends its session",
     "Parliament voted to extend Austria's contribution to KFOR for another year.", {"kfor-troops"}),
    # Vietnamese counts syllables: what is extended stands twelve of them from KFOR, and another mission's own
    # extension told further on does not take this one away
    ("Chính phủ Đan Mạch họp thường kỳ",
     "Chính phủ Đan Mạch đã đồng ý kéo dài sự hiện diện của các đơn vị quân đội nước này trong lực lượng KFOR tới "
     "năm 2028. Ở Bosnia, Đan Mạch cũng vừa gia hạn nhiệm vụ cho phái bộ EUFOR Althea.", {"kfor-troops"}),
])
def test_a_term_that_lasts_is_no_extension(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # "có mặt tại" of years of presence is no arrival
    ("Bộ trưởng Quốc phòng Séc thăm đơn vị ở Pristina",
     "Nhân dịp 20 năm quân đội Séc có mặt tại Kosovo, bộ trưởng đã thăm các đơn vị Séc đang phục vụ trong KFOR.",
     set()),
    ("Czech defence minister visits unit in Pristina",
     "Marking twenty years of the Czech army's presence in Kosovo, the minister visited Czech units serving in KFOR.",
     set()),
    # ... while troops that have just arrived count
    ("Công binh Séc tới Kosovo",
     "Các binh sĩ công binh Séc đã có mặt tại Kosovo và bắt đầu làm nhiệm vụ cùng KFOR.", {"kfor-troops"}),
    ("Czech engineers reach Kosovo",
     "Czech engineer soldiers have arrived in Kosovo and begun work with KFOR.", {"kfor-troops"}),
])
def test_presence_is_no_arrival(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # KFOR told of an incident: no troops go to it
    ("Patrol meets crowd near village",
     "A crowd gathered round the vehicles. The soldiers pulled back and reported the encounter to KFOR headquarters.",
     set()),
    ("Đội tuần tra gặp đám đông gần làng",
     "Một đám đông vây quanh xe tuần tra. Các binh sĩ rút lui và báo cáo cho KFOR.", set()),
    # ... while troops sent to KFOR count, whatever is reported after
    ("Romania boosts its contingent",
     "Romania sent 100 soldiers to KFOR on Monday, the ministry reported.", {"kfor-troops"}),
])
def test_telling_kfor_sends_nothing(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a year ending its sentence is no figure of the troops opening the next
    ("Peacekeepers decorated",
     "Dozens of KFOR soldiers received a NATO medal on Friday. The medal was created in 1999. Soldiers from partner "
     "nations qualify after thirty days in theatre.", set()),
    ("Trao huân chương cho lính gìn giữ hòa bình",
     "Hàng chục quân nhân KFOR được trao huân chương NATO hôm thứ Sáu. Huân chương được lập năm 1999. Binh sĩ các "
     "quốc gia đóng góp quân đủ điều kiện sau 30 ngày phục vụ.", set()),
    # ... while a strength figure from so many nations counts
    ("Peacekeepers decorated", "KFOR, founded in 1999, has 4,500 soldiers from 29 nations.", {"kfor-troops"}),
])
def test_a_year_is_no_troop_figure(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # troops sent with their figure right before KFOR, the verb far before them
    ("Slovenia approves engineer unit",
     "Lawmakers approved the deployment of an engineering unit with three bridge-laying vehicles, two excavators and "
     "25 soldiers to the NATO-led Kosovo Force.", {"kfor-troops"}),
    ("Xlô-vê-ni-a phê chuẩn đơn vị công binh",
     "Quốc hội phê chuẩn việc triển khai một đơn vị công binh gồm ba xe bắc cầu, hai máy xúc và 25 quân nhân cho KFOR.",
     {"kfor-troops"}),
    # ... but not denied
    ("Slovenia debates engineer unit",
     "The government will not send a unit with three bridge-laying vehicles and 25 soldiers to the NATO-led Kosovo "
     "Force.", set()),
    # military police and gendarmes are troops of KFOR
    ("France boosts KFOR", "France will dispatch 80 gendarmes to the NATO-led Kosovo Force next month.",
     {"kfor-troops"}),
    ("Ý tăng cường KFOR", "Ý sẽ triển khai 120 hiến binh tới Kosovo để phục vụ trong KFOR.", {"kfor-troops"}),
])
def test_troops_sent_to_kfor(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a rotation: incoming or outgoing troops of a contingent relieved in KFOR
    ("Ohio brigade relieves Kansas unit",
     "The incoming battalion of about 500 soldiers took over from the Kansas Guard unit at a ceremony, KFOR said.",
     {"kfor-troops"}),
    ("Ba Lan thay quân tại KFOR",
     "Lực lượng luân phiên mới của Ba Lan đã tiếp nhận nhiệm vụ trong KFOR thay cho đơn vị cũ.", {"kfor-troops"}),
    # ... not a command that rotates, nor another mission's rotation
    ("New KFOR commander",
     "The incoming KFOR commander, a Hungarian general, took over from an Italian at a ceremony.", set()),
    ("Tư lệnh KFOR mới", "Quyền chỉ huy KFOR được luân phiên giữa các nước đóng góp quân.", set()),
    ("Austrian battalion takes over at Butmir",
     "The incoming battalion of 400 soldiers took over at EUFOR's Camp Butmir near Sarajevo. Austria also has "
     "troops in KFOR.", set()),
])
def test_a_rotation_of_contingents(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # past unrest told as the cause of troops now cut: background, no escalation
    ("Germany reduces its KFOR contingent",
     "Germany will bring home 60 of its soldiers from Kosovo. The extra platoon was sent in early 2024 after violence "
     "flared in northern Kosovo.", {"kfor-troops"}),
    ("Đức cắt giảm quân số tại KFOR",
     "Đức sẽ rút 60 binh sĩ khỏi Kosovo. Trung đội này được điều tới từ đầu năm 2024 sau các vụ bạo lực ở miền bắc "
     "Kosovo.", {"kfor-troops"}),
    # ... but today's violence counts
    ("Germany reduces its KFOR contingent",
     "Germany will bring home 60 of its soldiers from Kosovo. Violence flared again in northern Kosovo on Sunday.",
     {"kfor-troops", "kosovo-escalation"}),
    ("Germany reduces KFOR troops despite new clashes",
     "Germany will bring home 60 of its soldiers from Kosovo. The platoon was sent in early 2024 after violence flared "
     "in northern Kosovo.", {"kfor-troops", "kosovo-escalation"}),
])
def test_past_unrest_in_a_troop_cut(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
