"""Troop facts: the force's strength retold as history (``At its peak, the Kosovo Force, or KFOR, counted some 50,000``,
``originally``, ``ban đầu``, ``khi mới triển khai``, ``before 2023`` / ``trước năm 2023``) is no total, while a sentence
that comes back to now or tells a plan keeps its figure; numbers written in words without diacritics (``bay tram``, ``ba
muoi``); a battalion "that was sent" to the force and now "returned home" leaves it, a short name in brackets ``(KFOR)``
cutting no clause; an apposition of size after another force (``EUFOR, với quân số khoảng 1.100 người,``) is that
force's; the date a lead opens with (``Ngày 17-3-2026,``) and a year of a plan (``sẽ ... vào năm 2032``) date nothing to
the past."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    ("At its peak, the Kosovo Force, or KFOR, counted some fifty thousand soldiers from almost forty countries.", []),
    ("KFOR originally numbered nearly 50,000 soldiers from 39 nations.", []),
    ("At the start of the mission, the NATO-led KFOR had some 50,000 troops.", []),
    ("Ban đầu, KFOR có gần 50 nghìn binh sĩ đến từ 39 quốc gia.", []),
    ("Vào thời điểm cao nhất, Lực lượng KFOR, do NATO dẫn đầu, có tới gần 50.000 binh sĩ.", []),
    ("Lúc ban đầu, lực lượng KFOR có khoảng 50.000 quân nhân đến từ 39 nước.", []),
    ("Trước năm 2023, KFOR chỉ có dưới 4 nghìn binh sĩ.", []),
    ("Before 2023, KFOR had fewer than 4,000 troops.", []),
    # controls: the sentence comes back to now, or the start is a plan's first step
    ("At its peak, the force in Kosovo, known as KFOR, had about 50,000 troops, but it now has about 4,500.",
     [("total", 4500)]),
    ("Khi mới triển khai, KFOR có tới gần 50 nghìn binh sĩ; hiện lực lượng này có khoảng 4.500 quân.",
     [("total", 4500)]),
    ("Germany will initially send 200 soldiers to KFOR.", [("change", 200)]),
    ("Đức sẽ ban đầu gửi 200 binh sĩ tới KFOR.", [("change", 200)]),
])
def test_strength_of_the_past(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("NATO se trien khai them bay tram binh si toi Co-xo-vo de tang cuong cho KFOR.", [("change", 700)]),
    ("Thuy Si se cat giam ba muoi quan nhan khoi KFOR.", [("change", -30)]),
    ("Hien KFOR co khoang bon nghin ruoi quan nhan den tu 28 quoc gia.", [("total", 4500)]),
    # control: after digits "tram" is a station, no hundred
    ("KFOR lap 2 tram kiem soat moi gan cau Ibar.", []),
])
def test_number_words_without_diacritics(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("A Turkish battalion of some 500 soldiers that was sent to reinforce the NATO-led Kosovo Force (KFOR) has "
     "returned home, the ministry said.", [("change", -500)]),
    ("Some 300 Italian soldiers who were sent to KFOR in June have returned to Italy.", [("change", -300)]),
    # control: troops that are sent now
    ("Italy will send 300 soldiers to the NATO-led Kosovo Force (KFOR) next week.", [("change", 300)]),
])
def test_sent_before_and_back_now(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Pri-sti-na đã mua tên lửa chống tăng. Ở Bô-xni-a, Lực lượng EUFOR Althea của EU, với quân số khoảng 1.100 người, "
     "phải đặt các đơn vị dự bị trong tình trạng sẵn sàng cao.", []),
    ("Kosovo bought drones. In Bosnia, the EU's EUFOR Althea force, with some 1,100 troops, has put reserves on "
     "alert.", []),
    # control: the force's own apposition of size
    ("Lực lượng KFOR, với quân số khoảng 4.500 người, đã tăng cường tuần tra ở miền Bắc.", [("total", 4500)]),
])
def test_apposition_of_another_force(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Biên phòng - Ngày 17-3-2026, Quốc hội Thuỵ Sĩ quyết định gia hạn sự tham gia trong KFOR và cắt giảm 30 quân "
     "nhân kể từ tháng 4-2027. Theo kế hoạch, ngân sách quốc phòng sẽ được nâng lên 1% GDP vào năm 2032.",
     [("change", -30)]),
    ("BERN, March 17, 2026 - Parliament voted to cut 30 soldiers from KFOR from April 2027. Defence spending will "
     "reach 1% of GDP in 2032.", [("change", -30)]),
    # control: a year of the past still dates its sentence
    ("In 2023, NATO sent 700 troops to KFOR. In 2025, KFOR has about 4,500 troops.", [("total", 4500)]),
])
def test_dateline_and_plans_are_not_the_past(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body, title="Kosovo force") == expected
