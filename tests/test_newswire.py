"""Wire-service and web junk in news text (companion.generation.newswire): each rule on a
short text, each with a counter-example that must be kept."""

from __future__ import annotations

import pytest

from companion.generation.newswire import clean_headline, clean_news

STORY = "Police charged three men on Saturday in a corruption case."


def cleaned(text: str) -> tuple[str, list[str]]:
    result = clean_news([text])
    return " ".join(result.paragraphs), result.removed


@pytest.mark.parametrize(
    ("raw", "junk"),
    [
        (
            f"By Ransdell Pierson and Bill Berkrot NEW ORLEANS, April 2 (Reuters) - {STORY}",
            ["By Ransdell Pierson and Bill Berkrot", "NEW ORLEANS, April 2 (Reuters) -"],
        ),
        (
            f"By C.J. Kuncheria NEW DELHI, April 2 (Reuters) - {STORY}",
            ["By C.J. Kuncheria", "NEW DELHI, April 2 (Reuters) -"],
        ),
        (f"MANILA, Philippines — {STORY}", ["MANILA, Philippines —"]),
        (f"WASHINGTON - {STORY}", ["WASHINGTON -"]),
        (f"MURRIETA, Calif. — {STORY}", ["MURRIETA, Calif. —"]),
        (f"CIUDAD JUAREZ, Mexico (AP) - {STORY}", ["CIUDAD JUAREZ, Mexico (AP) -"]),
        (f"SEATTLE: {STORY}", ["SEATTLE:"]),
        (f"MONROVIA, Liberia–{STORY}", ["MONROVIA, Liberia–"]),
        (f"(Reuters) - {STORY}", ["(Reuters) -"]),
        (f"BISHKEK. April 29 (Interfax) - {STORY}", ["BISHKEK. April 29 (Interfax) -"]),
        (  # two cities, joined by a slash
            f"BRAZZAVILLE/ABUJA, Aug 25 (Reuters) - {STORY}",
            ["BRAZZAVILLE/ABUJA, Aug 25 (Reuters) -"],
        ),
        (f"ZURICH/NEW YORK, May 27 (Reuters) - {STORY}", ["ZURICH/NEW YORK, May 27 (Reuters) -"]),
        (
            f"By Abby Schultz and JeeYeon Park, CNBC.com {STORY}",
            ["By Abby Schultz and JeeYeon Park, CNBC.com"],
        ),
    ],
)
def test_bylines_and_datelines_are_removed(raw: str, junk: list[str]):
    text, removed = cleaned(raw)
    assert text == STORY
    assert sorted(removed) == sorted(junk)


@pytest.mark.parametrize(
    "kept",
    [
        "NASA said on Monday that the probe had landed.",  # capitals that are not a dateline
        "By the end of the year, prices had doubled.",  # "By" that is not a byline
        "The FBI - which had been watching - made no arrests.",
        "The FBI–which had been watching–made no arrests.",
        "US–China talks resumed on Monday.",
        "Heavy fighting broke out in Kabul: 12 people died.",
    ],
)
def test_story_openings_are_kept(kept: str):
    assert cleaned(kept) == (kept, [])


def test_a_name_in_capitals_with_no_dash_after_it_is_no_dateline():
    # nothing is removed; the place's name is written as a name
    assert cleaned("WASHINGTON was the first president.") == (
        "Washington was the first president.",
        [],
    )


def test_a_bullet_deck_and_an_editors_note_go():
    raw = (
        "* Study examines yoga's effect on heart rhythm * Patients urged to continue "
        f"treatment (Adds details, background) By Ann Lee LONDON, April 2 (Reuters) - {STORY}"
    )
    text, removed = cleaned(raw)
    assert text == STORY
    assert "(Adds details, background)" in removed
    assert any(r.startswith("* Study examines") for r in removed)


def test_a_summary_glued_before_a_dateline_goes_but_not_a_normal_sentence():
    raw = f"It calls for more research THURSDAY, March 31 (HealthDay News) - {STORY}"
    assert cleaned(raw)[0] == STORY
    kept = f"{STORY} Officials in the capital spoke to reporters."
    assert cleaned(kept) == (kept, [])


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "Bayer (BAYGn.DE: Quote, Profile, Research, Stock Buzz) fell 2 percent.",
            "Bayer fell 2 percent.",
        ),
        ("Johnson & Johnson (JNJ.N) fell.", "Johnson & Johnson fell."),
        ("Apple (NASDAQ: AAPL) rose.", "Apple rose."),
        ("It grew. (For a Q+A on the scandal, see [ID:nL3E7F11Z5]) It fell.", "It grew. It fell."),
        ("It grew. (Reporting by CJ Kuncheria; Editing by Jeremy Laurence)", "It grew."),
        (
            "It grew. © Copyright 2011 Associated Press. All rights reserved. This material may "
            "not be published, broadcast, rewritten, or redistributed.",
            "It grew.",
        ),
        (
            'He said ""Robin Hood is a composite character"" today.',
            'He said "Robin Hood is a composite character" today.',
        ),
        ("They stopped _ at least for now.", "They stopped — at least for now."),
        (  # a web page's prompts between two sentences
            'It is a step. Story continues below "You will not wait," she says.',
            'It is a step. "You will not wait," she says.',
        ),
        ("Watch this video. Advertisement Cameron wants more.", "Watch this video. Cameron wants more."),
        ("Targets are $85: Click to Enlarge The week ahead is quiet.", "Targets are $85: The week ahead is quiet."),
        ("It hit in 1994. Scroll down for video Saturn's rings ripple.", "It hit in 1994. Saturn's rings ripple."),
        # the word itself inside a sentence stays
        ("The Advertisement Standards Authority ruled.", "The Advertisement Standards Authority ruled."),
    ],
)
def test_junk_inside_the_text_goes(raw: str, clean: str):
    assert cleaned(raw)[0] == clean


@pytest.mark.parametrize(
    "kept",
    [
        "Non-Alcoholic Fatty Liver Disease (NAFLD) is common.",  # an acronym is not a ticker
        "Google (GOOG) shares rose.",  # a bare ticker could be an acronym: kept
        "The report (published in 2011) was long.",
        "Copyright law changed in 1998, the court said.",
    ],
)
def test_brackets_and_words_that_are_not_junk_stay(kept: str):
    assert cleaned(kept)[0] == kept


@pytest.mark.parametrize(
    ("tail", "junk"),
    [
        (
            "Ty Burr can be reached at tburr@globe.com.",
            "Ty Burr can be reached at tburr@globe.com.",
        ),
        ("Follow us on Twitter.", "Follow us on Twitter."),
        ("More information", "More information"),
        ("Enditem", "Enditem"),
        (
            "The BBC is not responsible for the content of external sites.",
            "The BBC is not responsible for the content of external sites.",
        ),
        (
            "Download the FOX 29 Weather Authority App to keep up with the latest forecast.",
            "Download the FOX 29 Weather Authority App to keep up with the latest forecast.",
        ),
        (
            "For more information on where the comet will be, visit The Sky Live.",
            "For more information on where the comet will be, visit The Sky Live.",
        ),
    ],
)
def test_contact_lines_and_dangling_links_at_the_end_go(tail: str, junk: str):
    text, removed = cleaned(f"{STORY} {tail}")
    assert text == STORY and junk in removed


def test_a_question_before_contact_lines_goes_too_but_not_a_closing_question():
    raw = f"{STORY} Do you have a story? Call the desk on 0207 938 6364."
    assert cleaned(raw)[0] == STORY
    kept = f"{STORY} Will they ever come back?"
    assert cleaned(kept) == (kept, [])


def test_a_capitalised_subhead_starts_a_paragraph_with_a_heading():
    result = clean_news([f"{STORY} SIGNIFICANT IMPACT The new rules start in May."])
    assert result.paragraphs == [STORY, "The new rules start in May."]
    assert result.headings == {1: "Significant impact"}
    kept = clean_news([f"{STORY} The NATO USA talks began."])
    assert kept.paragraphs == [f"{STORY} The NATO USA talks began."]


def test_headings_follow_their_paragraphs_when_a_paragraph_is_removed():
    result = clean_news(["(Reuters) -", STORY, "It grew."], {1: "Money"})
    assert result.paragraphs == [STORY, "It grew."]
    assert result.headings == {0: "Money"}
    result = clean_news([STORY, "© Copyright 2011 AP.", "It grew."], {1: "Money"})
    assert result.paragraphs == [STORY, "It grew."]
    assert result.headings == {1: "Money"}


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("UPDATE 1-India ex-minister charged", "India ex-minister charged"),
        ("UPDATE 2: Stocks fall", "Stocks fall"),
        ("Update on the floods", "Update on the floods"),
    ],
)
def test_wire_tags_leave_headlines(title: str, clean: str):
    assert clean_headline(title)[0] == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "The mayor spoke. (Photo: Ann Lee/City Hall) Crowds cheered.",
            "The mayor spoke. Crowds cheered.",
        ),
        ("The mayor spoke REUTERS/Kevin Lamarque to crowds.", "The mayor spoke to crowds."),
    ],
)
def test_photo_credits_go(raw: str, clean: str):
    assert cleaned(raw)[0] == clean


def test_a_photo_word_in_the_story_stays():
    kept = "The photo, taken in 1972, shows the crater from above."
    assert cleaned(kept) == (kept, [])


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Serena Williams poses with the trophy in Singapore. (Wallace Woon / EPA)", STORY],
        ["Serena Williams poses with the trophy in Singapore.", "(Wallace Woon / EPA)", STORY],
        ["Artist’s impression of the dinosaur's final moments. Credit: PA", STORY],
        ["This radar image of the asteroid was taken on Nov. 7. (NASA/Caltech)", STORY],
        ["Jars found in a new tomb outside Luxor. Photograph: AP/Supreme Council of Antiquities",
         STORY],
    ],
)
def test_a_caption_goes_with_its_credit(paragraphs: list[str]):
    result = clean_news(paragraphs)
    assert result.paragraphs == [STORY]
    assert result.removed[0].startswith(paragraphs[0][:20])


def test_a_slash_or_a_credit_word_in_the_story_stays():
    kept = [STORY, "The vote (yes/no) was close.", "He gave credit to the nurses (and NASA)."]
    assert clean_news(kept).paragraphs == kept


def test_a_byline_on_its_own_line_goes_and_the_dateline_below_it():
    result = clean_news(["- BY OLGA R. RODRIGUEZ", f"SAN FRANCISCO — {STORY}"])
    assert result.paragraphs == [STORY]
    assert result.removed == ["- BY OLGA R. RODRIGUEZ", "SAN FRANCISCO —"]


def test_short_lines_above_a_dateline_go_but_not_a_story_paragraph():
    deck = "Council president says focus needs to be on making money"
    byline = "By Ann Lee - Digital news editor, Bo Park - Reporter"
    result = clean_news([deck, byline, f"DETROIT - {STORY}", "More text."])
    assert result.paragraphs == [STORY, "More text."]
    assert result.removed == [deck, byline, "DETROIT -"]
    long_story = " ".join(["The council met for hours and argued about the budget."] * 14)
    kept = clean_news([long_story, f"DETROIT - {STORY}"]).paragraphs
    assert kept[0] == long_story


@pytest.mark.parametrize(
    ("head", "junk"),
    [
        (  # a caption, a byline, the writer's job and a date above the story
            [
                "President Obama signed the bill in the East Room after a speech.",
                "By Scott Wilson",
                "Washington Post Staff Writer",
                "Wednesday, March 24, 2010",
            ],
            4,
        ),
        (["By AFP–Global Times Source:AFP-Global Times Published: 2013-9-23 23:53:01"], 1),
        (["By Matthew Knight for CNN", "• Scientists discover dozens of new species"], 2),
        (["Burglar Scott McLeod"], 1),  # a picture's label
        (["High profile: Author Terry Pratchett has been raising awareness"], 1),
        (["By our Europe correspondent Brussels, Tuesday 22 March 2016"], 1),  # no name
        (["By a racing correspondent at Aintree Sat 10 Apr 2021 17.45 BST"], 1),
        (["Staff Reporter Harare, Thursday 30 July 2015"], 1),  # where and when
        (["Lisbon, March 3, 2014"], 1),
    ],
)
def test_the_head_of_a_news_page_goes(head: list[str], junk: int):
    result = clean_news([*head, STORY, "More text."])
    assert result.paragraphs[-2:] == [STORY, "More text."]
    assert len(result.paragraphs) == 2
    assert len(result.removed) == junk


def test_story_lines_and_late_subheadings_stay():
    paragraphs = [
        "A terrified woman watched as a crook raided her home.",
        "The victim had recently come out of hospital, police said.",
        "Watch the unveiling ceremony:",
        "Teesside Crown Court",
        STORY,
    ]
    assert clean_news(paragraphs).paragraphs == paragraphs


def test_the_dashes_left_of_a_dateline_go_with_the_deck_above_them():
    deck = "As the president made his way down the parade route, the Senate got to work."
    result = clean_news([deck, f"— -- {STORY}", "More text."])
    assert result.paragraphs == [STORY, "More text."]
    assert result.removed == [deck, "— --"]


def test_a_long_caption_above_a_dateline_goes():
    caption = " ".join(["Gleyse Kelly da Silva holds her daughter in their house in Recife."] * 8)
    result = clean_news([caption, f"GENEVA — {STORY}"])
    assert result.paragraphs == [STORY]
    assert result.removed == [caption, "GENEVA —"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Media playback is unsupported on your device Media captionFans: New play is great", STORY],
        ["Image copyright Manuel Harlan Image caption Fans posed outside the theatre", STORY],
        ["Image caption,", "A beaver makes its way to the water after a licensed release", STORY],
        ["Beaver on the bank going into the water.Image source, PA Media", STORY],
    ],
)
def test_the_bbc_labels_of_a_picture_or_a_video_go_with_their_caption(paragraphs: list[str]):
    result = clean_news(paragraphs)
    assert result.paragraphs == [STORY]
    assert len(result.removed) == len(paragraphs) - 1


def test_a_caption_label_keeps_the_story_sentence_after_it():
    result = clean_news(["Image caption,", STORY])
    assert result.paragraphs == [STORY]  # a full stop: story, not a caption


def test_the_bbc_link_mark_goes_but_the_word_external_stays():
    text, removed = cleaned('The paper was criticised for a tweet about Adele, external.')
    assert text == "The paper was criticised for a tweet about Adele."
    assert removed == [", external"]
    kept = "The panel reviewed internal, external and financial risks."
    assert cleaned(kept) == (kept, [])


def test_old_wire_quotation_marks_become_curly_ones():
    text, _ = cleaned("He said the strike was a ``last resort'' for teachers.")
    assert text == "He said the strike was a “last resort” for teachers."
    assert cleaned("It was the students' teachers' choice.")[0] == (
        "It was the students' teachers' choice."
    )


def test_an_embedded_post_goes_but_a_story_about_a_post_stays():
    post = (
        "TfL has today informed Uber that it will not be issued with a private hire operator"
        " licence. pic.twitter.com/nlYD0ny2qo — Transport for London (@TfL) September 22, 2017"
    )
    result = clean_news([STORY, post, "Uber said it would appeal."])
    assert result.paragraphs == [STORY, "Uber said it would appeal."]
    assert post in result.removed
    about = "Transport for London said on Twitter that Uber would not get a licence."
    assert clean_news([STORY, about]).paragraphs == [STORY, about]


def test_a_promotion_inside_the_story_is_not_a_tail():
    middle = "For more information, residents should visit the council office in person."
    result = clean_news([middle, STORY])
    assert result.paragraphs == [middle, STORY]


def test_the_bbc_time_stamp_follow_line_and_share_buttons_go():
    result = clean_news(
        [
            "- Published Birmingham Museum and Art Gallery is to partially reopen in October.",
            STORY,
            "Follow BBC Birmingham on Facebook, X and Instagram. Send your story ideas to:"
            " news@bbc.co.uk",
            "Related topics",
            "- Published18 November 2022",
            "Share to Facebook Share to Twitter Share to Email",
        ]
    )
    assert result.paragraphs == [
        "Birmingham Museum and Art Gallery is to partially reopen in October.",
        STORY,
    ]
    assert "- Published" in result.removed
    kept = "Fans follow the team on Twitter and Facebook, the club said."
    assert clean_news([STORY, kept]).paragraphs == [STORY, kept]


def test_a_caption_with_a_pic_credit_goes():
    caption = (
        "This photo obtained July 14, 2015 from NASA shows Pluto's Charon-facing hemisphere."
        " Pic/AFP"
    )
    result = clean_news([STORY, caption, STORY])
    assert result.paragraphs == [STORY, STORY] and caption in result.removed


def test_a_row_of_links_with_arrows_at_the_end_goes():
    result = clean_news(
        [
            STORY,
            "Talk to us > Give us your news tips. >",
            "Send us a letter to the editor. > More Herald contact information.",
        ]
    )
    assert result.paragraphs == [STORY]


def test_a_link_teaser_glued_to_the_end_of_a_paragraph_goes():
    """ "... until dawn. Read more: How the club was nearly relegated": another page's
    headline pasted on the end; the paragraph's own sentences stay, and a "Read more"
    inside the story's words (no label's colon) is left alone."""
    cleaned = clean_news(
        [
            "Fans celebrated in the streets until dawn. Read more: How the club was nearly "
            "relegated",
            "The mayor said he would read more about the club's history this summer.",
        ]
    )
    assert cleaned.paragraphs[0] == "Fans celebrated in the streets until dawn."
    assert cleaned.removed == ["Read more: How the club was nearly relegated"]
    assert cleaned.paragraphs[1].endswith("history this summer.")
