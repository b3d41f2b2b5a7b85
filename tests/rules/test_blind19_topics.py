"""Shipped topics, a nineteenth blind dev set. kosovo-escalation: past unrest told as background does not count, in
general terms: an article whose title tells troops added to (not only cut from) the force and names no tension, when
its violence is dated to a time gone by ("in 2023", "the violence of 2023", "từng phải đối mặt"); a calm article
whose tension "once peaked" / "từng lên đến đỉnh điểm" or "has subsided" ("đã lắng dịu"); a calm said as "the calm of
the past year" or "has improved"; and a title that names a conflict elsewhere by its capital (Sarajevo).
kfor-troops: NATO's force in Kosovo counted or reinforced without the name KFOR ("NATO will send 1,000 extra troops to
Kosovo", "a force that NATO says numbers 4,500 troops from 29 nations"), the force "about 4,300 troops strong", troops
"từ 28 nước" (a number before "nước" counts countries); "29 troop-contributing nations" is no troop figure, and troops
sent to Kosovo "năm 1999" are history. Controls keep present clashes, a present-day deployment, NATO's troops on the
eastern flank and a commander's handover out of (or in) each class."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

ESCALATION_CASES = [
    # a title of troops added, violence dated to a year gone by
    ("Country to boost Kosovo peacekeeping force by 80 soldiers",
     "The troops will deploy in the spring. NATO reinforced KFOR in 2023 after riots in the north of Kosovo and an"
     " armed attack on police.", False),
    ("Nước này tăng quân cho lực lượng gìn giữ hòa bình ở Kosovo",
     "Các quân nhân bổ sung đã được huấn luyện kiểm soát đám đông, sau các vụ bạo loạn mà binh sĩ nước này từng phải"
     " đối mặt ở miền bắc Kosovo.", False),
    # controls: troops added after clashes of today, a title that names the tension
    ("Country to boost Kosovo peacekeeping force by 80 soldiers",
     "The decision follows clashes in the north of Kosovo on Monday in which police were attacked.", True),
    ("NATO sends more troops to Kosovo after clashes",
     "The alliance reinforced KFOR after riots in the north of Kosovo in 2023 turned violent again this week.", True),
    # a calm article: tension that once peaked, or has subsided
    ("NATO chief visits Pristina",
     "The security situation in Kosovo has improved markedly. Tensions, which peaked in 2023, have subsided.", False),
    ("Bầu cử ở Kosovo: một ngày không có sự cố",
     "Ở miền bắc Kosovo, nơi căng thẳng từng lên đến đỉnh điểm với người Serbia, cảnh sát cho biết không có sự cố.",
     False),
    ("Analysis: a small drawdown",
     "The calm of the past year has been real. Troops now outnumber the threat that stood over Kosovo after the"
     " violence of 2023.", False),
    ("Officials upbeat on the north",
     "Tensions in Kosovo's north, which flared in 2023, have since subsided, police officials said.", False),
    ("Giới chức lạc quan về miền bắc",
     "Căng thẳng ở miền bắc Kosovo, từng bùng phát năm 2023, nay đã lắng dịu, cảnh sát cho biết.", False),
    # controls: tension of today in a calm-sounding article; "once again" is today
    ("Clashes in Zvečan",
     "Clashes broke out in Kosovo's north once again on Monday, although the south remained calm.", True),
    ("Đụng độ ở Zvečan",
     "Căng thẳng leo thang từng ngày ở miền bắc Kosovo, cảnh sát và người biểu tình đụng độ.", True),
    # a title that names a conflict elsewhere by its capital
    ("Ở Sarajevo, lính châu Âu trở lại đường phố",
     "Căng thẳng leo thang ở Bosnia. Đại diện cấp cao kêu gọi các bên kiềm chế. Khác với Kosovo, nhiệm vụ do EU dẫn"
     " dắt.", False),
    ("In Sarajevo, EU troops return to the streets",
     "Tension escalated in Bosnia this week as police faced protesters. Unlike Kosovo, the mission there is led by the"
     " EU.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_escalation_past_unrest_as_background(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected


KFOR_CASES = [
    # NATO's force in Kosovo without the name KFOR
    ("NATO to send extra troops to Kosovo",
     "NATO said it would send a thousand additional troops to Kosovo after a gun battle in the north.", True),
    ("On the bridge at Mitrovica",
     "His soldiers belong to a force that NATO says now numbers some 4,500 troops drawn from 29 allied nations.", True),
    ("Chân dung một vị tướng",
     "Tại văn phòng ở Pristina, ông nói phái bộ mà ông chỉ huy, với hơn 4.000 quân nhân từ các nước thành viên của"
     " NATO, không được tạo ra để chiến đấu.", True),
    # controls: NATO's troops on the eastern flank, in an article that mentions Kosovo
    ("NATO's eastern flank",
     "NATO has 1,000 troops from 8 nations in its battlegroup in Latvia, more than it once kept in Kosovo.", False),
    ("Allies meet in Brussels",
     "NATO has 1,000 troops from 8 nations in its battlegroup in Latvia, more than it once kept in Kosovo.", False),
    ("Hội nghị NATO",
     "NATO hiện duy trì khoảng 1.000 binh sĩ từ 8 nước thành viên ở Latvia, nhiều hơn số quân từng đóng tại Kosovo.",
     False),
    # the force "N troops strong"; troops "từ 28 nước"
    ("Kurti wins vote",
     "In the north, the NATO-led KFOR mission, about 4,300 troops strong, remains the guarantor of security.", True),
    ("Bàn giao chức tư lệnh KFOR",
     "Ông cảm ơn khoảng 4.300 quân nhân từ 28 nước đang phục vụ trong KFOR vì sự chuyên nghiệp.", True),
    # controls: a count of troop-contributing nations, a 1999 deployment told as history
    ("KFOR welcomes new commander",
     "The ceremony was attended by KFOR personnel from 29 troop-contributing nations.", False),
    ("New KFOR commander",
     "Attending were KFOR soldiers from 29 troop-contributing nations.", False),
    ("Những người lính Ba Lan ở Kosovo",
     "Cha cô từng phục vụ trong đợt triển khai đầu tiên của quân đội Ba Lan tới Kosovo năm 1999. Nay cô phục vụ trong"
     " Lực lượng Kosovo.", False),
    ("Polish soldiers in Kosovo",
     "Her father was among the first Polish troops sent to Kosovo in 1999. Today she serves in KFOR.", False),
    # a control kept in: troops sent to Kosovo now
    ("Ba Lan điều quân tới Kosovo",
     "Ba Lan sẽ triển khai thêm 100 binh sĩ tới Kosovo trong tháng tới để tăng cường cho KFOR.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_unnamed_nato_force_and_counts(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected
