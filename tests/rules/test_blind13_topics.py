"""Shipped topics, a thirteenth blind dev set: a change denied as a report ("denied reports that it would withdraw",
"bác tin rút quân"), KFOR's cut ruled out, another mission's mandate renewed with KFOR named in passing, a contingent
kept on for another term or its deployment extended, a contingent reinforced, a country ending its part in KFOR
(Vietnamese verb first), NATO's reserve battalion sent, and lingering tension in a calm article. Each class has
controls on the other side."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # a report of a withdrawal denied
    ("Romania denies reports of troop pullout from Kosovo",
     "The defence ministry denied press reports that it would withdraw its soldiers from KFOR this summer. The"
     " Romanian contingent stays in place.", False),
    ("Séc bác tin rút quân khỏi Kosovo",
     "Bộ Quốc phòng Séc bác bỏ thông tin cho rằng nước này sẽ rút binh sĩ khỏi KFOR trong mùa hè.", False),
    # ... while a withdrawal announced still counts
    ("Romania to withdraw soldiers from Kosovo",
     "The defence ministry said it would withdraw its soldiers from KFOR this summer.", True),
    # KFOR's cut ruled out
    ("Alliance rules out changes in the Balkans",
     "'There are no plans to reduce KFOR this year,' a spokesman said in Pristina.", False),
    ("Liên minh giữ nguyên kế hoạch ở Balkan",
     "'Không có kế hoạch cắt giảm KFOR trong năm nay', người phát ngôn cho biết tại Pristina.", False),
    ("Alliance plans changes in the Balkans",
     "Allies agreed to reduce KFOR next year, a spokesman said in Pristina.", True),
    # another mission's mandate renewed, KFOR named in passing
    ("EUFOR awaits Security Council vote",
     "The Bosnia force operates under a mandate that is renewed every year, unlike KFOR in Kosovo.", False),
    ("Phái bộ EUFOR ở Bô-xni-a chờ Hội đồng Bảo an",
     "Lực lượng này phải được gia hạn nhiệm vụ mỗi năm, không giống KFOR ở Kosovo.", False),
    # ... while KFOR's own mandate extended in such an article still counts
    ("EUFOR adds troops in Bosnia",
     "In a separate decision, Germany extended its KFOR mandate for another year.", True),
    # a contingent kept on for another term, or its deployment extended
    ("Slovenian contingent to stay in Kosovo another year",
     "The government approved the decision on Thursday. The soldiers serve with KFOR in the west.", True),
    ("Phân đội Slovenia ở lại Kosovo thêm một năm",
     "Chính phủ đã thông qua quyết định hôm thứ Năm. Các binh sĩ thuộc KFOR ở phía tây.", True),
    ("Government session in Bratislava",
     "The president signed a decision extending the use of the Slovak Military Contingent in KFOR until June.", True),
    # ... not a stalemate lasting another year
    ("Kosovo talks to remain stalled another year",
     "Diplomats in Pristina said KFOR commanders were not consulted.", False),
    # a contingent reinforced
    ("Croatia to reinforce its KFOR contingent",
     "The new platoon will deploy in the spring.", True),
    ("Croatia tăng cường phân đội tại KFOR",
     "Trung đội mới sẽ được triển khai vào mùa xuân.", True),
    # ... not a commitment strengthened in words
    ("Mỹ tăng cường cam kết với Tây Balkan",
     "Washington sẽ tăng cường cam kết đối với an ninh khu vực, trong đó có KFOR tại Kosovo.", False),
    ("US reinforces its commitment to the Balkans",
     "Washington will reinforce its commitment to regional security, including KFOR in Kosovo.", False),
    # a country ending its part in KFOR, the Vietnamese verb first
    ("Na Uy chấm dứt tham gia KFOR",
     "Quyết định được đưa ra sau khi rà soát các nhiệm vụ ở nước ngoài.", True),
    ("Na Uy khẳng định sẽ không chấm dứt tham gia KFOR",
     "Quyết định được đưa ra sau khi rà soát các nhiệm vụ ở nước ngoài.", False),
    # NATO's reserve battalion sent
    ("Operational Reserve Forces activated for Kosovo",
     "NATO said the battalion-sized unit would support KFOR in the north.", True),
    ("NATO kích hoạt tiểu đoàn dự bị cho KFOR",
     "Đơn vị sẽ hỗ trợ các binh sĩ ở miền bắc.", True),
    ("Serbia calls up reserve battalion near Kosovo boundary",
     "Belgrade said the reserve battalion would stay on its side of the line, KFOR noted.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_classes(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # lingering, unresolved tension in an article that calls the situation stable
    ("Italy sends engineers to KFOR",
     "Italian engineers will arrive next month. The situation in Kosovo is described as stable, although"
     " long-standing political tensions between Belgrade and Pristina remain unresolved.", False),
    ("Ý điều công binh tới KFOR",
     "Tình hình ở Kosovo nhìn chung là ổn định, dù căng thẳng âm ỉ giữa Belgrade và Pristina chưa được tháo gỡ.",
     False),
    # ... while tension that flares, or a situation not called stable, still counts
    ("Italy sends engineers to KFOR",
     "Long-standing tensions between Belgrade and Pristina flared again after police raids in north Kosovo.", True),
    ("Ý điều công binh tới KFOR",
     "Căng thẳng giữa Belgrade và Pristina leo thang sau vụ bắt giữ ở miền bắc Kosovo.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_escalation_classes(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
