"""`monitor demo` shows a newcomer the whole pipeline working, offline."""

import subprocess
import sys


def test_demo_delivers_the_seed_alerts_and_nothing_else():
    out = subprocess.run([sys.executable, "-m", "monitor", "--config", "rules.toml", "demo"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "3 alert(s) delivered to the demo webhook" in text
    assert "[KFOR troop changes] NATO và EU thảo luận tình hình Kosovo" in text
    assert "[Kosovo escalation] NATO muốn thúc đẩy quan hệ với Serbia" in text
    # the rice-export page carries a "Tin liên quan" teaser about Kosovo clashes: no alert from it
    assert "Xuất khẩu gạo" not in text.split("=== monitor sources ===")[0]
    assert "Allies test cyber defences" not in text
    # both sources polled fine, and the articles they share were stored once
    sources = text.split("=== monitor sources ===")[1].split("=== monitor alerts ===")[0]
    assert sources.count(" ok ") == 2
    assert "sent" in text.split("=== monitor alerts ===")[1]
