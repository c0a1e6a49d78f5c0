"""The grammar gate on rewritten questions (companion.generation.questions.grammar)."""

from __future__ import annotations

import pytest

from companion.generation.questions.grammar import broken_texts


@pytest.mark.parametrize(
    "text",
    [
        "Who allegedly bought the cocaine from claimed that the prosecutor buys cocaine?",
        "How many around worshipers chanted slogans?",
        "What on Friday condemned the attack?",
        "The rebels took the town, and?",
        "The capital of the province.",
        "Where did the weather the weather service report?",
        "When did the last time come Klitschko has not been stopped for 13 years -?",
        "When did the Sinclair Spectrum and BBC Micro do just?",
        "What were held 2-2 by Chelsea?",
        "What has unveiled a plan to plant 50 million trees by 2025 in a bid?",
        "Where had Pablo Picasso settled soon?",
        "True or false: The man became nervous and even more so.",
        "True or false: The new hospital and the late MP for Ebbw Vale, does not replace two"
        " older ones.",
    ],
)
def test_broken_rewrites_are_refused(text: str):
    assert text in broken_texts([text])


@pytest.mark.parametrize(
    "text",
    [
        "Where have Taliban forces been deployed in recent weeks?",
        "How many people were killed in the attack?",
        "Victims of child abuse should be encouraged to speak out.",
        "Who ordered the schools to close?",
        "What did the council vote to build?",
        "Who said it was a very, very good day?",
        "What did the council do?",
        "When did the Sinclair Spectrum go on sale?",
        "What was held 2-2 by Chelsea?",
        "What has the trust unveiled in a bid to plant more trees?",
        "Where did Pablo Picasso settle soon after the war?",
        "True or false: The Taliban, which took Kabul in August, did not enter the valley.",
        "True or false: Mack, 48, is not in jail.",
    ],
)
def test_sound_questions_pass(text: str):
    assert broken_texts([text]) == {}


@pytest.mark.parametrize(
    "text",
    ["Who used the same trick in 2009?", "What caused this effect?", "Who owns these shops?"],
)
def test_questions_leaning_on_another_sentence_are_refused(text: str):
    assert text in broken_texts([text])
