"""The channel and topic keys of noise control and presentation: clear errors for bad values."""

from __future__ import annotations

import pytest

from monitor.config import load
from monitor.errors import ConfigError

BASE = '[[topic]]\nid = "kfor"\nquery = "KFOR"\n{topic}\n[[channel]]\nid = "chat"\nurl = "json://127.0.0.1:9/x"\n{channel}\n'


def problems(tmp_path, topic="", channel="") -> list[str]:
    path = tmp_path / "rules.toml"
    path.write_text(BASE.format(topic=topic, channel=channel), encoding="utf-8")
    try:
        load(path, {})
    except ConfigError as e:
        return e.problems
    return []


def test_good_values_load(tmp_path):
    (tmp_path / "t.tpl").write_text("$title $link", encoding="utf-8")
    assert problems(tmp_path, 'cooldown = "2d"\nmax_per_hour = 5\ndigest = "1h"',
                    'quiet_hours = "22:00-07:00"\ntimezone = "Asia/Ho_Chi_Minh"\nformat = "markdown"\n'
                    'template = "t.tpl"\nmax_length = 1000') == []


@pytest.mark.parametrize("channel, words", [
    ('quiet_hours = "10pm-7am"', 'channel "chat": field "quiet_hours"'),
    ('timezone = "Mars/Olympus"', "not a known time zone"),
    ('format = "pdf"', "is not a format"),
    ('template = "missing.tpl"', "cannot read"),
    ('max_length = 50', "too short"),
])
def test_bad_channel_values_are_named(tmp_path, channel, words):
    found = problems(tmp_path, channel=channel)
    assert len(found) == 1 and words in found[0], found


def test_bad_topic_values_are_named(tmp_path):
    found = problems(tmp_path, topic='digest = "hourly"\nmax_per_hour = -1')
    assert any('field "digest"' in p for p in found) and any('field "max_per_hour"' in p for p in found)


def test_template_with_unknown_placeholder(tmp_path):
    (tmp_path / "t.tpl").write_text("$title $secret", encoding="utf-8")
    found = problems(tmp_path, channel='template = "t.tpl"')
    assert found and "unknown placeholder(s) $secret" in found[0]
