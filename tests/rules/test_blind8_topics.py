"""Shipped topics: classes of errors found on a third blind dev set written from the labeling guide. Kosovo spelled
"Cô-sô-vô", a reinforcement "for the force" that is another mission's, a denial of something else in the article, a
mandate of another mission extended, NATO's force in Kosovo counted without the name KFOR, and a situation called
"generally calm" with its unrest dated to a past year."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # outlets also transliterate Kosovo as "Cô-sô-vô"
    ("Bỉ gửi thêm quân cho KFOR", "Bộ Quốc phòng Bỉ cho biết sẽ gửi thêm 120 binh sĩ sang Cô-sô-vô trong tháng tới.",
     {"kfor-troops"}),
    ("Đụng độ ở miền Bắc Cô-sô-vô", "Cảnh sát và người biểu tình đụng độ tại thị trấn Dơ-vê-chan hôm qua.",
     {"kosovo-escalation"}),
    # ... and a place named that way is still no place of troops unless they go there
    ("Tin Ban-căng", "Cô-sô-vô tổ chức hội chợ thương mại; lực lượng KFOR tham dự lễ khai mạc.", set()),
])
def test_kosovo_spelled_co_so_vo(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # "tăng cường lực lượng cho" / "tăng cường cho Lực lượng ..." name no force: another mission's is not KFOR's
    ("Đức tăng cường lực lượng cho EUFOR tại Bô-xni-a",
     "Đức sẽ đưa thêm 80 quân nhân sang Bô-xni-a để tăng cường cho Lực lượng châu Âu (EUFOR) trong bối cảnh căng "
     "thẳng chính trị. Đức hiện là một trong những nước đóng góp lớn cho EUFOR và duy trì một đại đội dự phòng. "
     "Các nhà phân tích cho rằng sứ mệnh này cùng với lực lượng KFOR tại Kosovo giữ vai trò răn đe ở khu vực.",
     set()),
    # ... while the same words followed by KFOR's long name still count
    ("Ru-ma-ni điều quân",
     "Khoảng 150 quân nhân Ru-ma-ni đã lên đường để tăng cường cho Lực lượng gìn giữ hòa bình do NATO dẫn đầu tại "
     "Cô-sô-vô (KFOR).", {"kfor-troops"}),
])
def test_a_reinforcement_for_another_mission_is_not_kfor(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a denial of something else, far from the troops sent, does not deny the sending
    ("Slovakia approves more soldiers for KFOR",
     "The Slovak cabinet approved sending 40 additional soldiers to KFOR from the spring, the defence ministry said. "
     "The team will staff a liaison office near the capital and relieve officers whose tour ends in April. "
     "Parliament is expected to confirm the plan next month, and the cost is covered by this year's budget. "
     "\"We are not sending combat units, only specialists,\" the minister told reporters.", {"kfor-troops"}),
    ("Chính phủ Séc duyệt đưa thêm quân sang Kosovo",
     "Chính phủ Séc đã phê duyệt việc gửi thêm 30 binh sĩ tới Kosovo trong năm nay để tham gia KFOR. Theo Bộ Quốc "
     "phòng, nhóm này gồm sĩ quan liên lạc và quân cảnh, phục vụ tại bộ chỉ huy khu vực. Kế hoạch còn cần quốc "
     "hội thông qua. Bộ trưởng nói Séc không gửi đơn vị chiến đấu mà chỉ các chuyên gia.", {"kfor-troops"}),
    # ... while a change denied in its own sentence is none
    ("UK and KFOR", "Britain will not send more troops to Kosovo, the defence secretary said on Monday.", set()),
    ("Anh và KFOR", "Anh không có kế hoạch điều thêm binh sĩ tới Kosovo, Bộ trưởng Quốc phòng cho biết.", set()),
])
def test_a_denial_counts_only_by_the_change(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # another mission's mandate extended, the mission named by what it does or after a comma
    ("EU prolongs its Kosovo mission",
     "EU ministers extended the mandate of the bloc's rule-of-law mission in Kosovo, EULEX, by two years. "
     "The mission works alongside the NATO-led KFOR and the UN's UNMIK.", set()),
    ("EU gia hạn phái bộ ở Kosovo",
     "Hội đồng EU đã gia hạn nhiệm vụ của phái bộ pháp quyền tại Kosovo thêm hai năm. Phái bộ hoạt động song song "
     "với lực lượng KFOR.", set()),
    # ... while KFOR's own mandate extended still counts, even with EULEX named close by
    ("Bundestag votes on Kosovo",
     "Lawmakers extended the mandate for German soldiers in KFOR by another year; Berlin also funds EULEX.",
     {"kfor-troops"}),
])
def test_another_missions_mandate_extended_is_not_kfor(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # NATO's force in Kosovo is KFOR, also when the article never writes the name
    ("Opinion: what America's troops in Europe are for",
     "In the Balkans, a NATO force in Kosovo still counts some 4,300 troops a generation after the war.",
     {"kfor-troops"}),
    ("Cái giá của quốc phòng", "Ngay cả ở Kosovo, nơi NATO vẫn duy trì khoảng 4.500 quân, chi phí do các nước "
     "đóng góp tự gánh.", {"kfor-troops"}),
    ("Defence spending", "NATO has about 4,500 troops in Kosovo and thousands more in the Baltic states.",
     {"kfor-troops"}),
    # ... but NATO's troops elsewhere are not, nor NATO named in Kosovo with no figure
    ("NATO in the east", "NATO has some 10,000 troops in Poland. Leaders also discussed Kosovo and Bosnia.", set()),
    ("NATO and Kosovo", "The NATO mission in Kosovo held an open day for schoolchildren in Pristina.", set()),
])
def test_natos_force_in_kosovo_counted_without_its_name(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a situation called generally calm, the unrest dated to a past year: background, not escalation
    ("Parliament renews Kosovo deployment",
     "The minister said the security situation in Kosovo was generally calm but fragile. The contingent was "
     "modestly increased after the unrest in the north in 2023.", set()),
    ("Quốc hội gia hạn sứ mệnh ở Kosovo",
     "Bộ trưởng cho biết tình hình an ninh ở Kosovo tương đối ổn định. Đội quân được tăng cường sau bạo lực ở miền "
     "Bắc năm 2023.", set()),
    # ... while tension named today still counts
    ("Clashes in northern Kosovo", "Police and protesters clashed in Zvecan on Sunday; the region had been relatively "
     "calm for months.", {"kosovo-escalation"}),
    # ... and so does an attack of last night, told with a calm morning after it
    ("Kosovo police officer wounded in attack near Zvečan",
     "A Kosovo police officer was wounded on Sunday night in an attack on a patrol near Zvečan, the police said. "
     "Prime Minister Albin Kurti condemned the attack. The situation in the north was generally calm on Monday "
     "morning, a police spokesman said.", {"kosovo-escalation"}),
    ("Cảnh sát Kosovo bị thương trong vụ tấn công",
     "Hai cảnh sát Kosovo đã bị thương trong một vụ tấn công đêm Chủ nhật gần Zvečan. Thủ tướng Albin Kurti lên án "
     "vụ tấn công. Sáng thứ Hai, tình hình tương đối ổn định, cảnh sát cho biết.", {"kosovo-escalation"}),
])
def test_a_calm_situation_with_unrest_of_a_past_year_is_no_escalation(
        title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
