"""Troop facts: troops a verb of hurting governs are casualties; a figure a report gave wrongly is no fact; a lead of
time that names a movement moves none of its sentence's troops; what reinforcements come on top of is the force's
total; the strength word with no owner in a sentence of the force is the force's strength."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    ("Germany sends 250 more soldiers to Kosovo after riots injure 20 peacekeepers.", [("change", 250)]),
    ("Rioters wounded at least 12 KFOR soldiers near Mitrovica.", []),
    ("Đức điều thêm 250 binh sĩ tới Kosovo sau khi bạo loạn làm bị thương 20 binh sĩ KFOR.", [("change", 250)]),
    ("Vụ nổ làm bị thương khoảng 12 binh sĩ KFOR gần Mitrovica.", []),
])
def test_troops_a_verb_of_hurting_governs(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Austria will cut its KFOR contingent by 30 soldiers. Correction: an earlier version of this report wrongly "
     "said Austria would withdraw 300 soldiers.", [("change", -30)]),
    ("Austria will withdraw 30 soldiers from KFOR. Some outlets mistakenly reported that Austria would pull out 300 "
     "soldiers, but the ministry said it will withdraw 30 soldiers.", [("change", -30)]),
    ("Áo sẽ rút 30 binh sĩ khỏi KFOR. Đính chính: bản tin trước đã đưa nhầm rằng Áo sẽ rút 300 binh sĩ.",
     [("change", -30)]),
    ("Áo sẽ rút 30 binh sĩ khỏi KFOR. Một số báo đưa tin sai rằng Áo rút 300 binh sĩ, nhưng Bộ Quốc phòng khẳng "
     "định Áo chỉ rút 30 binh sĩ khỏi Kosovo.", [("change", -30)]),
])
def test_figure_a_report_gave_wrongly(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Hungary will send 80 more soldiers to KFOR. Before this reinforcement, Hungary kept a company of about 35 "
     "soldiers in Kosovo.", [("change", 80)]),
    ("Hungary sẽ điều thêm 80 binh sĩ tới KFOR. Trước đợt tăng cường này, Hungary duy trì tại Kosovo một đại đội "
     "khoảng 35 người.", [("change", 80)]),
    # a lead with a verb tells the troops' own movement
    ("After arriving in Pristina, the 120 Austrian soldiers will join KFOR.", [("change", 120)]),
    ("Sau khi tới Pristina, 120 binh sĩ Áo sẽ gia nhập KFOR.", [("change", 120)]),
])
def test_lead_of_time_naming_a_movement(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("NATO is sending about 600 more troops to Kosovo. The new units, mostly from the reserve, will come on top of "
     "the roughly 4,300 soldiers already serving with KFOR.", [("change", 600), ("total", 4300)]),
    ("NATO gửi thêm khoảng 600 binh sĩ tới Kosovo, bên cạnh khoảng 4.300 binh sĩ KFOR hiện có.",
     [("change", 600), ("total", 4300)]),
    # a contingent's troops that others come on top of are neither a change nor a total
    ("Germany will deploy 200 more troops to KFOR in addition to the 500 soldiers it already has in Kosovo.",
     [("change", 200)]),
    # ... nor does the same number stated of another army take the force's away
    ("The new units will come on top of the roughly 4,300 soldiers of KFOR. Serbia said its troops near the "
     "boundary had been cut to about 4,300.", [("total", 4300)]),
])
def test_what_troops_come_on_top_of(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("KFOR currently has about 3,900 troops. Once the reserve arrives, the troop level will reach about 4,600, an "
     "official said.", [("total", 3900), ("total", 4600)]),
    ("KFOR hiện có khoảng 3.900 binh sĩ. Một quan chức cho biết khi lực lượng dự bị tới nơi, quân số sẽ lên khoảng "
     "4.600 người.", [("total", 3900), ("total", 4600)]),
    # an owner named with the strength word: a contingent's, not the force's
    ("Germany will send 300 more soldiers to KFOR. The German strength will then reach about 1,200 soldiers.",
     [("change", 300)]),
    ("Đức sẽ gửi thêm 300 binh sĩ tới KFOR. Quân số của Đức tại Kosovo sẽ lên khoảng 1.200 người.",
     [("change", 300)]),
])
def test_strength_word_with_no_owner(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
