"""Shipped topics: classes of errors found on a second blind dev set written from the labeling guide. A medal called
commemorative is no commemoration, a verb folded into a word of a KFOR name ("dẫn dắt"/"đạt"), casualties of a
disaster, the scenario of an exercise, Kosovo cited as a precedent in news of another war, and the 1999 deployment
told in an anniversary piece."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a "commemorative" medal handed out does not make an article of present tension a commemoration
    ("Minister visits troops in Kosovo as tension rises in the north",
     "The minister met soldiers at their camp after gunmen fired on a police car near Mitrovica. He later gave "
     "commemorative coins to a dozen of them.", {"kosovo-escalation"}),
    ("Defence chief in Kosovo", "Protesters blocked roads near Zubin Potok again this week, the minister was "
     "told on a visit to Kosovo, where he handed out commemorative badges.", {"kosovo-escalation"}),
    # ... while a commemoration still tells history
    ("Serbia commemorates the 1999 bombing", "Sirens sounded across Serbia as the country commemorated those killed "
     "in the air strikes on Yugoslavia and Kosovo.", set()),
])
def test_a_commemorative_object_is_no_commemoration(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # folded, "dắt" (in "KFOR do NATO dẫn dắt") is "đạt" (to reach): a contingent's size is no strength reached
    ("Pháp rút quân khỏi Sahel", "Pháp hoàn tất rút quân khỏi Sahel. Ở Kosovo, Pháp hiện vẫn có khoảng 300 binh sĩ "
     "trong lực lượng KFOR do NATO dẫn dắt.", set()),
    ("Pháp rút quân khỏi Sahel", "Phap hoan tat rut quan khoi Sahel. O Kosovo, Phap hien van co khoang 300 binh si "
     "trong luc luong KFOR do NATO dan dat.", set()),
    # ... while the force's strength reached still counts
    ("KFOR tăng quân", "Sau đợt tăng viện, quân số KFOR sẽ đạt khoảng 4.800 binh sĩ.", {"kfor-troops"}),
    ("KFOR tăng quân", "Sau đợt bổ sung, KFOR đã đạt mức 4.800 binh sĩ.", {"kfor-troops"}),
])
def test_a_word_folded_into_a_kfor_name_is_no_verb_of_reaching(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the casualties of a fire or a flood are not violence
    ("Cháy rừng ở Kosovo", "Một đám cháy rừng thiêu rụi hàng trăm héc-ta gần Prizren, Kosovo. Rất may không có "
     "thương vong, nhà chức trách cho biết.", set()),
    ("Flooding in Kosovo", "Heavy rain flooded villages near Peja in Kosovo; two people were killed and dozens "
     "evacuated.", set()),
    # ... while people hurt in an attack are
    ("Mitrovica", "Hai cảnh sát Kosovo bị thương khi một nhóm người ném đá vào xe tuần tra ở Mitrovica.",
     {"kosovo-escalation"}),
    ("Northern Kosovo", "Two Kosovo police officers were injured overnight near Zvecan, officials said.",
     {"kosovo-escalation"}),
])
def test_casualties_of_a_disaster_are_no_violence(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # an exercise in Kosovo or by KFOR: its scenario is not an event
    ("KFOR holds a crowd control exercise near Pristina", "Troops from six countries rehearsed how to clear a "
     "roadblock manned by protesters, in a drill in Kosovo.", set()),
    ("KFOR diễn tập gần Pristina", "Binh sĩ KFOR diễn tập xử lý tình huống người biểu tình dựng rào chắn trên một "
     "tuyến đường ở Kosovo.", set()),
    # ... unless the title names tension
    ("KFOR exercise in Kosovo cut short as clashes erupt in the north", "Troops left a drill near Pristina after "
     "clashes broke out in Kosovo's north.", {"kosovo-escalation"}),
    # ... and an exercise elsewhere, named in a caption, does not hide the news
    ("Soldiers during an exercise in Wales. Photo: MoD. Britain sends troops as gunmen attack police in Kosovo",
     "Britain will send 150 soldiers to Kosovo to reinforce KFOR after gunmen attacked a police patrol.",
     {"kfor-troops", "kosovo-escalation"}),
])
def test_an_exercise_scenario_is_no_event(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # Kosovo cited as a precedent in news of another war
    ("Russia steps up attacks on Ukraine, points to Kosovo precedent", "Russian missile attacks hit power plants "
     "across Ukraine overnight, officials in Kyiv said, and several civilians were injured. In Moscow, a spokesman "
     "said the West had set the example itself when it recognised Kosovo after the 1999 war.", set()),
    ("Nga tăng cường tấn công Ukraine, viện dẫn tiền lệ Kosovo", "Nga phóng hàng chục tên lửa vào hạ tầng năng lượng "
     "của Ukraine, khiến nhiều người bị thương. Tại Moskva, người phát ngôn cho rằng phương Tây đã tạo ra tiền lệ "
     "khi công nhận Kosovo.", set()),
    # ... while tension in Kosovo told in such an article still counts
    ("Ukraine talks stall; clashes flare again in Kosovo", "Talks on Ukraine stalled in Geneva. Meanwhile, clashes "
     "broke out in northern Kosovo between police and protesters.", {"kosovo-escalation"}),
])
def test_kosovo_as_a_precedent_elsewhere_is_no_escalation(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the 1999 deployment told in an anniversary piece
    ("Xéc-bi-a tưởng niệm 26 năm chiến dịch không kích", "Sau chiến dịch, lực lượng KFOR với khoảng 48.000 quân được "
     "triển khai tới Cô-xô-vô từ tháng 6-1999.", set()),
    ("26 years on: Kosovo looks back", "After the air campaign, KFOR troops were deployed to Kosovo in June "
     "1999, some 48,000 soldiers in all.", set()),
    # ... while a figure of today or troops to come is news
    ("KFOR marks its anniversary", "KFOR arrived in Kosovo in 1999. Today, about 4,500 troops serve in the force.",
     {"kfor-troops"}),
    ("Lễ kỷ niệm của KFOR", "Nhân dịp kỷ niệm, Đức cho biết sẽ điều thêm 100 binh sĩ tới Kosovo cho KFOR.",
     {"kfor-troops"}),
])
def test_the_1999_deployment_in_an_anniversary_piece_is_history(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
