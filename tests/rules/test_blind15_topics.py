"""Shipped topics, a fifteenth blind dev set: a change of KFOR's troops that a title only denies, weighs, offers on a
condition or puts off ("Ministry denies report it will pull troops out of Kosovo", "Cabinet delays decision on more
troops for KFOR", "Bỉ sẵn sàng điều thêm quân tới Kosovo nếu được đề nghị") is no change unless the text states a
figure of troops moved that no word of doubt stands by, or KFOR's strength. In the text, a report of a change that
is denied in other words ("denied a media report that ..."), a decision left open ("a decision on whether to send",
"chưa có quyết định") and reinforcement only offered ("sẵn sàng xem xét tăng cường lực lượng cho KFOR") are no
change either. Controls: a change decided (also one awaiting a parliament's vote), a denial beside a real change,
and KFOR's strength in a denial piece."""

from __future__ import annotations

import pytest

from tests.rules.helpers import shipped

KFOR_CASES = [
    # a title that denies a report of a change; the text names no change that was made
    ("Ministry denies report it will pull its soldiers out of Kosovo",
     "A tabloid had written that the government would withdraw its soldiers from KFOR by the summer. Officials called"
     " the story wrong.", False),
    ("Bộ Quốc phòng Bỉ phủ nhận thông tin sẽ rút binh sĩ khỏi Kosovo",
     "Một tờ báo viết rằng chính phủ sẽ rút binh sĩ khỏi KFOR vào mùa hè. Người phát ngôn gọi đây là thông tin sai.",
     False),
    # ... or a report denied in the text, in other words
    ("Defence news",
     "The ministry has denied a press report that the government is preparing to withdraw its troops from the"
     " NATO-led mission in Kosovo, KFOR.", False),
    # a title that puts off or leaves open a decision
    ("Cabinet delays decision on sending more troops to Kosovo",
     "Ministers will first hear from KFOR commanders about the security situation, a spokesman said.", False),
    ("Chính phủ Bỉ chưa quyết định việc gửi thêm quân tới Kosovo",
     "Bộ trưởng cho biết sẽ chờ ý kiến của chỉ huy KFOR trước khi trình phương án.", False),
    # ... or a decision left open in the text
    ("Defence news",
     "The government has shelved for now a decision on whether to send additional soldiers to the NATO-led force,"
     " KFOR.", False),
    ("Tin quốc phòng",
     "Bộ trưởng cho biết chính phủ chưa có quyết định gửi thêm binh sĩ tới Kosovo để hỗ trợ KFOR.", False),
    # a title that offers a change on a condition; the text offers reinforcement only
    ("Bỉ sẵn sàng điều thêm quân tới Kosovo nếu được đề nghị",
     "Bộ trưởng cho biết Brussels sẵn sàng xem xét tăng cường lực lượng cho KFOR, song hiện chưa có đề nghị.", False),
    ("Tin quốc phòng",
     "Bộ trưởng cho biết Brussels sẵn sàng xem xét tăng cường lực lượng cho KFOR, song hiện chưa có đề nghị.", False),
    # ... and a figure in such an article that is itself only offered is no change decided
    ("Chamber postpones vote on sending more troops to Kosovo",
     "The government proposal would send 60 more soldiers to KFOR only if NATO asks for them.", False),
    # controls: a denial beside a real change with its figure
    ("Ministry denies report it will pull its soldiers out of Kosovo",
     "Instead, Belgium will send 80 more troops to KFOR in March, the spokesman said.", True),
    ("Bỉ bác bỏ tin đồn rút quân khỏi Kosovo",
     "Ngược lại, Bỉ sẽ điều thêm 80 binh sĩ tới Kosovo vào tháng Ba để tăng cường cho KFOR.", True),
    # ... or KFOR's strength in a denial piece
    ("Ministry denies report it will pull its soldiers out of Kosovo",
     "KFOR currently has about 4,500 troops from 28 countries.", True),
    ("Bỉ bác bỏ tin đồn rút quân khỏi Kosovo",
     "KFOR hiện có khoảng 4.500 binh sĩ từ 28 quốc gia.", True),
    # ... a change decided that awaits parliament, with a title of no doubt
    ("Belgium to send 80 more soldiers to KFOR, parliament to vote next month",
     "The cabinet approved the plan on Friday; lawmakers will vote on whether to approve it in December.", True),
    ("Bỉ dự kiến điều thêm 80 binh sĩ tới Kosovo, Quốc hội sẽ biểu quyết",
     "Chính phủ đã thông qua kế hoạch tăng cường cho KFOR; Quốc hội sẽ bỏ phiếu vào tháng tới.", True),
    # ... or with a title that puts off the vote, the government's figure decided
    ("Parliament delays vote on Kosovo troops",
     "The government decided last week to deploy 80 soldiers to KFOR; the chamber will take it up in January.", True),
]


@pytest.mark.parametrize(("title", "body", "expected"), KFOR_CASES)
def test_kfor_changes_only_denied_weighed_or_put_off(title: str, body: str, expected: bool) -> None:
    assert ("kfor-troops" in shipped(title, body)) is expected
