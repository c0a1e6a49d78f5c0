"""Rules and changes of the thirteenth session (docs/questions.md): the grammar gate runs on
the questions chosen, not on every candidate."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import companion.generation.questions as questions_module
from companion.common.textutil import plain_text
from companion.generation.analysis import load_nlp
from companion.generation.questions.base import Candidate
from companion.lesson.model import Question
from tests.generated import lesson_from_text
from tests.test_blind_round_ten import _candidates

BROKEN = "Who bought the cocaine from claimed that he was there?"  # a preposition left hanging
SOUND = "Who opened the new library in Carterton?"


def _who(number: int, prompt: str, score: float) -> Candidate:
    question = Question(f"q{number}", "short_answer", prompt, answer=f"A{number}", source="rule:x")
    return Candidate(question, 0, "literal", score, f"a{number}", (0, number))


def test_a_chosen_question_the_gate_refuses_gives_way_to_the_next_one():
    chosen = questions_module.choose_questions(
        [[_who(1, BROKEN, 2.0), _who(2, SOUND, 1.0)]], [[]], 4
    )
    assert [q.prompt for q in chosen[0]] == [SOUND]


def test_the_gate_parses_only_the_rewrites_of_questions_chosen(monkeypatch):
    parsed: list[str] = []
    gate = questions_module.broken_texts

    def record(texts):
        texts = list(texts)
        parsed.extend(texts)
        return gate(texts)

    monkeypatch.setattr(questions_module, "broken_texts", record)
    one = [_who(1, SOUND, 2.0)]
    other = [_who(2, "Who chaired the meeting of the council?", 1.0)]
    # one question per passage: the second candidate of each passage is never chosen
    never = [_who(3, "Who led the march through the town?", 0.5)]
    chosen = questions_module.choose_questions([one + never, other], [[], []], 1)
    assert [[q.id for q in found] for found in chosen] == [["q1"], ["q2"]]
    assert sorted(parsed) == sorted([SOUND, "Who chaired the meeting of the council?"])


def test_a_verdict_is_kept_so_a_candidate_chosen_again_is_not_parsed_again(monkeypatch):
    candidates = [[_who(1, SOUND, 2.0)]]
    questions_module.choose_questions(candidates, [[]], 4)
    monkeypatch.setattr(
        questions_module, "broken_texts", lambda texts: (_ for _ in ()).throw(AssertionError)
    )
    assert [q.id for q in questions_module.choose_questions(candidates, [[]], 4)[0]] == ["q1"]


REASONS = """Strike hits the valley

Northern Rail cancelled forty trains across Yorkshire on Monday because of a strike by
its conductors.

Leeds City Council closed Kirkstall Road on Tuesday due to a burst water main under the
bridge.

Hundreds of homes in Otley lost power as a result of a fire at the electricity substation.

Network Rail shut the Aire Valley line at night so that engineers could replace the worn
rails.

Delays on the Wharfedale line were due to a signal failure near Guiseley station.

More people in the county die as a result of heatwaves than because of floods or storms.

The firm closed two of its factories in Bradford because of falling demand for steel.
"""


def _why(tmp_path, monkeypatch) -> dict[str, str]:
    found = _candidates(tmp_path, REASONS, monkeypatch)
    return {plain_text(q.prompt): str(q.answer) for q in found if q.kind == "open"}


def test_a_reason_said_plainly_gives_a_why_question_with_it_as_the_sample(tmp_path, monkeypatch):
    why = _why(tmp_path, monkeypatch)
    assert why == {
        "Using evidence from the passage, why did Northern Rail cancel forty trains across "
        "Yorkshire on Monday?": "Because of a strike by its conductors.",
        "Using evidence from the passage, why did Leeds City Council close Kirkstall Road "
        "on Tuesday?": "Due to a burst water main under the bridge.",
        "Using evidence from the passage, why did hundreds of homes in Otley lose power?": (
            "As a result of a fire at the electricity substation."
        ),
        "Using evidence from the passage, why did Network Rail shut the Aire Valley line at "
        "night?": "So that engineers could replace the worn rails.",
    }
    # not: "why were delays on the Wharfedale line?" ("due to" after "be"), "why do more
    # people die?" (a comparison), "why did the firm close ...?" (which firm?)


LOLLIPOP = """Long-serving lollipop lady retires after 30 years on the crossing

A lollipop lady who has worked on a school crossing patrol for 30 years has retired from
her post outside Marsh Lane Primary School.

Irene Dawson, 74, started the job in 1994 when her own grandchildren were pupils at the
school, and she has missed only four days of work since then.

Known to some as Grandma Lollipop, Mrs Dawson has outlasted seven prime ministers and
helped thousands of children cross the road safely in all weathers.

Throughout her final shift on Tuesday afternoon, teachers, parents and children brought
her flowers, cards and presents to say thank you.

The head teacher, Clare Whitby, organised a special assembly at which pupils sang songs
that they had written about the crossing.

Durham County Council has started to look for somebody to take over the patrol from the
start of the spring term in January.

The council pays patrol officers for ten hours a week during the school terms and gives
them a coat, a hat and the famous sign.

Mrs Dawson plans to spend more time with her eleven grandchildren and to travel to Spain
with her sister next summer.
"""


def _main_idea(tmp_path, text: str):
    lesson = lesson_from_text(tmp_path, text)
    found = [
        (i, q)
        for i, passage in enumerate(lesson.passages)
        for q in passage.questions
        if q.source == "rule:main-idea"
    ]
    return lesson, found


def test_the_lead_that_restates_the_headline_is_the_main_idea_against_three_details(tmp_path):
    lesson, found = _main_idea(tmp_path, LOLLIPOP)
    [(passage, question)] = found
    assert passage == len(lesson.passages) - 1  # asked once the whole article is read
    assert question.kind == "multiple_choice"
    assert question.prompt == "Which sentence best states the main idea of the article?"
    assert question.answer.startswith("A lollipop lady who has worked on a school crossing")
    assert question.evidence == question.answer and question.paragraph == 1
    assert len(question.choices) == 4 and question.answer in question.choices
    details = [c for c in question.choices if c != question.answer]
    # three details from three later paragraphs, none restating the headline
    assert all("lollipop lady" not in c.lower() and "retire" not in c.lower() for c in details)
    assert len({plain_text(c)[:20] for c in details}) == 3


def test_no_main_idea_item_when_the_lead_is_not_clear(tmp_path):
    # a lead that does not restate the headline
    other = LOLLIPOP.replace(
        "A lollipop lady who has worked on a school crossing patrol for 30 years has retired from\nher post",
        "Parents gathered early on Tuesday at the gates",
    )
    assert _main_idea(tmp_path, other)[1] == []
    # a first full sentence that cannot stand alone: a later sentence is never taken instead
    quoted = LOLLIPOP.replace(
        "A lollipop lady who has worked",
        "“I will miss the children,” said a lollipop lady who has worked",
    )
    assert _main_idea(tmp_path, quoted)[1] == []


def test_a_detail_that_leans_on_the_sentence_before_or_opens_with_a_dateline_is_no_option():
    from companion.generation.questions.main_idea import DATELINE

    assert DATELINE.match("NEW DELHI, Oct 13 Manju Wanniarachchi on Wednesday won gold.")
    assert DATELINE.match("LONDON (Reuters) - Shares fell.")
    assert not DATELINE.match("NASA scientists said the probe was lost.")
    assert not DATELINE.match("A lollipop lady has retired.")


ROUND_ONE = """Stela found at Uxmal

Archaeologist Diego Prieto said the stela was found in Uxmal, a Maya city in Mexico.

On the south-facing side, Prieto continued, the stela shows the image of a god with a
wide-brimmed headdress adorned with feathers.

Only Mr Abdu Katuntu (Bugweri County, FDC) has declared he will not contest the seat.

Instead, the three by two seating arrangement across the width of the coach will have
passengers facing the front of the Nairobi train.

We had issued a flash flood warning for Odisha on Monday morning.

Division II candidates in Rwanda passed 54, 214 times, or 21.5 percent of the total.

If that happens, Leeds City Council will close the Kirkstall Road bridge in March.

This image by the U.S. Forest Service showed the Delta Fire burning near Lakehead.

A couple of trucks remained burning Wednesday evening, Sept. 5, 2018 on Interstate 5 north
of Redding.

At least one student has died as a result of a violent clash with police and several
campuses have been shut.
"""


def test_round_one_faults_are_not_asked(tmp_path, monkeypatch):
    found = _candidates(tmp_path, ROUND_ONE, monkeypatch)
    evidence = " ".join(q.evidence for q in found)
    prompts = [q.prompt for q in found]
    assert not any(q.prompt.startswith("Who continued") for q in found), prompts
    for words in (
        "Bugweri County, FDC",  # a gap inside brackets
        "three by two seating",  # "Instead, ...": instead of what?
        "flash flood warning",  # "We" with nobody named
        "54, 214 times",  # a figure broken in two
        "If that happens",  # what the sentence before said
        "This image by",  # a caption
        "Sept. 5, 2018",  # a caption's full date
    ):
        assert words not in evidence, (words, prompts)
    assert not any(q.kind == "open" and "campuses" in str(q.answer) for q in found), prompts


def test_a_statement_without_a_verb_with_a_tense_is_refused():
    from companion.generation.questions.grammar import broken_texts

    fragment = "In the archaeological site of Uxmal, a Maya stela depicting a god."
    assert fragment in broken_texts([fragment])
    assert broken_texts(["A Maya stela depicting a god was found at Uxmal."]) == {}


def test_a_family_name_the_article_uses_alone_is_the_surname():
    from companion.generation.questions.base import surnames

    assert surnames("Yuen Kuan Moon", {"Yuen Kuan Moon", "Yuen"}) == set()  # not "Moon"
    assert surnames("Yuen Kuan Moon") == {"Moon"}
    assert surnames("Chris Coughlan", {"Chris Coughlan", "Coughlan"}) == {"Coughlan"}


WARDENS = """Wardens warn boaters

Game wardens with the Department of Natural Resources often focus on people hunting without
a license.

Eurasian Water Milfoil and Zebra Mussels could threaten lakes here in Western Wisconsin.

The invasive species were first found in Lake Wissota near Chippewa Falls in 2011.
"""


def test_no_gap_for_a_place_named_with_a_compass_word(tmp_path, monkeypatch):
    found = _candidates(tmp_path, WARDENS, monkeypatch)
    assert not any(str(q.answer) == "Western Wisconsin" for q in found), [q.prompt for q in found]
    assert any(q.kind == "cloze" for q in found)  # the article still gets its gaps


def test_who_said_copies_the_quotation_and_is_not_parsed_again(monkeypatch):
    parsed: list[str] = []
    gate = questions_module.broken_texts
    monkeypatch.setattr(
        questions_module, "broken_texts", lambda texts: gate(parsed.extend(texts) or parsed)
    )
    quote = "Who said, “Today's rate is higher than when the LNP was elected”?"
    who = _who(1, quote, 2.0)
    who.question.source = "rule:quote-who"
    chosen = questions_module.choose_questions([[who]], [[]], 4)
    assert [q.prompt for q in chosen[0]] == [quote] and parsed == []


ROUND_TWO = """Wreck found in Lake Michigan

Historians Brendon Baillod and Robert Jaeck found the schooner Trinidad in Lake Michigan.

"The wreck is among the best-preserved shipwrecks in Wisconsin waters with her deck-house
still intact," Brendon Baillod and Robert Jaeck said in a statement on Thursday.

The river is a source of raw water for the Sungai Selangor phases one, two and three
treatment plants, which had to close on Monday.

Saudi Arabia earns billions from Hajj, while also reinforcing its stature as Custodian of
the Two Holy Mosques in Mecca and Medina.

After the first quarter, the Nairobi market has been on a sustained path, thanks to banking
stocks and Safaricom shares.
"""


def test_round_two_faults_are_not_asked(tmp_path, monkeypatch):
    found = _candidates(tmp_path, ROUND_TWO, monkeypatch)
    prompts = [q.prompt for q in found]
    assert not any(q.prompt.startswith("Who said") for q in found), prompts  # two speakers
    assert not any(str(q.answer) in ("three", "Custodian of") for q in found), prompts
    assert not any("has not been on a sustained path" in q.prompt for q in found), prompts
    assert any("Nairobi market" in q.prompt for q in found), prompts  # the sentence still serves


def test_no_sentence_ends_on_a_bare_word():
    from companion.generation.analysis import analyse

    text = (
        "Navy Motor Machinist's Mate 1st Class John E. Anderson of Wilmar was in a landing"
        " craft on June 6, 1944. He was 22."
    )
    sentences = [s.text for s in analyse([text]).sentences]
    assert sentences[0].startswith("Navy Motor") and sentences[0].endswith("1944.")
    assert sentences[1] == "He was 22."


def test_a_main_idea_option_never_opens_with_whose():
    from companion.generation.questions.base import leans_on_context
    from companion.generation.questions.main_idea import _plain

    nlp = load_nlp()
    builder = SimpleNamespace(
        usable=lambda s: True, antecedent=lambda t: "", leans=lambda s: leans_on_context(s)
    )
    his = nlp("His plane touched down shortly at 4.30pm, ahead of schedule, at the airport.")
    the = nlp("The plane touched down shortly at 4.30pm, ahead of schedule, at the airport.")
    assert not _plain(builder, his[:], 10, 40)
    assert _plain(builder, the[:], 10, 40)


ROUND_THREE = """Talks in Myanmar

Chinese foreign ministry spokesperson Mao Ning spoke to reporters in Beijing on Monday.

“China has been working tirelessly to stop the war and promote talks among the parties in
Myanmar,” Ministry spokesperson Mao Ning said.

Mao said there had been a marked decline in the number of clashes in northern Myanmar.

Education CS Ezekiel Machogu promised to restore the full capitation grant to schools.

Councillor Sue Coakley spearheaded the fight to keep the Lechlade library open.

The hardware store will host a retirement sale until the official closing in March.

For the first time in decades the town centre of Bingley was free of congestion.
"""


def test_round_three_faults_are_not_asked(tmp_path, monkeypatch):
    found = _candidates(tmp_path, ROUND_THREE, monkeypatch)
    prompts = [q.prompt for q in found]
    [who] = [q for q in found if q.prompt.startswith("Who said")]
    assert who.answer == "Mao Ning" and who.accept == ["Mao"]  # never "Ning"
    assert not any(str(q.answer).startswith("CS ") for q in found), prompts
    negated = [q.prompt for q in found if q.kind == "true_false" and q.answer == "false"]
    assert not any("until" in p or "first time" in p for p in negated), negated


def test_a_key_with_a_title_also_accepts_the_bare_name():
    from companion.generation.questions.base import _without_title

    assert _without_title("Cllr Sue Coakley") == ["Sue Coakley"]
    assert _without_title("Sue Coakley") == []
    assert _without_title("Mr Smith") == []  # a surname alone is no answer by itself


@pytest.mark.parametrize(
    ("kind", "label", "text", "fits"),
    [
        ("person", "PERSON", "investigation into the allegation of financial exploitation", False),
        ("person", "PERSON", "Yankees baseball operations", False),
        ("person", "PERSON", "chairman of North Tees and Hartlepool NHS Foundation Trust", True),
        ("person", "PERSON", "son of Ahmed Shah Masood and leader of the NRF", True),
        ("group", "ORG", "market leader in the mobile data segment in Kenya", False),
        ("group", "NORP", "Islamic holy warriors", True),
        ("group", "ORG", "group that vowed to continue the fight against the Taliban", True),
        ("place", "GPE", "several districts in Kedah, Perak, Kelantan and Terengganu", False),
        ("place", "LOC", "valley in northern Afghanistan", True),
    ],
)
def test_an_article_line_says_what_kind_of_thing_the_term_is(kind, label, text, fits):
    from companion.generation.definitions import fits_kind

    assert fits_kind(text, SimpleNamespace(kind=kind, label=label)) is fits


@pytest.mark.parametrize(
    "line",
    [
        "- Advertisement -",
        "AdvertisementAdvertise with NZME.",
        "Story continues below advertisement",
        "Article continues after this advertisement",
        "Hide Ad",
        "Popular in Africa",
        "FEATURED STORIES",
        "Listen to this article",
        "29th, 2024 5 min read",
        "RELATED | How to make a living kidney donation",
        "RELATED Sky-Gazing Forecast Center Intense Solar Eruption Captured by NASA",
    ],
)
def test_page_lines_reviewers_found_in_the_reading_text_are_removed(line):
    from companion.generation.importing import is_boilerplate

    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisers pulled out of the show.",
        "Popular demand kept the show open for a week.",
        "Related charities in the town raised £2,000.",
    ],
)
def test_story_lines_that_look_alike_stay(line):
    from companion.generation.importing import is_boilerplate

    assert not is_boilerplate(line)


def test_an_advertisement_slot_run_into_a_paragraph_is_cut():
    from companion.generation.newswire import clean_news

    cleaned = clean_news(
        [
            "Advertisement Hide AdAdvertisement Hide AdThe remote Farne Islands is one of the"
            " best places in the country to see puffins.",
            "Rangers count the birds every year to see how the colony is doing.",
        ]
    )
    assert cleaned.paragraphs[0].startswith("The remote Farne Islands")


NEWMAN = """Queensland election to be held on January 31: Premier Campbell Newman says poll 'most important in years'

Queenslanders will go to the polls on January 31, with Premier Campbell Newman saying an
early election is needed to provide certainty to the economy.

Mr Newman cut his holidays short and cancelled a trade mission to India to announce the
poll, which is being held two months earlier than scheduled.

He wants voters to judge the Liberal National Party (LNP) on its economic plan, which
includes privatising $33 billion worth of assets to reduce debt and build new
infrastructure.

Mr Newman believed Labor was in striking distance and if it prevailed the LNP's economic
gains would be lost.

"We cannot afford to go off track right now," he said.

Since winning 78 of the state's 89 seats in the 2012 election the LNP's fortunes have
dramatically changed, with polls now indicating it is neck-and-neck with Labor.

Also working against the LNP could be Mr Newman's perceived combative leadership style,
which he has been keen to overhaul since two by-election losses.

The Premier is at risk of losing his inner-Brisbane seat of Ashgrove to Labor's Kate Jones,
but he would not be drawn on who would lead the LNP if it won power but he lost his seat.

"I won't be winning Ashgrove if we don't win the state," Mr Newman said.

Prime Minister Tony Abbott would be welcomed by Mr Newman during the election, but only when
needed.

"I would see him being here if we have a particular announcement about some sort of federal
support," Mr Newman said.
"""


def test_a_bare_state_title_takes_the_one_country_only_where_its_paragraph_names_it(tmp_path):
    glossary = {e.term: e.definition for e in lesson_from_text(tmp_path, NEWMAN).glossary}
    assert "Premier of India" not in glossary.values(), glossary
