"""Shipped topics, a twenty-first blind dev set. kfor-troops: KFOR's strength dated to a time gone by ("at its peak",
"originally", "at the height", "trước năm 2023") is history in any article, not only an anniversary piece, unless a
figure stands by a word of the present, the future or a comparison ("4,500 today, down from 50,000 at its peak");
"the force" / "lực lượng này" counted in an article whose title names another mission is that mission; a change only
asked about in a question ("Is NATO going to send more troops to KFOR?") is no change; a title that looks back with
its number in words ("Twenty-five years on") is a retrospective.
kosovo-escalation: a day of mourning for today's dead is no anniversary; strained relations in an article that says the
vote passed calmly are background; a verdict on an attack dated to a past year retells it; a title telling troops cut
keeps its dated clashes as background even when a nearby sentence says since when a country takes part."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # strength told as history, with no anniversary word
    ("NATO's long road in the Balkans",
     "When the bombing ended, allied units rolled in. At the height of the operation, KFOR counted some forty thousand"
     " soldiers from many countries.", False),
    ("Bài học từ chiến dịch không kích Nam Tư",
     "Những đơn vị đầu tiên của KFOR tiến vào Cô-xô-vô; vào thời điểm cao nhất, lực lượng này có tới khoảng 45 nghìn"
     " binh sĩ từ gần 40 quốc gia.", False),
    ("Bai hoc tu chien dich khong kich Nam Tu",
     "Vao thoi diem cao nhat, KFOR co toi khoang 45 nghin binh si tu gan 40 quoc gia.", False),
    ("Analysis: the Balkans after the war",
     "Originally, KFOR numbered 42,000 troops from over 30 nations.", False),
    # controls: today's strength stated beside the past one
    ("Analysis: the Balkans after the war",
     "KFOR has about 4,500 troops today, down from 45,000 at its peak.", True),
    ("Phân tích: Ban-căng sau chiến tranh",
     "KFOR hiện duy trì khoảng 4,5 nghìn quân nhân từ 28 quốc gia; khi mới triển khai, lực lượng có tới gần 45 nghìn"
     " binh sĩ vào thời điểm cao nhất.", True),
    # "lực lượng này" / "the force" counted in an article about another mission
    ("EUFOR tăng cường lực lượng tại Bô-xni-a",
     "EUFOR sẽ điều thêm quân dự bị, nâng quân số của lực lượng này từ khoảng 1,1 nghìn lên 1,5 nghìn người. Tại"
     " Cô-xô-vô, KFOR không thay đổi.", False),
    ("EUFOR reinforces in Bosnia",
     "EUFOR said reserves would arrive, and the force numbers 1,500 after the move. In Kosovo, KFOR is unchanged.",
     False),
    # control: the force counted in an article about KFOR
    ("KFOR tăng cường sau vụ nổ",
     "KFOR cho biết quân số của lực lượng này lên khoảng 4.600 người.", True),
    # a change only asked about in a question
    ("Press conference by the Secretary General",
     "Reporter: Is NATO going to send more troops to KFOR? Secretary General: I will not speculate about numbers.",
     False),
    ("Họp báo của Tổng thư ký NATO",
     "Phóng viên hỏi liệu NATO có điều thêm binh sĩ tới Kosovo hay không; ông từ chối bình luận.", False),
    # control: a decided change
    ("NATO sends more troops to KFOR",
     "NATO will send 300 more troops to KFOR, the alliance said.", True),
    # a look-back title with its number in words
    ("Twenty-five years on: the day NATO arrived",
     "Residents remember British soldiers crossing into Kosovo, the first troops of KFOR to arrive.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_history_other_missions_and_questions(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected


ESCALATION_CASES = [
    # a day of mourning for today's dead is a reaction, not an anniversary
    ("Anh điều thêm quân tăng cường cho KFOR sau vụ đấu súng",
     "Khoảng 30 tay súng phục kích cảnh sát Cô-xô-vô gần làng Ba-nhít-xca. Xéc-bi-a tuyên bố ngày quốc tang tưởng niệm"
     " những người thiệt mạng.", True),
    ("Britain sends more troops to KFOR after gunfight",
     "Gunmen ambushed police in northern Kosovo. Serbia declared a day of mourning to commemorate the dead.", True),
    # control: an anniversary still is history
    ("Serbia marks the anniversary of the bombing",
     "Wreaths were laid to commemorate the victims of the 1999 bombing of Kosovo and Serbia.", False),
    # strained relations in a calm election
    ("Bầu cử Quốc hội Kosovo: đảng cầm quyền dẫn đầu",
     "Chính phủ bị EU áp dụng biện pháp vì quan hệ căng thẳng với Serbia. Cuộc bầu cử ở Kosovo diễn ra trong hòa"
     " bình, cảnh sát không ghi nhận sự cố.", False),
    ("Bau cu Quoc hoi Kosovo: dang cam quyen dan dau",
     "Chinh phu bi EU ap dung bien phap vi quan he cang thang voi Serbia. Cuoc bau cu o Kosovo dien ra trong hoa"
     " binh, canh sat khong ghi nhan su co.", False),
    ("Kosovo election: ruling party leads",
     "The government's relations with Serbia saw tensions during the last term. The vote in Kosovo passed"
     " peacefully, police said.", False),
    # a verdict on a past attack
    ("Kosovo court sentences two men over Banjska attack",
     "A court in Pristina sentenced two men for the armed attack of September 2023 in northern Kosovo. Lawyers said"
     " they would appeal.", False),
    ("Tòa án Kosovo tuyên án hai người trong vụ tấn công Banjska",
     "Tòa án ở Pristina tuyên án hai người vì vụ tấn công có vũ trang hồi tháng 9-2023 ở miền Bắc Kosovo. Luật sư cho"
     " biết sẽ kháng cáo.", False),
    # control: protests at the verdict are today's tension
    ("Kosovo court sentences two men over Banjska attack",
     "A court in Pristina sentenced two men for the attack of September 2023. Serbs clashed with police outside the"
     " court after the verdict.", True),
    # a cut told in the title, clashes dated, and a year of taking part nearby
    ("Italy to scale back its reinforcement of NATO's Kosovo force",
     "The battalion was sent to Kosovo in June 2023 after clashes in Zvecan left soldiers injured. Italy, which has"
     " taken part in KFOR since 1999, will keep its contingent.", False),
]


@pytest.mark.parametrize(("title", "body", "expected"), ESCALATION_CASES)
def test_escalation_mourning_relations_verdicts_and_dated_clashes(title: str, body: str, expected: bool) -> None:
    assert ("kosovo-escalation" in shipped(title, body)) is expected
