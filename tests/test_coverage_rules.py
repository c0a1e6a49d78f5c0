"""Rules that find more questions and definitions without giving up precision
(docs/questions.md "Who said it" and "Numbers", docs/glossary.md "Titles"): each test
checks what a rule makes and what it must still refuse."""

from __future__ import annotations

import re

from companion.common.textutil import plain_text
from companion.lesson.fileformat import BLANK
from companion.lesson.model import Lesson
from tests.generated import lesson_from_text

ARTICLE = """Harbour town votes on a new sea wall

Porthaven, a fishing town on the north coast, will vote on a new sea wall next month.
The council spent 40 million pounds on the old wall, and the town's population was
8,200 in 2019. About 46.8 percent of homes are close to the water.

"The wall will protect every family that lives near the harbour," said Mara Quill, the
mayor of Porthaven. "We cannot wait for the next storm to decide for us," Quill added.
Engineers from Delta Works built the old wall between 1988 and 1994.

"Nobody asked the fishermen what they need from the harbour," said Tomas Reyes, who
leads the fishing co-operative. "Most of the boats leave before dawn," Reyes said. A
spokesman said "no comment".

"Our engineers have tested the design against the worst storms on record," said Ines
Varga, the chief engineer of Delta Works. "It is ready to build," she said.

"The vote on Thursday will settle the question for a generation," said Owen Pike, a
teacher at the harbour school. Prime Minister Alma Sorensen visited the harbour on
April 13, 2021, with Delta Works (DLW) co-founder Piet Hagen. Hagen showed the
minister the plans. Hagen has built sea walls in three countries.

The town's photo books are printed by Blurb. Blurb.com gave the school a discount.
Piet Hagen will open the new wall if the town votes for it.
"""


def lesson(tmp_path) -> Lesson:
    return lesson_from_text(tmp_path, ARTICLE)


def prompts(lesson: Lesson, kind: str | None = None) -> list[str]:
    return [plain_text(q.prompt) for q in lesson.questions if kind is None or q.kind == kind]


def test_who_said_a_quotation_names_its_speaker_in_full(tmp_path):
    found = lesson(tmp_path)
    asked = {
        plain_text(q.prompt): q
        for q in found.questions
        if plain_text(q.prompt).startswith("Who said, ")
    }
    assert asked, prompts(found)
    for prompt, question in asked.items():
        assert question.answer in {"Mara Quill", "Tomas Reyes", "Ines Varga", "Owen Pike"}
        quote = re.search(r"“(.+)”", prompt).group(1)
        assert quote in plain_text(question.evidence), (prompt, question.evidence)
        assert question.answer.split()[-1] in question.accept or question.kind == (
            "multiple_choice"
        )
    # four options only among people the article quotes
    for question in asked.values():
        if question.kind == "multiple_choice":
            assert len(question.choices) == 4
            assert set(question.choices) <= {"Mara Quill", "Tomas Reyes", "Ines Varga", "Owen Pike"}


def test_no_who_said_for_a_short_quote_or_an_unnamed_speaker(tmp_path):
    said = [p for p in prompts(lesson(tmp_path)) if p.startswith("Who said, ")]
    assert not any("no comment" in p for p in said)  # two words, and "a spokesman"
    assert not any("ready to build" in p for p in said)  # "she said": no name


def test_a_number_is_blanked_where_it_is_the_only_answer(tmp_path):
    found = lesson(tmp_path)
    numbers = [q for q in found.questions if q.source == "rule:cloze-number"]
    assert numbers, prompts(found)
    for question in numbers:
        assert re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", question.answer)
        filled = question.prompt.replace(BLANK, question.answer)
        assert " ".join(filled.split()) == " ".join(question.evidence.split())
        # never the day of a date, one end of a range, or part of a name
        assert question.answer not in ("13", "1988", "1994", "2021"), question.prompt


def test_a_full_name_after_a_title_can_be_blanked(tmp_path):
    from companion.generation.analysis import load_nlp
    from companion.generation.questions.cloze import _inside_longer_name
    from companion.generation.terms import Mention

    doc = load_nlp()("Prime Minister Alma Sorensen visited the harbour on Monday.")
    full = Mention(0, doc, 2, 4, "Alma Sorensen")
    half = Mention(0, doc, 3, 4, "Sorensen")
    assert not _inside_longer_name(full)  # "Prime Minister _": a title, then the name
    assert _inside_longer_name(half)  # "Alma _": half of a name


def test_a_title_before_a_name_defines_the_person(tmp_path):
    """ "Delta Works (DLW) co-founder Piet Hagen": the line is "co-founder of Delta
    Works"; but where the student first meets him it only turns round the words before
    his name, so it is no entry (nineteenth session's blind reviewers: "Hennepin County
    Judge Peter Cahill" -> "judge of Hennepin County", rejected as copied), unless the
    title names him."""
    from companion.generation.analysis import analyse
    from companion.generation.context_lines import context_line
    from companion.generation.terms import find_things, resolver_for

    analysis = analyse([p for p in ARTICLE.split("\n\n")[1:]])
    things = find_things(analysis)
    hagen = next(t for t in things if t.key == "piet hagen")
    assert context_line(hagen, resolver_for(things)).text == "co-founder of Delta Works"
    entries = {e.term: e.definition for e in lesson(tmp_path).glossary}
    assert "Piet Hagen" not in entries, entries


def test_a_word_the_article_uses_as_a_web_address_is_not_glossed(tmp_path):
    terms = {e.term.lower() for e in lesson(tmp_path).glossary}
    assert "blurb" not in terms


def test_who_options_are_people_named_in_full():
    from companion.generation.questions.literal import OUTSIDE_REFERENCE

    assert OUTSIDE_REFERENCE.search("Who is another celebrity fan?")


def _negated(text: str) -> str | None:
    from companion.generation.analysis import load_nlp
    from companion.generation.questions.truefalse import negated

    sentence = next(load_nlp()(text).sents)
    found = negated(sentence.root, {})
    return found if found is None else found + "."


def test_a_false_statement_by_a_plain_not():
    assert _negated("The council approved the wall in 2009.") == (
        "The council did not approve the wall in 2009."
    )
    assert _negated("The FDA has regulatory authority over food additives.") == (
        "The FDA does not have regulatory authority over food additives."
    )
    assert _negated("The findings are detailed in two papers.") == (
        "The findings are not detailed in two papers."
    )


def test_no_not_where_it_tangles():
    assert _negated("Buchheit always believed the return was inevitable.") is None
    assert _negated("The motive for the attack was unknown.") is None  # "not unknown"
    assert _negated("Only three boats finished the race.") is None
    assert _negated("The council met and approved the wall.") is None  # two verbs
    assert _negated("Raja was forced to resign and later arrested.") is None  # two verbs, one deep
    assert _negated("The numbers have been dropping fastest in Scotland.") is None  # superlative
    assert _negated("China and Japan are by far Asia's biggest economies.") is None
    assert _negated("Caterham saw Kamui Kobayashi come home 15th.") is None  # "did not see"
    assert _negated("The council did not approve the wall.") is None  # already negative
    assert _negated("Google declined to make Page available.") is None  # "did not decline"
    assert _negated("The scientists began to wonder about the pattern.") is None
    assert _negated("The line has surpassed its highs, which is positive for stocks.") is None
    assert _negated(
        "The prediction is based on clinical survey data over a ten year period from three "
        "survey cycles which included many thousands of adults in every part of the country."
    ) is None  # long: hard to judge once denied


def test_a_lesson_has_false_statements_as_well_as_true_ones(tmp_path):
    answers = [q.answer for q in lesson(tmp_path).questions if q.kind == "true_false"]
    assert "false" in answers, answers


def test_a_number_written_as_a_word_can_be_blanked(tmp_path):
    article = """Regatta at Porthaven

The winning boat of the regatta finished nine races in a row on Saturday.

The crew of the boat will sail in the regatta again next year.
"""
    numbers = [
        q for q in lesson_from_text(tmp_path, article).questions
        if q.source == "rule:cloze-number"
    ]
    assert [q.answer for q in numbers] == ["nine"]


REPORTED = """Dyes in food

David Schab, a psychiatrist at Columbia University, spoke to the panel of Porthaven.
Kennedy Brown added that "all of the major safety bodies have reviewed the science."
Mara Quill, a chemist from Porthaven, was at the meeting too.
"The evidence that the dyes worsen behaviour is convincing," she said.

In May the panel meets David Schab, Kennedy Brown and Mara Quill again.
"""


def test_who_said_a_reported_clause_and_a_he_or_she_the_sentence_before_settles(tmp_path):
    from companion.generation.questions.quotes import quote_questions
    from tests.test_precision_rules import _builder

    builder = _builder([p.replace("\n", " ") for p in REPORTED.split("\n\n")[1:]])
    asked = {  # every candidate of the rule, before a passage keeps its best few
        plain_text(c.question.prompt): c.question.answer
        for item in builder.analysis.sentences
        for c in quote_questions(builder, item.span)
    }
    assert asked.get(
        "Who said “all of the major safety bodies have reviewed the science”?"
    ) == "Kennedy Brown", asked
    assert asked.get(
        "Who said, “The evidence that the dyes worsen behaviour is convincing”?"
    ) == "Mara Quill", asked


def test_one_passage_never_asks_twice_about_one_name():
    from companion.generation.questions import _same_answer

    assert _same_answer("runald", "patrik runald")
    assert not _same_answer("tf:runald warned", "runald")
    assert not _same_answer("kennedy brown", "tf:the panel meets kennedy brown again")
    assert not _same_answer("sharapova", "azarenka")


ROLE_ARTICLE = (
    "Wine in plastic bottles\n\n"
    "Philippe Lauret, the president of Les Celliers Jean Alibert, which sells the wine, "
    "said his firm would supply the shops this year.\n\n"
    "Lottie Parsons, a spokesman for Asda, said drinkers wanted lighter bottles. "
    "Mark Dunning, 47, said he liked the idea.\n\n"
    "Anne Croft, his longtime friend, tasted the wine. Pascal Fernandez, a winegrower, said "
    "plastic was difficult for him."
)


def test_who_holds_a_role_tied_to_something(tmp_path):
    """ "X, the president of Y" asks who is the president of Y; a relative clause after
    the role is left off."""
    from companion.generation.analysis import load_nlp
    from companion.generation.questions.roles import role_phrase

    nlp = load_nlp()

    def role_of(sentence: str, name: str) -> str:
        doc = nlp(sentence)
        token = next(t for t in doc if t.text == name)
        appos = next((c for c in token.children if c.dep_ == "appos"), None)
        return role_phrase(appos) if appos is not None else ""

    assert (
        role_of(ROLE_ARTICLE.split("\n\n")[1], "Lauret")
        == "the president of Les Celliers Jean Alibert"
    )
    assert role_of("Lottie Parsons, a spokesman for Asda, said so.", "Parsons") == (
        "a spokesman for Asda"
    )
    # tied to nothing, a pronoun, a figure: no question
    assert role_of("Anne Croft, his longtime friend, tasted the wine.", "Croft") == ""
    assert role_of("Pascal Fernandez, a winegrower, said so.", "Fernandez") == ""
    assert role_of("Mark Dunning, 47, said he liked it.", "Dunning") == ""


def test_a_role_question_in_a_lesson_keys_the_full_name(tmp_path):
    questions = [
        q
        for q in lesson_from_text(tmp_path, ROLE_ARTICLE).questions
        if q.source == "rule:role-who"
    ]
    assert questions, "no role question"
    for q in questions:
        assert q.prompt.startswith("Who is ") and q.prompt.endswith("?")
        assert q.answer in ("Philippe Lauret", "Lottie Parsons")
        assert q.answer.split()[-1] in q.accept or q.choices


def test_a_thing_the_tagger_called_a_person_is_no_option_for_who():
    from companion.generation.questions.base import not_a_person

    assert not_a_person("Nouveau Beaujolais")  # a wine
    assert not not_a_person("Keith Brown")  # "Brown" is also a person in WordNet
    assert not not_a_person("Philippe Lauret")


def test_a_surname_with_its_particle_is_accepted():
    from companion.generation.questions.base import surnames

    assert surnames("Maria del Socorro") == {"Socorro", "del Socorro"}
    assert surnames("Philippe Lauret") == {"Lauret"}
