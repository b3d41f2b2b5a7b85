"""General rules that remove a news site's leftovers from article text.

The rules describe shapes, not one site's strings: a related-news heading ends the article;
follow/subscribe lines, bylines and credits (``(Reporting by ...)``, ``Vũ Hoàng (Theo AFP)``), photo
captions (credited, labelled ``Photo: ...``, a gallery's ``[1/4]``, an agency's ``REUTERS/Name``) and
another story's teaser are dropped; a caption glued before the lead, a copyright tail, an outlet prefix
(``VOV.VN - ``, ``(Dân trí) - ``, ``TTO - ``) or a wire dateline is cut; and a line seen before (a related
item shows its title twice) is dropped. Each rule keeps a line that is the article's own sentence.
"""

from __future__ import annotations

import re
import unicodedata

from monitor.parse.text import norm_space

# A short line that is only a heading of related / further reading: everything from it is cut.
_RELATED_HEADING = re.compile(
    r"^(?:tin|bài|bài viết|tin tức|tin bài)\s+(?:liên quan|cùng (?:chuyên mục|chủ đề|danh mục)|khác|"
    r"mới(?: nhất| cập nhật)?|đọc nhiều(?: nhất)?|xem nhiều(?: nhất)?|nổi bật|nóng|hot|tiêu điểm|"
    r"được quan tâm(?: nhất)?)"
    r"|^(?:xem|đọc)\s+(?:thêm|nhiều(?: nhất)?|tiếp)(?: bài| tin)?"
    r"|^(?:cùng (?:chuyên mục|chủ đề)|chủ đề liên quan|mới nhất|nổi bật|tiêu điểm|đọc nhiều(?: nhất)?|"
    r"xem nhiều(?: nhất)?)"
    r"|^có thể bạn (?:quan tâm|chưa đọc|muốn đọc)"
    r"|^related(?: news| articles?| stories| content| coverage| reading| posts| links| topics)?"
    r"|^(?:read|see) (?:more|also|next)(?: news| stories| articles)?"
    r"|^(?:also|further) read(?:ing)?|^(?:also|further) see"
    # "More from Reuters", "More in World News": a title-like name, not "More from the ministry: ..."
    r"|^more (?:news|stories|on this(?: story| topic)?|to read"
    r"|(?:from|in|about)(?-i:(?: (?:[A-Z0-9À-ÝĐ][^\s.!?,;]*|&|and|the|of)){1,4}))"
    # "More from the Balkans desk", "More from our newsroom": a section of the outlet's, named by its kind
    r"|^more (?:from|in) (?:the |our |this )?(?:[^\s.!?,;:]+ ){0,3}"
    r"(?:desk|section|newsroom|bureau|team|correspondents?|editors|blog|channel|site)"
    r"|^(?:most|the most) (?:read|viewed|popular|shared|commented|recent)(?: news| stories| articles)?"
    r"|^(?:latest|popular|trending|recommended)(?: news| stories| articles| posts| now| headlines)?"
    r"|^(?:top|breaking|recent|featured|other) (?:news|stories|articles|posts|headlines)"
    r"|^(?:editor'?s|editors'?) (?:picks?|choice)|^what to read next|^in other news|^don'?t miss"
    r"|^you (?:may|might) (?:also )?(?:like|be interested in|have missed)",
    re.I,
)
# "Read more: NATO to send 700 more troops": a teaser of another story inside the article, dropped.
_TEASER = re.compile(
    r"^(?:read|see) (?:more|also|next)\s*[:：»›>|\-–—]"
    r"|^(?:also|further) read\s*[:：»›>|\-–—]|^(?:related|recommended|more)\s*[:：»›>|]"
    r"|^(?:xem|đọc) (?:thêm|tiếp)\s*[:：»›>|\-–—]|^(?:tin|bài) liên quan\s*[:：»›>|\-–—]"
    r"|^>>+\s*(?:xem|đọc|read|see)\b",
    re.I,
)


def _fold(s: str) -> str:
    """``s`` without diacritics (``đ`` → ``d``), as a page copied without them writes Vietnamese."""
    decomposed = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_RELATED_HEADING_FOLDED = re.compile(_fold(_RELATED_HEADING.pattern), re.I)
_TEASER_MAX = 200
_HEADING_TAIL = re.compile(r"\s*[:：»›>\-–—]*\s*$")

# Follow / subscribe / share lines. Dropped (not cut at): some sites put one after the lead.
_FOLLOW = re.compile(
    r"^mời (?:quý )?(?:độc giả|bạn đọc|quý vị)\b.{0,80}\b(?:theo dõi|đón đọc|xem|tham gia|đăng ký)"
    r"|^(?:hãy )?theo dõi .{0,40}\btrên (?:google news|facebook|zalo|youtube|tiktok)"
    r"|^(?:please )?(?:follow|like) us on\b"
    r"|^(?:subscribe|sign up|register) (?:to|for)\b(?!.*\d).{0,60}$"  # short, no figure: not "Register for ...: 700"
    r"|^(?:subscribe|sign up|register)(?: here| now| today| free)*\s*[.!]?$"
    r"|^đăng ký (?:nhận )?(?:bản tin|newsletter)"
    r"|^(?:share|chia sẻ)(?: this(?: article| story)?| bài viết)?\s*:?\s*$",
    re.I,
)
_FOLLOW_MAX = 200

# The words that say where a text comes from, in a credit: "(Theo TTXVN)", "(Nguồn: VOV)", "(source: NATO)".
_SOURCE_WORDS = r"(?:theo|nguồn|source)"

# Credit and furniture lines of a copied page: "(Reporting by A; Editing by B)", "Vũ Hoàng (Theo AFP, DW)" (a name
# only before the credit: "Mỹ gửi thêm 200 binh sĩ (Theo Reuters)" is the article),
# a link's label ("..., opens new tab"), an outlet's standards line. Dropped.
_BYLINE = re.compile(
    r"^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|written) by\b"
    r"|^(?-i:[A-ZĐÀ-Ỹ][^\W\d_]*(?: [A-ZĐÀ-Ỹ][^\W\d_]*){0,4} ?)?\(\s*" + _SOURCE_WORDS
    + r"\s*:?\s*[^()]{1,60}\)\s*\.?$"
    r"|,\s*opens (?:in )?(?:a )?new (?:tab|window)\s*$"
    r"|^our standards\s*:",
    re.I,
)
_BYLINE_MAX = 200

# Outlet prefixes at the start of a paragraph.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_PREFIX_ALWAYS = (
    re.compile(r"^\((?=[^()]*[^\W\d_])[^()\n]{2,24}\)\s*[-–—]\s*"),  # (Dân trí) - / (PLO)-
    re.compile(r"^[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]{2,})+\s*[-–—]\s+"),  # VOV.VN - / Zing.vn -
    re.compile(r"^[A-Z]{1,5}&[A-Z]{1,5}\.?(?:\s*[-–—])?\s+"),  # TG&VN. / TG&VN -
    # a wire dateline: "ZVECAN, Kosovo, May 26 (Reuters) - "
    re.compile(
        r"^[A-ZĐÀ-Ỹ][^()\n.]{1,60}\((?:Reuters|AP|AFP|Bloomberg|TTXVN|VNA|Xinhua|dpa|ANSA)\)"
        r"\s*[-–—]\s+"
    ),
    # a dateline of a city in capitals and a date: "BUCHAREST/BUDAPEST, May 19 – ", "LJUBLJANA, 12 December (STA) - "
    re.compile(
        r"^[A-ZĐÀ-Ỹ]{2,}(?:[ /-][A-ZĐÀ-Ỹ]{2,})*,(?: [A-Z][a-z]+,)? (?:\d{1,2} " + _MONTH + r"|" + _MONTH
        + r" \d{1,2})(?:,? \d{4})?(?: \([^()\n]{2,20}\))?\s*[-–—]\s+"
    ),
)
# An all-caps or CamelCase name or dateline before a dash ("TTO - ", "VnExpress - ", "QĐND Online - ", "HÀ NỘI - ",
# "WASHINGTON (Reuters) - "): only in the lead paragraph, and a single word only when the text never names it again
# (a credit such as "(Theo TTXVN)" does not count): "NATO - Serbia ..." is a real sentence about NATO, "TTO - " is
# the paper's mark.
_PREFIX_LEAD = re.compile(
    r"^(?P<word>(?:[A-ZĐÀ-Ỹ]{2,}|[A-Z][a-z]+[A-Z][A-Za-z]*)"
    r"(?P<more>(?: (?:[A-ZĐÀ-Ỹ]{2,}|Online|News|Plus|TV)){1,2})?)"
    r"(?P<paren>\s*\([^()\n]{2,24}\))?\s+[-–—]\s+(?=\S)"
)

# Where the text names its source, "(Theo TTXVN)", "(Nguồn: VOV)": not a word the article is about.
_SOURCE_MENTION = re.compile(r"\(\s*(?:" + _SOURCE_WORDS + r"|via)\b[^()]*\)", re.I)

# Photo captions and credits.
_CAPTION_WORDS = r"(?:nguồn|ảnh|photo|photos|source|credit|image|picture|video|đồ họa|clip)"
_CAPTION_PAREN = re.compile(r"\(\s*" + _CAPTION_WORDS + r"\s*:[^()]{1,80}\)\s*\|?\s*$", re.I)
_CAPTION_BARE = re.compile(r"(?:^|[.)]\s*)" + _CAPTION_WORDS + r"\s*:\s*[^.:!?]{1,60}$", re.I)
_CAPTION_PIPE = re.compile(r"\s\|$")
# A gallery's numbered caption ("[1/4] Kosovo police officers stand guard ...") and a photo agency's credit
# at the end ("... REUTERS/Stringer", "AFP/Getty Images", "AP Photo/Visar Kryeziu Purchase Licensing Rights").
_CAPTION_GALLERY = re.compile(r"^\[\s*\d{1,3}\s*/\s*\d{1,3}\s*\]\s")
_CAPTION_AGENCY = re.compile(
    r"\b(?-i:REUTERS|AFP|AP Photo|EPA(?:-EFE)?|Getty Images|ANADOLU|TTXVN|VNA|Xinhua)\s*/\s*"
    r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}|Stringer|File|Handout|Pool)"  # a photographer's name, or a stock word
    r"(?: (?:Purchase )?Licensing Rights)?\.?$"
)
_CAPTION_MAX = 350
_LABEL_CAPTION_MAX = 160  # "Photo: ..." / "Video: ..." as a caption; a longer paragraph so opened is the article's
# A caption glued before the lead in one paragraph: "... ngày 14/6. (Nguồn: NATO) | Ngày 14/6, ...", also with
# no space before the lead's first capital ("... (Ảnh: AFP)TG&VN. Hơn hai thập kỷ ..."). The caption ends its
# sentence before the credit: "The police (source: the ministry) said ..." is one sentence of the article.
_GLUED_CAPTION_MAX = 400  # a caption glued before the lead is at most this long
_GLUED_CAPTION = re.compile(
    rf"^.{{10,{_GLUED_CAPTION_MAX}}}?[.!?…]\s*\(\s*" + _CAPTION_WORDS
    + r"\s*:[^()]{1,80}\)(?:\s*\|?\s+|(?=[A-ZĐÀ-Ỹ]))(?=\S)",
    re.I | re.S,
)
# A caption line that opens with its label ("Photo: KFOR soldiers carry ...", "Ảnh: ..."), and one glued before
# the lead with a one-word credit ("... on Saturday. Photo: Reuters Twelve people were injured ...").
_CAPTION_LABEL = re.compile(r"^(?:photo|photos|picture|image|ảnh|video)\s*:", re.I)
_GLUED_LABEL_CAPTION = re.compile(
    rf"^.{{10,{_GLUED_CAPTION_MAX}}}?[.!?]\s+(?:photo|ảnh|image|picture)\s*:\s*[\w&./-]+\s+(?=[A-ZĐÀ-Ỹ0-9\"“])",
    re.I | re.S
)
# A copyright line, or one glued to the end of the last paragraph ("... UNIFIL. ALL RIGHTS RESERVED © Copyright ANSA").
_COPYRIGHT_HOLDER_MAX = 80  # characters after the © or "Copyright 2025"
_COPYRIGHT = re.compile(
    rf"(?:^|\s+)(?:(?:ALL RIGHTS RESERVED|All rights reserved)\.?\s*(?:©.{{0,{_COPYRIGHT_HOLDER_MAX}}})?"
    rf"|(?:©|Copyright ©|Copyright \d{{4}}).{{0,{_COPYRIGHT_HOLDER_MAX}}})$"
)
# how far from the end a copyright tail can start (its words, ©, the holder): only that tail is searched - a
# search of the whole paragraph tries the pattern at every space, the costliest step of cleaning a feed item
_COPYRIGHT_REACH = _COPYRIGHT_HOLDER_MAX + 50
# a glued caption's colon ("(Ảnh: ...)", "Photo: ...") comes within this many characters of the paragraph's start
_GLUED_REACH = _GLUED_CAPTION_MAX + 200
_ILLUSTRATION = re.compile(r"^\(?(?:ảnh minh họa|ảnh minh hoạ|illustration(?: photo)?)\)?\.?$", re.I)


def is_related_heading(line: str) -> bool:
    return _related_heading(norm_space(line))


def is_follow_line(line: str) -> bool:
    return _follow_line(norm_space(line))


def is_teaser_line(line: str) -> bool:
    """A "Read more: <another story's headline>" line inside the article (not a heading alone)."""
    return _teaser_line(norm_space(line))


def is_caption(line: str) -> bool:
    return _caption(norm_space(line))


# A title with a photo's caption glued after it, no space between ("... tại KosovoBinh sĩ các nước ... (Ảnh:
# KFOR)"), as a page's text copied by hand may start: a small letter right before a capital.
_TITLE_MIN = 15
_GLUED_WORD_MIN = 4  # letters of the title's last word before the caption's capital ("Kosovo|Binh")


def title_before_caption(line: str) -> str:
    """The title at the start of a caption line, when a caption is glued to its end; "" when the line is a
    caption only."""
    line = norm_space(line)
    for i in range(_TITLE_MIN, len(line)):
        if line[i].isupper() and line[i - 1].islower():
            word = i - 1
            while word > 0 and line[word - 1].isalpha():
                word -= 1
            if i - word < _GLUED_WORD_MIN:  # "McCarthy", "TikTok", "iPhone", "DeSantis": one word, not two
                continue
            head, tail = line[:i], line[i:]
            if _caption(tail) and not _caption(head):
                return head
    return ""


# The tests on a line already normalized (norm_space): clean_paragraphs normalizes each paragraph once.

def _related_heading(line: str) -> bool:
    if not line or len(line) > 40:
        return False
    head = _HEADING_TAIL.sub("", line)
    if _RELATED_HEADING.fullmatch(head) is not None:
        return True
    # a page copied without diacritics ("Bai viet lien quan:", "Tin khac") has its headings folded too
    return head.isascii() and _RELATED_HEADING_FOLDED.fullmatch(head) is not None


def _follow_line(line: str) -> bool:
    return len(line) <= _FOLLOW_MAX and bool(_FOLLOW.match(line))


def _byline(line: str) -> bool:
    return len(line) <= _BYLINE_MAX and bool(_BYLINE.search(line))


def _teaser_line(line: str) -> bool:
    return len(line) <= _TEASER_MAX and bool(_TEASER.match(line)) and not _related_heading(line)


def _caption(line: str) -> bool:
    if not line or len(line) > _CAPTION_MAX:
        return False
    return bool(
        _CAPTION_PAREN.search(line)
        or _CAPTION_PIPE.search(line)
        or _CAPTION_BARE.search(line)
        or _CAPTION_GALLERY.match(line)
        or (len(line) <= _LABEL_CAPTION_MAX and _CAPTION_LABEL.match(line))
        or _CAPTION_AGENCY.search(line)
        or _ILLUSTRATION.match(line)
    )


def strip_outlet_prefix(paragraph: str, *, lead: bool = False, context: str = "") -> str:
    """``paragraph`` without an outlet prefix. ``lead``: it is the first paragraph;
    ``context``: the whole text, to tell an outlet's mark from a word the article is about."""
    for rx in _PREFIX_ALWAYS:
        new = rx.sub("", paragraph, count=1)
        if new != paragraph:
            return new
    m = _PREFIX_LEAD.match(paragraph) if lead else None
    if not m:
        return paragraph
    if not (m["more"] or m["paren"]):
        rest = _SOURCE_MENTION.sub(" ", paragraph[m.end() :] + "\n" + context)
        if re.search(r"(?<!\w)" + re.escape(m["word"]) + r"(?!\w)", rest):
            return paragraph
    return paragraph[m.end() :]


def strip_glued_caption(paragraph: str) -> str:
    """Remove a photo caption that sits before the lead in the same paragraph."""
    if ":" not in paragraph[:_GLUED_REACH]:  # both shapes have one: most paragraphs are done here
        return paragraph
    for rx in (_GLUED_CAPTION, _GLUED_LABEL_CAPTION):
        m = rx.match(paragraph)
        if m and len(paragraph) - m.end() >= 40:
            return paragraph[m.end() :]
    return paragraph


# Every copyright tail holds one of these: where the searched tail has none, the search is skipped (a search tries
# the pattern at every space of the tail; these are found in C)
_COPYRIGHT_MARKS = ("©", "Copyright", "ALL RIGHTS RESERVED", "All rights reserved")


def _without_copyright(paragraph: str) -> str:
    start = max(0, len(paragraph) - _COPYRIGHT_REACH)
    tail = paragraph[start:]
    if not any(mark in tail for mark in _COPYRIGHT_MARKS):
        return paragraph
    m = _COPYRIGHT.search(paragraph, start)
    return paragraph[: m.start()] if m else paragraph


def clean_paragraphs(paragraphs: list[str], language: str = "", *, normalized: bool = False) -> list[str]:
    """Article paragraphs without related-news blocks, follow lines, captions or outlet prefixes.

    The rules hold for every language; ``language`` is accepted for rules that may need it. ``normalized``: each
    paragraph is ``norm_space``'s already (as ``html_to_paragraphs`` gives them), and is not normalized again
    (``norm_space`` of its own result gives it back).
    """
    out: list[str] = []
    seen: set[str] | None = None  # the casefolded paragraphs of ``out``, made when a second one may repeat one
    context = "\n".join(paragraphs[1:])
    for raw in paragraphs:
        para = raw if normalized else norm_space(raw)
        if not para:
            continue
        if _related_heading(para):
            if out:
                break
            continue  # a heading before any of the article (a page's menu): the article is still to come
        if _follow_line(para) or _teaser_line(para) or _byline(para):
            continue
        para = _without_copyright(strip_glued_caption(para))
        if not para or _caption(para):
            continue
        para = strip_outlet_prefix(para, lead=not out, context=context).strip()
        if not para:
            continue
        if out:  # a paragraph is a repeat only of one kept before it: most feed items have one
            if seen is None:
                seen = {kept.casefold() for kept in out}
            key = para.casefold()
            if key in seen:
                continue
            seen.add(key)
        out.append(para)
    return out


def strip_boilerplate(text: str, language: str = "") -> str:
    """``clean_paragraphs`` over the lines of ``text``; paragraphs joined by a blank line."""
    return "\n\n".join(clean_paragraphs(text.splitlines(), language))
