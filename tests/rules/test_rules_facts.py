"""Troop-count facts: numbers in both locales, totals vs changes, and what is not a KFOR figure."""

from __future__ import annotations

import random

import pytest

from monitor.rules import FactRules
from monitor.rules import facts as facts_module
from monitor.rules.facts import extract_facts, sentences
from monitor.rules.numbers import parse_number, read_numbers
from monitor.rules.text import sentence_breaks, tokenize
from tests.rules.helpers import SEED_NATO_EU, article, article_from_txt, shipped, shipped_topics

RULES = FactRules.of(force=["KFOR", "Kosovo Force", "lực lượng gìn giữ hòa bình Kosovo"],
                     place=["Kosovo", "Cô-xô-vô"],
                     others=["EUFOR", "Serbia", "Serbian", "Xéc-bi-a", "cảnh sát", "police"])


def facts(body: str, title: str = "") -> list[tuple[str, int]]:
    return [(f.kind, f.value) for f in extract_facts(RULES, "kfor", article(body, title))]


def numbers(text: str) -> list[int]:
    return [n.value for n in read_numbers(text, tokenize(text, fold_diacritics=False))]


@pytest.mark.parametrize(("text", "value"), [
    ("4.200", 4200), ("4,200", 4200), ("1.000", 1000), ("12.345.678", 12345678), ("1,5", 1.5), ("1.5", 1.5),
    ("700", 700), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
])
def test_digits_in_both_locales(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("hơn 4.000 binh sĩ", 4000), ("almost 3,800 troops", 3800), ("1,5 triệu người", 1_500_000),
    ("a thousand soldiers", 1000), ("một nghìn binh sĩ", 1000), ("Một trăm binh sĩ", 100),
    ("about 4 500 troops", 4500), ("twenty soldiers", 20), ("2 nghìn quân", 2000), ("1.2 million", 1_200_000),
    ("năm mươi nghìn binh sĩ", 50000), ("bảy mươi lăm binh sĩ", 75), ("hai mươi mốt người", 21),
    ("ba mươi năm", 30), ("bảy trăm quân", 700), ("fifty thousand soldiers", 50000), ("seven hundred troops", 700),
    # tens and units written together, and a scale word after an article and a word of adding
    ("the remaining thirty-five soldiers", 35), ("twenty one soldiers", 21), ("Forty-two troops", 42),
    ("an additional hundred soldiers", 100), ("another thousand troops", 1000), ("an extra thousand", 1000),
])
def test_numbers_in_text(text: str, value: int) -> None:
    assert numbers(text) == [value]


def test_vietnamese_number_words_need_a_scale_and_dates_are_two_numbers() -> None:
    assert numbers("năm 2026, ba người") == [2026]
    assert numbers("ngày 29/5") == [29, 5]


@pytest.mark.parametrize(("body", "expected"), [
    ("KFOR has about 4,500 troops in Kosovo.", [("total", 4500)]),
    ("KFOR hiện có gần 4.700 quân nhân đến từ 29 quốc gia.", [("total", 4700)]),
    ("Today, about 4 500 troops from 28 Allies and partners serve in KFOR.", [("total", 4500)]),
    ("The reinforcements will bring the KFOR mission to some 4,800 troops.", [("total", 4800)]),
    ("Với đợt tăng cường này, tổng quân số của KFOR sẽ lên khoảng 4.800 binh sĩ.", [("total", 4800)]),
    ("NATO will deploy 700 additional troops to Kosovo to reinforce KFOR.", [("change", 700)]),
    ("Romania will send 100 more soldiers to KFOR.", [("change", 100)]),
    ("500 binh sĩ bổ sung của KFOR được triển khai tới Kosovo.", [("change", 500)]),
    ("Finland will withdraw its remaining 20 soldiers from KFOR.", [("change", -20)]),
    ("Mỹ sẽ rút khoảng 200 binh sĩ khỏi lực lượng gìn giữ hòa bình KFOR.", [("change", -200)]),
    ("Poland will withdraw about 100 of its roughly 250 soldiers serving with KFOR.", [("change", -100)]),
])
def test_totals_and_changes(body: str, expected: list[tuple[str, int]]) -> None:
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "Ba Lan hiện có khoảng 250 quân nhân trong KFOR.",  # a contingent's size, no change
    "KFOR was deployed in 1999 under Resolution 1244 with troops from 29 countries.",  # year, resolution, count
    "Hôm 29/5, khoảng 30 binh sĩ KFOR đã bị thương ở Kosovo.",  # soldiers injured
    "Serbia asked KFOR to allow 1,000 Serbian troops back into Kosovo.",  # Serbia's troops
    "Serbia đề nghị KFOR cho phép triển khai 1.000 quân nhân và cảnh sát Serbia tới Kosovo.",
    "EUFOR will deploy 500 reserve troops to Bosnia, KFOR said.",  # another mission
    "Lực lượng này cách Kosovo 500 km.",  # not troops
])
def test_what_is_not_a_kfor_figure(body: str) -> None:
    assert facts(body) == []


def test_a_figure_in_the_sentence_after_the_force_is_named() -> None:
    body = ("Warsaw told KFOR it would cut its contribution. \"One hundred of our soldiers will return home "
            "before the end of June,\" the minister said.")
    assert facts(body) == [("change", -100)]


def test_a_figure_far_from_any_mention_of_the_force_is_left_alone() -> None:
    body = "KFOR patrols the north.\n\nThe weather was fine.\n\nThe army will send 300 more troops to the border."
    assert facts(body) == []


def test_the_same_figure_is_listed_once_and_keeps_its_sentence() -> None:
    found = extract_facts(RULES, "kfor", article("NATO sends 300 more troops to Kosovo.",
                                                 "NATO sends 300 more troops to Kosovo"))
    assert [(f.kind, f.value) for f in found] == [("change", 300)]
    assert found[0].text == "NATO sends 300 more troops to Kosovo"


def test_seed_000_facts() -> None:
    found = extract_facts(RULES, "kfor", article_from_txt(SEED_NATO_EU))
    assert sorted((f.kind, f.value) for f in found) == [("change", 500), ("total", 4000), ("total", 4200)]


def test_sentences_keep_abbreviations_and_cut_at_lines() -> None:
    assert sentences("Gen. Smith spoke. KFOR has 4,500 troops.\nNext line") == [
        "Gen. Smith spoke.", "KFOR has 4,500 troops.", "Next line"]



def test_a_one_digit_number_ends_a_sentence_unless_it_numbers_a_list() -> None:
    assert sentences("Quân tới hồi tháng 9. Số binh sĩ KFOR là 4.500.") == [
        "Quân tới hồi tháng 9.", "Số binh sĩ KFOR là 4.500."]
    assert sentences("They arrived on May 9. Troops now number 4,500.") == [
        "They arrived on May 9.", "Troops now number 4,500."]
    assert sentences("1. Introduction of 700 troops\n2. Withdrawal") == [
        "1. Introduction of 700 troops", "2. Withdrawal"]
    assert sentences("The U.S. Army sent 200 troops.") == ["The U.S. Army sent 200 troops."]


@pytest.mark.parametrize("text", [
    "Gen. Smith spoke. KFOR has 4,500 troops.\nNext line",
    'He said: "We stay." “They go.” (Then) the U.S. Army left. No. 1244 stands.\n\nlower line\n  Upper',
    "Ngày 29.5, TP. HCM đón 4.500 khách. Bộ Quốc phòng cho biết: 700 binh sĩ sẽ tới!\r\nHết.",
    "Quân tới hồi tháng 9. Số binh sĩ là 4.500.\n1. Introduction\n 2. Next",
])
def test_sentences_end_where_the_engine_ends_them(text: str) -> None:
    """One notion of a sentence: facts cut a text where ``text.ends_sentence`` (a phrase's limit) says."""
    firsts, count = [], 0
    for sentence in sentences(text):
        firsts.append(count)
        count += len(tokenize(sentence, fold_diacritics=False))
    assert count == len(tokenize(text, fold_diacritics=False))
    assert firsts[1:] == sentence_breaks(text)
    assert all(s == s.strip() and s in text for s in sentences(text))


def test_word_lists_are_found_as_a_plain_scan_finds_them() -> None:
    """The lists are looked up by one expression per list and sentence; the same positions as word by word."""
    rng = random.Random(3)
    lists = [facts_module.ADD, facts_module.REMOVE, facts_module.UNITS, facts_module._APPROX, facts_module.HAVE,
             RULES.force, RULES.place, RULES.others]
    vocabulary = sorted({w.rstrip("*") + rng.choice(["", "s", "ing"]) for items in lists for p in items
                         for w, _ in p} | {"kfor", "4.500", "the", "và", "x"})
    for _ in range(300):
        norms = [rng.choice(vocabulary) for _ in range(rng.randint(0, 30))]
        for unaccented in (False, True):
            words = facts_module._Words(norms, unaccented)
            for patterns in lists:
                pats = [facts_module._fold_pattern(p) if unaccented else p for p in patterns]

                def at(i: int, p: tuple, norms: list[str] = norms) -> bool:
                    return i >= 0 and i + len(p) <= len(norms) and all(
                        norms[i + k].startswith(w) if prefix else norms[i + k] == w for k, (w, prefix) in enumerate(p))

                assert facts_module._find(words, patterns) == [
                    i for i in range(len(norms)) if any(at(i, p) for p in pats)]
                for end in range(len(norms) + 1):
                    starts = [end - len(p) for p in pats if at(end - len(p), p)]
                    assert facts_module._ending_at(words, end, patterns) == (min(starts) if starts else None)


# ── strength and changes written without a troop word after each number ─────────────────────────


@pytest.mark.parametrize(("body", "expected"), [
    # "shed N": troops removed, with or without the troop word
    ("Since 1999 KFOR has shed about 4,000 troops.", [("change", -4000)]),
    ("KFOR has shed about 4,000 since June.", [("change", -4000)]),
    ("KFOR đã cắt giảm khoảng 4.000 kể từ tháng 6.", [("change", -4000)]),
    # a number in the thousands after a verb of having or reaching, the force named before it
    ("KFOR, which had 50,000 troops in 1999, has some 14,000 now.", [("total", 50000), ("total", 14000)]),
    ("NATO plans to cut KFOR to about 10,000 by January.", [("total", 10000)]),
    ("KFOR sẽ giảm xuống còn khoảng 10.000 vào tháng 1.", [("total", 10000)]),
    ("KFOR numbered nearly 50,000 troops in 1999.", [("total", 50000)]),
    # from X to Y of the force's strength: both totals and the change between them
    ("The reinforcements will lift KFOR from nearly 3,800 to about 4,500 troops.",
     [("total", 3800), ("total", 4500), ("change", 700)]),
    ("KFOR's strength will grow from nearly 3,800 to about 4,500.",
     [("total", 3800), ("total", 4500), ("change", 700)]),
    ("Quân số KFOR sẽ tăng từ khoảng 3.800 lên khoảng 4.500 binh sĩ.",
     [("total", 3800), ("total", 4500), ("change", 700)]),
    ("KFOR sẽ giảm từ 4.500 xuống còn 4.000 binh sĩ.", [("total", 4500), ("total", 4000), ("change", -500)]),
    # ... and of a national contingent: only the change
    ("The German contingent in KFOR will grow from 80 to 230 soldiers.", [("change", 150)]),
    # a reinforcement told in national parts: each part is troops added
    ("Germany and Austria will send 350 and 250 soldiers to Kosovo to reinforce KFOR.",
     [("change", 350), ("change", 250)]),
    ("Đức và Áo sẽ điều 350 và 250 binh sĩ tới Kosovo để tăng cường cho KFOR.", [("change", 350), ("change", 250)]),
    # an N-strong force is a total, an N-strong contingent is not a fact
    ("KFOR, a 4,500-strong force, patrols the north.", [("total", 4500)]),
    ("KFOR said the 6,000-strong force would stay.", [("total", 6000)]),
    ("Poland's 250-strong contingent serves in KFOR.", []),
    # what troops are added to is the force's total
    ("Đợt tăng quân này bổ sung cho khoảng 18.500 binh sĩ của KFOR.", [("total", 18500)]),
    ("The new troops will join the 4,500 soldiers of KFOR already in Kosovo.", [("total", 4500)]),
    # casualties and ceilings are not troops sent
    ("NATO decided to send extra troops to KFOR after 30 peacekeepers were injured.", []),
    ("Hôm qua 30 binh sĩ KFOR bị thương, NATO quyết định điều thêm quân tới Kosovo.", []),
    ("Đức có thể triển khai tối đa 400 binh sĩ tại Kosovo.", []),
    ("The cabinet may keep a maximum of 235 soldiers in Kosovo.", []),
    # a contingent's size is not the force's, whatever the verb
    ("KFOR's Polish contingent has 250 soldiers.", []),
    # years and numbers that are not troops stay out
    ("KFOR extended its mandate to 2026.", []),
    ("Serbia wants its special forces in Kosovo increased from 1,500 to 5,000 troops.", []),
])
def test_strength_and_changes_without_a_troop_word_after_each_number(body: str, expected: list) -> None:
    assert facts(body) == expected


def test_a_headline_about_the_force_ties_a_sentence_about_the_contingent() -> None:
    body = ("Parliament approved the plan. The vote was 123 to 62.\n\n"
            "Under the compromise, the contingent will be reduced by 70 soldiers in two steps.")
    assert facts(body, title="Parliament extends Kosovo mission but trims Swiss contingent") == [("change", -70)]
    assert facts(body, title="Parliament approves budget") == []


@pytest.mark.parametrize(("body", "expected"), [
    # a word of direction before the place is an arrival
    ("Khoảng 700 quân nhân Đức và Áo của KFOR bắt đầu tới Cô-xô-vô.", [("change", 700)]),
    ("About 250 Italian soldiers flown into Kosovo will reinforce KFOR.", [("change", 250)]),
    # parts of a group that arrives are troops added, never the force's total
    ("Những đơn vị đầu tiên của KFOR đã hạ cánh xuống sân bay, số còn lại sẽ tới trong tuần. "
     "Lực lượng gồm khoảng 550 quân nhân Đức và 150 quân nhân Áo.", [("change", 550), ("change", 150)]),
    ("Reserve troops for KFOR landed in Pristina on Monday. The force comprises 550 German and 150 Austrian "
     "soldiers.", [("change", 550), ("change", 150)]),
    ("KFOR gồm 550 quân nhân Đức và 150 quân nhân Áo.", []),
    # "to Y ... from X": the strength it starts from is a total too, no change computed
    ("NATO will reduce KFOR to about 5,000 troops early next year from the current 10,000, the alliance said.",
     [("total", 5000), ("total", 10000)]),
    ("NATO agreed to cut KFOR to about 10,000 troops by January from some 14,000 now.",
     [("total", 10000), ("total", 14000)]),
    # a date's day or month followed by a clause is no figure
    ("Theo thông cáo của KFOR ngày 7/10, các binh sĩ đã hạ cánh xuống Pristina.", []),
    ("KFOR said on 29.5 that 30 soldiers were injured.", []),
    # a country's share as a contributor is its contingent, not the force
    ("Khi KFOR triển khai năm 1999, Đức là nước đóng góp quân đông nhất, với hơn 6.000 binh sĩ.", []),
    # "touched down" is an arrival
    ("A plane carrying about 100 German troops for KFOR touched down at Pristina airport.", [("change", 100)]),
])
def test_arrivals_breakdowns_and_reversed_ranges(body: str, expected: list) -> None:
    assert facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("NATO dieu them 700 binh si toi Kosovo de tang cuong cho KFOR.", [("change", 700)]),
    ("KFOR hien co khoang 4.500 binh si tu 27 quoc gia.", [("total", 4500)]),
    ("My se rut khoang 200 binh si khoi KFOR.", [("change", -200)]),
    # English is not read as unaccented Vietnamese: "them" stays a pronoun
    ("KFOR thanked them: 30 soldiers were injured.", []),
])
def test_vietnamese_written_without_diacritics(body: str, expected: list) -> None:
    assert facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # strength with a base-form verb, a copula or an apposition
    ("Officials say KFOR will eventually number about 50,000 troops.", [("total", 50000)]),
    ("NATO keeps KFOR, a force of about 4,000 soldiers, in Kosovo.", [("total", 4000)]),
    ("Quân số của KFOR hiện là hơn 4.000 binh sĩ.", [("total", 4000)]),
    ("Lực lượng KFOR, quy mô khoảng 4.500 binh sĩ, tăng cường tuần tra.", [("total", 4500)]),
    # from X to Y with a time word after X
    ("Quân số KFOR sẽ giảm từ khoảng 14.000 người hiện nay xuống còn khoảng 10.000 vào năm sau.",
     [("total", 14000), ("total", 10000), ("change", -4000)]),
    # the movement word nearest the figure tells its direction
    ("Britain will send 200 troops to Kosovo as the U.S. urges Serbia to pull back forces.", [("change", 200)]),
    # a movement denied is none
    ("Germany will not withdraw its 70 soldiers from KFOR.", []),
    ("Ba Lan không có kế hoạch rút 250 binh sĩ khỏi Kosovo.", []),
    ("Không quân Mỹ điều 200 binh sĩ tới Kosovo để tăng cường cho KFOR.", [("change", 200)]),
    # leaving the place is a departure
    ("The final group of about seventy KFOR soldiers left Kosovo on Tuesday.", [("change", -70)]),
    # a noun of deployment in the past is no movement; troops counted over the years or in an exercise are none
    ("Germany was a large contributor to KFOR, with more than 6,000 soldiers in Kosovo at the peak of its "
     "deployment in 1999.", []),
    ("Since 1999, more than 9,000 Swedish soldiers have served in Kosovo.", []),
    ("KFOR began its exercise with about 1,000 soldiers from 12 countries.", []),
])
def test_strength_wording_direction_and_denials(body: str, expected: list) -> None:
    assert facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a figure with no movement of its own, after a sentence of troops leaving, counts the troops that left
    ("Sweden's last contingent in KFOR returned home on Tuesday. The final group of about seventy soldiers "
     "landed at Arlanda airport.", [("change", -70)]),
    ("NATO will send reinforcements to KFOR. The 700 soldiers come from Germany and Austria.", [("change", 700)]),
    # ... but not troops counted over the years
    ("Spain began sending troops to Kosovo in 1999. Since then about 22,000 Spanish soldiers have served there "
     "in rotation.", []),
])
def test_figure_after_a_sentence_of_movement(body: str, expected: list) -> None:
    assert facts(body) == expected


# ── the shipped topics on sentences written for each phenomenon ─────────────────────────────────



@pytest.mark.parametrize(("title", "body", "expected"), [
    # the force's name as outlets write it, its strength in an apposition or after a modal
    ("x", "The Nato-led force, K-For, which has 16,000 troops in Kosovo, sent units.", {"kfor-troops"}),
    ("Talks resume", "NATO still keeps a peacekeeping force, KFOR, of some 3,500 troops.", {"kfor-troops"}),
    # troops going to or leaving Kosovo, the verb of going far from the troop word or in the title
    ("Ohio Guard soldiers head to Kosovo for rotation", "They will take over the U.S. part of KFOR.",
     {"kfor-troops"}),
    ("x", "Khoảng 300 binh sĩ Hungary đã có mặt tại Pri-xti-na để tăng cường cho KFOR.", {"kfor-troops"}),
    ("Tây Ban Nha rút 620 quân khỏi Cô-xô-vô", "Các binh sĩ đang tham gia KFOR sẽ về nước.", {"kfor-troops"}),
    ("x", "Denmark will withdraw its 35 soldiers serving in KFOR by the end of the year.", {"kfor-troops"}),
    # ... but not to the border (Serbia's troops massing there are escalation), nor a change denied, nor an exercise
    ("Serbian troops head to Kosovo border", "KFOR is watching.", {"kosovo-escalation"}),
    ("x", "Hungary would not reduce its commitment to the KFOR mission.", set()),
    ("x", "Germany won't withdraw its 70 soldiers from KFOR.", set()),
    ("KFOR diễn tập", "KFOR diễn tập với sự tham gia của khoảng 1.000 binh sĩ từ 12 quốc gia tại Kosovo.", set()),
    # escalation: a state of emergency over a disaster, the sport of shooting, a conflict elsewhere, the past war
    ("Kosovo declares state of emergency over energy crisis", "Kosovo declared it over power cuts.", set()),
    ("Binh sĩ KFOR giúp dân vùng lũ", "Chính phủ Kosovo ban bố tình trạng khẩn cấp vì lũ lụt ở Mitrovica.",
     set()),
    ("Serbs block roads", "Kosovo declared a state of emergency in the north after Serbs erected barricades.",
     {"kosovo-escalation"}),
    ("Kosovo wins gold", "Kosovo's athletes competed in judo and shooting in Pristina.", set()),
    ("Officer killed in shooting in northern Kosovo", "A Kosovo police officer was shot near Zvecan.",
     {"kosovo-escalation"}),
    ("Bosnia: tension rises as Dodik defies court", "Analysts fear tension could spread to Serbia and Kosovo.",
     set()),
    ("History of the war", "About 13,000 people were killed in Kosovo during the war, Belgrade said.", set()),
    ("NA-TO điều thêm quân", "Bạo lực sắc tộc tồi tệ nhất kể từ năm 1999 làm 22 người thiệt mạng ở Kosovo, "
     "Xéc-bi-a lên án.", {"kosovo-escalation"}),
    ("KFOR tập trận", "Binh sĩ cứu hộ người bị thương trong tình huống tấn công giả định tại Kosovo, gần Serbia.",
     set()),
])
def test_shipped_topics_by_phenomenon(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the force counted in words, after a colon, or with no troop word after the number
    ("x", "Then, KFOR was a vast enterprise: some fifty thousand soldiers, with whole brigades.",
     [("total", 50000)]),
    ("x", "Khi đó KFOR là một lực lượng lớn: khoảng năm mươi nghìn binh sĩ.", [("total", 50000)]),
    ("x", "Khi đó KFOR là một lực lượng lớn: khoảng bốn nghìn binh sĩ từ nhiều nước.", [("total", 4000)]),
    ("KFOR marks 25 years", "Today the force numbers about 4,500, drawn from 28 countries.", [("total", 4500)]),
    # ... but a colon after troops sent is no strength
    ("x", "NATO sent reinforcements to KFOR: 1,200 soldiers from Italy.", [("change", 1200)]),
    # the force speaking of itself, under a headline about it
    ("Interview: KFOR's commander on the crisis", "Today we are about 4,500. With these units, we will be close to "
     "4,800.", [("total", 4500), ("total", 4800)]),
    ("Phỏng vấn Tư lệnh KFOR", "Hiện nay chúng tôi có khoảng 4.500 binh sĩ.", [("total", 4500)]),
    # ... and troops sent, under it, even when the sentence names neither the force nor the place
    ("KFOR to get reinforcements", "The United Kingdom is sending an additional 200 soldiers from its reserve "
     "battalion.", [("change", 200)]),
    ("NATO tăng cường cho KFOR", "Anh sẽ gửi thêm 200 binh sĩ thuộc tiểu đoàn dự bị.", [("change", 200)]),
    # "tăng" alone adds troops; a number in words
    ("x", "KFOR có khoảng 4.500 binh sĩ, tăng gần một nghìn quân so với đầu năm.",
     [("total", 4500), ("change", 1000)]),
    ("x", "KFOR now has about 4,500 troops, up by nearly a thousand soldiers since January.", [("total", 4500)]),
    # what a mandate allows, or what may be deployed, is a ceiling
    ("x", "The Bundestag mandate for KFOR, which allows for up to 8,500 troops, had not been changed.", []),
    ("x", "As before, up to 400 soldiers of the Bundeswehr may be deployed in KFOR.", []),
    ("x", "Theo nghị quyết, tối đa 400 binh sĩ có thể được triển khai cho KFOR.", []),
    # a country "which has" soldiers is its contingent, not the force
    ("x", "Germany, which has led a task force in the south of Kosovo, currently has roughly 2,300 soldiers there.",
     []),
    # casualties a few words after the troop word
    ("x", "Đụng độ ở Kosovo khiến 30 binh sĩ gìn giữ hòa bình bị thương.", []),
    ("x", "The clashes in Kosovo left 30 NATO-led peacekeeping soldiers badly injured.", []),
])
def test_strength_and_changes_written_freely(title: str, body: str, expected: list[tuple[str, int]]) -> None:
    assert facts(body, title) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the force counted with no troop word, in words, or "quân" after the number
    ("x", "Today the force numbers about 4,500, drawn from 28 countries. KFOR was set up in 1999.", {"kfor-troops"}),
    ("x", "KFOR, hiện có khoảng 14.000 quân, đóng tại nhiều căn cứ.", {"kfor-troops"}),
    # the force cut, either order; troops brought home; a mandate extended; troop numbers changed
    ("Bundeswehr begins pullout as NATO shrinks KFOR", "The first soldiers landed in Cologne.", {"kfor-troops"}),
    ("x", "NATO nhất trí thu hẹp Lực lượng gìn giữ hoà bình tại Cô-xô-vô (KFOR).", {"kfor-troops"}),
    ("x", "Germany has started bringing soldiers home from Kosovo, where they served with KFOR.", {"kfor-troops"}),
    ("Bundestag extends Kosovo deployment for another year", "German forces take part in KFOR.", {"kfor-troops"}),
    ("Quốc hội Thụy Sĩ thông qua việc tăng quân số Swisscoy tại Kosovo", "Swisscoy là một phần của KFOR.",
     {"kfor-troops"}),
    # a troop figure in a headline about the force
    ('Interview: "We will be close to 4,800 soldiers" - KFOR\'s commander', "He spoke in Pristina.",
     {"kfor-troops"}),
    # ... but not Yugoslav troops leaving in 1999, Serbian troop numbers, the KSF, another mission, casualties
    ("x", "KFOR entered as Yugoslav soldiers withdrew from Kosovo in June 1999.", set()),
    ("x", "Serbia reduced troop numbers near Kosovo, Vucic said; KFOR is watching.", set()),
    ("Kosovo đặt mục tiêu nâng quân số lực lượng an ninh lên 5.000 người", "KFOR vẫn chịu trách nhiệm an ninh.",
     set()),
    ("x", "The EU extended the EULEX mission in Kosovo by two years. KFOR welcomed it.", set()),
    ("30 KFOR soldiers injured in Zvecan", "KFOR condemned it.", {"kosovo-escalation"}),
])
def test_shipped_kfor_topic_broadened(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the force's total is in the thousands: a smaller figure with a word of having is a contingent or a change
    ("Đan Mạch đưa 35 binh sĩ từ Kosovo về nước.", [("change", -35)]),
    ("KFOR has 250 soldiers from 3 countries in the north.", []),
    ("Lực lượng KFOR có 400 binh sĩ từ 5 quốc gia ở phía bắc.", []),
    # an N-strong force is its strength even when its soldiers in the same sentence were hurt
    ("On Monday, about 30 soldiers from KFOR, NATO's 3,700-strong Kosovo mission, were injured.", [("total", 3700)]),
    # troop words that are troops added, or a word of adding between the number and the troop word
    ("KFOR received 700 reinforcements from the reserve.", [("change", 700)]),
    ("KFOR nhận khoảng 700 quân tăng viện từ lực lượng dự bị.", [("change", 700)]),
    ("Slovenia will contribute 50 additional soldiers to KFOR.", [("change", 50)]),
    ("Turkey sent around 500 commandos to Kosovo to reinforce KFOR.", [("change", 500)]),
    # nationalities between the number and the troop word
    ("Some seven hundred German and Austrian soldiers are being flown into Kosovo to bolster KFOR.",
     [("change", 700)]),
    ("The Pentagon ordered 200 more U.S. troops to Kosovo to bolster KFOR.", [("change", 200)]),
    ("Some 700 German and Austrian officials visited KFOR in Kosovo.", []),
    # recalled troops are removed; "by N" after a verb of changing the force
    ("Ukraine recalled its 40 soldiers serving in KFOR.", [("change", -40)]),
    ("Ukraine triệu hồi 40 quân nhân đang phục vụ trong KFOR.", [("change", -40)]),
    ("KFOR will shrink by about 2,000 troops next year.", [("change", -2000)]),
    ("NATO plans to reduce KFOR by about 1,000 next year.", [("change", -1000)]),
    ("NATO will not reduce KFOR by 1,000 next year.", []),
    # a part of a group moved earlier in the sentence moves with it
    ("Ukraine triệu hồi binh sĩ ở nước ngoài, trong đó có bốn mươi quân nhân phục vụ trong lực lượng KFOR tại "
     "Kosovo.", [("change", -40)]),
    ("Kyiv recalled troops from missions abroad, including 40 soldiers serving in KFOR.", [("change", -40)]),
    ("Poland has troops in several missions, including 250 soldiers serving in KFOR.", []),
    # a Vietnamese clause is longer in words: the verb of moving troops may stand further from the figure
    ("Khoảng bảy trăm binh sĩ Đức và Áo thuộc lực lượng dự bị tác chiến của NATO đã bắt đầu được điều động tới "
     "Kosovo từ ngày 3/8.", [("change", 700)]),
    # troops in the thousands that serve in the force, opening the sentence, are its strength
    ("Around 4,000 troops serve in KFOR today.", [("total", 4000)]),
    ("Khoảng 4.500 binh sĩ đang phục vụ trong KFOR.", [("total", 4500)]),
    ("About 2,300 German soldiers serve in KFOR.", []),
    ("Germany said 1,200 soldiers serve in KFOR.", []),
    # the alliance's troops in the force's place are the force; a country's are not
    ("NATO has about 4,500 troops in Kosovo.", [("total", 4500)]),
    ("NATO hiện có khoảng 4.500 binh sĩ tại Kosovo.", [("total", 4500)]),
    ("In 2008 Germany had 2,500 soldiers in Kosovo.", []),
    # a total after which the new troops arrive
    ("KFOR's strength will rise to about 4,500 once the new units arrive.", [("total", 4500)]),
])
def test_general_constructions_of_unseen_phrasings(body: str, expected: list) -> None:
    assert facts(body) == expected


# ── phrasings of troop figures in general news: sizes, counts of nations, "by N", whose troops ─────────


@pytest.mark.parametrize(("title", "body", "expected"), [
    # troops "from allied countries" with no count are not the force's total: here they were added to it
    ("x", "Nearly a thousand soldiers from allied countries were added to KFOR this year.", [("change", 1000)]),
    ("x", "Theo tư lệnh, gần một nghìn binh sĩ từ các nước đồng minh đã được bổ sung cho KFOR trong năm qua.",
     [("change", 1000)]),
    # ... with a count of nations, several words away, they are
    ("x", "KFOR, which now numbers nearly 4,400 troops from 28 allied and partner countries, patrols the north.",
     [("total", 4400)]),
    # "by N" of any size when the troops stand between the verb and "by"; a share is no figure
    ("x", "Austria will cut the number of its soldiers serving with the NATO mission in Kosovo by 60 next year.",
     [("change", -60)]),
    ("x", "Thụy Sĩ sẽ cắt giảm quân số tại Kosovo thêm 30 người.", [("change", -30)]),
    ("x", "Austria will cut its troops in Kosovo by 20% next year.", []),
    ("x", "Áo sẽ giảm quân số tại Kosovo thêm 20 phần trăm.", []),
    # a size stated after a verb of having in its own clause is not what the sentence moves
    ("x", "The Austrian contingent in KFOR, which currently numbers about 300 soldiers, will be reduced next year.",
     []),
    ("x", "Italy, a major contributor to KFOR with 1,100 troops, will send 200 more soldiers to Kosovo.",
     [("change", 200)]),
    ("x", "Ba Lan, nước hiện có khoảng 250 binh sĩ trong KFOR, sẽ rút 70 quân nhân.", [("change", -70)]),
    ("x", "Ý, nước đóng góp lớn cho KFOR với 1.100 binh sĩ, sẽ gửi thêm 200 binh sĩ tới Kosovo.", [("change", 200)]),
    # ... nor is it the troops the sentence before moved
    ("x", "NATO decided to send more troops to Kosovo. Italy has about 1,000 soldiers in the mission.", []),
    ("x", "NATO quyết định điều thêm quân tới Kosovo. Ý hiện có khoảng 1.000 binh sĩ trong lực lượng.", []),
    # ... but a word of adding on the figure still adds it
    ("x", "KFOR now has 700 more troops in the north of Kosovo.", [("change", 700)]),
    # troops that are deployed somewhere are there, not sent
    ("x", "The soldiers will leave KFOR for the border with Belarus, where more than 6,000 soldiers are currently "
     "deployed.", []),
    # "leave for Kosovo" is going there
    ("x", "Romania approved an additional 100 soldiers for KFOR, who will leave for Kosovo by Friday. Hungary said "
     "a 120-strong unit would follow.", [("change", 100), ("change", 120)]),
    ("x", "Romania sẽ gửi 100 binh sĩ tới Kosovo cho KFOR. Hungary cho biết một đơn vị 120 người sẽ lên đường trong "
     "vài ngày.", [("change", 100), ("change", 120)]),
    # what troops join is not troops sent
    ("x", "Hungary will send 200 soldiers to Kosovo. The troops will join the country's 400-strong contingent "
     "already serving with KFOR.", [("change", 200)]),
    ("x", "Romania will send 100 soldiers to KFOR, joining its 240 troops already in Kosovo.", [("change", 100)]),
    # gendarmes serve in the force as troops; "binh sỹ" is "binh sĩ"
    ("x", "Italy will send about 120 carabinieri to Kosovo to reinforce KFOR.", [("change", 120)]),
    ("x", "Italy điều khoảng 120 cảnh binh tới Kosovo tăng cường cho KFOR.", [("change", 120)]),
    ("x", "NATO điều thêm 200 binh sỹ tới Kosovo.", [("change", 200)]),
    # "lực lượng" alone is any force, not the force
    ("x", "Các đơn vị lục quân, bao gồm lực lượng đặc nhiệm, đã được tăng cường ở khu vực giáp Kosovo, nâng tổng số "
     "quân lên khoảng 5.000 người.", []),
    # the force's own troops, named on the figure, with no movement: its strength
    ("x", "There are currently about 4,500 KFOR troops in Kosovo.", [("total", 4500)]),
    ("x", "Hiện có khoảng 4.500 binh sĩ KFOR đồn trú tại Kosovo.", [("total", 4500)]),
    ("x", "Some 4,500 NATO peacekeepers are stationed in Kosovo.", [("total", 4500)]),
    ("x", "KFOR's 4,500 troops patrol the boundary line.", [("total", 4500)]),
    ("x", "About 700 KFOR troops were sent to the north.", [("change", 700)]),
    ("x", "Quân số KFOR hiện vào khoảng 4.500 người.", [("total", 4500)]),
    ("x", "The alliance already has about 3,700 troops in Kosovo.", [("total", 3700)]),
    ("x", "NATO hiện duy trì khoảng 4.500 binh sĩ tại Kosovo.", [("total", 4500)]),
    # the troops of another army named last before the figure in its clause
    ("x", "Serbian President Aleksandar Vucic said the army would deploy 1,000 soldiers to Kosovo if KFOR failed "
     "to act.", []),
    ("x", "Tổng thống Serbia Vucic nói quân đội sẽ điều 1.000 binh sĩ tới Kosovo nếu KFOR không hành động.", []),
    ("x", "After clashes with Serbs in the north, NATO sent 200 more troops to Kosovo.", [("change", 200)]),
    # a contingent in the force's place growing from X to Y; a part of a whole
    ("x", "Switzerland will increase its Swisscoy contingent in Kosovo from 165 to 195 soldiers.", [("change", 30)]),
    ("x", "Thụy Sĩ sẽ tăng đội quân Swisscoy tại Kosovo từ 165 lên 195 binh sĩ.", [("change", 30)]),
    ("x", "The first 60 of 200 British soldiers have arrived in Kosovo.", [("change", 60)]),
    ("x", "60 trong số 200 binh sĩ Anh đã tới Kosovo.", [("change", 60)]),
])
def test_general_phrasings_of_troop_figures(title: str, body: str, expected: list[tuple[str, int]]) -> None:
    assert facts(body, title) == expected


# ── round 2: phenomena of news writing, each in several wordings ─────────────────────────────────


@pytest.mark.parametrize(("title", "body", "expected"), [
    # leaving a base to go to the place: the destination tells the movement
    ("x", "Bộ Quốc phòng cho biết một đại đội với một trăm quân nhân sẽ rời căn cứ ở Craiova để tới Kosovo.",
     [("change", 100)]),
    ("x", "Some 150 Spanish soldiers will leave their base in Zaragoza on Monday for Kosovo.", [("change", 150)]),
    ("x", "The company of 120 soldiers will leave its barracks in Bavaria for Kosovo next week.", [("change", 120)]),
    ("x", "Một đại đội với 120 quân nhân sẽ rời doanh trại ở Bavaria để sang Cô-xô-vô.", [("change", 120)]),
    # ... and leaving the place is still leaving it
    ("x", "About 120 soldiers left Kosovo for Germany on Monday.", [("change", -120)]),
    # a number with no troop word and a word of adding counts the troops of the figure before it
    ("x", "Italy will send about 300 soldiers to KFOR from its reserve forces and Poland 100 more, a NATO spokesman "
     "said.", [("change", 300), ("change", 100)]),
    ("x", "Around 200 British soldiers have arrived in Kosovo to reinforce KFOR, with a further four hundred due to "
     "follow next week.", [("change", 200), ("change", 400)]),
    ("x", "Đức sẽ điều 200 binh sĩ tới Kosovo, Áo thêm 80.", [("change", 200), ("change", 80)]),
    ("x", "Germany will withdraw 200 soldiers from Kosovo and Austria another 50 by June.",
     [("change", -200), ("change", -50)]),
    ("x", "Italy sent 300 soldiers to Kosovo in 2023, more than in 2022.", [("change", 300)]),
    ("x", "KFOR has 4,500 troops, more than 100 of them from Poland.", [("total", 4500)]),
    # a standing contribution, after a sentence of troops arriving, is no change
    ("KFOR reinforced", "Hungary reinforces KFOR with 200 soldiers. Hungary already maintains some 400 troops in "
     "the mission.", [("change", 200)]),
    ("KFOR gets Turkish battalion", "A Turkish battalion arrived in Kosovo. Türkiye already contributes some 350 "
     "soldiers to the mission.", []),
    ("x", "Trước đợt tăng cường, Thổ Nhĩ Kỳ vốn đã duy trì khoảng 350 binh sĩ trong KFOR.", []),
    ("x", "Hungary will send 200 more soldiers to KFOR. It keeps about 400 troops in the force.", [("change", 200)]),
    # troops serving now somewhere else are no fact of the force, even after a sentence of troops leaving it
    ("KFOR", "Romania will withdraw 100 soldiers from Kosovo. About 3,000 Romanian soldiers are currently "
     "deployed in Poland and Moldova.", [("change", -100)]),
    ("KFOR", "Ba Lan rút 100 binh sĩ khỏi Kosovo. Hiện khoảng 10.000 binh sĩ Ba Lan đang làm nhiệm vụ tại biên "
     "giới với Belarus.", [("change", -100)]),
    ("KFOR", "Romania sẽ rút 100 binh sĩ khỏi Kosovo. Hiện khoảng 3.000 binh sĩ Romania đang đóng quân tại Ba Lan.",
     [("change", -100)]),
    # troops sent to or serving in another place the sentence names are not the force's
    ("Denmark ends KFOR role", "Denmark will withdraw its 35 soldiers from Kosovo. Denmark is set to send some 700 "
     "soldiers to the Multinational Brigade in Latvia next year.", [("change", -35)]),
    ("British troops in Kosovo", "British soldiers arrived in Kosovo. The battalion last deployed abroad in 2024, "
     "when some 800 of its soldiers served with NATO's enhanced Forward Presence battlegroup in Estonia.", []),
    ("Thụy Điển tăng quân cho KFOR", "Thụy Điển gửi 100 binh sĩ tới Kosovo. Thụy Điển cũng sẽ gửi 600 binh sĩ tới "
     "Phần Lan vào năm sau.", [("change", 100)]),
    # ... but a base of the force, a month, or troops going home are no other place
    ("x", "NATO will reinforce KFOR. The 200 soldiers will be deployed to Camp Novo Selo in March.", [("change", 200)]),
    ("x", "The remaining 25 soldiers will leave Kosovo in May.", [("change", -25)]),
    # ... and in a sentence that names the place, troops whose own destination is another place
    ("x", "The US Army said 1,000 soldiers will deploy to Poland, while 600 soldiers will go to Kosovo for KFOR.",
     [("change", 600)]),
    ("Mỹ điều quân tới Kosovo", "Lầu Năm Góc cho biết 1.000 binh sĩ sẽ tới Ba Lan, trong khi 600 binh sĩ khác sẽ "
     "được điều tới Kosovo.", [("change", 600)]),
    ("x", "Germany will send 200 soldiers from Bavaria to Kosovo.", [("change", 200)]),
    # a size, then "and" troops sent: the sending is the second figure's
    ("x", "Về phía Ý, nước này hiện có khoảng 1.000 binh sĩ tại Kosovo và sẽ gửi thêm 200 quân.", [("change", 200)]),
    ("x", "Italy has about 1,000 soldiers in Kosovo and will send 200 more troops.", [("change", 200)]),
    ("x", "Italy, which has about 1,000 soldiers in Kosovo, will send 200 more.", [("change", 200)]),
    # the number of troops changed "from X to Y", the troops named before the numbers
    ("x", "Mỹ sẽ giảm số binh sĩ tham gia KFOR từ 600 xuống còn 500 vào năm tới.", [("change", -100)]),
    ("x", "The US will cut the number of its troops in KFOR from 600 to 500 next year.", [("change", -100)]),
    ("x", "Parliament voted 120 to 30 to send soldiers to KFOR.", []),
    # ... but years from one to another are a period, whatever troops stand before them
    ("x", "Latvian soldiers served in KFOR from 2000 to 2009, mostly in Danish units.", []),
    ("x", "Binh sĩ Latvia từng phục vụ trong KFOR từ 1999 đến 2009.", []),
    # a deployment extended keeps its troops; troops sent besides are sent
    ("x", "The Swiss parliament extended the deployment of up to 195 soldiers to KFOR until 2026.", []),
    ("x", "Romania extended the deployment of its 150 soldiers in Kosovo by a year.", []),
    ("x", "Quốc hội Thụy Sĩ gia hạn sứ mệnh của tối đa 195 binh sĩ tham gia KFOR.", []),
    ("x", "Italy extended its KFOR mission and will send 200 soldiers to Kosovo.", [("change", 200)]),
    # the size a contingent is brought to is no change; the force's own troops after "there are" are its strength
    ("x", "Poland will cut its KFOR contingent to 150 soldiers.", []),
    ("x", "Ba Lan sẽ cắt giảm lực lượng tại KFOR xuống còn 150 binh sĩ.", []),
    ("x", "Đức sẽ tăng số binh sĩ tham gia KFOR lên 400.", []),
    ("x", "NATO will increase KFOR to 4,800 troops.", [("total", 4800)]),
    ("x", "With the new arrivals, there are now some 4,800 KFOR troops in Kosovo.", [("total", 4800)]),
    # a part of the force (a regional command, a battle group) is not the force
    ("KFOR rotation", "Regional Command-East brings together some 1,400 soldiers from 10 nations, including "
     "Poland.", []),
    ("x", "Bộ chỉ huy khu vực phía Đông của KFOR tập hợp khoảng 1.400 binh sĩ từ 10 quốc gia.", []),
    ("x", "KFOR's Regional Command-West has some 1,200 soldiers from 8 nations.", []),
    ("x", "Bộ chỉ huy KFOR cho biết sau đợt điều chỉnh, lực lượng sẽ còn khoảng 4.400 quân nhân đến từ 29 quốc gia.",
     [("total", 4400)]),
    ("x", "The soldiers form the core of the Regional Command-East of KFOR, the NATO-led force of about 4,700 troops "
     "from 29 countries.", [("total", 4700)]),
    # another force named before a relative clause that splits it from its verb
    ("x", "The Serbian army, which has about 2,500 members in the south, is due to grow to 5,000 troops and 3,000 "
     "reservists.", []),
    ("x", "Cảnh sát Kosovo, vốn có khoảng 2.500 thành viên, sẽ tăng thêm 3.000 binh sĩ.", []),
    ("x", "NATO, which leads KFOR, will send 700 troops to Kosovo.", [("change", 700)]),
    # "it" after a verb of reaching is the force of the sentence before
    ("x", "KFOR currently numbers about 3,800 troops. The reinforcements will bring it to roughly 4,500, a NATO "
     "official said.", [("total", 3800), ("total", 4500)]),
    ("x", "KFOR has 3,800 troops. The new units, taking its strength to 4,800 soldiers, arrive today.",
     [("total", 3800), ("total", 4800)]),
])
def test_round_two_phenomena(title: str, body: str, expected: list[tuple[str, int]]) -> None:
    assert facts(body, title) == expected


def shipped_facts(title: str, body: str) -> list[tuple[str, int]]:
    topic = next(t for t in shipped_topics() if t.topic_id == "kfor-troops")
    return [(f.kind, f.value) for f in extract_facts(topic.facts, "kfor-troops", article(body, title))]


@pytest.mark.parametrize(("body", "expected"), [
    # Serbia's army named by its capital or its president
    ("Theo một quan chức Mỹ, Belgrade đã điều khoảng 8.000 binh sĩ cùng xe tăng đến gần ranh giới với Kosovo.", []),
    ("Vucic said 1,000 soldiers would be sent to the boundary with Kosovo.", []),
    # ... but not troops sent to the place while Belgrade acts, nor a figure in another clause
    ("NATO sends 700 troops to Kosovo as Belgrade puts its army on alert.", [("change", 700)]),
    ("NATO will send 700 troops to Kosovo, Vucic was told.", [("change", 700)]),
])
def test_shipped_others_named_by_capital_or_leader(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts("x", body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a nation's own troops in the force "from X to Y", in the thousands: the change only, never the force's total
    ("Germany will cut the number of its soldiers in KFOR from 2,000 to 1,950 next year.", [("change", -50)]),
    ("Đức sẽ giảm số binh sĩ của mình tại KFOR từ 2.000 xuống 1.950 vào năm tới.", [("change", -50)]),
    # ... while the force's own strength, the force named first, is its total
    ("KFOR will raise its strength from 3,800 to 4,500 troops after the clashes.",
     [("total", 3800), ("total", 4500), ("change", 700)]),
])
def test_a_nations_own_troops_from_x_to_y(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts("x", body) == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a strength at its peak, in an anniversary piece, is history
    ("25 năm chiến dịch ném bom", "Người dân thắp nến tưởng niệm các nạn nhân. Ở thời kỳ đỉnh điểm, KFOR có khoảng "
     "50.000 binh sĩ đến từ gần 40 quốc gia.", set()),
    ("Hai thập kỷ KFOR", "Lễ kỷ niệm diễn ra tại Pristina. Lúc đỉnh cao, KFOR có tới 50.000 quân.", set()),
    # a country's contingent "serving in KFOR", after a sentence that ends with the force's name
    ("Binh sĩ KFOR giúp dân vùng lũ", "Tư lệnh khẳng định hỗ trợ cộng đồng là một phần nhiệm vụ của KFOR. Ba Lan "
     "hiện có khoảng 250 binh sĩ phục vụ trong KFOR.", set()),
    ("KFOR troops help flood victims", "Helping locals is part of the work of KFOR. Poland has about 250 soldiers "
     "serving in KFOR.", set()),
    # ... while KFOR's own figure still counts
    ("Talks", "KFOR has about 4,500 troops. Poland has 250 soldiers serving in KFOR.", {"kfor-troops"}),
    ("Talks", "KFOR hiện có khoảng 4.500 binh sĩ. Ba Lan có 250 binh sĩ phục vụ trong KFOR.", {"kfor-troops"}),
    # another mission's troops from so many countries, next to a mention of KFOR
    ("Bosnia crisis deepens", "EUFOR, which took over from a NATO force in 2004, currently has troops from 22 "
     "countries. Unlike KFOR in neighbouring Kosovo, it works under an EU mandate.", set()),
    ("Khủng hoảng Bosnia", "EUFOR, lực lượng tiếp quản từ NATO năm 2004, hiện có binh sĩ từ 22 quốc gia. Khác với "
     "KFOR ở Kosovo, EUFOR hoạt động theo ủy nhiệm của EU.", set()),
    # ... while KFOR's strength beside another mission still counts
    ("x", "Các ngoại trưởng ghi nhận phối hợp giữa EULEX và lực lượng KFOR do NATO dẫn đầu, hiện có khoảng 4.500 "
     "binh sĩ từ 28 quốc gia.", {"kfor-troops"}),
    ("Talks", "KFOR, with 4,500 troops from 28 countries, differs from EUFOR, which has 1,100 troops from 20 "
     "countries.", {"kfor-troops"}),
    # violence of last year, told as the start of something, is not today's tension
    ("Reserve troops leave", "Some 650 soldiers began leaving Kosovo, ending a deployment that started after "
     "violence in the north of the country last year, KFOR said.", {"kfor-troops"}),
    ("Quân dự bị rời đi", "Khoảng 650 binh sĩ bắt đầu rời Kosovo, kết thúc đợt triển khai bắt đầu sau bạo lực ở "
     "miền bắc Kosovo năm ngoái.", set()),
    ("Kosovo talks resume", "Talks resumed in Brussels. Tension rose in northern Kosovo last year, when Serbs "
     "boycotted the vote.", set()),
    ("Đối thoại Kosovo - Serbia nối lại", "Hai bên gặp nhau tại Brussels. Căng thẳng ở miền bắc Kosovo leo thang hồi "
     "năm ngoái khi người Serb tẩy chay bầu cử.", set()),
    # ... but "the worst since last year" is today's
    ("Kosovo police officer shot", "A Kosovo police officer was shot near Zvecan on Sunday, the worst attack since "
     "last year.", {"kosovo-escalation"}),
    ("Cảnh sát Kosovo bị bắn", "Một cảnh sát Kosovo bị bắn gần Zvecan, vụ tấn công nghiêm trọng nhất kể từ năm "
     "ngoái.", {"kosovo-escalation"}),
    ("Kosovo talks", "Tension in northern Kosovo has been rising since last year, with Serbs boycotting institutions.",
     {"kosovo-escalation"}),
    # a title about a conflict elsewhere, by its adjective
    ("Bosnian Serb leader defies court", "EUFOR put its reserve on alert. Tension also rose in Kosovo.", set()),
])
def test_shipped_topics_round_two(title: str, body: str, expected: set[str]) -> None:
    assert shipped(title, body) == expected
