"""Shipped topics: a count of countries is no strength, riots trained for are no event, and a headline that looks
back with no tension names history."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the number after "soldiers from" counts countries: KFOR with no strength figure and no change
    ("KFOR chief tours bases", "The KFOR commander toured bases in the south. KFOR gathers soldiers from 28 "
     "countries.", set()),
    ("KFOR chief tours bases", "The KFOR commander toured bases in the south. KFOR has troops from 28 countries.",
     set()),
    ("Tư lệnh KFOR thăm căn cứ", "Tư lệnh KFOR thăm các căn cứ ở miền nam. KFOR hiện quy tụ binh sĩ từ 28 quốc gia.",
     set()),
    ("Tư lệnh KFOR thăm căn cứ", "Tư lệnh KFOR thăm các căn cứ ở miền nam. KFOR hiện có binh sĩ từ 28 quốc gia.",
     set()),
    # ... while a strength stated with the count still is one, also with a word of whose troops between
    ("Talks", "The ministers met in Brussels. KFOR now has some 4,600 troops from 28 countries.", {"kfor-troops"}),
    ("Talks", "Officials said some 4,600 KFOR soldiers from 28 nations keep the peace in Kosovo.", {"kfor-troops"}),
    ("Hội đàm", "Các bộ trưởng gặp nhau ở Brussels. KFOR hiện có khoảng 4.600 binh sĩ đến từ 28 quốc gia.",
     {"kfor-troops"}),
])
def test_a_count_of_countries_is_no_strength(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # riots as what troops train for are a skill, not an event
    ("Austrian troops arrive in Kosovo", "About 250 Austrian soldiers arrived in Kosovo to reinforce KFOR. They "
     "spent a month training to contain riots before leaving home.", {"kfor-troops"}),
    ("Binh sĩ Áo tới Kosovo", "Khoảng 250 binh sĩ Áo đã tới Kosovo để tăng cường cho KFOR. Trước khi lên đường, họ "
     "được huấn luyện kiểm soát bạo loạn suốt một tháng.", {"kfor-troops"}),
    ("KFOR ở Prizren", "Các đơn vị KFOR tại Kosovo diễn tập chống bạo động gần Prizren.", set()),
    ("KFOR in Prizren", "KFOR units in Kosovo held a drill against rioting near Prizren.", set()),
    # ... while riots that break out are
    ("Riots in Mitrovica", "Rioters threw stones at police in Mitrovica on Tuesday.", {"kosovo-escalation"}),
    ("Mitrovica", "Bạo loạn nổ ra ở Mitrovica hôm thứ Ba, nhiều người ném đá vào cảnh sát.", {"kosovo-escalation"}),
    ("Mitrovica", "Bạo động nổ ra ở Mitrovica hôm thứ Ba sau vụ bắt giữ một quan chức.", {"kosovo-escalation"}),
])
def test_riots_trained_for_are_no_event(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a headline that looks back ("30 years after", "memories", "nhìn lại") and names no tension: history
    ("30 years after the war: a village remembers", "In the spring of 1999 the village near Peja was attacked, and "
     "most families fled. Today children play in its square.", set()),
    ("30 năm sau cuộc chiến: một ngôi làng ở Kosovo", "Mùa xuân năm 1999, ngôi làng gần Peja bị tấn công, nhiều gia "
     "đình phải bỏ chạy. Nay trẻ em lại vui chơi trên quảng trường.", set()),
    ("Memories of the bombing", "Aircraft attacked bridges and factories in Kosovo and Serbia for eleven weeks.",
     set()),
    ("Nhìn lại chiến dịch ném bom", "Máy bay tấn công cầu và nhà máy ở Kosovo và Serbia suốt mười một tuần.", set()),
    # ... but with tension in the headline it is today's
    ("30 years after the war, clashes return to north Kosovo", "Serbs and police clashed near Zvecan on Sunday.",
     {"kosovo-escalation"}),
    ("30 năm sau chiến tranh, đụng độ tái diễn ở bắc Kosovo", "Người Serb và cảnh sát đụng độ gần Zvecan hôm Chủ nhật.",
     {"kosovo-escalation"}),
    # "năm sau" with no number is "next year", not a look back
    ("Kosovo sẽ bầu cử năm sau", "Cảnh sát đụng độ với người biểu tình ở miền bắc Kosovo hôm Chủ nhật.",
     {"kosovo-escalation"}),
])
def test_a_headline_that_looks_back_names_history(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # troops cut from a country's share in the force: the number, a verb of cutting, then "in KFOR"
    ("Thụy Sĩ giảm quân", "Thụy Sĩ sẽ cắt giảm 30 binh sĩ trong lực lượng KFOR tại Kosovo.", {"kfor-troops"}),
    ("Swiss cut", "Switzerland will cut 30 soldiers in its KFOR contingent next year.", {"kfor-troops"}),
    # ... not a cut of troops somewhere else, nor troops of the force with no cut
    ("Thụy Sĩ giảm quân", "Thụy Sĩ sẽ cắt giảm 30 binh sĩ trong lực lượng gìn giữ hòa bình ở Lebanon.", set()),
    ("KFOR patrol", "Some 30 soldiers in KFOR patrolled the main road on Monday.", set()),
])
def test_troops_cut_in_the_force_are_a_change(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
