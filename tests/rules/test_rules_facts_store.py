"""The latest stated total per topic is kept, and the alert's facts lines say what it was before."""

from __future__ import annotations

from monitor.alerts import facts_lines
from monitor.records import Evidence, Fact, Match
from monitor.store import Store


def _match(*facts: Fact) -> Match:
    return Match("kfor-troops", "KFOR troop changes", 3.0, Evidence((), ""), facts)


def test_latest_total_is_kept_per_topic(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    try:
        assert store.latest_total("kfor-troops") is None
        store.record_total("kfor-troops", 3800, "https://example.test/1")
        store.record_total("kfor-troops", 4500, "https://example.test/2")
        store.record_total("other", 10, "https://example.test/3")
        assert store.latest_total("kfor-troops") == 4500
    finally:
        store.close()


def test_facts_lines_say_the_previous_total_and_the_sign_of_a_change() -> None:
    m = _match(Fact("kfor-troops", "total", 4500, "KFOR has about 4,500 troops."),
               Fact("kfor-troops", "change", 700, "NATO sends 700 more troops."),
               Fact("kfor-troops", "change", -150, "Poland will withdraw 150."))
    assert facts_lines(m, 3800) == [
        "Strength reported 4,500 (previously 3,800): KFOR has about 4,500 troops.",
        "Troops added: +700: NATO sends 700 more troops.",
        "Troops withdrawn: -150: Poland will withdraw 150.",
    ]
    assert facts_lines(m, None)[0] == "Strength reported 4,500: KFOR has about 4,500 troops."
    assert facts_lines(m, 4500)[0] == "Strength reported 4,500: KFOR has about 4,500 troops."
