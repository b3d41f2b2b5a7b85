"""Troop facts: a change only offered on a condition, weighed, put off, denied or corrected away is no change; a
change decided by a government that awaits a vote of parliament still is; a contingent's size after an increase is no
total of the force, and the strength the force reaches once troops arrive is."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize("body", [
    "Slovakia would send 60 more troops to KFOR if NATO asks.",
    "Bratislava will deploy 60 additional soldiers to Kosovo only if NATO formally requests them.",
    "If the alliance asks, Slovakia will send 60 more troops to KFOR.",
    "Slovakia sẽ gửi thêm 60 binh sĩ cho KFOR nếu NATO yêu cầu.",
    "Nếu NATO chính thức đề nghị, Slovakia sẽ điều thêm 60 quân nhân tới Kosovo.",
    "Bỉ sẽ rút 80 binh sĩ khỏi KFOR với điều kiện các đồng minh lấp chỗ trống.",
])
def test_change_offered_on_a_condition(body: str) -> None:
    assert shipped_facts(body) == []


@pytest.mark.parametrize("body", [
    "Slovakia is considering sending 60 more troops to KFOR.",
    "The Dutch government is weighing the withdrawal of 90 soldiers from Kosovo.",
    "Slovakia đang xem xét gửi thêm 60 binh sĩ cho KFOR.",
    "Hà Lan đang cân nhắc việc rút 90 quân nhân khỏi Kosovo.",
])
def test_change_only_considered(body: str) -> None:
    assert shipped_facts(body) == []


@pytest.mark.parametrize("body", [
    "The Slovak parliament postponed a vote on sending 60 more troops to KFOR.",
    "The deployment of 60 more Slovak troops to KFOR has been postponed.",
    "Quốc hội Slovakia đã quyết định hoãn bỏ phiếu về đề xuất tăng thêm 60 binh sĩ cho KFOR.",
    "Việc điều thêm 60 binh sĩ Slovakia tới Kosovo đã bị hoãn.",
])
def test_change_put_off(body: str) -> None:
    assert shipped_facts(body) == []


@pytest.mark.parametrize("body", [
    "The ministry denied that it would withdraw 150 soldiers from KFOR.",
    "The ministry denied that Germany and Austria would withdraw 150 soldiers from KFOR.",
    "Parliament refused to send 60 more troops to Kosovo.",
    "Bộ Quốc phòng bác bỏ thông tin sẽ rút 150 binh sĩ khỏi KFOR.",
    "Quốc hội từ chối gửi thêm 60 binh sĩ tới Kosovo.",
])
def test_change_denied(body: str) -> None:
    assert shipped_facts(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # a denial in a predicate of its own does not undo the change told after it
    ("Germany rejected the criticism and will send 100 more soldiers to KFOR.", [("change", 100)]),
    ("Đức bác bỏ các chỉ trích và sẽ gửi thêm 100 binh sĩ tới KFOR.", [("change", 100)]),
    # a change decided, weighed before the decision
    ("After weighing the request the government decided to send 60 more troops to KFOR.", [("change", 60)]),
    # decided by a government and awaiting parliament: still a change
    ("The government decided to send 60 more troops to KFOR if parliament approves.", [("change", 60)]),
    ("The government approved sending 60 more troops to KFOR; the plan now awaits a vote in parliament.",
     [("change", 60)]),
    ("Chính phủ quyết định gửi thêm 60 binh sĩ cho KFOR nếu Quốc hội thông qua.", [("change", 60)]),
    ("Quốc hội Slovakia sẽ bỏ phiếu về đề xuất của chính phủ nhằm tăng thêm 60 binh sĩ cho KFOR.", [("change", 60)]),
    # a condition of another clause, or troops sent while something else is put off
    ("NATO will send 500 troops to Kosovo, but the Serbian parliament postponed its session.", [("change", 500)]),
])
def test_change_decided_still_counts(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Germany will send not 1,000 soldiers, as reported earlier, but 100 soldiers to KFOR.", [("change", 100)]),
    ("Germany will send 100 soldiers to KFOR rather than the 1,000 soldiers first reported.", [("change", 100)]),
    ("The ministry said it will withdraw not 500 soldiers from KFOR, as media reported, but only 50 soldiers.",
     [("change", -50)]),
    ("Đức sẽ gửi tới KFOR không phải 1.000 binh sĩ như đưa tin trước đó, mà là 100 binh sĩ.", [("change", 100)]),
    ("Bộ Quốc phòng cho biết sẽ rút không phải 500 binh sĩ khỏi KFOR như báo chí đưa tin, mà chỉ 50 binh sĩ.",
     [("change", -50)]),
    ("Đức sẽ gửi 100 binh sĩ tới KFOR chứ không phải 1.000 binh sĩ như một số báo đưa tin.", [("change", 100)]),
])
def test_change_corrected_away(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a contingent's size after an increase is no total of the force
    ("Slovenia will send 40 more soldiers to KFOR next month, bringing the Slovenian contingent to about 130.",
     [("change", 40)]),
    ("Slovenia will send 40 more soldiers to KFOR. This brings the Slovenian contingent in Kosovo to about 130.",
     [("change", 40)]),
    ("Slovenia sẽ gửi thêm 40 binh sĩ tới KFOR vào tháng tới, nâng đội quân Slovenia lên khoảng 130 người.",
     [("change", 40)]),
    # the strength the force will reach once the troops arrive is its total
    ("Britain will send 200 soldiers to Kosovo. Once they arrive, the force will reach about 4,800.",
     [("change", 200), ("total", 4800)]),
    ("Anh sẽ điều 200 binh sĩ tới Kosovo. Khi số quân này tới nơi, quân số KFOR sẽ lên khoảng 4.800 người.",
     [("change", 200), ("total", 4800)]),
])
def test_contingent_size_and_force_strength_after_arrival(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
