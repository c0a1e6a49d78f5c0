"""Rules written in the tenth session from the blind reviewers' verdicts on unseen news
(docs/glossary.md, docs/questions.md, docs/passages.md): each with a counter-example that
must be kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import companion.generation.questions as questions_module
from companion.generation.newswire import clean_news
from companion.generation.questions.base import Candidate
from companion.generation.questions.truefalse import _bare_role
from companion.generation.senses import everyday_compound
from companion.lesson.model import Question
from tests.generated import lesson_from_text
from tests.test_glossary import _glossary

STORY = (
    "The first boatload of people fleeing a volcano has reached a neighbouring island,"
    " officials said on Friday."
)


@pytest.mark.parametrize(
    "word", ["classmate", "checkpoint", "snowfall", "footfall", "backroom", "heartbreaking"]
)
def test_a_compound_of_two_everyday_words_is_no_glossary_word(word: str):
    assert everyday_compound(word)


@pytest.mark.parametrize(
    "word", ["docking", "stealthy", "fortnight", "proton", "antitrust", "outset", "typhoon"]
)
def test_a_word_and_its_ending_or_a_prefix_is_no_compound(word: str):
    assert not everyday_compound(word)


def test_an_everyday_compound_gets_no_entry_a_rare_word_keeps_its_entry(tmp_path: Path):
    glossary = _glossary(
        tmp_path,
        "Police close road\n\nPolice set up a checkpoint on the road near the border on"
        " Monday, and the typhoon hit the coast on Tuesday.\n\nThe road opened again on"
        " Wednesday.",
    )
    assert "checkpoint" not in glossary
    assert "typhoon" in glossary


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The airline reported a shortfall of ten million dollars in its budget.", "shortfall"),
        ("The government has promised an end to austerity in next year's budget.", "austerity"),
    ],
)
def test_a_gloss_that_names_a_quality_not_a_thing_is_dropped(tmp_path: Path, text, term):
    glossary = _glossary(tmp_path, f"Budget news\n\n{text}\n\nThe minister spoke on Monday.")
    assert term not in glossary, glossary[term]


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("PORT VILA, 08 AUGUST 2018 (REUTERS) – " + STORY, "PORT VILA, 08 AUGUST 2018 (REUTERS) –"),
        ("LONDON, Oct. 3, 2018 (Reuters) - " + STORY, "LONDON, Oct. 3, 2018 (Reuters) -"),
        ("PARIS, 3 March (AFP) - " + STORY, "PARIS, 3 March (AFP) -"),
        ("NASA, 3 Things - " + STORY, None),
    ],
)
def test_a_dateline_may_give_the_day_first_or_the_year(lead: str, dateline):
    result = clean_news([lead, STORY])
    assert result.removed == ([dateline] if dateline else [])


def test_a_dateline_of_several_places_with_a_date_in_brackets_goes():
    lead = "LONDON, ENGLAND, UK (MAY 8, 2015) (REUTERS) – " + STORY
    assert clean_news([lead, STORY]).removed == ["LONDON, ENGLAND, UK (MAY 8, 2015) (REUTERS) –"]


def test_a_dateline_under_a_notice_a_repeated_headline_and_a_caption_starts_the_story():
    notice = (
        "This is AI generated summarization, which may have errors. For context, always"
        " refer to the full article."
    )
    caption = "Nia Ali wraps up a dominant performance for the USA, which finished atop the table"
    lead = "DOHA, Qatar – Sprint hurdler Nia Ali led a final day gold rush for the United States."
    result = clean_news(["Agence France-Presse", notice, "US bags 3 golds", caption, lead, STORY])
    assert result.paragraphs[0].startswith("Sprint hurdler Nia Ali led")
    assert caption in result.removed
    # lower down, a dash line that is no dateline leaves the story alone
    paragraphs = [STORY, STORY + " Again.", "More text here.", "And more.", "- Published18 May"]
    assert clean_news(paragraphs).paragraphs[0] == STORY


def _questions(tmp_path: Path, text: str):
    return [q for p in lesson_from_text(tmp_path, text).passages for q in p.questions]


def test_no_cloze_gap_leaves_half_a_name_at_the_start_or_before_its_number(tmp_path: Path):
    questions = _questions(
        tmp_path,
        "Planet found\n\nBeta Pictoris is a young Milky Way star surrounded by a dust disk,"
        " according to Nature magazine. Astronomers in Grenoble found a planet orbiting"
        " Beta Pictoris in 2019.\n\nIn a day of milestones, the benchmark Standard & Poor's"
        " 500 stock index closed above 2200 for the first time ever.",
    )
    prompts = [q.prompt for q in questions if q.kind == "cloze"]
    assert not any("Beta _" in p or "_'s 500" in p for p in prompts), prompts


def test_no_cloze_answer_cut_at_its_opening_quotation_mark(tmp_path: Path):
    questions = _questions(
        tmp_path,
        "Volcano erupts\n\nIndonesia, a vast island nation of 235 million people, straddles a"
        " series of fault lines and volcanoes known as the Pacific “Ring of Fire” and is prone"
        " to earthquakes.\n\nExplosions from Mount Merapi, in central Java, have killed 38"
        " people in the past week.",
    )
    answers = [q.answer for q in questions if q.kind == "cloze"]
    assert not any("“" in a or "”" in a for a in answers), answers
    assert "Mount Merapi" in answers or "38" in answers


def test_a_led_to_sample_answer_starts_at_its_subject(tmp_path: Path, monkeypatch):
    found = []
    select = questions_module.select

    def record(per_passage, limit):
        found.extend(c.question for candidates in per_passage for c in candidates)
        return select(per_passage, limit)

    monkeypatch.setattr(questions_module, "select", record)
    _questions(
        tmp_path,
        "Flu clinics close\n\nClinics across the state closed on Monday as vaccine ran short."
        " Officials said more vaccine was coming.\n\nBut this year, the combination of an"
        " early start and huge demand has led to spot shortages.",
    )
    samples = [q.answer for q in found if q.source == "rule:open-led-to"]
    assert samples == [
        "The combination of an early start and huge demand has led to spot shortages."
    ]


@pytest.mark.parametrize(
    ("speaker", "bare"),
    [
        ("Chief conductor and artistic director", True),
        ("Angus Houston", False),
        ("the chief conductor", False),
        ("Reuters", False),
        ("Chief conductor Nicholas Milton", False),
    ],
)
def test_a_speaker_that_is_a_role_without_its_name_is_refused(speaker: str, bare: bool):
    assert _bare_role(speaker) is bare


def test_a_british_spelling_counts_the_tags_of_the_american_one(tmp_path: Path):
    glossary = _glossary(
        tmp_path,
        "Ferry cancelled\n\nOne Poole-bound traveller told the paper she learned of the"
        " cancellation while in her car.\n\nThe company apologised on Monday.",
    )
    assert "traveller" not in glossary


def test_an_event_wordnet_lists_as_a_kind_is_no_entry(tmp_path: Path):
    glossary = _glossary(
        tmp_path,
        "Team named\n\nThe coach named his squad for the World Cup in Qatar on Monday, and the"
        " Olympic Games follow next year.\n\nThe squad flies out in May.",
    )
    assert "World Cup" not in glossary and "Olympic Games" not in glossary


def _cloze(number: int, source: str = "rule:cloze") -> Candidate:
    question = Question(
        f"q{number}", "cloze", f"Gap {number} _.", answer=f"A{number}", source=source
    )
    return Candidate(question, 0, "cloze", 1.0 - number / 10, f"a{number}", (0, number))


def test_a_passage_of_only_clozes_keeps_a_third_rather_than_two_questions():
    chosen = questions_module.select([[_cloze(1), _cloze(2), _cloze(3), _cloze(4)]], 4)
    assert [q.id for q in chosen[0]] == ["q1", "q2", "q3"]


def test_a_passage_with_other_kinds_keeps_two_of_one_kind():
    true_false = Question("t1", "true_false", "True or false: X.", answer="true")
    statement = Candidate(true_false, 0, "true_false", 0.5, "tf:x", (0, 9))
    chosen = questions_module.select([[_cloze(1), _cloze(2), _cloze(3), statement]], 4)
    assert sorted(q.id for q in chosen[0]) == ["q1", "q2", "t1"]
