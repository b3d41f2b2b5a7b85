"""``monitor eval CORPUS_DIR``: precision, recall and F1 of the configured topics on a labeled folder.

The folder holds ``labels.jsonl`` (``{"id", "path", "topics": [...], "facts": [{"kind", "value"}]}``)
and the articles it names, read exactly as ``monitor match`` reads them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from monitor.config import Config
from monitor.matching import match_files


@dataclass
class TopicScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    articles: int
    topics: dict[str, TopicScore]
    facts: TopicScore
    errors: list[str]


def evaluate(config: Config, corpus: Path) -> Evaluation:
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    topics = {t.id: TopicScore() for t in config.topics}
    facts = TopicScore()
    errors: list[str] = []
    for label in labels:
        results = list(match_files(config, [corpus / label["path"]]))
        if not results or results[0].error:
            errors.append(f"{label['id']}: {results[0].error if results else 'no article read'}")
            continue
        found = {m.topic_id for r in results for m in r.matches}
        gold = set(label.get("topics", []))
        for tid, score in topics.items():
            if tid in found and tid in gold:
                score.tp += 1
            elif tid in found:
                score.fp += 1
                score.false_alarms.append(label["id"])
            elif tid in gold:
                score.fn += 1
                score.misses.append(label["id"])
        got = Counter((f.kind, f.value) for r in results for m in r.matches for f in m.facts)
        want = Counter((f["kind"], f["value"]) for f in label.get("facts", []))
        hit = sum((got & want).values())
        facts.tp += hit
        facts.fp += sum(got.values()) - hit
        facts.fn += sum(want.values()) - hit
        facts.false_alarms += [_fact(label["id"], kind, value) for kind, value in (got - want).elements()]
        facts.misses += [_fact(label["id"], kind, value) for kind, value in (want - got).elements()]
    return Evaluation(len(labels), topics, facts, errors)


def _fact(article_id: str, kind: str, value: int) -> str:
    """"dev-vi-003:change+500", "dev-en-010:total4500": a fact got wrong, by its article's id."""
    value = int(value)  # a label may write 500.0
    return f"{article_id}:{kind}{value:+d}" if kind == "change" else f"{article_id}:{kind}{value}"


def report(ev: Evaluation) -> str:
    lines = [f"{ev.articles} labeled articles"]
    for tid, s in ev.topics.items():
        lines.append(f"{tid}: precision {s.precision:.3f} recall {s.recall:.3f} F1 {s.f1:.3f} "
                     f"(tp {s.tp}, fp {s.fp}, fn {s.fn})")
        if s.misses:
            lines.append(f"  misses: {' '.join(s.misses)}")
        if s.false_alarms:
            lines.append(f"  false alarms: {' '.join(s.false_alarms)}")
    f = ev.facts
    lines.append(f"facts: precision {f.precision:.3f} recall {f.recall:.3f} (tp {f.tp}, fp {f.fp}, fn {f.fn})")
    if f.misses:
        lines.append(f"  misses: {' '.join(f.misses)}")
    if f.false_alarms:
        lines.append(f"  false alarms: {' '.join(f.false_alarms)}")
    for e in ev.errors:
        lines.append(f"error: {e}")
    return "\n".join(lines)
