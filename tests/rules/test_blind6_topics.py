"""Shipped topics: classes of errors found on a blind dev set written from the labeling guide. A word that folds
into another (breakthrough/arson, alarm/riot), a strength written with a scale word, another mission's reserve or
"-strong force", past clashes told as background in a calm article, and roads blocked by a disaster."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # folded, "đột phá" (a breakthrough) is "đốt phá" (arson): talks that reach no breakthrough are no violence
    ("Đối thoại Belgrade-Pristina", "Vòng đàm phán giữa Belgrade và Pristina tuần này vẫn chưa đạt đột phá về các "
     "vấn đề còn tồn đọng.", set()),
    ("Kosovo cải cách", "Chính phủ ở Pristina hứa hẹn những bước đột phá trong cải cách hành chính.", set()),
    # ... while arson is
    ("Mitrovica", "Một văn phòng đảng ở Mitrovica bị đốt phá trong đêm, cảnh sát đang điều tra.",
     {"kosovo-escalation"}),
    ("Mitrovica", "Cảnh sát Kosovo bắt giữ hai kẻ đốt phá một trạm xăng ở Mitrovica.", {"kosovo-escalation"}),
    # folded, "bạo động" (riot) is "báo động" (alarm): an alarming figure is no riot
    ("Kinh tế Kosovo", "Tỷ lệ thất nghiệp của thanh niên ở Kosovo đang ở mức đáng báo động, theo Ngân hàng Thế giới.",
     set()),
    # ... while a riot is
    ("Mitrovica", "Một cuộc bạo động nổ ra ở Mitrovica sau khi cảnh sát bắt giữ một quan chức địa phương.",
     {"kosovo-escalation"}),
])
def test_a_word_folded_into_another_is_not_violence(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a strength written with a scale word between the number and its troops
    ("Tây Balkan", "Các nhà lãnh đạo EU họp tại Brussels. Tại Kosovo, KFOR hiện có khoảng 4,6 nghìn binh sĩ.",
     {"kfor-troops"}),
    ("Western Balkans", "EU leaders met in Brussels. In Kosovo, KFOR currently has about 4.6 thousand troops.",
     {"kfor-troops"}),
    ("Western Balkans", "EU leaders met in Brussels. In Kosovo, KFOR currently has some four thousand troops.",
     {"kfor-troops"}),
    ("Tây Balkan", "Các nhà lãnh đạo EU họp tại Brussels. KFOR hiện có bốn nghìn rưỡi binh sĩ từ 27 quốc gia.",
     {"kfor-troops"}),
    # ... but a bare scale word is no figure
    ("Tây Balkan", "Các nhà lãnh đạo EU họp tại Brussels. KFOR hiện có hàng nghìn binh sĩ ở Kosovo.", set()),
    ("Western Balkans", "EU leaders met in Brussels. KFOR has thousands of troops in Kosovo.", set()),
])
def test_a_strength_with_a_scale_word(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # another mission's reserve forces, KFOR named nearby
    ("EUFOR exercise in Bosnia", "About 600 soldiers arrived in Bosnia for an exercise. The reserve forces of EUFOR "
     "are regularly sent to Bosnia for drills. In neighbouring Kosovo, NATO runs its own mission, KFOR.", set()),
    ("EUFOR diễn tập", "Khoảng 600 binh sĩ đã tới Bosnia để diễn tập. Lực lượng dự bị của EUFOR thường xuyên được "
     "đưa tới Bosnia. Tại Kosovo láng giềng, NATO duy trì lực lượng KFOR.", set()),
    # ... while NATO's reserve for KFOR counts
    ("NATO reserve to Kosovo", "NATO's Operational Reserve Force was deployed to Kosovo to support KFOR.",
     {"kfor-troops"}),
    ("Lực lượng dự bị tới Kosovo", "Lực lượng dự bị tác chiến của NATO đã được triển khai tới Kosovo để hỗ trợ "
     "KFOR.", {"kfor-troops"}),
    # another mission's "-strong force", KFOR named elsewhere
    ("Attacks on UNIFIL", "Italy has about 1,000 troops in UNIFIL, part of the roughly 10,000-strong force in southern "
     "Lebanon. Italy also has soldiers serving with KFOR in Kosovo, and an Italian general will take command of it.",
     set()),
    # ... while KFOR's counts
    ("KFOR", "KFOR, the roughly 4,500-strong force, patrols the north of Kosovo.", {"kfor-troops"}),
])
def test_another_missions_reserve_or_strength(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # clashes dated to a past year, told as background in an article that says the situation is calm
    ("New battalion rotates into Kosovo", "A new battalion took over at a camp in Kosovo. The unit was first sent in "
     "2023, after dozens of soldiers were injured in clashes in the north. The situation in Kosovo has been calm in "
     "recent months.", set()),
    ("Tiểu đoàn mới tới Kosovo", "Một tiểu đoàn mới đã nhận nhiệm vụ tại Kosovo. Đơn vị này lần đầu được điều tới "
     "năm 2023 sau các vụ đụng độ ở miền bắc. Tình hình an ninh ổn định trong những tháng gần đây.", set()),
    # ... while today's clashes count, whatever background they come with
    ("Gunmen fire on police post in north Kosovo", "Gunmen fired on a police post near Zubin Potok overnight. In "
     "September 2023, gunmen attacked police in Banjska.", {"kosovo-escalation"}),
    ("Police post attacked", "Gunmen fired on a police post in north Kosovo overnight, the interior minister said. "
     "In 2023 clashes in the north injured dozens of soldiers.", {"kosovo-escalation"}),
    ("Đồn cảnh sát bị tấn công", "Các tay súng nổ súng vào một đồn cảnh sát gần Zubin Potok ở Kosovo đêm qua. Năm "
     "2023, các tay súng đã tấn công cảnh sát ở Banjska.", {"kosovo-escalation"}),
])
def test_past_clashes_as_background(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a road blocked by a disaster is no barricade
    ("Soldiers help flood victims", "Engineers reopened a road blocked by a landslide near Zubin Potok in Kosovo.",
     set()),
    ("Binh sĩ giúp dân vùng lũ", "Công binh đã thông tuyến đường bị chặn do sạt lở gần Zubin Potok ở Kosovo.",
     set()),
    # ... while protesters blocking it is
    ("North Kosovo", "Serb protesters blocked the road to the Jarinje crossing in Kosovo with trucks.",
     {"kosovo-escalation"}),
    ("Bắc Kosovo", "Người biểu tình gốc Serbia dùng xe tải chặn tuyến đường tới cửa khẩu Jarinje ở Kosovo.",
     {"kosovo-escalation"}),
])
def test_roads_blocked_by_a_disaster(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
