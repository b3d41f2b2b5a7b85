"""The two real seed articles (copies in testdata/) against representative topic queries."""

import pytest

from monitor.records import Article, Hit
from monitor.rules import compile_topic, match_all

from .helpers import SEED_NATO_EU, SEED_VILNIUS, article_from_txt

KFOR_TROOPS = """
(KFOR OR "Kosovo Force" OR "Cô-xô-vô")
AND (
    (#num NEAR/4 ("binh sĩ" OR "quân nhân" OR troop* OR soldier*))
    OR (("triển khai" OR deploy* OR "bổ sung" OR "rút") NEAR/6 ("binh sĩ" OR troop*))
)
NOT (EUFOR OR UNIFIL OR Althea)
"""

KOSOVO_ESCALATION = """
(Kosovo OR "Cô-xô-vô" OR Serbia OR "Xéc-bi-a")
NEAR/8 ("leo thang" OR "căng thẳng" OR "bạo lực" OR "đụng độ" OR clash* OR tension*)
"""


@pytest.fixture(scope="module")
def nato_eu() -> Article:
    return article_from_txt(SEED_NATO_EU)


@pytest.fixture(scope="module")
def vilnius() -> Article:
    return article_from_txt(SEED_VILNIUS)


def test_seed_files_follow_the_txt_convention(nato_eu: Article, vilnius: Article) -> None:
    assert vilnius.title == "NATO muốn thúc đẩy quan hệ với Serbia, lên án căng thẳng ở Kosovo"
    assert nato_eu.body.startswith("Ngày 14/6, Phó Tổng thư ký")


@pytest.mark.parametrize("fold_diacritics", [True, False])
def test_kfor_strength_figure_in_the_nato_eu_seed(nato_eu: Article, fold_diacritics: bool) -> None:
    topic = compile_topic("kfor-troops", "KFOR troops", KFOR_TROOPS, fold_diacritics=fold_diacritics)
    found = topic.match(nato_eu)
    assert found is not None
    hits = set(found.evidence.hits)
    assert {Hit("KFOR", "body", "KFOR"), Hit("binh sĩ", "body", "binh sĩ")} <= hits
    assert {Hit("#num", "body", n) for n in ("4.200", "4.000", "500")} <= hits
    assert Hit("bổ sung", "body", "bổ sung") in hits and Hit("triển khai", "body", "triển khai") in hits
    assert "«KFOR»" in found.evidence.snippet
    assert found.score >= 4


def test_the_vilnius_seed_has_no_kfor_figure(vilnius: Article) -> None:
    assert compile_topic("kfor-troops", "KFOR troops", KFOR_TROOPS).match(vilnius) is None


def test_escalation_in_the_vilnius_seed(vilnius: Article) -> None:
    found = compile_topic("kosovo-escalation", "Kosovo escalation", KOSOVO_ESCALATION).match(vilnius)
    assert found is not None
    assert {(h.term, h.field) for h in found.evidence.hits} >= {
        ("Kosovo", "title"),
        ("căng thẳng", "title"),
        ("leo thang", "body"),
        ("căng thẳng", "body"),
    }
    # the snippet comes from the body, around its first hit, words marked
    assert "lên án sự «leo thang» «căng thẳng» ở «Kosovo» vừa qua" in found.evidence.snippet


def test_headline_scope_and_folded_query(vilnius: Article, nato_eu: Article) -> None:
    headline = compile_topic("h", "Headline", 'title:(Kosovo AND ("cang thang" OR "leo thang"))')
    assert headline.match(vilnius) is not None
    assert headline.match(nato_eu) is None


def test_match_all_over_both_seeds(nato_eu: Article, vilnius: Article) -> None:
    topics = [
        compile_topic("kfor-troops", "KFOR troops", KFOR_TROOPS),
        compile_topic("kosovo-escalation", "Kosovo escalation", KOSOVO_ESCALATION),
        compile_topic("turkey", "Turkish troops", '"Thổ Nhĩ Kỳ" NEAR/12 "binh sĩ"', fold_diacritics=False),
    ]
    assert [m.topic_id for m in match_all(topics, nato_eu)] == ["kfor-troops", "kosovo-escalation", "turkey"]
    assert [m.topic_id for m in match_all(topics, vilnius)] == ["kosovo-escalation"]
