"""Rules of the fourteenth session (docs/questions.md, "Rules from the fourteenth
session"): faults the thirteenth session's last reviewers found in the final generators."""

from __future__ import annotations

from companion.generation.importing import read_article
from companion.generation.newswire import clean_news
from tests.test_blind_round_ten import _candidates

ROUND_FIVE = """Coffee earnings rise in Kirinyaga

Prices for coffee rose sharply across the central region last season, the board said.

Subsequently, coffee has earned farmers in Kirinyaga County a record Sh11.6 billion from
the sale of last year's harvest.

Conversely, Okomu Oil recorded the highest loss on the exchange on Tuesday.

Six family physicians in the Halifax Regional Municipality alone will retire by the end
of December.

The first of the sanctuary's tinker frogs were collected in 2009. Now, over a year later,
tadpoles have been born at the sanctuary in Eungella.

The Auburn Senior Center at 808 9th St. SE is open from 8 a.m. to 8 p.m. today for the
heat advisory.

After hearing the description, officers arrived at the 500 block of North French Avenue.

The golden frogs are not only hard to keep in captivity, but are also very hard to find
and catch in the wild.
"""


def test_round_five_faults_are_not_asked(tmp_path, monkeypatch):
    found = _candidates(tmp_path, ROUND_FIVE, monkeypatch)
    prompts = [q.prompt for q in found]
    statements = [q.prompt for q in found if q.kind in ("true_false", "short_answer")]
    assert not any("Subsequently" in p or "onversely" in p for p in statements), prompts
    assert not any("alone will not" in q.prompt for q in found), prompts
    assert not any(q.prompt.endswith("hard to keep in captivity.") for q in found), prompts
    assert not any("year later" in q.prompt for q in found), prompts
    assert not any(q.answer in ("808", "500") for q in found), prompts  # house numbers
    # the sentences still serve, without the word that leans on the one before
    assert any("record Sh11.6 billion" in q.prompt for q in found), prompts


def test_a_pointer_to_the_page_video_is_cut_from_the_sentence():
    cleaned = clean_news(["He argued (see video) that closing Peebles would save money."])
    assert cleaned.paragraphs == ["He argued that closing Peebles would save money."]


def test_a_lead_word_in_capitals_is_written_small_also_in_the_plural():
    cleaned = clean_news(["MOTORISTS have been warned to expect delays on the A34.", "NHS trusts."])
    assert cleaned.paragraphs[0].startswith("Motorists have been warned")
    assert clean_news(["NHS trusts are struggling this winter."]).paragraphs[0].startswith("NHS")


def test_a_page_comment_section_goes_with_its_rules(tmp_path):
    story = "The new dog park in Grandview opened on Saturday with a ribbon cutting."
    text = (
        f"Dog park opens\n\n{story}\n\n{story} Again.\n\n{story} Once more.\n\n(0) comments\n\n"
        "Welcome to the discussion.\n\nLog In\n\nKeep it Clean. Please avoid obscene, vulgar,"
        " lewd, racist or sexually-oriented language.\n\nDon't Threaten. Threats of harming"
        " another person will not be tolerated.\n"
    )
    path = tmp_path / "park.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert article.paragraphs[-1] == f"{story} Once more."
    assert "Welcome to the discussion." in article.removed


def test_a_lead_in_in_capitals_in_the_second_paragraph_and_before_a_name():
    deck = "Since the lockdown the soup kitchen has taken on added significance for many."
    cleaned = clean_news([deck, "THE township of Khabazela Village lies a few kilometres away."])
    assert cleaned.paragraphs[1].startswith("The township of Khabazela")
    lead = "CLIFFORD Chambers War Memorial has received a £2,050 funding boost."
    assert clean_news([lead]).paragraphs[0].startswith("Clifford Chambers War Memorial")
    assert clean_news(["NASA Goddard engineers tested it."]).paragraphs[0].startswith("NASA")
