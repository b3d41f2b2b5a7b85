"""Shipped topics, a fourteenth blind dev set: a change of KFOR's troops that is only offered on a condition ("ready
to send more troops if NATO asks", "sẵn sàng gửi thêm quân nếu NATO yêu cầu"), weighed ("is considering sending",
"đang cân nhắc điều thêm"), or whose vote is put off ("postpones vote on sending", "hoãn bỏ phiếu về việc gửi
thêm"), and an extension ruled out in the passive ("the mandate would not be renewed", "không được gia hạn"), is no
change. Each class has controls: a change decided (also one awaiting a parliament's vote), and troops sent while
others stand ready elsewhere in the article."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # a change only offered, on a condition
    ("Norway ready to send more troops to KFOR if asked",
     "The defence minister said units were on standby, but no request had been received from the alliance.", False),
    ("Hà Lan sẵn sàng gửi thêm binh sĩ tới Kosovo",
     "Bộ trưởng Quốc phòng cho biết phân đội KFOR đã chuẩn bị, song NATO chưa đưa ra đề nghị nào.", False),
    ("Defence chief speaks in Lisbon",
     "Portugal would deploy additional troops to KFOR should NATO request it, the chief of staff said.", False),
    ("Bộ trưởng Bồ Đào Nha phát biểu tại Lisbon",
     "Bồ Đào Nha sẽ điều thêm binh sĩ cho KFOR nếu NATO yêu cầu, Tổng tham mưu trưởng cho biết.", False),
    # a change weighed
    ("Denmark considering sending more soldiers to Kosovo",
     "No decision has been taken on the KFOR contingent, the ministry said in Copenhagen.", False),
    ("Đan Mạch đang cân nhắc điều thêm binh sĩ tới Kosovo",
     "Bộ Quốc phòng cho biết chưa có quyết định cuối cùng về phân đội KFOR.", False),
    # a vote on the change postponed
    ("Parliament postpones vote on sending more troops to Kosovo",
     "Coalition parties failed to agree on the proposal, which concerns the KFOR contingent.", False),
    ("Quốc hội Séc hoãn bỏ phiếu về việc gửi thêm binh sĩ tới Kosovo",
     "Các đảng cầm quyền chưa đạt được đồng thuận về đề xuất liên quan tới phân đội tại KFOR.", False),
    # an extension ruled out in the passive, in a report that is denied
    ("Ministry rejects newspaper story",
     "Officials called the story false. The paper had said the Kosovo mandate of the KFOR contingent would not be"
     " renewed.", False),
    ("Bộ Quốc phòng bác bỏ bài báo",
     "Giới chức gọi đây là thông tin sai. Tờ báo cho rằng nhiệm vụ tại Kosovo không được gia hạn đối với phân đội"
     " KFOR.", False),
    ("Budget talks in Vienna",
     "The minister said the Austrian contingent will not be reduced next year. It serves with KFOR in Kosovo.", False),
    ("Budget talks in Vienna",
     "The minister said the Austrian contingent will be reduced next year. It serves with KFOR in Kosovo.", True),
    # ... while a change decided still counts, also one that awaits a parliament's vote
    ("Norway sends more troops to KFOR",
     "The first platoon left Oslo on Monday, the ministry said.", True),
    ("Hà Lan gửi thêm binh sĩ tới Kosovo",
     "Trung đội đầu tiên của phân đội KFOR đã lên đường hôm thứ Hai.", True),
    ("Cabinet approves sending more soldiers to Kosovo",
     "The government approved the plan for its KFOR contingent on Tuesday; parliament votes on it next month.", True),
    ("Chính phủ Séc thông qua việc gửi thêm binh sĩ tới Kosovo",
     "Quốc hội sẽ bỏ phiếu về kế hoạch tăng cường cho KFOR vào tháng tới.", True),
    ("Government extends Kosovo mandate",
     "The cabinet renewed the Kosovo mandate of its KFOR soldiers for another year on Wednesday.", True),
    # ... and troops sent while another unit stands ready elsewhere in the article
    ("Alliance moves in the Balkans",
     "NATO will send 700 more troops to Kosovo after the clashes with KFOR. A further battalion has been put on high"
     " readiness and is ready to deploy if needed.", True),
    ("Liên minh hành động ở Balkan",
     "NATO sẽ gửi thêm 700 binh sĩ tới Kosovo sau các vụ đụng độ với KFOR. Một tiểu đoàn khác được đặt trong tình trạng"
     " sẵn sàng cao để có thể triển khai khi cần thiết.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_hedged_changes(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected
