"""Troop facts: figures dated to the past (a year earlier than the article's newest, a year followed by "when", a lead
such as "at the time", "từng"), casualties counted with "including", the strength a national contingent reaches, and
troops given to another mission; plus the known classes of earlier held-out sets."""

from __future__ import annotations

import pytest

from monitor.rules.facts import extract_facts
from tests.rules.helpers import article, shipped_topics


def shipped_facts(body: str, title: str = "x") -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # a year earlier than the newest one the article names dates the sentence to the past
    ("In 2031, the alliance will send 250 more troops to Kosovo. Back in 2028, NATO flew some 900 soldiers from its "
     "reserve to Kosovo after riots in the north.", [("change", 250)]),
    ("Năm 2031, NATO sẽ điều thêm 250 binh sĩ tới Kosovo. Năm 2028, liên minh đã điều khoảng 900 quân nhân tới Kosovo "
     "sau các vụ bạo loạn.", [("change", 250)]),
    # a year followed by "when" / "khi" is a past time frame, even when it is the only year
    ("The mission was set up in 1999, when Canada sent some 1,300 soldiers to Kosovo.", []),
    ("Canada tham gia KFOR từ tháng 6-1999, khi khoảng 1.300 binh si Canada được đưa tới Kosovo.", []),
    # "since YEAR" is where a state begins: the figure is now
    ("KFOR, in Kosovo since 1999, has about 4,600 troops.", [("total", 4600)]),
    ("KFOR có mặt tại Kosovo từ năm 1999 và hiện có khoảng 4.600 binh sĩ.", [("total", 4600)]),
])
def test_figures_dated_to_the_past(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a lead that dates the clause to a time told before it
    ("Poland will send 100 troops to KFOR. The last crisis came in winter. At the time, Poland sent about "
     "300 soldiers.",
     [("change", 100)]),
    # a contingent's historical peak is no total
    ("Hà Lan tham gia KFOR từ đầu, thời điểm quân số của Hà Lan tại Kosovo từng lên tới khoảng 2.100 người.", []),
    # what the force had then is no strength now, even said with a verb of having
    ("Riots shook the north two winters ago. At the time, KFOR numbered roughly 3,600 soldiers; today it has about "
     "4,900.", [("total", 4900)]),
    ("At its height KFOR had some 48,000 troops. Spain will now send 120 soldiers to Kosovo.", [("change", 120)]),
    ("Vào thời điểm cao nhất, KFOR có tới 48.000 binh sĩ. Hiện nay lực lượng này có khoảng 4.900 quân.",
     [("total", 4900)]),
])
def test_past_leads_state_no_strength(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops counted among casualties named before them
    ("After a riot in Kosovo wounded 40 people, including seven peacekeepers, NATO will send 300 troops there.",
     [("change", 300)]),
    ("Sau khi bạo loạn ở Kosovo làm 40 người bị thương, trong đó có bảy binh sĩ KFOR, NATO sẽ điều thêm 300 binh sĩ.",
     [("change", 300)]),
])
def test_casualties_counted_with_including(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the strength a national contingent reaches is its size, not a change
    ("Ba Lan sẽ gửi thêm 120 binh sĩ tới Kosovo. Sau đợt tăng cường này, quân số Ba Lan tại Kosovo sẽ lên khoảng "
     "1.370 người.", [("change", 120)]),
    ("Poland will send 120 more soldiers to Kosovo. After this reinforcement, Poland's contingent in Kosovo will grow "
     "to about 1,370 troops.", [("change", 120)]),
])
def test_contingent_reaching_a_size(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops given to another mission, past an apposition's comma
    ("Slovenia will withdraw 40 soldiers from KFOR. It also provides a large contingent, about 180 soldiers, to the "
     "EU's EUFOR Althea operation in Bosnia.", [("change", -40)]),
])
def test_troops_given_to_another_mission(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a vote count is not troops
    ("The parliament approved sending 90 soldiers to KFOR by 301 votes to 77.", [("change", 90)]),
    ("Quốc hội thông qua việc gửi 90 binh sĩ tới KFOR với 140 phiếu thuận, 61 phiếu chống.", [("change", 90)]),
])
def test_known_classes(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the strength troops are added to is the force's total, never a change, whatever names the group before it
    ("Spain will send 300 soldiers to Kosovo to reinforce the existing force of about 4,400 KFOR troops.",
     [("change", 300), ("total", 4400)]),
    ("Tây Ban Nha sẽ điều 300 binh sĩ tới Kosovo để bổ sung cho lực lượng hiện có khoảng 4.400 binh sĩ của KFOR.",
     [("change", 300), ("total", 4400)]),
    # the troops that reinforce are still the change
    ("Spain will reinforce KFOR with 300 more soldiers.", [("change", 300)]),
])
def test_the_strength_added_to_is_no_change(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the strength the force reaches, named before with "reach"
    ("NATO will send some 400 soldiers from its reserve to KFOR. With them the force will reach about 4,900 troops.",
     [("change", 400), ("total", 4900)]),
    ("KFOR's strength reached nearly 4,700 troops after the arrival of 300 Turkish soldiers in Kosovo.",
     [("total", 4700), ("change", 300)]),
    # another army reaching a figure is not the force's
    ("KFOR is watching the border. Serbia's army will reach 4,000 troops near the boundary line, Belgrade said.", []),
])
def test_the_strength_the_force_reaches(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
