"""Candidate glossary terms (companion.generation.terms): one Thing per person, group,
place, acronym or hard word, whatever the spelling; a bare surname goes to the nearest
full name before it; dates, outlets and well-known names are never candidates."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.common.wordnet import get_wordnet
from companion.generation.analysis import analyse
from companion.generation.terms import (
    Thing,
    display_name,
    edit_distance_at_most_one,
    family_name_first,
    find_things,
    initials,
    normal_key,
    resolver_for,
    spelling_variants,
    title_only_words,
    zipf_threshold,
)


@cache
def things_of(*paragraphs: str, grade: int = 8) -> dict[str, Thing]:
    """The article's Things by key (one parse per distinct article in this module)."""
    things = find_things(analyse(list(paragraphs)), grade)
    assert len({t.key for t in things}) == len(things), "two Things share a key"
    return {t.key: t for t in things}


def forms(*paragraphs: str, grade: int = 8) -> dict[str, list[str]]:
    return {k: sorted(t.forms) for k, t in things_of(*paragraphs, grade=grade).items()}


def where(thing: Thing) -> list[tuple[int, int]]:
    """(paragraph, token) of each mention, in reading order."""
    return sorted((m.paragraph, m.start) for m in thing.mentions)


# ---------------------------------------------------------------------------- string rules


@pytest.mark.parametrize(
    ("grade", "threshold"),
    [(6, 3.85), (8, 3.6), (12, 3.1), (1, 4.475), (0, 4.475), (-3, 4.475), (13, 3.1), (99, 3.1)],
)
def test_zipf_threshold(grade: int, threshold: float):
    assert zipf_threshold(grade) == pytest.approx(threshold)


def _listed_words() -> list[str]:
    from wordfreq import top_n_list

    return top_n_list("en", 50_000)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(_listed_words()), st.text("abcdehilmnorstuyz", max_size=9)))
def test_a_plain_words_frequency_is_wordfreqs(word: str):
    """zipf's table lookup for a lowercase ASCII word gives wordfreq's own answer, for
    listed words (whatever their case or letters) and for made-up ones (0)."""
    from wordfreq import zipf_frequency

    from companion.generation.analysis import zipf

    assert zipf(word) == zipf_frequency(word, "en")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Taliban", "taliban"),
        ("the Taliban", "taliban"),
        ("The Taliban's", "taliban"),
        ("Taliban’s", "taliban"),  # curly apostrophe
        ("Panjshiris'", "panjshiris"),  # plural possessive
        ("anti-Taliban", "anti taliban"),
        ("  National   Resistance\nFront ", "national resistance front"),
        ("theory", "theory"),  # "the" only as a word
        ("Other", "other"),
        ("the the", "the"),
    ],
)
def test_normal_key(text: str, key: str):
    assert normal_key(text) == key


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("masood", "masood", True),
        ("masood", "masoud", True),  # substitution
        ("masood", "masod", True),  # deletion
        ("masod", "masood", True),  # insertion
        ("kabul", "kabull", True),
        ("masood", "masuud", False),  # two substitutions
        ("masood", "mas", False),  # length differs by more than one
        ("ab", "ba", False),  # a swap is two edits
        ("", "a", True),
        ("", "ab", False),
    ],
)
def test_edit_distance_at_most_one(a: str, b: str, expected: bool):
    assert edit_distance_at_most_one(a, b) is expected
    assert edit_distance_at_most_one(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Masood", "Masoud", True),
        ("Ahmed Masood", "Ahmad Masoud", True),  # every word one letter off
        ("Ahmed Shah Masood", "ahmed shah masood", True),  # case
        ("Ahmed Masood", "Ahmed Shah Masood", False),  # another number of words
        ("Iran", "Iraq", False),  # short words must match exactly
        ("Mali", "Bali", False),
        ("Masood", "Nasood", False),  # first letters differ
        ("Kandahar", "Kandahra", False),  # a swap
        ("Taliban", "Taliban", True),
    ],
)
def test_spelling_variants(a: str, b: str, expected: bool):
    assert spelling_variants(a, b) is expected
    assert spelling_variants(b, a) is expected


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Jet Propulsion Laboratory", "JPL"),
        ("National Resistance Front", "NRF"),
        ("Committee to Protect Journalists", "CPJ"),  # small words are skipped
        ("Bureau of Alcohol, Tobacco and Firearms", "BATF"),
        ("the United Nations", "UN"),
        ("Médecins Sans Frontières", "MSF"),
    ],
)
def test_initials(name: str, letters: str):
    assert initials(name) == letters


# ---------------------------------------------------------------------------- names


SPELLINGS = "Ahmed Masood spoke on Monday. Later, Ahmed Masoud said the fight would go on."


def test_spelling_variants_of_a_name_are_one_person():
    assert forms(SPELLINGS) == {"ahmed masood": ["Ahmed Masood", "Ahmed Masoud"]}
    assert things_of(SPELLINGS)["ahmed masood"].kind == "person"


def test_father_and_son_are_two_people():
    found = forms(
        "Ahmed Shah Masood led the resistance. Masood was killed in 2001.",
        "His son Ahmed Masoud now leads the group.",
    )
    assert found == {
        "ahmed shah masood": ["Ahmed Shah Masood", "Masood"],
        "ahmed masoud": ["Ahmed Masoud"],
    }


ARTICLE_TWO_MASOODS = (
    "Ahmed Shah Masood led the fight.",
    "Masood died in 2001. Ahmad Wali Masood, his brother, spoke. Masood said the valley would hold.",
)


def test_bare_surname_goes_to_the_nearest_full_name_before_it():
    found = things_of(*ARTICLE_TWO_MASOODS)
    assert set(found) == {"ahmed shah masood", "ahmad wali masood"}
    # "Masood died" follows only Ahmed Shah Masood; "Masood said" follows his brother
    assert where(found["ahmed shah masood"]) == [(0, 0), (1, 0)]
    assert where(found["ahmad wali masood"]) == [(1, 5), (1, 14)]


def test_bare_surname_before_any_full_name_is_not_an_entry():
    found = things_of("Masood spoke first.", "Ahmed Shah Masood arrived later.")
    assert list(found) == ["ahmed shah masood"]
    assert where(found["ahmed shah masood"]) == [(1, 0)]  # the earlier "Masood" is not his


def test_surname_with_possessive_joins_the_full_name():
    found = forms("Dr. Sarah Hogenboom and Hogenboom's team studied the comet.")
    assert found == {"sarah hogenboom": ["Hogenboom", "Sarah Hogenboom"]}


TALIBAN = "The Taliban's fighters entered Kabul. The Taliban said they held the city."


def test_the_and_possessive_are_one_group():
    assert forms(TALIBAN) == {"taliban": ["Taliban"], "kabul": ["Kabul"]}
    found = things_of(TALIBAN)
    assert len(found["taliban"].mentions) == 2
    assert found["taliban"].kind == "group" and found["taliban"].label == "ORG"
    assert found["kabul"].kind == "place" and found["kabul"].label == "GPE"


def test_demonym_and_short_form_join_the_place():
    found = forms(
        "Heavy fighting hit the Panjshir Valley. Panjshir is remote and Panjshiris are proud."
    )
    assert list(found.values()) == [["Panjshir", "Panjshir Valley", "Panjshiris"]]


def test_a_common_word_is_not_the_short_name_of_a_place():
    """ "the West" is not "West Ham" (which then vanished with it as a well-known place)."""
    found = forms(
        "Wayne Rooney scored three goals at West Ham on Saturday, and Manchester United won.",
        "Relations between the West and Russia were not discussed by the players.",
    )
    assert "west ham" in found and found["west ham"] == ["West Ham"]


# ---------------------------------------------------------------------------- acronyms

NRF_ARTICLE = (
    "The National Resistance Front (NRF) fought on.",
    "The NRF said Masood's men held the valley. Ahmed Shah Masood led them.",
)


def test_acronym_in_brackets_is_one_thing_with_its_expansion():
    nrf = things_of(*NRF_ARTICLE)["national resistance front"]
    assert nrf.kind == "group"
    assert (nrf.acronym, nrf.expansion) == ("NRF", "national resistance front")
    assert sorted(nrf.forms) == ["NRF", "National Resistance Front"]
    assert where(nrf) == [(0, 1), (0, 5), (1, 1)]
    assert display_name(nrf) == "National Resistance Front"


def test_acronym_before_its_expansion_is_joined():
    found = forms(
        "Fighters of the NRF left. The NRF is strong. The National Resistance Front (NRF) said so."
    )
    assert found == {"national resistance front": ["NRF", "National Resistance Front"]}


def test_acronym_joins_a_name_with_the_same_initials():
    found = things_of(
        "Scientists at the Jet Propulsion Laboratory studied the data. JPL engineers built the rover."
    )
    assert list(found) == ["jet propulsion laboratory"]
    jpl = found["jet propulsion laboratory"]
    assert (jpl.acronym, jpl.expansion) == ("JPL", "jet propulsion laboratory")
    assert sorted(jpl.forms) == ["JPL", "Jet Propulsion Laboratory"]


def test_a_hyphenated_expansion_spells_its_acronym():
    """ "Non-Alcoholic Fatty Liver Disease ( NAFLD)": the "A" of "Alcoholic" counts."""
    found = forms(
        "An epidemic of Non-Alcoholic Fatty Liver Disease ( NAFLD) is coming, experts said.",
        "The prevalence of NAFLD doubled in ten years.",
    )
    assert found["non alcoholic fatty liver disease"] == [
        "NAFLD",
        "Non-Alcoholic Fatty Liver Disease",
    ]


# ---------------------------------------------------------------------------- exclusions


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        # weekdays, months, years, decades: never names
        ("The fighters attacked Kabul on Thursday in September 2021.", ["kabul"]),
        # names every student knows and well-known countries
        ("NASA sent a rover to Mars on Monday.", []),
        ("Taliban fighters entered Afghanistan and took Kabul.", ["kabul", "taliban"]),
        # common nationality words are known; a rare one is a candidate
        ("A Prussian general and an Afghan officer met Soviet troops.", ["prussian"]),
        # news outlets, by name
        ("CNN could not verify the claims. Reuters reported the attack.", []),
    ],
)
def test_never_glossed(paragraph: str, kept: list[str]):
    assert sorted(things_of(paragraph)) == kept


def test_an_organisation_used_as_a_news_outlet_is_not_glossed():
    assert things_of("Tolo News could not verify the claims. Tolo News reported the attack.") == {}
    # the same name doing news-unrelated things is a candidate
    hired = things_of("Tolo News hired new staff. Tolo News opened an office in Kabul.")
    assert sorted(hired) == ["kabul", "tolo news"]
    assert len(hired["tolo news"].mentions) == 2


# ---------------------------------------------------------------------------- words


def test_rare_words_are_one_thing_per_lemma():
    found = things_of("The insurgents were ambushing convoys. An insurgent ambushed a convoy.")
    assert {k: (t.kind, t.pos, t.lemma, sorted(t.forms)) for k, t in found.items()} == {
        "insurgent": ("word", "n", "insurgent", ["insurgent", "insurgents"]),
        "ambush": ("word", "v", "ambush", ["ambushed", "ambushing"]),
        # commoner in print than the grade's threshold, but the learner dictionary glosses it
        "convoy": ("word", "n", "convoy", ["convoy", "convoys"]),
    }
    assert not found["ambush"].is_name and found["ambush"].label == ""


def test_capitalised_sentence_start_is_still_a_word():
    found = things_of("Insurgents attacked the convoy. The insurgents fled.")
    assert sorted(found["insurgent"].forms) == ["Insurgents", "insurgents"]


@pytest.mark.parametrize(
    ("grade", "words"),
    [(6, ["hover", "ubiquitous"]), (8, ["hover", "ubiquitous"]), (12, [])],
)
def test_grade_sets_how_rare_a_word_must_be(grade: int, words: list[str]):
    found = things_of("The ubiquitous drones hovered overhead.", grade=grade)
    assert sorted(found) == words
    assert all(t.rarity < zipf_threshold(grade) for t in found.values())


def test_boilerplate_paragraph_is_skipped():
    found = things_of(
        "Read more: Subscribe to our newsletter for updates on the insurgency.",
        "The insurgency grew.",
    )
    assert list(found) == ["insurgency"]
    assert where(found["insurgency"]) == [(1, 1)]


@pytest.mark.skipif(
    not get_wordnet().available,
    reason=f"WordNet 3.0 files not found in {get_wordnet().folder} (install wordnet-base)",
)
def test_wordnet_compound_is_one_phrase():
    found = things_of("The coral reef was bleached.")
    reef = found["coral reef"]
    assert (reef.kind, reef.pos, reef.lemma, sorted(reef.forms)) == (
        "phrase",
        "n",
        "coral reef",
        ["coral reef"],
    )
    assert "coral" not in found and "reef" not in found


def test_a_lower_case_pair_the_tagger_calls_a_name_is_a_compound():
    """The small model tags "swine flu" a proper noun ("the new H1N1 strain, widely known
    as swine flu, gained a foothold"): written in lower case, it is the learner
    dictionary's phrase, not a name; a capitalised pair stays a name's."""
    found = things_of(
        "The World Health Organization declared a pandemic on Thursday as the new H1N1 "
        "strain, widely known as swine flu, gained a foothold in Europe."
    )
    assert "swine flu" in found and found["swine flu"].kind == "phrase"
    assert "swine" not in found


def test_a_dictionary_phrase_of_three_words_or_a_particle_is_one_thing():
    found = things_of(
        "The government declared a state of emergency on Monday after the floods.",
        "The striker scored a hat-trick, and the new mayor was sworn in on Friday.",
        "Officials said the states of emergency would last a month.",
    )
    emergency = found["state of emergency"]
    assert (emergency.kind, where(emergency)) == ("phrase", [(0, 4), (2, 3)])
    assert [m.text for m in emergency.mentions] == ["state of emergency", "states of emergency"]
    assert found["hat-trick"].kind == "phrase" and found["sworn in"].pos == "a"
    assert "emergency" not in found  # no entry of its own inside the phrase


def test_a_dictionary_pair_side_by_side_or_a_capitalised_name_is_no_phrase():
    found = things_of(
        "Storms cut the world power grid links on Monday.",
        "The U.S. Chamber Of Commerce opposed the rules.",
    )
    assert "world power" not in found  # two words side by side, not one term
    assert "chamber of commerce" not in found  # a name, not the dictionary's phrase


def test_a_title_phrase_the_article_never_writes_is_a_title_thing():
    analysis = analyse(["Rescuers searched the rubble through the night."], "Quake death toll rises")
    words = title_only_words("Quake death toll rises", analysis, set())
    toll = next(w for w in words if w.key == "death toll")
    assert (toll.kind, toll.mentions[0].text) == ("phrase", "death toll")
    assert "toll" not in {w.key for w in words}  # the title's word is inside the phrase
    found = title_only_words("Quake death toll rises", analysis, set(), found={"death toll"})
    assert "death toll" not in {w.key for w in found}  # the article glosses it itself


def test_a_name_the_news_names_file_lists_is_no_person():
    """The recogniser takes "Germanwings" for a person; the news names file lists an
    airline."""
    found = things_of(
        "The co-pilot of the Germanwings jet that slammed into the Alps locked his captain "
        "out of the cockpit, a French prosecutor said on Thursday.",
    )
    assert found["germanwings"].kind == "group"


def test_a_name_written_family_name_first_keeps_its_bare_family_name():
    """ "Hwang Woo-suk ... Hwang's paper": the family name comes first, before a hyphened
    given name; "Catherine Zeta-Jones" has a double surname."""
    assert (family_name_first("Hwang Woo-suk"), family_name_first("Moon Jae-in")) == (
        "hwang",
        "moon",
    )
    assert family_name_first("Catherine Zeta-Jones") == ""
    found = things_of(
        "South Korean scientist Hwang Woo-suk fabricated the research, a university panel "
        "said on Tuesday.",
        "The panel had already found that Hwang's 2005 paper was based on false data.",
    )
    assert "hwang" not in found
    assert [m.text for m in found["hwang woo suk"].mentions] == ["Hwang Woo-suk", "Hwang"]


# ---------------------------------------------------------------------------- display


def test_display_name_is_the_first_fullest_form():
    found = things_of(*ARTICLE_TWO_MASOODS)
    assert display_name(found["ahmed shah masood"]) == "Ahmed Shah Masood"
    spelled = things_of(SPELLINGS)
    assert display_name(spelled["ahmed masood"]) == "Ahmed Masood"  # the first of equals


def test_resolver_names_the_thing_a_token_belongs_to():
    analysis = analyse(list(NRF_ARTICLE))  # a fresh parse: the resolver keys on its docs
    resolve = resolver_for(find_things(analysis))
    first, second = analysis.docs
    assert [resolve(t) for t in first[:7]] == [
        "The",
        "National Resistance Front",
        "National Resistance Front",
        "National Resistance Front",
        "(",
        "National Resistance Front",
        ")",
    ]
    assert resolve(second[1]) == "National Resistance Front"  # "NRF"
    assert resolve(second[12]) == "Ahmed Shah Masood"
    # a bare surname before any full name belongs to no one
    assert second[3].text == "Masood" and resolve(second[3]) == "Masood"
    # a span is named by its first token, or keeps its own text
    assert resolve(second[1:3]) == "National Resistance Front"
    assert resolve(first[0:2]) == "The National"


def test_resolver_leaves_words_alone():
    analysis = analyse(["The insurgents were ambushing convoys."])
    resolve = resolver_for(find_things(analysis))
    assert [resolve(t) for t in analysis.docs[0]] == [t.text for t in analysis.docs[0]]


def test_a_team_s_last_word_alone_is_the_team():
    """ "the Yankees" after "the New York Yankees": one thing, named by its full name."""
    found = things_of(
        "The New York Yankees say they will stop sending signals from the stands.",
        "The Yankees were called by the league on Saturday, officials said.",
    )
    team = found["new york yankees"]
    assert {"New York Yankees", "Yankees"} <= team.forms
    assert "yankees" not in found


def test_a_last_word_two_teams_share_is_left_alone():
    """ "Sox" beside the Boston Red Sox and the Chicago White Sox could be either."""
    found = things_of(
        "Fans of the Boston Red Sox and the Chicago White Sox met on Saturday.",
        "The Sox fans argued for hours, the police said.",
    )
    assert found["boston red sox"].forms == {"Boston Red Sox"}
    assert found["chicago white sox"].forms == {"Chicago White Sox"}


def test_a_first_name_the_recogniser_left_out_belongs_to_the_person():
    """ "Conor McGregor needed just 13 seconds ...": the recogniser's person is
    "McGregor"; the name before it no dictionary knows is its first name. A word of the
    language before a name ("Judge", "Coach") is not."""
    found = forms(
        "Conor McGregor needed just 13 seconds to end Jose Aldo's decade-long unbeaten run.",
        "Coach Smith said McGregor had trained for months.",
    )
    assert "conor mcgregor" in found, found
    assert not any(key.startswith("coach") for key in found), found


def test_a_capitalised_word_of_one_of_the_article_s_names_is_no_word():
    """ "Parsons said ..." after "May Parsons": the name again, not "parson"."""
    found = things_of(
        "The injection was given by May Parsons, a matron from the Philippines.",
        "Parsons said it was a huge honour to give the first jab.",
    )
    assert "parson" not in found and "parsons" not in found, list(found)


def test_a_role_run_into_an_acronym_is_not_part_of_the_group():
    """ "WHO Director-General Margaret Chan": the recogniser's "WHO Director" is the WHO;
    "Finance Minister Ignatius Chombo" keeps its role, which is glossed as one."""
    found = things_of(
        "The announcement came from WHO Director-General Margaret Chan in Geneva.",
        "Finance Minister Ignatius Chombo was detained, a government source said.",
    )
    names = {display_name(t) for t in found.values()}
    assert "WHO Director" not in names and "Finance Minister" in names


def test_a_city_is_not_the_airport_named_after_it():
    """ "Christchurch" and "Christchurch Airport": two places (the Panjshir and the
    Panjshir Valley are one)."""
    found = things_of(
        "A powerful earthquake tore through Christchurch at lunchtime, toppling buildings.",
        "Flights were halted at Christchurch Airport while the runway was checked.",
        "Christchurch residents were told to stay away from the city centre.",
    )
    names = {display_name(t) for t in found.values()}
    assert {"Christchurch", "Christchurch Airport"} <= names


def test_a_city_is_not_the_hall_named_after_it():
    """ "Yellowknife" and the "Yellowknife Multiplex" where evacuees gather: a city and a
    building, as with an airport; before, the city's entry was headed by the hall's name."""
    found = things_of(
        "Residents of Yellowknife were ordered to leave the city by noon Friday as a "
        "wildfire moved closer.",
        "Officials said evacuation flights would begin Thursday for people without "
        "vehicles. Residents were told to register in person at the Yellowknife "
        "Multiplex.",
    )
    names = {display_name(t) for t in found.values()}
    assert "Yellowknife" in names


def test_an_acronym_of_a_hyphened_name_is_the_same_club():
    """ "PSG" is Paris Saint-Germain (the hyphened word's parts give its initials): one
    thing, not a duplicate entry beside the club's."""
    found = things_of(
        "Neymar has joined Paris Saint-Germain from Barcelona for a world-record fee.",
        "PSG presented their new signing in a statement on Thursday evening.",
    )
    names = {display_name(t) for t in found.values()}
    assert "Paris Saint-Germain" in names and "PSG" not in names


def test_a_country_the_recogniser_took_for_a_body_is_a_place():
    """The news names file calls Samoa an island country: a place, whatever the
    recogniser said; one it calls a building ("British Museum") stays a body."""
    found = things_of(
        "Samoa shuts down for two days as a mass measles vaccination drive begins.",
        "Samoa's government said on Wednesday that schools and offices would close.",
        "Officials in Samoa said the outbreak had killed 60 people.",
        "The British Museum said it would lend the statue to a gallery in Samoa.",
    )
    kinds = {display_name(t): t.kind for t in found.values()}
    assert kinds["Samoa"] == "place"
    assert kinds.get("British Museum", "group") != "place"


@pytest.mark.parametrize(
    ("key", "surname"),
    [
        ("Mr Windsor", "Windsor"),
        ("Dr. Fauci", "Fauci"),
        ("Mrs May", "May"),
        ("Sir John Franklin", "John Franklin"),  # a full name: not taken for a surname
        ("Windsor", ""),
        ("Mister Rogers", ""),
        ("Drummond Smith", ""),
    ],
)
def test_the_name_after_a_courtesy_title(key: str, surname: str):
    from companion.generation.terms import _courtesy_surname

    assert _courtesy_surname(key) == surname


def test_a_company_s_name_without_its_legal_ending_is_the_company():
    """ "Blockbuster", which the recogniser takes for a person, is Blockbuster Inc."""
    things = things_of(
        "Blockbuster Inc, the video rental chain, filed for bankruptcy on Thursday.",
        "Blockbuster said its stores would stay open.",
        "Analysts said Blockbuster had been too slow to change.",
    )
    company = next(t for t in things.values() if "blockbuster" in t.key)
    assert company.kind == "group" and len(company.mentions) == 3, things
    assert not any(t.key == "blockbuster" for t in things.values() if t is not company)


def test_a_place_only_the_title_names_is_a_thing_of_its_title_mention():
    """ "... assassinated at Rawalpindi rally", where the article names the city only in
    a hospital's name: the names file's place, met in the title."""
    title = "Pakistan opposition leader Benazir Bhutto assassinated at Rawalpindi rally"
    analysis = analyse(["She was rushed to Rawalpindi General Hospital, where she died."], title)
    found = title_only_words(title, analysis, set(), found={"rawalpindi general hospital"})
    places = [t for t in found if t.kind == "place"]
    assert [t.key for t in places] == ["rawalpindi"], found
    assert places[0].first.doc is analysis.title
