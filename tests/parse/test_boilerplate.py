import pytest

from monitor.parse import clean_paragraphs, strip_boilerplate
from monitor.parse.boilerplate import is_caption, is_related_heading, strip_outlet_prefix, title_before_caption

SEED_001_TAIL = """Trong thông cáo của Hội nghị thượng đỉnh NATO đề cập một cam kết mạnh mẽ.

Mời quý độc giả theo dõi VOV.VN trên

Tin liên quan

Thượng đỉnh NATO 2023 và những quyết định quan trọng
Thượng đỉnh NATO 2023 và những quyết định quan trọng

VOV.VN - Tại hội nghị thượng đỉnh này, các lãnh đạo NATO sẽ tìm cách giải quyết một loạt vấn đề.
"""


def test_seed_001_shape_cut_at_related_heading():
    text = "VOV.VN - Việc tăng cường quan hệ giữa NATO - Serbia sẽ mang lại lợi ích.\n\n" + SEED_001_TAIL
    out = strip_boilerplate(text, "vi")
    assert out.startswith("Việc tăng cường quan hệ giữa NATO - Serbia")
    assert "Mời quý độc giả" not in out
    assert "Tin liên quan" not in out
    assert "quyết định quan trọng" not in out
    assert out.endswith("một cam kết mạnh mẽ.")


def test_seed_000_caption_line_dropped(data):
    text = data.read_text("baoquocte/article-seed-000.txt")
    lines = strip_boilerplate(text, "vi").split("\n\n")
    assert lines[0] == "NATO và EU thảo luận tình hình Kosovo"
    assert lines[1].startswith("Ngày 14/6, Phó Tổng thư ký")
    assert not any("(Nguồn: NATO)" in line for line in lines)
    assert any("4.200 binh sĩ từ 27 quốc gia" in line for line in lines)


def test_caption_glued_to_lead_in_one_paragraph():
    para = (
        "Phó Tổng thư ký Nato Mircea Geoana (phải) gặp Đại diện đặc biệt của EU về Belgrade-Pristina "
        "Miroslav Lajcak trong cuộc đối thoại về Kosovo, ngày 14/6. (Nguồn: NATO) | Ngày 14/6, Phó Tổng "
        "thư ký NATO Mircea Geoana đã có cuộc gặp với Đại sứ Miroslav Lajcak."
    )
    assert clean_paragraphs([para], "vi") == [
        "Ngày 14/6, Phó Tổng thư ký NATO Mircea Geoana đã có cuộc gặp với Đại sứ Miroslav Lajcak."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Tin liên quan",
        "Tin liên quan:",
        "TIN CÙNG CHUYÊN MỤC",
        "Bài liên quan",
        "Xem thêm",
        "Đọc thêm:",
        "Related news",
        "Related articles",
        "Read more",
        "More news",
        "See also:",
        "  Tin liên quan  ",
        "Also read",
        "Most read",
        "Most viewed",
        "Latest news",
        "Trending",
        "Tin cùng chuyên mục",
        "Tin mới",
        "Tin mới nhất",
        "Đọc nhiều",
        "Tin khác",
        "Bài viết cùng chủ đề",
        "More from Balkan Insight",
        "Related",
        "Related Articles",
        "You might also be interested in",
    ],
)
def test_related_headings(line):
    assert is_related_heading(line)
    assert clean_paragraphs(["Câu đầu tiên của bài.", line, "Tin khác ở dưới."], "vi") == [
        "Câu đầu tiên của bài."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Xem thêm thông tin chi tiết về đợt triển khai tại trang web của KFOR.",
        "Read more about the mission in the annual report published today.",
        "Related news reports said the talks would resume.",
    ],
)
def test_sentences_starting_like_a_heading_are_kept(line):
    assert not is_related_heading(line)
    assert clean_paragraphs([line], "en") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Mời quý độc giả theo dõi VOV.VN trên",
        "Mời quý độc giả theo dõi VOV.VN trên Google News",
        "Follow us on X and Facebook",
        "Subscribe to our newsletter",
        "Share this",
    ],
)
def test_follow_and_subscribe_lines_dropped(line):
    assert clean_paragraphs(["Nội dung chính của bài báo.", line, "Đoạn cuối."], "vi") == [
        "Nội dung chính của bài báo.",
        "Đoạn cuối.",
    ]


@pytest.mark.parametrize(
    ("para", "expected"),
    [
        ("VOV.VN - Việc tăng cường quan hệ.", "Việc tăng cường quan hệ."),
        ("(Dân trí) - Sáng 12/7, trời mưa.", "Sáng 12/7, trời mưa."),
        ("TTO - Sáng 12/7, trời mưa.", "Sáng 12/7, trời mưa."),
        ("TG&VN. Ngày 14/6, tại Brussels.", "Ngày 14/6, tại Brussels."),
        ("HÀ NỘI - Sáng nay, Quốc hội khai mạc.", "Sáng nay, Quốc hội khai mạc."),
        ("ZVECAN, Kosovo, May 26 (Reuters) - Kosovo police fired tear gas.", "Kosovo police fired tear gas."),
        # real sentences stay whole
        (
            "NATO - Serbia tăng cường quan hệ, NATO cho biết.",
            "NATO - Serbia tăng cường quan hệ, NATO cho biết.",
        ),
        ("Belgrade - Pristina talks resumed on Monday.", "Belgrade - Pristina talks resumed on Monday."),
        ("Ukraine - the latest in a long line of crises.", "Ukraine - the latest in a long line of crises."),
    ],
)
def test_outlet_prefixes(para, expected):
    assert clean_paragraphs([para], "vi") == [expected]


def test_all_caps_prefix_only_on_the_lead():
    assert strip_outlet_prefix("TTO - Sáng nay.", lead=False) == "TTO - Sáng nay."
    assert strip_outlet_prefix("TTO - Sáng nay.", lead=True) == "Sáng nay."


@pytest.mark.parametrize(
    "line",
    [
        "Binh sĩ KFOR tuần tra ở Zvecan, ngày 29/5. (Nguồn: NATO)",
        "Hội nghị thượng đỉnh NATO tại Vilnius. (Ảnh: Reuters)",
        "KFOR troops in Zvecan. (Photo: AP)",
        "Binh sĩ Đức tại sân bay Pristina. Ảnh: KFOR",
        "Photo: NATO",
        "Phó Tổng thư ký gặp Đại sứ Lajcak, ngày 14/6. (Nguồn: NATO) |",
        "Ảnh minh họa",
    ],
)
def test_captions_dropped(line):
    assert is_caption(line)
    assert clean_paragraphs(["Đoạn một của bài viết.", line], "vi") == ["Đoạn một của bài viết."]


def test_a_sentence_mentioning_a_photo_is_kept():
    line = "The photo: a reminder, officials said, of how quickly the situation can change in the north."
    assert clean_paragraphs([line], "en") == [line]


def test_repeated_lines_dropped_and_whitespace_normalised():
    out = clean_paragraphs(["  Tiêu đề\u00a0một ", "Tiêu đề một", "", "Khác"], "vi")
    assert out == ["Tiêu đề một", "Khác"]


def test_a_selector_that_reaches_into_a_related_box_or_sidebar_takes_nothing_from_it() -> None:
    from monitor.parse.page import extract_article
    from monitor.records import Extraction

    html = """<html><body><article><h1>Albania votes</h1><p class="description">A calm election.</p>
      <div class="content"><p>The ruling party won a majority in a calm vote on Sunday, observers said.</p></div>
      </article>
      <div class="sidebar-1"><p class="description">NATO sends 700 troops to Kosovo.</p></div>
      <div class="box"><h3>Tin liên quan</h3><p class="description">KFOR soldiers injured in clashes.</p></div>
      </body></html>"""
    entry = extract_article(html, "https://example.test/a", Extraction(summary="p.description", body="div p"),
                            "en")
    assert entry.summary == "A calm election."
    assert "Kosovo" not in entry.body and "KFOR" not in entry.body


@pytest.mark.parametrize(
    "line",
    [
        "Read more: NATO to send 700 more troops to Kosovo",
        "READ MORE | KFOR steps up patrols after clashes",
        "Xem thêm: NATO điều thêm 700 binh sĩ tới Kosovo",
        "Đọc thêm >> KFOR sẽ có khoảng 4.500 binh sĩ",
        "Also read: Serbian army on highest alert",
    ],
)
def test_teaser_of_another_story_inside_the_article_dropped(line):
    assert clean_paragraphs(["The election passed calmly.", line, "Turnout was 41 percent."], "en") == [
        "The election passed calmly.",
        "Turnout was 41 percent.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Latest figures show turnout of 41 percent.",
        "Trending upward, the economy grew 4 percent.",
        "Read more about the mission in the annual report published today.",
        "Related talks were held in Brussels on Monday, officials said.",
    ],
)
def test_sentences_that_begin_with_a_heading_word_stay(line):
    assert clean_paragraphs(["First paragraph of the article.", line], "en") == [
        "First paragraph of the article.", line]


def test_a_heading_before_any_article_text_does_not_cut_the_article():
    assert clean_paragraphs(["Tin mới", "NATO điều thêm 700 binh sĩ tới Kosovo."], "vi") == [
        "NATO điều thêm 700 binh sĩ tới Kosovo."]


def test_a_sentence_starting_like_a_heading_is_article_text():
    """"More from Reuters" is a block's heading; "More from the ministry:" opens the article's next quote."""
    from monitor.parse.boilerplate import clean_paragraphs, is_related_heading

    assert is_related_heading("More from Reuters") and is_related_heading("More in World News")
    assert not is_related_heading("More from the ministry:")
    assert not is_related_heading("More in store for KFOR.")
    paragraphs = ["KFOR said 700 troops would arrive.", "More from the ministry:", "The ministry said more."]
    assert clean_paragraphs(paragraphs) == paragraphs


def test_more_from_a_desk_or_section_of_the_outlet_is_a_related_block():
    """"More from the Balkans desk:" heads a block of other stories' headlines, as "More from Reuters" does; a
    desk's quote ("More from the defence team: ...") longer than a heading is still the article's."""
    from monitor.parse.boilerplate import clean_paragraphs, is_related_heading

    for heading in ("More from the Balkans desk:", "More from our newsroom", "More in this section",
                    "More from the Europe team"):
        assert is_related_heading(heading), heading
    assert not is_related_heading("More from the ministry:")
    paragraphs = ["Voting in the north passed without incident.", "-----", "More from the Balkans desk:",
                  "- NATO sends more troops to Kosovo as tensions flare"]
    assert clean_paragraphs(paragraphs) == paragraphs[:2]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up here.",
        "Subscribe now",
        "(Reporting by Ana Petrovic in Belgrade; Editing by John Stone)",
        "Reporting by Ana Petrovic; Writing by Mark Hill; Editing by John Stone",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        "Purchase Licensing Rights, opens new tab",
        "Minh Anh (Theo Reuters, AFP)",
        "(Theo TTXVN)",
    ],
)
def test_credit_and_furniture_lines_dropped(line):
    assert clean_paragraphs(["KFOR said 500 troops would arrive.", line, "The mission began in 1999."], "en") == [
        "KFOR said 500 troops would arrive.",
        "The mission began in 1999.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting from Pristina, she said the mood was tense.",
        "Editing the law took two years, the minister said.",
        "The police (source: the ministry) said two officers were hurt in the attack near the crossing on Monday.",
        # a short news line that ends with its source, names an agency or opens with a label is the article's
        "Mỹ gửi thêm 200 binh sĩ tới Kosovo (Theo Reuters)",
        "KFOR sends 700 troops (source: NATO).",
        "Support for the mission is high, according to a survey by AP/NORC.",
        "Video: KFOR soldiers patrol near the Ibar bridge as NATO prepares to send 700 more troops to Kosovo after "
        "the clashes in Zvecan, officials said on Monday evening.",
        "Register for the briefing: NATO will send 700 troops to Kosovo.",
    ],
)
def test_sentences_that_look_like_credits_stay(line):
    assert clean_paragraphs(["First paragraph of the article.", line], "en") == [
        "First paragraph of the article.", line]


@pytest.mark.parametrize(
    "line",
    [
        "[2/5] Kosovo police officers stand guard near the bridge in Mitrovica, May 29. REUTERS/Ognen Teofilovski",
        "Serbian soldiers at a checkpoint near the boundary. AP Photo/Darko Vojinovic",
        "KFOR troops guard the town hall in Zvecan. AFP/Armend Nimani Purchase Licensing Rights",
        "Photo: KFOR soldiers carry an elderly woman to an amphibious vehicle during floods in the west. (KFOR)",
        "Ảnh: Binh sĩ KFOR tuần tra ở miền bắc Kosovo.",
    ],
)
def test_gallery_agency_and_labelled_captions_dropped(line):
    assert is_caption(line)
    assert clean_paragraphs(["Đoạn một của bài viết.", line], "en") == ["Đoạn một của bài viết."]


def test_captions_glued_to_the_lead_without_a_space_or_with_a_bare_credit():
    assert clean_paragraphs([
        "Lãnh đạo các nước Tây Balkan tại hội nghị ở Brussels. (Ảnh: AFP)TG&VN. Hơn hai thập kỷ sau hội nghị "
        "Thessaloniki, tiến trình mở rộng vẫn còn nhiều trở ngại.",
    ], "vi") == ["Hơn hai thập kỷ sau hội nghị Thessaloniki, tiến trình mở rộng vẫn còn nhiều trở ngại."]
    assert clean_paragraphs([
        "Police fire tear gas near the bridge in Mitrovica on Saturday. Photo: Reuters Twelve people, including "
        "five police officers, were injured in the clashes.",
    ], "en") == ["Twelve people, including five police officers, were injured in the clashes."]
    # a credit followed by punctuation is not a lead glued to a caption
    para = "The photo was taken near Zvecan. (Photo: KFOR). It shows soldiers at the town hall, officials said."
    assert clean_paragraphs([para], "en") == [para]


def test_copyright_glued_to_the_last_paragraph_is_cut():
    assert clean_paragraphs([
        "Italy has about 1,000 troops in UNIFIL. ALL RIGHTS RESERVED © Copyright ANSA",
        "© 2025 Example News. All rights reserved.",
    ], "en") == ["Italy has about 1,000 troops in UNIFIL."]
    para = "The court heard a copyright case brought by a Pristina publisher against the ministry."
    assert clean_paragraphs([para], "en") == [para]


@pytest.mark.parametrize(
    ("para", "expected"),
    [
        ("VnExpress - Một cảnh sát Kosovo bị thương.", "Một cảnh sát Kosovo bị thương."),
        ("QĐND Online - Khoảng 500 quân nhân đã lên đường.", "Khoảng 500 quân nhân đã lên đường."),
        ("BUCHAREST/BUDAPEST, May 19 – NATO has activated part of its reserve force.",
         "NATO has activated part of its reserve force."),
        ("LJUBLJANA, 12 December (STA) - The government extended the mission.", "The government extended the mission."),
        ("Belgrade - Pristina talks resumed on Monday.", "Belgrade - Pristina talks resumed on Monday."),
    ],
)
def test_camel_case_and_online_outlets_and_dated_datelines(para, expected):
    assert clean_paragraphs([para], "vi") == [expected]


def test_an_outlet_named_again_only_in_a_credit_is_still_a_prefix():
    out = clean_paragraphs(["TTXVN - Ngày 12/3, tòa án đã phát lệnh bắt giữ.", "Các bên kêu gọi kiềm chế.",
                            "(Theo TTXVN)"], "vi")
    assert out == ["Ngày 12/3, tòa án đã phát lệnh bắt giữ.", "Các bên kêu gọi kiềm chế."]
    # named again in the text, it is a word of the article
    assert clean_paragraphs(["NATO - Serbia: quan hệ được cải thiện.", "NATO cho biết như vậy."], "vi")[0] == (
        "NATO - Serbia: quan hệ được cải thiện.")


@pytest.mark.parametrize(("line", "title"), [
    # a title with a photo's caption glued after it, no space between
    ("KFOR kỷ niệm 26 năm thực hiện sứ mệnh tại KosovoBinh sĩ các nước đóng góp quân cho KFOR dự lễ kỷ niệm tại trại "
     "Film City, Pristina, ngày 12/6. (Ảnh: KFOR)", "KFOR kỷ niệm 26 năm thực hiện sứ mệnh tại Kosovo"),
    ("NATO sends more troops to KosovoKFOR soldiers stand guard in Zvecan on May 30. REUTERS/Laura Hasani",
     "NATO sends more troops to Kosovo"),
    # a caption alone is no title, and a word with a capital inside ("McCarthy", "TikTok") is no junction
    ("Binh sĩ KFOR gặp ông McCarthy tại trại Bondsteel (Ảnh: KFOR)", ""),
    ("Clip lính KFOR đăng trên TikTok gây sốt (Ảnh: AFP)", ""),
    ("U.S. Senator DeSantis visits Camp Bondsteel REUTERS/Laura Hasani", ""),
    ("Lính KFOR dùng iPhone chụp ảnh tại KosovoBinh sĩ các nước tuần tra (Ảnh: KFOR)",
     "Lính KFOR dùng iPhone chụp ảnh tại Kosovo"),
    ("Binh sĩ KFOR tuần tra trên tuyến đường gần thị trấn Leposavic, miền Bắc Kosovo. (Nguồn: AFP) |", ""),
    ("Phó Tổng thư ký Nato Mircea Geoana (phải) gặp Đại diện đặc biệt của EU về Belgrade-Pristina, ngày 14/6. "
     "(Nguồn: NATO) |", ""),
])
def test_title_before_a_glued_caption(line, title):
    assert title_before_caption(line) == title
