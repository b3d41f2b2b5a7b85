"""`monitor match` reads files as the daemon reads pages, and its --json output is a contract."""

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "testdata"
SEEDS = Path(__file__).parent / "rules" / "testdata"


def match(*paths: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "monitor", "--config", "rules.toml", "match", "--json",
                          *map(str, paths)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_json_shape_is_the_contract():
    (row,) = match(DATA / "vov" / "article-seed-001.html")
    assert set(row) == {"path", "url", "title", "topics", "facts"}
    for topic in row["topics"]:
        assert set(topic) >= {"id", "score", "evidence"}
        assert isinstance(topic["score"], float)
        assert topic["evidence"]["snippet"] and topic["evidence"]["terms"]
    for fact in row["facts"]:
        assert set(fact) == {"topic", "kind", "value", "text"}


def test_html_page_uses_the_configured_site_selectors():
    (row,) = match(DATA / "vov" / "article-seed-001.html")
    # the page's canonical URL is on vov.vn, so the vov-world selectors of rules.toml apply
    assert row["url"].startswith("https://vov.vn/the-gioi/nato-muon-thuc-day")
    assert row["title"] == "NATO muốn thúc đẩy quan hệ với Serbia, lên án căng thẳng ở Kosovo"
    assert [t["id"] for t in row["topics"]] == ["kosovo-escalation"]
    texts = " ".join(h["text"] for t in row["topics"] for h in t["evidence"]["hits"])
    assert "Ukraine" not in texts


def test_related_news_teasers_never_match():
    rows = match(DATA / "vov" / "article-unrelated.html", DATA / "vov" / "article-unrelated-2.html")
    assert [r["topics"] for r in rows] == [[], []]


def test_seed_texts_match_their_topics():
    kfor, vov = match(SEEDS / "000_4b158e7d9e1f12f6.txt", SEEDS / "001_e57a02a533333419.txt")
    assert "kfor-troops" in [t["id"] for t in kfor["topics"]]
    assert [t["id"] for t in vov["topics"]] == ["kosovo-escalation"]


def test_feed_file_yields_one_row_per_item():
    rows = match(DATA / "baoquocte" / "feed.xml")
    assert len(rows) == 3
    kfor = [r for r in rows if any(t["id"] == "kfor-troops" for t in r["topics"])]
    assert [r["title"] for r in kfor] == ["NATO và EU thảo luận tình hình Kosovo"]


def test_seed_000_facts_are_printed_for_the_matching_topic_only():
    seed_000, seed_001 = sorted(SEEDS.glob("00*.txt"))
    rows = match(seed_000, seed_001)
    facts = sorted((f["topic"], f["kind"], f["value"]) for f in rows[0]["facts"])
    assert facts == [("kfor-troops", "change", 500), ("kfor-troops", "total", 4000), ("kfor-troops", "total", 4200)]
    change = next(f for f in rows[0]["facts"] if f["kind"] == "change")
    assert "500 binh sĩ bổ sung" in change["text"] and isinstance(change["value"], int)
    assert rows[1]["facts"] == []
    kfor = next(t for t in rows[0]["topics"] if t["id"] == "kfor-troops")
    assert "KFOR" in kfor["evidence"]["terms"] and "«" in kfor["evidence"]["snippet"]


def test_a_caption_on_the_title_line_is_not_the_title():
    (row,) = match(SEEDS / "000_4b158e7d9e1f12f6.txt")
    assert row["title"] == ""  # the seed's first line is the photo's caption "... (Nguồn: NATO) |"
    snippets = " ".join(t["evidence"]["snippet"] for t in row["topics"])
    assert "Nguồn: NATO" not in snippets


def test_a_title_with_a_caption_glued_to_it_keeps_the_title(tmp_path: Path):
    copied = tmp_path / "copied.txt"
    copied.write_text("NATO sends more troops to KosovoKFOR soldiers stand guard in Zvecan on May 30. "
                      "REUTERS/Laura Hasani\nNATO will send 700 more troops to Kosovo to reinforce KFOR.\n",
                      encoding="utf-8")
    (row,) = match(copied)
    assert row["title"] == "NATO sends more troops to Kosovo"
