"""Near-duplicate detection: fingerprint speed and how well copies separate from other stories.

    .venv/bin/python -m tests.benchmarks.bench_dedup
"""

from __future__ import annotations

import random
import statistics
import time

from monitor.dedup import NEAR, distance, simhash
from tests.notify.helpers import story


def main() -> None:
    texts = [story(i, 600) for i in range(300)]
    start = time.perf_counter()
    prints = [simhash(t) for t in texts]
    per = (time.perf_counter() - start) / len(texts) * 1000
    print(f"simhash of a 600-word article: {per:.2f} ms")

    rnd = random.Random(1)
    for share in (0.01, 0.02, 0.05):
        copies = []
        for t in texts[:100]:
            words = t.split()
            for _ in range(int(len(words) * share)):  # words changed, and a credit line added
                words[rnd.randrange(len(words))] = rnd.choice(words)
            copies.append(distance(simhash(" ".join(words) + " Theo TTXVN."), simhash(t)))
        print(f"copies ({share:.0%} of words changed): distance median {statistics.median(copies)}, "
              f"max {max(copies)}, found at ≤ {NEAR}: {sum(d <= NEAR for d in copies)}/{len(copies)}")
    others = [distance(prints[i], prints[j]) for i in range(100) for j in range(i + 1, 100)]
    print(f"different stories: distance min {min(others)}, median {statistics.median(others)}, "
          f"false matches at ≤ {NEAR}: {sum(d <= NEAR for d in others)}/{len(others)}")


if __name__ == "__main__":
    main()
