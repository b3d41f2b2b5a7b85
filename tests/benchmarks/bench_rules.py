"""Rule-engine speed: articles per second with 10 / 100 / 1,000 topics, the per-stage split, and a naive
one-regex-per-topic matcher (the way keyword alert tools do it) on the same articles as the baseline.

    .venv/bin/python tests/benchmarks/bench_rules.py [--articles N] [--corpus DIR]

Articles are generated (~2 KB of Vietnamese and English news-like text, seeded, reproducible); topics are
generated queries of the shipped shape (terms, phrases, prefixes, NEAR, AND/OR/NOT). With ``--corpus`` the
shipped rules.toml topics also run over that folder's articles, repeated. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from monitor.records import Article  # noqa: E402
from monitor.rules import TopicSet, compile_topic  # noqa: E402
from monitor.rules.engine import ArticleIndex  # noqa: E402
from monitor.rules.facts import extract_facts  # noqa: E402
from monitor.rules.text import fold  # noqa: E402

WORDS = ("binh sĩ quân nhân lực lượng gìn giữ hòa bình căng thẳng leo thang biểu tình cảnh sát chính phủ "
         "tổng thống bộ trưởng quốc phòng ngoại giao hội nghị thượng đỉnh đối thoại kinh tế thương mại "
         "troops soldiers peacekeeping force tension escalation protest police government president minister "
         "defence foreign summit dialogue economy trade deploy deployed reinforcement withdraw attack clash "
         "election vote parliament border security mission alliance partners countries weather flood").split()
NAMES = "KFOR NATO Kosovo Serbia Pristina Belgrade EU Mitrovica Zvečan Hungary Italy Poland Đức Anh Mỹ".split()
# The names and words real topics are about: many, each rare in any one article.
_SYL = "ba bi bo cu da de do ga ha ho ki la lo ma mi mo na ni no pa po ra ri sa so ta to va vi za".split()
RARE = sorted({"".join(random.Random(i).choices(_SYL, k=3)) for i in range(20000)})[:8000]


def make_articles(n: int, rng: random.Random) -> list[Article]:
    out = []
    for i in range(n):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 2000:
            r = rng.random()
            words.append(rng.choice(NAMES) if r < 0.06 else f"{rng.randint(1, 5000):,}" if r < 0.08
                         else rng.choice(RARE) if r < 0.2 else rng.choice(WORDS))
            if rng.random() < 0.07:
                words[-1] += "."
        body = " ".join(words)
        out.append(Article("bench", f"https://example.test/{i}", None, " ".join(words[:10]), "", body, None, "vi",
                           str(i)))
    return out


def make_queries(t: int, rng: random.Random) -> list[str]:
    vocab = WORDS + NAMES
    queries = []
    for _ in range(t):
        a, b, c, d = (rng.choice(vocab) for _ in range(4))
        a = rng.choice(RARE) if rng.random() < 0.9 else a  # a topic is about something specific
        shape = rng.randrange(4)
        if shape == 0:
            queries.append(f'{a} AND ({b} OR "{c} {d}")')
        elif shape == 1:
            queries.append(f"({a} NEAR/5 {b}) AND NOT {c}")
        elif shape == 2:
            queries.append(f"{a[:4]}* AND {b} AND {c}")
        else:
            queries.append(f'"{a} {b}" OR ({c} AND #num NEAR/3 {d})')
        if shape == 1:  # the rare word must hold for the prefilter to narrow: AND it
            queries[-1] = f"{rng.choice(RARE)} AND ({queries[-1]})"
    return queries


def naive_regex(query_terms: list[list[str]]) -> list[re.Pattern]:
    """One regex per topic: an alternation of the topic's words, as keyword alert tools compile them."""
    return [re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I) for words in query_terms]


def run(articles: list[Article], topics: TopicSet) -> dict[str, float]:
    stages = {"normalize": 0.0, "prefilter": 0.0, "evaluate": 0.0, "facts": 0.0}
    matched = 0
    total_start = time.perf_counter()
    for article in articles:
        t0 = time.perf_counter()
        indexes = {f: ArticleIndex(article, f) for f in topics.folds}
        t1 = time.perf_counter()
        candidates = topics.candidates(indexes)
        t2 = time.perf_counter()
        found = [m for i in candidates if (m := topics[i].match(article, indexes[topics[i].fold_diacritics]))]
        t3 = time.perf_counter()
        for m in found:
            topic = next(t for t in topics if t.topic_id == m.topic_id)
            if topic.facts is not None:
                extract_facts(topic.facts, topic.topic_id, article)
        t4 = time.perf_counter()
        matched += len(found)
        stages["normalize"] += t1 - t0
        stages["prefilter"] += t2 - t1
        stages["evaluate"] += t3 - t2  # includes evidence; facts are extracted inside match too
        stages["facts"] += t4 - t3
    stages["total"] = time.perf_counter() - total_start
    stages["matches"] = matched
    return stages


def report(label: str, n: int, s: dict[str, float]) -> None:
    total = s["total"]
    split = " / ".join(f"{k} {100 * s[k] / total:.0f}%" for k in ("normalize", "prefilter", "evaluate", "facts"))
    print(f"{label:<34} {n / total:>9,.0f} articles/s  {1e6 * total / n:>8,.0f} µs/article  "
          f"matches {int(s['matches']):>6}  [{split}]")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=None, help="a labeled folder: the shipped topics run on it")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    rng = random.Random(42)
    articles = make_articles(args.articles, rng)
    size = sum(len(a.body) + len(a.title) for a in articles) / len(articles)
    print(f"{len(articles)} generated articles of {size:,.0f} characters on average, one core\n")
    for t in (10, 100, 1000):
        queries = make_queries(t, random.Random(t))
        topics = TopicSet(compile_topic(f"t{i}", f"T{i}", q) for i, q in enumerate(queries))
        report(f"engine, {t} topics", len(articles), run(articles, topics))
        words = [re.findall(r"[^\W\d_]+", q.replace("NEAR", " ").replace("AND", " ").replace("OR", " ")
                            .replace("NOT", " ").replace("num", " ")) for q in queries]
        regexes = naive_regex(words)
        start = time.perf_counter()
        hits = 0
        for a in articles:
            text = fold(f"{a.title}\n{a.body}")
            hits += sum(1 for rx in regexes if rx.search(text))
        elapsed = time.perf_counter() - start
        print(f"{'naive regex per topic, ' + str(t):<34} {len(articles) / elapsed:>9,.0f} articles/s  "
              f"{1e6 * elapsed / len(articles):>8,.0f} µs/article  (any-word hits {hits}; no AND/NEAR/evidence)")
    if args.corpus:
        from monitor.config import load
        from monitor.matching import read_articles
        from monitor.rules import compile_config_topics

        config = load(Path(__file__).resolve().parents[2] / "rules.toml")
        topics = compile_config_topics(config)
        paths = sorted((args.corpus / "articles").glob("*.*"))
        corpus = [a for p in paths for a in read_articles(config, p)] * args.repeat
        print(f"\nshipped rules.toml topics on {len(paths)} corpus articles x {args.repeat}:")
        report("engine, shipped topics + facts", len(corpus), run(corpus, topics))


if __name__ == "__main__":
    main()
