"""Shipped topics, an eighteenth blind dev set. kfor-troops: KFOR's own troops counted with the name by the troop
word ("4,500 KFOR troops", "4.500 binh sĩ KFOR", "4,5 nghìn binh sĩ KFOR") are its strength even in a story about
something else; so is KFOR named, then the force it is with its figure ("KFOR, the NATO-led force with about 3,700
troops", "KFOR, lực lượng do NATO dẫn dắt với khoảng 3.700 binh sĩ"), and the force as the subject that has its troops
in an article that names KFOR ("Today the force has about 4,600 troops", "Hiện nay, lực lượng có khoảng 4.600 binh
sĩ"); a contribution extended with the place and its noun a word apart ("extends Kosovo peacekeeping commitment")
counts. kosovo-escalation: KFOR stands for its place (stones hurled at police, KFOR calling not to escalate, far from
the town's name); tension said to be over ("has since faded", "đã lùi xa", "khép lại chuỗi căng thẳng") and dated to
a year gone by is background; a look-back title ("revisits") with the conflict said to be over is history even when
it names barricades; a reinforcement whose title says it ended, in an article that calls things stable enough, tells
its unrest as background; in an anniversary article, tension told as new or further is today's. Controls keep a
contingent's size, troops hurt, troops serving in the force, another mission's extension, tension far from both
Kosovo and KFOR, present tension, and a pure commemoration in (or out of) each class."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # KFOR's own troops, the name by the troop word, in a story about something else
    ("Cup night in the capital",
     "The fans celebrated late in Pristina, where some 4,400 KFOR troops are still based.", True),
    ("Đêm bóng đá ở thủ đô",
     "Cổ động viên ăn mừng đến khuya ở Pristina, nơi khoảng 4.400 binh sĩ KFOR vẫn đóng quân.", True),
    ("Dem bong da o thu do",
     "Co dong vien an mung o Pristina, noi khoang 4,4 nghin binh si KFOR van dong quan.", True),
    # controls: troops hurt, a figure followed by KFOR saying something, a match with no figure
    ("Patrol attacked in the north",
     "Three KFOR soldiers were injured when their patrol was attacked near the lake.", False),
    ("Serbia moves units",
     "Belgrade said it had moved 1.000 binh sĩ, KFOR cho biết đang theo dõi.", False),
    ("Cup night in the capital",
     "The fans celebrated late in Pristina, where KFOR troops are still based.", False),
    # KFOR named, then the force it is, with its figure
    ("Roadblocks go up again",
     "KFOR, the NATO-led force with about 3,800 troops, said it was watching closely.", True),
    ("Rào chắn lại mọc lên",
     "KFOR, lực lượng do NATO dẫn đầu với khoảng 3.800 binh sĩ, cho biết đang theo dõi sát tình hình.", True),
    # controls: a country's troops serving in the force; a contingent's figure after KFOR's name
    ("Pháp rút quân khỏi Mali",
     "Ở Kosovo, Pháp hiện vẫn có khoảng 200 binh sĩ trong lực lượng KFOR do NATO dẫn đầu.", False),
    ("Lính Áo ở Kosovo",
     "Các binh sĩ Áo thuộc Lực lượng Kosovo (KFOR) do NATO dẫn dắt. Phái đội Áo hiện gồm khoảng 300 binh sĩ.", False),
    # the force as the subject that has its troops, in an article that names KFOR
    ("KFOR turns 25",
     "The first KFOR convoys crossed in June 1999, ending weeks of air strikes. Back then the force was many times"
     " larger than it is now. It was cut again and again over the following decades, and then reinforced after a"
     " tense year. Today the force has about 4,600 troops from 29 countries. Concerts and an open day for families"
     " and school classes closed the long day for all the guests who came.",
     True),
    ("KFOR tròn 25 tuổi",
     "Những đoàn xe đầu tiên của KFOR tiến vào tháng 6/1999, khép lại nhiều tuần không kích. Khi đó, quy mô lớn gấp"
     " nhiều lần bây giờ. Sau nhiều đợt cắt giảm, quy mô đã được thu gọn đáng kể. Hiện nay lực lượng có khoảng 4.600"
     " binh sĩ đến từ 29 quốc gia. Buổi lễ kết thúc bằng các tiết mục âm nhạc của nhiều ban nhạc quân đội và một"
     " ngày hội mở cửa cho các gia đình cùng học sinh.", True),
    # controls: a country having a force of its own; another force named by the figure
    ("Mỹ và KFOR",
     "Mỹ có lực lượng khoảng 600 binh sĩ tại Kosovo, phục vụ trong KFOR từ năm 1999.", False),
    ("Serbia on alert",
     "KFOR watched the boundary. The force of Serbia has some 5,000 soldiers nearby, lực lượng có 5.000 binh sĩ"
     " Serbia.", False),
    # a contribution extended, the place and its noun a word apart
    ("Britain extends Kosovo peacekeeping commitment", "London will keep officers at KFOR headquarters.",
     True),
    ("Norway extends Kosovo troop contribution", "Oslo said its officers would stay at KFOR another year.", True),
    # control: another mission's extension
    ("EU extends Kosovo rule-of-law mission EULEX", "The EU mission's mandate runs two more years.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_troops_by_name_apposition_subject_and_extension(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # KFOR stands for its place: the town named far from the trouble
    ("Bridge reopens to cars",
     "Officials in Mitrovica cut the ribbon on Monday. Shopkeepers were divided about the traffic, rents and parking"
     " rules that would follow in the months ahead, and many residents drove across honking their horns in the"
     " evening sun. Later, a crowd threw stones and bottles at police, who used tear gas. KFOR urged calm.", True),
    ("Cầu mở lại cho xe",
     "Chính quyền Mitrovica cắt băng khánh thành hôm thứ Hai. Các chủ cửa hàng chia rẽ về lượng xe cộ, giá thuê mặt"
     " bằng và quy định đỗ xe trong những tháng tới, nhiều người dân lái xe qua cầu và bấm còi ăn mừng. Đến tối, đám"
     " đông ném chai lọ vào cảnh sát, cảnh sát dùng hơi cay. KFOR kêu gọi các bên kiềm chế.", True),
    # control: the same, KFOR not named: the trouble stands far from the town
    ("Bridge reopens to cars",
     "Officials in Mitrovica cut the ribbon on Monday. Shopkeepers were divided about the traffic, rents and parking"
     " rules that would follow in the months ahead, and many residents drove across honking their horns in the"
     " evening sun. Later, a crowd threw stones and bottles at police, who used tear gas.", False),
    # tension said to be over, dated to a year gone by
    ("Serb officers rejoin the force",
     "The walkout of police in north Kosovo in November 2022 came amid a standoff marked by barricades. That"
     " dispute has since faded.", False),
    ("Du lịch Kosovo khởi sắc",
     "Chủ một nhà nghỉ ở Peja nói khách không còn hỏi về an ninh: căng thẳng của năm 2023 đã lùi xa, du khách"
     " đến để leo núi.", False),
    ("Hiệp định mới được ký",
     "Thỏa thuận có thể khép lại chuỗi căng thẳng kéo dài từ khủng hoảng năm 2011 ở miền Bắc Kosovo.", False),
    # control: tension of today, not said to be over
    ("Serb officers rejoin the force",
     "Barricades went up again in north Kosovo on Monday and police reported a standoff at the crossing.", True),
    # a look-back title, the conflict said to be over
    ("Film revisits summer of barricades",
     "The film returns to July 2011, when a police officer was shot dead near Jarinje in Kosovo. 'It is a conflict"
     " that is over,' the director said.", False),
    ("Phim tài liệu nhìn lại mùa hè rào chắn",
     "Bộ phim trở lại tháng 7 năm 2011, khi một cảnh sát thiệt mạng gần Jarinje, Kosovo. Đạo diễn nói xung đột đó"
     " đã là quá khứ.", False),
    # control: a look-back title with the tension said to go on
    ("Film revisits summer of barricades",
     "As the film premiered, barricades went up again near Jarinje in Kosovo and police fired tear gas.", True),
    # a reinforcement whose title says it ended, the situation stable enough
    ("Tiểu đoàn Ý kết thúc nhiệm vụ tăng cường tại Kosovo",
     "Tiểu đoàn được triển khai sau các vụ bạo lực ở Zvecan. NATO đánh giá tình hình đã đủ ổn định để giảm lực"
     " lượng tăng cường.", False),
    ("Italian battalion ends its mission in Kosovo",
     "The battalion came after violence in Zvecan. NATO judged the situation stable enough to scale back.", False),
    # control: the title says it ended but the text says violence goes on, not stable
    ("Italian battalion ends its mission in Kosovo",
     "The battalion leaves as violence flared again in Zvecan overnight, with police attacked.", True),
    # an anniversary, tension told as new
    ("A year after the attack, Kosovo mourns",
     "Kosovo marked the anniversary on Tuesday as a new standoff flared in the north over the closure of offices.",
     True),
    ("Một năm sau vụ tấn công, Kosovo tưởng niệm",
     "Kosovo tổ chức lễ kỷ niệm hôm thứ Ba khi căng thẳng mới bùng lên ở miền bắc quanh việc đóng cửa các văn phòng.",
     True),
    # control: a commemoration whose tension is old
    ("A year after the attack, Kosovo mourns",
     "Kosovo marked the anniversary on Tuesday, recalling the tension in the north that followed the attack.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_escalation_kfor_place_tension_over_look_back_and_fresh(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
