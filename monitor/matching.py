"""``monitor match``: the dry run over article files, exactly as the daemon would read them.

``.txt``: title on the first line, body after it (boilerplate rules applied as for pages);
``.html``: extracted with the selectors of the configured source whose site the page's
canonical URL belongs to, the generic extractor otherwise; ``.xml``/``.rss``/``.atom``: a
feed, one article per item. Nothing is written, nothing is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from monitor.config import Config
from monitor.normalize import make_article
from monitor.parse import decode, extract_article, parse_feed, strip_boilerplate
from monitor.parse.boilerplate import is_caption, title_before_caption
from monitor.parse.errors import ParseError
from monitor.records import Article, Entry, Extraction, Match, Source
from monitor.rules import compile_config_topics, match_all

FEED_SUFFIXES = {".xml", ".rss", ".atom"}


@dataclass
class FileResult:
    path: str
    article: Article | None = None
    matches: list[Match] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> dict:
        a = self.article
        return {
            "path": self.path,
            "url": a.url if a else None,
            "title": a.title if a else None,
            "topics": [{"id": m.topic_id, "score": m.score, "evidence": m.evidence.to_json()}
                       for m in self.matches],
            "facts": [f.to_json() for m in self.matches for f in m.facts],
        }

    def to_text(self) -> str:
        a = self.article
        lines = [f"{self.path}: {a.title if a else ''}"]
        if not self.matches:
            lines.append("  no topic matches")
        for m in self.matches:
            terms = ", ".join(sorted({h.term for h in m.evidence.hits}))
            lines.append(f"  {m.topic_id} (score {m.score:g}): {terms}")
            lines.append(f"    {m.evidence.snippet}")
            for f in m.facts:
                lines.append(f"    fact {f.kind} {f.value:+d}" if f.kind == "change" else
                             f"    fact {f.kind} {f.value}")
        return "\n".join(lines)


def site_source(config: Config, url: str) -> Source | None:
    """The configured source whose site (host, without www.) the URL belongs to, preferring page rules."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    same = [s for s in config.sources if s.host.removeprefix("www.") == host]
    with_rules = [s for s in same if s.extraction != Extraction()]
    return (with_rules or same or [None])[0]


def _local_source(path: Path, language: str = "en") -> Source:
    return Source(id="file", kind="page", url=path.resolve().as_uri(), interval=1.0, language=language)


def _guess_language(text: str) -> str:
    vi = sum(1 for ch in text[:2000] if ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    return "vi" if vi >= 5 else "en"


def read_articles(config: Config, path: Path) -> list[Article]:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        feed = parse_feed(data, path.resolve().as_uri())
        src = _local_source(path)
        return [make_article(Source(**{**src.__dict__, "language": _guess_language(e.title + e.body)}), e)
                for e in feed.entries]
    text = decode(data)
    if suffix in (".html", ".htm"):
        probe = extract_article(text, path.resolve().as_uri(), Extraction(), "en")
        url = probe.canonical_url or path.resolve().as_uri()
        source = site_source(config, url) or _local_source(path, _guess_language(probe.title + probe.body))
        entry = extract_article(text, url, source.extraction, source.language)
        entry.url = url
        return [make_article(source, entry)]
    title, _, body = text.partition("\n")
    language = _guess_language(text)
    if is_caption(title.strip()):  # text copied from a page can start with the photo's caption: not a title,
        title = title_before_caption(title)  # unless the caption is glued to the end of the title

    entry = Entry(url=path.resolve().as_uri(), title=title.strip(), body=strip_boilerplate(body, language))
    return [make_article(_local_source(path, language), entry)]


def match_files(config: Config, paths: list[Path]):
    topics = compile_config_topics(config)
    for path in paths:
        try:
            articles = read_articles(config, path)
        except (OSError, ParseError) as e:
            yield FileResult(str(path), error=str(e))
            continue
        for article in articles:
            yield FileResult(str(path), article, match_all(topics, article))
