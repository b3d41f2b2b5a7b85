"""Rule-engine speed: articles per second with 10 / 100 / 1,000 topics, the per-stage split, and a naive
one-regex-per-topic matcher (the way keyword alert tools do it) on the same articles, in the same run.

    .venv/bin/python tests/benchmarks/bench_rules.py [--articles N] [--corpus DIR] [--repeat N] [--cpu]
        [--topics 10 100 1000] [--baseline-articles N]

Everything is generated from a seed (reproducible); one process, one core. Times are wall-clock times, or
with ``--cpu`` the process's CPU time: on a machine other work shares, the wall clock also counts the time
the process waits for a core. (Reading the CPU clock costs about half a microsecond, which the per-stage
split pays five times per article.)

Articles (~2 KB, half Vietnamese, half English) are news-like prose: common words of the language, words
of news domains (troops, protests, floods, elections, ... in both languages, with and without diacritics),
numbers, and proper names drawn from a pool of 20,000 invented names with a Zipf law (a few names are in
many articles, most in very few). One article in 30 is written about one of the topics (its names next to
its domain words), so topics do match, but most articles match no topic.

Topics look like an analyst's: each is about its own names (a place, a person, an organization: 1 to 4
names of the pool, sometimes a two-word name written as a phrase), combined with one or two of eight
shared term lists (``@troops``, ``@protest``, ... as in rules.toml's [terms]: English and Vietnamese,
phrases and prefixes) in one of six shapes: AND, NEAR/n, title: scope, NOT exclusions, ``#num NEAR``
troop counts, prefixes. The baseline compiles each topic's words (its names and the items of its lists)
into one case-insensitive regex ``\\b(?:a|b|...)\\b`` and searches the text, folded once (NFD, marks
removed), with each: it answers
only "some word of the topic occurs" (no AND, NEAR, NOT, fields, evidence or facts), so it is a lower bound
of what such tools cost, not an equivalent matcher.

The shipped rules.toml topics run over the same generated articles (invented news, none about Kosovo: what
the daemon's parse workers mostly see), and with ``--corpus`` over that folder's articles, repeated (all
about Kosovo or KFOR).
Before timing, the prefiltered result is checked against evaluating every topic on part of the articles.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from monitor.records import Article  # noqa: E402
from monitor.rules import TopicSet, compile_topic  # noqa: E402
from monitor.rules.text import fold  # noqa: E402

EN_COMMON = """the of and to in a is that for on was with as by at from it his an be has are have but not this
had they which were its their been after who said will would there one all also new more other over when
into two than first last people government country year years time states state world week official
officials minister president told according meeting national foreign city local report reported
statement during under between since about before while could should may some three day days month
according leaders talks plan agreement public support region group area including made called""".split()
VI_COMMON = """và của là có được trong cho với các những một này đã sẽ không người khi theo tại về từ như
để đến sau trên cũng năm ngày tháng nhiều hơn nước chính phủ quốc gia thế giới tổng thống bộ trưởng hôm
nay cho biết phát biểu cuộc họp vấn đề tình hình khu vực quan hệ hợp tác phía bên đại diện thông tin báo
chí đồng thời tuy nhiên ngoài ra trước đó hiện nay các nước quốc tế an ninh chính trị kinh tế xã hội
tuần qua dự kiến kế hoạch thỏa thuận hội nghị ủy ban lãnh đạo""".split()
# Domain term lists shared by many topics (like rules.toml's [terms]); their words also occur in articles.
LISTS = {
    "troops": ["troops", "soldiers", "personnel", "peacekeepers", "battalion", "binh sĩ", "quân nhân",
               "binh lính", "tiểu đoàn", "lực lượng"],
    "moves": ["deploy*", "reinforce*", "withdraw*", "dispatch*", "additional", "pull out", "triển khai",
              "tăng cường", "rút quân", "điều động", "bổ sung"],
    "protest": ["protest*", "demonstrat*", "rally", "rallies", "riot*", "tear gas", "biểu tình", "tuần hành",
                "bạo loạn", "hơi cay", "đám đông"],
    "violence": ["attack*", "clash*", "explosion", "shooting", "killed", "wounded", "tấn công", "đụng độ",
                 "vụ nổ", "thiệt mạng", "bị thương", "nổ súng"],
    "disaster": ["flood*", "earthquake", "landslide*", "typhoon", "evacuat*", "lũ lụt", "động đất", "sạt lở",
                 "bão", "sơ tán", "mưa lớn"],
    "election": ["election*", "ballot*", "vote", "voters", "polling", "candidate*", "bầu cử", "cử tri",
                 "lá phiếu", "ứng cử viên", "kiểm phiếu"],
    "economy": ["inflation", "tariff*", "export*", "sanction*", "recession", "lạm phát", "thuế quan",
                "xuất khẩu", "trừng phạt", "suy thoái"],
    "cyber": ["cyberattack*", "hacker*", "ransomware", "data breach", "malware", "tấn công mạng", "tin tặc",
              "mã độc", "rò rỉ dữ liệu"],
}
_ONSETS = "b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v z zh".split()
_VOWELS = "a e i o u a e o ou ia ei".split()
_CODAS = ["", "", "n", "r", "s", "l", "k", "v", "sk", "nd"]
_MARKED = str.maketrans("aeiou", "áêíôü")  # some names are written with diacritics
N_NAMES = 20_000
_MARKS = re.compile("[\u0300-\u036f]+")
SHAPES = (
    "({a} OR {b} OR {ab}) AND @{l1}",
    "{ab} NEAR/15 (@{l1} OR @{l2})",
    "title:({a} OR {b}) OR ({a} AND @{l1} AND NOT {c})",
    "{a} AND ({w1} OR {w2}) AND NOT ({c} OR {cd})",
    "{a} AND (#num NEAR/3 @troops)",
    "({a} OR {b}) NEAR/10 (@{l1} OR @{l2})",
)


def make_names(rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < N_NAMES:
        name = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                       for _ in range(rng.choice((2, 2, 3))))
        if rng.random() < 0.15:
            name = name.translate(_MARKED)
        names.add(name.capitalize())
    return sorted(names)


class Generator:
    def __init__(self, seed: int = 42) -> None:
        self.rng = random.Random(seed)
        self.names = make_names(self.rng)
        # Zipf: name k appears ~1/k as often as the first
        self.name_weights = list(itertools.accumulate(1 / r for r in range(1, N_NAMES + 1)))
        self.domain = {lang: [w for items in LISTS.values() for w in items if _is_vi(w) == (lang == "vi")]
                       for lang in ("en", "vi")}

    def name(self) -> str:
        return self.rng.choices(self.names, cum_weights=self.name_weights)[0]

    def topic_query(self, rng: random.Random) -> str:
        # An analyst's topic is about its own names: not the 100 names most frequent in all the news.
        a, b, c, d, e = (rng.choice(self.names[100:]) for _ in range(5))
        l1, l2 = rng.sample(sorted(LISTS), 2)
        w1, w2 = (rng.choice(LISTS[rng.choice(sorted(LISTS))]) for _ in range(2))
        return rng.choice(SHAPES).format(a=a, b=b, c=c, ab=f'"{d} {e}"', cd=f'"{c} {e}"', l1=l1, l2=l2,
                                         w1=_quoted(w1), w2=_quoted(w2))

    def article(self, i: int, topic_words: list[str] | None) -> Article:
        """A news-like article in one language about one or two domains (floods, elections, ...)."""
        rng = self.rng
        lang = "vi" if i % 2 else "en"
        common = VI_COMMON if lang == "vi" else EN_COMMON
        domain = [w for d in rng.sample(sorted(LISTS), rng.choice((1, 2))) for w in LISTS[d] if _is_vi(w) == (
            lang == "vi")]
        words: list[str] = []
        size = 0
        while size < 2000:
            r = rng.random()
            if r < 0.05:
                w = self.name()
            elif r < 0.07:
                w = f"{rng.randint(2, 9000):,}".replace(",", "." if lang == "vi" else ",")
            elif r < 0.10:
                w = rng.choice(domain)
                w = w[:-1] + rng.choice(("", "s", "ed", "ment")) if w.endswith("*") else w
            elif topic_words and r < 0.12:
                w = rng.choice(topic_words)
            else:
                w = rng.choice(common)
            if rng.random() < 0.08:
                w += rng.choice((".", ",", ":", "”", "…"))
            words.append(w)
            size += len(w) + 1
        title = " ".join(words[:10]).capitalize()
        return Article("bench", f"https://example.test/{i}", None, title, "", " ".join(words[10:]), None, lang,
                       str(i))


def _is_vi(word: str) -> bool:
    return not word.isascii()


def _quoted(word: str) -> str:
    return f'"{word}"' if " " in word else word


def topic_words(query: str) -> list[str]:
    """The positive words of a generated query with its lists expanded (what the baseline searches)."""
    query = re.sub(r"NOT \([^)]*\)|NOT \S+", " ", query)
    for name, items in LISTS.items():
        query = query.replace(f"@{name}", " ".join(f'"{w}"' for w in items))
    query = re.sub(r"NEAR/\d+|\bAND\b|\bOR\b|#num|title:", " ", query)
    return [p or w for p, w in re.findall(r'"([^"]+)"|([^\s()"]+)', query)]


def make_articles(gen: Generator, n: int, queries: list[str]) -> list[Article]:
    """One article in 30 is about a topic: its words are sprinkled into it."""
    rng = random.Random(7)
    return [gen.article(i, [w.rstrip("*") for w in topic_words(rng.choice(queries))]
                        if queries and rng.random() < 1 / 30 else None) for i in range(n)]


def naive_regexes(queries: list[str]) -> list[re.Pattern]:
    out = []
    for q in queries:
        alternatives = (r"\W+".join(map(re.escape, fold(w.rstrip("*")).split())) + (r"\w*" if w.endswith("*") else "")
                        for w in topic_words(q))
        out.append(re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I))
    return out


CLOCK = [time.perf_counter]  # --cpu: time.process_time


def timed(articles: list[Article], fn: Callable[[Article], object]) -> float:
    start = CLOCK[0]()
    for a in articles:
        fn(a)
    return CLOCK[0]() - start


def staged(articles: list[Article], topics: TopicSet) -> dict[str, float]:
    """The same work as ``topics.match``, with the time of each stage."""
    stages = dict.fromkeys(("normalize", "prefilter", "evaluate", "facts"), 0.0)
    counts = {"candidates": 0, "matches": 0, "matched articles": 0, "evaluated articles": 0,
              "time evaluated": 0.0, "time not evaluated": 0.0}
    clock = CLOCK[0]
    for article in articles:
        t0 = clock()
        forms = topics.search_forms(article)
        t1 = clock()
        candidates = topics.candidates(article, forms)
        t2 = clock()
        found = topics.evaluate(article, candidates)
        t3 = clock()
        [topics[i].with_facts(m, article) for i, m in found]
        t4 = clock()
        stages["normalize"] += t1 - t0
        stages["prefilter"] += t2 - t1
        stages["evaluate"] += t3 - t2
        stages["facts"] += t4 - t3
        counts["candidates"] += len(candidates)
        counts["matches"] += len(found)
        counts["matched articles"] += bool(found)
        counts["evaluated articles"] += bool(candidates)
        counts["time evaluated" if candidates else "time not evaluated"] += t4 - t0
    return stages | counts


def check_identical(articles: list[Article], topics: TopicSet) -> bool:
    """The prefiltered result equals evaluating every topic on every article."""
    return all(topics.match(a) == [m for t in topics if (m := t.match(a)) is not None] for a in articles)


def report_engine(label: str, articles: list[Article], topics: TopicSet, warm_up: list[Article]) -> None:
    """Articles per second of ``topics.match`` (after a warm-up on other articles, as in a running daemon),
    then the same articles again stage by stage."""
    for a in warm_up:
        topics.match(a)
    n = len(articles)
    total = timed(articles, topics.match)
    s = staged(articles, topics)
    split_total = sum(s[k] for k in ("normalize", "prefilter", "evaluate", "facts"))
    split = " / ".join(f"{k} {100 * s[k] / split_total:.0f}% ({1e6 * s[k] / n:.1f} µs)"
                       for k in ("normalize", "prefilter", "evaluate", "facts"))
    evaluated = int(s["evaluated articles"])
    print(f"{label:<32} {n / total:>9,.0f} articles/s {1e6 * total / n:>8,.1f} µs/article   "
          f"matched articles {int(s['matched articles'])} ({100 * s['matched articles'] / n:.1f}%), "
          f"matches {int(s['matches'])}\n{'':<34}split: {split}\n{'':<34}"
          f"{n - evaluated} articles no topic had to be evaluated for: "
          f"{1e6 * s['time not evaluated'] / max(1, n - evaluated):.1f} µs each; {evaluated} articles with "
          f"{s['candidates'] / max(1, evaluated):.1f} topics evaluated: "
          f"{1e6 * s['time evaluated'] / max(1, evaluated):.1f} µs each")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--corpus", type=Path, default=None, help="a labeled folder: the shipped topics run on it")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--check", type=int, default=300, help="articles checked against the full evaluation")
    ap.add_argument("--baseline-articles", type=int, default=1000,
                    help="the baseline runs on the first N of the same articles (it is slow; 0: not run)")
    ap.add_argument("--cpu", action="store_true",
                    help="time this process's CPU time instead of the wall clock (a machine others use too)")
    ap.add_argument("--topics", type=int, nargs="*", default=[10, 100, 1000],
                    help="the topic counts to time (at most 1000); none: only the shipped topics")
    args = ap.parse_args()
    if args.cpu:
        CLOCK[0] = time.process_time
    gen = Generator()
    all_queries = [gen.topic_query(random.Random(i)) for i in range(1000)]
    articles = make_articles(gen, args.articles, all_queries)
    warm_up = make_articles(gen, 500, all_queries)  # other articles: caches of a running daemon
    size = sum(len(a.body) + len(a.title) for a in articles) / len(articles)
    print(f"{len(articles)} generated articles of {size:,.0f} characters on average (half Vietnamese), one core")
    print("topics, e.g.: " + " | ".join(all_queries[:3]) + "\n")
    for t in args.topics:
        queries = all_queries[:t]
        topics = TopicSet(compile_topic(f"t{i}", f"T{i}", q, terms=LISTS) for i, q in enumerate(queries))
        same = check_identical(articles[: args.check], topics)
        report_engine(f"engine, {t} topics", articles, topics, warm_up)
        regexes = naive_regexes(queries)
        hits = [0]

        def naive(a: Article, regexes: list[re.Pattern] = regexes, hits: list[int] = hits) -> None:
            text = _MARKS.sub("", unicodedata.normalize("NFD", f"{a.title}\n{a.body}"))
            text = text.replace("đ", "d").replace("Đ", "D")
            hits[0] += sum(1 for rx in regexes if rx.search(text))

        some = articles[: args.baseline_articles]
        if some:
            elapsed = timed(some, naive)
            print(f"{'naive regex per topic, ' + str(t):<32} {len(some) / elapsed:>9,.0f} articles/s "
                  f"{1e6 * elapsed / len(some):>8,.1f} µs/article   (on the first {len(some)} articles; "
                  f"topics with a word present: {hits[0] / len(some):.1f}/article)")
        print(f"{'':<34}prefiltered == full evaluation on {min(args.check, len(articles))} articles: "
              f"{'yes' if same else 'NO'}\n")
    from monitor.config import load
    from monitor.rules import compile_config_topics

    config = load(Path(__file__).resolve().parents[2] / "rules.toml")
    topics = compile_config_topics(config)
    print(f"shipped rules.toml topics on the same generated articles (none about Kosovo, like most of what the "
          f"daemon's parse workers match; identical to full evaluation on {min(args.check, len(articles))}: "
          f"{'yes' if check_identical(articles[: args.check], topics) else 'NO'}):")
    report_engine("engine, shipped topics + facts", articles, topics, warm_up)
    if args.corpus:
        from monitor.matching import read_articles

        paths = sorted((args.corpus / "articles").glob("*.*"))
        corpus = [a for p in paths for a in read_articles(config, p)]
        print(f"shipped rules.toml topics on {len(paths)} corpus articles x {args.repeat} "
              f"(every article is about Kosovo or KFOR; identical to full evaluation: "
              f"{'yes' if check_identical(corpus, topics) else 'NO'}):")
        report_engine("engine, shipped topics + facts", corpus * args.repeat, topics, corpus)


if __name__ == "__main__":
    main()
