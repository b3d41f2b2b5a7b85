"""`monitor eval CORPUS_DIR`: per topic precision / recall / F1 with misses and false alarms by id, and the facts
got wrong, each named by its article and what it was."""

import json
import subprocess
import sys
from pathlib import Path

RULES = """
[terms]
kfor = ["KFOR", "Kosovo Force"]
kosovo = ["Kosovo"]
other_forces = ["EUFOR"]

[[topic]]
id = "kfor-troops"
name = "KFOR troop changes"
query = '(KFOR OR "Kosovo Force") AND (troops OR soldiers)'
facts = { force = "@kfor", place = "@kosovo", others = "@other_forces" }

[[topic]]
id = "kosovo-escalation"
name = "Kosovo escalation"
query = 'Kosovo AND (clashes OR barricades)'
"""

ARTICLES = {
    # a hit on both topics, one fact right and one missed
    "a1": ("KFOR sends reinforcements", "NATO will send 700 more troops to KFOR after clashes in northern Kosovo. "
           "KFOR now has about 4,500 soldiers."),
    # labeled kfor, but never says troops: a miss; its labeled fact is missed with it
    "a2": ("KFOR commander visits Mitrovica", "The commander of KFOR met local leaders on Monday."),
    # no topic in the labels: the escalation match is a false alarm, and the fact it finds a false fact
    "a3": ("Barricades in Kosovo", "Serbs put up barricades in Kosovo. KFOR has some 3,800 troops there."),
}
LABELS = [
    {"id": "a1", "path": "articles/a1.txt", "topics": ["kfor-troops", "kosovo-escalation"],
     "facts": [{"kind": "change", "value": 700}, {"kind": "total", "value": 4600}]},
    {"id": "a2", "path": "articles/a2.txt", "topics": ["kfor-troops"], "facts": [{"kind": "change", "value": -150}]},
    {"id": "a3", "path": "articles/a3.txt", "topics": [], "facts": []},
]


def test_eval_prints_scores_and_every_error_by_id(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    for name, (title, body) in ARTICLES.items():
        (tmp_path / "articles" / f"{name}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps(x) + "\n" for x in LABELS), encoding="utf-8")
    config = tmp_path / "rules.toml"
    config.write_text(RULES, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), "eval", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "3 labeled articles"
    kfor = lines.index("kfor-troops: precision 0.500 recall 0.500 F1 0.500 (tp 1, fp 1, fn 1)")
    assert lines[kfor + 1:kfor + 3] == ["  misses: a2", "  false alarms: a3"]
    escalation = lines.index("kosovo-escalation: precision 0.500 recall 1.000 F1 0.667 (tp 1, fp 1, fn 0)")
    assert lines[escalation + 1] == "  false alarms: a3"
    facts = lines.index("facts: precision 0.333 recall 0.333 (tp 1, fp 2, fn 2)")
    assert lines[facts + 1:facts + 3] == ["  misses: a1:total4600 a2:change-150",
                                          "  false alarms: a1:total4500 a3:total3800"]
