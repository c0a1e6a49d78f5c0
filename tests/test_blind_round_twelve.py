"""Rules written in the twelfth session (docs/questions.md): "Who said ...?" for the
sentences of a quotation that runs over several sentences, and three sentence checks that
refused good sentences. Each with a counter-example that must be kept out."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from companion.common.textutil import plain_text
from companion.generation.analysis import load_nlp
from companion.generation.glossary import circular
from companion.generation.questions.base import copied_slip, glued, usable_sentence
from tests.test_blind_round_ten import _candidates
from tests.test_glossary import _glossary

QUOTES = """Bus fares rise across the valley

Bus fares in Wheatfield will rise by 20p from next month, the operator said on Monday.

Dana Whitlock, 27, from Marsh Lane, said: “It’s ridiculous. I think the fare is too
expensive already. It costs me two pounds to get to the college every morning.”

Oliver Brandt, the operator's regional director, said the increase would pay for new buses.
“We have not changed our prices for three years. We now need to meet the rising cost of fuel
and wages,” said Mr Brandt.

The painter Edgar Lunn made the station's famous mural in 1931. “Lunn was one of the finest
artists of his time. It is a great joy to see his work restored,” he said.

Cllr Pryce said: ‘The new buses will make a very welcome difference to the whole town.

The council has called for “an end to the endless delays on the valley road.
"""


def _who_said(tmp_path, monkeypatch) -> dict[str, str]:
    found = _candidates(tmp_path, QUOTES, monkeypatch)
    return {plain_text(q.prompt): str(q.answer) for q in found if q.prompt.startswith("Who said")}


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        # the sentence that opens the quotation, after its named speaker
        ("I think the fare is too expensive already", None),  # (the middle one: below)
        ("We have not changed our prices for three years", "Oliver Brandt"),
        # the sentence that closes it, before "said Mr Brandt"
        ("We now need to meet the rising cost of fuel and wages", "Oliver Brandt"),
        # a sentence in the middle, of the speaker who opened it
        ("It costs me two pounds to get to the college every morning", "Dana Whitlock"),
    ],
)
def test_who_said_a_sentence_of_a_quotation_over_several_sentences(
    tmp_path, monkeypatch, quote, speaker
):
    asked = _who_said(tmp_path, monkeypatch)
    if speaker is None:
        speaker = "Dana Whitlock"
    assert asked.get(f"Who said, “{quote}”?") == speaker, asked


def test_no_who_said_for_he_who_is_named_only_inside_the_quotation(tmp_path, monkeypatch):
    asked = _who_said(tmp_path, monkeypatch)
    assert "Edgar Lunn" not in asked.values(), asked  # he never speaks: the quotation is about him


def test_no_who_said_for_a_title_and_a_surname_or_a_phrase_quoted_mid_sentence(
    tmp_path, monkeypatch
):
    asked = _who_said(tmp_path, monkeypatch)
    assert not any("welcome difference" in prompt for prompt in asked), asked  # "Cllr Pryce"
    assert not any("endless delays" in prompt for prompt in asked), asked


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("But Help for Heroes has hit back at the claims made by the court.", False),
        ("For the motion to go through, it must be approved by at least 234 MPs.", False),
        ("As he spoke, protesters played Things Can Only Get Better outside the gates.", False),
        ("Sales were all about the Crazycats Following pop stars on Twitter is popular.", True),
        ("The rivers were flooded in 1994 Scientists have traced the cause to the dams.", True),
    ],
)
def test_glued_sentences_but_not_names_titles_or_plural_acronyms(sentence, expected):
    span = next(load_nlp()(sentence).sents)
    assert glued(span) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The launch was described by the minister as an 'endorsement' of the programme.", False),
        ("The crowd admired even Bree' slight figure as she crossed the line.", True),
    ],
)
def test_a_word_in_single_quotes_is_no_lost_possessive(sentence, expected):
    span = next(load_nlp()(sentence).sents)
    assert copied_slip(span) is expected


LED_TO = (
    "Storms sweep the coast\n\nThe storm reached the coast on Friday evening. Torrential rain"
    " led to flooding in some parts while high winds tore hundreds of trees down.\n\nThe"
    " timetable changed in May. The change led to weeks of disruption on the network."
)


def test_a_led_to_sample_answer_stops_at_what_it_led_to(tmp_path, monkeypatch):
    found = _candidates(tmp_path, LED_TO, monkeypatch)
    asked = {plain_text(q.prompt): q.answer for q in found if q.source == "rule:open-led-to"}
    prompt = "Using evidence from the passage, what did torrential rain lead to?"
    assert asked.get(prompt) == "Flooding in some parts.", asked  # not the winds as well
    assert not any("the change" in p for p in asked), asked  # which change? (said before)


def test_no_sequence_event_for_who_hung_on_a_noun_further_back(tmp_path, monkeypatch):
    text = (
        "A prince opens a hospital wing\n\nPrince Oliver became president of the Harbour"
        " Hospital Trust in 2007. He followed in the footsteps of his mother Diana, Princess of"
        " Wales, who opened a children's unit at the hospital in 1993. Prince Oliver laid the"
        " foundation stone for the new wing in 2020.\n\nThe hospital was built by the town"
        " council in 1921. The wing opened to patients on Monday."
    )
    found = _candidates(tmp_path, text, monkeypatch)
    events = [e for q in found if q.kind == "sequence" for e in q.answer]
    assert "Prince Oliver became president of the Harbour Hospital Trust" in events, events
    assert not any("opened a children's unit" in e for e in events), events  # "The footsteps"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The sculpture being unveiled in the grounds of the town museum.", False),
        ("Send your story ideas to the newsroom by email today.", False),
        ("The sculpture was unveiled in the grounds of the museum on Friday.", True),
    ],
)
def test_no_question_from_a_caption_participle_or_an_order_to_the_reader(sentence, expected):
    span = next(load_nlp()(sentence).sents)
    assert usable_sentence(span) is expected


def test_she_said_is_never_a_person_the_article_does_not_quote_by_name(tmp_path, monkeypatch):
    text = (
        "A card for a centenarian\n\nThe King and Queen have sent out their first batch of"
        " birthday cards.\n\nAmong the first recipients was Ruth Okafor, a veteran of the"
        " Second World War who celebrated her 100th birthday on Oct. 21.\n\n“I was amazed"
        " when the card came this morning,” Okafor told the Daily Express.\n\nReflecting on"
        " the milestone, the veteran centenarian — who served in the navy when the late"
        " Queen’s father, King George VI, was on the throne — said the card had put her age"
        " into perspective.\n\n“I was serving under her father if you think about it,” she"
        " told the BBC."
    )
    asked = {
        plain_text(q.prompt): str(q.answer)
        for q in _candidates(tmp_path, text, monkeypatch)
        if q.prompt.startswith("Who said")
    }
    assert "George VI" not in asked.values(), asked
    assert asked.get("Who said, “I was amazed when the card came this morning”?") == (
        "Ruth Okafor"
    ), asked


COUNTS = (
    "Clashes in the capital\n\nDozens of people were killed in the capital on Friday, often"
    " in clashes with security forces. A total of 25 bus routes were cancelled on Tuesday"
    " morning. The exhibition explores a number of themes close to the artist's heart. The"
    " council approved the new wall in 2009 after a long debate."
)


def test_no_false_statement_that_denies_a_count(tmp_path, monkeypatch):
    statements = [
        plain_text(q.prompt)
        for q in _candidates(tmp_path, COUNTS, monkeypatch)
        if q.kind == "true_false" and q.answer == "false"
    ]
    assert not any(" not " in s and ("Dozens" in s or "total" in s) for s in statements)
    assert not any("number of themes" in s for s in statements), statements
    assert (
        "True or false: The council did not approve the new wall in 2009 after a long"
        " debate." in statements
    ), statements


def test_an_office_or_a_united_country_takes_the_after_of():
    from companion.generation.context_lines import with_the

    assert with_the("Scotland Office") == "the Scotland Office"
    assert with_the("United Kingdom") == "the United Kingdom"
    assert with_the("Netherlands") == "the Netherlands"
    assert with_the("Google") == "Google"
    assert with_the("India") == "India"


def test_a_role_of_an_office_reads_with_the(tmp_path):
    text = (
        "Minister quits\n\nScotland Office minister David Cairns has resigned from the"
        " government, saying the time has come for a debate.\n\nMr Cairns became a minister"
        " in 2007 and served for two years."
    )
    assert _glossary(tmp_path, text).get("David Cairns") == "minister of the Scotland Office"


def test_a_dash_gloss_keeps_its_hyphenated_word_and_a_rare_synonym_is_no_gloss(tmp_path):
    text = (
        "Waiting lists grow\n\nThe NHS last met the targets in 2016 for elective – or"
        " non-urgent – care, the report said. Cases of whooping cough (pertussis) rose"
        " sharply in the county this year, doctors said."
    )
    glossary = _glossary(tmp_path, text)
    assert glossary.get("elective") in (None, "non-urgent"), glossary
    assert glossary.get("whooping cough") != "pertussis", glossary


def test_a_negative_prefix_does_not_hide_a_circular_gloss():
    thing = SimpleNamespace(kind="word", is_name=False, forms=["irreversible"], lemma="irreversible")
    assert circular("incapable of being reversed", thing)
    assert not circular("impossible to undo or change back", thing)


def test_a_surname_two_people_share_is_not_accepted_alone(tmp_path, monkeypatch):
    text = (
        "A new station opens\n\nBradley Watson, 20, was among the first passengers at the"
        " new station in Blyth on Monday.\n\n“I don't drive so this will really help me get"
        " around the county,” Bradley Watson said.\n\n“It will make a big difference to young"
        " people in the town,” his mother Amanda Watson said on Monday."
    )
    found = [q for q in _candidates(tmp_path, text, monkeypatch) if q.prompt.startswith("Who")]
    assert found, "no Who-said question"
    assert all("Watson" not in q.accept for q in found), [(q.answer, q.accept) for q in found]


def test_no_statement_from_a_list_taken_for_an_aside_nor_a_denial_before_with(
    tmp_path, monkeypatch
):
    text = (
        "Shop raiders jailed\n\nGlen King, Stephen James Allison and Kevin Gallagher were"
        " each jailed for 27 months on Tuesday after admitting the raid.\n\nThe plans were"
        " approved by the council in May. Objections were raised, with concerns over the"
        " impact on the landscape and on wildlife."
    )
    statements = [
        plain_text(q.prompt)
        for q in _candidates(tmp_path, text, monkeypatch)
        if q.kind == "true_false"
    ]
    assert not any(s.startswith("True or false: Glen King were") for s in statements)
    assert not any("Objections were not raised" in s for s in statements), statements


@pytest.mark.parametrize(
    ("surname", "text", "alone"),
    [
        ("Masood", "Masood led the anti-Taliban offensive until 2001.", True),
        ("Masood", "The offensive, said Masood, would go on.", True),
        ("Watson", "“It will help,” mum Amanda Watson said.", False),
        ("Watson", "“It will help,” Mr Watson said.", False),
    ],
)
def test_a_shared_surname_is_kept_where_the_evidence_says_it_alone(surname, text, alone):
    from companion.generation.questions.base import _said_alone

    assert _said_alone(surname, text) is alone


def test_accepted_forms_never_repeat_the_key():
    from companion.generation.questions.base import _other_forms

    assert _other_forms("UNC", ["UNC", "unc", "United National Congress"]) == [
        "United National Congress"
    ]
    assert _other_forms("Larry Coker", ["Coker", "Coker"]) == ["Coker"]


def test_an_acronym_key_accepts_the_name_it_stands_for(monkeypatch):
    import companion.generation.questions.cloze as cloze

    monkeypatch.setattr(cloze, "display_name", lambda thing: "Public Health England")
    whole = SimpleNamespace(acronym="PHE", label="ORG", kind="group")
    found = cloze._shorter_names(SimpleNamespace(by_name={}), "PHE", whole)
    assert "Public Health England" in found, found


@pytest.mark.parametrize(
    ("sentence", "slip"),
    [
        ("The wait was 3.1 hours, according to a the most recent report by the board.", True),
        ("Prices went up but however the board could not give figures for the year.", True),
        ("The group sang the a cappella version of the song at the town hall.", False),
        ("Doctors said vitamin A the body needs comes from green vegetables.", False),
    ],
)
def test_two_articles_in_a_row_or_but_however_are_a_slip(sentence, slip):
    assert copied_slip(next(load_nlp()(sentence).sents)) is slip


def test_no_role_whose_owner_is_cut_from_a_longer_name(tmp_path):
    text = (
        "Six arrested over theft\n\nSpeaking to the media today, Homa Bay Directorate of"
        " Criminal Investigations Commander Abed Kavoo said they tracked down the suspects."
        "\n\nKavoo said that recently, police stations have received many cases of theft."
    )
    assert "of Criminal" not in _glossary(tmp_path, text).get("Abed Kavoo", "")


def test_no_question_with_a_cut_not_a_cut_possessive_or_a_subject_without_its_verb(
    tmp_path, monkeypatch
):
    text = (
        "Venice floods again\n\nIndependent MP Tony Windsor said the Coalition wasn’t moving a"
        " motion in the parliament because it might not have the support to win the vote."
        "\n\nThe tide peaked at 1.10 metres above sea level on Saturday at noon, leaving St."
        " Mark’s inundated with water. NHS England said more training places are being"
        " provided at medical schools and the annual target to recruit enough trainees has"
        " been surpassed for the first time."
    )
    prompts = [plain_text(q.prompt) for q in _candidates(tmp_path, text, monkeypatch)]
    assert not any(" n’t" in p or " n't" in p for p in prompts), prompts
    assert not any(p.endswith(("noon’s.", "noon's.")) for p in prompts), prompts
    assert not any(p.endswith("the annual target.") for p in prompts), prompts
